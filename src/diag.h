/* diag.h: a list of problems found in data files, each with its place.
 *
 * Contract: loaders add every problem they find ("file:line:column:
 * message") and go on where they can, so a user sees all of them at once;
 * the caller decides how to show them. Lines and columns are 1-based,
 * columns count characters; 0 means "not known". */
#ifndef DIAG_H
#define DIAG_H

#include <stddef.h>

struct diag {
	char	**msgs;
	size_t	  n;
	size_t	  alloc;
	size_t	  dropped;	/* problems beyond DIAG_MAX, counted only */
};

#define DIAG_MAX 1000

void	diag_init(struct diag *);
void	diag_fini(struct diag *);
void	diag_add(struct diag *, const char *file, unsigned line, unsigned col,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
size_t	diag_count(const struct diag *);
void	diag_append(struct diag *, struct diag *from);

#endif
