/* prompt.c: the line editor behind the t, / and f prompts. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "prompt.h"
#include "text.h"

/* Opens P as a prompt of KIND showing LABEL, with INITIAL text (or none)
 * and the cursor at its end. */
void
prompt_open(struct prompt *p, enum prompt_kind kind, const char *label,
    const char *initial)
{
	memset(p, 0, sizeof *p);
	p->kind = kind;
	snprintf(p->label, sizeof p->label, "%s", label);
	if (initial != NULL)
		snprintf(p->text, sizeof p->text, "%s", initial);
	p->len = p->cursor = strlen(p->text);
}

static void
prompt_cut(struct prompt *p, size_t from, size_t to)
{
	memmove(p->text + from, p->text + to, p->len - to + 1);
	p->len -= to - from;
	p->cursor = from;
}

/*
 * Applies CMD (with code point CP for PROMPT_INSERT) to P. Returns
 * PROMPT_ACCEPTED or PROMPT_CANCELLED when the line is done, else
 * PROMPT_EDITING. Text that would not fit, and control or unsafe code
 * points, are ignored.
 */
enum prompt_state
prompt_edit(struct prompt *p, enum prompt_cmd cmd, uint32_t cp)
{
	char buf[4];
	size_t n, at;

	switch (cmd) {
	case PROMPT_INSERT:
		if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000) ||
		    text_cp_is_unsafe(cp))
			break;
		n = text_encode(buf, cp);
		if (p->len + n >= sizeof p->text)
			break;
		memmove(p->text + p->cursor + n, p->text + p->cursor,
		    p->len - p->cursor + 1);
		memcpy(p->text + p->cursor, buf, n);
		p->len += n;
		/* A combining mark joins the grapheme before the cursor. */
		p->cursor += n;
		break;
	case PROMPT_LEFT:
		p->cursor = text_grapheme_prev(p->text, p->cursor);
		break;
	case PROMPT_RIGHT:
		p->cursor = text_grapheme_next(p->text, p->len, p->cursor);
		break;
	case PROMPT_HOME:
		p->cursor = 0;
		break;
	case PROMPT_END:
		p->cursor = p->len;
		break;
	case PROMPT_BACKSPACE:
		if (p->cursor > 0)
			prompt_cut(p, text_grapheme_prev(p->text, p->cursor),
			    p->cursor);
		break;
	case PROMPT_DELETE:
		if (p->cursor < p->len)
			prompt_cut(p, p->cursor, text_grapheme_next(p->text,
			    p->len, p->cursor));
		break;
	case PROMPT_KILL_START:
		prompt_cut(p, 0, p->cursor);
		break;
	case PROMPT_KILL_END:
		p->text[p->cursor] = '\0';
		p->len = p->cursor;
		break;
	case PROMPT_KILL_WORD:
		at = p->cursor;
		while (at > 0 && p->text[at - 1] == ' ')
			at--;
		while (at > 0 && p->text[at - 1] != ' ')
			at = text_grapheme_prev(p->text, at);
		prompt_cut(p, at, p->cursor);
		break;
	case PROMPT_ACCEPT:
		return PROMPT_ACCEPTED;
	case PROMPT_CANCEL:
		return PROMPT_CANCELLED;
	}
	return PROMPT_EDITING;
}

/*
 * Returns the byte offset in P's text from which to show it in COLS
 * columns (after the label) so the cursor stays visible, with a column
 * to spare for it at the end; the cursor's column from there goes to
 * *CURSOR_COL.
 */
size_t
prompt_view(const struct prompt *p, size_t cols, size_t *cursor_col)
{
	size_t skip = 0;

	if (cols == 0)
		cols = 1;
	while (skip < p->cursor &&
	    text_columns(p->text + skip, p->cursor - skip) >= cols)
		skip = text_grapheme_next(p->text, p->len, skip);
	*cursor_col = text_columns(p->text + skip, p->cursor - skip);
	return skip;
}
