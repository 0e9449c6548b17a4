/* index.c: building the store's indexes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "schema.h"
#include "store.h"
#include "xalloc.h"

/* Counts, then fills, a CSR from (row, item) pairs; rows keep pair order. */
static void
index_csr_build(struct index_csr *csr, size_t nrows, const uint32_t *rows,
    const uint32_t *items, size_t npairs)
{
	uint32_t *fill;
	size_t i;

	csr->off = xcalloc(nrows + 1, sizeof *csr->off);
	csr->item = xreallocarray(NULL, npairs ? npairs : 1, sizeof *csr->item);
	for (i = 0; i < npairs; i++)
		csr->off[rows[i] + 1]++;
	for (i = 0; i < nrows; i++)
		csr->off[i + 1] += csr->off[i];
	fill = xreallocarray(NULL, nrows ? nrows : 1, sizeof *fill);
	for (i = 0; i < nrows; i++)
		fill[i] = csr->off[i];
	for (i = 0; i < npairs; i++)
		csr->item[fill[rows[i]]++] = items[i];
	free(fill);
}

/* Fills BACK (NBACK rows) with the reverse of FWD (NFWD rows): row r of
 * BACK lists, ascending, the rows of FWD that have item r, once for each
 * time they have it, as index_csr_build() would from FWD's pairs. */
static void
index_csr_invert(struct index_csr *back, size_t nback,
    const struct index_csr *fwd, size_t nfwd)
{
	size_t npairs = fwd->off[nfwd], i;
	uint32_t *fill, j;

	back->off = xcalloc(nback + 1, sizeof *back->off);
	back->item = xreallocarray(NULL, npairs ? npairs : 1,
	    sizeof *back->item);
	for (i = 0; i < npairs; i++)
		back->off[fwd->item[i] + 1]++;
	for (i = 0; i < nback; i++)
		back->off[i + 1] += back->off[i];
	fill = xreallocarray(NULL, nback ? nback : 1, sizeof *fill);
	for (i = 0; i < nback; i++)
		fill[i] = back->off[i];
	for (i = 0; i < nfwd; i++)
		for (j = fwd->off[i]; j < fwd->off[i + 1]; j++)
			back->item[fill[fwd->item[j]]++] = (uint32_t)i;
	free(fill);
}

static void
index_csr_free(struct index_csr *csr)
{
	free(csr->off);
	free(csr->item);
	csr->off = csr->item = NULL;
}

/*
 * Builds the links from each event's ';'-separated ids in the column at
 * OFFSET of struct event to the rows of table K, both ways.
 */
static void
index_links(const struct store *s, size_t offset, enum store_kind k,
    struct index_csr *fwd, struct index_csr *back)
{
	const char *base = (const char *)s->t[k].rows;
	size_t size = k == STORE_PLACES ? sizeof(struct place) :
	    sizeof(struct actor);
	uint32_t *ev = NULL, *it = NULL;
	size_t n = 0, alloc = 0, i;
	const char *p;
	const void *row;
	char id[256];

	for (i = 0; i < s->nevents; i++) {
		p = *(const char *const *)((const char *)&s->events[i] +
		    offset);
		while (schema_idlist_next(&p, id, sizeof id)) {
			if ((row = store_find(s, k, id)) == NULL)
				continue;
			if (n == alloc) {
				alloc = alloc ? alloc * 2 : 1024;
				ev = xreallocarray(ev, alloc, sizeof *ev);
				it = xreallocarray(it, alloc, sizeof *it);
			}
			ev[n] = (uint32_t)i;
			it[n] = (uint32_t)(((const char *)row - base) / size);
			n++;
		}
	}
	index_csr_build(fwd, s->nevents, ev, it, n);
	/* Pairs are in event order, so each place's events come ascending. */
	index_csr_build(back, s->t[k].n, it, ev, n);
	free(ev);
	free(it);
}

