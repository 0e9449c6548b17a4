/* tui.c: the interactive atlas: terminal set-up, windows, the main loop.
 *
 * The loop waits for a key with a bound (so a resize or a signal is never
 * missed), hands the key to the focused pane, then draws the panes whose
 * dirty bits are set and calls doupdate() once. Keys are read from a
 * window of their own, so reading never refreshes a pane behind our back;
 * while a prompt is open they are read with wget_wch() so typed Chinese or
 * Vietnamese arrives as characters. Where each pane goes is a pure
 * function of the size (tui-layout.c); the windows are made anew from it
 * on every resize, and the view (selection, prompt, marks, filter) lives
 * on. SIGINT, SIGTERM and SIGHUP only set a flag: the loop sees it and
 * gives the terminal back before exiting. Ctrl-Z is left to ncurses,
 * which restores the terminal on suspend and repaints on resume. */
#include "config.h"

#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "event.h"
#include "diag.h"
#include "i18n.h"
#include "mapdata.h"
#include "pane-detail.h"
#include "pane-entry.h"
#include "pane-map.h"
#include "pane-help.h"
#include "pane-list.h"
#include "pane-status.h"
#include "pane-timeline.h"
#include "query.h"
#include "regex.h"
#include "screen-text.h"
#include "store.h"
#include "text.h"
#include "tui-layout.h"
#include "tui-theme.h"
#include "tui.h"
#include "view.h"
#include "xalloc.h"

#define CTRL(c)		((c) & 0x1f)
#define TUI_ESC		27

struct tui_windows {
	WINDOW	*keys;
	WINDOW	*tabs;				/* tabs mode */
	WINDOW	*head[TUI_PANE_COUNT];		/* pane headers otherwise */
	WINDOW	*pane[TUI_PANE_COUNT];		/* pane contents */
	WINDOW	*rule;				/* between side-by-side panes */
	WINDOW	*full;				/* overlays */
	WINDOW	*status;
};

static volatile sig_atomic_t tui_signalled;
static struct tui_windows tui_w;
static struct tui_layout tui_geo;
static struct tui_theme tui_theme;
static int tui_cursor = -1;

static void
tui_on_signal(int sig)
{
	tui_signalled = sig;
}

static void
tui_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Returns 1 if the terminal has gone away (hung up, closed): a read
 * there returns at once, so without this the loop would spin. */
