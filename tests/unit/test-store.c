/* test-store.c: loading events.csv: order, fields, and every kind of bad
 * input reported as file:line:column without a crash or a lost row. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "schema.h"
#include "store.h"
#include "table.h"
#include "unit.h"
#include "xalloc.h"

static char tmpdir[] = "/tmp/ttyatlas-test-XXXXXX";

static void check_parts(const char *dir);

static const char header[] =
    "id,start,end,type,era_id,title_en,title_zh_hans,title_zh_hant,"
    "title_vi,summary_en,summary_zh_hans,summary_zh_hant,summary_vi,"
    "place_ids,actor_ids,source_ids,fatalities_low,fatalities_best,"
    "fatalities_high,displaced_low,displaced_best,displaced_high,confidence\n";

/* Writes BODY (LEN bytes) as events.csv in the temporary directory, loads
 * it and returns the problems found, one per line, in a fresh string. */
static char *
load_text(const char *body, size_t len, size_t *nevents)
{
	struct store s;
	struct diag d;
	char *path, *all;
	size_t i, size = 1;
	FILE *fp;

	xasprintf(&path, "%s/events.csv", tmpdir);
	fp = fopen(path, "w");
	fwrite(body, 1, len, fp);
	fclose(fp);
	free(path);

	diag_init(&d);
	*nevents = 0;
	if (store_load(&s, tmpdir, &d) == 0) {
		*nevents = s.nevents;
		store_free(&s);
	}
	for (i = 0; i < d.n; i++)
		size += strlen(d.msgs[i]) + 1;
	all = xcalloc(1, size);
	for (i = 0; i < d.n; i++) {
		/* Drop the temporary directory from the name. */
		strcat(all, d.msgs[i] + strlen(tmpdir) + 1);
		strcat(all, "\n");
	}
	diag_fini(&d);
	/* Read in parts of a few bytes each, every case ends the same. */
	check_parts(tmpdir);
	return all;
}

static char *
load(const char *rows, size_t *n)
{
	char *body, *msgs;

	xasprintf(&body, "%s%s", header, rows);
	msgs = load_text(body, strlen(body), n);
	free(body);
	return msgs;
}

#define ROW(id, start) id "," start ",,battle,,Title,,,,,,,,,,,,,,,,,\n"

static void
check_fixture(void)
{
	struct store s;
	struct diag d;
	char *dir;
	const struct event *e;
	size_t i;

	xasprintf(&dir, "%s/basic", getenv("FIXTURES") ? getenv("FIXTURES") :
	    "tests/fixtures");
	diag_init(&d);
	CHECK(store_load(&s, dir, &d) == 0);
	CHECK(d.n == 0);
	CHECK(s.nevents == 14);
	for (i = 1; i < s.nevents; i++)
		CHECK(event_cmp(&s.events[i - 1], &s.events[i]) <= 0);
	CHECK_STR(s.events[0].id, "1437-jahan-shah-grants-rule");
	e = store_find_event(&s, "1992-05-08-capture-of-shusha");
	CHECK(e != NULL);
	if (e != NULL) {
		CHECK_STR(e->title[LANG_ZH_HANS], "亚美尼亚部队攻占舒沙");
		CHECK_STR(e->place_ids, "shusha;stepanakert");
		CHECK(e->fatalities[COUNT_BEST] == -1);
	}
	e = store_find_event(&s, "1988-02-sumgait-pogrom");
	CHECK(e != NULL && e->fatalities[COUNT_BEST] == 32);
	/* A title missing in Vietnamese falls back to English. */
	e = store_find_event(&s, "1437-jahan-shah-grants-rule");
	if (e != NULL) {
		enum lang used;

		CHECK_STR(event_title(e, LANG_VI, &used),
		    "Jahan Shah gives Upper Karabakh to Armenian princes");
		CHECK(used == LANG_EN);
		CHECK(strchr(e->summary[LANG_EN], '\n') != NULL);
	}
	CHECK(store_find_event(&s, "no-such-event") == NULL);
	store_free(&s);
	diag_fini(&d);
	free(dir);
}

/* Returns DIAG's problems, one a line, in a fresh string. */
static char *
diag_text(const struct diag *d)
{
	char *all = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < d->n; i++) {
		xasprintf(&next, "%s%s\n", all, d->msgs[i]);
		free(all);
		all = next;
	}
	xasprintf(&next, "%s(%zu dropped)\n", all, d->dropped);
	free(all);
	return next;
}

