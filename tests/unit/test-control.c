/* test-control.c: control intervals by date (first day of start to first
 * day of end, open bounds), uncertainty at imprecise bounds, changes in
 * a span, and the map's key and fills for a controller. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "control-at.h"
#include "raster.h"
#include "store.h"
#include "unit.h"

static int64_t
day(const char *s)
{
	int64_t d = 0;
	char *cause = NULL;

	CHECK(control_day_parse(s, &d, &cause) == 0);
	free(cause);
	return d;
}

static void
set(struct control *c, const char *area, const char *who, const char *kind,
    const char *start, const char *end)
{
	char *cause = NULL;

	memset(c, 0, sizeof *c);
	c->id = area;
	c->area_id = area;
	c->controller_id = who;
	c->kind = kind;
	c->cause_event_id = "";
	c->confidence = "low";
	CHECK(date_parse(&c->start, start, strlen(start), &cause) == 0);
	CHECK(date_parse(&c->end, end, strlen(end), &cause) == 0);
	free(cause);
}

static void
test_intervals(void)
{
	struct control rows[4];
	struct control_change ch[4];
	struct control_at at;
	struct store s;
	char *cause = NULL;
	int64_t d;

	set(&rows[0], "town", "a", "de_facto", "", "1992-05-09");
	set(&rows[1], "town", "b", "de_facto", "1992-05-09", "2020");
	set(&rows[2], "town", "a", "de_facto", "2020", "");
	set(&rows[3], "town", "c", "de_jure", "1991", "");
	memset(&s, 0, sizeof s);
	s.control = rows;
	s.ncontrol = 4;

	/* An empty start: since before the record; the end day is out. */
	CHECK(control_covers(&rows[0], day("-0500")));
	CHECK(control_covers(&rows[0], day("1992-05-08")));
	CHECK(!control_covers(&rows[0], day("1992-05-09")));
	CHECK(control_covers(&rows[1], day("1992-05-09")));
	/* An empty end: still holds. */
	CHECK(control_covers(&rows[2], day("9999")));

	CHECK(control_at(&s, "town", CONTROL_DE_FACTO, day("1995"), &at) == 0);
	CHECK(at.row == &rows[1] && !at.uncertain);
	/* "2020" ends on its first day, but any day of 2020 is uncertain. */
	CHECK(control_at(&s, "town", CONTROL_DE_FACTO, day("2020-10"),
	    &at) == 0);
	CHECK(at.row == &rows[2] && at.uncertain);
	CHECK(control_at(&s, "town", CONTROL_DE_JURE, day("1990"), &at) ==
	    -1 && at.row == NULL);
	CHECK(control_at(&s, "town", CONTROL_DE_JURE, day("1995"), &at) == 0);
	CHECK(at.row == &rows[3]);
	CHECK(control_at(&s, "nowhere", CONTROL_DE_FACTO, day("1995"),
	    &at) == -1);

	/* Changes in (1991, 2021]: both, in date order; a year-dated one
	 * counts when its year overlaps the span. */
	CHECK(control_changes(&s, "town", CONTROL_DE_FACTO, day("1991"),
	    day("2021"), ch, 4) == 2);
	CHECK(ch[0].row == &rows[1] && ch[1].row == &rows[2]);
	CHECK(control_changes(&s, "town", CONTROL_DE_FACTO, day("2020-09"),
	    day("2021"), ch, 4) == 1);
	CHECK(control_changes(&s, "town", CONTROL_DE_FACTO, day("1993"),
	    day("2019"), ch, 4) == 0);

	CHECK(control_area_place(&s, "town") != NULL);
	CHECK(control_area_place(&s, "elsewhere") == NULL);
	CHECK(control_areas(&s, NULL, 0) == 1);

	CHECK(control_day_parse("1992-13", &d, &cause) == -1);
	free(cause);
}

static void
test_swatch(void)
{
	double box[4] = { 0, 0, 10, 10 };
	struct raster r;
	char buf[16];

	CHECK(raster_init(&r, 20, 5, RASTER_BRAILLE, box) == 0);
	raster_swatch(&r, RASTER_ZONE2, buf, sizeof buf);
	CHECK_STR(buf, "\xe2\xa0\x92");	/* dots 2 and 5: U+2812 */
	raster_legend(&r, RASTER_ZONE2, "Holder");
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 0, 0)->glyph, "\xe2\xa0\x92");
	CHECK(raster_cell(&r, 0, 0)->style == RASTER_ZONE2);
	CHECK_STR(raster_cell(&r, 2, 0)->glyph, "H");
	raster_free(&r);
	CHECK(raster_init(&r, 20, 5, RASTER_ASCII, box) == 0);
	raster_swatch(&r, RASTER_ZONE1, buf, sizeof buf);
	CHECK_STR(buf, "+");
	raster_free(&r);
}

int
main(void)
{
	test_intervals();
	test_swatch();
	UNIT_END();
}
