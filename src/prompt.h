/* prompt.h: a one-line editor for the prompts of the interactive atlas
 * ("t" date, "/" search, "f" filter).
 *
 * Contract: a prompt is a plain model, no terminal: the TUI turns keys
 * into edit commands, prompt_edit() applies them and says whether the
 * line was accepted or cancelled, and prompt_view() says which part of
 * the line to show in a given width and where the cursor is. The text is
 * UTF-8; the cursor always sits between graphemes, so one Backspace
 * removes a Chinese character or a letter with its combining marks. The
 * state lives in the view, so a resize while a prompt is open keeps it. */
#ifndef PROMPT_H
#define PROMPT_H

#include <stddef.h>
#include <stdint.h>

#define PROMPT_MAX	512	/* bytes of text, NUL included */

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_DATE,		/* t */
	PROMPT_SEARCH,		/* / */
	PROMPT_FILTER		/* f */
};

enum prompt_cmd {
	PROMPT_INSERT,		/* the code point given */
	PROMPT_LEFT,
	PROMPT_RIGHT,
	PROMPT_HOME,
	PROMPT_END,
	PROMPT_BACKSPACE,
	PROMPT_DELETE,
	PROMPT_KILL_START,	/* Ctrl-U */
	PROMPT_KILL_END,	/* Ctrl-K */
	PROMPT_KILL_WORD,	/* Ctrl-W */
	PROMPT_ACCEPT,		/* Enter */
	PROMPT_CANCEL		/* Esc, Ctrl-C, Ctrl-G */
};

enum prompt_state {
	PROMPT_EDITING,
	PROMPT_ACCEPTED,
	PROMPT_CANCELLED
};

struct prompt {
	enum prompt_kind	kind;
	char			label[16];	/* "Date: ", "/", "Filter: " */
	char			text[PROMPT_MAX];
	size_t			len;
	size_t			cursor;		/* byte offset */
};

void			prompt_open(struct prompt *, enum prompt_kind,
			    const char *label, const char *initial);
enum prompt_state	prompt_edit(struct prompt *, enum prompt_cmd,
			    uint32_t cp);
size_t			prompt_view(const struct prompt *, size_t cols,
			    size_t *cursor_col);

#endif
