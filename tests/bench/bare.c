/* bare.c: the floor for loading: a bare libcsv loop over a file that
 * copies every field into an arena and does nothing else. ttyatlas's load
 * is measured against it (tests/bench/run). Prints rows and bytes kept.
 *
 *	bare FILE
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#define BLOCK (1024 * 1024)

struct arena {
	char	*p;
	size_t	 left;
	size_t	 total;
};

static void
field(void *s, size_t len, void *arg)
{
	struct arena *a = arg;

	if (len + 1 > a->left) {
		size_t n = len + 1 > BLOCK ? len + 1 : BLOCK;

		if ((a->p = malloc(n)) == NULL)
			exit(71);
		a->left = n;
	}
	memcpy(a->p, s, len);
	a->p[len] = '\0';
	a->p += len + 1;
	a->left -= len + 1;
	a->total += len + 1;
}

static void
row(int c, void *arg)
{
	(void)c;
	(void)arg;
}

static size_t rows;

static void
row_count(int c, void *arg)
{
	row(c, arg);
	rows++;
}

int
main(int argc, char **argv)
{
	struct csv_parser p;
	struct arena a = { NULL, 0, 0 };
	struct stat st;
	const char *data;
	int fd;

	if (argc != 2 || (fd = open(argv[1], O_RDONLY)) == -1 ||
	    fstat(fd, &st) != 0) {
		fprintf(stderr, "usage: bare FILE\n");
		return 2;
	}
	data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (data == MAP_FAILED)
		return 1;
	csv_init(&p, CSV_STRICT | CSV_APPEND_NULL);
	csv_parse(&p, data, (size_t)st.st_size, field, row_count, &a);
	csv_fini(&p, field, row_count, &a);
	csv_free(&p);
	printf("%zu rows, %zu bytes kept\n", rows, a.total);
	return 0;
}
