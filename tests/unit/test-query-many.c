/* test-query-many.c: text queries over more events than one thread's share
 * of the scan (a generated data package of 20,000 events): the same events,
 * in the same order, on one thread and on several, and the same "too
 * complex" failures, from pcre2's limit and from the time budget; and
 * patterns of words between '|', which regex.c looks for word by word. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "query.h"
#include "store.h"
#include "unit.h"
#include "xalloc.h"

#define NEVENTS		20000
#define HOSTILE		(NEVENTS - 3)	/* 40 a's: past pcre2's limit */

static struct store s;

/* Writes events.csv for NEVENTS events into DIR; what each holds is a
 * function of its number, so the tests know which should match. Returns
 * -1 if the file cannot be written. */
static int
write_events(const char *dir)
{
	char *path;
	FILE *fp;
	int i;

	xasprintf(&path, "%s/events.csv", dir);
	fp = fopen(path, "w");
	free(path);
	if (fp == NULL)
		return -1;
	fprintf(fp, "id,start,end,type,era_id,title_en,title_zh_hans,"
	    "title_zh_hant,title_vi,summary_en,summary_zh_hans,"
	    "summary_zh_hant,summary_vi,place_ids,actor_ids,source_ids,"
	    "fatalities_low,fatalities_best,fatalities_high,displaced_low,"
	    "displaced_best,displaced_high,confidence\n");
	for (i = 0; i < NEVENTS; i++) {
		/* Dates shuffled against the file's order. */
		fprintf(fp, "e%05d,%04d-%02d-%02d,,%s,,Event %d%s,,,%s,%s,,,"
		    "%s,,,,,,,,,,\n", i, 1000 + (i * 7919) % 1000,
		    1 + i % 12, 1 + i % 28, i % 2 ? "battle" : "treaty", i,
		    i % 7 == 3 ? " needle" : "",
		    i % 11 == 0 ? "phong tỏa" : "",
		    i == HOSTILE ? "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" :
		    i % 5 == 0 ? "haystack village" : "quiet",
		    "xxxxxxxxxxxxxxxxxx!");
	}
	return fclose(fp) == 0 ? 0 : -1;
}

/* Does event number I satisfy query number K of main()'s list? */
static int
want(int k, int i)
{
	switch (k) {
	case 0:
		return i % 7 == 3;
	case 1:
		return i % 7 == 3 && i % 5 != 0;
	case 2:
		return i % 2 == 1 && (i % 7 == 3 || i % 5 == 0);
	case 3:
		return i % 11 == 0;
	case 4:
		return 0;
	case 5:
		return i % 7 == 3;
	case 6:
		return i % 2 == 0 && i % 7 != 3 && i % 5 != 0 &&
		    i % 11 == 0;
	case 7:
		return i % 2 == 1 && (i % 7 == 3 || i % 5 == 0);
	case 8:
		return 1;
	case 9:
		return 0;
	}
	return 0;
}

/* Runs TEXT on THREADS threads (0: one per core) and checks it selects
 * exactly the events want(K, ...) says, in date order. */
static void
check_query(const char *text, int k, int threads)
{
	struct query_result r;
	struct query *q;
	char *cause;
	size_t i, n = 0, bad = 0;

	if ((q = query_parse(&s, text, &cause)) == NULL) {
		fprintf(stderr, "%s: %s\n", text, cause);
		free(cause);
		CHECK(q != NULL);
		return;
	}
	query_set_threads(q, threads);
	if (query_run(q, &r, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", text, cause);
		free(cause);
		CHECK(!"query_run failed");
		query_free(q);
		return;
	}
	for (i = 0; i < s.nevents; i++) {
		if (!want(k, atoi(s.events[i].id + 1)))
			continue;
		if (n >= r.n || r.idx[n] != i)
			bad++;
		n++;
	}
	if (bad != 0 || n != r.n)
		fprintf(stderr, "%s on %d threads: %zu events, want %zu; %zu "
		    "misplaced\n", text, threads, r.n, n, bad);
	CHECK(bad == 0 && n == r.n);
	query_result_free(&r);
	query_free(q);
}

/* Runs TEXT on THREADS threads with a budget of BUDGET ms (0: none) and
 * checks it fails as too complex. (How soon is the benchmarks' business,
 * not a test's: a loaded machine or valgrind may be slow.) */
static void
check_complex(const char *text, int threads, long budget)
{
	struct query_result r;
	struct query *q;
	char *cause = NULL;

	if ((q = query_parse(&s, text, &cause)) == NULL) {
		free(cause);
		CHECK(q != NULL);
		return;
	}
	query_set_threads(q, threads);
	query_set_budget(q, budget);
	CHECK(query_run(q, &r, &cause) == -1 && cause != NULL &&
	    strstr(cause, "too complex") != NULL);
	free(cause);
	query_free(q);
}

int
main(void)
{
	static const char *const queries[] = {
		"/needle/",
		"needle -/village/",
		"type:battle /needle|village/",
		"/phong toa/",		/* folded: finds "phong tỏa" */
		"/NEEDLE/",		/* smart case: none */
		"/(n)(e)(e)(d)(l)(e)/",	/* more groups than the scratch */
		"type:treaty -needle /phong/ -/village/",
		/* Words between '|' are also looked for one by one
		 * (regex.c), with the case rule of the whole pattern. */
		"type:battle /(?:needle|village)/",
		"/village|event/",	/* "Event" in every title */
		"/Village|event/",	/* a capital: exact case, none */
	};
	static const int threads[] = { 1, 2, 4, 0 };
	char dir[] = "/tmp/test-query-many.XXXXXX", *path;
	struct diag d;
	size_t k, t;

	if (mkdtemp(dir) == NULL || write_events(dir) != 0)
		return 99;
	diag_init(&d);
	if (store_load(&s, dir, &d) != 0 || s.nevents != NEVENTS)
		return 99;
	for (k = 0; k < sizeof queries / sizeof queries[0]; k++)
		for (t = 0; t < sizeof threads / sizeof threads[0]; t++)
			check_query(queries[k], (int)k, threads[t]);

	/* One event past pcre2's match limit fails the whole query on any
	 * number of threads, wherever its chunk falls; left out by a cheap
	 * term, it is never tested. */
	for (t = 0; t < sizeof threads / sizeof threads[0]; t++) {
		check_complex("/(a+)+$/", threads[t], 0);
		check_complex("-type:treaty /(a+)+$/", threads[t], 0);
	}
	check_query("type:treaty /(a+)+$/", 4, 4);
	/* Every event is under the limit (18 x's, ~2^18 steps), so without
	 * a budget the query succeeds after seconds: failing as too complex
	 * within a budget of 20 ms shows the budget stops every thread. */
	for (t = 0; t < sizeof threads / sizeof threads[0]; t++)
		check_complex("/(x+)+$/", threads[t], 20);

	store_free(&s);
	diag_fini(&d);
	xasprintf(&path, "%s/events.csv", dir);
	unlink(path);
	free(path);
	rmdir(dir);
	UNIT_END();
}
