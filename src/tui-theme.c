/* tui-theme.c: colour tables, and the cues that work without colour.
 *
 * use_default_colors() lets pair colour -1 mean the terminal's own
 * foreground or background, so a light or dark terminal keeps its look. */
#include "config.h"

#include <stdlib.h>

#include "tui-theme.h"

struct tui_theme_entry {
	attr_t	cue;		/* always: works in monochrome */
	short	fg256, bg256;
	short	fg8, bg8;
};

static const struct tui_theme_entry tui_theme_table[TUI_NROLES] = {
	[TUI_ROLE_NORMAL] =	{ A_NORMAL,		-1, -1,  -1, -1 },
	[TUI_ROLE_SELECTED] =	{ A_REVERSE,		-1, -1,  -1, -1 },
	[TUI_ROLE_ERA] =	{ A_BOLD,		173, -1, COLOR_YELLOW, -1 },
	[TUI_ROLE_PERIOD] =	{ A_BOLD,		75, -1,  COLOR_CYAN, -1 },
	[TUI_ROLE_BAR] =	{ A_NORMAL,		75, -1,  COLOR_CYAN, -1 },
	[TUI_ROLE_DIM] =	{ A_DIM,		245, -1, -1, -1 },
	[TUI_ROLE_MATCH] =	{ A_BOLD | A_UNDERLINE,	16, 220, COLOR_BLACK, COLOR_YELLOW },
	[TUI_ROLE_STATUS] =	{ A_REVERSE,		-1, -1,  -1, -1 },
	[TUI_ROLE_TAB] =	{ A_NORMAL,		245, -1, -1, -1 },
	[TUI_ROLE_TAB_ACTIVE] =	{ A_REVERSE | A_BOLD,	-1, -1,  -1, -1 },
	[TUI_ROLE_TITLE] =	{ A_BOLD,		-1, -1,  -1, -1 },
	[TUI_ROLE_LABEL] =	{ A_BOLD,		109, -1, COLOR_BLUE, -1 },
	[TUI_ROLE_RULER] =	{ A_NORMAL,		75, -1,  COLOR_CYAN, -1 },
	[TUI_ROLE_RULER_AT] =	{ A_REVERSE,		-1, -1,  -1, -1 },
	[TUI_ROLE_WARN] =	{ A_BOLD,		203, -1, COLOR_RED, -1 },
};

/* Fills T for the terminal curses has opened. WANT_COLOR 0 (or NO_COLOR
 * set to anything non-empty, as no-color.org asks) gives monochrome. Call
 * after initscr(). */
void
tui_theme_init(struct tui_theme *t, int want_color)
{
	const char *nc = getenv("NO_COLOR");
	const struct tui_theme_entry *e;
	short fg, bg;
	int i;

	t->kind = TUI_THEME_MONO;
	if (want_color && (nc == NULL || *nc == '\0') && has_colors() &&
	    start_color() == OK) {
		use_default_colors();
		t->kind = COLORS >= 256 ? TUI_THEME_256 : TUI_THEME_8;
	}
	/* The map's ANSI colours 0-15 (the raster's styles) follow the
	 * roles' pairs. */
	for (i = 0; i < 16 && t->kind != TUI_THEME_MONO; i++)
		if (TUI_NROLES + 1 + i < COLOR_PAIRS)
			init_pair((short)(TUI_NROLES + 1 + i), (short)(t->kind ==
			    TUI_THEME_256 || i < 8 ? i : i - 8), -1);
	for (i = 0; i < TUI_NROLES; i++) {
		e = &tui_theme_table[i];
		t->attr[i] = e->cue;
		if (t->kind == TUI_THEME_MONO)
			continue;
		fg = t->kind == TUI_THEME_256 ? e->fg256 : e->fg8;
		bg = t->kind == TUI_THEME_256 ? e->bg256 : e->bg8;
		if (fg == -1 && bg == -1)
			continue;
		if (i + 1 < COLOR_PAIRS && init_pair((short)(i + 1), fg, bg) ==
		    OK)
			t->attr[i] |= COLOR_PAIR(i + 1);
	}
}

/* Returns "256", "8" or "mono". */
const char *
tui_theme_name(const struct tui_theme *t)
{
	return t->kind == TUI_THEME_256 ? "256" : t->kind == TUI_THEME_8 ?
	    "8" : "mono";
}

/* Returns the attribute of ANSI colour COLOUR (0-15, -1 the default) in
 * theme T: its colour pair, bright ones bold on 8 colours; nothing in
 * monochrome, where the map's glyphs tell its layers apart. */
attr_t
tui_theme_ansi(const struct tui_theme *t, int colour)
{
	attr_t a = A_NORMAL;

	if (colour < 0 || colour > 15 || t->kind == TUI_THEME_MONO ||
	    TUI_NROLES + 1 + colour >= COLOR_PAIRS)
		return a;
	if (t->kind == TUI_THEME_8 && colour >= 8)
		a |= A_BOLD;
	return a | COLOR_PAIR(TUI_NROLES + 1 + colour);
}
