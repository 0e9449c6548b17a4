/* place.c: the places table's columns and names. */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

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

/* Appends " / FORM" for each of the N FORMS to BUF (holding *LEN bytes
 * of SIZE), but for an empty one or one already in SHOWN (*NSHOWN of
 * them); all of them or, if they do not fit whole, none. */
static void
place_name_add(char *buf, size_t size, size_t *len, const char *const *forms,
    size_t n, const char **shown, size_t *nshown)
{
	const char *add[2];
	size_t i, j, k = 0, need = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < *nshown; j++)
			if (strcmp(shown[j], forms[i]) == 0)
				break;
		if (forms[i][0] == '\0' || j < *nshown)
			continue;
		shown[(*nshown)++] = add[k++] = forms[i];
		need += 3 + strlen(forms[i]);
	}
	if (*len + need >= size)
		return;
	for (i = 0; i < k; i++) {
		memcpy(buf + *len, " / ", 3);
		memcpy(buf + *len + 3, add[i], strlen(add[i]) + 1);
		*len += 3 + strlen(add[i]);
	}
}

/*
 * Writes P's name in L (or its fallback, whose language goes to *USED)
 * into BUF of SIZE bytes, followed by the local forms NAMES asks for (see
 * place.h). Returns the length written; a form that does not fit is left
 * out whole, never cut, and both sides' forms fit together or are left
 * out together.
 */
size_t
place_name_format(char *buf, size_t size, const struct place *p, enum lang l,
    enum place_names names, enum lang *used)
{
	const char *shown[4], *sides[2];
	size_t len, n = 0;

	if (size == 0)
		return 0;
	shown[n++] = place_name(p, l, used);
	len = strlen(shown[0]);
	if (len >= size)
		len = 0;	/* too long for BUF: none rather than a cut */
	memcpy(buf, shown[0], len);
	buf[len] = '\0';
	/* Both sides' forms together or neither. */
	if (names != PLACE_NAMES_LANG && p->name_hy[0] != '\0' &&
	    p->name_az[0] != '\0') {
		sides[0] = p->name_hy;
		sides[1] = p->name_az;
		place_name_add(buf, size, &len, sides, 2, shown, &n);
	}
	if (names == PLACE_NAMES_ALL)
		place_name_add(buf, size, &len, &p->name_ru, 1, shown, &n);
	return len;
}

static const char *const place_names_tags[PLACE_NAMES_COUNT] = {
	[PLACE_NAMES_LANG] = "lang",
	[PLACE_NAMES_BOTH] = "both",
	[PLACE_NAMES_ALL] = "all",
};

/* Returns the way of naming places called S ("lang", "both", "all"), or
 * -1 if S names none. */
int
place_names_parse(const char *s)
{
	int i;

	for (i = 0; i < PLACE_NAMES_COUNT; i++)
		if (strcmp(s, place_names_tags[i]) == 0)
			return i;
	return -1;
}

/* Returns the word --names takes for NAMES. */
const char *
place_names_tag(enum place_names names)
{
	return place_names_tags[names];
}

/* Returns 1 if P has a gazetteer position. */
int
place_has_position(const struct place *p)
{
	return !isnan(p->lat) && !isnan(p->lon);
}
