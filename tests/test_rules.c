/*
 * Tests of the rule engine: every rule at its boundaries, the finding it
 * builds (id, days, last use, message), suppressions, and the policy
 * setters.  Records are built here field by field; as_of is fixed at
 * 2026-11-23T00:00:00Z and every date below was worked out by hand from it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "rules.h"

#define AS_OF		INT64_C(1795392000)	/* 2026-11-23T00:00:00Z */
#define DAY		86400
#define AGO(d)		(AS_OF - (int64_t)(d) * DAY)
#define ACCOUNT		"123456789012"
/*
 * In the case tables: a timestamp column holding N/A, or days: null.
 * Small negative ages are real: timestamps after as_of.
 */
#define NEVER		(-99999L)
#define MAXSEEN		8

/* Short names so the case tables stay readable. */
#define PW_ON		PASSWORD_ENABLED
#define PW_OFF		PASSWORD_DISABLED
#define PW_NS		PASSWORD_NOT_SUPPORTED
#define ACT		SLOT_ACTIVE
#define INA		SLOT_INACTIVE
#define ABS		SLOT_ABSENT

struct seen {
	struct finding	 f[MAXSEEN];
	int		 n;
	int		 stop_at;	/* return 7 on this finding; 0: never */
};

static int
collect(void *ctx, struct finding *f)
{
	struct seen	*s = ctx;

	if (s->n < MAXSEEN)
		s->f[s->n] = *f;
	s->n++;
	return s->stop_at != 0 && s->n == s->stop_at ? 7 : 0;
}

static struct cred_time
ago(long days)
{
	struct cred_time	 ct = { TIME_NA, 0 };

	if (days != NEVER) {
		ct.kind = TIME_SET;
		ct.t = AGO(days);
	}
	return ct;
}

static void
slot_set(struct key_slot *k, enum slot_state state, long rotated, long used)
{
	k->state = state;
	k->last_rotated = ago(rotated);
	k->last_used = ago(used);
}

/* A user created 1000 days ago with no password, no key, no MFA. */
static void
rec_user(struct user_record *r, const char *name)
{
	fixture_record(r, "report.csv", 2, ACCOUNT, name,
	    "arn:aws:iam::123456789012:user/x", AGO(1000));
}

/* alice with a console password, no MFA, last used days ago. */
static void
rec_console(struct user_record *r, long days)
{
	rec_user(r, "alice");
	r->password = PW_ON;
	r->password_last_used = ago(days);
}

/* The root row as AWS writes it: MFA on, nothing else. */
static void
rec_root(struct user_record *r)
{
	rec_user(r, "<root_account>");
	r->arn = "arn:aws:iam::123456789012:root";
	r->is_root = true;
	r->mfa_active = true;
	r->password = PW_NS;
	r->password_last_changed.kind = TIME_NOT_SUPPORTED;
	r->password_next_rotation.kind = TIME_NOT_SUPPORTED;
}

static void
pol_make(struct policy *pol)
{
	policy_init(pol);
	pol->as_of = AS_OF;
}

/* Only rule on, so a case sees nothing but the rule it tests. */
static void
pol_only(struct policy *pol, enum rule_index rule)
{
	int	 i;

	pol_make(pol);
	for (i = 0; i < RULE_COUNT; i++)
		pol->enabled[i] = i == (int)rule;
}

static struct eval_result
eval(const struct policy *pol, const struct user_record *rec, struct seen *s)
{
	struct eval_result	 res;

	memset(s, 0, sizeof(*s));
	assert_int_equal(rules_eval(pol, rec, collect, s, &res), 0);
	return res;
}

static const struct finding *
seen_find(const struct seen *s, enum rule_index rule, const char *cred)
{
	int	 i;

	for (i = 0; i < s->n && i < MAXSEEN; i++)
		if (s->f[i].rule == rule &&
		    strcmp(s->f[i].credential, cred) == 0)
			return &s->f[i];
	return NULL;
}

/* days and last_used given as days ago, NEVER for "not set". */
static void
assert_age(const struct finding *f, long days, long last_used)
{
	assert_int_equal(f->has_days, days != NEVER);
	if (days != NEVER)
		assert_int_equal(f->days, days);
	assert_int_equal(f->has_last_used, last_used != NEVER);
	if (last_used != NEVER)
		assert_int_equal(f->last_used, AGO(last_used));
}

static void
test_rules_table_contract(void **state)
{
	static const struct {
		const char	*id;
		enum severity	 sev;
		int		 days;
		bool		 root;
		const char	*controls[10];
	} want[RULE_COUNT] = {
		{ "root-access-key", SEV_CRITICAL, RULE_NO_DAYS, true,
		    { "cis-3.0:1.4", "cis-4.0.1:1.4", "cis-5.0:1.3",
		    "cis-6.0:2.3", "cis-7.0:2.4", "fsbp:IAM.4",
		    "config:iam-root-access-key-check" } },
		{ "root-no-mfa", SEV_CRITICAL, RULE_NO_DAYS, true,
		    { "cis-3.0:1.5", "cis-4.0.1:1.5", "cis-5.0:1.4",
		    "cis-6.0:2.4", "cis-7.0:2.5", "fsbp:IAM.9",
		    "config:root-account-mfa-enabled" } },
		{ "root-recent-use", SEV_HIGH, 90, true,
		    { "cis-3.0:1.7", "cis-4.0.1:1.7", "cis-5.0:1.6",
		    "cis-6.0:2.6", "cis-7.0:2.7" } },
		{ "root-signing-certificate", SEV_HIGH, RULE_NO_DAYS, true,
		    { NULL } },
		{ "console-without-mfa", SEV_HIGH, RULE_NO_DAYS, false,
		    { "cis-3.0:1.10", "cis-4.0.1:1.10", "cis-5.0:1.9",
		    "cis-6.0:2.9", "cis-7.0:2.10", "fsbp:IAM.5",
		    "config:mfa-enabled-for-iam-console-access" } },
		{ "unused-password", SEV_MEDIUM, 90, false,
		    { "cis-3.0:1.12", "cis-4.0.1:1.12", "cis-5.0:1.11",
		    "cis-6.0:2.11", "cis-7.0:2.11", "fsbp:IAM.8",
		    "fsbp:IAM.22", "config:iam-user-unused-credentials-check",
		    "access-analyzer:UnusedIAMUserPassword" } },
		{ "unused-access-key", SEV_MEDIUM, 90, false,
		    { "cis-3.0:1.12", "cis-4.0.1:1.12", "cis-5.0:1.11",
		    "cis-6.0:2.11", "cis-7.0:2.11", "fsbp:IAM.8",
		    "fsbp:IAM.22", "config:iam-user-unused-credentials-check",
		    "access-analyzer:UnusedIAMUserAccessKey" } },
		{ "access-key-not-rotated", SEV_MEDIUM, 90, false,
		    { "cis-3.0:1.14", "cis-4.0.1:1.14", "cis-5.0:1.13",
		    "cis-6.0:2.13", "cis-7.0:2.12", "fsbp:IAM.3",
		    "config:access-keys-rotated" } },
		{ "multiple-active-keys", SEV_MEDIUM, RULE_NO_DAYS, false,
		    { "cis-3.0:1.13", "cis-4.0.1:1.13", "cis-5.0:1.12",
		    "cis-6.0:2.12" } },
		{ "initial-access-key", SEV_LOW, RULE_NO_DAYS, false,
		    { "cis-3.0:1.11", "cis-4.0.1:1.11", "cis-5.0:1.10",
		    "cis-6.0:2.10" } },
		{ "dormant-user", SEV_LOW, 90, false, { NULL } },
		{ "inactive-access-key", SEV_LOW, 120, false, { NULL } },
	};
	int	 i, j;

	(void)state;
	for (i = 0; i < RULE_COUNT; i++) {
		const struct rule	*r = &rules_table[i];

		assert_string_equal(r->id, want[i].id);
		assert_int_equal(r->severity, want[i].sev);
		assert_int_equal(r->default_days, want[i].days);
		assert_int_equal(r->root, want[i].root);
		assert_non_null(r->summary);
		assert_true(strlen(r->summary) > 10);
		assert_non_null(r->check);
		for (j = 0; want[i].controls[j] != NULL; j++)
			assert_string_equal(r->controls[j],
			    want[i].controls[j]);
		assert_null(r->controls[j]);
		assert_int_equal(rules_lookup(want[i].id), i);
	}
	assert_int_equal(rules_lookup("unused"), -1);
	assert_int_equal(rules_lookup("Unused-Password"), -1);
	assert_int_equal(rules_lookup(""), -1);
}

