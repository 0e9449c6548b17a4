/* era.c: the eras table's columns and names. */
#include "config.h"

#include <stddef.h>

#include "era.h"
#include "schema.h"

#define E(m) offsetof(struct era, m)
#define REQ (SCHEMA_REQUIRED | SCHEMA_NONEMPTY)
static const struct schema_column era_columns[] = {
	{ "id",           SCHEMA_ID,     E(id),          REQ, NULL },
	{ "parent_id",    SCHEMA_ID,     E(parent_id),   0, NULL },
	{ "start",        SCHEMA_DATE,   E(start),       REQ, NULL },
	{ "end",          SCHEMA_DATE,   E(end),         REQ, NULL },
	{ "name_en",      SCHEMA_TEXT,   E(name[LANG_EN]), REQ, NULL },
	{ "name_zh_hans", SCHEMA_TEXT,   E(name[LANG_ZH_HANS]), 0, NULL },
	{ "name_zh_hant", SCHEMA_TEXT,   E(name[LANG_ZH_HANT]), 0, NULL },
	{ "name_vi",      SCHEMA_TEXT,   E(name[LANG_VI]), 0, NULL },
	{ "source_ids",   SCHEMA_IDLIST, E(source_ids),  0, NULL },
};
#undef E
#undef REQ

const struct schema era_schema = {
	"eras", era_columns, sizeof era_columns / sizeof era_columns[0],
	0, 0, 0
};

/* Returns E's name in L or its fallback; the language used goes to *USED. */
const char *
era_name(const struct era *e, enum lang l, enum lang *used)
{
	return lang_pick(e->name, l, used);
}
