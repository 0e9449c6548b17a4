/* bench-map.c: times a full-screen map in-process: the bundled data and
 * maps, a 200x60 grid with the control overlay, labels and markers, each
 * mode rendered many times; prints the median per mode (issue 5's target
 * is 5 ms).
 *
 *	bench-map DATA_DIR MAPS_DIR
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "diag.h"
#include "map.h"
#include "mapdata.h"
#include "raster.h"
#include "store.h"

#define RUNS	201

/* Renders VIEW in MODE RUNS times; prints the median and the slowest. */
static void
bench(const struct store *s, const struct mapdata *md, const char *view,
    enum raster_mode mode, const char *mname)
{
	struct map_control mc;
	struct raster r;
	double t[RUNS], t0, box[4], median;
	size_t shown = 0, i;
	int k;

	memset(&mc, 0, sizeof mc);
	mc.has_day = true;
	mc.overlay = true;
	mc.kind = CONTROL_DE_FACTO;
	control_day_parse("1995-01-01", &mc.day, NULL);
	for (k = 0; k < RUNS; k++) {
		t0 = bench_now();
		memcpy(box, map_view_find(view)->box, sizeof box);
		raster_fit(box, 200, 60);
		raster_init(&r, 200, 60, mode, box);
		map_draw_at(&r, md, s, LANG_EN, &mc);
		t[k] = bench_now() - t0;
		for (i = shown = 0; i < r.nmarkers; i++)
			shown += r.markers[i].shown;
		raster_free(&r);
	}
	median = bench_median(t, RUNS);	/* sorts t: t[RUNS - 1] the slowest */
	printf("| `map --view %s --size 200x60 --%s --at 1995` (%zu markers) "
	    "| %.3f ms | %.3f ms |\n", view, mname, shown, median * 1e3,
	    t[RUNS - 1] * 1e3);
}

int
main(int argc, char **argv)
{
	static const char *views[] = { "caucasus", "karabakh" };
	struct store s;
	struct mapdata md;
	struct diag d;
	size_t i;

	if (argc != 3) {
		fprintf(stderr, "usage: bench-map DATA_DIR MAPS_DIR\n");
		return 2;
	}
	diag_init(&d);
	if (store_load(&s, argv[1], &d) != 0 ||
	    mapdata_load(&md, argv[2], &d) != 0) {
		for (i = 0; i < d.n; i++)
			fprintf(stderr, "%s\n", d.msgs[i]);
		return 1;
	}
	diag_fini(&d);
	printf("| map | median (%d runs) | slowest |\n|---|---:|---:|\n", RUNS);
	for (i = 0; i < sizeof views / sizeof views[0]; i++) {
		bench(&s, &md, views[i], RASTER_BRAILLE, "braille");
		bench(&s, &md, views[i], RASTER_UNICODE, "unicode");
		bench(&s, &md, views[i], RASTER_ASCII, "ascii");
	}
	mapdata_free(&md);
	store_free(&s);
	return 0;
}
