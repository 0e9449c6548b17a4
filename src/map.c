/* map.c: named views, and the styles in which each kind of feature and
 * place is drawn. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "event.h"
#include "i18n.h"
#include "map.h"
#include "mapdata.h"
#include "place.h"
#include "raster.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

/* Lines that stood only for a while: from the first day of one event to
 * the first day of another (the data gives both). */
static const struct {
	const char	*line_id;
	const char	*from_event;
	const char	*until_event;
} map_dated_lines[] = {
	{ "line_of_contact", "1994-05-12-ceasefire-takes-effect",
	    "2020-11-10-trilateral-ceasefire-statement" },
};

#define MAP_NZONES	(RASTER_ZONE6 - RASTER_ZONE1 + 1)

static void	map_draw_layers(struct raster *, const struct mapdata *,
		    const struct place *, size_t, enum lang,
		    const struct store *, const struct map_control *);

static const struct map_view map_views[] = {
	{ "caucasus", N_("the South Caucasus"), { 43.3, 38.3, 50.7, 41.9 } },
	{ "karabakh", N_("Karabakh and the seven districts around it"),
	    { 45.9, 38.9, 47.5, 40.5 } },
	{ "oblast", N_("the former Nagorno-Karabakh Autonomous Oblast"),
	    { 46.2, 39.33, 47.4, 40.47 } },
	{ "lachin", N_("the Lachin corridor, from Goris to Stepanakert"),
	    { 46.2, 39.4, 46.9, 39.9 } },
	{ "shusha", N_("Shusha and Stepanakert"), { 46.66, 39.72, 46.84, 39.86 } },
};

/* Returns the view called NAME, or NULL. */
const struct map_view *
map_view_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof map_views / sizeof map_views[0]; i++)
		if (strcmp(map_views[i].name, name) == 0)
			return &map_views[i];
	return NULL;
}

/* Returns the Nth view for listing, or NULL past the last. */
const struct map_view *
map_view_at(size_t n)
{
	return n < sizeof map_views / sizeof map_views[0] ? &map_views[n] :
	    NULL;
}

static enum raster_style
map_line_style(const char *class)
{
	if (strcmp(class, "border") == 0)
		return RASTER_BORDER;
	if (strcmp(class, "ceasefire") == 0)
		return RASTER_CEASEFIRE;
	if (strcmp(class, "river") == 0)
		return RASTER_RIVER;
	if (strcmp(class, "coast") == 0 || strcmp(class, "shore") == 0 ||
	    strcmp(class, "lake") == 0)
		return RASTER_SHORE;
	if (strcmp(class, "oblast") == 0)
		return RASTER_OBLAST;
	if (strcmp(class, "district") == 0 || strcmp(class, "city") == 0)
		return RASTER_DISTRICT;
	return RASTER_NONE;
}

/* Label priorities: markers rank 10 per step of their own priority
 * (cities 30, towns 20, villages 10) among these. */
static int
map_label_priority(const char *class)
{
	if (strcmp(class, "country") == 0 || strcmp(class, "sea") == 0)
		return 25;
	if (strcmp(class, "oblast") == 0 || strcmp(class, "region") == 0)
		return 24;
	if (strcmp(class, "lake") == 0)
		return 15;
	if (strcmp(class, "district") == 0)
		return 12;
	return 0;
}

/* The size of a feature's box in cells. */
static void
map_cells(const struct raster *r, const struct mapdata_feature *f,
    double *wc, double *hc)
{
	*wc = (f->e - f->w) / (r->e - r->w) * r->cols;
	*hc = (f->n - f->s) / (r->n - r->s) * r->rows;
}

static int
map_visible(const struct raster *r, const struct mapdata_feature *f)
{
	return f->e >= r->w && f->w <= r->e && f->n >= r->s && f->s <= r->n;
}

static int
map_marker_priority(const struct place *p, const struct raster *r)
{
	double span = r->n - r->s;

	if (strcmp(p->kind, "city") == 0)
		return 3;
	if (strcmp(p->kind, "town") == 0)
		return 2;
	if (strcmp(p->kind, "village") == 0 && span < 1.0)
		return 1;
	return 0;
}

/* True if a marker names area F well enough: its name begins F's
 * ("Shusha" for "Shusha (city)"), or its place's id is F's without a
 * "_district" or "_city" ("aghdam" for "aghdam_district"), which holds
 * in every language while the names of the map files are English. */