/* Is s a rule id: lower-case words joined by single hyphens? */
static bool
is_rule_id(const char *s)
{
	const char	*p;

	if (*s < 'a' || *s > 'z')
		return false;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    (*p == '-' && p[1] != '-' && p[1] != '\0')))
			return false;
	return true;
}

/*
 * Every entry of rules_table has everything a rule owns, so a new rule
 * cannot be half-added: an id, a severity, a threshold that --days may
 * govern only if it has one, a summary, controls, a check, a remedy
 * (with advice when the remedy is a comment), and the title and
 * remediation that asff and ocsf carry.
 */
static void
test_rules_table_complete(void **state)
{
	int	 i;

	(void)state;
	for (i = 0; i < RULE_COUNT; i++) {
		const struct rule	*r = &rules_table[i];

		print_message("rule %d\n", i);
		assert_non_null(r->id);
		assert_true(is_rule_id(r->id));
		assert_int_equal(rules_lookup(r->id), i);
		assert_true(r->severity >= SEV_LOW && r->severity < SEV_COUNT);
		assert_true(r->default_days == RULE_NO_DAYS ||
		    (r->default_days >= 0 && r->default_days <= RULE_MAX_DAYS));
		if (r->by_days)
			assert_true(r->default_days != RULE_NO_DAYS);
		assert_non_null(r->summary);
		assert_true(r->summary[0] != '\0');
		assert_non_null(r->controls);
		assert_non_null(r->check);
		/* asff and ocsf carry these; Security Hub's limit is 512. */
		assert_non_null(r->title);
		assert_true(r->title[0] != '\0' && strlen(r->title) < 80);
		assert_non_null(r->remediation);
		assert_true(r->remediation[0] != '\0' &&
		    strlen(r->remediation) < 512);
		switch (r->remedy) {
		case REMEDY_ADVICE:
			assert_non_null(r->advice);
			assert_true(r->advice[0] != '\0');
			break;
		case REMEDY_DEACTIVATE_KEY:
		case REMEDY_DELETE_PASSWORD:
			break;
		default:
			fail_msg("rule %s: remedy %d in the deactivation "
			    "plan", r->id, (int)r->remedy);
		}
		switch (r->delete_remedy) {
		case REMEDY_ADVICE:
			assert_true(r->delete_advice != NULL ||
			    r->advice != NULL);
			break;
		case REMEDY_DELETE_KEY:
		case REMEDY_DELETE_USER:
			/* Nothing of root is ever deleted. */
			assert_false(r->root);
			break;
		default:
			fail_msg("rule %s: remedy %d in the deletion plan",
			    r->id, (int)r->delete_remedy);
		}
	}
}

/* Every credential has a name, and only those names are known. */
static void
test_rules_credential_names(void **state)
{
	static const struct {
		enum cred_kind	 kind;
		int		 slot;
		const char	*name;
	} cases[] = {
		{ CRED_PASSWORD, -1, "password" },
		{ CRED_ACCESS_KEY, 0, "access_key_1" },
		{ CRED_ACCESS_KEY, 1, "access_key_2" },
		{ CRED_ACCESS_KEYS, -1, "access_keys" },
		{ CRED_MFA, -1, "mfa" },
		{ CRED_CERT, 0, "cert_1" },
		{ CRED_CERT, 1, "cert_2" },
		{ CRED_USER, -1, "user" },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_string_equal(credential_name(cases[i].kind,
		    cases[i].slot), cases[i].name);
		assert_true(credential_known(cases[i].name));
	}
	assert_false(credential_known("access_key_3"));
	assert_false(credential_known("Password"));
	assert_false(credential_known(""));
}

/*
 * One row per case for the rules on users.  Ages are days before as_of,
 * NEVER for N/A.  The user is created `created` days ago.
 */
struct user_case {
	const char		*what;
	enum rule_index		 rule;
	long			 created;
	enum password_state	 pw;
	long			 pw_used, pw_changed;
	bool			 mfa;
	enum slot_state		 k1;
	long			 k1_rotated, k1_used;
	enum slot_state		 k2;
	long			 k2_rotated, k2_used;
	int			 n;		/* findings expected */
	const char		*cred;		/* of the first one */
	long			 days;		/* NEVER: null */
	long			 last_used;	/* NEVER: not set */
};

