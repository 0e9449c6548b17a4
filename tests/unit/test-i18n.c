/* test-i18n.c: every word of the default atlas's vocabulary (kinds, types,
 * sides, stances, figure measures and units, claim fields...) has a
 * translation in Chinese (both scripts) and Vietnamese and reads as
 * English in English, with the build tree's catalogs; the open vocabulary
 * is listed for xgettext; place names follow the neutral rule. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fields.h"
#include "i18n.h"
#include "schema.h"
#include "store.h"
#include "unit.h"
#include "xalloc.h"

/* The size of a row of table K. */
static size_t
row_size(enum store_kind k)
{
	switch (k) {
	case STORE_SOURCES:	return sizeof(struct source);
	case STORE_ERAS:	return sizeof(struct era);
	case STORE_PLACES:	return sizeof(struct place);
	case STORE_ACTORS:	return sizeof(struct actor);
	case STORE_EVENTS:	return sizeof(struct event);
	case STORE_FIGURES:	return sizeof(struct figure);
	case STORE_STATEMENTS:	return sizeof(struct statement);
	case STORE_CONTROL:	return sizeof(struct control);
	case STORE_CLAIMS:	return sizeof(struct claim);
	default:		return 0;
	}
}

/* Checks each word of the vocabulary columns of S in language L: has a
 * translation (but in English), never shows an underscore. */
static void
check_vocabulary(const struct store *s, enum lang l)
{
	const struct schema *sc;
	const char *ctx, *word, *shown;
	const char *row;
	char buf[64];
	size_t k, i, c, bad = 0;

	i18n_set(l);
	for (k = 0; k < STORE_NKINDS; k++) {
		sc = store_schema((enum store_kind)k);
		for (c = 0; c < sc->ncols; c++) {
			if ((ctx = fields_context(sc, &sc->cols[c])) == NULL)
				continue;
			for (i = 0; i < s->t[k].n; i++) {
				row = (const char *)s->t[k].rows + i *
				    row_size((enum store_kind)k);
				word = schema_field_text(&sc->cols[c], row, buf,
				    sizeof buf);
				if (*word == '\0')
					continue;
				shown = C_(ctx, word);
				/* C_() gives the word itself when it has no
				 * translation, and English needs none but
				 * for the words with an underscore. */
				if ((l != LANG_EN && shown == word) ||
				    strchr(shown, '_') != NULL) {
					if (bad++ < 20)
						fprintf(stderr, "%s: %s \"%s\" "
						    "shows as \"%s\"\n",
						    lang_tag(l), ctx, word,
						    shown);
				}
			}
		}
	}
	CHECK(bad == 0);
}

/* Checks that every word of the open vocabulary in S is listed in
 * fields.c, so that xgettext puts it in the catalogs. */
static void
check_listed(const struct store *s)
{
	static const struct {
		enum store_kind	 k;
		const char	*column, *context;
	} open[] = {
		{ STORE_FIGURES, "measure", "figure measure" },
		{ STORE_FIGURES, "unit", "figure unit" },
		{ STORE_CLAIMS, "field", "claim field" },
		{ STORE_CONTROL, "kind", "control kind" },
		{ STORE_SOURCES, "kind", "source kind" },
	};
	const struct schema *sc;
	const char *const *words, *word;
	const char *row;
	char buf[64];
	size_t o, c, i, j, missing = 0;

	for (o = 0; o < sizeof open / sizeof open[0]; o++) {
		sc = store_schema(open[o].k);
		words = fields_vocabulary(open[o].context);
		CHECK(words != NULL);
		for (c = 0; c < sc->ncols; c++)
			if (strcmp(sc->cols[c].name, open[o].column) == 0)
				break;
		CHECK(c < sc->ncols);
		if (words == NULL || c == sc->ncols)
			continue;
		for (i = 0; i < s->t[open[o].k].n; i++) {
			row = (const char *)s->t[open[o].k].rows + i *
			    row_size(open[o].k);
			word = schema_field_text(&sc->cols[c], row, buf,
			    sizeof buf);
			for (j = 0; words[j] != NULL; j++)
				if (strcmp(words[j], word) == 0)
					break;
			if (*word != '\0' && words[j] == NULL &&
			    missing++ < 20)
				fprintf(stderr, "%s \"%s\" is not listed in "
				    "fields.c\n", open[o].context, word);
		}
	}
	CHECK(missing == 0);
	CHECK(fields_vocabulary("no such context") == NULL);
}

