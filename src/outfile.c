/*
 * Where output goes: standard output, a file written in place, or a
 * temporary file renamed over -o FILE after a clean run.  See outfile.h.
 *
 * Replacing a file must not lose or loosen it: the temporary file takes
 * the mode (and, where the system allows, the owner and group) of the
 * file it replaces, a report input is never the output, and a name for
 * an open descriptor (/dev/stdout, /proc/self/fd/1) or anything that is
 * not a regular file is written through, never renamed over.  A run
 * ended by SIGINT, SIGTERM or SIGHUP removes its temporary file first.
 */
/* realpath(3) is XSI; the rest of the program needs only POSIX. */
#define _XOPEN_SOURCE	700

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "outfile.h"

/* Symbolic links followed to tell a descriptor's name, at most. */
#define OUTFILE_MAX_LINKS	40

static const int outfile_signals[OUTFILE_NSIGNALS] = {
	SIGHUP, SIGINT, SIGTERM
};

/*
 * The temporary file's name, for the signal handler, which can be given
 * nothing else: the program's one piece of mutable file-scope state.  It
 * is written only while the signals are blocked, and the handler reads
 * it only when armed.
 */
static char			 outfile_sig_path[PATH_MAX];
static volatile sig_atomic_t	 outfile_sig_armed;

/* Remove the temporary file, then die of the signal as if not caught. */
static void
outfile_on_signal(int sig)
{
	if (outfile_sig_armed)
		(void)unlink(outfile_sig_path);
	(void)signal(sig, SIG_DFL);
	/* Blocked while the handler runs: delivered, fatally, on return. */
	(void)raise(sig);
}

static void
outfile_block(sigset_t *old)
{
	sigset_t	 set;
	size_t		 i;

	sigemptyset(&set);
	for (i = 0; i < OUTFILE_NSIGNALS; i++)
		sigaddset(&set, outfile_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/*
 * Catch the signals while the temporary file exists, except one the
 * process was started ignoring (nohup): that stays ignored.
 */
static void
outfile_arm(struct outfile *of)
{
	struct sigaction	 sa;
	size_t			 i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = outfile_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < OUTFILE_NSIGNALS; i++) {
		sigaction(outfile_signals[i], NULL, &of->old_action[i]);
		if (of->old_action[i].sa_handler != SIG_IGN)
			sigaction(outfile_signals[i], &sa, NULL);
	}
	outfile_sig_armed = 1;
	of->armed = true;
}

static void
outfile_disarm(struct outfile *of)
{
	size_t	 i;

	if (!of->armed)
		return;
	outfile_sig_armed = 0;
	for (i = 0; i < OUTFILE_NSIGNALS; i++)
		sigaction(outfile_signals[i], &of->old_action[i], NULL);
	of->armed = false;
}

void
outfile_failed(struct outfile *of)
{
	if (!of->failed)
		of->failed_errno = errno;
	of->failed = true;
}

/*
 * The temporary file takes what the file it replaces had: its mode, and
 * its owner and group where the system lets this user give them (root
 * can; anyone can keep a group they belong to).  A new file gets the
 * mode a shell's redirection would.
 */
static int
outfile_copy_mode(int fd, const char *path)
{
	struct stat	 st;
	mode_t		 mask;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		if (fchown(fd, st.st_uid, st.st_gid) == -1)
			(void)fchown(fd, (uid_t)-1, st.st_gid);
		return fchmod(fd, st.st_mode & 0777);
	}
	/* mkstemp makes 0600. */
	mask = umask(0);
	umask(mask);
	return fchmod(fd, 0666 & ~mask);
}

/*
 * Remove or rename the temporary file with the signals held back, so
 * that the handler never removes a name that is no longer ours.
 */
static int
outfile_settle_tmp(struct outfile *of, bool keep)
{
	sigset_t	 old;
	int		 rc = 0, saved = 0;

	outfile_block(&old);
	if (keep && rename(of->tmp_path, of->path) == -1) {
		saved = errno;
		rc = -1;
	}
	if (!keep || rc == -1)
		(void)unlink(of->tmp_path);
	outfile_disarm(of);
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(of->tmp_path);
	of->tmp_path = NULL;
	errno = saved;
	return rc;
}

static void
outfile_remove_tmp(struct outfile *of)
{
	if (of->tmp_path != NULL)
		(void)outfile_settle_tmp(of, false);
}

