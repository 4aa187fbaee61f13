/*
 * Tests of the timestamp parser and printer: the shapes a credential
 * report holds, every impossible date, and the age arithmetic rules
 * depend on.  Expected epoch values were computed by hand from the
 * calendar (day counts per month from the first of the year).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "timeparse.h"

struct valid_case {
	const char	*text;
	int64_t		 expect;
};

static const struct valid_case valid_cases[] = {
	{ "1970-01-01T00:00:00Z", 0 },
	{ "1970-01-01T00:00:00+00:00", 0 },
	{ "1970-01-01T00:00:01Z", 1 },
	/* 2000-01-01 is 946684800; Feb 29 is 59 days later. */
	{ "2000-02-29T00:00:00Z", 951782400 },
	/* 2016-01-01 is 1451606400; Oct 20 is day 293 of a leap year. */
	{ "2016-10-20T20:27:00+00:00", 1476995220 },
	{ "2016-10-20T20:27:00Z", 1476995220 },
	{ "2016-10-20t20:27:00z", 1476995220 },
	{ "2016-10-20T20:27:00.5Z", 1476995220 },
	{ "2016-10-20T20:27:00.999999999999+00:00", 1476995220 },
	{ "2016-10-20T20:27:00-00:00", 1476995220 },
	/* East of UTC: the same wall clock is earlier in UTC. */
	{ "2016-10-20T20:27:00+05:30", 1476995220 - 19800 },
	{ "2016-10-20T20:27:00+0530", 1476995220 - 19800 },
	{ "2016-10-20T20:27:00+05", 1476995220 - 18000 },
	{ "2016-10-20T20:27:00-08:00", 1476995220 + 28800 },
	{ "2016-10-20T20:27:00.25-08:00", 1476995220 + 28800 },
	/* 2024-01-01 is 1704067200. */
	{ "2024-02-29T12:00:00Z", 1704067200 + 59 * 86400 + 43200 },
	{ "2038-01-19T03:14:08Z", 2147483648LL },
	{ "2099-02-03T09:50:21+00:00", 4073795421LL },
	{ "9999-12-31T23:59:59Z", 253402300799LL },
	/* An offset may carry a time before the epoch. */
	{ "2016-12-31T23:59:59+00:00", 1483228799 },
};

static const char *invalid_cases[] = {
	"",
	"2016-10-20",
	"2016-10-20T20:27:00",		/* no zone */
	"2016-10-20T20:27Z",		/* no seconds */
	"2016-10-20 20:27:00Z",		/* space for T */
	"2016-00-20T20:27:00Z",
	"2016-13-01T00:00:00+00:00",
	"2016-01-00T00:00:00Z",
	"2016-01-32T00:00:00Z",
	"2016-04-31T00:00:00Z",
	"2023-02-29T00:00:00Z",
	"2100-02-29T00:00:00Z",
	"2016-02-30T00:00:00Z",
	"2016-10-20T24:00:00Z",
	"2016-10-20T23:60:00Z",
	"2016-12-31T23:59:60Z",		/* leap second */
	"1969-12-31T23:59:59Z",
	"0000-01-01T00:00:00Z",
	"10000-01-01T00:00:00Z",
	/* In range as written, out of range in UTC. */
	"1970-01-01T00:00:00+01:00",
	"1970-01-01T00:30:00+01:00",
	"9999-12-31T23:30:00-05:30",
	"2016-10-20T20:27:00+00:00x",
	"2016-10-20T20:27:00Zx",
	"2016-10-20T20:27:00+24:00",
	"2016-10-20T20:27:00+05:60",
	"2016-10-20T20:27:00+5:30",
	"2016-10-20T20:27:00+05:3",
	"2016-10-20T20:27:00+05-30",
	"2016-10-20T20:27:00+",
	"2016-10-20T20:27:00.Z",
	"2016-10-20T20:27:00.+00:00",
	"2016-10-20T20:27:00,5Z",
	"2016/10/20T20:27:00Z",
	"2016-10-20T20-27-00Z",
	"2016-1a-20T20:27:00Z",
	"201a-10-20T20:27:00Z",
	"2016-10-20T2:27:00+00:00Z",
	" 2016-10-20T20:27:00Z",
	"2016-10-20T20:27:00Z ",
	"N/A",
	"no_information",
};

