/*
 * --format script: a POSIX sh remediation plan for a person to review and
 * run; credaudit itself never runs it.
 *
 * There are two plans, the two steps of retiring a credential.  What a
 * finding leads to in each is decided by the rule engine from the rule's
 * entry in rules_table (rules_remedy()); this file only writes it.  The
 * deactivation plan (the default) deactivates unused or unrotated access
 * keys and removes unused console passwords, each command followed by a
 * comment giving its rollback.  The deletion plan (--plan delete) deletes
 * long-inactive keys and dormant users; a deletion has no rollback, so
 * each is preceded by a comment saying so, and its helpers print every
 * item before deleting it.  Every other finding, and every root finding
 * (root can only be fixed signed in as root), becomes a comment.
 *
 * The report does not carry access key ids, so the plan finds the key by
 * its creation time, the report's access_key_N_last_rotated, through the
 * deactivate_key helper written once at the top; a key is touched only
 * when exactly one key of the user was created at that second.  Before
 * the first command for an account, require_account stops the plan
 * unless the aws CLI's credentials belong to that account.
 *
 * No value from a report reaches a command unless it is one IAM itself
 * could have written: a user name of A-Z a-z 0-9 +=,.@_- (64 at most)
 * and a twelve-digit account.  A finding about any other name gets only
 * comments, the name shown escaped and the reason no command is given;
 * a name that passes is still single-quoted.  Every comment is printable
 * ASCII, each other byte written as \xNN, so no value can end a comment
 * line or act on the terminal of whoever reads the plan: the whole plan
 * is printable ASCII, tabs and newlines.  Suppressed findings get a
 * one-line comment with the reason.  The plan has no inventory view:
 * with --inventory it says so and holds no commands.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "report.h"
#include "rules.h"
#include "timeparse.h"

static const char script_intro[] =
    "# Review every command before running it.  No access key is deleted: "
    "keys are\n"
    "# deactivated and console passwords removed; each action is followed "
    "by its rollback.\n"
    "# Uses the aws CLI's usual environment (AWS_PROFILE, AWS_REGION, "
    "AWS_ENDPOINT_URL, ...).\n"
    "# The plan stops at the first command that fails.\n"
    "set -eu\n"
    "\n";

/* What both plans start with. */
static const char script_helpers[] =
    "# require_account ACCOUNT: stop unless the aws CLI's credentials belong "
    "to\n"
    "# ACCOUNT, so no command reaches a user of the same name elsewhere.\n"
    "require_account() {\n"
    "\tcredaudit_account=$(aws sts get-caller-identity --query Account \\\n"
    "\t    --output text)\n"
    "\tif [ \"$credaudit_account\" != \"$1\" ]; then\n"
    "\t\tprintf 'credaudit: these commands are for account %s, not %s; "
    "stopping\\n' \\\n"
    "\t\t    \"$1\" \"$credaudit_account\" >&2\n"
    "\t\texit 1\n"
    "\tfi\n"
    "}\n"
    "\n"
    "# utc_second TIME: TIME as YYYY-MM-DDTHH:MM:SS when it is in UTC (Z or\n"
    "# +00:00, a fraction of a second dropped); nothing for any other "
    "offset,\n"
    "# so such a time matches no time of the report.\n"
    "utc_second() {\n"
    /* "\?" keeps C from reading the question marks as trigraphs. */
    "\tcredaudit_rest=${1#\?\?\?\?-\?\?-\?\?T\?\?:\?\?:\?\?}\n"
    "\tcase $credaudit_rest in\n"
    "\tZ | +00:00 | .*Z | .*+00:00) printf '%s\\n' "
    "\"${1%\"$credaudit_rest\"}\" ;;\n"
    "\tesac\n"
    "}\n"
    "\n";

