/* pane-entry.c: a place's or an actor's detail (pane-entry.h).
 *
 * The lines are made on each draw, as the event's detail is: the draw
 * happens only when the entry, the scroll, the language, the names
 * setting or the size changes, and an entry has a score of columns. A
 * column's line is its label and its value, wrapped at the width, the
 * lines after the first indented. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "i18n.h"
#include "pane-entry.h"
#include "pane-list.h"	/* PANE_LIST_PLACES: the view's list kinds */
#include "schema.h"
#include "screen-scroll.h"
#include "screen-text.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

#define PANE_ENTRY_HEAD		3	/* the name, the hint, a blank */
#define PANE_ENTRY_INDENT	2

/* Draws the text S wrapped at W's width less the indent, as lines *TOTAL
 * on (counting them): those from the view's entry_top on, at row *Y on
 * while rows are left, its first LABEL bytes in the label's attributes. */
static void
pane_entry_para(WINDOW *w, struct view *v, const struct tui_theme *th,
    const char *s, size_t label, size_t *total, int *y)
{
	int rows = getmaxy(w), cols = getmaxx(w), x;
	size_t n, j, cw = cols > PANE_ENTRY_INDENT ?
	    (size_t)(cols - PANE_ENTRY_INDENT) : 1;
	struct text_line *lines;
	char *seg;

	n = text_wrap(s, cw, &lines);
	for (j = 0; j < n; j++, (*total)++) {
		if (*total < v->entry_top || *y >= rows)
			continue;
		x = j == 0 || cols <= PANE_ENTRY_INDENT ? 0 : PANE_ENTRY_INDENT;
		wmove(w, (*y)++, x);
		seg = xmalloc(lines[j].len + 1);
		memcpy(seg, s + lines[j].off, lines[j].len);
		seg[lines[j].len] = '\0';
		if (lines[j].off < label) {	/* the label is on line 1 */
			size_t lb = label - lines[j].off < lines[j].len ?
			    label - lines[j].off : lines[j].len;
			char keep = seg[lb];

			seg[lb] = '\0';
			wattrset(w, th->attr[TUI_ROLE_LABEL]);
			x = (int)screen_text_put(w, seg,
			    (size_t)(cols - x), 0);
			seg[lb] = keep;
			wattrset(w, A_NORMAL);
			screen_text_put(w, seg + lb, cw > (size_t)x ?
			    cw - (size_t)x : 0, 0);
		} else
			screen_text_put(w, seg, cw, 0);
		free(seg);
	}
	free(lines);
}

/* Draws the selected entry of the view's list into W. */
void
pane_entry_draw(WINDOW *w, struct view *v, const struct tui_theme *th)
{
	const struct store *s = v->store;
	const struct schema *sc;
	const char *hint = _("Enter shows its events, q returns to the list");
	const char *name;
	const void *row;
	char title[512], *line;
	int rows = getmaxy(w), cols = getmaxx(w), y = 0;
	size_t i, total = 0, label;
	enum lang used;

	werase(w);
	v->entry_rows = rows > PANE_ENTRY_HEAD ? rows - PANE_ENTRY_HEAD : 1;
	if (v->list_n == 0) {
		wnoutrefresh(w);
		return;
	}
	if (v->list_kind == PANE_LIST_PLACES) {
		row = &s->places[v->list_order[v->list_sel]];
		sc = store_schema(STORE_PLACES);
		place_name_format(title, sizeof title, row, v->lang,
		    (enum place_names)v->names, &used);
		name = title;
	} else {
		row = &s->actors[v->list_order[v->list_sel]];
		sc = store_schema(STORE_ACTORS);
		name = actor_name(row, v->lang, &used);
	}
	wmove(w, 0, 0);
	wattrset(w, th->attr[TUI_ROLE_DIM]);
	screen_text_put(w, lang_mark(v->lang, used), (size_t)cols, 0);
	wattrset(w, th->attr[TUI_ROLE_TITLE]);
	screen_text_put(w, name, (size_t)(cols - getcurx(w)), 0);
	if (rows > 1) {
		wmove(w, 1, 0);
		wattrset(w, th->attr[TUI_ROLE_DIM]);
		screen_text_put(w, hint, (size_t)cols, 0);
	}
	wattrset(w, A_NORMAL);
	y = PANE_ENTRY_HEAD;
	for (i = 0; i < sc->ncols; i++) {
		line = fields_line(sc, &sc->cols[i], row, v->lang, &label);
		if (line == NULL)
			continue;
		pane_entry_para(w, v, th, line, label, &total, &y);
		free(line);
	}
	v->entry_nlines = total;
	wnoutrefresh(w);
}

/* Scrolls the entry's detail as less would (screen-scroll.h); other
 * keys are swallowed. */
enum view_action
pane_entry_key(struct view *v, int key)
{
	size_t top = v->entry_top;

	if (screen_scroll_key(key, &top, v->entry_nlines,
	    v->entry_rows > 0 ? (size_t)v->entry_rows : 1) &&
	    top != v->entry_top) {
		v->entry_top = top;
		v->dirty |= VIEW_DIRTY_OVERLAY;
	}
	return VIEW_DONE;
}
