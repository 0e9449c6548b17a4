/* pane-detail.c: the detail of the selected event.
 *
 * The content is made as a list of paragraphs (text, role, indent), then
 * wrapped at the pane's width with text_wrap(), so Chinese breaks between
 * characters and other scripts between words, and drawn from the view's
 * detail_top. It is made anew on each draw: the draw happens only when
 * the selection, the scroll or the size changes, and an event's detail
 * is a few dozen lines. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "i18n.h"
#include "pane-detail.h"
#include "screen-text.h"
#include "schema.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

#define CTRL(c) ((c) & 0x1f)

struct pane_detail_para {
	char		*text;
	enum tui_role	 role;
	int		 indent;
};

struct pane_detail {
	struct pane_detail_para	*p;
	size_t			 n, cap;
};

static void
pane_detail_add(struct pane_detail *d, enum tui_role role, int indent,
    char *text)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->p = xreallocarray(d->p, d->cap, sizeof *d->p);
	}
	d->p[d->n].text = text;
	d->p[d->n].role = role;
	d->p[d->n].indent = indent;
	d->n++;
}

static void
pane_detail_addf(struct pane_detail *d, enum tui_role role, int indent,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
pane_detail_addf(struct pane_detail *d, enum tui_role role, int indent,
    const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		s = xstrdup("");
	va_end(ap);
	pane_detail_add(d, role, indent, s);
}

static const char *
pane_detail_precision(const struct date *d)
{
	switch (d->prec) {
	case DATE_DAY:
		return d->circa ? _("circa, day") : _("exact day");
	case DATE_MONTH:
		return d->circa ? _("circa, month only") : _("month only");
	case DATE_YEAR:
		return d->circa ? _("circa, year only") : _("year only");
	}
	return _("no date");
}

/* Appends " · PART" to *LINE; frees PART. */
static void
pane_detail_join(char **line, char *part)
{
	char *next;

	xasprintf(&next, "%s \xc2\xb7 %s", *line, part);
	free(*line);
	free(part);
	*line = next;
}

/* Returns "doc § section" for each id of the ';'-list IDS, joined. */
static char *
pane_detail_sources(const struct store *s, const char *ids)
{
	const struct source *src;
	char *out = xstrdup(""), *next, id[128], sec[64];
	const char *p = ids;

	while (schema_idlist_next(&p, id, sizeof id)) {
		src = store_find(s, STORE_SOURCES, id);
		if (src != NULL && src->document[0] != '\0')
			xasprintf(&next, "%s%s%s \xc2\xa7 %s", out,
			    *out ? "; " : "", src->document,
			    source_section(src, sec, sizeof sec));
		else
			xasprintf(&next, "%s%s%s", out, *out ? "; " : "", id);
		free(out);
		out = next;
	}
	return out;
}

/* Returns the names, in language L, of the places or actors IDS lists; a
 * place's with the local forms NAMES asks for. */
static char *
pane_detail_names(const struct store *s, enum store_kind k, const char *ids,
    enum lang l, int names)
{
	char *out = xstrdup(""), *next, id[128], buf[512];
	const char *p = ids, *name;
	const void *row;

	while (schema_idlist_next(&p, id, sizeof id)) {
		row = store_find(s, k, id);
		if (row != NULL && k == STORE_PLACES) {
			place_name_format(buf, sizeof buf, row, l,
			    (enum place_names)names, NULL);
			name = buf;
		} else
			name = row == NULL ? id : actor_name(row, l, NULL);
		xasprintf(&next, "%s%s%s", out, *out ? ", " : "", name);
		free(out);
		out = next;
	}
	return out;
}

static void
pane_detail_number(char *buf, size_t size, const char *what, double v)
{
	if (isnan(v))
		snprintf(buf, size, "%s ?", what);
	else
		snprintf(buf, size, "%s %.15g", what, v);
}