static int
same_csr(const struct index_csr *a, const struct index_csr *b, size_t rows)
{
	if (memcmp(a->off, b->off, (rows + 1) * sizeof *a->off) != 0)
		return 0;
	return memcmp(a->item, b->item, a->off[rows] * sizeof *a->item) == 0;
}

/* Checks that A and B hold the same events, in the same order, with the
 * same fields, lines and indexes. */
static void
check_same_store(const struct store *a, const struct store *b)
{
	const struct schema *sc = store_schema(STORE_EVENTS);
	char ba[64], bb[64];
	size_t i, j, bad = 0;

	CHECK(a->nevents == b->nevents);
	CHECK(a->nplaces == b->nplaces && a->nactors == b->nactors);
	if (a->nevents != b->nevents)
		return;
	for (i = 0; i < a->nevents; i++) {
		const struct event *x = &a->events[i], *y = &b->events[i];

		if (x->line != y->line || x->text_len != y->text_len ||
		    memcmp(x->text, y->text, x->text_len) != 0)
			bad++;
		for (j = 0; j < sc->ncols; j++)
			if (strcmp(schema_field_text(&sc->cols[j], x, ba,
			    sizeof ba), schema_field_text(&sc->cols[j], y, bb,
			    sizeof bb)) != 0)
				bad++;
		if (store_find_event(b, x->id) != y)
			bad++;
	}
	CHECK(bad == 0);
	CHECK(memcmp(a->index.first, b->index.first,
	    a->nevents * sizeof *a->index.first) == 0);
	CHECK(memcmp(a->index.last, b->index.last,
	    a->nevents * sizeof *a->index.last) == 0);
	CHECK(a->index.nlong == b->index.nlong);
	CHECK(same_csr(&a->index.event_places, &b->index.event_places,
	    a->nevents));
	CHECK(same_csr(&a->index.event_actors, &b->index.event_actors,
	    a->nevents));
	CHECK(same_csr(&a->index.place_events, &b->index.place_events,
	    a->nplaces));
	CHECK(same_csr(&a->index.actor_events, &b->index.actor_events,
	    a->nactors));
}

/*
 * Loads DIR in one part, then in 2 to 8 parts of any size (most of them
 * a few bytes long, so every kind of record boundary and every guess of
 * one is met): the stores and the problems must be the same.
 */
static void
check_parts(const char *dir)
{
	struct store one, many;
	struct diag d1, dn;
	char *t1, *tn;
	size_t parts;
	int r1, rn;

	diag_init(&d1);
	r1 = store_load_parts(&one, dir, 1, 0, &d1);
	t1 = diag_text(&d1);
	for (parts = 2; parts <= TABLE_PARTS_MAX; parts++) {
		diag_init(&dn);
		rn = store_load_parts(&many, dir, parts, 1, &dn);
		tn = diag_text(&dn);
		CHECK(rn == r1);
		CHECK_STR(tn, t1);
		if (rn == 0 && r1 == 0)
			check_same_store(&one, &many);
		if (rn == 0)
			store_free(&many);
		free(tn);
		diag_fini(&dn);
	}
	if (r1 == 0)
		store_free(&one);
	free(t1);
	diag_fini(&d1);
}

static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

static void
write_file(const char *dir, const char *name, const char *body, size_t len)
{
	char *path;
	FILE *fp;

	xasprintf(&path, "%s/%s", dir, name);
	fp = fopen(path, "w");
	fwrite(body, 1, len, fp);
	fclose(fp);
	free(path);
}

static void
remove_file(const char *dir, const char *name)
{
	char *path;

	xasprintf(&path, "%s/%s", dir, name);
	unlink(path);
	free(path);
}

/* A growing string. */
struct buf {
	char	*s;
	size_t	 len, alloc;
};

static void
buf_add(struct buf *b, const char *s, size_t len)
{
	while (b->len + len + 1 > b->alloc) {
		b->alloc = b->alloc ? b->alloc * 2 : 4096;
		b->s = xreallocarray(b->s, b->alloc, 1);
	}
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

static void
buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	buf_add(b, s, (size_t)n);
	free(s);
}

static unsigned
buf_lines(const struct buf *b)
{
	unsigned n = 1;
	size_t i;

	for (i = 0; i < b->len; i++)
		n += b->s[i] == '\n';
	return n;
}

/* Ids of the events write_package() writes, and how many years their
 * dates fall in: long ids alike in their first bytes and few years make
 * the sort compare whole ids. */
static const char *id_prefix = "e";
static unsigned years = 1000;

