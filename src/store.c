/* store.c: loading a data directory into memory. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "schema.h"
#include "store.h"
#include "table.h"
#include "xalloc.h"

struct store_loader {
	struct store		*store;
	struct diag		*diag;
	struct schema_binding	 binding;
	size_t			 alloc;
	int			 bad;
};

static int
store_event_row(const struct table_row *row, void *arg)
{
	struct store_loader *l = arg;
	struct store *s = l->store;
	struct event *e;

	if (row->is_header) {
		if (schema_bind_header(&l->binding, &event_schema, row,
		    l->diag) != 0)
			return -1;
		return 0;
	}
	if (s->nevents == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 256;
		s->events = xreallocarray(s->events, l->alloc, sizeof *s->events);
	}
	e = &s->events[s->nevents];
	if (schema_bind_row(&l->binding, row, e, &s->arena, l->diag) != 0) {
		l->bad = 1;
		return 0;
	}
	e->line = row->line;
	s->nevents++;
	return 0;
}

static int
store_cmp_events(const void *a, const void *b)
{
	return event_cmp(a, b);
}

static int
store_cmp_ids(const void *a, const void *b)
{
	const struct event *const *x = a, *const *y = b;
	int c = strcmp((*x)->id, (*y)->id);

	/* Equal ids keep file order, so a duplicate names the first line. */
	if (c == 0)
		c = (*x)->line < (*y)->line ? -1 : (*x)->line > (*y)->line;
	return c;
}

static void
store_index_ids(struct store *s, const char *name, struct diag *diag)
{
	size_t i;

	s->by_id = xreallocarray(NULL, s->nevents, sizeof *s->by_id);
	for (i = 0; i < s->nevents; i++)
		s->by_id[i] = &s->events[i];
	if (s->nevents > 1)
		qsort(s->by_id, s->nevents, sizeof *s->by_id, store_cmp_ids);
	for (i = 1; i < s->nevents; i++)
		if (strcmp(s->by_id[i - 1]->id, s->by_id[i]->id) == 0)
			diag_add(diag, name, s->by_id[i]->line, 1,
			    "duplicate id '%s' (first on line %u)",
			    s->by_id[i]->id, s->by_id[i - 1]->line);
}

/*
 * Loads the tables of DIR into S. Returns 0, or -1 with every problem in
 * DIAG (S is then empty).
 */
int
store_load(struct store *s, const char *dir, struct diag *diag)
{
	struct store_loader l;
	size_t before = diag_count(diag);
	char *path, *name;

	memset(s, 0, sizeof *s);
	arena_init(&s->arena);
	s->dir = xstrdup(dir);

	memset(&l, 0, sizeof l);
	l.store = s;
	l.diag = diag;
	xasprintf(&path, "%s/events.csv", dir);
	name = path;
	table_read(path, name, store_event_row, &l, diag);
	schema_binding_free(&l.binding);

	if (s->nevents > 1)
		qsort(s->events, s->nevents, sizeof *s->events,
		    store_cmp_events);
	store_index_ids(s, name, diag);
	free(path);

	if (diag_count(diag) != before) {
		store_free(s);
		return -1;
	}
	return 0;
}

/* Frees everything the store holds. */
void
store_free(struct store *s)
{
	arena_fini(&s->arena);
	free(s->events);
	free(s->by_id);
	free(s->dir);
	memset(s, 0, sizeof *s);
}

/* Returns the event with ID, or NULL. */
const struct event *
store_find_event(const struct store *s, const char *id)
{
	size_t lo = 0, hi = s->nevents, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(id, s->by_id[mid]->id);
		if (c == 0)
			return s->by_id[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Returns the position of E in date order. */
size_t
store_index_of(const struct store *s, const struct event *e)
{
	return (size_t)(e - s->events);
}
