/*
 * Tests of the configuration file: the documented example applies as it
 * says, and every mistake is refused with a message naming the JSON path.
 * Every case ends in policy_free(), so the sanitizer build proves that no
 * error path leaks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "fixture.h"

#define AS_OF		INT64_C(1795392000)	/* 2026-11-23T00:00:00Z */
#define EXAMPLE		TESTDATA_DIR "/config-example.json"
#define BADDIR		TESTDATA_DIR "/config/"

static int
parse(const char *text, struct policy *pol, struct fixture_diag *err)
{
	policy_init(pol);
	return config_parse("cfg.json", text, strlen(text), pol,
	    fixture_diag_init(err));
}

static void
test_config_example_applies(void **state)
{
	struct policy		 pol;
	const struct suppression *s;
	struct fixture_diag	 err;

	(void)state;
	policy_init(&pol);
	assert_int_equal(config_load(EXAMPLE, &pol, fixture_diag_init(&err)),
	    0);
	/* "days": 60 for the three unused rules, then per-rule values. */
	assert_int_equal(pol.days[RULE_UNUSED_PASSWORD], 60);
	assert_int_equal(pol.days[RULE_UNUSED_ACCESS_KEY], 45);
	assert_int_equal(pol.days[RULE_DORMANT_USER], 60);
	assert_int_equal(pol.days[RULE_ACCESS_KEY_NOT_ROTATED], 365);
	assert_int_equal(pol.days[RULE_ROOT_RECENT_USE], 30);
	assert_int_equal(pol.days[RULE_CONSOLE_WITHOUT_MFA], RULE_NO_DAYS);
	assert_false(pol.enabled[RULE_DORMANT_USER]);
	assert_true(pol.enabled[RULE_INITIAL_ACCESS_KEY]);
	assert_true(pol.enabled[RULE_ROOT_NO_MFA]);
	assert_int_equal(pol.severity[RULE_CONSOLE_WITHOUT_MFA], SEV_CRITICAL);
	assert_int_equal(pol.severity[RULE_ACCESS_KEY_NOT_ROTATED], SEV_HIGH);
	assert_int_equal(pol.severity[RULE_INITIAL_ACCESS_KEY], SEV_MEDIUM);
	assert_int_equal(pol.severity[RULE_UNUSED_PASSWORD], SEV_MEDIUM);

	assert_int_equal(pol.nsuppressions, 3);
	s = &pol.suppressions[0];
	assert_string_equal(s->account, "123456789012");
	assert_string_equal(s->user, "ci-*");
	assert_int_equal(s->rule, RULE_UNUSED_ACCESS_KEY);
	assert_string_equal(s->credential, "access_key_2");
	assert_string_equal(s->reason,
	    "CI key rotated by pipeline, see TICKET-12");
	assert_true(s->has_expires);
	assert_int_equal(s->expires, 1801353600);	/* 2027-01-31 */

	/* An id names all four parts, kept whole and matched literally. */
	s = &pol.suppressions[1];
	assert_string_equal(s->id,
	    "123456789012:break-glass:console-without-mfa:password");
	assert_null(s->account);
	assert_null(s->user);
	assert_int_equal(s->rule, RULE_CONSOLE_WITHOUT_MFA);
	assert_null(s->credential);
	assert_false(s->has_expires);

	s = &pol.suppressions[2];
	assert_null(s->account);
	assert_string_equal(s->user, "svc-legacy-*");
	assert_int_equal(s->rule, RULE_ACCESS_KEY_NOT_ROTATED);
	assert_null(s->credential);
	assert_true(s->has_expires);
	assert_int_equal(s->expires, 1814356800);	/* 2027-06-30T12:00Z */
	policy_free(&pol);
	assert_null(pol.suppressions);
	assert_int_equal(pol.nsuppressions, 0);
}

static int
count_finding(void *ctx, struct finding *f)
{
	const char	**reason = ctx;

	*reason = f->suppressed ? f->suppress_reason : "";
	return 0;
}

