/* check.c: consistency checks of a loaded data package. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "diag.h"
#include "lang.h"
#include "store.h"

/* How far a place may lie from the place it is in, by the parent's kind:
 * farther is a sign of swapped or mistyped coordinates. */
static double
check_max_km(const char *parent_kind)
{
	if (strcmp(parent_kind, "country") == 0)
		return 5000.0;
	if (strcmp(parent_kind, "region") == 0)
		return 1500.0;
	return 300.0;
}

struct checker {
	const struct store	*s;
	struct diag		*diag;
	size_t			 n;
};

static void __attribute__((format(printf, 5, 6)))
check_report(struct checker *c, enum store_kind k, const void *row,
    const char *column, const char *fmt, ...)
{
	unsigned line, col;
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	store_where(c->s, k, row, column, &line, &col);
	diag_add(c->diag, c->s->t[k].path, line, col, "%s", msg);
	c->n++;
}

/* Every text of a row in all four languages. */
static void
check_langs(struct checker *c, enum store_kind k, const void *row,
    const char *const *texts, const char *prefix)
{
	char column[64];
	enum lang l;

	for (l = 0; l < LANG_COUNT; l++) {
		if (texts[l][0] != '\0')
			continue;
		snprintf(column, sizeof column, "%s_%s", prefix,
		    lang_suffix(l));
		check_report(c, k, row, column, _("%s is empty (every text is "
		    "needed in all four languages)"), column);
	}
}

static void
check_span(struct checker *c, enum store_kind k, const void *row,
    const struct date *start, const struct date *end)
{
	char a[32], b[32];

	if (!date_is_set(start) || !date_is_set(end) ||
	    date_last_day(end) >= date_first_day(start))
		return;
	date_format_iso(a, sizeof a, end);
	date_format_iso(b, sizeof b, start);
	check_report(c, k, row, "end", _("end %s is before start %s"), a, b);
}

/* A '?' between letters is a letter lost to a bad encoding (Qubadl?). */
static int
check_lost_letter(const char *s)
{
	const char *q;

	for (q = strchr(s, '?'); q != NULL; q = strchr(q + 1, '?')) {
		int before = q > s && ((q[-1] | 0x20) >= 'a' &&
		    (q[-1] | 0x20) <= 'z');
		int after = ((q[1] | 0x20) >= 'a' && (q[1] | 0x20) <= 'z');

		if (before || after)
			return 1;
	}
	return 0;
}

static double
check_km(double lat1, double lon1, double lat2, double lon2)
{
	double r = 6371.0, p = M_PI / 180.0;
	double dlat = (lat2 - lat1) * p, dlon = (lon2 - lon1) * p;
	double h = sin(dlat / 2) * sin(dlat / 2) +
	    cos(lat1 * p) * cos(lat2 * p) * sin(dlon / 2) * sin(dlon / 2);

	return 2 * r * asin(sqrt(h));
}

static void
check_places(struct checker *c)
{
	const struct store *s = c->s;
	const struct place *p, *parent;
	size_t i, depth;

	for (i = 0; i < s->nplaces; i++) {
		p = &s->places[i];
		check_langs(c, STORE_PLACES, p, p->name, "name");
		if (check_lost_letter(p->name[LANG_EN]) ||
		    check_lost_letter(p->aliases))
			check_report(c, STORE_PLACES, p, "name_en",
			    _("'%s' has a '?' where a letter was lost"),
			    p->name[LANG_EN]);
		if (isnan(p->lat) != isnan(p->lon))
			check_report(c, STORE_PLACES, p, "lat",
			    _("lat and lon must both be given or both empty"));
		else if (!isnan(p->lat) && (fabs(p->lat) > 90 ||
		    fabs(p->lon) > 180))
			check_report(c, STORE_PLACES, p, "lat",
			    _("coordinates out of range"));
		parent = store_find_place(s, p->parent_id);
		if (parent != NULL && place_has_position(p) &&
		    place_has_position(parent) &&
		    check_km(p->lat, p->lon, parent->lat, parent->lon) >
		    check_max_km(parent->kind)) {
			check_report(c, STORE_PLACES, p, "lat",
			    _("%.0f km from its parent '%s' (swapped lat/lon?)"),
			    check_km(p->lat, p->lon, parent->lat, parent->lon),
			    parent->id);
		}
		for (depth = 0; parent != NULL && depth <= s->nplaces; depth++)
			parent = store_find_place(s, parent->parent_id);
		if (parent != NULL)
			check_report(c, STORE_PLACES, p, "parent_id",
			    _("parent_id '%s' leads into a cycle"), p->parent_id);
	}
}

