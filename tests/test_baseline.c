/*
 * Tests of baselines: a hand-written earlier run's JSON document read
 * back, findings marked new or existing, the resolved ones listed in the
 * baseline's order, and every way a file can fail to be a baseline.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "baseline.h"
#include "fixture.h"

#define LAST_JSON	TESTDATA_DIR "/baseline/last.json"
#define ID_ALICE_KEY	"123456789012:alice:unused-access-key:access_key_1"
#define ID_ALICE_ROT	"123456789012:alice:access-key-not-rotated:access_key_1"
#define ID_BOB		"123456789012:bob:console-without-mfa:password"
#define ID_CAROL	"123456789012:carol:dormant-user:user"

static struct baseline *
load_ok(const char *path)
{
	struct baseline		*b;
	struct fixture_diag	 err;

	b = baseline_load(path, fixture_diag_init(&err));
	if (b == NULL)
		fail_msg("%s", err.text);
	assert_string_equal(err.text, "");
	return b;
}

static void
test_baseline_load_as_of(void **state)
{
	struct baseline	*b = load_ok(LAST_JSON);
	int64_t		 as_of = 0;

	(void)state;
	assert_true(baseline_as_of(b, &as_of));
	/* 2026-08-25T00:00:00Z: 90 days before 2026-11-23 (1795392000). */
	assert_int_equal(as_of, 1787616000);
	baseline_free(b);
}

static void
test_baseline_as_of_null_means_none(void **state)
{
	const char	 doc[] = "{\"credaudit_version\": \"1.0.0\", "
	    "\"as_of\": null, \"findings\": []}";
	struct baseline	*b;
	int64_t		 as_of = 42;

	(void)state;
	b = baseline_parse("n.json", doc, strlen(doc), NULL);
	assert_non_null(b);
	assert_false(baseline_as_of(b, &as_of));
	assert_int_equal(as_of, 42);
	baseline_free(b);
}

static void
test_baseline_mark_new_and_existing(void **state)
{
	struct baseline	*b = load_ok(LAST_JSON);

	(void)state;
	assert_int_equal(baseline_mark(b, ID_ALICE_KEY),
	    FINDING_STATUS_EXISTING);
	assert_int_equal(baseline_mark(b, ID_BOB), FINDING_STATUS_EXISTING);
	/* The same rule for another credential is another finding. */
	assert_int_equal(baseline_mark(b,
	    "123456789012:alice:unused-access-key:access_key_2"),
	    FINDING_STATUS_NEW);
	/* Another account, same user and rule. */
	assert_int_equal(baseline_mark(b,
	    "210987654321:bob:console-without-mfa:password"),
	    FINDING_STATUS_NEW);
	assert_int_equal(baseline_mark(b, ""), FINDING_STATUS_NEW);
	baseline_free(b);
}

static void
test_baseline_resolved_in_baseline_order(void **state)
{
	struct baseline			*b = load_ok(LAST_JSON);
	const struct resolved_finding	*r;
	size_t				 n = 99;

	(void)state;
	/* Nothing marked: every distinct id, the duplicate carol once. */
	r = baseline_resolved(b, &n);
	assert_int_equal(n, 4);
	assert_string_equal(r[0].id, ID_ALICE_KEY);
	assert_string_equal(r[1].id, ID_BOB);
	assert_string_equal(r[2].id, ID_CAROL);
	assert_string_equal(r[3].id, ID_ALICE_ROT);

	baseline_mark(b, ID_BOB);
	r = baseline_resolved(b, &n);
	assert_int_equal(n, 3);
	assert_string_equal(r[0].id, ID_ALICE_KEY);
	assert_string_equal(r[1].id, ID_CAROL);
	assert_string_equal(r[2].id, ID_ALICE_ROT);
	baseline_free(b);
}

static void
test_baseline_resolved_fields(void **state)
{
	struct baseline			*b = load_ok(LAST_JSON);
	const struct resolved_finding	*r;
	size_t				 n;

	(void)state;
	r = baseline_resolved(b, &n);
	assert_int_equal(n, 4);
	assert_string_equal(r[0].rule, "unused-access-key");
	assert_string_equal(r[0].severity, "medium");
	assert_string_equal(r[0].account, "123456789012");
	assert_string_equal(r[0].user, "alice");
	assert_string_equal(r[0].credential, "access_key_1");
	assert_string_equal(r[0].message, "access key 1 unused for 120 days");
	assert_string_equal(r[0].arn, "arn:aws:iam::123456789012:user/alice");
	/* bob's finding has no message in the document. */
	assert_string_equal(r[1].user, "bob");
	assert_null(r[1].message);
	assert_null(r[1].arn);
	baseline_free(b);
}

