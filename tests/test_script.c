/*
 * Tests of --format script: the plan's exact text for a small hand-made
 * audit, then the plan checked by sh -n and shellcheck and run against a
 * stand-in aws command (testdata/script/aws) that records every call, so
 * the test sees which key was deactivated, which was left alone and that
 * hostile user names reach no command at all and never run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "output.h"
#include "report.h"
#include "rules.h"

#define ACCOUNT		"123456789012"
#define AS_OF		1795392000	/* 2026-11-23T00:00:00Z */
#define T_2016		1476199655	/* 2016-10-11T15:27:35Z */
#define T_2019		1546300800	/* 2019-01-01T00:00:00Z */
#define T_2020		1577934245	/* 2020-01-02T03:04:05Z */
#define T_2021		1620284889	/* 2021-05-06T07:08:09Z */
#define T_2022		1643767322	/* 2022-02-02T02:02:02Z */

#define STUB_AWS	TESTDATA_DIR "/script/aws"

/*
 * The plan's fixed beginning after its header (the intro and the shell
 * helpers), as a golden file: a deliberate change to the helpers is a
 * change to that file, reviewed as a diff.
 */
#define PLAN_HEAD	TESTDATA_DIR "/script/plan-head.sh"
/* The same for --plan delete. */
#define PLAN_DELETE_HEAD	TESTDATA_DIR "/script/plan-delete-head.sh"

/* What the stand-in aws records for each kind of call. */
#define CALL_WHOAMI \
	"[sts]\n[get-caller-identity]\n[--query]\n[Account]\n[--output]\n" \
	"[text]\n\n"
#define CALL_LIST(user) \
	"[iam]\n[list-access-keys]\n[--user-name]\n[" user "]\n[--query]\n" \
	"[AccessKeyMetadata[].[AccessKeyId,CreateDate]]\n[--output]\n" \
	"[text]\n\n"
#define CALL_DEACTIVATE(user, key) \
	"[iam]\n[update-access-key]\n[--user-name]\n[" user "]\n" \
	"[--access-key-id]\n[" key "]\n[--status]\n[Inactive]\n\n"
#define CALL_LIST3(user) \
	"[iam]\n[list-access-keys]\n[--user-name]\n[" user "]\n[--query]\n" \
	"[AccessKeyMetadata[].[AccessKeyId,CreateDate,Status]]\n[--output]\n" \
	"[text]\n\n"
#define CALL_DELETE_KEY(user, key) \
	"[iam]\n[delete-access-key]\n[--user-name]\n[" user "]\n" \
	"[--access-key-id]\n[" key "]\n\n"
#define CALL_DELETE_PASSWORD(user) \
	"[iam]\n[delete-login-profile]\n[--user-name]\n[" user "]\n\n"

/* Every character IAM allows in a user name, and the longest name. */
#define NAME_PUNCT	"Az09+=,.@_-"
#define NAME_LONGEST	"u234567890123456789012345678901234567890" \
			"123456789012345678901234"

/* Hostile names: each would run a command if it reached sh unquoted. */
#define NAME_DOLLAR	"$(touch pwned)"
#define NAME_BACKTICK	"`touch pwned`; touch  pwned2"
#define NAME_NEWLINE	"line\ntouch pwned3"

static void
rec_init(struct user_record *rec, const char *account, const char *user)
{
	fixture_record(rec, "report.csv", 2, account, user,
	    "arn:aws:iam::" ACCOUNT ":user/x", T_2016 - 86400);
}

static void
rec_key(struct user_record *rec, int k, int64_t created)
{
	rec->key[k].state = SLOT_ACTIVE;
	rec->key[k].last_rotated.kind = TIME_SET;
	rec->key[k].last_rotated.t = created;
	rec->key[k].last_used.kind = TIME_NA;
}

static void
info_init(struct run_info *info, struct policy *pol, bool inventory)
{
	memset(pol, 0, sizeof(*pol));
	pol->as_of = AS_OF;
	memset(info, 0, sizeof(*info));
	info->version = "1.0.0";
	info->policy = pol;
	info->inventory = inventory;
	info->opts.source = "report.csv";
}

/* The plan of the given kind for n findings; the caller frees it. */
static char *
plan_make_as(enum plan kind, const struct finding *fs, size_t n)
{
	const struct output_ops	*ops = output_lookup("script");
	struct run_summary	 sum;
	struct run_info		 info;
	struct policy		 pol;
	struct output		*out;
	char			*text = NULL;
	size_t			 len, i;
	FILE			*fp;

	info_init(&info, &pol, false);
	info.opts.plan = kind;
	memset(&sum, 0, sizeof(sum));
	fp = open_memstream(&text, &len);
	assert_non_null(fp);
	out = ops->open(fp, &info);
	assert_non_null(out);
	for (i = 0; i < n; i++) {
		finding_counts_count(&sum.counts, &fs[i]);
		assert_int_equal(output_finding(ops, out, &fs[i]), 0);
	}
	assert_int_equal(output_end(ops, out, &sum), 0);
	output_free(ops, out);
	assert_int_equal(fclose(fp), 0);
	return text;
}

