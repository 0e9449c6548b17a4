/* fold.c: the store's folded search text (see fold.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fold.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

/* Returns the simplified form of the traditional character CP, or CP. */
uint32_t
fold_cp_t2s(uint32_t cp)
{
	size_t lo = 0, hi = fold_t2s_n, mid;

	if (cp < fold_t2s[0][0])
		return cp;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (fold_t2s[mid][0] == cp)
			return fold_t2s[mid][1];
		if (fold_t2s[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp;
}

static int
fold_is_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* Whether the field F (FLEN bytes) is one of the NUL-separated fields of
 * TEXT (LEN bytes). */
static int
fold_has_field(const char *text, size_t len, const char *f, size_t flen)
{
	const char *p = text, *end = text + len, *nul;

	while (p < end) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (nul == NULL)
			nul = end;
		if ((size_t)(nul - p) == flen && memcmp(p, f, flen) == 0)
			return 1;
		p = nul + 1;
	}
	return 0;
}

/*
 * Returns the extra folded text of the packed TEXT (LEN bytes, fields
 * ending in NUL): the folded fields that differ from every field of TEXT,
 * packed the same way in A, their length in *EXTRA_LEN; or NULL (and 0)
 * when folding adds nothing.
 */
const char *
fold_extra(struct arena *a, const char *text, size_t len, size_t *extra_len)
{
	const char *p = text, *end = text + len, *nul;
	char *folded, *buf = NULL, *out;
	size_t flen, n = 0, cap = 0;

	*extra_len = 0;
	while (p < end) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (nul == NULL)
			nul = end;
		if (fold_is_ascii(p, (size_t)(nul - p))) {
			p = nul + 1;	/* folding leaves ASCII as it is */
			continue;
		}
		folded = text_fold(p, (size_t)(nul - p), &flen);
		if (flen != 0 && !fold_has_field(text, len, folded, flen) &&
		    (buf == NULL || !fold_has_field(buf, n, folded, flen))) {
			if (n + flen + 1 > cap) {
				cap = (n + flen + 1) * 2;
				buf = xreallocarray(buf, cap, 1);
			}
			memcpy(buf + n, folded, flen);
			buf[n + flen] = '\0';
			n += flen + 1;
		}
		free(folded);
		p = nul + 1;
	}
	if (n == 0) {
		free(buf);
		return NULL;
	}
	out = arena_strndup(a, buf, n);
	free(buf);
	*extra_len = n;
	return out;
}

/* Builds the extra folded text of every event, place and actor of S;
 * returns the bytes it took. */
size_t
fold_store(struct store *s)
{
	size_t i, total = 0;

	for (i = 0; i < s->nevents; i++) {
		struct event *e = (struct event *)&s->events[i];

		e->ftext = fold_extra(&s->arena, e->text, e->text_len,
		    &e->ftext_len);
		total += e->ftext_len;
	}
	for (i = 0; i < s->nplaces; i++) {
		struct place *p = (struct place *)&s->places[i];

		p->ftext = fold_extra(&s->arena, p->text, p->text_len,
		    &p->ftext_len);
		total += p->ftext_len;
	}
	for (i = 0; i < s->nactors; i++) {
		struct actor *ac = (struct actor *)&s->actors[i];

		ac->ftext = fold_extra(&s->arena, ac->text, ac->text_len,
		    &ac->ftext_len);
		total += ac->ftext_len;
	}
	return total;
}
