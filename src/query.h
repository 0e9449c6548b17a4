/* query.h: the one query language of the command line and the filter
 * prompt, compiled once and run against the store's indexes.
 *
 * Contract: query_parse() turns text such as
 *
 *	1992-05..1993 place:shusha actor:armenia type:battle /siege|capture/
 *
 * into a compiled query, or returns NULL with a message in *cause (to be
 * freed) naming the bad term. Terms are ANDed; a key given twice, or a
 * value list "type:battle,capture", is ORed; a leading '-' negates a term.
 *   FROM..TO, FROM.., ..TO, DATE	events whose dates overlap the range
 *					(partial dates stand for all their days)
 *   place:X	X is a place id or name in any language or alias; the place
 *		and every place inside it
 *   actor:X	an actor id or name, with every unit or person under it
 *   type:T  era:E  id:ID  confidence:C  side:S (actors of that side)
 *   /REGEX/ or a bare word	text search over every language of the
 *		event and the names and aliases of its places and actors
 * query_run() fills a vector of event positions (indexes into
 * store->events, in date order); a text pattern that runs past pcre2's
 * limits on one event, or past the query's time budget (3 s unless
 * query_set_budget() says otherwise) over all of them, fails with a
 * "too complex" message. Over many events the text patterns run on every
 * core (query_set_threads() can say how many threads); the result is the
 * same as on one. */
#ifndef QUERY_H
#define QUERY_H

#include <stddef.h>

struct event;
struct regex;
struct store;

struct query;

struct query_result {
	size_t	*idx;		/* positions in store->events, ascending */
	size_t	 n;
};

struct query		*query_parse(const struct store *, const char *text,
			     char **cause);
void			 query_free(struct query *);
int			 query_run(const struct query *, struct query_result *,
			     char **cause);
void			 query_result_free(struct query_result *);
void			 query_set_budget(struct query *, long ms);
void			 query_set_threads(struct query *, int n);
const struct regex	*query_regex(const struct query *);
int			 query_is_empty(const struct query *);

#endif