/* The deactivation plan, the default. */
static char *
plan_make(const struct finding *fs, size_t n)
{
	return plan_make_as(PLAN_DEACTIVATE, fs, n);
}

static void
file_write(const char *path, const char *text, mode_t mode)
{
	FILE	*fp = fopen(path, "w");

	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) == EOF, 0);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static char *
file_read(const char *path)
{
	char	*buf;
	size_t	 len;
	FILE	*fp = fopen(path, "rb");

	assert_non_null(fp);
	buf = malloc(1 << 20);
	assert_non_null(buf);
	len = fread(buf, 1, (1 << 20) - 1, fp);
	assert_int_equal(ferror(fp), 0);
	buf[len] = '\0';
	fclose(fp);
	return buf;
}

static void
file_expect(const char *dir, const char *name, const char *expected)
{
	char	 path[512];
	char	*text;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	text = file_read(path);
	assert_string_equal(text, expected);
	free(text);
}

static bool
file_exists(const char *dir, const char *name)
{
	char	 path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return access(path, F_OK) == 0;
}

/* Run a shell command line; its exit status, or -1 when killed. */
static int
run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
run(const char *fmt, ...)
{
	char	 cmd[2048];
	va_list	 ap;
	int	 rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	rc = system(cmd);
	return rc != -1 && WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/*
 * Setup: a scratch directory holding bin/aws, the stand-in, copied so
 * that it is executable whatever the checkout did to file modes.  The
 * directory's name is the test's state; teardown removes it, also after
 * a failed assertion.
 */
static int
scratch_setup(void **state)
{
	char	 path[512];
	char	*dir, *stub;

	if ((dir = strdup("/tmp/credaudit-script-XXXXXX")) == NULL ||
	    mkdtemp(dir) == NULL)
		return -1;
	*state = dir;
	snprintf(path, sizeof(path), "%s/bin", dir);
	if (mkdir(path, 0755) == -1)
		return -1;
	stub = file_read(STUB_AWS);
	snprintf(path, sizeof(path), "%s/bin/aws", dir);
	file_write(path, stub, 0755);
	free(stub);
	return 0;
}

static int
scratch_teardown(void **state)
{
	char	*dir = *state;
	int	 rc = 0;

	if (dir != NULL && strncmp(dir, "/tmp/credaudit-script-", 22) == 0)
		rc = run("rm -rf '%s'", dir) == 0 ? 0 : -1;
	free(dir);
	return rc;
}

/* The lines aws list-access-keys answers with, in the scratch directory. */
static void
scratch_keys(const char *dir, const char *keys)
{
	char	 path[512];

	snprintf(path, sizeof(path), "%s/keys", dir);
	file_write(path, keys, 0644);
}

/* Write the plan to DIR/plan.sh and check it with sh -n and shellcheck. */
static void
plan_check(const char *dir, const char *plan, const char *exclude)
{
	char	 path[512];

	snprintf(path, sizeof(path), "%s/plan.sh", dir);
	file_write(path, plan, 0644);
	assert_int_equal(run("sh -n '%s'", path), 0);
	if (run("command -v shellcheck >/dev/null") != 0)
		fail_msg("shellcheck is not installed; it is required");
	assert_int_equal(run("shellcheck -s sh %s '%s'", exclude, path), 0);
}

/* Run DIR/plan.sh in DIR with only the stand-in aws on PATH. */
static int
plan_run(const char *dir, const char *account)
{
	return run("cd '%s' && env -i PATH='%s/bin:/usr/bin:/bin' "
	    "AWS_STUB_LOG='%s/calls' AWS_STUB_ACCOUNT='%s' "
	    "AWS_STUB_KEYS='%s/keys' sh ./plan.sh >out 2>err", dir, dir, dir,
	    account, dir);
}

static void
test_script_plan_exact(void **state)
{
	static const char	 header[] =
	    "#!/bin/sh\n"
	    "# credaudit 1.0.0 remediation plan\n"
	    "# source: report.csv\n"
	    "# as of: 2026-11-23T00:00:00Z\n";
	static const char	 findings[] =
	    "# 123456789012:<root_account>:root-no-mfa:mfa (critical)\n"
	    "# root has no MFA\n"
	    "# controls: cis-3.0:1.5, cis-4.0.1:1.5, cis-5.0:1.4, "
	    "cis-6.0:2.4, cis-7.0:2.5, fsbp:IAM.9, "
	    "config:root-account-mfa-enabled\n"
	    "# fix signed in as root: assign an MFA device to the root user\n"
	    "\n"
	    "require_account '123456789012'\n"
	    "\n"
	    "# 123456789012:alice:unused-access-key:access_key_1 (medium)\n"
	    "# access key 1 unused for 3695 days\n"
	    "# controls: cis-3.0:1.12, cis-4.0.1:1.12, cis-5.0:1.11, "
	    "cis-6.0:2.11, cis-7.0:2.11, fsbp:IAM.8, fsbp:IAM.22, "
	    "config:iam-user-unused-credentials-check, "
	    "access-analyzer:UnusedIAMUserAccessKey\n"
	    "deactivate_key 'alice' '2016-10-11T15:27:35Z'\n"
	    "# rollback: aws iam update-access-key --user-name 'alice' "
	    "--access-key-id <id> --status Active\n"
	    "\n"
	    "# 123456789012:alice:access-key-not-rotated:access_key_1 "
	    "(medium)\n"
	    "# access key 1 not rotated for 3695 days\n"
	    "# controls: cis-3.0:1.14, cis-4.0.1:1.14, cis-5.0:1.13, "
	    "cis-6.0:2.13, cis-7.0:2.12, fsbp:IAM.3, "
	    "config:access-keys-rotated\n"
	    "# this access key is deactivated above\n"
	    "\n"
	    "# 123456789012:o'brien:console-without-mfa:password (high)\n"
	    "# console password without MFA\n"
	    "# controls: cis-3.0:1.10, cis-4.0.1:1.10, cis-5.0:1.9, "
	    "cis-6.0:2.9, cis-7.0:2.10, fsbp:IAM.5, "
	    "config:mfa-enabled-for-iam-console-access\n"
	    "# suggestion: assign an MFA device to the user, or remove the "
	    "console password\n"
	    "\n"
	    "# 123456789012:o'brien:unused-password:password (medium)\n"
	    "# password unused for 200 days\n"
	    "# controls: cis-3.0:1.12, cis-4.0.1:1.12, cis-5.0:1.11, "
	    "cis-6.0:2.11, cis-7.0:2.11, fsbp:IAM.8, fsbp:IAM.22, "
	    "config:iam-user-unused-credentials-check, "
	    "access-analyzer:UnusedIAMUserPassword\n"
	    "# no command: user name \"o'brien\" is not one IAM allows "
	    "(1 to 64 of A-Z a-z 0-9 +=,.@_-)\n"
	    "\n"
	    "# 123456789012:" NAME_PUNCT ":unused-password:password (medium)\n"
	    "# password unused for 300 days\n"
	    "# controls: cis-3.0:1.12, cis-4.0.1:1.12, cis-5.0:1.11, "
	    "cis-6.0:2.11, cis-7.0:2.11, fsbp:IAM.8, fsbp:IAM.22, "
	    "config:iam-user-unused-credentials-check, "
	    "access-analyzer:UnusedIAMUserPassword\n"
	    "aws iam delete-login-profile --user-name '" NAME_PUNCT "'\n"
	    "# rollback: aws iam create-login-profile --user-name "
	    "'" NAME_PUNCT "' --password-reset-required --password <new "
	    "temporary password>\n"
	    "\n"
	    "# 123456789012:carol:unused-access-key:access_key_2 (medium)\n"
	    "# access key 2 unused for 100 days\n"
	    "# controls: cis-3.0:1.12, cis-4.0.1:1.12, cis-5.0:1.11, "
	    "cis-6.0:2.11, cis-7.0:2.11, fsbp:IAM.8, fsbp:IAM.22, "
	    "config:iam-user-unused-credentials-check, "
	    "access-analyzer:UnusedIAMUserAccessKey\n"
	    "# the report gives no creation time for this key; no command\n"
	    "\n"
	    "# suppressed: 123456789012:dave:dormant-user:user (service "
	    "account, reviewed)\n"
	    "\n"
	    "# 2 actions, 4 findings without an action, 1 suppressed "
	    "finding.\n";
	struct user_record	 root, alice, obrien, punct, carol, dave;
	struct finding		 fs[8];
	const char		*dir = *state;
	char			*plan, *head, *expected;

	head = file_read(PLAN_HEAD);
	expected = malloc(sizeof(header) + strlen(head) + sizeof(findings));
	assert_non_null(expected);
	strcpy(expected, header);
	strcat(expected, head);
	strcat(expected, findings);
	rec_init(&root, ACCOUNT, "<root_account>");
	root.is_root = true;
	rec_init(&alice, ACCOUNT, "alice");
	rec_key(&alice, 0, T_2016);
	rec_init(&obrien, ACCOUNT, "o'brien");
	obrien.password = PASSWORD_ENABLED;
	rec_init(&carol, ACCOUNT, "carol");
	carol.key[1].state = SLOT_ACTIVE;
	carol.key[1].last_rotated.kind = TIME_NA;
	rec_init(&dave, ACCOUNT, "dave");
	fixture_finding(&fs[0], RULE_ROOT_NO_MFA, &root, CRED_MFA, -1,
	    "root has no MFA");
	fixture_finding(&fs[1], RULE_UNUSED_ACCESS_KEY, &alice,
	    CRED_ACCESS_KEY, 0, "access key 1 unused for 3695 days");
	fixture_finding(&fs[2], RULE_ACCESS_KEY_NOT_ROTATED, &alice,
	    CRED_ACCESS_KEY, 0, "access key 1 not rotated for 3695 days");
	fixture_finding(&fs[3], RULE_CONSOLE_WITHOUT_MFA, &obrien,
	    CRED_PASSWORD, -1, "console password without MFA");
	fixture_finding(&fs[4], RULE_UNUSED_PASSWORD, &obrien,
	    CRED_PASSWORD, -1, "password unused for 200 days");
	rec_init(&punct, ACCOUNT, NAME_PUNCT);
	punct.password = PASSWORD_ENABLED;
	fixture_finding(&fs[5], RULE_UNUSED_PASSWORD, &punct,
	    CRED_PASSWORD, -1, "password unused for 300 days");
	fixture_finding(&fs[6], RULE_UNUSED_ACCESS_KEY, &carol,
	    CRED_ACCESS_KEY, 1, "access key 2 unused for 100 days");
	fixture_finding(&fs[7], RULE_DORMANT_USER, &dave, CRED_USER, -1,
	    "dave idle for 400 days");
	fs[7].suppressed = true;
	fs[7].suppress_reason = "service account, reviewed";

	plan = plan_make(fs, 8);
	assert_string_equal(plan, expected);
	plan_check(dir, plan, "");
	free(plan);
	free(expected);
	free(head);
}

static void
test_script_plan_inventory(void **state)
{
	static const char	 expected[] =
	    "#!/bin/sh\n"
	    "# credaudit 1.0.0 remediation plan\n"
	    "# source: report.csv\n"
	    "# as of: 2026-11-23T00:00:00Z\n"
	    "# The script format has no inventory view; nothing to do.\n";
	const struct output_ops	*ops = output_lookup("script");
	struct inventory_row	 row;
	struct user_record	 rec;
	struct run_summary	 sum;
	struct run_info		 info;
	struct policy		 pol;
	struct output		*out;
	char			*text = NULL;
	size_t			 len;
	FILE			*fp;

	(void)state;
	info_init(&info, &pol, true);
	memset(&sum, 0, sizeof(sum));
	rec_init(&rec, ACCOUNT, "alice");
	memset(&row, 0, sizeof(row));
	row.rec = &rec;
	fp = open_memstream(&text, &len);
	assert_non_null(fp);
	out = ops->open(fp, &info);
	assert_non_null(out);
	assert_int_equal(output_user(ops, out, &row), 0);
	assert_int_equal(output_end(ops, out, &sum), 0);
	output_free(ops, out);
	assert_int_equal(fclose(fp), 0);
	assert_string_equal(text, expected);
	free(text);
}

static void
test_script_plan_accounts_and_status(void **state)
{
	struct user_record	 a, b;
	struct finding		 fs[2];
	char			*plan;

	(void)state;
	rec_init(&a, "111111111111", "alice");
	rec_key(&a, 0, T_2016);
	rec_init(&b, "222222222222", "alice");
	rec_key(&b, 0, T_2016);
	fixture_finding(&fs[0], RULE_UNUSED_ACCESS_KEY, &a,
	    CRED_ACCESS_KEY, 0, "m");
	fs[0].status = FINDING_STATUS_NEW;
	fixture_finding(&fs[1], RULE_UNUSED_ACCESS_KEY, &b,
	    CRED_ACCESS_KEY, 0, "m");
	fs[1].status = FINDING_STATUS_EXISTING;
	plan = plan_make(fs, 2);
	/* Same user name in two accounts: two checks, two commands. */
	assert_non_null(strstr(plan, "\n\nrequire_account '111111111111'\n\n"
	    "# 111111111111:alice:unused-access-key:access_key_1 (medium, "
	    "new)\n# m\n"));
	assert_non_null(strstr(plan, "\n\nrequire_account '222222222222'\n\n"
	    "# 222222222222:alice:unused-access-key:access_key_1 (medium, "
	    "existing)\n# m\n"));
	assert_non_null(strstr(plan, "# 2 actions, 0 findings without an "
	    "action, 0 suppressed findings.\n"));
	free(plan);
}

static size_t
count(const char *text, const char *what)
{
	size_t	 n = 0;

	for (; (text = strstr(text, what)) != NULL; text++)
		n++;
	return n;
}

static void
test_script_plan_duplicate_row(void **state)
{
	struct user_record	 bob;
	struct finding		 fs[4];
	char			*plan;

	(void)state;
	/* The report lists bob twice; the second row repeats the first. */
	rec_init(&bob, ACCOUNT, "bob");
	bob.password = PASSWORD_ENABLED;
	rec_key(&bob, 0, T_2016);
	fixture_finding(&fs[0], RULE_UNUSED_PASSWORD, &bob,
	    CRED_PASSWORD, -1, "p");
	fixture_finding(&fs[1], RULE_UNUSED_ACCESS_KEY, &bob,
	    CRED_ACCESS_KEY, 0, "k");
	fs[2] = fs[0];
	fs[3] = fs[1];
	plan = plan_make(fs, 4);
	assert_int_equal(count(plan, "\naws iam delete-login-profile "
	    "--user-name 'bob'\n"), 1);
	assert_int_equal(count(plan, "\ndeactivate_key 'bob' "
	    "'2016-10-11T15:27:35Z'\n"), 1);
	assert_int_equal(count(plan, "\n# the console password is removed "
	    "above\n"), 1);
	assert_int_equal(count(plan, "\n# this access key is deactivated "
	    "above\n"), 1);
	assert_int_equal(count(plan, "\nrequire_account "), 1);
	assert_non_null(strstr(plan, "\n# 2 actions, 0 findings without an "
	    "action, 0 suppressed findings.\n"));
	free(plan);
}

static void
test_script_plan_no_account(void **state)
{
	struct user_record	 rec;
	struct finding		 f;
	char			*plan;

	(void)state;
	rec_init(&rec, "", "bob");
	rec.password = PASSWORD_ENABLED;
	fixture_finding(&f, RULE_UNUSED_PASSWORD, &rec, CRED_PASSWORD, -1, "p");
	plan = plan_make(&f, 1);
	assert_non_null(strstr(plan, "\n# p\n# controls: cis-3.0:1.12, "
	    "cis-4.0.1:1.12, cis-5.0:1.11, cis-6.0:2.11, cis-7.0:2.11, "
	    "fsbp:IAM.8, fsbp:IAM.22, "
	    "config:iam-user-unused-credentials-check, "
	    "access-analyzer:UnusedIAMUserPassword\n# no account id in the "
	    "report; no command\n\n# 0 actions, 1 finding without an action, "
	    "0 suppressed findings.\n"));
	assert_null(strstr(plan, "\nrequire_account "));
	assert_null(strstr(plan, "\naws "));
	free(plan);
}

/* Every byte is printable ASCII, a tab or a newline. */
static void
assert_plan_ascii(const char *plan)
{
	const char	*p;

	for (p = plan; *p != '\0'; p++)
		if (*p != '\n' && *p != '\t' && ((unsigned char)*p < 0x20 ||
		    (unsigned char)*p >= 0x7f))
			fail_msg("byte 0x%02x at offset %zu of the plan",
			    (unsigned char)*p, (size_t)(p - plan));
}

static void
test_script_plan_comment_cannot_break(void **state)
{
	struct user_record	 rec;
	struct finding		 f;
	char			*plan;

	(void)state;
	rec_init(&rec, ACCOUNT, "evil\nrm -rf /\r");
	fixture_finding(&f, RULE_CONSOLE_WITHOUT_MFA, &rec, CRED_PASSWORD, -1,
	    "line one\nline two\x1b[2J");
	plan = plan_make(&f, 1);
	assert_non_null(strstr(plan, "\n# 123456789012:evil\\x0arm -rf "
	    "/\\x0d:console-without-mfa:password (high)\n"
	    "# line one\\x0aline two\\x1b[2J\n"));
	assert_null(strstr(plan, "\nrm -rf"));
	assert_plan_ascii(plan);
	free(plan);
}

/*
 * A user name IAM would never write gets no command at all, only the
 * finding's comments and one saying why, the name escaped; a name of
 * IAM's characters still gets its command.
 */
static void
test_script_plan_unfit_names_get_no_command(void **state)
{
	static const char *const unfit[] = {
		/* Deleting the first line of a command would run the next. */
		"svc-old\naws iam delete-user --user-name admin #",
		"ops\x1b]0;owned\x07",		/* retitles the terminal */
		"admin\xe2\x80\xaegnp.exe",	/* right-to-left override */
		"caf\\xe9",			/* invalid UTF-8 as the loader writes it */
		"o'brien",
		"$(touch pwned)",
		"two words",
		NAME_LONGEST "5",		/* 65 characters */
		"",
	};
	static const char *const shown[] = {
		"svc-old\\x0aaws iam delete-user --user-name admin #",
		"ops\\x1b]0;owned\\x07",
		"admin\\xe2\\x80\\xaegnp.exe",
		"caf\\xe9",
		"o'brien",
		"$(touch pwned)",
		"two words",
		NAME_LONGEST "5",
		"",
	};
	enum { N = sizeof(unfit) / sizeof(unfit[0]) };
	struct user_record	 recs[N + 2];
	struct finding		 fs[N + 2];
	char			 want[512];
	char			*plan;
	size_t			 i;

	(void)state;
	for (i = 0; i < N; i++) {
		rec_init(&recs[i], ACCOUNT, unfit[i]);
		rec_key(&recs[i], 0, T_2016);
		fixture_finding(&fs[i], RULE_UNUSED_ACCESS_KEY, &recs[i],
		    CRED_ACCESS_KEY, 0, "unused");
	}
	/* An account id that is not twelve digits. */
	rec_init(&recs[N], "12345678901x", "alice");
	rec_key(&recs[N], 0, T_2016);
	fixture_finding(&fs[N], RULE_UNUSED_ACCESS_KEY, &recs[N],
	    CRED_ACCESS_KEY, 0, "unused");
	rec_init(&recs[N + 1], ACCOUNT, NAME_LONGEST);
	recs[N + 1].password = PASSWORD_ENABLED;
	fixture_finding(&fs[N + 1], RULE_UNUSED_PASSWORD, &recs[N + 1],
	    CRED_PASSWORD, -1, "unused");
	plan = plan_make(fs, N + 2);
	for (i = 0; i < N; i++) {
		snprintf(want, sizeof(want), "\n# no command: user name \"%s\" "
		    "is not one IAM allows (1 to 64 of A-Z a-z 0-9 +=,.@_-)\n\n",
		    shown[i]);
		if (strstr(plan, want) == NULL)
			fail_msg("no \"%s\" in the plan", want);
	}
	assert_non_null(strstr(plan, "\n# no command: account id "
	    "\"12345678901x\" is not twelve digits\n\n"));
	/* Only the 64-character name reaches a command. */
	assert_int_equal(count(plan, "\ndeactivate_key "), 0);
	assert_int_equal(count(plan, "\nrequire_account "), 1);
	assert_int_equal(count(plan, "\naws iam"), 1);
	assert_non_null(strstr(plan, "\naws iam delete-login-profile "
	    "--user-name '" NAME_LONGEST "'\n"));
	assert_non_null(strstr(plan, "\n# 1 action, 10 findings without an "
	    "action, 0 suppressed findings.\n"));
	assert_plan_ascii(plan);
	free(plan);
}

/* A reason or a file name from outside is escaped like any value. */
static void
test_script_plan_notes_are_ascii(void **state)
{
	struct user_record	 rec;
	struct finding		 f;
	char			*plan;

	(void)state;
	rec_init(&rec, ACCOUNT, "zo\xc3\xab");
	fixture_finding(&f, RULE_DORMANT_USER, &rec, CRED_USER, -1, "idle");
	f.suppressed = true;
	f.suppress_reason = "owner: Zo\xc3\xab\x1b[2J";
	plan = plan_make(&f, 1);
	assert_non_null(strstr(plan, "\n# suppressed: 123456789012:"
	    "zo\\xc3\\xab:dormant-user:user (owner: Zo\\xc3\\xab\\x1b[2J)\n"));
	assert_plan_ascii(plan);
	free(plan);
}

static void
test_script_write_failure(void **state)
{
	const struct output_ops	*ops = output_lookup("script");
	struct user_record	 rec;
	struct run_summary	 sum;
	struct run_info		 info;
	struct policy		 pol;
	struct finding		 f;
	struct output		*out;
	FILE			*fp;

	(void)state;
	info_init(&info, &pol, false);
	memset(&sum, 0, sizeof(sum));
	rec_init(&rec, ACCOUNT, "alice");
	rec_key(&rec, 0, T_2016);
	fixture_finding(&f, RULE_UNUSED_ACCESS_KEY, &rec,
	    CRED_ACCESS_KEY, 0, "m");
	if ((fp = fopen("/dev/full", "w")) == NULL)
		skip();
	assert_int_equal(setvbuf(fp, NULL, _IONBF, 0), 0);
	out = ops->open(fp, &info);
	assert_non_null(out);
	assert_int_equal(output_finding(ops, out, &f), -1);
	assert_int_equal(output_end(ops, out, &sum), -1);
	output_free(ops, out);
	fclose(fp);
}

static void
test_script_run_against_stub(void **state)
{
	static const char	 keys[] =
	    "AKIAKEY1PUNCT0000001\t2016-10-11T15:27:35+00:00\n"
	    "AKIAKEY2BACKTICK0002\t2020-01-02T03:04:05Z\n"
	    "AKIAKEY3FRACTION0003\t2021-05-06T07:08:09.000000+00:00\n"
	    /* 2018-12-31T19:00:00Z: the same digits, another moment. */
	    "AKIAKEY4OFFSET000004\t2019-01-01T00:00:00+05:00\n"
	    "AKIAKEY5TWIN00000005\t2022-02-02T02:02:02+00:00\n"
	    "AKIAKEY6TWIN00000006\t2022-02-02T02:02:02Z\n";
	/* The hostile names reach no call at all. */
	static const char	 calls[] =
	    CALL_WHOAMI
	    CALL_LIST(NAME_PUNCT)
	    CALL_DEACTIVATE(NAME_PUNCT, "AKIAKEY1PUNCT0000001")
	    CALL_LIST("zone")
	    CALL_LIST("twin")
	    CALL_LIST("frac")
	    CALL_DEACTIVATE("frac", "AKIAKEY3FRACTION0003");
	static const char	 out[] =
	    "credaudit: deactivated access key AKIAKEY1PUNCT0000001 of "
	    NAME_PUNCT "\n"
	    "credaudit: deactivated access key AKIAKEY3FRACTION0003 of frac\n";
	static const char	 err[] =
	    "credaudit: no access key of zone created at "
	    "2019-01-01T00:00:00Z; skipped\n"
	    "credaudit: 2 access keys of twin created at "
	    "2022-02-02T02:02:02Z; skipped\n";
	struct user_record	 punct, obrien, dollar, backtick, newline, zone;
	struct user_record	 twin, frac;
	struct finding		 fs[9];
	const char		*dir = *state;
	char			*plan;

	rec_init(&punct, ACCOUNT, NAME_PUNCT);
	rec_key(&punct, 0, T_2016);
	rec_init(&obrien, ACCOUNT, "o'brien");
	rec_key(&obrien, 0, T_2016);
	rec_init(&dollar, ACCOUNT, NAME_DOLLAR);
	dollar.password = PASSWORD_ENABLED;
	rec_init(&backtick, ACCOUNT, NAME_BACKTICK);
	rec_key(&backtick, 1, T_2020);
	rec_init(&newline, ACCOUNT, NAME_NEWLINE);
	rec_key(&newline, 0, T_2019);
	rec_init(&zone, ACCOUNT, "zone");
	rec_key(&zone, 0, T_2019);
	rec_init(&twin, ACCOUNT, "twin");
	rec_key(&twin, 0, T_2022);
	rec_init(&frac, ACCOUNT, "frac");
	rec_key(&frac, 1, T_2021);
	fixture_finding(&fs[0], RULE_UNUSED_ACCESS_KEY, &punct,
	    CRED_ACCESS_KEY, 0, "unused");
	fixture_finding(&fs[1], RULE_ACCESS_KEY_NOT_ROTATED, &punct,
	    CRED_ACCESS_KEY, 0, "not rotated");
	fixture_finding(&fs[2], RULE_UNUSED_ACCESS_KEY, &obrien,
	    CRED_ACCESS_KEY, 0, "unused");
	fixture_finding(&fs[3], RULE_UNUSED_PASSWORD, &dollar,
	    CRED_PASSWORD, -1, "unused");
	fixture_finding(&fs[4], RULE_UNUSED_ACCESS_KEY, &backtick,
	    CRED_ACCESS_KEY, 1, "unused");
	fixture_finding(&fs[5], RULE_ACCESS_KEY_NOT_ROTATED, &newline,
	    CRED_ACCESS_KEY, 0, "not rotated");
	fixture_finding(&fs[6], RULE_ACCESS_KEY_NOT_ROTATED, &zone,
	    CRED_ACCESS_KEY, 0, "not rotated");
	fixture_finding(&fs[7], RULE_UNUSED_ACCESS_KEY, &twin,
	    CRED_ACCESS_KEY, 0, "unused");
	fixture_finding(&fs[8], RULE_ACCESS_KEY_NOT_ROTATED, &frac,
	    CRED_ACCESS_KEY, 1, "not rotated");

	plan = plan_make(fs, 9);
	scratch_keys(dir, keys);
	plan_check(dir, plan, "");
	free(plan);
	assert_int_equal(plan_run(dir, ACCOUNT), 0);
	file_expect(dir, "calls", calls);
	file_expect(dir, "out", out);
	file_expect(dir, "err", err);
	assert_false(file_exists(dir, "pwned"));
	assert_false(file_exists(dir, "pwned2"));
	assert_false(file_exists(dir, "pwned3"));
}

/*
 * --plan delete against the stand-in: an inactive key is deleted, one
 * active again is left, a hostile name stays a name, a user with an
 * active key at run time is left whole, and root gets a comment only.
 */
static void
test_script_delete_plan_against_stub(void **state)
{
	static const char	 keys[] =
	    "AKIAKEY1SAM000000001\t2020-01-02T03:04:05Z\tInactive\n"
	    "AKIAKEY2AGAIN0000002\t2021-05-06T07:08:09+00:00\tActive\n"
	    "AKIAKEY3DOLLAR000003\t2022-02-02T02:02:02Z\tInactive\n";
	/* A name IAM could not have written is deleted by no command. */
	static const char	 calls[] =
	    CALL_WHOAMI
	    CALL_LIST3("sam")
	    CALL_DELETE_KEY("sam", "AKIAKEY1SAM000000001")
	    CALL_LIST3("again")
	    "[iam]\n[get-login-profile]\n[--user-name]\n[pat]\n\n"
	    CALL_LIST3("pat");
	static const char	 out[] =
	    "# deleting access key AKIAKEY1SAM000000001 of sam, created "
	    "2020-01-02T03:04:05Z\n"
	    "credaudit: deleted access key AKIAKEY1SAM000000001 of sam\n";
	static const char	 err[] =
	    "credaudit: access key AKIAKEY2AGAIN0000002 of again is Active; "
	    "skipped\n"
	    "credaudit: pat has an active access key AKIAKEY2AGAIN0000002; "
	    "skipped\n";
	struct user_record	 root, sam, again, dollar, pat;
	struct finding		 fs[5];
	const char		*dir = *state;
	char			*plan, *head;

	rec_init(&root, ACCOUNT, "<root_account>");
	root.is_root = true;
	rec_key(&root, 0, T_2019);
	root.key[0].state = SLOT_INACTIVE;
	rec_init(&sam, ACCOUNT, "sam");
	rec_key(&sam, 0, T_2020);
	sam.key[0].state = SLOT_INACTIVE;
	rec_init(&again, ACCOUNT, "again");
	rec_key(&again, 0, T_2021);
	again.key[0].state = SLOT_INACTIVE;
	rec_init(&dollar, ACCOUNT, NAME_DOLLAR);
	rec_key(&dollar, 0, T_2022);
	dollar.key[0].state = SLOT_INACTIVE;
	rec_init(&pat, ACCOUNT, "pat");
	/* A root finding that would delete: the backstop leaves a comment. */
	fixture_finding(&fs[0], RULE_INACTIVE_ACCESS_KEY, &root,
	    CRED_ACCESS_KEY, 0, "inactive");
	fixture_finding(&fs[1], RULE_INACTIVE_ACCESS_KEY, &sam,
	    CRED_ACCESS_KEY, 0, "inactive");
	fixture_finding(&fs[2], RULE_INACTIVE_ACCESS_KEY, &again,
	    CRED_ACCESS_KEY, 0, "inactive");
	fixture_finding(&fs[3], RULE_INACTIVE_ACCESS_KEY, &dollar,
	    CRED_ACCESS_KEY, 0, "inactive");
	fixture_finding(&fs[4], RULE_DORMANT_USER, &pat, CRED_USER, -1,
	    "dormant");

	plan = plan_make_as(PLAN_DELETE, fs, 5);
	head = file_read(PLAN_DELETE_HEAD);
	assert_non_null(strstr(plan, head));
	free(head);
	assert_non_null(strstr(plan, "# fix signed in as root: nothing of "
	    "root is deleted by a plan\n"));
	assert_non_null(strstr(plan, "delete_key 'sam' "
	    "'2020-01-02T03:04:05Z'\n"));
	assert_non_null(strstr(plan, "delete_user 'pat'\n"));
	assert_non_null(strstr(plan, "\n# no command: user name \""
	    NAME_DOLLAR "\" is not one IAM allows (1 to 64 of A-Z a-z 0-9 "
	    "+=,.@_-)\n"));
	assert_null(strstr(plan, "delete_key '" NAME_DOLLAR));
	assert_non_null(strstr(plan, "# 3 actions, 2 findings without an "
	    "action, 0 suppressed findings.\n"));
	scratch_keys(dir, keys);
	plan_check(dir, plan, "--exclude=SC2016");
	free(plan);
	assert_int_equal(plan_run(dir, ACCOUNT), 0);
	file_expect(dir, "calls", calls);
	file_expect(dir, "out", out);
	file_expect(dir, "err", err);
	assert_false(file_exists(dir, "pwned"));
}

static void
test_script_run_wrong_account_stops(void **state)
{
	struct user_record	 rec;
	struct finding		 f;
	const char		*dir = *state;
	char			*plan;

	rec_init(&rec, "210987654321", "alice");
	rec_key(&rec, 0, T_2016);
	fixture_finding(&f, RULE_UNUSED_ACCESS_KEY, &rec,
	    CRED_ACCESS_KEY, 0, "m");
	plan = plan_make(&f, 1);
	scratch_keys(dir, "AKIAKEY1ALICE0000001\t2016-10-11T15:27:35Z\n");
	plan_check(dir, plan, "");
	free(plan);
	assert_int_equal(plan_run(dir, ACCOUNT), 1);
	file_expect(dir, "calls", CALL_WHOAMI);
	file_expect(dir, "out", "");
	file_expect(dir, "err", "credaudit: these commands are for account "
	    "210987654321, not 123456789012; stopping\n");
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test_setup_teardown(test_script_plan_exact,
		    scratch_setup, scratch_teardown),
		cmocka_unit_test(test_script_plan_inventory),
		cmocka_unit_test(test_script_plan_accounts_and_status),
		cmocka_unit_test(test_script_plan_duplicate_row),
		cmocka_unit_test(test_script_plan_no_account),
		cmocka_unit_test(test_script_plan_comment_cannot_break),
		cmocka_unit_test(test_script_plan_unfit_names_get_no_command),
		cmocka_unit_test(test_script_plan_notes_are_ascii),
		cmocka_unit_test(test_script_write_failure),
		cmocka_unit_test_setup_teardown(test_script_run_against_stub,
		    scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(
		    test_script_delete_plan_against_stub, scratch_setup,
		    scratch_teardown),
		cmocka_unit_test_setup_teardown(
		    test_script_run_wrong_account_stops, scratch_setup,
		    scratch_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
