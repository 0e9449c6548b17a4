/* evidence.c: the columns of figures, statements and claims. */
#include "config.h"

#include <stddef.h>

#include "evidence.h"
#include "i18n.h"
#include "schema.h"

#define REQ (SCHEMA_REQUIRED | SCHEMA_NONEMPTY)

#define F(m) offsetof(struct figure, m)
static const struct schema_column figure_columns[] = {
	{ "id",         SCHEMA_ID,     F(id),         REQ, NULL },
	{ "subject_id", SCHEMA_ID,     F(subject_id), REQ, NULL },
	{ "measure",    SCHEMA_ID,     F(measure),    REQ, NULL },
	{ "low",        SCHEMA_REAL,   F(low),        0, NULL },
	{ "best",       SCHEMA_REAL,   F(best),       0, NULL },
	{ "high",       SCHEMA_REAL,   F(high),       0, NULL },
	{ "unit",       SCHEMA_TEXT,   F(unit),       0, NULL },
	{ "as_of",      SCHEMA_DATE,   F(as_of),      0, NULL },
	{ "source_ids", SCHEMA_IDLIST, F(source_ids), REQ, NULL },
	{ "note",       SCHEMA_TEXT,   F(note),       0, NULL },
};
#undef F

const struct schema figure_schema = {
	"figures", figure_columns,
	sizeof figure_columns / sizeof figure_columns[0],
	0, 0, 0
};

static const char *const statement_stances[] = {
	NC_("stance", "support_azerbaijan"),
	NC_("stance", "support_armenia"),
	NC_("stance", "neutral"),
	NC_("stance", "call_for_peace"),
	NC_("stance", "condemnation"),
	NC_("stance", "concern"),
	NC_("stance", "other"),
	NULL
};

#define S(m) offsetof(struct statement, m)
static const struct schema_column statement_columns[] = {
	{ "id",              SCHEMA_ID,     S(id),         REQ, NULL },
	{ "date",            SCHEMA_DATE,   S(date),       0, NULL },
	{ "actor_id",        SCHEMA_ID,     S(actor_id),   REQ, NULL },
	{ "event_id",        SCHEMA_ID,     S(event_id),   0, NULL },
	{ "stance",          SCHEMA_ENUM,   S(stance),     0, statement_stances },
	{ "summary_en",      SCHEMA_TEXT,   S(summary[LANG_EN]), REQ, NULL },
	{ "summary_zh_hans", SCHEMA_TEXT,   S(summary[LANG_ZH_HANS]), 0, NULL },
	{ "summary_zh_hant", SCHEMA_TEXT,   S(summary[LANG_ZH_HANT]), 0, NULL },
	{ "summary_vi",      SCHEMA_TEXT,   S(summary[LANG_VI]), 0, NULL },
	{ "source_ids",      SCHEMA_IDLIST, S(source_ids), REQ, NULL },
};
#undef S

const struct schema statement_schema = {
	"statements", statement_columns,
	sizeof statement_columns / sizeof statement_columns[0],
	0, 0, 0
};

#define C(m) offsetof(struct claim, m)
static const struct schema_column claim_columns[] = {
	{ "id",         SCHEMA_ID,     C(id),         REQ, NULL },
	{ "subject_id", SCHEMA_ID,     C(subject_id), REQ, NULL },
	{ "field",      SCHEMA_TEXT,   C(field),      REQ, NULL },
	{ "value",      SCHEMA_TEXT,   C(value),      REQ, NULL },
	{ "source_ids", SCHEMA_IDLIST, C(source_ids), REQ, NULL },
	{ "note",       SCHEMA_TEXT,   C(note),       0, NULL },
};
#undef C
#undef REQ

const struct schema claim_schema = {
	"claims", claim_columns, sizeof claim_columns / sizeof claim_columns[0],
	0, 0, 0
};
