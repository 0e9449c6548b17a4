/* test-date.c: partial dates: parsing, ranges, order and formatting. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

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

/* Checks that the dates A (and B, "" for none) read WANT in L. */
static int
reads(const char *a, const char *b, enum lang l, const char *want)
{
	struct date da = parse(a), db;
	char buf[96];

	memset(&db, 0, sizeof db);
	if (b[0] != '\0')
		db = parse(b);
	date_format_span(buf, sizeof buf, &da, &db, l);
	if (strcmp(buf, want) == 0)
		return 1;
	fprintf(stderr, "%s..%s in %s: got \"%s\", want \"%s\"\n", a, b,
	    lang_tag(l), buf, want);
	return 0;
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

	/* Dates the reader's way, in each language. */
	CHECK(reads("1992-05-09", "", LANG_ZH_HANS, "1992年5月9日"));
	CHECK(reads("1992-05", "", LANG_ZH_HANS, "1992年5月"));
	CHECK(reads("1992", "", LANG_ZH_HANT, "1992年"));
	CHECK(reads("-0179", "", LANG_ZH_HANS, "公元前180年"));
	CHECK(reads("1805~", "", LANG_ZH_HANS, "约1805年"));
	CHECK(reads("1805~", "", LANG_ZH_HANT, "約1805年"));
	CHECK(reads("1992-05-09", "", LANG_VI, "9 tháng 5 năm 1992"));
	CHECK(reads("1992-05", "", LANG_VI, "tháng 5 năm 1992"));
	CHECK(reads("1992", "", LANG_VI, "năm 1992"));
	CHECK(reads("-0179", "", LANG_VI, "180 TCN"));
	CHECK(reads("1805~", "", LANG_VI, "khoảng 1805"));
	CHECK(reads("1992-05-09", "", LANG_EN, "9 May 1992"));
	CHECK(reads("1992-05", "", LANG_EN, "May 1992"));
	CHECK(reads("1992", "", LANG_EN, "1992"));
	CHECK(reads("-0179", "", LANG_EN, "180 BC"));
	CHECK(reads("-0179~", "", LANG_EN, "c. 180 BC"));
	CHECK(reads("1805~", "", LANG_EN, "c. 1805"));
	CHECK(reads("-0179-03-02", "", LANG_EN, "2 Mar 180 BC"));
	CHECK(reads("-0179-03", "", LANG_VI, "tháng 3 năm 180 TCN"));
	CHECK(reads("-0179-03-02", "", LANG_ZH_HANS, "公元前180年3月2日"));

	/* Spans: an en dash, the year said once within one year. */
	CHECK(reads("1437", "1467", LANG_EN, "1437 \xe2\x80\x93 1467"));
	CHECK(reads("-0399", "-0100", LANG_VI, "400 TCN \xe2\x80\x93 101 TCN"));
	CHECK(reads("2023-09-19", "2023-09-20", LANG_EN,
	    "19\xe2\x80\x93" "20 Sep 2023"));
	CHECK(reads("2020-09-27", "2020-11-10", LANG_EN,
	    "27 Sep \xe2\x80\x93 10 Nov 2020"));
	CHECK(reads("2020-09-27", "2020-11-10", LANG_ZH_HANS,
	    "2020年9月27日\xe2\x80\x93" "11月10日"));
	CHECK(reads("2023-09-19", "2023-09-20", LANG_VI,
	    "19\xe2\x80\x93" "20 tháng 9 năm 2023"));
	CHECK(reads("1988-02", "1989-10", LANG_EN,
	    "Feb 1988 \xe2\x80\x93 Oct 1989"));
	CHECK(reads("1988-02", "1988-10", LANG_ZH_HANT,
	    "1988年2月\xe2\x80\x93" "10月"));
	CHECK(reads("1988-02~", "1988-10", LANG_EN,
	    "c. Feb 1988 \xe2\x80\x93 Oct 1988"));
	UNIT_END();
}
