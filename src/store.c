/* store.c: loading a data directory into memory and checking its
 * references.
 *
 * Every table is described by a row in store_kinds[]: its file, its schema
 * and the size of its rows. Every row struct begins with its id, so one
 * loader and one id index serve all tables. References between tables are
 * checked after all are loaded (a place may name a parent further down its
 * file); the column of a bad reference is found again in the file only
 * when there is one to report. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "diag.h"
#include "schema.h"
#include "fold.h"
#include "i18n.h"
#include "store.h"
#include "table.h"
#include "xalloc.h"

static const struct {
	const char		*file;
	const struct schema	*schema;
	size_t			 size;
	size_t			 line_off;
	int			 required;
} store_kinds[STORE_NKINDS] = {
	[STORE_SOURCES] = { "sources.csv", &source_schema,
	    sizeof(struct source), offsetof(struct source, line), 0 },
	[STORE_ERAS] = { "eras.csv", &era_schema,
	    sizeof(struct era), offsetof(struct era, line), 0 },
	[STORE_PLACES] = { "places.csv", &place_schema,
	    sizeof(struct place), offsetof(struct place, line), 0 },
	[STORE_ACTORS] = { "actors.csv", &actor_schema,
	    sizeof(struct actor), offsetof(struct actor, line), 0 },
	[STORE_EVENTS] = { "events.csv", &event_schema,
	    sizeof(struct event), offsetof(struct event, line), 1 },
	[STORE_FIGURES] = { "figures.csv", &figure_schema,
	    sizeof(struct figure), offsetof(struct figure, line), 0 },
	[STORE_STATEMENTS] = { "statements.csv", &statement_schema,
	    sizeof(struct statement), offsetof(struct statement, line), 0 },
	[STORE_CONTROL] = { "control.csv", &control_schema,
	    sizeof(struct control), offsetof(struct control, line), 0 },
	[STORE_CLAIMS] = { "claims.csv", &claim_schema,
	    sizeof(struct claim), offsetof(struct claim, line), 0 },
};

/* Bits naming tables a reference may point into. */
#define TO(k)		(1u << (k))
#define SUBJECTS	(TO(STORE_EVENTS) | TO(STORE_PLACES) | \
			 TO(STORE_ACTORS) | TO(STORE_FIGURES) | \
			 TO(STORE_ERAS) | TO(STORE_STATEMENTS) | \
			 TO(STORE_CONTROL))

static const struct {
	enum store_kind	 from;
	const char	*column;
	unsigned	 to;
} store_refs[] = {
	{ STORE_EVENTS, "era_id", TO(STORE_ERAS) },
	{ STORE_EVENTS, "place_ids", TO(STORE_PLACES) },
	{ STORE_EVENTS, "actor_ids", TO(STORE_ACTORS) },
	{ STORE_EVENTS, "source_ids", TO(STORE_SOURCES) },
	{ STORE_PLACES, "parent_id", TO(STORE_PLACES) },
	{ STORE_PLACES, "source_ids", TO(STORE_SOURCES) },
	{ STORE_ACTORS, "parent_id", TO(STORE_ACTORS) },
	{ STORE_ACTORS, "source_ids", TO(STORE_SOURCES) },
	{ STORE_ERAS, "parent_id", TO(STORE_ERAS) },
	{ STORE_ERAS, "source_ids", TO(STORE_SOURCES) },
	{ STORE_FIGURES, "subject_id", SUBJECTS },
	{ STORE_FIGURES, "source_ids", TO(STORE_SOURCES) },
	{ STORE_STATEMENTS, "actor_id", TO(STORE_ACTORS) },
	{ STORE_STATEMENTS, "event_id", TO(STORE_EVENTS) },
	{ STORE_STATEMENTS, "source_ids", TO(STORE_SOURCES) },
	{ STORE_CONTROL, "area_id", TO(STORE_PLACES) },
	{ STORE_CONTROL, "controller_id", TO(STORE_ACTORS) },
	{ STORE_CONTROL, "cause_event_id", TO(STORE_EVENTS) },
	{ STORE_CONTROL, "source_ids", TO(STORE_SOURCES) },
	{ STORE_CLAIMS, "subject_id", SUBJECTS },
	{ STORE_CLAIMS, "source_ids", TO(STORE_SOURCES) },
};

