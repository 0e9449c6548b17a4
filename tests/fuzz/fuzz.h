/* fuzz.h: the libFuzzer entry point, shared by the fuzz targets and the
 * corpus replay driver (replay.c) that runs them under `make check`.
 *
 * Contract: LLVMFuzzerTestOneInput() takes any bytes, returns 0, and
 * aborts when the code under test breaks one of its promises; the
 * sanitizers report crashes, leaks and undefined behaviour. */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with a message naming the broken promise. */
#define FUZZ_ASSERT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: broken promise: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

#endif
