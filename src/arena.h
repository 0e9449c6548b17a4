/* arena.h: a bump allocator for strings that live as long as the store.
 *
 * Contract: memory handed out by an arena is freed all at once by
 * arena_fini(); it is never moved, so pointers stay valid. Allocation
 * never fails (see xalloc.h). */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct arena_block;

/* A run of bytes handed out by an arena (arena_spans). */
struct arena_span {
	const char	*start;
	size_t		 len;
};

struct arena {
	struct arena_block	*head;
	size_t			 used;	/* bytes used in head */
	size_t			 total;	/* bytes handed out, all blocks */
};

void	 arena_init(struct arena *);
void	 arena_fini(struct arena *);
void	*arena_alloc(struct arena *, size_t size, size_t align);
char	*arena_strndup(struct arena *, const char *s, size_t len);
void	 arena_merge(struct arena *, struct arena *from);
size_t	 arena_spans(const struct arena *, struct arena_span **);

#endif