/*
 * Writes N events with places and actors: quoted fields with commas,
 * doubled quotes and line ends, Chinese text, partial, circa and BC
 * dates, spans, CRLF lines. BAD adds a problem of each kind after the
 * first half, the last an unterminated quote; their lines go to LINES.
 */
static void
write_package(const char *dir, size_t n, int bad, unsigned *lines)
{
	static const char *const types[] = { "battle", "capture", "treaty",
	    "massacre", "ceasefire" };
	struct buf b = { NULL, 0, 0 };
	size_t i;
	unsigned k = 0;

	buf_printf(&b, "id,kind,name_en\n");
	for (i = 0; i < 50; i++)
		buf_printf(&b, "p%zu,town,Place %zu\n", i, i);
	write_file(dir, "places.csv", b.s, b.len);
	b.len = 0;
	buf_printf(&b, "id,kind,name_en\n");
	for (i = 0; i < 20; i++)
		buf_printf(&b, "a%zu,state,Actor %zu\n", i, i);
	write_file(dir, "actors.csv", b.s, b.len);
	b.len = 0;

	buf_add(&b, header, sizeof header - 1);
	for (i = 0; i < n; i++) {
		const char *eol = rnd(4) == 0 ? "\r\n" : "\n";

		if (bad && i > n / 2 && i % (n / 12) == 0 && k < 6) {
			lines[k] = buf_lines(&b);
			switch (k++) {
			case 0:
				buf_printf(&b, "x%zu,1992,,battle,,Bad \xff byte"
				    ",,,,,,,,,,,,,,,,,\n", i);
				break;
			case 1:
				buf_printf(&b, "x%zu,1992,,battle,,\"two\nlines\""
				    ",too few\n", i);
				break;
			case 2:
				buf_printf(&b, "x%zu,1992-02-30,,battle,,T,,,,,,"
				    ",,,,,,,,,,,\n", i);
				break;
			case 3:
				buf_printf(&b, "x%zu,1992,,battle,,a\"b,,,,,,,,,"
				    ",,,,,,,,\n", i);
				break;
			case 4:
				buf_printf(&b, "x%zu,1992,,battle,,T,,,,,,,,"
				    "p1;nowhere,,,,,,,,,\n", i);
				break;
			case 5:
				buf_printf(&b, "e1,1992,,battle,,T,,,,,,,,"
				    ",,,,,,,,,\n");
				break;
			}
		}
		buf_printf(&b, "%s%zu,%s%04u%s%s,%s,%s,,", id_prefix, i,
		    rnd(20) == 0 ? "-" : "", 1000 + rnd(years),
		    rnd(3) == 0 ? "-05" : "", rnd(10) == 0 ? "~" : "",
		    rnd(5) == 0 ? "2001-02-03" : "", types[rnd(5)]);
		switch (rnd(4)) {
		case 0:
			buf_printf(&b, "\"Siege, \"\"day %zu\"\";%sas told\"",
			    i, rnd(2) ? "\n" : "\r\n");
			break;
		case 1:
			buf_printf(&b, "Plain title %zu", i);
			break;
		case 2:
			buf_printf(&b, "\"\"\"Q\"\"\"");
			break;
		default:
			buf_printf(&b, "\"\n\"");
			break;
		}
		buf_printf(&b, ",舒沙 %zu,,,\"a,\nb\",,,,p%u;p%u,a%u,,%u,,,,,,%s",
		    i, rnd(50), rnd(50), rnd(20), rnd(100), eol);
	}
	if (bad) {
		lines[k++] = buf_lines(&b);
		buf_printf(&b, "z,1992,,battle,,\"never closed,\n");
	}
	write_file(dir, "events.csv", b.s, b.len);
	free(b.s);
}

static int
count_row(const struct table_row *row, void *arg)
{
	size_t *n = arg;

	(*n)++;
	return 0;
}

/*
 * A large events.csv read in parts: table_read_parts() really splits it,
 * and the store and every problem (lines and columns in the second half
 * included) are what one reader finds.
 */
