/* place.h: places of the atlas (towns, districts, regions, rivers...).
 *
 * Contract: every text member is non-NULL; lat and lon are NAN when no
 * gazetteer gives a position (they are never guessed). parent_id makes a
 * containment tree (a town in its district, a district in its region) that
 * queries follow. place_schema describes places.csv. */
#ifndef PLACE_H
#define PLACE_H

#include "lang.h"

struct place {
	const char	*id;		/* first: the store indexes by it */
	const char	*kind;
	double		 lat, lon;
	const char	*parent_id;
	const char	*geonames_id;
	const char	*name[LANG_COUNT];
	const char	*name_hy, *name_az, *name_ru;
	const char	*aliases;	/* ';'-separated */
	const char	*source_ids;
	const char	*coord_source;
	const char	*text;		/* every name and alias, packed */
	size_t		 text_len;
	const char	*ftext;		/* folded extra text (fold.h), or NULL */
	size_t		 ftext_len;
	unsigned	 line;
};

extern const struct schema place_schema;

const char	*place_name(const struct place *, enum lang, enum lang *used);
int		 place_has_position(const struct place *);

#endif
