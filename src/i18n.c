/* i18n.c: message catalogs and the choice of language (see i18n.h). */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

/* Returns MSGID in the interface's language (MSGID itself for English or
 * a message without a translation). */
const char *
i18n_text(const char *msgid)
{
	return dgettext(PACKAGE, msgid);
}

/* Returns the form of MSGID (one) or PLURAL (many) for the number N, in
 * the interface's language. */
const char *
i18n_ntext(const char *msgid, const char *plural, unsigned long n)
{
	return dngettext(PACKAGE, msgid, plural, n);
}

/* Returns MSGID in context CTX ("place kind", "event type": see C_() in
 * i18n.h) in the interface's language, MSGID itself when it has no
 * translation. */
const char *
i18n_ptext(const char *ctx, const char *msgid)
{
	char key[256];
	const char *t;

	if (snprintf(key, sizeof key, "%s\004%s", ctx, msgid) >=
	    (int)sizeof key)
		return msgid;
	t = dgettext(PACKAGE, key);
	return t == key ? msgid : t;
}

/* Reads "lang = TAG" from the config file; returns the language, or -1
 * when there is no file or no such line. A bad tag counts as none. */
static int
i18n_config(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *path = NULL, line[256], *p, *e;
	FILE *fp;
	int l = -1;

	if (xdg != NULL && xdg[0] == '/')
		xasprintf(&path, "%s/ttyatlas/config", xdg);
	else if (home != NULL && home[0] != '\0')
		xasprintf(&path, "%s/.config/ttyatlas/config", home);
	else
		return -1;
	fp = fopen(path, "r");
	free(path);
	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof line, fp) != NULL) {
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		if (strncmp(p, "lang", 4) != 0)
			continue;
		for (p += 4; *p == ' ' || *p == '\t'; p++)
			;
		if (*p++ != '=')
			continue;
		for (; *p == ' ' || *p == '\t'; p++)
			;
		for (e = p + strlen(p); e > p && (e[-1] == '\n' ||
		    e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'); e--)
			;
		*e = '\0';
		l = lang_parse(p);
	}
	fclose(fp);
	return l;
}

/*
 * Chooses the language into *OUT: OPT (--lang) if not NULL, else the
 * config file, else the environment, else English. Returns 0, or -1 if
 * OPT names no language of ours.
 */
int
i18n_pick(const char *opt, enum lang *out)
{
	static const char *const vars[] = {
		"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"
	};
	const char *v;
	size_t i;
	int l;

	*out = LANG_EN;
	if (opt != NULL) {
		if ((l = lang_parse(opt)) == -1)
			return -1;
		*out = (enum lang)l;
		return 0;
	}
	if ((l = i18n_config()) != -1) {
		*out = (enum lang)l;
		return 0;
	}
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		v = getenv(vars[i]);
		if (v == NULL || *v == '\0')
			continue;
		l = lang_parse(v);
		*out = l == -1 ? LANG_EN : (enum lang)l;
		return 0;
	}
	return 0;
}

/* Binds the catalogs of the program's messages in LOCALEDIR, as UTF-8
 * whatever the locale's character set. */
void
i18n_init(const char *localedir)
{
	bindtextdomain(PACKAGE, localedir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
}

/* Makes L the interface's language, from now on. */
void
i18n_set(enum lang l)
{
	/* The English catalog holds only the words of the data's vocabulary
	 * that are not English as written ("armed_force"): each language
	 * falls back to it last rather than show them raw. */
	static const char *const catalogs[LANG_COUNT] = {
		[LANG_EN] = "en",
		[LANG_ZH_HANS] = "zh_CN:en",
		[LANG_ZH_HANT] = "zh_TW:zh_CN:en",
		[LANG_VI] = "vi:en",
	};
	const char *cur = setlocale(LC_MESSAGES, NULL);

	/* glibc looks at LANGUAGE only when LC_MESSAGES is not "C"; the
	 * locale the user asked for may not be installed at all. */
	if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", catalogs[l], 1);
	/* Setting the domain again tells gettext that its catalogs may have
	 * changed: it forgets the translations it has cached. */
	textdomain(PACKAGE);
}
