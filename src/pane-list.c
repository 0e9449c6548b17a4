/* pane-list.c: the places and actors lists: each entry's name, kind and
 * number of events, sorted by name, searchable, Enter to filter on it.
 *
 * The list holds only the order of the store's rows; names, kinds and
 * counts (the index's place_events and actor_events rows) are read when
 * drawn. Names sort by their folded form (fold.h) without case, so "Đ"
 * sorts with "D" and traditional Chinese with simplified. A search runs
 * over every name and alias of an entry (its packed text), folded as the
 * timeline's search is, so "Su" finds "Sử" and 亞 finds 亚. Enter does not
 * reach into the timeline: it leaves "place:ID" in the view for the TUI,
 * which applies it as the f prompt does. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "pane-list.h"
#include "regex.h"
#include "screen-scroll.h"
#include "screen-text.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

#define PANE_LIST_HEAD		2	/* the title and the column names */
#define PANE_LIST_COUNT_W	7	/* the events column */
#define PANE_LIST_KIND_MAX	14

struct pane_list_key {
	char		*fold;
	const char	*name;
	const char	*id;
	uint32_t	 row;
};

static const char *
pane_list_name(const struct view *v, size_t row, enum lang *used)
{
	const struct store *s = v->store;

	if (v->list_kind == PANE_LIST_PLACES)
		return place_name(&s->places[row], v->lang, used);
	return actor_name(&s->actors[row], v->lang, used);
}

static const char *
pane_list_id(const struct view *v, size_t row)
{
	const struct store *s = v->store;

	return v->list_kind == PANE_LIST_PLACES ? s->places[row].id :
	    s->actors[row].id;
}

static const char *
pane_list_kind_of(const struct view *v, size_t row)
{
	const struct store *s = v->store;

	return v->list_kind == PANE_LIST_PLACES ?
	    C_("place kind", s->places[row].kind) :
	    C_("actor kind", s->actors[row].kind);
}

static size_t
pane_list_events(const struct view *v, size_t row)
{
	const struct index_csr *c = v->list_kind == PANE_LIST_PLACES ?
	    &v->store->index.place_events : &v->store->index.actor_events;

	return c->off == NULL ? 0 : c->off[row + 1] - c->off[row];
}

static int
pane_list_cmp(const void *a, const void *b)
{
	const struct pane_list_key *x = a, *y = b;
	int r;

	if ((r = strcasecmp(x->fold, y->fold)) != 0)
		return r;
	if ((r = strcmp(x->name, y->name)) != 0)
		return r;
	return strcmp(x->id, y->id);
}

/* Frees the list's rows and search. */
void
pane_list_free(struct view *v)
{
	free(v->list_order);
	v->list_order = NULL;
	v->list_n = 0;
	free(v->list_search);
	v->list_search = NULL;
	regex_free(v->list_regex);
	v->list_regex = NULL;
}

/* Opens the list of KIND (PANE_LIST_PLACES or PANE_LIST_ACTORS) on the
 * whole screen, its first entry selected. */
void
pane_list_open(struct view *v, int kind)
{
	const struct store *s = v->store;
	struct pane_list_key *keys;
	size_t i, n, len;
	enum lang used;

	pane_list_free(v);
	v->list_kind = kind;
	n = kind == PANE_LIST_PLACES ? s->nplaces : s->nactors;
	keys = xreallocarray(NULL, n ? n : 1, sizeof *keys);
	for (i = 0; i < n; i++) {
		keys[i].name = pane_list_name(v, i, &used);
		keys[i].id = pane_list_id(v, i);
		keys[i].fold = text_fold(keys[i].name, strlen(keys[i].name),
		    &len);
		keys[i].row = (uint32_t)i;
	}
	qsort(keys, n, sizeof *keys, pane_list_cmp);
	v->list_order = xreallocarray(NULL, n ? n : 1, sizeof *v->list_order);
	for (i = 0; i < n; i++) {
		v->list_order[i] = keys[i].row;
		free(keys[i].fold);
	}
	free(keys);
	v->list_n = n;
	v->list_sel = v->list_top = 0;
	v->overlay = VIEW_OVERLAY_LIST;
	v->dirty |= VIEW_DIRTY_ALL;
}

