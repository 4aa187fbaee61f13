/*
 * The command line: the option table, argv parsing and the help text.
 *
 * Options live in one table (name, letter, argument, help); getopt_long's
 * array, the short-option string and --help are all made from it, so an
 * option is documented where it is declared.  cli_parse only checks the
 * shape of each argument; what it means (a rule name, a file) is judged
 * by the module that owns it.
 */
#ifndef CREDAUDIT_CLI_H
#define CREDAUDIT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "rules.h"
#include "term.h"

#define CLI_MAX_THRESHOLDS	64
/* Longest region name (Security Hub's limit for a resource's region). */
#define CLI_REGION_MAX		16
/* Largest --max-report-age, in hours: RULE_MAX_DAYS days. */
#define CLI_MAX_REPORT_AGE	(RULE_MAX_DAYS * 24L)

enum cli_action {
	CLI_RUN,
	CLI_HELP,
	CLI_VERSION
};

/* Strings point into argv and live as long as the program. */
struct cli_threshold {
	const char	*rule;
	long		 days;
};

struct options {
	enum cli_action	 action;
	const char	*format;	/* output_format(0) unless -f */
	bool		 has_days;
	long		 days;		/* -d */
	struct cli_threshold thresholds[CLI_MAX_THRESHOLDS];
	size_t		 nthresholds;
	bool		 has_as_of;
	int64_t		 as_of;
	bool		 as_of_generated;	/* --as-of generated */
	bool		 has_max_report_age;
	long		 max_report_age;	/* hours */
	const char	*config;	/* -c */
	const char	*benchmark;	/* --benchmark */
	bool		 fail_never;	/* --fail-on never */
	enum severity	 fail_on;	/* default SEV_LOW */
	bool		 fail_on_new;	/* only new findings fail */
	enum severity	 min_severity;	/* default SEV_LOW: keep all */
	bool		 inventory;
	const char	*baseline;
	const char	*output;	/* -o */
	const char	*region;	/* --region */
	bool		 has_plan;
	enum plan	 plan;		/* --plan, script only */
	enum term_color	 color;		/* --color, default auto */
	char *const	*files;		/* none: standard input */
	int		 nfiles;
};

/*
 * Parse argv into *opt.  Returns 0, or -1 with a message in err (the
 * caller prints it with a usage line and exits 2).
 */
int	cli_parse(int argc, char *argv[], struct options *opt, char *err,
	    size_t errlen);
/* Is s shaped like an AWS region name ("us-east-1")? */
bool	cli_region_valid(const char *s);
/* Write the one-line usage, or the full --help text, to fp. */
int	cli_usage(FILE *fp);
int	cli_help(FILE *fp);

#endif
