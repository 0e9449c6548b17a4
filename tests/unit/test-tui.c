/* test-tui.c: the interactive atlas's pure parts: the layout for a size,
 * wrapping text by display width, the prompt's line editing, and the
 * timeline's grouping, stepping and spans. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "event.h"
#include "prompt.h"
#include "store.h"
#include "text.h"
#include "timeline.h"
#include "tui-layout.h"
#include "unit.h"
#include "xalloc.h"

static int
rect_inside(const struct tui_rect *r, int rows, int cols)
{
	return r->h == 0 || (r->y >= 0 && r->x >= 0 && r->y + r->h <= rows &&
	    r->x + r->w <= cols);
}

static int
rects_apart(const struct tui_rect *a, const struct tui_rect *b)
{
	return a->h == 0 || b->h == 0 || a->y + a->h <= b->y ||
	    b->y + b->h <= a->y || a->x + a->w <= b->x || b->x + b->w <= a->x;
}

static void
test_layout(void)
{
	static const int sizes[][2] = {
		{ 24, 80 }, { 40, 120 }, { 60, 200 }, { 3, 20 }, { 10, 40 },
		{ 30, 100 }, { 24, 200 }, { 100, 80 }, { 2, 300 }, { 50, 19 },
	};
	struct tui_layout l;
	size_t i;
	int p, q, map;

	tui_layout_compute(&l, 24, 80, 0);
	CHECK(l.mode == TUI_LAYOUT_TABS);
	CHECK(l.tabs.y == 0 && l.tabs.h == 1 && l.tabs.w == 80);
	CHECK(l.pane[TUI_PANE_TIMELINE].y == 1 &&
	    l.pane[TUI_PANE_TIMELINE].h == 22);
	CHECK(l.status.y == 23 && l.status.w == 80);
	CHECK(l.pane[TUI_PANE_MAP].h == 0);

	tui_layout_compute(&l, 40, 120, 0);
	CHECK(l.mode == TUI_LAYOUT_SIDE);
	CHECK(l.pane[TUI_PANE_TIMELINE].w == 60);
	CHECK(l.pane[TUI_PANE_DETAIL].x == 61 &&
	    l.pane[TUI_PANE_DETAIL].w == 59);
	CHECK(l.pane[TUI_PANE_DETAIL].h == 39);

	tui_layout_compute(&l, 30, 100, 0);
	CHECK(l.mode == TUI_LAYOUT_STACKED);
	CHECK(l.pane[TUI_PANE_TIMELINE].h + l.pane[TUI_PANE_DETAIL].h == 29);
	CHECK(l.pane[TUI_PANE_DETAIL].y == l.pane[TUI_PANE_TIMELINE].h);

	tui_layout_compute(&l, 2, 300, 0);
	CHECK(l.mode == TUI_LAYOUT_TOO_SMALL && l.status.h == 0);
	tui_layout_compute(&l, 50, 19, 0);
	CHECK(l.mode == TUI_LAYOUT_TOO_SMALL);
	tui_layout_compute(&l, 3, 20, 0);
	CHECK(l.mode == TUI_LAYOUT_TABS &&
	    l.pane[TUI_PANE_TIMELINE].h == 1);

	/* Whatever the size, with or without a map: inside the screen, and
	 * (but in tabs mode, where one shows at a time) never overlapping. */
	for (map = 0; map < 2; map++)
		for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			int rows = sizes[i][0], cols = sizes[i][1];

			tui_layout_compute(&l, rows, cols, map);
			CHECK(rect_inside(&l.status, rows, cols));
			for (p = 0; p < TUI_PANE_COUNT; p++) {
				CHECK(rect_inside(&l.pane[p], rows, cols));
				CHECK(rects_apart(&l.pane[p], &l.status));
				if (l.mode == TUI_LAYOUT_TABS)
					continue;
				for (q = p + 1; q < TUI_PANE_COUNT; q++)
					CHECK(rects_apart(&l.pane[p],
					    &l.pane[q]));
			}
			if (map && l.mode == TUI_LAYOUT_SIDE)
				CHECK(l.pane[TUI_PANE_MAP].h > 0);
		}
	tui_layout_compute(&l, 40, 120, 0);
	CHECK(tui_layout_hit(&l, TUI_PANE_TIMELINE, 5, 10));
	CHECK(!tui_layout_hit(&l, TUI_PANE_TIMELINE, 5, 70));
	CHECK(tui_layout_hit(&l, TUI_PANE_DETAIL, 5, 70));
}