static void
test_baseline_duplicate_ids(void **state)
{
	struct baseline			*b = load_ok(LAST_JSON);
	const struct resolved_finding	*r;
	size_t				 n;

	(void)state;
	/* Current findings may repeat an id (a duplicated row). */
	assert_int_equal(baseline_mark(b, ID_ALICE_KEY),
	    FINDING_STATUS_EXISTING);
	assert_int_equal(baseline_mark(b, ID_ALICE_KEY),
	    FINDING_STATUS_EXISTING);
	/* carol is in the baseline twice; one mark settles both. */
	assert_int_equal(baseline_mark(b, ID_CAROL), FINDING_STATUS_EXISTING);
	r = baseline_resolved(b, &n);
	assert_int_equal(n, 2);
	assert_string_equal(r[0].id, ID_BOB);
	assert_string_equal(r[1].id, ID_ALICE_ROT);
	baseline_free(b);
}

static void
test_baseline_all_marked_none_resolved(void **state)
{
	struct baseline	*b = load_ok(LAST_JSON);
	size_t		 n = 99;

	(void)state;
	baseline_mark(b, ID_ALICE_KEY);
	baseline_mark(b, ID_ALICE_ROT);
	baseline_mark(b, ID_BOB);
	baseline_mark(b, ID_CAROL);
	(void)baseline_resolved(b, &n);
	assert_int_equal(n, 0);
	baseline_free(b);
}

static void
test_baseline_empty_findings(void **state)
{
	const char	 doc[] = "{\"credaudit_version\": \"1.0.0\", "
	    "\"findings\": []}";
	struct baseline	*b;
	size_t		 n = 99;

	(void)state;
	b = baseline_parse("e.json", doc, strlen(doc), NULL);
	assert_non_null(b);
	assert_int_equal(baseline_mark(b, ID_BOB), FINDING_STATUS_NEW);
	(void)baseline_resolved(b, &n);
	assert_int_equal(n, 0);
	baseline_free(b);
}

static void
test_baseline_free_null(void **state)
{
	(void)state;
	baseline_free(NULL);
}

struct bad_case {
	const char	*doc;
	const char	*err;
};

static void
test_baseline_parse_errors(void **state)
{
	static const struct bad_case	 cases[] = {
		{ "", "x.json: error: not valid JSON near line 1" },
		{ "{\"credaudit_version\": \"1.0.0\", \"findings\": [{\"id\": "
		    "\"1:a:r:c\", \"message\": \"\xc3\x28\"}]}",
		    "x.json: error: not valid UTF-8" },
		{ "{\n\"credaudit_version\": \"1.0.0\",\n\"findings\": [\n}",
		    "x.json: error: not valid JSON near line 4" },
		{ "{\"credaudit_version\": \"1.0.0\", \"findings\": []}\n\nx",
		    "x.json: error: not valid JSON near line 3" },
		{ "[]", "x.json: error: not a credaudit JSON document "
		    "(no credaudit_version)" },
		{ "{\"findings\": []}", "x.json: error: not a credaudit JSON "
		    "document (no credaudit_version)" },
		{ "{\"credaudit_version\": 1, \"findings\": []}",
		    "x.json: error: not a credaudit JSON document "
		    "(no credaudit_version)" },
		{ "{\"credaudit_version\": \"1.0.0\", \"findings\": {}}",
		    "x.json: error: findings is not an array" },
		{ "{\"credaudit_version\": \"1.0.0\"}",
		    "x.json: error: findings is not an array" },
		{ "{\"credaudit_version\": \"1.0.0\", \"users\": []}",
		    "x.json: error: an --inventory document has no findings; "
		    "make the baseline without --inventory" },
		{ "{\"credaudit_version\": \"1.0.0\", \"findings\": "
		    "[{\"id\": \"a\"}, 7]}",
		    "x.json: error: findings[1]: not an object" },
		{ "{\"credaudit_version\": \"1.0.0\", \"findings\": "
		    "[{\"id\": 5}]}", "x.json: error: findings[0]: no id" },
		{ "{\"credaudit_version\": \"1.0.0\", \"findings\": "
		    "[{\"id\": \"\"}]}", "x.json: error: findings[0]: no id" },
		{ "{\"credaudit_version\": \"1.0.0\", "
		    "\"as_of\": \"yesterday\", \"findings\": []}",
		    "x.json: error: as_of is not a timestamp" },
	};
	struct baseline		*b;
	struct fixture_diag	 err;
	char			 want[512];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		b = baseline_parse("x.json", cases[i].doc,
		    strlen(cases[i].doc), fixture_diag_init(&err));
		if (b != NULL)
			fail_msg("case %zu accepted", i);
		snprintf(want, sizeof(want), "%s\n", cases[i].err);
		assert_string_equal(err.text, want);
	}
}