/* The example's first suppression hides exactly what it names. */
static void
test_config_example_suppresses(void **state)
{
	struct policy		 pol;
	struct user_record	 rec;
	struct eval_result	 res;
	const char		*reason = NULL;
	struct fixture_diag	 err;

	(void)state;
	policy_init(&pol);
	assert_int_equal(config_load(EXAMPLE, &pol, fixture_diag_init(&err)),
	    0);
	pol.as_of = AS_OF;
	memset(&rec, 0, sizeof(rec));
	rec.user = "ci-deploy";
	rec.account = "123456789012";
	rec.created.kind = TIME_SET;
	rec.created.t = AS_OF - 1000 * 86400;
	rec.password = PASSWORD_DISABLED;
	rec.password_last_used.kind = TIME_NA;
	rec.password_last_changed.kind = TIME_NA;
	rec.password_next_rotation.kind = TIME_NA;
	rec.key[0].state = SLOT_ABSENT;
	rec.key[0].last_rotated.kind = TIME_NA;
	rec.key[0].last_used.kind = TIME_NA;
	rec.key[1].state = SLOT_ACTIVE;
	rec.key[1].last_rotated.kind = TIME_SET;
	rec.key[1].last_rotated.t = AS_OF - 100 * 86400;
	rec.key[1].last_used.kind = TIME_NA;
	rec.cert[0].last_rotated.kind = TIME_NA;
	rec.cert[1].last_rotated.kind = TIME_NA;
	/* unused-access-key on access_key_2 only (45 days; 100 old). */
	assert_int_equal(rules_eval(&pol, &rec, count_finding, &reason, &res),
	    0);
	assert_int_equal(res.counts.findings, 0);
	assert_int_equal(res.counts.suppressed, 1);
	assert_string_equal(reason,
	    "CI key rotated by pipeline, see TICKET-12");
	/* On the day it expires it no longer applies. */
	pol.as_of = 1801353600;
	rules_eval(&pol, &rec, count_finding, &reason, &res);
	assert_int_equal(res.counts.findings, 1);
	assert_int_equal(res.counts.suppressed, 0);
	policy_free(&pol);
}

/*
 * The inputs use ' for " so the table stays readable; the expected
 * messages leave out the leading "cfg.json: ".
 */
#define DAYS_RANGE	"must be a whole number from 0 to 10000"
#define NO_SELECTOR	"no account, user, rule, credential or id: it " \
			"would suppress every finding"
#define BAD_ID		"expected ACCOUNT:USER:RULE:CREDENTIAL"
#define BAD_DATE	"expected a date YYYY-MM-DD or a timestamp"