static const char script_helpers_deactivate[] =
    "# deactivate_key USER CREATED: make inactive the one access key of USER\n"
    "# created at CREATED (YYYY-MM-DDTHH:MM:SSZ); when no key or more than "
    "one\n"
    "# was created then, skip and touch nothing.\n"
    "deactivate_key() {\n"
    "\tcredaudit_keys=$(aws iam list-access-keys --user-name \"$1\" \\\n"
    "\t    --query 'AccessKeyMetadata[].[AccessKeyId,CreateDate]' \\\n"
    "\t    --output text)\n"
    "\tcredaudit_id='' credaudit_n=0\n"
    "\twhile read -r credaudit_kid credaudit_created; do\n"
    "\t\tif [ -n \"$credaudit_kid\" ] &&\n"
    "\t\t    [ \"$(utc_second \"$credaudit_created\")\" = \"${2%Z}\" ]; "
    "then\n"
    "\t\t\tcredaudit_id=$credaudit_kid\n"
    "\t\t\tcredaudit_n=$((credaudit_n + 1))\n"
    "\t\tfi\n"
    "\tdone <<EOF\n"
    "$credaudit_keys\n"
    "EOF\n"
    "\tif [ \"$credaudit_n\" -eq 0 ]; then\n"
    "\t\tprintf 'credaudit: no access key of %s created at %s; "
    "skipped\\n' \\\n"
    "\t\t    \"$1\" \"$2\" >&2\n"
    "\t\treturn 0\n"
    "\tfi\n"
    "\tif [ \"$credaudit_n\" -gt 1 ]; then\n"
    "\t\tprintf 'credaudit: %s access keys of %s created at %s; "
    "skipped\\n' \\\n"
    "\t\t    \"$credaudit_n\" \"$1\" \"$2\" >&2\n"
    "\t\treturn 0\n"
    "\tfi\n"
    "\taws iam update-access-key --user-name \"$1\" \\\n"
    "\t    --access-key-id \"$credaudit_id\" --status Inactive\n"
    "\tprintf 'credaudit: deactivated access key %s of %s\\n' "
    "\"$credaudit_id\" \"$1\"\n"
    "}\n"
    "\n";

static const char script_intro_delete[] =
    "# Review every command before running it.  This plan DELETES inactive "
    "access\n"
    "# keys and dormant users, and a deletion cannot be rolled back.  "
    "Before each\n"
    "# deletion the plan says what it deletes, and the helpers print every "
    "item\n"
    "# (key ids and creation times, certificates, SSH keys, MFA devices, "
    "policy\n"
    "# documents and names, groups) before deleting it: keep the output of "
    "the\n"
    "# run, it is what they can be recreated from.  Nothing of root is "
    "deleted.\n"
    "# Uses the aws CLI's usual environment (AWS_PROFILE, AWS_REGION, "
    "AWS_ENDPOINT_URL, ...).\n"
    "# The plan stops at the first command that fails.\n"
    "set -eu\n"
    "\n";

/*
 * The deletion plan's helpers.  Everything they delete is looked up at
 * run time with the aws CLI (--query, --output text, one item a line)
 * and read with `while read`, so no value ever becomes code.
 */
