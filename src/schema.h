/* schema.h: typed columns of the data package's tables.
 *
 * Contract: a schema lists a table's columns, each with a kind and the
 * offset of the struct member it fills. schema_bind_header() matches a
 * file's header to the schema (extra columns are allowed and ignored;
 * a missing required column is an error); schema_bind_row() fills one
 * struct from a record, copying text into the arena. Both report every
 * problem to the diag list with its line and column and return -1 if
 * there was any. Text is stored as given; an empty field is "" (never
 * NULL), an absent count is -1, an absent date has precision DATE_NONE. */
#ifndef SCHEMA_H
#define SCHEMA_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct diag;
struct table_row;

enum schema_kind {
	SCHEMA_TEXT,		/* any text */
	SCHEMA_ID,		/* an identifier: [a-z0-9_.-], not empty */
	SCHEMA_DATE,		/* struct date */
	SCHEMA_COUNT,		/* int64_t >= 0, -1 when empty */
	SCHEMA_REAL,		/* double, NAN when empty */
	SCHEMA_IDLIST,		/* ';'-separated identifiers, kept as text */
	SCHEMA_ENUM		/* text from a fixed list */
};

#define SCHEMA_REQUIRED	0x1	/* the header must have this column */
#define SCHEMA_NONEMPTY	0x2	/* every record must fill it */
#define SCHEMA_SEARCH	0x4	/* text searched: packed with the others */

struct schema_column {
	const char		 *name;
	enum schema_kind	  kind;
	size_t			  offset;
	int			  flags;
	const char *const	 *values;	/* SCHEMA_ENUM: NULL-terminated */
};

/*
 * The SCHEMA_SEARCH columns of a row are copied into one block, each
 * NUL-terminated, in column order, so a search runs over one region per
 * row; the struct members then point into it, and the block's start and
 * length go to the members at search_off and search_len_off.
 */
struct schema {
	const char			*table;	/* "events" */
	const struct schema_column	*cols;
	size_t				 ncols;
	int				 has_search;
	size_t				 search_off;	/* const char * */
	size_t				 search_len_off;	/* size_t */
};

struct schema_binding {
	const struct schema	*schema;
	int			*col;	/* schema column -> field index, -1 */
};

int	 schema_bind_header(struct schema_binding *, const struct schema *,
	     const struct table_row *, struct diag *);
void	 schema_binding_free(struct schema_binding *);
int	 schema_bind_row(const struct schema_binding *, const struct table_row *,
	     void *obj, struct arena *, struct diag *);
int	 schema_is_id(const char *s, size_t len);
int	 schema_idlist_next(const char **cursor, char *id, size_t size);

const char	*schema_field_text(const struct schema_column *, const void *obj,
		     char *buf, size_t size);
#endif
