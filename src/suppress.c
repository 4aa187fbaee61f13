/*
 * Suppression matching: which of the policy's suppressions, if any,
 * silences a finding.  rules_eval() asks once per finding; the
 * suppressions themselves are read by config.c and owned by the policy.
 */
#include <fnmatch.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rules.h"
#include "suppress.h"

static bool
str_match(const char *want, const char *have)
{
	return want == NULL || (have != NULL && strcmp(want, have) == 0);
}

static bool
suppression_match(const struct suppression *s, const struct finding *f,
    int64_t as_of)
{
	if (s->has_expires && as_of >= s->expires)
		return false;
	if (s->id != NULL)
		return strcmp(s->id, f->id) == 0;
	if (s->user != NULL && (f->rec->user == NULL ||
	    !rules_glob_match(s->user, f->rec->user)))
		return false;
	return str_match(s->account, f->rec->account) &&
	    (s->rule == -1 || s->rule == (int)f->rule) &&
	    str_match(s->credential, f->credential);
}

/* The first suppression that matches wins. */
void
suppress_apply(const struct policy *pol, struct finding *f)
{
	size_t	 i;

	for (i = 0; i < pol->nsuppressions; i++) {
		if (suppression_match(&pol->suppressions[i], f, pol->as_of)) {
			f->suppressed = true;
			f->suppression = i;
			f->suppress_reason = pol->suppressions[i].reason;
			return;
		}
	}
}

bool
rules_glob_match(const char *pattern, const char *name)
{
	/* No FNM_PATHNAME or FNM_PERIOD: a user name is one plain word. */
	return fnmatch(pattern, name, 0) == 0;
}