static const char script_helpers_delete[] =
    "# delete_key USER CREATED: delete the one access key of USER"
    " created at\n"
    "# CREATED (YYYY-MM-DDTHH:MM:SSZ) if it is still inactive;"
    " when no key or\n"
    "# more than one was created then, or the key is active again,"
    " skip and\n"
    "# touch nothing.  The key's id is printed before it is deleted.\n"
    "delete_key() {\n"
    "\tcredaudit_keys=$(aws iam list-access-keys --user-name"
    " \"$1\" \\\n"
    "\t    --query"
    " 'AccessKeyMetadata[].[AccessKeyId,CreateDate,Status]' \\\n"
    "\t    --output text)\n"
    "\tcredaudit_id='' credaudit_state='' credaudit_n=0\n"
    "\twhile read -r credaudit_kid credaudit_created"
    " credaudit_status; do\n"
    "\t\tif [ -n \"$credaudit_kid\" ] &&\n"
    "\t\t    [ \"$(utc_second \"$credaudit_created\")\" ="
    " \"${2%Z}\" ]; then\n"
    "\t\t\tcredaudit_id=$credaudit_kid\n"
    "\t\t\tcredaudit_state=$credaudit_status\n"
    "\t\t\tcredaudit_n=$((credaudit_n + 1))\n"
    "\t\tfi\n"
    "\tdone <<EOF\n"
    "$credaudit_keys\n"
    "EOF\n"
    "\tif [ \"$credaudit_n\" -ne 1 ]; then\n"
    "\t\tprintf 'credaudit: %s access keys of %s created at %s;"
    " skipped\\n' \\\n"
    "\t\t    \"$credaudit_n\" \"$1\" \"$2\" >&2\n"
    "\t\treturn 0\n"
    "\tfi\n"
    "\tif [ \"$credaudit_state\" != Inactive ]; then\n"
    "\t\tprintf 'credaudit: access key %s of %s is %s; skipped\\n' \\\n"
    "\t\t    \"$credaudit_id\" \"$1\" \"$credaudit_state\" >&2\n"
    "\t\treturn 0\n"
    "\tfi\n"
    "\tprintf '# deleting access key %s of %s, created %s\\n' \\\n"
    "\t    \"$credaudit_id\" \"$1\" \"$2\"\n"
    "\taws iam delete-access-key --user-name \"$1\" \\\n"
    "\t    --access-key-id \"$credaudit_id\"\n"
    "\tprintf 'credaudit: deleted access key %s of %s\\n'"
    " \"$credaudit_id\" \"$1\"\n"
    "}\n"
    "\n"
    "# delete_user USER: delete USER after what DeleteUser needs"
    " gone first, in\n"
    "# its order, each looked up now and printed before it is"
    " deleted: access\n"
    "# keys, signing certificates, SSH public keys, service-specific\n"
    "# credentials, MFA devices (deactivated; virtual ones"
    " deleted), inline\n"
    "# policies (with their documents), attached managed policies,"
    " group\n"
    "# memberships.  A user with a console password or an active"
    " access key\n"
    "# now is in use again: skip it and touch nothing.  The aws"
    " commands in\n"
    "# the loops read nothing: their standard input is not the"
    " loop's list.\n"
    "delete_user() {\n"
    "\tif aws iam get-login-profile --user-name \"$1\" >/dev/null"
    " 2>&1; then\n"
    "\t\tprintf 'credaudit: %s has a console password; skipped\\n' \\\n"
    "\t\t    \"$1\" >&2\n"
    "\t\treturn 0\n"
    "\tfi\n"
    "\tcredaudit_keys=$(aws iam list-access-keys --user-name"
    " \"$1\" \\\n"
    "\t    --query"
    " 'AccessKeyMetadata[].[AccessKeyId,CreateDate,Status]' \\\n"
    "\t    --output text)\n"
    "\twhile read -r credaudit_kid credaudit_created"
    " credaudit_status; do\n"
    "\t\tif [ \"$credaudit_status\" = Active ]; then\n"
    "\t\t\tprintf 'credaudit: %s has an active access key %s;"
    " skipped\\n' \\\n"
    "\t\t\t    \"$1\" \"$credaudit_kid\" >&2\n"
    "\t\t\treturn 0\n"
    "\t\tfi\n"
    "\tdone <<EOF\n"
    "$credaudit_keys\n"
    "EOF\n"
    "\tprintf '# deleting user %s and everything it holds\\n' \"$1\"\n"
    "\twhile read -r credaudit_kid credaudit_created"
    " credaudit_status; do\n"
    "\t\t[ -n \"$credaudit_kid\" ] || continue\n"
    "\t\tprintf '# deleting access key %s of %s, created %s,"
    " %s\\n' \\\n"
    "\t\t    \"$credaudit_kid\" \"$1\" \"$credaudit_created\""
    " \"$credaudit_status\"\n"
    "\t\taws iam delete-access-key --user-name \"$1\" \\\n"
    "\t\t    --access-key-id \"$credaudit_kid\" </dev/null\n"
    "\tdone <<EOF\n"
    "$credaudit_keys\n"
    "EOF\n"
    "\tcredaudit_list=$(aws iam list-signing-certificates"
    " --user-name \"$1\" \\\n"
    "\t    --query"
    " 'Certificates[].[CertificateId,Status,UploadDate]' \\\n"
    "\t    --output text)\n"
    "\twhile read -r credaudit_item credaudit_status"
    " credaudit_created; do\n"
    "\t\t[ -n \"$credaudit_item\" ] || continue\n"
    "\t\tprintf '# deleting signing certificate %s of %s, %s,"
    " uploaded %s\\n' \\\n"
    "\t\t    \"$credaudit_item\" \"$1\" \"$credaudit_status\""
    " \"$credaudit_created\"\n"
    "\t\taws iam delete-signing-certificate --user-name \"$1\" \\\n"
    "\t\t    --certificate-id \"$credaudit_item\" </dev/null\n"
    "\tdone <<EOF\n"
    "$credaudit_list\n"
    "EOF\n"
    "\tcredaudit_list=$(aws iam list-ssh-public-keys --user-name"
    " \"$1\" \\\n"
    "\t    --query 'SSHPublicKeys[].[SSHPublicKeyId]' --output text)\n"
    "\twhile read -r credaudit_item; do\n"
    "\t\t[ -n \"$credaudit_item\" ] || continue\n"
    "\t\tcredaudit_body=$(aws iam get-ssh-public-key --user-name"
    " \"$1\" \\\n"
    "\t\t    --ssh-public-key-id \"$credaudit_item\" --encoding"
    " SSH \\\n"
    "\t\t    --query SSHPublicKey.SSHPublicKeyBody --output text \\\n"
    "\t\t    </dev/null)\n"
    "\t\tprintf '# deleting SSH public key %s of %s: %s\\n' \\\n"
    "\t\t    \"$credaudit_item\" \"$1\" \"$credaudit_body\"\n"
    "\t\taws iam delete-ssh-public-key --user-name \"$1\" \\\n"
    "\t\t    --ssh-public-key-id \"$credaudit_item\" </dev/null\n"
    "\tdone <<EOF\n"
    "$credaudit_list\n"
    "EOF\n"
    "\tcredaudit_list=$(aws iam list-service-specific-credentials \\\n"
    "\t    --user-name \"$1\" --query \\\n"
    "\t    'ServiceSpecificCredentials[].[ServiceSpecificCredential"
    "Id,ServiceName]' \\\n"
    "\t    --output text)\n"
    "\twhile read -r credaudit_item credaudit_service; do\n"
    "\t\t[ -n \"$credaudit_item\" ] || continue\n"
    "\t\tprintf '# deleting service-specific credential %s of %s"
    " for %s\\n' \\\n"
    "\t\t    \"$credaudit_item\" \"$1\" \"$credaudit_service\"\n"
    "\t\taws iam delete-service-specific-credential --user-name"
    " \"$1\" \\\n"
    "\t\t    --service-specific-credential-id \"$credaudit_item\""
    " </dev/null\n"
    "\tdone <<EOF\n"
    "$credaudit_list\n"
    "EOF\n"
    "\tcredaudit_list=$(aws iam list-mfa-devices --user-name"
    " \"$1\" \\\n"
    "\t    --query 'MFADevices[].[SerialNumber]' --output text)\n"
    "\twhile read -r credaudit_item; do\n"
    "\t\t[ -n \"$credaudit_item\" ] || continue\n"
    "\t\tprintf '# deactivating MFA device %s of %s\\n'"
    " \"$credaudit_item\" \"$1\"\n"
    "\t\taws iam deactivate-mfa-device --user-name \"$1\" \\\n"
    "\t\t    --serial-number \"$credaudit_item\" </dev/null\n"
    "\t\tcase $credaudit_item in\n"
    "\t\tarn:*:mfa/*)\n"
    "\t\t\tprintf '# deleting virtual MFA device %s\\n'"
    " \"$credaudit_item\"\n"
    "\t\t\taws iam delete-virtual-mfa-device \\\n"
    "\t\t\t    --serial-number \"$credaudit_item\" </dev/null\n"
    "\t\t\t;;\n"
    "\t\tesac\n"
    "\tdone <<EOF\n"
    "$credaudit_list\n"
    "EOF\n"
    "\tcredaudit_list=$(aws iam list-user-policies --user-name"
    " \"$1\" \\\n"
    "\t    --query 'PolicyNames[].[@]' --output text)\n"
    "\twhile read -r credaudit_item; do\n"
    "\t\t[ -n \"$credaudit_item\" ] || continue\n"
    "\t\tcredaudit_body=$(aws iam get-user-policy --user-name"
    " \"$1\" \\\n"
    "\t\t    --policy-name \"$credaudit_item\" --query"
    " PolicyDocument \\\n"
    "\t\t    --output json </dev/null)\n"
    "\t\tprintf '# deleting inline policy %s of %s, whose document"
    " is:\\n' \\\n"
    "\t\t    \"$credaudit_item\" \"$1\"\n"
    "\t\tprintf '%s\\n' \"$credaudit_body\" | sed 's/^/#     /'\n"
    "\t\taws iam delete-user-policy --user-name \"$1\" \\\n"
    "\t\t    --policy-name \"$credaudit_item\" </dev/null\n"
    "\tdone <<EOF\n"
    "$credaudit_list\n"
    "EOF\n"
    "\tcredaudit_list=$(aws iam list-attached-user-policies"
    " --user-name \"$1\" \\\n"
    "\t    --query 'AttachedPolicies[].[PolicyArn]' --output text)\n"
    "\twhile read -r credaudit_item; do\n"
    "\t\t[ -n \"$credaudit_item\" ] || continue\n"
    "\t\tprintf '# detaching managed policy %s from %s\\n' \\\n"
    "\t\t    \"$credaudit_item\" \"$1\"\n"
    "\t\taws iam detach-user-policy --user-name \"$1\" \\\n"
    "\t\t    --policy-arn \"$credaudit_item\" </dev/null\n"
    "\tdone <<EOF\n"
    "$credaudit_list\n"
    "EOF\n"
    "\tcredaudit_list=$(aws iam list-groups-for-user --user-name"
    " \"$1\" \\\n"
    "\t    --query 'Groups[].[GroupName]' --output text)\n"
    "\twhile read -r credaudit_item; do\n"
    "\t\t[ -n \"$credaudit_item\" ] || continue\n"
    "\t\tprintf '# removing %s from group %s\\n' \"$1\""
    " \"$credaudit_item\"\n"
    "\t\taws iam remove-user-from-group --user-name \"$1\" \\\n"
    "\t\t    --group-name \"$credaudit_item\" </dev/null\n"
    "\tdone <<EOF\n"
    "$credaudit_list\n"
    "EOF\n"
    "\taws iam delete-user --user-name \"$1\"\n"
    "\tprintf 'credaudit: deleted user %s\\n' \"$1\"\n"
    "}\n"
    "\n";