static void
pane_list_scroll(struct view *v)
{
	size_t rows = v->list_shown > 0 ? (size_t)v->list_shown : 1;

	if (v->list_sel < v->list_top)
		v->list_top = v->list_sel;
	else if (v->list_sel >= v->list_top + rows)
		v->list_top = v->list_sel - rows + 1;
	if (v->list_n > rows && v->list_top > v->list_n - rows)
		v->list_top = v->list_n - rows;
	else if (v->list_n <= rows)
		v->list_top = 0;
}

/* Draws one entry: name (in another language marked, as the timeline
 * does), kind and count, the selected one in reverse video. */
static void
pane_list_entry(WINDOW *w, const struct view *v, size_t i,
    const struct tui_theme *th, size_t namew, size_t kindw)
{
	uint32_t row = v->list_order[i];
	attr_t base = i == v->list_sel ? th->attr[TUI_ROLE_SELECTED] :
	    A_NORMAL;
	enum lang used;
	const char *name = pane_list_name(v, row, &used);
	const char *mark = lang_mark(v->lang, used);
	size_t mw = strlen(mark);
	char count[32], names[512];

	if (v->list_kind == PANE_LIST_PLACES && v->names != PLACE_NAMES_LANG) {
		/* with the local forms the o key asks for */
		place_name_format(names, sizeof names, &v->store->places[row],
		    v->lang, (enum place_names)v->names, NULL);
		name = names;
	}

	wattrset(w, base);
	if (mw != 0 && mw < namew) {
		wattrset(w, base | (i == v->list_sel ? 0 :
		    th->attr[TUI_ROLE_DIM]));
		waddstr(w, mark);
		wattrset(w, base);
	} else
		mw = 0;
	screen_text_put_match(w, name, namew - mw, 1, v->list_regex, base,
	    base | th->attr[TUI_ROLE_MATCH]);
	if (kindw != 0) {
		waddstr(w, "  ");
		screen_text_put(w, pane_list_kind_of(v, row), kindw, 1);
	}
	snprintf(count, sizeof count, "%*zu", PANE_LIST_COUNT_W,
	    pane_list_events(v, row));
	waddstr(w, count);
	wattrset(w, A_NORMAL);
}

/* Returns the columns entry ROW's name takes as pane_list_entry() draws
 * it (the other language's mark, the local forms o asks for). */
static size_t
pane_list_name_width(const struct view *v, uint32_t row)
{
	enum lang used;
	const char *name = pane_list_name(v, row, &used);
	char names[512];

	if (v->list_kind == PANE_LIST_PLACES && v->names != PLACE_NAMES_LANG) {
		place_name_format(names, sizeof names, &v->store->places[row],
		    v->lang, (enum place_names)v->names, NULL);
		name = names;
	}
	return strlen(lang_mark(v->lang, used)) + text_width(name);
}

/* Draws the title, the column names and the entries from the list's top
 * into W. On a wide screen the name column is only as wide as the widest
 * name, so the kind and the count stay next to it. */
