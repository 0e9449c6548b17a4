/* control.c: the control table's columns. */
#include "config.h"

#include <stddef.h>

#include "control.h"
#include "schema.h"

static const char *const control_kinds[] = { "de_facto", "de_jure", NULL };
static const char *const control_confidences[] = {
	"high", "medium", "low", NULL
};

#define C(m) offsetof(struct control, m)
#define REQ (SCHEMA_REQUIRED | SCHEMA_NONEMPTY)
static const struct schema_column control_columns[] = {
	{ "id",             SCHEMA_ID,     C(id),             REQ, NULL },
	{ "area_id",        SCHEMA_ID,     C(area_id),        REQ, NULL },
	{ "controller_id",  SCHEMA_ID,     C(controller_id),  REQ, NULL },
	{ "kind",           SCHEMA_ENUM,   C(kind),           REQ, control_kinds },
	{ "start",          SCHEMA_DATE,   C(start),          0, NULL },
	{ "end",            SCHEMA_DATE,   C(end),            0, NULL },
	{ "cause_event_id", SCHEMA_ID,     C(cause_event_id), 0, NULL },
	{ "confidence",     SCHEMA_ENUM,   C(confidence),     0, control_confidences },
	{ "source_ids",     SCHEMA_IDLIST, C(source_ids),     0, NULL },
	{ "note",           SCHEMA_TEXT,   C(note),           0, NULL },
};
#undef C
#undef REQ

const struct schema control_schema = {
	"control", control_columns,
	sizeof control_columns / sizeof control_columns[0],
	0, 0, 0
};
