/* query.c: parsing and running the query language (see query.h).
 *
 * A query is a list of terms, each a set of values ORed together, all
 * terms ANDed. Running one builds a bitset of the events each cheap term
 * allows (dates and the place and actor postings come straight from the
 * indexes; type, era and the like are one pass of string compares), ANDs
 * them, and only then tests text patterns, on the events still in.
 *
 * pcre2's match and depth limits (regex.c) bound one match; a pattern that
 * stays under them on each event can still cost seconds over a million, so
 * the text loop also checks a time budget between matches and stops with
 * the same "too complex" error when it runs out. */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "query.h"
#include "regex.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

enum query_kind {
	Q_DATE,
	Q_PLACE,
	Q_ACTOR,
	Q_SIDE,
	Q_TYPE,
	Q_ERA,
	Q_ID,
	Q_CONFIDENCE,
	Q_TEXT
};

static const struct {
	const char	*key;
	enum query_kind	 kind;
} query_keys[] = {
	{ "place", Q_PLACE }, { "actor", Q_ACTOR }, { "side", Q_SIDE },
	{ "type", Q_TYPE }, { "era", Q_ERA }, { "id", Q_ID },
	{ "confidence", Q_CONFIDENCE }, { "date", Q_DATE },
};

struct query_range {
	int64_t		 a, b;	/* first and last day, inclusive */
};

struct query_term {
	enum query_kind		 kind;
	int			 negate;
	struct query_range	*ranges;	/* Q_DATE */
	char			**strs;		/* Q_TYPE, Q_ERA, Q_ID... */
	uint32_t		*rows;		/* Q_PLACE, Q_ACTOR, Q_SIDE */
	size_t			 n;
	struct regex		*re;		/* Q_TEXT */
	int			 fold;		/* Q_TEXT: folded (fold.h) */
};

struct query {
	const struct store	*s;
	struct query_term	*terms;
	size_t			 n;
	const struct regex	*first_re;
	long			 budget_ms;	/* for the text terms; 0: none */
};

/* The default time budget of a query's text terms, in milliseconds. */
#define QUERY_BUDGET_MS	3000

#define BITS_WORDS(n)	(((n) + 63) / 64)
#define BIT_SET(b, i)	((b)[(i) / 64] |= (uint64_t)1 << ((i) % 64))
#define BIT_GET(b, i)	(((b)[(i) / 64] >> ((i) % 64)) & 1)

static void
query_term_free(struct query_term *t)
{
	size_t i;

	free(t->ranges);
	for (i = 0; t->strs != NULL && i < t->n; i++)
		free(t->strs[i]);
	free(t->strs);
	free(t->rows);
	regex_free(t->re);
}

/* Frees Q; NULL is fine. */
void
query_free(struct query *q)
{
	size_t i;

	if (q == NULL)
		return;
	for (i = 0; i < q->n; i++)
		query_term_free(&q->terms[i]);
	free(q->terms);
	free(q);
}

/* Returns the first text pattern of Q (for highlighting), or NULL. */
const struct regex *
query_regex(const struct query *q)
{
	return q->first_re;
}

/* Returns 1 if Q has no terms (it matches every event). */
int
query_is_empty(const struct query *q)
{
	return q->n == 0;
}

/* Parses "A..B", "A..", "..B" or a single partial date into R. */
static int
query_parse_range(const char *v, struct query_range *r, char **cause)
{
	const char *dots = strstr(v, "..");
	struct date d;
	char *err;

	r->a = INT64_MIN;
	r->b = INT64_MAX;
	if (dots == NULL) {
		if (date_parse(&d, v, strlen(v), &err) != 0)
			goto bad;
		r->a = date_first_day(&d);
		r->b = date_last_day(&d);
		return 0;
	}
	if (dots != v) {
		if (date_parse(&d, v, (size_t)(dots - v), &err) != 0)
			goto bad;
		r->a = date_first_day(&d);
	}
	if (dots[2] != '\0') {
		if (date_parse(&d, dots + 2, strlen(dots + 2), &err) != 0)
			goto bad;
		r->b = date_last_day(&d);
	}
	if (r->a > r->b) {
		xasprintf(cause, _("date range '%s' ends before it starts"), v);
		return -1;
	}
	return 0;
bad:
	xasprintf(cause, "%s", err);
	free(err);
	return -1;
}

/* Makes a pattern matching NAME as a whole name or alias in a packed
 * names block (names end at NUL, aliases at ';'). */
