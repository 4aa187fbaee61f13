/*
 * Fuzz target: arbitrary bytes as a timestamp.
 *
 * Besides not crashing, the parser must agree with the formatter: a
 * timestamp that parses, written back with timeparse_format, parses again
 * to the same second, and its date agrees with timeparse_days_from_civil.
 * The bytes are also tried as a --as-of argument, which takes a C string.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timeparse.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_check(bool ok, const char *what, const char *text, int64_t t)
{
	if (!ok) {
		fprintf(stderr, "fuzz_timeparse: %s: \"%s\" (%lld)\n", what,
		    text, (long long)t);
		abort();
	}
}

/* What is formatted from a parsed time must parse back to it. */
static void
fuzz_round_trip(int64_t t)
{
	char		 buf[TIMESTAMP_BUFSZ], day[11];
	int64_t		 again, midnight;
	unsigned	 y = 0, m = 0, d = 0;

	memset(buf, 'x', sizeof(buf));
	timeparse_format(t, buf);
	fuzz_check(memchr(buf, '\0', sizeof(buf)) == buf + TIMESTAMP_BUFSZ - 1,
	    "format is not 20 characters", "", t);
	fuzz_check(timeparse_iso8601(buf, strlen(buf), &again) == 0,
	    "formatted time does not parse", buf, t);
	fuzz_check(again == t, "round trip changed the time", buf, again);

	timeparse_format_date(t, day);
	fuzz_check(strlen(day) == 10 && sscanf(day, "%4u-%2u-%2u", &y, &m,
	    &d) == 3, "formatted date is malformed", day, t);
	midnight = timeparse_days_from_civil(y, m, d) * SECONDS_PER_DAY;
	fuzz_check(midnight <= t && t - midnight < SECONDS_PER_DAY,
	    "date and days_from_civil disagree", day, t);
	fuzz_check(timeparse_age_days(t, t) == 0 &&
	    timeparse_age_days(t, midnight) == 0 &&
	    timeparse_age_days(midnight, t) == 0, "age of the same day", buf, t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*copy;
	int64_t	 t;

	/* Exactly size bytes, no NUL: a read past len is an ASan report. */
	if ((copy = malloc(size > 0 ? size : 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	if (timeparse_iso8601(copy, size, &t) == 0)
		fuzz_round_trip(t);
	free(copy);

	if ((copy = malloc(size + 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	if (timeparse_date_or_time(copy, &t) == 0)
		fuzz_round_trip(t);
	free(copy);
	return 0;
}
