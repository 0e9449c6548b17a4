/* view.h: the state every pane reads and changes, and the dirty bits.
 *
 * Contract: panes never call each other. A key handler changes the view
 * and marks what must be redrawn; the TUI's loop draws the dirty panes and
 * calls doupdate() once. The view holds no curses objects. */
#ifndef VIEW_H
#define VIEW_H

#include <stddef.h>

#include "lang.h"
#include "timeline.h"

struct store;

#define VIEW_DIRTY_LIST		0x1
#define VIEW_DIRTY_STATUS	0x2
#define VIEW_DIRTY_ALL		0x3

enum view_action {
	VIEW_NONE,	/* key not handled */
	VIEW_DONE,	/* handled; dirty bits tell what to redraw */
	VIEW_QUIT
};

struct view {
	const struct store	*store;
	struct timeline		 timeline;
	enum lang		 lang;
	size_t			 selected;	/* row of the timeline */
	size_t			 top;		/* first row on screen */
	int			 list_rows;	/* rows the list pane has */
	int			 dirty;
};

#endif
