/* screen-text.c: the one way data text reaches a curses window. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "screen-text.h"
#include "text.h"
#include "xalloc.h"

/* Writes S at the cursor of W, safe and cut to COLS columns, padded with
 * spaces to COLS if PAD. Returns the columns used. */
size_t
screen_text_put(WINDOW *w, const char *s, size_t cols, int pad)
{
	return screen_text_put_match(w, s, cols, pad, NULL, 0, 0);
}

/*
 * As screen_text_put(), and the parts of S that RE matches (if RE is not
 * NULL) are drawn with attributes HL, the rest with BASE (with RE NULL the
 * window's attributes are left alone). The match runs on the text made
 * safe, which is what the user sees. Returns the columns used.
 */
size_t
screen_text_put_match(WINDOW *w, const char *s, size_t cols, int pad,
    const struct regex *re, attr_t base, attr_t hl)
{
	char small[1024], *buf = small;
	size_t len = strlen(s), size = len * 3 + 1, fit, used, at = 0;
	size_t ms, me;

	if (size > sizeof small)
		buf = xmalloc(size);
	text_sanitize_into(buf, size, s, len);
	fit = text_fit(buf, cols, &used);
	if (re != NULL) {
		len = strlen(buf);
		while (at < fit && regex_find(re, buf, len, at, &ms, &me) ==
		    REGEX_MATCH && ms < fit) {
			if (me == ms) {		/* an empty match: step on */
				me = text_grapheme_next(buf, len, ms);
				waddnstr(w, buf + at, (int)(me - at));
				at = me;
				continue;
			}
			if (me > fit)
				me = fit;
			waddnstr(w, buf + at, (int)(ms - at));
			wattrset(w, hl);
			waddnstr(w, buf + ms, (int)(me - ms));
			wattrset(w, base);
			at = me;
		}
	}
	if (fit > at)
		waddnstr(w, buf + at, (int)(fit - at));
	for (; pad && used < cols; used++)
		waddch(w, ' ');
	if (buf != small)
		free(buf);
	return used;
}
