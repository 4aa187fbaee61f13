/*
 * The rule engine: the table of rules, one small check per rule, and the
 * fold that runs them over a user record.
 *
 * A check only decides.  It measures the credential it looks at, and when
 * the rule fires it calls rule_emit() with the evidence; rule_emit() turns
 * that into a struct finding (id, threshold, severity from the policy),
 * applies the suppressions, hands the finding to the caller and counts
 * it.  Messages share one voice: the evidence ("access key 1 last used
 * 2026-07-26, 120 days ago") and, for rules with a threshold,
 * "; threshold N".  The policy's setters are in policy.c, suppression
 * matching in suppress.c, the counters in counts.c and the plans'
 * remedies in remedy.c.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules.h"
#include "suppress.h"
#include "textbuf.h"
#include "timeparse.h"

/* What a check needs besides the record; one per rules_eval() call. */
struct rule_ctx {
	const struct policy	*pol;
	enum rule_index		 rule;
	finding_fn		 fn;
	void			*ctx;
	struct eval_result	*res;
};

/* What an age was measured from; decides how the message words it. */
enum age_basis {
	AGE_UNKNOWN,		/* no timestamp at all */
	AGE_USED,		/* the credential's last use */
	AGE_ROTATED,		/* a key or certificate's last_rotated */
	AGE_USER,		/* the user's creation, the user itself aged */
	AGE_NEVER_CHANGED,	/* never used: the password's last change */
	AGE_NEVER_CREATED,	/* never used: the key's creation */
	AGE_NEVER_USER		/* never used: the user's creation */
};

/* How a message words each basis, with the length it takes. */
#define AGE_WORDS(s)	{ s, sizeof(s) - 1 }
static const struct {
	const char	*s;
	size_t		 len;
} age_words[] = {
	[AGE_UNKNOWN] = AGE_WORDS(""),
	[AGE_USED] = AGE_WORDS("last used"),
	[AGE_ROTATED] = AGE_WORDS("last rotated"),
	[AGE_USER] = AGE_WORDS("user created"),
	[AGE_NEVER_CHANGED] = AGE_WORDS("never used; last changed"),
	[AGE_NEVER_CREATED] = AGE_WORDS("never used; created"),
	[AGE_NEVER_USER] = AGE_WORDS("never used; user created"),
};

struct age {
	enum age_basis		 basis;
	int64_t			 t;
	int64_t			 days;
	const struct cred_time	*used;	/* the last use, NULL if never used */
};

/* An enabled credential of a user, for dormant-user. */
struct cred {
	const char	*label;	/* as messages name it */
	struct age	 age;
};

/* Names of each kind of credential, by slot where it has two. */
static const char *const cred_names[CRED_KIND_COUNT][2] = {
	[CRED_PASSWORD] = { "password", NULL },
	[CRED_ACCESS_KEY] = { "access_key_1", "access_key_2" },
	[CRED_ACCESS_KEYS] = { "access_keys", NULL },
	[CRED_MFA] = { "mfa", NULL },
	[CRED_CERT] = { "cert_1", "cert_2" },
	[CRED_USER] = { "user", NULL },
};
static const char *const key_label[2] = { "access key 1", "access key 2" };

/*
 * The parts of messages that come before the evidence (see rule_emit),
 * one for each key, certificate or state a check can name.
 */
static const char *const key_head[2] = { "access key 1 ", "access key 2 " };
static const char *const key_inactive_head[2] = {
	"access key 1 inactive, ", "access key 2 inactive, "
};
static const char *const root_key_head[2][2] = {
	{ "root account has an inactive access key 1 (",
	    "root account has an inactive access key 2 (" },
	{ "root account has an active access key 1 (",
	    "root account has an active access key 2 (" },
};
static const char *const root_cert_head[2] = {
	"root account has an active signing certificate 1",
	"root account has an active signing certificate 2",
};
static const char *const root_cert_age_head[2] = {
	"root account has an active signing certificate 1 (",
	"root account has an active signing certificate 2 (",
};
static const char *const root_used_head[3] = {
	"root account used recently: password ",
	"root account used recently: access key 1 ",
	"root account used recently: access key 2 ",
};

static const char *const severity_names[SEV_COUNT] = {
	"low", "medium", "high", "critical"
};