static void
pane_detail_build(struct pane_detail *d, const struct view *v,
    const struct event *e)
{
	const struct store *s = v->store;
	const struct era *era;
	char date[96], *list, *src, lo[48], be[48], hi[48], asof[104];
	const char *title, *span;
	enum lang used;
	size_t i, j;
	int header;

	/* Date, with what the source's precision is and how long it lasted. */
	snprintf(date, sizeof date, "%s", timeline_date(&v->timeline,
	    v->selected));
	span = timeline_span(&v->timeline, v->selected);
	if (date_is_set(&e->end) && e->end.prec != e->start.prec)
		pane_detail_addf(d, TUI_ROLE_LABEL, 0, "%s  (%s \xe2\x80\x93 %s"
		    "%s%s)", date, pane_detail_precision(&e->start),
		    pane_detail_precision(&e->end), span[0] ? "; " : "", span);
	else
		pane_detail_addf(d, TUI_ROLE_LABEL, 0, "%s  (%s%s%s)", date,
		    pane_detail_precision(&e->start), span[0] ? "; " : "",
		    span);
	title = event_title(e, v->lang, &used);
	pane_detail_addf(d, TUI_ROLE_TITLE, 0, "%s%s", lang_mark(v->lang,
	    used), title);
	pane_detail_add(d, TUI_ROLE_NORMAL, 0, xstrdup(""));
	for (i = v->lang;; i = lang_fallback((enum lang)i)) {
		if (e->summary[i][0] != '\0' || i == LANG_EN)
			break;
	}
	if (e->summary[i][0] != '\0') {
		pane_detail_addf(d, TUI_ROLE_NORMAL, 0, "%s%s",
		    lang_mark(v->lang, (enum lang)i), e->summary[i]);
		pane_detail_add(d, TUI_ROLE_NORMAL, 0, xstrdup(""));
	}
	era = e->era_id[0] ? store_find(s, STORE_ERAS, e->era_id) : NULL;
	/* "Type: T · Era: E · Confidence: C", each part translated */
	xasprintf(&list, _("Type: %s"), C_("event type", e->type));
	if (era != NULL) {
		xasprintf(&src, _("Era: %s"), era_name(era, v->lang, NULL));
		pane_detail_join(&list, src);
	}
	if (e->confidence[0] != '\0') {
		xasprintf(&src, _("Confidence: %s"),
		    C_("confidence", e->confidence));
		pane_detail_join(&list, src);
	}
	pane_detail_add(d, TUI_ROLE_NORMAL, 0, list);
	if (e->place_ids[0] != '\0') {
		list = pane_detail_names(s, STORE_PLACES, e->place_ids,
		    v->lang, v->names);
		pane_detail_addf(d, TUI_ROLE_NORMAL, 0, _("Places: %s"), list);
		free(list);
	}
	if (e->actor_ids[0] != '\0') {
		list = pane_detail_names(s, STORE_ACTORS, e->actor_ids,
		    v->lang, v->names);
		pane_detail_addf(d, TUI_ROLE_NORMAL, 0, _("Actors: %s"), list);
		free(list);
	}

	/* Figures: the event's own counts, then figures.csv about it. */
	header = 0;
	for (i = 0; i < 2; i++) {
		const int64_t *c = i == 0 ? e->fatalities : e->displaced;

		if (c[COUNT_LOW] < 0 && c[COUNT_BEST] < 0 &&
		    c[COUNT_HIGH] < 0)
			continue;
		if (!header++)
			pane_detail_add(d, TUI_ROLE_LABEL, 0,
			    xstrdup(_("Figures (low / best / high):")));
		src = pane_detail_sources(s, e->source_ids);
		pane_detail_number(lo, sizeof lo, _("low"), c[COUNT_LOW] < 0 ?
		    NAN : (double)c[COUNT_LOW]);
		pane_detail_number(be, sizeof be, _("best"), c[COUNT_BEST] < 0 ?
		    NAN : (double)c[COUNT_BEST]);
		pane_detail_number(hi, sizeof hi, _("high"), c[COUNT_HIGH] < 0 ?
		    NAN : (double)c[COUNT_HIGH]);
		pane_detail_addf(d, TUI_ROLE_NORMAL, 2, "%s: %s \xc2\xb7 %s "
		    "\xc2\xb7 %s \xe2\x80\x94 %s", i == 0 ? _("fatalities") :
		    _("displaced"), lo, be, hi, src);
		free(src);
	}
	for (i = 0; i < s->nfigures; i++) {
		const struct figure *f = &s->figures[i];

		if (strcmp(f->subject_id, e->id) != 0)
			continue;
		if (!header++)
			pane_detail_add(d, TUI_ROLE_LABEL, 0,
			    xstrdup(_("Figures (low / best / high):")));
		src = pane_detail_sources(s, f->source_ids);
		pane_detail_number(lo, sizeof lo, _("low"), f->low);
		pane_detail_number(be, sizeof be, _("best"), f->best);
		pane_detail_number(hi, sizeof hi, _("high"), f->high);
		asof[0] = '\0';
		if (date_is_set(&f->as_of)) {
			date_format_lang(date, sizeof date, &f->as_of, v->lang);
			snprintf(asof, sizeof asof, " (%s)", date);
		}
		pane_detail_addf(d, TUI_ROLE_NORMAL, 2, "%s: %s \xc2\xb7 %s "
		    "\xc2\xb7 %s %s%s \xe2\x80\x94 %s",
		    C_("figure measure", f->measure), lo, be, hi,
		    f->unit[0] ? C_("figure unit", f->unit) : "", asof, src);
		free(src);
	}

	/* Every source of the event. */
	if (e->source_ids[0] != '\0') {
		const char *p = e->source_ids;
		char id[128], sec[64];

		pane_detail_add(d, TUI_ROLE_LABEL, 0, xstrdup(_("Sources:")));
		while (schema_idlist_next(&p, id, sizeof id)) {
			const struct source *sr;

			sr = store_find(s, STORE_SOURCES, id);
			if (sr == NULL)
				pane_detail_addf(d, TUI_ROLE_NORMAL, 2,
				    "\xe2\x80\xa2 %s", id);
			else
				pane_detail_addf(d, TUI_ROLE_NORMAL, 2,
				    "\xe2\x80\xa2 %s \xc2\xa7 %s \xe2\x80\x94 "
				    "%s%s%s%s", sr->document,
				    source_section(sr, sec, sizeof sec),
				    sr->title, sr->publisher[0] ? " (" : "",
				    sr->publisher, sr->publisher[0] ? ")" : "");
		}
	}

	/* Statements by actors about the event. */
	header = 0;
	for (i = 0; i < s->nstatements; i++) {
		const struct statement *st = &s->statements[i];
		const struct actor *a;
		enum lang l;

		if (strcmp(st->event_id, e->id) != 0)
			continue;
		if (!header++)
			pane_detail_add(d, TUI_ROLE_LABEL, 0,
			    xstrdup(_("Statements:")));
		a = store_find_actor(s, st->actor_id);
		for (l = v->lang; st->summary[l][0] == '\0' && l != LANG_EN;)
			l = lang_fallback(l);
		src = pane_detail_sources(s, st->source_ids);
		pane_detail_addf(d, TUI_ROLE_NORMAL, 2, "\xe2\x80\xa2 %s (%s): "
		    "%s \xe2\x80\x94 %s", a ? actor_name(a, v->lang, NULL) :
		    st->actor_id, st->stance[0] ? C_("stance", st->stance) : "",
		    st->summary[l], src);
		free(src);
	}

	/* Claims, field by field; a field with different values is where
	 * the sources disagree. */
	header = 0;
	for (i = 0; i < s->nclaims; i++) {
		const struct claim *c = &s->claims[i];
		int seen = 0, differ = 0;

		if (strcmp(c->subject_id, e->id) != 0)
			continue;
		for (j = 0; j < i; j++)
			if (strcmp(s->claims[j].subject_id, e->id) == 0 &&
			    strcmp(s->claims[j].field, c->field) == 0)
				seen = 1;
		if (seen)
			continue;
		for (j = i + 1; j < s->nclaims; j++)
			if (strcmp(s->claims[j].subject_id, e->id) == 0 &&
			    strcmp(s->claims[j].field, c->field) == 0 &&
			    strcmp(s->claims[j].value, c->value) != 0)
				differ = 1;
		if (!header++)
			pane_detail_add(d, TUI_ROLE_LABEL, 0,
			    xstrdup(_("Claims:")));
		if (differ)
			pane_detail_addf(d, TUI_ROLE_WARN, 2, _("%s: sources "
			    "disagree"), C_("claim field", c->field));
		else
			pane_detail_addf(d, TUI_ROLE_NORMAL, 2, "%s:",
			    C_("claim field", c->field));
		for (j = i; j < s->nclaims; j++) {
			const struct claim *o = &s->claims[j];

			if (strcmp(o->subject_id, e->id) != 0 ||
			    strcmp(o->field, c->field) != 0)
				continue;
			src = pane_detail_sources(s, o->source_ids);
			pane_detail_addf(d, TUI_ROLE_NORMAL, 4, "\xe2\x80\xa2 %s "
			    "\xe2\x80\x94 %s%s%s", o->value, src,
			    o->note[0] ? "; " : "", o->note);
			free(src);
		}
	}
}

