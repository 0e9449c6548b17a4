/* test-raster.c: projection, clipping, exact boxes, braille dots, label
 * collisions, and the map file reader's errors. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "mapdata.h"
#include "raster.h"
#include "unit.h"

static void
test_projection(void)
{
	double box[4] = { 44, 39, 48, 41 }, x, y;
	struct raster r;

	/* An explicit box is exact: corners on corners, linear inside. */
	CHECK(raster_init(&r, 40, 10, RASTER_ASCII, box) == 0);
	raster_project(&r, 44, 41, &x, &y);
	CHECK(x == 0 && y == 0);
	raster_project(&r, 48, 39, &x, &y);
	CHECK(x == 40 && y == 10);
	raster_project(&r, 46, 40, &x, &y);
	CHECK(x == 20 && y == 5);
	raster_project(&r, 45, 40.5, &x, &y);
	CHECK(x == 10 && y == 2.5);
	raster_free(&r);

	/* Braille has 2x4 dots a cell. */
	CHECK(raster_init(&r, 40, 10, RASTER_BRAILLE, box) == 0);
	raster_project(&r, 48, 39, &x, &y);
	CHECK(x == 80 && y == 40);
	raster_free(&r);

	CHECK(raster_init(&r, 0, 10, RASTER_ASCII, box) == -1);
	box[2] = 44;
	CHECK(raster_init(&r, 10, 10, RASTER_ASCII, box) == -1);
}

static void
test_fit(void)
{
	double box[4] = { 46, 39, 47, 40 }, c;

	/* 80x24 cells of 1:2 are wider than a degree square at 39.5 N:
	 * the longitude span grows, the latitude span stays. */
	raster_fit(box, 80, 24);
	c = cos(39.5 * M_PI / 180);
	CHECK(box[1] == 39 && box[3] == 40);
	CHECK(fabs((box[2] - box[0]) * c - 80.0 / 48) < 1e-9);
	CHECK(fabs((box[0] + box[2]) / 2 - 46.5) < 1e-9);
}

static void
test_clip(void)
{
	double x0, y0, x1, y1;

	x0 = -10, y0 = 5, x1 = 30, y1 = 5;
	CHECK(raster_clip(20, 10, &x0, &y0, &x1, &y1));
	CHECK(x0 == 0 && x1 == 20 && y0 == 5 && y1 == 5);
	x0 = -10, y0 = -10, x1 = -1, y1 = 50;
	CHECK(!raster_clip(20, 10, &x0, &y0, &x1, &y1));
	x0 = 10, y0 = -10, x1 = 10, y1 = 20;
	CHECK(raster_clip(20, 10, &x0, &y0, &x1, &y1));
	CHECK(y0 == 0 && y1 == 10);
	/* Far away is cheap and harmless. */
	x0 = -1e9, y0 = 5, x1 = 1e9, y1 = 5;
	CHECK(raster_clip(20, 10, &x0, &y0, &x1, &y1));
}

static void
test_braille(void)
{
	double box[4] = { 0, 0, 1, 1 };
	double dot[2][4] = { { 0.1, 0.95, 0.1, 0.95 }, { 0.1, 0.05, 0.1, 0.05 } };
	double right[4] = { 0.9, 0.95, 0.9, 0.95 };
	struct raster r;

	/* One cell, 2x4 dots: top-left is dot 1, bottom-left dot 7. */
	raster_init(&r, 1, 1, RASTER_BRAILLE, box);
	raster_polyline(&r, dot[0], 2, RASTER_BORDER);
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 0, 0)->glyph, "\xe2\xa0\x81");	/* ⠁ */
	raster_free(&r);

	raster_init(&r, 1, 1, RASTER_BRAILLE, box);
	raster_polyline(&r, dot[1], 2, RASTER_BORDER);
	raster_polyline(&r, right, 2, RASTER_BORDER);
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 0, 0)->glyph, "\xe2\xa1\x88");	/* ⡈ */
	CHECK(raster_cell(&r, 0, 0)->style == RASTER_BORDER);
	raster_free(&r);

	/* A full vertical line down the left column: dots 1,2,3,7. */
	raster_init(&r, 1, 1, RASTER_BRAILLE, box);
	{
		double v[4] = { 0.1, 0.99, 0.1, 0.01 };

		raster_polyline(&r, v, 2, RASTER_BORDER);
	}
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 0, 0)->glyph, "\xe2\xa1\x87");	/* ⡇ */
	raster_free(&r);
}