static const struct {
	const char	*json;
	const char	*err;
} error_cases[] = {
	{ "[]", "$: expected an object" },
	{ "'days'", "$: expected an object" },
	{ "{'day': 90}", "$.day: unknown key" },
	{ "{'days': 90, 'days': 45}", "$.days: duplicate key" },
	{ "{'days': '90'}", "$.days: " DAYS_RANGE },
	{ "{'days': 90.5}", "$.days: " DAYS_RANGE },
	{ "{'days': -1}", "$.days: " DAYS_RANGE },
	{ "{'days': 10001}", "$.days: " DAYS_RANGE },
	{ "{'days': 1e300}", "$.days: " DAYS_RANGE },
	{ "{'days': null}", "$.days: " DAYS_RANGE },
	{ "{'rules': []}", "$.rules: expected an object" },
	{ "{'rules': {'foo': {}}}", "$.rules.foo: unknown rule" },
	{ "{'rules': {'x': {}, 'x': {}}}", "$.rules.x: duplicate key" },
	{ "{'rules': {'dormant-user': true}}",
	    "$.rules.dormant-user: expected an object" },
	{ "{'rules': {'dormant-user': {'enable': false}}}",
	    "$.rules.dormant-user.enable: unknown key" },
	{ "{'rules': {'dormant-user': {'enabled': 'no'}}}",
	    "$.rules.dormant-user.enabled: expected true or false" },
	{ "{'rules': {'dormant-user': {'days': 5, 'days': 6}}}",
	    "$.rules.dormant-user.days: duplicate key" },
	{ "{'rules': {'dormant-user': {'days': 1.5}}}",
	    "$.rules.dormant-user.days: " DAYS_RANGE },
	{ "{'rules': {'console-without-mfa': {'days': 5}}}",
	    "$.rules.console-without-mfa.days: rule has no threshold" },
	{ "{'rules': {'dormant-user': {'severity': 'urgent'}}}",
	    "$.rules.dormant-user.severity: unknown severity \"urgent\" "
	    "(low, medium, high or critical)" },
	{ "{'rules': {'dormant-user': {'severity': 3}}}",
	    "$.rules.dormant-user.severity: expected a string" },
	{ "{'a\\u0001b': 1}", "$.a?b: unknown key" },
	{ "{'suppressions': {}}", "$.suppressions: expected an array" },
	{ "{'suppressions': [1]}", "$.suppressions[0]: expected an object" },
	{ "{'suppressions': [{'user': 'ci-*'}]}",
	    "$.suppressions[0].reason: missing" },
	{ "{'suppressions': [{'user': 'ci-*', 'reason': ''}]}",
	    "$.suppressions[0].reason: must not be empty" },
	{ "{'suppressions': [{'reason': 'all'}]}",
	    "$.suppressions[0]: " NO_SELECTOR },
	{ "{'suppressions': [{'reason': 'x', 'expires': '2027-01-31'}]}",
	    "$.suppressions[0]: " NO_SELECTOR },
	{ "{'suppressions': [{'user': 'a', 'reason': 'x', 'why': 'y'}]}",
	    "$.suppressions[0].why: unknown key" },
	{ "{'suppressions': [{'user': 'a', 'user': 'b', 'reason': 'x'}]}",
	    "$.suppressions[0].user: duplicate key" },
	{ "{'suppressions': [{'user': 5, 'reason': 'x'}]}",
	    "$.suppressions[0].user: expected a string" },
	{ "{'suppressions': [{'account': '', 'reason': 'x'}]}",
	    "$.suppressions[0].account: must not be empty" },
	{ "{'suppressions': [{'rule': 'foo', 'reason': 'x'}]}",
	    "$.suppressions[0].rule: unknown rule \"foo\"" },
	{ "{'suppressions': [{'credential': 'access_key_3', 'reason': 'x'}]}",
	    "$.suppressions[0].credential: unknown credential "
	    "\"access_key_3\"" },
	{ "{'suppressions': [{'user': 'a', 'reason': 'x', "
	    "'expires': '2027-02-30'}]}",
	    "$.suppressions[0].expires: " BAD_DATE },
	{ "{'suppressions': [{'user': 'a', 'reason': 'x', "
	    "'expires': '31/01/2027'}]}",
	    "$.suppressions[0].expires: " BAD_DATE },
	{ "{'suppressions': [{'user': 'a', 'reason': 'x', "
	    "'expires': 20270131}]}",
	    "$.suppressions[0].expires: expected a string" },
	/* The first is kept until the second fails; nothing leaks. */
	{ "{'suppressions': [{'user': 'a', 'reason': 'x'}, {'user': 'b', "
	    "'rule': 'unused-password', 'credential': 'cert_3', "
	    "'reason': 'y'}]}",
	    "$.suppressions[1].credential: unknown credential \"cert_3\"" },
	{ "{'suppressions': [{'id': '1:a:unused-password', 'reason': 'x'}]}",
	    "$.suppressions[0].id: " BAD_ID },
	{ "{'suppressions': [{'id': ':a:unused-password:password', "
	    "'reason': 'x'}]}",
	    "$.suppressions[0].id: " BAD_ID },
	{ "{'suppressions': [{'id': '1::unused-password:password', "
	    "'reason': 'x'}]}",
	    "$.suppressions[0].id: " BAD_ID },
	{ "{'suppressions': [{'id': '1:a::password', 'reason': 'x'}]}",
	    "$.suppressions[0].id: " BAD_ID },
	{ "{'suppressions': [{'id': '1:a:unused-password:', 'reason': 'x'}]}",
	    "$.suppressions[0].id: " BAD_ID },
	{ "{'suppressions': [{'id': '1:a:nope:password', 'reason': 'x'}]}",
	    "$.suppressions[0].id: unknown rule \"nope\"" },
	{ "{'suppressions': [{'id': '1:a:unused-password:pw', "
	    "'reason': 'x'}]}",
	    "$.suppressions[0].id: unknown credential \"pw\"" },
	{ "{'suppressions': [{'reason': 'x', 'user': 'b', "
	    "'id': '1:a:unused-password:password'}]}",
	    "$.suppressions[0].user: not allowed with \"id\"" },
	/* cJSON would end each of these strings at the NUL. */
	{ "{'suppressions': [{'user': '*\\u0000-legacy', 'reason': 'x'}]}",
	    "$.suppressions[0].user: holds a NUL character (\\u0000)" },
	{ "{'suppressions': [{'user': 'a', 'reason': 'x\\u0000'}]}",
	    "$.suppressions[0].reason: holds a NUL character (\\u0000)" },
	{ "{'suppressions': [{'account': '123456789012\\u0000x', "
	    "'reason': 'x'}]}",
	    "$.suppressions[0].account: holds a NUL character (\\u0000)" },
	{ "{'suppressions': [{'id': '1:a:unused-password:password\\u0000x', "
	    "'reason': 'x'}]}",
	    "$.suppressions[0].id: holds a NUL character (\\u0000)" },
	{ "{'rules': {'dormant-user': {'severity': 'low\\u0000'}}}",
	    "$.rules.dormant-user.severity: holds a NUL character (\\u0000)" },
	{ "{'rules': {'dormant-user\\u0000x': {'enabled': false}}}",
	    "$.rules: a key holds a NUL character (\\u0000)" },
	{ "{'days\\u0000': 5}", "$: a key holds a NUL character (\\u0000)" },
	{ "", "not valid JSON near line 1" },
	{ "{\n  'days': 90,\n  oops\n}", "not valid JSON near line 3" },
	{ "{\r  'days': 90,\r  oops\r}", "not valid JSON near line 3" },
	{ "{\r\n  'days': 90,\r\n  oops\r\n}", "not valid JSON near line 3" },
	{ "{}\n\nx", "not valid JSON near line 3" },
	{ "{} {}", "not valid JSON near line 1" },
	{ "{'suppressions': [{'user': 'a', 'reason': 'bad \xff byte'}]}",
	    "not valid UTF-8" },
};

