/* cache.c: the store written to one file and mapped back (cache.h); the
 * only file that uses xxhash.
 *
 * The file is an image of the store at a fixed address, CACHE_BASE: every
 * pointer in it (a row's texts, an id map's rows) is written as the
 * address it has once the file is mapped there, so mapping the file is
 * the whole of loading, and its pages are shared by every process that
 * maps it. The address is far from where Linux puts programs, libraries,
 * the heap and ASan's shadow; if it is taken all the same, the CSV files
 * are loaded instead.
 *
 * Layout: a header page, then the arena's strings, each table's rows, id
 * map slots and header binding, the indexes' arrays, and last the few
 * strings rows point at outside the arena (enum values, ""). The header
 * says what the cache was made from and where each part is, and holds
 * two XXH3 checksums: of the header, and of everything after it. The
 * cache sits in the user's own cache directory: the checksums catch a
 * damaged file, not a forged one, as a shell's rc file is not checked
 * against its owner either.
 */
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "cache.h"
#include "diag.h"
#include "i18n.h"
#include "schema.h"
#include "store.h"
#include "xalloc.h"

#define CACHE_BASE	((uintptr_t)0x3e0000000000ULL)
#define CACHE_VERSION	1
#define CACHE_PAGE	4096
#define CACHE_RACY	2	/* seconds: see cache_build() */
#define CACHE_MAXSTATIC	4096	/* distinct strings outside the arena */
#define CACHE_CHUNK	(32u << 20)	/* bytes per checksum, see cache_verify */
#define CACHE_THREADS	8
#define CACHE_STALE_TMP	3600	/* seconds: a temporary file left by a
					 * killed writer is removed after */

#define CACHE_ALIGN(x, a)	(((x) + (a) - 1) & ~(uint64_t)((a) - 1))

static const char cache_magic[16] = "ttyatlas cache\n";

struct cache_section {
	uint64_t	 off;
	uint64_t	 len;
};

/* A CSV file as it was when the cache was made. */
struct cache_csv {
	uint64_t	 size;
	uint64_t	 ino;
	uint64_t	 dev;
	int64_t		 mtime_sec;
	int64_t		 mtime_nsec;
	uint64_t	 hash;		/* XXH3 of its bytes */
	uint32_t	 present;
	uint32_t	 racy;		/* changed close to being read */
};

struct cache_table {
	struct cache_csv	 csv;
	uint64_t		 n;
	uint64_t		 mask;
	uint64_t		 nids;
	struct cache_section	 rows;
	struct cache_section	 slots;
	struct cache_section	 fields;
};

/* The index's arrays: first, last, long_events, then off and item of
 * each compressed row in cache_csrs[] order. */
#define CACHE_NCSR	6
#define CACHE_NARRAYS	(3 + 2 * CACHE_NCSR)

struct cache_header {
	char			 magic[16];
	uint32_t		 version;
	uint32_t		 header_size;
	uint64_t		 fingerprint;	/* this build's layout */
	uint64_t		 base;
	uint64_t		 size;		/* of the whole file */
	int64_t			 built;		/* when the CSV files were read */
	uint64_t		 body_hash;	/* bytes CACHE_PAGE..size: the hash
						 * of each CACHE_CHUNK's hash */
	uint64_t		 nlong;
	struct cache_table	 t[STORE_NKINDS];
	struct cache_section	 arena;
	struct cache_section	 statics;
	struct cache_section	 index[CACHE_NARRAYS];
	uint64_t		 header_hash;	/* the bytes before it */
};

_Static_assert(sizeof(struct cache_header) <= CACHE_PAGE,
    "the cache header fits its page");
_Static_assert(sizeof(struct index) == 3 * sizeof(void *) + sizeof(size_t) +
    CACHE_NCSR * sizeof(struct index_csr),
    "cache.c saves every member of struct index: update cache_csrs");

static const struct {
	size_t		 off;		/* in struct index */
	enum store_kind	 rows;		/* the table of its rows */
} cache_csrs[CACHE_NCSR] = {
	{ offsetof(struct index, event_places), STORE_EVENTS },
	{ offsetof(struct index, event_actors), STORE_EVENTS },
	{ offsetof(struct index, place_events), STORE_PLACES },
	{ offsetof(struct index, actor_events), STORE_ACTORS },
	{ offsetof(struct index, place_children), STORE_PLACES },
	{ offsetof(struct index, actor_children), STORE_ACTORS },
};

/* Pointers in rows that no schema column describes: the folded texts. */
static const struct {
	enum store_kind	 k;
	size_t		 off;
} cache_extra[] = {
	{ STORE_EVENTS, offsetof(struct event, ftext) },
	{ STORE_PLACES, offsetof(struct place, ftext) },
	{ STORE_ACTORS, offsetof(struct actor, ftext) },
};

