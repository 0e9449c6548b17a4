/* cmd-list.c: "ttyatlas places|actors|eras|sources", the entity tables.
 *
 * A query word, if given, keeps the rows whose id, names or aliases match
 * it (smart case, as everywhere). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "regex.h"
#include "schema.h"
#include "store.h"

/* Returns the pattern of the command's arguments, NULL for none, or sets
 * *BAD after printing why it cannot be compiled. */
static struct regex *
cmd_list_pattern(struct cmd_ctx *ctx, int *bad)
{
	struct regex *re;
	char *cause;

	*bad = 0;
	if (ctx->query == NULL || ctx->query[0] == '\0')
		return NULL;
	if ((re = regex_compile(ctx->query, &cause)) == NULL) {
		fprintf(stderr, "ttyatlas: %s\n", cause);
		free(cause);
		*bad = 1;
	}
	return re;
}

static int
cmd_list_match(const struct regex *re, const char *id, const char *text,
    size_t len)
{
	size_t a, b;

	if (re == NULL)
		return 1;
	return regex_find(re, id, strlen(id), 0, &a, &b) == REGEX_MATCH ||
	    (text != NULL && regex_find(re, text, len, 0, &a, &b) ==
	    REGEX_MATCH);
}

/* Lists the rows of table K that match; text shows the CELLS the row
 * function gives. */
static int
cmd_list(struct cmd_ctx *ctx, enum store_kind k, size_t ncols,
    void (*cells)(const struct cmd_ctx *, const void *, const char **,
    char *, size_t))
{
	const struct store *s = ctx->store;
	const struct schema *sc = store_schema(k);
	size_t i, n = 0, size;
	struct output_table t;
	const char *c[8], *text;
	const char *row;
	struct regex *re;
	char buf[512];
	int bad;

	re = cmd_list_pattern(ctx, &bad);
	if (bad)
		return CMD_USAGE;
	size = k == STORE_PLACES ? sizeof(struct place) :
	    k == STORE_ACTORS ? sizeof(struct actor) :
	    k == STORE_ERAS ? sizeof(struct era) : sizeof(struct source);
	output_table_init(&t, ncols);
	if (ctx->format != OUTPUT_TEXT)
		output_begin(stdout, ctx->format, sc);
	for (i = 0; i < s->t[k].n; i++) {
		row = (const char *)s->t[k].rows + i * size;
		text = k == STORE_PLACES ? ((const struct place *)row)->text :
		    k == STORE_ACTORS ? ((const struct actor *)row)->text :
		    k == STORE_ERAS ? ((const struct era *)row)->name[0] :
		    ((const struct source *)row)->section;
		if (!cmd_list_match(re, *(const char *const *)row, text,
		    k == STORE_PLACES ? ((const struct place *)row)->text_len :
		    k == STORE_ACTORS ? ((const struct actor *)row)->text_len :
		    strlen(text)))
			continue;
		if (ctx->format != OUTPUT_TEXT)
			output_row(stdout, ctx->format, sc, row, n);
		else {
			cells(ctx, row, c, buf, sizeof buf);
			output_table_add(&t, c);
		}
		n++;
	}
	if (ctx->format != OUTPUT_TEXT)
		output_end(stdout, ctx->format, n);
	else
		output_table_print(stdout, &t, ctx->width);
	output_table_free(&t);
	regex_free(re);
	return n ? CMD_OK : CMD_EMPTY;
}

static void
cmd_place_cells(const struct cmd_ctx *ctx, const void *row, const char **c,
    char *buf, size_t size)
{
	const struct place *p = row;
	enum lang used;
	char names[448];

	c[0] = p->id;
	c[1] = C_("place kind", p->kind);
	place_name_format(names, sizeof names, p, ctx->lang,
	    (enum place_names)ctx->names, &used);
	snprintf(buf, size, "%s%s", lang_mark(ctx->lang, used), names);
	c[2] = buf;
}

static void
cmd_actor_cells(const struct cmd_ctx *ctx, const void *row, const char **c,
    char *buf, size_t size)
{
	const struct actor *a = row;
	const char *name;
	enum lang used;

	c[0] = a->id;
	c[1] = C_("actor kind", a->kind);
	c[2] = a->side[0] ? C_("actor side", a->side) : "";
	name = actor_name(a, ctx->lang, &used);
	snprintf(buf, size, "%s%s", lang_mark(ctx->lang, used), name);
	c[3] = buf;
}

static void
cmd_era_cells(const struct cmd_ctx *ctx, const void *row, const char **c,
    char *buf, size_t size)
{
	const struct era *e = row;
	size_t n;

	n = date_format_human(buf, size, &e->start);
	snprintf(buf + n, size - n, " \xe2\x80\x93 ");
	n += strlen(buf + n);
	date_format_human(buf + n, size - n, &e->end);
	c[0] = buf;
	c[1] = e->id;
	c[2] = era_name(e, ctx->lang, NULL);
}

static void
cmd_source_cells(const struct cmd_ctx *ctx, const void *row, const char **c,
    char *buf, size_t size)
{
	const struct source *s = row;

	c[0] = s->id;
	c[1] = s->document;
	c[2] = s->section[0] != '\0' ? s->section : s->title;
	(void)ctx;
	(void)buf;
	(void)size;
}

/* "ttyatlas places [REGEX]": id, kind and name of each place. */
int
cmd_places(struct cmd_ctx *ctx)
{
	return cmd_list(ctx, STORE_PLACES, 3, cmd_place_cells);
}

/* "ttyatlas actors [REGEX]": id, kind, side and name of each actor. */
int
cmd_actors(struct cmd_ctx *ctx)
{
	return cmd_list(ctx, STORE_ACTORS, 4, cmd_actor_cells);
}

/* "ttyatlas eras [REGEX]": dates, id and name of each era. */
int
cmd_eras(struct cmd_ctx *ctx)
{
	return cmd_list(ctx, STORE_ERAS, 3, cmd_era_cells);
}

/* "ttyatlas sources [REGEX]": id, document and section of each source. */
int
cmd_sources(struct cmd_ctx *ctx)
{
	return cmd_list(ctx, STORE_SOURCES, 3, cmd_source_cells);
}