static void
age_at(struct age *a, enum age_basis basis, const struct cred_time *ct,
    int64_t as_of)
{
	a->basis = basis;
	a->t = ct->t;
	a->days = timeparse_age_days(ct->t, as_of);
	a->used = basis == AGE_USED ? ct : NULL;
}

/*
 * Age of a credential from its last use, else from when it was made, else
 * from the user's creation: a never-used credential is as old as it is.
 */
static void
age_of(struct age *a, const struct cred_time *used,
    const struct cred_time *made, enum age_basis made_basis,
    const struct user_record *rec, int64_t as_of)
{
	if (used->kind == TIME_SET)
		age_at(a, AGE_USED, used, as_of);
	else if (made->kind == TIME_SET)
		age_at(a, made_basis, made, as_of);
	else if (rec->created.kind == TIME_SET)
		age_at(a, AGE_NEVER_USER, &rec->created, as_of);
	else
		memset(a, 0, sizeof(*a));
}

static void
age_password(struct age *a, const struct user_record *rec, int64_t as_of)
{
	age_of(a, &rec->password_last_used, &rec->password_last_changed,
	    AGE_NEVER_CHANGED, rec, as_of);
}

static void
age_key(struct age *a, const struct user_record *rec, int i, int64_t as_of)
{
	age_of(a, &rec->key[i].last_used, &rec->key[i].last_rotated,
	    AGE_NEVER_CREATED, rec, as_of);
}

bool
rules_password_age(const struct user_record *rec, int64_t as_of,
    int64_t *days)
{
	struct age	 a;

	if (rec->password == PASSWORD_DISABLED)
		return false;
	age_password(&a, rec, as_of);
	*days = a.days;
	return a.basis != AGE_UNKNOWN;
}

bool
rules_key_age(const struct user_record *rec, int n, int64_t as_of,
    int64_t *days)
{
	struct age	 a;

	if (rec->key[n].state == SLOT_ABSENT)
		return false;
	age_key(&a, rec, n, as_of);
	*days = a.days;
	return a.basis != AGE_UNKNOWN;
}

/* An unknown age is never stale: there is nothing to judge. */
static bool
age_stale(const struct age *a, int threshold)
{
	return a->basis != AGE_UNKNOWN && a->days >= threshold;
}

/* "last used 2026-07-26, 120 days ago", "never used; created …". */
static void
age_describe(const struct age *a, struct textbuf *tb)
{
	char	 day[11];

	if (a->basis == AGE_UNKNOWN) {
		textbuf_add_lit(tb, "age unknown");
		return;
	}
	timeparse_format_date(a->t, day);
	textbuf_add_len(tb, age_words[a->basis].s, age_words[a->basis].len);
	textbuf_add_lit(tb, " ");
	textbuf_add_len(tb, day, sizeof(day) - 1);
	textbuf_add_lit(tb, ", ");
	textbuf_add_int(tb, a->days);
	if (a->days == 1)
		textbuf_add_lit(tb, " day ago");
	else
		textbuf_add_lit(tb, " days ago");
}

/*
 * ACCOUNT:USER:RULE:CREDENTIAL.  Built by hand rather than with
 * snprintf: it is made for every finding and the benchmark showed it.
 * A part that would not fit with the NUL ends the id before it, and so
 * does a separator; the loader bounds user names to 64 bytes, four
 * times that once escaped (utf8_repr), so it always fits.
 */
static void
finding_make_id(struct finding *f, const struct user_record *rec,
    const char *rule, const char *credential)
{
	const char	*part[4];
	size_t		 pos = 0, len, i;

	part[0] = rec->account;
	part[1] = rec->user;
	part[2] = rule;
	part[3] = credential;

	for (i = 0; i < 4; i++) {
		len = part[i] != NULL ? strlen(part[i]) : 0;
		if (len >= FINDING_ID_MAX - pos)
			break;
		textbuf_copy(f->id + pos, part[i], len);
		pos += len;
		if (i == 3 || FINDING_ID_MAX - pos <= 1)
			break;
		f->id[pos++] = ':';
	}
	f->id[pos] = '\0';
}