static void
test_config_errors(void **state)
{
	struct policy	 pol;
	char		 json[256], want[512];
	struct fixture_diag	 err;
	size_t		 i, j;

	(void)state;
	for (i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++) {
		print_message("case %zu: %s\n", i, error_cases[i].json);
		snprintf(json, sizeof(json), "%s", error_cases[i].json);
		for (j = 0; json[j] != '\0'; j++)
			if (json[j] == '\'')
				json[j] = '"';
		assert_int_equal(parse(json, &pol, &err), -1);
		snprintf(want, sizeof(want), "cfg.json: error: %s\n",
		    error_cases[i].err);
		assert_string_equal(err.text, want);
		policy_free(&pol);
	}
}

static void
test_config_accepts(void **state)
{
	struct policy	 pol;
	struct fixture_diag	 err;

	(void)state;
	assert_int_equal(parse("{}", &pol, &err), 0);
	assert_int_equal(pol.days[RULE_UNUSED_PASSWORD], 90);
	assert_int_equal(pol.nsuppressions, 0);
	policy_free(&pol);

	/* Bounds, any key order, and whitespace around the document. */
	assert_int_equal(parse(" \r\n{\"rules\": {\"dormant-user\": "
	    "{\"days\": 10000, \"severity\": \"HIGH\"}, \"unused-password\": "
	    "{\"days\": 0}}, \"days\": 30, \"suppressions\": []}\r\n", &pol,
	    &err), 0);
	assert_int_equal(pol.days[RULE_DORMANT_USER], 10000);
	assert_int_equal(pol.days[RULE_UNUSED_PASSWORD], 0);
	assert_int_equal(pol.days[RULE_UNUSED_ACCESS_KEY], 30);
	assert_int_equal(pol.severity[RULE_DORMANT_USER], SEV_HIGH);
	policy_free(&pol);

	/* A UTF-8 byte order mark is skipped. */
	assert_int_equal(parse("\xef\xbb\xbf{\"days\": 7}", &pol,
	    &err), 0);
	assert_int_equal(pol.days[RULE_DORMANT_USER], 7);
	policy_free(&pol);

	/* The text need not end in NUL; nothing past len is read. */
	policy_init(&pol);
	assert_int_equal(config_parse("cfg.json", "{\"days\": 8}garbage", 11,
	    &pol, fixture_diag_init(&err)), 0);
	assert_int_equal(pol.days[RULE_UNUSED_PASSWORD], 8);
	policy_free(&pol);

	/* Every credential name, and an id whose user part looks a glob. */
	assert_int_equal(parse("{\"suppressions\": ["
	    "{\"credential\": \"password\", \"reason\": \"1\"},"
	    "{\"credential\": \"access_key_1\", \"reason\": \"2\"},"
	    "{\"credential\": \"access_key_2\", \"reason\": \"3\"},"
	    "{\"credential\": \"access_keys\", \"reason\": \"4\"},"
	    "{\"credential\": \"mfa\", \"reason\": \"5\"},"
	    "{\"credential\": \"cert_1\", \"reason\": \"6\"},"
	    "{\"credential\": \"cert_2\", \"reason\": \"7\"},"
	    "{\"credential\": \"user\", \"reason\": \"8\"},"
	    "{\"id\": \"000000000000:ci-*:dormant-user:user\", "
	    "\"reason\": \"9\", \"expires\": \"2027-01-31T06:00:00+02:00\"}"
	    "]}", &pol, &err), 0);
	assert_int_equal(pol.nsuppressions, 9);
	assert_string_equal(pol.suppressions[7].credential, "user");
	assert_int_equal(pol.suppressions[7].rule, -1);
	assert_null(pol.suppressions[7].user);
	assert_string_equal(pol.suppressions[8].id,
	    "000000000000:ci-*:dormant-user:user");
	assert_null(pol.suppressions[8].account);
	assert_null(pol.suppressions[8].user);
	assert_int_equal(pol.suppressions[8].rule, RULE_DORMANT_USER);
	assert_null(pol.suppressions[8].credential);
	assert_string_equal(pol.suppressions[8].reason, "9");
	/* 2027-01-31T04:00:00Z */
	assert_int_equal(pol.suppressions[8].expires, 1801353600 + 4 * 3600);
	policy_free(&pol);

	/* An escaped backslash before u0000 is no NUL: six characters. */
	assert_int_equal(parse("{\"suppressions\": [{\"user\": "
	    "\"a\\\\u0000\", \"reason\": \"x\"}]}", &pol, &err), 0);
	assert_string_equal(pol.suppressions[0].user, "a\\u0000");
	policy_free(&pol);
}