static void
check_split(void)
{
	struct table_parts tp;
	struct diag d;
	size_t counts[4] = { 0, 0, 0, 0 }, total, i;
	void *args[4] = { &counts[0], &counts[1], &counts[2], &counts[3] };
	unsigned lines[8];
	char *path, *m, *want;

	/* Long ids, alike in their first 20 bytes, and few dates. */
	id_prefix = "event-with-a-long-id-";
	years = 3;
	write_package(tmpdir, 3000, 0, lines);
	check_parts(tmpdir);
	{
		struct store st;
		size_t k, unsorted = 0;

		diag_init(&d);
		CHECK(store_load_parts(&st, tmpdir, 3, 1, &d) == 0);
		for (k = 1; k < st.nevents; k++)
			unsorted += event_cmp(&st.events[k - 1],
			    &st.events[k]) > 0;
		CHECK(st.nevents == 3000 && unsorted == 0);
		store_free(&st);
		diag_fini(&d);
	}
	id_prefix = "e";
	years = 1000;

	write_package(tmpdir, 4000, 0, lines);
	xasprintf(&path, "%s/events.csv", tmpdir);
	memset(&tp, 0, sizeof tp);
	tp.max = 4;
	tp.min_size = 1;
	tp.args = args;
	diag_init(&d);
	CHECK(table_read_parts(path, "events.csv", count_row, &tp, &d) == 0);
	CHECK(tp.used == 4);
	CHECK(d.n == 0);
	for (i = 0, total = 0; i < 4; i++) {
		CHECK(counts[i] > 500);
		total += counts[i];
	}
	CHECK(total == 4001);	/* and the header */
	diag_fini(&d);
	check_parts(tmpdir);

	/* Problems of every kind in the second half. */
	write_package(tmpdir, 4000, 1, lines);
	check_parts(tmpdir);
	diag_init(&d);
	CHECK(store_load_parts(&(struct store){ 0 }, tmpdir, 2, 1, &d) == -1);
	m = diag_text(&d);
	/* The bad rows' ids are "x" and 4 digits. */
	xasprintf(&want,
	    "%s/events.csv:%u:25: invalid UTF-8 (byte 0xff)\n"
	    "%s/events.csv:%u:15: 7 fields, the header has 23\n"
	    "%s/events.csv:%u:7: start: day 30 out of range in date "
	    "'1992-02-30'\n"
	    "%s/events.csv:%u:22: malformed quoting (a quote inside an "
	    "unquoted field, or text after a closing quote)\n"
	    "%s/events.csv:%u: unterminated quoted field (the quote opened "
	    "in the record starting here is never closed)\n"
	    "%s/events.csv:%u:30: place_ids: 'nowhere' is not the id of any "
	    "place\n",
	    tmpdir, lines[0], tmpdir, lines[1] + 1, tmpdir, lines[2],
	    tmpdir, lines[3], tmpdir, lines[6], tmpdir, lines[4]);
	CHECK(strncmp(m, want, strlen(want)) == 0);
	if (strncmp(m, want, strlen(want)) != 0)
		fprintf(stderr, "got:\n%swant:\n%s", m, want);
	/* Then the duplicate id, last: it is found once the events are
	 * sorted. */
	CHECK(strstr(m, "duplicate id 'e1' (first on line ") != NULL &&
	    strstr(strstr(m, "duplicate id 'e1'"), ")\n(0 dropped)\n") != NULL);
	free(m);
	free(want);
	diag_fini(&d);

	/*
	 * A stray quote early on makes every later guess of a record
	 * boundary wrong (odd): each part must notice it and the part
	 * before it read on, the same as one reader.
	 */
	write_package(tmpdir, 2000, 0, lines);
	{
		FILE *fp = fopen(path, "r+");

		fseek(fp, (long)sizeof header + 6, SEEK_SET);
		fputc('"', fp);
		fclose(fp);
	}
	check_parts(tmpdir);
	free(path);
	remove_file(tmpdir, "places.csv");
	remove_file(tmpdir, "actors.csv");
}

/*
 * Random bytes of CSV's alphabet after a good header, read in one part
 * and in many: the same problems and the same store, every time.
 */
static void
check_split_random(void)
{
	static const char *const bits[] = { "a", "1992", ",", ",", "\"",
	    "\"", "\n", "\n", "\r\n", "\r", " ", "\xc3\xa9", "\xff",
	    "battle", "e1", ";", "x" };
	static const char head[] = "id,start,type,title_en\n";
	char body[256];
	size_t len, i, j;

	for (i = 0; i < 200; i++) {
		memcpy(body, head, sizeof head - 1);
		len = sizeof head - 1;
		for (j = rnd(40); j > 0; j--) {
			const char *b = bits[rnd(sizeof bits / sizeof bits[0])];

			memcpy(body + len, b, strlen(b));
			len += strlen(b);
		}
		write_file(tmpdir, "events.csv", body, len);
		check_parts(tmpdir);
	}
}