/*
 * The message: head, the age as evidence when there is one, tail, and
 * for a rule with a threshold "; threshold N".  Appended piece by piece
 * rather than formatted: every finding has one, and vsnprintf was about
 * half a bare CSV parse on a large report.
 */
static void
finding_message(struct finding *f, const struct age *age, const char *head,
    const char *tail)
{
	struct textbuf	 tb;

	textbuf_init(&tb, f->message, sizeof(f->message));
	textbuf_add(&tb, head);
	if (age != NULL)
		age_describe(age, &tb);
	textbuf_add(&tb, tail);
	if (f->threshold != RULE_NO_DAYS) {
		textbuf_add_lit(&tb, "; threshold ");
		textbuf_add_int(&tb, f->threshold);
	}
}

/* Where a finding's message ends, and what rule_emit zeroes begins. */
#define MSG_END	(offsetof(struct finding, message) + FINDING_MSG_MAX)
_Static_assert(offsetof(struct finding, message) ==
    offsetof(struct finding, id) + FINDING_ID_MAX,
    "rule_emit leaves only the id and the message unzeroed");

/*
 * Report one finding of the running rule.  age is the age that decided it
 * (NULL: none), used the credential's last use (NULL or not a timestamp:
 * never used); head and tail go around the evidence in the message (see
 * finding_message).
 */
static void
rule_emit(struct rule_ctx *rc, const struct user_record *rec,
    enum cred_kind cred, int slot, const struct age *age,
    const struct cred_time *used, const char *head, const char *tail)
{
	const struct rule	*def = &rules_table[rc->rule];
	struct finding		 f;

	if (rc->res->stopped != 0)
		return;
	/*
	 * Everything but the id and the message starts zeroed; those two
	 * are 768 bytes that their builders fill, and clearing them cost
	 * more than building them.
	 */
	memset(&f, 0, offsetof(struct finding, id));
	memset((char *)&f + MSG_END, 0, sizeof(f) - MSG_END);
	f.rule = rc->rule;
	f.def = def;
	f.severity = rc->pol->severity[rc->rule];
	f.rec = rec;
	f.cred = cred;
	f.slot = slot;
	f.credential = credential_name(cred, slot);
	f.has_days = age != NULL && age->basis != AGE_UNKNOWN;
	f.days = f.has_days ? age->days : 0;
	f.threshold = def->default_days == RULE_NO_DAYS ? RULE_NO_DAYS :
	    rc->pol->days[rc->rule];
	f.has_last_used = used != NULL && used->kind == TIME_SET;
	f.last_used = f.has_last_used ? used->t : 0;
	finding_make_id(&f, rec, def->id, f.credential);
	finding_message(&f, age, head, tail);
	suppress_apply(rc->pol, &f);
	rc->res->stopped = rc->fn(rc->ctx, &f);
	finding_counts_count(&rc->res->counts, &f);
}

static int
rule_days(const struct rule_ctx *rc)
{
	return rc->pol->days[rc->rule];
}

static void
check_root_access_key(struct rule_ctx *rc, const struct user_record *rec)
{
	struct age	 age;
	int		 i;

	for (i = 0; i < 2; i++) {
		if (rec->key[i].state == SLOT_ABSENT)
			continue;
		age_key(&age, rec, i, rc->pol->as_of);
		rule_emit(rc, rec, CRED_ACCESS_KEY, i, &age, age.used,
		    root_key_head[rec->key[i].state == SLOT_ACTIVE][i], ")");
	}
}

bool
rules_has_credentials(const struct user_record *rec)
{
	int	 i;

	/* not_supported is how a standalone account's root password shows. */
	if (rec->password != PASSWORD_DISABLED)
		return true;
	for (i = 0; i < 2; i++)
		if (rec->key[i].state != SLOT_ABSENT ||
		    rec->cert[i].state == SLOT_ACTIVE)
			return true;
	return false;
}

/*
 * A member account whose root credentials are managed centrally by AWS
 * Organizations has no root password, key or certificate: nothing can
 * sign in as root, so there is nothing for MFA to protect.
 */
static void
check_root_no_mfa(struct rule_ctx *rc, const struct user_record *rec)
{
	if (!rec->mfa_active && rules_has_credentials(rec))
		rule_emit(rc, rec, CRED_MFA, -1, NULL, NULL,
		    "root account has no MFA", "");
}

