/* pane-status.c: the status line. */
#include "config.h"

#include <stdio.h>

#include "pane-status.h"
#include "screen-text.h"
#include "text.h"

/* Draws "N/M  date" on the left and the main keys on the right of W. */
void
pane_status_draw(WINDOW *w, const struct view *v)
{
	const struct timeline *t = &v->timeline;
	static const char keys[] = "j/k move  g/G ends  q quit";
	char left[96];
	int cols = getmaxx(w);
	size_t used, kw = sizeof keys - 1;

	if (t->n == 0)
		snprintf(left, sizeof left, " 0/0");
	else
		snprintf(left, sizeof left, " %zu/%zu  %s", v->selected + 1,
		    t->n, t->rows[v->selected].date);
	werase(w);
	wattron(w, A_REVERSE);
	wmove(w, 0, 0);
	used = screen_text_put(w, left, (size_t)cols, 0);
	if ((size_t)cols > used + kw + 2) {
		for (; used < (size_t)cols - kw - 1; used++)
			waddch(w, ' ');
		waddstr(w, keys);
		used += kw;
	}
	for (; used < (size_t)cols; used++)
		waddch(w, ' ');
	wattroff(w, A_REVERSE);
	wnoutrefresh(w);
}
