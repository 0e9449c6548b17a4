/* main.c: the ttyatlas command: options, data directory, dispatch. */
#include "config.h"

#include <sys/resource.h>

#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "cmd.h"
#include "diag.h"
#include "i18n.h"
#include "place.h"
#include "store.h"
#include "text.h"
#include "tui.h"
#include "xalloc.h"

/*
 * The usage, one message per line or paragraph so that a new option leaves
 * the rest translated. NULL stands for the list of commands; blank lines
 * are not messages.
 */
static const char *const main_usage[] = {
	N_("usage: ttyatlas [options] [command]\n"),
	"\n",
	N_("Explore the history of a conflict in the terminal: a timeline of events\n"
	"read from a data directory. With no command, on a terminal, opens the\n"
	"interactive atlas.\n"),
	"\n",
	N_("Commands:\n"),
	NULL,
	"\n",
	N_("A QUERY after events or timeline selects events, for example\n"
	"  ttyatlas events 1992-05..1993 place:shusha type:capture /siege|capture/\n"
	"(see ttyatlas(1)); after places, actors, eras or sources it is a regex.\n"),
	"\n",
	N_("Options:\n"),
	N_("  --data DIR       read the atlas from DIR instead of the default data\n"),
	N_("  --lang LANG      en, zh-Hans, zh-Hant or vi\n"),
	N_("  --format FORMAT  text (default), csv, tsv or json\n"),
	N_("  --from DATE      events on or after DATE (1992, 1992-05, -0179 for BC)\n"),
	N_("  --to DATE        events on or before DATE\n"),
	N_("  --place PLACE    events at PLACE or inside it (an id or any name)\n"),
	N_("  --actor ACTOR    events of ACTOR or any unit or person under it\n"),
	N_("  --type TYPE      events of TYPE (battle, capture, treaty, ...)\n"),
	N_("  --grep REGEX     events whose text matches REGEX\n"),
	N_("  --by UNIT        timeline: month, year (default), decade or century\n"),
	N_("  --names WHICH    place names: lang (in the language only, the default),\n"
	"                   both (and both sides' local forms, Armenian and\n"
	"                   Azerbaijani), all (and the Russian form too)\n"),
	N_("  --no-mouse       interactive atlas: leave the mouse to the terminal\n"),
	N_("  --cache, --no-cache  always or never keep the loaded data in a cache\n"
	"                   file (default: for data of 16 MiB or more; also\n"
	"                   TTYATLAS_CACHE=on|off|auto)\n"),
	N_("  --secure         kiosk mode for a shared server (also TTYATLAS_SECURE):\n"
	"                   no suspend, no --data, bounded memory, idle timeout\n"),
	N_("  --idle-timeout MIN  interactive atlas: quit after MIN minutes without a\n"
	"                   key (0: never; 15 with --secure)\n"),
	N_("  -h, --help       show this help and exit\n"),
	N_("  -V, --version    show the version and exit\n"),
	"\n",
	N_("Keys in the interactive atlas: j/k or arrows move, PgUp/PgDn page,\n"
	"g/G first/last, q quits. See ttyatlas(1).\n"),
	"\n",
	N_("Exit status: 0 results, 1 no results, 2 usage error, 65 data error.\n"),
};

/* Appends PREFIX, VALUE quoted with QUOTE, as one more term of *QUERY. */
static void
main_term(char **query, const char *prefix, const char *value,
    const char *quote)
{
	char *next, *q, *o;
	const char *p;

	/* A '/' or '"' inside the value must not end it early. */
	q = o = xmalloc(strlen(value) * 2 + 1);
	for (p = value; *p != '\0'; p++) {
		if (*quote != '\0' && *p == *quote && *quote == '/')
			*o++ = '\\';
		*o++ = *p;
	}
	*o = '\0';
	xasprintf(&next, "%s%s%s%s%s%s", *query, **query ? " " : "", prefix,
	    strcmp(quote, "/") == 0 ? "" : quote, q, quote);
	free(q);
	free(*query);
	*query = next;
}

