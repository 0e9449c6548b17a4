/* timeline.c: building the timeline model from the store: event rows,
 * grouped lines with headings, and densities for the ruler.
 *
 * Grouping works on period keys: a level (year, month...) and a number at
 * that level. Events are in date order with coarser dates first among
 * equal first days, so the events of one key always come in one run, and
 * a run's length is the period's count.
 *
 * Nothing is written per row up front, so that a million events cost a
 * pass over their dates and eras and a few megabytes at most: the rows
 * are positions in the store, the headings are kept as keys, and dates,
 * spans and headings' labels are written when they are asked for. The
 * widest date is found from the dates' shapes: two dates whose numbers
 * have as many digits, with the same precision, circa mark, era (BC or
 * AD) and the same equalities between start and end (the formatter
 * writes a span within one year differently) are written with as many
 * bytes and columns, so each shape is formatted once. */
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

/* Rows whose date and span are kept written, a direct-mapped cache: more
 * than a screen shows, so drawing one never writes a row twice. */
#define TIMELINE_FMT_SLOTS	512
/* Widths of date shapes remembered while measuring the widest date. */
#define TIMELINE_SHAPE_SLOTS	1024
/* Rows ahead whose dates are fetched while one is measured: each event
 * is a cache line of its own in memory, and that pass waits on memory,
 * not on work (a third faster so on a million events). */
#define TIMELINE_AHEAD		12
/* Rows whose headings are found at a time, at least. */
#define TIMELINE_SCAN_ROWS	4096

struct timeline_fmt {
	size_t			row;	/* SIZE_MAX: empty */
	char			date[48]; /* "1992-05-08", "c. 1805", ... */
	char			span[24]; /* "45 days", "" if one date */
};

struct timeline_key {
	enum timeline_zoom	level;
	int64_t			value;
};

/* A run of rows of one period. */
struct timeline_run {
	int64_t			value;	/* the period's key */
	uint32_t		row;	/* its first row */
	uint8_t			level;
};

/* A heading line: heading j is on line row + j. */
struct timeline_head {
	uint32_t		row;	/* the first event under it */
	uint32_t		ref;	/* its run, or its era in the store */
	uint8_t			kind;	/* TIMELINE_LINE_ERA or _PERIOD */
};

/*
 * The headings found so far: those of the rows before DONE, at the zoom
 * of the grouping. The rows where the era changes, which are the same
 * at every zoom, are kept apart (ERAS, found for the rows before
 * ERAS_DONE) and outlive a new grouping.
 */
struct timeline_lines {
	struct timeline_head	*heads;
	size_t			 nheads, cap;
	size_t			 done;
	size_t			 next_run;	/* the first run from DONE on */
	size_t			 next_era;	/* the first era change, too */