static const struct user_case user_cases[] = {
	/* what, rule, created, pw, pw_used, pw_changed, mfa,
	 * k1, k1_rotated, k1_used, k2, k2_rotated, k2_used,
	 * n, cred, days, last_used */
	{ "password used 89 days ago", RULE_UNUSED_PASSWORD, 1000,
	    PW_ON, 89, 500, true, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },
	{ "password used 90 days ago", RULE_UNUSED_PASSWORD, 1000,
	    PW_ON, 90, 500, true, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    1, "password", 90, 90 },
	{ "password never used, changed 90 days ago", RULE_UNUSED_PASSWORD,
	    1000, PW_ON, NEVER, 90, true, ABS, NEVER, NEVER, ABS, NEVER,
	    NEVER, 1, "password", 90, NEVER },
	{ "password never used, changed 89 days ago", RULE_UNUSED_PASSWORD,
	    1000, PW_ON, NEVER, 89, true, ABS, NEVER, NEVER, ABS, NEVER,
	    NEVER, 0, NULL, 0, 0 },
	{ "password never used, user created 90 days ago",
	    RULE_UNUSED_PASSWORD, 90, PW_ON, NEVER, NEVER, true, ABS, NEVER,
	    NEVER, ABS, NEVER, NEVER, 1, "password", 90, NEVER },
	{ "password never used, user created 89 days ago",
	    RULE_UNUSED_PASSWORD, 89, PW_ON, NEVER, NEVER, true, ABS, NEVER,
	    NEVER, ABS, NEVER, NEVER, 0, NULL, 0, 0 },
	{ "password disabled, long unused", RULE_UNUSED_PASSWORD, 1000,
	    PW_OFF, 500, 500, true, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },
	{ "password used in the future", RULE_UNUSED_PASSWORD, 1000,
	    PW_ON, -3, 500, true, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },

	{ "key used 89 days ago", RULE_UNUSED_ACCESS_KEY, 1000, PW_OFF,
	    NEVER, NEVER, false, ACT, 500, 89, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },
	{ "key used 90 days ago", RULE_UNUSED_ACCESS_KEY, 1000, PW_OFF,
	    NEVER, NEVER, false, ACT, 500, 90, ABS, NEVER, NEVER,
	    1, "access_key_1", 90, 90 },
	{ "key never used, created 90 days ago", RULE_UNUSED_ACCESS_KEY,
	    1000, PW_OFF, NEVER, NEVER, false, ACT, 90, NEVER, ABS, NEVER,
	    NEVER, 1, "access_key_1", 90, NEVER },
	{ "key never used, created 89 days ago", RULE_UNUSED_ACCESS_KEY,
	    1000, PW_OFF, NEVER, NEVER, false, ACT, 89, NEVER, ABS, NEVER,
	    NEVER, 0, NULL, 0, 0 },
	{ "key never used, no rotation, user 90 days old",
	    RULE_UNUSED_ACCESS_KEY, 90, PW_OFF, NEVER, NEVER, false,
	    ACT, NEVER, NEVER, ABS, NEVER, NEVER,
	    1, "access_key_1", 90, NEVER },
	{ "inactive key long unused", RULE_UNUSED_ACCESS_KEY, 1000, PW_OFF,
	    NEVER, NEVER, false, INA, 500, 400, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },
	{ "key 2 stale, key 1 fresh", RULE_UNUSED_ACCESS_KEY, 1000, PW_OFF,
	    NEVER, NEVER, false, ACT, 500, 1, ACT, 400, 120,
	    1, "access_key_2", 120, 120 },
	{ "both keys stale", RULE_UNUSED_ACCESS_KEY, 1000, PW_OFF,
	    NEVER, NEVER, false, ACT, 500, 300, ACT, 400, 120,
	    2, "access_key_1", 300, 300 },

	{ "key rotated 89 days ago", RULE_ACCESS_KEY_NOT_ROTATED, 1000,
	    PW_OFF, NEVER, NEVER, false, ACT, 89, 1, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },
	{ "key rotated 90 days ago, used yesterday",
	    RULE_ACCESS_KEY_NOT_ROTATED, 1000, PW_OFF, NEVER, NEVER, false,
	    ACT, 90, 1, ABS, NEVER, NEVER, 1, "access_key_1", 90, 1 },
	{ "key rotated 90 days ago, never used",
	    RULE_ACCESS_KEY_NOT_ROTATED, 1000, PW_OFF, NEVER, NEVER, false,
	    ACT, 90, NEVER, ABS, NEVER, NEVER,
	    1, "access_key_1", 90, NEVER },
	{ "active key without last_rotated", RULE_ACCESS_KEY_NOT_ROTATED,
	    1000, PW_OFF, NEVER, NEVER, false, ACT, NEVER, 500, ABS, NEVER,
	    NEVER, 0, NULL, 0, 0 },
	{ "inactive old key", RULE_ACCESS_KEY_NOT_ROTATED, 1000, PW_OFF,
	    NEVER, NEVER, false, INA, 500, NEVER, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },

	{ "both keys active", RULE_MULTIPLE_ACTIVE_KEYS, 1000, PW_OFF,
	    NEVER, NEVER, false, ACT, 10, 1, ACT, 20, 2,
	    1, "access_keys", NEVER, NEVER },
	{ "one active, one inactive", RULE_MULTIPLE_ACTIVE_KEYS, 1000,
	    PW_OFF, NEVER, NEVER, false, ACT, 10, 1, INA, 20, 2,
	    0, NULL, 0, 0 },

	{ "console user, key never used", RULE_INITIAL_ACCESS_KEY, 1000,
	    PW_ON, 1, 500, true, ACT, 322, NEVER, ABS, NEVER, NEVER,
	    1, "access_key_1", 322, NEVER },
	{ "console user, key never used, no rotation",
	    RULE_INITIAL_ACCESS_KEY, 1000, PW_ON, 1, 500, true,
	    ACT, NEVER, NEVER, ABS, NEVER, NEVER,
	    1, "access_key_1", 1000, NEVER },
	{ "console user, key used", RULE_INITIAL_ACCESS_KEY, 1000, PW_ON,
	    1, 500, true, ACT, 322, 300, ABS, NEVER, NEVER, 0, NULL, 0, 0 },
	{ "console user, inactive unused key", RULE_INITIAL_ACCESS_KEY,
	    1000, PW_ON, 1, 500, true, INA, 322, NEVER, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },
	{ "no console password, key never used", RULE_INITIAL_ACCESS_KEY,
	    1000, PW_OFF, NEVER, NEVER, false, ACT, 322, NEVER, ABS, NEVER,
	    NEVER, 0, NULL, 0, 0 },

	{ "console without MFA", RULE_CONSOLE_WITHOUT_MFA, 1000, PW_ON,
	    12, 500, false, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    1, "password", 12, 12 },
	{ "console without MFA, never used", RULE_CONSOLE_WITHOUT_MFA,
	    1000, PW_ON, NEVER, NEVER, false, ABS, NEVER, NEVER, ABS, NEVER,
	    NEVER, 1, "password", 1000, NEVER },
	{ "console with MFA", RULE_CONSOLE_WITHOUT_MFA, 1000, PW_ON,
	    12, 500, true, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },
	{ "no console, no MFA", RULE_CONSOLE_WITHOUT_MFA, 1000, PW_OFF,
	    NEVER, NEVER, false, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },

	{ "no credential, user 90 days old", RULE_DORMANT_USER, 90, PW_OFF,
	    NEVER, NEVER, false, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    1, "user", 90, NEVER },
	{ "no credential, user 89 days old", RULE_DORMANT_USER, 89, PW_OFF,
	    NEVER, NEVER, false, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },
	{ "only an inactive key", RULE_DORMANT_USER, 1000, PW_OFF,
	    NEVER, NEVER, false, INA, 10, 5, ABS, NEVER, NEVER,
	    1, "user", 1000, NEVER },
	{ "one fresh credential", RULE_DORMANT_USER, 1000, PW_ON, 400, 500,
	    false, ACT, 500, 89, ABS, NEVER, NEVER, 0, NULL, 0, 0 },
	{ "all stale: youngest decides, latest use reported",
	    RULE_DORMANT_USER, 1000, PW_ON, 400, 500, false,
	    ACT, 95, NEVER, ACT, 600, 120, 1, "user", 95, 120 },
	{ "all stale, one exactly at the threshold", RULE_DORMANT_USER,
	    1000, PW_ON, 90, 500, false, ABS, NEVER, NEVER, ABS, NEVER,
	    NEVER, 1, "user", 90, 90 },
	{ "user 89 days old, credentials never used", RULE_DORMANT_USER,
	    89, PW_ON, NEVER, NEVER, false, ABS, NEVER, NEVER, ABS, NEVER,
	    NEVER, 0, NULL, 0, 0 },

	{ "inactive key used 119 days ago", RULE_INACTIVE_ACCESS_KEY, 1000,
	    PW_OFF, NEVER, NEVER, false, INA, 500, 119, ABS, NEVER, NEVER,
	    0, NULL, 0, 0 },
	{ "inactive key used 120 days ago", RULE_INACTIVE_ACCESS_KEY, 1000,
	    PW_OFF, NEVER, NEVER, false, INA, 500, 120, ABS, NEVER, NEVER,
	    1, "access_key_1", 120, 120 },
	{ "inactive key 2 never used, created 120 days ago",
	    RULE_INACTIVE_ACCESS_KEY, 1000, PW_ON, 1, 500, true,
	    ACT, 500, 1, INA, 120, NEVER, 1, "access_key_2", 120, NEVER },
	{ "inactive key never used, created 119 days ago",
	    RULE_INACTIVE_ACCESS_KEY, 1000, PW_OFF, NEVER, NEVER, false,
	    INA, 119, NEVER, ABS, NEVER, NEVER, 0, NULL, 0, 0 },
	{ "inactive key created long ago, used 119 days ago",
	    RULE_INACTIVE_ACCESS_KEY, 1000, PW_OFF, NEVER, NEVER, false,
	    INA, 900, 119, ABS, NEVER, NEVER, 0, NULL, 0, 0 },
	{ "active key long unused is not inactive", RULE_INACTIVE_ACCESS_KEY,
	    1000, PW_OFF, NEVER, NEVER, false, ACT, 900, 500, ABS, NEVER,
	    NEVER, 0, NULL, 0, 0 },
	{ "empty slots", RULE_INACTIVE_ACCESS_KEY, 1000, PW_OFF, NEVER,
	    NEVER, false, ABS, NEVER, NEVER, ABS, NEVER, NEVER, 0, NULL, 0, 0 },
	{ "both keys inactive and idle", RULE_INACTIVE_ACCESS_KEY, 1000,
	    PW_OFF, NEVER, NEVER, false, INA, 900, 400, INA, 300, NEVER,
	    2, "access_key_1", 400, 400 },
};

static void
rec_from_case(struct user_record *r, const struct user_case *c)
{
	rec_user(r, "alice");
	r->created = ago(c->created);
	r->password = c->pw;
	r->password_last_used = ago(c->pw_used);
	r->password_last_changed = ago(c->pw_changed);
	r->mfa_active = c->mfa;
	slot_set(&r->key[0], c->k1, c->k1_rotated, c->k1_used);
	slot_set(&r->key[1], c->k2, c->k2_rotated, c->k2_used);
}

