/* xalloc.h: allocation that cannot return NULL.
 *
 * Contract: each function returns usable memory or, when the system is out
 * of memory, prints one line to stderr and exits with status 71 (EX_OSERR).
 * This is the only place in the core library that may exit. */
#ifndef XALLOC_H
#define XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *ptr, size_t n, size_t size);
char *xstrdup(const char *s);
int xasprintf(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
