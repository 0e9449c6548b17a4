/* fuzz-query.c: libFuzzer target for the query language.
 *
 * The fixture atlas (tests/fixtures/atlas) is loaded once, on the first
 * input. Each input is NUL-terminated and given to query_parse() as the
 * text of a query. A rejected query must come with a message. An accepted
 * one is run: it either fails with a message ("too complex") or returns
 * positions that are strictly ascending and inside store->events. The
 * query's time budget is cut to 100 ms so a slow pattern ends as a
 * failure long before libFuzzer's timeout. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "query.h"
#include "store.h"
#include "xalloc.h"

static struct store	fuzz_query_store;
static int		fuzz_query_loaded;

static void
fuzz_query_cleanup(void)
{
	store_free(&fuzz_query_store);
}

/* Finds the fixture atlas as the tests do: $FIXTURES/atlas (make check
 * sets it), else $SRCDIR/tests/fixtures/atlas, else relative to the
 * current directory, the source tree or a build directory inside it. */
static void
fuzz_query_setup(void)
{
	const char *env, *tries[] = { "tests/fixtures/atlas",
	    "../tests/fixtures/atlas" };
	struct diag d;
	char *dir = NULL;
	size_t i;

	if ((env = getenv("FIXTURES")) != NULL && *env != '\0')
		xasprintf(&dir, "%s/atlas", env);
	else if ((env = getenv("SRCDIR")) != NULL && *env != '\0')
		xasprintf(&dir, "%s/tests/fixtures/atlas", env);
	else {
		for (i = 0; i < sizeof tries / sizeof tries[0]; i++) {
			FILE *fp;
			char *probe;

			xasprintf(&probe, "%s/events.csv", tries[i]);
			fp = fopen(probe, "r");
			free(probe);
			if (fp != NULL) {
				fclose(fp);
				dir = xstrdup(tries[i]);
				break;
			}
		}
		if (dir == NULL)
			dir = xstrdup(tries[0]);
	}
	diag_init(&d);
	if (store_load(&fuzz_query_store, dir, &d) != 0) {
		for (i = 0; i < d.n; i++)
			fprintf(stderr, "%s\n", d.msgs[i]);
		fprintf(stderr, "%s: cannot load the fixture atlas (set "
		    "FIXTURES or SRCDIR)\n", dir);
		abort();
	}
	diag_fini(&d);
	free(dir);
	FUZZ_ASSERT(fuzz_query_store.nevents != 0);
	fuzz_query_loaded = 1;
	atexit(fuzz_query_cleanup);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct store *s;
	struct query_result r;
	struct query *q;
	char *text, *cause = NULL;
	size_t i;

	if (!fuzz_query_loaded)
		fuzz_query_setup();
	s = &fuzz_query_store;

	text = xmalloc(size + 1);
	if (size != 0)
		memcpy(text, data, size);
	text[size] = '\0';

	if ((q = query_parse(s, text, &cause)) == NULL) {
		FUZZ_ASSERT(cause != NULL && *cause != '\0');
		free(cause);
		free(text);
		return 0;
	}
	FUZZ_ASSERT(cause == NULL);
	query_set_budget(q, 100);
	if (query_run(q, &r, &cause) != 0) {
		FUZZ_ASSERT(cause != NULL && *cause != '\0');
		free(cause);
	} else {
		FUZZ_ASSERT(cause == NULL);
		FUZZ_ASSERT(r.n <= s->nevents);
		FUZZ_ASSERT(r.n == 0 || r.idx != NULL);
		for (i = 0; i < r.n; i++) {
			FUZZ_ASSERT(r.idx[i] < s->nevents);
			FUZZ_ASSERT(i == 0 || r.idx[i - 1] < r.idx[i]);
		}
		if (query_is_empty(q))
			FUZZ_ASSERT(r.n == s->nevents);
	}
	query_result_free(&r);
	query_free(q);
	free(text);
	return 0;
}
