/* event.c: the events table's columns, and reading an event. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "event.h"
#include "i18n.h"
#include "schema.h"

static const char *const event_types[] = {
	NC_("event type", "battle"),
	NC_("event type", "offensive"),
	NC_("event type", "capture"),
	NC_("event type", "attack"),
	NC_("event type", "massacre"),
	NC_("event type", "pogrom"),
	NC_("event type", "ceasefire"),
	NC_("event type", "agreement"),
	NC_("event type", "treaty"),
	NC_("event type", "negotiation"),
	NC_("event type", "declaration"),
	NC_("event type", "referendum"),
	NC_("event type", "election"),
	NC_("event type", "resolution"),
	NC_("event type", "protest"),
	NC_("event type", "blockade"),
	NC_("event type", "displacement"),
	NC_("event type", "humanitarian"),
	NC_("event type", "administrative"),
	NC_("event type", "founding"),
	NC_("event type", "dissolution"),
	NC_("event type", "cultural"),
	NC_("event type", "political"),
	NC_("event type", "other"),
	NULL
};

static const char *const event_confidences[] = {
	NC_("confidence", "high"),
	NC_("confidence", "medium"),
	NC_("confidence", "low"),
	NULL
};

#define E(m) offsetof(struct event, m)
#define REQ (SCHEMA_REQUIRED | SCHEMA_NONEMPTY)
static const struct schema_column event_columns[] = {
	{ "id",              SCHEMA_ID,     E(id),          REQ, NULL },
	{ "start",           SCHEMA_DATE,   E(start),       REQ, NULL },
	{ "end",             SCHEMA_DATE,   E(end),         0, NULL },
	{ "type",            SCHEMA_ENUM,   E(type),        REQ, event_types },
	{ "era_id",          SCHEMA_ID,     E(era_id),      0, NULL },
	{ "title_en",        SCHEMA_TEXT,   E(title[LANG_EN]), REQ | SCHEMA_SEARCH, NULL },
	{ "title_zh_hans",   SCHEMA_TEXT,   E(title[LANG_ZH_HANS]), SCHEMA_SEARCH, NULL },
	{ "title_zh_hant",   SCHEMA_TEXT,   E(title[LANG_ZH_HANT]), SCHEMA_SEARCH, NULL },
	{ "title_vi",        SCHEMA_TEXT,   E(title[LANG_VI]), SCHEMA_SEARCH, NULL },
	{ "summary_en",      SCHEMA_TEXT,   E(summary[LANG_EN]), SCHEMA_SEARCH, NULL },
	{ "summary_zh_hans", SCHEMA_TEXT,   E(summary[LANG_ZH_HANS]), SCHEMA_SEARCH, NULL },
	{ "summary_zh_hant", SCHEMA_TEXT,   E(summary[LANG_ZH_HANT]), SCHEMA_SEARCH, NULL },
	{ "summary_vi",      SCHEMA_TEXT,   E(summary[LANG_VI]), SCHEMA_SEARCH, NULL },
	{ "place_ids",       SCHEMA_IDLIST, E(place_ids),   0, NULL },
	{ "actor_ids",       SCHEMA_IDLIST, E(actor_ids),   0, NULL },
	{ "source_ids",      SCHEMA_IDLIST, E(source_ids),  0, NULL },
	{ "fatalities_low",  SCHEMA_COUNT,  E(fatalities[COUNT_LOW]), 0, NULL },
	{ "fatalities_best", SCHEMA_COUNT,  E(fatalities[COUNT_BEST]), 0, NULL },
	{ "fatalities_high", SCHEMA_COUNT,  E(fatalities[COUNT_HIGH]), 0, NULL },
	{ "displaced_low",   SCHEMA_COUNT,  E(displaced[COUNT_LOW]), 0, NULL },
	{ "displaced_best",  SCHEMA_COUNT,  E(displaced[COUNT_BEST]), 0, NULL },
	{ "displaced_high",  SCHEMA_COUNT,  E(displaced[COUNT_HIGH]), 0, NULL },
	{ "confidence",      SCHEMA_ENUM,   E(confidence),  0, event_confidences },
};
#undef E
#undef REQ

const struct schema event_schema = {
	"events", event_columns, sizeof event_columns / sizeof event_columns[0],
	1, offsetof(struct event, text), offsetof(struct event, text_len)
};

/*
 * Returns E's title in L, or in the first fallback language that has one;
 * the language used goes to *USED if not NULL.
 */
const char *
event_title(const struct event *e, enum lang l, enum lang *used)
{
	return lang_pick(e->title, l, used);
}

/* Orders events by start date, then end date (open first), then id. */
int
event_cmp(const struct event *a, const struct event *b)
{
	int c = date_cmp(&a->start, &b->start);

	if (c != 0)
		return c;
	/* An event of one date before a span from the same start, as the
	 * loader's sort keys have it: an absent end is no date, not year 0
	 * (which would put it after a span ending BC). */
	if (date_is_set(&a->end) != date_is_set(&b->end))
		return date_is_set(&a->end) ? 1 : -1;
	if ((c = date_cmp(&a->end, &b->end)) != 0)
		return c;
	return strcmp(a->id, b->id);
}

/* Writes E's date for a reader of L, "START" or "START – END" (an en
 * dash), into BUF; returns the length. */
size_t
event_format_dates(char *buf, size_t size, const struct event *e,
    enum lang l)
{
	return date_format_span(buf, size, &e->start, &e->end, l);
}