/*
 * Evaluate rec with only rule on and check that it raised n findings;
 * false when there are none to look at.
 */
static bool
eval_case(enum rule_index rule, const struct user_record *rec,
    struct seen *s, int n)
{
	struct policy	 pol;

	pol_only(&pol, rule);
	eval(&pol, rec, s);
	assert_int_equal(s->n, n);
	return n > 0;
}

static void
test_rules_user_cases(void **state)
{
	struct user_record	 rec;
	struct seen		 s;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(user_cases) / sizeof(user_cases[0]); i++) {
		const struct user_case	*c = &user_cases[i];

		print_message("case: %s\n", c->what);
		rec_from_case(&rec, c);
		if (!eval_case(c->rule, &rec, &s, c->n))
			continue;
		assert_int_equal(s.f[0].rule, c->rule);
		assert_string_equal(s.f[0].credential, c->cred);
		assert_age(&s.f[0], c->days, c->last_used);
	}
}

/* Root rules never look at users, user rules never at root. */
static void
test_rules_root_and_users_apart(void **state)
{
	struct policy		 pol;
	struct user_record	 rec;
	struct seen		 s;
	int			 i;

	(void)state;
	pol_make(&pol);
	/* A user with every root problem: no finding from a root rule. */
	rec_user(&rec, "bob");
	rec.password = PW_ON;
	rec.mfa_active = true;
	rec.password_last_used = ago(1);
	slot_set(&rec.key[0], ACT, 10, 1);
	slot_set(&rec.cert[0], ACT, 10, NEVER);
	eval(&pol, &rec, &s);
	for (i = 0; i < s.n; i++)
		assert_false(rules_table[s.f[i].rule].root);
	/* Root with every user problem: no finding from a user rule. */
	rec_root(&rec);
	rec.password = PW_ON;
	rec.mfa_active = false;
	rec.password_last_used = ago(500);
	slot_set(&rec.key[0], ACT, 500, 400);
	slot_set(&rec.key[1], ACT, 500, NEVER);
	eval(&pol, &rec, &s);
	assert_true(s.n > 0);
	for (i = 0; i < s.n; i++)
		assert_true(rules_table[s.f[i].rule].root);
}

struct root_case {
	const char		*what;
	enum rule_index		 rule;
	enum password_state	 pw;
	long			 pw_used;
	bool			 mfa;
	enum slot_state		 k1;
	long			 k1_rotated, k1_used;
	enum slot_state		 k2;
	long			 k2_rotated, k2_used;
	enum slot_state		 c2;
	long			 c2_rotated;
	int			 n;
	const char		*cred;
	long			 days;
	long			 last_used;
};

static const struct root_case root_cases[] = {
	/* what, rule, pw, pw_used, mfa, k1, k1_rotated, k1_used,
	 * k2, k2_rotated, k2_used, c2, c2_rotated, n, cred, days, last_used */
	{ "MFA on, password not_supported", RULE_ROOT_NO_MFA, PW_NS, NEVER,
	    true, ABS, NEVER, NEVER, ABS, NEVER, NEVER, ABS, NEVER,
	    0, NULL, 0, 0 },
	{ "MFA off, password not_supported", RULE_ROOT_NO_MFA, PW_NS, NEVER,
	    false, ABS, NEVER, NEVER, ABS, NEVER, NEVER, ABS, NEVER,
	    1, "mfa", NEVER, NEVER },
	{ "MFA off, password true", RULE_ROOT_NO_MFA, PW_ON, 5, false,
	    ABS, NEVER, NEVER, ABS, NEVER, NEVER, ABS, NEVER,
	    1, "mfa", NEVER, NEVER },
	/* Centralised root access: a member account's root has nothing. */
	{ "MFA off, password false, nothing else", RULE_ROOT_NO_MFA, PW_OFF,
	    NEVER, false, ABS, NEVER, NEVER, ABS, NEVER, NEVER, ABS, NEVER,
	    0, NULL, 0, 0 },
	{ "MFA off, password false, inactive certificate", RULE_ROOT_NO_MFA,
	    PW_OFF, NEVER, false, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    INA, 100, 0, NULL, 0, 0 },
	{ "MFA off, password false, active key 1", RULE_ROOT_NO_MFA, PW_OFF,
	    NEVER, false, ACT, 100, 5, ABS, NEVER, NEVER, ABS, NEVER,
	    1, "mfa", NEVER, NEVER },
	{ "MFA off, password false, inactive key 2", RULE_ROOT_NO_MFA,
	    PW_OFF, NEVER, false, ABS, NEVER, NEVER, INA, 100, NEVER,
	    ABS, NEVER, 1, "mfa", NEVER, NEVER },
	{ "MFA off, password false, active certificate", RULE_ROOT_NO_MFA,
	    PW_OFF, NEVER, false, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    ACT, 100, 1, "mfa", NEVER, NEVER },
	{ "MFA on, password false, nothing else", RULE_ROOT_NO_MFA, PW_OFF,
	    NEVER, true, ABS, NEVER, NEVER, ABS, NEVER, NEVER, ABS, NEVER,
	    0, NULL, 0, 0 },

	{ "no keys", RULE_ROOT_ACCESS_KEY, PW_NS, NEVER, true,
	    ABS, NEVER, NEVER, ABS, NEVER, NEVER, ABS, NEVER, 0, NULL, 0, 0 },
	{ "active key 1, used", RULE_ROOT_ACCESS_KEY, PW_NS, NEVER, true,
	    ACT, 4000, 1, ABS, NEVER, NEVER, ABS, NEVER,
	    1, "access_key_1", 1, 1 },
	{ "inactive key 2 still exists", RULE_ROOT_ACCESS_KEY, PW_OFF, NEVER,
	    true, ABS, NEVER, NEVER, INA, 400, NEVER, ABS, NEVER,
	    1, "access_key_2", 400, NEVER },
	{ "both keys, password true", RULE_ROOT_ACCESS_KEY, PW_ON, 3, true,
	    ACT, 400, 100, INA, 300, 200, ABS, NEVER,
	    2, "access_key_1", 100, 100 },

	{ "no usage at all", RULE_ROOT_RECENT_USE, PW_NS, NEVER, true,
	    ABS, NEVER, NEVER, ABS, NEVER, NEVER, ABS, NEVER, 0, NULL, 0, 0 },
	{ "password used 89 days ago", RULE_ROOT_RECENT_USE, PW_NS, 89,
	    true, ABS, NEVER, NEVER, ABS, NEVER, NEVER, ABS, NEVER,
	    1, "password", 89, 89 },
	{ "password used 90 days ago", RULE_ROOT_RECENT_USE, PW_NS, 90,
	    true, ABS, NEVER, NEVER, ABS, NEVER, NEVER, ABS, NEVER,
	    0, NULL, 0, 0 },
	{ "key 2 used last", RULE_ROOT_RECENT_USE, PW_ON, 50, true,
	    ACT, 500, 30, ACT, 500, 12, ABS, NEVER,
	    1, "access_key_2", 12, 12 },
	{ "key 1 used last, key 2 older", RULE_ROOT_RECENT_USE, PW_OFF, 50,
	    true, ACT, 500, 10, INA, 500, 80, ABS, NEVER,
	    1, "access_key_1", 10, 10 },
	{ "password used last", RULE_ROOT_RECENT_USE, PW_NS, 2, true,
	    ACT, 500, 30, ACT, 500, 12, ABS, NEVER,
	    1, "password", 2, 2 },
	{ "latest use is old, earlier ones older", RULE_ROOT_RECENT_USE,
	    PW_NS, 200, true, ACT, 500, 95, ACT, 500, 300, ABS, NEVER,
	    0, NULL, 0, 0 },
	{ "used in the future", RULE_ROOT_RECENT_USE, PW_NS, -2, true,
	    ABS, NEVER, NEVER, ABS, NEVER, NEVER, ABS, NEVER,
	    1, "password", 0, -2 },

	{ "active certificate 2", RULE_ROOT_SIGNING_CERTIFICATE, PW_NS,
	    NEVER, true, ABS, NEVER, NEVER, ABS, NEVER, NEVER, ACT, 1000,
	    1, "cert_2", 1000, NEVER },
	{ "active certificate, no date", RULE_ROOT_SIGNING_CERTIFICATE,
	    PW_NS, NEVER, true, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
	    ACT, NEVER, 1, "cert_2", NEVER, NEVER },
	{ "inactive certificate", RULE_ROOT_SIGNING_CERTIFICATE, PW_NS,
	    NEVER, true, ABS, NEVER, NEVER, ABS, NEVER, NEVER, INA, 1000,
	    0, NULL, 0, 0 },
};

