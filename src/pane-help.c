/* pane-help.c: the help screen. */
#include "config.h"

#include "i18n.h"
#include "pane-help.h"
#include "screen-scroll.h"
#include "screen-text.h"

#define CTRL(c) ((c) & 0x1f)

static const char *const pane_help_lines[] = {
	N_("#Keys of ttyatlas (q, Esc or ? closes this screen)"),
	"",
	N_("#Moving through the timeline"),
	N_("j  k  Down  Up      next / previous event"),
	N_("PgDn  PgUp  Space b  a page down / up"),
	N_("Ctrl-D  Ctrl-U      half a page down / up"),
	N_("g  G  Home  End     first / last event"),
	N_("]  [                next / previous year (period at the zoom)"),
	N_("}  {                next / previous era"),
	N_("t                   go to a date: 1992-05-08, 1992-05, 1992, -0179"),
	N_("+  -  (z  Z)        zoom in / out: century, decade, year, month, day"),
	N_("m LETTER            set a mark on the selected event"),
	N_("' LETTER            return to the mark"),
	"",
	N_("#Finding"),
	N_("/                   search (regex, all languages and aliases)"),
	N_("n  N                next / previous match"),
	N_("f                   filter: place:X actor:X type:T 1992..1994 ..."),
	N_("F                   clear the filter"),
	N_("p  a                the places / the actors: / searches, Enter filters"),
	"",
	N_("#Panes"),
	N_("Tab  Shift-Tab      focus the next / previous pane"),
	N_("Enter               the event's detail on the whole screen"),
	N_("j  k (detail)       scroll the detail when it has the focus"),
	N_("mouse               click selects, the wheel scrolls"),
	"",
	N_("#The map (Tab to it; it follows the selected event)"),
	N_("h  l  Left  Right   pan west / east"),
	N_("k  j  Up  Down      pan north / south"),
	N_("+  -                zoom in / out"),
	N_("v                   the next view: caucasus, karabakh, oblast ..."),
	N_("M                   braille, Unicode blocks or ASCII"),
	N_("c                   control overlay: de facto, de jure, off (anywhere)"),
	N_(";  ,                the next / previous place: its events listed"),
	N_("click on a marker   that place, as ; chooses it; the wheel zooms"),
	"",
	N_("#Prompts"),
	N_("Enter  Esc          accept / cancel"),
	N_("Left Right Home End move; Ctrl-A, Ctrl-E too"),
	N_("Backspace  Ctrl-W   delete a character / a word"),
	N_("Ctrl-U  Ctrl-K      delete to the start / the end"),
	"",
	N_("#The places and actors lists (p, a)"),
	N_("i                   the entry's detail: names in every language, local forms"),
	"",
	N_("#Screen"),
	N_("L                   next language: English, 简体中文, 繁體中文, Tiếng Việt"),
	N_("o                   place names alone, with both sides' local forms, or all"),
	N_("?                   this help"),
	N_("Ctrl-L              redraw"),
	N_("q                   quit"),
	"",
	N_("#About"),
	N_("  Events, places and actors from five encyclopedia articles in Chinese,"),
	N_("  Vietnamese and English; every row cites its document and section."),
	N_("  Maps made with Natural Earth (public domain) and GSHHG by Wessel and"),
	N_("  Smith (LGPL); places from GeoNames (CC BY 4.0). Versions, checksums"),
	N_("  and licences: maps/SOURCES in the source or the installed data."),
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
		s = pane_help_lines[i][0] != '\0' ? _(pane_help_lines[i]) : "";
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

/* Scrolls the help as less would (screen-scroll.h); q, Esc, Enter and ?
 * close it. */
enum view_action
pane_help_key(struct view *v, int key)
{
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
	}
	/* Other keys are swallowed. */
	if (screen_scroll_key(key, &top, PANE_HELP_N, (size_t)v->help_rows) &&
	    top != v->help_top) {
		v->help_top = top;
		v->dirty |= VIEW_DIRTY_OVERLAY;
	}
	return VIEW_DONE;
}
