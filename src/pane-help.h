/* pane-help.h: the help screen (?), every key of the atlas.
 *
 * Contract: pane_help_draw() draws the list of keys from the view's
 * help_top; pane_help_key() scrolls it or says to close it. */
#ifndef PANE_HELP_H
#define PANE_HELP_H

#include <curses.h>

#include "tui-theme.h"
#include "view.h"

void			pane_help_draw(WINDOW *, struct view *,
			    const struct tui_theme *);
enum view_action	pane_help_key(struct view *, int key);

#endif
