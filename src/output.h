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
	OUTPUT_TSV
};

int	output_format_parse(const char *);
void	output_cell(FILE *, const char *s, size_t width, int pad);
void	output_schema_header(FILE *, enum output_format, const struct schema *);
void	output_schema_row(FILE *, enum output_format, const struct schema *,
	    const void *obj);
size_t	output_terminal_width(FILE *);

#endif
