/*
 * Suppression matching, as the rule engine applies it to each finding it
 * makes.  The struct suppression and struct policy it reads are declared
 * in rules.h, with rules_glob_match(), the user-name glob it uses.
 */
#ifndef CREDAUDIT_SUPPRESS_H
#define CREDAUDIT_SUPPRESS_H

#include "rules.h"

/*
 * Mark f suppressed by the first of pol's suppressions that matches it
 * and has not expired at pol->as_of, recording which one and its reason
 * (owned by the policy); leave f alone when none does.
 */
void	suppress_apply(const struct policy *pol, struct finding *f);

#endif
