/* test-raster.c: projection, clipping, exact boxes, braille dots, label
 * collisions, and the map file reader's errors. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

	/* Inside an area filled otherwise, the checkerboard's other cells
	 * are blank too, in braille as in the cell modes. */
	raster_init(&r, 20, 10, RASTER_ASCII, box);
	raster_fill(&r, rings, n, 1, RASTER_ZONE2);
	raster_fill_hatched(&r, rings, n, 1, RASTER_ZONE1);
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 4, 4)->glyph, "+");
	CHECK_STR(raster_cell(&r, 5, 4)->glyph, " ");
	raster_free(&r);
	raster_init(&r, 20, 10, RASTER_BRAILLE, box);
	raster_fill(&r, rings, n, 1, RASTER_ZONE2);
	raster_fill_hatched(&r, rings, n, 1, RASTER_ZONE1);
	raster_finish(&r);
	CHECK_STR(raster_cell(&r, 4, 4)->glyph, "\xe2\xa0\x90");	/* ⠐ */
	CHECK_STR(raster_cell(&r, 5, 4)->glyph, " ");
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

static const struct raster_marker *
find_marker(const struct raster *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nmarkers; i++)
		if (strcmp(r->markers[i].id, id) == 0)
			return &r->markers[i];
	return NULL;
}

/* Event markers on one cell are merged, never hidden: the cell shows
 * the total under the name of the place with the most events; an area's
 * point with no free cell next door joins a marker; a point under the
 * key moves next door. Each merged one records where its events went. */
static void
test_event_merge(void)
{
	double box[4] = { 0, 0, 20, 5 };
	static const char *const ids[4] = { "n1", "n2", "n3", "n4" };
	const struct raster_marker *a, *b, *c, *h, *m;
	struct raster r;
	int k;

	raster_init(&r, 20, 5, RASTER_ASCII, box);
	raster_event_marker(&r, "a", "A", 10.5, 2.5, 2, false);
	raster_event_marker(&r, "b", "B", 10.5, 2.5, 5, false);
	raster_event_marker(&r, "c", "C", 10.5, 2.5, 4, false);
	raster_finish(&r);
	a = find_marker(&r, "a");
	b = find_marker(&r, "b");
	c = find_marker(&r, "c");
	CHECK(a != NULL && b != NULL && c != NULL);
	/* B has the most events: it takes the cell from A, then C joins. */
	CHECK(b->shown && b->merged_into == NULL);
	CHECK(b->events == 5 && b->total == 11 && b->merged == 2);
	CHECK_STR(b->label, "B +2 (11)");
	CHECK(!a->shown && a->merged_into != NULL && a->events == 2);
	CHECK_STR(a->merged_into, "b");
	CHECK(!c->shown && c->merged_into != NULL);
	CHECK_STR(c->merged_into, "b");
	CHECK(a->col == 10 && a->row == 2 && c->col == 10 && c->row == 2);
	/* 11 events: the glyph of 10 or more. */
	CHECK_STR(raster_cell(&r, 10, 2)->glyph, "!");
	raster_free(&r);

	/* An area's point on a cell whose neighbours all hold markers. */
	raster_init(&r, 20, 5, RASTER_UNICODE, box);
	raster_event_marker(&r, "h", "H", 10.5, 2.5, 1, false);
	for (k = 0; k < 4; k++)
		raster_event_marker(&r, ids[k], ids[k], 10.5 + (k == 0) -
		    (k == 1), 2.5 - (k == 3) + (k == 2), 1, false);
	raster_event_marker(&r, "r", "Region", 10.5, 2.5, 3, true);
	raster_finish(&r);
	h = find_marker(&r, "h");
	m = find_marker(&r, "r");
	CHECK(h != NULL && m != NULL);
	/* A point does not give way to an area's point with more events. */
	CHECK(h->shown && h->total == 4 && h->merged == 1);
	CHECK(!m->shown && m->merged_into != NULL);
	CHECK_STR(m->merged_into, "h");
	CHECK(find_marker(&r, "n3")->shown && find_marker(&r, "n3")->row == 1);
	/* No room for its name beside it: numbered, with the total in the
	 * legend. */
	CHECK(h->number == 1);
	CHECK_STR(raster_cell(&r, 10, 2)->glyph, "1");
	CHECK_STR(raster_cell(&r, 2, 4)->glyph, "H");
	CHECK_STR(raster_cell(&r, 4, 4)->glyph, "+");
	CHECK_STR(raster_cell(&r, 8, 4)->glyph, "4");
	raster_free(&r);

	/* A point under the key moves to the free cell below. */
	raster_init(&r, 20, 5, RASTER_ASCII, box);
	raster_legend(&r, RASTER_ZONE1, "Key");
	raster_event_marker(&r, "k", "K", 1.5, 4.5, 1, false);
	raster_finish(&r);
	m = find_marker(&r, "k");
	CHECK(m != NULL && m->shown && m->col == 1 && m->row == 1);
	CHECK_STR(raster_cell(&r, 1, 1)->glyph, "x");
	CHECK_STR(raster_cell(&r, 1, 0)->glyph, " ");
	raster_free(&r);
}

/* The key: a blank after each line, too long a line cut with "…";
 * a name has a blank on each side, over lines and fills. */
static void
test_key_and_halo(void)
{
	double box[4] = { 0, 0, 12, 3 };
	double h[4] = { 0.1, 1.5, 11.9, 1.5 }, k[4] = { 0.1, 2.5, 11.9, 2.5 };
	struct raster r;

	raster_init(&r, 12, 3, RASTER_ASCII, box);
	raster_polyline(&r, k, 2, RASTER_BORDER);
	raster_polyline(&r, h, 2, RASTER_BORDER);
	raster_legend(&r, RASTER_ZONE1, "A very long key line");
	raster_marker(&r, "t", "Tn", 4.5, 1.5, 3);
	raster_finish(&r);
	/* 12 columns: the swatch, a blank, 9 columns of text and "…" (the
	 * grid's edge is its blank). */
	CHECK_STR(raster_cell(&r, 0, 0)->glyph, "+");
	CHECK_STR(raster_cell(&r, 1, 0)->glyph, " ");
	CHECK_STR(raster_cell(&r, 2, 0)->glyph, "A");
	CHECK_STR(raster_cell(&r, 10, 0)->glyph, "o");
	CHECK_STR(raster_cell(&r, 11, 0)->glyph, "…");
	/* The marker's name on its right, then a blank in the line. */
	CHECK_STR(raster_cell(&r, 3, 1)->glyph, "=");
	CHECK_STR(raster_cell(&r, 4, 1)->glyph, "@");
	CHECK_STR(raster_cell(&r, 5, 1)->glyph, "T");
	CHECK_STR(raster_cell(&r, 6, 1)->glyph, "n");
	CHECK_STR(raster_cell(&r, 7, 1)->glyph, " ");
	CHECK_STR(raster_cell(&r, 8, 1)->glyph, "=");
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
	test_event_merge();
	test_key_and_halo();
	test_labels();
	test_mapdata();
	UNIT_END();
}
