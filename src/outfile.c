/*
 * Where output goes: standard output, a device written in place, or a
 * temporary file renamed over -o FILE after a clean run.  See outfile.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "outfile.h"

void
outfile_failed(struct outfile *of)
{
	if (!of->failed)
		of->failed_errno = errno;
	of->failed = true;
}

/* -o: a temporary file beside path, with the mode a shell would give. */
static int
outfile_open_tmp(struct outfile *of)
{
	mode_t	 mask;
	int	 fd, saved;

	if ((of->tmp_path = malloc(strlen(of->path) + 8)) == NULL)
		return -1;
	sprintf(of->tmp_path, "%s.XXXXXX", of->path);
	if ((fd = mkstemp(of->tmp_path)) == -1) {
		free(of->tmp_path);
		of->tmp_path = NULL;
		return -1;
	}
	/* mkstemp makes 0600; give the report the mode a shell would. */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) == -1 ||
	    (of->fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		unlink(of->tmp_path);
		errno = saved;
		return -1;
	}
	return 0;
}

int
outfile_open(struct outfile *of, const char *path, struct diag *d)
{
	struct stat	 st;

	memset(of, 0, sizeof(*of));
	of->path = path;
	if (path == NULL) {
		of->fp = stdout;
		return 0;
	}
	/*
	 * Only a regular file can be replaced atomically; a device or a
	 * FIFO (-o /dev/stdout) is written in place, never renamed over.
	 */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if ((of->fp = fopen(path, "w")) == NULL)
			goto fail;
		of->direct = true;
		return 0;
	}
	if (outfile_open_tmp(of) == 0)
		return 0;
fail:
	diag_report(d, DIAG_ERROR, path, 0, "cannot create: %s",
	    strerror(errno));
	return -1;
}

/* Close the temporary file; rename it into place when all went well. */
static void
outfile_close_tmp(struct outfile *of, FILE *fp, bool complete,
    struct diag *d)
{
	if (!of->failed && fsync(fileno(fp)) == -1)
		outfile_failed(of);
	if (fclose(fp) == EOF)
		outfile_failed(of);
	if (!of->failed && complete && rename(of->tmp_path, of->path) == -1)
		outfile_failed(of);
	if (of->failed || !complete) {
		unlink(of->tmp_path);
		if (!of->failed)
			diag_report(d, DIAG_ERROR, of->path, 0,
			    "left unchanged: the audit had errors");
	}
	free(of->tmp_path);
	of->tmp_path = NULL;
}

int
outfile_close(struct outfile *of, bool complete, struct diag *d)
{
	FILE	*fp = of->fp;

	if (fflush(fp) == EOF || ferror(fp))
		outfile_failed(of);
	if (of->direct || of->tmp_path != NULL)
		of->fp = NULL;
	if (of->direct && fclose(fp) == EOF)
		outfile_failed(of);
	if (of->tmp_path != NULL)
		outfile_close_tmp(of, fp, complete, d);
	if (!of->failed || of->failed_errno == EPIPE)
		return 0;
	diag_report(d, DIAG_ERROR, of->path != NULL ? of->path : "<stdout>", 0,
	    "write failed: %s", strerror(of->failed_errno != 0 ?
	    of->failed_errno : EIO));
	return -1;
}

void
outfile_discard(struct outfile *of)
{
	/* An output file still open here was never completed. */
	if (of->fp != NULL && of->fp != stdout) {
		fclose(of->fp);
		if (of->tmp_path != NULL)
			unlink(of->tmp_path);
	}
	of->fp = NULL;
	free(of->tmp_path);
	of->tmp_path = NULL;
}
