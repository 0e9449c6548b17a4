/* place.c: the places table's columns and names. */
#include "config.h"

#include <math.h>
#include <stddef.h>

#include "place.h"
#include "i18n.h"
#include "schema.h"

static const char *const place_kinds[] = {
	NC_("place kind", "country"),
	NC_("place kind", "region"),
	NC_("place kind", "district"),
	NC_("place kind", "city"),
	NC_("place kind", "town"),
	NC_("place kind", "village"),
	NC_("place kind", "river"),
	NC_("place kind", "mountain"),
	NC_("place kind", "lake"),
	NC_("place kind", "sea"),
	NC_("place kind", "corridor"),
	NC_("place kind", "pass"),
	NC_("place kind", "site"),
	NC_("place kind", "other"),
	NULL
};

#define P(m) offsetof(struct place, m)
#define REQ (SCHEMA_REQUIRED | SCHEMA_NONEMPTY)
static const struct schema_column place_columns[] = {
	{ "id",            SCHEMA_ID,     P(id),          REQ, NULL },
	{ "kind",          SCHEMA_ENUM,   P(kind),        REQ, place_kinds },
	{ "lat",           SCHEMA_REAL,   P(lat),         0, NULL },
	{ "lon",           SCHEMA_REAL,   P(lon),         0, NULL },
	{ "parent_id",     SCHEMA_ID,     P(parent_id),   0, NULL },
	{ "geonames_id",   SCHEMA_TEXT,   P(geonames_id), 0, NULL },
	{ "name_en",       SCHEMA_TEXT,   P(name[LANG_EN]), REQ | SCHEMA_SEARCH, NULL },
	{ "name_zh_hans",  SCHEMA_TEXT,   P(name[LANG_ZH_HANS]), SCHEMA_SEARCH, NULL },
	{ "name_zh_hant",  SCHEMA_TEXT,   P(name[LANG_ZH_HANT]), SCHEMA_SEARCH, NULL },
	{ "name_vi",       SCHEMA_TEXT,   P(name[LANG_VI]), SCHEMA_SEARCH, NULL },
	{ "name_hy",       SCHEMA_TEXT,   P(name_hy),     SCHEMA_SEARCH, NULL },
	{ "name_az",       SCHEMA_TEXT,   P(name_az),     SCHEMA_SEARCH, NULL },
	{ "name_ru",       SCHEMA_TEXT,   P(name_ru),     SCHEMA_SEARCH, NULL },
	{ "aliases",       SCHEMA_TEXT,   P(aliases),     SCHEMA_SEARCH, NULL },
	{ "source_ids",    SCHEMA_IDLIST, P(source_ids),  0, NULL },
	{ "coord_source",  SCHEMA_TEXT,   P(coord_source), 0, NULL },
};
#undef P
#undef REQ

const struct schema place_schema = {
	"places", place_columns, sizeof place_columns / sizeof place_columns[0],
	1, offsetof(struct place, text), offsetof(struct place, text_len)
};

/* Returns P's name in L or its fallback; the language used goes to *USED. */
const char *
place_name(const struct place *p, enum lang l, enum lang *used)
{
	return lang_pick(p->name, l, used);
}

/* Returns 1 if P has a gazetteer position. */
int
place_has_position(const struct place *p)
{
	return !isnan(p->lat) && !isnan(p->lon);
}
