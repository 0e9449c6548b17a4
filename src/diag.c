/* diag.c: collected data problems. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "text.h"
#include "xalloc.h"

/* Sets up an empty list. */
void
diag_init(struct diag *d)
{
	d->msgs = NULL;
	d->n = d->alloc = d->dropped = 0;
}

/* Frees every message. */
void
diag_fini(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->msgs[i]);
	free(d->msgs);
	diag_init(d);
}

/* Adds one problem, formatted as "file:line:col: message"; the message,
 * which may quote the data, is made safe for a terminal. */
void
diag_add(struct diag *d, const char *file, unsigned line, unsigned col,
    const char *fmt, ...)
{
	va_list ap;
	char *msg, *safe;

	if (d->n >= DIAG_MAX) {
		d->dropped++;
		return;
	}
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (msg == NULL) {
		fputs("ttyatlas: out of memory\n", stderr);
		exit(71);
	}
	/* A bad field is quoted as it was: its escape sequences must not
	 * reach the terminal the message is printed on. */
	safe = text_sanitize(msg);
	free(msg);
	msg = safe;
	if (d->n == d->alloc) {
		d->alloc = d->alloc ? d->alloc * 2 : 16;
		d->msgs = xreallocarray(d->msgs, d->alloc, sizeof *d->msgs);
	}
	if (line == 0)
		xasprintf(&d->msgs[d->n], "%s: %s", file, msg);
	else if (col == 0)
		xasprintf(&d->msgs[d->n], "%s:%u: %s", file, line, msg);
	else
		xasprintf(&d->msgs[d->n], "%s:%u:%u: %s", file, line, col, msg);
	free(msg);
	d->n++;
}

/* Returns the number of problems, including those not kept. */
size_t
diag_count(const struct diag *d)
{
	return d->n + d->dropped;
}

/* Moves the problems of FROM to the end of D, as if they had been added
 * to D one by one (those beyond DIAG_MAX are counted only); FROM is left
 * empty. */
void
diag_append(struct diag *d, struct diag *from)
{
	size_t i;

	for (i = 0; i < from->n; i++) {
		if (d->n >= DIAG_MAX) {
			d->dropped++;
			free(from->msgs[i]);
			continue;
		}
		if (d->n == d->alloc) {
			d->alloc = d->alloc ? d->alloc * 2 : 16;
			d->msgs = xreallocarray(d->msgs, d->alloc,
			    sizeof *d->msgs);
		}
		d->msgs[d->n++] = from->msgs[i];
	}
	d->dropped += from->dropped;
	free(from->msgs);
	diag_init(from);
}