static void
test_baseline_load_errors(void **state)
{
	static const struct bad_case	 cases[] = {
		{ TESTDATA_DIR "/baseline/no-id.json",
		    TESTDATA_DIR "/baseline/no-id.json: error: findings[3]: "
		    "no id" },
		{ TESTDATA_DIR "/baseline/inventory.json",
		    TESTDATA_DIR "/baseline/inventory.json: error: an "
		    "--inventory document has no findings; make the baseline "
		    "without --inventory" },
		{ TESTDATA_DIR "/baseline/broken.json",
		    TESTDATA_DIR "/baseline/broken.json: error: not valid JSON "
		    "near line 5" },
		{ TESTDATA_DIR "/baseline/missing.json",
		    TESTDATA_DIR "/baseline/missing.json: error: cannot read: "
		    "No such file or directory" },
		{ TESTDATA_DIR "/baseline",
		    TESTDATA_DIR "/baseline: error: cannot read: Is a "
		    "directory" },
	};
	struct fixture_diag	 err;
	char			 want[1024];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_null(baseline_load(cases[i].doc,
		    fixture_diag_init(&err)));
		snprintf(want, sizeof(want), "%s\n", cases[i].err);
		assert_string_equal(err.text, want);
	}
}

/* A document of n findings with ids "acct:uN:dormant-user:user". */
static char *
big_document(size_t n)
{
	char	*doc, *p;
	size_t	 i;

	doc = malloc(64 + n * 64);
	assert_non_null(doc);
	p = doc + sprintf(doc, "{\"credaudit_version\": \"1.0.0\", "
	    "\"findings\": [");
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s{\"id\": \"acct:u%zu:dormant-user:user\"}",
		    i > 0 ? "," : "", i);
	strcpy(p, "]}");
	return doc;
}

static void
test_baseline_large(void **state)
{
	const struct resolved_finding	*r;
	struct baseline			*b;
	size_t				 n, i, total = 100000;
	char				*doc, id[64];

	(void)state;
	doc = big_document(total);
	b = baseline_parse("big.json", doc, strlen(doc), NULL);
	free(doc);
	assert_non_null(b);
	for (i = 0; i < total; i += 2) {
		snprintf(id, sizeof(id), "acct:u%zu:dormant-user:user", i);
		assert_int_equal(baseline_mark(b, id), FINDING_STATUS_EXISTING);
		snprintf(id, sizeof(id), "acct:v%zu:dormant-user:user", i);
		assert_int_equal(baseline_mark(b, id), FINDING_STATUS_NEW);
	}
	r = baseline_resolved(b, &n);
	assert_int_equal(n, total / 2);
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "acct:u%zu:dormant-user:user",
		    2 * i + 1);
		assert_string_equal(r[i].id, id);
	}
	baseline_free(b);
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_baseline_load_as_of),
		cmocka_unit_test(test_baseline_as_of_null_means_none),
		cmocka_unit_test(test_baseline_mark_new_and_existing),
		cmocka_unit_test(test_baseline_resolved_in_baseline_order),
		cmocka_unit_test(test_baseline_resolved_fields),
		cmocka_unit_test(test_baseline_duplicate_ids),
		cmocka_unit_test(test_baseline_all_marked_none_resolved),
		cmocka_unit_test(test_baseline_empty_findings),
		cmocka_unit_test(test_baseline_free_null),
		cmocka_unit_test(test_baseline_parse_errors),
		cmocka_unit_test(test_baseline_load_errors),
		cmocka_unit_test(test_baseline_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
