/*
 * The policy: how the rules are applied in one run.  It starts from the
 * rule table's defaults and is then adjusted, in this order, by the
 * config file (config.c), --benchmark, --days and --threshold.  Every
 * setter checks its value against the table and reports a refusal
 * through the diag sink.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "rules.h"

void
policy_init(struct policy *pol)
{
	int	 i;

	memset(pol, 0, sizeof(*pol));
	for (i = 0; i < RULE_COUNT; i++) {
		pol->days[i] = rules_table[i].default_days;
		pol->enabled[i] = true;
		pol->severity[i] = rules_table[i].severity;
	}
}

void
policy_free(struct policy *pol)
{
	struct suppression	*s;
	size_t			 i;

	for (i = 0; i < pol->nsuppressions; i++) {
		s = &pol->suppressions[i];
		free(s->id);
		free(s->account);
		free(s->user);
		free(s->credential);
		free(s->reason);
	}
	free(pol->suppressions);
	pol->suppressions = NULL;
	pol->nsuppressions = 0;
}

static int
policy_check_days(long days, struct diag *d)
{
	if (days >= 0 && days <= RULE_MAX_DAYS)
		return 0;
	diag_report(d, DIAG_ERROR, NULL, 0, "days must be a whole number "
	    "from 0 to %d", RULE_MAX_DAYS);
	return -1;
}

int
policy_set_threshold(struct policy *pol, const char *rule, long days,
    struct diag *d)
{
	int	 i;

	if ((i = rules_lookup(rule)) == -1) {
		diag_report(d, DIAG_ERROR, NULL, 0, "unknown rule \"%s\"",
		    rule);
		return -1;
	}
	if (rules_table[i].default_days == RULE_NO_DAYS) {
		diag_report(d, DIAG_ERROR, NULL, 0, "rule %s has no threshold",
		    rule);
		return -1;
	}
	if (policy_check_days(days, d) == -1)
		return -1;
	pol->days[i] = (int)days;
	return 0;
}

int
policy_set_unused_days(struct policy *pol, long days, struct diag *d)
{
	int	 i;

	if (policy_check_days(days, d) == -1)
		return -1;
	for (i = 0; i < RULE_COUNT; i++)
		if (rules_table[i].by_days)
			pol->days[i] = (int)days;
	return 0;
}

/*
 * What each benchmark sets: the threshold of the rules --days governs.
 * Every CIS version from 3.0 to 7.0 says credentials "unused for 45 days
 * or more" (1.12 in v3.0 and v4.0.1, 1.11 in v5.0, 2.11 in v6.0 and
 * v7.0), as does Security Hub's IAM.22; FSBP's IAM.8 says 90.  Key
 * rotation is 90 days in all of them, the default, so it is left as the
 * config file set it.  "cis" names the newest CIS version.
 */
static const struct benchmark {
	const char	*name;
	int		 unused_days;
} benchmarks[] = {
	{ "cis", 45 },
	{ "cis-3.0", 45 },
	{ "cis-4.0.1", 45 },
	{ "cis-5.0", 45 },
	{ "cis-6.0", 45 },
	{ "cis-7.0", 45 },
	{ "fsbp", 90 },
};

#define NBENCHMARKS	(sizeof(benchmarks) / sizeof(benchmarks[0]))

int
policy_benchmark_days(const char *name)
{
	size_t	 i;

	for (i = 0; i < NBENCHMARKS; i++)
		if (strcasecmp(name, benchmarks[i].name) == 0)
			return benchmarks[i].unused_days;
	return -1;
}

void
policy_benchmark_names(char *buf, size_t len)
{
	size_t	 i, used;

	buf[0] = '\0';
	for (i = 0; i < NBENCHMARKS; i++) {
		used = strlen(buf);
		snprintf(buf + used, len - used, "%s%s",
		    i == 0 ? "" : i + 1 == NBENCHMARKS ? " or " : ", ",
		    benchmarks[i].name);
	}
}

int
policy_apply_benchmark(struct policy *pol, const char *name,
    struct diag *d)
{
	char	 names[128];
	int	 days;

	if ((days = policy_benchmark_days(name)) == -1) {
		policy_benchmark_names(names, sizeof(names));
		diag_report(d, DIAG_ERROR, NULL, 0, "unknown benchmark \"%s\" "
		    "(%s)", name, names);
		return -1;
	}
	return policy_set_unused_days(pol, days, d);
}