/* -o: a temporary file beside path, signals armed to remove it. */
static int
outfile_open_tmp(struct outfile *of)
{
	sigset_t	 old;
	size_t		 len = strlen(of->path) + sizeof(".XXXXXX");
	int		 fd, saved;

	if (len > sizeof(outfile_sig_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((of->tmp_path = malloc(len)) == NULL)
		return -1;
	snprintf(of->tmp_path, len, "%s.XXXXXX", of->path);
	/* No signal between creating the file and knowing its name. */
	outfile_block(&old);
	if ((fd = mkstemp(of->tmp_path)) != -1) {
		memcpy(outfile_sig_path, of->tmp_path, len);
		outfile_arm(of);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd == -1) {
		free(of->tmp_path);
		of->tmp_path = NULL;
		return -1;
	}
	if (outfile_copy_mode(fd, of->path) == -1 ||
	    (of->fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		outfile_remove_tmp(of);
		errno = saved;
		return -1;
	}
	return 0;
}

/* Does path lie in /proc, once its directory's links are resolved? */
static bool
outfile_in_proc(const char *path)
{
	char	 dir[PATH_MAX], real[PATH_MAX];
	char	*slash;

	if (strlen(path) >= sizeof(dir))
		return false;
	strcpy(dir, path);
	if ((slash = strrchr(dir, '/')) == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if (realpath(dir, real) == NULL)
		return false;
	return strncmp(real, "/proc/", 6) == 0;
}

/*
 * Is path a name for an open descriptor (/dev/stdout, /dev/fd/1,
 * /proc/self/fd/1), itself or through symbolic links?  Each step of the
 * chain is looked at, since the last one names wherever the descriptor
 * points (a regular file, say, when standard output was redirected).
 */
static bool
outfile_is_fd_name(const char *path)
{
	char		 cur[PATH_MAX], target[PATH_MAX];
	struct stat	 st;
	ssize_t		 n;
	char		*slash;
	int		 hops;

	if (strlen(path) >= sizeof(cur))
		return false;
	strcpy(cur, path);
	for (hops = 0; hops < OUTFILE_MAX_LINKS; hops++) {
		if (outfile_in_proc(cur))
			return true;
		if (lstat(cur, &st) == -1 || !S_ISLNK(st.st_mode))
			return false;
		if ((n = readlink(cur, target, sizeof(target) - 1)) == -1)
			return false;
		target[n] = '\0';
		if (target[0] == '/' || (slash = strrchr(cur, '/')) == NULL) {
			strcpy(cur, target);
			continue;
		}
		/* Relative to the link's directory. */
		if ((size_t)(slash - cur) + 1 + (size_t)n >= sizeof(cur))
			return false;
		strcpy(slash + 1, target);
	}
	return false;
}

/*
 * Write through path, in place: standard output itself when path names
 * it, else path opened to append (a descriptor's name must not truncate
 * what the shell opened, "cmd -o /dev/stdout >>log") or, for a device or
 * FIFO, to write.
 */
static int
outfile_open_direct(struct outfile *of, bool fd_name)
{
	struct stat	 st, out;

	if (fd_name && stat(of->path, &st) == 0 &&
	    fstat(STDOUT_FILENO, &out) == 0 && st.st_dev == out.st_dev &&
	    st.st_ino == out.st_ino) {
		of->fp = stdout;
		return 0;
	}
	if ((of->fp = fopen(of->path, fd_name ? "a" : "w")) == NULL)
		return -1;
	of->direct = true;
	return 0;
}

/*
 * Is the output one of the reports being read?  Replacing it would lose
 * the report (and reading it while it is truncated, the audit).  Only a
 * regular file counts: a terminal may well be both.
 */
static const char *
outfile_input_clash(const char *path, char *const inputs[], int ninputs)
{
	struct stat	 out, in;
	int		 i;

	if (stat(path, &out) == -1 || !S_ISREG(out.st_mode))
		return NULL;
	if (ninputs == 0)
		return fstat(STDIN_FILENO, &in) == 0 &&
		    in.st_dev == out.st_dev && in.st_ino == out.st_ino ?
		    "<stdin>" : NULL;
	for (i = 0; i < ninputs; i++) {
		if (strcmp(inputs[i], "-") == 0 ?
		    fstat(STDIN_FILENO, &in) == -1 : stat(inputs[i], &in) == -1)
			continue;
		if (in.st_dev == out.st_dev && in.st_ino == out.st_ino)
			return strcmp(inputs[i], "-") == 0 ? "<stdin>" :
			    inputs[i];
	}
	return NULL;
}

int
outfile_open(struct outfile *of, const char *path, char *const inputs[],
    int ninputs, struct diag *d)
{
	struct stat	 st;
	const char	*input;
	bool		 fd_name;

	memset(of, 0, sizeof(*of));
	of->path = path;
	if (path == NULL) {
		of->fp = stdout;
		return 0;
	}
	if ((input = outfile_input_clash(path, inputs, ninputs)) != NULL) {
		diag_report(d, DIAG_ERROR, path, 0, "is the report input %s "
		    "itself; nothing written", input);
		return -1;
	}
	/*
	 * Only a regular file can be replaced atomically; a descriptor's
	 * name, a device or a FIFO is written in place, never renamed over.
	 */
	fd_name = outfile_is_fd_name(path);
	if (fd_name || (stat(path, &st) == 0 && !S_ISREG(st.st_mode))) {
		if (outfile_open_direct(of, fd_name) == 0)
			return 0;
	} else if (outfile_open_tmp(of) == 0)
		return 0;
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
	if (of->failed || !complete) {
		outfile_remove_tmp(of);
		if (!of->failed)
			diag_report(d, DIAG_ERROR, of->path, 0,
			    "left unchanged: the audit had errors");
		return;
	}
	if (outfile_settle_tmp(of, true) == -1)
		outfile_failed(of);
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
	if (of->fp != NULL && of->fp != stdout)
		fclose(of->fp);
	of->fp = NULL;
	outfile_remove_tmp(of);
}
