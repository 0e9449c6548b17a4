/* cmd-map.c: "ttyatlas map", the map as text or JSON. */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
#include "map.h"
#include "mapdata.h"
#include "raster.h"
#include "store.h"
#include "xalloc.h"

static const char cmd_map_usage[] =
"usage: ttyatlas [global options] map [--view NAME | --bbox W,S,E,N]\n"
"           [--size COLSxROWS] [--braille | --unicode | --ascii]\n"
"           [--color | --no-color] [--format text|json] [--maps DIR]\n"
"Views:\n";

static int
cmd_map_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
cmd_map_usage_error(const char *fmt, ...)
{
	const struct map_view *v;
	va_list ap;
	size_t i;

	fputs("ttyatlas: map: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(cmd_map_usage, stderr);
	for (i = 0; (v = map_view_at(i)) != NULL; i++)
		fprintf(stderr, "  %-10s %s\n", v->name, v->help);
	return CMD_USAGE;
}

/* The maps directory: next to the data directory ("DATA/../maps"). */
static char *
cmd_map_dir(const char *data_dir)
{
	const char *slash = strrchr(data_dir, '/');
	char *dir;

	if (slash == NULL)
		return xstrdup("maps");
	xasprintf(&dir, "%.*s/maps", (int)(slash - data_dir), data_dir);
	return dir;
}

static void
cmd_map_json_string(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', fp);
	for (; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(fp, "\\u%04x", *p);
		else
			fputc(*p, fp);
	}
	fputc('"', fp);
}

/* Writes row ROW into a line: glyphs, with SGR colours if COLOR, and
 * without trailing blanks. */
static char *
cmd_map_line(const struct raster *r, int row, int color)
{
	const struct raster_cell *c;
	const struct raster_style_info *si;
	char *out, *p;
	int col, last = -1, cur = -1, colour;
	size_t size;

	for (col = 0; col < r->cols; col++) {
		c = raster_cell(r, col, row);
		if (strcmp(c->glyph, " ") != 0)
			last = col;
	}
	size = (size_t)r->cols * (sizeof c->glyph + 12) + 16;
	p = out = xmalloc(size);
	for (col = 0; col <= last; col++) {
		c = raster_cell(r, col, row);
		if (color) {
			si = raster_style(c->style);
			colour = strcmp(c->glyph, " ") == 0 ? -1 : si->colour;
			if (colour != cur) {
				if (colour < 0)
					p += sprintf(p, "\033[0m");
				else
					p += sprintf(p, "\033[%s%dm", colour >= 8 ?
					    "1;" : "0;", 30 + colour % 8);
				cur = colour;
			}
		}
		p = stpcpy(p, c->glyph);
	}
	if (color && cur != -1)
		p = stpcpy(p, "\033[0m");
	*p = '\0';
	return out;
}

static int
cmd_map_parse_box(const char *s, double box[4])
{
	char *end;
	int i;

	for (i = 0; i < 4; i++) {
		box[i] = strtod(s, &end);
		if (end == s || *end != (i == 3 ? '\0' : ','))
			return -1;
		s = end + 1;
	}
	if (!(box[2] > box[0]) || !(box[3] > box[1]) || box[0] < -180 ||
	    box[2] > 180 || box[1] < -90 || box[3] > 90)
		return -1;
	return 0;
}

/* Prints the map of the options' view as ROWS lines of text, or as JSON
 * with its markers and regions. Returns CMD_OK, CMD_USAGE, or
 * CMD_DATAERR when the map files are bad. */
int
cmd_map(struct cmd_ctx *ctx)
{
	static const struct option longopts[] = {
		{ "view",	required_argument,	NULL, 'v' },
		{ "bbox",	required_argument,	NULL, 'b' },
		{ "size",	required_argument,	NULL, 's' },
		{ "braille",	no_argument,		NULL, 'B' },
		{ "unicode",	no_argument,		NULL, 'U' },
		{ "ascii",	no_argument,		NULL, 'A' },
		{ "color",	no_argument,		NULL, 'c' },
		{ "no-color",	no_argument,		NULL, 'C' },
		{ "format",	required_argument,	NULL, 'f' },
		{ "maps",	required_argument,	NULL, 'm' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct store *s = ctx->store;
	const struct map_view *view = NULL;
	const struct mapdata_feature **regions;
	enum raster_mode mode = RASTER_BRAILLE;
	struct mapdata md;
	struct raster r;
	struct diag d;
	double box[4];
	char **argv, *maps_dir = NULL, *line, x;
	int c, cols = 80, rows = 24, color = -1, json = 0, have_box = 0, row;
	size_t i, n, nreg;

	/* getopt wants argv[0]: give it one in front of the arguments. */
	argv = xcalloc((size_t)ctx->argc + 2, sizeof *argv);
	argv[0] = (char *)"map";
	for (c = 0; c < ctx->argc; c++)
		argv[c + 1] = ctx->argv[c];
	optind = 0;	/* 0: glibc starts afresh on a new argv */
	opterr = 0;
	while ((c = getopt_long(ctx->argc + 1, argv, "", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'v':
			if ((view = map_view_find(optarg)) == NULL) {
				free(argv);
				free(maps_dir);
				return cmd_map_usage_error("unknown view '%s'",
				    optarg);
			}
			memcpy(box, view->box, sizeof box);
			have_box = 0;
			break;
		case 'b':
			if (cmd_map_parse_box(optarg, box) != 0) {
				free(argv);
				free(maps_dir);
				return cmd_map_usage_error("bad box '%s' (want "
				    "W,S,E,N in degrees)", optarg);
			}
			have_box = 1;
			view = NULL;
			break;
		case 's':
			if (sscanf(optarg, "%dx%d%c", &cols, &rows, &x) != 2 ||
			    cols < 10 || rows < 5 || cols > 1000 ||
			    rows > 1000) {
				free(argv);
				free(maps_dir);
				return cmd_map_usage_error("bad size '%s' (want "
				    "COLSxROWS, 10x5 to 1000x1000)", optarg);
			}
			break;
		case 'B':
			mode = RASTER_BRAILLE;
			break;
		case 'U':
			mode = RASTER_UNICODE;
			break;
		case 'A':
			mode = RASTER_ASCII;
			break;
		case 'c':
			color = 1;
			break;
		case 'C':
			color = 0;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") == 0)
				json = 0;
			else {
				free(argv);
				free(maps_dir);
				return cmd_map_usage_error("unknown format '%s' "
				    "(use text or json)", optarg);
			}
			break;
		case 'm':
			free(maps_dir);
			maps_dir = xstrdup(optarg);
			break;
		case 'h':
			free(argv);
			free(maps_dir);
			cmd_map_usage_error("%s", "help");
			return CMD_OK;
		default:
			c = optind - 1;
			free(maps_dir);
			cmd_map_usage_error("bad option '%s'", c > 0 &&
			    c <= ctx->argc ? argv[c] : "?");
			free(argv);
			return CMD_USAGE;
		}
	}
	if (optind <= ctx->argc) {
		c = cmd_map_usage_error("unexpected argument '%s'",
		    argv[optind]);
		free(argv);
		free(maps_dir);
		return c;
	}
	free(argv);
	if (!have_box) {
		if (view == NULL)
			view = map_view_find("caucasus");
		memcpy(box, view->box, sizeof box);
		raster_fit(box, cols, rows);
	}
	if (color == -1)
		color = !json && isatty(STDOUT_FILENO);
	if (maps_dir == NULL)
		maps_dir = cmd_map_dir(ctx->data_dir);

	diag_init(&d);
	if (mapdata_load(&md, maps_dir, &d) != 0) {
		for (i = 0; i < d.n; i++)
			fprintf(stderr, "%s\n", d.msgs[i]);
		diag_fini(&d);
		free(maps_dir);
		return CMD_DATAERR;
	}
	diag_fini(&d);
	free(maps_dir);

	raster_init(&r, cols, rows, mode, box);
	map_draw(&r, &md, s->places, s->nplaces, ctx->lang);

	if (!json) {
		for (row = 0; row < rows; row++) {
			line = cmd_map_line(&r, row, color);
			puts(line);
			free(line);
		}
	} else {
		fputs("{\"lines\":[", stdout);
		for (row = 0; row < rows; row++) {
			line = cmd_map_line(&r, row, 0);
			fputs(row ? ",\n" : "\n", stdout);
			cmd_map_json_string(stdout, line);
			free(line);
		}
		fputs("],\n\"markers\":[", stdout);
		for (i = n = 0; i < r.nmarkers; i++) {
			if (!r.markers[i].shown)
				continue;
			fputs(n++ ? ",\n" : "\n", stdout);
			fputs("{\"id\":", stdout);
			cmd_map_json_string(stdout, r.markers[i].id);
			fputs(",\"name\":", stdout);
			cmd_map_json_string(stdout, r.markers[i].name);
			printf(",\"col\":%d,\"row\":%d", r.markers[i].col,
			    r.markers[i].row);
			if (r.markers[i].number)
				printf(",\"number\":%d", r.markers[i].number);
			fputc('}', stdout);
		}
		fputs("],\n\"regions\":[", stdout);
		nreg = map_regions(&r, &md, NULL, 0);
		regions = xcalloc(nreg + 1, sizeof *regions);
		map_regions(&r, &md, regions, nreg);
		for (i = 0; i < nreg; i++) {
			fputs(i ? ",\n" : "\n", stdout);
			fputs("{\"id\":", stdout);
			cmd_map_json_string(stdout, regions[i]->id);
			fputs(",\"name\":", stdout);
			cmd_map_json_string(stdout, regions[i]->name);
			fputc('}', stdout);
		}
		free(regions);
		fputs("]}\n", stdout);
	}
	raster_free(&r);
	mapdata_free(&md);
	return CMD_OK;
}