/* The offsets of the pointers in a row of table K; returns how many. */
static size_t
cache_pointers(enum store_kind k, size_t *off, size_t max)
{
	const struct schema *sc = store_schema(k);
	size_t i, n = 0;

	for (i = 0; i < sc->ncols && n < max; i++)
		switch (sc->cols[i].kind) {
		case SCHEMA_TEXT:
		case SCHEMA_ID:
		case SCHEMA_IDLIST:
		case SCHEMA_ENUM:
			off[n++] = sc->cols[i].offset;
			break;
		default:
			break;
		}
	if (sc->has_search && n < max)
		off[n++] = sc->search_off;
	for (i = 0; i < sizeof cache_extra / sizeof cache_extra[0]; i++)
		if (cache_extra[i].k == k && n < max)
			off[n++] = cache_extra[i].off;
	return n;
}

/* A hash of everything the file's layout depends on: a cache made by a
 * build with other structs or schemas is not this build's. */
static uint64_t
cache_fingerprint(void)
{
	XXH3_state_t st;
	const struct schema *sc;
	uint64_t v[8];
	size_t i, off[64], n;
	enum store_kind k;

	XXH3_INITSTATE(&st);
	XXH3_64bits_reset(&st);
	XXH3_64bits_update(&st, PACKAGE_VERSION, sizeof PACKAGE_VERSION);
	v[0] = CACHE_VERSION;
	v[1] = CACHE_BASE;
	v[2] = sizeof(void *);
	v[3] = sizeof(struct index);
	v[4] = sizeof(struct idmap_slot);
	v[5] = sizeof(struct cache_header);
	v[6] = 0x0102030405060708ULL;	/* byte order, by its bytes */
	v[7] = STORE_NKINDS;
	XXH3_64bits_update(&st, v, sizeof v);
	for (k = 0; k < STORE_NKINDS; k++) {
		sc = store_schema(k);
		XXH3_64bits_update(&st, sc->table, strlen(sc->table) + 1);
		v[0] = store_row_size(k);
		v[1] = sc->ncols;
		v[2] = (uint64_t)sc->has_search;
		v[3] = sc->search_off;
		v[4] = sc->search_len_off;
		XXH3_64bits_update(&st, v, 5 * sizeof v[0]);
		for (i = 0; i < sc->ncols; i++) {
			XXH3_64bits_update(&st, sc->cols[i].name,
			    strlen(sc->cols[i].name) + 1);
			v[0] = (uint64_t)sc->cols[i].kind;
			v[1] = sc->cols[i].offset;
			v[2] = (uint64_t)sc->cols[i].flags;
			XXH3_64bits_update(&st, v, 3 * sizeof v[0]);
		}
		n = cache_pointers(k, off, sizeof off / sizeof off[0]);
		XXH3_64bits_update(&st, off, n * sizeof off[0]);
	}
	return XXH3_64bits_digest(&st);
}

/* Returns the cache file of DIR (to be freed), or NULL if there is no
 * cache directory ($XDG_CACHE_HOME, else $HOME/.cache). */
static char *
cache_path(const char *dir, char **base)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *real, *path;

	if (xdg != NULL && xdg[0] == '/')
		xasprintf(base, "%s", xdg);
	else if (home != NULL && home[0] == '/')
		xasprintf(base, "%s/.cache", home);
	else
		return NULL;
	if ((real = realpath(dir, NULL)) == NULL) {
		free(*base);
		*base = NULL;
		return NULL;
	}
	xasprintf(&path, "%s/ttyatlas/%016llx.store", *base,
	    (unsigned long long)XXH3_64bits(real, strlen(real)));
	free(real);
	return path;
}

/* Fills C with the state of the file at PATH (not present if absent). */
static void
cache_stat(const char *path, struct cache_csv *c)
{
	struct stat st;

	memset(c, 0, sizeof *c);
	if (stat(path, &st) != 0)
		return;
	c->present = 1;
	c->size = (uint64_t)st.st_size;
	c->ino = (uint64_t)st.st_ino;
	c->dev = (uint64_t)st.st_dev;
	c->mtime_sec = (int64_t)st.st_mtim.tv_sec;
	c->mtime_nsec = (int64_t)st.st_mtim.tv_nsec;
}

static int
cache_same_stat(const struct cache_csv *a, const struct cache_csv *b)
{
	return a->present == b->present && a->size == b->size &&
	    a->ino == b->ino && a->dev == b->dev &&
	    a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec;
}

