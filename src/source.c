/* source.c: the sources table's columns. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "schema.h"
#include "source.h"

/* Returns the section of S as shown: "line N", the form the data gives a
 * line of a document, in the interface's language (written into BUF of
 * SIZE bytes), any other section as it is. */
const char *
source_section(const struct source *s, char *buf, size_t size)
{
	const char *p, *n = s->section + 5;

	if (strncmp(s->section, "line ", 5) != 0 || *n == '\0')
		return s->section;
	for (p = n; *p >= '0' && *p <= '9'; p++)
		continue;
	if (*p != '\0')
		return s->section;
	snprintf(buf, size, _("line %s"), n);
	return buf;
}

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
