/* text.c: display width, safe rendering and truncation of UTF-8 text.
 *
 * The only file that includes libunistring. uc_width() is asked with the
 * encoding "UTF-8", which makes East Asian ambiguous characters narrow, as
 * glibc's wcwidth() does in a UTF-8 locale, so what we measure is what
 * ncursesw draws. Graphemes come from u8_grapheme_next(), so a base letter
 * and its combining marks (Vietnamese "ử") are kept together. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "fold.h"
#include "text.h"
#include "xalloc.h"

/*
 * Returns true if the LEN bytes at S are UTF-8 as u8_check() takes it
 * (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF)
 * without NUL. Loading checks every byte of a large file, and this takes
 * a quarter less time than u8_check() and a search for NUL: ASCII eight
 * bytes at a time, the rest one character at a time.
 */
static bool
text_is_valid_fast(const uint8_t *p, size_t len)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
	const uint8_t *end = p + len;
	uint64_t w;
	uint8_t c;

	while (p < end) {
		while (end - p >= 8) {
			memcpy(&w, p, 8);
			/* Any byte >= 0x80, or (then) any byte 0. */
			if ((w & high) != 0 || ((w - ones) & ~w & high) != 0)
				break;
			p += 8;
		}
		if (p == end)
			break;
		c = *p;
		if (c < 0x80) {
			if (c == 0)
				return false;
			p++;
		} else if (c < 0xc2)
			return false;
		else if (c < 0xe0) {
			if (end - p < 2 || (p[1] & 0xc0) != 0x80)
				return false;
			p += 2;
		} else if (c < 0xf0) {
			if (end - p < 3 || (p[1] & 0xc0) != 0x80 ||
			    (p[2] & 0xc0) != 0x80 ||
			    (c == 0xe0 && p[1] < 0xa0) ||
			    (c == 0xed && p[1] > 0x9f))
				return false;
			p += 3;
		} else if (c < 0xf5) {
			if (end - p < 4 || (p[1] & 0xc0) != 0x80 ||
			    (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80 ||
			    (c == 0xf0 && p[1] < 0x90) ||
			    (c == 0xf4 && p[1] > 0x8f))
				return false;
			p += 4;
		} else
			return false;
	}
	return true;
}

/* Returns true if the LEN bytes at S are well-formed UTF-8 without NUL; on
 * false, *BAD_OFFSET (if not NULL) is the offset of the first bad byte. */
bool
text_is_valid(const char *s, size_t len, size_t *bad_offset)
{
	if (text_is_valid_fast((const uint8_t *)s, len))
		return true;

	const uint8_t *bad = u8_check((const uint8_t *)s, len);
	const char *nul = memchr(s, '\0', len);

	if (bad == NULL && nul == NULL)
		return true;
	if (bad_offset != NULL) {
		size_t b = bad ? (size_t)((const char *)bad - s) : len;
		size_t n = nul ? (size_t)(nul - s) : len;

		*bad_offset = b < n ? b : n;
	}
	return false;
}

/* Returns true for code points that must never reach a terminal raw. */
bool
text_cp_is_unsafe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return true;
	switch (cp) {
	case 0x061c:			/* Arabic letter mark */
	case 0x200e: case 0x200f:	/* LRM, RLM */
	case 0x2028: case 0x2029:	/* line, paragraph separator */
		return true;
	}
	if (cp >= 0x202a && cp <= 0x202e)	/* LRE RLE PDF LRO RLO */
		return true;
	if (cp >= 0x2066 && cp <= 0x2069)	/* LRI RLI FSI PDI */
		return true;
	return false;
}

/* Returns the columns one code point takes once made safe. */
static size_t
text_cp_width(ucs4_t cp)
{
	int w;

	if (text_cp_is_unsafe(cp))
		return 1;
	w = uc_width(cp, "UTF-8");
	return w < 0 ? 1 : (size_t)w;
}

/* Returns the columns the LEN bytes at S take on a terminal. */
size_t
text_columns(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	size_t w = 0;
	ucs4_t cp;
	int n;

	while (p < end) {
		n = u8_mbtouc(&cp, p, (size_t)(end - p));
		w += text_cp_width(cp);
		p += n;
	}
	return w;
}

/* Returns the columns the string S takes on a terminal. */
size_t
text_width(const char *s)
{
	return text_columns(s, strlen(s));
}

/*
 * Returns the length in bytes of the longest prefix of S made of whole
 * graphemes that fits in COLS columns; its width goes to *WIDTH if not NULL.
 */