/* Appends each record (its line and fields) to the buffer ARG. */
static int
record_row(const struct table_row *row, void *arg)
{
	struct buf *b = arg;
	size_t i;

	buf_printf(b, "%u:", row->line);
	for (i = 0; i < row->n; i++) {
		buf_printf(b, "[");
		buf_add(b, row->f[i], row->len[i]);
		buf_printf(b, "]");
	}
	buf_printf(b, "\n");
	return 0;
}

/* Reads the events.csv in the temporary directory with table_read_parts()
 * and returns every record and problem, in order, in a fresh string. */
static char *
read_records(size_t parts, int exact)
{
	struct buf b[TABLE_PARTS_MAX];
	void *args[TABLE_PARTS_MAX];
	struct table_parts tp;
	struct diag d;
	char *path, *msgs, *all;
	size_t i;

	memset(b, 0, sizeof b);
	for (i = 0; i < TABLE_PARTS_MAX; i++) {
		buf_add(&b[i], "", 0);
		args[i] = &b[i];
	}
	memset(&tp, 0, sizeof tp);
	tp.max = parts;
	tp.min_size = 1;
	tp.args = args;
	tp.exact = exact;
	diag_init(&d);
	xasprintf(&path, "%s/events.csv", tmpdir);
	i = (size_t)table_read_parts(path, "f", record_row, &tp, &d);
	free(path);
	msgs = diag_text(&d);
	xasprintf(&all, "rv %d\n%s", (int)i, msgs);
	free(msgs);
	for (i = 0; i < tp.used; i++) {
		xasprintf(&msgs, "%s%s", all, b[i].s);
		free(all);
		all = msgs;
	}
	for (i = 0; i < TABLE_PARTS_MAX; i++)
		free(b[i].s);
	diag_fini(&d);
	return all;
}

/*
 * Records made of spaces, tabs, quotes, commas and line ends: libcsv
 * read without its space function (and the record read again when that
 * may matter) and in parts must give what reading with it gives.
 */
static void
check_spaces_random(void)
{
	static const char *const bits[] = { " ", " ", "\t", ",", ",", "\"",
	    "\"", "\n", "\r\n", "\r", "a", "b c", "\xc3\xa9", "\xff", "x" };
	static const char head[] = "id,start,type,title_en\n";
	char body[256], *want, *got;
	size_t len, i, j, parts;
	int bad = 0;

	for (i = 0; i < 1500; i++) {
		memcpy(body, head, sizeof head - 1);
		len = sizeof head - 1;
		if (i % 2)
			len = 0;	/* the header too */
		for (j = rnd(30); j > 0; j--) {
			const char *b = bits[rnd(sizeof bits / sizeof bits[0])];

			memcpy(body + len, b, strlen(b));
			len += strlen(b);
		}
		write_file(tmpdir, "events.csv", body, len);
		want = read_records(1, 1);
		for (parts = 1; parts <= 4; parts++) {
			got = read_records(parts, 0);
			if (strcmp(got, want) != 0 && bad++ < 3)
				fprintf(stderr, "input:\n%.*s\nwant:\n%s"
				    "got (%zu parts):\n%s", (int)len, body,
				    want, parts, got);
			free(got);
		}
		free(want);
	}
	CHECK(bad == 0);
}

/*
 * An event of one date comes before a span from the same start, even a
 * span that ends BC: the loader's order and event_cmp() agree. (An absent
 * end once compared as year 0, after a BC end, so a file in the loader's
 * order looked unsorted.)
 */
static void
check_order_bc_end(void)
{
	static const char body[] =
	    "id,start,end,type,title_en\n"
	    "a-span,-0200,-0100,battle,A span ending BC\n"
	    "b-one,-0200,,battle,One date\n"
	    "c-later,-0150,,battle,Later\n";
	struct store s;
	struct diag d;
	char *path;
	FILE *fp;

	xasprintf(&path, "%s/events.csv", tmpdir);
	fp = fopen(path, "w");
	fputs(body, fp);
	fclose(fp);
	free(path);
	diag_init(&d);
	CHECK(store_load(&s, tmpdir, &d) == 0);
	if (d.n == 0 && s.nevents == 3) {
		CHECK_STR(s.events[0].id, "b-one");
		CHECK_STR(s.events[1].id, "a-span");
		CHECK_STR(s.events[2].id, "c-later");
		CHECK(event_cmp(&s.events[0], &s.events[1]) < 0);
		CHECK(event_cmp(&s.events[1], &s.events[0]) > 0);
		CHECK(event_cmp(&s.events[1], &s.events[2]) < 0);
		store_free(&s);
	}
	diag_fini(&d);
}

