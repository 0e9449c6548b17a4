/* regex.c: pcre2 behind regex.h; the only file that includes pcre2.h.
 *
 * pcre2 checks the subject for valid UTF-8 on every call unless told not
 * to, which costs more than the match itself on short fields; the store
 * validates all text once at load, so matches pass PCRE2_NO_UTF_CHECK.
 * JIT is used when pcre2 has it; the match and depth limits bound both the
 * JIT and the interpreter, so a pathological pattern ends with REGEX_LIMIT
 * rather than hanging the interface. */
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
};

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
	pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	re->mctx = pcre2_match_context_create(NULL);
	if (re->md == NULL || re->mctx == NULL) {
		regex_free(re);
		xasprintf(cause, "out of memory");
		return NULL;
	}
	pcre2_set_match_limit(re->mctx, REGEX_MATCH_LIMIT);
	pcre2_set_depth_limit(re->mctx, REGEX_DEPTH_LIMIT);
	return re;
}

/* Frees RE; NULL is fine. */
void
regex_free(struct regex *re)
{
	if (re == NULL)
		return;
	pcre2_match_data_free(re->md);
	pcre2_match_context_free(re->mctx);
	pcre2_code_free(re->code);
	free(re);
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
	PCRE2_SIZE *ov;
	int rc;

	rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, offset,
	    PCRE2_NO_UTF_CHECK, re->md, re->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return REGEX_NOMATCH;
	if (rc < 0)
		return REGEX_LIMIT;
	ov = pcre2_get_ovector_pointer(re->md);
	*start = ov[0];
	*end = ov[1];
	return REGEX_MATCH;
}

/*
 * Looks for RE in a packed block of NUL-separated fields (a row's names
 * or texts, see SCHEMA_SEARCH), never matching across two of them.
 * Returns as regex_find(); a NULL block never matches.
 */
enum regex_result
regex_find_field(const struct regex *re, const char *packed, size_t len)
{
	size_t off = 0, st, en;
	enum regex_result r;
	const char *nul;

	while (packed != NULL && off <= len) {
		r = regex_find(re, packed, len, off, &st, &en);
		if (r != REGEX_MATCH)
			return r;
		nul = en > st ? memchr(packed + st, '\0', en - st) : NULL;
		if (nul == NULL)
			return REGEX_MATCH;
		off = (size_t)(nul - packed) + 1;
	}
	return REGEX_NOMATCH;
}
