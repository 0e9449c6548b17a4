/* test-query.c: the query language against the indexes, on the atlas
 * fixture: date overlap with partial dates and spans, BC order, places
 * with what is inside them, names in any script, smart case, errors. */
#include "config.h"

#include <stdlib.h>

#include "diag.h"
#include "query.h"
#include "regex.h"
#include "store.h"
#include "unit.h"
#include "xalloc.h"

static struct store s;

/* Returns how many events TEXT selects, or -1 if it does not parse. */
static long
count(const char *text)
{
	struct query_result r;
	struct query *q;
	char *cause;
	long n;

	if ((q = query_parse(&s, text, &cause)) == NULL) {
		free(cause);
		return -1;
	}
	if (query_run(q, &r, &cause) != 0) {
		free(cause);
		query_free(q);
		return -2;
	}
	n = (long)r.n;
	query_result_free(&r);
	query_free(q);
	return n;
}

/* Returns 1 if TEXT selects the event ID. */
static int
selects(const char *text, const char *id)
{
	const struct event *e = store_find_event(&s, id);
	struct query_result r;
	struct query *q;
	char *cause;
	size_t i;
	int found = 0;

	if (e == NULL || (q = query_parse(&s, text, &cause)) == NULL)
		return 0;
	if (query_run(q, &r, &cause) == 0) {
		for (i = 0; i < r.n; i++)
			found |= r.idx[i] == store_index_of(&s, e);
		query_result_free(&r);
	}
	query_free(q);
	return found;
}

int
main(void)
{
	struct diag d;
	char *dir, *cause;
	struct regex *re;
	struct query_result r;
	struct query *q;
	size_t a, b;

	xasprintf(&dir, "%s/atlas", getenv("FIXTURES") ? getenv("FIXTURES") :
	    "tests/fixtures");
	diag_init(&d);
	if (store_load(&s, dir, &d) != 0)
		return 99;

	CHECK(count("") == (long)s.nevents);
	/* Day-exact ranges overlap month-precision events and spans. */
	CHECK(selects("1988-02-25", "1988-02-cpsu-open-letter-on-borders"));
	CHECK(selects("1989-06", "1988-02-early-interethnic-violence-death-toll"));
	CHECK(!selects("1989-11..", "1988-02-early-interethnic-violence-death-toll"));
	CHECK(selects("1992-05-09", "1992-05-08-capture-of-shusha"));
	CHECK(!selects("1992-05-10..1992-05-17",
	    "1992-05-08-capture-of-shusha"));
	/* BC: "c. 180 BC" is year -179, before year 1 and after 200 BC. */
	CHECK(selects("-0199..0000", "-0179-artsakh-province-of-armenia"));
	CHECK(count("..-0001") == 1);
	/* A place and what lies inside it; its names in every script. */
	CHECK(selects("place:shusha_district", "1992-05-08-capture-of-shusha"));
	CHECK(selects("place:Shushi", "1992-05-08-capture-of-shusha"));
	CHECK(selects("place:Şuşa", "1992-05-08-capture-of-shusha"));
	CHECK(selects("place:舒沙", "1992-05-08-capture-of-shusha"));
	CHECK(count("place:atlantis") == -1);
	/* An actor and the forces under it. */
	CHECK(selects("actor:armenia", "1992-05-08-capture-of-shusha"));
	/* Text: every language and smart case. */
	CHECK(selects("/攻占舒沙/", "1992-05-08-capture-of-shusha"));
	CHECK(selects("shusha", "1992-05-08-capture-of-shusha"));
	CHECK(!selects("/SHUSHA/", "1992-05-08-capture-of-shusha"));
	CHECK(selects("-type:battle capture shusha",
	    "1992-05-08-capture-of-shusha"));
	CHECK(count("type:capture -type:capture") == 0);
	CHECK(count("type:capture") == count("type:capture,capture"));
	/* Errors name the bad term. */
	CHECK(query_parse(&s, "when:1992", &cause) == NULL &&
	    strstr(cause, "when:") != NULL);
	free(cause);
	CHECK(query_parse(&s, "1993..1992", &cause) == NULL &&
	    strstr(cause, "ends before it starts") != NULL);
	free(cause);
	/* Every name of Shusha finds its capture, one term at a time. */
	CHECK(selects("舒沙", "1992-05-08-capture-of-shusha"));
	CHECK(selects("Shusha", "1992-05-08-capture-of-shusha"));
	CHECK(selects("Shushi", "1992-05-08-capture-of-shusha"));
	CHECK(selects("Şuşa", "1992-05-08-capture-of-shusha"));
	CHECK(selects("Шуша", "1992-05-08-capture-of-shusha"));
	CHECK(selects("Susa", "1992-05-08-capture-of-shusha"));
	/* Folded: without marks, in the other script, in a regex too. */
	CHECK(selects("quan armenia chiem shusha",
	    "1992-05-08-capture-of-shusha"));
	CHECK(selects("/Quan Armenia chiem/", "1992-05-08-capture-of-shusha"));
	CHECK(selects("亞美尼亚部队攻占舒沙", "1992-05-08-capture-of-shusha"));
	CHECK(selects("亚美尼亞部隊攻佔", "1992-05-08-capture-of-shusha"));
	/* Marks in the pattern: exact. */
	CHECK(selects("Quân Armenia chiếm", "1992-05-08-capture-of-shusha"));
	CHECK(count("Quấn Armenia") == 0);
	CHECK(count("Shúsha") == 0);
	/* A capital still means exact case, folded or not. */
	CHECK(count("QUAN ARMENIA") == 0);
	/* A runaway pattern stops at its limit instead of hanging. */
	re = regex_compile("(a+)+$", &cause);
	CHECK(re != NULL);
	if (re != NULL) {
		CHECK(regex_find(re, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
		    41, 0, &a, &b) == REGEX_LIMIT);
		regex_free(re);
	}
	store_free(&s);
	diag_fini(&d);
	free(dir);

	memset(&s, 0, sizeof s);
	/* Under pcre2's limits on every event (18 a's each, ~2^18 steps)
	 * but past a 1 ms time budget over 64 of them: too complex too. */
	xasprintf(&dir, "%s/regex-hostile", getenv("FIXTURES") ?
	    getenv("FIXTURES") : "tests/fixtures");
	diag_init(&d);
	if (store_load(&s, dir, &d) != 0)
		return 99;
	if ((q = query_parse(&s, "1990 /(a+)+$/", &cause)) == NULL)
		return 99;
	memset(&r, 0, sizeof r);
	CHECK(query_run(q, &r, &cause) == 0 && r.n == 0);
	query_result_free(&r);
	query_set_budget(q, 1);
	cause = NULL;
	CHECK(query_run(q, &r, &cause) == -1 && cause != NULL &&
	    strstr(cause, "too complex") != NULL);
	free(cause);
	query_free(q);
	/* Past the match limit on one event (40 a's): at once. */
	CHECK(count("1991 /(a+)+$/") == -2);
	store_free(&s);
	diag_fini(&d);
	free(dir);
	UNIT_END();
}