size_t
text_fit(const char *s, size_t cols, size_t *width)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s), *next;
	size_t w = 0, gw;

	while (p < end) {
		next = u8_grapheme_next(p, end);
		if (next == NULL)
			break;
		gw = text_columns((const char *)p, (size_t)(next - p));
		if (w + gw > cols)
			break;
		w += gw;
		p = next;
	}
	if (width != NULL)
		*width = w;
	return (size_t)(p - (const uint8_t *)s);
}

/*
 * Copies the LEN bytes at S into BUF (SIZE bytes, NUL-terminated), with
 * newlines and tabs made spaces and every other unsafe or invalid
 * sequence made U+FFFD. Stops early rather than split a character.
 * Returns the bytes written, without the NUL.
 */
size_t
text_sanitize_into(char *buf, size_t size, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	size_t o = 0;
	ucs4_t cp;
	int n;

	if (size == 0)
		return 0;
	while (p < end) {
		n = u8_mbtouc(&cp, p, (size_t)(end - p));
		if (cp == '\n' || cp == '\t' || cp == '\r') {
			if (o + 1 >= size)
				break;
			buf[o++] = ' ';
		} else if (text_cp_is_unsafe(cp) || cp == 0xfffd) {
			if (o + 3 >= size)
				break;
			memcpy(buf + o, TEXT_REPLACEMENT, 3);
			o += 3;
		} else {
			if (o + (size_t)n >= size)
				break;
			memcpy(buf + o, p, (size_t)n);
			o += (size_t)n;
		}
		p += n;
	}
	buf[o] = '\0';
	return o;
}

/* Returns a fresh copy of S that is safe to write to a terminal. */
char *
text_sanitize(const char *s)
{
	size_t len = strlen(s), size = len * 3 + 1;
	char *buf = xmalloc(size);

	text_sanitize_into(buf, size, s, len);
	return buf;
}

/* Returns 1 if S holds an upper-case letter in any script (for smart case:
 * "shusha" ignores case, "Shusha" and "Şuşa" do not). */
int
text_has_upper(const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	ucs4_t cp;

	while (p < end) {
		p += u8_mbtouc(&cp, p, (size_t)(end - p));
		if (uc_is_property_uppercase(cp))
			return 1;
	}
	return 0;
}

/* Returns the offset of the grapheme after the one at OFF in the LEN bytes
 * at S (LEN at the end). */
size_t
text_grapheme_next(const char *s, size_t len, size_t off)
{
	const uint8_t *p = (const uint8_t *)s, *next;

	if (off >= len)
		return len;
	next = u8_grapheme_next(p + off, p + len);
	return next == NULL ? len : (size_t)(next - p);
}

/* Returns the offset of the grapheme before offset OFF of S (0 at the
 * start). */
size_t
text_grapheme_prev(const char *s, size_t off)
{
	const uint8_t *p = (const uint8_t *)s, *prev;

	if (off == 0)
		return 0;
	prev = u8_grapheme_prev(p + off, p);
	return prev == NULL ? 0 : (size_t)(prev - p);
}

static void
text_wrap_emit(struct text_line **lines, size_t *n, size_t *cap,
    const char *s, size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*lines = xreallocarray(*lines, *cap, sizeof **lines);
	}
	(*lines)[*n].off = start;
	(*lines)[*n].len = end - start;
	(*lines)[*n].width = text_columns(s + start, end - start);
	(*n)++;
}

/*
 * Cuts S into lines of at most COLS columns where Unicode's line breaking
 * (UAX #14) allows: between words in alphabetic scripts, between almost
 * any two characters in Chinese (not before a closing mark such as "，"),
 * and at newlines. A word longer than a line is cut between graphemes, so
 * a character and its combining marks stay together. Trailing spaces are
 * dropped. Fills *LINES (to be freed) and returns how many there are; ""
 * gives none.
 */
size_t
text_wrap(const char *s, size_t cols, struct text_line **lines)
{
	size_t len = strlen(s), n = 0, cap = 0, off, next, gw, w = 0;
	size_t start = 0, brk = 0, wbrk = 0;
	char *p;

	*lines = NULL;
	if (len == 0)
		return 0;
	if (cols == 0)
		cols = 1;
	p = xmalloc(len);
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", p);
	for (off = 0; off < len; off = next) {
		next = text_grapheme_next(s, len, off);
		if (p[off] == UC_BREAK_MANDATORY || s[off] == '\n') {
			text_wrap_emit(lines, &n, &cap, s, start, off);
			start = next;
			brk = w = 0;
			continue;
		}
		if (off > start && p[off] == UC_BREAK_POSSIBLE) {
			brk = off;
			wbrk = w;
		}
		gw = text_columns(s + off, next - off);
		if (s[off] != ' ' && w + gw > cols && off > start) {
			if (brk > start) {
				text_wrap_emit(lines, &n, &cap, s, start, brk);
				start = brk;
				w -= wbrk;
			} else {
				text_wrap_emit(lines, &n, &cap, s, start, off);
				start = off;
				w = 0;
			}
			brk = 0;
			if (w + gw > cols && off > start) {
				text_wrap_emit(lines, &n, &cap, s, start, off);
				start = off;
				w = 0;
			}
		}
		if (off == start && s[off] == ' ') {
			start = next;	/* no line starts with a space */
			continue;
		}
		w += gw;
	}
	if (start < len)
		text_wrap_emit(lines, &n, &cap, s, start, len);
	free(p);
	return n;
}

