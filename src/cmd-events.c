/* cmd-events.c: "ttyatlas events [QUERY]", the matching events in date
 * order. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "event.h"
#include "query.h"
#include "schema.h"
#include "store.h"
#include "xalloc.h"

/* Prints the events the query selects: aligned date and title as text,
 * every column as CSV, TSV or JSON. Returns CMD_OK, CMD_EMPTY when none
 * match, or CMD_USAGE for a bad query. */
int
cmd_events(struct cmd_ctx *ctx)
{
	const struct store *s = ctx->store;
	struct query_result r;
	struct output_table t;
	const char *cells[2], *title;
	char *marked;
	enum lang used;
	char date[64];
	size_t i;
	int rv;

	if ((rv = cmd_select(ctx, &r)) != CMD_OK)
		return rv;
	if (ctx->format != OUTPUT_TEXT) {
		output_begin(stdout, ctx->format, &event_schema);
		for (i = 0; i < r.n; i++)
			output_row(stdout, ctx->format, &event_schema,
			    &s->events[r.idx[i]], i);
		output_end(stdout, ctx->format, r.n);
	} else {
		output_table_init(&t, 2);
		for (i = 0; i < r.n; i++) {
			event_format_dates(date, sizeof date,
			    &s->events[r.idx[i]], ctx->lang);
			cells[0] = date;
			title = event_title(&s->events[r.idx[i]], ctx->lang,
			    &used);
			xasprintf(&marked, "%s%s", lang_mark(ctx->lang, used),
			    title);
			cells[1] = marked;
			output_table_add(&t, cells);
			free(marked);
		}
		output_table_print(stdout, &t, ctx->width);
		output_table_free(&t);
	}
	rv = r.n ? CMD_OK : CMD_EMPTY;
	query_result_free(&r);
	return rv;
}
