/* store.c: loading a data directory into memory and checking its
 * references.
 *
 * Every table is described by a row in store_kinds[]: its file, its schema
 * and the size of its rows. Every row struct begins with its id, so one
 * loader and one id index serve all tables. References between tables are
 * checked after all are loaded (a place may name a parent further down its
 * file); the column of a bad reference is found again in the file only
 * when there is one to report.
 *
 * A large events.csv is read on every core (table_read_parts), each part
 * into rows of its own; as each event is read, what the sort, the
 * reference checks and the index need is taken from it while it is in
 * the cache. The parts' rows are then merged in date order, on as many
 * threads. Whatever the parts, the store and the problems reported are
 * those of reading the file in one go. */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Links from events to the rows of a table, in the order the events
 * were read: the items of event r are item[off[r]..off[r+1]). */
struct store_links {
	uint32_t	*off;
	uint32_t	*item;
	size_t		 nitem, ialloc;
};

/*
 * A compact copy of a table's id map for the events' reference checks:
 * slots hold the row's index and where its id is in one string of all
 * ids, so a million events' lookups stay in the cache while the events
 * stream through it (through the map, each lookup read a row and then
 * its id, each a cache miss). The first row with an id is the one found,
 * as in the map.
 */
struct store_idslot {
	uint64_t	 hash;
	uint32_t	 row;		/* index + 1; 0: empty */
	uint32_t	 id;		/* offset in ids */
};
struct store_idset {
	struct store_idslot	*slots;
	size_t			 mask;
	char			*ids;
};

/* The events' columns that name rows of other tables. */
struct store_evref {
	size_t		 offset;	/* of the column in struct event */
	unsigned	 to;		/* TO() bits */
	int		 present;	/* a table it may point into exists */
	int		 link;		/* index of the links kept, or -1 */
	const struct store_idset *sets;	/* per kind: its ids */
};

/*
 * What reads one part of a table (table_read_parts): its rows and their
 * strings, and for events what the sort, the reference checks and the
 * index need, found while each row is fresh in the cache and on as many
 * threads as there are parts.
 */
struct store_loader {
	struct store		*store;
	enum store_kind		 kind;
	struct diag		*diag;
	struct schema_binding	 binding;
	size_t			 alloc;
	const struct schema_binding *b;	/* part 0's, bound to the header */
	unsigned		 part;
	void			*rows;
	size_t			 n;
	struct arena		 arena;
	struct store_sortkey	*keys;		/* events: one per row */
	uint64_t		*hashes;	/* events: their ids' */
	size_t			 kalloc;	/* keys, hashes, links' offsets */
	struct store_links	 links[2];	/* events: places, actors */
	const struct store_evref *refs;		/* events */
	size_t			 nrefs;
	int			 sorted;	/* rows in event_cmp order */
	int			 bad_refs;	/* an id named no row */
};

static void	store_event_row(struct store_loader *, const struct event *);

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

/* Adds a record to the part's rows; may run on several threads at once,
 * one per part, so it touches only its part and reads the rest. */
static int
store_row(const struct table_row *row, void *arg)
{
	struct store_loader *l = arg;
	struct diag *diag = table_diag(row->table);
	size_t size = store_kinds[l->kind].size;
	char *obj;

	if (row->is_header) {
		if (schema_bind_header(&l->binding, store_kinds[l->kind].schema,
		    row, diag) != 0)
			return -1;
		return 0;
	}
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 256;
		l->rows = xreallocarray(l->rows, l->alloc, size);
	}
	obj = (char *)l->rows + l->n * size;
	memset(obj, 0, size);
	if (schema_bind_row(l->b, row, obj, &l->arena, diag) != 0)
		return 0;
	*(unsigned *)(obj + store_kinds[l->kind].line_off) = row->line;
	if (l->kind == STORE_EVENTS)
		store_event_row(l, (const struct event *)obj);
	l->n++;
	return 0;
}