/* The latest of root's last uses decides; ties go to the first named. */
static void
check_root_recent_use(struct rule_ctx *rc, const struct user_record *rec)
{
	static const enum cred_kind kind[3] = {
		CRED_PASSWORD, CRED_ACCESS_KEY, CRED_ACCESS_KEY
	};
	static const int slot[3] = { -1, 0, 1 };
	const struct cred_time	*used[3] = { &rec->password_last_used,
	    &rec->key[0].last_used, &rec->key[1].last_used };
	struct age		 age;
	int			 i, best = -1;

	for (i = 0; i < 3; i++)
		if (used[i]->kind == TIME_SET &&
		    (best == -1 || used[i]->t > used[best]->t))
			best = i;
	if (best == -1)
		return;
	age_at(&age, AGE_USED, used[best], rc->pol->as_of);
	if (age.days >= rule_days(rc))
		return;
	rule_emit(rc, rec, kind[best], slot[best], &age, age.used,
	    root_used_head[best], "");
}

static void
check_root_signing_certificate(struct rule_ctx *rc,
    const struct user_record *rec)
{
	struct age	 age;
	int		 i;

	for (i = 0; i < 2; i++) {
		if (rec->cert[i].state != SLOT_ACTIVE)
			continue;
		if (rec->cert[i].last_rotated.kind != TIME_SET) {
			rule_emit(rc, rec, CRED_CERT, i, NULL, NULL,
			    root_cert_head[i], "");
			continue;
		}
		age_at(&age, AGE_ROTATED, &rec->cert[i].last_rotated,
		    rc->pol->as_of);
		rule_emit(rc, rec, CRED_CERT, i, &age, NULL,
		    root_cert_age_head[i], ")");
	}
}

static void
check_console_without_mfa(struct rule_ctx *rc, const struct user_record *rec)
{
	struct age	 age;

	if (rec->password != PASSWORD_ENABLED || rec->mfa_active)
		return;
	age_password(&age, rec, rc->pol->as_of);
	rule_emit(rc, rec, CRED_PASSWORD, -1, &age, age.used,
	    "console password enabled without MFA (", ")");
}

static void
check_unused_password(struct rule_ctx *rc, const struct user_record *rec)
{
	struct age	 age;

	if (rec->password != PASSWORD_ENABLED)
		return;
	age_password(&age, rec, rc->pol->as_of);
	if (!age_stale(&age, rule_days(rc)))
		return;
	rule_emit(rc, rec, CRED_PASSWORD, -1, &age, age.used, "password ", "");
}

static void
check_unused_access_key(struct rule_ctx *rc, const struct user_record *rec)
{
	struct age	 age;
	int		 i;

	for (i = 0; i < 2; i++) {
		if (rec->key[i].state != SLOT_ACTIVE)
			continue;
		age_key(&age, rec, i, rc->pol->as_of);
		if (!age_stale(&age, rule_days(rc)))
			continue;
		rule_emit(rc, rec, CRED_ACCESS_KEY, i, &age, age.used,
		    key_head[i], "");
	}
}

static void
check_access_key_not_rotated(struct rule_ctx *rc,
    const struct user_record *rec)
{
	const struct key_slot	*k;
	struct age		 age;
	int			 i;

	for (i = 0; i < 2; i++) {
		k = &rec->key[i];
		if (k->state != SLOT_ACTIVE || k->last_rotated.kind != TIME_SET)
			continue;
		age_at(&age, AGE_ROTATED, &k->last_rotated, rc->pol->as_of);
		if (!age_stale(&age, rule_days(rc)))
			continue;
		rule_emit(rc, rec, CRED_ACCESS_KEY, i, &age, &k->last_used,
		    key_head[i], "");
	}
}

static void
check_multiple_active_keys(struct rule_ctx *rc,
    const struct user_record *rec)
{
	if (rec->key[0].state == SLOT_ACTIVE &&
	    rec->key[1].state == SLOT_ACTIVE)
		rule_emit(rc, rec, CRED_ACCESS_KEYS, -1, NULL, NULL,
		    "both access keys are active", "");
}

