/* test-text.c: widths in terminal columns, safe text, truncation. */
#include "config.h"

#include <stdlib.h>

#include "text.h"
#include "unit.h"

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
	UNIT_END();
}