static void
pane_detail_free(struct pane_detail *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->p[i].text);
	free(d->p);
}

/* Draws the selected event's detail into W from the view's detail_top,
 * search matches highlighted; records the number of lines in the view. */
void
pane_detail_draw(WINDOW *w, struct view *v, const struct tui_theme *th)
{
	struct pane_detail d;
	struct text_line *lines;
	size_t i, j, n, total = 0, cw;
	int rows = getmaxy(w), cols = getmaxx(w), y = 0;
	char *seg;
	attr_t a;

	werase(w);
	v->detail_rows = rows;
	if (v->timeline.n == 0) {
		v->detail_nlines = 0;
		wnoutrefresh(w);
		return;
	}
	memset(&d, 0, sizeof d);
	pane_detail_build(&d, v, timeline_event(&v->timeline, v->selected));
	for (i = 0; i < d.n; i++) {
		cw = cols > d.p[i].indent ? (size_t)(cols - d.p[i].indent) : 1;
		n = text_wrap(d.p[i].text, cw, &lines);
		if (n == 0) {		/* an empty paragraph: a blank line */
			if (total++ >= v->detail_top && y < rows)
				y++;
			continue;
		}
		a = th->attr[d.p[i].role];
		for (j = 0; j < n; j++, total++) {
			if (total < v->detail_top || y >= rows)
				continue;
			seg = xmalloc(lines[j].len + 1);
			memcpy(seg, d.p[i].text + lines[j].off, lines[j].len);
			seg[lines[j].len] = '\0';
			wmove(w, y++, d.p[i].indent < cols ? d.p[i].indent : 0);
			wattrset(w, a);
			screen_text_put_match(w, seg, cw, 0, v->regex, a,
			    a | th->attr[TUI_ROLE_MATCH]);
			wattrset(w, A_NORMAL);
			free(seg);
		}
		free(lines);
	}
	v->detail_nlines = total;
	pane_detail_free(&d);
	wnoutrefresh(w);
}

