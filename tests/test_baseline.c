/*
 * Tests of baselines: a hand-written earlier run's JSON document read
 * back, findings marked new or existing, the resolved ones listed in the
 * baseline's order, and every way a file can fail to be a baseline.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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
		{ "", "x.json: error: empty: not a credaudit JSON document or "
		    "NDJSON findings" },
		{ " \n\r\n", "x.json: error: empty: not a credaudit JSON "
		    "document or NDJSON findings" },
		{ "{\"credaudit_version\": \"1.0.0\", \"findings\": [{\"id\": "
		    "\"1:a:r:c\", \"message\": \"\xc3\x28\"}]}",
		    "x.json: error: findings[0].message: not valid UTF-8" },
		/* cJSON would cut the id short at the NUL. */
		{ "{\"credaudit_version\": \"1.0.0\", \"findings\": [{\"id\": "
		    "\"1:a:r:c\\u0000x\"}]}", "x.json: error: findings[0].id: "
		    "holds a NUL character (\\u0000)" },
		{ "{\"credaudit_version\": \"1.0.0\", \"findings\": [], "
		    "\"findings\": [{\"id\": \"1:a:r:c\"}]}",
		    "x.json: error: findings appears more than once" },
		{ "{\"id\": \"1:a:r:c\"}\n{\"id\": \"1:b:r:c\"}\n7\n",
		    "x.json: error: line 3: not an object" },
		{ "\n{\"id\": \"1:a:r:c\"}\n{\"rule\": \"r\"}\n",
		    "x.json: error: line 3: no id" },
		{ "{\"id\": \"1:a:r:c\"}\n{\"id\": \"1:b:r:c\"\n",
		    "x.json: error: not valid JSON near line 2" },
		{ "{\"credaudit_version\": \"1.0.0\", \"findings\": [}",
		    "x.json: error: not valid JSON near line 1" },
		{ "{\"credaudit_version\": \"1.0.0\" \"findings\": []}",
		    "x.json: error: not valid JSON near line 1" },
		{ "{\"credaudit_version\": \"1.0.0\", 7: []}",
		    "x.json: error: not valid JSON near line 1" },
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

/* NDJSON: the findings of `-f ndjson`, one object per line. */
static void
test_baseline_ndjson(void **state)
{
	static const char doc[] =
	    "{\"id\": \"" ID_ALICE_KEY "\", \"rule\": \"unused-access-key\", "
	    "\"controls\": [\"cis-3.0:1.12\"], \"days\": 120, "
	    "\"suppressed\": false, \"source\": {\"line\": 3}}\r\n"
	    "{\"id\": \"" ID_BOB "\", \"message\": \"no MFA\"}\n"
	    "\n"
	    "{\"id\": \"" ID_ALICE_KEY "\"}\n"
	    "{\"id\": \"" ID_CAROL "\", \"user\": \"carol\"}";
	const struct resolved_finding	*r;
	struct baseline			*b;
	struct fixture_diag		 err;
	int64_t				 as_of;
	size_t				 n;

	(void)state;
	b = baseline_parse("n.ndjson", doc, strlen(doc),
	    fixture_diag_init(&err));
	if (b == NULL)
		fail_msg("%s", err.text);
	assert_false(baseline_as_of(b, &as_of));
	assert_int_equal(baseline_mark(b, ID_BOB), FINDING_STATUS_EXISTING);
	assert_int_equal(baseline_mark(b, ID_ALICE_ROT), FINDING_STATUS_NEW);
	r = baseline_resolved(b, &n);
	assert_int_equal(n, 2);
	assert_string_equal(r[0].id, ID_ALICE_KEY);
	assert_string_equal(r[0].rule, "unused-access-key");
	assert_null(r[0].message);
	assert_string_equal(r[1].id, ID_CAROL);
	assert_string_equal(r[1].user, "carol");
	assert_null(r[1].rule);
	baseline_free(b);
}

/* Write text to a new temporary file; its name goes to path. */
static void
temp_write(char path[64], const char *text, size_t len)
{
	int	 fd;

	strcpy(path, "/tmp/credaudit-baseline-XXXXXX");
	assert_true((fd = mkstemp(path)) != -1);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
}

/*
 * n findings as credaudit writes them, pretty-printed as jq would, with
 * numbers, literals, arrays, escapes and an escaped backslash before
 * "u0000" (six plain characters, no NUL) in every one, so that some of
 * each fall on the reader's chunk boundaries.  ndjson: one per line.
 */
