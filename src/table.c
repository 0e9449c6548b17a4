/* table.c: CSV tables through libcsv; the only file that includes csv.h.
 *
 * libcsv reports byte counts, not places, so the reader feeds it one line
 * at a time: it then knows the line a record starts on, and where on the
 * line a parse error stopped. Columns of a field are found only when a
 * problem must be reported, by a short quote-aware rescan of that record
 * (table_where), which keeps the fast path free of bookkeeping.
 *
 * libcsv trims spaces around unquoted fields unless told otherwise; RFC
 * 4180 keeps them, so the space function here says "no byte is a space". */
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>

#include "diag.h"
#include "i18n.h"
#include "table.h"
#include "text.h"
#include "xalloc.h"

struct table {
	const char		*name;	/* shown in messages */
	struct csv_parser	 parser;
	struct diag		*diag;
	table_row_fn		 fn;
	void			*arg;

	const char		*data;	/* the whole file */
	size_t			 size;
	unsigned		 line;	/* line being fed */
	unsigned		 row_line;	/* 0 between records */
	size_t			 row_off;
	size_t			 header_n;
	bool			 seen_header;
	bool			 stop;

	char			*buf;	/* field bytes of this record */
	size_t			 buf_len, buf_alloc;
	size_t			*off, *len;
	char			**f;
	size_t			 n, alloc;
	bool			 row_bad;
};

static int
table_no_space(unsigned char c)
{
	return 0;
}

/* Counts characters (not bytes) in the LEN bytes at S. */
static unsigned
table_chars(const char *s, size_t len)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* Returns the name of the table given to table_read (for messages). */
const char *
table_name(const struct table *t)
{
	return t->name;
}

/*
 * Scans DATA (SIZE bytes) from offset OFF, the start of a record on line
 * LINE, to the start of field FIELD (or the end of the record, if it has
 * fewer), and returns that place as a 1-based line and character column.
 */
static void
table_scan(const char *data, size_t size, size_t off, unsigned line,
    size_t field, unsigned *out_line, unsigned *out_col)
{
	const char *p = data + off, *end = data + size, *bol = p;

	/* A record may start after a bare CR inside a line. */
	while (bol > data && bol[-1] != '\n')
		bol--;
	size_t k = 0;
	bool quoted = false;

	while (p < end && k < field) {
		if (quoted) {
			if (*p == '"' && p + 1 < end && p[1] == '"')
				p++;
			else if (*p == '"')
				quoted = false;
		} else if (*p == '"')
			quoted = true;
		else if (*p == ',')
			k++;
		else if (*p == '\n' || *p == '\r')
			break;
		if (*p == '\n') {
			line++;
			bol = p + 1;
		}
		p++;
	}
	*out_line = line;
	*out_col = table_chars(bol, (size_t)(p - bol)) + 1;
}

/*
 * Finds where field FIELD of ROW starts in the file (1-based line and
 * character column); past the last field, where the record ends.
 */
void
table_where(const struct table_row *row, size_t field, unsigned *line,
    unsigned *col)
{
	const struct table *t = row->table;

	table_scan(t->data, t->size, t->row_off, row->line, field, line, col);
}

static void
table_field_cb(void *s, size_t len, void *arg)
{
	struct table *t = arg;

	if (t->n == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 32;
		t->off = xreallocarray(t->off, t->alloc, sizeof *t->off);
		t->len = xreallocarray(t->len, t->alloc, sizeof *t->len);
		t->f = xreallocarray(t->f, t->alloc, sizeof *t->f);
	}
	if (t->buf_len + len + 1 > t->buf_alloc) {
		while (t->buf_len + len + 1 > t->buf_alloc)
			t->buf_alloc = t->buf_alloc ? t->buf_alloc * 2 : 4096;
		t->buf = xreallocarray(t->buf, t->buf_alloc, 1);
	}
	if (len != 0)
		memcpy(t->buf + t->buf_len, s, len);
	t->buf[t->buf_len + len] = '\0';
	t->off[t->n] = t->buf_len;
	t->len[t->n] = len;
	t->buf_len += len + 1;
	t->n++;
}

static void
table_row_cb(int c, void *arg)
{
	struct table *t = arg;
	struct table_row row;
	unsigned line, col;
	size_t i, bad;

	row.table = t;
	row.line = t->row_line ? t->row_line : t->line;
	row.n = t->n;
	row.len = t->len;
	row.f = t->f;
	for (i = 0; i < t->n; i++)
		t->f[i] = t->buf + t->off[i];
	row.is_header = !t->seen_header;

	if (t->stop)
		goto done;
	for (i = 0; i < t->n; i++) {
		if (text_is_valid(t->f[i], t->len[i], &bad))
			continue;
		table_where(&row, i, &line, &col);
		col += table_chars(t->f[i], bad);
		if (t->f[i][bad] == '\0')
			diag_add(t->diag, t->name, line, col, _("NUL byte in field"));
		else
			diag_add(t->diag, t->name, line, col,
			    _("invalid UTF-8 (byte 0x%02x)"),
			    (unsigned char)t->f[i][bad]);
		goto done;
	}
	if (row.is_header) {
		t->seen_header = true;
		t->header_n = t->n;
	} else if (t->n != t->header_n) {
		table_where(&row, t->n < t->header_n ? t->n : t->header_n,
		    &line, &col);
		diag_add(t->diag, t->name, line, col,
		    _("%zu fields, the header has %zu"), t->n, t->header_n);
		goto done;
	}
	if (t->fn(&row, t->arg) != 0)
		t->stop = true;
done:
	t->n = 0;
	t->buf_len = 0;
	t->row_line = 0;
}

