/* control-at.c: who held an area on a day, and what changed between two.
 *
 * control.csv is small (about a hundred rows), so every question is a
 * linear scan: no index to keep in step with the store. */
#include "config.h"

#include <string.h>

#include "control-at.h"
#include "date.h"
#include "store.h"
#include "xalloc.h"

/* Map areas whose id is not the place id the data uses for them. */
static const struct {
	const char	*map_id;
	const char	*place_id;
} control_area_aliases[] = {
	{ "shusha_city", "shusha" },
};

/* Parses S (YYYY, YYYY-MM or YYYY-MM-DD, BC as a negative year) into the
 * number of its first day. Returns 0, or -1 with a message in CAUSE. */
int
control_day_parse(const char *s, int64_t *day, char **cause)
{
	struct date d;

	if (date_parse(&d, s, strlen(s), cause) != 0)
		return -1;
	if (!date_is_set(&d)) {
		*cause = xstrdup("empty date");
		return -1;
	}
	*day = date_first_day(&d);
	return 0;
}

/* True if row C covers DAY: first day of start <= DAY < first day of
 * end, an empty bound being open. */
bool
control_covers(const struct control *c, int64_t day)
{
	if (date_is_set(&c->start) && day < date_first_day(&c->start))
		return false;
	if (date_is_set(&c->end) && day >= date_first_day(&c->end))
		return false;
	return true;
}

/* True if row C is of KIND. */
bool
control_is_kind(const struct control *c, enum control_kind kind)
{
	return strcmp(c->kind, kind == CONTROL_DE_JURE ? "de_jure" :
	    "de_facto") == 0;
}

/* True if DAY lies in the span of D when D is less than a day or circa:
 * the change happened somewhere in that span. */
static bool
control_vague(const struct date *d, int64_t day)
{
	if (!date_is_set(d) || (d->prec == DATE_DAY && !d->circa))
		return false;
	return day >= date_first_day(d) && day <= date_last_day(d);
}

/* Fills AT with the row of KIND covering DAY for AREA_ID (a place id).
 * Returns 0, or -1 when no row covers it (AT->row is then NULL). */
int
control_at(const struct store *s, const char *area_id,
    enum control_kind kind, int64_t day, struct control_at *at)
{
	const struct control *c;
	size_t i;

	at->row = NULL;
	at->uncertain = false;
	for (i = 0; i < s->ncontrol; i++) {
		c = &s->control[i];
		if (strcmp(c->area_id, area_id) != 0 ||
		    !control_is_kind(c, kind) || !control_covers(c, day))
			continue;
		at->row = c;
		at->uncertain = control_vague(&c->start, day) ||
		    control_vague(&c->end, day);
		return 0;
	}
	return -1;
}

/* Returns the place id that control.csv uses for map area MAP_ID, or
 * NULL when the data has no row for it (the area stays uncoloured). */
const char *
control_area_place(const struct store *s, const char *map_id)
{
	const char *id = map_id;
	size_t i;

	for (i = 0; i < sizeof control_area_aliases /
	    sizeof control_area_aliases[0]; i++)
		if (strcmp(control_area_aliases[i].map_id, map_id) == 0)
			id = control_area_aliases[i].place_id;
	for (i = 0; i < s->ncontrol; i++)
		if (strcmp(s->control[i].area_id, id) == 0)
			return s->control[i].area_id;
	return NULL;
}

/* Stores in OUT (at most MAX) the rows of KIND for AREA_ID that begin in
 * (DAY1, DAY2], in date order: each is one change of hands. A start of
 * a year or a month counts when any of its days is inside: the change
 * may have happened then. Returns how many there are. */
size_t
control_changes(const struct store *s, const char *area_id,
    enum control_kind kind, int64_t day1, int64_t day2,
    struct control_change *out, size_t max)
{
	const struct control *c;
	struct control_change t;
	size_t i, j, n = 0;
	int64_t d;

	for (i = 0; i < s->ncontrol; i++) {
		c = &s->control[i];
		if (strcmp(c->area_id, area_id) != 0 ||
		    !control_is_kind(c, kind) || !date_is_set(&c->start))
			continue;
		d = date_first_day(&c->start);
		if (date_last_day(&c->start) <= day1 || d > day2)
			continue;
		if (n < max) {
			out[n].row = c;
			out[n].day = d;
			for (j = n; j > 0 && out[j - 1].day > out[j].day; j--) {
				t = out[j - 1];
				out[j - 1] = out[j];
				out[j] = t;
			}
		}
		n++;
	}
	return n;
}

/* Stores in OUT (at most MAX) every area id of control.csv once, in file
 * order. Returns how many there are. */
size_t
control_areas(const struct store *s, const char **out, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < s->ncontrol; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(s->control[j].area_id,
			    s->control[i].area_id) == 0)
				break;
		if (j < i)
			continue;
		if (n < max)
			out[n] = s->control[i].area_id;
		n++;
	}
	return n;
}
