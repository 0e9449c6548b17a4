/* source.c: the sources table's columns. */
#include "config.h"

#include <stddef.h>

#include "schema.h"
#include "source.h"

static const char *const source_kinds[] = { "document", "reference", NULL };

#define S(m) offsetof(struct source, m)
#define REQ (SCHEMA_REQUIRED | SCHEMA_NONEMPTY)
static const struct schema_column source_columns[] = {
	{ "id",        SCHEMA_ID,   S(id),        REQ, NULL },
	{ "kind",      SCHEMA_ENUM, S(kind),      REQ, source_kinds },
	{ "lang",      SCHEMA_TEXT, S(lang),      0, NULL },
	{ "title",     SCHEMA_TEXT, S(title),     0, NULL },
	{ "publisher", SCHEMA_TEXT, S(publisher), 0, NULL },
	{ "date",      SCHEMA_TEXT, S(date),      0, NULL },
	{ "url",       SCHEMA_TEXT, S(url),       0, NULL },
	{ "document",  SCHEMA_TEXT, S(document),  0, NULL },
	{ "section",   SCHEMA_TEXT, S(section),   0, NULL },
};
#undef S
#undef REQ

const struct schema source_schema = {
	"sources", source_columns, sizeof source_columns / sizeof source_columns[0],
	0, 0, 0
};
