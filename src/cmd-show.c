/* cmd-show.c: "ttyatlas show ID", everything about one row: for an event
 * its places and actors by name, counts, every source with its document
 * and section, and the figures, claims and statements that concern it;
 * for another row its name, then each column labelled (fields.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fields.h"
#include "i18n.h"
#include "output.h"
#include "schema.h"
#include "store.h"
#include "xalloc.h"

/* Calls FN for each id of the ';'-separated LIST. */
static void
cmd_show_ids(const char *list, void (*fn)(struct cmd_ctx *, const char *),
    struct cmd_ctx *ctx)
{
	const char *p = list;
	char id[256];

	while (schema_idlist_next(&p, id, sizeof id))
		fn(ctx, id);
}

/* Prints "  NAME (ID)" for a place or actor id. */
static void
cmd_show_named(struct cmd_ctx *ctx, const char *name, const char *id)
{
	printf("  ");
	output_cell(stdout, name, 0, 0);
	printf(" (%s)\n", id);
}

static void
cmd_show_place(struct cmd_ctx *ctx, const char *id)
{
	const struct place *p = store_find_place(ctx->store, id);
	char name[512];
	enum lang used;

	if (p == NULL) {
		cmd_show_named(ctx, id, id);
		return;
	}
	place_name_format(name, sizeof name, p, ctx->lang,
	    (enum place_names)ctx->names, &used);
	printf("  %s", lang_mark(ctx->lang, used));
	output_cell(stdout, name, 0, 0);
	printf(" (%s)\n", id);
}

static void
cmd_show_actor(struct cmd_ctx *ctx, const char *id)
{
	const struct actor *a = store_find_actor(ctx->store, id);

	cmd_show_named(ctx, a ? actor_name(a, ctx->lang, NULL) : id, id);
}

static void
cmd_show_source(struct cmd_ctx *ctx, const char *id)
{
	const struct source *s = store_find(ctx->store, STORE_SOURCES, id);
	char buf[64];

	printf("  %s", id);
	if (s != NULL) {
		printf("  ");
		if (s->kind[0] == 'd')
			printf(_("document %s, "), s->document);
		output_cell(stdout, s->section[0] ?
		    source_section(s, buf, sizeof buf) : s->title, 0, 0);
		if (s->url[0] != '\0') {
			printf("  ");
			output_cell(stdout, s->url, 0, 0);
		}
	}
	printf("\n");
}

static void
cmd_show_count(const char *what, const int64_t *v)
{
	static const char *const names[] = { N_("low"), N_("best"),
	    N_("high") };
	int i, any = 0;

	for (i = 0; i < 3; i++)
		any |= v[i] >= 0;
	if (!any)
		return;
	printf("%s", what);
	for (i = 0; i < 3; i++)
		if (v[i] >= 0)
			printf(" %s %lld", _(names[i]), (long long)v[i]);
	printf("\n");
}

static void
cmd_show_event(struct cmd_ctx *ctx, const struct event *e)
{
	const struct store *s = ctx->store;
	const struct era *era = store_find(s, STORE_ERAS, e->era_id);
	char date[64], num[3][32];
	const char *title;
	enum lang used;
	size_t i, j;

	event_format_dates(date, sizeof date, e, ctx->lang);
	printf("%s  ", date);
	title = event_title(e, ctx->lang, &used);
	printf("%s", lang_mark(ctx->lang, used));
	output_cell(stdout, title, 0, 0);
	printf("\n%s %s\n%s %s\n", _("id:"), e->id, _("type:"),
	    C_("event type", e->type));
	if (era != NULL) {
		printf("%s ", _("era:"));
		output_cell(stdout, era_name(era, ctx->lang, NULL), 0, 0);
		printf(" (%s)\n", era->id);
	}
	if (e->confidence[0] != '\0')
		printf("%s %s\n", _("confidence:"),
		    C_("confidence", e->confidence));
	cmd_show_count(_("fatalities:"), e->fatalities);
	cmd_show_count(_("displaced:"), e->displaced);
	printf("\n");
	title = lang_pick(e->summary, ctx->lang, &used);
	printf("%s", title[0] != '\0' ? lang_mark(ctx->lang, used) : "");
	output_cell(stdout, title, 0, 0);
	printf("\n");
	if (e->place_ids[0] != '\0') {
		printf("\n%s\n", _("places:"));
		cmd_show_ids(e->place_ids, cmd_show_place, ctx);
	}
	if (e->actor_ids[0] != '\0') {
		printf("\n%s\n", _("actors:"));
		cmd_show_ids(e->actor_ids, cmd_show_actor, ctx);
	}
	for (i = 0, j = 0; i < s->nfigures; i++) {
		const struct figure *f = &s->figures[i];
		const struct schema_column *c = figure_schema.cols;

		if (strcmp(f->subject_id, e->id) != 0)
			continue;
		if (j++ == 0)
			printf("\n%s\n", _("figures:"));
		/* low, best, high are the 4th to 6th columns. */
		printf("  %s: %s %s %s %s %s %s %s [%s]\n",
		    C_("figure measure", f->measure), _("low"),
		    *fields_value(&figure_schema, &c[3], f, ctx->lang, num[0],
		    32) ? num[0] : "-", _("best"),
		    *fields_value(&figure_schema, &c[4], f, ctx->lang, num[1],
		    32) ? num[1] : "-", _("high"),
		    *fields_value(&figure_schema, &c[5], f, ctx->lang, num[2],
		    32) ? num[2] : "-",
		    f->unit[0] ? C_("figure unit", f->unit) : "",
		    f->source_ids);
	}
	for (i = 0, j = 0; i < s->nclaims; i++) {
		const struct claim *c = &s->claims[i];

		if (strcmp(c->subject_id, e->id) != 0)
			continue;
		if (j++ == 0)
			printf("\n%s\n", _("the sources disagree:"));
		printf("  %s = ", C_("claim field", c->field));
		output_cell(stdout, c->value, 0, 0);
		printf(" [%s]", c->source_ids);
		if (c->note[0] != '\0') {
			printf("  ");
			output_cell(stdout, c->note, 0, 0);
		}
		printf("\n");
	}
	for (i = 0, j = 0; i < s->nstatements; i++) {
		const struct statement *st = &s->statements[i];

		if (strcmp(st->event_id, e->id) != 0)
			continue;
		if (j++ == 0)
			printf("\n%s\n", _("statements:"));
		date_format_lang(date, sizeof date, &st->date, ctx->lang);
		printf("  %s %s: ", date, st->actor_id);
		output_cell(stdout, lang_pick(st->summary, ctx->lang, NULL), 0,
		    0);
		printf("\n");
	}
	printf("\n%s\n", _("sources:"));
	cmd_show_ids(e->source_ids, cmd_show_source, ctx);
}