static void
test_rules_root_cases(void **state)
{
	struct user_record	 rec;
	struct seen		 s;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(root_cases) / sizeof(root_cases[0]); i++) {
		const struct root_case	*c = &root_cases[i];

		print_message("case: %s\n", c->what);
		rec_root(&rec);
		rec.password = c->pw;
		rec.password_last_used = ago(c->pw_used);
		rec.mfa_active = c->mfa;
		slot_set(&rec.key[0], c->k1, c->k1_rotated, c->k1_used);
		slot_set(&rec.key[1], c->k2, c->k2_rotated, c->k2_used);
		slot_set(&rec.cert[1], c->c2, c->c2_rotated, NEVER);
		if (!eval_case(c->rule, &rec, &s, c->n))
			continue;
		assert_string_equal(s.f[0].credential, c->cred);
		if (c->last_used < 0 && c->last_used != NEVER) {
			/* In the future: 0 days, last use as recorded. */
			assert_true(s.f[0].has_days);
			assert_int_equal(s.f[0].days, 0);
			assert_int_equal(s.f[0].last_used, AGO(c->last_used));
		} else
			assert_age(&s.f[0], c->days, c->last_used);
	}
}

/* Timestamps after as_of are 0 days old and counted, except the rotation. */
static void
test_rules_future_timestamps(void **state)
{
	struct policy		 pol;
	struct user_record	 rec;
	struct eval_result	 res;
	struct seen		 s;

	(void)state;
	pol_only(&pol, RULE_UNUSED_ACCESS_KEY);
	pol.days[RULE_UNUSED_ACCESS_KEY] = 0;
	rec_user(&rec, "alice");
	rec.password_next_rotation = ago(-30);
	res = eval(&pol, &rec, &s);
	assert_int_equal(res.future_timestamps, 0);

	rec.created = ago(-1);
	rec.password_last_used = ago(-2);
	rec.password_last_changed = ago(-3);
	slot_set(&rec.key[0], ACT, -4, -5);
	slot_set(&rec.key[1], INA, -6, -7);
	slot_set(&rec.cert[0], ACT, -8, NEVER);
	slot_set(&rec.cert[1], INA, -9, NEVER);
	res = eval(&pol, &rec, &s);
	assert_int_equal(res.future_timestamps, 9);
	/* A threshold of 0 makes even a 0-day-old key stale. */
	assert_int_equal(s.n, 1);
	assert_int_equal(s.f[0].days, 0);

	/* Exactly as_of is not in the future. */
	rec_user(&rec, "alice");
	rec.created.t = AS_OF;
	res = eval(&pol, &rec, &s);
	assert_int_equal(res.future_timestamps, 0);
}

/* Evidence strings, with dates worked out from 2026-11-23 by hand. */
static void
test_rules_messages(void **state)
{
	static const struct {
		struct user_case	 c;
		const char		*msg;
	} cases[] = {
		{ { "", RULE_UNUSED_ACCESS_KEY, 1000, PW_OFF, NEVER, NEVER,
		    false, ACT, 500, 120, ABS, NEVER, NEVER, 1, NULL, 0, 0 },
		    "access key 1 last used 2026-07-26, 120 days ago; "
		    "threshold 90" },
		{ { "", RULE_UNUSED_ACCESS_KEY, 1000, PW_OFF, NEVER, NEVER,
		    false, ABS, NEVER, NEVER, ACT, 322, NEVER, 1, NULL, 0, 0 },
		    "access key 2 never used; created 2026-01-05, 322 days "
		    "ago; threshold 90" },
		{ { "", RULE_UNUSED_PASSWORD, 3771, PW_ON, NEVER, NEVER,
		    true, ABS, NEVER, NEVER, ABS, NEVER, NEVER, 1, NULL, 0, 0 },
		    "password never used; user created 2016-07-27, 3771 days "
		    "ago; threshold 90" },
		{ { "", RULE_UNUSED_PASSWORD, 3771, PW_ON, NEVER, 120,
		    true, ABS, NEVER, NEVER, ABS, NEVER, NEVER, 1, NULL, 0, 0 },
		    "password never used; last changed 2026-07-26, 120 days "
		    "ago; threshold 90" },
		{ { "", RULE_CONSOLE_WITHOUT_MFA, 1000, PW_ON, 12, 500,
		    false, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
		    1, NULL, 0, 0 },
		    "console password enabled without MFA (last used "
		    "2026-11-11, 12 days ago)" },
		{ { "", RULE_ACCESS_KEY_NOT_ROTATED, 1000, PW_OFF, NEVER, NEVER,
		    false, ABS, NEVER, NEVER, ACT, 400, 1, 1, NULL, 0, 0 },
		    "access key 2 last rotated 2025-10-19, 400 days ago; "
		    "threshold 90" },
		{ { "", RULE_MULTIPLE_ACTIVE_KEYS, 1000, PW_OFF, NEVER, NEVER,
		    false, ACT, 1, 1, ACT, 1, 1, 1, NULL, 0, 0 },
		    "both access keys are active" },
		{ { "", RULE_INITIAL_ACCESS_KEY, 1000, PW_ON, 1, 500,
		    true, ACT, 322, NEVER, ABS, NEVER, NEVER, 1, NULL, 0, 0 },
		    "access key 1 never used; created 2026-01-05, 322 days "
		    "ago; user has a console password" },
		{ { "", RULE_INACTIVE_ACCESS_KEY, 1000, PW_OFF, NEVER, NEVER,
		    false, INA, 500, 120, ABS, NEVER, NEVER, 1, NULL, 0, 0 },
		    "access key 1 inactive, last used 2026-07-26, 120 days "
		    "ago; threshold 120" },
		{ { "", RULE_INACTIVE_ACCESS_KEY, 1000, PW_OFF, NEVER, NEVER,
		    false, ABS, NEVER, NEVER, INA, 322, NEVER, 1, NULL, 0, 0 },
		    "access key 2 inactive, never used; created 2026-01-05, "
		    "322 days ago; threshold 120" },
		{ { "", RULE_DORMANT_USER, 1000, PW_OFF, NEVER, NEVER,
		    false, ABS, NEVER, NEVER, ABS, NEVER, NEVER,
		    1, NULL, 0, 0 },
		    "no enabled credential; user created 2024-02-27, 1000 days "
		    "ago; threshold 90" },
		{ { "", RULE_DORMANT_USER, 1000, PW_ON, 400, 500, false,
		    ACT, 500, 120, ABS, NEVER, NEVER, 1, NULL, 0, 0 },
		    "all enabled credentials idle; most recent is access key "
		    "1, last used 2026-07-26, 120 days ago; threshold 90" },
	};
	struct policy		 pol;
	struct user_record	 rec;
	struct seen		 s;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pol_only(&pol, cases[i].c.rule);
		rec_from_case(&rec, &cases[i].c);
		eval(&pol, &rec, &s);
		assert_int_equal(s.n, 1);
		assert_string_equal(s.f[0].message, cases[i].msg);
		assert_true(strlen(s.f[0].message) < FINDING_MSG_MAX - 1);
	}
}

