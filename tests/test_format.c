/*
 * Tests of the output formats: findings and inventory rows built by
 * hand, written through each format into memory, and compared with the
 * text the contract and each format's layout comment call for.  JSON is
 * also parsed back with cJSON and CSV with libcsv, so structure is
 * checked beside bytes.
 *
 * Times: as_of is 2026-11-23T00:00:00Z (1795392000).  Ages below were
 * worked out from the calendar: 2026-07-26T10:00:00Z is 119 days before
 * it, 2026-11-01T08:00:00Z 21, 2026-11-20T12:00:00Z 2,
 * 2025-06-01T00:00:00Z 540 and 2025-01-15T09:30:00Z 676.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cjson/cJSON.h>
#include <csv.h>

#include "baseline.h"
#include "fixture.h"
#include "output.h"
#include "report.h"
#include "rules.h"

#define AS_OF		1795392000	/* 2026-11-23T00:00:00Z */
#define T_KEY_USED	1785060000	/* 2026-07-26T10:00:00Z */
#define T_CREATED	1736933400	/* 2025-01-15T09:30:00Z */
#define T_PW_CHANGED	1736933700	/* 2025-01-15T09:35:00Z */
#define T_KEY_ROTATED	1736934000	/* 2025-01-15T09:40:00Z */
#define T_PW_USED	1793520000	/* 2026-11-01T08:00:00Z */
#define T_KEY2_ROTATED	1748736000	/* 2025-06-01T00:00:00Z */
#define T_BASELINE	1790812800	/* 2026-10-01T00:00:00Z */
#define T_ROOT_USED	1795176000	/* 2026-11-20T12:00:00Z */

#define ACCOUNT		"123456789012"
#define ALICE_ID	ACCOUNT ":alice:unused-access-key:access_key_1"
#define UAK_CONTROLS	"cis-3.0:1.12;cis-4.0.1:1.12;cis-5.0:1.11;" \
			"cis-6.0:2.11;cis-7.0:2.11;fsbp:IAM.8;fsbp:IAM.22;" \
			"config:iam-user-unused-credentials-check;" \
			"access-analyzer:UnusedIAMUserAccessKey"

/* Everything one test writes from: a policy, run info, users, inputs. */
struct fixture {
	struct policy		 pol;
	struct run_info		 info;
	struct user_record	 root, alice, bob, zoe;
	struct input_info	 input;
	struct run_summary	 sum;
};

/* An output written into memory. */
struct capture {
	char	*buf;
	size_t	 len;
	FILE	*fp;
};

static const struct cred_time	 NA = { TIME_NA, 0 };

static struct cred_time
at(int64_t t)
{
	struct cred_time	 ct = { TIME_SET, t };

	return ct;
}

static void
record_init(struct user_record *rec, const char *user, const char *arn,
    long line)
{
	fixture_record(rec, "r.csv", line, ACCOUNT, user, arn, T_CREATED);
}

/*
 * root: not_supported password used 2 days ago, MFA on, no keys.
 * alice: password used 21 days ago, no MFA, key 1 active used 119 days
 * ago, key 2 inactive rotated 540 days ago.  bob: password disabled
 * ("no_information"), nothing else.  zoe is "zoë" (4 bytes, 3 columns).
 */
static void
fixture_init(struct fixture *fx)
{
	struct user_record	*a = &fx->alice;

	memset(fx, 0, sizeof(*fx));
	policy_init(&fx->pol);
	fx->pol.as_of = AS_OF;
	fx->info.version = "1.0.0";
	fx->info.policy = &fx->pol;
	record_init(&fx->root, "<root_account>", "arn:aws:iam::" ACCOUNT
	    ":root", 2);
	fx->root.is_root = true;
	fx->root.password = PASSWORD_NOT_SUPPORTED;
	fx->root.password_last_used = at(T_ROOT_USED);
	fx->root.password_last_changed.kind = TIME_NOT_SUPPORTED;
	fx->root.mfa_active = true;
	record_init(a, "alice", "arn:aws:iam::" ACCOUNT ":user/alice", 3);
	a->password = PASSWORD_ENABLED;
	a->password_last_used = at(T_PW_USED);
	a->password_last_changed = at(T_PW_CHANGED);
	a->key[0].state = SLOT_ACTIVE;
	a->key[0].last_rotated = at(T_KEY_ROTATED);
	a->key[0].last_used = at(T_KEY_USED);
	a->key[0].last_used_region = "us-east-1";
	a->key[0].last_used_service = "s3";
	a->key[1].state = SLOT_INACTIVE;
	a->key[1].last_rotated = at(T_KEY2_ROTATED);
	record_init(&fx->bob, "bob", "arn:aws:iam::" ACCOUNT ":user/bob", 4);
	fx->bob.password_last_used.kind = TIME_NO_INFORMATION;
	record_init(&fx->zoe, "zo\xc3\xab", "arn:aws:iam::" ACCOUNT
	    ":user/zo\xc3\xab", 5);
	fx->input.path = "r.csv";
	strcpy(fx->input.stats.account, ACCOUNT);
	fx->input.stats.users = 4;
	fx->input.begun = true;
	fx->input.as_of = AS_OF;
	fx->sum.inputs = &fx->input;
	fx->sum.ninputs = 1;
}

static void
finding_days(struct finding *f, int64_t days)
{
	f->has_days = true;
	f->days = days;
}

/* alice's key 1: unused-access-key, 119 days, last used T_KEY_USED. */
static void
finding_alice(struct finding *f, const struct fixture *fx)
{
	fixture_finding(f, RULE_UNUSED_ACCESS_KEY, &fx->alice,
	    CRED_ACCESS_KEY, 0,
	    "access key 1 unused for 119 days; threshold 90");
	finding_days(f, 119);
	f->has_last_used = true;
	f->last_used = T_KEY_USED;
}

/*
 * A run against a baseline (with an as_of when has_as_of): alice's key
 * is new, bob's dormant-user finding existed before.
 */
static void
fixture_baseline(struct fixture *fx, struct finding f[2], bool has_as_of)
{
	fx->info.baseline = true;
	fx->info.baseline_has_as_of = has_as_of;
	fx->info.baseline_as_of = has_as_of ? T_BASELINE : 0;
	finding_alice(&f[0], fx);
	f[0].status = FINDING_STATUS_NEW;
	fixture_finding(&f[1], RULE_DORMANT_USER, &fx->bob, CRED_USER, -1,
	    "idle");
	f[1].status = FINDING_STATUS_EXISTING;
}

static struct output *
capture_open(struct capture *c, const struct output_ops *ops,
    const struct run_info *info)
{
	struct output	*out;

	c->buf = NULL;
	c->len = 0;
	c->fp = open_memstream(&c->buf, &c->len);
	assert_non_null(c->fp);
	out = ops->open(c->fp, info);
	assert_non_null(out);
	return out;
}

/* End the output and return what it wrote; the caller frees it. */
static char *
capture_end(struct capture *c, const struct output_ops *ops,
    struct output *out, const struct run_summary *sum)
{
	assert_int_equal(output_end(ops, out, sum), 0);
	output_free(ops, out);
	assert_int_equal(fclose(c->fp), 0);
	return c->buf;
}

/* Write n findings (counted into fx->sum) through ops; caller frees. */
static char *
run_findings(struct fixture *fx, const struct output_ops *ops,
    const struct finding *f, size_t n)
{
	struct capture	 c;
	struct output	*out;
	size_t		 i;

	out = capture_open(&c, ops, &fx->info);
	for (i = 0; i < n; i++) {
		finding_counts_count(&fx->sum.counts, &f[i]);
		assert_int_equal(output_finding(ops, out, &f[i]), 0);
	}
	return capture_end(&c, ops, out, &fx->sum);
}

/* Write the inventory rows root, alice, bob through ops; caller frees. */
static char *
run_inventory(struct fixture *fx, const struct output_ops *ops)
{
	struct inventory_row	 rows[3] = {
		{ &fx->root, AS_OF, 0, false, SEV_LOW, true },
		{ &fx->alice, AS_OF, 2, true, SEV_MEDIUM, true },
		/* bob has no credential at all: nothing for MFA to guard. */
		{ &fx->bob, AS_OF, 1, true, SEV_LOW, false },
	};
	struct capture		 c;
	struct output		*out;
	size_t			 i;

	fx->info.inventory = true;
	fx->sum.users = 3;
	fx->sum.counts.findings = 3;
	fx->sum.counts.by_severity[SEV_MEDIUM] = 2;
	fx->sum.counts.by_severity[SEV_LOW] = 1;
	out = capture_open(&c, ops, &fx->info);
	for (i = 0; i < 3; i++)
		assert_int_equal(output_user(ops, out, &rows[i]), 0);
	return capture_end(&c, ops, out, &fx->sum);
}

static size_t
count_lines(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (*s == '\n')
			n++;
	return n;
}

/* The names of a cJSON object's members, comma-separated, in order. */
static void
json_keys(const cJSON *obj, char *buf, size_t len)
{
	const cJSON	*item;

	buf[0] = '\0';
	cJSON_ArrayForEach(item, obj) {
		if (buf[0] != '\0')
			strncat(buf, ",", len - strlen(buf) - 1);
		strncat(buf, item->string, len - strlen(buf) - 1);
	}
}

