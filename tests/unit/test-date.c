/* test-date.c: partial dates: parsing, ranges, order and formatting. */
#include "config.h"

#include <stdlib.h>

#include "date.h"
#include "unit.h"

static struct date
parse(const char *s)
{
	struct date d;
	char *cause = NULL;

	if (date_parse(&d, s, strlen(s), &cause) != 0) {
		fprintf(stderr, "unexpected error: %s\n", cause);
		free(cause);
		unit_failures++;
	}
	return d;
}

static int
rejects(const char *s, const char *word)
{
	struct date d;
	char *cause = NULL;
	int ok;

	if (date_parse(&d, s, strlen(s), &cause) == 0)
		return 0;
	ok = strstr(cause, word) != NULL;
	if (!ok)
		fprintf(stderr, "message for '%s': %s\n", s, cause);
	free(cause);
	return ok;
}

int
main(void)
{
	struct date a, b;
	char buf[64];
	int32_t y;
	unsigned m, d;
	int64_t n;

	a = parse("1992-05-08");
	CHECK(a.prec == DATE_DAY && a.year == 1992 && a.month == 5 && a.day == 8);
	CHECK(date_first_day(&a) == date_last_day(&a));
	CHECK(date_day_number(1970, 1, 1) == 0);

	/* A month covers all its days; a year all of its. */
	a = parse("1992-02");
	CHECK(date_last_day(&a) - date_first_day(&a) == 28);	/* leap year */
	a = parse("1993");
	CHECK(date_last_day(&a) - date_first_day(&a) == 364);

	/* BC years are astronomical and sort before AD. */
	a = parse("-0179");
	b = parse("0001");
	CHECK(a.year == -179);
	CHECK(date_cmp(&a, &b) < 0);
	date_format_human(buf, sizeof buf, &a);
	CHECK_STR(buf, "180 BC");
	a = parse("0000");
	date_format_human(buf, sizeof buf, &a);
	CHECK_STR(buf, "1 BC");

	/* Circa is kept and shown. */
	a = parse("1805~");
	CHECK(a.circa && a.prec == DATE_YEAR);
	date_format_iso(buf, sizeof buf, &a);
	CHECK_STR(buf, "1805~");
	date_format_human(buf, sizeof buf, &a);
	CHECK_STR(buf, "c. 1805");

	/* The coarser date sorts first among those starting the same day. */
	a = parse("1992");
	b = parse("1992-01-01");
	CHECK(date_cmp(&a, &b) < 0);

	/* Round trip through day numbers, far back and forward. */
	for (n = date_day_number(-3000, 1, 1); n < date_day_number(2100, 1, 1);
	    n += 997) {
		date_from_day_number(n, &y, &m, &d);
		CHECK(date_day_number(y, m, d) == n);
	}

	/* Empty means no date. */
	a = parse("");
	CHECK(!date_is_set(&a));

	CHECK(rejects("1992-13", "month 13"));
	CHECK(rejects("1993-02-29", "day 29"));
	CHECK(rejects("92-05-08", "invalid date"));
	CHECK(rejects("1992/05/08", "invalid date"));
	CHECK(rejects("1992-05-08x", "invalid date"));
	CHECK(rejects("1992-5", "invalid date"));
	UNIT_END();
}
