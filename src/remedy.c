/*
 * The plans' remedies: what --plan deactivate or --plan delete does about
 * a finding, from the rule's remedy and advice in rules_table, and when a
 * dormant user may be deleted, which needs every credential it still has
 * to be old by the rules' own measure of age.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rules.h"
#include "timeparse.h"

static const char *const plan_names[PLAN_COUNT] = {
	[PLAN_DEACTIVATE] = "deactivate",
	[PLAN_DELETE] = "delete",
};

const char *
plan_name(enum plan plan)
{
	return (unsigned)plan < PLAN_COUNT ? plan_names[plan] : "unknown";
}

int
plan_lookup(const char *name)
{
	int	 i;

	for (i = 0; i < PLAN_COUNT; i++)
		if (strcmp(name, plan_names[i]) == 0)
			return i;
	return -1;
}

/*
 * May the deletion plan delete rec?  See rules_remedy() in rules.h; the
 * report may be days old, so delete_user checks again at run time.
 */
static bool
user_deletable(const struct policy *pol, const struct user_record *rec,
    const char **why)
{
	int		 grace = pol->days[RULE_INACTIVE_ACCESS_KEY], i;
	int64_t		 days;

	if (rec->password == PASSWORD_ENABLED ||
	    rec->key[0].state == SLOT_ACTIVE ||
	    rec->key[1].state == SLOT_ACTIVE) {
		*why = "not deleted: the user still has an enabled "
		    "credential; --plan deactivate comes first, and the user "
		    "is deleted after the grace period";
		return false;
	}
	if (rec->cert[0].state == SLOT_ACTIVE ||
	    rec->cert[1].state == SLOT_ACTIVE) {
		*why = "not deleted: the user has an active signing "
		    "certificate";
		return false;
	}
	for (i = 0; i < 2; i++) {
		if (rec->key[i].state != SLOT_INACTIVE)
			continue;
		/* A key of unknown age is not known to be old enough. */
		if (!rules_key_age(rec, i, pol->as_of, &days) ||
		    days < grace) {
			*why = "not deleted yet: an inactive access key was "
			    "used or made within the inactive-access-key "
			    "threshold";
			return false;
		}
	}
	if (rec->password_last_used.kind == TIME_SET) {
		/*
		 * Not rules_password_age(): that measures an enabled
		 * password; here only its last use holds the user back.
		 */
		days = timeparse_age_days(rec->password_last_used.t,
		    pol->as_of);
		if (days < grace) {
			*why = "not deleted yet: the console password was "
			    "used within the inactive-access-key threshold";
			return false;
		}
	}
	return true;
}

enum remedy
rules_remedy(const struct policy *pol, const struct finding *f,
    enum plan plan, const char **advice)
{
	const struct rule	*def = f->def;
	enum remedy		 r;

	*advice = def->advice;
	if (plan != PLAN_DELETE)
		return def->remedy;
	if (def->delete_advice != NULL)
		*advice = def->delete_advice;
	r = def->delete_remedy;
	/* The root rules never delete; this is the backstop. */
	if (f->rec->is_root && r != REMEDY_ADVICE) {
		*advice = RULE_ADVICE_AS_ROOT "nothing of root is deleted by a plan";
		return REMEDY_ADVICE;
	}
	if (r == REMEDY_DELETE_USER && !user_deletable(pol, f->rec, advice))
		return REMEDY_ADVICE;
	return r;
}
