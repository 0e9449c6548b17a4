/* text.h: UTF-8 text measured the way a terminal shows it.
 *
 * Contract: widths are terminal columns (Chinese characters take two,
 * combining marks none), computed without the C library's locale, so they
 * are right even where only the C locale exists. Code points that could
 * steer a terminal (C0 and C1 controls, DEL, bidi overrides and isolates,
 * line and paragraph separators) are "unsafe": every function here counts
 * them as the one-column replacement that text_sanitize() puts in their
 * place. Truncation never splits a character or its combining marks. */
#ifndef TEXT_H
#define TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

bool	 text_is_valid(const char *s, size_t len, size_t *bad_offset);
bool	 text_cp_is_unsafe(uint32_t cp);
size_t	 text_width(const char *s);
size_t	 text_fit(const char *s, size_t cols, size_t *width);
char	*text_sanitize(const char *s);
size_t	 text_sanitize_into(char *buf, size_t size, const char *s, size_t len);
size_t	 text_columns(const char *s, size_t len);
int	 text_has_upper(const char *s);
size_t	 text_encode(char *out, uint32_t cp);
char	*text_fold(const char *s, size_t len, size_t *outlen);
bool	 text_has_marks(const char *s);

/* A line of wrapped text: LEN bytes from OFF, WIDTH columns. */
struct text_line {
	size_t	off;
	size_t	len;
	size_t	width;
};

size_t	 text_wrap(const char *s, size_t cols, struct text_line **lines);
size_t	 text_grapheme_next(const char *s, size_t len, size_t off);
size_t	 text_grapheme_prev(const char *s, size_t off);

#endif
