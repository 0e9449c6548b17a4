/* pane-status.c: the status line, or the open prompt. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "pane-status.h"
#include "screen-text.h"
#include "text.h"

static void
pane_status_prompt(WINDOW *w, const struct view *v, int cols)
{
	const struct prompt *p = &v->prompt;
	size_t lw = text_width(p->label), skip, at, room;

	werase(w);
	wattrset(w, A_NORMAL);
	wmove(w, 0, 0);
	if ((size_t)cols <= lw + 1)
		lw = 0;
	else
		screen_text_put(w, p->label, lw, 0);
	room = (size_t)cols - lw;
	skip = prompt_view(p, room, &at);
	screen_text_put(w, p->text + skip, room, 0);
	wmove(w, 0, (int)(lw + at));
	wnoutrefresh(w);
}

/* Draws "N/M  date  filter: F (N of T)  /search" on the left, or the
 * message, and the help key on the right of W; or the open prompt. */
void
pane_status_draw(WINDOW *w, const struct view *v, const struct tui_theme *th)
{
	const struct timeline *t = &v->timeline;
	const char *keys = _("? help  q quit");
	char left[512], *o = left;
	int cols = getmaxx(w);
	int list = v->overlay == VIEW_OVERLAY_LIST ||	/* places, actors */
	    v->overlay == VIEW_OVERLAY_ENTRY;
	size_t used, kw = text_width(keys), size = sizeof left;

	if (v->prompt.kind != PROMPT_NONE) {
		pane_status_prompt(w, v, cols);
		return;
	}
	if (list)
		o += snprintf(o, size, " %zu/%zu  %s", v->list_n ?
		    v->list_sel + 1 : 0, v->list_n, v->message);
	else if (t->n == 0)
		o += snprintf(o, size, " 0/0");
	else
		o += snprintf(o, size, " %zu/%zu  %s", v->selected + 1, t->n,
		    v->message[0] ? v->message : timeline_date(t, v->selected));
	if (v->filter != NULL && !list)
		o += snprintf(o, size - (size_t)(o - left), _("  filter: %s "
		    "(%zu of %zu)"), v->filter, t->n, v->total);
	if (v->search != NULL && v->message[0] == '\0' && !list)
		snprintf(o, size - (size_t)(o - left), "  /%s", v->search);
	if (t->n == 0 && v->message[0] != '\0' && !list)
		snprintf(o, size - (size_t)(o - left), "  %s", v->message);
	werase(w);
	wattrset(w, th->attr[TUI_ROLE_STATUS]);
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
	wattrset(w, A_NORMAL);
	wnoutrefresh(w);
}