static void
test_rules_root_messages(void **state)
{
	struct policy		 pol;
	struct user_record	 rec;
	struct seen		 s;

	(void)state;
	pol_make(&pol);
	rec_root(&rec);
	rec.mfa_active = false;
	rec.password_last_used = ago(50);
	slot_set(&rec.key[0], ACT, 4000, 1);
	slot_set(&rec.key[1], INA, 322, 12);
	slot_set(&rec.cert[1], ACT, 1000, NEVER);
	eval(&pol, &rec, &s);
	assert_int_equal(s.n, 5);
	assert_string_equal(s.f[0].message,
	    "root account has an active access key 1 (last used 2026-11-22, "
	    "1 day ago)");
	assert_string_equal(s.f[1].message,
	    "root account has an inactive access key 2 (last used "
	    "2026-11-11, 12 days ago)");
	assert_string_equal(s.f[2].message, "root account has no MFA");
	assert_string_equal(s.f[3].message,
	    "root account used recently: access key 1 last used 2026-11-22, "
	    "1 day ago; threshold 90");
	assert_string_equal(s.f[4].message,
	    "root account has an active signing certificate 2 (last rotated "
	    "2024-02-27, 1000 days ago)");
	assert_string_equal(s.f[0].id,
	    "123456789012:<root_account>:root-access-key:access_key_1");
	assert_string_equal(s.f[2].id,
	    "123456789012:<root_account>:root-no-mfa:mfa");
}

/* What every finding carries besides the evidence. */
static void
test_rules_finding_fields(void **state)
{
	struct policy		 pol;
	struct user_record	 rec;
	struct eval_result	 res;
	struct seen		 s;
	const struct finding	*f;

	(void)state;
	pol_make(&pol);
	rec_user(&rec, "alice");
	rec.password = PW_ON;
	rec.mfa_active = true;
	rec.password_last_used = ago(5);
	slot_set(&rec.key[0], ACT, 500, 120);
	res = eval(&pol, &rec, &s);
	/* unused-access-key and access-key-not-rotated, on key 1. */
	assert_int_equal(s.n, 2);
	assert_int_equal(res.counts.findings, 2);
	assert_int_equal(res.counts.suppressed, 0);
	assert_true(res.counts.has_worst);
	assert_int_equal(res.counts.worst, SEV_MEDIUM);
	f = seen_find(&s, RULE_UNUSED_ACCESS_KEY, "access_key_1");
	assert_non_null(f);
	assert_string_equal(f->id,
	    "123456789012:alice:unused-access-key:access_key_1");
	assert_ptr_equal(f->def, &rules_table[RULE_UNUSED_ACCESS_KEY]);
	assert_ptr_equal(f->rec, &rec);
	assert_int_equal(f->severity, SEV_MEDIUM);
	assert_int_equal(f->threshold, 90);
	assert_false(f->suppressed);
	assert_null(f->suppress_reason);
	assert_int_equal(f->status, FINDING_STATUS_NONE);
	/* Rules without a threshold say so. */
	rec.mfa_active = false;
	eval(&pol, &rec, &s);
	f = seen_find(&s, RULE_CONSOLE_WITHOUT_MFA, "password");
	assert_non_null(f);
	assert_int_equal(f->threshold, RULE_NO_DAYS);
	assert_int_equal(f->severity, SEV_HIGH);

	/* No finding: nothing worst. */
	rec_user(&rec, "carol");
	rec.created = ago(3);
	res = eval(&pol, &rec, &s);
	assert_int_equal(s.n, 0);
	assert_int_equal(res.counts.findings, 0);
	assert_false(res.counts.has_worst);
}

static void
test_rules_policy_overrides(void **state)
{
	struct policy		 pol;
	struct user_record	 rec;
	struct eval_result	 res;
	struct seen		 s;

	(void)state;
	pol_make(&pol);
	rec_console(&rec, 50);
	/* console-without-mfa (high) and nothing else at 90 days. */
	res = eval(&pol, &rec, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(res.counts.worst, SEV_HIGH);

	pol.severity[RULE_CONSOLE_WITHOUT_MFA] = SEV_CRITICAL;
	assert_int_equal(policy_set_threshold(&pol, "unused-password", 50,
	    NULL), 0);
	res = eval(&pol, &rec, &s);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.f[0].severity, SEV_CRITICAL);
	assert_int_equal(res.counts.worst, SEV_CRITICAL);
	assert_int_equal(s.f[1].rule, RULE_UNUSED_PASSWORD);
	assert_int_equal(s.f[1].threshold, 50);
	assert_string_equal(s.f[1].message,
	    "password last used 2026-10-04, 50 days ago; threshold 50");

	pol.enabled[RULE_CONSOLE_WITHOUT_MFA] = false;
	res = eval(&pol, &rec, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.f[0].rule, RULE_UNUSED_PASSWORD);
	assert_int_equal(res.counts.worst, SEV_MEDIUM);
}

/* The severity floor: a rule below it raises and counts nothing. */
static void
test_rules_min_severity(void **state)
{
	struct policy		 pol;
	struct user_record	 rec;
	struct eval_result	 res;
	struct seen		 s;

	(void)state;
	pol_make(&pol);
	rec_console(&rec, 100);
	pol.enabled[RULE_DORMANT_USER] = false;
	/* console-without-mfa (high), unused-password (medium). */
	res = eval(&pol, &rec, &s);
	assert_int_equal(s.n, 2);
	assert_int_equal(res.counts.findings, 2);
	pol.min_severity = SEV_HIGH;
	res = eval(&pol, &rec, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.f[0].rule, RULE_CONSOLE_WITHOUT_MFA);
	assert_int_equal(res.counts.findings, 1);
	assert_int_equal(res.counts.by_severity[SEV_MEDIUM], 0);
	assert_int_equal(res.counts.by_rule[RULE_UNUSED_PASSWORD], 0);
	/* The floor judges the severity the policy gives the rule. */
	pol.severity[RULE_UNUSED_PASSWORD] = SEV_CRITICAL;
	res = eval(&pol, &rec, &s);
	assert_int_equal(s.n, 2);
	assert_int_equal(res.counts.by_severity[SEV_CRITICAL], 1);
}

static void
test_rules_callback_stops(void **state)
{
	struct policy		 pol;
	struct user_record	 rec;
	struct eval_result	 res;
	struct seen		 s;

	(void)state;
	pol_make(&pol);
	rec_user(&rec, "alice");
	rec.password = PW_ON;
	slot_set(&rec.key[0], ACT, 500, 400);
	slot_set(&rec.key[1], ACT, 500, 400);
	memset(&s, 0, sizeof(s));
	s.stop_at = 2;
	assert_int_equal(rules_eval(&pol, &rec, collect, &s, &res), 7);
	assert_int_equal(res.stopped, 7);
	assert_int_equal(s.n, 2);
	assert_int_equal(res.counts.findings, 2);
}

static void
sup_add(struct suppression *sup, const char *account, const char *user,
    int rule, const char *cred, const char *reason, int64_t expires)
{
	memset(sup, 0, sizeof(*sup));
	sup->account = (char *)account;
	sup->user = (char *)user;
	sup->rule = rule;
	sup->credential = (char *)cred;
	sup->reason = (char *)reason;
	sup->has_expires = expires != 0;
	sup->expires = expires;
}