/* The neutral rule of place names (place.h). */
static void
check_place_names(void)
{
	struct place p;
	char buf[128], small[24];
	enum lang used;

	memset(&p, 0, sizeof p);
	p.name[LANG_EN] = "Stepanakert";
	p.name[LANG_ZH_HANS] = "斯捷潘纳克特";
	p.name[LANG_ZH_HANT] = "";
	p.name[LANG_VI] = "Stepanakert";
	p.name_hy = "Ստեփանակերտ";
	p.name_az = "Xankəndi";
	p.name_ru = "Степанакерт";
	place_name_format(buf, sizeof buf, &p, LANG_EN, PLACE_NAMES_LANG,
	    &used);
	CHECK_STR(buf, "Stepanakert");
	place_name_format(buf, sizeof buf, &p, LANG_EN, PLACE_NAMES_BOTH,
	    &used);
	CHECK_STR(buf, "Stepanakert / Ստեփանակերտ / Xankəndi");
	place_name_format(buf, sizeof buf, &p, LANG_ZH_HANT, PLACE_NAMES_ALL,
	    &used);
	CHECK_STR(buf, "斯捷潘纳克特 / Ստեփանակերտ / Xankəndi / Степанакерт");
	CHECK(used == LANG_ZH_HANS);
	/* A form that does not fit is left out whole. */
	place_name_format(small, sizeof small, &p, LANG_EN, PLACE_NAMES_ALL,
	    NULL);
	CHECK_STR(small, "Stepanakert");
	/* One side's form alone is never shown. */
	p.name_az = "";
	place_name_format(buf, sizeof buf, &p, LANG_EN, PLACE_NAMES_BOTH,
	    NULL);
	CHECK_STR(buf, "Stepanakert");
	place_name_format(buf, sizeof buf, &p, LANG_EN, PLACE_NAMES_ALL,
	    NULL);
	CHECK_STR(buf, "Stepanakert / Степанакерт");
	/* A form the name already says is not repeated. */
	p.name[LANG_EN] = "Sos";
	p.name_hy = "Սոս";
	p.name_az = "Sos";
	p.name_ru = "Сос";
	place_name_format(buf, sizeof buf, &p, LANG_EN, PLACE_NAMES_ALL,
	    NULL);
	CHECK_STR(buf, "Sos / Սոս / Сос");
	CHECK(place_names_parse("lang") == PLACE_NAMES_LANG);
	CHECK(place_names_parse("both") == PLACE_NAMES_BOTH);
	CHECK(place_names_parse("all") == PLACE_NAMES_ALL);
	CHECK(place_names_parse("local") == -1);
	CHECK_STR(place_names_tag(PLACE_NAMES_BOTH), "both");
}

int
main(void)
{
	struct store s;
	struct diag d;
	char *dir;
	int l;

	check_place_names();
	i18n_init(TTYATLAS_BUILDDIR "/locale");
	xasprintf(&dir, "%s/data", getenv("SRCDIR") ? getenv("SRCDIR") : ".");
	diag_init(&d);
	CHECK(store_load(&s, dir, &d) == 0);
	diag_fini(&d);
	free(dir);
	check_listed(&s);
	for (l = 0; l < LANG_COUNT; l++)
		check_vocabulary(&s, (enum lang)l);
	/* The catalogs really are read: a known word in each language. */
	i18n_set(LANG_VI);
	CHECK_STR(C_("actor kind", "armed_force"), "lực lượng vũ trang");
	i18n_set(LANG_ZH_HANT);
	CHECK_STR(C_("figure measure", "killed_azerbaijanis"),
	    "亞塞拜然人死亡");
	i18n_set(LANG_EN);
	CHECK_STR(C_("figure measure", "killed_azerbaijanis"),
	    "Azerbaijanis killed");
	CHECK_STR(_("Armenian name:"), "Armenian name:");
	store_free(&s);
	UNIT_END();
}
