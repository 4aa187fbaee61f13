/*
 * Tests of the command line: option shapes accepted and refused, with
 * the messages main() prints for them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli.h"

#define ARGC(v)		((int)(sizeof(v) / sizeof(char *)) - 1)

static int
parse(int argc, char **argv, struct options *opt, char *err)
{
	err[0] = '\0';
	return cli_parse(argc, argv, opt, err, 256);
}

static void
test_cli_parse_defaults(void **state)
{
	char		*argv[] = { "credaudit", "report.csv", NULL };
	struct options	 opt;
	char		 err[256];

	(void)state;
	assert_int_equal(parse(2, argv, &opt, err), 0);
	assert_int_equal(opt.action, CLI_RUN);
	assert_string_equal(opt.format, "table");
	assert_false(opt.has_days);
	assert_false(opt.has_as_of);
	assert_false(opt.fail_never);
	assert_int_equal(opt.fail_on, SEV_LOW);
	assert_int_equal(opt.min_severity, SEV_LOW);
	assert_int_equal(opt.color, TERM_COLOR_AUTO);
	assert_int_equal(opt.nfiles, 1);
	assert_string_equal(opt.files[0], "report.csv");
}

static void
test_cli_parse_every_option(void **state)
{
	char	*argv[] = { "credaudit", "-f", "json", "-d", "45",
	    "--threshold", "dormant-user=30", "--as-of", "2026-11-23",
	    "-c", "cfg.json", "--fail-on", "HIGH", "--min-severity", "medium",
	    "--baseline", "last.json", "--fail-on-new",
	    "-o", "out.json", "--benchmark", "cis", "--region", "eu-west-1",
	    "--color=never", "a.csv", "-", "b.csv", NULL };
	char	*inventory[] = { "credaudit", "--inv", "a.csv", NULL };
	struct options	 opt;
	char		 err[256];

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv, &opt, err), 0);
	assert_string_equal(opt.format, "json");
	assert_true(opt.has_days);
	assert_int_equal(opt.days, 45);
	assert_int_equal(opt.nthresholds, 1);
	assert_string_equal(opt.thresholds[0].rule, "dormant-user=30");
	assert_int_equal(opt.thresholds[0].days, 30);
	assert_true(opt.has_as_of);
	/* 2026-11-23T00:00:00Z */
	assert_int_equal(opt.as_of, 1795392000);
	assert_string_equal(opt.config, "cfg.json");
	assert_int_equal(opt.fail_on, SEV_HIGH);
	assert_false(opt.fail_never);
	assert_int_equal(opt.min_severity, SEV_MEDIUM);
	assert_false(opt.inventory);
	assert_string_equal(opt.baseline, "last.json");
	assert_true(opt.fail_on_new);
	assert_string_equal(opt.output, "out.json");
	assert_string_equal(opt.benchmark, "cis");
	assert_string_equal(opt.region, "eu-west-1");
	assert_int_equal(opt.color, TERM_COLOR_NEVER);
	assert_int_equal(opt.nfiles, 3);
	assert_string_equal(opt.files[1], "-");
	/* --inventory takes no --baseline; alone, and by a unique prefix. */
	assert_int_equal(parse(ARGC(inventory), inventory, &opt, err), 0);
	assert_true(opt.inventory);
}

/* The last --as-of wins, and "generated" is a word, not a time. */
static void
test_cli_parse_report_age(void **state)
{
	char	*gen[] = { "credaudit", "--as-of", "2026-11-23", "--as-of",
	    "generated", "--max-report-age", "24", NULL };
	char	*fixed[] = { "credaudit", "--as-of", "generated", "--as-of",
	    "2026-11-23", "--max-report-age", "0", NULL };
	struct options	 opt;
	char		 err[256];

	(void)state;
	assert_int_equal(parse(ARGC(gen), gen, &opt, err), 0);
	assert_true(opt.as_of_generated);
	assert_false(opt.has_as_of);
	assert_true(opt.has_max_report_age);
	assert_int_equal(opt.max_report_age, 24);
	assert_int_equal(parse(ARGC(fixed), fixed, &opt, err), 0);
	assert_false(opt.as_of_generated);
	assert_true(opt.has_as_of);
	assert_int_equal(opt.as_of, 1795392000);
	assert_int_equal(opt.max_report_age, 0);
}

static void
test_cli_parse_help_and_version(void **state)
{
	char		*help[] = { "credaudit", "--help", "--bogus", NULL };
	char		*version[] = { "credaudit", "-V", NULL };
	struct options	 opt;
	char		 err[256];

	(void)state;
	/* --help wins at once, before a later bad option is seen. */
	assert_int_equal(parse(3, help, &opt, err), 0);
	assert_int_equal(opt.action, CLI_HELP);
	assert_int_equal(parse(2, version, &opt, err), 0);
	assert_int_equal(opt.action, CLI_VERSION);
}

