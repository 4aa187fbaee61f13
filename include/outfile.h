/*
 * Where output goes: standard output, or -o FILE replaced only when the
 * run succeeds.
 *
 * With -o, output is written to a temporary file beside FILE and renamed
 * over it at the end, but only after a clean run: a report missing an
 * input or a rejected row must not replace the last good one (a weekly
 * job diffs against it).  A device or a FIFO (-o /dev/stdout) cannot be
 * replaced atomically and is written in place.  Every failure is
 * reported through the diag sink.
 */
#ifndef CREDAUDIT_OUTFILE_H
#define CREDAUDIT_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

struct outfile {
	const char	*path;		/* -o FILE, NULL for standard output */
	FILE		*fp;		/* where to write; NULL once closed */
	char		*tmp_path;	/* -o: the file being written */
	bool		 direct;	/* -o names a device or FIFO */
	bool		 failed;	/* a write failed */
	int		 failed_errno;	/* errno of the first failure */
};

/* Open path (NULL: standard output).  Returns 0, or -1 reported to d. */
int	outfile_open(struct outfile *of, const char *path, struct diag *d);

/* Note that a write to of->fp failed; the first errno is kept. */
void	outfile_failed(struct outfile *of);

/*
 * Flush and close; with -o, rename into place when complete and nothing
 * failed, else remove the temporary file (and say the file was left
 * unchanged).  A failed write is reported to d and returns -1, except a
 * reader that closed the pipe early (EPIPE), which wanted no more: that
 * ends quietly and returns 0.
 */
int	outfile_close(struct outfile *of, bool complete, struct diag *d);

/* Release what is left after an early end; NULL-safe, idempotent. */
void	outfile_discard(struct outfile *of);

#endif
