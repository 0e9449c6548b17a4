/* output.c: text, CSV and TSV writers for the command line. */
#include "config.h"

#include <sys/ioctl.h>

#include <math.h>
#include <stdint.h>
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
	if (strcmp(s, "json") == 0)
		return OUTPUT_JSON;
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

/* Writes every column of OBJ as one CSV or TSV line; to a terminal, the
 * fields are made safe first (piped, they are written as they are). */
void
output_schema_row(FILE *fp, enum output_format f, const struct schema *sc,
    const void *obj)
{
	char buf[64], *safe = NULL;
	const char *s;
	size_t i;
	int tty = isatty(fileno(fp));

	for (i = 0; i < sc->ncols; i++) {
		if (i != 0)
			fputc(f == OUTPUT_TSV ? '\t' : ',', fp);
		s = schema_field_text(&sc->cols[i], obj, buf, sizeof buf);
		if (tty)
			s = safe = text_sanitize(s);
		if (f == OUTPUT_TSV)
			output_tsv_field(fp, s);
		else
			table_write_field(fp, s, strlen(s));
		free(safe);
		safe = NULL;
	}
	fputc('\n', fp);
}

/* Returns the code point of the UTF-8 sequence at S (the loader has
 * checked it is well formed) and its length in *N. */
static uint32_t
output_utf8_decode(const unsigned char *s, size_t *n)
{
	if (s[0] < 0xc0 || (s[1] & 0xc0) != 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] < 0xe0) {
		*n = 2;
		return (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	}
	if ((s[2] & 0xc0) != 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] < 0xf0) {
		*n = 3;
		return (uint32_t)(s[0] & 0x0f) << 12 |
		    (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	}
	*n = 1;		/* outside the BMP: never unsafe, copied a byte at a time */
	return s[0];
}

/* Writes S as a JSON string, escaping what JSON requires, and C1 controls
 * and bidi controls as \uXXXX too (the same string, safe on a terminal). */
void
output_json_string(FILE *fp, const char *s)
{
	uint32_t cp;
	size_t n;

	fputc('"', fp);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0xc0) {
			cp = output_utf8_decode((const unsigned char *)s, &n);
			if (n > 1 && text_cp_is_unsafe(cp)) {
				fprintf(fp, "\\u%04x", (unsigned)cp);
				s += n - 1;
				continue;
			}
		}

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20 || c == 0x7f)
			fprintf(fp, "\\u%04x", c);
		else
			fputc(c, fp);
	}
	fputc('"', fp);
}

/* Writes OBJ as one JSON object: numbers as numbers, absent ones null,
 * lists of ids as arrays. */
void
output_schema_json(FILE *fp, const struct schema *sc, const void *obj)
{
	const struct schema_column *c;
	char buf[64], id[256];
	const char *v, *p;
	size_t i;
	int first;

	fputc('{', fp);
	for (i = 0; i < sc->ncols; i++) {
		c = &sc->cols[i];
		if (i != 0)
			fputc(',', fp);
		output_json_string(fp, c->name);
		fputc(':', fp);
		v = schema_field_text(c, obj, buf, sizeof buf);
		if (c->kind == SCHEMA_COUNT || c->kind == SCHEMA_REAL)
			fputs(*v ? v : "null", fp);
		else if (c->kind == SCHEMA_IDLIST) {
			fputc('[', fp);
			for (p = v, first = 1; schema_idlist_next(&p, id,
			    sizeof id); first = 0) {
				if (!first)
					fputc(',', fp);
				output_json_string(fp, id);
			}
			fputc(']', fp);
		} else
			output_json_string(fp, v);
	}
	fputc('}', fp);
}

/* Writes what comes before the rows of a listing in format F. */
void
output_begin(FILE *fp, enum output_format f, const struct schema *sc)
{
	if (f == OUTPUT_JSON)
		fputs("[\n", fp);
	else if (f != OUTPUT_TEXT)
		output_schema_header(fp, f, sc);
}

/* Writes OBJ, the Nth row (from 0) of a CSV, TSV or JSON listing. */
void
output_row(FILE *fp, enum output_format f, const struct schema *sc,
    const void *obj, size_t n)
{
	if (f == OUTPUT_JSON) {
		if (n != 0)
			fputs(",\n", fp);
		output_schema_json(fp, sc, obj);
	} else
		output_schema_row(fp, f, sc, obj);
}

/* Writes what comes after N rows of a listing in format F. */
void
output_end(FILE *fp, enum output_format f, size_t n)
{
	if (f == OUTPUT_JSON)
		fputs(n ? "\n]\n" : "]\n", fp);
}

/* Sets up an empty table of NCOLS columns. */
void
output_table_init(struct output_table *t, size_t ncols)
{
	t->ncols = ncols;
	t->cells = NULL;
	t->nrows = 0;
}

/* Adds a row of NCOLS cells (copied). */
void
output_table_add(struct output_table *t, const char *const *cells)
{
	size_t i;

	t->cells = xreallocarray(t->cells, (t->nrows + 1) * t->ncols,
	    sizeof *t->cells);
	for (i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = text_sanitize(cells[i]);
	t->nrows++;
}

/* Prints the table with columns two spaces apart, each as wide as its
 * widest cell in terminal columns; the last is cut to fit WIDTH (0: no
 * limit). */
void
output_table_print(FILE *fp, struct output_table *t, size_t width)
{
	size_t *w = xcalloc(t->ncols ? t->ncols : 1, sizeof *w);
	size_t r, c, used, cw;

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c + 1 < t->ncols; c++) {
			cw = text_width(t->cells[r * t->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
	for (r = 0; r < t->nrows; r++) {
		used = 0;
		for (c = 0; c < t->ncols; c++) {
			const char *cell = t->cells[r * t->ncols + c];

			if (c + 1 < t->ncols) {
				output_cell(fp, cell, w[c], 1);
				fputs("  ", fp);
				used += w[c] + 2;
			} else if (width == 0)
				output_cell(fp, cell, 0, 0);
			else
				output_cell(fp, cell, width > used ?
				    width - used : 1, 0);
		}
		fputc('\n', fp);
	}
	free(w);
}

/* Frees the table's cells. */
void
output_table_free(struct output_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = 0;
}
