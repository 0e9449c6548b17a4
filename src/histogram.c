/* histogram.c: counting events per period. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "histogram.h"
#include "store.h"
#include "xalloc.h"

/* Returns the unit named S ("month", "year", "decade", "century"), or -1. */
int
histogram_unit_parse(const char *s)
{
	static const char *const names[] = {
		"month", "year", "decade", "century"
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

static int64_t
histogram_floor(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static int64_t
histogram_key(const struct date *d, enum histogram_unit u)
{
	switch (u) {
	case HISTOGRAM_MONTH:
		return (int64_t)d->year * 12 + (d->month ? d->month - 1 : 0);
	case HISTOGRAM_YEAR:
		return d->year;
	case HISTOGRAM_DECADE:
		return histogram_floor(d->year, 10);
	default:
		return histogram_floor(d->year, 100);
	}
}

static void
histogram_label(char *buf, size_t size, int64_t key, enum histogram_unit u)
{
	struct date a, b;
	size_t n;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	a.prec = b.prec = DATE_YEAR;
	switch (u) {
	case HISTOGRAM_MONTH:
		a.prec = DATE_MONTH;
		a.year = (int32_t)histogram_floor(key, 12);
		a.month = (uint8_t)(key - (int64_t)a.year * 12 + 1);
		date_format_human(buf, size, &a);
		return;
	case HISTOGRAM_YEAR:
		a.year = (int32_t)key;
		date_format_human(buf, size, &a);
		return;
	case HISTOGRAM_DECADE:
		a.year = (int32_t)(key * 10);
		b.year = a.year + 9;
		break;
	default:
		a.year = (int32_t)(key * 100);
		b.year = a.year + 99;
		break;
	}
	n = date_format_human(buf, size, &a);
	if (n + 4 < size) {
		memcpy(buf + n, "\xe2\x80\x93", 3);	/* en dash */
		date_format_human(buf + n + 3, size - n - 3, &b);
	}
}

/* Counts the N events at positions EVENTS of S by unit U into H. */
void
histogram_build(struct histogram *h, const struct store *s,
    const size_t *events, size_t n, enum histogram_unit u)
{
	struct histogram_bin *bin = NULL;
	size_t i;
	int64_t key;

	memset(h, 0, sizeof *h);
	for (i = 0; i < n; i++) {
		/* Events come in date order, so bins do too. */
		key = histogram_key(&s->events[events[i]].start, u);
		if (bin == NULL || bin->key != key) {
			h->bins = xreallocarray(h->bins, h->n + 1,
			    sizeof *h->bins);
			bin = &h->bins[h->n++];
			bin->key = key;
			bin->count = 0;
			histogram_label(bin->label, sizeof bin->label, key, u);
		}
		if (++bin->count > h->max)
			h->max = bin->count;
	}
}

/* Frees the bins of H. */
void
histogram_free(struct histogram *h)
{
	free(h->bins);
	memset(h, 0, sizeof *h);
}
