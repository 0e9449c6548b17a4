/* test-store.c: loading events.csv: order, fields, and every kind of bad
 * input reported as file:line:column without a crash or a lost row. */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "store.h"
#include "unit.h"
#include "xalloc.h"

static char tmpdir[] = "/tmp/ttyatlas-test-XXXXXX";

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

int
main(void)
{
	char *m;
	size_t n;

	if (mkdtemp(tmpdir) == NULL)
		return 99;
	check_fixture();

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