/* Bits of struct output's done: what the plan already did to the user. */
#define SCRIPT_DONE_KEY1	0x1u
#define SCRIPT_DONE_KEY2	0x2u
#define SCRIPT_DONE_PASSWORD	0x4u
#define SCRIPT_DONE_USER	0x8u	/* deleted: nothing more to do */

struct output {
	FILE		*fp;
	bool		 inventory;
	enum plan	 plan;
	const struct policy *pol;	/* for rules_remedy() */
	char		*account;	/* of the last require_account */
	char		*user_account;	/* the user the done bits are about */
	char		*user;
	unsigned	 done;
	unsigned long	 actions;
	unsigned long	 no_action;	/* unsuppressed, left as comments */
};

static int
script_puts(struct output *o, const char *s)
{
	return fputs(s, o->fp) == EOF ? -1 : 0;
}

/*
 * Write one comment line.  Every byte that is not printable ASCII is
 * written as \xNN: a newline cannot end the comment early, an escape
 * sequence cannot reach the reviewer's terminal.
 */
static int
script_note(struct output *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
script_note(struct output *o, const char *fmt, ...)
{
	static const char	 hex[] = "0123456789abcdef";
	va_list			 ap;
	char			*buf, *safe, *w;
	const unsigned char	*p;
	int			 len, rc = -1;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || (size_t)len > (SIZE_MAX - 1) / 4 ||
	    (buf = malloc((size_t)len + 1)) == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)len + 1, fmt, ap);
	va_end(ap);
	if ((safe = malloc((size_t)len * 4 + 1)) == NULL)
		goto out;
	for (p = (const unsigned char *)buf, w = safe; *p != '\0'; p++) {
		if (*p >= 0x20 && *p < 0x7f) {
			*w++ = (char)*p;
			continue;
		}
		*w++ = '\\';
		*w++ = 'x';
		*w++ = hex[*p >> 4];
		*w++ = hex[*p & 0xf];
	}
	*w = '\0';
	rc = fprintf(o->fp, "# %s\n", safe) < 0 ? -1 : 0;
	free(safe);