static void
pane_detail_scroll(struct view *v, long by)
{
	size_t max = v->detail_nlines > (size_t)v->detail_rows ?
	    v->detail_nlines - (size_t)v->detail_rows : 0;
	size_t top = v->detail_top;

	if (by < 0)
		top = (size_t)-by > top ? 0 : top - (size_t)-by;
	else
		top = top + (size_t)by > max ? max : top + (size_t)by;
	if (top != v->detail_top) {
		v->detail_top = top;
		v->dirty |= VIEW_DIRTY_DETAIL | VIEW_DIRTY_OVERLAY;
	}
}

/* Scrolls the detail text: j/k and arrows by a line, PgDn/PgUp (Space,
 * b) by a page, Ctrl-D/Ctrl-U by half. Other keys are not handled (the
 * timeline's keys then still move the selection). */
enum view_action
pane_detail_key(struct view *v, int key)
{
	long page = v->detail_rows > 1 ? v->detail_rows - 1 : 1;

	switch (key) {
	case 'j':
	case KEY_DOWN:
		pane_detail_scroll(v, 1);
		break;
	case 'k':
	case KEY_UP:
		pane_detail_scroll(v, -1);
		break;
	case KEY_NPAGE:
	case ' ':
	case CTRL('f'):
		pane_detail_scroll(v, page);
		break;
	case KEY_PPAGE:
	case 'b':
	case CTRL('b'):
		pane_detail_scroll(v, -page);
		break;
	case CTRL('d'):
		pane_detail_scroll(v, page / 2 ? page / 2 : 1);
		break;
	case CTRL('u'):
		pane_detail_scroll(v, -(page / 2 ? page / 2 : 1));
		break;
	default:
		return VIEW_NONE;
	}
	return VIEW_DONE;
}
