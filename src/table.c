/* table.c: CSV tables through libcsv; the only file that includes csv.h.
 *
 * libcsv reports byte counts, not places, so the reader feeds it one line
 * at a time: it then knows the line a record starts on, and where on the
 * line a parse error stopped. Columns of a field are found only when a
 * problem must be reported, by a short quote-aware rescan of that record
 * (table_where), which keeps the fast path free of bookkeeping.
 *
 * libcsv trims spaces around unquoted fields unless told otherwise; RFC
 * 4180 keeps them, so the space function here says "no byte is a space".
 * But libcsv then calls that function for every byte of every unquoted
 * field, which slowed reading a large file by a third. So records are
 * read without it, and each field is checked against the bytes it was
 * read from: a field that starts with a space or tab, or that libcsv made
 * shorter than those bytes, means that the record may read differently
 * with the function, and it is read again with it (as is a record that
 * starts with a space, one with a parse error, and one the file ends in);
 * the records after it are read with it up to the next record boundary.
 * What the caller gets is what reading with the function gives.
 *
 * A large file can be read in parts, one thread each (table_read_parts).
 * A part other than the first starts at the first line end after its
 * share of the file that has an even number of quotes before it: in
 * well-formed CSV, the start of a record. Its first line number is the
 * number of line ends before it. That guess is checked, not trusted: the
 * part before it must end exactly there, between two records, or every
 * later part is thrown away and the part before reads on to the end of
 * the file, as a single reader would. Each part's problems are kept apart
 * and added to the caller's list in file order, so the list is the one a
 * single reader gives. */
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
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
	const char		*bol;	/* start of the line being fed */
	const char		*fed;	/* end of the chunk being fed */
	unsigned		 line;	/* line being fed */
	unsigned		 row_line;	/* 0 between records */
	size_t			 row_off;
	const char		*row_bol;	/* bol where the record starts */
	const char		*raw;	/* the next field's bytes in data */
	bool			 exact;	/* reading with table_no_space */
	bool			 exact_only;	/* never without it */
	bool			 diverged;	/* the record must be read again */
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

/* Returns the list the problems of the records being read go to: the
 * caller's, or the part's own when the file is read in parts. */