/* The reason of the suppression that hid the one finding of rec. */
static const char *
suppressed_by(const struct policy *pol, const char *user)
{
	struct user_record	 rec;
	struct eval_result	 res;
	const char		*reason = NULL;

	memset(&rec, 0, sizeof(rec));
	rec.user = user;
	rec.account = "123456789012";
	rec.created.kind = TIME_SET;
	rec.created.t = AS_OF - 10 * 86400;
	rec.password = PASSWORD_ENABLED;
	rec.password_last_used.kind = TIME_NA;
	rec.password_last_changed.kind = TIME_NA;
	rec.password_next_rotation.kind = TIME_NA;
	rec.key[0].last_rotated.kind = rec.key[0].last_used.kind = TIME_NA;
	rec.key[1].last_rotated.kind = rec.key[1].last_used.kind = TIME_NA;
	rec.cert[0].last_rotated.kind = rec.cert[1].last_rotated.kind =
	    TIME_NA;
	/* console-without-mfa, and nothing else at ten days old. */
	assert_int_equal(rules_eval(pol, &rec, count_finding, &reason, &res),
	    0);
	assert_int_equal(res.counts.findings + res.counts.suppressed, 1);
	return reason;
}

/*
 * An id is literal in all four parts: its "*" is a user named "*", and
 * "?" and "[" are no glob either.  Globs belong to "user" alone.
 */
