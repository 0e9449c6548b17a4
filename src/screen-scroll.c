/* screen-scroll.c: moving through lines by keys (screen-scroll.h), shared
 * by the help screen, the places and actors list and the detail of a place
 * or an actor. */
#include "config.h"

#include <curses.h>

#include "screen-scroll.h"

#define CTRL(c)	((c) & 0x1f)

/* Moves *POS in 0..MAX as KEY asks, by lines or pages of PAGE lines;
 * returns 1 if KEY moves, 0 if not. */
int
screen_move_key(int key, size_t *pos, size_t max, size_t page)
{
	size_t half, t = *pos;

	if (page == 0)
		page = 1;
	half = page / 2 ? page / 2 : 1;
	switch (key) {
	case 'j':
	case KEY_DOWN:
		t++;
		break;
	case 'k':
	case KEY_UP:
		t = t ? t - 1 : 0;
		break;
	case KEY_NPAGE:
	case ' ':
	case CTRL('f'):
		t += page;
		break;
	case KEY_PPAGE:
	case 'b':
	case CTRL('b'):
		t = t > page ? t - page : 0;
		break;
	case CTRL('d'):
		t += half;
		break;
	case CTRL('u'):
		t = t > half ? t - half : 0;
		break;
	case 'g':
	case KEY_HOME:
		t = 0;
		break;
	case 'G':
	case KEY_END:
		t = max;
		break;
	default:
		return 0;
	}
	*pos = t > max ? max : t;
	return 1;
}

/* Moves *TOP, the first line shown of N lines in ROWS rows, as KEY asks;
 * returns 1 if KEY scrolls, 0 if not. */
int
screen_scroll_key(int key, size_t *top, size_t n, size_t rows)
{
	if (rows == 0)
		rows = 1;
	return screen_move_key(key, top, n > rows ? n - rows : 0,
	    rows > 1 ? rows - 1 : 1);
}
