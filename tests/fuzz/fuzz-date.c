/* fuzz-date.c: libFuzzer target for the partial-date parser.
 *
 * Any bytes go to date_parse(). What it accepts must keep the date.h
 * contract and survive a round trip: formatted by date_format_iso() it
 * re-parses to the same date, and date_format_human() writes something
 * that fits; its first and last days come back from the day numbers as
 * the dates they stand for. What it rejects must come with a message. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fuzz.h"

static void
fuzz_date_days(const struct date *d)
{
	int64_t first = date_first_day(d), last = date_last_day(d);
	unsigned m, day;
	int32_t y;

	FUZZ_ASSERT(first <= last);
	date_from_day_number(first, &y, &m, &day);
	FUZZ_ASSERT(y == d->year);
	FUZZ_ASSERT(m == (d->prec >= DATE_MONTH ? d->month : 1u));
	FUZZ_ASSERT(day == (d->prec == DATE_DAY ? d->day : 1u));
	date_from_day_number(last, &y, &m, &day);
	FUZZ_ASSERT(y == d->year);
	FUZZ_ASSERT(m == (d->prec >= DATE_MONTH ? d->month : 12u));
	FUZZ_ASSERT(date_day_number(y, m, day) == last);
	FUZZ_ASSERT(date_cmp(d, d) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct date d, again;
	char iso[64], human[64], *cause = NULL;
	size_t n;

	if (date_parse(&d, (const char *)data, size, &cause) != 0) {
		FUZZ_ASSERT(cause != NULL && *cause != '\0');
		free(cause);
		return 0;
	}
	FUZZ_ASSERT(cause == NULL);
	FUZZ_ASSERT(date_is_set(&d) == (size != 0));
	if (!date_is_set(&d))
		return 0;
	FUZZ_ASSERT(d.year >= DATE_YEAR_MIN && d.year <= DATE_YEAR_MAX);
	FUZZ_ASSERT(d.prec >= DATE_YEAR && d.prec <= DATE_DAY);
	FUZZ_ASSERT(d.prec >= DATE_MONTH ? d.month >= 1 && d.month <= 12 :
	    d.month == 0);
	FUZZ_ASSERT(d.prec == DATE_DAY ? d.day >= 1 && d.day <= 31 :
	    d.day == 0);

	n = date_format_iso(iso, sizeof iso, &d);
	FUZZ_ASSERT(n > 0 && n < sizeof iso && strlen(iso) == n);
	if (date_parse(&again, iso, n, &cause) != 0) {
		fprintf(stderr, "'%s' does not re-parse: %s\n", iso, cause);
		abort();
	}
	FUZZ_ASSERT(again.year == d.year && again.month == d.month &&
	    again.day == d.day && again.prec == d.prec &&
	    again.circa == d.circa);
	FUZZ_ASSERT(date_cmp(&d, &again) == 0);

	n = date_format_human(human, sizeof human, &d);
	FUZZ_ASSERT(n > 0 && n < sizeof human && strlen(human) == n);
	FUZZ_ASSERT((strstr(human, "BC") != NULL) == (d.year <= 0));
	FUZZ_ASSERT((strncmp(human, "c. ", 3) == 0) == d.circa);

	fuzz_date_days(&d);
	return 0;
}
