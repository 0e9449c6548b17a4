/* timeline.c: building the timeline model from the store: event rows,
 * grouped lines with headings, and densities for the ruler.
 *
 * Grouping works on period keys: a level (year, month...) and a number at
 * that level. Events are in date order with coarser dates first among
 * equal first days, so the events of one key always come in one run, and
 * a run's length is the period's count. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "era.h"
#include "i18n.h"
#include "event.h"
#include "store.h"
#include "text.h"
#include "timeline.h"
#include "xalloc.h"

struct timeline_key {
	enum timeline_zoom	level;
	int64_t			value;
};


/*
 * Writes how long E lasted ("2 days", "21 months", "30 years"), counted in
 * the unit of its coarser date: a span of two days counts both days, a
 * span of years the years between. Writes "" for an event of one date.
 * Returns the length.
 */
size_t
timeline_format_span(char *buf, size_t size, const struct event *e)
{
	const struct date *a = &e->start, *b = &e->end;
	int prec = a->prec < b->prec ? a->prec : b->prec;
	int64_t n, days;
	int unit;		/* 0 years, 1 months, 2 days */
	size_t o = 0;
	int r;

	if (!date_is_set(b) || size == 0) {
		if (size)
			buf[0] = '\0';
		return 0;
	}
	days = date_last_day(b) - date_first_day(a) + 1;
	if (prec == DATE_YEAR || days > 730) {
		n = (int64_t)b->year - a->year;
		if (n < 1)
			n = 1;
		unit = 0;
	} else if (prec == DATE_MONTH || days > 90) {
		n = ((int64_t)b->year * 12 + (b->month ? b->month : 12)) -
		    ((int64_t)a->year * 12 + (a->month ? a->month : 1)) + 1;
		if (prec == DATE_DAY)
			n = (days * 10 + 152) / 304;	/* days / 30.4 */
		unit = 1;
	} else {
		n = days;
		unit = 2;
	}
	/* TRANSLATORS: "circa", before a length of time ("c. 30 years") */
	if (a->circa || b->circa)
		o = (size_t)snprintf(buf, size, "%s", _("c. "));
	if (o >= size)
		return size - 1;
	if (unit == 0)
		r = snprintf(buf + o, size - o, i18n_ntext("%lld year",
		    "%lld years", (unsigned long)n), (long long)n);
	else if (unit == 1)
		r = snprintf(buf + o, size - o, i18n_ntext("%lld month",
		    "%lld months", (unsigned long)n), (long long)n);
	else
		r = snprintf(buf + o, size - o, i18n_ntext("%lld day",
		    "%lld days", (unsigned long)n), (long long)n);
	return r < 0 ? o : o + (size_t)r;
}

/* Fills T with one row per event of S listed in IDX (positions in
 * S->events, ascending; all events if IDX is NULL), for language L. */
void
timeline_build_subset(struct timeline *t, const struct store *s, enum lang l,
    const size_t *idx, size_t n)
{
	const struct event *e;
	size_t i, w;

	memset(t, 0, sizeof *t);
	if (idx == NULL)
		n = s->nevents;
	t->rows = xreallocarray(NULL, n ? n : 1, sizeof *t->rows);
	t->n = n;
	t->lang = l;
	t->zoom = TIMELINE_YEAR;
	for (i = 0; i < n; i++) {
		e = &s->events[idx ? idx[i] : i];
		t->rows[i].event = e;
		t->rows[i].line = i;
		event_format_dates(t->rows[i].date, sizeof t->rows[i].date, e,
		    l);
		timeline_format_span(t->rows[i].span, sizeof t->rows[i].span,
		    e);
		w = text_width(t->rows[i].date);
		if (w > t->date_width)
			t->date_width = w;
	}
}

/* Fills T with one row per event of S, in date order, for language L. */
void
timeline_build(struct timeline *t, const struct store *s, enum lang l)
{
	timeline_build_subset(t, s, l, NULL, 0);
}

/* Frees the rows and lines of T. */
void
timeline_free(struct timeline *t)
{
	free(t->rows);
	free(t->lines);
	memset(t, 0, sizeof *t);
}

static int64_t
timeline_floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Returns the period D falls in at zoom Z, no finer than D's precision. */
static struct timeline_key
timeline_key_of(const struct date *d, enum timeline_zoom z)
{
	struct timeline_key k;

	if (z == TIMELINE_DAY && d->prec < DATE_DAY)
		z = TIMELINE_MONTH;
	if (z == TIMELINE_MONTH && d->prec < DATE_MONTH)
		z = TIMELINE_YEAR;
	k.level = z;
	switch (z) {
	case TIMELINE_CENTURY:
		k.value = timeline_floor_div(d->year, 100);
		break;
	case TIMELINE_DECADE:
		k.value = timeline_floor_div(d->year, 10);
		break;
	case TIMELINE_YEAR:
		k.value = d->year;
		break;
	case TIMELINE_MONTH:
		k.value = (int64_t)d->year * 12 + d->month - 1;
		break;
	default:
		k.value = date_first_day(d);
		break;
	}
	return k;
}

