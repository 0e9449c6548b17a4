/* cache.h: a loaded store saved in one file that later runs map.
 *
 * Contract: cache_load() fills a store from a data directory as
 * store_load() does, but first looks for the directory's cache file: when
 * this build made it from CSV files that have not changed since (size,
 * modification time and inode; and the contents' hash when a file was
 * changed close to the moment it was read), and its checksums hold, the
 * store is mapped from it read-only, shared with every other process that
 * maps it, and nothing is parsed. Otherwise the CSV files are loaded and,
 * when allowed, a new cache is written to a temporary file and renamed
 * into place, so no reader ever sees half a file and an interrupted write
 * leaves the previous cache whole. A cache that cannot be used is never
 * trusted: it is rebuilt. The folded search texts (fold.h) are in the
 * cache, so a mapped store never needs to write to itself. */
#ifndef CACHE_H
#define CACHE_H

#include <stddef.h>

struct diag;
struct store;

enum cache_mode {
	CACHE_AUTO,	/* for data directories of CACHE_AUTO_MIN bytes or more */
	CACHE_ON,	/* whatever the size */
	CACHE_OFF
};

#define CACHE_AUTO_MIN	(16u << 20)

struct cache_opts {
	enum cache_mode	 mode;
	int		 readonly;	/* map a cache but never write one */
	/* Called, if set, before a slow load: the CSV files of DIR (BYTES
	 * in all) are about to be parsed, and a cache written if SAVING. */
	void		(*loading)(const char *dir, unsigned long long bytes,
			    int saving);
};

enum cache_state {
	CACHE_UNUSED,	/* the CSV files were loaded, no cache written */
	CACHE_MAPPED,	/* the store was mapped from the cache */
	CACHE_WRITTEN	/* the CSV files were loaded and a cache written */
};

struct cache_report {
	enum cache_state state;
	char		*path;		/* the cache file, or NULL */
	char		*why;		/* why the cache was not mapped, or NULL */
	char		*error;		/* why it could not be written, or NULL */
	size_t		 size;		/* bytes of the cache file */
};

int	 cache_load(struct store *, const char *dir, const struct cache_opts *,
	     struct diag *, struct cache_report *);
void	 cache_report_free(struct cache_report *);

#endif
