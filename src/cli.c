/*
 * The command line.  One table declares every option; getopt_long's
 * array, the short-option string and the --help text are derived from
 * it, and cli_parse turns argv into a struct options.  Checking what an
 * argument means (is this a rule? a readable file?) is left to the
 * module that owns the concept.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "output.h"
#include "rules.h"
#include "timeparse.h"

/* Options with a short form use its letter; the others count from 256. */
enum opt_id {
	OPT_CONFIG = 'c',
	OPT_DAYS = 'd',
	OPT_FORMAT = 'f',
	OPT_HELP = 'h',
	OPT_OUTPUT = 'o',
	OPT_VERSION = 'V',
	OPT_AS_OF = 256,
	OPT_BASELINE,
	OPT_BENCHMARK,
	OPT_COLOR,
	OPT_FAIL_ON,
	OPT_FAIL_ON_NEW,
	OPT_INVENTORY,
	OPT_MAX_REPORT_AGE,
	OPT_MIN_SEVERITY,
	OPT_PLAN,
	OPT_REGION,
	OPT_THRESHOLD
};

struct cli_option {
	const char	*name;
	int		 id;	/* the short letter when there is one */
	const char	*arg;	/* NULL: takes no argument */
	const char	*help;
};

/* Sorted by long name; --help lists them in this order. */
static const struct cli_option cli_options[] = {
	{ "as-of", OPT_AS_OF, "TIME",
	    "measure ages from TIME (YYYY-MM-DD or ISO 8601; generated: each "
	    "report's GeneratedTime; default now)" },
	{ "baseline", OPT_BASELINE, "FILE",
	    "mark findings new or existing against a previous JSON output" },
	{ "benchmark", OPT_BENCHMARK, "NAME",
	    "thresholds of a benchmark: cis-3.0, cis-4.0.1, cis-5.0, cis-6.0, "
	    "cis-7.0 (45 days; cis: the newest) or fsbp (90 days)" },
	{ "color", OPT_COLOR, "WHEN",
	    "colour the table: auto (default; a terminal), always or never" },
	{ "config", OPT_CONFIG, "FILE",
	    "JSON config: thresholds, rules, severities, suppressions" },
	/* NULL help: made from the rule or format table; see cli_help_text. */
	{ "days", OPT_DAYS, "N", NULL },
	{ "fail-on", OPT_FAIL_ON, "SEVERITY",
	    "lowest severity that makes the exit status 1 (default low; never)" },
	{ "fail-on-new", OPT_FAIL_ON_NEW, NULL,
	    "with --baseline, only new findings make the exit status 1" },
	{ "format", OPT_FORMAT, "FORMAT", NULL },
	{ "help", OPT_HELP, NULL, "show this help and exit" },
	{ "inventory", OPT_INVENTORY, NULL,
	    "one record per user instead of findings" },
	{ "max-report-age", OPT_MAX_REPORT_AGE, "HOURS",
	    "a report generated more than HOURS before the as-of time is an "
	    "error" },
	{ "min-severity", OPT_MIN_SEVERITY, "SEVERITY",
	    "leave out findings below SEVERITY entirely" },
	{ "output", OPT_OUTPUT, "FILE",
	    "write to FILE, replacing it only when the run succeeds" },
	{ "plan", OPT_PLAN, "PLAN",
	    "with -f script: deactivate (default) or delete" },
	{ "region", OPT_REGION, "REGION",
	    "asff: the Security Hub region (default AWS_REGION)" },
	{ "threshold", OPT_THRESHOLD, "RULE=N",
	    "threshold of one rule, in days (repeatable)" },
	{ "version", OPT_VERSION, NULL, "show the version and exit" },
};

#define CLI_NOPTIONS	(sizeof(cli_options) / sizeof(cli_options[0]))

static bool
cli_has_short(const struct cli_option *o)
{
	return o->id < 256;
}