void
pane_list_draw(WINDOW *w, struct view *v, const struct tui_theme *th)
{
	int rows = getmaxy(w), cols = getmaxx(w), y, head;
	const char *hint = _("Enter shows its events, / searches, q closes");
	size_t kindw, namew, used, i, widest, hw = text_width(hint);
	char title[128];

	werase(w);
	/* Short of rows, the column names go first, then the title: the
	 * selected entry always shows. */
	head = rows > PANE_LIST_HEAD ? PANE_LIST_HEAD : rows > 1 ? rows - 1 :
	    0;
	v->list_shown = rows > head ? rows - head : 1;
	pane_list_scroll(v);
	snprintf(title, sizeof title, v->list_kind == PANE_LIST_PLACES ?
	    _("Places (%zu)") : _("Actors (%zu)"), v->list_n);
	wmove(w, 0, 0);
	wattrset(w, th->attr[TUI_ROLE_TITLE]);
	used = screen_text_put(w, title, (size_t)cols, 0);
	if (v->list_search != NULL && (size_t)cols > used + 3) {
		wattrset(w, A_NORMAL);
		waddstr(w, "  /");
		used += 3 + screen_text_put(w, v->list_search,
		    (size_t)cols - used - 3, 0);
	}
	wattrset(w, th->attr[TUI_ROLE_DIM]);
	if ((size_t)cols >= used + hw + 2)
		mvwaddstr(w, 0, cols - (int)hw, hint);
	kindw = text_width(_("Kind"));
	for (i = 0; i < v->list_n; i++) {
		used = text_width(pane_list_kind_of(v, v->list_order[i]));
		if (used > kindw)
			kindw = used;
	}
	if (kindw > PANE_LIST_KIND_MAX)
		kindw = PANE_LIST_KIND_MAX;
	if ((size_t)cols < kindw + 2 + PANE_LIST_COUNT_W + 12)
		kindw = 0;
	if ((size_t)cols <= PANE_LIST_COUNT_W + (kindw ? kindw + 2 : 0))
		namew = 1;
	else
		namew = (size_t)cols - PANE_LIST_COUNT_W - (kindw ? kindw + 2 :
		    0);
	widest = text_width(_("Name"));
	for (i = 0; i < v->list_n && widest + 2 < namew; i++)
		if ((used = pane_list_name_width(v, v->list_order[i])) > widest)
			widest = used;
	if (widest + 2 < namew)
		namew = widest + 2;
	if (head > 1) {
		wmove(w, 1, 0);
		wattrset(w, th->attr[TUI_ROLE_LABEL]);
		screen_text_put(w, _("Name"), namew, 1);
		if (kindw != 0) {
			waddstr(w, "  ");
			screen_text_put(w, _("Kind"), kindw, 1);
		}
		snprintf(title, sizeof title, "%*s", PANE_LIST_COUNT_W +
		    (int)(strlen(_("Events")) - text_width(_("Events"))),
		    _("Events"));
		screen_text_put(w, title, (size_t)cols, 0);
	}
	for (y = head; y < rows; y++) {
		i = v->list_top + (size_t)(y - head);
		if (i >= v->list_n)
			break;
		wmove(w, y, 0);
		wclrtoeol(w);	/* the title's row, with no room for it */
		pane_list_entry(w, v, i, th, namew, kindw);
	}
	wattrset(w, A_NORMAL);
	wnoutrefresh(w);
}

static enum regex_result
pane_list_match(const struct view *v, size_t i)
{
	const struct store *s = v->store;
	uint32_t row = v->list_order[i];
	const char *text, *ftext;
	size_t len, flen;
	enum regex_result r;

	if (v->list_kind == PANE_LIST_PLACES) {
		text = s->places[row].text;
		len = s->places[row].text_len;
		ftext = s->places[row].ftext;
		flen = s->places[row].ftext_len;
	} else {
		text = s->actors[row].text;
		len = s->actors[row].text_len;
		ftext = s->actors[row].ftext;
		flen = s->actors[row].ftext_len;
	}
	r = regex_find_field(v->list_regex, text, len);
	if (r == REGEX_NOMATCH && v->list_fold)
		r = regex_find_field(v->list_regex, ftext, flen);
	return r;
}

/* Moves to the next (DIR > 0) or previous entry the search matches,
 * starting FROM entries away (0: the selected one may match), wrapping
 * around as less does. */
