/* era.h: the named periods of the timeline, nested where they nest.
 *
 * Contract: every era has a start and an end date; parent_id names the
 * era it lies in, or is "". era_schema describes eras.csv. */
#ifndef ERA_H
#define ERA_H

#include "date.h"
#include "lang.h"

struct era {
	const char	*id;
	const char	*parent_id;
	struct date	 start, end;
	const char	*name[LANG_COUNT];
	const char	*source_ids;
	unsigned	 line;
};

extern const struct schema era_schema;

const char	*era_name(const struct era *, enum lang, enum lang *used);

#endif
