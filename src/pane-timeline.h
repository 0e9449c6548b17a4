/* pane-timeline.h: the scrollable, grouped list of events.
 *
 * Contract: pane_timeline_draw() draws the view's timeline into a window:
 * a date ruler with the density of events on its first row when the pane
 * has room, then era and period headings and event rows, the selected row
 * in reverse video. pane_timeline_key() moves the selection or changes
 * the zoom and returns what the TUI should do next; it never draws. */
#ifndef PANE_TIMELINE_H
#define PANE_TIMELINE_H

#include <curses.h>

#include "tui-theme.h"
#include "view.h"

void			pane_timeline_draw(WINDOW *, struct view *,
			    const struct tui_theme *);
enum view_action	pane_timeline_key(struct view *, int key);
void			pane_timeline_scroll_into_view(struct view *);
void			pane_timeline_select(struct view *, size_t row);
int			pane_timeline_list_rows(int height);
void			pane_timeline_click(struct view *, int y);

#endif
