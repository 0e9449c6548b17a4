/* idmap.c: an open-addressing hash table of rows keyed by their id.
 *
 * Loading a million events checks several million references; sorted
 * arrays and bsearch made that the largest cost of loading (every probe a
 * strcmp), so ids are hashed (FNV-1a) into a table kept at most half full,
 * probed linearly. Each slot keeps the hash too: a probe that meets
 * another id compares numbers, and only a likely hit reads the row's id,
 * which is a cache miss away in a large store. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "xalloc.h"

static uint64_t
idmap_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h ^ (h >> 29);
}

/* The same hash of the LEN bytes at S. */
static uint64_t
idmap_hash_len(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h ^ (h >> 29);
}

static const char *
idmap_id(const void *row)
{
	return *(const char *const *)row;
}

/* Sets up an empty map sized for EXPECTED rows. */
void
idmap_init(struct idmap *m, size_t expected)
{
	size_t cap = 16;

	while (cap < expected * 2)
		cap *= 2;
	m->slots = xcalloc(cap, sizeof *m->slots);
	m->mask = cap - 1;
	m->n = 0;
}

/* Frees the table (not the rows). */
void
idmap_free(struct idmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->mask = m->n = 0;
}

static void
idmap_grow(struct idmap *m)
{
	struct idmap_slot *old = m->slots;
	size_t oldcap = m->mask + 1, i, j;

	m->slots = xcalloc(oldcap * 2, sizeof *m->slots);
	m->mask = oldcap * 2 - 1;
	for (i = 0; i < oldcap; i++) {
		if (old[i].row == NULL)
			continue;
		for (j = old[i].hash & m->mask; m->slots[j].row != NULL;
		    j = (j + 1) & m->mask)
			;
		m->slots[j] = old[i];
	}
	free(old);
}

/* Returns the hash of ID that the map uses, for idmap_put_hashed(). */
uint64_t
idmap_hash_id(const char *id)
{
	return idmap_hash(id);
}

/* Returns the same hash of the LEN bytes at ID. */
uint64_t
idmap_hash_bytes(const char *id, size_t len)
{
	return idmap_hash_len(id, len);
}

/* Inserts ROW; returns NULL, or the row that already has its id (ROW is
 * then not inserted). */
const void *
idmap_put(struct idmap *m, const void *row)
{
	return idmap_put_hashed(m, row, idmap_hash(idmap_id(row)));
}

/* Asks the processor to fetch the slot HASH is looked for in first, so
 * that putting many rows waits on one cache miss at a time, not each. */
void
idmap_prefetch(const struct idmap *m, uint64_t hash)
{
#ifdef __GNUC__
	__builtin_prefetch(&m->slots[hash & m->mask], 1);
#endif
}

/* Inserts ROW, whose id has the hash HASH (idmap_hash_id()), as
 * idmap_put() does: the row's id is read only if another has the same
 * hash. */
const void *
idmap_put_hashed(struct idmap *m, const void *row, uint64_t h)
{
	const char *id = idmap_id(row);
	size_t j;

	if ((m->n + 1) * 2 > m->mask + 1)
		idmap_grow(m);
	for (j = h & m->mask; m->slots[j].row != NULL; j = (j + 1) & m->mask)
		if (m->slots[j].hash == h &&
		    strcmp(idmap_id(m->slots[j].row), id) == 0)
			return m->slots[j].row;
	m->slots[j].hash = h;
	m->slots[j].row = row;
	m->n++;
	return NULL;
}

/* Returns the row with ID, or NULL. */
const void *
idmap_get(const struct idmap *m, const char *id)
{
	uint64_t h;
	size_t j;

	if (m->slots == NULL)
		return NULL;
	h = idmap_hash(id);
	for (j = h & m->mask; m->slots[j].row != NULL; j = (j + 1) & m->mask)
		if (m->slots[j].hash == h &&
		    strcmp(idmap_id(m->slots[j].row), id) == 0)
			return m->slots[j].row;
	return NULL;
}