/* Hashes the file at PATH into *HASH. Returns 0, or -1. */
static int
cache_hash_file(const char *path, uint64_t *hash)
{
	XXH3_state_t st;
	size_t size = 1 << 20;
	char *buf;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	buf = xmalloc(size);
	XXH3_INITSTATE(&st);
	XXH3_64bits_reset(&st);
	while ((n = read(fd, buf, size)) > 0)
		XXH3_64bits_update(&st, buf, (size_t)n);
	free(buf);
	close(fd);
	if (n < 0)
		return -1;
	*hash = XXH3_64bits_digest(&st);
	return 0;
}

/* The state of every table's file in DIR; returns their total size. */
static uint64_t
cache_stat_all(const char *dir, struct cache_csv csv[STORE_NKINDS])
{
	uint64_t total = 0;
	enum store_kind k;
	char *path;

	for (k = 0; k < STORE_NKINDS; k++) {
		xasprintf(&path, "%s/%s", dir, store_file(k));
		cache_stat(path, &csv[k]);
		free(path);
		total += csv[k].size;
	}
	return total;
}

static int
cache_section_ok(const struct cache_section *sec, uint64_t size, uint64_t len)
{
	return sec->off >= CACHE_PAGE && sec->off <= size &&
	    sec->len <= size - sec->off && sec->off % 8 == 0 && sec->len == len;
}

/* The index's arrays and where their pointers are, for S with the row
 * counts N. */
static void
cache_arrays(struct index *ix, const uint64_t n[STORE_NKINDS], uint64_t nlong,
    void **ptr[CACHE_NARRAYS], uint64_t len[CACHE_NARRAYS])
{
	struct index_csr *csr;
	size_t i;

	ptr[0] = (void **)&ix->first;
	len[0] = n[STORE_EVENTS] * sizeof *ix->first;
	ptr[1] = (void **)&ix->last;
	len[1] = n[STORE_EVENTS] * sizeof *ix->last;
	ptr[2] = (void **)&ix->long_events;
	len[2] = nlong * sizeof *ix->long_events;
	for (i = 0; i < CACHE_NCSR; i++) {
		csr = (struct index_csr *)((char *)ix + cache_csrs[i].off);
		ptr[3 + 2 * i] = (void **)&csr->off;
		len[3 + 2 * i] = (n[cache_csrs[i].rows] + 1) * sizeof *csr->off;
		ptr[4 + 2 * i] = (void **)&csr->item;
		/* Known only once off is there: its last entry. */
		len[4 + 2 * i] = *ptr[3 + 2 * i] == NULL ? 0 :
		    (uint64_t)csr->off[n[cache_csrs[i].rows]] * sizeof *csr->item;
	}
}

/* Hashing a big cache's chunks on every core makes the check of every
 * byte cost a fraction of a second less than on one (0.08 s for 860 MB
 * on one core here). */
struct cache_verifier {
	const char	*body;
	size_t		 len;
	uint64_t	*hashes;
	size_t		 first, step, n;
};

static void *
cache_verify_chunks(void *arg)
{
	struct cache_verifier *v = arg;
	size_t i, off, len;

	for (i = v->first; i < v->n; i += v->step) {
		off = i * (size_t)CACHE_CHUNK;
		len = v->len - off < CACHE_CHUNK ? v->len - off : CACHE_CHUNK;
		v->hashes[i] = XXH3_64bits(v->body + off, len);
	}
	return NULL;
}

/* Returns the hash of the LEN bytes of BODY as the writer made it. */
static uint64_t
cache_verify(const char *body, size_t len)
{
	struct cache_verifier v[CACHE_THREADS];
	pthread_t tid[CACHE_THREADS];
	size_t n = (len + CACHE_CHUNK - 1) / CACHE_CHUNK, i, nt;
	uint64_t *hashes = xreallocarray(NULL, n ? n : 1, sizeof *hashes), h;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int started[CACHE_THREADS];

	nt = cpus < 1 ? 1 : cpus > CACHE_THREADS ? CACHE_THREADS : (size_t)cpus;
	if (nt > n)
		nt = n ? n : 1;
	for (i = 0; i < nt; i++) {
		v[i].body = body;
		v[i].len = len;
		v[i].hashes = hashes;
		v[i].first = i;
		v[i].step = nt;
		v[i].n = n;
		/* Thread 0 is this one; one that cannot start is done here. */
		started[i] = i != 0 &&
		    pthread_create(&tid[i], NULL, cache_verify_chunks, &v[i]) == 0;
	}
	for (i = 0; i < nt; i++)
		if (!started[i])
			cache_verify_chunks(&v[i]);
	for (i = 1; i < nt; i++)
		if (started[i])
			pthread_join(tid[i], NULL);
	h = XXH3_64bits(hashes, n * sizeof *hashes);
	free(hashes);
	return h;
}