static void
test_cli_parse_fail_on_never(void **state)
{
	char		*argv[] = { "credaudit", "--fail-on", "never", NULL };
	struct options	 opt;
	char		 err[256];

	(void)state;
	assert_int_equal(parse(3, argv, &opt, err), 0);
	assert_true(opt.fail_never);
	assert_int_equal(opt.nfiles, 0);
}

struct bad_case {
	char		*argv[5];
	const char	*message;
};

static const struct bad_case bad_cases[] = {
	{ { "credaudit", "--frobnicate", NULL },
	    "unknown option --frobnicate" },
	{ { "credaudit", "-z", NULL }, "unknown option -z" },
	{ { "credaudit", "-d", NULL }, "option -d needs an argument" },
	{ { "credaudit", "--days", NULL }, "option --days needs an argument" },
	{ { "credaudit", "-d", "-5", NULL },
	    "--days: expected a whole number from 0 to 10000, got \"-5\"" },
	{ { "credaudit", "-d", "ninety", NULL },
	    "--days: expected a whole number from 0 to 10000, got \"ninety\"" },
	{ { "credaudit", "-d", "10001", NULL },
	    "--days: expected a whole number from 0 to 10000, got \"10001\"" },
	{ { "credaudit", "-d", "99999999999999999999", NULL },
	    "--days: expected a whole number from 0 to 10000, "
	    "got \"99999999999999999999\"" },
	{ { "credaudit", "--threshold", "dormant-user", NULL },
	    "--threshold: expected RULE=N, got \"dormant-user\"" },
	{ { "credaudit", "--threshold", "=5", NULL },
	    "--threshold: expected RULE=N, got \"=5\"" },
	{ { "credaudit", "--threshold", "dormant-user=1.5", NULL },
	    "--threshold: days must be a whole number from 0 to 10000, "
	    "got \"1.5\"" },
	{ { "credaudit", "--as-of", "2026-02-30", NULL },
	    "--as-of: expected YYYY-MM-DD, an ISO 8601 timestamp or generated, "
	    "got \"2026-02-30\"" },
	{ { "credaudit", "--max-report-age", "-1", NULL },
	    "--max-report-age: expected a whole number of hours from 0 to "
	    "240000, got \"-1\"" },
	{ { "credaudit", "--max-report-age", "240001", NULL },
	    "--max-report-age: expected a whole number of hours from 0 to "
	    "240000, got \"240001\"" },
	{ { "credaudit", "--fail-on", "severe", NULL },
	    "--fail-on: expected low, medium, high, critical or never, "
	    "got \"severe\"" },
	{ { "credaudit", "--min-severity", "never", NULL },
	    "--min-severity: expected low, medium, high, critical, "
	    "got \"never\"" },
	{ { "credaudit", "--region", "", NULL },
	    "--region: expected a region name such as us-east-1, got \"\"" },
	{ { "credaudit", "--region", "EU-WEST-1", NULL },
	    "--region: expected a region name such as us-east-1, "
	    "got \"EU-WEST-1\"" },
	{ { "credaudit", "--region", "ap-southeast-4x12", NULL },
	    "--region: expected a region name such as us-east-1, "
	    "got \"ap-southeast-4x12\"" },
	{ { "credaudit", "--color=yes", NULL },
	    "--color: expected auto, always or never, got \"yes\"" },
	{ { "credaudit", "--color", NULL },
	    "option --color needs an argument" },
	/* Names are checked here too, so that each gets the usage line. */
	{ { "credaudit", "-f", "xml", NULL },
	    "--format: expected one of table, csv, json, ndjson, script, "
	    "html, asff, ocsf, got \"xml\"" },
	{ { "credaudit", "--inventory", "-f", "asff", NULL },
	    "--inventory does not apply to --format asff" },
	{ { "credaudit", "--benchmark", "nist", NULL },
	    "--benchmark: expected cis, cis-3.0, cis-4.0.1, cis-5.0, cis-6.0, "
	    "cis-7.0 or fsbp, got \"nist\"" },
	{ { "credaudit", "--threshold", "unused-pasword=30", NULL },
	    "--threshold: unknown rule \"unused-pasword\"" },
	{ { "credaudit", "--threshold", "root-no-mfa=30", NULL },
	    "--threshold: rule root-no-mfa has no threshold" },
	{ { "credaudit", "--fail-on-new", "a.csv", NULL },
	    "--fail-on-new needs --baseline" },
	{ { "credaudit", "--inventory", "--baseline", "b.json", NULL },
	    "--baseline does not apply to --inventory" },
	{ { "credaudit", "--f", "json", NULL },
	    "option --f is ambiguous: --fail-on --fail-on-new --format" },
	{ { "credaudit", "--fail=high", NULL },
	    "option --fail is ambiguous: --fail-on --fail-on-new" },
	{ { "credaudit", "--formats=json", NULL },
	    "unknown option --formats=json" },
};

