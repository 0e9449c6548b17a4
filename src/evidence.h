/* evidence.h: what backs and qualifies events: stated figures, positions
 * taken by states and organisations, and claims where sources disagree.
 *
 * Contract: every text member is non-NULL; figure values are NAN when not
 * stated. subject_id of a figure or claim names an event, place, actor or
 * figure. The schemas describe figures.csv, statements.csv, claims.csv. */
#ifndef EVIDENCE_H
#define EVIDENCE_H

#include "date.h"
#include "lang.h"

struct figure {
	const char	*id;
	const char	*subject_id;
	const char	*measure;
	double		 low, best, high;
	const char	*unit;
	struct date	 as_of;
	const char	*source_ids;
	const char	*note;
	unsigned	 line;
};

struct statement {
	const char	*id;
	struct date	 date;
	const char	*actor_id;
	const char	*event_id;
	const char	*stance;
	const char	*summary[LANG_COUNT];
	const char	*source_ids;
	unsigned	 line;
};

struct claim {
	const char	*id;
	const char	*subject_id;
	const char	*field;
	const char	*value;
	const char	*source_ids;
	const char	*note;
	unsigned	 line;
};

extern const struct schema figure_schema;
extern const struct schema statement_schema;
extern const struct schema claim_schema;

#endif