/* --- output.c --- */

/*
 * Every format in output.c's table is found by its name, named once, and
 * listed by output_names() in the table's order; nothing here lists the
 * formats by hand, so a new one needs no change to this file.
 */
static void
test_output_lookup_every_name(void **state)
{
	const struct output_ops	*ops;
	char			 names[256], *name, *save = NULL;
	size_t			 n, count;

	(void)state;
	for (count = 0; (ops = output_format(count)) != NULL; count++) {
		assert_non_null(ops->name);
		assert_non_null(ops->open);
		assert_ptr_equal(output_lookup(ops->name), ops);
	}
	assert_true(count >= 5);
	assert_string_equal(output_format(0)->name, "table");
	output_names(names, sizeof(names));
	n = 0;
	for (name = strtok_r(names, ", ", &save); name != NULL;
	    name = strtok_r(NULL, ", ", &save)) {
		assert_true(n < count);
		assert_string_equal(output_format(n)->name, name);
		n++;
	}
	assert_int_equal(n, count);
	assert_null(output_lookup("xml"));
	assert_null(output_lookup("JSON"));
	assert_null(output_lookup(""));
}

static void
test_output_inventory_days(void **state)
{
	struct fixture		 fx;
	struct inventory_row	 row = { NULL, AS_OF, 0, false, SEV_LOW, true };
	int64_t			 days = -1;

	(void)state;
	fixture_init(&fx);
	row.rec = &fx.alice;
	assert_true(output_password_days(&row, &days));
	assert_int_equal(days, 21);
	assert_true(output_key_days(&row, 0, &days));
	assert_int_equal(days, 119);
	/* Inactive, never used: aged from its rotation. */
	assert_true(output_key_days(&row, 1, &days));
	assert_int_equal(days, 540);
	/* Never used, never changed: aged from the user's creation. */
	fx.alice.password_last_used = NA;
	fx.alice.password_last_changed = NA;
	assert_true(output_password_days(&row, &days));
	assert_int_equal(days, 676);
	row.rec = &fx.bob;
	assert_false(output_password_days(&row, &days));
	assert_false(output_key_days(&row, 0, &days));
	assert_string_equal(output_time_note(TIME_NA), "never");
	assert_string_equal(output_time_note(TIME_NO_INFORMATION),
	    "no_information");
	assert_null(output_time_note(TIME_SET));
}

/* --- csv --- */

static void
test_csv_findings_rows(void **state)
{
	struct fixture	 fx;
	struct finding	 f[2];
	char		*out;

	(void)state;
	fixture_init(&fx);
	finding_alice(&f[0], &fx);
	fixture_finding(&f[1], RULE_CONSOLE_WITHOUT_MFA, &fx.alice,
	    CRED_PASSWORD, -1, "console password without MFA");
	f[1].suppressed = true;
	f[1].suppress_reason = "break-glass, \"approved\"";
	out = run_findings(&fx, output_lookup("csv"), f, 2);
	assert_string_equal(out,
	    "\"id\",\"rule\",\"severity\",\"account\",\"user\",\"arn\","
	    "\"credential\",\"days\",\"threshold\",\"last_used\",\"message\","
	    "\"controls\",\"suppressed\",\"suppression_reason\",\"path\","
	    "\"line\"\n"
	    "\"" ALICE_ID "\",\"unused-access-key\",\"medium\",\"" ACCOUNT
	    "\",\"alice\",\"arn:aws:iam::" ACCOUNT ":user/alice\","
	    "\"access_key_1\",\"119\",\"90\",\"2026-07-26T10:00:00Z\","
	    "\"access key 1 unused for 119 days; threshold 90\","
	    "\"" UAK_CONTROLS "\",\"false\",,\"r.csv\",\"3\"\n"
	    "\"" ACCOUNT ":alice:console-without-mfa:password\","
	    "\"console-without-mfa\",\"high\",\"" ACCOUNT "\",\"alice\","
	    "\"arn:aws:iam::" ACCOUNT ":user/alice\",\"password\",,,,"
	    "\"console password without MFA\",\"cis-3.0:1.10;cis-4.0.1:1.10;"
	    "cis-5.0:1.9;cis-6.0:2.9;cis-7.0:2.10;fsbp:IAM.5;"
	    "config:mfa-enabled-for-iam-console-access\",\"true\","
	    "\"break-glass, \"\"approved\"\"\",\"r.csv\",\"3\"\n");
	free(out);
}

static void
test_csv_no_findings_header_only(void **state)
{
	struct fixture	 fx;
	char		*out;

	(void)state;
	fixture_init(&fx);
	fx.info.baseline = true;
	out = run_findings(&fx, output_lookup("csv"), NULL, 0);
	assert_string_equal(out,
	    "\"id\",\"rule\",\"severity\",\"account\",\"user\",\"arn\","
	    "\"credential\",\"days\",\"threshold\",\"last_used\",\"message\","
	    "\"controls\",\"suppressed\",\"suppression_reason\",\"status\","
	    "\"path\",\"line\"\n");
	free(out);
}

static void
test_csv_neutralises_formulas(void **state)
{
	static const struct {
		const char	*user;
		const char	*cell;	/* the user cell as written */
	} cases[] = {
		{ "=HYPERLINK(\"http://x\")",
		    "\"'=HYPERLINK(\"\"http://x\"\")\"" },
		{ "+1+1", "\"'+1+1\"" },
		{ "-2+3", "\"'-2+3\"" },
		{ "@SUM(A1)", "\"'@SUM(A1)\"" },
		{ "\tcmd", "\"'\tcmd\"" },
		{ "\rcmd", "\"'\rcmd\"" },
		{ "a=b", "\"a=b\"" },
		{ "bob+ci@example", "\"bob+ci@example\"" },
	};
	struct fixture		 fx;
	struct user_record	 rec;
	struct finding		 f;
	char			*out, want[128];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fixture_init(&fx);
		record_init(&rec, cases[i].user, "arn:aws:iam::" ACCOUNT
		    ":user/x", 7);
		fixture_finding(&f, RULE_DORMANT_USER, &rec,
		    CRED_USER, -1, "idle");
		out = run_findings(&fx, output_lookup("csv"), &f, 1);
		snprintf(want, sizeof(want), ",\"" ACCOUNT "\",%s,\"arn:",
		    cases[i].cell);
		if (strstr(out, want) == NULL)
			fail_msg("case %zu: %s not in %s", i, want, out);
		free(out);
	}
}

/* What libcsv's parser makes of the csv output. */
struct csv_seen {
	size_t	 rows;
	size_t	 fields[4];	/* per row */
	char	 user[4][64];	/* column 4 of each row */
};

static void
csv_seen_field(void *s, size_t len, void *data)
{
	struct csv_seen	*seen = data;

	if (seen->rows < 4 && seen->fields[seen->rows]++ == 4)
		snprintf(seen->user[seen->rows], 64, "%.*s", (int)len,
		    (const char *)s);
}

static void
csv_seen_row(int c, void *data)
{
	struct csv_seen	*seen = data;

	(void)c;
	seen->rows++;
}

static void
test_csv_quoting_round_trips(void **state)
{
	static const char	*user = "a,b\"c\nd";
	struct fixture		 fx;
	struct user_record	 rec;
	struct finding		 f;
	struct csv_parser	 p;
	struct csv_seen		 seen;
	char			*out;

	(void)state;
	fixture_init(&fx);
	record_init(&rec, user, "arn:aws:iam::" ACCOUNT ":user/a", 7);
	fixture_finding(&f, RULE_DORMANT_USER, &rec,
	    CRED_USER, -1, "idle, \"really\"");
	out = run_findings(&fx, output_lookup("csv"), &f, 1);
	assert_non_null(strstr(out, ",\"a,b\"\"c\nd\","));
	memset(&seen, 0, sizeof(seen));
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	assert_int_equal(csv_parse(&p, out, strlen(out), csv_seen_field,
	    csv_seen_row, &seen), strlen(out));
	assert_int_equal(csv_fini(&p, csv_seen_field, csv_seen_row, &seen), 0);
	csv_free(&p);
	assert_int_equal(seen.rows, 2);
	assert_int_equal(seen.fields[0], 16);
	assert_int_equal(seen.fields[1], 16);
	assert_string_equal(seen.user[0], "user");
	assert_string_equal(seen.user[1], user);
	free(out);
}

static void
test_csv_baseline_status(void **state)
{
	struct fixture	 fx;
	struct finding	 f[2];
	char		*out;

	(void)state;
	fixture_init(&fx);
	fixture_baseline(&fx, f, false);
	out = run_findings(&fx, output_lookup("csv"), f, 2);
	assert_non_null(strstr(out, "\"suppression_reason\",\"status\","
	    "\"path\",\"line\"\n"));
	assert_non_null(strstr(out, "\"false\",,\"new\",\"r.csv\",\"3\"\n"));
	assert_non_null(strstr(out, "\"false\",,\"existing\",\"r.csv\","
	    "\"4\"\n"));
	free(out);
}

