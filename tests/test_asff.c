/*
 * Tests of the asff format: findings built by hand, written into memory,
 * parsed back with cJSON and held to what Security Hub requires of a
 * finding (the required members, their limits) and to the mapping the
 * format's comment describes (ids, resources, archived baseline
 * findings, suppressed ones left out).
 *
 * as_of is 2026-11-23T00:00:00Z (1795392000); alice's key 1 was rotated
 * 2025-01-15T09:40:00Z (1736934000) and her user created
 * 2025-01-15T09:30:00Z (1736933400).
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

#include "baseline.h"
#include "output.h"
#include "report.h"
#include "rules.h"

#define AS_OF		1795392000
#define T_CREATED	1736933400
#define T_ROTATED	1736934000
#define ACCOUNT		"123456789012"
#define ALICE_ARN	"arn:aws:iam::" ACCOUNT ":user/alice"

struct fixture {
	struct policy		 pol;
	struct run_info		 info;
	struct user_record	 root, alice;
	struct input_info	 input;
	struct run_summary	 sum;
};

static const struct cred_time	 NA = { TIME_NA, 0 };

static void
record_init(struct user_record *rec, const char *user, const char *arn)
{
	memset(rec, 0, sizeof(*rec));
	rec->path = "r.csv";
	rec->line = 2;
	rec->user = user;
	rec->arn = arn;
	rec->account = ACCOUNT;
	rec->created.kind = TIME_SET;
	rec->created.t = T_CREATED;
	rec->password_last_used = rec->password_last_changed = NA;
	rec->password_next_rotation = NA;
	rec->key[0].last_rotated = rec->key[0].last_used = NA;
	rec->key[1].last_rotated = rec->key[1].last_used = NA;
	rec->cert[0].last_rotated = rec->cert[0].last_used = NA;
	rec->cert[1].last_rotated = rec->cert[1].last_used = NA;
}

static void
fixture_init(struct fixture *fx)
{
	memset(fx, 0, sizeof(*fx));
	policy_init(&fx->pol);
	fx->pol.as_of = AS_OF;
	fx->info.version = "1.0.0";
	fx->info.policy = &fx->pol;
	fx->info.opts.region = "eu-west-1";
	record_init(&fx->root, "<root_account>", "arn:aws:iam::" ACCOUNT
	    ":root");
	fx->root.is_root = true;
	record_init(&fx->alice, "alice", ALICE_ARN);
	fx->alice.key[0].state = SLOT_ACTIVE;
	fx->alice.key[0].last_rotated.kind = TIME_SET;
	fx->alice.key[0].last_rotated.t = T_ROTATED;
	fx->input.path = "r.csv";
	fx->sum.inputs = &fx->input;
	fx->sum.ninputs = 1;
}

static void
finding_init(struct finding *f, const struct user_record *rec,
    enum rule_index r, const char *cred, const char *msg)
{
	memset(f, 0, sizeof(*f));
	f->rule = r;
	f->def = &rules_table[r];
	f->severity = rules_table[r].severity;
	f->rec = rec;
	f->credential = cred;
	f->threshold = rules_table[r].default_days;
	snprintf(f->id, sizeof(f->id), "%s:%s:%s:%s", rec->account,
	    rec->user, rules_table[r].id, cred);
	snprintf(f->message, sizeof(f->message), "%s", msg);
}

/* The format under test, as --format finds it. */
static const struct output_ops *
asff_ops(void)
{
	const struct output_ops	*ops = output_lookup("asff");

	assert_non_null(ops);
	return ops;
}

/* Write the findings and parse the array back; the caller deletes it. */
static cJSON *
run(struct fixture *fx, const struct finding *f, size_t n)
{
	struct output	*out;
	cJSON		*doc;
	char		*buf = NULL;
	size_t		 len = 0, i;
	FILE		*fp;

	assert_non_null(fp = open_memstream(&buf, &len));
	assert_non_null(out = asff_ops()->open(fp, &fx->info));
	for (i = 0; i < n; i++)
		assert_int_equal(asff_ops()->finding(out, &f[i]), 0);
	assert_int_equal(asff_ops()->end(out, &fx->sum), 0);
	asff_ops()->free(out);
	assert_int_equal(fclose(fp), 0);
	doc = cJSON_Parse(buf);
	if (doc == NULL)
		fail_msg("not JSON: %s", buf);
	assert_true(cJSON_IsArray(doc));
	free(buf);
	return doc;
}