static struct regex *
query_name_regex(const char *name, char **cause)
{
	char *pat, *q;
	const char *p;
	struct regex *re;
	size_t n = 0;

	for (p = name; *p != '\0'; p++)
		n += (p[0] == '\\' && p[1] == 'E') ? 8 : 1;
	pat = xmalloc(n + 64);
	q = pat + sprintf(pat, "(?i)(?:^|[\\x00;])\\s*\\Q");
	for (p = name; *p != '\0'; p++) {
		if (p[0] == '\\' && p[1] == 'E') {
			q += sprintf(q, "\\E\\\\E\\Q");
			p++;
		} else
			*q++ = *p;
	}
	sprintf(q, "\\E\\s*(?:[\\x00;]|$)");
	re = regex_compile(pat, cause);
	free(pat);
	return re;
}

/* Adds to T the rows of table K that are NAME (an id, a name or an
 * alias), with every row under them in TREE. */
static int
query_resolve(const struct store *s, enum store_kind k,
    const struct index_csr *tree, const char *name, struct query_term *t,
    char **cause)
{
	size_t size = k == STORE_PLACES ? sizeof(struct place) :
	    sizeof(struct actor);
	const char *base = s->t[k].rows, *text;
	size_t i, j, first = t->n, st, en, textlen;
	struct regex *re;
	const void *row;

	if ((row = store_find(s, k, name)) != NULL) {
		t->rows = xreallocarray(t->rows, t->n + 1, sizeof *t->rows);
		t->rows[t->n++] = (uint32_t)(((const char *)row - base) / size);
	} else {
		if ((re = query_name_regex(name, cause)) == NULL)
			return -1;
		for (i = 0; i < s->t[k].n; i++) {
			text = *(const char *const *)(base + i * size +
			    (k == STORE_PLACES ? offsetof(struct place, text) :
			    offsetof(struct actor, text)));
			textlen = *(const size_t *)(base + i * size +
			    (k == STORE_PLACES ? offsetof(struct place,
			    text_len) : offsetof(struct actor, text_len)));
			if (regex_find(re, text, textlen, 0, &st, &en) !=
			    REGEX_MATCH)
				continue;
			t->rows = xreallocarray(t->rows, t->n + 1,
			    sizeof *t->rows);
			t->rows[t->n++] = (uint32_t)i;
		}
		regex_free(re);
		if (t->n == first) {
			xasprintf(cause, k == STORE_PLACES ?
			    _("no place is called '%s'") :
			    _("no actor is called '%s'"), name);
			return -1;
		}
	}
	/* Everything inside: breadth first over the tree. */
	for (i = first; i < t->n; i++) {
		for (j = tree->off[t->rows[i]]; j < tree->off[t->rows[i] + 1];
		    j++) {
			t->rows = xreallocarray(t->rows, t->n + 1,
			    sizeof *t->rows);
			t->rows[t->n++] = tree->item[j];
		}
		if (t->n > s->t[k].n * 4 + 16)
			break;	/* a cycle: check reports it */
	}
	return 0;
}

/* Returns 1 if V looks like a date or a date range: [..][-]DDDD... */
static int
query_is_date(const char *v)
{
	if (v[0] == '.' && v[1] == '.')
		v += 2;
	if (*v == '-')
		v++;
	return isdigit((unsigned char)v[0]) && isdigit((unsigned char)v[1]) &&
	    isdigit((unsigned char)v[2]) && isdigit((unsigned char)v[3]);
}

/* Reads the next token of *P into a fresh string: a /regex/ (slashes
 * kept), a "quoted phrase" (quotes dropped), key:"quoted value", or a run
 * of non-blanks. Returns NULL at the end. */
static char *
query_token(const char **pp, int *quoted, char **cause)
{
	const char *p = *pp, *start;
	char *out, *o;

	*quoted = 0;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0')
		return NULL;
	start = p;
	out = o = xmalloc(strlen(p) + 1);
	if (*p == '-' && (p[1] == '/' || p[1] == '"'))
		*o++ = *p++;
	if (*p == '/') {
		*o++ = *p++;
		while (*p != '\0' && *p != '/') {
			if (*p == '\\' && p[1] == '/')
				p++;
			else if (*p == '\\' && p[1] != '\0')
				*o++ = *p++;
			*o++ = *p++;
		}
		if (*p != '/') {
			xasprintf(cause, _("unterminated /pattern/ at '%s'"),
			    start);
			free(out);
			return NULL;
		}
		*o++ = *p++;
	} else {
		while (*p != '\0' && !isspace((unsigned char)*p)) {
			if (*p == '"') {
				*quoted = 1;
				p++;
				while (*p != '\0' && *p != '"')
					*o++ = *p++;
				if (*p != '"') {
					xasprintf(cause,
					    _("unterminated quote at '%s'"),
					    start);
					free(out);
					return NULL;
				}
				p++;
			} else
				*o++ = *p++;
		}
	}
	*o = '\0';
	*pp = p;
	return out;
}