static void
test_csv_inventory(void **state)
{
	struct fixture	 fx;
	char		*out;

	(void)state;
	fixture_init(&fx);
	out = run_inventory(&fx, output_lookup("csv"));
	assert_string_equal(out,
	    "\"account\",\"user\",\"arn\",\"created\",\"password\","
	    "\"password_last_used\",\"password_days\",\"mfa\","
	    "\"credentials\",\"access_key_1\",\"access_key_1_last_rotated\","
	    "\"access_key_1_last_used\",\"access_key_1_days\","
	    "\"access_key_2\",\"access_key_2_last_rotated\","
	    "\"access_key_2_last_used\",\"access_key_2_days\",\"cert_1\","
	    "\"cert_2\",\"findings\",\"worst_severity\",\"path\",\"line\"\n"
	    "\"" ACCOUNT "\",\"<root_account>\",\"arn:aws:iam::" ACCOUNT
	    ":root\",\"2025-01-15T09:30:00Z\",\"not_supported\","
	    "\"2026-11-20T12:00:00Z\",\"2\",\"true\",\"true\",\"none\",,,,"
	    "\"none\",,,,"
	    "\"none\",\"none\",\"0\",,\"r.csv\",\"2\"\n"
	    "\"" ACCOUNT "\",\"alice\",\"arn:aws:iam::" ACCOUNT ":user/alice\","
	    "\"2025-01-15T09:30:00Z\",\"enabled\",\"2026-11-01T08:00:00Z\","
	    "\"21\",\"false\",\"true\",\"active\",\"2025-01-15T09:40:00Z\","
	    "\"2026-07-26T10:00:00Z\",\"119\",\"inactive\","
	    "\"2025-06-01T00:00:00Z\",,\"540\",\"none\",\"none\",\"2\","
	    "\"medium\",\"r.csv\",\"3\"\n"
	    "\"" ACCOUNT "\",\"bob\",\"arn:aws:iam::" ACCOUNT ":user/bob\","
	    "\"2025-01-15T09:30:00Z\",\"disabled\",\"no_information\",,"
	    "\"false\",\"false\",\"none\",,,,\"none\",,,,\"none\",\"none\","
	    "\"1\","
	    "\"low\",\"r.csv\",\"4\"\n");
	free(out);
}

/* --- table --- */

static void
test_table_sorts_and_aligns(void **state)
{
	struct fixture	 fx;
	struct finding	 f[6];
	char		*out;

	(void)state;
	fixture_init(&fx);
	/* Arrival order is not the order shown. */
	fixture_finding(&f[0], RULE_UNUSED_ACCESS_KEY, &fx.alice,
	    CRED_ACCESS_KEY, 0, "access key 1 unused for 119 days");
	finding_days(&f[0], 119);
	fixture_finding(&f[1], RULE_DORMANT_USER, &fx.bob,
	    CRED_USER, -1, "user idle");
	finding_days(&f[1], 400);
	fixture_finding(&f[2], RULE_CONSOLE_WITHOUT_MFA, &fx.bob,
	    CRED_PASSWORD, -1, "suppressed, so never shown");
	f[2].suppressed = true;
	f[2].suppress_reason = "accepted";
	fixture_finding(&f[3], RULE_ROOT_NO_MFA, &fx.root, CRED_MFA, -1,
	    "root has no MFA");
	fixture_finding(&f[4], RULE_UNUSED_PASSWORD, &fx.alice,
	    CRED_PASSWORD, -1, "password unused for 200 days");
	finding_days(&f[4], 200);
	fixture_finding(&f[5], RULE_CONSOLE_WITHOUT_MFA, &fx.zoe,
	    CRED_PASSWORD, -1, "console password without MFA");
	fx.sum.users = 4;
	out = run_findings(&fx, output_lookup("table"), f, 6);
	assert_string_equal(out,
	    "SEVERITY  RULE                 USER            CREDENTIAL    DAYS"
	    "  MESSAGE\n"
	    "critical  root-no-mfa          <root_account>  mfa              -"
	    "  root has no MFA\n"
	    "high      console-without-mfa  zo\xc3\xab             password   "
	    "      -  console password without MFA\n"
	    "medium    unused-password      alice           password       200"
	    "  password unused for 200 days\n"
	    "medium    unused-access-key    alice           access_key_1   119"
	    "  access key 1 unused for 119 days\n"
	    "low       dormant-user         bob             user           400"
	    "  user idle\n"
	    "\n"
	    "5 findings in 4 users: 1 critical, 1 high, 2 medium, 1 low; "
	    "1 suppressed\n");
	free(out);
}

static void
test_table_escapes_terminal_controls(void **state)
{
	struct fixture		 fx;
	struct user_record	 evil;
	struct finding		 f[2];
	char			*out;
	const char		*p;

	(void)state;
	fixture_init(&fx);
	/* ESC [31m, CR, the C1 control CSI (U+009B) and DEL. */
	record_init(&evil, "ev\033[31mil\r\xc2\x9b\x7f", "arn:aws:iam::"
	    ACCOUNT ":user/evil", 9);
	fixture_finding(&f[0], RULE_CONSOLE_WITHOUT_MFA, &evil,
	    CRED_PASSWORD, -1, "console password without MFA");
	fixture_finding(&f[1], RULE_CONSOLE_WITHOUT_MFA, &fx.bob,
	    CRED_PASSWORD, -1, "console password without MFA");
	fx.sum.users = 2;
	out = run_findings(&fx, output_lookup("table"), f, 2);
	assert_string_equal(out,
	    "SEVERITY  RULE                 USER                          "
	    "CREDENTIAL  DAYS  MESSAGE\n"
	    "high      console-without-mfa  bob                           "
	    "password       -  console password without MFA\n"
	    "high      console-without-mfa  ev\\x1b[31mil\\x0d\\xc2\\x9b\\x7f  "
	    "password       -  console password without MFA\n"
	    "\n"
	    "2 findings in 2 users: 0 critical, 2 high, 0 medium, 0 low; "
	    "0 suppressed\n");
	for (p = out; *p != '\0'; p++)
		assert_true(*p == '\n' || ((unsigned char)*p >= 0x20 &&
		    (unsigned char)*p < 0x7f));
	free(out);
}

/* Every byte is printable ASCII or a newline. */
static void
assert_printable_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != '\n' && ((unsigned char)*s < 0x20 ||
		    (unsigned char)*s >= 0x7f))
			fail_msg("byte 0x%02x in the output",
			    (unsigned char)*s);
}

/* "admin<RLO>gnp.exe" reads "adminexe.png"; "ad<ZWSP>min" reads "admin". */
#define NAME_RLO	"admin\xe2\x80\xaegnp.exe"
#define NAME_RLO_SHOWN	"admin\\xe2\\x80\\xaegnp.exe"	/* 24 columns */
#define NAME_ZWSP	"ad\xe2\x80\x8bmin"
#define NAME_ZWSP_SHOWN	"ad\\xe2\\x80\\x8bmin"		/* 17 columns */

static void
test_table_escapes_bidi_and_invisible(void **state)
{
	struct fixture		 fx;
	struct user_record	 rlo, zwsp;
	struct finding		 f[2];
	char			*out;

	(void)state;
	fixture_init(&fx);
	record_init(&rlo, NAME_RLO, "arn:aws:iam::" ACCOUNT ":user/x", 6);
	record_init(&zwsp, NAME_ZWSP, "arn:aws:iam::" ACCOUNT ":user/y", 7);
	fixture_finding(&f[0], RULE_CONSOLE_WITHOUT_MFA, &zwsp, CRED_PASSWORD,
	    -1, "console password without MFA");
	fixture_finding(&f[1], RULE_CONSOLE_WITHOUT_MFA, &rlo, CRED_PASSWORD,
	    -1, "console password without MFA");
	fx.sum.users = 2;
	out = run_findings(&fx, output_lookup("table"), f, 2);
	/* "admin..." sorts first: 'm' (0x6d) is below the escape's 0xe2. */
	assert_string_equal(out,
	    "SEVERITY  RULE                 USER                      "
	    "CREDENTIAL  DAYS  MESSAGE\n"
	    "high      console-without-mfa  " NAME_RLO_SHOWN "  "
	    "password       -  console password without MFA\n"
	    "high      console-without-mfa  " NAME_ZWSP_SHOWN "         "
	    "password       -  console password without MFA\n"
	    "\n"
	    "2 findings in 2 users: 0 critical, 2 high, 0 medium, 0 low; "
	    "0 suppressed\n");
	assert_printable_ascii(out);
	free(out);
}

static void
test_table_inventory_escapes_bidi_and_invisible(void **state)
{
	struct fixture	 fx;
	char		*out;

	(void)state;
	fixture_init(&fx);
	fx.alice.user = NAME_RLO;
	fx.bob.user = NAME_ZWSP;
	out = run_inventory(&fx, output_lookup("table"));
	assert_string_equal(out,
	    "USER                      PASSWORD          MFA  KEY1         "
	    "KEY2           FINDINGS  WORST\n"
	    "<root_account>            not_supported 2d  yes  none         "
	    "none                  0  -\n"
	    NAME_RLO_SHOWN "  enabled 21d       no   active 119d  "
	    "inactive 540d         2  medium\n"
	    NAME_ZWSP_SHOWN "         disabled          -    none         "
	    "none                  1  low\n"
	    "\n"
	    "3 findings in 3 users: 0 critical, 0 high, 2 medium, 1 low; "
	    "0 suppressed\n");
	assert_printable_ascii(out);
	free(out);
}

