/* cmd-map.c: "ttyatlas map", the map as text or JSON. */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actor.h"
#include "cmd.h"
#include "control-at.h"
#include "diag.h"
#include "i18n.h"
#include "map.h"
#include "mapdata.h"
#include "query.h"
#include "raster.h"
#include "store.h"
#include "xalloc.h"

static const char *const cmd_map_usage = N_(
"usage: ttyatlas [global options] map [--view NAME | --bbox W,S,E,N]\n"
"           [--size COLSxROWS] [--braille | --unicode | --ascii]\n"
"           [--color | --no-color] [--format text|json] [--maps DIR]\n"
"           [--at DATE [--de-jure]] [QUERY]\n"
"       ttyatlas [global options] map --diff DATE1 DATE2 [--de-jure]\n"
"           [--format text|json]\n"
"Views:\n");

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
	fputs(_(cmd_map_usage), stderr);
	for (i = 0; (v = map_view_at(i)) != NULL; i++)
		fprintf(stderr, "  %-10s %s\n", v->name, _(v->help));
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

/* Writes the "controller" members of a region's JSON object. */
static void
cmd_map_json_holder(const struct store *s, const struct map_holder *h,
    enum lang lang)
{
	const struct actor *a;

	if (h->at.row == NULL) {
		fputs(",\"controller\":null", stdout);
		return;
	}
	a = store_find_actor(s, h->at.row->controller_id);
	fputs(",\"controller\":{\"id\":", stdout);
	cmd_map_json_string(stdout, h->at.row->controller_id);
	fputs(",\"name\":", stdout);
	cmd_map_json_string(stdout, a != NULL ? actor_name(a, lang, NULL) :
	    h->at.row->controller_id);
	fputs(",\"control\":", stdout);
	cmd_map_json_string(stdout, h->at.row->id);
	fputs(",\"confidence\":", stdout);
	cmd_map_json_string(stdout, h->at.row->confidence);
	printf(",\"uncertain\":%s}", h->at.uncertain ? "true" : "false");
}

/* The name of controller ID in LANG, or "no record" for NULL. */
static const char *
cmd_map_who(const struct store *s, const char *id, enum lang lang)
{
	const struct actor *a;

	if (id == NULL)
		return _("(no record)");
	a = store_find_actor(s, id);
	return a != NULL ? actor_name(a, lang, NULL) : id;
}

/*
 * "map --diff D1 D2": prints every area that changed hands between the
 * first days of D1 and D2 (or may have: a change dated by its year or
 * month only), from whom to whom, then each change of hands in between
 * with its date and the event behind it. Returns CMD_OK, or
 * CMD_EMPTY when nothing changed.
 */
/* Writes controller ID as a JSON object {"id","name"}, or null. */
static void
cmd_map_json_who(const struct store *s, const char *id, enum lang lang)
{
	if (id == NULL) {
		fputs("null", stdout);
		return;
	}
	fputs("{\"id\":", stdout);
	cmd_map_json_string(stdout, id);
	fputs(",\"name\":", stdout);
	cmd_map_json_string(stdout, cmd_map_who(s, id, lang));
	fputc('}', stdout);
}

/* Writes the changes of hands CH (NCH of them) as a JSON array. */
static void
cmd_map_json_changes(const struct store *s, const struct control_change *ch,
    size_t nch, enum lang lang)
{
	const struct event *ev;
	char date[64];
	size_t j;

	fputs(",\"changes\":[", stdout);
	for (j = 0; j < nch; j++) {
		date_format_iso(date, sizeof date, &ch[j].row->start);
		fputs(j ? ",{\"date\":" : "{\"date\":", stdout);
		cmd_map_json_string(stdout, date);
		fputs(",\"controller\":", stdout);
		cmd_map_json_who(s, ch[j].row->controller_id, lang);
		fputs(",\"control\":", stdout);
		cmd_map_json_string(stdout, ch[j].row->id);
		fputs(",\"confidence\":", stdout);
		cmd_map_json_string(stdout, ch[j].row->confidence);
		ev = ch[j].row->cause_event_id[0] != '\0' ?
		    store_find_event(s, ch[j].row->cause_event_id) : NULL;
		fputs(",\"event\":", stdout);
		if (ev == NULL)
			fputs("null", stdout);
		else {
			date_format_iso(date, sizeof date, &ev->start);
			fputs("{\"id\":", stdout);
			cmd_map_json_string(stdout, ev->id);
			fputs(",\"date\":", stdout);
			cmd_map_json_string(stdout, date);
			fputs(",\"title\":", stdout);
			cmd_map_json_string(stdout, event_title(ev, lang, NULL));
			fputc('}', stdout);
		}
		fputc('}', stdout);
	}
	fputc(']', stdout);
}

