/* test-tui.c: the interactive atlas's pure parts: the layout for a size,
 * wrapping text by display width, the prompt's line editing, and the
 * timeline's grouping, stepping and spans. */
#include "config.h"

#include <stdlib.h>

#include "diag.h"
#include "prompt.h"
#include "store.h"
#include "text.h"
#include "timeline.h"
#include "tui-layout.h"
#include "unit.h"

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

static void
test_timeline(const char *fixtures)
{
	char dir[4096], span[32];
	struct timeline t;
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
	for (i = 0; i < t.nlines; i++) {
		periods += t.lines[i].kind == TIMELINE_LINE_PERIOD;
		eras += t.lines[i].kind == TIMELINE_LINE_ERA;
	}
	CHECK(t.nlines == t.n + periods + eras);
	CHECK(t.lines[0].kind == TIMELINE_LINE_ERA);
	CHECK_STR(t.lines[0].era, "Antiquity");
	CHECK(t.lines[1].kind == TIMELINE_LINE_PERIOD);
	CHECK_STR(t.lines[1].label, "c. 180 BC" + 3);	/* "180 BC" */
	/* Every event's line points back at it. */
	for (i = 0; i < t.n; i++)
		CHECK(t.lines[t.rows[i].line].row == i &&
		    t.lines[t.rows[i].line].kind == TIMELINE_LINE_EVENT);

	/* Month zoom: a year-only date keeps a year heading. */
	timeline_group(&t, &s, TIMELINE_MONTH);
	CHECK_STR(t.lines[t.rows[1].line - 1].label, "1805");
	timeline_group(&t, &s, TIMELINE_CENTURY);
	CHECK_STR(t.lines[t.rows[1].line - 1].label, "1800\xe2\x80\x93" "1899");
	timeline_group(&t, &s, TIMELINE_DECADE);
	for (i = 0; i < t.nlines; i++)
		if (t.lines[i].kind == TIMELINE_LINE_PERIOD &&
		    strcmp(t.lines[i].label, "2020s") == 0)
			break;
	CHECK(i < t.nlines && t.lines[i].count >= 1);

	/* Go to a date: the first event on or after it. */
	CHECK(date_parse(&at, "1992-05", 7, &cause) == 0);
	row = timeline_find_date(&t, &at);
	CHECK_STR(t.rows[row].event->id, "1992-05-armenian-shelling-of-nakhchivan");
	CHECK(date_parse(&at, "-0200", 5, &cause) == 0);
	CHECK(timeline_find_date(&t, &at) == 0);
	CHECK(date_parse(&at, "2030", 4, &cause) == 0);
	CHECK(timeline_find_date(&t, &at) == t.n);

	/* ] and [ step by year, { and } by era. */
	row = timeline_step_period(&t, 0, TIMELINE_YEAR, 1);
	CHECK_STR(t.rows[row].event->id, "1805-kurekchay-treaty");
	CHECK(timeline_step_period(&t, row, TIMELINE_YEAR, -1) == 0);
	CHECK(timeline_step_period(&t, t.n - 1, TIMELINE_YEAR, 1) == t.n - 1);
	row = timeline_step_era(&t, 0, 1);
	CHECK_STR(t.rows[row].event->era_id, "khanate");

	/* Spans show their length in the unit of their precision. */
	for (i = 0; i < t.n; i++) {
		timeline_format_span(span, sizeof span, t.rows[i].event);
		CHECK_STR(t.rows[i].span, span);
	}
	row = timeline_find_event(&t, store_find_event(&s,
	    "1992-05-08-capture-of-shusha"));
	CHECK_STR(t.rows[row].span, "2 days");
	row = timeline_find_event(&t, store_find_event(&s,
	    "1988-02-early-interethnic-violence-death-toll"));
	CHECK_STR(t.rows[row].span, "21 months");
	CHECK_STR(t.rows[0].span, "");
	timeline_free(&t);
	store_free(&s);
}

int
main(void)
{
	const char *fx = getenv("FIXTURES");

	test_layout();
	test_wrap();
	test_prompt();
	if (fx != NULL)
		test_timeline(fx);
	else
		CHECK(!"FIXTURES is set");
	UNIT_END();
}