static void
test_table_colour(void **state)
{
	static const struct {
		bool		 color;
		const char	*want;
	} cases[] = {
		{ false,
		    "SEVERITY  RULE          USER            CREDENTIAL  DAYS"
		    "  MESSAGE\n"
		    "critical  root-no-mfa   <root_account>  mfa            -"
		    "  root has no MFA\n"
		    "low       dormant-user  bob             user         400"
		    "  user idle\n" },
		{ true,
		    "SEVERITY  RULE          USER            CREDENTIAL  DAYS"
		    "  MESSAGE\n"
		    "\033[1;31mcritical\033[0m  root-no-mfa   <root_account>  "
		    "mfa            -  root has no MFA\n"
		    "\033[36mlow\033[0m       dormant-user  bob             "
		    "user         400  user idle\n" },
	};
	struct fixture	 fx;
	struct finding	 f[2];
	char		*out;
	size_t		 i;

	(void)state;
	for (i = 0; i < 2; i++) {
		fixture_init(&fx);
		fx.info.opts.color = cases[i].color;
		fixture_finding(&f[0], RULE_DORMANT_USER, &fx.bob,
		    CRED_USER, -1, "user idle");
		finding_days(&f[0], 400);
		fixture_finding(&f[1], RULE_ROOT_NO_MFA, &fx.root, CRED_MFA, -1,
		    "root has no MFA");
		fx.sum.users = 2;
		out = run_findings(&fx, output_lookup("table"), f, 2);
		assert_true(strncmp(out, cases[i].want,
		    strlen(cases[i].want)) == 0);
		assert_string_equal(out + strlen(cases[i].want), "\n"
		    "2 findings in 2 users: 1 critical, 0 high, 0 medium, "
		    "1 low; 0 suppressed\n");
		free(out);
	}
}

/* Rejected rows and failed inputs are in the summary, not only on stderr. */
static void
test_table_summary_says_what_failed(void **state)
{
	static const struct {
		unsigned long	 rejected;
		size_t		 failed, inputs;
		bool		 finding;
		const char	*want;
	} cases[] = {
		{ 0, 1, 1, false, "no findings in 0 users; 1 of 1 input "
		    "failed\n" },
		{ 1, 0, 1, false, "no findings in 0 users; 1 row rejected\n" },
		{ 3, 1, 2, true, "1 finding in 0 users: 0 critical, 0 high, "
		    "0 medium, 1 low; 0 suppressed; 3 rows rejected; 1 of 2 "
		    "inputs failed\n" },
	};
	struct input_info	 in[2];
	struct fixture		 fx;
	struct finding		 f;
	char			*out;
	const char		*p;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fixture_init(&fx);
		memset(in, 0, sizeof(in));
		in[0].path = "a.csv";
		in[1].path = "b.csv";
		fx.sum.users = 0;
		fx.sum.rows_rejected = cases[i].rejected;
		fx.sum.inputs_failed = cases[i].failed;
		fx.sum.inputs = in;
		fx.sum.ninputs = cases[i].inputs;
		fixture_finding(&f, RULE_DORMANT_USER, &fx.bob,
		    CRED_USER, -1, "idle");
		out = run_findings(&fx, output_lookup("table"), &f,
		    cases[i].finding ? 1 : 0);
		/* The last line is the summary. */
		p = out + strlen(out) - 1;
		while (p > out && p[-1] != '\n')
			p--;
		assert_string_equal(p, cases[i].want);
		free(out);
	}
	/* The inventory shares the summary. */
	fixture_init(&fx);
	fx.sum.inputs_failed = 1;
	out = run_inventory(&fx, output_lookup("table"));
	assert_non_null(strstr(out, "; 0 suppressed; 1 of 1 input failed\n"));
	free(out);
}

static void
test_table_no_findings(void **state)
{
	static const struct {
		unsigned long	 users;
		bool		 suppressed;
		const char	*want;
	} cases[] = {
		{ 3, false, "no findings in 3 users\n" },
		{ 1, false, "no findings in 1 user\n" },
		{ 3, true, "no findings in 3 users; 1 suppressed\n" },
	};
	struct fixture	 fx;
	struct finding	 f;
	char		*out;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fixture_init(&fx);
		fx.sum.users = cases[i].users;
		fixture_finding(&f, RULE_DORMANT_USER, &fx.bob,
		    CRED_USER, -1, "idle");
		f.suppressed = true;
		out = run_findings(&fx, output_lookup("table"), &f,
		    cases[i].suppressed ? 1 : 0);
		assert_string_equal(out, cases[i].want);
		free(out);
	}
}

static void
test_table_baseline(void **state)
{
	struct fixture	 fx;
	struct finding	 f[2];
	char		*out;

	(void)state;
	fixture_init(&fx);
	fx.info.baseline = true;
	fx.info.baseline_has_as_of = true;
	fx.info.baseline_as_of = T_BASELINE;
	fixture_finding(&f[0], RULE_DORMANT_USER, &fx.bob,
	    CRED_USER, -1, "user idle");
	finding_days(&f[0], 400);
	f[0].status = FINDING_STATUS_EXISTING;
	fixture_finding(&f[1], RULE_UNUSED_ACCESS_KEY, &fx.alice,
	    CRED_ACCESS_KEY, 0, "access key 1 unused for 119 days");
	finding_days(&f[1], 119);
	f[1].status = FINDING_STATUS_NEW;
	fx.sum.users = 2;
	fx.sum.nresolved = 2;
	out = run_findings(&fx, output_lookup("table"), f, 2);
	assert_string_equal(out,
	    "NEW  SEVERITY  RULE               USER   CREDENTIAL    DAYS"
	    "  MESSAGE\n"
	    "+    medium    unused-access-key  alice  access_key_1   119"
	    "  access key 1 unused for 119 days\n"
	    "     low       dormant-user       bob    user           400"
	    "  user idle\n"
	    "\n"
	    "2 findings in 2 users: 0 critical, 0 high, 1 medium, 1 low; "
	    "0 suppressed\n"
	    "1 new, 2 resolved since 2026-10-01\n");
	free(out);
	fixture_init(&fx);
	fx.info.baseline = true;
	out = run_findings(&fx, output_lookup("table"), NULL, 0);
	assert_string_equal(out, "no findings in 0 users\n"
	    "0 new, 0 resolved since the baseline\n");
	free(out);
}

static void
test_table_several_accounts(void **state)
{
	struct fixture		 fx;
	struct user_record	 other;
	struct finding		 f[2];
	char			*out;

	(void)state;
	fixture_init(&fx);
	fx.alice.account = "111111111111";
	other = fx.alice;
	other.account = "222222222222";
	fixture_finding(&f[0], RULE_UNUSED_ACCESS_KEY, &other,
	    CRED_ACCESS_KEY, 0, "access key 1 unused for 119 days");
	finding_days(&f[0], 119);
	fixture_finding(&f[1], RULE_UNUSED_ACCESS_KEY, &fx.alice,
	    CRED_ACCESS_KEY, 0, "access key 1 unused for 119 days");
	finding_days(&f[1], 119);
	fx.sum.users = 2;
	out = run_findings(&fx, output_lookup("table"), f, 2);
	assert_string_equal(out,
	    "SEVERITY  RULE               ACCOUNT       USER   CREDENTIAL    "
	    "DAYS  MESSAGE\n"
	    "medium    unused-access-key  111111111111  alice  access_key_1   "
	    "119  access key 1 unused for 119 days\n"
	    "medium    unused-access-key  222222222222  alice  access_key_1   "
	    "119  access key 1 unused for 119 days\n"
	    "\n"
	    "2 findings in 2 users: 0 critical, 0 high, 2 medium, 0 low; "
	    "0 suppressed\n");
	free(out);
}

static void
test_table_long_value_overflows(void **state)
{
	static const char	*longname =
	    "a-very-long-user-name-that-is-wider-than-40-columns";
	struct fixture		 fx;
	struct user_record	 rec;
	struct finding		 f[2];
	char			*out, want[128];

	(void)state;
	fixture_init(&fx);
	record_init(&rec, longname, "arn:aws:iam::" ACCOUNT ":user/l", 8);
	fixture_finding(&f[0], RULE_DORMANT_USER, &rec, CRED_USER, -1, "idle");
	fixture_finding(&f[1], RULE_DORMANT_USER, &fx.bob,
	    CRED_USER, -1, "idle");
	out = run_findings(&fx, output_lookup("table"), f, 2);
	/* USER is 40 wide: bob is padded to 40, the long name spills. */
	assert_non_null(strstr(out, "USER                                  "
	    "    CREDENTIAL"));
	assert_non_null(strstr(out, "  bob                                  "
	    "     user"));
	snprintf(want, sizeof(want), "  %s  user", longname);
	assert_non_null(strstr(out, want));
	free(out);
}

/*
 * On a terminal (opts.width) the last cell is cut to the columns left,
 * with "…"; the other columns keep their widths and order.  root-no-mfa
 * and bob's dormant-user put MESSAGE at column 58.
 */
