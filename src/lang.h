/* lang.h: the languages the atlas's data is written in.
 *
 * Contract: LANG_EN is always present in the data and is the last
 * fallback; lang_parse() accepts the BCP 47 tags users type. */
#ifndef LANG_H
#define LANG_H

enum lang {
	LANG_EN,
	LANG_ZH_HANS,
	LANG_ZH_HANT,
	LANG_VI,
	LANG_COUNT
};

int		 lang_parse(const char *tag);
const char	*lang_tag(enum lang);
const char	*lang_suffix(enum lang);
enum lang	 lang_fallback(enum lang);
const char	*lang_pick(const char *const texts[LANG_COUNT], enum lang,
		     enum lang *used);
const char	*lang_mark(enum lang want, enum lang used);

#endif
