/* screen-scroll.h: moving through lines by keys, the way less does.
 *
 * Contract: screen_move_key() moves *POS (a selected line, or the first
 * line shown) as KEY asks, in 0..MAX: j/k and the arrows a line, Space,
 * PgDn, Ctrl-F and b, PgUp, Ctrl-B a page of PAGE lines, Ctrl-D and Ctrl-U
 * half a page, g/Home and G/End to the ends. It returns 1 if KEY is one of
 * those (whether or not *POS moved), 0 if not. screen_scroll_key() is the
 * same for the first line shown of a text of N lines in ROWS rows: never
 * past the last page. */
#ifndef SCREEN_SCROLL_H
#define SCREEN_SCROLL_H

#include <stddef.h>

int	screen_move_key(int key, size_t *pos, size_t max, size_t page);
int	screen_scroll_key(int key, size_t *top, size_t n, size_t rows);

#endif