static void
test_iso8601_valid(void **state)
{
	int64_t	 t;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(valid_cases) / sizeof(valid_cases[0]); i++) {
		const struct valid_case *vc = &valid_cases[i];

		t = -42;
		if (timeparse_iso8601(vc->text, strlen(vc->text), &t) != 0)
			fail_msg("refused %s", vc->text);
		if (t != vc->expect)
			fail_msg("%s: got %lld, want %lld", vc->text,
			    (long long)t, (long long)vc->expect);
	}
}

static void
test_iso8601_invalid(void **state)
{
	int64_t	 t;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(invalid_cases) / sizeof(invalid_cases[0]); i++) {
		const char *s = invalid_cases[i];

		if (timeparse_iso8601(s, strlen(s), &t) == 0)
			fail_msg("accepted \"%s\"", s);
	}
}

/* The length bounds the parse: bytes past len are never looked at. */
static void
test_iso8601_length_bounds(void **state)
{
	const char	*s = "2016-10-20T20:27:00+00:00 and more";
	int64_t		 t;

	(void)state;
	assert_int_equal(timeparse_iso8601(s, 25, &t), 0);
	assert_int_equal(t, 1476995220);
	assert_int_equal(timeparse_iso8601(s, 24, &t), -1);
	assert_int_equal(timeparse_iso8601(s, 26, &t), -1);
	assert_int_equal(timeparse_iso8601(s, 0, &t), -1);
	assert_int_equal(timeparse_iso8601(NULL, 0, &t), -1);
	/* Cut inside the zone, inside the clock, inside the fraction. */
	assert_int_equal(timeparse_iso8601("2016-10-20T20:27:00.5", 21, &t),
	    -1);
	assert_int_equal(timeparse_iso8601("2016-10-20T20:27:00Z", 15, &t),
	    -1);
}

static void
test_iso8601_leap_years(void **state)
{
	static const struct {
		const char	*text;
		int		 ok;
	} cases[] = {
		{ "2000-02-29T00:00:00Z", 1 },	/* divisible by 400 */
		{ "2024-02-29T00:00:00Z", 1 },	/* divisible by 4 */
		{ "2023-02-29T00:00:00Z", 0 },
		{ "2100-02-29T00:00:00Z", 0 },	/* divisible by 100 */
		{ "2400-02-29T00:00:00Z", 1 },
		{ "2024-02-30T00:00:00Z", 0 },
		{ "2023-02-28T00:00:00Z", 1 },
	};
	int64_t	 t;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = timeparse_iso8601(cases[i].text,
		    strlen(cases[i].text), &t);

		if ((rc == 0) != cases[i].ok)
			fail_msg("%s: got %d", cases[i].text, rc);
	}
}

static void
test_date_or_time_forms(void **state)
{
	int64_t	 t;

	(void)state;
	/* 2026-01-01 is 1767225600; Nov 23 is day 326 of a common year. */
	assert_int_equal(timeparse_date_or_time("2026-11-23", &t), 0);
	assert_int_equal(t, 1767225600 + 326 * 86400);
	assert_int_equal(timeparse_date_or_time("1970-01-01", &t), 0);
	assert_int_equal(t, 0);
	assert_int_equal(timeparse_date_or_time("2016-10-20T20:27:00Z", &t),
	    0);
	assert_int_equal(t, 1476995220);
	assert_int_equal(timeparse_date_or_time("2026-02-29", &t), -1);
	assert_int_equal(timeparse_date_or_time("2026-11-23x", &t), -1);
	assert_int_equal(timeparse_date_or_time("2026-11-2", &t), -1);
	assert_int_equal(timeparse_date_or_time("2026-11-23T00:00", &t), -1);
	assert_int_equal(timeparse_date_or_time("", &t), -1);
	assert_int_equal(timeparse_date_or_time("yesterday", &t), -1);
	assert_int_equal(timeparse_date_or_time(NULL, &t), -1);
}

