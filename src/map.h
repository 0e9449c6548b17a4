/* map.h: the atlas map, composed from map data and places.
 *
 * Contract: map_view_find() returns a named view (its box is widened to
 * the grid's shape by raster_fit()); map_draw() draws the layers of a map
 * data set and the places with a position into a raster set up by the
 * caller, in fixed styles by feature class, and finishes it. The raster
 * is then the whole picture. map_regions() lists the areas whose label
 * point lies in the raster's box. */
#ifndef MAP_H
#define MAP_H

#include <stddef.h>

#include "lang.h"

struct mapdata;
struct mapdata_feature;
struct place;
struct raster;

struct map_view {
	const char	*name;
	const char	*help;
	double		 box[4];	/* W, S, E, N */
};

const struct map_view	*map_view_find(const char *name);
const struct map_view	*map_view_at(size_t);
void	map_draw(struct raster *, const struct mapdata *,
	    const struct place *, size_t nplaces, enum lang);
size_t	map_regions(const struct raster *, const struct mapdata *,
	    const struct mapdata_feature **out, size_t max);

#endif