static struct regex *
query_literal(const char *word, char **cause)
{
	char *pat, *q;
	const char *p;
	struct regex *re;

	pat = xmalloc(strlen(word) * 8 + 8);
	q = pat + sprintf(pat, "\\Q");
	for (p = word; *p != '\0'; p++) {
		if (p[0] == '\\' && p[1] == 'E') {
			q += sprintf(q, "\\E\\\\E\\Q");
			p++;
		} else
			*q++ = *p;
	}
	sprintf(q, "\\E");
	re = regex_compile_case(pat, text_has_upper(word) ? REGEX_EXACTCASE :
	    REGEX_CASELESS, cause);
	free(pat);
	return re;
}

/* Returns the pattern a text term searches for: PAT itself if it has
 * marks (*FOLD 0: it matches exactly), else PAT folded (*FOLD 1: it
 * matches the folded text too, so "Su" finds "Sử", 亞 finds 亚). */
static char *
query_fold(const char *pat, int *fold)
{
	size_t n;

	if (text_has_marks(pat)) {
		*fold = 0;
		return xstrdup(pat);
	}
	*fold = 1;
	return text_fold(pat, strlen(pat), &n);
}

/* Parses one token into T. */
static int
query_term_parse(const struct query *q, char *tok, int quoted,
    struct query_term *t, char **cause)
{
	const struct store *s = q->s;
	char *v, *colon, *next, *err, *folded;
	size_t i, klen;

	memset(t, 0, sizeof *t);
	if (tok[0] == '-' && tok[1] != '\0' && !query_is_date(tok)) {
		t->negate = 1;
		tok++;
	}
	if (tok[0] == '/' && !quoted) {
		tok[strlen(tok) - 1] = '\0';
		t->kind = Q_TEXT;
		folded = query_fold(tok + 1, &t->fold);
		t->re = regex_compile(folded, &err);
		free(folded);
		if (t->re == NULL) {
			xasprintf(cause, "/%s/: %s", tok + 1, err);
			free(err);
			return -1;
		}
		return 0;
	}
	colon = quoted ? NULL : strchr(tok, ':');
	if (colon == NULL && strchr(tok, ':') != NULL && quoted)
		colon = strchr(tok, ':');
	if (colon != NULL) {
		klen = (size_t)(colon - tok);
		for (i = 0; i < sizeof query_keys / sizeof query_keys[0]; i++)
			if (strlen(query_keys[i].key) == klen &&
			    strncmp(tok, query_keys[i].key, klen) == 0)
				break;
		if (i == sizeof query_keys / sizeof query_keys[0]) {
			xasprintf(cause, _("unknown key '%.*s:' (keys: "
			    "place, actor, side, type, era, id, confidence, "
			    "date)"),
			    (int)klen, tok);
			return -1;
		}
		t->kind = query_keys[i].kind;
		v = colon + 1;
		if (*v == '\0') {
			xasprintf(cause, _("'%s' needs a value"), tok);
			return -1;
		}
	} else if (!quoted && query_is_date(tok)) {
		t->kind = Q_DATE;
		v = tok;
	} else {
		t->kind = Q_TEXT;
		folded = query_fold(tok, &t->fold);
		t->re = query_literal(folded, cause);
		free(folded);
		return t->re == NULL ? -1 : 0;
	}
	for (; v != NULL; v = next) {
		if ((next = strchr(v, ',')) != NULL)
			*next++ = '\0';
		if (*v == '\0')
			continue;
		switch (t->kind) {
		case Q_DATE:
			t->ranges = xreallocarray(t->ranges, t->n + 1,
			    sizeof *t->ranges);
			if (query_parse_range(v, &t->ranges[t->n], cause) != 0)
				return -1;
			t->n++;
			break;
		case Q_PLACE:
			if (query_resolve(s, STORE_PLACES,
			    &s->index.place_children, v, t, cause) != 0)
				return -1;
			break;
		case Q_ACTOR:
			if (query_resolve(s, STORE_ACTORS,
			    &s->index.actor_children, v, t, cause) != 0)
				return -1;
			break;
		case Q_SIDE:
			for (i = 0; i < s->nactors; i++) {
				if (strcmp(s->actors[i].side, v) != 0)
					continue;
				t->rows = xreallocarray(t->rows, t->n + 1,
				    sizeof *t->rows);
				t->rows[t->n++] = (uint32_t)i;
			}
			break;
		default:
			t->strs = xreallocarray(t->strs, t->n + 1,
			    sizeof *t->strs);
			t->strs[t->n++] = xstrdup(v);
			break;
		}
	}
	return 0;
}

