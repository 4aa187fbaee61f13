/*
 * Tests of -o's temporary file under signals: SIGINT, SIGTERM and SIGHUP
 * during a run remove it before the process dies of the signal, and a
 * signal the process was started ignoring stays ignored.  Each case runs
 * in a child, which the signal ends; the parent looks at what is left.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "outfile.h"

/* A fresh scratch directory; the caller removes it with scratch_free. */
static char *
scratch_new(void)
{
	char	*dir = strdup("/tmp/credaudit-outfile-XXXXXX");

	assert_non_null(dir);
	assert_non_null(mkdtemp(dir));
	return dir;
}

/* Files in dir (besides . and ..), counted by name through ls. */
static int
scratch_count(const char *dir)
{
	char	 cmd[256];
	FILE	*p;
	int	 n = 0, c;

	snprintf(cmd, sizeof(cmd), "ls -A '%s'", dir);
	assert_non_null(p = popen(cmd, "r"));
	while ((c = fgetc(p)) != EOF)
		if (c == '\n')
			n++;
	pclose(p);
	return n;
}

static void
scratch_free(char *dir)
{
	char	 cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

/*
 * In a child: open dir/out.json with -o, write, then take sig.  The
 * child's exit status says how far it got when the signal did not end
 * it: 3 the temporary file was not made, 0 the run completed.
 */
static int
child_run(const char *dir, int sig, bool ignore)
{
	struct fixture_diag	 fd;
	struct outfile		 of;
	char			 path[256];
	pid_t			 pid;
	int			 status;

	if ((pid = fork()) == 0) {
		signal(sig, ignore ? SIG_IGN : SIG_DFL);
		snprintf(path, sizeof(path), "%s/out.json", dir);
		if (outfile_open(&of, path, NULL, 0,
		    fixture_diag_init(&fd)) == -1 || of.tmp_path == NULL ||
		    access(of.tmp_path, F_OK) == -1)
			_exit(3);
		fputs("{}\n", of.fp);
		raise(sig);
		_exit(outfile_close(&of, true, &fd.diag) == 0 ? 0 : 4);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void
test_outfile_signal_removes_temporary(void **state)
{
	static const int	 sigs[] = { SIGINT, SIGTERM, SIGHUP };
	size_t			 i;
	char			*dir;
	int			 status;

	(void)state;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		dir = scratch_new();
		status = child_run(dir, sigs[i], false);
		if (!WIFSIGNALED(status))
			fail_msg("signal %d: the child exited with %d", sigs[i],
			    WEXITSTATUS(status));
		assert_int_equal(WTERMSIG(status), sigs[i]);
		/* Neither the temporary file nor the output. */
		assert_int_equal(scratch_count(dir), 0);
		scratch_free(dir);
	}
}

/* A signal ignored from the start (nohup) does not end the run. */
static void
test_outfile_ignored_signal_stays_ignored(void **state)
{
	char		 path[256];
	char		*dir;
	int		 status;

	(void)state;
	dir = scratch_new();
	status = child_run(dir, SIGHUP, true);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* The output is in place and nothing else is left. */
	snprintf(path, sizeof(path), "%s/out.json", dir);
	assert_int_equal(access(path, F_OK), 0);
	assert_int_equal(scratch_count(dir), 1);
	scratch_free(dir);
}

/* After the rename the handlers are gone: a signal kills as before. */
static void
test_outfile_disarmed_after_close(void **state)
{
	struct fixture_diag	 fd;
	struct outfile		 of;
	struct sigaction	 sa;
	char			 path[256];
	char			*dir;

	(void)state;
	dir = scratch_new();
	snprintf(path, sizeof(path), "%s/out.json", dir);
	assert_int_equal(outfile_open(&of, path, NULL, 0,
	    fixture_diag_init(&fd)), 0);
	assert_int_equal(sigaction(SIGTERM, NULL, &sa), 0);
	assert_true(sa.sa_handler != SIG_DFL);
	assert_int_equal(outfile_close(&of, true, &fd.diag), 0);
	assert_int_equal(sigaction(SIGTERM, NULL, &sa), 0);
	assert_true(sa.sa_handler == SIG_DFL);
	outfile_discard(&of);
	assert_int_equal(scratch_count(dir), 1);
	scratch_free(dir);
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_outfile_signal_removes_temporary),
		cmocka_unit_test(test_outfile_ignored_signal_stays_ignored),
		cmocka_unit_test(test_outfile_disarmed_after_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
