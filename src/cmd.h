/* cmd.h: the command line's subcommands.
 *
 * Contract: each cmd_* function prints its result to stdout and returns
 * the process exit status: CMD_OK (results), CMD_EMPTY (no results),
 * CMD_USAGE (bad arguments, message already on stderr), CMD_DATAERR. */
#ifndef CMD_H
#define CMD_H

#include <stddef.h>

#include "lang.h"
#include "output.h"

struct cache_opts;
struct store;

enum {
	CMD_OK = 0,
	CMD_EMPTY = 1,
	CMD_USAGE = 2,
	CMD_DATAERR = 65
};

struct cmd_ctx {
	const struct store	*store;
	enum lang		 lang;
	enum output_format	 format;
	size_t			 width;		/* terminal columns, 0 = none */
	const char		*data_dir;
	const char		*query;		/* the query language, or "" */
	const char		*by;		/* timeline --by */
	int			 names;		/* enum place_names: --names */
	const struct cache_opts	*cache;		/* --cache, --no-cache */
	int			 argc;		/* arguments after the command */
	char			**argv;
};

struct cmd_entry {
	const char	*name;
	int		(*fn)(struct cmd_ctx *);
	int		 needs_store;	/* load the data before running */
	const char	*help;		/* one line for --help */
	int		 own_options;	/* parses the options after its name */
};

struct query_result;

const struct cmd_entry	*cmd_find(const char *name);
const struct cmd_entry	*cmd_at(size_t);
int			 cmd_select(struct cmd_ctx *, struct query_result *);

int	cmd_actors(struct cmd_ctx *);
int	cmd_cache(struct cmd_ctx *);
int	cmd_eras(struct cmd_ctx *);
int	cmd_places(struct cmd_ctx *);
int	cmd_show(struct cmd_ctx *);
int	cmd_sources(struct cmd_ctx *);
int	cmd_timeline(struct cmd_ctx *);

int	cmd_check(struct cmd_ctx *);
int	cmd_events(struct cmd_ctx *);
int	cmd_map(struct cmd_ctx *);

#endif