static void
check_actors(struct checker *c)
{
	const struct store *s = c->s;
	const struct actor *a, *parent;
	size_t i, depth;

	for (i = 0; i < s->nactors; i++) {
		a = &s->actors[i];
		check_langs(c, STORE_ACTORS, a, a->name, "name");
		if (check_lost_letter(a->name[LANG_EN]))
			check_report(c, STORE_ACTORS, a, "name_en",
			    _("'%s' has a '?' where a letter was lost"),
			    a->name[LANG_EN]);
		check_span(c, STORE_ACTORS, a, &a->start, &a->end);
		parent = store_find_actor(s, a->parent_id);
		for (depth = 0; parent != NULL && depth <= s->nactors; depth++)
			parent = store_find_actor(s, parent->parent_id);
		if (parent != NULL)
			check_report(c, STORE_ACTORS, a, "parent_id",
			    _("parent_id '%s' leads into a cycle"), a->parent_id);
	}
}

static void
check_events(struct checker *c)
{
	const struct store *s = c->s;
	const struct event *e;
	const struct era *era;
	size_t i;

	for (i = 0; i < s->neras; i++) {
		check_langs(c, STORE_ERAS, &s->eras[i], s->eras[i].name, "name");
		check_span(c, STORE_ERAS, &s->eras[i], &s->eras[i].start,
		    &s->eras[i].end);
	}
	for (i = 0; i < s->nevents; i++) {
		e = &s->events[i];
		check_langs(c, STORE_EVENTS, e, e->title, "title");
		check_langs(c, STORE_EVENTS, e, e->summary, "summary");
		check_span(c, STORE_EVENTS, e, &e->start, &e->end);
		if (check_lost_letter(e->title[LANG_EN]))
			check_report(c, STORE_EVENTS, e, "title_en",
			    _("'%s' has a '?' where a letter was lost"),
			    e->title[LANG_EN]);
		if (e->source_ids[0] == '\0')
			check_report(c, STORE_EVENTS, e, "source_ids",
			    _("no source cited"));
		era = store_find(s, STORE_ERAS, e->era_id);
		if (era != NULL && (date_first_day(&e->start) >
		    date_last_day(&era->end) || date_last_day(&e->start) <
		    date_first_day(&era->start)))
			check_report(c, STORE_EVENTS, e, "era_id",
			    _("starts outside its era '%s'"), era->id);
	}
	for (i = 0; i < s->nstatements; i++)
		check_langs(c, STORE_STATEMENTS, &s->statements[i],
		    s->statements[i].summary, "summary");
}

/* Two de facto intervals of one area must not overlap. */
static void
check_control(struct checker *c)
{
	const struct store *s = c->s;
	const struct control *a, *b;
	int64_t a0, a1, b0, b1;
	size_t i, j;

	for (i = 0; i < s->ncontrol; i++) {
		a = &s->control[i];
		check_span(c, STORE_CONTROL, a, &a->start, &a->end);
		if (strcmp(a->kind, "de_facto") != 0)
			continue;
		a0 = date_is_set(&a->start) ? date_first_day(&a->start) :
		    INT64_MIN;
		a1 = date_is_set(&a->end) ? date_first_day(&a->end) : INT64_MAX;
		for (j = i + 1; j < s->ncontrol; j++) {
			b = &s->control[j];
			if (strcmp(b->kind, "de_facto") != 0 ||
			    strcmp(a->area_id, b->area_id) != 0)
				continue;
			b0 = date_is_set(&b->start) ?
			    date_first_day(&b->start) : INT64_MIN;
			b1 = date_is_set(&b->end) ? date_first_day(&b->end) :
			    INT64_MAX;
			/* An interval ends on the day the next begins. */
			if (a0 < b1 && b0 < a1)
				check_report(c, STORE_CONTROL, b, "start",
				    _("de facto control of '%s' overlaps row "
				    "'%s'"), b->area_id, a->id);
		}
	}
}

/* Runs every check on S; returns the number of problems added to DIAG. */
size_t
check_store(const struct store *s, struct diag *diag)
{
	struct checker c;

	c.s = s;
	c.diag = diag;
	c.n = 0;
	check_places(&c);
	check_actors(&c);
	check_events(&c);
	check_control(&c);
	return c.n;
}