/*
 * Compiles TEXT for the store S. Returns the query, or NULL with a message
 * in *CAUSE (to be freed).
 */
struct query *
query_parse(const struct store *s, const char *text, char **cause)
{
	struct query *q;
	const char *p = text ? text : "";
	char *tok;
	int quoted;

	/* Text from a command line or a prompt is not checked anywhere
	 * else; folding and pcre2 need it valid. */
	if (!text_is_valid(p, strlen(p), NULL)) {
		xasprintf(cause, "%s", _("the query is not valid UTF-8"));
		return NULL;
	}
	q = xcalloc(1, sizeof *q);

	*cause = NULL;
	q->s = s;
	q->budget_ms = QUERY_BUDGET_MS;
	while ((tok = query_token(&p, &quoted, cause)) != NULL) {
		q->terms = xreallocarray(q->terms, q->n + 1, sizeof *q->terms);
		if (query_term_parse(q, tok, quoted, &q->terms[q->n],
		    cause) != 0) {
			query_term_free(&q->terms[q->n]);
			free(tok);
			query_free(q);
			return NULL;
		}
		if (q->terms[q->n].re != NULL && q->first_re == NULL &&
		    !q->terms[q->n].negate)
			q->first_re = q->terms[q->n].re;
		q->n++;
		free(tok);
	}
	if (*cause != NULL) {
		query_free(q);
		return NULL;
	}
	return q;
}

/* Sets in BITS the events of the ROWS of a place or actor term. */
static void
query_postings(const struct index_csr *csr, const uint32_t *rows, size_t n,
    uint64_t *bits)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = csr->off[rows[i]]; j < csr->off[rows[i] + 1]; j++)
			BIT_SET(bits, csr->item[j]);
}

static void
query_dates(const struct store *s, const struct query_term *t,
    uint64_t *bits)
{
	const struct index *ix = &s->index;
	size_t i, j, from;
	int64_t a, b;

	for (i = 0; i < t->n; i++) {
		a = t->ranges[i].a;
		b = t->ranges[i].b;
		from = a == INT64_MIN ? 0 :
		    index_date_lower(ix, s->nevents, a - INDEX_SHORT_SPAN);
		for (j = from; j < s->nevents && ix->first[j] <= b; j++)
			if (ix->last[j] >= a)
				BIT_SET(bits, j);
		for (j = 0; j < ix->nlong; j++)
			if (ix->first[ix->long_events[j]] <= b &&
			    ix->last[ix->long_events[j]] >= a)
				BIT_SET(bits, ix->long_events[j]);
	}
}

static int
query_strs_have(const struct query_term *t, const char *v)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->strs[i], v) == 0)
			return 1;
	return 0;
}

/* Sets in BITS the events term T allows (before negation). */
static void
query_term_bits(const struct store *s, const struct query_term *t,
    uint64_t *bits)
{
	size_t i;
	const char *v;

	switch (t->kind) {
	case Q_DATE:
		query_dates(s, t, bits);
		return;
	case Q_PLACE:
		query_postings(&s->index.place_events, t->rows, t->n, bits);
		return;
	case Q_ACTOR:
	case Q_SIDE:
		query_postings(&s->index.actor_events, t->rows, t->n, bits);
		return;
	default:
		break;
	}
	for (i = 0; i < s->nevents; i++) {
		const struct event *e = &s->events[i];

		v = t->kind == Q_TYPE ? e->type : t->kind == Q_ERA ?
		    e->era_id : t->kind == Q_ID ? e->id : e->confidence;
		if (query_strs_have(t, v))
			BIT_SET(bits, i);
	}
}

/* The monotonic clock in milliseconds. */
static long
query_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Sets Q's time budget for its text terms to MS milliseconds (0: none);
 * past it, query_run() fails as for a too complex pattern. */
void
query_set_budget(struct query *q, long ms)
{
	q->budget_ms = ms;
}

/* Tests T's pattern on a row's text and, for a folded pattern, on its
 * extra folded text (fold.h). */
static enum regex_result
query_term_match(const struct query_term *t, const char *text, size_t len,
    const char *ftext, size_t flen)
{
	enum regex_result r = regex_find_field(t->re, text, len);

	if (r == REGEX_NOMATCH && t->fold && ftext != NULL)
		r = regex_find_field(t->re, ftext, flen);
	return r;
}