int
main(void)
{
	char *m;
	size_t n;

	if (mkdtemp(tmpdir) == NULL)
		return 99;
	check_fixture();
	check_order_bc_end();

	m = load(ROW("b", "1992") ROW("a", "-0179") ROW("c", "1992-05"), &n);
	CHECK_STR(m, "");
	CHECK(n == 3);
	free(m);

	/* A BOM and CRLF line ends are fine. */
	{
		static const char crlf[] = "\xef\xbb\xbfid,start,type,title_en"
		    "\r\nx,1992,battle,\"A, B\"\r\n";

		m = load_text(crlf, sizeof crlf - 1, &n);
		CHECK_STR(m, "");
		CHECK(n == 1);
		free(m);
	}

	/* Bad values: every one reported with its place, and none loaded. */
	m = load(ROW("a", "1992-13") ROW("B!", "1992") "c,1992,,war,,T,,,,,,,,,,,,,,,,,\n", &n);
	CHECK_STR(m,
	    "events.csv:2:3: start: month 13 out of range in date '1992-13'\n"
	    "events.csv:3:1: id: 'B!' is not a valid id (use a-z, 0-9, '_', '-', '.')\n"
	    "events.csv:4:9: type: 'war' is not a known type\n");
	CHECK(n == 0);
	free(m);

	/* Wrong number of fields. */
	m = load(ROW("a", "1992") "b,1992,,battle\n", &n);
	CHECK_STR(m, "events.csv:3:15: 4 fields, the header has 23\n");
	free(m);

	/* Malformed and unterminated quotes. */
	m = load("a,19\"92,,battle,,T,,,,,,,,,,,,,,,,,\n", &n);
	CHECK_STR(m, "events.csv:2:5: malformed quoting (a quote inside an "
	    "unquoted field, or text after a closing quote)\n");
	free(m);
	m = load(ROW("a", "1992") "b,1992,,battle,,\"never closed,,,\n", &n);
	CHECK_STR(m, "events.csv:3: unterminated quoted field (the quote "
	    "opened in the record starting here is never closed)\n");
	free(m);

	/* Invalid UTF-8 and NUL bytes, with the column of the bad byte. */
	{
		static const char bad[] = "id,start,type,title_en\n"
		    "a,1992,battle,Şu\xff" "a\n"
		    "b,1992,battle,x\0y\n";

		m = load_text(bad, sizeof bad - 1, &n);
		CHECK_STR(m, "events.csv:2:17: invalid UTF-8 (byte 0xff)\n"
		    "events.csv:3:16: NUL byte in field\n");
		free(m);
	}

	/* A bare CR ends a record inside a line: later columns still point
	 * at the right place. */
	{
		static const char cr[] = "id,start,type,title_en\n"
		    "a,1992,battle,A\rb,19x2,battle,B\n";

		m = load_text(cr, sizeof cr - 1, &n);
		CHECK_STR(m, "events.csv:2:19: start: invalid date '19x2' (want "
		    "YYYY, YYYY-MM or YYYY-MM-DD, '-' before the year for BC, "
		    "'~' after for circa)\n");
		free(m);
	}

	/* Duplicate ids and a missing required column. */
	m = load(ROW("a", "1992") ROW("a", "1993"), &n);
	CHECK_STR(m, "events.csv:3:1: duplicate id 'a' (first on line 2)\n");
	free(m);
	{
		static const char nocol[] = "id,type,title_en\na,battle,T\n";

		m = load_text(nocol, sizeof nocol - 1, &n);
		CHECK_STR(m, "events.csv:1:1: header lacks the required column "
		    "'start'\n");
		free(m);
	}

	check_split();
	check_split_random();
	check_spaces_random();

	/* A 10 MB field loads. */
	{
		size_t big = 10 * 1024 * 1024;
		char *body = xmalloc(big + 100);
		int k = snprintf(body, 100, "id,start,type,title_en\na,1992,battle,");

		memset(body + k, 'x', big);
		memcpy(body + k + big, "\n", 2);
		m = load_text(body, (size_t)k + big + 1, &n);
		CHECK_STR(m, "");
		CHECK(n == 1);
		free(m);
		free(body);
	}

	{
		char *path;

		xasprintf(&path, "%s/events.csv", tmpdir);
		unlink(path);
		free(path);
		rmdir(tmpdir);
	}
	UNIT_END();
}
