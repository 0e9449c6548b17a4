/* pane-help.c: the help screen. */
#include "config.h"

#include "pane-help.h"
#include "screen-text.h"

#define CTRL(c) ((c) & 0x1f)

static const char *const pane_help_lines[] = {
	"#Keys of ttyatlas (q, Esc or ? closes this screen)",
	"",
	"#Moving through the timeline",
	"j  k  Down  Up      next / previous event",
	"PgDn  PgUp  Space b  a page down / up",
	"Ctrl-D  Ctrl-U      half a page down / up",
	"g  G  Home  End     first / last event",
	"]  [                next / previous year (period at the zoom)",
	"}  {                next / previous era",
	"t                   go to a date: 1992-05-08, 1992-05, 1992, -0179",
	"+  -  (z  Z)        zoom in / out: century, decade, year, month, day",
	"m LETTER            set a mark on the selected event",
	"' LETTER            return to the mark",
	"",
	"#Finding",
	"/                   search (regex, all languages and aliases)",
	"n  N                next / previous match",
	"f                   filter: place:X actor:X type:T 1992..1994 ...",
	"F                   clear the filter",
	"",
	"#Panes",
	"Tab  Shift-Tab      focus the next / previous pane",
	"Enter               the event's detail on the whole screen",
	"j  k (detail)       scroll the detail when it has the focus",
	"mouse               click selects, the wheel scrolls",
	"",
	"#Prompts",
	"Enter  Esc          accept / cancel",
	"Left Right Home End move; Ctrl-A, Ctrl-E too",
	"Backspace  Ctrl-W   delete a character / a word",
	"Ctrl-U  Ctrl-K      delete to the start / the end",
	"",
	"#Screen",
	"?                   this help",
	"Ctrl-L              redraw",
	"q                   quit",
};

#define PANE_HELP_N (sizeof pane_help_lines / sizeof pane_help_lines[0])

/* Draws the help lines from the view's help_top into W. */
void
pane_help_draw(WINDOW *w, struct view *v, const struct tui_theme *th)
{
	int rows = getmaxy(w), cols = getmaxx(w), y;
	size_t i;
	const char *s;

	v->help_rows = rows;
	v->help_nlines = PANE_HELP_N;
	werase(w);
	for (y = 0; y < rows; y++) {
		i = v->help_top + (size_t)y;
		if (i >= PANE_HELP_N)
			break;
		s = pane_help_lines[i];
		wmove(w, y, 0);
		if (s[0] == '#') {
			wattrset(w, th->attr[TUI_ROLE_LABEL]);
			s++;
		}
		screen_text_put(w, s, (size_t)cols, 0);
		wattrset(w, A_NORMAL);
	}
	wnoutrefresh(w);
}

/* Scrolls the help (j/k, arrows, pages); q, Esc and ? close it. */
enum view_action
pane_help_key(struct view *v, int key)
{
	size_t max = PANE_HELP_N > (size_t)v->help_rows ? PANE_HELP_N -
	    (size_t)v->help_rows : 0;
	size_t page = v->help_rows > 1 ? (size_t)v->help_rows - 1 : 1;
	size_t top = v->help_top;

	switch (key) {
	case 'q':
	case '?':
	case 27:
	case KEY_ENTER:
	case '\r':
	case '\n':
		v->overlay = VIEW_OVERLAY_NONE;
		v->dirty |= VIEW_DIRTY_ALL;
		return VIEW_DONE;
	case 'j':
	case KEY_DOWN:
		top++;
		break;
	case 'k':
	case KEY_UP:
		top = top ? top - 1 : 0;
		break;
	case KEY_NPAGE:
	case ' ':
	case CTRL('d'):
	case CTRL('f'):
		top += page;
		break;
	case KEY_PPAGE:
	case 'b':
	case CTRL('u'):
	case CTRL('b'):
		top = top > page ? top - page : 0;
		break;
	case 'g':
	case KEY_HOME:
		top = 0;
		break;
	case 'G':
	case KEY_END:
		top = max;
		break;
	default:
		return VIEW_DONE;	/* the help swallows other keys */
	}
	if (top > max)
		top = max;
	if (top != v->help_top) {
		v->help_top = top;
		v->dirty |= VIEW_DIRTY_OVERLAY;
	}
	return VIEW_DONE;
}
