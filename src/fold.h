/* fold.h: folded text for searches that ignore accents and Chinese script.
 *
 * Contract: folding (text_fold() in text.c) takes a text to its
 * decomposed form without combining marks, writes the few letters that
 * carry no separable mark (đ, ı, ə, ł, ø) as their bare letters, and
 * writes traditional Chinese characters as simplified ones (OpenCC's
 * character table, fold-t2s.c). Case is kept: the regex module's smart
 * case still applies. A search pattern without marks is folded and
 * matched against the row's text and against its "extra" folded text:
 * the folded forms of those of its fields that folding changes and that
 * are not another of its fields already (a traditional title that is the
 * simplified title once folded adds nothing), so the copy costs only
 * what is new, mostly the Vietnamese without marks. */
#ifndef FOLD_H
#define FOLD_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct store;

extern const uint32_t	 fold_t2s[][2];
extern const size_t	 fold_t2s_n;

uint32_t	 fold_cp_t2s(uint32_t cp);
const char	*fold_extra(struct arena *, const char *text, size_t len,
		     size_t *extra_len);
size_t		 fold_store(struct store *);

#endif
