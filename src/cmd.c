/* cmd.c: the table of subcommands, looked up by name. */
#include "config.h"

#include <string.h>

#include "cmd.h"

static const struct cmd_entry cmd_table[] = {
	{ "check", cmd_check, 0, "check the data for errors" },
	{ "events", cmd_events, 1, "print the events in date order" },
};

/* Returns the command called NAME, or NULL. */
const struct cmd_entry *
cmd_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof cmd_table / sizeof cmd_table[0]; i++)
		if (strcmp(cmd_table[i].name, name) == 0)
			return &cmd_table[i];
	return NULL;
}

/* Returns the Nth command for listing, or NULL past the last. */
const struct cmd_entry *
cmd_at(size_t n)
{
	return n < sizeof cmd_table / sizeof cmd_table[0] ? &cmd_table[n] :
	    NULL;
}