struct store_loader {
	struct store		*store;
	enum store_kind		 kind;
	struct diag		*diag;
	struct schema_binding	 binding;
	size_t			 alloc;
};

/* Returns the schema of table K. */
const struct schema *
store_schema(enum store_kind k)
{
	return store_kinds[k].schema;
}

/* Returns the file name of table K ("events.csv"). */
const char *
store_file(enum store_kind k)
{
	return store_kinds[k].file;
}

/* Returns the size of a row of table K. */
size_t
store_row_size(enum store_kind k)
{
	return store_kinds[k].size;
}

static const char *
store_id(const void *row)
{
	return *(const char *const *)row;
}

static unsigned
store_line(enum store_kind k, const void *row)
{
	return *(const unsigned *)((const char *)row + store_kinds[k].line_off);
}

static int
store_row(const struct table_row *row, void *arg)
{
	struct store_loader *l = arg;
	struct store_table *t = &l->store->t[l->kind];
	size_t size = store_kinds[l->kind].size;
	char *obj;

	if (row->is_header) {
		if (schema_bind_header(&l->binding, store_kinds[l->kind].schema,
		    row, l->diag) != 0)
			return -1;
		return 0;
	}
	if (t->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 256;
		t->rows = xreallocarray(t->rows, l->alloc, size);
	}
	obj = (char *)t->rows + t->n * size;
	memset(obj, 0, size);
	if (schema_bind_row(&l->binding, row, obj, &l->store->arena,
	    l->diag) != 0)
		return 0;
	*(unsigned *)(obj + store_kinds[l->kind].line_off) = row->line;
	t->n++;
	return 0;
}

/* The order of events (event_cmp) as plain numbers, so sorting a
 * million events compares integers rather than computing calendar days
 * on every comparison. */
struct store_sortkey {
	int64_t		 first, end_first;
	uint8_t		 prec, end_prec;
	uint32_t	 pos;
	const char	*id;
};

static int
store_cmp_keys(const void *a, const void *b)
{
	const struct store_sortkey *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->prec != y->prec)
		return x->prec < y->prec ? -1 : 1;
	if (x->end_first != y->end_first)
		return x->end_first < y->end_first ? -1 : 1;
	if (x->end_prec != y->end_prec)
		return x->end_prec < y->end_prec ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Sorts the events by event_cmp: sorts keys, then moves each row once
 * along the cycles of the permutation. */
static void
store_sort_events(struct store *s)
{
	struct store_table *t = &s->t[STORE_EVENTS];
	struct event *ev = t->rows, tmp;
	struct store_sortkey *keys;
	size_t i, j, k, n = t->n;
	int sorted = 1;

	for (i = 1; i < n && sorted; i++)
		sorted = event_cmp(&ev[i - 1], &ev[i]) <= 0;
	if (sorted)
		return;
	keys = xreallocarray(NULL, n, sizeof *keys);
	for (i = 0; i < n; i++) {
		keys[i].first = date_first_day(&ev[i].start);
		keys[i].prec = ev[i].start.prec;
		keys[i].end_first = date_is_set(&ev[i].end) ?
		    date_first_day(&ev[i].end) : INT64_MIN;
		keys[i].end_prec = ev[i].end.prec;
		keys[i].pos = (uint32_t)i;
		keys[i].id = ev[i].id;
	}
	qsort(keys, n, sizeof *keys, store_cmp_keys);
	/* Row i must receive row keys[i].pos; mark moved rows by setting
	 * their key's pos to i. */
	for (i = 0; i < n; i++) {
		if (keys[i].pos == i)
			continue;
		tmp = ev[i];
		for (j = i; keys[j].pos != i; j = k) {
			k = keys[j].pos;
			ev[j] = ev[k];
			keys[j].pos = (uint32_t)j;
		}
		ev[j] = tmp;
		keys[j].pos = (uint32_t)j;
	}
	free(keys);
}

