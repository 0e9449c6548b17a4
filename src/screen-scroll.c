/* screen-scroll.c: scrolling a text by keys (screen-scroll.h), shared by
 * the help screen and the detail of a place or an actor. */
#include "config.h"

#include <curses.h>

#include "screen-scroll.h"

#define CTRL(c)	((c) & 0x1f)

/* Moves *TOP as KEY asks; returns 1 if KEY scrolls, 0 if not. */
int
screen_scroll_key(int key, size_t *top, size_t n, size_t rows)
{
	size_t max, page, half, t = *top;

	if (rows == 0)
		rows = 1;
	max = n > rows ? n - rows : 0;
	page = rows > 1 ? rows - 1 : 1;
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
	*top = t > max ? max : t;
	return 1;
}
