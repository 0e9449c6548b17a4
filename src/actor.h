/* actor.h: actors of the atlas (states, forces, organisations, people).
 *
 * Contract: every text member is non-NULL; parent_id makes a tree (a unit
 * in its army, an army in its state, a person in the state they acted
 * for) that queries follow. actor_schema describes actors.csv. */
#ifndef ACTOR_H
#define ACTOR_H

#include "date.h"
#include "lang.h"

struct actor {
	const char	*id;
	const char	*kind;
	const char	*side;
	const char	*parent_id;
	struct date	 start, end;
	const char	*name[LANG_COUNT];
	const char	*name_native;
	const char	*aliases;
	const char	*source_ids;
	const char	*text;		/* every name and alias, packed */
	size_t		 text_len;
	const char	*ftext;		/* folded extra text (fold.h), or NULL */
	size_t		 ftext_len;
	unsigned	 line;
};

extern const struct schema actor_schema;

const char	*actor_name(const struct actor *, enum lang, enum lang *used);

#endif