/*
 * Checks the cache at PATH against the CSV files CSV and, if it holds,
 * maps it and fills S. Returns 0, or -1 with the reason in *WHY (-2 if
 * the cache is good but cannot be mapped in this process).
 */
static int
cache_open(struct store *s, const char *dir, const char *path,
    const struct cache_csv csv[STORE_NKINDS], char **why)
{
	struct cache_header h;
	struct stat st;
	struct index ix;
	void **ptr[CACHE_NARRAYS];
	uint64_t n[STORE_NKINDS], len[CACHE_NARRAYS], hash;
	char *map, *file;
	size_t i;
	enum store_kind k;
	int fd, flags = MAP_SHARED;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		xasprintf(why, errno == ENOENT ? _("there is none yet") : "%s",
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || st.st_size < CACHE_PAGE ||
	    pread(fd, &h, sizeof h, 0) != (ssize_t)sizeof h) {
		close(fd);
		xasprintf(why, _("damaged: too short"));
		return -1;
	}
	if (memcmp(h.magic, cache_magic, sizeof h.magic) != 0 ||
	    h.version != CACHE_VERSION || h.header_size != sizeof h ||
	    h.fingerprint != cache_fingerprint() || h.base != CACHE_BASE) {
		close(fd);
		xasprintf(why, _("another version of ttyatlas made it"));
		return -1;
	}
	if (XXH3_64bits(&h, offsetof(struct cache_header, header_hash)) !=
	    h.header_hash || h.size != (uint64_t)st.st_size) {
		close(fd);
		xasprintf(why, _("damaged: header checksum or size"));
		return -1;
	}
	for (k = 0; k < STORE_NKINDS; k++) {
		if (cache_same_stat(&h.t[k].csv, &csv[k]) && !h.t[k].csv.racy)
			continue;
		xasprintf(&file, "%s/%s", dir, store_file(k));
		if (cache_same_stat(&h.t[k].csv, &csv[k]) &&
		    cache_hash_file(file, &hash) == 0 &&
		    hash == h.t[k].csv.hash) {
			free(file);
			continue;
		}
		free(file);
		close(fd);
		xasprintf(why, _("%s changed"), store_file(k));
		return -1;
	}

	/* Every part must lie in the file with the size its counts give. */
	for (k = 0; k < STORE_NKINDS; k++)
		n[k] = h.t[k].n;
	for (k = 0; k < STORE_NKINDS; k++) {
		const struct cache_table *t = &h.t[k];

		if (!cache_section_ok(&t->rows, h.size, t->n *
		    store_row_size(k)) ||
		    !cache_section_ok(&t->slots, h.size, t->slots.len == 0 ? 0 :
		    (t->mask + 1) * sizeof(struct idmap_slot)) ||
		    !cache_section_ok(&t->fields, h.size, t->fields.len == 0 ?
		    0 : store_schema(k)->ncols * sizeof(int))) {
			close(fd);
			xasprintf(why, _("damaged: a part lies outside the "
			    "file"));
			return -1;
		}
	}

#ifdef MAP_FIXED_NOREPLACE
	flags |= MAP_FIXED_NOREPLACE;
#endif
	map = mmap((void *)CACHE_BASE, h.size, PROT_READ, flags, fd, 0);
	close(fd);
	if (map == MAP_FAILED || map != (char *)CACHE_BASE) {
		if (map != MAP_FAILED)
			munmap(map, h.size);
		xasprintf(why, _("its address is in use"));
		return -2;
	}
	if (cache_verify(map + CACHE_PAGE, h.size - CACHE_PAGE) != h.body_hash) {
		munmap(map, h.size);
		xasprintf(why, _("damaged: checksum"));
		return -1;
	}
	memset(&ix, 0, sizeof ix);
	for (i = 0; i < CACHE_NARRAYS; i++) {
		cache_arrays(&ix, n, h.nlong, ptr, len);
		if (!cache_section_ok(&h.index[i], h.size, len[i])) {
			munmap(map, h.size);
			xasprintf(why, _("damaged: a part lies outside the "
			    "file"));
			return -1;
		}
		*ptr[i] = map + h.index[i].off;
	}

	memset(s, 0, sizeof *s);
	arena_init(&s->arena);
	s->dir = xstrdup(dir);
	for (k = 0; k < STORE_NKINDS; k++) {
		struct store_table *t = &s->t[k];
		const struct cache_table *c = &h.t[k];

		xasprintf(&t->path, "%s/%s", dir, store_file(k));
		t->present = (int)c->csv.present;
		t->rows = map + c->rows.off;
		t->n = c->n;
		t->ids.slots = c->slots.len ?
		    (struct idmap_slot *)(map + c->slots.off) : NULL;
		t->ids.mask = c->mask;
		t->ids.n = c->nids;
		if (c->fields.len != 0) {
			t->fields = xmalloc(c->fields.len);
			memcpy(t->fields, map + c->fields.off, c->fields.len);
		}
	}
	s->index = ix;
	s->index.nlong = h.nlong;
	store_views(s);
	s->folded = 1;
	s->image = map;
	s->image_len = h.size;
	return 0;
}