static void
timeline_year_text(char *buf, size_t size, int64_t y, enum lang l)
{
	struct date d;

	memset(&d, 0, sizeof d);
	d.year = (int32_t)y;
	d.prec = DATE_YEAR;
	date_format_lang(buf, size, &d, l);
}

/* Writes the heading of period K: "1900–1999", "1990s", "1992",
 * "1992-05", "1992-05-08" (BC years as historians write them). */
static void
timeline_key_label(char *buf, size_t size, struct timeline_key k,
    enum lang l)
{
	char a[28], b[28];
	struct date d;
	int32_t y;
	unsigned m, day;

	memset(&d, 0, sizeof d);
	switch (k.level) {
	case TIMELINE_CENTURY:
		if (k.value > 0) {
			snprintf(buf, size, "%lld\xe2\x80\x93%lld%s",
			    (long long)k.value * 100,
			    (long long)k.value * 100 + 99, l == LANG_ZH_HANS ||
			    l == LANG_ZH_HANT ? "年" : "");
			return;
		}
		timeline_year_text(a, sizeof a, k.value * 100, l);
		timeline_year_text(b, sizeof b, k.value * 100 + 99, l);
		snprintf(buf, size, "%s\xe2\x80\x93%s", a, b);
		return;
	case TIMELINE_DECADE:
		if (k.value * 10 > 0) {
			if (l == LANG_ZH_HANS || l == LANG_ZH_HANT)
				snprintf(buf, size, "%lld年代",
				    (long long)k.value * 10);
			else if (l == LANG_VI)
				snprintf(buf, size, "thập niên %lld",
				    (long long)k.value * 10);
			else
				snprintf(buf, size, "%llds",
				    (long long)k.value * 10);
			return;
		}
		timeline_year_text(a, sizeof a, k.value * 10, l);
		timeline_year_text(b, sizeof b, k.value * 10 + 9, l);
		snprintf(buf, size, "%s\xe2\x80\x93%s", a, b);
		return;
	case TIMELINE_YEAR:
		timeline_year_text(buf, size, k.value, l);
		return;
	case TIMELINE_MONTH:
		d.year = (int32_t)timeline_floor_div(k.value, 12);
		d.month = (uint8_t)(k.value - (int64_t)d.year * 12 + 1);
		d.prec = DATE_MONTH;
		break;
	default:
		date_from_day_number(k.value, &y, &m, &day);
		d.year = y;
		d.month = (uint8_t)m;
		d.day = (uint8_t)day;
		d.prec = DATE_DAY;
		break;
	}
	date_format_lang(buf, size, &d, l);
}

static struct timeline_line *
timeline_add_line(struct timeline *t, size_t *cap)
{
	if (t->nlines == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		t->lines = xreallocarray(t->lines, *cap, sizeof *t->lines);
	}
	memset(&t->lines[t->nlines], 0, sizeof t->lines[0]);
	return &t->lines[t->nlines++];
}

static void
timeline_era_label(char *buf, size_t size, const struct era *era,
    enum lang l)
{
	date_format_span(buf, size, &era->start, &era->end, l);
}

/*
 * Builds T's lines at zoom Z: heading lines for each change of era (eras
 * looked up in S; an event whose era is unknown gets no era heading) and
 * of period, then the event. Replaces lines built before.
 */
void
timeline_group(struct timeline *t, const struct store *s,
    enum timeline_zoom z)
{
	const struct era *era, *prev_era = NULL;
	struct timeline_key k, prev;
	struct timeline_line *l;
	size_t i, j, cap = 0, count;
	int first = 1;

	free(t->lines);
	t->lines = NULL;
	t->nlines = 0;
	t->zoom = z;
	t->max_count = 0;
	memset(&prev, 0, sizeof prev);
	for (i = 0; i < t->n; i++) {
		const struct event *e = t->rows[i].event;
		int new_era;

		era = e->era_id[0] ? store_find(s, STORE_ERAS, e->era_id) :
		    NULL;
		new_era = era != NULL && (first || era != prev_era);
		if (new_era) {
			l = timeline_add_line(t, &cap);
			l->kind = TIMELINE_LINE_ERA;
			l->row = i;
			l->era = era_name(era, t->lang, NULL);
			timeline_era_label(l->label, sizeof l->label, era, t->lang);
		}
		k = timeline_key_of(&e->start, z);
		if (new_era || first || k.level != prev.level ||
		    k.value != prev.value) {
			count = 0;
			for (j = i; j > 0; j--) {
				struct timeline_key pk = timeline_key_of(
				    &t->rows[j - 1].event->start, z);

				if (pk.level != k.level || pk.value != k.value)
					break;
			}
			for (; j < t->n; j++, count++) {
				struct timeline_key nk = timeline_key_of(
				    &t->rows[j].event->start, z);

				if (nk.level != k.level || nk.value != k.value)
					break;
			}
			l = timeline_add_line(t, &cap);
			l->kind = TIMELINE_LINE_PERIOD;
			l->row = i;
			l->count = count;
			timeline_key_label(l->label, sizeof l->label, k, t->lang);
			if (count > t->max_count)
				t->max_count = count;
		}
		l = timeline_add_line(t, &cap);
		l->kind = TIMELINE_LINE_EVENT;
		l->row = i;
		t->rows[i].line = t->nlines - 1;
		prev = k;
		prev_era = era;
		first = 0;
	}
}

