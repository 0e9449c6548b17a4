/* histogram.h: events counted per period, the model behind
 * "ttyatlas timeline" and the TUI's density bar.
 *
 * Contract: histogram_build() counts the given events by the period their
 * start falls in (an event dated only to a year counts in the first period
 * of that year) and keeps only the periods that have events, in order. */
#ifndef HISTOGRAM_H
#define HISTOGRAM_H

#include <stddef.h>
#include <stdint.h>

struct store;

enum histogram_unit {
	HISTOGRAM_MONTH,
	HISTOGRAM_YEAR,
	HISTOGRAM_DECADE,
	HISTOGRAM_CENTURY
};

struct histogram_bin {
	int64_t		 key;		/* months, years, decades or centuries */
	char		 label[48];	/* "1992-05", "1992", "1990–1999" */
	size_t		 count;
};

struct histogram {
	struct histogram_bin	*bins;
	size_t			 n;
	size_t			 max;		/* largest count */
};

int	histogram_unit_parse(const char *);
void	histogram_build(struct histogram *, const struct store *,
	    const size_t *events, size_t n, enum histogram_unit);
void	histogram_free(struct histogram *);

#endif
