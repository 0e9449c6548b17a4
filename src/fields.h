/* fields.h: a table's columns for people: labels and values.
 *
 * Contract: fields_label() returns a column's label ("Armenian name:")
 * in the interface's language, or NULL for a column it does not know (the
 * caller shows the column's name). fields_value() returns a column's value
 * of a row as people read it: a word of the data's vocabulary (a kind, a
 * figure's measure or unit, a claim's field) translated in its context
 * (C_() in i18n.h), a date in the language's way, a number without
 * trailing zeros; "" when the row has none. fields_context() names that
 * context, NULL if the column's values are not vocabulary. fields_line()
 * joins the label and the value in one allocated line, as show prints
 * it and the TUI wraps it (NULL: no value). The words
 * of the open vocabulary (measures, units, claim fields) are listed here
 * for xgettext; fields_vocabulary() gives them to the tests. The core: no
 * printing, no curses. */
#ifndef FIELDS_H
#define FIELDS_H

#include <stddef.h>

#include "lang.h"

struct schema;
struct schema_column;

const char	*fields_label(const struct schema *,
		     const struct schema_column *);
const char	*fields_context(const struct schema *,
		     const struct schema_column *);
const char	*fields_value(const struct schema *,
		     const struct schema_column *, const void *row, enum lang,
		     char *buf, size_t size);
char		*fields_line(const struct schema *,
		     const struct schema_column *, const void *row, enum lang,
		     size_t *label_len);
const char *const *fields_vocabulary(const char *context);

#endif