/* The policy borrows test strings here: it is never policy_free()d. */
static void
test_rules_suppressions(void **state)
{
	struct suppression	 sups[4];
	struct policy		 pol;
	struct user_record	 rec;
	struct eval_result	 res;
	struct seen		 s;

	(void)state;
	pol_only(&pol, RULE_UNUSED_ACCESS_KEY);
	pol.suppressions = sups;
	pol.nsuppressions = 4;
	sup_add(&sups[0], NULL, "ci-*", -1, NULL, "expired", AS_OF);
	sup_add(&sups[1], "999999999999", "ci-*", -1, NULL, "other account",
	    0);
	sup_add(&sups[2], ACCOUNT, "ci-*", RULE_UNUSED_ACCESS_KEY,
	    "access_key_2", "CI key", AS_OF + 1);
	sup_add(&sups[3], NULL, "ci-?uild", -1, NULL, "catch-all", 0);

	rec_user(&rec, "ci-build");
	slot_set(&rec.key[0], ACT, 500, 400);
	slot_set(&rec.key[1], ACT, 500, 400);
	res = eval(&pol, &rec, &s);
	assert_int_equal(s.n, 2);
	assert_true(s.f[0].suppressed);
	assert_string_equal(s.f[0].suppress_reason, "catch-all");
	assert_true(s.f[1].suppressed);
	assert_string_equal(s.f[1].suppress_reason, "CI key");
	assert_int_equal(res.counts.findings, 0);
	assert_int_equal(res.counts.suppressed, 2);
	assert_false(res.counts.has_worst);

	/* A glob matches the whole name, not a part of it. */
	rec.user = "prod-ci-build";
	res = eval(&pol, &rec, &s);
	assert_int_equal(res.counts.suppressed, 0);
	assert_int_equal(res.counts.findings, 2);
	assert_true(res.counts.has_worst);
	assert_false(s.f[1].suppressed);

	/* The expired one would match: at as_of it no longer applies. */
	pol.nsuppressions = 1;
	rec.user = "ci-build";
	res = eval(&pol, &rec, &s);
	assert_int_equal(res.counts.suppressed, 0);
	sups[0].expires = AS_OF + 1;
	res = eval(&pol, &rec, &s);
	assert_int_equal(res.counts.suppressed, 2);
	assert_string_equal(s.f[0].suppress_reason, "expired");

	/* Rule and credential must match when given. */
	pol.suppressions = &sups[2];
	pol.nsuppressions = 1;
	sups[2].rule = RULE_ACCESS_KEY_NOT_ROTATED;
	res = eval(&pol, &rec, &s);
	assert_int_equal(res.counts.suppressed, 0);
	sups[2].rule = -1;
	res = eval(&pol, &rec, &s);
	assert_int_equal(res.counts.suppressed, 1);
	assert_false(s.f[0].suppressed);
	assert_true(s.f[1].suppressed);
	rec.account = "999999999999";
	res = eval(&pol, &rec, &s);
	assert_int_equal(res.counts.suppressed, 0);
}

static void
test_rules_glob_match(void **state)
{
	static const struct {
		const char	*pattern, *name;
		bool		 match;
	} cases[] = {
		{ "ci-*", "ci-build", true },
		{ "ci-*", "ci-", true },
		{ "ci-*", "prod-ci-x", false },
		{ "ci-*", "CI-build", false },
		{ "*", "anyone@example.com", true },
		{ "*", "", true },
		{ "svc-?", "svc-a", true },
		{ "svc-?", "svc-ab", false },
		{ "svc-[ab]", "svc-b", true },
		{ "svc-[ab]", "svc-c", false },
		{ "svc-[!ab]", "svc-c", true },
		{ "*.bot", "deploy.bot", true },
		{ "*.bot", ".bot", true },
		{ "a/b*", "a/bc", true },
		{ "*x", "a/x", true },
		{ "alice", "alice", true },
		{ "alice", "alice2", false },
		{ "alice", "malice", false },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		print_message("%s ~ %s\n", cases[i].pattern, cases[i].name);
		assert_int_equal(rules_glob_match(cases[i].pattern,
		    cases[i].name), cases[i].match);
	}
}

static void
test_rules_policy_init(void **state)
{
	struct policy	 pol;
	int		 i;

	(void)state;
	memset(&pol, 0xa5, sizeof(pol));
	policy_init(&pol);
	assert_int_equal(pol.as_of, 0);
	assert_null(pol.suppressions);
	assert_int_equal(pol.nsuppressions, 0);
	for (i = 0; i < RULE_COUNT; i++) {
		assert_true(pol.enabled[i]);
		assert_int_equal(pol.days[i], rules_table[i].default_days);
		assert_int_equal(pol.severity[i], rules_table[i].severity);
	}
	policy_free(&pol);
	policy_free(&pol);
}

static void
test_rules_policy_set_threshold(void **state)
{
	static const struct {
		const char	*rule;
		long		 days;
		const char	*err;
	} cases[] = {
		{ "dormant-user", 30, NULL },
		{ "root-recent-use", 0, NULL },
		{ "unused-password", RULE_MAX_DAYS, NULL },
		{ "foo", 30, "unknown rule \"foo\"" },
		{ "console-without-mfa", 30,
		    "rule console-without-mfa has no threshold" },
		{ "unused-password", -1,
		    "days must be a whole number from 0 to 10000" },
		{ "unused-password", RULE_MAX_DAYS + 1,
		    "days must be a whole number from 0 to 10000" },
	};
	struct policy		 pol;
	struct fixture_diag	 err;
	char			 want[128];
	size_t			 i;
	int			 r;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		policy_init(&pol);
		r = policy_set_threshold(&pol, cases[i].rule, cases[i].days,
		    fixture_diag_init(&err));
		if (cases[i].err == NULL) {
			assert_int_equal(r, 0);
			assert_int_equal(pol.days[rules_lookup(cases[i].rule)],
			    cases[i].days);
		} else {
			assert_int_equal(r, -1);
			snprintf(want, sizeof(want), "error: %s\n",
			    cases[i].err);
			assert_string_equal(err.text, want);
			assert_int_equal(pol.days[RULE_UNUSED_PASSWORD], 90);
		}
	}
}

static void
test_rules_policy_unused_days_and_benchmark(void **state)
{
	struct policy		 pol;
	struct fixture_diag	 err;

	(void)state;
	policy_init(&pol);
	assert_int_equal(policy_set_unused_days(&pol, 30,
	    fixture_diag_init(&err)), 0);
	assert_int_equal(pol.days[RULE_UNUSED_PASSWORD], 30);
	assert_int_equal(pol.days[RULE_UNUSED_ACCESS_KEY], 30);
	assert_int_equal(pol.days[RULE_DORMANT_USER], 30);
	assert_int_equal(pol.days[RULE_ACCESS_KEY_NOT_ROTATED], 90);
	assert_int_equal(pol.days[RULE_ROOT_RECENT_USE], 90);
	/* The grace period after deactivation is not an unused threshold. */
	assert_int_equal(pol.days[RULE_INACTIVE_ACCESS_KEY], 120);
	assert_int_equal(policy_set_unused_days(&pol, 10001,
	    fixture_diag_init(&err)), -1);
	assert_string_equal(err.text,
	    "error: days must be a whole number from 0 to 10000\n");
	assert_int_equal(pol.days[RULE_UNUSED_PASSWORD], 30);

	assert_int_equal(policy_apply_benchmark(&pol, "cis",
	    fixture_diag_init(&err)), 0);
	assert_int_equal(pol.days[RULE_UNUSED_PASSWORD], 45);
	assert_int_equal(pol.days[RULE_UNUSED_ACCESS_KEY], 45);
	assert_int_equal(pol.days[RULE_DORMANT_USER], 45);
	assert_int_equal(pol.days[RULE_ACCESS_KEY_NOT_ROTATED], 90);
	assert_int_equal(pol.days[RULE_INACTIVE_ACCESS_KEY], 120);
	assert_int_equal(policy_apply_benchmark(&pol, "fsbp",
	    fixture_diag_init(&err)), 0);
	assert_int_equal(pol.days[RULE_UNUSED_PASSWORD], 90);
	assert_int_equal(pol.days[RULE_DORMANT_USER], 90);
	assert_int_equal(policy_apply_benchmark(&pol, "nist",
	    fixture_diag_init(&err)), -1);
	assert_string_equal(err.text,
	    "error: unknown benchmark \"nist\" (cis, cis-3.0, cis-4.0.1, "
	    "cis-5.0, cis-6.0, cis-7.0 or fsbp)\n");
	assert_int_equal(policy_apply_benchmark(&pol, "cis-1.2",
	    fixture_diag_init(&err)), -1);
}