static char *
wrapped(const char *s, size_t cols)
{
	static char out[1024];
	struct text_line *l;
	size_t n, i, o = 0;

	n = text_wrap(s, cols, &l);
	for (i = 0; i < n; i++) {
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s",
		    i ? "|" : "", (int)l[i].len, s + l[i].off);
		if (l[i].width > cols)
			o += (size_t)snprintf(out + o, sizeof out - o, "!");
	}
	out[o] = '\0';
	free(l);
	return out;
}

static void
test_wrap(void)
{
	/* Words stay whole; spaces at the break go. */
	CHECK_STR(wrapped("Armenian forces capture Shusha", 16),
	    "Armenian forces|capture Shusha");
	CHECK_STR(wrapped("a b", 1), "a|b");
	/* A word longer than the line is cut between characters; a hyphen
	 * allows a break after it. */
	CHECK_STR(wrapped("Nagorno-Karabakh", 6), "Nagorn|o-|Karaba|kh");
	/* Chinese breaks between characters, 2 columns each, never before
	 * a closing mark. */
	CHECK_STR(wrapped("亚美尼亚部队攻占舒沙", 8), "亚美尼亚|部队攻占|舒沙");
	CHECK_STR(wrapped("阿尔扎赫，成为", 8), "阿尔扎|赫，成为");
	CHECK_STR(wrapped("舒沙", 1), "舒!|沙!");
	/* Vietnamese: a letter and its combining marks stay together. */
	CHECK_STR(wrapped("Thu\xcc\x9b\xcc\x89 nghie\xcc\xa3m", 4),
	    "Thu\xcc\x9b\xcc\x89|nghi|e\xcc\xa3m");
	CHECK_STR(wrapped("Chiến tranh Nagorno-Karabakh lần thứ nhất", 20),
	    "Chiến tranh Nagorno-|Karabakh lần thứ|nhất");
	CHECK_STR(wrapped("two\nlines", 20), "two|lines");
	CHECK_STR(wrapped("", 20), "");
}

static void
type(struct prompt *p, const char *s)
{
	/* ASCII and two-byte letters only, enough for the tests. */
	while (*s) {
		unsigned char c = (unsigned char)*s;
		uint32_t cp = c;

		if (c >= 0xe0) {
			cp = ((uint32_t)(c & 0x0f) << 12) |
			    ((uint32_t)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
			s += 3;
		} else if (c >= 0xc0) {
			cp = ((uint32_t)(c & 0x1f) << 6) | (s[1] & 0x3f);
			s += 2;
		} else
			s++;
		prompt_edit(p, PROMPT_INSERT, cp);
	}
}

static void
test_prompt(void)
{
	struct prompt p;
	size_t skip, col;

	prompt_open(&p, PROMPT_SEARCH, "/", NULL);
	type(&p, "shusa");
	prompt_edit(&p, PROMPT_LEFT, 0);
	type(&p, "h");
	CHECK_STR(p.text, "shusha");
	prompt_edit(&p, PROMPT_END, 0);
	type(&p, " 舒沙");
	prompt_edit(&p, PROMPT_BACKSPACE, 0);
	CHECK_STR(p.text, "shusha 舒");
	prompt_edit(&p, PROMPT_KILL_WORD, 0);
	CHECK_STR(p.text, "shusha ");
	prompt_edit(&p, PROMPT_HOME, 0);
	prompt_edit(&p, PROMPT_DELETE, 0);
	CHECK_STR(p.text, "husha ");
	prompt_edit(&p, PROMPT_RIGHT, 0);
	prompt_edit(&p, PROMPT_KILL_END, 0);
	CHECK_STR(p.text, "h");
	prompt_edit(&p, PROMPT_KILL_START, 0);
	CHECK_STR(p.text, "");
	CHECK(prompt_edit(&p, PROMPT_INSERT, 0x1b) == PROMPT_EDITING);
	CHECK_STR(p.text, "");	/* ESC never enters the text */
	/* A combining mark typed after a letter is deleted with it. */
	type(&p, "e\xcc\xa3");
	prompt_edit(&p, PROMPT_BACKSPACE, 0);
	CHECK_STR(p.text, "");
	CHECK(prompt_edit(&p, PROMPT_ACCEPT, 0) == PROMPT_ACCEPTED);
	CHECK(prompt_edit(&p, PROMPT_CANCEL, 0) == PROMPT_CANCELLED);

	/* Long text scrolls so the cursor stays in view. */
	prompt_open(&p, PROMPT_FILTER, "Filter: ", "place:shusha actor:armenia");
	skip = prompt_view(&p, 10, &col);
	CHECK(col < 10 && col == 9);
	CHECK_STR(p.text + skip, "r:armenia");
	prompt_edit(&p, PROMPT_HOME, 0);
	skip = prompt_view(&p, 10, &col);
	CHECK(skip == 0 && col == 0);
}

/* The density of every ruler width is what counting each row into its
 * column gives. */
static void
test_timeline_density(const struct timeline *t)
{
	static const size_t widths[] = { 1, 2, 7, 60, 200 };
	size_t counts[200], want[200], i, w, max, want_max;
	int32_t fy, ly;

	for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		memset(want, 0, sizeof want);
		want_max = 0;
		for (i = 0; i < t->n; i++) {
			size_t c = timeline_density_column(t, i, widths[w]);

			if (++want[c] > want_max)
				want_max = want[c];
		}
		max = timeline_density(t, counts, widths[w], &fy, &ly);
		CHECK(max == want_max);
		CHECK(memcmp(counts, want, widths[w] * sizeof *want) == 0);
		CHECK(fy == timeline_event(t, 0)->start.year);
		CHECK(ly == timeline_event(t, t->n - 1)->start.year);
	}
}

