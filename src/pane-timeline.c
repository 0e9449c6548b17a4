/* pane-timeline.c: drawing and moving through the grouped list of events.
 *
 * The list is made of the timeline's lines (headings and events); the
 * selection is always an event, and moving by a page moves by screen
 * lines, as less does, then lands on the nearest event. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "event.h"
#include "i18n.h"
#include "pane-timeline.h"
#include "screen-text.h"
#include "store.h"
#include "text.h"

#define CTRL(c) ((c) & 0x1f)
#define PANE_TIMELINE_RULER_MIN	6	/* rows from which the ruler shows */

/* Returns how many list lines a timeline pane of HEIGHT rows shows. */
int
pane_timeline_list_rows(int height)
{
	return height >= PANE_TIMELINE_RULER_MIN ? height - 1 : height;
}

static size_t
pane_timeline_sel_line(const struct view *v)
{
	const struct timeline *t = &v->timeline;

	return t->n == 0 ? 0 : timeline_line_of(t, v->selected);
}

/* Moves the view's top so the selected row is on screen, scrolling as
 * little as possible (as less and vim do); moving up onto the first event
 * of a period brings its headings into view too. */
void
pane_timeline_scroll_into_view(struct view *v)
{
	const struct timeline *t = &v->timeline;
	size_t rows = v->list_rows > 0 ? (size_t)v->list_rows : 1;
	size_t sel = pane_timeline_sel_line(v);
	struct timeline_line l;

	if (sel <= v->top) {
		v->top = sel;
		while (v->top > 0 && sel - v->top + 1 < rows) {
			timeline_line(t, v->top - 1, &l);
			if (l.kind == TIMELINE_LINE_EVENT)
				break;
			v->top--;
		}
	} else if (sel >= v->top + rows)
		v->top = sel - rows + 1;
	/* Past the end, as far up as a screen of lines allows: only then
	 * are all the lines counted. */
	if (!timeline_has_line(t, v->top + rows - 1))
		v->top = timeline_nlines(t) > rows ? timeline_nlines(t) - rows :
		    0;
}

/* Draws the ruler: the years of the first and last events and, between
 * them, a bar per column as high as the events that fall in it, with the
 * selection's column in reverse video. */
static void
pane_timeline_ruler(WINDOW *w, const struct view *v,
    const struct tui_theme *th, int cols)
{
	static const char *const bars[] = {
		" ", "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
		"\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87",
		"\xe2\x96\x88"
	};
	const struct timeline *t = &v->timeline;
	char a[40], b[40];
	size_t counts[512], max, n, i, at, lw, rw, level;
	struct date d;
	int32_t fy, ly;

	if (t->n == 0)
		return;
	memset(&d, 0, sizeof d);
	d.prec = DATE_YEAR;
	d.year = timeline_event(t, 0)->start.year;
	date_format_lang(a, sizeof a, &d, v->lang);
	d.year = timeline_event(t, t->n - 1)->start.year;
	date_format_lang(b, sizeof b, &d, v->lang);
	lw = text_width(a) + 1;
	rw = text_width(b) + 1;
	if ((size_t)cols < lw + rw + 8)
		lw = rw = 0;
	n = (size_t)cols - lw - rw;
	if (n > sizeof counts / sizeof counts[0])
		n = sizeof counts / sizeof counts[0];
	max = timeline_density(t, counts, n, &fy, &ly);
	at = timeline_density_column(t, v->selected, n);
	wmove(w, 0, 0);
	wattrset(w, th->attr[TUI_ROLE_DIM]);
	if (lw) {
		waddstr(w, a);
		waddch(w, ' ');
	}
	for (i = 0; i < n; i++) {
		level = (counts[i] * 8 + max - 1) / max;
		if (level > 8)
			level = 8;
		wattrset(w, th->attr[i == at ? TUI_ROLE_RULER_AT :
		    TUI_ROLE_RULER]);
		waddstr(w, i == at && level == 0 ? "\xe2\x94\x82" : bars[level]);
	}
	wattrset(w, th->attr[TUI_ROLE_DIM]);
	if (rw) {
		waddch(w, ' ');
		waddstr(w, b);
	}
	wattrset(w, A_NORMAL);
}

/* Draws a period heading: its label in the date column, a bar as long as
 * its share of the fullest period, and the count. */
static void
pane_timeline_period(WINDOW *w, const struct view *v,
    const struct timeline_line *l, const struct tui_theme *th, int cols)
{
	const struct timeline *t = &v->timeline;
	size_t dw = t->date_width, used, room, bar, i;
	char count[32];

	wattrset(w, th->attr[TUI_ROLE_PERIOD]);
	used = screen_text_put(w, l->label, dw < (size_t)cols ? dw :
	    (size_t)cols, 1);
	snprintf(count, sizeof count, " %zu", l->count);
	if ((size_t)cols < used + 4 + strlen(count))
		return;
	waddstr(w, "  ");
	used += 2;
	room = (size_t)cols - used - strlen(count);
	if (room > 20)
		room = 20;
	bar = t->max_count ? (l->count * room + t->max_count - 1) /
	    t->max_count : 0;
	wattrset(w, th->attr[TUI_ROLE_BAR]);
	for (i = 0; i < bar; i++)
		waddstr(w, "\xe2\x96\x87");	/* lower seven eighths */
	wattrset(w, th->attr[TUI_ROLE_DIM]);
	waddstr(w, count);
	wattrset(w, A_NORMAL);
}

