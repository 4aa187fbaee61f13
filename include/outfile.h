/*
 * Where output goes: standard output, or -o FILE replaced only when the
 * run succeeds.
 *
 * With -o, output is written to a temporary file beside FILE and renamed
 * over it at the end, but only after a clean run: a report missing an
 * input or a rejected row must not replace the last good one (a weekly
 * job diffs against it).  The temporary file takes the mode, owner and
 * group of the file it replaces, as far as the system allows, and is
 * removed when SIGINT, SIGTERM or SIGHUP ends the run.  FILE may not be
 * one of the report inputs.  A name for an open descriptor
 * (/dev/stdout, /dev/fd/N, /proc/self/fd/N) and anything that is not a
 * regular file (a device, a FIFO) cannot be replaced atomically and is
 * written through in place.  Every failure is reported through the diag
 * sink.
 */
#ifndef CREDAUDIT_OUTFILE_H
#define CREDAUDIT_OUTFILE_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

/* The signals that remove the temporary file: SIGHUP, SIGINT, SIGTERM. */
#define OUTFILE_NSIGNALS	3

struct outfile {
	const char	*path;		/* -o FILE, NULL for standard output */
	FILE		*fp;		/* where to write; NULL once closed */
	char		*tmp_path;	/* -o: the file being written */
	bool		 direct;	/* -o is written in place, fp ours */
	bool		 failed;	/* a write failed */
	int		 failed_errno;	/* errno of the first failure */
	bool		 armed;		/* signals remove tmp_path */
	struct sigaction old_action[OUTFILE_NSIGNALS];	/* before arming */
};

/*
 * Open path (NULL: standard output), refusing it when it is the same
 * file as one of the ninputs report inputs (none: standard input).
 * Returns 0, or -1 reported to d.
 */
int	outfile_open(struct outfile *of, const char *path,
	    char *const inputs[], int ninputs, struct diag *d);

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
