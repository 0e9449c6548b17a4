/* xalloc.c: allocation wrappers that end the program on out-of-memory. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void
xalloc_fatal(void)
{
	fputs("ttyatlas: out of memory\n", stderr);
	exit(71);
}

/* Returns a block of SIZE bytes (at least one); never NULL. */
void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		xalloc_fatal();
	return p;
}

/* Returns N zeroed elements of SIZE bytes; never NULL. */
void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		xalloc_fatal();
	return p;
}

/* Resizes PTR to N elements of SIZE bytes, checking the product for overflow. */
void *
xreallocarray(void *ptr, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		xalloc_fatal();
	p = realloc(ptr, n * size != 0 ? n * size : 1);
	if (p == NULL)
		xalloc_fatal();
	return p;
}

/* Returns a fresh copy of S. */
char *
xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(xmalloc(len), s, len);
}

/* Formats into a fresh string stored in *OUT; returns its length. */
int
xasprintf(char **out, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(out, fmt, ap);
	va_end(ap);
	if (n < 0)
		xalloc_fatal();
	return n;
}