/* Writing: a file written in order, hashed as it goes, with every
 * pointer turned into its address in the mapped image. */
struct cache_static {
	const char	*p;
	uint64_t	 off;
};

struct cache_writer {
	FILE			*f;
	uint64_t		 off;
	XXH3_state_t		 hash;		/* of the current chunk */
	uint64_t		*chunks;	/* hashes of the chunks done */
	size_t			 nchunks;
	int			 failed;
	const char		*why;		/* when failed */

	struct arena_span	*spans;		/* sorted by address */
	uint64_t		*span_off;
	size_t			 nspans;
	size_t			 last;		/* the span last found */

	struct cache_static	*statics;
	size_t			 nstatics;
	char			*stbuf;
	size_t			 stlen;
	uint64_t		 statics_off;
};

/* Ends a chunk of the body: keeps its hash, starts the next. */
static void
cache_chunk_done(struct cache_writer *w)
{
	if (w->nchunks % 64 == 0)
		w->chunks = xreallocarray(w->chunks, w->nchunks + 64,
		    sizeof *w->chunks);
	w->chunks[w->nchunks++] = XXH3_64bits_digest(&w->hash);
	XXH3_64bits_reset(&w->hash);
}

static void
cache_put(struct cache_writer *w, const void *p, size_t len)
{
	if (len == 0)
		return;
	const char *c = p;
	size_t n;

	if (fwrite(p, 1, len, w->f) != len && !w->failed) {
		w->failed = 1;
		w->why = strerror(errno);
	}
	while (len != 0) {
		/* Up to the end of the chunk the offset is in. */
		n = CACHE_CHUNK - (w->off - CACHE_PAGE) % CACHE_CHUNK;
		if (n > len)
			n = len;
		XXH3_64bits_update(&w->hash, c, n);
		c += n;
		len -= n;
		w->off += n;
		if ((w->off - CACHE_PAGE) % CACHE_CHUNK == 0)
			cache_chunk_done(w);
	}
}

/* Writes zeros up to offset OFF. */
static void
cache_seek(struct cache_writer *w, uint64_t off)
{
	static const char zero[64];
	size_t n;

	while (w->off < off) {
		n = off - w->off < sizeof zero ? (size_t)(off - w->off) :
		    sizeof zero;
		cache_put(w, zero, n);
	}
}

static int
cache_span_cmp(const void *a, const void *b)
{
	const struct arena_span *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Returns the span holding P (its end included), or -1. */
static ssize_t
cache_span(struct cache_writer *w, const char *p)
{
	size_t lo = 0, hi = w->nspans, mid;
	const struct arena_span *sp;

	if (w->nspans == 0)
		return -1;
	sp = &w->spans[w->last];
	if (p >= sp->start && p <= sp->start + sp->len)
		return (ssize_t)w->last;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		sp = &w->spans[mid];
		if (p < sp->start)
			hi = mid;
		else if (p > sp->start + sp->len)
			lo = mid + 1;
		else {
			w->last = mid;
			return (ssize_t)mid;
		}
	}
	return -1;
}

/* Returns the address P will have in the image: in the arena's copy, or
 * in the statics, where a string outside the arena is copied once. */
static uint64_t
cache_addr(struct cache_writer *w, const char *p)
{
	ssize_t i;
	size_t j, len;

	if (p == NULL)
		return 0;
	if ((i = cache_span(w, p)) >= 0)
		return CACHE_BASE + w->span_off[i] +
		    (uint64_t)(p - w->spans[i].start);
	for (j = 0; j < w->nstatics; j++)
		if (w->statics[j].p == p)
			return CACHE_BASE + w->statics_off + w->statics[j].off;
	if (w->nstatics == CACHE_MAXSTATIC) {
		w->failed = 1;
		w->why = "too many strings outside the arena";
		return 0;
	}
	if (w->nstatics % 64 == 0)
		w->statics = xreallocarray(w->statics, w->nstatics + 64,
		    sizeof *w->statics);
	len = strlen(p) + 1;
	w->stbuf = xreallocarray(w->stbuf, w->stlen + len, 1);
	memcpy(w->stbuf + w->stlen, p, len);
	w->statics[w->nstatics].p = p;
	w->statics[w->nstatics].off = w->stlen;
	w->nstatics++;
	w->stlen += len;
	return CACHE_BASE + w->statics_off + w->statics[w->nstatics - 1].off;
}

