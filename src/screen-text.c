/* screen-text.c: the one way data text reaches a curses window. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "screen-text.h"
#include "text.h"
#include "xalloc.h"

/* Writes S at the cursor of W, safe and cut to COLS columns, padded with
 * spaces to COLS if PAD. Returns the columns used. */
size_t
screen_text_put(WINDOW *w, const char *s, size_t cols, int pad)
{
	char small[1024], *buf = small;
	size_t len = strlen(s), size = len * 3 + 1, fit, used;

	if (size > sizeof small)
		buf = xmalloc(size);
	text_sanitize_into(buf, size, s, len);
	fit = text_fit(buf, cols, &used);
	waddnstr(w, buf, (int)fit);
	for (; pad && used < cols; used++)
		waddch(w, ' ');
	if (buf != small)
		free(buf);
	return used;
}
