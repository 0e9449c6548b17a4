/* schema.c: header matching and typed decoding of CSV records. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "i18n.h"
#include "schema.h"
#include "table.h"
#include "xalloc.h"

/* Returns 1 if the LEN bytes at S form an identifier, 0 if not. */
int
schema_is_id(const char *s, size_t len)
{
	size_t i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '-' || c == '.'))
			return 0;
	}
	return 1;
}

/*
 * Matches the header ROW against SCHEMA, filling B. Returns 0, or -1 if a
 * required column is missing or a column is named twice (each reported).
 */
int
schema_bind_header(struct schema_binding *b, const struct schema *schema,
    const struct table_row *row, struct diag *diag)
{
	const char *name = table_name(row->table);
	unsigned line, col;
	size_t i, j;
	int rv = 0;

	b->schema = schema;
	b->col = xcalloc(schema->ncols, sizeof *b->col);
	for (i = 0; i < schema->ncols; i++)
		b->col[i] = -1;
	for (j = 0; j < row->n; j++) {
		for (i = 0; i < schema->ncols; i++) {
			if (strcmp(row->f[j], schema->cols[i].name) != 0)
				continue;
			if (b->col[i] != -1) {
				table_where(row, j, &line, &col);
				diag_add(diag, name, line, col,
				    _("column '%s' appears twice in the header"),
				    row->f[j]);
				rv = -1;
			} else
				b->col[i] = (int)j;
		}
	}
	for (i = 0; i < schema->ncols; i++) {
		if (b->col[i] == -1 && (schema->cols[i].flags & SCHEMA_REQUIRED)) {
			diag_add(diag, name, row->line, 1,
			    _("header lacks the required column '%s'"),
			    schema->cols[i].name);
			rv = -1;
		}
	}
	return rv;
}

/* Frees what schema_bind_header allocated. */
void
schema_binding_free(struct schema_binding *b)
{
	free(b->col);
	b->col = NULL;
}

static int
schema_idlist_ok(const char *s, size_t len, size_t *bad)
{
	size_t i = 0, start;

	if (len == 0)
		return 1;
	for (;;) {
		start = i;
		while (i < len && s[i] != ';')
			i++;
		if (!schema_is_id(s + start, i - start)) {
			*bad = start;
			return 0;
		}
		if (i == len)
			return 1;
		i++;
	}
}

static int
schema_decode(const struct schema_column *c, const char *s, size_t len,
    void *obj, struct arena *arena, char **cause)
{
	char *dst = (char *)obj + c->offset, *end;
	const char *const *v;
	size_t bad;

	switch (c->kind) {
	case SCHEMA_TEXT:
	case SCHEMA_ID:
	case SCHEMA_IDLIST:
	case SCHEMA_ENUM:
		if (c->kind == SCHEMA_ID && len != 0 && !schema_is_id(s, len)) {
			xasprintf(cause, _("'%s' is not a valid id (use a-z, 0-9, "
			    "'_', '-', '.')"), s);
			return -1;
		}
		if (c->kind == SCHEMA_IDLIST && !schema_idlist_ok(s, len, &bad)) {
			xasprintf(cause, _("'%s' is not a ';'-separated list of "
			    "ids"), s);
			return -1;
		}
		if (c->kind == SCHEMA_ENUM && len != 0) {
			for (v = c->values; *v != NULL; v++)
				if (**v == *s && strcmp(*v, s) == 0)
					break;
			if (*v == NULL) {
				xasprintf(cause, _("'%s' is not a known %s"), s,
				    c->name);
				return -1;
			}
			/* One shared copy of each value, not one per row. */
			*(const char **)dst = *v;
			return 0;
		}
		*(const char **)dst = len ? arena_strndup(arena, s, len) : "";
		return 0;
	case SCHEMA_DATE:
		return date_parse((struct date *)dst, s, len, cause);
	case SCHEMA_COUNT: {
		intmax_t n;

		if (len == 0) {
			*(int64_t *)dst = -1;
			return 0;
		}
		errno = 0;
		n = strtoimax(s, &end, 10);
		if (s[0] < '0' || s[0] > '9' || *end != '\0' || errno != 0) {
			xasprintf(cause, _("'%s' is not a whole number"), s);
			return -1;
		}
		*(int64_t *)dst = (int64_t)n;
		return 0;
	}
	case SCHEMA_REAL: {
		double d;

		if (len == 0) {
			*(double *)dst = NAN;
			return 0;
		}
		errno = 0;
		d = strtod(s, &end);
		if (*end != '\0' || errno != 0 || !isfinite(d)) {
			xasprintf(cause, _("'%s' is not a number"), s);
			return -1;
		}
		*(double *)dst = d;
		return 0;
	}
	}
	return 0;
}

