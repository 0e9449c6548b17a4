/* clock.h: the in-process benchmarks' timer and median, shared by
 * bench-map.c and bench-query.c (header-only: two tiny functions). */
#ifndef BENCH_CLOCK_H
#define BENCH_CLOCK_H

#include <stdlib.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static inline double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Sorts the N times in T and returns their median. */
static inline double
bench_median(double *t, size_t n)
{
	qsort(t, n, sizeof *t, bench_cmp_double);
	return t[n / 2];
}

#endif
