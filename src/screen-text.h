/* screen-text.h: writing data text into curses windows safely.
 *
 * Contract: screen_text_put() writes text made safe (no control
 * characters or escape sequences reach the terminal), cut to a number of
 * columns without splitting a character, and pads with spaces if asked.
 * It returns the columns written. screen_text_put_match() also draws the
 * parts a regex matches in other attributes (search highlights). */
#ifndef SCREEN_TEXT_H
#define SCREEN_TEXT_H

#include <curses.h>
#include <stddef.h>

struct regex;

size_t	screen_text_put(WINDOW *, const char *s, size_t cols, int pad);
size_t	screen_text_put_match(WINDOW *, const char *s, size_t cols, int pad,
	    const struct regex *, attr_t base, attr_t hl);

#endif