/* Indexes table K by id and reports duplicate ids. */
static void
store_index(struct store *s, enum store_kind k, struct diag *diag)
{
	struct store_table *t = &s->t[k];
	size_t i, size = store_kinds[k].size;
	const void *row, *dup, *first;

	idmap_init(&t->ids, t->n);
	for (i = 0; i < t->n; i++) {
		row = (const char *)t->rows + i * size;
		if ((dup = idmap_put(&t->ids, row)) == NULL)
			continue;
		/* Events are sorted by now: name the one earlier in the file. */
		first = store_line(k, dup) < store_line(k, row) ? dup : row;
		diag_add(diag, t->path, store_line(k, first == dup ? row : dup),
		    1, _("duplicate id '%s' (first on line %u)"), store_id(row),
		    store_line(k, first));
	}
}

/* Returns the row of table K with ID, or NULL. */
const void *
store_find(const struct store *s, enum store_kind k, const char *id)
{
	return idmap_get(&s->t[k].ids, id);
}

static const struct schema_column *
store_column(enum store_kind k, const char *name, size_t *index)
{
	const struct schema *sc = store_kinds[k].schema;
	size_t i;

	for (i = 0; i < sc->ncols; i++)
		if (strcmp(sc->cols[i].name, name) == 0) {
			if (index != NULL)
				*index = i;
			return &sc->cols[i];
		}
	return NULL;
}

/*
 * Finds where COLUMN of ROW (a row of table K) is in its file, for a
 * message: its line, and its column when the file can be read again.
 */
void
store_where(const struct store *s, enum store_kind k, const void *row,
    const char *column, unsigned *line, unsigned *col)
{
	const struct store_table *t = &s->t[k];
	size_t i;

	*line = store_line(k, row);
	*col = 0;
	if (store_column(k, column, &i) != NULL && t->fields != NULL &&
	    t->fields[i] >= 0)
		table_locate(t->path, *line, (size_t)t->fields[i], col);
}

static int
store_resolves(const struct store *s, unsigned to, const char *id)
{
	enum store_kind k;

	for (k = 0; k < STORE_NKINDS; k++)
		if ((to & TO(k)) && store_find(s, k, id) != NULL)
			return 1;
	return 0;
}

static int
store_targets_present(const struct store *s, unsigned to)
{
	enum store_kind k;

	for (k = 0; k < STORE_NKINDS; k++)
		if ((to & TO(k)) && s->t[k].present)
			return 1;
	return 0;
}

/* Checks that every id a column of table FROM names exists. */
static void
store_check_ref(const struct store *s, enum store_kind from,
    const char *column, unsigned to, struct diag *diag)
{
	const struct store_table *t = &s->t[from];
	const struct schema_column *c = store_column(from, column, NULL);
	size_t i, size = store_kinds[from].size;
	const char *p;
	unsigned line, col;
	char id[256];

	if (c == NULL || !store_targets_present(s, to))
		return;
	for (i = 0; i < t->n; i++) {
		const char *row = (const char *)t->rows + i * size;

		p = *(const char *const *)(row + c->offset);
		while (schema_idlist_next(&p, id, sizeof id)) {
			if (store_resolves(s, to, id))
				continue;
			store_where(s, from, row, column, &line, &col);
			diag_add(diag, t->path, line, col,
			    _("%s: '%s' is not the id of any %s"), column, id,
			    to == TO(STORE_SOURCES) ? _("source") :
			    to == TO(STORE_PLACES) ? _("place") :
			    to == TO(STORE_ACTORS) ? _("actor") :
			    to == TO(STORE_ERAS) ? _("era") :
			    to == TO(STORE_EVENTS) ? _("event") : _("row"));
		}
	}
}

/* Points the typed views (s->events...) at the tables' rows. */
void
store_views(struct store *s)
{
#define VIEW(k, rows_, n_) do {			\
	s->rows_ = s->t[k].rows;		\
	s->n_ = s->t[k].n;			\
} while (0)
	VIEW(STORE_EVENTS, events, nevents);
	VIEW(STORE_PLACES, places, nplaces);
	VIEW(STORE_ACTORS, actors, nactors);
	VIEW(STORE_ERAS, eras, neras);
	VIEW(STORE_SOURCES, sources, nsources);
	VIEW(STORE_FIGURES, figures, nfigures);
	VIEW(STORE_STATEMENTS, statements, nstatements);
	VIEW(STORE_CONTROL, control, ncontrol);
	VIEW(STORE_CLAIMS, claims, nclaims);