static void
test_lines(void)
{
	double box[4] = { 0, 0, 10, 10 };
	double h[4] = { 0.5, 5.5, 9.5, 5.5 }, v[4] = { 5.5, 0.5, 5.5, 9.5 };
	struct raster r;

	raster_init(&r, 10, 10, RASTER_ASCII, box);
	raster_polyline(&r, h, 2, RASTER_SHORE);
	raster_polyline(&r, v, 2, RASTER_BORDER);
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 0, 4)->glyph, "-");
	CHECK_STR(raster_cell(&r, 5, 0)->glyph, "H");
	/* Where they cross the higher style wins. */
	CHECK_STR(raster_cell(&r, 5, 4)->glyph, "H");
	CHECK_STR(raster_cell(&r, 0, 0)->glyph, " ");
	raster_free(&r);
}

static void
test_fill(void)
{
	double box[4] = { 0, 0, 10, 10 };
	double sq[10] = { 2, 2, 8, 2, 8, 8, 2, 8, 2, 2 };
	const double *rings[1] = { sq };
	size_t n[1] = { 5 };
	struct raster r;

	raster_init(&r, 10, 10, RASTER_UNICODE, box);
	raster_fill(&r, rings, n, 1, RASTER_WATER);
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 5, 5)->glyph, "░");
	CHECK_STR(raster_cell(&r, 1, 5)->glyph, " ");
	CHECK_STR(raster_cell(&r, 5, 1)->glyph, " ");
	raster_free(&r);
}

/* An uncertain fill: the same glyph on a checkerboard of cells. */
static void
test_fill_hatched(void)
{
	double box[4] = { 0, 0, 20, 10 };
	double sq[10] = { 2, 2, 8, 2, 8, 8, 2, 8, 2, 2 };
	const double *rings[1] = { sq };
	size_t n[1] = { 5 };
	struct raster r;

	raster_init(&r, 20, 10, RASTER_ASCII, box);
	raster_fill_hatched(&r, rings, n, 1, RASTER_ZONE1);
	raster_legend(&r, RASTER_NONE, "uncertain");
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 4, 4)->glyph, "+");
	CHECK_STR(raster_cell(&r, 5, 4)->glyph, " ");
	CHECK_STR(raster_cell(&r, 5, 5)->glyph, "+");
	CHECK_STR(raster_cell(&r, 4, 5)->glyph, " ");
	CHECK_STR(raster_cell(&r, 0, 0)->glyph, "?");
	CHECK_STR(raster_cell(&r, 2, 0)->glyph, "u");
	raster_free(&r);
}

/* Event markers: a glyph by count, the count in the label, above a
 * town's marker; an area's point moves next door and looks approximate. */
static void
test_event_markers(void)
{
	double box[4] = { 0, 0, 40, 5 };
	struct raster r;

	raster_init(&r, 40, 5, RASTER_ASCII, box);
	raster_marker(&r, "t", "Town", 12.5, 2.5, 3);
	raster_event_marker(&r, "t", "Town", 12.5, 2.5, 12, false);
	raster_event_marker(&r, "r", "Region", 12.5, 2.5, 3, true);
	raster_event_marker(&r, "one", "One", 20.5, 0.5, 1, false);
	raster_event_marker(&r, "few", "Few", 30.5, 0.5, 2, false);
	raster_finish(&r);
	/* Sorted: events by id (few, one, t), the area's, the town's. */
	CHECK_STR(raster_cell(&r, 12, 2)->glyph, "!");
	CHECK_STR(raster_cell(&r, 13, 2)->glyph, "?");
	CHECK_STR(raster_cell(&r, 20, 4)->glyph, "x");
	CHECK_STR(raster_cell(&r, 30, 4)->glyph, "X");
	CHECK(r.markers[2].events == 12 && r.markers[2].shown);
	CHECK_STR(r.markers[2].label, "Town (12)");
	CHECK(r.markers[3].approx && r.markers[3].shown &&
	    r.markers[3].col == 13);
	CHECK(r.markers[4].events == 0 && !r.markers[4].shown);
	raster_free(&r);

	raster_init(&r, 40, 5, RASTER_UNICODE, box);
	raster_event_marker(&r, "a", "A", 5.5, 2.5, 1, false);
	raster_event_marker(&r, "b", "B", 15.5, 2.5, 9, false);
	raster_event_marker(&r, "c", "C", 25.5, 2.5, 10, false);
	raster_event_marker(&r, "d", "D", 35.5, 2.5, 1, true);
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 5, 2)->glyph, "◇");
	CHECK_STR(raster_cell(&r, 15, 2)->glyph, "◆");
	CHECK_STR(raster_cell(&r, 25, 2)->glyph, "■");
	CHECK_STR(raster_cell(&r, 35, 2)->glyph, "◌");
	raster_free(&r);
}

