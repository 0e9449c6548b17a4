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
