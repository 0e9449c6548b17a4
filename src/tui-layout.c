/* tui-layout.c: the geometry of the panes, as a pure function of the size.
 *
 * Side by side, the timeline takes the left half (its dates need ~24
 * columns and titles the rest) and the detail the right, after a one-column
 * rule. Stacked, the timeline takes a little over half the rows and the
 * detail the rest. A map pane, once there is one, takes the top of the
 * right column side by side and the top of the screen stacked. */
#include "config.h"

#include <string.h>

#include "tui-layout.h"

static struct tui_rect
tui_layout_rect(int y, int x, int h, int w)
{
	struct tui_rect r;

	r.y = y;
	r.x = x;
	r.h = h > 0 && w > 0 ? h : 0;
	r.w = h > 0 && w > 0 ? w : 0;
	return r;
}

/* Fills L for a terminal of ROWS x COLS; MAP says whether there is a map
 * pane to place. Never fails: a size too small gives TUI_LAYOUT_TOO_SMALL
 * with every rectangle empty. */
void
tui_layout_compute(struct tui_layout *l, int rows, int cols, int map)
{
	int body, left, top, i;

	memset(l, 0, sizeof *l);
	if (cols < TUI_LAYOUT_MIN_COLS || rows < TUI_LAYOUT_MIN_ROWS) {
		l->mode = TUI_LAYOUT_TOO_SMALL;
		return;
	}
	body = rows - 1;
	l->status = tui_layout_rect(rows - 1, 0, 1, cols);
	l->full = tui_layout_rect(0, 0, body, cols);
	if (cols <= TUI_LAYOUT_TABS_COLS || rows <= TUI_LAYOUT_TABS_ROWS) {
		l->mode = TUI_LAYOUT_TABS;
		l->tabs = tui_layout_rect(0, 0, 1, cols);
		for (i = 0; i < TUI_PANE_COUNT; i++)
			l->pane[i] = tui_layout_rect(1, 0, body - 1, cols);
		if (!map)
			l->pane[TUI_PANE_MAP] = tui_layout_rect(0, 0, 0, 0);
		return;
	}
	if (cols >= TUI_LAYOUT_WIDE) {
		l->mode = TUI_LAYOUT_SIDE;
		left = cols / 2;
		l->pane[TUI_PANE_TIMELINE] = tui_layout_rect(0, 0, body, left);
		top = map ? body / 2 : 0;
		l->pane[TUI_PANE_MAP] = tui_layout_rect(0, left + 1, top,
		    cols - left - 1);
		l->pane[TUI_PANE_DETAIL] = tui_layout_rect(top, left + 1,
		    body - top, cols - left - 1);
		return;
	}
	l->mode = TUI_LAYOUT_STACKED;
	top = map ? body / 3 : 0;
	l->pane[TUI_PANE_MAP] = tui_layout_rect(0, 0, top, cols);
	left = (body - top) * 11 / 20;		/* the timeline's rows */
	l->pane[TUI_PANE_TIMELINE] = tui_layout_rect(top, 0, left, cols);
	l->pane[TUI_PANE_DETAIL] = tui_layout_rect(top + left, 0,
	    body - top - left, cols);
}

/* Returns 1 if the cell (Y, X) of the screen lies in pane PANE of L. */
int
tui_layout_hit(const struct tui_layout *l, int pane, int y, int x)
{
	const struct tui_rect *r = &l->pane[pane];

	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}
