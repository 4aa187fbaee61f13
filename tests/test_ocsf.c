/*
 * Tests of the ocsf format that the schema check (tests/ocsf_schema.sh)
 * cannot make from the command line: a failed write is reported, and a
 * resolved finding that an old baseline knew only by its id still makes
 * a whole event, its account taken from the id.  Structure and types of
 * every event are the schema check's.
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

#define AS_OF	1795392000	/* 2026-11-23T00:00:00Z */

/* The format under test, as --format finds it. */
static const struct output_ops *
ocsf_ops(void)
{
	const struct output_ops	*ops = output_lookup("ocsf");

	assert_non_null(ops);
	return ops;
}

static void
info_init(struct run_info *info, struct policy *pol)
{
	memset(info, 0, sizeof(*info));
	policy_init(pol);
	pol->as_of = AS_OF;
	info->version = "1.0.0";
	info->policy = pol;
}

static void
test_ocsf_resolved_by_id_only(void **state)
{
	static const struct resolved_finding	 r = {
		"210987654321:carol:dormant-user:user", NULL, NULL, NULL,
		NULL, NULL, NULL, NULL
	};
	struct policy		 pol;
	struct run_info		 info;
	struct run_summary	 sum;
	struct output		*out;
	cJSON			*ev;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*fp;

	(void)state;
	info_init(&info, &pol);
	info.baseline = true;
	memset(&sum, 0, sizeof(sum));
	sum.resolved = &r;
	sum.nresolved = 1;
	assert_non_null(fp = open_memstream(&buf, &len));
	assert_non_null(out = ocsf_ops()->open(fp, &info));
	assert_int_equal(ocsf_ops()->end(out, &sum), 0);
	ocsf_ops()->free(out);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(buf[len - 1], '\n');
	assert_non_null(ev = cJSON_Parse(buf));
	assert_int_equal(cJSON_GetObjectItem(ev, "time")->valuedouble,
	    1795392000000.0);
	assert_int_equal(cJSON_GetObjectItem(ev, "severity_id")->valueint, 0);
	assert_int_equal(cJSON_GetObjectItem(ev, "status_id")->valueint, 4);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(
	    cJSON_GetObjectItem(ev, "cloud"), "account"), "uid")->valuestring,
	    "210987654321");
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(ev, "resources"), 0), "uid")->valuestring,
	    "arn:aws:iam::210987654321:root");
	/* No rule known: no remediation, no requirements, a fallback standard. */
	assert_null(cJSON_GetObjectItem(ev, "remediation"));
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(
	    cJSON_GetObjectItem(ev, "compliance"), "standards"), 0)->valuestring,
	    "AWS IAM security best practices");
	cJSON_Delete(ev);
	free(buf);
	policy_free(&pol);
}

static void
test_ocsf_write_failure(void **state)
{
	static const struct resolved_finding	 r = {
		"123456789012:bob:dormant-user:user", "dormant-user", "low",
		"123456789012", "bob", "user", "m", NULL
	};
	struct policy		 pol;
	struct run_info		 info;
	struct run_summary	 sum;
	struct output		*out;
	FILE			*fp;

	(void)state;
	info_init(&info, &pol);
	info.baseline = true;
	memset(&sum, 0, sizeof(sum));
	sum.resolved = &r;
	sum.nresolved = 1;
	if ((fp = fopen("/dev/full", "w")) == NULL)
		skip();
	assert_int_equal(setvbuf(fp, NULL, _IONBF, 0), 0);
	assert_non_null(out = ocsf_ops()->open(fp, &info));
	assert_int_equal(ocsf_ops()->end(out, &sum), -1);
	ocsf_ops()->free(out);
	fclose(fp);
	ocsf_ops()->free(NULL);
	assert_int_equal(ocsf_ops()->region, OUTPUT_REGION_OPTIONAL);
	assert_true(ocsf_ops()->findings_only);
	policy_free(&pol);
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_ocsf_resolved_by_id_only),
		cmocka_unit_test(test_ocsf_write_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