static void
pane_list_step(struct view *v, int dir, size_t from)
{
	size_t k, i, n = v->list_n;
	enum regex_result r;
	int wrapped;

	if (v->list_regex == NULL) {
		view_message(v, "%s", _("No search yet: press /"));
		return;
	}
	for (k = from; k < n + from; k++) {
		if (dir > 0) {
			i = (v->list_sel + k) % n;
			wrapped = v->list_sel + k >= n;
		} else {
			i = (v->list_sel + n - k % n) % n;
			wrapped = k > v->list_sel;
		}
		if ((r = pane_list_match(v, i)) == REGEX_LIMIT)
			break;
		if (r == REGEX_NOMATCH)
			continue;
		v->list_sel = i;
		pane_list_scroll(v);
		v->dirty |= VIEW_DIRTY_STATUS;
		if (wrapped)
			view_message(v, "%s", _("Search wrapped"));
		v->dirty |= VIEW_DIRTY_OVERLAY;
		return;
	}
	view_message(v, _("Not found: %s"), v->list_search);
	v->dirty |= VIEW_DIRTY_OVERLAY;
}

/* Searches the list for PATTERN (the last one again if empty), from the
 * selected entry on; says so on the status line if it is not a regex. */
void
pane_list_search(struct view *v, const char *pattern)
{
	struct regex *re;
	char *cause = NULL, *folded;
	size_t len;
	int fold;

	if (*pattern == '\0') {
		if (v->list_n != 0)
			pane_list_step(v, 1, 1);
		return;
	}
	fold = !text_has_marks(pattern);
	folded = fold ? text_fold(pattern, strlen(pattern), &len) :
	    xstrdup(pattern);
	re = regex_compile(folded, &cause);
	free(folded);
	if (re == NULL) {
		view_message(v, "%s", cause);
		free(cause);
		return;
	}
	regex_free(v->list_regex);
	free(v->list_search);
	v->list_regex = re;
	v->list_fold = fold;
	v->list_search = xstrdup(pattern);
	v->dirty |= VIEW_DIRTY_OVERLAY;
	if (v->list_n != 0)
		pane_list_step(v, 1, 0);
}

static void
pane_list_close(struct view *v)
{
	pane_list_free(v);
	v->overlay = VIEW_OVERLAY_NONE;
	v->dirty |= VIEW_DIRTY_ALL;
}

/* Handles a key of the list: j k arrows, pages, g G, / n N, Enter
 * (asks for the entry's filter and closes), q and Esc (closes). Other
 * keys are swallowed. */
enum view_action
pane_list_key(struct view *v, int key)
{
	size_t page = v->list_shown > 1 ? (size_t)v->list_shown - 1 : 1;
	size_t sel = v->list_sel, last = v->list_n ? v->list_n - 1 : 0;

	switch (key) {
	case 'q':
	case 27:
		pane_list_close(v);
		return VIEW_DONE;
	case '\r':
	case '\n':
	case KEY_ENTER:
		if (v->list_n == 0)
			return VIEW_DONE;
		snprintf(v->want_filter, sizeof v->want_filter, "%s:%s",
		    v->list_kind == PANE_LIST_PLACES ? "place" : "actor",
		    pane_list_id(v, v->list_order[sel]));
		pane_list_close(v);
		return VIEW_DONE;
	case '/':
		prompt_open(&v->prompt, PROMPT_SEARCH, "/", NULL);
		v->dirty |= VIEW_DIRTY_STATUS;
		return VIEW_DONE;
	case 'n':
	case 'N':
		if (v->list_n != 0)
			pane_list_step(v, key == 'n' ? 1 : -1, 1);
		return VIEW_DONE;
	}
	/* Other keys are swallowed. */
	if (screen_move_key(key, &sel, last, page) && sel != v->list_sel) {
		v->list_sel = sel;
		pane_list_scroll(v);
		v->dirty |= VIEW_DIRTY_OVERLAY | VIEW_DIRTY_STATUS;
	}
	return VIEW_DONE;
}