out:
	free(buf);
	return rc;
}

/* s as one sh word in single quotes, ' written as '\''; caller frees. */
static char *
script_quote(const char *s)
{
	const char	*p;
	char		*q, *w;
	size_t		 len = 3;

	for (p = s; *p != '\0'; p++)
		len += *p == '\'' ? 4 : 1;
	if ((q = malloc(len)) == NULL)
		return NULL;
	w = q;
	*w++ = '\'';
	for (p = s; *p != '\0'; p++) {
		if (*p == '\'') {
			memcpy(w, "'\\''", 4);
			w += 4;
		} else
			*w++ = *p;
	}
	*w++ = '\'';
	*w = '\0';
	return q;
}

static const char *
script_plural(unsigned long n)
{
	return n == 1 ? "" : "s";
}

static struct output *
script_open(FILE *fp, const struct run_info *info)
{
	struct output	*o;
	char		 when[TIMESTAMP_BUFSZ];

	if ((o = calloc(1, sizeof(*o))) == NULL)
		return NULL;
	o->fp = fp;
	o->inventory = info->inventory;
	o->plan = info->opts.plan;
	o->pol = info->policy;
	/* A failed write here shows again, and is reported, at end(). */
	if (script_puts(o, "#!/bin/sh\n") == -1 || script_note(o,
	    "credaudit %s remediation plan", info->version) == -1)
		return o;
	if (info->opts.source != NULL &&
	    script_note(o, "source: %s", info->opts.source) == -1)
		return o;
	if (info->as_of_generated) {
		if (script_note(o, "as of: each report's GeneratedTime") == -1)
			return o;
	} else if (info->policy != NULL) {
		timeparse_format(info->policy->as_of, when);
		if (script_note(o, "as of: %s", when) == -1)
			return o;
	}
	if (o->inventory)
		script_note(o, "The script format has no inventory view; "
		    "nothing to do.");
	else if (o->plan == PLAN_DELETE) {
		if (script_puts(o, script_intro_delete) == 0 &&
		    script_puts(o, script_helpers) == 0)
			script_puts(o, script_helpers_delete);
	} else if (script_puts(o, script_intro) == 0 &&
	    script_puts(o, script_helpers) == 0)
		script_puts(o, script_helpers_deactivate);
	return o;
}