	struct timeline_head	*eras;		/* kind TIMELINE_LINE_ERA */
	size_t			 neras, ecap;
	size_t			 eras_done;
	const char		*era_id;	/* of row eras_done - 1 */
	const struct era	*era;		/* and its era */
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

/* Returns the event of ROW. */
const struct event *
timeline_event(const struct timeline *t, size_t row)
{
	return &t->store->events[t->idx != NULL ? t->idx[row] : row];
}

/* Returns the first day of ROW's event, from the store's index. */
static int64_t
timeline_first_day(const struct timeline *t, size_t row)
{
	return t->store->index.first[t->idx != NULL ? t->idx[row] : row];
}

static unsigned
timeline_digits(uint64_t v)
{
	unsigned k = 1;

	for (; v >= 10000; v /= 10000)
		k += 4;
	return k + (v >= 10) + (v >= 100) + (v >= 1000);
}

/* The shape of a year as written: BC (16) and how many digits. */
static unsigned
timeline_year_shape(int32_t y)
{
	return y > 0 ? timeline_digits((uint64_t)y) :
	    16 | timeline_digits((uint64_t)(1 - (int64_t)y));
}

/* A month as written: none, one digit, two digits and named in English,
 * two digits and not named, three digits. */
static unsigned
timeline_month_shape(unsigned m)
{
	return m == 0 ? 0 : m < 10 ? 1 : m <= 12 ? 2 : m < 100 ? 3 : 4;
}

static unsigned
timeline_day_shape(unsigned d)
{
	return d == 0 ? 0 : d < 10 ? 1 : d < 100 ? 2 : 3;
}

static uint32_t
timeline_date_shape(const struct date *d)
{
	return timeline_year_shape(d->year) | timeline_month_shape(d->month) <<
	    5 | timeline_day_shape(d->day) << 8 | (uint32_t)(d->prec & 3) <<
	    10 | (uint32_t)(d->circa != 0) << 12;
}

/* Returns the shape of E's dates: both dates', and whether their years
 * and months are equal. Never 0. */
static uint32_t
timeline_shape(const struct event *e)
{
	return timeline_date_shape(&e->start) |
	    timeline_date_shape(&e->end) << 13 |
	    (uint32_t)(e->start.year == e->end.year) << 26 |
	    (uint32_t)(e->start.month == e->end.month) << 27 | 1u << 28;
}

/* Writes into D a date of shape SHAPE (13 bits); ALT picks another year
 * and month of the same shape. */
static void
timeline_shape_date(struct date *d, uint32_t shape, int alt_year,
    int alt_month)
{
	static const uint8_t months[] = { 0, 1, 10, 13, 100 };
	static const uint8_t days[] = { 0, 1, 10, 100 };
	unsigned ys = shape & 31, k;
	int64_t y = 1;

	for (k = 1; k < (ys & 15); k++)
		y *= 10;
	y += alt_year;
	memset(d, 0, sizeof *d);
	d->year = (int32_t)(ys & 16 ? 1 - y : y);
	d->month = (uint8_t)(months[(shape >> 5 & 7) < 5 ? shape >> 5 & 7 : 0] +
	    alt_month);
	d->day = days[shape >> 8 & 3];
	d->prec = (uint8_t)(shape >> 10 & 3);
	d->circa = (shape >> 12 & 1) != 0;
}

/* Returns the width in columns of the dates of an event of SHAPE, for a
 * reader of L: those of a made-up event of that shape. */
static size_t
timeline_shape_width(uint32_t shape, enum lang l)
{
	uint32_t sa = shape & 0x1fff, sb = shape >> 13 & 0x1fff;
	int same_year = (shape >> 26 & 1) != 0;
	int same_month = (shape >> 27 & 1) != 0;
	struct date a, b;
	char buf[sizeof ((struct timeline_fmt *)0)->date];

	timeline_shape_date(&a, sa, 0, 0);
	timeline_shape_date(&b, sb, !same_year && (sa & 31) == (sb & 31),
	    !same_month && (sa >> 5 & 7) == (sb >> 5 & 7));
	if (same_year)
		b.year = a.year;
	if (same_month)
		b.month = a.month;
	date_format_span(buf, sizeof buf, &a, &b, l);
	return text_width(buf);
}

/* Returns the width of T's widest date. */
static size_t
timeline_date_width(const struct timeline *t)
{
	struct {
		uint32_t	shape;
		uint32_t	width;
	} *memo;
	uint32_t shape, last = 0;
	size_t i, slot, w = 0, max = 0;

	memo = xcalloc(TIMELINE_SHAPE_SLOTS, sizeof *memo);
	for (i = 0; i < t->n; i++) {
#ifdef __GNUC__
		if (i + TIMELINE_AHEAD < t->n)
			__builtin_prefetch(&timeline_event(t, i +
			    TIMELINE_AHEAD)->start);
#endif
		shape = timeline_shape(timeline_event(t, i));
		if (shape == last)
			continue;
		last = shape;
		slot = (shape * 2654435761u) >> 22;	/* 10 bits */
		if (memo[slot].shape != shape) {
			memo[slot].shape = shape;
			memo[slot].width = (uint32_t)timeline_shape_width(shape,
			    t->lang);
		}
		w = memo[slot].width;
		if (w > max)
			max = w;
	}
	free(memo);
	return max;
}

/* Fills T with one row per event of S listed in IDX (positions in
 * S->events, ascending; all events if IDX is NULL), for language L. */
void
timeline_build_subset(struct timeline *t, const struct store *s, enum lang l,
    const size_t *idx, size_t n)
{
	size_t i;

	memset(t, 0, sizeof *t);
	t->store = s;
	if (idx == NULL)
		n = s->nevents;
	else {
		t->idx = xreallocarray(NULL, n ? n : 1, sizeof *t->idx);
		for (i = 0; i < n; i++)
			t->idx[i] = (uint32_t)idx[i];
	}
	t->n = n;
	t->lang = l;
	t->zoom = TIMELINE_YEAR;
	t->lines = xcalloc(1, sizeof *t->lines);
	t->fmt = xreallocarray(NULL, TIMELINE_FMT_SLOTS, sizeof *t->fmt);
	for (i = 0; i < TIMELINE_FMT_SLOTS; i++)
		t->fmt[i].row = SIZE_MAX;
	t->date_width = timeline_date_width(t);
}

/* Fills T with one row per event of S, in date order, for language L. */
void
timeline_build(struct timeline *t, const struct store *s, enum lang l)
{
	timeline_build_subset(t, s, l, NULL, 0);
}

/* Frees what T holds. */
void
timeline_free(struct timeline *t)
{
	free(t->idx);
	free(t->fmt);
	free(t->runs);
	if (t->lines != NULL) {
		free(t->lines->heads);
		free(t->lines->eras);
	}
	free(t->lines);
	memset(t, 0, sizeof *t);
}

/* Returns ROW's place in the cache of written rows, written. */
static const struct timeline_fmt *
timeline_fmt_row(const struct timeline *t, size_t row)
{
	struct timeline_fmt *f = &t->fmt[row % TIMELINE_FMT_SLOTS];
	const struct event *e;

	if (f->row != row) {
		e = timeline_event(t, row);
		event_format_dates(f->date, sizeof f->date, e, t->lang);
		timeline_format_span(f->span, sizeof f->span, e);
		f->row = row;
	}
	return f;
}

/* Returns ROW's dates written for the timeline's reader ("9 May 1992",
 * "c. 1805"). The text stays until the timeline is freed or a few hundred
 * other rows have been asked for. */
const char *
timeline_date(const struct timeline *t, size_t row)
{
	return timeline_fmt_row(t, row)->date;
}

/* Returns how long ROW's event lasted, as timeline_format_span() writes
 * it ("" for an event of one date); it stays as timeline_date()'s does. */
const char *
timeline_span(const struct timeline *t, size_t row)
{
	return timeline_fmt_row(t, row)->span;
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

/* Returns the first row of T in [LO, HI) whose event starts on day DAY or
 * later, or HI: a binary search. */
static size_t
timeline_bisect(const struct timeline *t, size_t lo, size_t hi, int64_t day)
{
	size_t mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (timeline_first_day(t, mid) < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Returns the first row of T from LO on whose event starts on day DAY or
 * later: a search that gallops from LO, as the row is mostly near. */
static size_t
timeline_day_lower(const struct timeline *t, size_t lo, int64_t day)
{
	size_t hi, step = 1;

	if (lo >= t->n || timeline_first_day(t, lo) >= day)
		return lo;
	/* first(lo) < day: find hi with first(hi) >= day, or the end */
	for (;;) {
		hi = lo + step;
		if (hi >= t->n) {
			hi = t->n;
			break;
		}
		if (timeline_first_day(t, hi) >= day)
			break;
		lo = hi;
		step *= 2;
	}
	return timeline_bisect(t, lo + 1, hi, day);
}

static void
timeline_add_run(struct timeline *t, size_t *cap, size_t row,
    struct timeline_key k)
{
	if (t->nruns == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		t->runs = xreallocarray(t->runs, *cap, sizeof *t->runs);
	}
	t->runs[t->nruns].row = (uint32_t)row;
	t->runs[t->nruns].level = (uint8_t)k.level;
	t->runs[t->nruns].value = k.value;
	t->nruns++;
}

/* Finds T's runs of rows of one period at zoom Z. At a zoom of years or
 * coarser a period is a span of first days, so its rows are found by a
 * search in the index's first days, reading one event per period; finer
 * zooms look at each event's precision. */
static void
timeline_find_runs(struct timeline *t, enum timeline_zoom z)
{
	struct timeline_key k, prev;
	size_t i, cap = 0;
	int64_t next;

	t->nruns = 0;
	if (z <= TIMELINE_YEAR) {
		for (i = 0; i < t->n; i = timeline_day_lower(t, i,
		    date_day_number((int32_t)next, 1, 1))) {
			k = timeline_key_of(&timeline_event(t, i)->start, z);
			timeline_add_run(t, &cap, i, k);
			next = z == TIMELINE_YEAR ? k.value + 1 :
			    (k.value + 1) * (z == TIMELINE_DECADE ? 10 : 100);
		}
		return;
	}
	memset(&prev, 0, sizeof prev);
	for (i = 0; i < t->n; i++) {
		k = timeline_key_of(&timeline_event(t, i)->start, z);
		if (i == 0 || k.level != prev.level || k.value != prev.value)
			timeline_add_run(t, &cap, i, k);
		prev = k;
	}
}

/* Returns how many rows run R holds. */
static size_t
timeline_run_count(const struct timeline *t, size_t r)
{
	return (r + 1 < t->nruns ? t->runs[r + 1].row : t->n) -
	    t->runs[r].row;
}

static void
timeline_add_head(struct timeline_head **heads, size_t *n, size_t *cap,
    enum timeline_line_kind k, size_t row, size_t ref)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*heads = xreallocarray(*heads, *cap, sizeof **heads);
	}
	(*heads)[*n].row = (uint32_t)row;
	(*heads)[*n].ref = (uint32_t)ref;
	(*heads)[*n].kind = (uint8_t)k;
	(*n)++;
}

/* Finds the rows before UPTO where an era heading goes: where the era
 * changes (eras looked up in the store; an event whose era is unknown
 * gets no era heading). This reads every row's era, so it is done only
 * as far as needed; the eras are looked up where the era's id changes,
 * not on every row. */
static void
timeline_find_eras(const struct timeline *t, size_t upto)
{
	struct timeline_lines *g = t->lines;
	const struct event *e;
	const struct era *era;
	size_t i;

	for (i = g->eras_done; i < upto; i++) {
		e = timeline_event(t, i);
		if (i != 0 && strcmp(e->era_id, g->era_id) == 0)
			continue;
		era = e->era_id[0] ? store_find(t->store, STORE_ERAS,
		    e->era_id) : NULL;
		if (era != NULL && (i == 0 || era != g->era))
			timeline_add_head(&g->eras, &g->neras, &g->ecap,
			    TIMELINE_LINE_ERA, i, (size_t)(era - t->store->eras));
		g->era_id = e->era_id;
		g->era = era;
	}
	if (upto > g->eras_done)
		g->eras_done = upto;
}

/* Finds the headings of T's rows up to UPTO (excluded), or a little
 * further: an era heading where the era changes, and a period heading
 * where a period starts or after an era heading. */
static void
timeline_scan(const struct timeline *t, size_t upto)
{
	struct timeline_lines *g = t->lines;
	size_t r, rr, er;

	if (upto <= g->done || t->nruns == 0)	/* or not grouped */
		return;
	if (upto < g->done + TIMELINE_SCAN_ROWS)
		upto = g->done + TIMELINE_SCAN_ROWS;
	if (upto > t->n)
		upto = t->n;
	timeline_find_eras(t, upto);
	for (;;) {
		rr = g->next_run < t->nruns ? t->runs[g->next_run].row :
		    SIZE_MAX;
		er = g->next_era < g->neras ? g->eras[g->next_era].row :
		    SIZE_MAX;
		r = rr < er ? rr : er;
		if (r >= upto)
			break;
		if (rr == r)
			g->next_run++;
		if (er == r)
			timeline_add_head(&g->heads, &g->nheads, &g->cap,
			    TIMELINE_LINE_ERA, r, g->eras[g->next_era++].ref);
		/* the period of row r, whose run is the last one begun */
		timeline_add_head(&g->heads, &g->nheads, &g->cap,
		    TIMELINE_LINE_PERIOD, r, g->next_run - 1);
	}
	g->done = upto;
}

/*
 * Groups T's rows at zoom Z: finds the periods' runs of rows and the
 * fullest period now; the headings are found as far as the lines are
 * asked for. Replaces a grouping made before. S is T's store.
 */
void
timeline_group(struct timeline *t, const struct store *s,
    enum timeline_zoom z)
{
	size_t r;

	(void)s;
	t->zoom = z;
	t->max_count = 0;
	timeline_find_runs(t, z);
	for (r = 0; r < t->nruns; r++)
		if (timeline_run_count(t, r) > t->max_count)
			t->max_count = timeline_run_count(t, r);
	t->lines->nheads = 0;
	t->lines->done = 0;
	t->lines->next_run = 0;
	t->lines->next_era = 0;
}

/* Returns whether T has line LINE, finding its headings as far as
 * needed. */
bool
timeline_has_line(const struct timeline *t, size_t line)
{
	const struct timeline_lines *g = t->lines;

	while (line >= g->done + g->nheads && g->done < t->n &&
	    t->nruns != 0)
		timeline_scan(t, g->done + 1);
	return line < g->done + g->nheads;
}

/* Returns how many lines T has, rows and headings: all its headings are
 * found. */
size_t
timeline_nlines(const struct timeline *t)
{
	timeline_scan(t, t->n);
	return t->n + t->lines->nheads;
}

/* Returns the line of ROW once grouped. */
size_t
timeline_line_of(const struct timeline *t, size_t row)
{
	const struct timeline_lines *g = t->lines;
	size_t lo = 0, hi, mid;

	timeline_scan(t, row + 1);
	/* the headings before it: those of its row and earlier rows */
	for (hi = g->nheads; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (g->heads[mid].row <= row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return row + lo;
}

/* Fills L with line LINE of T (timeline_has_line() must hold): an event
 * row, or a heading with its label written. */
void
timeline_line(const struct timeline *t, size_t line, struct timeline_line *l)
{
	const struct timeline_lines *g = t->lines;
	const struct timeline_head *h;
	const struct timeline_run *run;
	struct timeline_key k;
	const struct era *era;
	size_t lo = 0, hi, mid;

	l->count = 0;
	l->era = NULL;
	l->label[0] = '\0';
	l->kind = TIMELINE_LINE_EVENT;
	l->row = t->n;
	if (!timeline_has_line(t, line))
		return;
	/* the headings before it or on it: heading j is on line row + j */
	for (hi = g->nheads; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (g->heads[mid].row + mid <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || g->heads[lo - 1].row + lo - 1 != line) {
		l->row = line - lo;
		return;
	}
	h = &g->heads[lo - 1];
	l->kind = (enum timeline_line_kind)h->kind;
	l->row = h->row;
	if (h->kind == TIMELINE_LINE_ERA) {
		era = &t->store->eras[h->ref];
		l->era = era_name(era, t->lang, NULL);
		date_format_span(l->label, sizeof l->label, &era->start,
		    &era->end, t->lang);
		return;
	}
	run = &t->runs[h->ref];
	l->count = timeline_run_count(t, h->ref);
	k.level = (enum timeline_zoom)run->level;
	k.value = run->value;
	timeline_key_label(l->label, sizeof l->label, k, t->lang);
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
	return timeline_bisect(t, 0, t->n, date_first_day(d));
}

/* Returns the row of event E in T, or T->n if it is not there (filtered
 * out). */
size_t
timeline_find_event(const struct timeline *t, const struct event *e)
{
	size_t lo = 0, hi = t->n, mid, i;

	if (e < t->store->events || e >= t->store->events + t->store->nevents)
		return t->n;
	i = (size_t)(e - t->store->events);
	if (t->idx == NULL)
		return i < t->n ? i : t->n;
	while (lo < hi) {	/* the rows' events are in ascending order */
		mid = lo + (hi - lo) / 2;
		if (t->idx[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->n && t->idx[lo] == i ? lo : t->n;
}

static int
timeline_same_period(const struct timeline *t, size_t a, size_t b,
    enum timeline_zoom z)
{
	struct timeline_key ka, kb;

	/* Periods compare at the zoom, whatever the dates' precisions. */
	if (z > TIMELINE_YEAR) {
		ka = timeline_key_of(&timeline_event(t, a)->start, z);
		kb = timeline_key_of(&timeline_event(t, b)->start, z);
		return ka.level == kb.level && ka.value == kb.value;
	}
	ka = timeline_key_of(&timeline_event(t, a)->start, z);
	kb = timeline_key_of(&timeline_event(t, b)->start, z);
	return ka.value == kb.value;
}

static int
timeline_same_era(const struct timeline *t, size_t a, size_t b)
{
	return strcmp(timeline_event(t, a)->era_id,
	    timeline_event(t, b)->era_id) == 0;
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
 * them), as timeline_density_column() places each; the years go to
 * *FIRST_YEAR and *LAST_YEAR. Returns the largest count.
 */
size_t
timeline_density(const struct timeline *t, size_t *counts, size_t ncols,
    int32_t *first_year, int32_t *last_year)
{
	int64_t a, b, span, cols;
	size_t c, from, to, max = 0;

	memset(counts, 0, ncols * sizeof *counts);
	*first_year = *last_year = 0;
	if (t->n == 0 || ncols == 0)
		return 0;
	a = *first_year = timeline_event(t, 0)->start.year;
	b = *last_year = timeline_event(t, t->n - 1)->start.year;
	if (b <= a || ncols == 1) {
		counts[0] = t->n;
		return t->n;
	}
	/* Column c holds the years from a + ceil(c * span / cols) on: each
	 * column's rows are found by a search in the index's first days. */
	span = b - a;
	cols = (int64_t)ncols - 1;
	for (c = 0, from = 0; c < ncols; c++, from = to) {
		to = c + 1 == ncols ? t->n : timeline_day_lower(t, from,
		    date_day_number((int32_t)(a + ((int64_t)(c + 1) * span +
		    cols - 1) / cols), 1, 1));
		counts[c] = to - from;
		if (counts[c] > max)
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
	a = timeline_event(t, 0)->start.year;
	b = timeline_event(t, t->n - 1)->start.year;
	y = timeline_event(t, row)->start.year;
	if (b <= a)
		return 0;
	return (size_t)((y - a) * (int64_t)(ncols - 1) / (b - a));
}