/* Writes the rows of table K with their pointers moved into the image.
 * A word that points into the arena but is not a known pointer means a
 * struct grew a member cache_pointers() does not know: nothing is
 * written then, rather than a cache that would crash its readers. */
static void
cache_write_rows(struct cache_writer *w, const struct store *s,
    enum store_kind k)
{
	size_t size = store_row_size(k), off[64], n, i, j, word;
	const char *row;
	char *buf = xmalloc(size);
	uint64_t v;
	uintptr_t u;
	int known;

	n = cache_pointers(k, off, sizeof off / sizeof off[0]);
	for (i = 0; i < s->t[k].n && !w->failed; i++) {
		row = (const char *)s->t[k].rows + i * size;
		memcpy(buf, row, size);
		for (j = 0; j < n; j++) {
			v = cache_addr(w, *(const char *const *)(row + off[j]));
			memcpy(buf + off[j], &v, sizeof v);
		}
		for (word = 0; word + sizeof u <= size; word += sizeof u) {
			for (known = 0, j = 0; j < n && !known; j++)
				known = off[j] == word;
			memcpy(&u, row + word, sizeof u);
			if (!known && u != 0 &&
			    cache_span(w, (const char *)u) >= 0) {
				w->failed = 1;
				w->why = "a row holds a pointer cache.c does "
				    "not know";
			}
		}
		cache_put(w, buf, size);
	}
	free(buf);
}

/* Writes the id map slots of table K, rows as image addresses. */
static void
cache_write_slots(struct cache_writer *w, const struct store *s,
    enum store_kind k, uint64_t rows_off)
{
	const struct store_table *t = &s->t[k];
	struct idmap_slot slot;
	size_t i;
	uint64_t addr;

	if (t->ids.slots == NULL)
		return;
	for (i = 0; i <= t->ids.mask; i++) {
		slot = t->ids.slots[i];
		if (slot.row != NULL) {
			addr = CACHE_BASE + rows_off + (uint64_t)
			    ((const char *)slot.row - (const char *)t->rows);
			memcpy(&slot.row, &addr, sizeof addr);
		}
		cache_put(w, &slot, sizeof slot);
	}
}

/* Lays out the image of S in H, its arena spans at W->span_off. */
static void
cache_layout(struct cache_header *h, struct cache_writer *w,
    const struct store *s)
{
	struct index ix = s->index;
	void **ptr[CACHE_NARRAYS];
	uint64_t off = CACHE_PAGE, n[STORE_NKINDS], len[CACHE_NARRAYS];
	size_t i;
	enum store_kind k;

	h->arena.off = off;
	for (i = 0; i < w->nspans; i++) {
		w->span_off[i] = off;
		off = CACHE_ALIGN(off + w->spans[i].len, 16);
	}
	h->arena.len = off - h->arena.off;
	for (k = 0; k < STORE_NKINDS; k++) {
		h->t[k].n = s->t[k].n;
		h->t[k].rows.off = off = CACHE_ALIGN(off, 64);
		h->t[k].rows.len = s->t[k].n * store_row_size(k);
		off += h->t[k].rows.len;
	}
	for (k = 0; k < STORE_NKINDS; k++) {
		h->t[k].mask = s->t[k].ids.mask;
		h->t[k].nids = s->t[k].ids.n;
		h->t[k].slots.off = off = CACHE_ALIGN(off, 64);
		h->t[k].slots.len = s->t[k].ids.slots == NULL ? 0 :
		    (s->t[k].ids.mask + 1) * sizeof(struct idmap_slot);
		off += h->t[k].slots.len;
	}
	for (k = 0; k < STORE_NKINDS; k++) {
		h->t[k].fields.off = off = CACHE_ALIGN(off, 8);
		h->t[k].fields.len = s->t[k].fields == NULL ? 0 :
		    store_schema(k)->ncols * sizeof(int);
		off += h->t[k].fields.len;
	}
	for (k = 0; k < STORE_NKINDS; k++)
		n[k] = s->t[k].n;
	h->nlong = s->index.nlong;
	cache_arrays(&ix, n, h->nlong, ptr, len);
	for (i = 0; i < CACHE_NARRAYS; i++) {
		h->index[i].off = off = CACHE_ALIGN(off, 64);
		h->index[i].len = len[i];
		off += len[i];
	}
	h->statics.off = w->statics_off = CACHE_ALIGN(off, 64);
}

