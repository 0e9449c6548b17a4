/* pane-status.h: the status line at the bottom of the screen.
 *
 * Contract: draws the position in the timeline, the selected date, the
 * active filter with its count, the search and a one-time message; when
 * a prompt is open it draws the prompt instead and leaves the terminal's
 * cursor at the prompt's cursor. It changes nothing in the view. */
#ifndef PANE_STATUS_H
#define PANE_STATUS_H

#include <curses.h>

#include "tui-theme.h"
#include "view.h"

void	pane_status_draw(WINDOW *, const struct view *,
	    const struct tui_theme *);

#endif
