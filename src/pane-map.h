/* pane-map.h: the map pane, drawn from the raster model.
 *
 * Contract: pane_map_draw() renders the map of the view's centre, span,
 * mode and date into a window (the control overlay as the view says),
 * after recentring on the selected event's place and taking its date
 * when the selection changed. pane_map_key() pans, zooms and cycles the
 * views, modes and the overlay, and returns what the TUI should do; it
 * never draws. pane_map_init() sets the view's map state to the first
 * named view; pane_map_fini() frees what the draws kept. ; and , choose
 * the next or previous place marker shown and leave "place:ID" in
 * view->want_filter for the TUI; pane_map_click() does the same for the
 * marker at a cell of the pane. pane_map_label() names the pane for its
 * tab or header, with the chosen place while it is the filter. */
#ifndef PANE_MAP_H
#define PANE_MAP_H

#include <curses.h>
#include <stddef.h>

#include "tui-theme.h"
#include "view.h"

void			pane_map_init(struct view *, const struct mapdata *);
void			pane_map_fini(struct view *);
void			pane_map_draw(WINDOW *, struct view *,
			    const struct tui_theme *);
enum view_action	pane_map_key(struct view *, int key);
enum view_action	pane_map_click(struct view *, int y, int x);
const char		*pane_map_label(const struct view *, char *, size_t);

#endif
