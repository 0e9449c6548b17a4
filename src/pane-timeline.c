/* pane-timeline.c: drawing and moving through the list of events. */
#include "config.h"

#include "event.h"
#include "pane-timeline.h"
#include "screen-text.h"

#define CTRL(c) ((c) & 0x1f)

/* Moves the view's top so the selected row is on screen, scrolling as
 * little as possible (as less and vim do). */
void
pane_timeline_scroll_into_view(struct view *v)
{
	size_t rows = v->list_rows > 0 ? (size_t)v->list_rows : 1;

	if (v->selected < v->top)
		v->top = v->selected;
	else if (v->selected >= v->top + rows)
		v->top = v->selected - rows + 1;
	if (v->timeline.n > rows && v->top > v->timeline.n - rows)
		v->top = v->timeline.n - rows;
	else if (v->timeline.n <= rows)
		v->top = 0;
}

/* Draws the rows from the view's top into W, the selected one reversed. */
void
pane_timeline_draw(WINDOW *w, struct view *v)
{
	const struct timeline *t = &v->timeline;
	const struct timeline_row *r;
	int y, rows = getmaxy(w), cols = getmaxx(w);
	size_t i, dw = t->date_width, used;

	werase(w);
	for (y = 0; y < rows; y++) {
		i = v->top + (size_t)y;
		if (i >= t->n)
			break;
		r = &t->rows[i];
		if (i == v->selected)
			wattron(w, A_REVERSE);
		wmove(w, y, 0);
		if ((size_t)cols > dw + 2) {
			screen_text_put(w, r->date, dw, 1);
			waddstr(w, "  ");
			used = dw + 2;
		} else
			used = 0;
		screen_text_put(w, event_title(r->event, v->lang, NULL),
		    (size_t)cols - used, i == v->selected);
		if (i == v->selected)
			wattroff(w, A_REVERSE);
	}
	if (t->n == 0)
		mvwaddstr(w, 0, 0, "No events.");
	wnoutrefresh(w);
}

static void
pane_timeline_select(struct view *v, size_t row)
{
	if (v->timeline.n == 0)
		return;
	if (row >= v->timeline.n)
		row = v->timeline.n - 1;
	if (row == v->selected)
		return;
	v->selected = row;
	pane_timeline_scroll_into_view(v);
	v->dirty |= VIEW_DIRTY_LIST | VIEW_DIRTY_STATUS;
}

/* Handles a movement key; returns VIEW_NONE for keys it does not know. */
enum view_action
pane_timeline_key(struct view *v, int key)
{
	size_t page = v->list_rows > 1 ? (size_t)v->list_rows - 1 : 1;
	size_t half = page / 2 ? page / 2 : 1;
	size_t sel = v->selected;

	switch (key) {
	case 'j':
	case KEY_DOWN:
		pane_timeline_select(v, sel + 1);
		break;
	case 'k':
	case KEY_UP:
		if (sel > 0)
			pane_timeline_select(v, sel - 1);
		break;
	case KEY_NPAGE:
	case ' ':
	case CTRL('f'):
		pane_timeline_select(v, sel + page);
		break;
	case KEY_PPAGE:
	case 'b':
	case CTRL('b'):
		pane_timeline_select(v, sel > page ? sel - page : 0);
		break;
	case CTRL('d'):
		pane_timeline_select(v, sel + half);
		break;
	case CTRL('u'):
		pane_timeline_select(v, sel > half ? sel - half : 0);
		break;
	case 'g':
	case KEY_HOME:
		pane_timeline_select(v, 0);
		break;
	case 'G':
	case KEY_END:
		if (v->timeline.n != 0)
			pane_timeline_select(v, v->timeline.n - 1);
		break;
	default:
		return VIEW_NONE;
	}
	return VIEW_DONE;
}