static void
main_help(void)
{
	const struct cmd_entry *c;
	char *list = NULL, *next;
	size_t i;

	for (i = 0; (c = cmd_at(i)) != NULL; i++) {
		xasprintf(&next, "%s  %-15s  %s\n", list ? list : "", c->name,
		    _(c->help));
		free(list);
		list = next;
	}
	for (i = 0; i < sizeof main_usage / sizeof main_usage[0]; i++) {
		if (main_usage[i] == NULL)
			fputs(list ? list : "", stdout);
		else if (strcmp(main_usage[i], "\n") == 0)
			fputs("\n", stdout);
		else
			fputs(_(main_usage[i]), stdout);
	}
	free(list);
}

/*
 * Makes sure the character type is UTF-8 so wide characters are drawn and
 * measured right even where the environment names the C locale or a locale
 * that is not installed; C.UTF-8 is always there on Debian.
 */
static void
main_locale(void)
{
	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

/*
 * Returns the language (--lang OPT, the config file, the environment: see
 * i18n.h) and makes it the interface's, with the catalogs of the build
 * tree when this binary runs from there. Exits on an unknown --lang.
 */
static enum lang
main_lang(const char *opt)
{
	char exe[PATH_MAX];
	enum lang l;
	ssize_t n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = '\0';
	if (strcmp(exe, TTYATLAS_BUILDDIR "/src/ttyatlas") == 0)
		i18n_init(TTYATLAS_BUILDDIR "/locale");
	else
		i18n_init(LOCALEDIR);
	if (i18n_pick(opt, &l) != 0) {
		fprintf(stderr, _("ttyatlas: unknown language '%s' (use en, "
		    "zh-Hans, zh-Hant or vi)\n"), opt);
		exit(CMD_USAGE);
	}
	i18n_set(l);
	return l;
}

/*
 * Returns the data directory: --data if given; the source tree's data/
 * when this binary runs from the build tree (it is not the installed one);
 * the installed data otherwise.
 */
static const char *
main_data_dir(const char *opt)
{
	static char srcdata[PATH_MAX];
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;

	if (opt != NULL)
		return opt;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		snprintf(srcdata, sizeof srcdata, "%s/data/events.csv",
		    TTYATLAS_SRCDIR);
		if (strcmp(exe, TTYATLAS_BINDIR) != 0 &&
		    access(srcdata, R_OK) == 0) {
			snprintf(exe, sizeof exe, "%s/data", TTYATLAS_SRCDIR);
			/* "build/../data" reads badly in messages. */
			if (realpath(exe, srcdata) == NULL)
				snprintf(srcdata, sizeof srcdata, "%s", exe);
			return srcdata;
		}
	}
	return TTYATLAS_PKGDATADIR "/data";
}

/* The address space a secure (kiosk) session may use, in MiB. */
#define MAIN_SECURE_MEMORY	512

/*
 * Kiosk mode (--secure or TTYATLAS_SECURE, for an SSH account whose
 * ForceCommand is ttyatlas): bounds the memory so one guest cannot starve
 * the server. There is no shell escape and the program writes no files;
 * the TUI ignores SIGTSTP and main() refuses --data. ASan reserves far
 * more address space than it uses, so a sanitizer build keeps no cap.
 */
/* gcc says ASan with __SANITIZE_ADDRESS__, clang with __has_feature. */
#if defined(__SANITIZE_ADDRESS__)
#define MAIN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MAIN_ASAN 1
#endif
#endif

static void
main_secure(size_t mapped)
{
#if !defined(MAIN_ASAN) && !defined(TTYATLAS_NO_RLIMIT)
	struct rlimit rl;

	/* A mapped cache (cache.h) is shared with other sessions rather
	 * than the guest's own: it is allowed on top. */
	rl.rlim_cur = rl.rlim_max = ((rlim_t)MAIN_SECURE_MEMORY << 20) +
	    (rlim_t)mapped;
	if (setrlimit(RLIMIT_AS, &rl) != 0)
		perror("ttyatlas: setrlimit");
#else
	(void)mapped;
#endif
}

/* Says on a terminal that a big atlas is being read, which takes seconds
 * (about 5 s for 500 MB here) the first time. */
