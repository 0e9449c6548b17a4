/* place.h: places of the atlas (towns, districts, regions, rivers...).
 *
 * Contract: every text member is non-NULL; lat and lon are NAN when no
 * gazetteer gives a position (they are never guessed). parent_id makes a
 * containment tree (a town in its district, a district in its region) that
 * queries follow. place_schema describes places.csv. place_name_format()
 * writes a place's name with its local forms by one neutral rule: the
 * chosen language's name, then " / " and the Armenian and the Azerbaijani
 * forms where the data has both, in that fixed (alphabetical) order
 * whichever name the language uses, a form already written not repeated;
 * with PLACE_NAMES_ALL, then the Russian form. */
#ifndef PLACE_H
#define PLACE_H

#include <stddef.h>

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

/* How a place is named in a line of text (--names, the o key): in the
 * chosen language only; followed by both sides' local forms, Armenian
 * then Azerbaijani (both or neither, never one side's alone); or by those
 * and the Russian form too. */
enum place_names {
	PLACE_NAMES_LANG,
	PLACE_NAMES_BOTH,
	PLACE_NAMES_ALL,
	PLACE_NAMES_COUNT
};

extern const struct schema place_schema;

const char	*place_name(const struct place *, enum lang, enum lang *used);
size_t		 place_name_format(char *buf, size_t size,
		     const struct place *, enum lang, enum place_names,
		     enum lang *used);
int		 place_names_parse(const char *);
const char	*place_names_tag(enum place_names);
int		 place_has_position(const struct place *);

#endif
