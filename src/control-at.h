/* control-at.h: who held an area on a given day, from control.csv.
 *
 * Contract: an interval of control covers the days [first day of start,
 * first day of end): an empty start means "since before the record", an
 * empty end "still holds". control_at() finds the row covering a day for
 * one area (a place id) and kind; it keeps the row, so the caller has its
 * confidence and dates, and says whether the day falls inside the span of
 * an imprecise bound (a year, a month, a circa date), where the answer is
 * uncertain. control_area_place() maps a map area id (maps/) to the place
 * id control.csv uses; control_changes() lists what happened between two
 * days. Nothing here prints; nothing fails but date parsing. */
#ifndef CONTROL_AT_H
#define CONTROL_AT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct control;
struct store;

enum control_kind {
	CONTROL_DE_FACTO,
	CONTROL_DE_JURE
};

struct control_at {
	const struct control	*row;		/* NULL: no record that day */
	bool			 uncertain;	/* inside an imprecise bound */
};

/* One change of hands inside (day1, day2]: the row that began (its
 * start, if imprecise, may only overlap the span). */
struct control_change {
	const struct control	*row;
	int64_t			 day;		/* first day of row->start */
};

int		 control_day_parse(const char *, int64_t *day, char **cause);
bool		 control_covers(const struct control *, int64_t day);
bool		 control_is_kind(const struct control *, enum control_kind);
int		 control_at(const struct store *, const char *area_id,
		     enum control_kind, int64_t day, struct control_at *);
const char	*control_area_place(const struct store *, const char *map_id);
size_t		 control_changes(const struct store *, const char *area_id,
		     enum control_kind, int64_t day1, int64_t day2,
		     struct control_change *out, size_t max);
size_t		 control_areas(const struct store *, const char **out,
		     size_t max);

#endif
