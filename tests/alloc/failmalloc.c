/* failmalloc.c: an LD_PRELOAD shim that makes the Nth allocation fail.
 *
 * FAILMALLOC_AT=N makes the Nth call of malloc, calloc or realloc return
 * NULL (counting from 1); FAILMALLOC_COUNT set prints the number of calls
 * at exit, so a test knows how far to count. Used by alloc-fail.sh. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long count, fail_at = -1;
static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);

/* dlsym() may itself call calloc before real_calloc is known: serve it
 * from a small static pool that free() then ignores. */
static char pool[65536];
static size_t pool_used;

static void
failmalloc_init(void)
{
	const char *n;

	if (real_malloc != NULL)
		return;
	real_malloc = dlsym(RTLD_NEXT, "malloc");
	real_calloc = dlsym(RTLD_NEXT, "calloc");
	real_realloc = dlsym(RTLD_NEXT, "realloc");
	real_free = dlsym(RTLD_NEXT, "free");
	if ((n = getenv("FAILMALLOC_AT")) != NULL)
		fail_at = atol(n);
}

/* Returns 1 if this allocation is to fail; it then sets errno as a
 * failing malloc() does (glibc's pthread_create() asserts it). */
static int
failmalloc_now(void)
{
	if (++count != fail_at)
		return 0;
	errno = ENOMEM;
	return 1;
}

void *
malloc(size_t size)
{
	failmalloc_init();
	return failmalloc_now() ? NULL : real_malloc(size);
}

void *
calloc(size_t n, size_t size)
{
	void *p;

	if (real_calloc == NULL) {
		p = pool + pool_used;
		pool_used += (n * size + 15) & ~(size_t)15;
		return pool_used <= sizeof pool ? p : NULL;
	}
	return failmalloc_now() ? NULL : real_calloc(n, size);
}

void *
realloc(void *p, size_t size)
{
	failmalloc_init();
	return failmalloc_now() ? NULL : real_realloc(p, size);
}

void
free(void *p)
{
	if ((char *)p >= pool && (char *)p < pool + sizeof pool)
		return;
	failmalloc_init();
	real_free(p);
}

__attribute__((destructor)) static void
failmalloc_report(void)
{
	if (getenv("FAILMALLOC_COUNT") != NULL)
		fprintf(stderr, "failmalloc: %ld allocations\n", count);
}