static void
check_initial_access_key(struct rule_ctx *rc, const struct user_record *rec)
{
	struct age	 age;
	int		 i;

	if (rec->password != PASSWORD_ENABLED)
		return;
	for (i = 0; i < 2; i++) {
		if (rec->key[i].state != SLOT_ACTIVE ||
		    rec->key[i].last_used.kind == TIME_SET)
			continue;
		age_key(&age, rec, i, rc->pol->as_of);
		rule_emit(rc, rec, CRED_ACCESS_KEY, i, &age, NULL, key_head[i],
		    "; user has a console password");
	}
}

/* The password if enabled and each active key, into creds[3]. */
static int
user_credentials(const struct user_record *rec, int64_t as_of,
    struct cred creds[3])
{
	int	 i, n = 0;

	if (rec->password == PASSWORD_ENABLED) {
		creds[n].label = "password";
		age_password(&creds[n++].age, rec, as_of);
	}
	for (i = 0; i < 2; i++) {
		if (rec->key[i].state != SLOT_ACTIVE)
			continue;
		creds[n].label = key_label[i];
		age_key(&creds[n++].age, rec, i, as_of);
	}
	return n;
}

static void
check_dormant_user(struct rule_ctx *rc, const struct user_record *rec)
{
	struct cred		 creds[3];
	const struct cred	*young = NULL;
	const struct cred_time	*latest = NULL;
	struct age		 user;
	struct textbuf		 tb;
	char			 head[96];
	int			 i, n;

	if (rec->created.kind != TIME_SET)
		return;
	age_at(&user, AGE_USER, &rec->created, rc->pol->as_of);
	if (!age_stale(&user, rule_days(rc)))
		return;
	n = user_credentials(rec, rc->pol->as_of, creds);
	for (i = 0; i < n; i++) {
		if (!age_stale(&creds[i].age, rule_days(rc)))
			return;
		/*
		 * Compare the instants, not whole days, so the credential
		 * the message names is the one whose time last_used shows.
		 */
		if (young == NULL || creds[i].age.t > young->age.t)
			young = &creds[i];
		if (creds[i].age.used != NULL && (latest == NULL ||
		    creds[i].age.used->t > latest->t))
			latest = creds[i].age.used;
	}
	if (young == NULL) {
		rule_emit(rc, rec, CRED_USER, -1, &user, NULL,
		    "no enabled credential; ", "");
		return;
	}
	textbuf_init(&tb, head, sizeof(head));
	textbuf_add_lit(&tb, "all enabled credentials idle; most recent is ");
	textbuf_add(&tb, young->label);
	textbuf_add_lit(&tb, ", ");
	rule_emit(rc, rec, CRED_USER, -1, &young->age, latest, head, "");
}

/*
 * The second step after deactivation: a key made inactive that still
 * exists.  Its age is its last use or creation, like any key's, so the
 * threshold (120 days: 90 to become unused, 30 of grace) counts from
 * the last moment anything could have depended on it.
 */
static void
check_inactive_access_key(struct rule_ctx *rc, const struct user_record *rec)
{
	struct age	 age;
	int		 i;

	for (i = 0; i < 2; i++) {
		if (rec->key[i].state != SLOT_INACTIVE)
			continue;
		age_key(&age, rec, i, rc->pol->as_of);
		if (!age_stale(&age, rule_days(rc)))
			continue;
		rule_emit(rc, rec, CRED_ACCESS_KEY, i, &age, age.used,
		    key_inactive_head[i], "");
	}
}

/*
 * Controls, CIS first, oldest version first.  CIS v5.0 dropped 1.3
 * (security questions), so every later IAM item moved up by one; v6.0
 * moved IAM to section 2 with v5.0's order; v7.0 added 2.1.x on
 * Organizations and dropped the initial-key and one-active-key items.
 * The numbers were taken from the benchmark mappings of Prowler,
 * Steampipe and Tenable and the Security Hub user guide, and agree
 * between at least two of them; the man page's STANDARDS lists them.
 */
static const char *const ctl_root_access_key[] = { "cis-3.0:1.4",
    "cis-4.0.1:1.4", "cis-5.0:1.3", "cis-6.0:2.3", "cis-7.0:2.4",
    "fsbp:IAM.4", "config:iam-root-access-key-check", NULL };
