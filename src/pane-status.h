/* pane-status.h: the status line at the bottom of the screen.
 *
 * Contract: draws the position in the timeline and the main keys; it
 * changes nothing. */
#ifndef PANE_STATUS_H
#define PANE_STATUS_H

#include <curses.h>

#include "view.h"

void	pane_status_draw(WINDOW *, const struct view *);

#endif
