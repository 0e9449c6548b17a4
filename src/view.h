/* view.h: the state every pane reads and changes, and the dirty bits.
 *
 * Contract: panes never call each other. A key handler changes the view
 * and marks what must be redrawn; the TUI's loop draws the dirty panes and
 * calls doupdate() once. The view holds no curses objects. Keys reach the
 * handlers as curses key codes (wgetch()); the prompt's text arrives as
 * code points through prompt.h instead. */
#ifndef VIEW_H
#define VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "lang.h"
#include "prompt.h"
#include "timeline.h"

struct event;
struct mapdata;
struct query;
struct regex;
struct store;

#define VIEW_DIRTY_LIST		0x01
#define VIEW_DIRTY_STATUS	0x02
#define VIEW_DIRTY_DETAIL	0x04
#define VIEW_DIRTY_TABS		0x08
#define VIEW_DIRTY_OVERLAY	0x10
#define VIEW_DIRTY_LAYOUT	0x20	/* windows must be made anew */
#define VIEW_DIRTY_MAP		0x40
#define VIEW_DIRTY_ALL		0x5f

enum view_action {
	VIEW_NONE,	/* key not handled */
	VIEW_DONE,	/* handled; dirty bits tell what to redraw */
	VIEW_QUIT
};

enum view_focus {		/* the same order as enum tui_pane */
	VIEW_FOCUS_TIMELINE,
	VIEW_FOCUS_DETAIL,
	VIEW_FOCUS_MAP,
	VIEW_FOCUS_COUNT
};

enum view_overlay {
	VIEW_OVERLAY_NONE,
	VIEW_OVERLAY_HELP,	/* ? */
	VIEW_OVERLAY_DETAIL,	/* Enter: the detail on the whole screen */
	VIEW_OVERLAY_LIST,	/* p, a: the places or actors (pane-list.c) */
	VIEW_OVERLAY_ENTRY	/* i in a list: its entry (pane-entry.c) */
};

struct view {
	const struct store	*store;
	struct timeline		 timeline;
	enum lang		 lang;
	int			 names;		/* enum place_names (o) */
	size_t			 selected;	/* row of the timeline */
	size_t			 top;		/* first line on screen */
	int			 list_rows;	/* lines the list pane shows */

	enum view_focus		 focus;
	enum view_overlay	 overlay;
	size_t			 detail_top;	/* first detail line shown */
	size_t			 detail_nlines;	/* lines at the drawn width */
	int			 detail_rows;	/* rows the detail shows */
	size_t			 help_top;
	int			 help_rows;
	size_t			 help_nlines;

	struct prompt		 prompt;	/* kind PROMPT_NONE: closed */
	int			 pending;	/* 'm' or '\'' awaiting a letter */
	const struct event	*marks[26];
	char			 message[160];	/* shown once in the status */

	char			*filter;	/* the active filter's text */
	struct query		*query;
	size_t			 total;		/* events in the store */
	char			*search;	/* the last / pattern */
	struct regex		*regex;		/* it, for highlights */
	size_t			*hits;		/* events it finds (positions
						   in store->events, sorted) */
	size_t			 nhits;

	/* The map pane (pane-map.c); map_data NULL: there is none. */
	const struct mapdata	*map_data;
	const struct event	*map_event;	/* the event it follows */
	double			 map_lon, map_lat;	/* its centre */
	double			 map_span;	/* degrees of latitude shown */
	int			 map_view;	/* the named view last chosen */
	int			 map_mode;	/* enum raster_mode */
	int			 map_control;	/* 0 de facto, 1 de jure, 2 off */
	int			 map_has_day;
	int64_t			 map_day;	/* the date of its control */
	/* The place chosen on the map with ; and , (a store's place id,
	 * NULL: none), and the place ids of the markers shown at the last
	 * draw, in reading order (pane-map.c). */
	const char		*map_place;
	const char		**map_marks;
	size_t			 map_nmarks;
	int			*map_mark_yx;	/* their cells: row, column */

	/* The places or actors list (pane-list.c). */
	int			 list_kind;	/* 0 places, 1 actors */
	uint32_t		*list_order;	/* rows sorted by name */
	size_t			 list_n;
	size_t			 list_sel, list_top;
	int			 list_shown;	/* entry rows on screen */
	char			*list_search;	/* its last / pattern */
	struct regex		*list_regex;
	int			 list_fold;	/* match folded text too */
	/* The detail of the list's selected entry (pane-entry.c). */
	size_t			 entry_top;	/* first line shown */
	size_t			 entry_nlines;	/* lines at the drawn width */
	int			 entry_rows;	/* rows it shows */
	/* A filter a pane asks for ("place:ID"): the TUI applies it as the
	 * f prompt does, then clears it. */
	char			 want_filter[256];

	int			 dirty;
};

void	view_message(struct view *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