/* Checks T, grouped at Z, against what each row and heading should be:
 * dates as event_format_dates() writes them, the widest of them, every
 * line once, and each period heading counting the run of rows of its
 * period (as timeline_step_period() finds runs). */
static void
test_timeline_lines(const struct timeline *t, enum timeline_zoom z)
{
	struct timeline_line l;
	char buf[48];
	size_t i, line, w = 0, start = 0, next, events = 0, nlines;

	for (i = 0; i < t->n; i++) {
		event_format_dates(buf, sizeof buf, timeline_event(t, i),
		    t->lang);
		CHECK_STR(timeline_date(t, i), buf);
		if (text_width(buf) > w)
			w = text_width(buf);
	}
	CHECK(t->date_width == w);
	nlines = timeline_nlines(t);
	CHECK(!timeline_has_line(t, nlines) && (nlines == 0 ||
	    timeline_has_line(t, nlines - 1)));
	for (line = 0; line < nlines; line++) {
		timeline_line(t, line, &l);
		if (l.kind == TIMELINE_LINE_EVENT) {
			CHECK(l.row == events && timeline_line_of(t, l.row) ==
			    line);
			events++;
			continue;
		}
		CHECK(l.row == events && l.label[0] != '\0');
		if (l.kind != TIMELINE_LINE_PERIOD)
			continue;
		/* headings come in row order: the run goes on from the
		 * last one's */
		for (;; start = next) {
			next = timeline_step_period(t, start, z, 1);
			if (next == start)
				next = t->n;
			if (next > l.row)
				break;
		}
		CHECK(l.count == next - start && l.count <= t->max_count);
	}
	CHECK(events == t->n);
}

/* The model in every language and zoom, on every event and on a subset
 * of them. */
static void
test_timeline_model(const struct store *s)
{
	struct timeline t;
	size_t *idx, n = 0, i, row;
	int l, z;

	idx = calloc(s->nevents, sizeof *idx);
	if (idx == NULL)
		return;
	for (i = 0; i < s->nevents; i += 3)
		idx[n++] = i;
	for (l = 0; l < LANG_COUNT; l++) {
		timeline_build(&t, s, (enum lang)l);
		for (z = 0; z < TIMELINE_NZOOMS; z++) {
			timeline_group(&t, s, (enum timeline_zoom)z);
			test_timeline_lines(&t, (enum timeline_zoom)z);
		}
		test_timeline_density(&t);
		timeline_free(&t);
		timeline_build_subset(&t, s, (enum lang)l, idx, n);
		timeline_group(&t, s, TIMELINE_YEAR);
		test_timeline_lines(&t, TIMELINE_YEAR);
		test_timeline_density(&t);
		for (i = 0; i < s->nevents; i++) {
			row = timeline_find_event(&t, &s->events[i]);
			CHECK(i % 3 == 0 ? row == i / 3 &&
			    timeline_event(&t, row) == &s->events[i] :
			    row == t.n);
		}
		timeline_free(&t);
	}
	free(idx);
}

