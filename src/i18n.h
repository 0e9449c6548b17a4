/* i18n.h: the interface's language (GNU gettext) and the data's.
 *
 * Contract: i18n_pick() chooses the language: --lang, else the config
 * file ($XDG_CONFIG_HOME/ttyatlas/config, a line "lang = zh-Hans"), else
 * LANGUAGE, LC_ALL, LC_MESSAGES and LANG, else English. i18n_init() binds
 * the message catalogs in LOCALEDIR and i18n_set() makes one language the
 * interface's, at start and at run time. It works where the only locale
 * installed is C.UTF-8: glibc ignores LANGUAGE while LC_MESSAGES is "C",
 * so LC_MESSAGES becomes C.UTF-8 and the language goes through LANGUAGE.
 * _() translates a message, N_() marks one translated later. C_() and
 * NC_() do the same for a word of the data's vocabulary (a place kind, an
 * event type) in a context, as pgettext does: "other" is not the same
 * word everywhere. The words that are not English as written
 * ("armed_force") have an English catalog of their own (po/en.po: "armed
 * force"), which every language falls back to last. Only i18n.c includes
 * libintl.h. */
#ifndef I18N_H
#define I18N_H

#include "lang.h"

#define _(s)	i18n_text(s)
#define N_(s)	(s)
#define C_(c, s)	i18n_ptext(c, s)
#define NC_(c, s)	(s)

const char	*i18n_text(const char *msgid) __attribute__((format_arg(1)));
const char	*i18n_ntext(const char *msgid, const char *plural,
		     unsigned long n)
		     __attribute__((format_arg(1), format_arg(2)));
const char	*i18n_ptext(const char *ctx, const char *msgid)
		     __attribute__((format_arg(2)));
int		 i18n_pick(const char *opt, enum lang *out);
void		 i18n_init(const char *localedir);
void		 i18n_set(enum lang);

#endif
