/* control.h: who held an area from when to when.
 *
 * Contract: one row is one interval of control of one area (a place) by
 * one controller (an actor), de facto or de jure. An empty start means
 * "since before the documents say", an empty end "still holds". For one
 * area and kind, intervals do not overlap (ttyatlas check verifies it).
 * control_schema describes control.csv. */
#ifndef CONTROL_H
#define CONTROL_H

#include "date.h"

struct control {
	const char	*id;
	const char	*area_id;
	const char	*controller_id;
	const char	*kind;		/* de_facto, de_jure */
	struct date	 start, end;
	const char	*cause_event_id;
	const char	*confidence;
	const char	*source_ids;
	const char	*note;
	unsigned	 line;
};

extern const struct schema control_schema;

#endif
