/*
 * Whole-file reading with a size limit; see readfile.h.  The buffer
 * doubles from 64 KiB, so a small config costs one allocation and a
 * large baseline a few.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "readfile.h"

#define READFILE_FIRST	(64 * 1024)

int
readfile_fp(FILE *fp, size_t max, char **buf, size_t *len, size_t *cap)
{
	size_t	 ncap, n;
	char	*p;

	for (;;) {
		if (*cap - *len < 2) {
			ncap = *cap == 0 ? READFILE_FIRST : *cap * 2;
			/* Room for one byte past max, to see it is too big. */
			if (ncap > max + 2)
				ncap = max + 2;
			if ((p = realloc(*buf, ncap)) == NULL) {
				errno = ENOMEM;
				return -1;
			}
			*buf = p;
			*cap = ncap;
		}
		n = fread(*buf + *len, 1, *cap - *len - 1, fp);
		*len += n;
		if (*len > max) {
			errno = EFBIG;
			return -1;
		}
		if (n == 0)
			break;
	}
	(*buf)[*len] = '\0';
	if (ferror(fp)) {
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	return 0;
}

int
readfile_path(const char *path, size_t max, char **buf, size_t *len,
    int *opened)
{
	FILE	*fp;
	size_t	 cap = 0;
	int	 rc, saved;

	*buf = NULL;
	*len = 0;
	*opened = 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	*opened = 1;
	errno = 0;
	rc = readfile_fp(fp, max, buf, len, &cap);
	saved = errno;
	fclose(fp);
	if (rc == -1) {
		free(*buf);
		*buf = NULL;
		errno = saved;
	}
	return rc;
}