static void
cli_build_getopt(struct option *longopts, char *shortopts)
{
	size_t	 i, n = 0;

	for (i = 0; i < CLI_NOPTIONS; i++) {
		longopts[i].name = cli_options[i].name;
		longopts[i].has_arg = cli_options[i].arg != NULL ?
		    required_argument : no_argument;
		longopts[i].flag = NULL;
		longopts[i].val = cli_options[i].id;
		if (!cli_has_short(&cli_options[i]))
			continue;
		shortopts[n++] = (char)cli_options[i].id;
		if (cli_options[i].arg != NULL)
			shortopts[n++] = ':';
	}
	memset(&longopts[CLI_NOPTIONS], 0, sizeof(longopts[0]));
	shortopts[n] = '\0';
}

/* A whole number from 0 to max, nothing else. */
static int
cli_parse_whole(const char *s, long max, long *n)
{
	char	*end;
	long	 v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*n = v;
	return 0;
}

bool
cli_region_valid(const char *s)
{
	size_t	 len = strlen(s);

	/* Lower-case letters, digits and dashes; Security Hub allows 16. */
	return len > 0 && len <= CLI_REGION_MAX &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == len &&
	    s[0] != '-' && s[len - 1] != '-';
}

static int
cli_parse_days(const char *s, long *days)
{
	return cli_parse_whole(s, RULE_MAX_DAYS, days);
}

static int
cli_parse_threshold(const char *arg, struct options *opt, char *err,
    size_t errlen)
{
	const char		*eq = strchr(arg, '=');
	struct cli_threshold	*t;

	if (eq == NULL || eq == arg) {
		snprintf(err, errlen, "--threshold: expected RULE=N, got \"%s\"",
		    arg);
		return -1;
	}
	if (opt->nthresholds == CLI_MAX_THRESHOLDS) {
		snprintf(err, errlen, "--threshold: more than %d given",
		    CLI_MAX_THRESHOLDS);
		return -1;
	}
	t = &opt->thresholds[opt->nthresholds];
	if (cli_parse_days(eq + 1, &t->days) == -1) {
		snprintf(err, errlen, "--threshold: days must be a whole number "
		    "from 0 to %d, got \"%s\"", RULE_MAX_DAYS, eq + 1);
		return -1;
	}
	/* The rule name is checked against the table by policy_set_threshold. */
	t->rule = arg;
	opt->nthresholds++;
	return 0;
}

static int
cli_parse_severity_opt(const char *name, const char *arg, bool allow_never,
    bool *never, enum severity *sev, char *err, size_t errlen)
{
	if (allow_never && strcasecmp(arg, "never") == 0) {
		*never = true;
		return 0;
	}
	if (severity_parse(arg, sev) == 0) {
		if (never != NULL)
			*never = false;
		return 0;
	}
	snprintf(err, errlen, "--%s: expected low, medium, high, critical%s, "
	    "got \"%s\"", name, allow_never ? " or never" : "", arg);
	return -1;
}