/* Each CIS version sets 45 days and leaves rotation and the grace period. */
static void
test_rules_benchmark_versions(void **state)
{
	static const char *const cis[] = { "cis-3.0", "cis-4.0.1",
	    "cis-5.0", "cis-6.0", "cis-7.0", "CIS-7.0", "cis" };
	struct policy		 pol;
	struct fixture_diag	 err;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(cis) / sizeof(cis[0]); i++) {
		policy_init(&pol);
		assert_int_equal(policy_apply_benchmark(&pol, cis[i],
		    fixture_diag_init(&err)), 0);
		assert_int_equal(pol.days[RULE_UNUSED_ACCESS_KEY], 45);
		assert_int_equal(pol.days[RULE_UNUSED_PASSWORD], 45);
		assert_int_equal(pol.days[RULE_DORMANT_USER], 45);
		assert_int_equal(pol.days[RULE_ACCESS_KEY_NOT_ROTATED], 90);
		assert_int_equal(pol.days[RULE_INACTIVE_ACCESS_KEY], 120);
	}
}

/* What each plan does with a finding, at the grace period's boundary. */
static void
test_rules_remedy(void **state)
{
	struct policy		 pol;
	struct user_record	 rec;
	struct finding		 f;
	const char		*advice;

	(void)state;
	pol_make(&pol);
	/* A dormant user whose only key went inactive; 120 days: the grace. */
	rec_user(&rec, "pat");
	slot_set(&rec.key[0], INA, 900, 120);
	fixture_finding(&f, RULE_DORMANT_USER, &rec, CRED_USER, -1, "d");
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DEACTIVATE, &advice),
	    REMEDY_ADVICE);
	assert_ptr_equal(advice, rules_table[RULE_DORMANT_USER].advice);
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_DELETE_USER);
	slot_set(&rec.key[0], INA, 900, 119);
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_ADVICE);
	assert_non_null(strstr(advice, "not deleted yet"));
	/* The grace period is inactive-access-key's threshold. */
	pol.days[RULE_INACTIVE_ACCESS_KEY] = 119;
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_DELETE_USER);
	pol.days[RULE_INACTIVE_ACCESS_KEY] = 120;
	/* A password disabled since: its last use counts too. */
	slot_set(&rec.key[0], ABS, NEVER, NEVER);
	rec.password_last_used = ago(119);
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_ADVICE);
	rec.password_last_used = ago(120);
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_DELETE_USER);
	/* An enabled credential: deactivation comes first. */
	rec.password = PW_ON;
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_ADVICE);
	assert_non_null(strstr(advice, "enabled credential"));
	rec.password = PW_OFF;
	slot_set(&rec.key[1], ACT, 900, 800);
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_ADVICE);
	slot_set(&rec.key[1], ABS, NEVER, NEVER);
	slot_set(&rec.cert[0], ACT, 900, NEVER);
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_ADVICE);
	assert_non_null(strstr(advice, "signing certificate"));
	slot_set(&rec.cert[0], INA, 900, NEVER);
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_DELETE_USER);

	/* Keys: deactivated in one plan, deleted in the other. */
	fixture_finding(&f, RULE_INACTIVE_ACCESS_KEY, &rec, CRED_ACCESS_KEY,
	    0, "i");
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DEACTIVATE, &advice),
	    REMEDY_ADVICE);
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_DELETE_KEY);
	fixture_finding(&f, RULE_UNUSED_ACCESS_KEY, &rec, CRED_ACCESS_KEY,
	    0, "u");
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DEACTIVATE, &advice),
	    REMEDY_DEACTIVATE_KEY);
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_ADVICE);
	assert_non_null(strstr(advice, "--plan deactivate"));

	/* Root: never, whatever the finding says. */
	rec_root(&rec);
	rec.password = PW_OFF;
	fixture_finding(&f, RULE_DORMANT_USER, &rec, CRED_USER, -1, "d");
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_ADVICE);
	fixture_finding(&f, RULE_INACTIVE_ACCESS_KEY, &rec, CRED_ACCESS_KEY,
	    0, "i");
	assert_int_equal(rules_remedy(&pol, &f, PLAN_DELETE, &advice),
	    REMEDY_ADVICE);
	assert_non_null(strstr(advice, "root"));

	assert_string_equal(plan_name(PLAN_DELETE), "delete");
	assert_int_equal(plan_lookup("deactivate"), PLAN_DEACTIVATE);
	assert_int_equal(plan_lookup("Delete"), -1);
}

/* Each control once, in table order; its count adds up its rules'. */
static void
test_rules_controls_counted(void **state)
{
	struct finding_counts	 c;
	const char		*ctl;
	size_t			 i, j, n;

	(void)state;
	assert_string_equal(rules_control(0), "cis-3.0:1.4");
	for (n = 0; rules_control(n) != NULL; n++)
		for (j = 0; j < n; j++)
			assert_string_not_equal(rules_control(j),
			    rules_control(n));
	/* 5 CIS ids and 2 others for root-access-key alone. */
	assert_true(n > 7);
	assert_string_equal(rules_control(7), "cis-3.0:1.5");
	memset(&c, 0, sizeof(c));
	c.by_rule[RULE_UNUSED_PASSWORD] = 2;
	c.by_rule[RULE_UNUSED_ACCESS_KEY] = 3;
	c.by_rule[RULE_MULTIPLE_ACTIVE_KEYS] = 5;
	c.by_rule[RULE_INACTIVE_ACCESS_KEY] = 7;
	assert_int_equal(finding_counts_control(&c, "cis-3.0:1.12"), 5);
	assert_int_equal(finding_counts_control(&c, "cis-7.0:2.11"), 5);
	assert_int_equal(finding_counts_control(&c,
	    "access-analyzer:UnusedIAMUserPassword"), 2);
	assert_int_equal(finding_counts_control(&c, "cis-6.0:2.12"), 5);
	assert_int_equal(finding_counts_control(&c, "cis-7.0:2.12"), 0);
	assert_int_equal(finding_counts_control(&c, "cis-3.0:1.4"), 0);
	assert_int_equal(finding_counts_control(&c, "nonsense"), 0);
	for (i = 0; (ctl = rules_control(i)) != NULL; i++)
		assert_true(strchr(ctl, ':') != NULL);
}

static void
test_rules_severity_names(void **state)
{
	static const char *const names[SEV_COUNT] = {
		"low", "medium", "high", "critical"
	};
	enum severity	 sev;
	int		 i;

	(void)state;
	for (i = 0; i < SEV_COUNT; i++) {
		assert_string_equal(severity_name((enum severity)i), names[i]);
		sev = SEV_COUNT;
		assert_int_equal(severity_parse(names[i], &sev), 0);
		assert_int_equal(sev, i);
	}
	assert_int_equal(severity_parse("CRITICAL", &sev), 0);
	assert_int_equal(sev, SEV_CRITICAL);
	assert_int_equal(severity_parse("Medium", &sev), 0);
	assert_int_equal(sev, SEV_MEDIUM);
	assert_int_equal(severity_parse("urgent", &sev), -1);
	assert_int_equal(severity_parse("", &sev), -1);
	assert_int_equal(severity_parse("lo", &sev), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_table_contract),
		cmocka_unit_test(test_rules_table_complete),
		cmocka_unit_test(test_rules_credential_names),
		cmocka_unit_test(test_rules_user_cases),
		cmocka_unit_test(test_rules_root_and_users_apart),
		cmocka_unit_test(test_rules_root_cases),
		cmocka_unit_test(test_rules_future_timestamps),
		cmocka_unit_test(test_rules_messages),
		cmocka_unit_test(test_rules_root_messages),
		cmocka_unit_test(test_rules_finding_fields),
		cmocka_unit_test(test_rules_policy_overrides),
		cmocka_unit_test(test_rules_min_severity),
		cmocka_unit_test(test_rules_callback_stops),
		cmocka_unit_test(test_rules_suppressions),
		cmocka_unit_test(test_rules_glob_match),
		cmocka_unit_test(test_rules_policy_init),
		cmocka_unit_test(test_rules_policy_set_threshold),
		cmocka_unit_test(test_rules_policy_unused_days_and_benchmark),
		cmocka_unit_test(test_rules_benchmark_versions),
		cmocka_unit_test(test_rules_controls_counted),
		cmocka_unit_test(test_rules_remedy),
		cmocka_unit_test(test_rules_severity_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
