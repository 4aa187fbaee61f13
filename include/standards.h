/*
 * The compliance frameworks that credaudit's controls belong to, named
 * as other tools name them: the standard's title for OCSF's
 * compliance.standards and the ASFF finding type for Security Hub.
 *
 * A rule's controls ("cis-3.0:1.12", "fsbp:IAM.8", ...) carry the
 * framework in their prefix; standards_of_rule() turns them into the
 * frameworks, each once, in table order, and always ends with AWS's own
 * IAM security best practices, which every rule follows.  Formats ask
 * here instead of deciding what a control means.
 */
#ifndef CREDAUDIT_STANDARDS_H
#define CREDAUDIT_STANDARDS_H

#include <stddef.h>

#include "rules.h"

struct standard {
	const char	*prefix;	/* of the controls, "cis-3.0:"; NULL: all */
	const char	*name;		/* "CIS AWS Foundations Benchmark v3.0.0" */
	const char	*asff_type;	/* namespace/category/classifier; NULL:
					   an earlier entry's, not repeated */
};

/* The most standards one rule can have: every entry of the table. */
#define STANDARDS_MAX	7

/*
 * Store in out (STANDARDS_MAX entries) the standards of the rule's
 * controls, and return how many (at least 1).
 */
size_t	standards_of_rule(const struct rule *def,
	    const struct standard *out[STANDARDS_MAX]);

#endif
