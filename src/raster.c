/* raster.c: projection, clipping, lines, fills, markers and labels.
 *
 * Everything is drawn in sub-cell coordinates: x grows east, y south,
 * (0,0) the north-west corner of the grid, one unit a braille dot (or a
 * cell in the unicode and ascii modes). Lines are clipped in floating
 * point before Bresenham, so coordinates far outside the box cost
 * nothing. Labels are placed greedily by priority on a mask of text
 * cells, with one blank cell kept between two texts on a row: the cells
 * on either side of a text are blanked (a halo), so a name never runs
 * into a line or a fill. Event markers that meet on one cell are merged
 * into one, which shows the cell's total (raster_finish()). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raster.h"
#include "text.h"
#include "xalloc.h"

/* Values of raster_cell.text. */
#define RASTER_TEXT		1	/* a character of a text or a marker */
#define RASTER_TEXT_WIDE	2	/* the right half of a wide one */
#define RASTER_TEXT_HALO	3	/* a blank beside a text */

static const struct raster_style_info raster_styles[RASTER_NSTYLES] = {
	[RASTER_NONE] = { "none", -1, 0xff, { " ", " ", " ", " " },
	    { " ", " ", " ", " " } },
	[RASTER_ZONE1] = { "zone1", 2, 0xff, { "▒", "▒", "▒", "▒" },
	    { "+", "+", "+", "+" }, 0x08 },
	[RASTER_ZONE2] = { "zone2", 13, 0xff, { "▚", "▚", "▚", "▚" },
	    { "%", "%", "%", "%" }, 0x0c },
	[RASTER_ZONE3] = { "zone3", 14, 0xff, { "▞", "▞", "▞", "▞" },
	    { ";", ";", ";", ";" }, 0x22 },
	[RASTER_ZONE4] = { "zone4", 11, 0xff, { "▗", "▗", "▗", "▗" },
	    { "^", "^", "^", "^" }, 0x84 },
	[RASTER_ZONE5] = { "zone5", 10, 0xff, { "▘", "▘", "▘", "▘" },
	    { "&", "&", "&", "&" }, 0xc0 },
	[RASTER_ZONE6] = { "zone6", 12, 0xff, { "▪", "▪", "▪", "▪" },
	    { "$", "$", "$", "$" }, 0x03 },
	[RASTER_WATER] = { "water", 4, 0x55, { "░", "░", "░", "░" },
	    { " ", " ", " ", " " } },
	[RASTER_DISTRICT] = { "district", 8, 0x11, { "·", "·", "·", "·" },
	    { ".", ".", ".", "." } },
	[RASTER_RIVER] = { "river", 4, 0x55, { "~", "┆", "~", "~" },
	    { "~", "~", "~", "~" } },
	[RASTER_SHORE] = { "shore", 6, 0xff, { "─", "│", "╱", "╲" },
	    { "-", "|", "/", "\\" } },
	[RASTER_BORDER] = { "border", 3, 0xff, { "━", "┃", "╱", "╲" },
	    { "=", "H", "/", "\\" } },
	[RASTER_CEASEFIRE] = { "ceasefire", 1, 0x33, { "┄", "┆", "⋰", "⋱" },
	    { ":", ":", ":", ":" } },
	[RASTER_OBLAST] = { "oblast", 5, 0x7f, { "═", "║", "╱", "╲" },
	    { "#", "#", "#", "#" } },
	[RASTER_AREA_LABEL] = { "area-label", -1, 0xff, { "", "", "", "" },
	    { "", "", "", "" } },
	[RASTER_LABEL] = { "label", -1, 0xff, { "", "", "", "" },
	    { "", "", "", "" } },
	[RASTER_MARKER] = { "marker", 15, 0xff, { "", "", "", "" },
	    { "", "", "", "" } },
};

/* Returns the drawing details of STYLE. */
const struct raster_style_info *
raster_style(enum raster_style style)
{
	return &raster_styles[style < RASTER_NSTYLES ? style : RASTER_NONE];
}

/*
 * Widens BOX (W,S,E,N) in one direction so that it fills a grid of COLS x
 * ROWS cells without distortion: equirectangular at the cosine of the
 * centre latitude, a cell being twice as tall as it is wide.
 */
