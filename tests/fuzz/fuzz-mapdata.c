/* fuzz-mapdata.c: libFuzzer target for the map file reader.
 *
 * The input is written to a private temporary file and read by
 * mapdata_load_file(). A failed read must have reported at least one
 * problem; every problem names the file. A successful one reports none,
 * and its features keep mapdata.h's promises: an id, class and name;
 * rings of at least 4 points and parts of at least 2, all within
 * -180..180 and -90..90 and inside the feature's bounding box;
 * mapdata_find() finds a feature with that id. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fuzz.h"
#include "mapdata.h"
#include "xalloc.h"

#define FUZZ_MAPDATA_NAME "maps/fuzz.map"

/* The directory and file live as long as the process; atexit() removes
 * them. */
static char	*fuzz_mapdata_dir;
static char	*fuzz_mapdata_path;

static void
fuzz_mapdata_cleanup(void)
{
	if (fuzz_mapdata_path != NULL)
		unlink(fuzz_mapdata_path);
	if (fuzz_mapdata_dir != NULL)
		rmdir(fuzz_mapdata_dir);
	free(fuzz_mapdata_path);
	free(fuzz_mapdata_dir);
}

static void
fuzz_mapdata_setup(void)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	xasprintf(&fuzz_mapdata_dir, "%s/ttyatlas-fuzz-XXXXXX", tmp);
	if (mkdtemp(fuzz_mapdata_dir) == NULL) {
		perror(fuzz_mapdata_dir);
		abort();
	}
	xasprintf(&fuzz_mapdata_path, "%s/fuzz.map", fuzz_mapdata_dir);
	atexit(fuzz_mapdata_cleanup);
}

static void
fuzz_mapdata_check(const struct mapdata *md)
{
	const struct mapdata_feature *f;
	const struct mapdata_part *p;
	double x, y;
	size_t i, j, k;

	for (i = 0; i < md->n; i++) {
		f = &md->f[i];
		FUZZ_ASSERT(f->id != NULL && *f->id != '\0');
		FUZZ_ASSERT(f->class != NULL && *f->class != '\0');
		FUZZ_ASSERT(f->name != NULL && *f->name != '\0');
		FUZZ_ASSERT(strcmp(f->file, FUZZ_MAPDATA_NAME) == 0);
		FUZZ_ASSERT(f->line >= 1);
		FUZZ_ASSERT(f->kind != MAPDATA_LABEL || f->nparts == 0);
		if (f->kind != MAPDATA_LINE)
			FUZZ_ASSERT(isfinite(f->label_lon) &&
			    isfinite(f->label_lat));
		for (j = 0; j < f->nparts; j++) {
			p = &f->parts[j];
			FUZZ_ASSERT(p->n >= (f->kind == MAPDATA_AREA ? 4u : 2u));
			for (k = 0; k < p->n; k++) {
				x = p->xy[2 * k];
				y = p->xy[2 * k + 1];
				FUZZ_ASSERT(x >= -180 && x <= 180);
				FUZZ_ASSERT(y >= -90 && y <= 90);
				FUZZ_ASSERT(x >= f->w && x <= f->e);
				FUZZ_ASSERT(y >= f->s && y <= f->n);
			}
		}
		FUZZ_ASSERT(mapdata_find(md, f->id) != NULL);
		FUZZ_ASSERT(strcmp(mapdata_find(md, f->id)->id, f->id) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mapdata md;
	struct diag d;
	FILE *fp;
	size_t i;

	if (fuzz_mapdata_dir == NULL)
		fuzz_mapdata_setup();
	if ((fp = fopen(fuzz_mapdata_path, "w")) == NULL ||
	    fwrite(data, 1, size, fp) != size || fclose(fp) != 0) {
		perror(fuzz_mapdata_path);
		abort();
	}

	mapdata_init(&md);
	diag_init(&d);
	if (mapdata_load_file(&md, fuzz_mapdata_path, FUZZ_MAPDATA_NAME,
	    &d) == 0) {
		FUZZ_ASSERT(diag_count(&d) == 0);
		fuzz_mapdata_check(&md);
	} else
		FUZZ_ASSERT(diag_count(&d) != 0);
	for (i = 0; i < d.n; i++)
		FUZZ_ASSERT(strncmp(d.msgs[i], FUZZ_MAPDATA_NAME ":",
		    strlen(FUZZ_MAPDATA_NAME ":")) == 0);
	diag_fini(&d);
	mapdata_free(&md);
	return 0;
}
