/* arena.c: block-chained bump allocator.
 *
 * Blocks are 1 MiB unless a single request is larger, in which case the
 * request gets a block of its own; a million-row table then costs a few
 * hundred mallocs instead of tens of millions. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

#define ARENA_BLOCK (1024 * 1024)

struct arena_block {
	struct arena_block	*next;
	size_t			 size;
	size_t			 used;	/* bytes used, once not the head */
	max_align_t		 data[];
};

/* Sets up an empty arena. */
void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->total = 0;
}

/* Frees every block of the arena; it can be used again after arena_init. */
void
arena_fini(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	arena_init(a);
}

/* Returns SIZE bytes aligned to ALIGN (a power of two); never NULL. */
void *
arena_alloc(struct arena *a, size_t size, size_t align)
{
	struct arena_block *b;
	size_t off;

	if (a->head != NULL) {
		off = (a->used + align - 1) & ~(align - 1);
		if (off + size <= a->head->size) {
			a->used = off + size;
			a->total += size;
			return (char *)a->head->data + off;
		}
	}
	if (size > ARENA_BLOCK / 4) {
		/* Big request: own block, linked behind the head so the head's
		 * free space stays usable. */
		b = xcalloc(1, sizeof *b + size);
		b->size = b->used = size;
		if (a->head != NULL) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = NULL;
			a->head = b;
			a->used = size;
		}
		a->total += size;
		return b->data;
	}
	b = xcalloc(1, sizeof *b + ARENA_BLOCK);
	b->size = ARENA_BLOCK;
	if (a->head != NULL)
		a->head->used = a->used;
	b->next = a->head;
	a->head = b;
	a->used = size;
	a->total += size;
	return b->data;
}

/*
 * Moves every block of FROM into A, behind A's head so that A's free space
 * stays usable; what FROM handed out stays where it is. FROM is left empty.
 */
void
arena_merge(struct arena *a, struct arena *from)
{
	struct arena_block *last;

	if (from->head == NULL)
		return;
	from->head->used = from->used;
	if (a->head == NULL) {
		a->head = from->head;
		a->used = from->used;
	} else {
		for (last = from->head; last->next != NULL; last = last->next)
			;
		last->next = a->head->next;
		a->head->next = from->head;
	}
	a->total += from->total;
	arena_init(from);
}

/* Returns a NUL-terminated copy of the LEN bytes at S. */
char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1, 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/*
 * Lists the bytes handed out by the arena, one span per block, into a new
 * array in *SPANS (to be freed). Returns the number of spans.
 */
size_t
arena_spans(const struct arena *a, struct arena_span **spans)
{
	const struct arena_block *b;
	size_t n = 0;

	for (b = a->head; b != NULL; b = b->next)
		n++;
	*spans = xreallocarray(NULL, n ? n : 1, sizeof **spans);
	n = 0;
	for (b = a->head; b != NULL; b = b->next) {
		(*spans)[n].start = (const char *)b->data;
		(*spans)[n].len = b == a->head ? a->used : b->used;
		n++;
	}
	return n;
}
