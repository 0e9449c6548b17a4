/* timeline.c: building the timeline model from the store. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "store.h"
#include "text.h"
#include "timeline.h"
#include "xalloc.h"

/* Writes "START" or "START – END" for E into BUF. */
static void
timeline_date(char *buf, size_t size, const struct event *e)
{
	size_t n = date_format_human(buf, size, &e->start);

	if (date_is_set(&e->end) && n + 5 < size) {
		memcpy(buf + n, " \xe2\x80\x93 ", 5);	/* en dash */
		date_format_human(buf + n + 5, size - n - 5, &e->end);
	}
}

/* Fills T with one row per event of S, in date order, for language L. */
void
timeline_build(struct timeline *t, const struct store *s, enum lang l)
{
	size_t i, w;

	t->rows = xreallocarray(NULL, s->nevents, sizeof *t->rows);
	t->n = s->nevents;
	t->lang = l;
	t->date_width = 0;
	for (i = 0; i < s->nevents; i++) {
		t->rows[i].event = &s->events[i];
		timeline_date(t->rows[i].date, sizeof t->rows[i].date,
		    &s->events[i]);
		w = text_width(t->rows[i].date);
		if (w > t->date_width)
			t->date_width = w;
	}
}

/* Frees the rows of T. */
void
timeline_free(struct timeline *t)
{
	free(t->rows);
	t->rows = NULL;
	t->n = 0;
}
