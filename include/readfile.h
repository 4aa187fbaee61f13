/*
 * Whole-file reading, for the inputs that are parsed as one document:
 * the config file, a baseline and the aws-cli JSON wrapper of a report.
 * One reader, one way to bound the size: each caller names its limit
 * and words the failure for its own file.
 */
#ifndef CREDAUDIT_READFILE_H
#define CREDAUDIT_READFILE_H

#include <stddef.h>
#include <stdio.h>

/*
 * Read fp to its end, after the *len bytes already in *buf (which holds
 * *cap bytes; NULL and 0 start empty), and NUL-terminate what was read.
 * Returns 0, or -1 with errno set: EFBIG when the whole is more than max
 * bytes (reading stops just past max), ENOMEM, or the read error (EIO
 * when the C library gave none).  *buf stays the caller's to free.
 */
int	readfile_fp(FILE *fp, size_t max, char **buf, size_t *len,
	    size_t *cap);

/*
 * Open path and read it whole into a new buffer the caller frees.
 * Returns 0; -1 with errno when path cannot be opened (*opened false);
 * -1 with errno as readfile_fp when reading failed (*opened true).
 */
int	readfile_path(const char *path, size_t max, char **buf, size_t *len,
	    int *opened);

#endif