static const char *const ctl_root_no_mfa[] = { "cis-3.0:1.5",
    "cis-4.0.1:1.5", "cis-5.0:1.4", "cis-6.0:2.4", "cis-7.0:2.5",
    "fsbp:IAM.9", "config:root-account-mfa-enabled", NULL };
static const char *const ctl_root_recent_use[] = { "cis-3.0:1.7",
    "cis-4.0.1:1.7", "cis-5.0:1.6", "cis-6.0:2.6", "cis-7.0:2.7", NULL };
static const char *const ctl_none[] = { NULL };
static const char *const ctl_console_without_mfa[] = { "cis-3.0:1.10",
    "cis-4.0.1:1.10", "cis-5.0:1.9", "cis-6.0:2.9", "cis-7.0:2.10",
    "fsbp:IAM.5", "config:mfa-enabled-for-iam-console-access", NULL };
static const char *const ctl_unused_password[] = { "cis-3.0:1.12",
    "cis-4.0.1:1.12", "cis-5.0:1.11", "cis-6.0:2.11", "cis-7.0:2.11",
    "fsbp:IAM.8", "fsbp:IAM.22", "config:iam-user-unused-credentials-check",
    "access-analyzer:UnusedIAMUserPassword", NULL };
static const char *const ctl_unused_access_key[] = { "cis-3.0:1.12",
    "cis-4.0.1:1.12", "cis-5.0:1.11", "cis-6.0:2.11", "cis-7.0:2.11",
    "fsbp:IAM.8", "fsbp:IAM.22", "config:iam-user-unused-credentials-check",
    "access-analyzer:UnusedIAMUserAccessKey", NULL };
static const char *const ctl_access_key_not_rotated[] = { "cis-3.0:1.14",
    "cis-4.0.1:1.14", "cis-5.0:1.13", "cis-6.0:2.13", "cis-7.0:2.12",
    "fsbp:IAM.3", "config:access-keys-rotated", NULL };
/* v7.0 has no one-active-key recommendation. */
static const char *const ctl_multiple_active_keys[] = { "cis-3.0:1.13",
    "cis-4.0.1:1.13", "cis-5.0:1.12", "cis-6.0:2.12", NULL };
/* v7.0 has no initial-setup recommendation. */
static const char *const ctl_initial_access_key[] = { "cis-3.0:1.11",
    "cis-4.0.1:1.11", "cis-5.0:1.10", "cis-6.0:2.10", NULL };

/* What the deletion plan says about a finding of the first step. */
#define DEACTIVATE_FIRST	"not for this plan: --plan deactivate "

