/* output.c: text, CSV and TSV writers for the command line. */
#include "config.h"

#include <sys/ioctl.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"
#include "schema.h"
#include "table.h"
#include "text.h"
#include "xalloc.h"

/* Returns the format named S, or -1. */
int
output_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return OUTPUT_TEXT;
	if (strcmp(s, "csv") == 0)
		return OUTPUT_CSV;
	if (strcmp(s, "tsv") == 0)
		return OUTPUT_TSV;
	return -1;
}

/* Returns the width of the terminal FP writes to, or 0 if it is none. */
size_t
output_terminal_width(FILE *fp)
{
	struct winsize ws;
	const char *cols;

	if (!isatty(fileno(fp)))
		return 0;
	if (ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if ((cols = getenv("COLUMNS")) != NULL && atoi(cols) > 0)
		return (size_t)atoi(cols);
	return 80;
}

/*
 * Writes S made safe, cut to WIDTH columns (0: no limit) and, if PAD,
 * padded with spaces to WIDTH.
 */
void
output_cell(FILE *fp, const char *s, size_t width, int pad)
{
	char *safe = text_sanitize(s);
	size_t len, w;

	if (width == 0) {
		fputs(safe, fp);
		free(safe);
		return;
	}
	len = text_fit(safe, width, &w);
	fwrite(safe, 1, len, fp);
	for (; pad && w < width; w++)
		fputc(' ', fp);
	free(safe);
}

static void
output_tsv_field(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\\': fputs("\\\\", fp); break;
		default: fputc(*s, fp); break;
		}
	}
}

/* Writes the column names of SCHEMA as a CSV or TSV header line. */
void
output_schema_header(FILE *fp, enum output_format f, const struct schema *sc)
{
	size_t i;

	for (i = 0; i < sc->ncols; i++) {
		if (i != 0)
			fputc(f == OUTPUT_TSV ? '\t' : ',', fp);
		fputs(sc->cols[i].name, fp);
	}
	fputc('\n', fp);
}

/* Writes every column of OBJ as one CSV or TSV line. */
void
output_schema_row(FILE *fp, enum output_format f, const struct schema *sc,
    const void *obj)
{
	char buf[64];
	const char *s;
	size_t i;

	for (i = 0; i < sc->ncols; i++) {
		if (i != 0)
			fputc(f == OUTPUT_TSV ? '\t' : ',', fp);
		s = schema_field_text(&sc->cols[i], obj, buf, sizeof buf);
		if (f == OUTPUT_TSV)
			output_tsv_field(fp, s);
		else
			table_write_field(fp, s, strlen(s));
	}
	fputc('\n', fp);
}