/* Is f about the same user as the findings before it? */
static bool
script_same_user(const struct output *o, const char *account,
    const char *user)
{
	return o->user != NULL && strcmp(o->user_account, account) == 0 &&
	    strcmp(o->user, user) == 0;
}

/* Start tracking what was done to f's user. */
static int
script_track_user(struct output *o, const char *account, const char *user)
{
	if (script_same_user(o, account, user))
		return 0;
	free(o->user_account);
	free(o->user);
	o->user = NULL;
	o->done = 0;
	if ((o->user_account = strdup(account)) == NULL)
		return -1;
	if ((o->user = strdup(user)) == NULL)
		return -1;
	return 0;
}

/* require_account before the first command of each account. */
static int
script_require_account(struct output *o, const char *account)
{
	char	*q;
	int	 rc;

	if (o->account != NULL && strcmp(o->account, account) == 0)
		return 0;
	free(o->account);
	if ((o->account = strdup(account)) == NULL ||
	    (q = script_quote(account)) == NULL)
		return -1;
	rc = fprintf(o->fp, "require_account %s\n\n", q) < 0 ? -1 : 0;
	free(q);
	return rc;
}

static int
script_header(struct output *o, const struct finding *f)
{
	const char *const	*c;
	const char		*status = "";

	if (f->status == FINDING_STATUS_NEW)
		status = ", new";
	else if (f->status == FINDING_STATUS_EXISTING)
		status = ", existing";
	if (script_note(o, "%s (%s%s)", f->id, severity_name(f->severity),
	    status) == -1 || script_note(o, "%s", f->message) == -1)
		return -1;
	c = f->def->controls;
	if (c == NULL || *c == NULL)
		return 0;
	if (fprintf(o->fp, "# controls: %s", *c) < 0)
		return -1;
	for (c++; *c != NULL; c++)
		if (fprintf(o->fp, ", %s", *c) < 0)
			return -1;
	return script_puts(o, "\n");
}