const struct rule rules_table[RULE_COUNT] = {
	[RULE_ROOT_ACCESS_KEY] = {
		.id = "root-access-key", .severity = SEV_CRITICAL,
		.default_days = RULE_NO_DAYS, .root = true,
		.summary = "root has an access key",
		.controls = ctl_root_access_key,
		.check = check_root_access_key,
		.remedy = REMEDY_ADVICE,
		.advice = RULE_ADVICE_AS_ROOT "delete the root user's access key",
		.title = "Root user has an access key",
		.remediation = "Sign in as the root user and delete its access "
		    "keys; give programs an IAM role or a user with only the "
		    "permissions they need.",
	},
	[RULE_ROOT_NO_MFA] = {
		.id = "root-no-mfa", .severity = SEV_CRITICAL,
		.default_days = RULE_NO_DAYS, .root = true,
		.summary = "root has credentials but no MFA",
		.controls = ctl_root_no_mfa,
		.check = check_root_no_mfa,
		.remedy = REMEDY_ADVICE,
		.advice = RULE_ADVICE_AS_ROOT "assign an MFA device to the root user",
		.title = "Root user has no MFA",
		.remediation = "Sign in as the root user and assign it an MFA "
		    "device.",
	},
	[RULE_ROOT_RECENT_USE] = {
		.id = "root-recent-use", .severity = SEV_HIGH,
		.default_days = 90, .root = true,
		.summary = "root used within the threshold",
		.controls = ctl_root_recent_use,
		.check = check_root_recent_use,
		.remedy = REMEDY_ADVICE,
		.advice = RULE_ADVICE_AS_ROOT "find out why root was used; do daily work "
		    "as an IAM user or role",
		.title = "Root user used recently",
		.remediation = "Find out why the root user was used; do daily "
		    "work as IAM users or roles and keep root for the few "
		    "tasks that need it.",
	},
	[RULE_ROOT_SIGNING_CERTIFICATE] = {
		.id = "root-signing-certificate", .severity = SEV_HIGH,
		.default_days = RULE_NO_DAYS, .root = true,
		.summary = "root has an active signing certificate",
		.controls = ctl_none,
		.check = check_root_signing_certificate,
		.remedy = REMEDY_ADVICE,
		.advice = RULE_ADVICE_AS_ROOT "deactivate the root user's signing "
		    "certificate",
		.title = "Root user has an active signing certificate",
		.remediation = "Sign in as the root user and deactivate or "
		    "delete its X.509 signing certificate.",
	},
	[RULE_CONSOLE_WITHOUT_MFA] = {
		.id = "console-without-mfa", .severity = SEV_HIGH,
		.default_days = RULE_NO_DAYS,
		.summary = "a console password without MFA",
		.controls = ctl_console_without_mfa,
		.check = check_console_without_mfa,
		.remedy = REMEDY_ADVICE,
		.advice = "suggestion: assign an MFA device to the user, or "
		    "remove the console password",
		.title = "Console password without MFA",
		.remediation = "Assign an MFA device to the user, or remove "
		    "the console password if the user does not sign in to the "
		    "console.",
	},
	[RULE_UNUSED_PASSWORD] = {
		.id = "unused-password", .severity = SEV_MEDIUM,
		.default_days = 90, .by_days = true,
		.summary = "a password unused for the threshold",
		.controls = ctl_unused_password,
		.check = check_unused_password,
		.remedy = REMEDY_DELETE_PASSWORD,
		.title = "Console password unused",
		.remediation = "Remove the user's console password (aws iam "
		    "delete-login-profile) if the user no longer signs in.",
		.delete_advice = DEACTIVATE_FIRST "removes the console password",
	},
	[RULE_UNUSED_ACCESS_KEY] = {
		.id = "unused-access-key", .severity = SEV_MEDIUM,
		.default_days = 90, .by_days = true,
		.summary = "an active key unused for the threshold",
		.controls = ctl_unused_access_key,
		.check = check_unused_access_key,
		.remedy = REMEDY_DEACTIVATE_KEY,
		.title = "Access key unused",
		.remediation = "Deactivate the access key (aws iam "
		    "update-access-key --status Inactive) and delete it once "
		    "nothing is found to need it.",
		.delete_advice = DEACTIVATE_FIRST "deactivates the key; "
		    "inactive-access-key finds it for deletion later",
	},
	[RULE_ACCESS_KEY_NOT_ROTATED] = {
		.id = "access-key-not-rotated", .severity = SEV_MEDIUM,
		.default_days = 90,
		.summary = "an active key older than the threshold",
		.controls = ctl_access_key_not_rotated,
		.check = check_access_key_not_rotated,
		.remedy = REMEDY_DEACTIVATE_KEY,
		.title = "Access key not rotated",
		.remediation = "Create a new access key, move what uses the "
		    "old one to it, then deactivate and delete the old key.",
		.delete_advice = DEACTIVATE_FIRST "deactivates the key once "
		    "a new one replaces it",
	},
	[RULE_MULTIPLE_ACTIVE_KEYS] = {
		.id = "multiple-active-keys", .severity = SEV_MEDIUM,
		.default_days = RULE_NO_DAYS,
		.summary = "a user with two active access keys",
		.controls = ctl_multiple_active_keys,
		.check = check_multiple_active_keys,
		.remedy = REMEDY_ADVICE,
		.advice = "suggestion: keep one active access key for the user",
		.title = "Two active access keys",
		.remediation = "Keep one active access key: deactivate the key "
		    "that is not in use.",
	},
	[RULE_INITIAL_ACCESS_KEY] = {
		.id = "initial-access-key", .severity = SEV_LOW,
		.default_days = RULE_NO_DAYS,
		.summary = "a console user's key never used",
		.controls = ctl_initial_access_key,
		.check = check_initial_access_key,
		.remedy = REMEDY_ADVICE,
		.advice = "suggestion: deactivate the key unless the user "
		    "needs it beside the console password",
		.title = "Console user's access key never used",
		.remediation = "Deactivate the access key unless the user "
		    "needs programmatic access beside the console password.",
	},
	[RULE_DORMANT_USER] = {
		.id = "dormant-user", .severity = SEV_LOW,
		.default_days = 90, .by_days = true,
		.summary = "a user with every credential idle",
		.controls = ctl_none,
		.check = check_dormant_user,
		.remedy = REMEDY_ADVICE,
		.advice = "suggestion: remove the user if nobody needs it any "
		    "more",
		.title = "Dormant IAM user",
		.remediation = "Remove the user's credentials, then the user, "
		    "if nobody needs it any more.",
		.delete_remedy = REMEDY_DELETE_USER,
	},
	[RULE_INACTIVE_ACCESS_KEY] = {
		.id = "inactive-access-key", .severity = SEV_LOW,
		.default_days = 120,
		.summary = "an inactive key idle for the threshold",
		.controls = ctl_none,
		.check = check_inactive_access_key,
		.remedy = REMEDY_ADVICE,
		.advice = "suggestion: the key was deactivated long ago; "
		    "delete it (-f script --plan delete)",
		.delete_remedy = REMEDY_DELETE_KEY,
		.title = "Inactive access key not deleted",
		.remediation = "Delete the access key (aws iam "
		    "delete-access-key): it has been inactive past the grace "
		    "period, so nothing has needed it; a new key can be made "
		    "if something does.",
	},
};