/* Prints the name of ROW of table K, if its rows have names, in the
 * chosen language (marked if it fell back), a place's with the local
 * forms --names asks for. */
static void
cmd_show_name(struct cmd_ctx *ctx, enum store_kind k, const void *row)
{
	const char *name;
	char buf[512];
	enum lang used;

	switch (k) {
	case STORE_PLACES:
		place_name_format(buf, sizeof buf, row, ctx->lang,
		    (enum place_names)ctx->names, &used);
		name = buf;
		break;
	case STORE_ACTORS:
		name = actor_name(row, ctx->lang, &used);
		break;
	case STORE_ERAS:
		name = era_name(row, ctx->lang, &used);
		break;
	default:
		return;
	}
	printf("%s", lang_mark(ctx->lang, used));
	output_cell(stdout, name, 0, 0);
	printf("\n");
}

/* Prints every column of ROW (of table K) as "label: value" lines, the
 * labels and the words of the data's vocabulary translated, after the
 * row's name. */
static void
cmd_show_row(struct cmd_ctx *ctx, enum store_kind k, const void *row)
{
	const struct schema *sc = store_schema(k);
	char *line;
	size_t i;

	cmd_show_name(ctx, k, row);
	for (i = 0; i < sc->ncols; i++) {
		line = fields_line(sc, &sc->cols[i], row, ctx->lang, NULL);
		if (line == NULL)
			continue;
		output_cell(stdout, line, 0, 0);
		printf("\n");
		free(line);
	}
}

/* "ttyatlas show ID": looks ID up in every table. Returns CMD_OK, or
 * CMD_EMPTY when no row has that id. */
int
cmd_show(struct cmd_ctx *ctx)
{
	static const enum store_kind order[] = {
		STORE_EVENTS, STORE_PLACES, STORE_ACTORS, STORE_ERAS,
		STORE_SOURCES, STORE_FIGURES, STORE_STATEMENTS, STORE_CONTROL,
		STORE_CLAIMS
	};
	const void *row = NULL;
	size_t i;

	if (ctx->argc != 1) {
		fprintf(stderr, "%s", _("ttyatlas: show needs one id\n"));
		return CMD_USAGE;
	}
	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		if ((row = store_find(ctx->store, order[i], ctx->argv[0])) !=
		    NULL)
			break;
	if (row == NULL) {
		fprintf(stderr, _("ttyatlas: no event, place, actor, era or "
		    "source has the id '%s'\n"), ctx->argv[0]);
		return CMD_EMPTY;
	}
	if (ctx->format == OUTPUT_JSON) {
		output_schema_json(stdout, store_schema(order[i]), row);
		printf("\n");
	} else if (ctx->format != OUTPUT_TEXT) {
		output_begin(stdout, ctx->format, store_schema(order[i]));
		output_row(stdout, ctx->format, store_schema(order[i]), row, 0);
	} else if (order[i] == STORE_EVENTS)
		cmd_show_event(ctx, row);
	else
		cmd_show_row(ctx, order[i], row);
	return CMD_OK;
}