/* Events whose places or actors have a name or alias matching T. */
static int
query_text_entities(const struct store *s, const struct query_term *t,
    uint64_t *bits)
{
	enum regex_result r;
	uint32_t row;
	size_t i;

	for (i = 0; i < s->nplaces; i++) {
		r = query_term_match(t, s->places[i].text,
		    s->places[i].text_len, s->places[i].ftext,
		    s->places[i].ftext_len);
		if (r == REGEX_LIMIT)
			return -1;
		row = (uint32_t)i;
		if (r == REGEX_MATCH)
			query_postings(&s->index.place_events, &row, 1, bits);
	}
	for (i = 0; i < s->nactors; i++) {
		r = query_term_match(t, s->actors[i].text,
		    s->actors[i].text_len, s->actors[i].ftext,
		    s->actors[i].ftext_len);
		if (r == REGEX_LIMIT)
			return -1;
		row = (uint32_t)i;
		if (r == REGEX_MATCH)
			query_postings(&s->index.actor_events, &row, 1, bits);
	}
	return 0;
}

/*
 * Runs Q, filling R with the positions of the matching events in date
 * order. Returns 0, or -1 with a message in *CAUSE when a pattern proved
 * too complex to run.
 */
int
query_run(const struct query *q, struct query_result *r, char **cause)
{
	const struct store *s = q->s;
	size_t nw = BITS_WORDS(s->nevents), i, k;
	uint64_t *acc, *bits, tail;
	const struct query_term *t;
	enum regex_result m;
	long deadline = 0;
	unsigned ticks = 0;
	int in;

	r->idx = NULL;
	r->n = 0;
	acc = xmalloc((nw ? nw : 1) * sizeof *acc);
	bits = xmalloc((nw ? nw : 1) * sizeof *bits);
	memset(acc, 0xff, nw * sizeof *acc);
	tail = s->nevents % 64 ? ((uint64_t)1 << (s->nevents % 64)) - 1 :
	    ~(uint64_t)0;
	if (nw != 0)
		acc[nw - 1] &= tail;
	for (k = 0; k < q->n; k++)
		if (q->terms[k].kind == Q_TEXT && q->terms[k].fold)
			store_fold(s);
	/* After store_fold(): building the folded text once is not the
	 * pattern's cost. */
	if (q->budget_ms > 0)
		deadline = query_now_ms() + q->budget_ms;

	for (k = 0; k < q->n; k++) {
		t = &q->terms[k];
		if (t->kind == Q_TEXT)
			continue;
		memset(bits, 0, nw * sizeof *bits);
		query_term_bits(s, t, bits);
		for (i = 0; i < nw; i++)
			acc[i] &= t->negate ? ~bits[i] : bits[i];
	}
	for (k = 0; k < q->n; k++) {
		t = &q->terms[k];
		if (t->kind != Q_TEXT)
			continue;
		memset(bits, 0, nw * sizeof *bits);
		if (query_text_entities(s, t, bits) != 0)
			goto limit;
		for (i = 0; i < s->nevents; i++) {
			if (!BIT_GET(acc, i))
				continue;
			/* One match is bounded by pcre2's limits; look at the
			 * clock every 16 of them. */
			if (deadline != 0 && (++ticks & 15) == 0 &&
			    query_now_ms() > deadline)
				goto limit;
			in = BIT_GET(bits, i);
			if (!in) {
				m = query_term_match(t, s->events[i].text,
				    s->events[i].text_len, s->events[i].ftext,
				    s->events[i].ftext_len);
				if (m == REGEX_LIMIT)
					goto limit;
				in = m == REGEX_MATCH;
			}
			if (in == t->negate)
				acc[i / 64] &= ~((uint64_t)1 << (i % 64));
		}
	}
	for (i = 0; i < nw; i++)
		r->n += (size_t)__builtin_popcountll(acc[i]);
	r->idx = xreallocarray(NULL, r->n ? r->n : 1, sizeof *r->idx);
	for (i = 0, k = 0; i < nw; i++) {
		uint64_t w = acc[i];

		while (w != 0) {
			r->idx[k++] = i * 64 + (size_t)__builtin_ctzll(w);
			w &= w - 1;
		}
	}
	free(acc);
	free(bits);
	return 0;
limit:
	free(acc);
	free(bits);
	xasprintf(cause, "%s", _("the pattern is too complex (past its match or "
	    "time limit); simplify it"));
	return -1;
}

/* Frees what query_run put in R. */
void
query_result_free(struct query_result *r)
{
	free(r->idx);
	r->idx = NULL;
	r->n = 0;
}