static void
test_table_fits_terminal_width(void **state)
{
	static const struct {
		size_t		 width;
		const char	*want;
	} cases[] = {
		{ 66,
		    "SEVERITY  RULE          USER            CREDENTIAL  DAYS"
		    "  MESSAGE\n"
		    "critical  root-no-mfa   <root_account>  mfa            -"
		    "  root ha\xe2\x80\xa6\n"
		    "low       dormant-user  bob             user         400"
		    "  user id\xe2\x80\xa6\n" },
		{ 67,
		    "SEVERITY  RULE          USER            CREDENTIAL  DAYS"
		    "  MESSAGE\n"
		    "critical  root-no-mfa   <root_account>  mfa            -"
		    "  root has\xe2\x80\xa6\n"
		    "low       dormant-user  bob             user         400"
		    "  user idle\n" },
		/* No room at all: the columns stay, the message is "…". */
		{ 40,
		    "SEVERITY  RULE          USER            CREDENTIAL  DAYS"
		    "  \xe2\x80\xa6\n"
		    "critical  root-no-mfa   <root_account>  mfa            -"
		    "  \xe2\x80\xa6\n"
		    "low       dormant-user  bob             user         400"
		    "  \xe2\x80\xa6\n" },
	};
	struct fixture	 fx;
	struct finding	 f[2];
	char		*out;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fixture_init(&fx);
		fx.info.opts.width = cases[i].width;
		fixture_finding(&f[0], RULE_DORMANT_USER, &fx.bob,
		    CRED_USER, -1, "user idle");
		finding_days(&f[0], 400);
		fixture_finding(&f[1], RULE_ROOT_NO_MFA, &fx.root, CRED_MFA, -1,
		    "root has no MFA");
		fx.sum.users = 2;
		out = run_findings(&fx, output_lookup("table"), f, 2);
		assert_true(strncmp(out, cases[i].want,
		    strlen(cases[i].want)) == 0);
		/* The summary is never cut. */
		assert_string_equal(out + strlen(cases[i].want), "\n"
		    "2 findings in 2 users: 1 critical, 0 high, 0 medium, "
		    "1 low; 0 suppressed\n");
		free(out);
	}
}

/* A cut never splits an escape: it goes in whole or not at all. */
static void
test_table_cut_keeps_escapes_whole(void **state)
{
	static const struct {
		size_t		 width;
		const char	*want;
	} cases[] = {
		/* MESSAGE at column 48: 6 columns left, then 7. */
		{ 54, "  MESSA\xe2\x80\xa6\n"
		    "low       dormant-user  bob   user           -"
		    "  ab\xe2\x80\xa6\n" },
		{ 55, "  MESSAGE\n"
		    "low       dormant-user  bob   user           -"
		    "  ab\\x01\xe2\x80\xa6\n" },
	};
	struct fixture	 fx;
	struct finding	 f;
	char		*out;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fixture_init(&fx);
		fx.info.opts.width = cases[i].width;
		fixture_finding(&f, RULE_DORMANT_USER, &fx.bob, CRED_USER, -1,
		    "ab\001cdef");
		fx.sum.users = 1;
		out = run_findings(&fx, output_lookup("table"), &f, 1);
		assert_non_null(strstr(out, cases[i].want));
		free(out);
	}
}

/*
 * A table whose rows went to runs on disk is the table of the rows held:
 * many findings over several accounts and users, in an order unlike the
 * table's, with ties that only arrival breaks, written once held and
 * then with a limit so small that every few rows (or every row) make a
 * run; the same for --inventory, whose rows keep their order.
 */
static void
test_table_runs_match_held(void **state)
{
	enum { N = 600, USERS = 37 };
	static const size_t	 holds[] = { 1, 2000, 50000 };
	static const char *const accounts[3] = {
		"111111111111", "222222222222", "333333333333"
	};
	static const enum rule_index rules[4] = { RULE_ROOT_NO_MFA,
	    RULE_CONSOLE_WITHOUT_MFA, RULE_UNUSED_ACCESS_KEY,
	    RULE_DORMANT_USER };
	struct user_record	 rec[USERS];
	struct inventory_row	 row;
	struct fixture		 fx;
	struct finding		*f;
	struct capture		 c;
	struct output		*out;
	const struct output_ops	*ops = output_lookup("table");
	char			 names[USERS][16], *held, *runs;
	size_t			 i, h;
	unsigned		 x = 1;

	(void)state;
	assert_non_null(f = calloc(N, sizeof(*f)));
	fixture_init(&fx);
	for (i = 0; i < USERS; i++) {
		snprintf(names[i], sizeof(names[i]), "u%zu", (i * 7) % USERS);
		record_init(&rec[i], names[i], "arn:aws:iam::1:user/u", 10);
		rec[i].account = accounts[i % 3];
	}
	for (i = 0; i < N; i++) {
		x = x * 1103515245 + 12345;
		fixture_finding(&f[i], rules[(x >> 16) % 4],
		    &rec[(x >> 8) % USERS], CRED_USER, -1,
		    i % 5 == 0 ? "same message" : "another message");
		finding_days(&f[i], (int64_t)((x >> 4) % 5000));
		f[i].status = i % 3 == 0 ? FINDING_STATUS_NEW :
		    FINDING_STATUS_EXISTING;
	}
	fx.info.baseline = true;
	fx.info.opts.color = true;
	held = run_findings(&fx, ops, f, N);
	for (h = 0; h < sizeof(holds) / sizeof(holds[0]); h++) {
		memset(&fx.sum.counts, 0, sizeof(fx.sum.counts));
		fx.info.opts.table_hold = holds[h];
		runs = run_findings(&fx, ops, f, N);
		assert_string_equal(runs, held);
		free(runs);
	}
	free(held);

	fixture_init(&fx);
	fx.info.inventory = true;
	memset(&row, 0, sizeof(row));
	for (h = 0; h < 2; h++) {
		fx.info.opts.table_hold = h == 0 ? 0 : 1;
		out = capture_open(&c, ops, &fx.info);
		for (i = 0; i < N; i++) {
			row.rec = &rec[(i * 11) % USERS];
			row.as_of = AS_OF;
			row.findings = (unsigned)i;
			row.has_worst = i % 2 == 0;
			row.worst = (enum severity)(i % SEV_COUNT);
			assert_int_equal(output_user(ops, out, &row), 0);
		}
		runs = capture_end(&c, ops, out, &fx.sum);
		if (h == 0)
			held = runs;
		else {
			assert_string_equal(runs, held);
			free(runs);
		}
	}
	assert_int_equal(count_lines(held), N + 3);
	free(held);
	free(f);
}

static void
test_table_inventory(void **state)
{
	struct fixture	 fx;
	char		*out;

	(void)state;
	fixture_init(&fx);
	out = run_inventory(&fx, output_lookup("table"));
	assert_string_equal(out,
	    "USER            PASSWORD          MFA  KEY1         KEY2         "
	    "  FINDINGS  WORST\n"
	    "<root_account>  not_supported 2d  yes  none         none         "
	    "         0  -\n"
	    "alice           enabled 21d       no   active 119d  inactive 540d"
	    "         2  medium\n"
	    "bob             disabled          -    none         none         "
	    "         1  low\n"
	    "\n"
	    "3 findings in 3 users: 0 critical, 0 high, 2 medium, 1 low; "
	    "0 suppressed\n");
	free(out);
}

/* --- json and ndjson --- */

#define ALICE_JSON \
	"{\"id\":\"" ALICE_ID "\",\"rule\":\"unused-access-key\"," \
	"\"severity\":\"medium\",\"account\":\"" ACCOUNT "\"," \
	"\"user\":\"alice\",\"arn\":\"arn:aws:iam::" ACCOUNT ":user/alice\"," \
	"\"credential\":\"access_key_1\",\"days\":119,\"threshold\":90," \
	"\"last_used\":\"2026-07-26T10:00:00Z\"," \
	"\"message\":\"access key 1 unused for 119 days; threshold 90\"," \
	"\"controls\":[\"cis-3.0:1.12\",\"cis-4.0.1:1.12\",\"cis-5.0:1.11\"," \
	"\"cis-6.0:2.11\",\"cis-7.0:2.11\",\"fsbp:IAM.8\",\"fsbp:IAM.22\"," \
	"\"config:iam-user-unused-credentials-check\"," \
	"\"access-analyzer:UnusedIAMUserAccessKey\"],\"suppressed\":false," \
	"\"source\":{\"path\":\"r.csv\",\"line\":3}}"

#define JSON_HEAD \
	"{\"credaudit_version\":\"1.0.0\",\"as_of\":\"2026-11-23T00:00:00Z\"," \
	"\"thresholds\":{\"root-recent-use\":90,\"unused-password\":90," \
	"\"unused-access-key\":90,\"access-key-not-rotated\":90," \
	"\"dormant-user\":90,\"inactive-access-key\":120},"

#define JSON_BY_RULE(uak) \
	"\"by_rule\":{\"root-access-key\":0,\"root-no-mfa\":0," \
	"\"root-recent-use\":0,\"root-signing-certificate\":0," \
	"\"console-without-mfa\":0,\"unused-password\":0," \
	"\"unused-access-key\":" uak ",\"access-key-not-rotated\":0," \
	"\"multiple-active-keys\":0,\"initial-access-key\":0," \
	"\"dormant-user\":0,\"inactive-access-key\":0}"