static int
map_has_marker(const struct raster *r, const struct mapdata_feature *f)
{
	const char *name = f->name, *id;
	size_t i, len;

	for (i = 0; i < r->nmarkers; i++) {
		len = strlen(r->markers[i].name);
		if (strncmp(name, r->markers[i].name, len) == 0 &&
		    (name[len] == '\0' || name[len] == ' '))
			return 1;
		id = r->markers[i].id;
		len = strlen(id);
		if (strncmp(f->id, id, len) == 0 &&
		    (strcmp(f->id + len, "_district") == 0 ||
		    strcmp(f->id + len, "_city") == 0))
			return 1;
	}
	return 0;
}

/* The name to write on feature F in LANG: the map file's (English,
 * short and reviewed), or in another language the name of the place of
 * the same id when S has one. */
static const char *
map_feature_name(const struct mapdata_feature *f, const struct store *s,
    enum lang lang)
{
	const struct place *p;

	if (lang == LANG_EN || s == NULL ||
	    (p = store_find_place(s, f->id)) == NULL)
		return f->name;
	return place_name(p, lang, NULL);
}

/* Returns true if dated line LINE_ID stood on DAY, or if it is not a
 * dated line, or if the data lacks the events that date it. */
bool
map_line_stands(const struct store *s, const char *line_id, int64_t day)
{
	const struct event *from, *until;
	size_t i;

	for (i = 0; i < sizeof map_dated_lines / sizeof map_dated_lines[0];
	    i++) {
		if (strcmp(map_dated_lines[i].line_id, line_id) != 0)
			continue;
		from = store_find_event(s, map_dated_lines[i].from_event);
		until = store_find_event(s, map_dated_lines[i].until_event);
		if (from != NULL && day < date_first_day(&from->start))
			return false;
		if (until != NULL && day >= date_first_day(&until->start))
			return false;
	}
	return true;
}

/* Fills H with who held map area F at MC's date (nobody when MC has no
 * date or the data does not cover the area). */
void
map_holder(const struct store *s, const struct mapdata_feature *f,
    const struct map_control *mc, struct map_holder *h)
{
	memset(h, 0, sizeof *h);
	if (f->kind != MAPDATA_AREA)
		return;
	h->place_id = control_area_place(s, f->id);
	if (h->place_id != NULL && mc != NULL && mc->has_day)
		control_at(s, h->place_id, mc->kind, mc->day, &h->at);
}

/* True if H's holder is uncertain: an imprecise bound covers the day,
 * or the record's confidence is low. */
static bool
map_is_uncertain(const struct map_holder *h)
{
	return h->at.row != NULL && (h->at.uncertain ||
	    strcmp(h->at.row->confidence, "low") == 0);
}

/* True if place P is an area (a district, region or country): its point
 * stands for the whole area. */
bool
map_place_is_area(const struct place *p)
{
	return strcmp(p->kind, "district") == 0 ||
	    strcmp(p->kind, "region") == 0 || strcmp(p->kind, "country") == 0;
}

/* Returns a count per place of S of the events of MC (each event counts
 * once at every positioned place it names), or NULL if MC has none. */
static size_t *
map_count_events(const struct store *s, const struct map_control *mc)
{
	const struct event *e;
	const struct place *p;
	const char *ids, *end;
	char id[128];
	size_t *counts, i, len;

	if (s == NULL || mc == NULL || mc->events == NULL)
		return NULL;
	counts = xcalloc(s->nplaces + 1, sizeof *counts);
	for (i = 0; i < mc->nevents; i++) {
		e = &s->events[mc->events[i]];
		for (ids = e->place_ids; *ids != '\0';
		    ids = *end != '\0' ? end + 1 : end) {
			end = strchr(ids, ';');
			if (end == NULL)
				end = ids + strlen(ids);
			len = (size_t)(end - ids);
			if (len == 0 || len >= sizeof id)
				continue;
			memcpy(id, ids, len);
			id[len] = '\0';
			p = store_find_place(s, id);
			if (p != NULL && place_has_position(p))
				counts[p - s->places]++;
		}
	}
	return counts;
}

/* The rank of CONTROLLER among the controllers of KIND by their number
 * of rows (then by first row): the same controller gets the same fill
 * on every date. */
