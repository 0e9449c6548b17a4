/* view.c: what every pane may do to the shared view state. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "view.h"

/* Puts a message on the status line (shown until the next key) and marks
 * the status line to be redrawn. */
void
view_message(struct view *v, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v->message, sizeof v->message, fmt, ap);
	va_end(ap);
	v->dirty |= VIEW_DIRTY_STATUS;
}