/* Every control once, in table order; uak: unused-access-key's count. */
#define JSON_BY_CONTROL(uak) \
	"\"by_control\":{\"cis-3.0:1.4\":0,\"cis-4.0.1:1.4\":0," \
	"\"cis-5.0:1.3\":0,\"cis-6.0:2.3\":0,\"cis-7.0:2.4\":0," \
	"\"fsbp:IAM.4\":0,\"config:iam-root-access-key-check\":0," \
	"\"cis-3.0:1.5\":0,\"cis-4.0.1:1.5\":0,\"cis-5.0:1.4\":0," \
	"\"cis-6.0:2.4\":0,\"cis-7.0:2.5\":0,\"fsbp:IAM.9\":0," \
	"\"config:root-account-mfa-enabled\":0,\"cis-3.0:1.7\":0," \
	"\"cis-4.0.1:1.7\":0,\"cis-5.0:1.6\":0,\"cis-6.0:2.6\":0," \
	"\"cis-7.0:2.7\":0,\"cis-3.0:1.10\":0,\"cis-4.0.1:1.10\":0," \
	"\"cis-5.0:1.9\":0,\"cis-6.0:2.9\":0,\"cis-7.0:2.10\":0," \
	"\"fsbp:IAM.5\":0,\"config:mfa-enabled-for-iam-console-access\":0," \
	"\"cis-3.0:1.12\":" uak ",\"cis-4.0.1:1.12\":" uak "," \
	"\"cis-5.0:1.11\":" uak ",\"cis-6.0:2.11\":" uak "," \
	"\"cis-7.0:2.11\":" uak ",\"fsbp:IAM.8\":" uak "," \
	"\"fsbp:IAM.22\":" uak "," \
	"\"config:iam-user-unused-credentials-check\":" uak "," \
	"\"access-analyzer:UnusedIAMUserPassword\":0," \
	"\"access-analyzer:UnusedIAMUserAccessKey\":" uak "," \
	"\"cis-3.0:1.14\":0,\"cis-4.0.1:1.14\":0,\"cis-5.0:1.13\":0," \
	"\"cis-6.0:2.13\":0,\"cis-7.0:2.12\":0,\"fsbp:IAM.3\":0," \
	"\"config:access-keys-rotated\":0,\"cis-3.0:1.13\":0," \
	"\"cis-4.0.1:1.13\":0,\"cis-5.0:1.12\":0,\"cis-6.0:2.12\":0," \
	"\"cis-3.0:1.11\":0,\"cis-4.0.1:1.11\":0,\"cis-5.0:1.10\":0," \
	"\"cis-6.0:2.10\":0}"

static void
test_json_document_exact(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	char		*out;

	(void)state;
	fixture_init(&fx);
	finding_alice(&f, &fx);
	fx.input.stats.users = 1;
	fx.sum.users = 1;
	out = run_findings(&fx, output_lookup("json"), &f, 1);
	assert_string_equal(out, JSON_HEAD "\"findings\":[\n"
	    ALICE_JSON "\n"
	    "],\"inputs\":[{\"path\":\"r.csv\",\"account\":\"" ACCOUNT "\","
	    "\"generated_time\":null,\"as_of\":\"2026-11-23T00:00:00Z\","
	    "\"report_age_hours\":null,\"users\":1,\"rows_rejected\":0,"
	    "\"root\":false,\"error\":null}],"
	    "\"summary\":{\"users\":1,\"findings\":1,\"suppressed\":0,"
	    "\"by_severity\":{\"critical\":0,\"high\":0,\"medium\":1,"
	    "\"low\":0}," JSON_BY_RULE("1") "," JSON_BY_CONTROL("1") "}}\n");
	free(out);
}

/*
 * Each input says whether it had a root row and, when it could not be
 * read to its end, why: a failed input is not an empty one.
 */
static void
test_json_inputs_root_and_error(void **state)
{
	struct input_info	 in[2];
	struct fixture		 fx;
	char			*out;
	const char		*p;

	(void)state;
	fixture_init(&fx);
	memset(in, 0, sizeof(in));
	in[0].path = "a.csv";
	in[0].begun = true;
	in[0].as_of = AS_OF;
	strcpy(in[0].stats.account, ACCOUNT);
	in[0].stats.users = 14;
	in[0].stats.has_root = true;
	in[1].path = "b.csv";
	in[1].stats.users = 2;
	in[1].stats.rows_rejected = 1;
	in[1].stats.failed = true;
	strcpy(in[1].stats.error, "line 7: unterminated quoted field");
	fx.sum.inputs = in;
	fx.sum.ninputs = 2;
	out = run_findings(&fx, output_lookup("json"), NULL, 0);
	p = strstr(out, "\"inputs\":[");
	assert_non_null(p);
	assert_int_equal(strncmp(p, "\"inputs\":["
	    "{\"path\":\"a.csv\",\"account\":\"" ACCOUNT "\","
	    "\"generated_time\":null,\"as_of\":\"2026-11-23T00:00:00Z\","
	    "\"report_age_hours\":null,\"users\":14,\"rows_rejected\":0,"
	    "\"root\":true,\"error\":null},"
	    "{\"path\":\"b.csv\",\"account\":null,\"generated_time\":null,"
	    "\"as_of\":null,\"report_age_hours\":null,"
	    "\"users\":2,\"rows_rejected\":1,\"root\":false,"
	    "\"error\":\"line 7: unterminated quoted field\"}],",
	    strlen("\"inputs\":["
	    "{\"path\":\"a.csv\",\"account\":\"" ACCOUNT "\","
	    "\"generated_time\":null,\"as_of\":\"2026-11-23T00:00:00Z\","
	    "\"report_age_hours\":null,\"users\":14,\"rows_rejected\":0,"
	    "\"root\":true,\"error\":null},"
	    "{\"path\":\"b.csv\",\"account\":null,\"generated_time\":null,"
	    "\"as_of\":null,\"report_age_hours\":null,"
	    "\"users\":2,\"rows_rejected\":1,\"root\":false,"
	    "\"error\":\"line 7: unterminated quoted field\"}],")), 0);
	free(out);
}

static void
test_json_no_findings(void **state)
{
	struct fixture	 fx;
	char		*out;
	cJSON		*doc;

	(void)state;
	fixture_init(&fx);
	fx.input.stats.account[0] = '\0';
	fx.input.stats.has_generated_time = true;
	fx.input.stats.generated_time = T_ROOT_USED;
	/* 2026-11-20T12:00:00Z is 60 hours before as_of. */
	fx.input.has_report_age = true;
	fx.input.report_age_hours = 60;
	fx.pol.days[RULE_DORMANT_USER] = 30;
	out = run_findings(&fx, output_lookup("json"), NULL, 0);
	assert_non_null(strstr(out, "\"dormant-user\":30,"
	    "\"inactive-access-key\":120},\"findings\":[],"
	    "\"inputs\":[{\"path\":\"r.csv\",\"account\":null,"
	    "\"generated_time\":\"2026-11-20T12:00:00Z\","
	    "\"as_of\":\"2026-11-23T00:00:00Z\",\"report_age_hours\":60,"));
	assert_int_equal(count_lines(out), 1);
	doc = cJSON_Parse(out);
	assert_non_null(doc);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc,
	    "findings")), 0);
	cJSON_Delete(doc);
	free(out);
}

/*
 * --as-of generated: the document has no single as_of, each input says
 * its own; the table names each report's age.
 */
static void
test_format_report_age(void **state)
{
	struct fixture	 fx;
	char		*out;

	(void)state;
	fixture_init(&fx);
	fx.input.stats.has_generated_time = true;
	fx.input.stats.generated_time = T_ROOT_USED;
	fx.input.has_report_age = true;
	fx.input.report_age_hours = 60;
	out = run_findings(&fx, output_lookup("table"), NULL, 0);
	assert_string_equal(out, "no findings in 0 users\n"
	    "r.csv: report generated 2026-11-20T12:00:00Z, 60 hours before "
	    "the as-of time\n");
	free(out);

	fixture_init(&fx);
	fx.input.path = "r\033]0;x\a.json";
	fx.input.stats.has_generated_time = true;
	fx.input.stats.generated_time = AS_OF - 3600;
	fx.input.has_report_age = true;
	fx.input.report_age_hours = 1;
	out = run_findings(&fx, output_lookup("table"), NULL, 0);
	assert_string_equal(out, "no findings in 0 users\n"
	    "r\\x1b]0;x\\x07.json: report generated 2026-11-22T23:00:00Z, "
	    "1 hour before the as-of time\n");
	free(out);

	fixture_init(&fx);
	fx.info.as_of_generated = true;
	fx.input.stats.has_generated_time = true;
	fx.input.stats.generated_time = T_ROOT_USED;
	fx.input.as_of = T_ROOT_USED;
	fx.input.has_report_age = true;
	fx.input.report_age_hours = 0;
	out = run_findings(&fx, output_lookup("table"), NULL, 0);
	assert_string_equal(out, "no findings in 0 users\n"
	    "r.csv: report generated 2026-11-20T12:00:00Z; ages measured "
	    "from then\n");
	free(out);
	out = run_findings(&fx, output_lookup("json"), NULL, 0);
	assert_non_null(strstr(out, "{\"credaudit_version\":\"1.0.0\","
	    "\"as_of\":null,\"thresholds\":"));
	assert_non_null(strstr(out, "\"generated_time\":"
	    "\"2026-11-20T12:00:00Z\",\"as_of\":\"2026-11-20T12:00:00Z\","
	    "\"report_age_hours\":0,"));
	free(out);
}