/*
 * Sets up libcsv: strict quoting, no trimming, and a field buffer that
 * grows by 64 KiB rather than libcsv's 128 bytes, so a 10 MB field costs
 * a few hundred reallocations, not eighty thousand.
 */
static void
table_parser_init(struct table *t)
{
	if (csv_init(&t->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		fputs("ttyatlas: out of memory\n", stderr);
		exit(71);
	}
	csv_set_space_func(&t->parser, table_no_space);
	csv_set_blk_size(&t->parser, 64 * 1024);
}

/* Starts the parser afresh after a parse error: the rest of the record
 * is lost to the error just reported, not silently. */
static void
table_restart(struct table *t)
{
	csv_free(&t->parser);
	table_parser_init(t);
	t->n = 0;
	t->buf_len = 0;
	t->row_line = 0;
}

static int
table_map(const char *path, const char **data, size_t *size, char **err)
{
	struct stat st;
	void *p;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*err = strerror(errno);
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*err = S_ISDIR(st.st_mode) ? "is a directory" :
		    "not a regular file";
		close(fd);
		return -1;
	}
	*size = (size_t)st.st_size;
	if (*size == 0) {
		*data = "";
		close(fd);
		return 0;
	}
	p = mmap(NULL, *size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		*err = strerror(errno);
		return -1;
	}
	*data = p;
	return 0;
}

/*
 * Reads the CSV file PATH (called NAME in messages), calling FN with ARG
 * for the header and then each record. Returns 0 if the file could be read
 * to its end, -1 if it could not be opened or FN asked to stop; problems
 * with records are in DIAG either way.
 */
int
table_read(const char *path, const char *name, table_row_fn fn, void *arg,
    struct diag *diag)
{
	struct table t;
	const char *p, *end, *nl, *cr, *bol;
	size_t chunk, done;
	char *err;
	int rv = 0;

	memset(&t, 0, sizeof t);
	t.name = name;
	t.diag = diag;
	t.fn = fn;
	t.arg = arg;
	if (table_map(path, &t.data, &t.size, &err) != 0) {
		diag_add(diag, name, 0, 0, _("cannot read: %s"), err);
		return -1;
	}
	table_parser_init(&t);

	p = t.data;
	end = t.data + t.size;
	if (t.size >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	/* Feed a line at a time; a bare CR inside a line also ends a record
	 * for libcsv, so it ends a chunk too, and the next record's start is
	 * known. Only LF counts lines. */
	for (t.line = 1, bol = p; p < end && !t.stop; p += chunk) {
		nl = memchr(p, '\n', (size_t)(end - p));
		chunk = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		cr = memchr(p, '\r', chunk);
		if (cr != NULL && cr + 1 < p + chunk && cr[1] != '\n')
			chunk = (size_t)(cr - p) + 1;
		if (t.row_line == 0 && *p != '\n' && *p != '\r') {
			t.row_line = t.line;
			t.row_off = (size_t)(p - t.data);
		}
		done = csv_parse(&t.parser, p, chunk, table_field_cb,
		    table_row_cb, &t);
		if (done != chunk) {
			diag_add(diag, name, t.line,
			    table_chars(bol, (size_t)(p - bol) + done) + 1,
			    _("malformed quoting (a quote inside an unquoted "
			    "field, or text after a closing quote)"));
			table_restart(&t);
		}
		if (p[chunk - 1] == '\n') {
			t.line++;
			bol = p + chunk;
		}
	}
	if (!t.stop && csv_fini(&t.parser, table_field_cb, table_row_cb, &t) != 0)
		diag_add(diag, name, t.row_line, 0,
		    _("unterminated quoted field (the quote opened in the record "
		    "starting here is never closed)"));
	if (t.stop)
		rv = -1;
	if (!t.seen_header && !t.stop)
		diag_add(diag, name, 1, 1, _("empty file: no header row"));
	csv_free(&t.parser);
	if (t.size != 0)
		munmap((void *)t.data, t.size);
	free(t.buf);
	free(t.off);
	free(t.len);
	free(t.f);
	return rv;
}

/* Writes the LEN bytes at S to FP as one CSV field, quoted if need be. */
void
table_write_field(FILE *fp, const char *s, size_t len)
{
	if (strpbrk(s, ",\"\r\n") == NULL && (len == 0 || (s[0] != ' ' &&
	    s[len - 1] != ' '))) {
		fwrite(s, 1, len, fp);
		return;
	}
	csv_fwrite(fp, s, len);
}

/*
 * Finds the column of field FIELD of the record that starts on LINE of the
 * file PATH, for messages about a record after it was read. Returns 0, or
 * -1 if the file cannot be read (*COL is then 0).
 */
int
table_locate(const char *path, unsigned line, size_t field, unsigned *col)
{
	const char *data, *p, *nl;
	size_t size;
	unsigned l = 1, out_line;
	char *err;

	*col = 0;
	if (table_map(path, &data, &size, &err) != 0)
		return -1;
	p = data;
	if (size >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (l < line && (nl = memchr(p, '\n', size - (size_t)(p - data))))
		p = nl + 1, l++;
	if (l == line)
		table_scan(data, size, (size_t)(p - data), line, field,
		    &out_line, col);
	if (size != 0)
		munmap((void *)data, size);
	return 0;
}
