/* tui.c: the interactive atlas: terminal set-up, layout, the main loop.
 *
 * The loop waits for a key with a bound (so a resize or a signal is never
 * missed), hands the key to the focused pane, then draws the panes whose
 * dirty bits are set and calls doupdate() once. Keys are read from a
 * window of their own, so reading never refreshes a pane behind our back.
 * SIGINT, SIGTERM and SIGHUP only set a flag: the loop sees it and gives
 * the terminal back before exiting. Ctrl-Z is left to ncurses, which
 * restores the terminal on suspend and repaints on resume. */
#include "config.h"

#include <curses.h>
#include <signal.h>
#include <string.h>

#include "pane-status.h"
#include "pane-timeline.h"
#include "store.h"
#include "tui.h"
#include "view.h"

#define TUI_MIN_COLS	20
#define TUI_MIN_ROWS	3
#define CTRL(c)		((c) & 0x1f)

static volatile sig_atomic_t tui_signalled;
static WINDOW *tui_list, *tui_status, *tui_keys;
static int tui_too_small;

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

/*
 * Creates the windows for the current size, or notes it is too small. The
 * key window is made anew too: ncurses grows a window that touches the
 * screen's edges when the screen grows, and a grown key window would be
 * painted blank over the panes by the next wgetch().
 */
static void
tui_layout(struct view *v)
{
	if (tui_list != NULL)
		delwin(tui_list);
	if (tui_status != NULL)
		delwin(tui_status);
	if (tui_keys != NULL)
		delwin(tui_keys);
	tui_list = tui_status = NULL;
	tui_keys = newwin(1, 1, 0, 0);
	keypad(tui_keys, TRUE);
	wtimeout(tui_keys, 1000);
	untouchwin(tui_keys);	/* else wgetch() would paint it over a pane */
	tui_too_small = COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS;
	if (!tui_too_small) {
		tui_list = newwin(LINES - 1, COLS, 0, 0);
		tui_status = newwin(1, COLS, LINES - 1, 0);
		idlok(tui_list, TRUE);
		v->list_rows = LINES - 1;
		pane_timeline_scroll_into_view(v);
	}
	v->dirty = VIEW_DIRTY_ALL;
}

static void
tui_draw(struct view *v)
{
	if (v->dirty == 0)
		return;
	if (tui_too_small) {
		static const char *const notices[] = {
			"Terminal too small: need 20x3", "Terminal too small",
			"Too small", "Small", "!"
		};
		size_t i = 0;

		while (i < 4 && strlen(notices[i]) > (size_t)COLS)
			i++;
		erase();
		mvaddnstr(0, 0, notices[i], COLS);
		wnoutrefresh(stdscr);
	} else {
		if (v->dirty & VIEW_DIRTY_LIST)
			pane_timeline_draw(tui_list, v);
		if (v->dirty & VIEW_DIRTY_STATUS)
			pane_status_draw(tui_status, v);
	}
	v->dirty = 0;
	doupdate();
}

static enum view_action
tui_key(struct view *v, int key)
{
	switch (key) {
	case 'q':
	case 'Q':
		return VIEW_QUIT;
	case KEY_RESIZE:
		/* Terminals differ in what they keep of the old contents when
		 * they change size; repaint all rather than trust them. */
		clearok(curscr, TRUE);
		tui_layout(v);
		return VIEW_DONE;
	case CTRL('l'):
		clearok(curscr, TRUE);
		v->dirty = VIEW_DIRTY_ALL;
		return VIEW_DONE;
	}
	if (tui_too_small)
		return VIEW_NONE;
	return pane_timeline_key(v, key);
}

/* Runs the interactive atlas on S until the user quits or a signal asks
 * to stop. Returns 0, 128 + the signal's number if a signal ended it, or 1
 * if the terminal could not be set up. */
int
tui_main(const struct store *s, const struct tui_options *opts)
{
	struct view v;
	int key;

	memset(&v, 0, sizeof v);
	v.store = s;
	v.lang = opts->lang;
	timeline_build(&v.timeline, s, v.lang);

	tui_signals();
	if (initscr() == NULL) {
		timeline_free(&v.timeline);
		return 1;
	}
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	tui_layout(&v);

	while (!tui_signalled) {
		tui_draw(&v);
		key = wgetch(tui_keys);
		if (key == ERR)
			continue;
		if (tui_key(&v, key) == VIEW_QUIT)
			break;
	}

	delwin(tui_list);
	delwin(tui_status);
	delwin(tui_keys);
	endwin();
	timeline_free(&v.timeline);
	return tui_signalled ? 128 + tui_signalled : 0;
}
