/* fuzz-table.c: libFuzzer target for the CSV reader and the events schema.
 *
 * The input is written as events.csv into a private temporary directory
 * and read twice: by table_read() with a row callback that does nothing,
 * which exercises libcsv's driver, the line and column bookkeeping and the
 * UTF-8 checks; then by store_load(), which adds the header binding, the
 * typed decoding of every column, the sort and the duplicate-id index.
 * A third pass adds the same bytes as places.csv, which brings in the
 * numeric columns and the check of references between tables (and with
 * it table_locate(), which finds a bad reference's column again).
 * The input's bytes are also measured and sanitized by text.c, whose
 * promises are checked: a sanitized string is valid UTF-8 without NUL and
 * as wide as the original. Every diagnostic must name the file. And the
 * file is read by table_read_parts() in one to four parts of any size,
 * with and without libcsv's space function: every reading must give the
 * same records and the same problems. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fuzz.h"
#include "store.h"
#include "table.h"
#include "text.h"
#include "xalloc.h"

/* The directory and file live as long as the process: creating them once
 * keeps the fuzzer fast, and atexit() removes them. */
static char	*fuzz_table_dir;
static char	*fuzz_table_path;
static char	*fuzz_table_places;

static void
fuzz_table_cleanup(void)
{
	if (fuzz_table_path != NULL)
		unlink(fuzz_table_path);
	if (fuzz_table_places != NULL)
		unlink(fuzz_table_places);
	if (fuzz_table_dir != NULL)
		rmdir(fuzz_table_dir);
	free(fuzz_table_path);
	free(fuzz_table_places);
	free(fuzz_table_dir);
}

static void
fuzz_table_setup(void)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	xasprintf(&fuzz_table_dir, "%s/ttyatlas-fuzz-XXXXXX", tmp);
	if (mkdtemp(fuzz_table_dir) == NULL) {
		perror(fuzz_table_dir);
		abort();
	}
	xasprintf(&fuzz_table_path, "%s/events.csv", fuzz_table_dir);
	xasprintf(&fuzz_table_places, "%s/places.csv", fuzz_table_dir);
	atexit(fuzz_table_cleanup);
}

static int
fuzz_table_row(const struct table_row *row, void *arg)
{
	return 0;
}

static void
fuzz_table_check_diag(const struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		FUZZ_ASSERT(strncmp(d->msgs[i], fuzz_table_dir,
		    strlen(fuzz_table_dir)) == 0);
}

static void
fuzz_table_write(const char *path, const uint8_t *data, size_t size)
{
	FILE *fp;

	if ((fp = fopen(path, "w")) == NULL ||
	    fwrite(data, 1, size, fp) != size || fclose(fp) != 0) {
		perror(path);
		abort();
	}
}

/* Loads the temporary directory and checks what store.h promises. */
static void
fuzz_table_load(void)
{
	struct store s;
	struct diag d;
	size_t i;

	diag_init(&d);
	if (store_load(&s, fuzz_table_dir, &d) == 0) {
		FUZZ_ASSERT(diag_count(&d) == 0);
		for (i = 0; i < s.nevents; i++) {
			const struct event *e = &s.events[i];

			FUZZ_ASSERT(i == 0 || event_cmp(&s.events[i - 1], e) <= 0);
			FUZZ_ASSERT(store_find_event(&s, e->id) == e);
			FUZZ_ASSERT(store_index_of(&s, e) == i);
		}
		store_free(&s);
	} else
		FUZZ_ASSERT(diag_count(&d) != 0 && s.nevents == 0);
	fuzz_table_check_diag(&d);
	diag_fini(&d);
}

/* Appends a record, its line and its fields, to the string at ARG. */
static int
fuzz_table_record(const struct table_row *row, void *arg)
{
	char **all = arg, *next;
	size_t i;

	xasprintf(&next, "%s%u:", *all, row->line);
	free(*all);
	*all = next;
	for (i = 0; i < row->n; i++) {
		xasprintf(&next, "%s[%zu:%s]", *all, row->len[i], row->f[i]);
		free(*all);
		*all = next;
	}
	return 0;
}

/* Returns the records and problems of reading the file in PARTS parts
 * (EXACT: with the space function throughout), in a fresh string. */
static char *
fuzz_table_parts(size_t parts, int exact)
{
	char *got[TABLE_PARTS_MAX], *all, *next;
	void *args[TABLE_PARTS_MAX];
	struct table_parts tp;
	struct diag d;
	size_t i;
	int rv;

	for (i = 0; i < TABLE_PARTS_MAX; i++) {
		got[i] = xstrdup("");
		args[i] = &got[i];
	}
	memset(&tp, 0, sizeof tp);
	tp.max = parts;
	tp.min_size = 1;
	tp.args = args;
	tp.exact = exact;
	diag_init(&d);
	rv = table_read_parts(fuzz_table_path, "f", fuzz_table_record, &tp, &d);
	xasprintf(&all, "%d %zu\n", rv, d.dropped);
	for (i = 0; i < d.n; i++) {
		xasprintf(&next, "%s%s\n", all, d.msgs[i]);
		free(all);
		all = next;
	}
	for (i = 0; i < TABLE_PARTS_MAX; i++) {
		if (i < tp.used) {
			xasprintf(&next, "%s%s", all, got[i]);
			free(all);
			all = next;
		}
		free(got[i]);
	}
	diag_fini(&d);
	return all;
}

static void
fuzz_table_split(void)
{
	char *want = fuzz_table_parts(1, 1), *got;
	size_t parts;

	for (parts = 1; parts <= 4; parts++) {
		got = fuzz_table_parts(parts, 0);
		FUZZ_ASSERT(strcmp(got, want) == 0);
		free(got);
	}
	free(want);
}

static void
fuzz_table_text(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t bufsize = size * 3 + 1, n, w, fit;
	char *buf = xmalloc(bufsize), *copy;

	n = text_sanitize_into(buf, bufsize, s, size);
	FUZZ_ASSERT(n < bufsize && buf[n] == '\0');
	FUZZ_ASSERT(text_is_valid(buf, n, NULL));
	FUZZ_ASSERT(text_width(buf) == text_columns(s, size));

	copy = xmalloc(size + 1);
	memcpy(copy, s, size);
	copy[size] = '\0';
	for (w = 0; w < 12; w += 5) {
		size_t got;

		fit = text_fit(copy, w, &got);
		FUZZ_ASSERT(fit <= strlen(copy) && got <= w);
	}
	free(copy);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;

	if (fuzz_table_dir == NULL)
		fuzz_table_setup();
	fuzz_table_write(fuzz_table_path, data, size);

	diag_init(&d);
	table_read(fuzz_table_path, fuzz_table_path, fuzz_table_row, NULL, &d);
	fuzz_table_check_diag(&d);
	diag_fini(&d);
	fuzz_table_split();

	fuzz_table_load();
	fuzz_table_write(fuzz_table_places, data, size);
	fuzz_table_load();
	unlink(fuzz_table_places);

	fuzz_table_text(data, size);
	return 0;
}
