/*
 * credaudit: audit AWS IAM credential reports.
 *
 * main.c only wires: argv -> options (cli.c) -> the audit (audit.c) ->
 * exit status.  Diagnostics go to standard error through one diag sink.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "cli.h"
#include "diag.h"

/* After --help or --version: did standard output take it all? */
static int
finish_stdout(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "credaudit: <stdout>: error: write failed: %s\n",
		    strerror(errno));
		return AUDIT_EXIT_TROUBLE;
	}
	return AUDIT_EXIT_CLEAN;
}

int
main(int argc, char *argv[])
{
	struct diag	 d = { diag_stderr, stderr, 0, 0 };
	struct options	 opt;
	char		 err[512];

	if (cli_parse(argc, argv, &opt, err, sizeof(err)) == -1) {
		diag_report(&d, DIAG_ERROR, NULL, 0, "%s", err);
		cli_usage(stderr);
		return AUDIT_EXIT_TROUBLE;
	}
	/* Someone who typed just "credaudit" would wait without a word. */
	if (opt.action == CLI_RUN && opt.nfiles == 0 && isatty(STDIN_FILENO)) {
		diag_report(&d, DIAG_ERROR, NULL, 0, "no FILE, and standard "
		    "input is a terminal (use - to read it)");
		cli_usage(stderr);
		return AUDIT_EXIT_TROUBLE;
	}
	if (opt.action == CLI_HELP)
		return cli_help(stdout) == -1 ? AUDIT_EXIT_TROUBLE :
		    finish_stdout();
	if (opt.action == CLI_VERSION) {
		printf("credaudit %s\n", CREDAUDIT_VERSION);
		return finish_stdout();
	}
	return audit_run(&opt, &d);
}