static int
cli_apply(int id, const char *arg, struct options *opt, char *err,
    size_t errlen)
{
	int	 c;

	switch (id) {
	case OPT_AS_OF:
		/* The word is the one value no timestamp can be. */
		opt->as_of_generated = strcmp(arg, "generated") == 0;
		if (opt->as_of_generated) {
			opt->has_as_of = false;
			return 0;
		}
		if (timeparse_date_or_time(arg, &opt->as_of) == -1) {
			snprintf(err, errlen, "--as-of: expected YYYY-MM-DD, "
			    "an ISO 8601 timestamp or generated, got \"%s\"",
			    arg);
			return -1;
		}
		opt->has_as_of = true;
		return 0;
	case OPT_BASELINE:
		opt->baseline = arg;
		return 0;
	case OPT_BENCHMARK:
		opt->benchmark = arg;
		return 0;
	case OPT_COLOR:
		if (term_color_parse(arg, &opt->color) == -1) {
			snprintf(err, errlen, "--color: expected auto, always "
			    "or never, got \"%s\"", arg);
			return -1;
		}
		return 0;
	case OPT_CONFIG:
		opt->config = arg;
		return 0;
	case OPT_DAYS:
		if (cli_parse_days(arg, &opt->days) == -1) {
			snprintf(err, errlen, "--days: expected a whole number "
			    "from 0 to %d, got \"%s\"", RULE_MAX_DAYS, arg);
			return -1;
		}
		opt->has_days = true;
		return 0;
	case OPT_FAIL_ON:
		return cli_parse_severity_opt("fail-on", arg, true,
		    &opt->fail_never, &opt->fail_on, err, errlen);
	case OPT_FAIL_ON_NEW:
		opt->fail_on_new = true;
		return 0;
	case OPT_FORMAT:
		opt->format = arg;
		return 0;
	case OPT_HELP:
		opt->action = CLI_HELP;
		return 0;
	case OPT_INVENTORY:
		opt->inventory = true;
		return 0;
	case OPT_MAX_REPORT_AGE:
		if (cli_parse_whole(arg, CLI_MAX_REPORT_AGE,
		    &opt->max_report_age) == -1) {
			snprintf(err, errlen, "--max-report-age: expected a "
			    "whole number of hours from 0 to %ld, got \"%s\"",
			    CLI_MAX_REPORT_AGE, arg);
			return -1;
		}
		opt->has_max_report_age = true;
		return 0;
	case OPT_MIN_SEVERITY:
		return cli_parse_severity_opt("min-severity", arg, false, NULL,
		    &opt->min_severity, err, errlen);
	case OPT_OUTPUT:
		opt->output = arg;
		return 0;
	case OPT_PLAN:
		if ((c = plan_lookup(arg)) == -1) {
			snprintf(err, errlen, "--plan: expected deactivate or "
			    "delete, got \"%s\"", arg);
			return -1;
		}
		opt->plan = (enum plan)c;
		opt->has_plan = true;
		return 0;
	case OPT_REGION:
		if (!cli_region_valid(arg)) {
			snprintf(err, errlen, "--region: expected a region name "
			    "such as us-east-1, got \"%s\"", arg);
			return -1;
		}
		opt->region = arg;
		return 0;
	case OPT_THRESHOLD:
		return cli_parse_threshold(arg, opt, err, errlen);
	case OPT_VERSION:
		opt->action = CLI_VERSION;
		return 0;
	}
	snprintf(err, errlen, "unknown option");
	return -1;
}

static void
cli_defaults(struct options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->action = CLI_RUN;
	opt->format = output_format(0)->name;
	opt->fail_on = SEV_LOW;
	opt->min_severity = SEV_LOW;
}

int
cli_parse(int argc, char *argv[], struct options *opt, char *err,
    size_t errlen)
{
	struct option	 longopts[CLI_NOPTIONS + 1];
	char		 shortopts[2 * CLI_NOPTIONS + 2];
	int		 c;

	cli_defaults(opt);
	cli_build_getopt(longopts, shortopts + 1);
	/* ':' first: report a missing argument as ':' instead of '?'. */
	shortopts[0] = ':';
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == '?') {
			if (optopt != 0)
				snprintf(err, errlen, "unknown option -%c",
				    optopt);
			else
				snprintf(err, errlen, "unknown option %s",
				    argv[optind - 1]);
			return -1;
		}
		if (c == ':') {
			snprintf(err, errlen, "option %s needs an argument",
			    argv[optind - 1]);
			return -1;
		}
		if (cli_apply(c, optarg, opt, err, errlen) == -1)
			return -1;
		if (opt->action != CLI_RUN)
			return 0;
	}
	opt->files = argv + optind;
	opt->nfiles = argc - optind;
	return 0;
}

