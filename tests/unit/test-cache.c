/* test-cache.c: the store's cache file: a mapped store is the same store
 * as one parsed from the CSV files, and a stale, damaged or unmappable
 * cache is noticed, never trusted, and rebuilt. */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "diag.h"
#include "schema.h"
#include "store.h"
#include "unit.h"
#include "xalloc.h"

static char datadir[] = "/tmp/ttyatlas-cache-data-XXXXXX";
static char cachedir[] = "/tmp/ttyatlas-cache-home-XXXXXX";

/* Copies every file of FROM into TO. */
static void
copy_dir(const char *from, const char *to)
{
	struct dirent *de;
	DIR *d = opendir(from);
	char *src, *dst, buf[65536];
	FILE *in, *out;
	size_t n;

	CHECK(d != NULL);
	while (d != NULL && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		xasprintf(&src, "%s/%s", from, de->d_name);
		xasprintf(&dst, "%s/%s", to, de->d_name);
		in = fopen(src, "rb");
		out = fopen(dst, "wb");
		while (in != NULL && out != NULL &&
		    (n = fread(buf, 1, sizeof buf, in)) > 0)
			fwrite(buf, 1, n, out);
		if (in != NULL)
			fclose(in);
		if (out != NULL)
			fclose(out);
		free(src);
		free(dst);
	}
	if (d != NULL)
		closedir(d);
}

/* Removes DIR and the files in it. */
static void
remove_dir(const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	char *path;

	while (d != NULL && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		xasprintf(&path, "%s/%s", dir, de->d_name);
		unlink(path);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

/* Loads the data directory through the cache; returns what happened. */
static enum cache_state
load(struct store *s, enum cache_mode mode, int readonly, char **why)
{
	struct cache_opts o = { mode, readonly, NULL };
	struct cache_report r;
	struct diag d;
	enum cache_state st;

	diag_init(&d);
	CHECK(cache_load(s, datadir, &o, &d, &r) == 0);
	CHECK(d.n == 0);
	diag_fini(&d);
	st = r.state;
	if (why != NULL)
		*why = r.why != NULL ? xstrdup(r.why) : xstrdup("");
	cache_report_free(&r);
	return st;
}

static int
same_text(const char *a, size_t alen, const char *b, size_t blen)
{
	if (a == NULL || b == NULL)
		return a == b;
	return alen == blen && memcmp(a, b, alen) == 0;
}

/* Checks that A (parsed) and B (mapped) hold the same rows, ids and
 * indexes: every column of every row, as the program reads them. */
static void
check_same(const struct store *a, const struct store *b)
{
	const struct schema *sc;
	char ba[64], bb[64];
	size_t i, j, size, fails = 0;
	enum store_kind k;

	for (k = 0; k < STORE_NKINDS; k++) {
		CHECK(a->t[k].n == b->t[k].n);
		CHECK(a->t[k].present == b->t[k].present);
		if (a->t[k].n != b->t[k].n)
			continue;
		sc = store_schema(k);
		size = store_row_size(k);
		for (i = 0; i < a->t[k].n; i++) {
			const char *ra = (const char *)a->t[k].rows + i * size;
			const char *rb = (const char *)b->t[k].rows + i * size;
			const char *id = *(const char *const *)rb;

			for (j = 0; j < sc->ncols; j++)
				if (strcmp(schema_field_text(&sc->cols[j], ra,
				    ba, sizeof ba), schema_field_text(&sc->cols[j],
				    rb, bb, sizeof bb)) != 0)
					fails++;
			if (sc->has_search && !same_text(
			    *(const char *const *)(ra + sc->search_off),
			    *(const size_t *)(ra + sc->search_len_off),
			    *(const char *const *)(rb + sc->search_off),
			    *(const size_t *)(rb + sc->search_len_off)))
				fails++;
			if (store_find(b, k, id) != rb)
				fails++;
		}
	}
	for (i = 0; i < a->nevents; i++)
		if (!same_text(a->events[i].ftext, a->events[i].ftext_len,
		    b->events[i].ftext, b->events[i].ftext_len) ||
		    a->index.first[i] != b->index.first[i] ||
		    a->index.last[i] != b->index.last[i])
			fails++;
	for (i = 0; i < a->nplaces; i++)
		if (!same_text(a->places[i].ftext, a->places[i].ftext_len,
		    b->places[i].ftext, b->places[i].ftext_len))
			fails++;
	CHECK(a->index.nlong == b->index.nlong);
	CHECK(memcmp(a->index.event_places.off, b->index.event_places.off,
	    (a->nevents + 1) * sizeof(uint32_t)) == 0);
	CHECK(memcmp(a->index.place_events.item, b->index.place_events.item,
	    a->index.place_events.off[a->nplaces] * sizeof(uint32_t)) == 0);
	CHECK(memcmp(a->index.actor_children.off, b->index.actor_children.off,
	    (a->nactors + 1) * sizeof(uint32_t)) == 0);
	CHECK(store_find_event(b, "no-such-event") == NULL);
	CHECK(fails == 0);
}

/* The cache file: the only file in the cache directory. */
static char *
cache_file(void)
{
	struct dirent *de;
	char *dir, *path = NULL;
	DIR *d;

	xasprintf(&dir, "%s/ttyatlas", cachedir);
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL)
			if (de->d_name[0] != '.' && path == NULL)
				xasprintf(&path, "%s/%s", dir, de->d_name);
		closedir(d);
	}
	free(dir);
	return path;
}

