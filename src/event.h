/* event.h: one dated event of the atlas, as events.csv states it.
 *
 * Contract: every text member is non-NULL ("" when the file left it
 * empty); counts are -1 when not stated; 'end' has precision DATE_NONE for
 * an event of a single date. event_schema describes events.csv. */
#ifndef EVENT_H
#define EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "lang.h"

enum event_count { COUNT_LOW, COUNT_BEST, COUNT_HIGH, COUNT_N };

struct event {
	const char	*id;
	struct date	 start;
	struct date	 end;
	const char	*type;
	const char	*era_id;
	const char	*title[LANG_COUNT];
	const char	*summary[LANG_COUNT];
	const char	*place_ids;
	const char	*actor_ids;
	const char	*source_ids;
	int64_t		 fatalities[COUNT_N];
	int64_t		 displaced[COUNT_N];
	const char	*confidence;
	const char	*text;		/* titles and summaries, packed */
	size_t		 text_len;
	const char	*ftext;		/* folded extra text (fold.h), or NULL */
	size_t		 ftext_len;
	unsigned	 line;		/* where the row starts in events.csv */
};

extern const struct schema event_schema;

const char	*event_title(const struct event *, enum lang, enum lang *used);
int		 event_cmp(const struct event *, const struct event *);
size_t		 event_format_dates(char *buf, size_t size, const struct event *,
		    enum lang);

#endif
