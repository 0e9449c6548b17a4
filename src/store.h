/* store.h: the atlas's data, loaded once and read-only after.
 *
 * Contract: store_load() reads every table of a data directory into
 * memory: events.csv is required, the other tables are read when present
 * (an atlas may be no more than a list of events). It checks types, unique
 * ids and every reference between tables, adds each problem to the diag
 * list as file:line:column, and returns -1 if there was any; the store is
 * then empty and only store_free() may be called. Events are in date
 * order; every table can be searched by id. */
#ifndef STORE_H
#define STORE_H

#include <stddef.h>

#include "actor.h"
#include "arena.h"
#include "control.h"
#include "era.h"
#include "event.h"
#include "evidence.h"
#include "idmap.h"
#include "index.h"
#include "place.h"
#include "source.h"

struct diag;

enum store_kind {
	STORE_SOURCES,
	STORE_ERAS,
	STORE_PLACES,
	STORE_ACTORS,
	STORE_EVENTS,
	STORE_FIGURES,
	STORE_STATEMENTS,
	STORE_CONTROL,
	STORE_CLAIMS,
	STORE_NKINDS
};

struct store_table {
	void		 *rows;		/* struct event[], struct place[], ... */
	size_t		  n;
	struct idmap	  ids;		/* rows by id */
	char		 *path;		/* the file, for messages */
	int		 *fields;	/* schema column -> field in the file */
	int		  present;	/* the file exists */
};

struct store {
	struct arena		 arena;
	char			*dir;
	struct store_table	 t[STORE_NKINDS];

	/* Typed views of t[].rows. */
	struct event		*events;	/* sorted by event_cmp */
	size_t			 nevents;
	struct place		*places;
	size_t			 nplaces;
	struct actor		*actors;
	size_t			 nactors;
	struct era		*eras;
	size_t			 neras;
	struct source		*sources;
	size_t			 nsources;
	struct figure		*figures;
	size_t			 nfigures;
	struct statement	*statements;
	size_t			 nstatements;
	struct control		*control;
	size_t			 ncontrol;
	struct claim		*claims;
	size_t			 nclaims;

	struct index		 index;
	int			 folded;	/* the folded texts are built */

	/* A store mapped from a cache file (cache.h): rows, id maps and
	 * indexes point into it, and store_free() unmaps it. */
	void			*image;
	size_t			 image_len;
};

int			 store_load(struct store *, const char *dir, struct diag *);
int			 store_load_parts(struct store *, const char *dir,
			     size_t parts, size_t min_part, struct diag *);
void			 store_free(struct store *);
const void		*store_find(const struct store *, enum store_kind,
			     const char *id);
const struct schema	*store_schema(enum store_kind);
const char		*store_file(enum store_kind);
size_t			 store_row_size(enum store_kind);
void			 store_where(const struct store *, enum store_kind,
			     const void *row, const char *column,
			     unsigned *line, unsigned *col);
const struct event	*store_find_event(const struct store *, const char *id);
const struct place	*store_find_place(const struct store *, const char *id);
const struct actor	*store_find_actor(const struct store *, const char *id);
size_t			 store_index_of(const struct store *, const struct event *);
void			 store_fold(const struct store *);
void			 store_views(struct store *);

#endif