static void
test_days_from_civil_known(void **state)
{
	(void)state;
	assert_int_equal(timeparse_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(timeparse_days_from_civil(1970, 1, 2), 1);
	assert_int_equal(timeparse_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(timeparse_days_from_civil(1971, 1, 1), 365);
	/* 30 years, 7 of them leap (72..96). */
	assert_int_equal(timeparse_days_from_civil(2000, 1, 1), 10957);
	assert_int_equal(timeparse_days_from_civil(2000, 3, 1), 10957 + 60);
	assert_int_equal(timeparse_days_from_civil(0, 3, 1), -719468);
}

static void
test_format_round_trip(void **state)
{
	static const char *stamps[] = {
		"1970-01-01T00:00:00Z",
		"2000-02-29T23:59:59Z",
		"2016-10-20T20:27:00Z",
		"2024-02-29T12:00:00Z",
		"2100-03-01T00:00:00Z",
		"9999-12-31T23:59:59Z",
	};
	char	 buf[TIMESTAMP_BUFSZ], date[11];
	int64_t	 t, again;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(stamps) / sizeof(stamps[0]); i++) {
		assert_int_equal(timeparse_iso8601(stamps[i],
		    strlen(stamps[i]), &t), 0);
		timeparse_format(t, buf);
		assert_string_equal(buf, stamps[i]);
		assert_int_equal(timeparse_iso8601(buf, strlen(buf), &again),
		    0);
		assert_int_equal(again, t);
		timeparse_format_date(t, date);
		assert_memory_equal(date, stamps[i], 10);
		assert_int_equal(date[10], '\0');
	}
}

static void
test_format_offsets_to_utc(void **state)
{
	char	 buf[TIMESTAMP_BUFSZ];
	int64_t	 t;

	(void)state;
	assert_int_equal(timeparse_iso8601("2016-10-20T01:00:00+05:30", 25,
	    &t), 0);
	timeparse_format(t, buf);
	assert_string_equal(buf, "2016-10-19T19:30:00Z");
	assert_int_equal(timeparse_iso8601("2016-12-31T20:00:00-08:00", 25,
	    &t), 0);
	timeparse_format(t, buf);
	assert_string_equal(buf, "2017-01-01T04:00:00Z");
	/* The range edges, and times outside it held to the edges. */
	timeparse_format(TIME_MAX_SECONDS, buf);
	assert_string_equal(buf, "9999-12-31T23:59:59Z");
	timeparse_format(TIME_MAX_SECONDS + 1, buf);
	assert_string_equal(buf, "9999-12-31T23:59:59Z");
	timeparse_format(-1, buf);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	timeparse_format_date(86399, buf);
	assert_string_equal(buf, "1970-01-01");
	timeparse_format_date(86400, buf);
	assert_string_equal(buf, "1970-01-02");
}

static void
test_age_days_boundaries(void **state)
{
	const int64_t	 t = 1476995220;

	(void)state;
	assert_int_equal(timeparse_age_days(t, t), 0);
	assert_int_equal(timeparse_age_days(t, t + 86399), 0);
	assert_int_equal(timeparse_age_days(t, t + 86400), 1);
	assert_int_equal(timeparse_age_days(t, t + 90 * 86400 - 1), 89);
	assert_int_equal(timeparse_age_days(t, t + 90 * 86400), 90);
	/* The future is zero days old, never negative. */
	assert_int_equal(timeparse_age_days(t + 1, t), 0);
	assert_int_equal(timeparse_age_days(t + 86400 * 10, t), 0);
	/* Before the epoch the division still floors. */
	assert_int_equal(timeparse_age_days(-1, 0), 0);
	assert_int_equal(timeparse_age_days(-86400, 0), 1);
	assert_int_equal(timeparse_age_days(-86401, 0), 1);
	assert_int_equal(timeparse_age_days(-86400, 1), 1);
	/* Extremes do not overflow. */
	assert_int_equal(timeparse_age_days(INT64_MIN, INT64_MAX),
	    (int64_t)(UINT64_MAX / 86400));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso8601_valid),
		cmocka_unit_test(test_iso8601_invalid),
		cmocka_unit_test(test_iso8601_length_bounds),
		cmocka_unit_test(test_iso8601_leap_years),
		cmocka_unit_test(test_date_or_time_forms),
		cmocka_unit_test(test_days_from_civil_known),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_format_offsets_to_utc),
		cmocka_unit_test(test_age_days_boundaries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
