/* pane-list.h: the places (p) and actors (a) lists, on the whole screen.
 *
 * Contract: pane_list_open() fills the view's list with every place or
 * actor, sorted by its name in the view's language, and shows it as an
 * overlay; pane_list_draw() draws it (name, kind, number of events);
 * pane_list_key() moves, starts a search (it opens the view's prompt),
 * closes the list or, on Enter, puts "place:ID" or "actor:ID" in the
 * view's want_filter for the TUI to apply, and closes it; it never draws.
 * pane_list_search() runs a search the prompt accepted. pane_list_free()
 * releases what the list holds. */
#ifndef PANE_LIST_H
#define PANE_LIST_H

#include <curses.h>

#include "tui-theme.h"
#include "view.h"

#define PANE_LIST_PLACES	0
#define PANE_LIST_ACTORS	1

void			pane_list_open(struct view *, int kind);
void			pane_list_draw(WINDOW *, struct view *,
			    const struct tui_theme *);
enum view_action	pane_list_key(struct view *, int key);
void			pane_list_search(struct view *, const char *pattern);
void			pane_list_free(struct view *);

#endif
