/*
 * What the fuzz targets share: the invariant check that ends a run, and
 * a diag sink that reads every message to its end and drops it.  Each
 * target defines fuzz_name, which prefixes what the check prints.
 */
#ifndef CREDAUDIT_FUZZ_COMMON_H
#define CREDAUDIT_FUZZ_COMMON_H

#include <stdbool.h>

#include "diag.h"

extern const char	 fuzz_name[];

/* Abort, naming the target and what broke, unless ok. */
void	fuzz_check(bool ok, const char *what);

/* A diag emit function: adds each message's length to *(size_t *)ctx. */
void	fuzz_discard(void *ctx, enum diag_level level, const char *msg);

#endif