static char *
varied_document(size_t n, bool ndjson, size_t *len)
{
	size_t	 cap = 256 + n * 640, i;
	char	*doc = malloc(cap), *p = doc;

	assert_non_null(doc);
	if (!ndjson)
		p += sprintf(p, "{\n  \"credaudit_version\": \"1.0.0\",\n"
		    "  \"as_of\": \"2026-11-23T00:00:00Z\",\n"
		    "  \"thresholds\": {\"unused-password\": 90},\n"
		    "  \"findings\": [\n");
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s{\"id\": \"123456789012:u%zu:dormant-user:"
		    "user\",%s\"rule\": \"dormant-user\", \"severity\": \"low\","
		    " \"account\": \"123456789012\", \"user\": \"u%zu\",%s"
		    "\"credential\": \"user\", \"days\": %zu, \"threshold\": 90,"
		    " \"last_used\": null, \"message\": \"idle \\\"%zu\\\" "
		    "days in C:\\\\u0000dir, caf\\u00e9\", \"controls\": [], "
		    "\"suppressed\": %s, \"source\": {\"path\": \"r.csv\", "
		    "\"line\": %zu}}%s\n", ndjson ? "" : "    ", i,
		    ndjson ? " " : "\n      ", i, ndjson ? " " : "\n      ",
		    90 + i, i, i % 2 ? "true" : "false", i + 2,
		    ndjson || i + 1 == n ? "" : ",");
	if (!ndjson)
		p += sprintf(p, "  ],\n  \"resolved\": [{\"id\": \"x\"}, "
		    "{\"id\": \"y\"}],\n  \"summary\": {\"users\": %zu}\n}\n",
		    n);
	assert_true((size_t)(p - doc) < cap);
	*len = (size_t)(p - doc);
	return doc;
}

/* Read from a file a chunk at a time, the way a real baseline is. */
static void
test_baseline_streamed(void **state)
{
	const struct resolved_finding	*r;
	struct baseline			*b;
	struct fixture_diag		 err;
	size_t				 total = 4000, len, n, i;
	char				 path[64], id[64];
	char				*doc;
	int				 ndjson;

	(void)state;
	for (ndjson = 0; ndjson < 2; ndjson++) {
		doc = varied_document(total, ndjson, &len);
		assert_true(len > 8 * 64 * 1024);
		temp_write(path, doc, len);
		free(doc);
		b = baseline_load(path, fixture_diag_init(&err));
		unlink(path);
		if (b == NULL)
			fail_msg("%s", err.text);
		for (i = 1; i < total; i++) {
			snprintf(id, sizeof(id),
			    "123456789012:u%zu:dormant-user:user", i);
			assert_int_equal(baseline_mark(b, id),
			    FINDING_STATUS_EXISTING);
		}
		r = baseline_resolved(b, &n);
		assert_int_equal(n, 1);
		assert_string_equal(r[0].id,
		    "123456789012:u0:dormant-user:user");
		assert_string_equal(r[0].user, "u0");
		assert_string_equal(r[0].severity, "low");
		assert_string_equal(r[0].message,
		    "idle \"0\" days in C:\\u0000dir, caf\xc3\xa9");
		baseline_free(b);
	}
}

/*
 * A \u0000 escape that the first read cuts in two, and a syntax error
 * and a giant value far into a file, each told apart from a value that
 * is merely cut by the end of a read.
 */