/* Returns the name of zoom level Z ("year"). */
const char *
timeline_zoom_name(enum timeline_zoom z)
{
	static const char *const names[] = {
		N_("century"), N_("decade"), N_("year"), N_("month"),
		N_("day")
	};

	return z < TIMELINE_NZOOMS ? names[z] : "?";
}

/* Returns the first row whose event starts on or after the first day of
 * D, or T->n if there is none. */
size_t
timeline_find_date(const struct timeline *t, const struct date *d)
{
	int64_t day = date_first_day(d);
	size_t lo = 0, hi = t->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (date_first_day(&t->rows[mid].event->start) < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Returns the row of event E in T, or T->n if it is not there (filtered
 * out). */
size_t
timeline_find_event(const struct timeline *t, const struct event *e)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->rows[i].event == e)
			return i;
	return t->n;
}

static int
timeline_same_period(const struct timeline *t, size_t a, size_t b,
    enum timeline_zoom z)
{
	struct timeline_key ka, kb;

	/* Periods compare at the zoom, whatever the dates' precisions. */
	if (z > TIMELINE_YEAR) {
		ka = timeline_key_of(&t->rows[a].event->start, z);
		kb = timeline_key_of(&t->rows[b].event->start, z);
		return ka.level == kb.level && ka.value == kb.value;
	}
	ka = timeline_key_of(&t->rows[a].event->start, z);
	kb = timeline_key_of(&t->rows[b].event->start, z);
	return ka.value == kb.value;
}

static int
timeline_same_era(const struct timeline *t, size_t a, size_t b)
{
	return strcmp(t->rows[a].event->era_id, t->rows[b].event->era_id) == 0;
}

/* Steps from ROW to the start of a run of rows, as vim's "{" and "}": DIR
 * > 0 goes to the first row of the next run; DIR < 0 to the first row of
 * this run, or of the previous run if ROW already starts one. */
static size_t
timeline_step_run(const struct timeline *t, size_t row, int dir,
    int (*same)(const struct timeline *, size_t, size_t, enum timeline_zoom),
    enum timeline_zoom z)
{
	size_t r = row;

	if (t->n == 0)
		return 0;
	if (dir > 0) {
		while (r + 1 < t->n && same(t, r + 1, row, z))
			r++;
		return r + 1 < t->n ? r + 1 : row;
	}
	if (r > 0 && !same(t, r - 1, r, z))
		r--;
	while (r > 0 && same(t, r - 1, r, z))
		r--;
	return r;
}

static int
timeline_same_era_z(const struct timeline *t, size_t a, size_t b,
    enum timeline_zoom z)
{
	(void)z;
	return timeline_same_era(t, a, b);
}

/* Returns the row of the first event of the next (DIR > 0) or previous
 * period at zoom Z from ROW; ROW itself when there is none. */
size_t
timeline_step_period(const struct timeline *t, size_t row,
    enum timeline_zoom z, int dir)
{
	return timeline_step_run(t, row, dir, timeline_same_period, z);
}

/* Returns the row of the first event of the next (DIR > 0) or previous run
 * of one era from ROW; ROW itself when there is none. */
size_t
timeline_step_era(const struct timeline *t, size_t row, int dir)
{
	return timeline_step_run(t, row, dir, timeline_same_era_z,
	    TIMELINE_YEAR);
}

/*
 * Counts T's events into NCOLS columns spread evenly over the years from
 * the first event's to the last event's start (into COUNTS, NCOLS of
 * them); the years go to *FIRST_YEAR and *LAST_YEAR. Returns the largest
 * count.
 */
size_t
timeline_density(const struct timeline *t, size_t *counts, size_t ncols,
    int32_t *first_year, int32_t *last_year)
{
	size_t i, c, max = 0;

	memset(counts, 0, ncols * sizeof *counts);
	*first_year = *last_year = 0;
	if (t->n == 0 || ncols == 0)
		return 0;
	*first_year = t->rows[0].event->start.year;
	*last_year = t->rows[t->n - 1].event->start.year;
	for (i = 0; i < t->n; i++) {
		c = timeline_density_column(t, i, ncols);
		if (++counts[c] > max)
			max = counts[c];
	}
	return max;
}

/* Returns the ruler column (of NCOLS) that ROW's event falls in. */
size_t
timeline_density_column(const struct timeline *t, size_t row, size_t ncols)
{
	int64_t a, b, y;

	if (t->n == 0 || ncols == 0)
		return 0;
	a = t->rows[0].event->start.year;
	b = t->rows[t->n - 1].event->start.year;
	y = t->rows[row].event->start.year;
	if (b <= a)
		return 0;
	return (size_t)((y - a) * (int64_t)(ncols - 1) / (b - a));
}
