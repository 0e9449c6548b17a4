/* store.h: the atlas's data, loaded once and read-only after.
 *
 * Contract: store_load() reads a data directory's tables into memory and
 * builds the indexes; every problem in the files is added to the diag
 * list, and it returns -1 if there was any (the store is then empty and
 * only store_free() may be called). Events are in date order. */
#ifndef STORE_H
#define STORE_H

#include <stddef.h>

#include "arena.h"
#include "event.h"

struct diag;

struct store {
	struct arena	  arena;
	char		 *dir;
	struct event	 *events;	/* sorted by event_cmp */
	size_t		  nevents;
	struct event	**by_id;	/* sorted by id */
};

int			 store_load(struct store *, const char *dir, struct diag *);
void			 store_free(struct store *);
const struct event	*store_find_event(const struct store *, const char *id);
size_t			 store_index_of(const struct store *, const struct event *);

#endif