/* Builds the parent -> children tree of table K from its parent_id. */
static void
index_tree(const struct store *s, enum store_kind k, size_t parent_off,
    size_t size, struct index_csr *tree)
{
	const char *base = (const char *)s->t[k].rows;
	size_t i, n = 0, nrows = s->t[k].n;
	uint32_t *par, *child;
	const void *row;

	par = xreallocarray(NULL, nrows ? nrows : 1, sizeof *par);
	child = xreallocarray(NULL, nrows ? nrows : 1, sizeof *child);
	for (i = 0; i < nrows; i++) {
		row = store_find(s, k, *(const char *const *)(base + i * size +
		    parent_off));
		if (row == NULL || row == base + i * size)
			continue;
		par[n] = (uint32_t)(((const char *)row - base) / size);
		child[n] = (uint32_t)i;
		n++;
	}
	index_csr_build(tree, nrows, par, child, n);
	free(par);
	free(child);
}

/* Builds each event's first and last day and the list of long events. */
static void
index_dates(struct index *ix, const struct store *s)
{
	const struct event *e;
	size_t i, nlong = 0;

	ix->first = xreallocarray(NULL, s->nevents ? s->nevents : 1,
	    sizeof *ix->first);
	ix->last = xreallocarray(NULL, s->nevents ? s->nevents : 1,
	    sizeof *ix->last);
	ix->long_events = xreallocarray(NULL, 1, sizeof *ix->long_events);
	for (i = 0; i < s->nevents; i++) {
		e = &s->events[i];
		ix->first[i] = date_first_day(&e->start);
		ix->last[i] = date_is_set(&e->end) ? date_last_day(&e->end) :
		    date_last_day(&e->start);
		if (ix->last[i] < ix->first[i])
			ix->last[i] = ix->first[i];
		if (ix->last[i] - ix->first[i] > INDEX_SHORT_SPAN) {
			ix->long_events = xreallocarray(ix->long_events,
			    nlong + 1, sizeof *ix->long_events);
			ix->long_events[nlong++] = (uint32_t)i;
		}
	}
	ix->nlong = nlong;
}

/* Builds every index of S into IX. */
void
index_build(struct index *ix, const struct store *s)
{
	memset(ix, 0, sizeof *ix);
	index_dates(ix, s);
	index_links(s, offsetof(struct event, place_ids), STORE_PLACES,
	    &ix->event_places, &ix->place_events);
	index_links(s, offsetof(struct event, actor_ids), STORE_ACTORS,
	    &ix->event_actors, &ix->actor_events);
	index_tree(s, STORE_PLACES, offsetof(struct place, parent_id),
	    sizeof(struct place), &ix->place_children);
	index_tree(s, STORE_ACTORS, offsetof(struct actor, parent_id),
	    sizeof(struct actor), &ix->actor_children);
}

/*
 * Builds every index of S into IX as index_build() does, but with the
 * links from each event (in date order) to its places and actors given:
 * EVENT_PLACES and EVENT_ACTORS, found while the events were read, which
 * IX takes over (they are left empty). Looking a million events' ids up
 * again here, in date order, spent most of its time on cache misses.
 */
void
index_build_linked(struct index *ix, const struct store *s,
    struct index_csr *event_places, struct index_csr *event_actors)
{
	memset(ix, 0, sizeof *ix);
	index_dates(ix, s);
	ix->event_places = *event_places;
	ix->event_actors = *event_actors;
	event_places->off = event_places->item = NULL;
	event_actors->off = event_actors->item = NULL;
	index_csr_invert(&ix->place_events, s->nplaces, &ix->event_places,
	    s->nevents);
	index_csr_invert(&ix->actor_events, s->nactors, &ix->event_actors,
	    s->nevents);
	index_tree(s, STORE_PLACES, offsetof(struct place, parent_id),
	    sizeof(struct place), &ix->place_children);
	index_tree(s, STORE_ACTORS, offsetof(struct actor, parent_id),
	    sizeof(struct actor), &ix->actor_children);
}

/* Frees the indexes. */
void
index_free(struct index *ix)
{
	free(ix->first);
	free(ix->last);
	free(ix->long_events);
	index_csr_free(&ix->event_places);
	index_csr_free(&ix->event_actors);
	index_csr_free(&ix->place_events);
	index_csr_free(&ix->actor_events);
	index_csr_free(&ix->place_children);
	index_csr_free(&ix->actor_children);
}

/* Returns the first of the N events whose first day is >= DAY. */
size_t
index_date_lower(const struct index *ix, size_t n, int64_t day)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ix->first[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
