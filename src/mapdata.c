/* mapdata.c: reading the line-based geometry files of maps/. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mapdata.h"
#include "schema.h"
#include "xalloc.h"

/* The layers, in drawing order: fills and thin lines first. */
static const char *const mapdata_files[] = {
	"admin.map", "water.map", "borders.map", "karabakh.map", "labels.map"
};

struct mapdata_reader {
	struct mapdata		*md;
	struct diag		*diag;
	const char		*name;
	unsigned		 line;
	double			*pts;		/* the part being read */
	size_t			 npts, apts;
	size_t			 aparts;	/* of the current feature */
	int			 in_part;
	int			 bad;
};

/* Sets up empty map data. */
void
mapdata_init(struct mapdata *md)
{
	memset(md, 0, sizeof *md);
	arena_init(&md->arena);
}

/* Frees everything mapdata_load() read; MD is then empty. */
void
mapdata_free(struct mapdata *md)
{
	size_t i;

	for (i = 0; i < md->n; i++)
		free(md->f[i].parts);
	free(md->f);
	arena_fini(&md->arena);
	mapdata_init(md);
}

static void
mapdata_end_part(struct mapdata_reader *r)
{
	struct mapdata_feature *f;
	struct mapdata_part *p;
	double *xy;

	if (!r->in_part)
		return;
	r->in_part = 0;
	f = &r->md->f[r->md->n - 1];
	if (r->npts < (f->kind == MAPDATA_AREA ? 4u : 2u)) {
		diag_add(r->diag, r->name, r->line, 0, "%s '%s' has a %s of %zu "
		    "points", f->kind == MAPDATA_AREA ? "area" : "line", f->id,
		    f->kind == MAPDATA_AREA ? "ring" : "part", r->npts);
		r->bad = 1;
		return;
	}
	xy = arena_alloc(&r->md->arena, r->npts * 2 * sizeof *xy,
	    _Alignof(double));
	memcpy(xy, r->pts, r->npts * 2 * sizeof *xy);
	if (f->nparts == r->aparts) {
		r->aparts = r->aparts ? r->aparts * 2 : 4;
		f->parts = xreallocarray(f->parts, r->aparts, sizeof *f->parts);
	}
	p = &f->parts[f->nparts++];
	p->xy = xy;
	p->n = r->npts;
}

static int
mapdata_number(const char *s, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	return s[0] != '\0' && *end == '\0' && errno == 0 && isfinite(*v) ?
	    0 : -1;
}

static char *
mapdata_word(char **p)
{
	char *s = *p, *w;

	while (*s == ' ')
		s++;
	if (*s == '\0')
		return NULL;
	w = s;
	while (*s != ' ' && *s != '\0')
		s++;
	if (*s == ' ')
		*s++ = '\0';
	*p = s;
	return w;
}

/* A feature header: "area ID CLASS LON LAT NAME", "line ID CLASS NAME",
 * "label ID CLASS LON LAT NAME". */
