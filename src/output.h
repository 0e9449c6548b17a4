/* output.h: how the command line writes rows: aligned text, CSV, TSV.
 *
 * Contract: text output is for people: every string is made safe for a
 * terminal (see text.h) and measured in columns; a width of 0 means "no
 * limit" (output to a pipe). CSV and TSV keep the data exactly. */
#ifndef OUTPUT_H
#define OUTPUT_H

#include <stddef.h>
#include <stdio.h>

struct schema;

enum output_format {
	OUTPUT_TEXT,
	OUTPUT_CSV,
	OUTPUT_TSV,
	OUTPUT_JSON
};

/* Rows of text cells printed as aligned columns; the last column is cut
 * to what the terminal has left. */
struct output_table {
	size_t	  ncols;
	char	**cells;	/* rows * ncols, owned */
	size_t	  nrows;
};

int	output_format_parse(const char *);
void	output_cell(FILE *, const char *s, size_t width, int pad);
void	output_schema_header(FILE *, enum output_format, const struct schema *);
void	output_schema_row(FILE *, enum output_format, const struct schema *,
	    const void *obj);
size_t	output_terminal_width(FILE *);
void	output_json_string(FILE *, const char *);
void	output_schema_json(FILE *, const struct schema *, const void *obj);
void	output_table_init(struct output_table *, size_t ncols);
void	output_table_add(struct output_table *, const char *const *cells);
void	output_table_print(FILE *, struct output_table *, size_t width);
void	output_table_free(struct output_table *);
void	output_begin(FILE *, enum output_format, const struct schema *);
void	output_row(FILE *, enum output_format, const struct schema *,
	    const void *obj, size_t n);
void	output_end(FILE *, enum output_format, size_t n);

#endif