static void
test_config_id_is_literal(void **state)
{
	struct policy		 pol;
	struct fixture_diag	 err;

	(void)state;
	assert_int_equal(parse("{\"suppressions\": ["
	    "{\"id\": \"123456789012:*:console-without-mfa:password\", "
	    "\"reason\": \"star\"},"
	    "{\"id\": \"123456789012:b?b:console-without-mfa:password\", "
	    "\"reason\": \"question\"},"
	    "{\"id\": \"123456789012:[c]arol:console-without-mfa:password\", "
	    "\"reason\": \"bracket\"},"
	    "{\"user\": \"glob-*\", \"reason\": \"user glob\"}"
	    "]}", &pol, &err), 0);
	pol.as_of = AS_OF;
	assert_string_equal(suppressed_by(&pol, "alice"), "");
	assert_string_equal(suppressed_by(&pol, "*"), "star");
	assert_string_equal(suppressed_by(&pol, "bob"), "");
	assert_string_equal(suppressed_by(&pol, "b?b"), "question");
	assert_string_equal(suppressed_by(&pol, "carol"), "");
	assert_string_equal(suppressed_by(&pol, "[c]arol"), "bracket");
	assert_string_equal(suppressed_by(&pol, "glob-x"), "user glob");
	policy_free(&pol);
}

/* Loading names the file; the bad examples under testdata/config. */
static void
test_config_load_files(void **state)
{
	static const struct {
		const char	*file;
		const char	*err;
	} cases[] = {
		{ "trailing-comma.json", "not valid JSON near line 5" },
		{ "unknown-rule.json",
		    "$.rules.unused-acess-key: unknown rule" },
		{ "no-reason.json", "$.suppressions[0].reason: missing" },
		{ "does-not-exist.json",
		    "cannot open: No such file or directory" },
	};
	struct policy	 pol;
	char		 want[512];
	struct fixture_diag	 err;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		policy_init(&pol);
		snprintf(want, sizeof(want), "%s%s", BADDIR, cases[i].file);
		assert_int_equal(config_load(want, &pol,
		    fixture_diag_init(&err)), -1);
		snprintf(want, sizeof(want), "%s%s: error: %s\n", BADDIR,
		    cases[i].file, cases[i].err);
		assert_string_equal(err.text, want);
		policy_free(&pol);
	}
}

/* A megabyte is plenty; one byte more is refused before parsing. */
static void
test_config_load_size_cap(void **state)
{
	char		 path[] = "/tmp/test_config.XXXXXX";
	char		 want[512];
	struct fixture_diag	 err;
	struct policy	 pol;
	char		*big;
	size_t		 cap = 1024 * 1024;
	int		 fd;

	(void)state;
	assert_non_null(big = malloc(cap + 1));
	memset(big, ' ', cap + 1);
	big[0] = '{';
	big[cap - 1] = '}';
	assert_true((fd = mkstemp(path)) != -1);
	assert_int_equal(write(fd, big, cap), (ssize_t)cap);
	policy_init(&pol);
	assert_int_equal(config_load(path, &pol, fixture_diag_init(&err)), 0);
	assert_int_equal(write(fd, " ", 1), 1);
	assert_int_equal(config_load(path, &pol, fixture_diag_init(&err)), -1);
	snprintf(want, sizeof(want), "%s: error: larger than 1 MiB\n", path);
	assert_string_equal(err.text, want);
	policy_free(&pol);
	close(fd);
	unlink(path);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_example_applies),
		cmocka_unit_test(test_config_example_suppresses),
		cmocka_unit_test(test_config_errors),
		cmocka_unit_test(test_config_accepts),
		cmocka_unit_test(test_config_id_is_literal),
		cmocka_unit_test(test_config_load_files),
		cmocka_unit_test(test_config_load_size_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
