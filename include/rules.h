/*
 * The rule engine: one user record in, zero or more findings out.
 *
 * Rules are data.  rules_table[] holds everything a rule owns: its id,
 * default severity and threshold (and whether --days governs it), the
 * controls it maps to, its summary, the function that checks it and its
 * remediation.  Adding a rule is its enum rule_index value, one check
 * function and one table entry, plus its section of the man page.
 * A struct policy says how the rules are applied in this run (as-of time,
 * severity floor, thresholds, which rules are on, severity overrides,
 * suppressions).  The engine decides, counts and never prints: findings
 * go to a callback.
 */
#ifndef CREDAUDIT_RULES_H
#define CREDAUDIT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "report.h"

enum severity {
	SEV_LOW,
	SEV_MEDIUM,
	SEV_HIGH,
	SEV_CRITICAL,
	SEV_COUNT
};

/* Indexes into rules_table[]; the order is the contract's. */
enum rule_index {
	RULE_ROOT_ACCESS_KEY,
	RULE_ROOT_NO_MFA,
	RULE_ROOT_RECENT_USE,
	RULE_ROOT_SIGNING_CERTIFICATE,
	RULE_CONSOLE_WITHOUT_MFA,
	RULE_UNUSED_PASSWORD,
	RULE_UNUSED_ACCESS_KEY,
	RULE_ACCESS_KEY_NOT_ROTATED,
	RULE_MULTIPLE_ACTIVE_KEYS,
	RULE_INITIAL_ACCESS_KEY,
	RULE_DORMANT_USER,
	/*
	 * After dormant-user: a plan that deletes a dormant user has then
	 * already dealt with the user's inactive keys.
	 */
	RULE_INACTIVE_ACCESS_KEY,
	RULE_COUNT
};

/* No threshold: the rule fires on a state, not an age. */
#define RULE_NO_DAYS	(-1)
/* How the plan's advice for a root finding opens: only root can fix it. */
#define RULE_ADVICE_AS_ROOT	"fix signed in as root: "
/* Largest threshold accepted from options or config (about 27 years). */
#define RULE_MAX_DAYS	10000

#define FINDING_ID_MAX	512
#define FINDING_MSG_MAX	256

struct finding;
struct policy;

/* A rule's check: call emit once per finding; see rules.c. */
struct rule_ctx;
typedef void (*rule_check_fn)(struct rule_ctx *rc, const struct user_record *rec);

/*
 * The two remediation plans, the two steps of retiring a credential:
 * deactivate what is unused, then, after a grace period in which nobody
 * complained, delete what was deactivated.
 */
enum plan {
	PLAN_DEACTIVATE,
	PLAN_DELETE,
	PLAN_COUNT
};

/*
 * What a remediation plan does about a rule's finding.  Every rule
 * without a command in a plan gets its advice there as a comment.
 */
enum remedy {
	REMEDY_ADVICE,		/* a suggestion only: the rule's advice */
	REMEDY_DEACTIVATE_KEY,	/* deactivate the access key found */
	REMEDY_DELETE_PASSWORD,	/* remove the user's console password */
	REMEDY_DELETE_KEY,	/* delete the inactive access key found */
	REMEDY_DELETE_USER	/* delete the user and all it holds */
};

/*
 * Everything a rule owns.  Adding a rule is its enum rule_index value,
 * its check function and one entry here (plus its section of the man
 * page, which tests/man_rules.sh holds to this table); test_rules walks
 * the table and fails when an entry lacks any of these.
 */
struct rule {
	const char		*id;
	enum severity		 severity;	/* default */
	int			 default_days;	/* RULE_NO_DAYS if none */
	bool			 by_days;	/* --days and --benchmark set it */
	bool			 root;	/* applies to root only, else users only */
	const char		*summary;	/* one sentence, for --help and man */
	const char *const	*controls;	/* NULL-terminated */
	rule_check_fn		 check;
	enum remedy		 remedy;	/* in the deactivation plan */
	const char		*advice;	/* REMEDY_ADVICE: the plan's comment */
	/*
	 * For formats that carry findings into other tools: a title of a
	 * few words ("Access key unused") and the remediation in a sentence
	 * or two, under 512 bytes (Security Hub's limit).
	 */
	const char		*title;
	const char		*remediation;
	enum remedy		 delete_remedy;	/* in the deletion plan */
	const char		*delete_advice;	/* its comment; NULL: advice */
};