/* Returns the offset of the byte after the first WORD in PATH. */
static long
find(const char *path, const char *word)
{
	char buf[65536], *p;
	FILE *fp = fopen(path, "rb");
	size_t n = fp != NULL ? fread(buf, 1, sizeof buf - 1, fp) : 0;

	if (fp != NULL)
		fclose(fp);
	buf[n] = '\0';
	p = strstr(buf, word);
	CHECK(p != NULL);
	return p != NULL ? (long)(p - buf) + 1 : 0;
}

/* Overwrites one byte at OFF (from the end if negative) of PATH. */
static void
poke(const char *path, long off, char c)
{
	int fd = open(path, O_WRONLY);
	struct stat st;

	CHECK(fd != -1 && fstat(fd, &st) == 0);
	if (off < 0)
		off += (long)st.st_size;
	CHECK(pwrite(fd, &c, 1, off) == 1);
	close(fd);
}

int
main(void)
{
	struct store parsed, mapped, other;
	struct diag d;
	struct stat st;
	struct timespec times[2];
	char *data, *why, *path, *events;

	CHECK(mkdtemp(datadir) != NULL && mkdtemp(cachedir) != NULL);
	xasprintf(&data, "%s/data", getenv("SRCDIR") ? getenv("SRCDIR") : ".");
	copy_dir(data, datadir);
	free(data);
	setenv("XDG_CACHE_HOME", cachedir, 1);
	xasprintf(&events, "%s/events.csv", datadir);

	diag_init(&d);
	CHECK(store_load(&parsed, datadir, &d) == 0);
	diag_fini(&d);
	store_fold(&parsed);

	/* Small data makes no cache unless asked; then written, mapped. */
	CHECK(load(&mapped, CACHE_AUTO, 0, NULL) == CACHE_UNUSED);
	CHECK(mapped.image == NULL);
	store_free(&mapped);
	CHECK(cache_file() == NULL);
	CHECK(load(&mapped, CACHE_ON, 1, &why) == CACHE_UNUSED);
	CHECK(cache_file() == NULL);		/* read-only writes nothing */
	store_free(&mapped);
	free(why);
	CHECK(load(&mapped, CACHE_ON, 0, &why) == CACHE_WRITTEN);
	CHECK_STR(why, "there is none yet");
	free(why);
	store_free(&mapped);
	CHECK(load(&mapped, CACHE_ON, 0, NULL) == CACHE_MAPPED);
	CHECK(mapped.image != NULL);
	check_same(&parsed, &mapped);

	/* While one store is mapped another cannot be at the same address:
	 * it is parsed, and the good cache is left alone. */
	path = cache_file();
	CHECK(path != NULL && stat(path, &st) == 0);
	CHECK(load(&other, CACHE_ON, 0, &why) == CACHE_UNUSED);
	CHECK_STR(why, "its address is in use");
	free(why);
	store_fold(&other);	/* built on the first search otherwise */
	check_same(&parsed, &other);
	store_free(&other);
	store_free(&mapped);

	/* A changed file makes the cache stale, even with the same size and
	 * modification time: the file was written just now, so its content
	 * is checked too. */
	CHECK(stat(events, &st) == 0);
	poke(events, find(events, " the "), 'T');	/* a summary's "the" */
	times[0] = st.st_atim;
	times[1] = st.st_mtim;
	CHECK(utimensat(AT_FDCWD, events, times, 0) == 0);
	CHECK(load(&mapped, CACHE_ON, 0, &why) == CACHE_WRITTEN);
	CHECK_STR(why, "events.csv changed");
	free(why);
	store_free(&mapped);
	CHECK(load(&mapped, CACHE_ON, 0, NULL) == CACHE_MAPPED);
	store_free(&mapped);

	/* A damaged cache: one byte of its body, or a cut. */
	free(path);
	path = cache_file();
	poke(path, -100, 0x55);
	CHECK(load(&mapped, CACHE_ON, 0, &why) == CACHE_WRITTEN);
	CHECK_STR(why, "damaged: checksum");
	free(why);
	store_free(&mapped);
	CHECK(stat(path, &st) == 0 && truncate(path, st.st_size - 1) == 0);
	CHECK(load(&mapped, CACHE_ON, 0, &why) == CACHE_WRITTEN);
	CHECK_STR(why, "damaged: header checksum or size");
	free(why);
	store_free(&mapped);
	poke(path, 20, 0x7f);	/* the header */
	CHECK(load(&mapped, CACHE_ON, 0, &why) == CACHE_WRITTEN);
	CHECK(strncmp(why, "damaged: ", 9) == 0 ||
	    strcmp(why, "another version of ttyatlas made it") == 0);
	free(why);
	store_free(&mapped);
	CHECK(load(&mapped, CACHE_ON, 0, NULL) == CACHE_MAPPED);
	store_free(&mapped);

	/* A table that goes away makes the cache stale too. */
	xasprintf(&data, "%s/claims.csv", datadir);
	CHECK(unlink(data) == 0);
	free(data);
	CHECK(load(&mapped, CACHE_ON, 0, &why) == CACHE_WRITTEN);
	CHECK_STR(why, "claims.csv changed");
	free(why);
	CHECK(mapped.nclaims == 0 && !mapped.t[STORE_CLAIMS].present);
	store_free(&mapped);

	store_free(&parsed);
	free(path);
	free(events);
	remove_dir(datadir);
	xasprintf(&data, "%s/ttyatlas", cachedir);
	remove_dir(data);
	free(data);
	remove_dir(cachedir);
	UNIT_END();
}