/* Writes the image of S to the open file of W, header last. */
static void
cache_write_image(struct cache_writer *w, struct cache_header *h,
    const struct store *s)
{
	struct index ix = s->index;
	void **ptr[CACHE_NARRAYS];
	uint64_t n[STORE_NKINDS], len[CACHE_NARRAYS];
	size_t i;
	enum store_kind k;

	XXH3_INITSTATE(&w->hash);
	XXH3_64bits_reset(&w->hash);
	if (fseek(w->f, CACHE_PAGE, SEEK_SET) != 0) {
		w->failed = 1;
		w->why = strerror(errno);
	}
	w->off = CACHE_PAGE;
	for (i = 0; i < w->nspans; i++) {
		cache_seek(w, w->span_off[i]);
		cache_put(w, w->spans[i].start, w->spans[i].len);
	}
	for (k = 0; k < STORE_NKINDS; k++) {
		cache_seek(w, h->t[k].rows.off);
		cache_write_rows(w, s, k);
	}
	for (k = 0; k < STORE_NKINDS; k++) {
		cache_seek(w, h->t[k].slots.off);
		cache_write_slots(w, s, k, h->t[k].rows.off);
	}
	for (k = 0; k < STORE_NKINDS; k++) {
		cache_seek(w, h->t[k].fields.off);
		cache_put(w, s->t[k].fields, h->t[k].fields.len);
	}
	for (k = 0; k < STORE_NKINDS; k++)
		n[k] = s->t[k].n;
	cache_arrays(&ix, n, h->nlong, ptr, len);
	for (i = 0; i < CACHE_NARRAYS; i++) {
		cache_seek(w, h->index[i].off);
		cache_put(w, *ptr[i], len[i]);
	}
	cache_seek(w, h->statics.off);
	h->statics.len = w->stlen;
	cache_put(w, w->stbuf, w->stlen);
	h->size = w->off;
	if ((w->off - CACHE_PAGE) % CACHE_CHUNK != 0)
		cache_chunk_done(w);
	h->body_hash = XXH3_64bits(w->chunks, w->nchunks * sizeof *w->chunks);
	h->header_hash = XXH3_64bits(h,
	    offsetof(struct cache_header, header_hash));
	if ((fseek(w->f, 0, SEEK_SET) != 0 ||
	    fwrite(h, sizeof *h, 1, w->f) != 1) && !w->failed) {
		w->failed = 1;
		w->why = strerror(errno);
	}
}

