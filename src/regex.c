/* regex.c: pcre2 behind regex.h; the only file that includes pcre2.h.
 *
 * pcre2 checks the subject for valid UTF-8 on every call unless told not
 * to, which costs more than the match itself on short fields; the store
 * validates all text once at load, so matches pass PCRE2_NO_UTF_CHECK.
 * JIT is used when pcre2 has it, called through pcre2_jit_match(), which
 * skips pcre2_match()'s checks of the options on every call; the match and
 * depth limits bound both the JIT and the interpreter, so a pathological
 * pattern ends with REGEX_LIMIT rather than hanging the interface.
 *
 * pcre2 lets threads share compiled code and a match context that is not
 * changed, but each needs its own match data: a struct regex_scratch. Its
 * match data holds one pair of offsets, all regex_find_field_r() reads; a
 * match with more groups then returns 0 from pcre2, still a match.
 *
 * pcre2's JIT finds where a match may start with vector instructions when
 * the pattern starts with one literal, but steps byte by byte through a
 * set of possible starts, as for "village|铁路|phong tỏa", two to three
 * times slower than looking for each word in turn. So a pattern that is
 * nothing but words between '|' keeps each word compiled too, and asking
 * whether a field matches asks for each word (a match of such a pattern
 * never crosses a field's end, so the answer is the same). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "regex.h"
#include "text.h"
#include "xalloc.h"

#define REGEX_MATCH_LIMIT	2000000
#define REGEX_DEPTH_LIMIT	5000

struct regex {
	pcre2_code		*code;
	pcre2_match_data	*md;
	pcre2_match_context	*mctx;
	int			 jit;	/* JIT-compiled: pcre2_jit_match() */
	struct regex		**alt;	/* each word of "word|word", or NULL */
	size_t			 nalt;
};

struct regex_scratch {
	pcre2_match_data	*md;
};

/*
 * If PATTERN is only words (no character special to pcre2) between '|',
 * none empty, compiles each word into RE->alt, ignoring case as HOW says
 * (the whole pattern's choice). Leaves RE->alt NULL otherwise.
 */
static void
regex_split(struct regex *re, const char *pattern, int how)
{
	const char *p, *bar;
	char *word, *cause;
	struct regex *alt;
	size_t n;

	if (strchr(pattern, '|') == NULL ||
	    strpbrk(pattern, "\\^$.[]()?*+{}") != NULL)
		return;
	for (p = pattern; ; p = bar + 1) {
		bar = strchr(p, '|');
		n = bar != NULL ? (size_t)(bar - p) : strlen(p);
		xasprintf(&word, "%.*s", (int)n, p);
		alt = n == 0 ? NULL : regex_compile_case(word, how, &cause);
		free(word);
		if (alt == NULL) {
			if (n != 0)
				free(cause);
			while (re->nalt > 0)
				regex_free(re->alt[--re->nalt]);
			free(re->alt);
			re->alt = NULL;
			return;
		}
		re->alt = xreallocarray(re->alt, re->nalt + 1,
		    sizeof *re->alt);
		re->alt[re->nalt++] = alt;
		if (bar == NULL)
			return;
	}
}

/*
 * Compiles PATTERN with smart case. Returns the regex, or NULL with a
 * message in *CAUSE (to be freed) saying what is wrong and where.
 */
struct regex *
regex_compile(const char *pattern, char **cause)
{
	return regex_compile_case(pattern, REGEX_SMARTCASE, cause);
}

/*
 * Compiles PATTERN, ignoring case as HOW says (REGEX_SMARTCASE decides
 * from the pattern; a caller that builds a pattern from a user's word
 * decides from the word). Returns as regex_compile().
 */
struct regex *
regex_compile_case(const char *pattern, int how, char **cause)
{
	struct regex *re;
	uint32_t opts = PCRE2_UTF | PCRE2_UCP;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int err;

	if (!text_is_valid(pattern, strlen(pattern), NULL)) {
		xasprintf(cause, "the pattern is not valid UTF-8");
		return NULL;
	}
	if (how == REGEX_CASELESS ||
	    (how == REGEX_SMARTCASE && !text_has_upper(pattern)))
		opts |= PCRE2_CASELESS;
	re = xcalloc(1, sizeof *re);
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    opts, &err, &off, NULL);
	if (re->code == NULL) {
		pcre2_get_error_message(err, msg, sizeof msg);
		xasprintf(cause, "%s at character %zu of the pattern",
		    (char *)msg, (size_t)off + 1);
		free(re);
		return NULL;
	}
	/* Without JIT (a platform pcre2 lacks it for) the interpreter runs. */
	re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	re->mctx = pcre2_match_context_create(NULL);
	if (re->md == NULL || re->mctx == NULL) {
		regex_free(re);
		xasprintf(cause, "out of memory");
		return NULL;
	}
	pcre2_set_match_limit(re->mctx, REGEX_MATCH_LIMIT);
	pcre2_set_depth_limit(re->mctx, REGEX_DEPTH_LIMIT);
	regex_split(re, pattern, (opts & PCRE2_CASELESS) ? REGEX_CASELESS :
	    REGEX_EXACTCASE);
	return re;
}