int
cli_usage(FILE *fp)
{
	return fprintf(fp, "usage: credaudit [-hV] [-c file] [-d days] "
	    "[-f format] [-o file] [--as-of time]\n"
	    "                 [--baseline file] [--benchmark name] "
	    "[--color when] [--fail-on severity]\n"
	    "                 [--fail-on-new] [--inventory] "
	    "[--max-report-age hours]\n"
	    "                 [--min-severity severity] [--plan plan] "
	    "[--region region]\n"
	    "                 [--threshold rule=days] [file ...]\n") < 0 ?
	    -1 : 0;
}

/* Append s to buf (len bytes), truncating. */
static void
cli_cat(char *buf, size_t len, const char *s)
{
	size_t	 used = strlen(buf);

	snprintf(buf + used, len - used, "%s", s);
}

/* The help of an option whose text comes from a table. */
static const char *
cli_help_text(const struct cli_option *o, char *buf, size_t len)
{
	const struct output_ops	*ops;
	size_t			 f;
	int			 i, n = 0;

	if (o->help != NULL)
		return o->help;
	buf[0] = '\0';
	/* "table (default), csv, json, ndjson or script" */
	for (f = 0; o->id == OPT_FORMAT && (ops = output_format(f)) != NULL;
	    f++) {
		if (f > 0)
			cli_cat(buf, len, output_format(f + 1) == NULL ?
			    " or " : ", ");
		cli_cat(buf, len, ops->name);
		if (f == 0)
			cli_cat(buf, len, " (default)");
	}
	if (o->id == OPT_DAYS) {
		cli_cat(buf, len, "threshold of ");
		for (i = 0; i < RULE_COUNT; i++) {
			if (!rules_table[i].by_days)
				continue;
			if (n++ > 0)
				cli_cat(buf, len, ", ");
			cli_cat(buf, len, rules_table[i].id);
		}
	}
	return buf;
}

static int
cli_help_option(FILE *fp, const struct cli_option *o)
{
	char	 left[64], help[256];

	if (cli_has_short(o))
		snprintf(left, sizeof(left), "-%c, --%s%s%s", o->id, o->name,
		    o->arg != NULL ? " " : "", o->arg != NULL ? o->arg : "");
	else
		snprintf(left, sizeof(left), "    --%s%s%s", o->name,
		    o->arg != NULL ? " " : "", o->arg != NULL ? o->arg : "");
	return fprintf(fp, "  %-28s %s\n", left,
	    cli_help_text(o, help, sizeof(help))) < 0 ? -1 : 0;
}

static int
cli_help_rule(FILE *fp, const struct rule *r)
{
	char	 days[16] = "-";

	if (r->default_days != RULE_NO_DAYS)
		snprintf(days, sizeof(days), "%d", r->default_days);
	return fprintf(fp, "  %-24s %-8s %4s  %s\n", r->id,
	    severity_name(r->severity), days, r->summary) < 0 ? -1 : 0;
}

int
cli_help(FILE *fp)
{
	char	 names[256];
	size_t	 i;

	if (fprintf(fp, "credaudit %s: audit an AWS IAM credential report\n\n",
	    CREDAUDIT_VERSION) < 0 || cli_usage(fp) == -1 ||
	    fprintf(fp, "\nOptions:\n") < 0)
		return -1;
	for (i = 0; i < CLI_NOPTIONS; i++)
		if (cli_help_option(fp, &cli_options[i]) == -1)
			return -1;
	if (fprintf(fp, "\nRules (id, severity, default days, what fires):\n")
	    < 0)
		return -1;
	for (i = 0; i < RULE_COUNT; i++)
		if (cli_help_rule(fp, &rules_table[i]) == -1)
			return -1;
	output_names(names, sizeof(names));
	if (fprintf(fp, "\nFormats: %s.  With no file, or -, read standard "
	    "input.\nExit status: 0 no finding at or above --fail-on, "
	    "1 such findings, 2 trouble.\nSee credaudit(1).\n",
	    names) < 0)
		return -1;
	return 0;
}