#undef VIEW
}

/*
 * Loads the tables of DIR into S. Returns 0, or -1 with every problem in
 * DIAG (S is then empty).
 */
int
store_load(struct store *s, const char *dir, struct diag *diag)
{
	struct store_loader l;
	struct stat st;
	size_t before = diag_count(diag), i;
	enum store_kind k;

	memset(s, 0, sizeof *s);
	arena_init(&s->arena);
	s->dir = xstrdup(dir);

	for (k = 0; k < STORE_NKINDS; k++) {
		struct store_table *t = &s->t[k];

		xasprintf(&t->path, "%s/%s", dir, store_kinds[k].file);
		if (!store_kinds[k].required && stat(t->path, &st) != 0)
			continue;
		t->present = 1;
		memset(&l, 0, sizeof l);
		l.store = s;
		l.kind = k;
		l.diag = diag;
		table_read(t->path, t->path, store_row, &l, diag);
		t->fields = xcalloc(store_kinds[k].schema->ncols, sizeof(int));
		for (i = 0; i < store_kinds[k].schema->ncols; i++)
			t->fields[i] = l.binding.col ? l.binding.col[i] : -1;
		schema_binding_free(&l.binding);
	}
	/*
	 * The events' references are checked while the events are still in
	 * file order: their strings then lie in the arena in the order they
	 * are read, and checking a million events' references in date order
	 * spent most of its time waiting on cache misses. Then the events
	 * are sorted, and only then indexed by id (the index points into the
	 * rows), before the references that point at events are checked.
	 */
	for (k = 0; k < STORE_NKINDS; k++)
		if (k != STORE_EVENTS)
			store_index(s, k, diag);
	for (i = 0; i < sizeof store_refs / sizeof store_refs[0]; i++)
		if (store_refs[i].from == STORE_EVENTS)
			store_check_ref(s, store_refs[i].from,
			    store_refs[i].column, store_refs[i].to, diag);
	store_sort_events(s);
	store_index(s, STORE_EVENTS, diag);
	for (i = 0; i < sizeof store_refs / sizeof store_refs[0]; i++)
		if (store_refs[i].from != STORE_EVENTS)
			store_check_ref(s, store_refs[i].from,
			    store_refs[i].column, store_refs[i].to, diag);
	store_views(s);

	if (diag_count(diag) != before) {
		store_free(s);
		return -1;
	}
	index_build(&s->index, s);
	return 0;
}

/*
 * Builds the folded texts of events, places and actors (fold.h) if they
 * are not built yet. They are a cache that only searches without accents
 * need, so they are made on the first such search rather than at every
 * load (2.5 s for a million events): the store is otherwise read-only,
 * which is why this takes a const store.
 */
void
store_fold(const struct store *s)
{
	struct store *w = (struct store *)s;

	if (w->folded)
		return;
	fold_store(w);
	w->folded = 1;
}

/* Frees everything the store holds. */
void
store_free(struct store *s)
{
	enum store_kind k;

	arena_fini(&s->arena);
	if (s->image == NULL)
		index_free(&s->index);
	for (k = 0; k < STORE_NKINDS; k++) {
		if (s->image == NULL) {
			free(s->t[k].rows);
			idmap_free(&s->t[k].ids);
		}
		free(s->t[k].path);
		free(s->t[k].fields);
	}
	if (s->image != NULL)
		munmap(s->image, s->image_len);
	free(s->dir);
	memset(s, 0, sizeof *s);
}

/* Returns the event with ID, or NULL. */
const struct event *
store_find_event(const struct store *s, const char *id)
{
	return store_find(s, STORE_EVENTS, id);
}

/* Returns the place with ID, or NULL. */
const struct place *
store_find_place(const struct store *s, const char *id)
{
	return store_find(s, STORE_PLACES, id);
}

/* Returns the actor with ID, or NULL. */
const struct actor *
store_find_actor(const struct store *s, const char *id)
{
	return store_find(s, STORE_ACTORS, id);
}

/* Returns the position of E in date order. */
size_t
store_index_of(const struct store *s, const struct event *e)
{
	return (size_t)(e - s->events);
}
