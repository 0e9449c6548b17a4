/* test-text.c: widths in terminal columns, safe text, truncation. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "unit.h"

/* A plain reading of RFC 3629, one code point at a time: the offset of
 * the first byte that is not part of a well-formed character, or of a
 * NUL; LEN if there is none. */
static size_t
utf8_bad(const unsigned char *s, size_t len)
{
	static const unsigned long min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t i = 0, n, k;
	unsigned long cp;

	while (i < len) {
		if (s[i] == 0)
			return i;
		n = s[i] < 0x80 ? 1 : s[i] >= 0xc0 && s[i] < 0xe0 ? 2 :
		    s[i] >= 0xe0 && s[i] < 0xf0 ? 3 :
		    s[i] >= 0xf0 && s[i] < 0xf8 ? 4 : 0;
		if (n == 0 || i + n > len)
			return i;
		cp = n == 1 ? s[i] : s[i] & (0x7f >> n);
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min[n] || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += n;
	}
	return len;
}

/* text_is_valid() against that reading, on random strings of bytes at
 * the edges of UTF-8's ranges, long and short. */
static void
check_valid_random(void)
{
	static const unsigned char edge[] = { 0x00, 'A', 0x7f, 0x80, 0x8f,
	    0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec,
	    0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xff };
	static const char *const good[] = { "a", "abcdefgh", "\xc3\xa9",
	    "\xe4\xb8\xad", "\xed\x9f\xbf", "\xee\x80\x80",
	    "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf" };
	unsigned long r = 1;
	unsigned char s[64];
	size_t len, i, bad, want, wrong = 0;
	int k;

	for (k = 0; k < 200000; k++) {
		len = 0;
		while (len < 40) {
			r = r * 6364136223846793005UL + 1442695040888963407UL;
			if ((r >> 60) == 0)
				break;
			if ((r >> 40) % 3 == 0) {
				s[len++] = edge[(r >> 20) % sizeof edge];
				continue;
			}
			i = (r >> 20) % (sizeof good / sizeof good[0]);
			memcpy(s + len, good[i], strlen(good[i]));
			len += strlen(good[i]);
		}
		want = utf8_bad(s, len);
		bad = len;
		if (text_is_valid((const char *)s, len, &bad) != (want == len) ||
		    (want != len && bad != want))
			wrong++;
	}
	CHECK(wrong == 0);
}

int
main(void)
{
	char *s;
	size_t w, n;

	/* Chinese takes two columns a character; Vietnamese marks none. */
	CHECK(text_width("舒沙") == 4);
	CHECK(text_width("Shusha") == 6);
	CHECK(text_width("Chiến tranh") == 11);
	CHECK(text_width("Su\xcc\x9b\xcc\x89") == 2);	/* U + horn + hook */
	CHECK(text_width("") == 0);

	/* Cutting never splits a wide character... */
	n = text_fit("舒沙战役", 5, &w);
	CHECK(n == 6 && w == 4);
	/* ...nor a letter from its combining marks. */
	n = text_fit("Su\xcc\x9b\xcc\x89" "a", 2, &w);
	CHECK(n == 6 && w == 2);
	n = text_fit("abc", 10, &w);
	CHECK(n == 3 && w == 3);

	/* Escape sequences, C1 controls and bidi overrides are neutralised. */
	s = text_sanitize("a\x1b]0;owned\x07z");
	CHECK(strchr(s, 0x1b) == NULL && strchr(s, 0x07) == NULL);
	CHECK(strncmp(s, "a" TEXT_REPLACEMENT "]0;owned", 12) == 0);
	free(s);
	s = text_sanitize("x\xc2\x9b" "31m\xe2\x80\xaey");	/* CSI, RLO */
	CHECK_STR(s, "x" TEXT_REPLACEMENT "31m" TEXT_REPLACEMENT "y");
	free(s);
	s = text_sanitize("two\nlines\tand tab");
	CHECK_STR(s, "two lines and tab");
	free(s);
	CHECK(text_width("a\x1b[31m") == 6);	/* ESC shows as one cell */

	/* Folding for search: marks go, bare letters, simplified Chinese;
	 * case stays; the fields of a packed text stay apart. */
	s = text_fold("Şuşa", strlen("Şuşa"), &n);
	CHECK_STR(s, "Susa");
	free(s);
	s = text_fold("Sử Đảng ıə Xankəndi", strlen("Sử Đảng ıə Xankəndi"), &n);
	CHECK_STR(s, "Su Dang ie Xankendi");
	free(s);
	s = text_fold("亞美尼亞部隊攻佔舒沙", strlen("亞美尼亞部隊攻佔舒沙"), &n);
	CHECK_STR(s, "亚美尼亚部队攻占舒沙");
	free(s);
	s = text_fold("Шуша й\0ắ", 15, &n);
	CHECK(n == 13 && memcmp(s, "Шуша и\0a", 13) == 0);
	free(s);
	CHECK(text_has_marks("Sử") && text_has_marks("đ") &&
	    text_has_marks("Şuşa") && !text_has_marks("Susa") &&
	    !text_has_marks("亞美尼亞") && !text_has_marks("Шуша"));

	/* Validation finds the first bad byte, and NUL. */
	CHECK(text_is_valid("Şuşa", strlen("Şuşa"), &n));
	CHECK(!text_is_valid("ab\xff", 3, &n) && n == 2);
	CHECK(!text_is_valid("ab\0c", 4, &n) && n == 2);
	check_valid_random();
	UNIT_END();
}