/* Line LINE of T as text, to compare two timelines' lines. */
static void
test_line_text(const struct timeline *t, size_t line, char *buf, size_t size)
{
	struct timeline_line l;

	timeline_line(t, line, &l);
	snprintf(buf, size, "%d %zu %zu %s %s", (int)l.kind, l.row, l.count,
	    l.era ? l.era : "-", l.label);
}

/* Era headings stand where the era changes, and only there, whatever
 * order the lines are asked for in: read from the top (as a screen
 * does), after the last row first (as G does), or here and there (as a
 * search does), the lines are the same; and the same when the timeline
 * was grouped at another zoom before (the eras found then are kept). */
static void
test_timeline_lazy(const struct store *s)
{
	struct timeline a, b, c;
	struct timeline_line l;
	const struct era *era, *prev = NULL;
	const struct event *e;
	char ta[200], tb[200];
	size_t i, line, n, eras = 0, cl;
	int z;

	timeline_build(&b, s, LANG_EN);
	timeline_build(&c, s, LANG_EN);
	for (z = 0; z < TIMELINE_NZOOMS; z++) {
		timeline_build(&a, s, LANG_EN);
		timeline_group(&a, s, (enum timeline_zoom)z);
		timeline_group(&b, s, (enum timeline_zoom)z);
		timeline_group(&c, s, (enum timeline_zoom)z);
		CHECK(timeline_line_of(&b, b.n - 1) + 1 == timeline_nlines(&b));
		/* c: lines asked for further down at each zoom, so that its
		 * eras are found in steps across groupings */
		cl = timeline_line_of(&c, 1500 + 2500 * (size_t)z);
		for (i = 0; i < 8; i++)
			(void)timeline_line_of(&c, 1500 + 2500 * (size_t)z -
			    i * 131);
		for (line = 0; timeline_has_line(&a, line); line++) {
			test_line_text(&a, line, ta, sizeof ta);
			test_line_text(&b, line, tb, sizeof tb);
			CHECK_STR(ta, tb);
			if (line > cl)
				continue;
			test_line_text(&c, line, tb, sizeof tb);
			CHECK_STR(ta, tb);
		}
		n = line;
		CHECK(n == timeline_nlines(&b) && cl < n);
		test_timeline_lines(&a, (enum timeline_zoom)z);
		/* The era headings, from the events' eras. */
		for (i = 0; i < a.n; i++) {
			e = timeline_event(&a, i);
			era = e->era_id[0] ? store_find(s, STORE_ERAS,
			    e->era_id) : NULL;
			line = timeline_line_of(&a, i);
			while (line > 0) {
				timeline_line(&a, line - 1, &l);
				if (l.kind != TIMELINE_LINE_PERIOD)
					break;
				line--;
			}
			timeline_line(&a, line - (line > 0), &l);
			if (era != NULL && (i == 0 || era != prev)) {
				CHECK(line > 0 && l.kind == TIMELINE_LINE_ERA &&
				    l.row == i);
				CHECK(l.era != NULL && strcmp(l.era,
				    era_name(era, LANG_EN, NULL)) == 0);
				eras++;
			} else
				CHECK(line == 0 || l.kind != TIMELINE_LINE_ERA ||
				    l.row != i);
			prev = era;
		}
		timeline_free(&a);
	}
	timeline_free(&b);
	timeline_free(&c);
	CHECK(eras > 5 * TIMELINE_NZOOMS);
}

/* A data package of N events over a few eras, in runs of eras that do
 * not follow the dates, some with no era, dated to the year, month or
 * day; loaded into S. Returns 0, or -1. */