static void
test_baseline_streamed_errors(void **state)
{
	static const char head[] = "{\"credaudit_version\": \"1.0.0\", "
	    "\"findings\": [\n";
	const size_t		 first_read = 2 * 64 * 1024;
	struct fixture_diag	 err;
	size_t			 len, pad, i;
	char			 path[64], want[256];
	char			*doc, *p;

	(void)state;
	doc = malloc(4 * 1024 * 1024);
	assert_non_null(doc);

	/* {"id": "PAD"},\n{"id": "a\u0000"} with the \ at first_read - 3. */
	p = doc + sprintf(doc, "%s{\"id\": \"", head);
	pad = first_read - 3 - (size_t)(p - doc) - strlen("\"},\n{\"id\": \"a");
	memset(p, 'p', pad);
	p += pad;
	p += sprintf(p, "\"},\n{\"id\": \"a\\u0000\"}]}\n");
	assert_int_equal(doc[first_read - 3], '\\');
	temp_write(path, doc, (size_t)(p - doc));
	assert_null(baseline_load(path, fixture_diag_init(&err)));
	unlink(path);
	snprintf(want, sizeof(want), "%s: error: findings[1].id: holds a NUL "
	    "character (\\u0000)\n", path);
	assert_string_equal(err.text, want);

	/* 40000 good lines, then a bad one: the line is named. */
	p = doc + sprintf(doc, "%s", head);
	for (i = 0; i < 40000; i++)
		p += sprintf(p, "{\"id\": \"a:u%zu:r:c\", \"days\": %zu},\n",
		    i, i);
	p += sprintf(p, "{\"id\": \"a:b:r:c\", \"days\": 1 2},\n{\"id\": "
	    "\"z\"}]}\n");
	len = (size_t)(p - doc);
	assert_true(len > 16 * 64 * 1024);
	temp_write(path, doc, len);
	assert_null(baseline_load(path, fixture_diag_init(&err)));
	unlink(path);
	snprintf(want, sizeof(want), "%s: error: not valid JSON near line "
	    "40002\n", path);
	assert_string_equal(err.text, want);

	/* One finding of two MiB. */
	p = doc + sprintf(doc, "%s{\"id\": \"a:b:r:c\"},\n{\"id\": \"", head);
	memset(p, 'x', 2 * 1024 * 1024);
	p += 2 * 1024 * 1024;
	p += sprintf(p, "\"}]}\n");
	temp_write(path, doc, (size_t)(p - doc));
	assert_null(baseline_load(path, fixture_diag_init(&err)));
	unlink(path);
	snprintf(want, sizeof(want), "%s: error: not valid JSON, or a value "
	    "longer than 1024 KiB, near line 3\n", path);
	assert_string_equal(err.text, want);
	free(doc);
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN	1
#endif
#endif

/* Bytes of address space the process has now, from /proc. */
static size_t
address_space(void)
{
	unsigned long	 pages = 0;
	FILE		*fp = fopen("/proc/self/statm", "r");

	if (fp == NULL)
		return 0;
	if (fscanf(fp, "%lu", &pages) != 1)
		pages = 0;
	fclose(fp);
	return pages * (size_t)sysconf(_SC_PAGESIZE);
}

/*
 * Running out of memory says so; it is neither "not valid JSON" nor a
 * read error.  The baseline is loaded in a child whose address space is
 * capped a little above what it has, with far more findings to keep.
 */
static void
test_baseline_out_of_memory(void **state)
{
	struct fixture_diag	 err;
	struct rlimit		 rl;
	size_t			 total = 12000, vsz, i, len;
	char			 path[64], want[256];
	char			*doc, *p;
	pid_t			 pid;
	int			 status;

	(void)state;
#ifdef UNDER_ASAN
	skip();		/* ASan needs more address space than any cap */
#endif
	if ((vsz = address_space()) == 0)
		skip();
	/* Twelve thousand findings of 2 KiB each: 24 MiB to keep. */
	doc = malloc(total * 2200 + 128);
	assert_non_null(doc);
	p = doc + sprintf(doc, "{\"credaudit_version\": \"1.0.0\", "
	    "\"findings\": [\n");
	for (i = 0; i < total; i++) {
		p += sprintf(p, "%s{\"id\": \"a:u%zu:r:c\", \"message\": \"",
		    i > 0 ? ",\n" : "", i);
		memset(p, 'm', 2048);
		p += 2048;
		p += sprintf(p, "\"}");
	}
	p += sprintf(p, "]}\n");
	len = (size_t)(p - doc);
	temp_write(path, doc, len);
	free(doc);
	if ((pid = fork()) == 0) {
		rl.rlim_cur = rl.rlim_max = vsz + 12 * 1024 * 1024;
		if (setrlimit(RLIMIT_AS, &rl) == -1)
			_exit(3);
		if (baseline_load(path, fixture_diag_init(&err)) != NULL)
			_exit(4);
		snprintf(want, sizeof(want), "%s: error: out of memory\n",
		    path);
		if (strcmp(err.text, want) != 0) {
			fprintf(stderr, "got: %s", err.text);
			_exit(5);
		}
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	unlink(path);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
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
		cmocka_unit_test(test_baseline_ndjson),
		cmocka_unit_test(test_baseline_streamed),
		cmocka_unit_test(test_baseline_streamed_errors),
		cmocka_unit_test(test_baseline_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
