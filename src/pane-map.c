/* pane-map.c: the map pane: the raster model of the view's map, blitted
 * into a curses window, and its keys.
 *
 * The pane keeps no state of its own: centre, span, mode, overlay and
 * date live in the view, so the timeline's selection can move the map
 * without the panes calling each other. The map follows the selection
 * lazily: when it draws and finds a different event selected than the
 * one it last followed, it recentres on that event's first place with a
 * position and takes the event's date. While the timeline has a filter,
 * the places of its events carry markers with their counts. The draw
 * keeps the ids of the markers it showed, so ; and , can step through
 * them and choose one: the pane asks the TUI for "place:ID" as the
 * timeline's filter (view->want_filter) and holds the map still while
 * that filter stands. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "map.h"
#include "mapdata.h"
#include "pane-map.h"
#include "query.h"
#include "raster.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

#define PANE_MAP_MIN_SPAN	0.02	/* degrees of latitude */
#define PANE_MAP_MAX_SPAN	20.0

/* Sets the centre and span from named view N. */
static void
pane_map_set_view(struct view *v, int n)
{
	const struct map_view *mv = map_view_at((size_t)n);

	if (mv == NULL)
		mv = map_view_at(0);
	v->map_view = n;
	v->map_lon = (mv->box[0] + mv->box[2]) / 2;
	v->map_lat = (mv->box[1] + mv->box[3]) / 2;
	v->map_span = mv->box[3] - mv->box[1];
}

/* Gives V a map of MD (NULL: no map pane), on the Karabakh view, in
 * braille, with the de facto overlay. */
void
pane_map_init(struct view *v, const struct mapdata *md)
{
	v->map_data = md;
	v->map_mode = RASTER_BRAILLE;
	v->map_control = 0;
	pane_map_set_view(v, 1);
}

/* Frees the markers the last draw kept. */
void
pane_map_fini(struct view *v)
{
	free(v->map_marks);
	v->map_marks = NULL;
	free(v->map_mark_yx);
	v->map_mark_yx = NULL;
	v->map_nmarks = 0;
	v->map_place = NULL;
}

/* True if the timeline's filter is the place chosen on the map. */
static int
pane_map_place_stands(const struct view *v)
{
	char want[sizeof v->want_filter];

	if (v->map_place == NULL || v->filter == NULL)
		return 0;
	snprintf(want, sizeof want, "place:%s", v->map_place);
	return strcmp(v->filter, want) == 0;
}

/* The pane's name with its date, written for the reader of the view's
 * language, and overlay: "Map 8 May 1992 de facto". The date is the
 * followed event's own, as precise as the event ("Map 400 BC", not the
 * first of January the control is computed for); else the day. */
const char *
pane_map_label(const struct view *v, char *buf, size_t size)
{
	static const char *const overlay[] = {
		N_("de facto"), N_("de jure"), N_("off")
	};
	const struct place *p;
	const char *name;
	struct date d;
	unsigned m, day;
	char when[64];
	size_t len;

	if (!v->map_has_day)
		snprintf(buf, size, "%s", _("Map"));
	else {
		if (v->map_event != NULL && date_is_set(&v->map_event->start) &&
		    date_first_day(&v->map_event->start) == v->map_day)
			d = v->map_event->start;
		else {
			memset(&d, 0, sizeof d);
			date_from_day_number(v->map_day, &d.year, &m, &day);
			d.month = (uint8_t)m;
			d.day = (uint8_t)day;
			d.prec = DATE_DAY;
		}
		date_format_lang(when, sizeof when, &d, v->lang);
		snprintf(buf, size, _("Map %s %s"), when,
		    _(overlay[v->map_control % 3]));
	}
	/* The chosen place's name, cut whole characters short if need be. */
	if (!pane_map_place_stands(v) ||
	    (p = store_find_place(v->store, v->map_place)) == NULL)
		return buf;
	name = place_name(p, v->lang, NULL);
	len = strlen(buf);
	if (len + 4 < size) {
		snprintf(buf + len, size - len, " \xc2\xb7 ");
		len += strlen(buf + len);
		text_sanitize_into(buf + len, size - len, name, strlen(name));
	}
	return buf;
}