extern const struct rule rules_table[RULE_COUNT];

/* Index of the rule named id, or -1. */
int		 rules_lookup(const char *id);
const char	*severity_name(enum severity sev);
/* Parse "low".."critical" (any case) into *sev; 0 on success, -1 if not. */
int		 severity_parse(const char *s, enum severity *sev);

/*
 * Suppression of findings; every string is owned by the policy.  One with
 * an id matches the finding of exactly that id, byte for byte (no glob),
 * and its rule is the id's; one without matches by its selectors.
 */
struct suppression {
	char		*id;		/* NULL: match by the selectors */
	char		*account;	/* NULL: any account */
	char		*user;		/* shell glob, whole-name; NULL: any */
	int		 rule;		/* rules_table index, -1: any */
	char		*credential;	/* NULL: any */
	char		*reason;	/* mandatory */
	bool		 has_expires;
	int64_t		 expires;	/* stops applying at this moment */
};

struct policy {
	int64_t		 as_of;
	enum severity	 min_severity;	/* rules below it raise nothing */
	int		 days[RULE_COUNT];	/* RULE_NO_DAYS for rules without */
	bool		 enabled[RULE_COUNT];
	enum severity	 severity[RULE_COUNT];
	struct suppression *suppressions;	/* owned */
	size_t		 nsuppressions;
};

/* Fill *pol with the contract's defaults: every rule on, as_of 0, no floor. */
void	policy_init(struct policy *pol);
/* Free what the policy owns (not pol itself); safe on an initialised one. */
void	policy_free(struct policy *pol);
/*
 * Set the threshold of the rule named rule.  Returns 0, or -1 after
 * reporting an error to d (which may be NULL) when the rule is unknown,
 * has no threshold, or days is outside 0..RULE_MAX_DAYS.
 */
int	policy_set_threshold(struct policy *pol, const char *rule, long days,
	    struct diag *d);
/* --days: the threshold of every rule whose by_days is set. */
int	policy_set_unused_days(struct policy *pol, long days, struct diag *d);
/* The unused-credential threshold of benchmark name, or -1 if unknown. */
int	policy_benchmark_days(const char *name);
/* The benchmark names, "cis, cis-3.0, ... or fsbp", into buf (truncated). */
void	policy_benchmark_names(char *buf, size_t len);
/* --benchmark cis|fsbp.  Returns 0, or -1 after reporting to d. */
int	policy_apply_benchmark(struct policy *pol, const char *name,
	    struct diag *d);

/*
 * What a finding is about: a kind, and for access keys and signing
 * certificates which of the two slots (0 or 1; -1 for other kinds).
 */
enum cred_kind {
	CRED_PASSWORD,
	CRED_ACCESS_KEY,
	CRED_ACCESS_KEYS,	/* both keys together */
	CRED_MFA,
	CRED_CERT,
	CRED_USER,
	CRED_KIND_COUNT
};

/*
 * The name findings, ids and suppressions use for a credential:
 * "password", "access_key_1", "access_keys", "mfa", "cert_2", "user".
 */
const char	*credential_name(enum cred_kind kind, int slot);
/* Is name one of those names? */
bool		 credential_known(const char *name);

enum finding_status {
	FINDING_STATUS_NONE,	/* no baseline in this run */
	FINDING_STATUS_NEW,
	FINDING_STATUS_EXISTING
};

/*
 * One finding.  Pointers refer to the record being evaluated or to the
 * policy, so a finding is valid only inside the callback; a consumer that
 * keeps one copies what it needs.
 */
struct finding {
	enum rule_index		 rule;
	const struct rule	*def;
	enum severity		 severity;	/* after policy overrides */
	const struct user_record *rec;
	enum cred_kind		 cred;
	int			 slot;		/* key or certificate 0/1, else -1 */
	const char		*credential;	/* its name: credential_name() */
	bool			 has_days;
	int64_t			 days;		/* the age that decided it */
	int			 threshold;	/* RULE_NO_DAYS if none */
	bool			 has_last_used;
	int64_t			 last_used;	/* the credential's last use */
	char			 id[FINDING_ID_MAX];	/* ACCOUNT:USER:RULE:CREDENTIAL */
	char			 message[FINDING_MSG_MAX];
	bool			 suppressed;
	size_t			 suppression;	/* which one, when suppressed */
	const char		*suppress_reason;	/* owned by the policy */
	enum finding_status	 status;	/* set by the caller (baseline) */
};

