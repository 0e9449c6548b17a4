/* index.h: the store's indexes, built once after loading.
 *
 * Contract: index_build() derives, from a loaded store, everything a query
 * needs to avoid scanning: each event's first and last day (a partial date
 * stands for all its days, a span for all days it crosses), the events of
 * each place and actor and the places and actors of each event (as
 * compressed rows of 32-bit positions), and the containment trees of places
 * and actors. It never fails (allocation failure ends the program). */
#ifndef INDEX_H
#define INDEX_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* A compressed sparse row: the items of row r are item[off[r]..off[r+1]). */
struct index_csr {
	uint32_t	*off;
	uint32_t	*item;
};

struct index {
	int64_t		*first;		/* per event, ascending */
	int64_t		*last;
	uint32_t	*long_events;	/* events spanning more than a year */
	size_t		 nlong;
	struct index_csr event_places;	/* event -> places */
	struct index_csr event_actors;	/* event -> actors */
	struct index_csr place_events;	/* place -> events, ascending */
	struct index_csr actor_events;	/* actor -> events, ascending */
	struct index_csr place_children;
	struct index_csr actor_children;
};

#define INDEX_SHORT_SPAN 366	/* days: longer events are kept apart */

void	index_build(struct index *, const struct store *);
void	index_build_linked(struct index *, const struct store *,
	    struct index_csr *event_places, struct index_csr *event_actors);
void	index_free(struct index *);
size_t	index_date_lower(const struct index *, size_t n, int64_t day);

#endif