/* The letters folding writes bare although Unicode gives them no
 * separable mark: Vietnamese đ, Azerbaijani ı and ə, and a few more. */
static uint32_t
text_fold_letter(uint32_t c)
{
	switch (c) {
	case 0x0110: return 'D';	/* Đ */
	case 0x0111: return 'd';	/* đ */
	case 0x0131: return 'i';	/* ı */
	case 0x018f: return 'E';	/* Ə */
	case 0x0259: return 'e';	/* ə */
	case 0x01dd: return 'e';	/* ǝ */
	case 0x0141: return 'L';	/* Ł */
	case 0x0142: return 'l';	/* ł */
	case 0x00d8: return 'O';	/* Ø */
	case 0x00f8: return 'o';	/* ø */
	case 0x0126: return 'H';	/* Ħ */
	case 0x0127: return 'h';	/* ħ */
	default: return c;
	}
}

/* Returns C folded (see fold.h) but for Chinese script: its base letter
 * without marks, or 0 if C is a mark that folding drops. */
static uint32_t
text_fold_cp(uint32_t c)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];

	if (c < 0xc0 || (c >= 0x3400 && c <= 0x9fff) ||
	    (c >= 0xac00 && c <= 0xd7a3) || c >= 0x20000)
		return c;	/* ASCII, ideographs, Hangul: nothing to strip */
	if (c >= 0x300 && uc_is_general_category(c, UC_CATEGORY_M))
		return 0;
	/* A canonical decomposition is a base and marks (Hangul aside): keep
	 * the base, decomposed in turn ("ử" is "ư" and a hook, "ư" is "u"
	 * and a horn). */
	while (uc_canonical_decomposition(c, d) > 0)
		c = d[0];
	return text_fold_letter(c);
}

/*
 * Returns S (LEN bytes, UTF-8, NULs kept; an invalid byte becomes U+FFFD)
 * folded for search (see fold.h): decomposed, without combining marks,
 * bare letters for đ, ı, ə and the like, simplified Chinese characters
 * for traditional ones. The result is NUL-terminated and its length goes
 * to *OUTLEN; free it.
 */
char *
text_fold(const char *s, size_t len, size_t *outlen)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t i, n = 0;
	char *out;
	ucs4_t c;
	int k;

	/* Each step reads at least one byte and writes at most four: an
	 * ideograph grows from three to four, and an invalid byte (query
	 * text is not checked) becomes U+FFFD, three bytes. */
	out = xmalloc(len * 4 + 1);
	for (i = 0; i < len; i += (size_t)k) {
		if (u[i] < 0x80) {
			out[n++] = (char)u[i];
			k = 1;
			continue;
		}
		k = u8_mbtouc(&c, u + i, len - i);
		if (k <= 0)
			k = 1;
		if ((c = text_fold_cp(c)) == 0)
			continue;
		if (c >= 0x3400)
			c = fold_cp_t2s(c);
		n += (size_t)u8_uctomb((uint8_t *)out + n, c, 4);
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}

/* Whether S holds a letter with a mark ("ử", "ş", "đ"): then a search for
 * it matches exactly, not folded. */
bool
text_has_marks(const char *s)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t len = strlen(s), i;
	ucs4_t c;
	int k;

	for (i = 0; i < len; i += (size_t)(k > 0 ? k : 1)) {
		k = u8_mbtouc(&c, u + i, len - i);
		if (text_fold_cp(c) != c)
			return true;
	}
	return false;
}

/* Writes code point CP as UTF-8 into OUT (room for 4 bytes); returns the
 * bytes written, 0 for a value that is no code point. */
size_t
text_encode(char *out, uint32_t cp)
{
	int n = u8_uctomb((uint8_t *)out, cp, 4);

	return n < 0 ? 0 : (size_t)n;
}
