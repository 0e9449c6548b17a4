/* cmd-timeline.c: "ttyatlas timeline [--by UNIT] [QUERY]", a text
 * histogram of the matching events per period. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "histogram.h"
#include "query.h"
#include "store.h"
#include "text.h"

/* Writes a bar of COUNT/MAX of WIDTH columns in eighths of a block. */
static void
cmd_timeline_bar(size_t count, size_t max, size_t width)
{
	static const char *const eighths[] = {
		"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d",
		"\xe2\x96\x8c", "\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89"
	};
	size_t e = max ? (count * width * 8 + max / 2) / max : 0, i;

	if (e == 0 && count > 0)
		e = 1;	/* never hide a period that has events */
	for (i = 0; i < e / 8; i++)
		fputs("\xe2\x96\x88", stdout);
	fputs(eighths[e % 8], stdout);
	for (i = e / 8 + (e % 8 != 0); i < width; i++)
		fputc(' ', stdout);
}

/* Prints the histogram; returns CMD_OK, CMD_EMPTY or CMD_USAGE. */
int
cmd_timeline(struct cmd_ctx *ctx)
{
	struct query_result r;
	struct histogram h;
	size_t i, lw = 0, nw, bar, cols;
	int unit = HISTOGRAM_YEAR, rv;
	char num[32];

	if (ctx->by != NULL &&
	    (unit = histogram_unit_parse(ctx->by)) == -1) {
		fprintf(stderr, "ttyatlas: --by takes month, year, decade or "
		    "century\n");
		return CMD_USAGE;
	}
	if ((rv = cmd_select(ctx, &r)) != CMD_OK)
		return rv;
	histogram_build(&h, ctx->store, r.idx, r.n, unit);
	if (ctx->format != OUTPUT_TEXT) {
		const char *sep = ctx->format == OUTPUT_TSV ? "\t" : ",";

		if (ctx->format == OUTPUT_JSON)
			printf("[");
		else
			printf("period%scount\n", sep);
		for (i = 0; i < h.n; i++) {
			if (ctx->format == OUTPUT_JSON)
				printf("%s\n{\"period\":\"%s\",\"count\":%zu}",
				    i ? "," : "", h.bins[i].label,
				    h.bins[i].count);
			else
				printf("%s%s%zu\n", h.bins[i].label, sep,
				    h.bins[i].count);
		}
		if (ctx->format == OUTPUT_JSON)
			printf("%s]\n", h.n ? "\n" : "");
	} else {
		for (i = 0; i < h.n; i++)
			if (text_width(h.bins[i].label) > lw)
				lw = text_width(h.bins[i].label);
		nw = (size_t)snprintf(num, sizeof num, "%zu", h.max);
		cols = ctx->width ? ctx->width : 80;
		bar = cols > lw + nw + 4 ? cols - lw - nw - 4 : 1;
		if (bar > 60)
			bar = 60;
		for (i = 0; i < h.n; i++) {
			output_cell(stdout, h.bins[i].label, lw, 1);
			fputs("  ", stdout);
			cmd_timeline_bar(h.bins[i].count, h.max, bar);
			printf(" %*zu\n", (int)nw, h.bins[i].count);
		}
	}
	rv = h.n ? CMD_OK : CMD_EMPTY;
	histogram_free(&h);
	query_result_free(&r);
	return rv;
}