static int
map_rank(const struct store *s, const char *controller,
    enum control_kind kind)
{
	size_t i, j, mine = 0, first = s->ncontrol, n, f;
	int rank = 0;

	for (i = 0; i < s->ncontrol; i++)
		if (control_is_kind(&s->control[i], kind) &&
		    strcmp(s->control[i].controller_id, controller) == 0) {
			mine++;
			if (first == s->ncontrol)
				first = i;
		}
	for (i = 0; i < s->ncontrol; i++) {
		if (!control_is_kind(&s->control[i], kind) ||
		    strcmp(s->control[i].controller_id, controller) == 0)
			continue;
		/* Count each other controller once, at its first row. */
		for (j = 0; j < i; j++)
			if (control_is_kind(&s->control[j], kind) &&
			    strcmp(s->control[j].controller_id,
			    s->control[i].controller_id) == 0)
				break;
		if (j < i)
			continue;
		for (n = 0, f = i, j = i; j < s->ncontrol; j++)
			if (control_is_kind(&s->control[j], kind) &&
			    strcmp(s->control[j].controller_id,
			    s->control[i].controller_id) == 0)
				n++;
		if (n > mine || (n == mine && f < first))
			rank++;
	}
	return rank;
}

/* The fill style of CONTROLLER: by its rank, the last style shared by
 * the sixth and later (rare: few controllers hold ground at once). */
static enum raster_style
map_zone(const struct store *s, const struct map_control *mc,
    const char *controller)
{
	int rank = map_rank(s, controller, mc->kind);

	return (enum raster_style)(RASTER_ZONE1 + (rank < MAP_NZONES ? rank :
	    MAP_NZONES - 1));
}

/* Fills the areas held at MC's date, one style per controller, and adds
 * the key. */
static void
map_fill_control(struct raster *r, const struct mapdata *md,
    const struct store *s, enum lang lang, const struct map_control *mc)
{
	static const char *classes[] = {
		"country", "region", "oblast", "district", "city"
	};
	const char *who[MAP_NZONES];
	const struct mapdata_feature *f;
	const struct actor *a;
	struct map_holder h;
	const double *rings[64];
	size_t nr[64], i, j, k, nwho = 0;
	int zone, unsure = 0;

	for (k = 0; k < sizeof classes / sizeof classes[0]; k++) {
		for (i = 0; i < md->n; i++) {
			f = &md->f[i];
			if (f->kind != MAPDATA_AREA ||
			    strcmp(f->class, classes[k]) != 0 ||
			    !map_visible(r, f))
				continue;
			map_holder(s, f, mc, &h);
			if (h.at.row == NULL)
				continue;
			for (j = 0; j < nwho; j++)
				if (strcmp(who[j], h.at.row->controller_id) == 0)
					break;
			if (j == nwho && nwho < MAP_NZONES)
				who[nwho++] = h.at.row->controller_id;
			for (j = 0; j < f->nparts && j < 64; j++) {
				rings[j] = f->parts[j].xy;
				nr[j] = f->parts[j].n;
			}
			if (map_is_uncertain(&h)) {
				raster_fill_hatched(r, rings, nr, j,
				    map_zone(s, mc, h.at.row->controller_id));
				unsure = 1;
			} else
				raster_fill(r, rings, nr, j,
				    map_zone(s, mc, h.at.row->controller_id));
		}
	}
	/* The key, in the order of the fills' styles. */
	for (zone = 0; zone < MAP_NZONES; zone++) {
		for (j = 0; j < nwho; j++) {
			if ((int)map_zone(s, mc, who[j]) != RASTER_ZONE1 + zone)
				continue;
			a = store_find_actor(s, who[j]);
			raster_legend(r, (enum raster_style)(RASTER_ZONE1 + zone),
			    a != NULL ? actor_name(a, lang, NULL) : who[j]);
			break;
		}
	}
	if (unsure)
		raster_legend(r, RASTER_NONE, _("uncertain (sparse fill)"));
}

/*
 * Draws MD and the positioned PLACES (names in LANG) into R and finishes
 * it: lake fills, district lines, rivers, shores, borders, the 1994 line,
 * the oblast, then markers and labels.
 */
void
map_draw(struct raster *r, const struct mapdata *md,
    const struct place *places, size_t nplaces, enum lang lang)
{
	map_draw_layers(r, md, places, nplaces, lang, NULL, NULL);
}