void
raster_fit(double box[4], int cols, int rows)
{
	double c = cos((box[1] + box[3]) / 2 * M_PI / 180);
	double bw = (box[2] - box[0]) * c, bh = box[3] - box[1];
	double grid = (double)cols / (2.0 * rows), mid;

	if (bw / bh < grid) {
		mid = (box[0] + box[2]) / 2;
		bw = grid * bh / c;
		box[0] = mid - bw / 2;
		box[2] = mid + bw / 2;
	} else {
		mid = (box[1] + box[3]) / 2;
		bh = bw / grid;
		box[1] = mid - bh / 2;
		box[3] = mid + bh / 2;
	}
}

/* Sets up an empty raster of COLS x ROWS cells over BOX, mapped exactly.
 * Returns 0, or -1 if the size or the box is unusable. */
int
raster_init(struct raster *r, int cols, int rows, enum raster_mode mode,
    const double box[4])
{
	size_t i, n;

	memset(r, 0, sizeof *r);
	if (cols < 1 || rows < 1 || cols > 1000 || rows > 1000 ||
	    !(box[2] > box[0]) || !(box[3] > box[1]))
		return -1;
	r->cols = cols;
	r->rows = rows;
	r->mode = mode;
	r->w = box[0];
	r->s = box[1];
	r->e = box[2];
	r->n = box[3];
	r->sx = mode == RASTER_BRAILLE ? 2 : 1;
	r->sy = mode == RASTER_BRAILLE ? 4 : 1;
	n = (size_t)cols * (size_t)rows;
	r->dots = xcalloc(n, 1);
	r->cells = xcalloc(n, sizeof *r->cells);
	for (i = 0; i < n; i++)
		strcpy(r->cells[i].glyph, " ");
	return 0;
}

/* Frees the raster's memory. */
void
raster_free(struct raster *r)
{
	size_t i;

	for (i = 0; i < r->nmarkers; i++) {
		free(r->markers[i].name);
		free(r->markers[i].label);
	}
	for (i = 0; i < r->nlabels; i++)
		free(r->labels[i].text);
	for (i = 0; i < r->nlegend; i++)
		free(r->legend[i]);
	free(r->legend);
	free(r->legend_style);
	free(r->markers);
	free(r->labels);
	free(r->dots);
	free(r->cells);
	memset(r, 0, sizeof *r);
}

/* Sets X, Y to the sub-cell coordinates of LON, LAT. */
void
raster_project(const struct raster *r, double lon, double lat, double *x,
    double *y)
{
	*x = (lon - r->w) / (r->e - r->w) * r->cols * r->sx;
	*y = (r->n - lat) / (r->n - r->s) * r->rows * r->sy;
}

/*
 * Clips the segment (X0,Y0)-(X1,Y1) to 0 <= x <= XMAX, 0 <= y <= YMAX
 * (Liang-Barsky). Returns false if nothing of it is inside.
 */
bool
raster_clip(double xmax, double ymax, double *x0, double *y0, double *x1,
    double *y1)
{
	double dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0, t1 = 1, t;
	double p[4] = { -dx, dx, -dy, dy };
	double q[4] = { *x0, xmax - *x0, *y0, ymax - *y0 };
	int i;

	for (i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return false;
			continue;
		}
		t = q[i] / p[i];
		if (p[i] < 0) {
			if (t > t1)
				return false;
			if (t > t0)
				t0 = t;
		} else {
			if (t < t0)
				return false;
			if (t < t1)
				t1 = t;
		}
	}
	*x1 = *x0 + t1 * dx;
	*y1 = *y0 + t1 * dy;
	*x0 = *x0 + t0 * dx;
	*y0 = *y0 + t0 * dy;
	return true;
}

static struct raster_cell *
raster_at(struct raster *r, int col, int row)
{
	if (col < 0 || row < 0 || col >= r->cols || row >= r->rows)
		return NULL;
	return &r->cells[(size_t)row * r->cols + col];
}

/* Returns the cell at COL, ROW, or NULL outside the grid. */
const struct raster_cell *
raster_cell(const struct raster *r, int col, int row)
{
	return raster_at((struct raster *)r, col, row);
}

/* The braille dot of sub-cell (DX, DY) of a cell: Unicode numbers dots
 * 1-3 down the left column, 4-6 down the right, 7 and 8 below. */
