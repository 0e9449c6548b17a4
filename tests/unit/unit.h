/* unit.h: the few checks the unit tests need.
 *
 * Each CHECK that fails prints file:line and the expression and makes the
 * test exit 1; UNIT_END returns the exit status for the automake harness. */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failures;
static int unit_checks;

#define CHECK(cond) do {						\
	unit_checks++;							\
	if (!(cond)) {							\
		unit_failures++;					\
		fprintf(stderr, "%s:%d: failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
	}								\
} while (0)

#define CHECK_STR(got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	unit_checks++;							\
	if (g_ == NULL || strcmp(g_, w_) != 0) {			\
		unit_failures++;					\
		fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n",	\
		    __FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_);	\
	}								\
} while (0)

#define UNIT_END() do {							\
	printf("%d checks, %d failed\n", unit_checks, unit_failures);	\
	return unit_failures ? 1 : 0;					\
} while (0)

#endif