static void
mapdata_header(struct mapdata_reader *r, enum mapdata_kind kind, char *rest)
{
	struct mapdata *md = r->md;
	struct mapdata_feature *f;
	char *id, *class, *lon = NULL, *lat = NULL;
	double x = NAN, y = NAN;

	id = mapdata_word(&rest);
	class = mapdata_word(&rest);
	if (kind != MAPDATA_LINE) {
		lon = mapdata_word(&rest);
		lat = mapdata_word(&rest);
	}
	while (rest != NULL && *rest == ' ')
		rest++;
	if (id == NULL || class == NULL || (kind != MAPDATA_LINE &&
	    lat == NULL) || rest == NULL || *rest == '\0') {
		diag_add(r->diag, r->name, r->line, 0, "incomplete %s header",
		    kind == MAPDATA_AREA ? "area" : kind == MAPDATA_LINE ?
		    "line" : "label");
		r->bad = 1;
		return;
	}
	if (!schema_is_id(id, strlen(id))) {
		diag_add(r->diag, r->name, r->line, 0, "'%s' is not a valid "
		    "id", id);
		r->bad = 1;
	}
	if (lon != NULL && (mapdata_number(lon, &x) != 0 ||
	    mapdata_number(lat, &y) != 0)) {
		diag_add(r->diag, r->name, r->line, 0, "bad label position "
		    "'%s %s'", lon, lat);
		r->bad = 1;
	}
	if (md->n == md->alloc) {
		md->alloc = md->alloc ? md->alloc * 2 : 64;
		md->f = xreallocarray(md->f, md->alloc, sizeof *md->f);
	}
	f = &md->f[md->n++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->id = arena_strndup(&md->arena, id, strlen(id));
	f->class = arena_strndup(&md->arena, class, strlen(class));
	f->name = arena_strndup(&md->arena, rest, strlen(rest));
	f->label_lon = x;
	f->label_lat = y;
	f->w = f->s = INFINITY;
	f->e = f->n = -INFINITY;
	if (kind == MAPDATA_LABEL) {
		f->w = f->e = x;
		f->s = f->n = y;
	}
	f->file = arena_strndup(&md->arena, r->name, strlen(r->name));
	f->line = r->line;
	r->aparts = 0;
}

static void
mapdata_line(struct mapdata_reader *r, char *s)
{
	struct mapdata_feature *f;
	char *a, *b;
	double x, y;

	if (s[0] == '#' || s[0] == '\0')
		return;
	if (strncmp(s, "area ", 5) == 0 || strncmp(s, "line ", 5) == 0 ||
	    strncmp(s, "label ", 6) == 0) {
		mapdata_end_part(r);
		mapdata_header(r, s[1] == 'r' ? MAPDATA_AREA : s[2] == 'n' ?
		    MAPDATA_LINE : MAPDATA_LABEL, s + (s[2] == 'b' ? 6 : 5));
		return;
	}
	f = r->md->n ? &r->md->f[r->md->n - 1] : NULL;
	if (strcmp(s, "ring") == 0 || strcmp(s, "part") == 0) {
		mapdata_end_part(r);
		if (f == NULL || f->kind != (s[0] == 'r' ? MAPDATA_AREA :
		    MAPDATA_LINE)) {
			diag_add(r->diag, r->name, r->line, 0, "'%s' outside "
			    "%s", s, s[0] == 'r' ? "an area" : "a line");
			r->bad = 1;
			return;
		}
		r->in_part = 1;
		r->npts = 0;
		return;
	}
	a = mapdata_word(&s);
	b = mapdata_word(&s);
	if (a == NULL || b == NULL || mapdata_word(&s) != NULL ||
	    mapdata_number(a, &x) != 0 || mapdata_number(b, &y) != 0 ||
	    x < -180 || x > 180 || y < -90 || y > 90) {
		diag_add(r->diag, r->name, r->line, 0, "expected 'LON LAT' or a "
		    "keyword (area, ring, line, part, label)");
		r->bad = 1;
		return;
	}
	if (!r->in_part) {
		diag_add(r->diag, r->name, r->line, 0, "a point outside a ring "
		    "or part");
		r->bad = 1;
		return;
	}
	if (r->npts == r->apts) {
		r->apts = r->apts ? r->apts * 2 : 256;
		r->pts = xreallocarray(r->pts, r->apts, 2 * sizeof *r->pts);
	}
	r->pts[2 * r->npts] = x;
	r->pts[2 * r->npts + 1] = y;
	r->npts++;
	if (x < f->w) f->w = x;
	if (x > f->e) f->e = x;
	if (y < f->s) f->s = y;
	if (y > f->n) f->n = y;
}

/* Reads one map file at PATH, NAME in messages, adding its features to
 * MD. Returns 0, or -1 with every problem in DIAG. */
int
mapdata_load_file(struct mapdata *md, const char *path, const char *name,
    struct diag *diag)
{
	struct mapdata_reader r;
	char *buf = NULL;
	size_t size = 0;
	ssize_t len;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL) {
		diag_add(diag, name, 0, 0, "%s", strerror(errno));
		return -1;
	}
	memset(&r, 0, sizeof r);
	r.md = md;
	r.diag = diag;
	r.name = name;
	while ((len = getline(&buf, &size, fp)) != -1) {
		r.line++;
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		if (strlen(buf) != (size_t)len) {
			diag_add(diag, name, r.line, 0, "NUL byte");
			r.bad = 1;
			continue;
		}
		mapdata_line(&r, buf);
	}
	mapdata_end_part(&r);
	if (ferror(fp)) {
		diag_add(diag, name, 0, 0, "read error");
		r.bad = 1;
	}
	fclose(fp);
	free(buf);
	free(r.pts);
	return r.bad ? -1 : 0;
}

/* Reads the layer files of the maps directory DIR. Returns 0, or -1 with
 * every problem in DIAG and MD emptied. */
int
mapdata_load(struct mapdata *md, const char *dir, struct diag *diag)
{
	char *path, *name;
	size_t i;
	int rv = 0;

	mapdata_init(md);
	for (i = 0; i < sizeof mapdata_files / sizeof mapdata_files[0]; i++) {
		xasprintf(&path, "%s/%s", dir, mapdata_files[i]);
		xasprintf(&name, "maps/%s", mapdata_files[i]);
		if (mapdata_load_file(md, path, name, diag) != 0)
			rv = -1;
		free(path);
		free(name);
	}
	if (rv != 0)
		mapdata_free(md);
	return rv;
}

/* Returns the first feature called ID, or NULL. */
const struct mapdata_feature *
mapdata_find(const struct mapdata *md, const char *id)
{
	size_t i;

	for (i = 0; i < md->n; i++)
		if (strcmp(md->f[i].id, id) == 0)
			return &md->f[i];
	return NULL;
}