/*
 * Fills OBJ from ROW through binding B, text copied into ARENA. Returns 0,
 * or -1 if any field is bad (every bad field is reported to DIAG).
 */
int
schema_bind_row(const struct schema_binding *b, const struct table_row *row,
    void *obj, struct arena *arena, struct diag *diag)
{
	const struct schema *schema = b->schema;
	const struct schema_column *c;
	unsigned line, col;
	char *cause, *pack = NULL;
	size_t i, total = 0;
	int rv = 0;

	if (schema->has_search) {
		for (i = 0; i < schema->ncols; i++)
			if ((schema->cols[i].flags & SCHEMA_SEARCH) &&
			    b->col[i] != -1)
				total += row->len[b->col[i]] + 1;
		pack = total ? arena_alloc(arena, total, 1) : NULL;
		*(const char **)((char *)obj + schema->search_off) =
		    pack ? pack : "";
		*(size_t *)((char *)obj + schema->search_len_off) = total;
	}
	for (i = 0; i < schema->ncols; i++) {
		c = &schema->cols[i];
		if (b->col[i] == -1) {
			schema_decode(c, "", 0, obj, arena, &cause);
			continue;
		}
		const char *s = row->f[b->col[i]];
		size_t len = row->len[b->col[i]];

		if (c->flags & SCHEMA_SEARCH) {
			memcpy(pack, s, len + 1);
			*(const char **)((char *)obj + c->offset) = pack;
			pack += len + 1;
			if (len == 0 && (c->flags & SCHEMA_NONEMPTY))
				goto empty;
			continue;
		}

		if (len == 0 && (c->flags & SCHEMA_NONEMPTY)) {
empty:
			table_where(row, (size_t)b->col[i], &line, &col);
			diag_add(diag, table_name(row->table), line, col,
			    _("%s is empty"), c->name);
			rv = -1;
			continue;
		}
		if (c->flags & SCHEMA_SEARCH)
			continue;
		if (schema_decode(c, s, len, obj, arena, &cause) != 0) {
			table_where(row, (size_t)b->col[i], &line, &col);
			diag_add(diag, table_name(row->table), line, col,
			    "%s: %s", c->name, cause);
			free(cause);
			rv = -1;
		}
	}
	return rv;
}

/*
 * Returns column C of OBJ as text, as it would be written in the CSV file
 * (dates in ISO form, absent counts empty); BUF holds numbers and dates.
 */
const char *
schema_field_text(const struct schema_column *c, const void *obj, char *buf,
    size_t size)
{
	const char *src = (const char *)obj + c->offset;

	switch (c->kind) {
	case SCHEMA_DATE:
		date_format_iso(buf, size, (const struct date *)src);
		return buf;
	case SCHEMA_COUNT:
		if (*(const int64_t *)src < 0)
			return "";
		snprintf(buf, size, "%" PRId64, *(const int64_t *)src);
		return buf;
	case SCHEMA_REAL:
		if (isnan(*(const double *)src))
			return "";
		snprintf(buf, size, "%.5f", *(const double *)src);
		return buf;
	default:
		return *(const char *const *)src;
	}
}

/*
 * Reads the next id of a ';'-separated list at *CURSOR into ID (SIZE
 * bytes, cut if longer) and moves *CURSOR past it. Returns 1, or 0 at the
 * end of the list. Empty items are skipped. The one way every part of the
 * program walks an id list (place_ids, actor_ids, source_ids).
 */
int
schema_idlist_next(const char **cursor, char *id, size_t size)
{
	const char *p = *cursor;
	size_t n;

	while (*p == ';')
		p++;
	if (*p == '\0')
		return 0;
	n = strcspn(p, ";");
	snprintf(id, size, "%.*s", (int)n, p);
	*cursor = p + n;
	return 1;
}
