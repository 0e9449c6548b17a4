/* date-format.c: dates written the way each language's readers write them.
 *
 * English "9 May 1992", "Sep 1992" (months abbreviated, so that dates
 * fit an 80-column timeline), "180 BC", "c. 1805"; Chinese
 * "1992年5月9日", "公元前180年", "约1805年" (traditional "約"); Vietnamese
 * "9 tháng 5 năm 1992", "năm 1992", "180 TCN", "khoảng 1805". BC years
 * are counted as historians count them, without a year zero; a partial
 * date never looks more exact than its source. Machine formats (CSV, TSV,
 * JSON) keep date_format_iso(). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

static const char *const date_format_months_en[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
	"Oct", "Nov", "Dec"
};

/* Appends with snprintf semantics; keeps *N the length so far (clamped
 * to SIZE - 1 once the buffer is full). */
static void
date_format_add(char *buf, size_t size, size_t *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
date_format_add(char *buf, size_t size, size_t *n, const char *fmt, ...)
{
	va_list ap;
	int r;

	if (size == 0 || *n >= size - 1)
		return;
	va_start(ap, fmt);
	r = vsnprintf(buf + *n, size - *n, fmt, ap);
	va_end(ap);
	if (r < 0)
		return;
	*n += (size_t)r;
	if (*n > size - 1)
		*n = size - 1;
}

/*
 * Writes D for a reader of language L ("" for no date); returns the
 * length written (truncated to fit SIZE, which must be at least 1).
 */
size_t
date_format_lang(char *buf, size_t size, const struct date *d, enum lang l)
{
	int bc = d->year <= 0;
	long y = bc ? 1 - (long)d->year : (long)d->year;
	size_t n = 0;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (d->prec == DATE_NONE)
		return 0;
	switch (l) {
	case LANG_ZH_HANS:
	case LANG_ZH_HANT:
		if (d->circa)
			date_format_add(buf, size, &n, "%s",
			    l == LANG_ZH_HANT ? "約" : "约");
		date_format_add(buf, size, &n, "%s%ld年", bc ? "公元前" : "", y);
		if (d->prec >= DATE_MONTH)
			date_format_add(buf, size, &n, "%u月", d->month);
		if (d->prec == DATE_DAY)
			date_format_add(buf, size, &n, "%u日", d->day);
		break;
	case LANG_VI:
		if (d->circa)
			date_format_add(buf, size, &n, "khoảng ");
		if (d->prec == DATE_DAY)
			date_format_add(buf, size, &n, "%u ", d->day);
		if (d->prec >= DATE_MONTH)
			date_format_add(buf, size, &n, "tháng %u ", d->month);
		if (bc)
			date_format_add(buf, size, &n, "%s%ld TCN",
			    d->prec >= DATE_MONTH ? "năm " : "", y);
		else if (d->prec >= DATE_MONTH || !d->circa)
			date_format_add(buf, size, &n, "năm %ld", y);
		else
			date_format_add(buf, size, &n, "%ld", y);
		break;
	default:
		if (d->circa)
			date_format_add(buf, size, &n, "c. ");
		if (d->prec == DATE_DAY)
			date_format_add(buf, size, &n, "%u ", d->day);
		if (d->prec >= DATE_MONTH && d->month >= 1 && d->month <= 12)
			date_format_add(buf, size, &n, "%s ",
			    date_format_months_en[d->month - 1]);
		date_format_add(buf, size, &n, "%ld%s", y, bc ? " BC" : "");
		break;
	}
	return n;
}

/* Writes the part of D that a span's start needs when its end, of the
 * same year (and month if SAME_MONTH), follows: "19", "19 Sep" or
 * "Sep"; Chinese keeps the whole start ("2023年9月19日"). */
static size_t
date_format_head(char *buf, size_t size, const struct date *d, enum lang l,
    int same_month)
{
	size_t n = 0;

	buf[0] = '\0';
	switch (l) {
	case LANG_ZH_HANS:
	case LANG_ZH_HANT:
		return date_format_lang(buf, size, d, l);
	case LANG_VI:
		if (d->prec == DATE_DAY)
			date_format_add(buf, size, &n, "%u", d->day);
		if (!same_month)
			date_format_add(buf, size, &n, "%stháng %u",
			    n ? " " : "", d->month);
		break;
	default:
		if (d->prec == DATE_DAY)
			date_format_add(buf, size, &n, "%u", d->day);
		if (!same_month)
			date_format_add(buf, size, &n, "%s%s", n ? " " : "",
			    date_format_months_en[d->month - 1]);
		break;
	}
	return n;
}

/* Writes the part of D that ends a span begun in the same year (and
 * month if SAME_MONTH): the whole date, less the year and month for
 * Chinese ("20日", "11月10日"). */
static size_t
date_format_tail(char *buf, size_t size, const struct date *d, enum lang l,
    int same_month)
{
	size_t n = 0;

	if (l != LANG_ZH_HANS && l != LANG_ZH_HANT)
		return date_format_lang(buf, size, d, l);
	buf[0] = '\0';
	if (!same_month)
		date_format_add(buf, size, &n, "%u月", d->month);
	if (d->prec == DATE_DAY)
		date_format_add(buf, size, &n, "%u日", d->day);
	return n;
}

/*
 * Writes the span from A to B for language L; returns the length. A span
 * within one year says the year once, as readers write it: "19–20 Sep
 * 2023", "27 Sep – 10 Nov 2020", "2023年9月19日–20日", "19–20 tháng 9
 * năm 2023"; other spans are "A – B" with an en dash. B not set: A alone.
 */
size_t
date_format_span(char *buf, size_t size, const struct date *a,
    const struct date *b, enum lang l)
{
	int same_month;
	size_t n;

	if (size == 0)
		return 0;
	if (date_is_set(b) && a->year == b->year && a->year > 0 &&
	    a->prec == b->prec && a->prec >= DATE_MONTH && !a->circa &&
	    !b->circa) {
		same_month = a->prec == DATE_DAY && a->month == b->month;
		n = date_format_head(buf, size, a, l, same_month);
		/* an en dash, spaced between two multi-word parts */
		date_format_add(buf, size, &n, "%s", same_month ||
		    l == LANG_ZH_HANS || l == LANG_ZH_HANT ?
		    "\xe2\x80\x93" : " \xe2\x80\x93 ");
		if (n + 1 < size)
			n += date_format_tail(buf + n, size - n, b, l,
			    same_month);
		return n;
	}
	n = date_format_lang(buf, size, a, l);
	if (date_is_set(b) && n + 6 < size) {
		memcpy(buf + n, " \xe2\x80\x93 ", 5);	/* en dash */
		n += 5;
		buf[n] = '\0';
		n += date_format_lang(buf + n, size - n, b, l);
	}
	return n;
}