/* The order of events (event_cmp) as plain numbers, so sorting a
 * million events compares integers rather than computing calendar days
 * on every comparison: start day, start precision, end day (none first)
 * and end precision packed into one word, then the id's first 8 bytes in
 * another, so only ids longer than that and equal that far are read.
 * Days of 4-digit years are well within 2^24 of 1970. Keys are 32 bytes:
 * glibc's qsort sorts bigger elements through pointers. */
struct store_sortkey {
	uint64_t	 order;
	uint64_t	 prefix;	/* the id's first 8 bytes, big-endian */
	uint32_t	 pos;
	uint8_t		 part;		/* of the file read in parts */
	const char	*id;
};

static void
store_key(struct store_sortkey *key, const struct event *e, uint32_t pos)
{
	uint64_t first = (uint64_t)(date_first_day(&e->start) + (1 << 24));
	uint64_t end = date_is_set(&e->end) ?
	    (uint64_t)(date_first_day(&e->end) + (1 << 24) + 1) : 0;
	size_t i;

	key->order = first << 32 | (uint64_t)e->start.prec << 29 |
	    end << 3 | e->end.prec;
	key->prefix = 0;
	for (i = 0; i < 8 && e->id[i] != '\0'; i++)
		key->prefix |= (uint64_t)(unsigned char)e->id[i] << (56 - 8 * i);
	key->part = 0;
	key->pos = pos;
	key->id = e->id;
}

