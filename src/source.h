/* source.h: what rows cite: a section of a source document, or a
 * reference (an article) a document quotes.
 *
 * Contract: every text member is non-NULL. source_schema describes
 * sources.csv. */
#ifndef SOURCE_H
#define SOURCE_H

#include <stddef.h>

struct source {
	const char	*id;
	const char	*kind;		/* document, reference */
	const char	*lang;
	const char	*title;
	const char	*publisher;
	const char	*date;
	const char	*url;
	const char	*document;
	const char	*section;
	unsigned	 line;
};

extern const struct schema source_schema;

const char	*source_section(const struct source *, char *, size_t);

#endif