const char *
credential_name(enum cred_kind kind, int slot)
{
	if ((unsigned)kind >= CRED_KIND_COUNT)
		return NULL;
	return cred_names[kind][slot == 1 ? 1 : 0];
}

bool
credential_known(const char *name)
{
	size_t	 k, n;

	for (k = 0; k < CRED_KIND_COUNT; k++)
		for (n = 0; n < 2; n++)
			if (cred_names[k][n] != NULL &&
			    strcmp(cred_names[k][n], name) == 0)
				return true;
	return false;
}

int
rules_lookup(const char *id)
{
	int	 i;

	for (i = 0; i < RULE_COUNT; i++)
		if (strcmp(rules_table[i].id, id) == 0)
			return i;
	return -1;
}

const char *
severity_name(enum severity sev)
{
	return (unsigned)sev < SEV_COUNT ? severity_names[sev] : "unknown";
}

int
severity_parse(const char *s, enum severity *sev)
{
	int	 i;

	for (i = 0; i < SEV_COUNT; i++) {
		if (strcasecmp(s, severity_names[i]) == 0) {
			*sev = (enum severity)i;
			return 0;
		}
	}
	return -1;
}

/* Timestamps after as_of; the next password rotation is future by design. */
static unsigned
rules_count_future(const struct user_record *rec, int64_t as_of)
{
	const struct cred_time	*ts[] = { &rec->created,
	    &rec->password_last_used, &rec->password_last_changed,
	    &rec->key[0].last_rotated, &rec->key[0].last_used,
	    &rec->key[1].last_rotated, &rec->key[1].last_used,
	    &rec->cert[0].last_rotated, &rec->cert[1].last_rotated };
	unsigned		 i, n = 0;

	for (i = 0; i < sizeof(ts) / sizeof(ts[0]); i++)
		if (ts[i]->kind == TIME_SET && ts[i]->t > as_of)
			n++;
	return n;
}

int
rules_eval(const struct policy *pol, const struct user_record *rec,
    finding_fn fn, void *ctx, struct eval_result *res)
{
	struct rule_ctx	 rc;
	int		 i;

	memset(res, 0, sizeof(*res));
	res->future_timestamps = rules_count_future(rec, pol->as_of);
	rc.pol = pol;
	rc.fn = fn;
	rc.ctx = ctx;
	rc.res = res;
	for (i = 0; i < RULE_COUNT && res->stopped == 0; i++) {
		if (!pol->enabled[i] || rules_table[i].root != rec->is_root ||
		    pol->severity[i] < pol->min_severity)
			continue;
		rc.rule = (enum rule_index)i;
		rules_table[i].check(&rc, rec);
	}
	return res->stopped;
}



