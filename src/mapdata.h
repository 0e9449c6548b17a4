/* mapdata.h: the geometry of the maps/ layer files, read into memory.
 *
 * Contract: the files are line-based text (see maps/README): "area ID
 * CLASS LON LAT NAME" opens an area whose label goes at LON LAT, each
 * "ring" line opens one of its rings; "line ID CLASS NAME" opens a
 * polyline feature, each "part" line one of its pieces; "label ID CLASS
 * LON LAT NAME" is a name with no geometry; any other line is "LON LAT".
 * '#' starts a comment line. mapdata_load() reads the fixed list of layer
 * files of a maps directory in drawing order; every problem goes to the
 * diag list as file:line and makes it return -1 (the data is then empty
 * and only mapdata_free() may be called). Coordinates are degrees. */
#ifndef MAPDATA_H
#define MAPDATA_H

#include <stddef.h>

#include "arena.h"

struct diag;

enum mapdata_kind {
	MAPDATA_AREA,
	MAPDATA_LINE,
	MAPDATA_LABEL
};

struct mapdata_part {
	const double	*xy;		/* lon, lat pairs */
	size_t		 n;		/* points */
};

struct mapdata_feature {
	enum mapdata_kind	 kind;
	const char		*id;
	const char		*class;		/* "district", "border", ... */
	const char		*name;
	double			 label_lon, label_lat;	/* areas, labels */
	double			 w, s, e, n;	/* bounding box */
	struct mapdata_part	*parts;		/* rings or pieces */
	size_t			 nparts;
	const char		*file;
	unsigned		 line;
};

struct mapdata {
	struct arena		 arena;
	struct mapdata_feature	*f;
	size_t			 n;
	size_t			 alloc;
};

void	mapdata_init(struct mapdata *);
int	mapdata_load(struct mapdata *, const char *dir, struct diag *);
int	mapdata_load_file(struct mapdata *, const char *path, const char *name,
	    struct diag *);
void	mapdata_free(struct mapdata *);
const struct mapdata_feature *mapdata_find(const struct mapdata *,
	    const char *id);

#endif
