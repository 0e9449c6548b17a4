/* table.h: reading and writing CSV tables (RFC 4180), with places.
 *
 * Contract: table_read() hands each record of a CSV file to a callback,
 * the header first, fields NUL-terminated and checked to be UTF-8 without
 * NUL bytes. Every problem it finds (bad quoting, a wrong number of
 * fields, bad UTF-8) goes into the diag list as file:line:column; it skips
 * the bad record and goes on, so no error goes unreported and no record is
 * dropped silently. A UTF-8 byte order mark is skipped; CRLF is accepted.
 * table_read_parts() reads a large file on several threads at once and
 * reports exactly what table_read() would. */
#ifndef TABLE_H
#define TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct diag;
struct table;

struct table_row {
	struct table	 *table;
	unsigned	  line;		/* line where the record starts */
	bool		  is_header;
	size_t		  n;		/* number of fields */
	char		**f;		/* fields, NUL-terminated */
	size_t		 *len;		/* their lengths in bytes */
};

/* Returns 0 to go on, -1 to stop reading (the reason is in the diag). */
typedef int (*table_row_fn)(const struct table_row *, void *arg);

#define TABLE_PARTS_MAX	8

/* How to read a file in parts (table_read_parts). */
struct table_parts {
	size_t	  max;		/* parts (threads) at most, 1 or more */
	size_t	  min_size;	/* bytes a part must have at least */
	void	**args;		/* max of them, one per part */
	void	(*done)(void *arg);	/* after a part's last record */
	int	  exact;	/* for tests: libcsv's space function always */
	size_t	  used;		/* set: parts whose records count */
};

int		 table_read(const char *path, const char *name, table_row_fn,
		     void *arg, struct diag *);
int		 table_read_parts(const char *path, const char *name,
		     table_row_fn, struct table_parts *, struct diag *);
const char	*table_name(const struct table *);
struct diag	*table_diag(const struct table *);
void		 table_where(const struct table_row *, size_t field,
		     unsigned *line, unsigned *col);
int		 table_locate(const char *path, unsigned line, size_t field,
		     unsigned *col);
void		 table_write_field(FILE *, const char *s, size_t len);

#endif
