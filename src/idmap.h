/* idmap.h: rows found by their id in constant time.
 *
 * Contract: the map holds pointers to rows whose first member is their id
 * (const char *); it never copies or frees rows. idmap_put() returns the
 * row already there with the same id, if any, and then does not insert. */
#ifndef IDMAP_H
#define IDMAP_H

#include <stddef.h>
#include <stdint.h>

struct idmap_slot {
	uint64_t	 hash;
	const void	*row;		/* NULL: empty */
};

struct idmap {
	struct idmap_slot	*slots;
	size_t			 mask;	/* capacity - 1, a power of two */
	size_t			 n;
};

void		 idmap_init(struct idmap *, size_t expected);
void		 idmap_free(struct idmap *);
const void	*idmap_put(struct idmap *, const void *row);
const void	*idmap_get(const struct idmap *, const char *id);
uint64_t	 idmap_hash_id(const char *id);
uint64_t	 idmap_hash_bytes(const char *id, size_t len);
const void	*idmap_put_hashed(struct idmap *, const void *row, uint64_t hash);
void		 idmap_prefetch(const struct idmap *, uint64_t hash);

#endif