static void
test_labels(void)
{
	double box[4] = { 0, 0, 20, 5 };
	struct raster r;

	/* Two towns one cell apart: the higher priority one cannot be named
	 * on its right (the other marker is there) and goes left; the other
	 * is named on its right. */
	raster_init(&r, 20, 5, RASTER_ASCII, box);
	raster_marker(&r, "a", "Alpha", 5.5, 2.5, 3);
	raster_marker(&r, "b", "Beta", 7.5, 2.5, 2);
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 5, 2)->glyph, "@");
	CHECK_STR(raster_cell(&r, 0, 2)->glyph, "A");
	CHECK_STR(raster_cell(&r, 7, 2)->glyph, "*");
	CHECK_STR(raster_cell(&r, 8, 2)->glyph, "B");
	CHECK(r.markers[0].labelled);
	CHECK(r.markers[1].labelled);
	CHECK(r.markers[1].number == 0);
	raster_free(&r);

	/* No room for any name: numbered markers and a legend. */
	raster_init(&r, 20, 5, RASTER_ASCII, box);
	raster_marker(&r, "a", "A long name here", 1.5, 2.5, 3);
	raster_marker(&r, "b", "Another long one", 18.5, 2.5, 3);
	raster_label(&r, "XXXXXXXXXXXXXXXXXX", 10, 2.5, 40);
	raster_label(&r, "YYYYYYYYYYYYYYYYYY", 10, 3.5, 40);
	raster_label(&r, "ZZZZZZZZZZZZZZZZZZ", 10, 1.5, 40);
	raster_finish(&r);
	CHECK(r.markers[0].number == 1);
	CHECK_STR(raster_cell(&r, 1, 2)->glyph, "1");
	CHECK_STR(raster_cell(&r, 0, 4)->glyph, "1");
	CHECK_STR(raster_cell(&r, 2, 4)->glyph, "A");
	raster_free(&r);
}

static void
test_mapdata(void)
{
	char path[] = "/tmp/test-raster-XXXXXX";
	struct mapdata md;
	struct diag d;
	FILE *fp;
	int fd;

	fd = mkstemp(path);
	CHECK(fd != -1);
	fp = fdopen(fd, "w");
	fputs("# a comment\n"
	    "area a district 1 1 The A\n"
	    "ring\n0 0\n2 0\n2 2\n0 0\n"
	    "line b river The B\n"
	    "part\n0 0\n1 x\n"
	    "5 5\n"
	    "label c sea 3 4 The C\n", fp);
	fclose(fp);
	diag_init(&d);
	mapdata_init(&md);
	CHECK(mapdata_load_file(&md, path, "t.map", &d) == -1);
	CHECK(d.n == 1);
	if (d.n == 1)
		CHECK_STR(d.msgs[0], "t.map:11: expected 'LON LAT' or a keyword "
		    "(area, ring, line, part, label)");
	CHECK(md.n == 3);
	CHECK_STR(md.f[0].name, "The A");
	CHECK(md.f[0].nparts == 1 && md.f[0].parts[0].n == 4);
	CHECK(md.f[0].e == 2 && md.f[0].n == 2);
	CHECK(md.f[1].nparts == 1 && md.f[1].parts[0].n == 2);
	CHECK(md.f[2].kind == MAPDATA_LABEL && md.f[2].label_lat == 4);
	CHECK(mapdata_find(&md, "b") == &md.f[1]);
	mapdata_free(&md);
	diag_fini(&d);
	unlink(path);
}

int
main(void)
{
	test_projection();
	test_fit();
	test_clip();
	test_braille();
	test_lines();
	test_fill();
	test_fill_hatched();
	test_event_markers();
	test_labels();
	test_mapdata();
	UNIT_END();
}