static void
test_cli_parse_rejects_bad_arguments(void **state)
{
	struct options	 opt;
	char		 err[256];
	size_t		 i;
	int		 argc;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		char	*argv[5];

		memcpy(argv, bad_cases[i].argv, sizeof(argv));
		for (argc = 0; argv[argc] != NULL; argc++)
			continue;
		assert_int_equal(parse(argc, argv, &opt, err), -1);
		assert_string_equal(err, bad_cases[i].message);
	}
}

static void
test_cli_region_names(void **state)
{
	static const struct {
		const char	*name;
		bool		 valid;
	} cases[] = {
		{ "us-east-1", true }, { "eu-west-1", true },
		{ "ap-southeast-4", true }, { "us-gov-west-1", true },
		{ "cn-northwest-1", true },
		/* 16 characters, Security Hub's longest region. */
		{ "ap-southeast-4x", true }, { "abcdefghijklmnop", true },
		{ "abcdefghijklmnopq", false }, { "", false }, { "-us", false },
		{ "us-", false }, { "us_east_1", false }, { "US-EAST-1", false },
		{ "us east 1", false }, { "eu-west-1\n", false },
		{ "\xc3\xa9u-west-1", false },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (cli_region_valid(cases[i].name) != cases[i].valid)
			fail_msg("\"%s\": expected %s", cases[i].name,
			    cases[i].valid ? "valid" : "invalid");
}

static void
test_cli_help_lists_every_option_and_rule(void **state)
{
	static const char *const expected[] = { "--as-of TIME",
	    "--baseline FILE", "--benchmark NAME", "--color WHEN",
	    "-c, --config FILE",
	    "-d, --days N", "--fail-on SEVERITY", "--fail-on-new",
	    "-f, --format FORMAT", "-h, --help", "--inventory",
	    "--min-severity SEVERITY", "-o, --output FILE",
	    "--region REGION", "--threshold RULE=N", "-V, --version", "root-access-key",
	    "dormant-user", "unused-access-key  " };
	char	*buf = NULL;
	size_t	 len = 0, i;
	FILE	*fp;

	(void)state;
	assert_non_null(fp = open_memstream(&buf, &len));
	assert_int_equal(cli_help(fp), 0);
	assert_int_equal(fclose(fp), 0);
	for (i = 0; i < sizeof(expected) / sizeof(expected[0]); i++)
		if (strstr(buf, expected[i]) == NULL)
			fail_msg("--help lacks \"%s\"", expected[i]);
	free(buf);
}

/* A format that needs a region and has none is a usage error too. */
static void
test_cli_parse_region_required(void **state)
{
	char		*argv[] = { "credaudit", "-f", "asff", "a.csv", NULL };
	struct options	 opt;
	char		 err[256];

	(void)state;
	assert_int_equal(unsetenv("AWS_REGION"), 0);
	assert_int_equal(unsetenv("AWS_DEFAULT_REGION"), 0);
	assert_int_equal(parse(ARGC(argv), argv, &opt, err), -1);
	assert_string_equal(err, "--format asff needs a region: give --region "
	    "or set AWS_REGION");
	assert_int_equal(setenv("AWS_DEFAULT_REGION", "eu-west-1", 1), 0);
	assert_int_equal(parse(ARGC(argv), argv, &opt, err), 0);
	assert_int_equal(unsetenv("AWS_DEFAULT_REGION"), 0);
}

/* Every line of s is at most 80 columns wide (all of it is ASCII). */
static void
assert_fits_80(const char *s)
{
	const char	*nl;

	for (; *s != '\0'; s = nl + 1) {
		assert_non_null(nl = strchr(s, '\n'));
		if (nl - s > 80)
			fail_msg("%d columns: %.*s", (int)(nl - s),
			    (int)(nl - s), s);
	}
}

static void
test_cli_help_and_usage_fit_80_columns(void **state)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp;

	(void)state;
	assert_non_null(fp = open_memstream(&buf, &len));
	assert_int_equal(cli_help(fp), 0);
	assert_int_equal(fclose(fp), 0);
	assert_fits_80(buf);
	free(buf);
	buf = NULL;
	assert_non_null(fp = open_memstream(&buf, &len));
	assert_int_equal(cli_usage(fp), 0);
	assert_int_equal(fclose(fp), 0);
	assert_fits_80(buf);
	assert_int_equal(strncmp(buf, "usage: credaudit ", 17), 0);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_parse_defaults),
		cmocka_unit_test(test_cli_parse_every_option),
		cmocka_unit_test(test_cli_parse_report_age),
		cmocka_unit_test(test_cli_parse_help_and_version),
		cmocka_unit_test(test_cli_parse_fail_on_never),
		cmocka_unit_test(test_cli_parse_rejects_bad_arguments),
		cmocka_unit_test(test_cli_region_names),
		cmocka_unit_test(test_cli_help_lists_every_option_and_rule),
		cmocka_unit_test(test_cli_help_and_usage_fit_80_columns),
		cmocka_unit_test(test_cli_parse_region_required),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
