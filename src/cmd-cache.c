/* cmd-cache.c: "ttyatlas cache", saving the loaded data in its cache file
 * now, as an administrator does before opening a big atlas to many users. */
#include "config.h"

#include <stdio.h>

#include "cache.h"
#include "cmd.h"
#include "diag.h"
#include "i18n.h"
#include "store.h"

#define CMD_CANTCREAT	73	/* sysexits.h's EX_CANTCREAT */

/*
 * Loads the data directory through its cache, writing the cache if it is
 * missing or out of date, and says which. Returns CMD_OK, CMD_DATAERR
 * for bad data, or 73 if the cache could not be written.
 */
int
cmd_cache(struct cmd_ctx *ctx)
{
	struct cache_opts o = *ctx->cache;
	struct cache_report r;
	struct store s;
	struct diag d;
	size_t i;
	int rv = CMD_OK;

	if (ctx->argc != 0) {
		fprintf(stderr, _("ttyatlas: cache: unexpected argument '%s'\n"),
		    ctx->argv[0]);
		return CMD_USAGE;
	}
	o.mode = CACHE_ON;
	diag_init(&d);
	if (cache_load(&s, ctx->data_dir, &o, &d, &r) != 0) {
		for (i = 0; i < d.n; i++)
			fprintf(stderr, "%s\n", d.msgs[i]);
		diag_fini(&d);
		cache_report_free(&r);
		return CMD_DATAERR;
	}
	diag_fini(&d);
	switch (r.state) {
	case CACHE_MAPPED:
		printf(_("%s: up to date, %.1f MiB, %zu events\n"), r.path,
		    (double)r.size / (1 << 20), s.nevents);
		break;
	case CACHE_WRITTEN:
		printf(_("%s: written, %.1f MiB, %zu events (%s)\n"), r.path,
		    (double)r.size / (1 << 20), s.nevents, r.why);
		break;
	case CACHE_UNUSED:
		fprintf(stderr, _("ttyatlas: cache: not saved: %s\n"),
		    r.error != NULL ? r.error : o.readonly ?
		    _("nothing is written in secure mode") :
		    r.why != NULL ? r.why : "?");
		rv = CMD_CANTCREAT;
		break;
	}
	store_free(&s);
	cache_report_free(&r);
	return rv;
}
