/* cmd-events.c: "ttyatlas events", the events in date order. */
#include "config.h"

#include <stdio.h>

#include "cmd.h"
#include "event.h"
#include "schema.h"
#include "store.h"
#include "timeline.h"

/* Prints the events: aligned date and title as text, every column as CSV
 * or TSV. Returns CMD_OK, or CMD_EMPTY when there are none. */
int
cmd_events(struct cmd_ctx *ctx)
{
	const struct store *s = ctx->store;
	struct timeline tl;
	size_t i, title_w;

	if (ctx->argc != 0) {
		fprintf(stderr, "ttyatlas: events: unexpected argument '%s'\n",
		    ctx->argv[0]);
		return CMD_USAGE;
	}
	if (ctx->format != OUTPUT_TEXT) {
		output_schema_header(stdout, ctx->format, &event_schema);
		for (i = 0; i < s->nevents; i++)
			output_schema_row(stdout, ctx->format, &event_schema,
			    &s->events[i]);
		return s->nevents ? CMD_OK : CMD_EMPTY;
	}

	timeline_build(&tl, s, ctx->lang);
	title_w = 0;
	if (ctx->width > tl.date_width + 2)
		title_w = ctx->width - tl.date_width - 2;
	else if (ctx->width != 0)
		title_w = 1;
	for (i = 0; i < tl.n; i++) {
		output_cell(stdout, tl.rows[i].date, tl.date_width, 1);
		fputs("  ", stdout);
		output_cell(stdout, event_title(tl.rows[i].event, ctx->lang,
		    NULL), title_w, 0);
		fputc('\n', stdout);
	}
	timeline_free(&tl);
	return s->nevents ? CMD_OK : CMD_EMPTY;
}