static void
test_json_structure(void **state)
{
	struct fixture	 fx;
	struct finding	 f[3];
	char		*out, keys[512];
	cJSON		*doc, *list, *item, *sum;

	(void)state;
	fixture_init(&fx);
	/* One template serves all three: null must not stick. */
	finding_alice(&f[0], &fx);
	fixture_finding(&f[1], RULE_UNUSED_ACCESS_KEY, &fx.bob,
	    CRED_ACCESS_KEY, 1, "days unknown");
	f[1].suppressed = true;
	f[1].suppress_reason = "rotating next week";
	finding_alice(&f[2], &fx);
	f[2].days = 200;
	f[2].severity = SEV_HIGH;
	out = run_findings(&fx, output_lookup("json"), f, 3);
	assert_int_equal(count_lines(out), 5);
	assert_non_null(doc = cJSON_Parse(out));
	json_keys(doc, keys, sizeof(keys));
	assert_string_equal(keys, "credaudit_version,as_of,thresholds,"
	    "findings,inputs,summary");
	list = cJSON_GetObjectItem(doc, "findings");
	assert_int_equal(cJSON_GetArraySize(list), 3);
	json_keys(cJSON_GetArrayItem(list, 0), keys, sizeof(keys));
	assert_string_equal(keys, "id,rule,severity,account,user,arn,"
	    "credential,days,threshold,last_used,message,controls,suppressed,"
	    "source");
	item = cJSON_GetArrayItem(list, 1);
	json_keys(item, keys, sizeof(keys));
	assert_string_equal(keys, "id,rule,severity,account,user,arn,"
	    "credential,days,threshold,last_used,message,controls,suppressed,"
	    "suppression_reason,source");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(item, "days")));
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(item, "last_used")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(item, "suppressed")));
	assert_string_equal(cJSON_GetObjectItem(item,
	    "suppression_reason")->valuestring, "rotating next week");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(item,
	    "controls")), 9);
	item = cJSON_GetArrayItem(list, 2);
	assert_int_equal(cJSON_GetObjectItem(item, "days")->valueint, 200);
	assert_string_equal(cJSON_GetObjectItem(item,
	    "last_used")->valuestring, "2026-07-26T10:00:00Z");
	assert_string_equal(cJSON_GetObjectItem(item,
	    "severity")->valuestring, "high");
	sum = cJSON_GetObjectItem(doc, "summary");
	assert_int_equal(cJSON_GetObjectItem(sum, "findings")->valueint, 2);
	assert_int_equal(cJSON_GetObjectItem(sum, "suppressed")->valueint, 1);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(sum,
	    "by_rule")), RULE_COUNT);
	json_keys(cJSON_GetObjectItem(sum, "by_severity"), keys,
	    sizeof(keys));
	assert_string_equal(keys, "critical,high,medium,low");
	cJSON_Delete(doc);
	free(out);
}

static void
test_json_baseline(void **state)
{
	static const struct resolved_finding resolved[2] = {
		{ ACCOUNT ":carol:root-no-mfa:mfa", "root-no-mfa", "critical",
		    ACCOUNT, "carol", "mfa", "gone", NULL },
		{ ACCOUNT ":dave:dormant-user:user", "dormant-user", "low",
		    ACCOUNT, "dave", "user", NULL, NULL },
	};
	struct fixture	 fx;
	struct finding	 f[2];
	char		*out, keys[512];
	cJSON		*doc, *list, *item, *sum;

	(void)state;
	fixture_init(&fx);
	fixture_baseline(&fx, f, true);
	fx.sum.resolved = resolved;
	fx.sum.nresolved = 2;
	f[1].suppressed = true;
	f[1].suppress_reason = "leaver";
	out = run_findings(&fx, output_lookup("json"), f, 2);
	assert_non_null(strstr(out, "\n],\"resolved\":[\n{\"id\":\""
	    ACCOUNT ":carol:root-no-mfa:mfa\",\"rule\":\"root-no-mfa\","
	    "\"severity\":\"critical\",\"account\":\"" ACCOUNT "\","
	    "\"user\":\"carol\",\"credential\":\"mfa\",\"message\":\"gone\"},\n"
	    "{\"id\":\"" ACCOUNT ":dave:dormant-user:user\","));
	assert_non_null(strstr(out, "\"message\":null}\n],\"inputs\":["));
	assert_non_null(doc = cJSON_Parse(out));
	json_keys(doc, keys, sizeof(keys));
	assert_string_equal(keys, "credaudit_version,as_of,baseline_as_of,"
	    "thresholds,findings,resolved,inputs,summary");
	assert_string_equal(cJSON_GetObjectItem(doc,
	    "baseline_as_of")->valuestring, "2026-10-01T00:00:00Z");
	list = cJSON_GetObjectItem(doc, "findings");
	item = cJSON_GetArrayItem(list, 0);
	assert_string_equal(cJSON_GetObjectItem(item, "status")->valuestring,
	    "new");
	item = cJSON_GetArrayItem(list, 1);
	json_keys(item, keys, sizeof(keys));
	assert_string_equal(keys, "id,rule,severity,account,user,arn,"
	    "credential,days,threshold,last_used,message,controls,suppressed,"
	    "suppression_reason,status,source");
	assert_string_equal(cJSON_GetObjectItem(item, "status")->valuestring,
	    "existing");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(item,
	    "controls")), 0);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc,
	    "resolved")), 2);
	sum = cJSON_GetObjectItem(doc, "summary");
	json_keys(sum, keys, sizeof(keys));
	assert_string_equal(keys, "users,findings,suppressed,new,resolved,"
	    "by_severity,by_rule,by_control");
	assert_int_equal(cJSON_GetObjectItem(sum, "new")->valueint, 1);
	assert_int_equal(cJSON_GetObjectItem(sum, "resolved")->valueint, 2);
	cJSON_Delete(doc);
	free(out);
	/* Unknown baseline time. */
	fx.info.baseline_has_as_of = false;
	fx.sum.nresolved = 0;
	memset(&fx.sum.counts.by_severity, 0,
	    sizeof(fx.sum.counts.by_severity));
	out = run_findings(&fx, output_lookup("json"), NULL, 0);
	assert_non_null(strstr(out, "\"baseline_as_of\":null,"));
	assert_non_null(strstr(out, "\"findings\":[],\"resolved\":[],"));
	free(out);
}

static void
test_json_escapes_and_grows(void **state)
{
	struct fixture		 fx;
	struct user_record	 rec;
	struct finding		 f;
	char			*out, *big;
	cJSON			*doc, *item;
	size_t			 len = 20000;

	(void)state;
	fixture_init(&fx);
	/* Controls become \u00XX, six bytes each: far past the buffer. */
	assert_non_null(big = malloc(len + 1));
	memset(big, '\001', len);
	memcpy(big, "a\"b\\c", 5);
	big[len] = '\0';
	record_init(&rec, big, "arn:aws:iam::" ACCOUNT ":user/x", 7);
	fixture_finding(&f, RULE_DORMANT_USER, &rec, CRED_USER, -1, "idle");
	out = run_findings(&fx, output_lookup("json"), &f, 1);
	assert_non_null(strstr(out, "\"user\":\"a\\\"b\\\\c\\u0001\\u0001"));
	assert_non_null(doc = cJSON_Parse(out));
	item = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "findings"), 0);
	assert_string_equal(cJSON_GetObjectItem(item, "user")->valuestring,
	    big);
	cJSON_Delete(doc);
	free(out);
	free(big);
}

static void
test_ndjson_lines(void **state)
{
	struct fixture	 fx;
	struct finding	 f[3];
	char		*out, *line, *save = NULL;
	size_t		 n = 0;
	cJSON		*obj;

	(void)state;
	fixture_init(&fx);
	fixture_baseline(&fx, f, false);
	f[1].suppressed = true;
	f[1].suppress_reason = "leaver";
	fixture_finding(&f[2], RULE_ROOT_NO_MFA, &fx.root,
	    CRED_MFA, -1, "no MFA");
	f[2].status = FINDING_STATUS_NEW;
	out = run_findings(&fx, output_lookup("ndjson"), f, 3);
	assert_int_equal(count_lines(out), 3);
	assert_true(strncmp(out, "{\"id\":\"" ALICE_ID "\",", 8) == 0);
	assert_non_null(strstr(out, "\"suppressed\":false,\"status\":\"new\","
	    "\"source\":{\"path\":\"r.csv\",\"line\":3}}\n"));
	assert_non_null(strstr(out, "\"suppressed\":true,"
	    "\"suppression_reason\":\"leaver\",\"status\":\"existing\","));
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		assert_non_null(obj = cJSON_Parse(line));
		assert_true(cJSON_IsObject(obj));
		assert_string_equal(cJSON_GetObjectItem(obj, "id")->valuestring,
		    f[n].id);
		cJSON_Delete(obj);
		n++;
	}
	assert_int_equal(n, 3);
	free(out);
	/* Nothing but findings: no findings, no bytes. */
	fixture_init(&fx);
	out = run_findings(&fx, output_lookup("ndjson"), NULL, 0);
	assert_string_equal(out, "");
	free(out);
}