static int
script_deactivate(struct output *o, const struct finding *f, int k)
{
	char	 when[TIMESTAMP_BUFSZ];
	char	*qu = NULL, *qt = NULL;
	int	 rc = -1;

	timeparse_format(f->rec->key[k].last_rotated.t, when);
	if ((qu = script_quote(f->rec->user)) == NULL ||
	    (qt = script_quote(when)) == NULL)
		goto out;
	if (fprintf(o->fp, "deactivate_key %s %s\n", qu, qt) < 0 ||
	    script_note(o, "rollback: aws iam update-access-key --user-name "
	    "%s --access-key-id <id> --status Active", qu) == -1)
		goto out;
	rc = 0;
out:
	free(qu);
	free(qt);
	return rc;
}

static int
script_delete_password(struct output *o, const struct finding *f)
{
	char	*qu;
	int	 rc = -1;

	if ((qu = script_quote(f->rec->user)) == NULL)
		return -1;
	if (fprintf(o->fp, "aws iam delete-login-profile --user-name %s\n",
	    qu) >= 0 && script_note(o, "rollback: aws iam create-login-profile "
	    "--user-name %s --password-reset-required --password <new "
	    "temporary password>", qu) == 0)
		rc = 0;
	free(qu);
	return rc;
}

static int
script_delete_key(struct output *o, const struct finding *f, int k)
{
	char	 when[TIMESTAMP_BUFSZ];
	char	*qu = NULL, *qt = NULL;
	int	 rc = -1;

	timeparse_format(f->rec->key[k].last_rotated.t, when);
	if ((qu = script_quote(f->rec->user)) == NULL ||
	    (qt = script_quote(when)) == NULL)
		goto out;
	if (script_note(o, "DELETES access key %d of %s, created %s, if it "
	    "is still inactive;", k + 1, qu, when) == -1 ||
	    script_note(o, "delete_key prints its id first.  This cannot be "
	    "rolled back: a deleted") == -1 ||
	    script_note(o, "key is gone, only a new key can replace it.") ==
	    -1 || fprintf(o->fp, "delete_key %s %s\n", qu, qt) < 0)
		goto out;
	rc = 0;
out:
	free(qu);
	free(qt);
	return rc;
}

static int
script_delete_user(struct output *o, const struct finding *f)
{
	char	*qu;
	int	 rc = -1;

	if ((qu = script_quote(f->rec->user)) == NULL)
		return -1;
	if (script_note(o, "DELETES user %s and everything it holds: access "
	    "keys, signing", qu) == 0 && script_note(o, "certificates, SSH "
	    "public keys, service-specific credentials, MFA devices,") == 0 &&
	    script_note(o, "inline and attached policies, group memberships; "
	    "delete_user prints") == 0 && script_note(o, "each before "
	    "deleting it.  This cannot be rolled back: keep that output,") ==
	    0 && script_note(o, "it is what the user can be recreated from.")
	    == 0 && fprintf(o->fp, "delete_user %s\n", qu) >= 0)
		rc = 0;
	free(qu);
	return rc;
}

/*
 * Why f gets no command although its rule has one (remedy r in this
 * plan), or NULL when it gets one.  *bit says what the command does to
 * the user.
 */
static const char *
script_why_not(const struct output *o, const struct finding *f,
    enum remedy r, unsigned *bit)
{
	int	 k = f->cred == CRED_ACCESS_KEY ? f->slot : -1;

	if (f->rec->is_root)
		return "fix signed in as root";
	if (f->rec->account == NULL || f->rec->account[0] == '\0')
		return "no account id in the report; no command";
	if (o->done & SCRIPT_DONE_USER) {
		*bit = SCRIPT_DONE_USER;
		return "the user is deleted above";
	}
	if (r == REMEDY_DELETE_USER) {
		*bit = SCRIPT_DONE_USER;
		return NULL;
	}
	if (r == REMEDY_DELETE_PASSWORD) {
		*bit = SCRIPT_DONE_PASSWORD;
		return o->done & *bit ?
		    "the console password is removed above" : NULL;
	}
	if (k == -1)
		return "not an access key; no command";
	*bit = k == 0 ? SCRIPT_DONE_KEY1 : SCRIPT_DONE_KEY2;
	if (o->done & *bit)
		return r == REMEDY_DELETE_KEY ?
		    "this access key is deleted above" :
		    "this access key is deactivated above";
	if (f->rec->key[k].last_rotated.kind != TIME_SET)
		return "the report gives no creation time for this key; "
		    "no command";
	return NULL;
}

