/* screen-scroll.h: scrolling a text by keys, the way less does.
 *
 * Contract: screen_scroll_key() moves *TOP, the first line shown of a
 * text of N lines in ROWS rows, as KEY asks: j/k and the arrows a line,
 * Space, PgDn, Ctrl-F and b, PgUp, Ctrl-B a page, Ctrl-D and Ctrl-U half
 * a page, g/Home and G/End to the ends; never past the last page. It
 * returns 1 if KEY is one of those (whether or not *TOP moved), 0 if not. */
#ifndef SCREEN_SCROLL_H
#define SCREEN_SCROLL_H

#include <stddef.h>

int	screen_scroll_key(int key, size_t *top, size_t n, size_t rows);

#endif