/* Follows the selected event: its first positioned place and its date. */
static void
pane_map_follow(struct view *v)
{
	const struct event *e;
	const struct place *p;
	const char *ids, *end;
	char id[128];
	size_t len;

	if (v->timeline.n == 0)
		return;
	e = timeline_event(&v->timeline, v->selected);
	if (e == NULL || e == v->map_event)
		return;
	v->map_event = e;
	if (date_is_set(&e->start)) {
		v->map_has_day = 1;
		v->map_day = date_first_day(&e->start);
	}
	if (v->map_place != NULL)
		return;		/* the map stays on the chosen place */
	for (ids = e->place_ids; *ids != '\0'; ids = *end ? end + 1 : end) {
		end = strchr(ids, ';');
		if (end == NULL)
			end = ids + strlen(ids);
		len = (size_t)(end - ids);
		if (len >= sizeof id)
			continue;
		memcpy(id, ids, len);
		id[len] = '\0';
		p = store_find_place(v->store, id);
		if (p != NULL && place_has_position(p)) {
			v->map_lon = p->lon;
			v->map_lat = p->lat;
			break;
		}
	}
}

static int
pane_map_cmp_marks(const void *a, const void *b)
{
	const struct raster_marker *x = *(const struct raster_marker *const *)a;
	const struct raster_marker *y = *(const struct raster_marker *const *)b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Keeps the ids of R's shown markers in reading order (top to bottom,
 * left to right) for ; and ,, and returns the one of the chosen place,
 * or NULL. */
static const struct raster_marker *
pane_map_keep_marks(struct view *v, const struct raster *r)
{
	const struct raster_marker **all, *chosen = NULL;
	size_t i, n = 0;

	all = xreallocarray(NULL, r->nmarkers ? r->nmarkers : 1, sizeof *all);
	for (i = 0; i < r->nmarkers; i++)
		if (r->markers[i].shown)
			all[n++] = &r->markers[i];
	qsort(all, n, sizeof *all, pane_map_cmp_marks);
	v->map_marks = xreallocarray(v->map_marks, n ? n : 1,
	    sizeof *v->map_marks);
	v->map_mark_yx = xreallocarray(v->map_mark_yx, n ? n : 1,
	    2 * sizeof *v->map_mark_yx);
	for (i = 0; i < n; i++) {
		v->map_marks[i] = all[i]->id;
		v->map_mark_yx[2 * i] = all[i]->row;
		v->map_mark_yx[2 * i + 1] = all[i]->col;
		if (v->map_place != NULL && strcmp(all[i]->id,
		    v->map_place) == 0)
			chosen = all[i];
	}
	v->map_nmarks = n;
	free(all);
	return chosen;
}

/* Draws the map into W: the raster of W's size, one cell a cell, in the
 * theme's colours for the raster's styles; the chosen place's marker in
 * reverse video. */
void
pane_map_draw(WINDOW *w, struct view *v, const struct tui_theme *th)
{
	const struct raster_cell *c;
	const struct raster_marker *chosen;
	struct map_control mc;
	struct query_result res = { NULL, 0 };
	struct query *q;
	struct raster r;
	char *cause;
	double box[4];
	int rows, cols, x, y;

	if (w == NULL)
		return;
	getmaxyx(w, rows, cols);
	werase(w);
	if (v->map_data == NULL) {
		mvwaddnstr(w, 0, 0, _("No map data"), cols);
		wnoutrefresh(w);
		return;
	}
	if (!pane_map_place_stands(v))
		v->map_place = NULL;	/* the filter changed since */
	pane_map_follow(v);
	box[0] = v->map_lon - 1e-3;
	box[2] = v->map_lon + 1e-3;
	box[1] = v->map_lat - v->map_span / 2;
	box[3] = v->map_lat + v->map_span / 2;
	raster_fit(box, cols, rows);
	if (raster_init(&r, cols, rows, (enum raster_mode)v->map_mode,
	    box) != 0) {
		wnoutrefresh(w);
		return;
	}
	memset(&mc, 0, sizeof mc);
	mc.has_day = v->map_has_day != 0;
	mc.day = v->map_day;
	mc.overlay = v->map_control != 2;
	mc.kind = v->map_control == 1 ? CONTROL_DE_JURE : CONTROL_DE_FACTO;
	/* The timeline's filter: a marker at each place of its events. */
	q = v->filter != NULL ? query_parse(v->store, v->filter, &cause) :
	    NULL;
	if (q != NULL && query_run(q, &res, &cause) == 0) {
		mc.events = res.idx;
		mc.nevents = res.n;
	} else if (v->filter != NULL)
		free(cause);
	query_free(q);
	map_draw_at(&r, v->map_data, v->store, v->lang, &mc);
	query_result_free(&res);
	chosen = pane_map_keep_marks(v, &r);
	for (y = 0; y < rows; y++) {
		wmove(w, y, 0);
		for (x = 0; x < cols; x++) {
			c = raster_cell(&r, x, y);
			if (c->glyph[0] == '\0')
				continue;	/* a wide character's right half */
			wattrset(w, c->style == RASTER_MARKER ||
			    c->style == RASTER_AREA_LABEL ?
			    th->attr[TUI_ROLE_TITLE] :
			    tui_theme_ansi(th, raster_style(c->style)->colour));
			/* The last cell: waddstr() would wrap; mvwaddstr()
			 * writes it without moving past the edge. */
			mvwaddstr(w, y, x, c->glyph);
		}
	}
	if (chosen != NULL) {
		c = raster_cell(&r, chosen->col, chosen->row);
		wattrset(w, th->attr[TUI_ROLE_SELECTED]);
		mvwaddstr(w, chosen->row, chosen->col, c->glyph);
	}
	wattrset(w, A_NORMAL);
	raster_free(&r);
	wnoutrefresh(w);
}