struct diag *
table_diag(const struct table *t)
{
	return t->diag;
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

/*
 * Checks, when reading without the space function, that the field libcsv
 * gives (LEN bytes at S) is what its bytes in the file would give with
 * it: that nothing was trimmed from it and it does not start with a space
 * or tab. Marks the record to be read again if not.
 */
static void
table_field_check(struct table *t, const char *s, size_t len)
{
	const char *r = t->raw, *end = t->data + t->size, *e, *q;
	size_t quotes = 0;

	if (r < end && *r == '"') {
		for (q = memchr(s, '"', len); q != NULL;
		    q = memchr(q + 1, '"', len - (size_t)(q + 1 - s)))
			quotes++;
		e = r + 1 + len + quotes;	/* the closing quote */
		if (e >= end || *e != '"')
			goto diverged;
		e++;
	} else {
		e = r + len;
		if (len != 0 && (*r == ' ' || *r == '\t'))
			goto diverged;
	}
	if (e < end && *e != ',' && *e != '\n' && *e != '\r')
		goto diverged;
	t->raw = e + 1;
	return;
diverged:
	t->diverged = true;
}

static void
table_field_cb(void *s, size_t len, void *arg)
{
	struct table *t = arg;

	if (!t->exact && !t->diverged)
		table_field_check(t, s, len);
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

	if (t->diverged) {
		/* To be read again: the record is not over for us. */
		t->n = 0;
		t->buf_len = 0;
		return;
	}
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
	/* The bytes the record was read from are checked at once: what
	 * libcsv drops from them (quotes) cannot make or mend bad UTF-8 or
	 * a NUL. Only a record that fails is looked at field by field, to
	 * say where. */
	if (row.line == t->row_line && text_is_valid(t->data + t->row_off,
	    (size_t)(t->fed - t->data) - t->row_off, NULL))
		i = t->n;
	else
		i = 0;
	for (; i < t->n; i++) {
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
	if (t->exact)
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

/* Reads from now on with the space function (EXACT) or without; only
 * at the start of a record. */
static void
table_mode(struct table *t, bool exact)
{
	if (t->exact == exact)
		return;
	t->exact = exact;
	csv_free(&t->parser);
	table_parser_init(t);
	t->n = 0;
	t->buf_len = 0;
	t->diverged = false;
}

/* Goes back to the start of the record being read, to read it again with
 * the space function; returns where it starts. */
static const char *
table_reread(struct table *t)
{
	t->line = t->row_line;
	t->bol = t->row_bol;
	t->row_line = 0;
	table_mode(t, true);
	return t->data + t->row_off;
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
 * Feeds libcsv the chunks of the file that start before LIMIT, from *PP
 * on, and leaves *PP after the last one; stops early when FN asked to.
 * A chunk is a line; a bare CR inside a line also ends a record for
 * libcsv, so it ends a chunk too, and the next record's start is known.
 * Only LF counts lines.
 */
static void
table_feed(struct table *t, const char **pp, const char *limit)
{
	const char *p = *pp, *end = t->data + t->size, *nl, *cr;
	size_t chunk, done;

	if (limit > end)
		limit = end;
	for (; p < limit && !t->stop; p += chunk) {
		nl = memchr(p, '\n', (size_t)(end - p));
		chunk = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		cr = memchr(p, '\r', chunk);
		if (cr != NULL && cr + 1 < p + chunk && cr[1] != '\n')
			chunk = (size_t)(cr - p) + 1;
		if (t->row_line == 0 && *p != '\n' && *p != '\r') {
			t->row_line = t->line;
			t->row_off = (size_t)(p - t->data);
			t->row_bol = t->bol;
			t->raw = p;
			/* Without the function, libcsv skips these. */
			if (*p == ' ' || *p == '\t')
				table_mode(t, true);
		}
		t->fed = p + chunk;
		done = csv_parse(&t->parser, p, chunk, table_field_cb,
		    table_row_cb, t);
		if (!t->exact && (done != chunk || t->diverged)) {
			p = table_reread(t);
			chunk = 0;
			continue;
		}
		if (done != chunk) {
			diag_add(t->diag, t->name, t->line,
			    table_chars(t->bol, (size_t)(p - t->bol) + done) + 1,
			    _("malformed quoting (a quote inside an unquoted "
			    "field, or text after a closing quote)"));
			table_restart(t);
		}
		if (p[chunk - 1] == '\n') {
			t->line++;
			t->bol = p + chunk;
		}
		if (t->exact && t->row_line == 0 && !t->exact_only)
			table_mode(t, false);
	}
	*pp = p;
}

/* Ends the file: the last record, if it has no line end, and the checks
 * that need the whole file. Returns 0, or -1 if FN asked to stop. */
static int
table_finish(struct table *t)
{
	const char *p;

	/* A last record with no line end is read again exactly: csv_fini()
	 * trims it too, and its fields are not all checked. */
	while (!t->stop && !t->exact && t->row_line != 0) {
		p = table_reread(t);
		table_feed(t, &p, t->data + t->size);
	}
	t->fed = t->data + t->size;
	if (!t->stop && csv_fini(&t->parser, table_field_cb, table_row_cb,
	    t) != 0)
		diag_add(t->diag, t->name, t->row_line, 0,
		    _("unterminated quoted field (the quote opened in the record "
		    "starting here is never closed)"));
	if (!t->seen_header && !t->stop)
		diag_add(t->diag, t->name, 1, 1, _("empty file: no header row"));
	return t->stop ? -1 : 0;
}

static void
table_init(struct table *t, const char *name, table_row_fn fn, void *arg,
    struct diag *diag)
{
	memset(t, 0, sizeof *t);
	t->name = name;
	t->diag = diag;
	t->fn = fn;
	t->arg = arg;
	t->line = 1;
}

static void
table_fini(struct table *t)
{
	csv_free(&t->parser);
	free(t->buf);
	free(t->off);
	free(t->len);
	free(t->f);
}

/* Returns where the records of the mapped file start: after a UTF-8
 * byte order mark, if there is one. */
static const char *
table_start(const struct table *t)
{
	if (t->size >= 3 && memcmp(t->data, "\xef\xbb\xbf", 3) == 0)
		return t->data + 3;
	return t->data;
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
	const char *p;
	char *err;
	int rv;

	table_init(&t, name, fn, arg, diag);
	if (table_map(path, &t.data, &t.size, &err) != 0) {
		diag_add(diag, name, 0, 0, _("cannot read: %s"), err);
		return -1;
	}
	table_parser_init(&t);
	p = t.bol = table_start(&t);
	table_feed(&t, &p, t.data + t.size);
	rv = table_finish(&t);
	if (t.size != 0)
		munmap((void *)t.data, t.size);
	table_fini(&t);
	return rv;
}

/* One part of a file read in parts, and what its thread found. */
struct table_part {
	struct table		 t;
	struct table_split	*split;
	size_t			 index;
	const char		*mid;	/* where its share begins */
	const char		*start;	/* the record boundary after mid */
	unsigned		 line;	/* the line start is on */
	bool			 found;	/* start and line are known */
	bool			 clean;	/* ended at the next part's start */
	int			 rv;	/* table_finish(), if it read to the end */
	struct diag		 diag;	/* its problems (part 0: the caller's) */
	pthread_t		 thread;
};

/* What the parts of one file share. */
struct table_split {
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;	/* a part's start became known */
	struct table_part	 part[TABLE_PARTS_MAX];
	size_t			 n;	/* parts running */
	const char		*from;	/* the first record after the header */
	unsigned		 from_line;
	void			 (*done)(void *);
};

/* Counts the quotes and the line ends in the LEN bytes at P, eight bytes
 * at a time: this runs over half the file before a part can start. */
static void
table_count(const char *p, size_t len, size_t *quotes, size_t *lines)
{
	const uint64_t ones = 0x0101010101010101ULL, low = 0x7f7f7f7f7f7f7f7fULL;
	const uint64_t q = ones * '"', nl = ones * '\n';
	uint64_t w, x, y;
	size_t i = 0, nq = 0, nn = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		/* A byte of x (y) is zero where w has a quote (LF); its high
		 * bit is then clear in ((x & low) + low) | x, and only then. */
		x = w ^ q;
		y = w ^ nl;
		x = ~(((x & low) + low) | x | low) >> 7;
		y = ~(((y & low) + low) | y | low) >> 7;
		/* One bit per byte found: summed into the top byte. */
		nq += (size_t)((x * ones) >> 56);
		nn += (size_t)((y * ones) >> 56);
	}
	for (; i < len; i++) {
		nq += p[i] == '"';
		nn += p[i] == '\n';
	}
	*quotes = nq;
	*lines = nn;
}

/*
 * Finds where part P starts: the first line end at or after its share's
 * beginning with an even number of quotes before it, and its line number.
 * With no such line end, the part starts (and ends) at the end of the file.
 */
static void
table_part_find(struct table_part *p)
{
	struct table_split *sp = p->split;
	const char *end = p->t.data + p->t.size, *s;
	size_t quotes, lines;

	table_count(sp->from, (size_t)(p->mid - sp->from), &quotes, &lines);
	for (s = p->mid; s < end; s++) {
		if (*s == '"')
			quotes++;
		else if (*s == '\n') {
			lines++;
			if (quotes % 2 == 0) {
				s++;
				break;
			}
		}
	}
	p->start = s;
	p->line = sp->from_line + (unsigned)lines;
}

/* Returns where the part after part I starts, waiting for its thread to
 * find it; NULL if no part follows. */
static const char *
table_part_next(struct table_split *sp, size_t i)
{
	const char *next = NULL;

	pthread_mutex_lock(&sp->lock);
	while (i + 1 < sp->n && !sp->part[i + 1].found)
		pthread_cond_wait(&sp->cond, &sp->lock);
	if (i + 1 < sp->n)
		next = sp->part[i + 1].start;
	pthread_mutex_unlock(&sp->lock);
	return next;
}

static const char *
table_part_mid(struct table_split *sp, size_t i)
{
	const char *mid = NULL;

	pthread_mutex_lock(&sp->lock);
	if (i + 1 < sp->n)
		mid = sp->part[i + 1].mid;
	pthread_mutex_unlock(&sp->lock);
	return mid;
}

/*
 * Reads part P: from its start to the next part's, and on to the end of
 * the file if it does not end there between two records (or is the last).
 */
static void
table_part_read(struct table_part *p)
{
	struct table_split *sp = p->split;
	struct table *t = &p->t;
	const char *pos = p->start, *end = t->data + t->size, *next;

	/* Most of the part can be read before the next one's start is
	 * known: every chunk that starts before the next share does. */
	if ((next = table_part_mid(sp, p->index)) != NULL)
		table_feed(t, &pos, next);
	next = table_part_next(sp, p->index);
	table_feed(t, &pos, next != NULL ? next : end);
	p->clean = next != NULL && pos == next && !t->stop &&
	    t->row_line == 0;
	if (!p->clean) {
		table_feed(t, &pos, end);
		p->rv = table_finish(t);
	}
	if (sp->done != NULL)
		sp->done(t->arg);
}

static void *
table_part_main(void *arg)
{
	struct table_part *p = arg;
	struct table_split *sp = p->split;

	table_part_find(p);
	p->t.line = p->line;
	p->t.bol = p->start;
	pthread_mutex_lock(&sp->lock);
	p->found = true;
	pthread_cond_broadcast(&sp->cond);
	pthread_mutex_unlock(&sp->lock);
	table_part_read(p);
	return NULL;
}

/*
 * Reads PATH as table_read() does, but in up to TP->max parts read at once
 * on as many threads, each at least TP->min_size bytes: FN gets the header
 * with TP->args[0], then the records of part i with TP->args[i], in file
 * order within a part, and part i's records all come before part i+1's.
 * FN may run on several threads at once, each with its part's ARG; after
 * a part's last record, TP->done (if not NULL) is called on its thread
 * with its ARG. Only the records given to the first TP->used parts count:
 * later parts were found not to start where a record does, and what FN
 * did with their records must be thrown away. DIAG gets the problems a
 * single reader would report, in the same order. Returns as table_read().
 */
int
table_read_parts(const char *path, const char *name, table_row_fn fn,
    struct table_parts *tp, struct diag *diag)
{
	struct table_split *sp;
	struct table_part *p0;
	struct table *t;
	const char *pos, *end;
	size_t n, i, rest;
	char *err;
	int rv;

	sp = xcalloc(1, sizeof *sp);
	p0 = &sp->part[0];
	t = &p0->t;
	table_init(t, name, fn, tp->args[0], diag);
	t->exact = t->exact_only = tp->exact;
	tp->used = 1;
	if (table_map(path, &t->data, &t->size, &err) != 0) {
		diag_add(diag, name, 0, 0, _("cannot read: %s"), err);
		free(sp);
		return -1;
	}
	table_parser_init(t);
	pos = t->bol = table_start(t);
	end = t->data + t->size;

	/* The header alone, one chunk at a time: every part binds to it. */
	while (pos < end && !t->stop && !t->seen_header)
		table_feed(t, &pos, pos + 1);

	rest = (size_t)(end - pos);
	n = tp->max < TABLE_PARTS_MAX ? tp->max : TABLE_PARTS_MAX;
	if (tp->min_size > 0 && n > rest / tp->min_size)
		n = rest / tp->min_size;
	if (t->stop || !t->seen_header || n < 2) {
		table_feed(t, &pos, end);
		rv = table_finish(t);
		if (tp->done != NULL)
			tp->done(t->arg);
		goto out;
	}

	pthread_mutex_init(&sp->lock, NULL);
	pthread_cond_init(&sp->cond, NULL);
	sp->n = n;
	sp->from = pos;
	sp->from_line = t->line;
	sp->done = tp->done;
	for (i = 0; i < n; i++) {
		struct table_part *p = &sp->part[i];

		p->split = sp;
		p->index = i;
		/* Part i first counts the quotes before its share: it
		 * gets a little less to read. */
		p->mid = pos + rest / n * i + rest / n / 32 * i;
		if (i == 0)
			continue;
		table_init(&p->t, name, fn, tp->args[i], &p->diag);
		p->t.exact = p->t.exact_only = tp->exact;
		diag_init(&p->diag);
		p->t.data = t->data;
		p->t.size = t->size;
		p->t.seen_header = true;
		p->t.header_n = t->header_n;
		table_parser_init(&p->t);
	}
	p0->start = pos;
	p0->line = t->line;
	p0->found = true;
	for (i = 1; i < n; i++) {
		if (pthread_create(&sp->part[i].thread, NULL, table_part_main,
		    &sp->part[i]) == 0)
			continue;
		/* No thread: the parts before read on instead. */
		pthread_mutex_lock(&sp->lock);
		sp->n = i;
		pthread_cond_broadcast(&sp->cond);
		pthread_mutex_unlock(&sp->lock);
		break;
	}
	table_part_read(p0);
	for (i = 1; i < sp->n; i++)
		pthread_join(sp->part[i].thread, NULL);

	/* Part i counts if every part before it ended where it starts. */
	while (tp->used < sp->n && sp->part[tp->used - 1].clean)
		tp->used++;
	rv = sp->part[tp->used - 1].rv;
	for (i = 1; i < n; i++) {
		if (i < tp->used)
			diag_append(diag, &sp->part[i].diag);
		diag_fini(&sp->part[i].diag);
		table_fini(&sp->part[i].t);
	}
	pthread_cond_destroy(&sp->cond);
	pthread_mutex_destroy(&sp->lock);
out:
	if (t->size != 0)
		munmap((void *)t->data, t->size);
	table_fini(t);
	free(sp);
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
