/* date.c: parsing, ordering and formatting of partial dates.
 *
 * The grammar is the subset of ISO 8601 / EDTF level 1 the atlas needs:
 *
 *	date  = ["-"] 4*DIGIT ["-" MM ["-" DD]] ["~"]
 *
 * Day numbers count days from 1970-01-01 in the proleptic Gregorian
 * calendar (H. Hinnant's days_from_civil), so BC dates order correctly. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "xalloc.h"

static bool
date_is_leap(int32_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
date_month_days(int32_t y, unsigned m)
{
	static const unsigned char days[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && date_is_leap(y))
		return 29;
	return days[m - 1];
}

/* Returns the number of days from 1970-01-01 to the given day. */
int64_t
date_day_number(int32_t year, unsigned month, unsigned day)
{
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* Converts a day number back to year, month and day. */
void
date_from_day_number(int64_t n, int32_t *year, unsigned *month, unsigned *day)
{
	int64_t z = n + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	unsigned m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);

	*day = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*month = m;
	*year = (int32_t)(yoe + era * 400 + (m <= 2));
}

static int
date_digits(const char *s, size_t len, size_t *pos, size_t n, int *out)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (*pos + i >= len || s[*pos + i] < '0' || s[*pos + i] > '9')
			return -1;
		v = v * 10 + (s[*pos + i] - '0');
	}
	*pos += n;
	*out = v;
	return 0;
}

/*
 * Parses the LEN bytes at S into D. An empty string gives a date with
 * precision DATE_NONE. Returns 0, or -1 with a message in *CAUSE (to be
 * freed) that names what is wrong.
 */
int
date_parse(struct date *d, const char *s, size_t len, char **cause)
{
	size_t pos = 0;
	int year, month = 0, day = 0;
	bool neg = false;

	memset(d, 0, sizeof *d);
	if (len == 0)
		return 0;
	if (s[0] == '-') {
		neg = true;
		pos++;
	}
	if (date_digits(s, len, &pos, 4, &year) != 0)
		goto bad;
	d->prec = DATE_YEAR;
	if (pos < len && s[pos] == '-') {
		pos++;
		if (date_digits(s, len, &pos, 2, &month) != 0)
			goto bad;
		if (month < 1 || month > 12) {
			xasprintf(cause, _("month %02d out of range in date '%.*s'"),
			    month, (int)len, s);
			return -1;
		}
		d->prec = DATE_MONTH;
		if (pos < len && s[pos] == '-') {
			pos++;
			if (date_digits(s, len, &pos, 2, &day) != 0)
				goto bad;
			d->prec = DATE_DAY;
		}
	}
	if (pos < len && s[pos] == '~') {
		d->circa = true;
		pos++;
	}
	if (pos != len)
		goto bad;
	d->year = neg ? -year : year;
	d->month = (uint8_t)month;
	d->day = (uint8_t)day;
	if (d->prec == DATE_DAY &&
	    (day < 1 || (unsigned)day > date_month_days(d->year, (unsigned)month))) {
		xasprintf(cause, _("day %02d out of range in date '%.*s'"), day,
		    (int)len, s);
		return -1;
	}
	return 0;
bad:
	xasprintf(cause, _("invalid date '%.*s' (want YYYY, YYYY-MM or "
	    "YYYY-MM-DD, '-' before the year for BC, '~' after for circa)"),
	    (int)len, s);
	return -1;
}

/* Returns true if D holds a date (its field was not empty). */
bool
date_is_set(const struct date *d)
{
	return d->prec != DATE_NONE;
}

/* Returns the day number of the first day D covers. */
int64_t
date_first_day(const struct date *d)
{
	switch (d->prec) {
	case DATE_DAY:
		return date_day_number(d->year, d->month, d->day);
	case DATE_MONTH:
		return date_day_number(d->year, d->month, 1);
	default:
		return date_day_number(d->year, 1, 1);
	}
}

/* Returns the day number of the last day D covers. */
int64_t
date_last_day(const struct date *d)
{
	switch (d->prec) {
	case DATE_DAY:
		return date_day_number(d->year, d->month, d->day);
	case DATE_MONTH:
		return date_day_number(d->year, d->month,
		    date_month_days(d->year, d->month));
	default:
		return date_day_number(d->year, 12, 31);
	}
}

/*
 * Orders two dates: by first day, then the coarser (longer) one first, so
 * "1992" comes before "1992-01" which comes before "1992-01-01".
 */
int
date_cmp(const struct date *a, const struct date *b)
{
	int64_t fa = date_first_day(a), fb = date_first_day(b);

	if (fa != fb)
		return fa < fb ? -1 : 1;
	if (a->prec != b->prec)
		return a->prec < b->prec ? -1 : 1;
	return 0;
}

/* Writes D as it is stored ("-0179", "1992-05~"); returns the length. */
size_t
date_format_iso(char *buf, size_t size, const struct date *d)
{
	int y = d->year < 0 ? -d->year : d->year;
	const char *sign = d->year < 0 ? "-" : "";
	const char *c = d->circa ? "~" : "";
	int n;

	switch (d->prec) {
	case DATE_DAY:
		n = snprintf(buf, size, "%s%04d-%02u-%02u%s", sign, y,
		    d->month, d->day, c);
		break;
	case DATE_MONTH:
		n = snprintf(buf, size, "%s%04d-%02u%s", sign, y, d->month, c);
		break;
	case DATE_YEAR:
		n = snprintf(buf, size, "%s%04d%s", sign, y, c);
		break;
	default:
		n = snprintf(buf, size, "%s", "");
		break;
	}
	return n < 0 ? 0 : (size_t)n;
}

/*
 * Writes D for a reader: "1992-05-08", "1992-05", "1992", "387", "c. 1805",
 * "180 BC" (BC years are shown as historians count them, without a year
 * zero). Returns the length.
 */
size_t
date_format_human(char *buf, size_t size, const struct date *d)
{
	const char *c = d->circa ? "c. " : "";
	int n;

	if (d->prec == DATE_NONE)
		n = snprintf(buf, size, "%s", "");
	else if (d->year <= 0) {
		int bc = 1 - d->year;

		if (d->prec == DATE_DAY)
			n = snprintf(buf, size, "%s%d-%02u-%02u BC", c, bc,
			    d->month, d->day);
		else if (d->prec == DATE_MONTH)
			n = snprintf(buf, size, "%s%d-%02u BC", c, bc, d->month);
		else
			n = snprintf(buf, size, "%s%d BC", c, bc);
	} else if (d->prec == DATE_DAY)
		n = snprintf(buf, size, "%s%04d-%02u-%02u", c, d->year,
		    d->month, d->day);
	else if (d->prec == DATE_MONTH)
		n = snprintf(buf, size, "%s%04d-%02u", c, d->year, d->month);
	else
		n = snprintf(buf, size, "%s%d", c, d->year);
	return n < 0 ? 0 : (size_t)n;
}
