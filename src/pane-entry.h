/* pane-entry.h: the detail of the entry chosen in the places or actors
 * list, on the whole screen (i in the list).
 *
 * Contract: pane_entry_draw() draws the list's selected entry: its name
 * (a place's followed by the local forms the view's names setting asks
 * for) and each of its columns labelled as "ttyatlas show" prints them
 * (fields.h): a place's names in every language, its Armenian,
 * Azerbaijani and Russian forms, its other names and sources. Text is
 * wrapped by display width and drawn from the view's entry_top; it records
 * how many lines it takes. pane_entry_key() scrolls it; closing it and
 * Enter are the TUI's (they go back to the list). */
#ifndef PANE_ENTRY_H
#define PANE_ENTRY_H

#include <curses.h>

#include "tui-theme.h"
#include "view.h"

void			pane_entry_draw(WINDOW *, struct view *,
			    const struct tui_theme *);
enum view_action	pane_entry_key(struct view *, int key);

#endif
