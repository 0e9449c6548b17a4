/* lang.c: language tags and their fallbacks. */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "lang.h"

static const struct {
	const char	*tag;		/* BCP 47 */
	const char	*suffix;	/* column name suffix in the CSV files */
	enum lang	 fallback;
} lang_table[LANG_COUNT] = {
	[LANG_EN] =	 { "en",      "en",      LANG_EN },
	[LANG_ZH_HANS] = { "zh-Hans", "zh_hans", LANG_EN },
	[LANG_ZH_HANT] = { "zh-Hant", "zh_hant", LANG_ZH_HANS },
	[LANG_VI] =	 { "vi",      "vi",      LANG_EN },
};

/* Returns the language for TAG ("zh-Hans", "zh_TW", "vi_VN.UTF-8", ...), or
 * -1 if it names none of ours. */
int
lang_parse(const char *tag)
{
	static const struct {
		const char	*prefix;
		enum lang	 lang;
	} aliases[] = {
		{ "zh-hant", LANG_ZH_HANT }, { "zh_hant", LANG_ZH_HANT },
		{ "zh-tw", LANG_ZH_HANT }, { "zh_tw", LANG_ZH_HANT },
		{ "zh-hk", LANG_ZH_HANT }, { "zh_hk", LANG_ZH_HANT },
		{ "zh-mo", LANG_ZH_HANT }, { "zh_mo", LANG_ZH_HANT },
		{ "zh", LANG_ZH_HANS },
		{ "vi", LANG_VI },
		{ "en", LANG_EN },
	};
	size_t i;

	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strncasecmp(tag, aliases[i].prefix,
		    strlen(aliases[i].prefix)) == 0)
			return aliases[i].lang;
	return -1;
}

/* Returns the BCP 47 tag of L. */
const char *
lang_tag(enum lang l)
{
	return lang_table[l].tag;
}

/* Returns the suffix of L's columns ("title_zh_hans"). */
const char *
lang_suffix(enum lang l)
{
	return lang_table[l].suffix;
}

/* Returns the language to try when L has no text (English for English). */
enum lang
lang_fallback(enum lang l)
{
	return lang_table[l].fallback;
}

/*
 * Returns the text of TEXTS (one per language, "" where missing) in L, or
 * in the first fallback that has one; the language used goes to *USED.
 */
const char *
lang_pick(const char *const texts[LANG_COUNT], enum lang l, enum lang *used)
{
	while (texts[l][0] == '\0' && l != LANG_EN)
		l = lang_fallback(l);
	if (used != NULL)
		*used = l;
	return texts[l];
}

/*
 * Returns the marker shown before a text that was wanted in WANT but came
 * in USED ("[en] ", "[zh-Hans] "), or "" when no fallback was needed.
 */
const char *
lang_mark(enum lang want, enum lang used)
{
	static const char *const marks[LANG_COUNT] = {
		[LANG_EN] = "[en] ",
		[LANG_ZH_HANS] = "[zh-Hans] ",
		[LANG_ZH_HANT] = "[zh-Hant] ",
		[LANG_VI] = "[vi] ",
	};

	return want == used ? "" : marks[used];
}
