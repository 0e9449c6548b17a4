/* actor.c: the actors table's columns and names. */
#include "config.h"

#include <stddef.h>

#include "actor.h"
#include "i18n.h"
#include "schema.h"

static const char *const actor_kinds[] = {
	NC_("actor kind", "state"),
	NC_("actor kind", "government"),
	NC_("actor kind", "armed_force"),
	NC_("actor kind", "unit"),
	NC_("actor kind", "organisation"),
	NC_("actor kind", "person"),
	NC_("actor kind", "group"),
	NULL
};

static const char *const actor_sides[] = {
	NC_("actor side", "armenian"),
	NC_("actor side", "azerbaijani"),
	NC_("actor side", "mediator"),
	NC_("actor side", "third_party"),
	NC_("actor side", "neutral"),
	NULL
};

#define A(m) offsetof(struct actor, m)
#define REQ (SCHEMA_REQUIRED | SCHEMA_NONEMPTY)
static const struct schema_column actor_columns[] = {
	{ "id",           SCHEMA_ID,     A(id),          REQ, NULL },
	{ "kind",         SCHEMA_ENUM,   A(kind),        REQ, actor_kinds },
	{ "side",         SCHEMA_ENUM,   A(side),        0, actor_sides },
	{ "parent_id",    SCHEMA_ID,     A(parent_id),   0, NULL },
	{ "start",        SCHEMA_DATE,   A(start),       0, NULL },
	{ "end",          SCHEMA_DATE,   A(end),         0, NULL },
	{ "name_en",      SCHEMA_TEXT,   A(name[LANG_EN]), REQ | SCHEMA_SEARCH, NULL },
	{ "name_zh_hans", SCHEMA_TEXT,   A(name[LANG_ZH_HANS]), SCHEMA_SEARCH, NULL },
	{ "name_zh_hant", SCHEMA_TEXT,   A(name[LANG_ZH_HANT]), SCHEMA_SEARCH, NULL },
	{ "name_vi",      SCHEMA_TEXT,   A(name[LANG_VI]), SCHEMA_SEARCH, NULL },
	{ "name_native",  SCHEMA_TEXT,   A(name_native), SCHEMA_SEARCH, NULL },
	{ "aliases",      SCHEMA_TEXT,   A(aliases),     SCHEMA_SEARCH, NULL },
	{ "source_ids",   SCHEMA_IDLIST, A(source_ids),  0, NULL },
};
#undef A
#undef REQ

const struct schema actor_schema = {
	"actors", actor_columns, sizeof actor_columns / sizeof actor_columns[0],
	1, offsetof(struct actor, text), offsetof(struct actor, text_len)
};

/* Returns A's name in L or its fallback; the language used goes to *USED. */
const char *
actor_name(const struct actor *a, enum lang l, enum lang *used)
{
	return lang_pick(a->name, l, used);
}
