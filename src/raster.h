/* raster.h: drawing geometry into a grid of terminal cells.
 *
 * Contract: a raster maps the box W,S,E,N exactly onto COLS x ROWS cells:
 * columns are linear in longitude, rows in latitude, north up; each cell
 * is split into sub-cells (2x4 braille dots, or 1x1 in the unicode and
 * ascii modes). Lines and filled areas are drawn in styles; where styles
 * meet in a cell the higher style (later in enum raster_style) gives the
 * cell its colour and, in the cell modes, its glyph. Markers and labels
 * are collected first and placed by raster_finish(), highest priority
 * first, without overlapping; a marker whose name finds no room gets a
 * number and a legend line inside the grid when there is room for one.
 * Key lines added by raster_legend() (a swatch of a fill style, or "?"
 * for RASTER_NONE, and a text) go in the top left corner before anything
 * else is placed. raster_fill_hatched() fills only every other cell, in
 * a checkerboard: an area whose fill is uncertain. Event markers (from
 * raster_event_marker()) rank above every place marker; their glyph
 * tells one event, 2-9 and 10 or more apart, or an area's approximate
 * point, and their label carries the count. Two event markers never
 * hide each other: one that falls on a cell already showing events is
 * merged into that marker (which then shows the cell's total and the
 * name of the place with the most events, "NAME +K (TOTAL)"); an
 * area's point, or a point under the key, first moves to a free cell
 * next door. A merged marker keeps its own count and records the cell
 * and the marker it went into. Every text (a name, an area's label) is
 * set off by a blank cell on each side, and the key lines form one
 * block with a blank column on its right; a key line too wide for the
 * grid is cut short with an ellipsis.
 * After raster_finish() every cell holds one UTF-8 glyph ("" for the
 * right half of a wide character) and a style: the model that the CLI
 * prints and the TUI draws. Nothing here prints. */
#ifndef RASTER_H
#define RASTER_H

#include <stdbool.h>
#include <stddef.h>

enum raster_mode {
	RASTER_BRAILLE,
	RASTER_UNICODE,
	RASTER_ASCII
};

enum raster_style {
	RASTER_NONE,
	RASTER_ZONE1,		/* areas filled by who held them: */
	RASTER_ZONE2,		/* one style per controller shown, */
	RASTER_ZONE3,		/* each with its own colour, glyph */
	RASTER_ZONE4,		/* and braille dot pattern */
	RASTER_ZONE5,
	RASTER_ZONE6,
	RASTER_WATER,		/* lake fill */
	RASTER_DISTRICT,
	RASTER_RIVER,
	RASTER_SHORE,
	RASTER_BORDER,
	RASTER_CEASEFIRE,
	RASTER_OBLAST,
	RASTER_AREA_LABEL,
	RASTER_LABEL,
	RASTER_MARKER,
	RASTER_NSTYLES
};

struct raster_style_info {
	const char	*name;
	int		 colour;	/* ANSI 0-15, -1 for the default */
	unsigned char	 dash;		/* braille: dots drawn, 8-dot cycle */
	const char	*uni[4];	/* unicode: -, |, /, \ directions */
	const char	*ascii[4];
	unsigned char	 dots;		/* braille fill: dots of a cell,
					   bit y * 2 + x, 0 for the default */
};

struct raster_cell {
	char		 glyph[16];	/* UTF-8, NUL-terminated */
	unsigned char	 style;		/* enum raster_style */
	unsigned char	 dir;		/* cell modes: direction 0-3 */
	unsigned char	 text;		/* 1 text or marker, 2 wide right
					   half, 3 a blank beside a text */
	unsigned char	 fill;		/* a filled area's style, or 0 */
};

struct raster_marker {
	const char	*id;
	char		*name;		/* sanitized */
	int		 col, row;
	int		 priority;
	int		 number;	/* 0, or the legend's number */
	size_t		 events;	/* events marked here, 0: a place */
	size_t		 total;		/* events shown at its cell: its own
					   and those merged into it */
	size_t		 merged;	/* markers merged into it */
	const char	*merged_into;	/* id of the marker that shows its
					   events, or NULL */
	bool		 approx;	/* the events' place is an area */
	char		*label;		/* its name with the count, or NULL */
	bool		 shown;
	bool		 labelled;
};

struct raster_label {
	char		*text;
	double		 x, y;		/* cell coordinates of its centre */
	int		 priority;
};

struct raster {
	int			 cols, rows;
	enum raster_mode	 mode;
	double			 w, s, e, n;
	int			 sx, sy;	/* sub-cells per cell */
	unsigned char		*dots;		/* braille bits per cell */
	struct raster_cell	*cells;
	struct raster_marker	*markers;
	size_t			 nmarkers, amarkers;
	struct raster_label	*labels;
	size_t			 nlabels, alabels;
	unsigned		 dash_pos;
	char			**legend;	/* lines of the key, top left */
	unsigned char		*legend_style;	/* their swatch's style */
	size_t			 nlegend;
};

const struct raster_style_info *raster_style(enum raster_style);
void	raster_fit(double box[4], int cols, int rows);
int	raster_init(struct raster *, int cols, int rows, enum raster_mode,
	    const double box[4]);
void	raster_free(struct raster *);
void	raster_project(const struct raster *, double lon, double lat,
	    double *x, double *y);
bool	raster_clip(double xmax, double ymax, double *x0, double *y0,
	    double *x1, double *y1);
void	raster_polyline(struct raster *, const double *xy, size_t n,
	    enum raster_style);
void	raster_fill(struct raster *, const double *const *rings,
	    const size_t *n, size_t nrings, enum raster_style);
void	raster_marker(struct raster *, const char *id, const char *name,
	    double lon, double lat, int priority);
void	raster_fill_hatched(struct raster *, const double *const *rings,
	    const size_t *n, size_t nrings, enum raster_style);
void	raster_event_marker(struct raster *, const char *id, const char *name,
	    double lon, double lat, size_t events, bool approx);
void	raster_label(struct raster *, const char *text, double lon,
	    double lat, int priority);
void	raster_legend(struct raster *, enum raster_style, const char *);
void	raster_swatch(const struct raster *, enum raster_style, char *,
	    size_t);
void	raster_finish(struct raster *);
const struct raster_cell *raster_cell(const struct raster *, int col,
	    int row);

#endif
