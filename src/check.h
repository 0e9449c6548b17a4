/* check.h: the data linter behind "ttyatlas check".
 *
 * Contract: check_store() looks for what loading accepts but an atlas must
 * not have: missing translations, dates that end before they start, events
 * outside their era, places far from the place they are in, a '?' where a
 * letter was lost, overlapping de facto control of one area, cycles in the
 * parent trees. Each problem goes to the diag list as file:line:column;
 * it returns the number found. */
#ifndef CHECK_H
#define CHECK_H

#include <stddef.h>

struct diag;
struct store;

size_t	check_store(const struct store *, struct diag *);

#endif
