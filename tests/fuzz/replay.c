/* replay.c: runs a fuzz target's LLVMFuzzerTestOneInput() on every file of
 * its corpus, without libFuzzer, so `make check` replays the seeds and the
 * regression inputs with any compiler.
 *
 * With arguments, each names a file or a directory to replay; without, the
 * corpus REPLAY_CORPUS (set by Makefile.am) under $SRCDIR is replayed.
 * Files are run in name order, each named on stdout first, so the log
 * says which one crashed. Exits 0, or 99 if a corpus cannot be read (a
 * crash in the target is a crash here too). */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "xalloc.h"

static int
replay_file(const char *path, size_t *count)
{
	uint8_t *buf = NULL;
	size_t len = 0, alloc = 0, n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	do {
		if (len == alloc) {
			alloc = alloc ? alloc * 2 : 4096;
			buf = xreallocarray(buf, alloc, 1);
		}
		n = fread(buf + len, 1, alloc - len, fp);
		len += n;
	} while (n != 0);
	if (ferror(fp)) {
		fprintf(stderr, "%s: read error\n", path);
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	printf("%s (%zu bytes)\n", path, len);
	fflush(stdout);
	/* An exact-size copy, so ASan sees reads past the end. */
	{
		uint8_t *exact = xmalloc(len);

		if (len != 0)
			memcpy(exact, buf, len);
		free(buf);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	(*count)++;
	return 0;
}

static int
replay_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
replay_path(const char *path, size_t *count)
{
	struct dirent *de;
	struct stat st;
	char **names = NULL, *sub;
	size_t n = 0, alloc = 0, i;
	int rv = 0;
	DIR *dir;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path, count);
	if ((dir = opendir(path)) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			names = xreallocarray(names, alloc, sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dir);
	if (n > 1)
		qsort(names, n, sizeof *names, replay_cmp);
	for (i = 0; i < n; i++) {
		xasprintf(&sub, "%s/%s", path, names[i]);
		if (replay_file(sub, count) != 0)
			rv = -1;
		free(sub);
		free(names[i]);
	}
	free(names);
	return rv;
}

int
main(int argc, char **argv)
{
	const char *srcdir = getenv("SRCDIR");
	size_t count = 0;
	char *corpus;
	int i, rv = 0;

	if (argc > 1) {
		for (i = 1; i < argc; i++)
			if (replay_path(argv[i], &count) != 0)
				rv = 99;
	} else {
		xasprintf(&corpus, "%s/%s", srcdir ? srcdir : ".",
		    REPLAY_CORPUS);
		if (replay_path(corpus, &count) != 0)
			rv = 99;
		free(corpus);
	}
	if (count == 0) {
		fputs("replay: no inputs\n", stderr);
		rv = 99;
	}
	printf("%zu inputs replayed\n", count);
	return rv;
}
