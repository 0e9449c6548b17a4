/* cmd.c: the table of subcommands, looked up by name. */
#include "config.h"

#include <string.h>

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "i18n.h"
#include "query.h"

static const struct cmd_entry cmd_table[] = {
	{ "actors", cmd_actors, 1, N_("list the actors (states, forces, people)"), 0 },
	{ "cache", cmd_cache, 0, N_("save the loaded data in a cache file now"), 0 },
	{ "check", cmd_check, 0, N_("check the data for errors"), 0 },
	{ "eras", cmd_eras, 1, N_("list the eras of the timeline"), 0 },
	{ "events", cmd_events, 1, N_("print the events matching a query"), 0 },
	{ "map", cmd_map, 1, N_("draw the map (see ttyatlas map --help)"), 1 },
	{ "places", cmd_places, 1, N_("list the places"), 0 },
	{ "show", cmd_show, 1, N_("show everything about one event, place or actor"), 0 },
	{ "sources", cmd_sources, 1, N_("list the sources cited"), 0 },
	{ "timeline", cmd_timeline, 1, N_("count the events per period"), 0 },
};

/* Returns the command called NAME, or NULL. */
const struct cmd_entry *
cmd_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof cmd_table / sizeof cmd_table[0]; i++)
		if (strcmp(cmd_table[i].name, name) == 0)
			return &cmd_table[i];
	return NULL;
}

/* Returns the Nth command for listing, or NULL past the last. */
const struct cmd_entry *
cmd_at(size_t n)
{
	return n < sizeof cmd_table / sizeof cmd_table[0] ? &cmd_table[n] :
	    NULL;
}

/*
 * Runs the command line's query on the store into R. Returns CMD_OK, or
 * CMD_USAGE after printing why the query is wrong.
 */
int
cmd_select(struct cmd_ctx *ctx, struct query_result *r)
{
	struct query *q;
	char *cause;

	if ((q = query_parse(ctx->store, ctx->query, &cause)) == NULL) {
		fprintf(stderr, "ttyatlas: %s\n", cause);
		free(cause);
		return CMD_USAGE;
	}
	if (query_run(q, r, &cause) != 0) {
		fprintf(stderr, "ttyatlas: %s\n", cause);
		free(cause);
		query_free(q);
		return CMD_USAGE;
	}
	query_free(q);
	return CMD_OK;
}
