/* tui-layout.h: where each pane of the interactive atlas goes.
 *
 * Contract: tui_layout_compute() is a pure function of the terminal's size
 * (and whether a map pane exists): it never touches the terminal, so the
 * core links it and the unit tests check it. Rectangles never overlap and
 * stay inside the screen; a pane that is not shown has zero height and
 * width. Thresholds:
 *   under TUI_LAYOUT_MIN_COLS x TUI_LAYOUT_MIN_ROWS   too small: a notice only
 *   80 columns or fewer, or 24 rows or fewer          one pane at a time,
 *                                                      a tab row on top
 *   120 columns and more                               side by side
 *   otherwise                                          stacked
 * In tabs mode every pane gets the same rectangle (below the tab row); the
 * TUI shows the focused one. */
#ifndef TUI_LAYOUT_H
#define TUI_LAYOUT_H

#define TUI_LAYOUT_MIN_COLS	20
#define TUI_LAYOUT_MIN_ROWS	3
#define TUI_LAYOUT_WIDE		120	/* side by side from here */
#define TUI_LAYOUT_TABS_COLS	80	/* tabs at this width and below */
#define TUI_LAYOUT_TABS_ROWS	24	/* or at this height and below */

enum tui_layout_mode {
	TUI_LAYOUT_TOO_SMALL,
	TUI_LAYOUT_TABS,
	TUI_LAYOUT_STACKED,
	TUI_LAYOUT_SIDE
};

enum tui_pane {
	TUI_PANE_TIMELINE,
	TUI_PANE_DETAIL,
	TUI_PANE_MAP,
	TUI_PANE_COUNT
};

struct tui_rect {
	int	y, x;
	int	h, w;
};

struct tui_layout {
	enum tui_layout_mode	mode;
	struct tui_rect		tabs;		/* the tab row (tabs mode) */
	struct tui_rect		pane[TUI_PANE_COUNT];
	struct tui_rect		status;		/* the bottom row */
	struct tui_rect		full;		/* all but the status row */
};

void	tui_layout_compute(struct tui_layout *, int rows, int cols, int map);
int	tui_layout_hit(const struct tui_layout *, int pane, int y, int x);

#endif
