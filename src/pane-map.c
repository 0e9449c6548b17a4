/* pane-map.c: the map pane: the raster model of the view's map, blitted
 * into a curses window, and its keys.
 *
 * The pane keeps no state of its own: centre, span, mode, overlay and
 * date live in the view, so the timeline's selection can move the map
 * without the panes calling each other. The map follows the selection
 * lazily: when it draws and finds a different event selected than the
 * one it last followed, it recentres on that event's first place with a
 * position and takes the event's date. While the timeline has a filter,
 * the places of its events carry markers with their counts. */
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

/* The pane's name with its date and overlay: "Map 1992-05-08 de facto". */
const char *
pane_map_label(const struct view *v, char *buf, size_t size)
{
	static const char *const overlay[] = {
		N_("de facto"), N_("de jure"), N_("off")
	};
	struct date d;
	unsigned m, day;
	char iso[32];

	if (!v->map_has_day) {
		snprintf(buf, size, "%s", _("Map"));
		return buf;
	}
	memset(&d, 0, sizeof d);
	date_from_day_number(v->map_day, &d.year, &m, &day);
	d.month = (uint8_t)m;
	d.day = (uint8_t)day;
	d.prec = DATE_DAY;
	date_format_iso(iso, sizeof iso, &d);
	snprintf(buf, size, _("Map %s %s"), iso,
	    _(overlay[v->map_control % 3]));
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
	e = v->timeline.rows[v->selected].event;
	if (e == NULL || e == v->map_event)
		return;
	v->map_event = e;
	if (date_is_set(&e->start)) {
		v->map_has_day = 1;
		v->map_day = date_first_day(&e->start);
	}
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

/* Draws the map into W: the raster of W's size, one cell a cell, in the
 * theme's colours for the raster's styles. */
void
pane_map_draw(WINDOW *w, struct view *v, const struct tui_theme *th)
{
	const struct raster_cell *c;
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
	wattrset(w, A_NORMAL);
	raster_free(&r);
	wnoutrefresh(w);
}

/* Handles KEY for the map: pan (arrows, h j k l), zoom (+ -), the next
 * view (v), mode (M) or overlay (c). Returns VIEW_NONE if it is not a
 * map key. */
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