/*
 * Draws the map for MC's date: the areas filled by who held them (when
 * MC->overlay), then everything map_draw() draws, the dated lines only
 * while they stood. S gives the places, the control rows and the events.
 */
void
map_draw_at(struct raster *r, const struct mapdata *md,
    const struct store *s, enum lang lang, const struct map_control *mc)
{
	if (mc != NULL && mc->has_day && mc->overlay)
		map_fill_control(r, md, s, lang, mc);
	map_draw_layers(r, md, s->places, s->nplaces, lang, s, mc);
}

static void
map_draw_layers(struct raster *r, const struct mapdata *md,
    const struct place *places, size_t nplaces, enum lang lang,
    const struct store *s, const struct map_control *mc)
{
	static const enum raster_style order[] = {
		RASTER_DISTRICT, RASTER_RIVER, RASTER_SHORE, RASTER_BORDER,
		RASTER_CEASEFIRE, RASTER_OBLAST
	};
	const struct mapdata_feature *f;
	const double *rings[64];
	const char *name;
	size_t nr[64], i, j, k, *counts;
	double wc, hc;
	int prio;

	for (i = 0; i < md->n; i++) {
		f = &md->f[i];
		if (f->kind != MAPDATA_AREA || strcmp(f->class, "lake") != 0 ||
		    !map_visible(r, f))
			continue;
		for (j = 0; j < f->nparts && j < 64; j++) {
			rings[j] = f->parts[j].xy;
			nr[j] = f->parts[j].n;
		}
		raster_fill(r, rings, nr, j, RASTER_WATER);
	}
	for (k = 0; k < sizeof order / sizeof order[0]; k++) {
		for (i = 0; i < md->n; i++) {
			f = &md->f[i];
			if (f->kind == MAPDATA_LABEL || !map_visible(r, f) ||
			    map_line_style(f->class) != order[k])
				continue;
			if (s != NULL && mc != NULL && mc->has_day &&
			    !map_line_stands(s, f->id, mc->day))
				continue;
			map_cells(r, f, &wc, &hc);
			/* District and city outlines only where they are big
			 * enough to read. */
			if (order[k] == RASTER_DISTRICT && (wc < 3 || hc < 2))
				continue;
			for (j = 0; j < f->nparts; j++)
				raster_polyline(r, f->parts[j].xy,
				    f->parts[j].n, order[k]);
		}
	}
	counts = map_count_events(s, mc);
	for (i = 0; i < nplaces; i++) {
		if (counts != NULL && counts[i] > 0) {
			raster_event_marker(r, places[i].id,
			    place_name(&places[i], lang, NULL), places[i].lon,
			    places[i].lat, counts[i],
			    map_place_is_area(&places[i]));
			continue;
		}
		if (!place_has_position(&places[i]) ||
		    (prio = map_marker_priority(&places[i], r)) == 0)
			continue;
		raster_marker(r, places[i].id, place_name(&places[i], lang,
		    NULL), places[i].lon, places[i].lat, prio);
	}
	for (i = 0; i < md->n; i++) {
		f = &md->f[i];
		if (f->kind == MAPDATA_LINE ||
		    (prio = map_label_priority(f->class)) == 0)
			continue;
		name = map_feature_name(f, s, lang);
		if (f->kind == MAPDATA_AREA) {
			map_cells(r, f, &wc, &hc);
			if (wc < (double)text_width(name) + 2 || hc < 2 ||
			    map_has_marker(r, f))
				continue;
		}
		raster_label(r, name, f->label_lon, f->label_lat, prio);
	}
	free(counts);
	raster_finish(r);
}

/* Stores in OUT (at most MAX) the areas whose label point is inside R's
 * box, in file order. Returns how many there are. */
size_t
map_regions(const struct raster *r, const struct mapdata *md,
    const struct mapdata_feature **out, size_t max)
{
	const struct mapdata_feature *f;
	size_t i, n = 0;

	for (i = 0; i < md->n; i++) {
		f = &md->f[i];
		if (f->kind != MAPDATA_AREA || f->label_lon < r->w ||
		    f->label_lon > r->e || f->label_lat < r->s ||
		    f->label_lat > r->n)
			continue;
		if (n < max)
			out[n] = f;
		n++;
	}
	return n;
}
