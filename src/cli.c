/*
 * The command line.  One table declares every option; getopt_long's
 * array, the short-option string and the --help text are derived from
 * it, and cli_parse turns argv into a struct options.  Every usage error
 * is found here, so that each one gets the usage line and exit status 2:
 * a format, benchmark or rule name is checked against the module that
 * owns the list (output_lookup, policy_benchmark_days, rules_lookup);
 * whether a file can be read is left to its reader.
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

/*
 * Sorted by long name; --help lists them in this order, each help text
 * wrapped to 80 columns beside its option (test_cli checks).
 */
static const struct cli_option cli_options[] = {
	{ "as-of", OPT_AS_OF, "TIME",
	    "measure ages from TIME (YYYY-MM-DD or ISO 8601; generated: each "
	    "report's GeneratedTime; default now)" },
	{ "baseline", OPT_BASELINE, "FILE",
	    "mark findings new or existing against FILE" },
	{ "benchmark", OPT_BENCHMARK, "NAME",
	    "thresholds of a benchmark: cis-3.0, cis-4.0.1, cis-5.0, cis-6.0, "
	    "cis-7.0 (45 days; cis: the newest) or fsbp (90 days)" },
	{ "color", OPT_COLOR, "WHEN",
	    "colour the table: auto (default; a terminal), always or never" },
	{ "config", OPT_CONFIG, "FILE",
	    "JSON config: thresholds, rules, suppressions" },
	/* NULL help: made from the rule or format table; see cli_help_text. */
	{ "days", OPT_DAYS, "N", NULL },
	{ "fail-on", OPT_FAIL_ON, "SEVERITY",
	    "lowest severity for exit status 1, or never" },
	{ "fail-on-new", OPT_FAIL_ON_NEW, NULL,
	    "with --baseline, only new findings count" },
	{ "format", OPT_FORMAT, "FORMAT", NULL },
	{ "help", OPT_HELP, NULL, "show this help and exit" },
	{ "inventory", OPT_INVENTORY, NULL,
	    "one record per user instead of findings" },
	{ "max-report-age", OPT_MAX_REPORT_AGE, "HOURS",
	    "a report generated more than HOURS before the as-of time is an "
	    "error" },
	{ "min-severity", OPT_MIN_SEVERITY, "SEVERITY",
	    "leave out findings below SEVERITY" },
	{ "output", OPT_OUTPUT, "FILE",
	    "write to FILE, replaced only on success" },
	{ "plan", OPT_PLAN, "PLAN",
	    "with -f script: deactivate (default) or delete" },
	{ "region", OPT_REGION, "REGION",
	    "asff: Security Hub region (default AWS_REGION)" },
	{ "threshold", OPT_THRESHOLD, "RULE=N",
	    "threshold of one rule in days (repeatable)" },
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

/* The len bytes at name: a rule of the table that has a threshold? */
static int
cli_threshold_rule(const char *name, size_t len, char *err, size_t errlen)
{
	char	 rule[64];
	int	 i = -1;

	if (len < sizeof(rule)) {
		snprintf(rule, sizeof(rule), "%.*s", (int)len, name);
		i = rules_lookup(rule);
	}
	if (i == -1) {
		snprintf(err, errlen, "--threshold: unknown rule \"%.*s\"",
		    (int)(len > 64 ? 64 : len), name);
		return -1;
	}
	if (rules_table[i].default_days == RULE_NO_DAYS) {
		snprintf(err, errlen, "--threshold: rule %s has no threshold",
		    rule);
		return -1;
	}
	return 0;
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
	if (cli_threshold_rule(arg, (size_t)(eq - arg), err, errlen) == -1)
		return -1;
	if (cli_parse_days(eq + 1, &t->days) == -1) {
		snprintf(err, errlen, "--threshold: days must be a whole number "
		    "from 0 to %d, got \"%s\"", RULE_MAX_DAYS, eq + 1);
		return -1;
	}
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
		if (policy_benchmark_days(arg) == -1) {
			char	 names[128];

			policy_benchmark_names(names, sizeof(names));
			snprintf(err, errlen, "--benchmark: expected %s, got "
			    "\"%s\"", names, arg);
			return -1;
		}
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
		if (output_lookup(arg) == NULL) {
			char	 names[256];

			output_names(names, sizeof(names));
			snprintf(err, errlen, "--format: expected one of %s, "
			    "got \"%s\"", names, arg);
			return -1;
		}
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

/*
 * getopt_long refuses a prefix of more than one long option ("--f") as
 * it refuses an unknown one; tell the two apart, naming the candidates.
 */
static void
cli_unknown_long(const char *arg, char *err, size_t errlen)
{
	const char	*name = arg + 2;
	size_t		 len = strcspn(name, "="), i, n = 0, off;

	for (i = 0; i < CLI_NOPTIONS; i++)
		if (strncmp(cli_options[i].name, name, len) == 0)
			n++;
	if (n < 2) {
		snprintf(err, errlen, "unknown option %s", arg);
		return;
	}
	off = (size_t)snprintf(err, errlen, "option --%.*s is ambiguous:",
	    (int)(len > 64 ? 64 : len), name);
	for (i = 0; i < CLI_NOPTIONS && off < errlen; i++)
		if (strncmp(cli_options[i].name, name, len) == 0)
			off += (size_t)snprintf(err + off, errlen - off,
			    " --%s", cli_options[i].name);
}

static bool
cli_env_set(const char *name)
{
	const char	*v = getenv(name);

	return v != NULL && *v != '\0';
}

/* Checks between options, once all are known. */
static int
cli_check(const struct options *opt, char *err, size_t errlen)
{
	const struct output_ops	*ops = output_lookup(opt->format);

	if (opt->fail_on_new && opt->baseline == NULL) {
		snprintf(err, errlen, "--fail-on-new needs --baseline");
		return -1;
	}
	if (opt->inventory && opt->baseline != NULL) {
		snprintf(err, errlen, "--baseline does not apply to "
		    "--inventory");
		return -1;
	}
	/* Only the script format is a plan. */
	if (opt->has_plan && strcmp(opt->format, "script") != 0) {
		snprintf(err, errlen, "--plan applies to -f script only");
		return -1;
	}
	if (opt->inventory && ops->findings_only) {
		snprintf(err, errlen, "--inventory does not apply to --format "
		    "%s", opt->format);
		return -1;
	}
	/* Whether a region the environment gives is valid is the audit's. */
	if (ops->region == OUTPUT_REGION_REQUIRED && opt->region == NULL &&
	    !cli_env_set("AWS_REGION") && !cli_env_set("AWS_DEFAULT_REGION")) {
		snprintf(err, errlen, "--format %s needs a region: give "
		    "--region or set AWS_REGION", opt->format);
		return -1;
	}
	return 0;
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
				cli_unknown_long(argv[optind - 1], err, errlen);
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
	return cli_check(opt, err, errlen);
}

int
cli_usage(FILE *fp)
{
	return fprintf(fp, "usage: credaudit [-hV] [-c file] [-d days] "
	    "[-f format] [-o file]\n"
	    "                 [--as-of time] [--baseline file] "
	    "[--benchmark name]\n"
	    "                 [--color when] [--fail-on severity] "
	    "[--fail-on-new]\n"
	    "                 [--inventory] [--max-report-age hours]\n"
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

/* Where an option's help starts, and where no line may go past. */
#define CLI_HELP_COLUMN	31
#define CLI_HELP_WIDTH	80

/*
 * The option, then its help wrapped at word boundaries to 80 columns,
 * each continuation indented to the help's column: a help made from a
 * table (the formats, the rules --days sets) can be of any length.
 */
static int
cli_help_option(FILE *fp, const struct cli_option *o)
{
	char		 left[64], help[256];
	const char	*w, *text;
	size_t		 col, n;

	if (cli_has_short(o))
		snprintf(left, sizeof(left), "-%c, --%s%s%s", o->id, o->name,
		    o->arg != NULL ? " " : "", o->arg != NULL ? o->arg : "");
	else
		snprintf(left, sizeof(left), "    --%s%s%s", o->name,
		    o->arg != NULL ? " " : "", o->arg != NULL ? o->arg : "");
	if (fprintf(fp, "  %-*s", CLI_HELP_COLUMN - 2, left) < 0)
		return -1;
	text = cli_help_text(o, help, sizeof(help));
	for (col = CLI_HELP_COLUMN, w = text; *w != '\0'; w += n) {
		n = strcspn(w, " ");
		if (w > text && col + 1 + n > CLI_HELP_WIDTH) {
			if (fprintf(fp, "\n%*s", CLI_HELP_COLUMN, "") < 0)
				return -1;
			col = CLI_HELP_COLUMN;
		} else if (w > text) {
			if (fputc(' ', fp) == EOF)
				return -1;
			col++;
		}
		if (fprintf(fp, "%.*s", (int)n, w) < 0)
			return -1;
		col += n;
		n += strspn(w + n, " ");
	}
	return fputc('\n', fp) == EOF ? -1 : 0;
}

static int
cli_help_rule(FILE *fp, const struct rule *r)
{
	char	 days[16] = "-";

	if (r->default_days != RULE_NO_DAYS)
		snprintf(days, sizeof(days), "%d", r->default_days);
	return fprintf(fp, "  %-24s %-8s %3s  %s\n", r->id,
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
	if (fprintf(fp, "\nFormats: %s.\nWith -, or no file and standard "
	    "input not a terminal, read standard input.\nExit status: 0 no "
	    "finding at or above --fail-on, 1 such findings, 2 trouble.\n"
	    "See credaudit(1).\n", names) < 0)
		return -1;
	return 0;
}