static unsigned char
raster_braille_bit(int dx, int dy)
{
	static const unsigned char bits[4][2] = {
		{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
	};

	return bits[dy][dx];
}

static void
raster_plot(struct raster *r, int x, int y, enum raster_style style,
    int dir)
{
	struct raster_cell *c;
	int col = x / r->sx, row = y / r->sy;

	if (x < 0 || y < 0 || (c = raster_at(r, col, row)) == NULL)
		return;
	if (r->mode == RASTER_BRAILLE)
		r->dots[(size_t)row * r->cols + col] |=
		    raster_braille_bit(x % r->sx, y % r->sy);
	if (style >= c->style) {
		c->style = (unsigned char)style;
		c->dir = (unsigned char)dir;
	}
}

/* Direction of a segment as a terminal shows it (a cell is twice as tall
 * as wide): 0 across, 1 up and down, 2 rising '/', 3 falling '\'. */
static int
raster_direction(const struct raster *r, double dx, double dy)
{
	double ax = fabs(dx) / r->sx, ay = 2 * fabs(dy) / r->sy;

	if (ay < ax * 0.4142)
		return 0;
	if (ax < ay * 0.4142)
		return 1;
	return (dx > 0) == (dy > 0) ? 3 : 2;
}

static void
raster_segment(struct raster *r, double x0, double y0, double x1, double y1,
    enum raster_style style)
{
	double xmax = r->cols * r->sx - 1e-9, ymax = r->rows * r->sy - 1e-9;
	unsigned char dash = raster_styles[style].dash;
	int ix0, iy0, ix1, iy1, dx, dy, sx, sy, err, e2, dir;

	dir = raster_direction(r, x1 - x0, y1 - y0);
	if (!raster_clip(xmax, ymax, &x0, &y0, &x1, &y1))
		return;
	ix0 = (int)floor(x0);
	iy0 = (int)floor(y0);
	ix1 = (int)floor(x1);
	iy1 = (int)floor(y1);
	dx = abs(ix1 - ix0);
	dy = -abs(iy1 - iy0);
	sx = ix0 < ix1 ? 1 : -1;
	sy = iy0 < iy1 ? 1 : -1;
	err = dx + dy;
	for (;;) {
		if (r->mode != RASTER_BRAILLE ||
		    (dash >> (r->dash_pos & 7) & 1))
			raster_plot(r, ix0, iy0, style, dir);
		r->dash_pos++;
		if (ix0 == ix1 && iy0 == iy1)
			break;
		e2 = 2 * err;
		if (e2 >= dy) {
			err += dy;
			ix0 += sx;
		}
		if (e2 <= dx) {
			err += dx;
			iy0 += sy;
		}
	}
}

/* Draws the polyline of N lon/lat pairs XY in STYLE; the dash pattern
 * runs on along the whole line. */
void
raster_polyline(struct raster *r, const double *xy, size_t n,
    enum raster_style style)
{
	double x0, y0, x1, y1;
	size_t i;

	r->dash_pos = 0;
	if (n == 0)
		return;
	raster_project(r, xy[0], xy[1], &x0, &y0);
	for (i = 1; i < n; i++) {
		raster_project(r, xy[2 * i], xy[2 * i + 1], &x1, &y1);
		raster_segment(r, x0, y0, x1, y1, style);
		x0 = x1;
		y0 = y1;
	}
}

static int
raster_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Takes back the fill of sub-cell X, Y of cell C (fills come before
 * lines, so its dot can only be a fill's). */
static void
raster_unfill(struct raster *r, struct raster_cell *c, int x, int y)
{
	c->fill = 0;
	if (r->mode == RASTER_BRAILLE)
		r->dots[(size_t)(y / r->sy) * r->cols + x / r->sx] &=
		    (unsigned char)~raster_braille_bit(x % r->sx, y % r->sy);
}

/* Fills by the even-odd rule; HATCH: only the cells of a checkerboard,
 * the others blanked. */
static void
raster_fill_cells(struct raster *r, const double *const *rings,
    const size_t *n, size_t nrings, enum raster_style style, bool hatch)
{
	double *xs = NULL, yc, ax, ay, bx, by;
	size_t i, j, nx, ax_alloc = 0;
	int y, x, x0, x1, ymax = r->rows * r->sy;
	unsigned char dots = raster_styles[style].dots;
	struct raster_cell *c;

	for (y = 0; y < ymax; y++) {
		yc = y + 0.5;
		nx = 0;
		for (i = 0; i < nrings; i++) {
			for (j = 0; j + 1 < n[i]; j++) {
				raster_project(r, rings[i][2 * j],
				    rings[i][2 * j + 1], &ax, &ay);
				raster_project(r, rings[i][2 * j + 2],
				    rings[i][2 * j + 3], &bx, &by);
				if ((ay > yc) == (by > yc))
					continue;
				if (nx == ax_alloc) {
					ax_alloc = ax_alloc ? ax_alloc * 2 : 64;
					xs = xreallocarray(xs, ax_alloc,
					    sizeof *xs);
				}
				xs[nx++] = ax + (yc - ay) * (bx - ax) /
				    (by - ay);
			}
		}
		if (nx > 1)
			qsort(xs, nx, sizeof *xs, raster_cmp_double);
		for (i = 0; i + 1 < nx; i += 2) {
			x0 = (int)ceil(xs[i] - 0.5);
			x1 = (int)floor(xs[i + 1] - 0.5);
			if (x0 < 0)
				x0 = 0;
			if (x1 >= r->cols * r->sx)
				x1 = r->cols * r->sx - 1;
			for (x = x0; x <= x1; x++) {
				/* An area drawn inside another replaces its
				 * fill (in braille, its dots too), and the
				 * checkerboard's other cells are blank:
				 * sparse means sparse. */
				c = raster_at(r, x / r->sx, y / r->sy);
				raster_unfill(r, c, x, y);
				if (hatch && (x / r->sx + y / r->sy) % 2 != 0)
					continue;
				c->fill = (unsigned char)style;
				if (r->mode != RASTER_BRAILLE)
					continue;
				if (dots != 0 ? (dots >> ((y % 4) * 2 + x % 2)
				    & 1) : (x + y) % 2 == 0 && y % 2 == 0) {
					raster_plot(r, x, y, style, 0);
					c->style = (unsigned char)style;
				}
			}
		}
	}
	free(xs);
}

/*
 * Fills the area made of NRINGS rings (N[i] lon/lat pairs each) by the
 * even-odd rule, testing the centre of every sub-cell. In braille the
 * fill is a light pattern of dots (the style's own, or every other dot),
 * so lines stay readable.
 */
void
raster_fill(struct raster *r, const double *const *rings, const size_t *n,
    size_t nrings, enum raster_style style)
{
	raster_fill_cells(r, rings, n, nrings, style, false);
}

/* Fills the area as raster_fill() does, but only the cells of a
 * checkerboard: the sparser pattern of an uncertain fill. */
void
raster_fill_hatched(struct raster *r, const double *const *rings,
    const size_t *n, size_t nrings, enum raster_style style)
{
	raster_fill_cells(r, rings, n, nrings, style, true);
}

/* Projects LON, LAT into sub-cell coordinates *X, *Y; returns false if
 * the point falls outside the raster. */
static bool
raster_point(const struct raster *r, double lon, double lat, double *x,
    double *y)
{
	raster_project(r, lon, lat, x, y);
	return *x >= 0 && *y >= 0 && *x < r->cols * r->sx &&
	    *y < r->rows * r->sy;
}

/* Adds a place marker for NAME at LON, LAT; outside the box it is
 * ignored. Placed by raster_finish(), higher PRIORITY first. */
void
raster_marker(struct raster *r, const char *id, const char *name,
    double lon, double lat, int priority)
{
	struct raster_marker *m;
	double x, y;

	if (!raster_point(r, lon, lat, &x, &y))
		return;
	if (r->nmarkers == r->amarkers) {
		r->amarkers = r->amarkers ? r->amarkers * 2 : 32;
		r->markers = xreallocarray(r->markers, r->amarkers,
		    sizeof *r->markers);
	}
	m = &r->markers[r->nmarkers++];
	memset(m, 0, sizeof *m);
	m->id = id;
	m->name = text_sanitize(name);
	m->col = (int)(x / r->sx);
	m->row = (int)(y / r->sy);
	m->priority = priority;
}

/* Adds a marker for EVENTS events at place ID called NAME, at LON, LAT
 * (APPROX: the place is an area, the point only stands for it). It ranks
 * above the place markers, and an approximate one below the others; its
 * label is "NAME (EVENTS)". */
void
raster_event_marker(struct raster *r, const char *id, const char *name,
    double lon, double lat, size_t events, bool approx)
{
	struct raster_marker *m;
	size_t n = r->nmarkers;

	raster_marker(r, id, name, lon, lat, approx ? 4 : 5);
	if (r->nmarkers == n)
		return;
	m = &r->markers[n];
	m->events = events;
	m->total = events;
	m->approx = approx;
	xasprintf(&m->label, "%s (%zu)", m->name, events);
}

/* Adds a label TEXT centred on LON, LAT (an area's name), placed by
 * raster_finish() if there is room. */
void
raster_label(struct raster *r, const char *text, double lon, double lat,
    int priority)
{
	struct raster_label *l;
	double x, y;

	if (!raster_point(r, lon, lat, &x, &y))
		return;
	if (r->nlabels == r->alabels) {
		r->alabels = r->alabels ? r->alabels * 2 : 32;
		r->labels = xreallocarray(r->labels, r->alabels,
		    sizeof *r->labels);
	}
	l = &r->labels[r->nlabels++];
	l->text = text_sanitize(text);
	l->x = x / r->sx;
	l->y = y / r->sy;
	l->priority = priority;
}

/* True if nothing is written in cell C but perhaps a text's halo: a
 * marker may go there, and a text if it keeps its own halo. */
static bool
raster_is_free(const struct raster_cell *c)
{
	return c->text == 0 || c->text == RASTER_TEXT_HALO;
}

/* True if TEXT of WIDTH columns fits at COL, ROW with a cell free of
 * text (or the grid's edge, or the cell OWN) on each side. */
static bool
raster_fits(struct raster *r, int col, int row, int width, int own)
{
	struct raster_cell *c;
	int x;

	if (col < 0 || row < 0 || row >= r->rows || col + width > r->cols)
		return false;
	for (x = col - 1; x <= col + width; x++) {
		if ((c = raster_at(r, x, row)) == NULL || x == own)
			continue;
		if (!raster_is_free(c))
			return false;
	}
	return true;
}

/* Writes TEXT at COL, ROW, one character a cell, wide ones in two. */
static void
raster_put(struct raster *r, int col, int row, const char *text,
    enum raster_style style)
{
	struct raster_cell *c = NULL;
	size_t len, w;
	const unsigned char *p = (const unsigned char *)text;

	while (*p != '\0') {
		len = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
		len = strnlen((const char *)p, len);
		w = text_columns((const char *)p, len);
		if (w == 0) {
			if (c != NULL && strlen(c->glyph) + len < sizeof c->glyph)
				strncat(c->glyph, (const char *)p, len);
		} else if ((c = raster_at(r, col, row)) != NULL) {
			memcpy(c->glyph, p, len);
			c->glyph[len] = '\0';
			c->style = (unsigned char)style;
			c->text = RASTER_TEXT;
			if (w == 2 && raster_at(r, col + 1, row) != NULL) {
				raster_at(r, col + 1, row)->glyph[0] = '\0';
				raster_at(r, col + 1, row)->style =
				    (unsigned char)style;
				raster_at(r, col + 1, row)->text =
				    RASTER_TEXT_WIDE;
			}
			col += (int)w;
		}
		p += len;
	}
}

/* Blanks the cell at COL, ROW unless it holds a text: one side of a
 * text's halo. */
static void
raster_halo(struct raster *r, int col, int row)
{
	struct raster_cell *c = raster_at(r, col, row);

	if (c == NULL || c->text != 0)
		return;
	strcpy(c->glyph, " ");
	c->style = RASTER_NONE;
	c->fill = 0;
	c->text = RASTER_TEXT_HALO;
}

/* Writes TEXT of WIDTH columns at COL, ROW in STYLE with a blank cell on
 * each side, but for the cell OWN (its marker). */
static void
raster_put_text(struct raster *r, int col, int row, const char *text,
    int width, enum raster_style style, int own)
{
	raster_put(r, col, row, text, style);
	if (col - 1 != own)
		raster_halo(r, col - 1, row);
	if (col + width != own)
		raster_halo(r, col + width, row);
}

static int
raster_cmp_markers(const void *a, const void *b)
{
	const struct raster_marker *x = a, *y = b;

	if (x->priority != y->priority)
		return x->priority > y->priority ? -1 : 1;
	return strcmp(x->id, y->id);
}

static const char *
raster_marker_glyph(const struct raster *r, const struct raster_marker *m)
{
	int priority = m->priority;
	size_t n = m->total;

	if (m->events > 0 && r->mode == RASTER_ASCII)
		return m->approx ? "?" : n >= 10 ? "!" : n >= 2 ? "X" : "x";
	if (m->events > 0)
		return m->approx ? "◌" : n >= 10 ? "■" : n >= 2 ? "◆" : "◇";
	if (r->mode == RASTER_ASCII)
		return priority >= 3 ? "@" : priority == 2 ? "*" : "o";
	return priority >= 3 ? "●" : priority == 2 ? "•" : "◦";
}

static bool
raster_place_marker_label(struct raster *r, struct raster_marker *m)
{
	const char *name = m->label != NULL ? m->label : m->name;
	int w = (int)text_width(name), c = m->col, row = m->row;
	int tries[4][2] = {
		{ c + 1, row }, { c - w, row }, { c - w / 2, row - 1 },
		{ c - w / 2, row + 1 }
	};
	int i;

	for (i = 0; i < 4; i++) {
		if (raster_fits(r, tries[i][0], tries[i][1], w,
		    tries[i][1] == row ? c : -2)) {
			raster_put_text(r, tries[i][0], tries[i][1], name, w,
			    RASTER_LABEL, tries[i][1] == row ? c : -2);
			return true;
		}
	}
	return false;
}

static const char *
raster_number(int n, char *buf)
{
	buf[0] = (char)(n <= 9 ? '0' + n : 'a' + n - 10);
	buf[1] = '\0';
	return buf;
}

/* The shown event marker at COL, ROW among the first N markers, or
 * NULL. */
static struct raster_marker *
raster_event_at(struct raster *r, int col, int row, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (r->markers[i].shown && r->markers[i].events > 0 &&
		    r->markers[i].col == col && r->markers[i].row == row)
			return &r->markers[i];
	return NULL;
}

/* Merges event marker M into H, the shown event marker of a cell: H's
 * cell shows their total, under the name of the place with more events
 * (of the same precision: a point never gives way to an area's). */
static void
raster_merge(struct raster *r, struct raster_marker *h,
    struct raster_marker *m)
{
	struct raster_marker *t;
	size_t i;

	m->col = h->col;
	m->row = h->row;
	if (m->events > h->events && m->approx == h->approx) {
		/* M takes over the cell, and what was merged into H. */
		m->shown = true;
		m->total = h->total + m->events;
		m->merged = h->merged + 1;
		for (i = 0; i < r->nmarkers; i++) {
			t = &r->markers[i];
			if (t != h && t->merged_into != NULL &&
			    strcmp(t->merged_into, h->id) == 0)
				t->merged_into = m->id;
		}
		h->shown = false;
		h->total = h->events;
		h->merged = 0;
		h->merged_into = m->id;
		h = m;
	} else {
		h->total += m->events;
		h->merged++;
		m->merged_into = h->id;
	}
	raster_put(r, h->col, h->row, raster_marker_glyph(r, h),
	    RASTER_MARKER);
}

/* Places event marker I (markers are sorted, the ones before it placed)
 * at its cell if it is free. On a cell that shows events a point's
 * events are merged there. An area's point, or a point under the key,
 * moves to a free cell next door, else its events are merged into a
 * marker there or next door; only with none of these is it hidden. */
static void
raster_place_event(struct raster *r, size_t i)
{
	struct raster_marker *m = &r->markers[i], *h;
	struct raster_cell *c;
	int k, col, row;

	c = raster_at(r, m->col, m->row);
	if (raster_is_free(c)) {
		m->shown = true;
		raster_put(r, m->col, m->row, raster_marker_glyph(r, m),
		    RASTER_MARKER);
		return;
	}
	h = raster_event_at(r, m->col, m->row, i);
	if (h != NULL && !m->approx) {
		raster_merge(r, h, m);
		return;
	}
	for (k = 0; k < 4; k++) {
		col = m->col + (k == 0) - (k == 1);
		row = m->row + (k == 3) - (k == 2);
		if ((c = raster_at(r, col, row)) != NULL &&
		    raster_is_free(c)) {
			m->col = col;
			m->row = row;
			m->shown = true;
			raster_put(r, col, row, raster_marker_glyph(r, m),
			    RASTER_MARKER);
			return;
		}
	}
	for (k = -1; h == NULL && k < 4; k++)
		h = raster_event_at(r, m->col + (k == 0) - (k == 1),
		    m->row + (k == 3) - (k == 2), i);
	if (h != NULL)
		raster_merge(r, h, m);
}

/* Places one legend line "N name" in the lowest free row on the left,
 * else on the right. */
static bool
raster_place_legend(struct raster *r, const char *line)
{
	int w = (int)text_width(line), row;

	for (row = r->rows - 1; row >= 0; row--) {
		if (raster_fits(r, 0, row, w, -2)) {
			raster_put_text(r, 0, row, line, w, RASTER_LABEL, -2);
			return true;
		}
		if (raster_fits(r, r->cols - w, row, w, -2)) {
			raster_put_text(r, r->cols - w, row, line, w,
			    RASTER_LABEL, -2);
			return true;
		}
	}
	return false;
}

static int
raster_cmp_labels(const void *a, const void *b)
{
	const struct raster_label *x = a, *y = b;

	if (x->priority != y->priority)
		return x->priority > y->priority ? -1 : 1;
	return strcmp(x->text, y->text);
}

/* Adds a key line: a swatch of fill STYLE, a blank and TEXT. The lines
 * go in the top left corner, in the order added, before markers and
 * labels are placed. */
void
raster_legend(struct raster *r, enum raster_style style, const char *text)
{
	r->legend = xreallocarray(r->legend, r->nlegend + 1,
	    sizeof *r->legend);
	r->legend_style = xreallocarray(r->legend_style, r->nlegend + 1, 1);
	r->legend[r->nlegend] = text_sanitize(text);
	r->legend_style[r->nlegend++] = (unsigned char)style;
}

/* Writes into BUF (SIZE bytes, at least 8) the glyph that shows fill
 * STYLE in R's mode: a braille cell of its dots, or its fill glyph. */
void
raster_swatch(const struct raster *r, enum raster_style style, char *buf,
    size_t size)
{
	const struct raster_style_info *si = raster_style(style);
	unsigned ch = 0x2800u;
	int x, y;

	if (r->mode != RASTER_BRAILLE) {
		snprintf(buf, size, "%s", r->mode == RASTER_UNICODE ?
		    si->uni[0] : si->ascii[0]);
		return;
	}
	for (y = 0; y < 4; y++)
		for (x = 0; x < 2; x++)
			if (si->dots >> (y * 2 + x) & 1)
				ch |= raster_braille_bit(x, y);
	buf[0] = (char)(0xe0 | ch >> 12);
	buf[1] = (char)(0x80 | (ch >> 6 & 0x3f));
	buf[2] = (char)(0x80 | (ch & 0x3f));
	buf[3] = '\0';
}

/* Writes the key lines in the top left corner, as many as there are
 * rows, each with a blank after it so the map never runs into a name.
 * A line wider than the grid allows is cut at a whole character and
 * ends in "…". */
static void
raster_place_key(struct raster *r)
{
	char sw[16], *line;
	size_t i, n, len;
	int room = r->cols - 2;

	n = r->nlegend < (size_t)r->rows ? r->nlegend : (size_t)r->rows;
	if (room < 1)
		return;
	for (i = 0; i < n; i++) {
		if (r->legend_style[i] == RASTER_NONE)
			strcpy(sw, "?");
		else
			raster_swatch(r, (enum raster_style)r->legend_style[i],
			    sw, sizeof sw);
		raster_put(r, 0, (int)i, sw, (enum raster_style)
		    r->legend_style[i]);
		if ((int)text_width(r->legend[i]) <= room)
			line = xstrdup(r->legend[i]);
		else {
			len = text_fit(r->legend[i], (size_t)room - 1, NULL);
			xasprintf(&line, "%.*s\xe2\x80\xa6", (int)len,
			    r->legend[i]);
		}
		raster_put(r, 1, (int)i, " ", RASTER_LABEL);
		raster_put_text(r, 2, (int)i, line, (int)text_width(line),
		    RASTER_LABEL, 1);
		free(line);
	}
}

/*
 * Places markers (one a cell, highest priority first), their names and
 * the area labels without overlap, numbers the markers left without a
 * name, writes the legend, and turns the drawing into glyphs.
 */
void
raster_finish(struct raster *r)
{
	struct raster_marker *m;
	struct raster_label *l;
	struct raster_cell *c;
	const struct raster_style_info *si;
	size_t i, k;
	char num[2], *line;
	int w, number = 0, dy, row, col;
	unsigned ch;

	raster_place_key(r);
	if (r->nmarkers > 1)
		qsort(r->markers, r->nmarkers, sizeof *r->markers,
		    raster_cmp_markers);
	for (i = 0; i < r->nmarkers; i++) {
		m = &r->markers[i];
		if (m->events > 0) {
			raster_place_event(r, i);
			continue;
		}
		c = raster_at(r, m->col, m->row);
		if (!raster_is_free(c))
			continue;
		m->shown = true;
		raster_put(r, m->col, m->row, raster_marker_glyph(r,
		    m), RASTER_MARKER);
	}
	for (i = 0; i < r->nmarkers; i++) {
		m = &r->markers[i];
		if (!m->shown || m->merged == 0)
			continue;
		free(m->label);
		xasprintf(&m->label, "%s +%zu (%zu)", m->name, m->merged,
		    m->total);
	}
	/* Names of the markers and of the areas, by priority together:
	 * marker priorities are scaled to rank among area labels. */
	if (r->nlabels > 1)
		qsort(r->labels, r->nlabels, sizeof *r->labels,
		    raster_cmp_labels);
	k = 0;
	for (i = 0; i < r->nmarkers; i++) {
		m = &r->markers[i];
		while (k < r->nlabels && r->labels[k].priority > m->priority *
		    10) {
			l = &r->labels[k++];
			w = (int)text_width(l->text);
			for (dy = 0; dy < 3; dy++) {
				row = (int)l->y + (dy == 1 ? -1 : dy == 2);
				col = (int)floor(l->x - w / 2.0);
				if (raster_fits(r, col, row, w, -2)) {
					raster_put_text(r, col, row, l->text,
					    w, RASTER_AREA_LABEL, -2);
					break;
				}
			}
		}
		if (m->shown)
			m->labelled = raster_place_marker_label(r, m);
	}
	for (; k < r->nlabels; k++) {
		l = &r->labels[k];
		w = (int)text_width(l->text);
		for (dy = 0; dy < 3; dy++) {
			row = (int)l->y + (dy == 1 ? -1 : dy == 2);
			col = (int)floor(l->x - w / 2.0);
			if (raster_fits(r, col, row, w, -2)) {
				raster_put_text(r, col, row, l->text, w,
				    RASTER_AREA_LABEL, -2);
				break;
			}
		}
	}
	for (i = 0; i < r->nmarkers && number < 35; i++) {
		m = &r->markers[i];
		if (!m->shown || m->labelled)
			continue;
		xasprintf(&line, "%s %s", raster_number(number + 1, num),
		    m->label != NULL ? m->label : m->name);
		if (raster_place_legend(r, line)) {
			m->number = ++number;
			raster_put(r, m->col, m->row, num, RASTER_MARKER);
		}
		free(line);
	}

	for (i = 0; i < (size_t)r->cols * r->rows; i++) {
		c = &r->cells[i];
		if (c->text)
			continue;
		si = &raster_styles[c->style];
		if (r->mode == RASTER_BRAILLE) {
			if (r->dots[i] == 0) {
				c->style = RASTER_NONE;
				continue;
			}
			ch = 0x2800u + r->dots[i];
			c->glyph[0] = (char)(0xe0 | ch >> 12);
			c->glyph[1] = (char)(0x80 | (ch >> 6 & 0x3f));
			c->glyph[2] = (char)(0x80 | (ch & 0x3f));
			c->glyph[3] = '\0';
			if (c->style == RASTER_NONE)
				c->style = c->fill;
		} else if (c->style != RASTER_NONE) {
			strcpy(c->glyph, r->mode == RASTER_UNICODE ?
			    si->uni[c->dir] : si->ascii[c->dir]);
		} else if (c->fill != RASTER_NONE) {
			si = &raster_styles[c->fill];
			strcpy(c->glyph, r->mode == RASTER_UNICODE ?
			    si->uni[0] : si->ascii[0]);
			c->style = c->fill;
		}
	}
}
