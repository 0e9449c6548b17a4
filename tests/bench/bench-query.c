/* bench-query.c: loads a data package with the core library and times
 * queries against it in-process (each run many times; the median is
 * reported), since a sub-millisecond query is below what a process-level
 * timer can see. With "load" only, loads and exits: tests/bench/run times
 * that with hyperfine and /usr/bin/time.
 *
 *	bench-query load DIR
 *	bench-query queries DIR
 *	bench-query query DIR QUERY...	(each QUERY 11 times)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "diag.h"
#include "query.h"
#include "store.h"

/* Runs TEXT RUNS times; prints the median time and the result count. */
static void
bench(const struct store *s, const char *text, int runs)
{
	struct query_result r;
	struct query *q;
	double t[64], t0;
	char *cause;
	size_t n = 0;
	int i;

	for (i = 0; i < runs; i++) {
		t0 = bench_now();
		if ((q = query_parse(s, text, &cause)) == NULL) {
			fprintf(stderr, "%s: %s\n", text, cause);
			exit(1);
		}
		if (query_run(q, &r, &cause) != 0) {
			fprintf(stderr, "%s: %s\n", text, cause);
			exit(1);
		}
		t[i] = bench_now() - t0;
		n = r.n;
		query_result_free(&r);
		query_free(q);
	}
	printf("| `%s` | %zu | %.3f ms |\n", text, n,
	    bench_median(t, (size_t)runs) * 1e3);
}

int
main(int argc, char **argv)
{
	struct store s;
	struct diag d;
	double t0;
	size_t i;

	if (argc < 3 || (argc > 3 && strcmp(argv[1], "query") != 0)) {
		fprintf(stderr, "usage: bench-query load|queries DIR\n"
		    "       bench-query query DIR QUERY...\n");
		return 2;
	}
	diag_init(&d);
	t0 = bench_now();
	if (store_load(&s, argv[2], &d) != 0) {
		for (i = 0; i < d.n; i++)
			fprintf(stderr, "%s\n", d.msgs[i]);
		return 65;
	}
	if (strcmp(argv[1], "load") == 0) {
		printf("%zu events loaded and indexed in %.2f s\n", s.nevents,
		    bench_now() - t0);
		return 0;
	}
	printf("| query | events | median time |\n|---|---:|---:|\n");
	if (strcmp(argv[1], "query") == 0) {
		for (i = 3; i < (size_t)argc; i++)
			bench(&s, argv[i], 11);
		store_free(&s);
		diag_fini(&d);
		return 0;
	}
	bench(&s, "1992-05..1992-06", 21);
	bench(&s, "1850", 21);
	bench(&s, "place:p1234", 21);
	bench(&s, "place:p7", 21);
	bench(&s, "actor:a345", 21);
	bench(&s, "actor:a3", 21);
	bench(&s, "type:battle", 5);
	bench(&s, "/village|铁路|phong tỏa/", 5);
	bench(&s, "/day 12345\\b/", 5);
	bench(&s, "1900..1950 place:p7 /ceasefire/", 5);
	store_free(&s);
	diag_fini(&d);
	return 0;
}
