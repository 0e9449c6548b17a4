/* date.h: partial, possibly approximate, possibly BC calendar dates.
 *
 * Contract: a date is what a source states: a year, a month or a day, with
 * an optional "circa" mark. Years are astronomical (0 = 1 BC, -179 = 180
 * BC) in the proleptic Gregorian calendar. A partial date stands for every
 * day it covers: date_first_day() and date_last_day() give that interval as
 * day numbers, which is what range queries and sorting use. */
#ifndef DATE_H
#define DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lang.h"

enum date_prec {
	DATE_NONE = 0,		/* no date (an empty field) */
	DATE_YEAR,
	DATE_MONTH,
	DATE_DAY
};

struct date {
	int32_t		year;
	uint8_t		month;	/* 1-12, 0 when precision is coarser */
	uint8_t		day;	/* 1-31, 0 when precision is coarser */
	uint8_t		prec;	/* enum date_prec */
	bool		circa;	/* written with a trailing '~' (EDTF) */
};

#define DATE_YEAR_MIN	(-9999)
#define DATE_YEAR_MAX	9999

int	 date_parse(struct date *, const char *s, size_t len, char **cause);
int64_t	 date_first_day(const struct date *);
int64_t	 date_last_day(const struct date *);
int64_t	 date_day_number(int32_t year, unsigned month, unsigned day);
void	 date_from_day_number(int64_t n, int32_t *year, unsigned *month, unsigned *day);
int	 date_cmp(const struct date *, const struct date *);
size_t	 date_format_iso(char *buf, size_t size, const struct date *);
size_t	 date_format_human(char *buf, size_t size, const struct date *);
bool	 date_is_set(const struct date *);

/* date-format.c: dates for readers of each language. */
size_t	 date_format_lang(char *buf, size_t size, const struct date *,
	    enum lang);
size_t	 date_format_span(char *buf, size_t size, const struct date *,
	    const struct date *, enum lang);

#endif