static int
test_many_events(struct store *s, const char *dir, int n)
{
	static const char *const eras[] = { "", "one", "two", "three" };
	struct diag d;
	char *path;
	FILE *fp;
	int i, r;

	xasprintf(&path, "%s/eras.csv", dir);
	fp = fopen(path, "w");
	free(path);
	if (fp == NULL)
		return -1;
	fprintf(fp, "id,start,end,name_en\none,1000,1299,One\n"
	    "two,1300,1599,Two\nthree,1600,1999,Three\n");
	if (fclose(fp) != 0)
		return -1;
	xasprintf(&path, "%s/events.csv", dir);
	fp = fopen(path, "w");
	free(path);
	if (fp == NULL)
		return -1;
	fprintf(fp, "id,start,end,type,era_id,title_en\n");
	for (i = 0; i < n; i++) {
		int y = 1000 + i / 20, m = 1 + i % 12, day = 1 + i % 28;

		if (i % 3 == 0)
			fprintf(fp, "e%d,%04d,,battle,%s,E\n", i, y,
			    eras[(i / 700) % 4]);
		else if (i % 3 == 1)
			fprintf(fp, "e%d,%04d-%02d,,battle,%s,E\n", i, y, m,
			    eras[(i / 700) % 4]);
		else
			fprintf(fp, "e%d,%04d-%02d-%02d,%04d,battle,%s,E\n", i,
			    y, m, day, y + i % 3, eras[(i / 700 + 1) % 4]);
	}
	if (fclose(fp) != 0)
		return -1;
	diag_init(&d);
	r = store_load(s, dir, &d);
	diag_fini(&d);
	return r;
}

static uint64_t test_rng = 88172645463325252ULL;

static unsigned
test_pick(unsigned n)
{
	test_rng ^= test_rng << 13;
	test_rng ^= test_rng >> 7;
	test_rng ^= test_rng << 17;
	return (unsigned)(test_rng % n);
}

static void
test_random_date(struct date *d, const struct date *from)
{
	static const int32_t years[] = { -9999, -999, -180, -99, -9, -1, 0,
	    1, 7, 10, 99, 387, 999, 1000, 1805, 1992, 2023, 9999 };

	memset(d, 0, sizeof *d);
	d->prec = (uint8_t)(1 + test_pick(3));
	d->year = years[test_pick(sizeof years / sizeof years[0])];
	d->circa = test_pick(5) == 0;
	if (from != NULL && test_pick(2)) {	/* a span within a year */
		d->year = from->year;
		d->prec = from->prec;
	}
	if (d->prec >= DATE_MONTH)
		d->month = (uint8_t)(from != NULL && from->month &&
		    test_pick(2) ? from->month : 1 + test_pick(12));
	if (d->prec == DATE_DAY)
		d->day = (uint8_t)(1 + test_pick(28));
}

/* The widest date is measured by the dates' shapes: each event's width,
 * alone in a timeline, is that of its dates as written, for dates of
 * every precision, BC and AD, circa, with spans within a year, a month
 * and across years, in every language. */
static void
test_timeline_shapes(void)
{
	struct event ev[2000];
	int64_t first[2000];
	struct store s;
	struct timeline t;
	char buf[48];
	size_t i, n = sizeof ev / sizeof ev[0], max;
	int l;

	memset(&s, 0, sizeof s);
	memset(ev, 0, sizeof ev);
	for (i = 0; i < n; i++) {
		test_random_date(&ev[i].start, NULL);
		if (test_pick(4) != 0)
			test_random_date(&ev[i].end, &ev[i].start);
		ev[i].era_id = "";
		first[i] = date_first_day(&ev[i].start);
	}
	s.events = ev;
	s.nevents = n;
	s.index.first = first;
	for (l = 0; l < LANG_COUNT; l++) {
		max = 0;
		for (i = 0; i < n; i++) {
			event_format_dates(buf, sizeof buf, &ev[i],
			    (enum lang)l);
			timeline_build_subset(&t, &s, (enum lang)l, &i, 1);
			CHECK(t.date_width == text_width(buf));
			CHECK_STR(timeline_date(&t, 0), buf);
			if (t.date_width > max)
				max = t.date_width;
			timeline_free(&t);
		}
		timeline_build(&t, &s, (enum lang)l);
		CHECK(t.date_width == max);
		timeline_free(&t);
	}
}