static int
tui_terminal_gone(void)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };

	return poll(&pfd, 1, 0) == 1 &&
	    (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static long
tui_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void
tui_delwins(void)
{
	WINDOW **all = (WINDOW **)&tui_w;
	size_t i;

	for (i = 0; i < sizeof tui_w / sizeof(WINDOW *); i++)
		if (all[i] != NULL)
			delwin(all[i]);
	memset(&tui_w, 0, sizeof tui_w);
}

static WINDOW *
tui_newwin(int h, int w, int y, int x)
{
	return h > 0 && w > 0 ? newwin(h, w, y, x) : NULL;
}

/*
 * Makes the windows for the current size from the pure layout. The key
 * window is made anew too: ncurses grows a window that touches the
 * screen's edges when the screen grows, and a grown key window would be
 * painted blank over the panes by the next wgetch().
 */
static void
tui_layout(struct view *v)
{
	const struct tui_rect *r;
	int i, head;

	tui_delwins();
	tui_w.keys = newwin(1, 1, 0, 0);
	keypad(tui_w.keys, TRUE);
	wtimeout(tui_w.keys, 1000);
	untouchwin(tui_w.keys);	/* else wgetch() would paint it over a pane */
	tui_layout_compute(&tui_geo, LINES, COLS, v->map_data != NULL);
	v->dirty = VIEW_DIRTY_ALL;
	if (tui_geo.mode == TUI_LAYOUT_TOO_SMALL)
		return;
	head = tui_geo.mode != TUI_LAYOUT_TABS;
	if (!head)
		tui_w.tabs = tui_newwin(1, COLS, 0, 0);
	for (i = 0; i < TUI_PANE_COUNT; i++) {
		r = &tui_geo.pane[i];
		if (r->h == 0)
			continue;
		if (head)
			tui_w.head[i] = tui_newwin(1, r->w, r->y, r->x);
		tui_w.pane[i] = tui_newwin(r->h - head, r->w, r->y + head,
		    r->x);
	}
	if (tui_geo.mode == TUI_LAYOUT_SIDE)
		tui_w.rule = tui_newwin(tui_geo.full.h, 1, 0,
		    tui_geo.pane[TUI_PANE_TIMELINE].w);
	tui_w.full = tui_newwin(tui_geo.full.h, tui_geo.full.w, 0, 0);
	tui_w.status = tui_newwin(1, COLS, LINES - 1, 0);
	/* The cursor is hidden: leave it where the update ends instead of
	 * moving it to the last window's (the status's, for a prompt). */
	for (i = 0; i < (int)(sizeof tui_w / sizeof(WINDOW *)); i++)
		if (((WINDOW **)&tui_w)[i] != NULL)
			leaveok(((WINDOW **)&tui_w)[i], TRUE);
	v->list_rows = tui_w.pane[TUI_PANE_TIMELINE] ? pane_timeline_list_rows(
	    getmaxy(tui_w.pane[TUI_PANE_TIMELINE])) : 1;
	v->detail_rows = tui_w.pane[TUI_PANE_DETAIL] ?
	    getmaxy(tui_w.pane[TUI_PANE_DETAIL]) : 1;
	pane_timeline_scroll_into_view(v);
}

/* The panes Tab cycles through: the map's only when there is one. */
static int
tui_nfocus(const struct view *v)
{
	return v->map_data != NULL ? VIEW_FOCUS_COUNT : VIEW_FOCUS_MAP;
}

static const char *
tui_pane_label(const struct view *v, int pane, char *buf, size_t size)
{
	if (pane == TUI_PANE_TIMELINE)
		snprintf(buf, size, _("Timeline (%s)"),
		    _(timeline_zoom_name(v->timeline.zoom)));
	else if (pane == TUI_PANE_MAP)
		pane_map_label(v, buf, size);
	else
		snprintf(buf, size, "%s", _("Detail"));
	return buf;
}

/* The tab row: each pane's name, the focused one in reverse video and
 * marked, so it shows without colour. */
static void
tui_draw_tabs(const struct view *v)
{
	WINDOW *w = tui_w.tabs;
	char label[160];
	int i;

	werase(w);
	wmove(w, 0, 0);
	for (i = 0; i < tui_nfocus(v); i++) {
		int on = (int)v->focus == i;

		wattrset(w, tui_theme.attr[on ? TUI_ROLE_TAB_ACTIVE :
		    TUI_ROLE_TAB]);
		wprintw(w, "%s %s ", on ? "\xe2\x96\xb6" : " ",
		    tui_pane_label(v, i, label, sizeof label));
		wattrset(w, A_NORMAL);
		waddch(w, ' ');
	}
	wnoutrefresh(w);
}

/* A pane's header row (side by side and stacked): the focused one in
 * reverse video with a marker. */
static void
tui_draw_head(const struct view *v, int pane)
{
	WINDOW *w = tui_w.head[pane];
	char label[160];
	int on = (int)v->focus == pane, x;

	if (w == NULL)
		return;
	werase(w);
	wattrset(w, tui_theme.attr[on ? TUI_ROLE_TAB_ACTIVE : TUI_ROLE_TAB]);
	mvwprintw(w, 0, 0, "%s %s ", on ? "\xe2\x96\xb6" : " ",
	    tui_pane_label(v, pane, label, sizeof label));
	wattrset(w, tui_theme.attr[TUI_ROLE_DIM]);
	for (x = getcurx(w); x < getmaxx(w); x++)
		waddstr(w, "\xe2\x94\x80");
	wattrset(w, A_NORMAL);
	wnoutrefresh(w);
}

static void
tui_draw_too_small(void)
{
	static const char *const notices[] = {
		N_("Terminal too small: need 20x3"), N_("Terminal too small"),
		N_("Too small"), N_("Small"), "!"
	};
	size_t i = 0;

	while (i < 4 && text_width(_(notices[i])) > (size_t)COLS)
		i++;
	erase();
	move(0, 0);
	screen_text_put(stdscr, i < 4 ? _(notices[i]) : notices[i],
	    (size_t)COLS, 0);
	wnoutrefresh(stdscr);
}

static void
tui_draw(struct view *v)
{
	int d = v->dirty, i, want_cursor;

	if (d == 0)
		return;
	if (tui_geo.mode == TUI_LAYOUT_TOO_SMALL)
		tui_draw_too_small();
	else if (v->overlay != VIEW_OVERLAY_NONE) {
		if (d & (VIEW_DIRTY_OVERLAY | VIEW_DIRTY_DETAIL |
		    VIEW_DIRTY_TABS)) {
			if (v->overlay == VIEW_OVERLAY_HELP)
				pane_help_draw(tui_w.full, v, &tui_theme);
			else if (v->overlay == VIEW_OVERLAY_LIST)
				pane_list_draw(tui_w.full, v, &tui_theme);
			else if (v->overlay == VIEW_OVERLAY_ENTRY)
				pane_entry_draw(tui_w.full, v, &tui_theme);
			else
				pane_detail_draw(tui_w.full, v, &tui_theme);
		}
	} else if (tui_geo.mode == TUI_LAYOUT_TABS) {
		if (d & (VIEW_DIRTY_TABS | VIEW_DIRTY_LIST))
			tui_draw_tabs(v);
		if (v->focus == VIEW_FOCUS_TIMELINE && (d & VIEW_DIRTY_LIST))
			pane_timeline_draw(tui_w.pane[TUI_PANE_TIMELINE], v,
			    &tui_theme);
		if (v->focus == VIEW_FOCUS_DETAIL && (d & VIEW_DIRTY_DETAIL))
			pane_detail_draw(tui_w.pane[TUI_PANE_DETAIL], v,
			    &tui_theme);
		if (v->focus == VIEW_FOCUS_MAP && (d & (VIEW_DIRTY_MAP |
		    VIEW_DIRTY_TABS | VIEW_DIRTY_LIST))) {
			pane_map_draw(tui_w.pane[TUI_PANE_MAP], v, &tui_theme);
			tui_draw_tabs(v);	/* the map's date may change */
		}
	} else {
		if (d & (VIEW_DIRTY_MAP | VIEW_DIRTY_LIST))
			pane_map_draw(tui_w.pane[TUI_PANE_MAP], v, &tui_theme);
		if (d & (VIEW_DIRTY_TABS | VIEW_DIRTY_LIST | VIEW_DIRTY_MAP))
			for (i = 0; i < tui_nfocus(v); i++)
				tui_draw_head(v, i);
		if (tui_w.rule != NULL && (d & VIEW_DIRTY_TABS)) {
			werase(tui_w.rule);
			wattrset(tui_w.rule, tui_theme.attr[TUI_ROLE_DIM]);
			for (i = 0; i < getmaxy(tui_w.rule); i++)
				mvwaddstr(tui_w.rule, i, 0, "\xe2\x94\x82");
			wnoutrefresh(tui_w.rule);
		}
		if (d & VIEW_DIRTY_LIST)
			pane_timeline_draw(tui_w.pane[TUI_PANE_TIMELINE], v,
			    &tui_theme);
		if (d & VIEW_DIRTY_DETAIL)
			pane_detail_draw(tui_w.pane[TUI_PANE_DETAIL], v,
			    &tui_theme);
	}
	/* The status goes last: with a prompt open, its cursor is the one
	 * the terminal shows (so it is drawn whenever anything is). */
	want_cursor = v->prompt.kind != PROMPT_NONE &&
	    tui_geo.mode != TUI_LAYOUT_TOO_SMALL;
	if (tui_w.status != NULL && ((d & VIEW_DIRTY_STATUS) || want_cursor)) {
		leaveok(tui_w.status, !want_cursor);
		pane_status_draw(tui_w.status, v, &tui_theme);
	}
	if (want_cursor != tui_cursor) {
		curs_set(want_cursor);
		tui_cursor = want_cursor;
	}
	v->dirty = 0;
	doupdate();
}

/* Rebuilds the timeline from the events IDX lists (all if NULL), keeping
 * the selected event, or the first one on or after its date. */
static void
tui_rebuild(struct view *v, const size_t *idx, size_t n)
{
	struct timeline *t = &v->timeline;
	const struct event *sel = t->n ? timeline_event(t, v->selected) : NULL;
	enum timeline_zoom z = t->zoom;
	size_t row;

	timeline_free(t);
	timeline_build_subset(t, v->store, v->lang, idx, n);
	timeline_group(t, v->store, z);
	v->selected = 0;
	v->top = 0;
	if (sel != NULL && t->n != 0) {
		row = timeline_find_event(t, sel);
		if (row == t->n)
			row = timeline_find_date(t, &sel->start);
		v->selected = row < t->n ? row : t->n - 1;
	}
	v->detail_top = 0;
	pane_timeline_scroll_into_view(v);
	v->dirty |= VIEW_DIRTY_ALL;
}

/* Goes to the first event on or after the date the user typed: "1992",
 * "1992-05", "1992-05-08", "-0179", or a year of fewer digits ("387"). */
static void
tui_goto_date(struct view *v, const char *text)
{
	char buf[32], *cause = NULL;
	const char *p = text, *digits;
	struct date d;
	size_t n, row;

	while (*p == ' ')
		p++;
	digits = p + (*p == '-');
	n = strspn(digits, "0123456789");
	if (n == 0 || n > 4) {
		view_message(v, _("Not a date: %s (try 1992-05-08, 1992-05, "
		    "1992 or -0179)"), text);
		return;
	}
	snprintf(buf, sizeof buf, "%s%0*d%s", *p == '-' ? "-" : "", 4,
	    atoi(digits), digits + n);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	if (date_parse(&d, buf, n, &cause) != 0) {
		view_message(v, "%s", cause);
		free(cause);
		return;
	}
	row = timeline_find_date(&v->timeline, &d);
	if (row >= v->timeline.n) {
		view_message(v, _("No event on or after %s"), text);
		return;
	}
	pane_timeline_select(v, row);
}

static int
tui_is_hit(const struct view *v, size_t row)
{
	size_t want = store_index_of(v->store, timeline_event(&v->timeline,
	    row));
	size_t lo = 0, hi = v->nhits, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v->hits[mid] == want)
			return 1;
		if (v->hits[mid] < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Moves to the next (DIR > 0) or previous event the search finds,
 * wrapping around as less does, and says so. */
static void
tui_search_step(struct view *v, int dir)
{
	const struct timeline *t = &v->timeline;
	size_t k, row;
	int wrapped;

	if (v->search == NULL) {
		view_message(v, _("No search yet: press /"));
		return;
	}
	for (k = 1; k <= t->n; k++) {
		if (dir > 0) {
			row = (v->selected + k) % t->n;
			wrapped = v->selected + k >= t->n;
		} else {
			row = (v->selected + t->n - k) % t->n;
			wrapped = k > v->selected;
		}
		if (!tui_is_hit(v, row))
			continue;
		pane_timeline_select(v, row);
		if (wrapped)
			view_message(v, _("Search wrapped"));
		v->dirty |= VIEW_DIRTY_LIST | VIEW_DIRTY_DETAIL;
		return;
	}
	view_message(v, _("Not found: %s"), v->search);
	v->dirty |= VIEW_DIRTY_LIST | VIEW_DIRTY_DETAIL;
}

/* Starts a search for PATTERN (the last one if empty): compiles it for
 * the highlights and runs it as a query over every language, place and
 * actor name and alias. */
static void
tui_search(struct view *v, const char *pattern)
{
	struct query_result r;
	struct query *q;
	struct regex *re;
	char *cause = NULL, *qtext, *o;
	const char *p;

	if (*pattern == '\0') {
		tui_search_step(v, 1);
		return;
	}
	if ((re = regex_compile(pattern, &cause)) == NULL) {
		view_message(v, "%s", cause);
		free(cause);
		return;
	}
	qtext = o = xmalloc(strlen(pattern) * 2 + 3);
	*o++ = '/';
	for (p = pattern; *p != '\0'; p++) {
		if (*p == '/' && (p == pattern || p[-1] != '\\'))
			*o++ = '\\';
		*o++ = *p;
	}
	*o++ = '/';
	*o = '\0';
	q = query_parse(v->store, qtext, &cause);
	free(qtext);
	memset(&r, 0, sizeof r);
	if (q == NULL || query_run(q, &r, &cause) != 0) {
		view_message(v, "%s", cause ? cause : _("bad search"));
		free(cause);
		query_free(q);
		regex_free(re);
		return;
	}
	query_free(q);
	regex_free(v->regex);
	free(v->search);
	free(v->hits);
	v->regex = re;
	v->search = xstrdup(pattern);
	v->hits = r.idx;
	v->nhits = r.n;
	v->dirty |= VIEW_DIRTY_ALL;
	if (v->timeline.n != 0)
		tui_search_step(v, 1);
}

/* Applies the filter TEXT in the query language (clears it if empty). */
static void
tui_filter(struct view *v, const char *text)
{
	struct query_result r;
	struct query *q;
	char *cause = NULL;

	while (*text == ' ')
		text++;
	if (*text == '\0') {
		if (v->filter != NULL) {
			free(v->filter);
			v->filter = NULL;
			tui_rebuild(v, NULL, 0);
		}
		return;
	}
	memset(&r, 0, sizeof r);
	if ((q = query_parse(v->store, text, &cause)) == NULL ||
	    query_run(q, &r, &cause) != 0) {
		view_message(v, _("Filter: %s"), cause ? cause : _("bad query"));
		free(cause);
		query_free(q);
		return;
	}
	query_free(q);
	free(v->filter);
	v->filter = xstrdup(text);
	tui_rebuild(v, r.idx, r.n);
	query_result_free(&r);
	if (v->timeline.n == 0)
		view_message(v, _("No events match"));
}

/* Applies the filter a pane asked for (the lists' Enter), as the f prompt
 * would, and clears the request. */
static void
tui_want_filter(struct view *v)
{
	char text[sizeof v->want_filter];

	if (v->want_filter[0] == '\0')
		return;
	memcpy(text, v->want_filter, sizeof text);
	v->want_filter[0] = '\0';
	tui_filter(v, text);
}

static void
tui_prompt_open(struct view *v, enum prompt_kind kind)
{
	switch (kind) {
	case PROMPT_DATE:
		prompt_open(&v->prompt, kind, _("Go to date: "), NULL);
		break;
	case PROMPT_SEARCH:
		prompt_open(&v->prompt, kind, "/", NULL);
		break;
	default:
		prompt_open(&v->prompt, kind, _("Filter: "), v->filter);
		break;
	}
	v->dirty |= VIEW_DIRTY_STATUS;
}

static void
tui_prompt_done(struct view *v)
{
	char text[PROMPT_MAX];
	enum prompt_kind kind = v->prompt.kind;

	memcpy(text, v->prompt.text, sizeof text);
	v->prompt.kind = PROMPT_NONE;
	v->dirty |= VIEW_DIRTY_STATUS;
	switch (kind) {
	case PROMPT_DATE:
		if (text[0] != '\0')
			tui_goto_date(v, text);
		break;
	case PROMPT_SEARCH:
		if (v->overlay == VIEW_OVERLAY_LIST)
			pane_list_search(v, text);
		else
			tui_search(v, text);
		break;
	case PROMPT_FILTER:
		tui_filter(v, text);
		break;
	default:
		break;
	}
}

static enum view_action
tui_resize(struct view *v)
{
	/* Terminals differ in what they keep of the old contents when they
	 * change size; repaint all rather than trust them. */
	clearok(curscr, TRUE);
	tui_layout(v);
	return VIEW_DONE;
}

/* Handles a key while the prompt is open: FN says CH is a curses key code
 * rather than a character. */
static enum view_action
tui_prompt_key(struct view *v, int fn, wint_t ch)
{
	enum prompt_cmd cmd = PROMPT_INSERT;

	if (fn) {
		switch (ch) {
		case KEY_RESIZE:
			return tui_resize(v);
		case KEY_LEFT:	cmd = PROMPT_LEFT; break;
		case KEY_RIGHT:	cmd = PROMPT_RIGHT; break;
		case KEY_HOME:	cmd = PROMPT_HOME; break;
		case KEY_END:	cmd = PROMPT_END; break;
		case KEY_BACKSPACE: cmd = PROMPT_BACKSPACE; break;
		case KEY_DC:	cmd = PROMPT_DELETE; break;
		case KEY_ENTER:	cmd = PROMPT_ACCEPT; break;
		default:
			return VIEW_NONE;
		}
	} else {
		switch (ch) {
		case '\r':
		case '\n':	cmd = PROMPT_ACCEPT; break;
		case TUI_ESC:
		case CTRL('c'):
		case CTRL('g'):	cmd = PROMPT_CANCEL; break;
		case 127:
		case CTRL('h'):	cmd = PROMPT_BACKSPACE; break;
		case CTRL('a'):	cmd = PROMPT_HOME; break;
		case CTRL('e'):	cmd = PROMPT_END; break;
		case CTRL('b'):	cmd = PROMPT_LEFT; break;
		case CTRL('f'):	cmd = PROMPT_RIGHT; break;
		case CTRL('d'):	cmd = PROMPT_DELETE; break;
		case CTRL('u'):	cmd = PROMPT_KILL_START; break;
		case CTRL('k'):	cmd = PROMPT_KILL_END; break;
		case CTRL('w'):	cmd = PROMPT_KILL_WORD; break;
		case CTRL('l'):
			clearok(curscr, TRUE);
			v->dirty |= VIEW_DIRTY_ALL;
			return VIEW_DONE;
		default:
			if (ch < 0x20)
				return VIEW_NONE;
			break;
		}
	}
	v->dirty |= VIEW_DIRTY_STATUS;
	switch (prompt_edit(&v->prompt, cmd, (uint32_t)ch)) {
	case PROMPT_ACCEPTED:
		tui_prompt_done(v);
		break;
	case PROMPT_CANCELLED:
		v->prompt.kind = PROMPT_NONE;
		break;
	case PROMPT_EDITING:
		break;
	}
	return VIEW_DONE;
}

static void
tui_focus(struct view *v, int focus)
{
	if (focus == (int)v->focus)
		return;
	v->focus = (enum view_focus)focus;
	v->dirty |= VIEW_DIRTY_ALL;
}

/* Returns the pane whose tab covers column X of the tab row (as
 * tui_draw_tabs() lays them out), the last one right of them all. */
static int
tui_tab_at(const struct view *v, int x)
{
	char label[160];
	size_t at = 0;
	int i;

	for (i = 0; i < tui_nfocus(v); i++) {
		/* the marker, a space, the label, a space, the gap */
		at += 2 + text_width(tui_pane_label(v, i, label,
		    sizeof label)) + 2;
		if ((size_t)x < at)
			return i;
	}
	return tui_nfocus(v) - 1;
}

/* Handles a mouse event: a click selects the event under it (and focuses
 * its pane, or a tab) or the place marker under it on the map, the wheel
 * moves by three events, scrolls the detail or zooms the map. */
static enum view_action
tui_mouse(struct view *v)
{
	MEVENT ev;
	WINDOW *w;
	int pane, y, wheel = 0;

	if (getmouse(&ev) != OK)
		return VIEW_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		wheel = -3;
	else if (ev.bstate & BUTTON5_PRESSED)
		wheel = 3;
	else if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return VIEW_NONE;
	if (v->overlay == VIEW_OVERLAY_DETAIL && wheel)
		return pane_detail_key(v, wheel > 0 ? CTRL('d') : CTRL('u'));
	if (v->overlay != VIEW_OVERLAY_NONE)
		return VIEW_DONE;
	if (tui_geo.mode == TUI_LAYOUT_TABS && ev.y == 0 && !wheel) {
		tui_focus(v, tui_tab_at(v, ev.x));
		return VIEW_DONE;
	}
	for (pane = 0; pane < VIEW_FOCUS_COUNT; pane++) {
		if (tui_geo.mode == TUI_LAYOUT_TABS && pane != (int)v->focus)
			continue;
		w = tui_w.pane[pane];
		if (w == NULL || !wenclose(w, ev.y, ev.x))
			continue;
		if (pane == VIEW_FOCUS_MAP) {
			if (wheel)
				return pane_map_key(v, wheel < 0 ? '+' : '-');
			tui_focus(v, pane);
			/* On a place marker: its events, as ; would. */
			if (pane_map_click(v, ev.y - getbegy(w),
			    ev.x - getbegx(w)) == VIEW_DONE)
				tui_want_filter(v);
			return VIEW_DONE;
		}
		if (pane == VIEW_FOCUS_DETAIL) {
			if (wheel)
				pane_detail_key(v, wheel > 0 ? CTRL('d') :
				    CTRL('u'));
			else
				tui_focus(v, pane);
			return VIEW_DONE;
		}
		if (wheel) {
			if (wheel < 0)
				pane_timeline_select(v, v->selected > 3 ?
				    v->selected - 3 : 0);
			else
				pane_timeline_select(v, v->selected + 3);
			return VIEW_DONE;
		}
		tui_focus(v, pane);
		y = ev.y - getbegy(w) - (getmaxy(w) != v->list_rows);
		pane_timeline_click(v, y);
		return VIEW_DONE;
	}
	return VIEW_DONE;
}

static enum view_action
tui_mark(struct view *v, int cmd, int key)
{
	size_t row;

	v->pending = 0;
	if (key < 'a' || key > 'z') {
		view_message(v, _("Marks are letters a-z"));
		return VIEW_DONE;
	}
	if (cmd == 'm') {
		if (v->timeline.n == 0)
			return VIEW_DONE;
		v->marks[key - 'a'] = timeline_event(&v->timeline,
		    v->selected);
		view_message(v, _("Mark '%c' set"), key);
		return VIEW_DONE;
	}
	if (v->marks[key - 'a'] == NULL) {
		view_message(v, _("Mark '%c' is not set"), key);
		return VIEW_DONE;
	}
	row = timeline_find_event(&v->timeline, v->marks[key - 'a']);
	if (row == v->timeline.n)
		view_message(v, _("Mark '%c' is hidden by the filter"), key);
	else
		pane_timeline_select(v, row);
	return VIEW_DONE;
}

/* The next way of naming places (o): in the language only, with both
 * sides' local forms, with every local form; said on the status line. */
static enum view_action
tui_names(struct view *v)
{
	static const char *const what[PLACE_NAMES_COUNT] = {
		N_("Place names: in the chosen language"),
		N_("Place names: and both sides' local forms (Armenian, "
		    "Azerbaijani)"),
		N_("Place names: and every local form (Armenian, Azerbaijani, "
		    "Russian)"),
	};

	v->names = (v->names + 1) % PLACE_NAMES_COUNT;
	view_message(v, "%s", _(what[v->names]));
	v->dirty |= VIEW_DIRTY_ALL;
	return VIEW_DONE;
}

static enum view_action
tui_key(struct view *v, int key)
{
	static const char *const names[LANG_COUNT] = {	/* in their own */
		"English", "简体中文", "繁體中文", "Tiếng Việt"
	};
	enum view_action a;
	char *filter;

	if (v->message[0] != '\0') {
		v->message[0] = '\0';
		v->dirty |= VIEW_DIRTY_STATUS;
	}
	switch (key) {
	case KEY_RESIZE:
		return tui_resize(v);
	case CTRL('l'):
		clearok(curscr, TRUE);
		v->dirty = VIEW_DIRTY_ALL;
		return VIEW_DONE;
	}
	if (tui_geo.mode == TUI_LAYOUT_TOO_SMALL)
		return key == 'q' || key == 'Q' ? VIEW_QUIT : VIEW_NONE;
	if (key == KEY_MOUSE)
		return tui_mouse(v);
	if (v->pending)
		return tui_mark(v, v->pending, key);
	if (v->overlay == VIEW_OVERLAY_HELP)
		return pane_help_key(v, key);
	if (key == 'o')
		return tui_names(v);
	if (v->overlay == VIEW_OVERLAY_ENTRY) {
		switch (key) {
		case 'i':
		case 'q':
		case TUI_ESC:
			v->overlay = VIEW_OVERLAY_LIST;
			v->dirty |= VIEW_DIRTY_ALL;
			return VIEW_DONE;
		case '\r':
		case '\n':
		case KEY_ENTER:
			v->overlay = VIEW_OVERLAY_LIST;	/* the list's Enter */
			break;
		default:
			return pane_entry_key(v, key);
		}
	}
	if (v->overlay == VIEW_OVERLAY_LIST) {
		if (key == 'i' && v->list_n != 0) {
			v->overlay = VIEW_OVERLAY_ENTRY;
			v->entry_top = 0;
			v->dirty |= VIEW_DIRTY_ALL;
			return VIEW_DONE;
		}
		a = pane_list_key(v, key);
		tui_want_filter(v);
		return a;
	}
	if (v->overlay == VIEW_OVERLAY_DETAIL) {
		switch (key) {
		case 'q':
		case TUI_ESC:
		case '\r':
		case '\n':
		case KEY_ENTER:
			v->overlay = VIEW_OVERLAY_NONE;
			v->detail_top = 0;
			v->dirty |= VIEW_DIRTY_ALL;
			return VIEW_DONE;
		}
		if ((a = pane_detail_key(v, key)) != VIEW_NONE)
			return a;
		a = pane_timeline_key(v, key);
		v->dirty |= VIEW_DIRTY_OVERLAY;
		return a;
	}
	switch (key) {
	case 'q':
	case 'Q':
		return VIEW_QUIT;
	case '?':
		v->overlay = VIEW_OVERLAY_HELP;
		v->help_top = 0;
		v->dirty |= VIEW_DIRTY_ALL;
		return VIEW_DONE;
	case 'p':
	case 'a':
		pane_list_open(v, key == 'p' ? PANE_LIST_PLACES :
		    PANE_LIST_ACTORS);
		return VIEW_DONE;
	case '\t':
		tui_focus(v, ((int)v->focus + 1) % tui_nfocus(v));
		return VIEW_DONE;
	case KEY_BTAB:
		tui_focus(v, ((int)v->focus + tui_nfocus(v) - 1) %
		    tui_nfocus(v));
		return VIEW_DONE;
	case 'c':
		if (v->map_data == NULL)
			return VIEW_NONE;
		return pane_map_key(v, key);
	case '\r':
	case '\n':
	case KEY_ENTER:
		if (v->timeline.n == 0)
			return VIEW_DONE;
		v->overlay = VIEW_OVERLAY_DETAIL;
		v->detail_top = 0;
		v->dirty |= VIEW_DIRTY_ALL;
		return VIEW_DONE;
	case 't':
		tui_prompt_open(v, PROMPT_DATE);
		return VIEW_DONE;
	case '/':
		tui_prompt_open(v, PROMPT_SEARCH);
		return VIEW_DONE;
	case 'f':
		tui_prompt_open(v, PROMPT_FILTER);
		return VIEW_DONE;
	case 'F':
		if (v->filter == NULL)
			view_message(v, _("No filter"));
		else
			tui_filter(v, "");
		return VIEW_DONE;
	case 'L':
		/* The next language, for the data and the interface. */
		v->lang = (enum lang)(((int)v->lang + 1) % LANG_COUNT);
		i18n_set(v->lang);
		if (v->filter != NULL) {
			filter = xstrdup(v->filter);
			tui_filter(v, filter);
			free(filter);
		} else
			tui_rebuild(v, NULL, 0);
		view_message(v, "%s", names[v->lang]);
		return VIEW_DONE;
	case 'n':
		tui_search_step(v, 1);
		return VIEW_DONE;
	case 'N':
		tui_search_step(v, -1);
		return VIEW_DONE;
	case 'm':
	case '\'':
		v->pending = key;
		return VIEW_DONE;
	}
	if (v->focus == VIEW_FOCUS_DETAIL &&
	    (a = pane_detail_key(v, key)) != VIEW_NONE)
		return a;
	if (v->focus == VIEW_FOCUS_MAP &&
	    (a = pane_map_key(v, key)) != VIEW_NONE) {
		tui_want_filter(v);	/* ; and , choose a place */
		return a;
	}
	return pane_timeline_key(v, key);
}

/* Reads the maps next to data directory DIR into MD. Returns 0, or -1
 * (MD then freed). */
static int
tui_load_maps(struct mapdata *md, const char *dir, struct diag *d)
{
	const char *slash = strrchr(dir, '/');
	char *maps;
	int r;

	if (slash == NULL)
		maps = xstrdup("maps");
	else
		xasprintf(&maps, "%.*s/maps", (int)(slash - dir), dir);
	r = mapdata_load(md, maps, d);
	free(maps);
	if (r != 0)
		mapdata_free(md);
	return r;
}

/* Runs the interactive atlas on S until the user quits or a signal asks
 * to stop. Returns 0, 128 + the signal's number if a signal ended it, or 1
 * if the terminal could not be set up. */
int
tui_main(const struct store *s, const struct tui_options *opts)
{
	enum view_action a;
	struct view v;
	struct mapdata md;
	struct diag d;
	wint_t wc;
	int key, r = 0, idle = 0, have_map;
	long last_key;

	memset(&v, 0, sizeof v);
	/* The maps are read before curses starts, from "DATA/../maps"; if
	 * they cannot be, the atlas has no map pane. */
	diag_init(&d);
	have_map = tui_load_maps(&md, s->dir, &d) == 0;
	diag_fini(&d);
	pane_map_init(&v, have_map ? &md : NULL);
	v.store = s;
	v.lang = opts->lang;
	v.names = opts->names;
	v.total = s->nevents;
	timeline_build(&v.timeline, s, v.lang);
	timeline_group(&v.timeline, s, TIMELINE_YEAR);

	tui_signals();
	/* Secure (kiosk) mode: no suspend. Ignored before initscr(), so
	 * ncurses leaves SIGTSTP alone and Ctrl-Z does nothing. */
	if (opts->secure) {
		signal(SIGTSTP, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
	}
	if (initscr() == NULL) {
		timeline_free(&v.timeline);
		if (have_map)
			mapdata_free(&md);
		return 1;
	}
	cbreak();
	noecho();
	nonl();
	set_escdelay(25);
	curs_set(0);
	tui_cursor = 0;
	tui_theme_init(&tui_theme, 1);
	if (!opts->no_mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
		    BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	tui_layout(&v);

	last_key = tui_now();
	while (!tui_signalled) {
		tui_draw(&v);
		if (v.prompt.kind != PROMPT_NONE)
			r = key = wget_wch(tui_w.keys, &wc);
		else
			key = wgetch(tui_w.keys);
		if (key == ERR) {
			if (tui_terminal_gone()) {
				tui_signalled = SIGHUP;
				break;
			}
			if (opts->idle_minutes > 0 && tui_now() - last_key >
			    (long)(opts->idle_minutes * 60000.0)) {
				idle = 1;
				break;
			}
			continue;
		}
		if (key != KEY_RESIZE)
			last_key = tui_now();
		if (v.prompt.kind != PROMPT_NONE)
			a = tui_prompt_key(&v, r == KEY_CODE_YES, wc);
		else
			a = tui_key(&v, key);
		if (a == VIEW_QUIT)
			break;
	}

	tui_delwins();
	endwin();
	timeline_free(&v.timeline);
	if (have_map)
		mapdata_free(&md);
	pane_list_free(&v);
	pane_map_fini(&v);
	free(v.filter);
	free(v.search);
	free(v.hits);
	regex_free(v.regex);
	if (idle)
		fprintf(stderr, _("ttyatlas: no key for %g minutes: "
		    "goodbye\n"), opts->idle_minutes);
	return tui_signalled ? 128 + tui_signalled : 0;
}