/* Receives each finding; the finding may be annotated (status). */
typedef int (*finding_fn)(void *ctx, struct finding *f);

/*
 * The one set of finding counters.  The engine counts each finding it
 * raises, after the callback has seen it (so a status the callback set,
 * NEW, is counted); a run adds up its records' counts.  Everything but
 * suppressed counts unsuppressed findings only.
 */
struct finding_counts {
	unsigned long	 findings;
	unsigned long	 suppressed;
	unsigned long	 new_findings;	/* status FINDING_STATUS_NEW */
	unsigned long	 by_severity[SEV_COUNT];
	unsigned long	 new_by_severity[SEV_COUNT];
	unsigned long	 by_rule[RULE_COUNT];
	bool		 has_worst;
	enum severity	 worst;
};

/* The counters, in counts.c. */

/*
 * The distinct controls of rules_table, in the order they first appear
 * there: the i-th from 0, NULL past the last.
 */
const char	*rules_control(size_t i);
/*
 * The unsuppressed findings of *c under control: the findings of every
 * rule that lists it (a rule lists a control once).
 */
unsigned long	 finding_counts_control(const struct finding_counts *c,
		    const char *control);

/* Count f into *c. */
void	finding_counts_count(struct finding_counts *c, const struct finding *f);
/* Add the counts of *part to *total. */
void	finding_counts_add(struct finding_counts *total,
	    const struct finding_counts *part);

struct eval_result {
	struct finding_counts counts;	/* of this record's findings */
	unsigned	 future_timestamps;	/* timestamps after as_of */
	int		 stopped;	/* the callback's non-zero return */
};

/*
 * Evaluate every enabled rule on rec under pol, in rules_table order,
 * calling fn for each finding; a rule whose severity is below the
 * policy's min_severity raises nothing at all.  Fills *res.  Returns 0,
 * or the callback's first non-zero value (evaluation stops there).
 */
int	rules_eval(const struct policy *pol, const struct user_record *rec,
	    finding_fn fn, void *ctx, struct eval_result *res);

/*
 * The age in days at as_of of rec's password, or of its access key n
 * (0 or 1), as the rules measure it: from its last use, else its last
 * change or rotation, else the user's creation.  False when the
 * password is disabled or the key slot empty, or no timestamp is known;
 * --inventory shows these ages.
 */
bool	rules_password_age(const struct user_record *rec, int64_t as_of,
	    int64_t *days);
bool	rules_key_age(const struct user_record *rec, int n, int64_t as_of,
	    int64_t *days);

/*
 * Does rec have any credential the report knows of: a password enabled
 * (or root's not_supported, a standalone account), an access key that
 * exists (active or inactive), or an active signing certificate?  A
 * member account's root under centralised root access has none.
 */
bool	rules_has_credentials(const struct user_record *rec);

/* The plans' remedies, in remedy.c. */

/*
 * What plan does about f under pol, and in *advice the comment that goes
 * with it (the rule's advice, or why a deletion is held back).  Nothing
 * of root is ever deleted.  A dormant user is deleted only when it has
 * no enabled credential (no password, no active key or certificate) and
 * every remaining one (each inactive key's last use or creation, the
 * password's last use where the report still shows one) is at least the
 * inactive-access-key threshold old: never days after its last use.
 */
enum remedy	 rules_remedy(const struct policy *pol, const struct finding *f,
		    enum plan plan, const char **advice);
/* "deactivate", "delete"; and back, -1 for an unknown name. */
const char	*plan_name(enum plan plan);
int		 plan_lookup(const char *name);

/*
 * Whole-name shell glob match (*, ?, [...]) as suppressions use it
 * (suppress.c); exposed for tests.
 */
bool	rules_glob_match(const char *pattern, const char *name);

#endif