static void
pane_timeline_era(WINDOW *w, const struct timeline_line *l,
    const struct tui_theme *th, int cols)
{
	size_t used;

	wattrset(w, th->attr[TUI_ROLE_ERA]);
	used = screen_text_put(w, "\xe2\x94\x80\xe2\x94\x80 ", (size_t)cols, 0);
	used += screen_text_put(w, l->era, (size_t)cols - used, 0);
	if ((size_t)cols > used + 3 + text_width(l->label)) {
		waddstr(w, "  ");
		used += 2;
		wattrset(w, th->attr[TUI_ROLE_DIM]);
		used += screen_text_put(w, l->label, (size_t)cols - used, 0);
		wattrset(w, th->attr[TUI_ROLE_ERA]);
	}
	if ((size_t)cols > used + 1) {
		waddch(w, ' ');
		for (used++; used < (size_t)cols; used++)
			waddstr(w, "\xe2\x94\x80");
	}
	wattrset(w, A_NORMAL);
}

/* Draws event ROW. The selection is its date in reverse video (the
 * padding after it is left plain, as on every other row): moving it
 * rewrites two dates, not two whole rows, which is what a move costs over
 * SSH (about 110 bytes at 80x24 rather than 250). Without a date column
 * the title is reversed. */
static void
pane_timeline_event(WINDOW *w, const struct view *v, size_t row,
    const struct tui_theme *th, int cols)
{
	const struct timeline *t = &v->timeline;
	const char *date = timeline_date(t, row);
	const char *span = timeline_span(t, row);
	size_t dw = t->date_width, used = 0, tw, sw = 0;
	int sel = row == v->selected, has_date = (size_t)cols > dw + 2;
	int tsel = sel && !has_date;	/* the title shows the selection */
	attr_t base = tsel ? th->attr[TUI_ROLE_SELECTED] : A_NORMAL;
	enum lang got;
	const char *title = event_title(timeline_event(t, row), v->lang, &got);
	const char *mark = lang_mark(v->lang, got);

	if (has_date) {
		wattrset(w, sel ? th->attr[TUI_ROLE_SELECTED] : A_NORMAL);
		used = screen_text_put(w, date, dw, 0);
		wattrset(w, A_NORMAL);
		for (; used < dw + 2; used++)
			waddch(w, ' ');
	}
	wattrset(w, base);
	if (mark[0] != '\0' && used + strlen(mark) < (size_t)cols) {
		/* the title is in another language: say which, dimmed */
		wattrset(w, base | (tsel ? 0 : th->attr[TUI_ROLE_DIM]));
		waddstr(w, mark);
		used += strlen(mark);
		wattrset(w, base);
	}
	if (span[0] != '\0')
		sw = text_width(span) + 3;
	tw = text_width(title);
	if (sw && used + tw + sw <= (size_t)cols) {
		used += screen_text_put_match(w, title, tw, 0, v->regex,
		    base, base | th->attr[TUI_ROLE_MATCH]);
		wattrset(w, base | (tsel ? 0 : th->attr[TUI_ROLE_DIM]));
		waddstr(w, "  (");
		used += screen_text_put(w, span, (size_t)cols - used, 0) + 3;
		waddch(w, ')');
	} else
		screen_text_put_match(w, title, (size_t)cols - used, 0,
		    v->regex, base, base | th->attr[TUI_ROLE_MATCH]);
	wattrset(w, A_NORMAL);
}

/* Draws the ruler (if there is room) and the lines from the view's top
 * into W, the selected event reversed. */
void
pane_timeline_draw(WINDOW *w, struct view *v, const struct tui_theme *th)
{
	const struct timeline *t = &v->timeline;
	const struct timeline_line *l;
	struct timeline_line line;
	int y, y0 = 0, rows = getmaxy(w), cols = getmaxx(w);
	size_t i;

	werase(w);
	if (rows >= PANE_TIMELINE_RULER_MIN) {
		pane_timeline_ruler(w, v, th, cols);
		y0 = 1;
	}
	for (y = y0; y < rows; y++) {
		i = v->top + (size_t)(y - y0);
		if (!timeline_has_line(t, i))
			break;
		timeline_line(t, i, &line);
		l = &line;
		wmove(w, y, 0);
		switch (l->kind) {
		case TIMELINE_LINE_ERA:
			pane_timeline_era(w, l, th, cols);
			break;
		case TIMELINE_LINE_PERIOD:
			pane_timeline_period(w, v, l, th, cols);
			break;
		case TIMELINE_LINE_EVENT:
			pane_timeline_event(w, v, l->row, th, cols);
			break;
		}
	}
	if (t->n == 0)
		mvwaddstr(w, y0, 0, v->filter ? _("No events match the filter.")
		    : _("No events."));
	wnoutrefresh(w);
}

