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
 * the same "too complex" error when it runs out.
 *
 * The text loop is the one slow part over a million events. Taken in
 * date order, the events' texts lie all over memory (they are stored in
 * the file's order), and waiting for memory costs more than matching, so
 * the texts to test are first sorted by address (query_items_sort()) and
 * the result mapped back to events. The loop runs on every core: threads
 * take chunks of QUERY_CHUNK texts, each with its own pcre2 match data,
 * and write one flag per text; the bits are set after they are done.
 * Which texts are tested does not depend on the order, so the result, and
 * whether a pattern runs past a limit, are those of one thread. */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
	int			 threads;	/* for text terms; 0: cores */
};

/* The default time budget of a query's text terms, in milliseconds. */
#define QUERY_BUDGET_MS	3000

/* Texts a thread of the text scan takes at a time. */
#define QUERY_CHUNK	4096

/* With fewer texts to test, the calling thread tests them alone: starting
 * threads would cost more than it saves. */
#define QUERY_PARALLEL_MIN	(2 * QUERY_CHUNK)

#define QUERY_THREADS_MAX	16

/* The buckets of a pass of query_items_sort()'s radix sort: 16 bits. */
#define QUERY_RADIX	65536

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

/* Sets how many threads Q's text terms may use; 0 (the default): one for
 * each core online. */