/* Makes DIR and its parent if missing (0700). */
static int
cache_mkdir(const char *base, const char *dir)
{
	if (mkdir(base, 0700) != 0 && errno != EEXIST)
		return -1;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

/* Removes the temporary files of PATH that a writer killed before its
 * rename left behind; a younger one may be another writer's, at work. */
static void
cache_clean(const char *path)
{
	struct stat st;
	glob_t g;
	char *pattern;
	size_t i;

	xasprintf(&pattern, "%s.??????", path);
	if (glob(pattern, GLOB_NOSORT, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++)
			if (stat(g.gl_pathv[i], &st) == 0 &&
			    st.st_mtime < time(NULL) - CACHE_STALE_TMP)
				unlink(g.gl_pathv[i]);
		globfree(&g);
	}
	free(pattern);
}

/*
 * Writes the image of S to PATH through a temporary file renamed into
 * place. Returns 0, or -1 with the reason in *ERROR.
 */
static int
cache_write(const struct store *s, const char *base, const char *path,
    const struct cache_csv csv[STORE_NKINDS], int64_t built, char **error)
{
	struct cache_header *h = xcalloc(1, CACHE_PAGE);
	struct cache_writer w;
	char *tmp, *dir, *slash;
	enum store_kind k;
	int fd, rv = -1;

	memset(&w, 0, sizeof w);
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	xasprintf(&tmp, "%s.XXXXXX", path);
	if (cache_mkdir(base, dir) != 0 || (fd = mkstemp(tmp)) == -1) {
		xasprintf(error, "%s: %s", dir, strerror(errno));
		goto out;
	}
	if ((w.f = fdopen(fd, "w")) == NULL) {
		xasprintf(error, "%s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	setvbuf(w.f, NULL, _IOFBF, 1 << 20);
	cache_clean(path);

	memcpy(h->magic, cache_magic, sizeof h->magic);
	h->version = CACHE_VERSION;
	h->header_size = sizeof *h;
	h->fingerprint = cache_fingerprint();
	h->base = CACHE_BASE;
	h->built = built;
	for (k = 0; k < STORE_NKINDS; k++)
		h->t[k].csv = csv[k];
	w.nspans = arena_spans(&s->arena, &w.spans);
	qsort(w.spans, w.nspans, sizeof *w.spans, cache_span_cmp);
	w.span_off = xreallocarray(NULL, w.nspans ? w.nspans : 1,
	    sizeof *w.span_off);
	cache_layout(h, &w, s);
	cache_write_image(&w, h, s);

	if ((fflush(w.f) != 0 || fsync(fileno(w.f)) != 0) && !w.failed) {
		w.failed = 1;
		w.why = strerror(errno);
	}
	if (fclose(w.f) != 0 && !w.failed) {
		w.failed = 1;
		w.why = strerror(errno);
	}
	if (!w.failed && rename(tmp, path) != 0) {
		w.failed = 1;
		w.why = strerror(errno);
	}
	if (w.failed) {
		xasprintf(error, "%s: %s", tmp, w.why);
		unlink(tmp);
		goto out;
	}
	rv = 0;
out:
	free(w.spans);
	free(w.span_off);
	free(w.chunks);
	free(w.statics);
	free(w.stbuf);
	free(tmp);
	free(dir);
	free(h);
	return rv;
}

/*
 * Loads DIR's CSV files into S, noting each file's state and hash first
 * for the cache. A file modified within CACHE_RACY seconds of being read
 * may change again without its modification time showing it (the clock
 * ticks coarser than writes), so it is marked racy and the next run
 * checks it by content, as git does for its index. Returns as
 * store_load(); *CHANGED is set if a file changed while being read.
 */
static int
cache_build(struct store *s, const char *dir, struct cache_csv csv[STORE_NKINDS],
    int64_t *built, struct diag *diag, int *changed)
{
	struct cache_csv after[STORE_NKINDS];
	enum store_kind k;
	char *path;

	*built = (int64_t)time(NULL);
	*changed = 0;
	cache_stat_all(dir, csv);
	for (k = 0; k < STORE_NKINDS; k++) {
		if (!csv[k].present)
			continue;
		xasprintf(&path, "%s/%s", dir, store_file(k));
		if (cache_hash_file(path, &csv[k].hash) != 0)
			*changed = 1;
		free(path);
		csv[k].racy = csv[k].mtime_sec >= *built - CACHE_RACY;
	}
	if (store_load(s, dir, diag) != 0)
		return -1;
	cache_stat_all(dir, after);
	for (k = 0; k < STORE_NKINDS; k++)
		if (!cache_same_stat(&csv[k], &after[k]))
			*changed = 1;
	return 0;
}

/*
 * Fills S from DIR, through its cache when O allows (see cache.h), and
 * says in R what happened. Returns 0, or -1 with the data's problems in
 * DIAG, as store_load().
 */
int
cache_load(struct store *s, const char *dir, const struct cache_opts *o,
    struct diag *diag, struct cache_report *r)
{
	struct cache_csv csv[STORE_NKINDS];
	char *base = NULL;
	uint64_t total;
	int64_t built;
	int changed, rv;

	memset(r, 0, sizeof *r);
	if (o->mode == CACHE_OFF || sizeof(void *) != sizeof(uint64_t))
		return store_load(s, dir, diag);
	total = cache_stat_all(dir, csv);
	if (o->mode == CACHE_AUTO && total < CACHE_AUTO_MIN)
		return store_load(s, dir, diag);
	if ((r->path = cache_path(dir, &base)) == NULL) {
		xasprintf(&r->why, _("there is no cache directory "
		    "($XDG_CACHE_HOME or $HOME)"));
		return store_load(s, dir, diag);
	}
	if ((rv = cache_open(s, dir, r->path, csv, &r->why)) == 0) {
		r->state = CACHE_MAPPED;
		r->size = s->image_len;
		free(base);
		return 0;
	}
	if (o->loading != NULL && total >= CACHE_AUTO_MIN)
		o->loading(dir, (unsigned long long)total,
		    !o->readonly && rv != -2);
	if (o->readonly || rv == -2) {
		free(base);
		return store_load(s, dir, diag);
	}
	if (cache_build(s, dir, csv, &built, diag, &changed) != 0) {
		free(base);
		return -1;
	}
	if (changed)
		xasprintf(&r->error, _("the data changed while it was read"));
	else {
		store_fold(s);
		if (cache_write(s, base, r->path, csv, built, &r->error) == 0) {
			struct stat st;

			r->state = CACHE_WRITTEN;
			if (stat(r->path, &st) == 0)
				r->size = (size_t)st.st_size;
		}
	}
	free(base);
	return 0;
}

/* Frees what cache_load() put in R. */
void
cache_report_free(struct cache_report *r)
{
	free(r->path);
	free(r->why);
	free(r->error);
	memset(r, 0, sizeof *r);
}