static const char *
str(const cJSON *obj, const char *path)
{
	char		 buf[256], *key, *save = NULL;
	const cJSON	*v = obj;

	snprintf(buf, sizeof(buf), "%s", path);
	for (key = strtok_r(buf, ".", &save); key != NULL && v != NULL;
	    key = strtok_r(NULL, ".", &save)) {
		if (key[0] >= '0' && key[0] <= '9')
			v = cJSON_GetArrayItem(v, atoi(key));
		else
			v = cJSON_GetObjectItemCaseSensitive(v, key);
	}
	if (!cJSON_IsString(v))
		fail_msg("%s: not a string", path);
	return v->valuestring;
}

static int
count(const cJSON *obj, const char *key)
{
	return cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(obj, key));
}

/* Every member Security Hub requires, present and within its limits. */
static void
assert_required(const cJSON *f)
{
	static const char *const	 strings[] = { "SchemaVersion", "Id",
	    "ProductArn", "GeneratorId", "AwsAccountId", "CreatedAt",
	    "UpdatedAt", "Title", "Description" };
	size_t				 i;

	for (i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
		assert_true(strlen(str(f, strings[i])) > 0);
	assert_string_equal(str(f, "SchemaVersion"), "2018-10-08");
	assert_true(strlen(str(f, "Id")) <= 512);
	assert_true(strlen(str(f, "GeneratorId")) <= 512);
	assert_int_equal(strlen(str(f, "AwsAccountId")), 12);
	assert_true(strlen(str(f, "Title")) <= 256);
	assert_true(strlen(str(f, "Description")) <= 1024);
	assert_true(count(f, "Types") >= 1);
	assert_true(count(f, "Resources") >= 1 && count(f, "Resources") <= 32);
	assert_non_null(str(f, "Severity.Label"));
	assert_string_equal(str(f, "CreatedAt"), "2026-11-23T00:00:00Z");
	assert_string_equal(str(f, "UpdatedAt"), "2026-11-23T00:00:00Z");
}

static void
test_asff_key_finding(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	cJSON		*doc, *a;

	(void)state;
	fixture_init(&fx);
	finding_init(&f, &fx.alice, RULE_UNUSED_ACCESS_KEY, "access_key_1",
	    "access key 1 unused for 119 days; threshold 90");
	f.has_days = true;
	f.days = 119;
	doc = run(&fx, &f, 1);
	assert_int_equal(cJSON_GetArraySize(doc), 1);
	a = cJSON_GetArrayItem(doc, 0);
	assert_required(a);
	assert_string_equal(str(a, "Id"), ACCOUNT
	    ":alice:unused-access-key:access_key_1");
	assert_string_equal(str(a, "ProductArn"), "arn:aws:securityhub:"
	    "eu-west-1:" ACCOUNT ":product/" ACCOUNT "/default");
	assert_string_equal(str(a, "GeneratorId"), "credaudit/"
	    "unused-access-key");
	assert_string_equal(str(a, "Severity.Label"), "MEDIUM");
	assert_string_equal(str(a, "Title"), "Access key unused (alice, "
	    "access_key_1)");
	assert_string_equal(str(a, "Description"), "access key 1 unused for "
	    "119 days; threshold 90");
	assert_string_equal(str(a, "Types.0"), "Software and Configuration "
	    "Checks/Industry and Regulatory Standards/CIS AWS Foundations "
	    "Benchmark");
	assert_string_equal(str(a, "Types.1"), "Software and Configuration "
	    "Checks/Industry and Regulatory Standards/AWS Foundational "
	    "Security Best Practices");
	assert_string_equal(str(a, "Types.2"), "Software and Configuration "
	    "Checks/AWS Security Best Practices");
	assert_int_equal(count(a, "Types"), 3);
	/* The key first, then its user. */
	assert_int_equal(count(a, "Resources"), 2);
	assert_string_equal(str(a, "Resources.0.Type"), "AwsIamAccessKey");
	assert_string_equal(str(a, "Resources.0.Id"), ALICE_ARN
	    ":access_key_1");
	assert_string_equal(str(a, "Resources.0.Partition"), "aws");
	assert_string_equal(str(a, "Resources.0.Region"), "eu-west-1");
	assert_string_equal(str(a, "Resources.0.Details.AwsIamAccessKey."
	    "Status"), "Active");
	assert_string_equal(str(a, "Resources.0.Details.AwsIamAccessKey."
	    "CreatedAt"), "2025-01-15T09:40:00Z");
	assert_string_equal(str(a, "Resources.0.Details.AwsIamAccessKey."
	    "PrincipalName"), "alice");
	assert_string_equal(str(a, "Resources.1.Type"), "AwsIamUser");
	assert_string_equal(str(a, "Resources.1.Id"), ALICE_ARN);
	assert_string_equal(str(a, "Resources.1.Details.AwsIamUser."
	    "CreateDate"), "2025-01-15T09:30:00Z");
	assert_string_equal(str(a, "Compliance.Status"), "FAILED");
	assert_string_equal(str(a, "Compliance.RelatedRequirements.0"),
	    "cis-3.0:1.12");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(a, "Compliance"),
	    "RelatedRequirements")), 9);
	assert_string_equal(str(a, "Remediation.Recommendation.Text"),
	    rules_table[RULE_UNUSED_ACCESS_KEY].remediation);
	assert_string_equal(str(a, "ProductFields.credaudit/days"), "119");
	assert_string_equal(str(a, "ProductFields.credaudit/threshold"), "90");
	assert_string_equal(str(a, "RecordState"), "ACTIVE");
	cJSON_Delete(doc);
}

