/*
 * The frameworks behind credaudit's controls, and the names that OCSF
 * and Security Hub know them by.  One table: adding a framework is one
 * entry here and the controls that use its prefix in rules.c.
 *
 * The ASFF types are paths of Security Hub's finding type taxonomy
 * (Software and Configuration Checks / Industry and Regulatory
 * Standards / ...); "AWS Security Best Practices" is a category of the
 * same namespace, which a type may name without a classifier.
 */
#include <stddef.h>
#include <string.h>

#include "rules.h"
#include "standards.h"

static const struct standard standards_table[] = {
	{ "cis-3.0:", "CIS AWS Foundations Benchmark v3.0.0",
	    "Software and Configuration Checks/Industry and Regulatory "
	    "Standards/CIS AWS Foundations Benchmark" },
	/* Later versions: the same ASFF type, named once above. */
	{ "cis-4.0.1:", "CIS AWS Foundations Benchmark v4.0.1", NULL },
	{ "cis-5.0:", "CIS AWS Foundations Benchmark v5.0.0", NULL },
	{ "cis-6.0:", "CIS AWS Foundations Benchmark v6.0.0", NULL },
	{ "cis-7.0:", "CIS AWS Foundations Benchmark v7.0.0", NULL },
	{ "fsbp:", "AWS Foundational Security Best Practices",
	    "Software and Configuration Checks/Industry and Regulatory "
	    "Standards/AWS Foundational Security Best Practices" },
	{ NULL, "AWS IAM security best practices",
	    "Software and Configuration Checks/AWS Security Best Practices" },
};

#define STANDARDS_COUNT	(sizeof(standards_table) / sizeof(standards_table[0]))

static int
standards_uses(const struct rule *def, const char *prefix)
{
	const char *const	*c;

	if (prefix == NULL)
		return 1;
	for (c = def->controls; c != NULL && *c != NULL; c++)
		if (strncmp(*c, prefix, strlen(prefix)) == 0)
			return 1;
	return 0;
}

size_t
standards_of_rule(const struct rule *def,
    const struct standard *out[STANDARDS_MAX])
{
	size_t	 i, n = 0;

	for (i = 0; i < STANDARDS_COUNT && n < STANDARDS_MAX; i++)
		if (standards_uses(def, standards_table[i].prefix))
			out[n++] = &standards_table[i];
	return n;
}