static void
main_loading(const char *dir, unsigned long long bytes, int saving)
{
	char *safe;

	if (!isatty(STDERR_FILENO))
		return;
	safe = text_sanitize(dir);
	fprintf(stderr, saving ? _("ttyatlas: reading %s (%llu MiB) and saving "
	    "it in a cache for next time...\n") : _("ttyatlas: reading %s "
	    "(%llu MiB)...\n"), safe, bytes >> 20);
	free(safe);
}

static int
main_load(struct store *s, const char *dir, const struct cache_opts *co)
{
	struct cache_report r;
	struct diag d;
	size_t i;

	diag_init(&d);
	if (cache_load(s, dir, co, &d, &r) == 0) {
		if (r.error != NULL)
			fprintf(stderr, _("ttyatlas: the cache was not saved: %s\n"),
			    r.error);
		cache_report_free(&r);
		diag_fini(&d);
		return 0;
	}
	cache_report_free(&r);
	for (i = 0; i < d.n; i++)
		fprintf(stderr, "%s\n", d.msgs[i]);
	if (d.dropped != 0)
		fprintf(stderr, _("ttyatlas: %zu more problems not shown\n"),
		    d.dropped);
	diag_fini(&d);
	return -1;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "data",	required_argument,	NULL, 'd' },
		{ "lang",	required_argument,	NULL, 'l' },
		{ "format",	required_argument,	NULL, 'f' },
		{ "from",	required_argument,	NULL, 'F' },
		{ "to",		required_argument,	NULL, 'T' },
		{ "place",	required_argument,	NULL, 'P' },
		{ "actor",	required_argument,	NULL, 'A' },
		{ "type",	required_argument,	NULL, 'Y' },
		{ "grep",	required_argument,	NULL, 'G' },
		{ "by",		required_argument,	NULL, 'B' },
		{ "names",	required_argument,	NULL, 'N' },
		{ "no-mouse",	no_argument,		NULL, 'M' },
		{ "secure",	no_argument,		NULL, 'S' },
		{ "idle-timeout", required_argument,	NULL, 'I' },
		{ "cache",	no_argument,		NULL, 'C' },
		{ "no-cache",	no_argument,		NULL, 'X' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *data_opt = NULL, *lang_opt = NULL, *command;
	const char *from = NULL, *to = NULL, *idle = NULL, *env;
	char *end;
	int secure = 0;
	char *query = xstrdup(""), *term;
	int rv = CMD_OK;
	const struct cmd_entry *cmd = NULL;
	struct cmd_ctx ctx;
	struct tui_options topts;
	struct store store;
	struct cache_opts copts;
	int c, fmt, nopt;
	enum lang lang;

	main_locale();
	/* The language first, so that every message is in it. */
	for (c = 1; c < argc && strcmp(argv[c], "--") != 0; c++) {
		if (strcmp(argv[c], "--lang") == 0 && c + 1 < argc)
			lang_opt = argv[c + 1];
		else if (strncmp(argv[c], "--lang=", 7) == 0)
			lang_opt = argv[c] + 7;
	}
	lang = main_lang(lang_opt);
	memset(&ctx, 0, sizeof ctx);
	memset(&topts, 0, sizeof topts);
	memset(&copts, 0, sizeof copts);
	ctx.format = OUTPUT_TEXT;
	if ((env = getenv("TTYATLAS_CACHE")) != NULL)
		copts.mode = strcmp(env, "on") == 0 ? CACHE_ON :
		    strcmp(env, "off") == 0 ? CACHE_OFF : CACHE_AUTO;
	/* A command with options of its own (map) parses what follows its
	 * name: the global options end there. */
	for (nopt = 1; nopt < argc && (cmd_find(argv[nopt]) == NULL ||
	    !cmd_find(argv[nopt])->own_options); nopt++)
		;
	while ((c = getopt_long(nopt, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			data_opt = optarg;
			break;
		case 'l':
			lang_opt = optarg;
			break;
		case 'f':
			if ((fmt = output_format_parse(optarg)) == -1) {
				fprintf(stderr, _("ttyatlas: unknown format '%s' "
				    "(use text, csv, tsv or json)\n"), optarg);
				rv = CMD_USAGE;
				goto out;
			}
			ctx.format = (enum output_format)fmt;
			break;
		case 'F':
			from = optarg;
			break;
		case 'T':
			to = optarg;
			break;
		case 'P':
		case 'A':
		case 'Y':
			main_term(&query, c == 'P' ? "place:" : c == 'A' ?
			    "actor:" : "type:", optarg, "\"");
			break;
		case 'G':
			main_term(&query, "/", optarg, "/");
			break;
		case 'B':
			ctx.by = optarg;
			break;
		case 'N':
			if ((ctx.names = place_names_parse(optarg)) == -1) {
				fprintf(stderr, _("ttyatlas: unknown names '%s' "
				    "(use lang, both or all)\n"), optarg);
				rv = CMD_USAGE;
				goto out;
			}
			break;
		case 'M':
			topts.no_mouse = 1;
			break;
		case 'S':
			secure = 1;
			break;
		case 'I':
			idle = optarg;
			break;
		case 'C':
			copts.mode = CACHE_ON;
			break;
		case 'X':
			copts.mode = CACHE_OFF;
			break;
		case 'h':
			main_help();
			rv = CMD_OK;
			goto out;
		case 'V':
			printf("ttyatlas %s\n", PACKAGE_VERSION);
			rv = CMD_OK;
			goto out;
		default:
			fputs(_("Try 'ttyatlas --help'.\n"), stderr);
			rv = CMD_USAGE;
			goto out;
		}
	}
	/* Like LESSSECURE: set in the environment, it cannot be undone on
	 * the command line. */
	if ((env = getenv("TTYATLAS_SECURE")) != NULL && *env != '\0')
		secure = 1;
	if (secure && data_opt != NULL) {
		fprintf(stderr, _("ttyatlas: --data is not allowed in secure "
		    "mode\n"));
		rv = CMD_USAGE;
		goto out;
	}
	topts.secure = secure;
	topts.idle_minutes = secure ? 15 : 0;
	if (idle != NULL) {
		topts.idle_minutes = strtod(idle, &end);
		if (end == idle || *end != '\0' || topts.idle_minutes < 0 ||
		    topts.idle_minutes > 1e6) {
			fprintf(stderr, _("ttyatlas: bad idle timeout '%s' (minutes)"
			    "\n"), idle);
			rv = CMD_USAGE;
			goto out;
		}
	}
	copts.readonly = secure;
	copts.loading = main_loading;
	ctx.cache = &copts;
	command = optind < argc ? argv[optind++] : NULL;
	ctx.argc = argc - optind;
	ctx.argv = argv + optind;
	if (from != NULL || to != NULL) {
		xasprintf(&term, "%s..%s", from ? from : "", to ? to : "");
		main_term(&query, "", term, "");
		free(term);
	}
	for (c = optind; c < argc; c++)
		main_term(&query, "", argv[c], "");
	ctx.query = query;
	ctx.lang = lang;
	ctx.width = output_terminal_width(stdout);

	ctx.data_dir = main_data_dir(data_opt);
	if (command != NULL && (cmd = cmd_find(command)) == NULL) {
		char *safe = text_sanitize(command);	/* it may be anything */

		fprintf(stderr, _("ttyatlas: unknown command '%s'\n"
		    "Try 'ttyatlas --help'.\n"), safe);
		free(safe);
		rv = CMD_USAGE;
		goto out;
	}
	if (cmd != NULL && !cmd->needs_store) {
		if (secure)
			main_secure(0);
		rv = cmd->fn(&ctx);
		goto out;
	}
	if (command == NULL && (!isatty(STDIN_FILENO) ||
	    !isatty(STDOUT_FILENO))) {
		fprintf(stderr, _("ttyatlas: the interactive atlas needs a "
		    "terminal; try 'ttyatlas events'\n"));
		rv = CMD_USAGE;
		goto out;
	}

	if (main_load(&store, ctx.data_dir, &copts) != 0) {
		rv = CMD_DATAERR;
		goto out;
	}
	if (secure)
		main_secure(store.image_len);
	ctx.store = &store;
	if (command == NULL) {
		topts.lang = ctx.lang;
		topts.names = ctx.names;
		rv = tui_main(&store, &topts);
	} else
		rv = cmd->fn(&ctx);
	store_free(&store);
out:
	free(query);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("ttyatlas: write error");
		return 74;
	}
	return rv;
}
