/*
 * What the fuzz targets share; see fuzz_common.h.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

void
fuzz_check(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "%s: invariant broken: %s\n", fuzz_name, what);
		abort();
	}
}

void
fuzz_discard(void *ctx, enum diag_level level, const char *msg)
{
	size_t	*bytes = ctx;

	(void)level;
	*bytes += strlen(msg);
}