/* Chooses the place of marker I (of those the last draw kept) and asks
 * for its events as the timeline's filter. */
static void
pane_map_choose_mark(struct view *v, size_t i)
{
	v->map_place = v->map_marks[i];
	snprintf(v->want_filter, sizeof v->want_filter, "place:%s",
	    v->map_place);
	v->dirty |= VIEW_DIRTY_MAP | VIEW_DIRTY_TABS;
}

/* Chooses the next (DIR > 0) or previous place marker shown, from the
 * chosen one (or from the first or last), and asks for its events as the
 * timeline's filter. */
static void
pane_map_choose(struct view *v, int dir)
{
	size_t i, n = v->map_nmarks;

	if (n == 0) {
		snprintf(v->message, sizeof v->message, "%s",
		    _("No place markers in view"));
		v->dirty |= VIEW_DIRTY_STATUS;
		return;
	}
	for (i = 0; i < n; i++)
		if (v->map_place != NULL && strcmp(v->map_marks[i],
		    v->map_place) == 0)
			break;
	if (i == n)
		i = dir > 0 ? 0 : n - 1;
	else
		i = (i + (dir > 0 ? 1 : n - 1)) % n;
	pane_map_choose_mark(v, i);
}

/* Chooses the place of the marker a click at row Y, column X of the map
 * hit, as ; and , would: the marker at that cell, else the nearest one
 * within two columns and a row (a click on the first letters of its name
 * counts). Returns VIEW_NONE if no marker is there. */
enum view_action
pane_map_click(struct view *v, int y, int x)
{
	size_t i, best = v->map_nmarks;
	int dy, dx, d, bestd = 0;

	for (i = 0; i < v->map_nmarks; i++) {
		dy = abs(v->map_mark_yx[2 * i] - y);
		dx = abs(v->map_mark_yx[2 * i + 1] - x);
		d = dy * 4 + dx;	/* a cell is about twice as tall */
		if (dy <= 1 && dx <= 2 && (best == v->map_nmarks || d < bestd)) {
			best = i;
			bestd = d;
		}
	}
	if (best == v->map_nmarks)
		return VIEW_NONE;
	pane_map_choose_mark(v, best);
	return VIEW_DONE;
}

/* Handles KEY for the map: pan (arrows, h j k l), zoom (+ -), the next
 * view (v), mode (M), overlay (c), the next or previous place (; ,).
 * Returns VIEW_NONE if it is not a map key. */
enum view_action
pane_map_key(struct view *v, int key)
{
	double step = v->map_span / 4;
	double lonstep = step / cos(v->map_lat * M_PI / 180) * 2;

	switch (key) {
	case 'h':
	case KEY_LEFT:
		v->map_lon -= lonstep;
		break;
	case 'l':
	case KEY_RIGHT:
		v->map_lon += lonstep;
		break;
	case 'k':
	case KEY_UP:
		v->map_lat += step;
		break;
	case 'j':
	case KEY_DOWN:
		v->map_lat -= step;
		break;
	case '+':
	case '=':
		if (v->map_span / 2 >= PANE_MAP_MIN_SPAN)
			v->map_span /= 2;
		break;
	case '-':
		if (v->map_span * 2 <= PANE_MAP_MAX_SPAN)
			v->map_span *= 2;
		break;
	case 'v':
		pane_map_set_view(v, map_view_at((size_t)v->map_view + 1) ?
		    v->map_view + 1 : 0);
		break;
	case 'M':
		v->map_mode = (v->map_mode + 1) % 3;
		break;
	case 'c':
		v->map_control = (v->map_control + 1) % 3;
		v->dirty |= VIEW_DIRTY_TABS;
		break;
	case ';':
	case ',':
		pane_map_choose(v, key == ';' ? 1 : -1);
		return VIEW_DONE;
	default:
		return VIEW_NONE;
	}
	if (v->map_lat > 85)
		v->map_lat = 85;
	if (v->map_lat < -85)
		v->map_lat = -85;
	v->dirty |= VIEW_DIRTY_MAP;
	return VIEW_DONE;
}
