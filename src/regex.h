/* regex.h: regular expressions over the atlas's text (pcre2).
 *
 * Contract: patterns are Perl-compatible, UTF-8, compiled once (JIT when
 * the platform has it). Matching is case-insensitive unless the pattern
 * holds a capital letter (smart case, as in less and vim). Subject text
 * must be valid UTF-8 (the store checks it at load), so it is not checked
 * again on every match. A match that needs more than the set budget of
 * steps stops with REGEX_LIMIT instead of running away.
 *
 * A compiled regex can be shared by threads through regex_find_field_r(),
 * each thread with a scratch of its own; regex_find() and
 * regex_find_field() use match data kept in the regex, one thread at a
 * time. */
#ifndef REGEX_H
#define REGEX_H

#include <stddef.h>

struct regex;
struct regex_scratch;

enum regex_result {
	REGEX_LIMIT = -1,	/* too complex: the match budget ran out */
	REGEX_NOMATCH = 0,
	REGEX_MATCH = 1
};

#define REGEX_SMARTCASE	0	/* ignore case unless the pattern has a capital */
#define REGEX_CASELESS	1
#define REGEX_EXACTCASE	2

struct regex		*regex_compile(const char *pattern, char **cause);
struct regex		*regex_compile_case(const char *pattern, int how,
			     char **cause);
void			 regex_free(struct regex *);
enum regex_result	 regex_find(const struct regex *, const char *s,
			     size_t len, size_t offset, size_t *start,
			     size_t *end);
enum regex_result	 regex_find_field(const struct regex *,
			     const char *packed, size_t len);
struct regex_scratch	*regex_scratch_create(void);
void			 regex_scratch_free(struct regex_scratch *);
enum regex_result	 regex_find_field_r(const struct regex *,
			     struct regex_scratch *, const char *packed,
			     size_t len);

#endif