static void
test_timeline(const char *fixtures)
{
	char dir[4096], span[32];
	struct timeline t;
	struct timeline_line l;
	struct store s;
	struct diag d;
	struct date at;
	size_t i, periods = 0, eras = 0, row;
	char *cause = NULL;

	snprintf(dir, sizeof dir, "%s/atlas", fixtures);
	diag_init(&d);
	if (store_load(&s, dir, &d) != 0) {
		CHECK(!"the atlas fixture loads");
		diag_fini(&d);
		return;
	}
	diag_fini(&d);
	timeline_build(&t, &s, LANG_EN);
	timeline_group(&t, &s, TIMELINE_YEAR);
	CHECK(t.n == s.nevents);
	/* Lines are found as far as they are asked for. */
	CHECK(timeline_has_line(&t, 3));
	for (i = 0; timeline_has_line(&t, i); i++) {
		timeline_line(&t, i, &l);
		periods += l.kind == TIMELINE_LINE_PERIOD;
		eras += l.kind == TIMELINE_LINE_ERA;
	}
	CHECK(timeline_nlines(&t) == t.n + periods + eras && i == t.n +
	    periods + eras);
	timeline_line(&t, 0, &l);
	CHECK(l.kind == TIMELINE_LINE_ERA);
	CHECK_STR(l.era, "Antiquity");
	timeline_line(&t, 1, &l);
	CHECK(l.kind == TIMELINE_LINE_PERIOD);
	CHECK_STR(l.label, "c. 180 BC" + 3);	/* "180 BC" */
	/* Every event's line points back at it. */
	for (i = 0; i < t.n; i++) {
		timeline_line(&t, timeline_line_of(&t, i), &l);
		CHECK(l.row == i && l.kind == TIMELINE_LINE_EVENT);
	}

	/* Month zoom: a year-only date keeps a year heading. */
	timeline_group(&t, &s, TIMELINE_MONTH);
	timeline_line(&t, timeline_line_of(&t, 1) - 1, &l);
	CHECK_STR(l.label, "1805");
	timeline_group(&t, &s, TIMELINE_CENTURY);
	timeline_line(&t, timeline_line_of(&t, 1) - 1, &l);
	CHECK_STR(l.label, "1800\xe2\x80\x93" "1899");
	timeline_group(&t, &s, TIMELINE_DECADE);
	for (i = 0; i < timeline_nlines(&t); i++) {
		timeline_line(&t, i, &l);
		if (l.kind == TIMELINE_LINE_PERIOD &&
		    strcmp(l.label, "2020s") == 0)
			break;
	}
	CHECK(i < timeline_nlines(&t) && l.count >= 1);

	/* Go to a date: the first event on or after it. */
	CHECK(date_parse(&at, "1992-05", 7, &cause) == 0);
	row = timeline_find_date(&t, &at);
	CHECK_STR(timeline_event(&t, row)->id,
	    "1992-05-armenian-shelling-of-nakhchivan");
	CHECK(date_parse(&at, "-0200", 5, &cause) == 0);
	CHECK(timeline_find_date(&t, &at) == 0);
	CHECK(date_parse(&at, "2030", 4, &cause) == 0);
	CHECK(timeline_find_date(&t, &at) == t.n);

	/* ] and [ step by year, { and } by era. */
	row = timeline_step_period(&t, 0, TIMELINE_YEAR, 1);
	CHECK_STR(timeline_event(&t, row)->id, "1805-kurekchay-treaty");
	CHECK(timeline_step_period(&t, row, TIMELINE_YEAR, -1) == 0);
	CHECK(timeline_step_period(&t, t.n - 1, TIMELINE_YEAR, 1) == t.n - 1);
	row = timeline_step_era(&t, 0, 1);
	CHECK_STR(timeline_event(&t, row)->era_id, "khanate");

	/* Spans show their length in the unit of their precision. */
	for (i = 0; i < t.n; i++) {
		timeline_format_span(span, sizeof span, timeline_event(&t, i));
		CHECK_STR(timeline_span(&t, i), span);
	}
	row = timeline_find_event(&t, store_find_event(&s,
	    "1992-05-08-capture-of-shusha"));
	CHECK_STR(timeline_span(&t, row), "2 days");
	row = timeline_find_event(&t, store_find_event(&s,
	    "1988-02-early-interethnic-violence-death-toll"));
	CHECK_STR(timeline_span(&t, row), "21 months");
	CHECK_STR(timeline_span(&t, 0), "");
	timeline_free(&t);
	test_timeline_model(&s);
	store_free(&s);
}

int
main(void)
{
	const char *fx = getenv("FIXTURES");
	char dir[] = "/tmp/test-tui.XXXXXX", path[64];
	struct store s;

	test_layout();
	test_wrap();
	test_prompt();
	test_timeline_shapes();
	if (mkdtemp(dir) != NULL && test_many_events(&s, dir, 20000) == 0) {
		test_timeline_lazy(&s);
		store_free(&s);
	} else
		CHECK(!"the generated events load");
	snprintf(path, sizeof path, "%s/events.csv", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/eras.csv", dir);
	unlink(path);
	rmdir(dir);
	if (fx != NULL)
		test_timeline(fx);
	else
		CHECK(!"FIXTURES is set");
	UNIT_END();
}
