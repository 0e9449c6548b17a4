/* timeline.h: the list of rows that the timeline shows.
 *
 * Contract: a timeline is a plain model built from the store: each row is
 * an event, with its date written for a reader on request
 * (timeline_date()). The CLI prints it and the TUI draws it; neither
 * formats dates on its own. The timeline points into the store, which
 * must outlive it.
 *
 * It is built to be cheap for a million events: a row is at most a 32-bit
 * position in the store (none at all when the timeline holds every
 * event), dates and spans are written only for the rows that are asked
 * for, into a small cache of formatted rows, and the widest date is
 * measured once per shape of date (the digits' counts, precision, circa,
 * BC), not once per row. Reading a timeline fills these caches, through
 * a const pointer too: a timeline belongs to one thread.
 *
 * timeline_group() adds the lines the interactive timeline shows: the
 * event rows with heading lines before them, one where the era changes
 * and one where the period changes at the zoom level (century, decade,
 * year, month, day). An event dated more coarsely than the zoom goes
 * under a heading of its own precision ("1992" before "1992-01" at month
 * zoom), so nothing looks more exact than its source. A period heading
 * carries how many events the period holds, for a density bar. The
 * periods are found when grouping; the headings only as far down as
 * lines are asked for (timeline_has_line(), timeline_line()), as finding
 * where the era changes reads every event's era. timeline_line() gives
 * any line, its label written then. timeline_density() counts events
 * per column of a ruler over the whole span of the timeline. */
#ifndef TIMELINE_H
#define TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "lang.h"

struct event;
struct store;

enum timeline_zoom {
	TIMELINE_CENTURY,
	TIMELINE_DECADE,
	TIMELINE_YEAR,
	TIMELINE_MONTH,
	TIMELINE_DAY,
	TIMELINE_NZOOMS
};

enum timeline_line_kind {
	TIMELINE_LINE_ERA,
	TIMELINE_LINE_PERIOD,
	TIMELINE_LINE_EVENT
};

/* One line as timeline_line() writes it out. */
struct timeline_line {
	enum timeline_line_kind	 kind;
	size_t			 row;	/* the event, or the first one under
					   the heading */
	size_t			 count;	/* events in the period (heading) */
	const char		*era;	/* era name (era heading) */
	char			 label[64]; /* "1992", "1990s", era dates */
};

struct timeline_fmt;
struct timeline_lines;
struct timeline_run;

struct timeline {
	const struct store	*store;
	uint32_t		*idx;		/* each row's event; NULL:
						   row i is event i */
	size_t			 n;
	size_t			 date_width;	/* widest date, in columns */
	enum lang		 lang;
	struct timeline_fmt	*fmt;		/* formatted rows, a cache */

	struct timeline_run	*runs;		/* after timeline_group(): */
	size_t			 nruns;		/* the periods' rows */
	struct timeline_lines	*lines;		/* the headings found */
	enum timeline_zoom	 zoom;
	size_t			 max_count;	/* the fullest period */
};

void	timeline_build(struct timeline *, const struct store *, enum lang);
void	timeline_build_subset(struct timeline *, const struct store *,
	    enum lang, const size_t *idx, size_t n);
void	timeline_free(struct timeline *);
void	timeline_group(struct timeline *, const struct store *,
	    enum timeline_zoom);
const struct event *timeline_event(const struct timeline *, size_t row);
const char *timeline_date(const struct timeline *, size_t row);
const char *timeline_span(const struct timeline *, size_t row);
size_t	timeline_line_of(const struct timeline *, size_t row);
bool	timeline_has_line(const struct timeline *, size_t line);
size_t	timeline_nlines(const struct timeline *);
void	timeline_line(const struct timeline *, size_t line,
	    struct timeline_line *);
const char *timeline_zoom_name(enum timeline_zoom);
size_t	timeline_find_date(const struct timeline *, const struct date *);
size_t	timeline_find_event(const struct timeline *, const struct event *);
size_t	timeline_step_period(const struct timeline *, size_t row,
	    enum timeline_zoom, int dir);
size_t	timeline_step_era(const struct timeline *, size_t row, int dir);
size_t	timeline_density(const struct timeline *, size_t *counts,
	    size_t ncols, int32_t *first_year, int32_t *last_year);
size_t	timeline_density_column(const struct timeline *, size_t row,
	    size_t ncols);
size_t	timeline_format_span(char *buf, size_t size, const struct event *);

#endif