static void
test_asff_two_keys_distinct_ids(void **state)
{
	struct fixture	 fx;
	struct finding	 f[2];
	cJSON		*doc;

	(void)state;
	fixture_init(&fx);
	fx.alice.key[1].state = SLOT_INACTIVE;
	finding_init(&f[0], &fx.alice, RULE_ACCESS_KEY_NOT_ROTATED,
	    "access_key_1", "m");
	finding_init(&f[1], &fx.alice, RULE_ACCESS_KEY_NOT_ROTATED,
	    "access_key_2", "m");
	doc = run(&fx, f, 2);
	assert_int_equal(cJSON_GetArraySize(doc), 2);
	assert_string_not_equal(str(cJSON_GetArrayItem(doc, 0), "Id"),
	    str(cJSON_GetArrayItem(doc, 1), "Id"));
	assert_string_equal(str(cJSON_GetArrayItem(doc, 1),
	    "Resources.0.Details.AwsIamAccessKey.Status"), "Inactive");
	/* No rotation time known: no CreatedAt rather than a wrong one. */
	assert_null(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(
	    cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(doc, 1),
	    "Resources"), 0), "Details"), "AwsIamAccessKey"), "CreatedAt"));
	cJSON_Delete(doc);
}

static void
test_asff_root_is_the_account(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	cJSON		*doc, *a;

	(void)state;
	fixture_init(&fx);
	fx.info.opts.region = "us-gov-west-1";
	fx.root.arn = "arn:aws-us-gov:iam::" ACCOUNT ":root";
	finding_init(&f, &fx.root, RULE_ROOT_NO_MFA, "mfa",
	    "root account has no MFA");
	f.severity = SEV_HIGH;	/* a policy override shows */
	doc = run(&fx, &f, 1);
	a = cJSON_GetArrayItem(doc, 0);
	assert_required(a);
	assert_string_equal(str(a, "ProductArn"), "arn:aws-us-gov:securityhub:"
	    "us-gov-west-1:" ACCOUNT ":product/" ACCOUNT "/default");
	assert_int_equal(count(a, "Resources"), 1);
	assert_string_equal(str(a, "Resources.0.Type"), "AwsAccount");
	assert_string_equal(str(a, "Resources.0.Id"), "AWS::::Account:"
	    ACCOUNT);
	assert_string_equal(str(a, "Resources.0.Partition"), "aws-us-gov");
	assert_string_equal(str(a, "Severity.Label"), "HIGH");
	cJSON_Delete(doc);
}

static void
test_asff_suppressed_left_out_and_empty(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	cJSON		*doc;

	(void)state;
	fixture_init(&fx);
	finding_init(&f, &fx.alice, RULE_DORMANT_USER, "user", "m");
	f.suppressed = true;
	f.suppress_reason = "known";
	doc = run(&fx, &f, 1);
	assert_int_equal(cJSON_GetArraySize(doc), 0);
	cJSON_Delete(doc);
}

static void
test_asff_cuts_long_title(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	char		 user[400];
	const char	*title;
	cJSON		*doc;

	(void)state;
	fixture_init(&fx);
	/* 398 bytes of two-byte characters: a cut must not split one. */
	memset(user, 0, sizeof(user));
	for (size_t i = 0; i + 2 < sizeof(user); i += 2)
		memcpy(user + i, "\xc3\xa9", 2);
	fx.alice.user = user;
	finding_init(&f, &fx.alice, RULE_DORMANT_USER, "user", "m");
	doc = run(&fx, &f, 1);
	title = str(cJSON_GetArrayItem(doc, 0), "Title");
	assert_true(strlen(title) <= 256);
	assert_true(strlen(title) >= 250);
	assert_string_equal(title + strlen(title) - 3, "...");
	/* "Dormant IAM user (" is 18 bytes: an even number of bytes after. */
	assert_int_equal((strlen(title) - 3 - 18) % 2, 0);
	assert_int_equal(strncmp(title, "Dormant IAM user (\xc3\xa9", 20), 0);
	cJSON_Delete(doc);
}

