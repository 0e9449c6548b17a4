/* tui-theme.h: the attributes each kind of text is drawn with.
 *
 * Contract: tui_theme_init() picks a table for what the terminal offers
 * (256 colours, 8 colours, or none) and for NO_COLOR; every role has a
 * cue that needs no colour (bold, underline, reverse, dim), and colour
 * only adds to it. The selection is reverse video in every theme. */
#ifndef TUI_THEME_H
#define TUI_THEME_H

#include <curses.h>

enum tui_role {
	TUI_ROLE_NORMAL,
	TUI_ROLE_SELECTED,	/* the selected row */
	TUI_ROLE_ERA,		/* era heading */
	TUI_ROLE_PERIOD,	/* year (period) heading */
	TUI_ROLE_BAR,		/* density bars */
	TUI_ROLE_DIM,		/* spans, counts, secondary text */
	TUI_ROLE_MATCH,		/* search matches */
	TUI_ROLE_STATUS,	/* the status line */
	TUI_ROLE_TAB,		/* a tab or pane header, not focused */
	TUI_ROLE_TAB_ACTIVE,	/* the focused one */
	TUI_ROLE_TITLE,		/* the detail's title */
	TUI_ROLE_LABEL,		/* "Places:", "Sources:" */
	TUI_ROLE_RULER,		/* the date ruler */
	TUI_ROLE_RULER_AT,	/* the selection's place on it */
	TUI_ROLE_WARN,		/* disagreement, errors */
	TUI_NROLES
};

enum tui_theme_kind {
	TUI_THEME_MONO,
	TUI_THEME_8,
	TUI_THEME_256
};

struct tui_theme {
	enum tui_theme_kind	kind;
	attr_t			attr[TUI_NROLES];
};

void		 tui_theme_init(struct tui_theme *, int want_color);
attr_t		 tui_theme_ansi(const struct tui_theme *, int colour);
const char	*tui_theme_name(const struct tui_theme *);

#endif