static void
test_ndjson_same_object_as_json(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	char		*out;

	(void)state;
	fixture_init(&fx);
	finding_alice(&f, &fx);
	out = run_findings(&fx, output_lookup("ndjson"), &f, 1);
	assert_string_equal(out, ALICE_JSON "\n");
	free(out);
}

#define ALICE_USER_JSON \
	"{\"account\":\"" ACCOUNT "\",\"user\":\"alice\"," \
	"\"arn\":\"arn:aws:iam::" ACCOUNT ":user/alice\"," \
	"\"created\":\"2025-01-15T09:30:00Z\",\"password\":{" \
	"\"state\":\"enabled\",\"last_used\":\"2026-11-01T08:00:00Z\"," \
	"\"last_used_note\":null,\"last_changed\":\"2025-01-15T09:35:00Z\"," \
	"\"days\":21},\"mfa\":false,\"credentials\":true," \
	"\"access_key_1\":{\"state\":\"active\"," \
	"\"last_rotated\":\"2025-01-15T09:40:00Z\"," \
	"\"last_used\":\"2026-07-26T10:00:00Z\",\"days\":119," \
	"\"region\":\"us-east-1\",\"service\":\"s3\"},\"access_key_2\":{" \
	"\"state\":\"inactive\",\"last_rotated\":\"2025-06-01T00:00:00Z\"," \
	"\"last_used\":null,\"days\":540,\"region\":null,\"service\":null}," \
	"\"cert_1\":{\"state\":\"none\",\"last_rotated\":null}," \
	"\"cert_2\":{\"state\":\"none\",\"last_rotated\":null}," \
	"\"findings\":2,\"worst_severity\":\"medium\"," \
	"\"source\":{\"path\":\"r.csv\",\"line\":3}}"

static void
test_ndjson_inventory(void **state)
{
	struct fixture	 fx;
	char		*out, *second;

	(void)state;
	fixture_init(&fx);
	out = run_inventory(&fx, output_lookup("ndjson"));
	assert_int_equal(count_lines(out), 3);
	assert_non_null(second = strchr(out, '\n'));
	assert_true(strncmp(second + 1, ALICE_USER_JSON "\n",
	    strlen(ALICE_USER_JSON) + 1) == 0);
	free(out);
}

static void
test_json_inventory(void **state)
{
	struct fixture	 fx;
	char		*out, keys[512];
	cJSON		*doc, *users, *bob, *root, *pw;

	(void)state;
	fixture_init(&fx);
	out = run_inventory(&fx, output_lookup("json"));
	assert_non_null(strstr(out, "\"users\":[\n{"));
	assert_non_null(strstr(out, ",\n" ALICE_USER_JSON ",\n"));
	assert_int_equal(count_lines(out), 5);
	assert_non_null(doc = cJSON_Parse(out));
	json_keys(doc, keys, sizeof(keys));
	assert_string_equal(keys, "credaudit_version,as_of,users,inputs,"
	    "summary");
	users = cJSON_GetObjectItem(doc, "users");
	assert_int_equal(cJSON_GetArraySize(users), 3);
	root = cJSON_GetArrayItem(users, 0);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(root,
	    "worst_severity")));
	pw = cJSON_GetObjectItem(root, "password");
	assert_string_equal(cJSON_GetObjectItem(pw, "state")->valuestring,
	    "not_supported");
	assert_int_equal(cJSON_GetObjectItem(pw, "days")->valueint, 2);
	bob = cJSON_GetArrayItem(users, 2);
	pw = cJSON_GetObjectItem(bob, "password");
	assert_string_equal(cJSON_GetObjectItem(pw,
	    "last_used_note")->valuestring, "no_information");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(pw, "last_used")));
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(pw, "days")));
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(bob,
	    "access_key_1"), "days")));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(bob, "credentials")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(root, "credentials")));
	cJSON_Delete(doc);
	free(out);
}

/*
 * Enough findings that each format hands its output to the stream in
 * several blocks: nothing is lost or repeated at a block's edge.
 */
static void
test_formats_many_blocks(void **state)
{
	enum { N = 3000 };
	struct fixture		 fx;
	struct finding		*f;
	struct csv_parser	 p;
	struct csv_seen		 seen;
	cJSON			*doc;
	char			*out;
	size_t			 i;

	(void)state;
	assert_non_null(f = calloc(N, sizeof(*f)));
	fixture_init(&fx);
	for (i = 0; i < N; i++) {
		finding_alice(&f[i], &fx);
		finding_days(&f[i], (int64_t)i);
	}
	out = run_findings(&fx, output_lookup("json"), f, N);
	assert_true(strlen(out) > 4 * 64 * 1024);
	assert_non_null(doc = cJSON_Parse(out));
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc,
	    "findings")), N);
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(doc, "findings"), N - 1), "days")->valueint,
	    N - 1);
	cJSON_Delete(doc);
	free(out);

	fixture_init(&fx);
	out = run_findings(&fx, output_lookup("ndjson"), f, N);
	assert_int_equal(count_lines(out), N);
	free(out);

	fixture_init(&fx);
	out = run_findings(&fx, output_lookup("csv"), f, N);
	assert_true(strlen(out) > 4 * 64 * 1024);
	memset(&seen, 0, sizeof(seen));
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	assert_int_equal(csv_parse(&p, out, strlen(out), csv_seen_field,
	    csv_seen_row, &seen), strlen(out));
	assert_int_equal(csv_fini(&p, csv_seen_field, csv_seen_row, &seen), 0);
	csv_free(&p);
	assert_int_equal(seen.rows, N + 1);
	assert_int_equal(count_lines(out), N + 1);
	free(out);
	free(f);
}

/* --- failed writes --- */

static void
test_format_write_failure(void **state)
{
	const struct output_ops	*ops;
	struct fixture		 fx;
	struct finding		 f;
	struct inventory_row	 row;
	struct output		*out;
	FILE			*fp;
	size_t			 i;
	int			 inv, rc;

	(void)state;
	for (i = 0; (ops = output_format(i)) != NULL; i++) {
		for (inv = 0; inv < 2; inv++) {
			/* --inventory is a usage error for these. */
			if (inv && ops->findings_only)
				continue;
			fixture_init(&fx);
			fx.info.inventory = inv;
			fx.info.opts.region = "us-east-1";
			if ((fp = fopen("/dev/full", "w")) == NULL)
				skip();
			assert_int_equal(setvbuf(fp, NULL, _IONBF, 0), 0);
			assert_non_null(out = ops->open(fp, &fx.info));
			finding_alice(&f, &fx);
			row.rec = &fx.alice;
			row.as_of = AS_OF;
			row.findings = 1;
			row.has_worst = true;
			row.worst = SEV_MEDIUM;
			rc = inv ? output_user(ops, out, &row) :
			    output_finding(ops, out, &f);
			if (rc == 0)
				rc = output_end(ops, out, &fx.sum);
			if (rc != -1)
				fail_msg("%s%s: a failed write went unreported",
				    ops->name, inv ? " --inventory" : "");
			output_free(ops, out);
			fclose(fp);
		}
	}
}

static void
test_format_free_null(void **state)
{
	const struct output_ops	*ops;
	size_t			 i;

	(void)state;
	for (i = 0; (ops = output_format(i)) != NULL; i++)
		output_free(ops, NULL);
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_output_lookup_every_name),
		cmocka_unit_test(test_output_inventory_days),
		cmocka_unit_test(test_csv_findings_rows),
		cmocka_unit_test(test_csv_no_findings_header_only),
		cmocka_unit_test(test_csv_neutralises_formulas),
		cmocka_unit_test(test_csv_quoting_round_trips),
		cmocka_unit_test(test_csv_baseline_status),
		cmocka_unit_test(test_csv_inventory),
		cmocka_unit_test(test_table_sorts_and_aligns),
		cmocka_unit_test(test_table_escapes_terminal_controls),
		cmocka_unit_test(test_table_escapes_bidi_and_invisible),
		cmocka_unit_test(test_table_inventory_escapes_bidi_and_invisible),
		cmocka_unit_test(test_table_colour),
		cmocka_unit_test(test_table_no_findings),
		cmocka_unit_test(test_table_summary_says_what_failed),
		cmocka_unit_test(test_table_baseline),
		cmocka_unit_test(test_table_several_accounts),
		cmocka_unit_test(test_table_long_value_overflows),
		cmocka_unit_test(test_table_fits_terminal_width),
		cmocka_unit_test(test_table_cut_keeps_escapes_whole),
		cmocka_unit_test(test_table_runs_match_held),
		cmocka_unit_test(test_table_inventory),
		cmocka_unit_test(test_json_document_exact),
		cmocka_unit_test(test_json_inputs_root_and_error),
		cmocka_unit_test(test_json_no_findings),
		cmocka_unit_test(test_format_report_age),
		cmocka_unit_test(test_json_structure),
		cmocka_unit_test(test_json_baseline),
		cmocka_unit_test(test_json_escapes_and_grows),
		cmocka_unit_test(test_ndjson_lines),
		cmocka_unit_test(test_ndjson_same_object_as_json),
		cmocka_unit_test(test_ndjson_inventory),
		cmocka_unit_test(test_json_inventory),
		cmocka_unit_test(test_formats_many_blocks),
		cmocka_unit_test(test_format_write_failure),
		cmocka_unit_test(test_format_free_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