static void
test_asff_baseline_archives_resolved(void **state)
{
	static const struct resolved_finding	 resolved[2] = {
		{ ACCOUNT ":bob:console-without-mfa:password",
		    "console-without-mfa", "high", ACCOUNT, "bob", "password",
		    "console password enabled without MFA",
		    "arn:aws:iam::" ACCOUNT ":user/dev/bob" },
		{ "210987654321:carol:dormant-user:user", NULL, NULL, NULL,
		    "carol", NULL, NULL, NULL },
	};
	struct fixture	 fx;
	struct finding	 f;
	cJSON		*doc, *a;

	(void)state;
	fixture_init(&fx);
	fx.info.baseline = true;
	fx.sum.resolved = resolved;
	fx.sum.nresolved = 2;
	finding_init(&f, &fx.alice, RULE_DORMANT_USER, "user", "m");
	f.status = FINDING_STATUS_NEW;
	doc = run(&fx, &f, 1);
	assert_int_equal(cJSON_GetArraySize(doc), 3);
	a = cJSON_GetArrayItem(doc, 0);
	assert_string_equal(str(a, "RecordState"), "ACTIVE");
	assert_string_equal(str(a, "ProductFields.credaudit/status"), "new");
	a = cJSON_GetArrayItem(doc, 1);
	assert_required(a);
	assert_string_equal(str(a, "Id"), resolved[0].id);
	assert_string_equal(str(a, "RecordState"), "ARCHIVED");
	assert_string_equal(str(a, "Compliance.Status"), "PASSED");
	assert_string_equal(str(a, "Severity.Label"), "HIGH");
	assert_string_equal(str(a, "Resources.0.Id"), resolved[0].arn);
	/* Known only by id: the account from the id, a user ARN made up. */
	a = cJSON_GetArrayItem(doc, 2);
	assert_required(a);
	assert_string_equal(str(a, "AwsAccountId"), "210987654321");
	assert_string_equal(str(a, "GeneratorId"), "credaudit/unknown");
	assert_string_equal(str(a, "Severity.Label"), "INFORMATIONAL");
	assert_string_equal(str(a, "Resources.0.Id"),
	    "arn:aws:iam::210987654321:user/carol");
	assert_string_equal(str(a, "Description"), "No longer found.");
	cJSON_Delete(doc);
}

static void
test_asff_escapes(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	cJSON		*doc;

	(void)state;
	fixture_init(&fx);
	fx.alice.user = "a\"b\\c\nd\x01";
	finding_init(&f, &fx.alice, RULE_DORMANT_USER, "user", "m");
	doc = run(&fx, &f, 1);
	assert_string_equal(str(cJSON_GetArrayItem(doc, 0),
	    "Resources.0.Details.AwsIamUser.UserName"), "a\"b\\c\nd\x01");
	cJSON_Delete(doc);
}

static void
test_asff_write_failure(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	struct output	*out;
	FILE		*fp;
	int		 rc;

	(void)state;
	fixture_init(&fx);
	if ((fp = fopen("/dev/full", "w")) == NULL)
		skip();
	assert_int_equal(setvbuf(fp, NULL, _IONBF, 0), 0);
	assert_non_null(out = asff_ops()->open(fp, &fx.info));
	finding_init(&f, &fx.alice, RULE_DORMANT_USER, "user", "m");
	rc = asff_ops()->finding(out, &f);
	if (rc == 0)
		rc = asff_ops()->end(out, &fx.sum);
	assert_int_equal(rc, -1);
	asff_ops()->free(out);
	fclose(fp);
	asff_ops()->free(NULL);
	/* No region, no output: main makes that a usage error first. */
	fx.info.opts.region = NULL;
	assert_null(asff_ops()->open(stdout, &fx.info));
	assert_int_equal(asff_ops()->region, OUTPUT_REGION_REQUIRED);
	assert_true(asff_ops()->findings_only);
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_asff_key_finding),
		cmocka_unit_test(test_asff_two_keys_distinct_ids),
		cmocka_unit_test(test_asff_root_is_the_account),
		cmocka_unit_test(test_asff_suppressed_left_out_and_empty),
		cmocka_unit_test(test_asff_cuts_long_title),
		cmocka_unit_test(test_asff_baseline_archives_resolved),
		cmocka_unit_test(test_asff_escapes),
		cmocka_unit_test(test_asff_write_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