static int
cmd_map_diff(struct cmd_ctx *ctx, const char *d1, const char *d2,
    enum control_kind kind, int json)
{
	const struct store *s = ctx->store;
	const struct place *p;
	const struct event *ev;
	const char **areas, *from, *to;
	struct control_at a1, a2;
	struct control_change *ch;
	int64_t day1, day2;
	char *cause, date[64];
	size_t i, j, n, nch, shown = 0;

	if (control_day_parse(d1, &day1, &cause) != 0 ||
	    control_day_parse(d2, &day2, &cause) != 0) {
		n = (size_t)cmd_map_usage_error(_("bad date: %s"), cause);
		free(cause);
		return (int)n;
	}
	if (day2 < day1)
		return cmd_map_usage_error(_("--diff: '%s' is before '%s'"), d2,
		    d1);
	if (json) {
		fputs("{\"from\":", stdout);
		cmd_map_json_string(stdout, d1);
		fputs(",\"to\":", stdout);
		cmd_map_json_string(stdout, d2);
		printf(",\"kind\":\"%s\",\"areas\":[",
		    kind == CONTROL_DE_JURE ? "de jure" : "de facto");
	}
	n = control_areas(s, NULL, 0);
	areas = xcalloc(n + 1, sizeof *areas);
	control_areas(s, areas, n);
	ch = xcalloc(s->ncontrol + 1, sizeof *ch);
	for (i = 0; i < n; i++) {
		nch = control_changes(s, areas[i], kind, day1, day2, ch,
		    s->ncontrol);
		/* Before a change dated only by its year or month, which
		 * may have come after DAY1, the earlier holder held. */
		control_at(s, areas[i], kind, nch > 0 && ch[0].day <= day1 ?
		    ch[0].day - 1 : day1, &a1);
		control_at(s, areas[i], kind, day2, &a2);
		from = a1.row != NULL ? a1.row->controller_id : NULL;
		to = a2.row != NULL ? a2.row->controller_id : NULL;
		if (nch == 0 && (from == to || (from != NULL && to != NULL &&
		    strcmp(from, to) == 0)))
			continue;
		p = store_find_place(s, areas[i]);
		if (json) {
			fputs(shown ? ",\n{\"id\":" : "\n{\"id\":", stdout);
			cmd_map_json_string(stdout, areas[i]);
			fputs(",\"name\":", stdout);
			cmd_map_json_string(stdout, p != NULL ? place_name(p,
			    ctx->lang, NULL) : areas[i]);
			fputs(",\"from\":", stdout);
			cmd_map_json_who(s, from, ctx->lang);
			fputs(",\"to\":", stdout);
			cmd_map_json_who(s, to, ctx->lang);
			printf(",\"uncertain\":%s", (nch > 0 &&
			    ch[0].day <= day1) || a2.uncertain ? "true" :
			    "false");
			cmd_map_json_changes(s, ch, nch, ctx->lang);
			fputc('}', stdout);
			shown++;
			continue;
		}
		printf("%s (%s): %s", p != NULL ? place_name(p, ctx->lang,
		    NULL) : areas[i], areas[i], cmd_map_who(s, from,
		    ctx->lang));
		printf(" -> %s%s\n", cmd_map_who(s, to, ctx->lang),
		    (nch > 0 && ch[0].day <= day1) || a2.uncertain ?
		    _(" (date uncertain)") : "");
		for (j = 0; j < nch; j++) {
			date_format_iso(date, sizeof date, &ch[j].row->start);
			printf("  ");
			printf(_("%s to %s, %s confidence: "), date,
			    cmd_map_who(s, ch[j].row->controller_id,
			    ctx->lang), ch[j].row->confidence);
			ev = ch[j].row->cause_event_id[0] != '\0' ?
			    store_find_event(s, ch[j].row->cause_event_id) :
			    NULL;
			if (ev == NULL) {
				puts(_("no event recorded"));
				continue;
			}
			date_format_iso(date, sizeof date, &ev->start);
			printf("%s (%s) %s\n", ev->id, date, event_title(ev,
			    ctx->lang, NULL));
		}
		if (nch == 0)
			printf("  %s\n",
			    _("the record ends; no later holder is given"));
		shown++;
	}
	free(ch);
	free(areas);
	if (json)
		fputs("]}\n", stdout);
	return shown > 0 ? CMD_OK : CMD_EMPTY;
}

/* Runs the query made of the N words ARGS into RES. Returns 0, or
 * CMD_USAGE after saying why the query is wrong. */
static int
cmd_map_query(const struct store *s, char **args, int n,
    struct query_result *res)
{
	struct query *q;
	char *text = xstrdup(""), *next, *cause;
	int i;

