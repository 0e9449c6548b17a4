/* tui.h: the interactive atlas.
 *
 * Contract: tui_main() takes over the terminal, runs until the user quits
 * and gives the terminal back as it found it. It returns the exit status. */
#ifndef TUI_H
#define TUI_H

#include "lang.h"

struct store;

struct tui_options {
	enum lang	lang;
	int		names;		/* enum place_names: --names */
	int		no_mouse;	/* --no-mouse */
	int		secure;		/* --secure: no suspend */
	double		idle_minutes;	/* exit after this long without a
					   key; 0: never */
};

int	tui_main(const struct store *, const struct tui_options *);

#endif
