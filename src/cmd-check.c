/* cmd-check.c: "ttyatlas check", the data linter. */
#include "config.h"

#include <stdio.h>

#include "check.h"
#include "cmd.h"
#include "i18n.h"
#include "diag.h"
#include "store.h"

/*
 * Loads the data directory and checks it. Prints every problem as
 * file:line:column: message and returns CMD_DATAERR if there were any;
 * otherwise prints what was checked and returns CMD_OK.
 */
int
cmd_check(struct cmd_ctx *ctx)
{
	struct store s;
	struct diag d;
	size_t i, n;
	enum store_kind k;

	if (ctx->argc != 0) {
		fprintf(stderr, _("ttyatlas: check: unexpected argument '%s'\n"),
		    ctx->argv[0]);
		return CMD_USAGE;
	}
	diag_init(&d);
	if (store_load(&s, ctx->data_dir, &d) == 0) {
		check_store(&s, &d);
		if (diag_count(&d) == 0) {
			printf(_("%s: no problems in"), ctx->data_dir);
			for (k = 0, n = 0; k < STORE_NKINDS; k++) {
				if (!s.t[k].present)
					continue;
				printf("%s %zu %s", n++ ? "," : "", s.t[k].n,
				    store_file(k));
			}
			printf("\n");
		}
		store_free(&s);
	}
	for (i = 0; i < d.n; i++)
		printf("%s\n", d.msgs[i]);
	n = diag_count(&d);
	if (d.dropped != 0)
		printf(_("... and %zu more\n"), d.dropped);
	diag_fini(&d);
	if (n != 0) {
		fprintf(stderr, i18n_ntext("ttyatlas: %zu problem in %s\n",
		    "ttyatlas: %zu problems in %s\n", n), n, ctx->data_dir);
		return CMD_DATAERR;
	}
	return CMD_OK;
}