	for (i = 0; i < n; i++) {
		xasprintf(&next, "%s%s%s", text, i ? " " : "", args[i]);
		free(text);
		text = next;
	}
	q = query_parse(s, text, &cause);
	free(text);
	if (q == NULL || query_run(q, res, &cause) != 0) {
		cmd_map_usage_error(_("bad query: %s"), cause);
		free(cause);
		query_free(q);
		return CMD_USAGE;
	}
	query_free(q);
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
		{ "at",		required_argument,	NULL, 't' },
		{ "de-jure",	no_argument,		NULL, 'j' },
		{ "diff",	required_argument,	NULL, 'd' },
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
	struct map_control mc;
	struct map_holder h;
	const char *diff1 = NULL;
	char **argv, *maps_dir = NULL, *line, x, *cause;
	struct query_result res = { NULL, 0 };
	int c, cols = 80, rows = 24, color = -1, json = 0, have_box = 0, row;
	int query;
	size_t i, n, nreg;

	memset(&mc, 0, sizeof mc);
	mc.overlay = true;
	mc.kind = CONTROL_DE_FACTO;

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
				return cmd_map_usage_error(_("unknown view '%s'"),
				    optarg);
			}
			memcpy(box, view->box, sizeof box);
			have_box = 0;
			break;
		case 'b':
			if (cmd_map_parse_box(optarg, box) != 0) {
				free(argv);
				free(maps_dir);
				return cmd_map_usage_error(_("bad box '%s' (want "
				    "W,S,E,N in degrees)"), optarg);
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
				return cmd_map_usage_error(_("bad size '%s' (want "
				    "COLSxROWS, 10x5 to 1000x1000)"), optarg);
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
				return cmd_map_usage_error(_("unknown format '%s' "
				    "(use text or json)"), optarg);
			}
			break;
		case 'm':
			free(maps_dir);
			maps_dir = xstrdup(optarg);
			break;
		case 't':
			if (control_day_parse(optarg, &mc.day, &cause) != 0) {
				free(argv);
				free(maps_dir);
				c = cmd_map_usage_error(_("bad date '%s': %s"),
				    optarg, cause);
				free(cause);
				return c;
			}
			mc.has_day = true;
			break;
		case 'j':
			mc.kind = CONTROL_DE_JURE;
			break;
		case 'd':
			diff1 = optarg;
			break;
		case 'h':
			free(argv);
			free(maps_dir);
			cmd_map_usage_error("%s", "help");
			return CMD_OK;
		default:
			c = optind - 1;
			free(maps_dir);
			cmd_map_usage_error(_("bad option '%s'"), c > 0 &&
			    c <= ctx->argc ? argv[c] : "?");
			free(argv);
			return CMD_USAGE;
		}
	}
	if (diff1 != NULL) {
		free(maps_dir);
		c = optind == ctx->argc ? cmd_map_diff(ctx, diff1, argv[optind],
		    mc.kind, json) : cmd_map_usage_error(_("--diff wants two dates"));
		free(argv);
		return c;
	}
	if (optind <= ctx->argc) {
		query = cmd_map_query(s, argv + optind, ctx->argc + 1 - optind,
		    &res);
		if (query != 0) {
			free(argv);
			free(maps_dir);
			return query;
		}
		mc.events = res.idx;
		mc.nevents = res.n;
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
		query_result_free(&res);
		return CMD_DATAERR;
	}
	diag_fini(&d);
	free(maps_dir);

	raster_init(&r, cols, rows, mode, box);
	map_draw_at(&r, &md, s, ctx->lang, &mc);

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
			if (!r.markers[i].shown &&
			    r.markers[i].merged_into == NULL)
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
			if (r.markers[i].events > 0)
				printf(",\"events\":%zu,\"precision\":\"%s\"",
				    r.markers[i].events, r.markers[i].approx ?
				    "area" : "point");
			/* Markers merged on one cell: the one drawn gives
			 * the cell's total, the others name it. */
			if (r.markers[i].merged > 0)
				printf(",\"total\":%zu,\"merged\":%zu",
				    r.markers[i].total, r.markers[i].merged);
			if (r.markers[i].merged_into != NULL) {
				fputs(",\"merged_into\":", stdout);
				cmd_map_json_string(stdout,
				    r.markers[i].merged_into);
			}
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
			if (mc.has_day) {
				map_holder(s, regions[i], &mc, &h);
				cmd_map_json_holder(s, &h, ctx->lang);
			}
			fputc('}', stdout);
		}
		free(regions);
		fputs("]}\n", stdout);
	}
	raster_free(&r);
	mapdata_free(&md);
	query_result_free(&res);
	return CMD_OK;
}