/* Selects ROW (clamped to the timeline) and keeps it on screen. */
void
pane_timeline_select(struct view *v, size_t row)
{
	if (v->timeline.n == 0)
		return;
	if (row >= v->timeline.n)
		row = v->timeline.n - 1;
	if (row == v->selected)
		return;
	v->selected = row;
	v->detail_top = 0;
	pane_timeline_scroll_into_view(v);
	v->dirty |= VIEW_DIRTY_LIST | VIEW_DIRTY_STATUS | VIEW_DIRTY_DETAIL;
}

/* Returns the event row at or after line LINE (or the last one). */
static size_t
pane_timeline_row_at(const struct view *v, size_t line)
{
	const struct timeline *t = &v->timeline;
	struct timeline_line l;

	if (!timeline_has_line(t, line))
		return t->n ? t->n - 1 : 0;
	timeline_line(t, line, &l);
	return l.row;
}

/* Returns the event row at or before line LINE (or the first one). */
static size_t
pane_timeline_row_before(const struct view *v, size_t line)
{
	const struct timeline *t = &v->timeline;
	struct timeline_line l;

	if (!timeline_has_line(t, line))
		return t->n ? t->n - 1 : 0;
	timeline_line(t, line, &l);
	if (l.kind == TIMELINE_LINE_EVENT || l.row == 0)
		return l.row;
	return l.row - 1;
}

/* Selects the event on screen line Y of the list (a heading selects the
 * event under it). */
void
pane_timeline_click(struct view *v, int y)
{
	if (y < 0 || v->timeline.n == 0 ||
	    !timeline_has_line(&v->timeline, v->top + (size_t)y))
		return;
	pane_timeline_select(v, pane_timeline_row_at(v, v->top + (size_t)y));
}

static void
pane_timeline_zoom(struct view *v, int dir)
{
	struct timeline *t = &v->timeline;
	int z = (int)t->zoom + dir;

	if (z < 0 || z >= TIMELINE_NZOOMS) {
		snprintf(v->message, sizeof v->message, dir > 0 ?
		    _("Zoom: %s is the finest") : _("Zoom: %s is the coarsest"),
		    _(timeline_zoom_name(t->zoom)));
		v->dirty |= VIEW_DIRTY_STATUS;
		return;
	}
	timeline_group(t, v->store, (enum timeline_zoom)z);
	v->top = 0;
	pane_timeline_scroll_into_view(v);
	snprintf(v->message, sizeof v->message, _("Zoom: %s"),
	    _(timeline_zoom_name(t->zoom)));
	v->dirty |= VIEW_DIRTY_LIST | VIEW_DIRTY_STATUS;
}

/* Handles a key of the timeline: movement, [ ] periods, { } eras, + -
 * zoom. Returns VIEW_NONE for keys it does not know. */
enum view_action
pane_timeline_key(struct view *v, int key)
{
	const struct timeline *t = &v->timeline;
	size_t page = v->list_rows > 1 ? (size_t)v->list_rows - 1 : 1;
	size_t half = page / 2 ? page / 2 : 1;
	size_t sel = v->selected, line = pane_timeline_sel_line(v);

	switch (key) {
	case 'j':
	case KEY_DOWN:
		pane_timeline_select(v, sel + 1);
		break;
	case 'k':
	case KEY_UP:
		if (sel > 0)
			pane_timeline_select(v, sel - 1);
		break;
	case KEY_NPAGE:
	case ' ':
	case CTRL('f'):
		pane_timeline_select(v, pane_timeline_row_at(v, line + page));
		break;
	case KEY_PPAGE:
	case 'b':
	case CTRL('b'):
		pane_timeline_select(v, line > page ?
		    pane_timeline_row_before(v, line - page) : 0);
		break;
	case CTRL('d'):
		pane_timeline_select(v, pane_timeline_row_at(v, line + half));
		break;
	case CTRL('u'):
		pane_timeline_select(v, line > half ?
		    pane_timeline_row_before(v, line - half) : 0);
		break;
	case 'g':
	case KEY_HOME:
		pane_timeline_select(v, 0);
		break;
	case 'G':
	case KEY_END:
		if (t->n != 0)
			pane_timeline_select(v, t->n - 1);
		break;
	case ']':
		pane_timeline_select(v, timeline_step_period(t, sel, t->zoom,
		    1));
		break;
	case '[':
		pane_timeline_select(v, timeline_step_period(t, sel, t->zoom,
		    -1));
		break;
	case '}':
		pane_timeline_select(v, timeline_step_era(t, sel, 1));
		break;
	case '{':
		pane_timeline_select(v, timeline_step_era(t, sel, -1));
		break;
	case '+':
	case 'z':
		pane_timeline_zoom(v, 1);
		break;
	case '-':
	case 'Z':
		pane_timeline_zoom(v, -1);
		break;
	default:
		return VIEW_NONE;
	}
	return VIEW_DONE;
}