void
query_set_threads(struct query *q, int n)
{
	q->threads = n < 0 ? 0 : n;
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

/* One text the scan tests: an event's packed text or its folded text. */
struct query_item {
	const char	*text;
	size_t		 len;
	size_t		 idx;		/* the event's place in store->events */
};

/* A text term's pass over a list of texts, shared by its threads. */
struct query_scan {
	const struct query_term	*t;
	struct query_item	*items;
	unsigned char		*hit;		/* per item: it matched */
	size_t			 n;
	long			 deadline;	/* 0: none */
	atomic_size_t		 next;		/* next chunk's first item */
	atomic_int		 failed;	/* a pattern was too complex */
};

/*
 * Sorts the N ITEMS by the address of their texts, so that a scan reads
 * memory in order: taken in date order, the texts lie all over the store,
 * and waiting for memory then costs more than the matching. Texts already
 * in order, or too few to matter, are left so; others are sorted by the
 * cache line they start at, with a radix sort of 16 bits a pass (two
 * passes for a span of 256 GiB). Returns the sorted items (ITEMS or a new
 * array, the other freed).
 */
static struct query_item *
query_items_sort(struct query_item *items, size_t n)
{
	uintptr_t lo = UINTPTR_MAX, hi = 0, at, span;
	struct query_item *other, *swap;
	size_t *count, i, sum, c;
	unsigned shift;
	int ordered = 1;

	for (i = 0; i < n; i++) {
		at = (uintptr_t)items[i].text;
		if (at < hi)
			ordered = 0;
		lo = at < lo ? at : lo;
		hi = at > hi ? at : hi;
	}
	if (ordered || n < QUERY_CHUNK)
		return items;
	other = xreallocarray(NULL, n, sizeof *other);
	count = xreallocarray(NULL, QUERY_RADIX, sizeof *count);
	span = (hi - lo) >> 6;
	for (shift = 6; span != 0; shift += 16, span >>= 16) {
		memset(count, 0, QUERY_RADIX * sizeof *count);
		for (i = 0; i < n; i++)
			count[(((uintptr_t)items[i].text - lo) >> shift) &
			    (QUERY_RADIX - 1)]++;
		for (i = 0, sum = 0; i < QUERY_RADIX; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			other[count[(((uintptr_t)items[i].text - lo) >>
			    shift) & (QUERY_RADIX - 1)]++] = items[i];
		swap = items;
		items = other;
		other = swap;
	}
	free(count);
	free(other);
	return items;
}

/* Tests SC's pattern on its items from A to B with the match data RS.
 * Returns -1 when the pattern ran past a limit, the time budget ran out,
 * or another thread found either. */
static int
query_scan_chunk(struct query_scan *sc, struct regex_scratch *rs, size_t a,
    size_t b, unsigned *ticks)
{
	enum regex_result m;
	size_t j;

	for (j = a; j < b; j++) {
		/* One match is bounded by pcre2's limits; look at the clock
		 * and the other threads every 16 of them. */
		if ((++*ticks & 15) == 0 && (atomic_load_explicit(&sc->failed,
		    memory_order_relaxed) || (sc->deadline != 0 &&
		    query_now_ms() > sc->deadline)))
			return -1;
		m = regex_find_field_r(sc->t->re, rs, sc->items[j].text,
		    sc->items[j].len);
		if (m == REGEX_LIMIT)
			return -1;
		sc->hit[j] = m == REGEX_MATCH;
	}
	return 0;
}

/* Takes chunks of SC until there are none left or one fails; RS is the
 * thread's match data (NULL: the pattern's own). */
static void
query_scan_run(struct query_scan *sc, struct regex_scratch *rs)
{
	size_t a, b;
	unsigned ticks = 0;

	while (!atomic_load(&sc->failed)) {
		a = atomic_fetch_add(&sc->next, QUERY_CHUNK);
		if (a >= sc->n)
			break;
		b = a + QUERY_CHUNK < sc->n ? a + QUERY_CHUNK : sc->n;
		if (query_scan_chunk(sc, rs, a, b, &ticks) != 0) {
			atomic_store(&sc->failed, 1);
			break;
		}
	}
}

/* A helper thread of the scan. Without match data of its own it leaves
 * the chunks to the others. */
static void *
query_scan_thread(void *arg)
{
	struct query_scan *sc = arg;
	struct regex_scratch *rs;

	if ((rs = regex_scratch_create()) == NULL)
		return NULL;
	query_scan_run(sc, rs);
	regex_scratch_free(rs);
	return NULL;
}

/* How many threads Q's scan of N texts should use. */
static int
query_scan_threads(const struct query *q, size_t n)
{
	long cores = q->threads;

	if (n < QUERY_PARALLEL_MIN)
		return 1;
	if (cores == 0)
		cores = sysconf(_SC_NPROCESSORS_ONLN);
	if (cores > QUERY_THREADS_MAX)
		cores = QUERY_THREADS_MAX;
	if ((size_t)cores > n / QUERY_CHUNK + 1)
		cores = (long)(n / QUERY_CHUNK + 1);
	return cores < 1 ? 1 : (int)cores;
}

/*
 * Tests T's pattern on the N texts of ITEMS (sorted, then freed) on the
 * threads Q allows, and sets in BITS the events of those that match.
 * Returns -1 when the pattern was too complex.
 */
static int
query_scan_items(const struct query *q, const struct query_term *t,
    struct query_item *items, size_t n, uint64_t *bits, long deadline)
{
	pthread_t tid[QUERY_THREADS_MAX];
	struct query_scan sc;
	sigset_t all, old;
	int h = 0, i, nthreads, failed;
	size_t j;

	memset(&sc, 0, sizeof sc);
	sc.t = t;
	sc.items = query_items_sort(items, n);
	sc.n = n;
	sc.hit = xcalloc(n ? n : 1, 1);
	sc.deadline = deadline;
	atomic_init(&sc.next, 0);
	atomic_init(&sc.failed, 0);
	nthreads = query_scan_threads(q, n);
	if (nthreads > 1) {
		/* The helpers take no signals: the program's handlers
		 * expect to run in the thread that set them up. */
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		for (h = 0; h < nthreads - 1; h++)
			if (pthread_create(&tid[h], NULL, query_scan_thread,
			    &sc) != 0)
				break;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	query_scan_run(&sc, NULL);
	for (i = 0; i < h; i++)
		pthread_join(tid[i], NULL);
	if (!(failed = atomic_load(&sc.failed))) {
		for (j = 0; j < n; j++)
			if (sc.hit[j])
				BIT_SET(bits, sc.items[j].idx);
	}
	free(sc.items);
	free(sc.hit);
	return failed ? -1 : 0;
}

/*
 * Tests the text term T on the events set in ACC and clear in BITS, and
 * sets in BITS those that match: their text, or for a folded pattern,
 * their folded text (as query_term_match() does). Both lists are made in
 * one pass over the events. Returns -1 when the pattern was too complex.
 */
static int
query_scan(const struct query *q, const struct query_term *t,
    const uint64_t *acc, uint64_t *bits, size_t nw, long deadline)
{
	struct query_item *items, *fitems = NULL;
	const struct event *e;
	size_t w, i, j, n = 0, nf = 0;
	uint64_t word;

	for (w = 0; w < nw; w++)
		n += (size_t)__builtin_popcountll(acc[w] & ~bits[w]);
	items = xreallocarray(NULL, n ? n : 1, sizeof *items);
	if (t->fold)
		fitems = xreallocarray(NULL, n ? n : 1, sizeof *fitems);
	for (w = 0, n = 0; w < nw; w++) {
		for (word = acc[w] & ~bits[w]; word != 0; word &= word - 1) {
			i = w * 64 + (size_t)__builtin_ctzll(word);
			e = &q->s->events[i];
			items[n].text = e->text;
			items[n].len = e->text_len;
			items[n++].idx = i;
			if (fitems != NULL && e->ftext != NULL) {
				fitems[nf].text = e->ftext;
				fitems[nf].len = e->ftext_len;
				fitems[nf++].idx = i;
			}
		}
	}
	if (query_scan_items(q, t, items, n, bits, deadline) != 0) {
		free(fitems);
		return -1;
	}
	if (fitems == NULL)
		return 0;
	/* The folded texts of the events whose text did not match. */
	for (i = 0, j = 0; i < nf; i++)
		if (!BIT_GET(bits, fitems[i].idx))
			fitems[j++] = fitems[i];
	return query_scan_items(q, t, fitems, j, bits, deadline);
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
	long deadline = 0;

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
	/* A text term: the events whose places or actors match, then those
	 * whose text matches, then, for a folded pattern, of the rest those
	 * whose folded text matches (query_term_match()). */
	for (k = 0; k < q->n; k++) {
		t = &q->terms[k];
		if (t->kind != Q_TEXT)
			continue;
		memset(bits, 0, nw * sizeof *bits);
		if (query_text_entities(s, t, bits) != 0 ||
		    query_scan(q, t, acc, bits, nw, deadline) != 0)
			goto limit;
		for (i = 0; i < nw; i++)
			acc[i] &= t->negate ? ~bits[i] : bits[i];
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
