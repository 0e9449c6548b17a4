/* timeline.h: the list of rows that the timeline shows.
 *
 * Contract: a timeline is a plain model built from the store: each row is
 * an event with its date already written for a reader. The CLI prints it
 * and the TUI draws it; neither formats dates on its own. Rows point into
 * the store, which must outlive the timeline. */
#ifndef TIMELINE_H
#define TIMELINE_H

#include <stddef.h>

#include "lang.h"

struct event;
struct store;

struct timeline_row {
	const struct event	*event;
	char			 date[48];	/* "1992-05-08", "c. 1805", ... */
};

struct timeline {
	struct timeline_row	*rows;
	size_t			 n;
	size_t			 date_width;	/* widest date, in columns */
	enum lang		 lang;
};

void	timeline_build(struct timeline *, const struct store *, enum lang);
void	timeline_free(struct timeline *);

#endif