/* Is s an account id as IAM writes it, twelve digits? */
static bool
script_account_fit(const char *s)
{
	size_t	 i;

	for (i = 0; i < 12; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[12] == '\0';
}

/*
 * A value no command may carry, for a finding that would otherwise get
 * one: comments only, the value escaped by script_note.  Returns 1 when
 * the finding was handled so, 0 when its values are fit, -1 on a failed
 * write.
 */
static int
script_unfit(struct output *o, const struct finding *f)
{
	const struct user_record	*rec = f->rec;
	int				 rc;

	if (rec->is_root || rec->account == NULL || rec->account[0] == '\0')
		return 0;	/* script_why_not says why */
	if (!script_account_fit(rec->account))
		rc = script_header(o, f) == -1 || script_note(o, "no command: "
		    "account id \"%s\" is not twelve digits", rec->account) ==
		    -1 ? -1 : 1;
	else if (!report_user_name_allowed(rec->user, strlen(rec->user)))
		rc = script_header(o, f) == -1 || script_note(o, "no command: "
		    "user name \"%s\" is not one IAM allows (1 to %d of A-Z "
		    "a-z 0-9 +=,.@_-)", rec->user, REPORT_MAX_USER) == -1 ?
		    -1 : 1;
	else
		return 0;
	if (rc == 1)
		o->no_action++;
	return rc;
}

/* A finding that has a command: the command, or why there is none. */
static int
script_action(struct output *o, const struct finding *f, enum remedy r)
{
	const char	*why;
	unsigned	 bit = 0;
	int		 rc;

	if ((rc = script_unfit(o, f)) != 0)
		return rc == -1 ? -1 : 0;
	if (script_track_user(o, f->rec->account != NULL ? f->rec->account :
	    "", f->rec->user) == -1)
		return -1;
	if ((why = script_why_not(o, f, r, &bit)) != NULL) {
		if (bit == 0 || (o->done & bit) == 0)
			o->no_action++;
		return script_header(o, f) == -1 ||
		    script_note(o, "%s", why) == -1 ? -1 : 0;
	}
	if (script_require_account(o, f->rec->account) == -1 ||
	    script_header(o, f) == -1)
		return -1;
	o->done |= bit;
	o->actions++;
	switch (r) {
	case REMEDY_DELETE_PASSWORD:
		return script_delete_password(o, f);
	case REMEDY_DELETE_USER:
		return script_delete_user(o, f);
	case REMEDY_DELETE_KEY:
		return script_delete_key(o, f, bit == SCRIPT_DONE_KEY1 ? 0 : 1);
	default:
		return script_deactivate(o, f, bit == SCRIPT_DONE_KEY1 ? 0 : 1);
	}
}

static int
script_finding(struct output *o, const struct finding *f)
{
	const char	*advice;
	enum remedy	 r;
	int		 rc;

	if (o->inventory)
		return 0;
	r = rules_remedy(o->pol, f, o->plan, &advice);
	if (f->suppressed) {
		rc = script_note(o, "suppressed: %s (%s)", f->id,
		    f->suppress_reason != NULL ? f->suppress_reason : "");
	} else if (r == REMEDY_ADVICE) {
		o->no_action++;
		rc = script_header(o, f) == -1 ||
		    script_note(o, "%s", advice) == -1 ? -1 : 0;
	} else
		rc = script_action(o, f, r);
	if (rc == -1)
		return -1;
	return script_puts(o, "\n");
}

static int
script_end(struct output *o, const struct run_summary *sum)
{
	if (ferror(o->fp))
		return -1;
	if (o->inventory)
		return 0;
	return script_note(o, "%lu action%s, %lu finding%s without an action, "
	    "%lu suppressed finding%s.", o->actions,
	    script_plural(o->actions), o->no_action,
	    script_plural(o->no_action), sum->counts.suppressed,
	    script_plural(sum->counts.suppressed));
}

static void
script_free(struct output *o)
{
	if (o == NULL)
		return;
	free(o->account);
	free(o->user_account);
	free(o->user);
	free(o);
}

/* No user(): the plan has no inventory view; see the top of this file. */
const struct output_ops format_script_ops = {
	"script",
	script_open,
	script_finding,
	NULL,
	script_end,
	script_free,
	OUTPUT_REGION_NONE,
	false
};
