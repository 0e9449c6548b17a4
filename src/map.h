/* map.h: the atlas map, composed from map data and places.
 *
 * Contract: map_view_find() returns a named view (its box is widened to
 * the grid's shape by raster_fit()); map_draw() draws the layers of a map
 * data set and the places with a position into a raster set up by the
 * caller, in fixed styles by feature class, and finishes it. The raster
 * is then the whole picture. map_draw_at() does the same for a date:
 * it fills each area the control data covers by who held it that day
 * (one fill style per controller, and a key of their names), and draws
 * a dated line (the 1994 line of contact) only while it stood. An area
 * whose holder is uncertain that day (an imprecise bound, or low
 * confidence) is filled in a sparse checkerboard, with a "?" key line.
 * When the control gives events (a query's result), each place they
 * name gets an event marker with their count, in place of its own
 * marker; a district, region or country is marked as approximate.
 * map_regions() lists the areas whose label point lies in the raster's
 * box. */
#ifndef MAP_H
#define MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "control-at.h"
#include "lang.h"

struct mapdata;
struct mapdata_feature;
struct place;
struct raster;
struct store;

/* The date-dependent layers: the control overlay and the 1994 line. */
struct map_control {
	bool			 has_day;	/* else: no date, no overlay */
	int64_t			 day;
	bool			 overlay;	/* colour areas by controller */
	enum control_kind	 kind;
	const size_t		*events;	/* positions in store->events */
	size_t			 nevents;	/* to mark, or NULL and 0 */
};

/* Who held a map area at the map's date. */
struct map_holder {
	const char		*place_id;	/* NULL: not in the data */
	struct control_at	 at;		/* at.row NULL: no record */
	int			 style;		/* its fill, 0 if none */
};

struct map_view {
	const char	*name;
	const char	*help;
	double		 box[4];	/* W, S, E, N */
};

const struct map_view	*map_view_find(const char *name);
const struct map_view	*map_view_at(size_t);
void	map_draw(struct raster *, const struct mapdata *,
	    const struct place *, size_t nplaces, enum lang);
void	map_draw_at(struct raster *, const struct mapdata *,
	    const struct store *, enum lang, const struct map_control *);
bool	map_line_stands(const struct store *, const char *line_id,
	    int64_t day);
void	map_holder(const struct store *, const struct mapdata_feature *,
	    const struct map_control *, struct map_holder *);
bool	map_place_is_area(const struct place *);
size_t	map_regions(const struct raster *, const struct mapdata *,
	    const struct mapdata_feature **out, size_t max);

#endif
