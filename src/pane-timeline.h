/* pane-timeline.h: the scrollable list of events.
 *
 * Contract: pane_timeline_draw() draws the view's timeline into a window
 * with the selected row highlighted; pane_timeline_key() moves the
 * selection and returns what the TUI should do next. */
#ifndef PANE_TIMELINE_H
#define PANE_TIMELINE_H

#include <curses.h>

#include "view.h"

void			pane_timeline_draw(WINDOW *, struct view *);
enum view_action	pane_timeline_key(struct view *, int key);
void			pane_timeline_scroll_into_view(struct view *);

#endif