/* Frees RE; NULL is fine. */
void
regex_free(struct regex *re)
{
	if (re == NULL)
		return;
	while (re->nalt > 0)
		regex_free(re->alt[--re->nalt]);
	free(re->alt);
	pcre2_match_data_free(re->md);
	pcre2_match_context_free(re->mctx);
	pcre2_code_free(re->code);
	free(re);
}

/* Runs RE with the match data MD: returns as regex_find(). */
static enum regex_result
regex_exec(const struct regex *re, pcre2_match_data *md, const char *s,
    size_t len, size_t offset, size_t *start, size_t *end)
{
	PCRE2_SIZE *ov;
	int rc;

	/* pcre2_jit_match() does not check its arguments: a bad offset
	 * or a NULL subject goes to pcre2_match() for its error. */
	if (re->jit && s != NULL && offset <= len)
		rc = pcre2_jit_match(re->code, (PCRE2_SPTR)s, len, offset, 0,
		    md, re->mctx);
	else
		rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, offset,
		    PCRE2_NO_UTF_CHECK, md, re->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return REGEX_NOMATCH;
	if (rc < 0)
		return REGEX_LIMIT;
	ov = pcre2_get_ovector_pointer(md);
	*start = ov[0];
	*end = ov[1];
	return REGEX_MATCH;
}

/*
 * Looks for RE in the LEN bytes at S from byte OFFSET. Returns REGEX_MATCH
 * with the match's byte range in *START and *END, REGEX_NOMATCH, or
 * REGEX_LIMIT when the pattern needs more steps than allowed.
 */
enum regex_result
regex_find(const struct regex *re, const char *s, size_t len, size_t offset,
    size_t *start, size_t *end)
{
	return regex_exec(re, re->md, s, len, offset, start, end);
}

/* Looks for RE in a packed block with the match data MD. */
static enum regex_result
regex_exec_field(const struct regex *re, pcre2_match_data *md,
    const char *packed, size_t len)
{
	size_t off = 0, st, en, i;
	enum regex_result r;
	const char *nul;

	for (i = 0; i < re->nalt; i++) {
		if ((r = regex_exec_field(re->alt[i], md, packed, len)) !=
		    REGEX_NOMATCH)
			return r;
	}
	if (re->nalt != 0)
		return REGEX_NOMATCH;
	while (packed != NULL && off <= len) {
		r = regex_exec(re, md, packed, len, off, &st, &en);
		if (r != REGEX_MATCH)
			return r;
		nul = en > st ? memchr(packed + st, '\0', en - st) : NULL;
		if (nul == NULL)
			return REGEX_MATCH;
		off = (size_t)(nul - packed) + 1;
	}
	return REGEX_NOMATCH;
}

/*
 * Looks for RE in a packed block of NUL-separated fields (a row's names
 * or texts, see SCHEMA_SEARCH), never matching across two of them.
 * Returns as regex_find(); a NULL block never matches.
 */
enum regex_result
regex_find_field(const struct regex *re, const char *packed, size_t len)
{
	return regex_exec_field(re, re->md, packed, len);
}

/*
 * Returns match data for one thread's regex_find_field_r() calls, with
 * any regex, or NULL when pcre2 cannot allocate it.
 */
struct regex_scratch *
regex_scratch_create(void)
{
	struct regex_scratch *sc;

	sc = xmalloc(sizeof *sc);
	if ((sc->md = pcre2_match_data_create(1, NULL)) == NULL) {
		free(sc);
		return NULL;
	}
	return sc;
}

/* Frees SC; NULL is fine. */
void
regex_scratch_free(struct regex_scratch *sc)
{
	if (sc == NULL)
		return;
	pcre2_match_data_free(sc->md);
	free(sc);
}

/*
 * As regex_find_field(), with the match data of SC, so that threads, each
 * with a scratch of its own, can share RE. A NULL SC uses RE's own match
 * data, as regex_find_field() does.
 */
enum regex_result
regex_find_field_r(const struct regex *re, struct regex_scratch *sc,
    const char *packed, size_t len)
{
	return regex_exec_field(re, sc != NULL ? sc->md : re->md, packed,
	    len);
}