static int
store_cmp_keys(const void *a, const void *b)
{
	const struct store_sortkey *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if (x->prefix != y->prefix)
		return x->prefix < y->prefix ? -1 : 1;
	/* Equal so far, and shorter than 8 bytes: the same id. */
	if ((x->prefix & 0xff) == 0)
		return 0;
	return strcmp(x->id + 8, y->id + 8);
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
	for (i = 0; i < n; i++)
		store_key(&keys[i], &ev[i], (uint32_t)i);
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

/* Indexes table K by id and reports duplicate ids; HASHES, if not NULL,
 * holds each row's idmap_hash_id(), found while the rows were read. */
static void
store_index_hashed(struct store *s, enum store_kind k,
    const uint64_t *hashes, struct diag *diag)
{
	struct store_table *t = &s->t[k];
	size_t i, size = store_kinds[k].size;
	const void *row, *dup, *first;

	idmap_init(&t->ids, t->n);
	for (i = 0; i < t->n; i++) {
		row = (const char *)t->rows + i * size;
		if (hashes != NULL && i + 16 < t->n)
			idmap_prefetch(&t->ids, hashes[i + 16]);
		if ((dup = hashes != NULL ?
		    idmap_put_hashed(&t->ids, row, hashes[i]) :
		    idmap_put(&t->ids, row)) == NULL)
			continue;
		/* Events are sorted by now: name the one earlier in the file. */
		first = store_line(k, dup) < store_line(k, row) ? dup : row;
		diag_add(diag, t->path, store_line(k, first == dup ? row : dup),
		    1, _("duplicate id '%s' (first on line %u)"), store_id(row),
		    store_line(k, first));
	}
}

static void
store_index(struct store *s, enum store_kind k, struct diag *diag)
{
	store_index_hashed(s, k, NULL, diag);
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

/* Parts bigger than this are worth a thread of their own. */
#define STORE_PART_MIN	(4u << 20)

/* Fills SET with the ids of table K's rows. */
static void
store_idset_build(struct store_idset *set, const struct store *s,
    enum store_kind k)
{
	const struct store_table *t = &s->t[k];
	size_t i, j, cap = 16, len, total = 0;
	const char *id;
	uint64_t h;

	for (i = 0; i < t->n; i++)
		total += strlen(store_id((const char *)t->rows +
		    i * store_kinds[k].size)) + 1;
	while (cap < t->n * 2)
		cap *= 2;
	set->slots = xcalloc(cap, sizeof *set->slots);
	set->mask = cap - 1;
	set->ids = xmalloc(total ? total : 1);
	for (i = 0, total = 0; i < t->n; i++) {
		id = store_id((const char *)t->rows + i * store_kinds[k].size);
		len = strlen(id);
		h = idmap_hash_bytes(id, len);
		for (j = h & set->mask; set->slots[j].row != 0;
		    j = (j + 1) & set->mask)
			if (set->slots[j].hash == h &&
			    strcmp(set->ids + set->slots[j].id, id) == 0)
				break;
		if (set->slots[j].row != 0)
			continue;	/* a duplicate: the first is kept */
		memcpy(set->ids + total, id, len + 1);
		set->slots[j].hash = h;
		set->slots[j].row = (uint32_t)i + 1;
		set->slots[j].id = (uint32_t)total;
		total += len + 1;
	}
}

/* Returns the index of the row whose id is the LEN bytes at ID, or -1. */
static long
store_idset_find(const struct store_idset *set, const char *id, size_t len)
{
	const char *sid;
	uint64_t h;
	size_t i, j;

	if (set->slots == NULL)
		return -1;
	h = idmap_hash_bytes(id, len);
	for (j = h & set->mask; set->slots[j].row != 0;
	    j = (j + 1) & set->mask) {
		if (set->slots[j].hash != h)
			continue;
		sid = set->ids + set->slots[j].id;
		for (i = 0; i < len && sid[i] == id[i]; i++)
			;
		if (i == len && sid[len] == '\0')
			return (long)set->slots[j].row - 1;
	}
	return -1;
}

/* Finds which columns of events name rows of other tables, as
 * store_check_ref() will check them, into REFS, and the ids they may name
 * into SETS; returns how many. */
static size_t
store_event_refs(const struct store *s, struct store_evref *refs,
    struct store_idset *sets)
{
	const struct schema_column *c;
	size_t i, n = 0;
	enum store_kind k;

	for (k = 0; k < STORE_EVENTS; k++)
		if (s->t[k].present)
			store_idset_build(&sets[k], s, k);

	for (i = 0; i < sizeof store_refs / sizeof store_refs[0]; i++) {
		if (store_refs[i].from != STORE_EVENTS ||
		    (c = store_column(STORE_EVENTS, store_refs[i].column,
		    NULL)) == NULL)
			continue;
		refs[n].offset = c->offset;
		refs[n].to = store_refs[i].to;
		refs[n].present = store_targets_present(s, store_refs[i].to);
		refs[n].link = -1;
		refs[n].sets = sets;
		if (c->offset == offsetof(struct event, place_ids) &&
		    store_refs[i].to == TO(STORE_PLACES))
			refs[n].link = 0;
		if (c->offset == offsetof(struct event, actor_ids) &&
		    store_refs[i].to == TO(STORE_ACTORS))
			refs[n].link = 1;
		n++;
	}
	return n;
}

static void
store_link(struct store_links *lk, uint32_t item)
{
	if (lk->nitem == lk->ialloc) {
		lk->ialloc = lk->ialloc ? lk->ialloc * 2 : 1024;
		lk->item = xreallocarray(lk->item, lk->ialloc,
		    sizeof *lk->item);
	}
	lk->item[lk->nitem++] = item;
}

/*
 * Takes what the sort and the index need from event E, the part's next
 * row, and resolves its references: each id as store_check_ref() looks
 * it up (cut to 255 bytes), each place and actor kept for the index as
 * index_build() would find it. An id that names no row only marks the
 * part: store_check_ref() then reports it, in its turn.
 */
static void
store_event_row(struct store_loader *l, const struct event *e)
{
	const struct store_evref *r;
	const char *p;
	enum store_kind k;
	size_t i, len;
	long found;

	if (l->n == l->kalloc) {
		l->kalloc = l->alloc;
		l->keys = xreallocarray(l->keys, l->kalloc, sizeof *l->keys);
		l->hashes = xreallocarray(l->hashes, l->kalloc,
		    sizeof *l->hashes);
		for (i = 0; i < 2; i++)
			l->links[i].off = xreallocarray(l->links[i].off,
			    l->kalloc + 1, sizeof *l->links[i].off);
	}
	store_key(&l->keys[l->n], e, (uint32_t)l->n);
	l->keys[l->n].part = (uint8_t)l->part;
	l->hashes[l->n] = idmap_hash_id(e->id);
	if (l->n > 0 && event_cmp((const struct event *)l->rows + l->n - 1,
	    e) > 0)
		l->sorted = 0;
	for (i = 0; i < 2; i++)
		l->links[i].off[l->n] = (uint32_t)l->links[i].nitem;
	for (r = l->refs; r < l->refs + l->nrefs; r++) {
		p = *(const char *const *)((const char *)e + r->offset);
		for (;;) {
			while (*p == ';')
				p++;
			if (*p == '\0')
				break;
			for (len = 0; p[len] != '\0' && p[len] != ';'; len++)
				;
			found = -1;
			for (k = 0; k < STORE_NKINDS && found < 0; k++)
				if (r->to & TO(k))
					found = store_idset_find(&r->sets[k], p,
					    len < 255 ? len : 255);
			p += len;
			if (found < 0) {
				if (r->present)
					l->bad_refs = 1;
				continue;
			}
			if (r->link >= 0)
				store_link(&l->links[r->link], (uint32_t)found);
		}
	}
}

/* Returns true if key X sorts after key Y (store_cmp_keys() > 0). */
static inline int
store_key_after(const struct store_sortkey *x, const struct store_sortkey *y)
{
	if (x->order != y->order)
		return x->order > y->order;
	if (x->prefix != y->prefix)
		return x->prefix > y->prefix;
	return (x->prefix & 0xff) != 0 && strcmp(x->id + 8, y->id + 8) > 0;
}

/*
 * Sorts the N keys at K in store_cmp_keys() order with the help of N keys
 * of room at TMP, equal keys kept in their order, as glibc's qsort() (a
 * merge sort) does: the same merge sort, with the comparison inlined.
 * Runs of 16 are sorted by insertion, then merged bottom-up.
 */
static void
store_msort(struct store_sortkey *k, struct store_sortkey *tmp, size_t n)
{
	struct store_sortkey *from, *to, *swap, key;
	size_t i, j, w, lo, mid, hi, a, b, o;

	for (lo = 0; lo < n; lo += 16) {
		hi = lo + 16 < n ? lo + 16 : n;
		for (i = lo + 1; i < hi; i++) {
			key = k[i];
			for (j = i; j > lo && store_key_after(&k[j - 1], &key);
			    j--)
				k[j] = k[j - 1];
			k[j] = key;
		}
	}
	from = k;
	to = tmp;
	for (w = 16; w < n; w *= 2) {
		for (lo = 0; lo < n; lo += 2 * w) {
			mid = lo + w < n ? lo + w : n;
			hi = lo + 2 * w < n ? lo + 2 * w : n;
			for (a = lo, b = mid, o = lo; a < mid && b < hi; o++)
				to[o] = store_key_after(&from[a], &from[b]) ?
				    from[b++] : from[a++];
			while (a < mid)
				to[o++] = from[a++];
			while (b < hi)
				to[o++] = from[b++];
		}
		swap = from;
		from = to;
		to = swap;
	}
	if (from != k)
		memcpy(k, from, n * sizeof *k);
}

/*
 * Sorts the N keys at K as store_msort() does, but first spreads them
 * into buckets by the top bits of their order (their dates), keeping
 * each bucket's keys in their order: each bucket, a few dozen keys for
 * dates spread over the years, is then sorted in the cache.
 */
static void
store_sort_keys(struct store_sortkey *k, size_t n)
{
	struct store_sortkey *tmp;
	uint64_t lo = UINT64_MAX, hi = 0;
	size_t *at, nb = 1, shift = 0, i, b;

	if (n < 2)
		return;
	tmp = xreallocarray(NULL, n, sizeof *tmp);
	for (i = 0; i < n; i++) {
		lo = k[i].order < lo ? k[i].order : lo;
		hi = k[i].order > hi ? k[i].order : hi;
	}
	while (nb < n / 32)
		nb *= 2;
	while (((hi - lo) >> shift) >= nb)
		shift++;
	if (nb == 1) {
		store_msort(k, tmp, n);
		free(tmp);
		return;
	}
	at = xcalloc(nb + 1, sizeof *at);
	for (i = 0; i < n; i++)
		at[((k[i].order - lo) >> shift) + 1]++;
	for (b = 0; b < nb; b++)
		at[b + 1] += at[b];
	for (i = 0; i < n; i++)
		tmp[at[(k[i].order - lo) >> shift]++] = k[i];
	/* at[b] is now where bucket b ends. */
	for (b = 0, i = 0; b < nb; i = at[b++])
		if (at[b] - i > 1)
			store_msort(tmp + i, k + i, at[b] - i);
	memcpy(k, tmp, n * sizeof *k);
	free(at);
	free(tmp);
}

/* After a part's last row, on its thread: sorts its events' keys. */
static void
store_part_done(void *arg)
{
	struct store_loader *l = arg;
	size_t i;

	if (l->kind != STORE_EVENTS || l->n == 0)
		return;
	for (i = 0; i < 2; i++)
		l->links[i].off[l->n] = (uint32_t)l->links[i].nitem;
	for (i = 1; i < l->n; i++)
		if (store_key_after(&l->keys[i - 1], &l->keys[i]))
			break;
	if (i < l->n)
		store_sort_keys(l->keys, l->n);
}

static void
store_loader_free(struct store_loader *l)
{
	size_t i;

	free(l->rows);
	free(l->keys);
	free(l->hashes);
	for (i = 0; i < 2; i++) {
		free(l->links[i].off);
		free(l->links[i].item);
	}
	arena_fini(&l->arena);
	l->rows = NULL;
	l->keys = NULL;
	l->hashes = NULL;
	memset(l->links, 0, sizeof l->links);
}

/*
 * Reads table K into the loaders L (TABLE_PARTS_MAX of them), in up to
 * PARTS parts of at least MIN_PART bytes. Returns how many loaders hold
 * rows that count; the others are emptied.
 */
static size_t
store_read(struct store *s, enum store_kind k, struct store_loader *l,
    const struct store_evref *refs, size_t nrefs, size_t parts,
    size_t min_part, struct diag *diag)
{
	struct store_table *t = &s->t[k];
	struct table_parts tp;
	void *args[TABLE_PARTS_MAX];
	size_t i;

	for (i = 0; i < TABLE_PARTS_MAX; i++) {
		memset(&l[i], 0, sizeof l[i]);
		l[i].store = s;
		l[i].kind = k;
		l[i].diag = diag;
		l[i].b = &l[0].binding;
		l[i].part = (unsigned)i;
		l[i].refs = refs;
		l[i].nrefs = nrefs;
		l[i].sorted = 1;
		arena_init(&l[i].arena);
		args[i] = &l[i];
	}
	memset(&tp, 0, sizeof tp);
	tp.max = k == STORE_EVENTS ? parts : 1;
	tp.min_size = min_part;
	tp.args = args;
	tp.done = store_part_done;
	table_read_parts(t->path, t->path, store_row, &tp, diag);
	for (i = tp.used; i < TABLE_PARTS_MAX; i++)
		store_loader_free(&l[i]);
	return tp.used;
}

/* Makes the rows of the N loaders L table K's, in file order, their
 * strings the store's, and frees the loaders. */
static void
store_join_rows(struct store *s, enum store_kind k, struct store_loader *l,
    size_t n)
{
	struct store_table *t = &s->t[k];
	size_t size = store_kinds[k].size, i, total = 0;

	for (i = 0; i < n; i++)
		total += l[i].n;
	if (n == 1) {
		t->rows = l[0].rows;
		l[0].rows = NULL;
	} else {
		t->rows = xreallocarray(NULL, total ? total : 1, size);
		for (i = 0, total = 0; i < n; i++) {
			if (l[i].n != 0)
				memcpy((char *)t->rows + total * size,
				    l[i].rows, l[i].n * size);
			total += l[i].n;
		}
	}
	t->n = total;
	for (i = 0; i < n; i++) {
		arena_merge(&s->arena, &l[i].arena);
		store_loader_free(&l[i]);
	}
}

/* Where each event of the store comes from: part, and row in the part. */
struct store_src {
	uint32_t	 part, pos;
};

/* A share of the copying store_join_events() does, for one thread. */
struct store_gather {
	struct store		*s;
	struct store_loader	*l;
	const struct store_src	*src;
	struct index_csr	*links;
	uint64_t		*hashes;
	size_t			 from, to;
	int			 round;
	size_t			 index;		/* of the thread */
	struct store_links	 mine[2];	/* its events' links */
	uint32_t		 base[2];	/* where they go */
	pthread_t		 thread;
};

/* Asks for the row SC and its links' offsets to be fetched: rows are
 * read in date order, all over memory, and waiting for each in turn took
 * a quarter longer. */
static void
store_gather_prefetch(const struct store_gather *g, const struct store_src *sc)
{
#ifdef __GNUC__
	const struct store_loader *l = &g->l[sc->part];
	const char *row = (const char *)l->rows + sc->pos * sizeof(struct event);
	size_t off;

	for (off = 0; off < sizeof(struct event); off += 64)
		__builtin_prefetch(row + off);
	__builtin_prefetch(&l->links[0].off[sc->pos]);
	__builtin_prefetch(&l->links[1].off[sc->pos]);
#endif
}

/*
 * Copies the events from FROM to TO, their hashes, and their places and
 * actors to a list of its own, with offsets from the start of it (first
 * round); then, once it knows where its lists go, moves them there and
 * frees what its part no longer needs (second round).
 */
static void *
store_gather(void *arg)
{
	struct store_gather *g = arg;
	const struct store_links *lk;
	const struct store_src *sc;
	struct store_loader *own;
	struct event *ev = g->s->t[STORE_EVENTS].rows;
	size_t i, j;
	uint32_t k;

	if (g->round == 0) {
		memset(g->mine, 0, sizeof g->mine);
		for (i = g->from; i < g->to; i++) {
			if (i + 8 < g->to)
				store_gather_prefetch(g, &g->src[i + 8]);
			sc = &g->src[i];
			ev[i] = ((const struct event *)
			    g->l[sc->part].rows)[sc->pos];
			g->hashes[i] = g->l[sc->part].hashes[sc->pos];
			for (j = 0; j < 2; j++) {
				lk = &g->l[sc->part].links[j];
				g->links[j].off[i] = (uint32_t)g->mine[j].nitem;
				for (k = lk->off[sc->pos]; k < lk->off[sc->pos + 1];
				    k++)
					store_link(&g->mine[j], lk->item[k]);
			}
		}
		return NULL;
	}
	own = &g->l[g->index];
	free(own->rows);
	free(own->keys);
	free(own->hashes);
	own->rows = NULL;
	own->keys = NULL;
	own->hashes = NULL;
	for (j = 0; j < 2; j++) {
		for (i = g->from; i < g->to; i++)
			g->links[j].off[i] += g->base[j];
		if (g->mine[j].nitem != 0)
			memcpy(g->links[j].item + g->base[j], g->mine[j].item,
			    g->mine[j].nitem * sizeof *g->mine[j].item);
		free(g->mine[j].item);
	}
	return NULL;
}

/* Runs round ROUND of store_gather() on the N shares G, on as many
 * threads; the calling thread does the shares no thread could take. */
static void
store_gather_all(struct store_gather *g, size_t n, int round)
{
	size_t i, started;

	for (i = 0; i < n; i++)
		g[i].round = round;
	for (started = 1; started < n; started++)
		if (pthread_create(&g[started].thread, NULL, store_gather,
		    &g[started]) != 0)
			break;
	store_gather(&g[0]);
	for (i = started; i < n; i++)
		store_gather(&g[i]);
	for (i = 1; i < started; i++)
		pthread_join(g[i].thread, NULL);
}

/*
 * Makes the events of the N loaders L the store's in date order, as
 * store_sort_events() would order them once joined in file order: left
 * as they are if that is date order already, else by their sort keys,
 * which each part sorted on its thread and which are merged here, equal
 * keys in file order. The links to places and actors go to LINKS and the
 * ids' hashes to *HASHES in the same order. The copying is done on one
 * thread per part. Frees the loaders.
 */
static void
store_join_events(struct store *s, struct store_loader *l, size_t n,
    struct index_csr *links, uint64_t **hashes)
{
	struct store_table *t = &s->t[STORE_EVENTS];
	struct store_gather g[TABLE_PARTS_MAX];
	const struct store_sortkey *key;
	struct store_src *src;
	size_t head[TABLE_PARTS_MAX], total = 0, nitem[2] = { 0, 0 };
	size_t i, j, p, pos, last = 0;
	int sorted = 1;
	uint32_t fill[2] = { 0, 0 };

	for (p = 0; p < n; p++) {
		total += l[p].n;
		for (j = 0; j < 2; j++)
			nitem[j] += l[p].links[j].nitem;
		sorted = sorted && l[p].sorted;
		head[p] = 0;
		if (l[p].n == 0)
			continue;
		if (total > l[p].n && event_cmp((const struct event *)
		    l[last].rows + l[last].n - 1, l[p].rows) > 0)
			sorted = 0;
		last = p;
	}
	t->rows = xreallocarray(NULL, total ? total : 1, sizeof(struct event));
	t->n = total;
	*hashes = xreallocarray(NULL, total ? total : 1, sizeof **hashes);
	src = xreallocarray(NULL, total ? total : 1, sizeof *src);
	for (j = 0; j < 2; j++) {
		links[j].off = xreallocarray(NULL, total + 1,
		    sizeof *links[j].off);
		links[j].item = xreallocarray(NULL, nitem[j] ? nitem[j] : 1,
		    sizeof *links[j].item);
	}
	for (i = 0, p = 0; i < total; i++) {
		if (sorted) {
			while (head[p] == l[p].n)
				p++;
			pos = head[p]++;
		} else {
			key = NULL;
			for (j = 0; j < n; j++) {
				if (head[j] == l[j].n)
					continue;
				if (key == NULL || store_cmp_keys(
				    &l[j].keys[head[j]], key) < 0) {
					key = &l[j].keys[head[j]];
					p = j;
				}
			}
			head[p]++;
			pos = key->pos;
		}
		src[i].part = (uint32_t)p;
		src[i].pos = (uint32_t)pos;
	}

	for (i = 0; i < n; i++) {
		g[i].s = s;
		g[i].l = l;
		g[i].src = src;
		g[i].links = links;
		g[i].hashes = *hashes;
		g[i].index = i;
		g[i].from = total / n * i;
		g[i].to = i + 1 < n ? total / n * (i + 1) : total;
	}
	store_gather_all(g, n, 0);
	for (i = 0; i < n; i++)
		for (j = 0; j < 2; j++) {
			g[i].base[j] = fill[j];
			fill[j] += (uint32_t)g[i].mine[j].nitem;
		}
	for (j = 0; j < 2; j++)
		links[j].off[total] = fill[j];
	store_gather_all(g, n, 1);
	free(src);
	for (p = 0; p < n; p++) {
		arena_merge(&s->arena, &l[p].arena);
		store_loader_free(&l[p]);
	}
}

/* The index built on a thread of its own (store_index_main). */
struct store_indexer {
	const struct store	*s;
	struct index		 index;
	struct index_csr	*links;
	pthread_t		 thread;
};

static void *
store_index_main(void *arg)
{
	struct store_indexer *x = arg;

	index_build_linked(&x->index, x->s, &x->links[0], &x->links[1]);
	return NULL;
}

/* Returns the number of processors to read with. */
static size_t
store_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > TABLE_PARTS_MAX ? TABLE_PARTS_MAX : (size_t)n;
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
	return store_load_parts(s, dir, store_cpus(), STORE_PART_MIN, diag);
}

/*
 * Loads DIR as store_load() does, reading events.csv in up to PARTS parts
 * of at least MIN_PART bytes at once (table_read_parts), one thread each.
 * The store and the problems are the same whatever the parts.
 */
int
store_load_parts(struct store *s, const char *dir, size_t parts,
    size_t min_part, struct diag *diag)
{
	struct store_loader *l, *ev = NULL;
	struct store_evref refs[8];
	struct store_idset sets[STORE_NKINDS];
	struct index_csr links[2];
	struct store_indexer x;
	uint64_t *hashes = NULL;
	struct stat st;
	size_t before = diag_count(diag), i, nrefs = 0, nev = 0, used;
	int linked = 0, bad_refs = 0, indexing = 0;
	enum store_kind k;

	memset(s, 0, sizeof *s);
	arena_init(&s->arena);
	s->dir = xstrdup(dir);
	memset(links, 0, sizeof links);
	memset(sets, 0, sizeof sets);

	l = xcalloc(TABLE_PARTS_MAX, sizeof *l);
	for (k = 0; k < STORE_NKINDS; k++) {
		struct store_table *t = &s->t[k];

		xasprintf(&t->path, "%s/%s", dir, store_kinds[k].file);
		if (!store_kinds[k].required && stat(t->path, &st) != 0)
			continue;
		t->present = 1;
		/* The events' references are resolved as each event is
		 * read: the tables they name are all read by now. */
		if (k == STORE_EVENTS)
			nrefs = store_event_refs(s, refs, sets);
		used = store_read(s, k, l, refs, nrefs, parts, min_part, diag);
		t->fields = xcalloc(store_kinds[k].schema->ncols, sizeof(int));
		for (i = 0; i < store_kinds[k].schema->ncols; i++)
			t->fields[i] = l[0].binding.col ?
			    l[0].binding.col[i] : -1;
		schema_binding_free(&l[0].binding);
		if (k == STORE_EVENTS) {
			ev = l;
			nev = used;
			l = xcalloc(TABLE_PARTS_MAX, sizeof *l);
		} else
			store_join_rows(s, k, l, used);
	}
	free(l);
	for (k = 0; k < STORE_NKINDS; k++) {
		free(sets[k].slots);
		free(sets[k].ids);
	}
	/*
	 * The events' references were checked as they were read, while
	 * their strings were fresh in the cache; checking a million events'
	 * references afterwards spent most of its time waiting on cache
	 * misses. Only if an id named no row are they checked again, in file
	 * order, to report it. Then the events are sorted, and only then
	 * indexed by id (the index points into the rows), before the
	 * references that point at events are checked.
	 */
	for (k = 0; k < STORE_NKINDS; k++)
		if (k != STORE_EVENTS)
			store_index(s, k, diag);
	for (i = 0; i < nev; i++)
		bad_refs = bad_refs || ev[i].bad_refs;
	if (ev != NULL && !bad_refs) {
		store_join_events(s, ev, nev, links, &hashes);
		linked = 1;
	} else {
		if (ev != NULL)
			store_join_rows(s, STORE_EVENTS, ev, nev);
		for (i = 0; i < sizeof store_refs / sizeof store_refs[0]; i++)
			if (store_refs[i].from == STORE_EVENTS)
				store_check_ref(s, store_refs[i].from,
				    store_refs[i].column, store_refs[i].to,
				    diag);
		store_sort_events(s);
	}
	free(ev);
	store_views(s);
	/* The index needs neither the events' ids nor the checks below:
	 * for events read in parts, it is built meanwhile on another
	 * thread, and thrown away if there was a problem. */
	x.s = s;
	x.links = links;
	if (linked && nev > 1 && pthread_create(&x.thread, NULL,
	    store_index_main, &x) == 0)
		indexing = 1;
	store_index_hashed(s, STORE_EVENTS, hashes, diag);
	free(hashes);
	for (i = 0; i < sizeof store_refs / sizeof store_refs[0]; i++)
		if (store_refs[i].from != STORE_EVENTS)
			store_check_ref(s, store_refs[i].from,
			    store_refs[i].column, store_refs[i].to, diag);
	if (indexing)
		pthread_join(x.thread, NULL);

	if (diag_count(diag) != before) {
		if (indexing)
			index_free(&x.index);
		for (i = 0; i < 2; i++) {
			free(links[i].off);
			free(links[i].item);
		}
		store_free(s);
		return -1;
	}
	if (indexing)
		s->index = x.index;
	else if (linked)
		index_build_linked(&s->index, s, &links[0], &links[1]);
	else
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
