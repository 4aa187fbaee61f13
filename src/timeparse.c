/*
 * Timestamps: the ISO 8601 subset credential reports use, parsed and
 * printed with our own calendar arithmetic.
 *
 * The loader parses millions of timestamps, nearly all of them in the one
 * shape AWS writes (YYYY-MM-DDTHH:MM:SS+00:00), so the parser reads fixed
 * offsets and takes a short cut for that shape.  Dates go through Howard
 * Hinnant's days_from_civil and civil_from_days, which are exact for the
 * proleptic Gregorian calendar and need neither mktime nor TZ.
 *
 * Accepted after the seconds: an optional fraction (any number of digits,
 * truncated), then Z, or an offset written +HH:MM, +HHMM or +HH (or with
 * '-').  'T' and 'Z' may be lower case.  A missing zone is refused: a
 * local time of unknown zone cannot be converted to UTC.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "timeparse.h"

/* Length of "YYYY-MM-DDTHH:MM:SS". */
#define TP_BASE_LEN	19

struct civil {
	int64_t		 year;
	unsigned	 month, day, hour, minute, second;
};

static bool
tp_is_digit(char c)
{
	return (unsigned char)(c - '0') <= 9;
}

/* Read n digits at s into *v; false when any of them is not a digit. */
static bool
tp_digits(const char *s, int n, unsigned *v)
{
	unsigned	 x = 0;
	int		 i;

	for (i = 0; i < n; i++) {
		if (!tp_is_digit(s[i]))
			return false;
		x = x * 10 + (unsigned)(s[i] - '0');
	}
	*v = x;
	return true;
}

static bool
tp_is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
tp_days_in_month(int64_t y, unsigned m)
{
	static const unsigned char days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && tp_is_leap(y))
		return 29;
	return days[m - 1];
}

/* Parse "YYYY-MM-DD" at s (10 bytes are available) and check the date. */
static bool
tp_parse_date(const char *s, struct civil *c)
{
	unsigned	 y;

	if (!tp_digits(s, 4, &y) || s[4] != '-' ||
	    !tp_digits(s + 5, 2, &c->month) || s[7] != '-' ||
	    !tp_digits(s + 8, 2, &c->day))
		return false;
	c->year = y;
	if (y < TIME_MIN_YEAR || y > TIME_MAX_YEAR)
		return false;
	if (c->month < 1 || c->month > 12)
		return false;
	return c->day >= 1 && c->day <= tp_days_in_month(c->year, c->month);
}

/* Parse "THH:MM:SS" at s (9 bytes are available); leap seconds refused. */
static bool
tp_parse_clock(const char *s, struct civil *c)
{
	if ((s[0] != 'T' && s[0] != 't') ||
	    !tp_digits(s + 1, 2, &c->hour) || s[3] != ':' ||
	    !tp_digits(s + 4, 2, &c->minute) || s[6] != ':' ||
	    !tp_digits(s + 7, 2, &c->second))
		return false;
	return c->hour < 24 && c->minute < 60 && c->second < 60;
}

/*
 * Parse the zone designator that makes up all of the len bytes at s and
 * store its offset east of UTC in seconds.
 */
static bool
tp_parse_zone(const char *s, size_t len, int64_t *offset)
{
	unsigned	 hh, mm = 0;

	if (len == 1 && (s[0] == 'Z' || s[0] == 'z')) {
		*offset = 0;
		return true;
	}
	if (len < 3 || (s[0] != '+' && s[0] != '-') || !tp_digits(s + 1, 2, &hh))
		return false;
	if (len == 6) {
		if (s[3] != ':' || !tp_digits(s + 4, 2, &mm))
			return false;
	} else if (len == 5) {
		if (!tp_digits(s + 3, 2, &mm))
			return false;
	} else if (len != 3)
		return false;
	if (hh > 23 || mm > 59)
		return false;
	*offset = (int64_t)hh * 3600 + mm * 60;
	if (s[0] == '-')
		*offset = -*offset;
	return true;
}

/* Skip an optional ".digits" fraction: the report never needs it. */
static size_t
tp_skip_fraction(const char *s, size_t len)
{
	size_t	 i = 1;

	if (len == 0 || s[0] != '.')
		return 0;
	while (i < len && tp_is_digit(s[i]))
		i++;
	/* A lone '.' is not a fraction; leave it for the zone to refuse. */
	return i > 1 ? i : 0;
}

/*
 * Howard Hinnant's days_from_civil: count days in 400-year eras of
 * 146097 days, with years starting in March so that the leap day falls
 * at the end of the year.
 */
static int64_t
tp_days(int64_t y, unsigned m, unsigned d)
{
	int64_t		 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/*
 * The same for a date the parser accepted (years 1970..9999), in
 * unsigned 32-bit arithmetic: no negative eras to correct for, and each
 * division by a constant is a few instructions.  A report holds half a
 * dozen timestamps a row.
 */
static uint32_t
tp_days_parsed(const struct civil *c)
{
	uint32_t	 y = (uint32_t)c->year - (c->month <= 2);
	uint32_t	 m = c->month, era, yoe, doy, doe;

	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + c->day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int64_t
tp_seconds(const struct civil *c)
{
	return (int64_t)tp_days_parsed(c) * SECONDS_PER_DAY +
	    (int64_t)(c->hour * 3600 + c->minute * 60 + c->second);
}

int
timeparse_iso8601(const char *s, size_t len, int64_t *out)
{
	struct civil	 c;
	int64_t		 offset;
	size_t		 frac;

	if (s == NULL || len <= TP_BASE_LEN)
		return -1;
	if (!tp_parse_date(s, &c) || !tp_parse_clock(s + 10, &c))
		return -1;
	/* What AWS writes, checked without the general zone parser. */
	if (len == TP_BASE_LEN + 6 && memcmp(s + TP_BASE_LEN, "+00:00", 6) == 0) {
		*out = tp_seconds(&c);
		return 0;
	}
	frac = tp_skip_fraction(s + TP_BASE_LEN, len - TP_BASE_LEN);
	if (!tp_parse_zone(s + TP_BASE_LEN + frac, len - TP_BASE_LEN - frac,
	    &offset))
		return -1;
	/*
	 * An offset can carry a time in range out of it (1970-01-01T00:30
	 * +01:00 is 1969); the UTC result must be representable too.
	 */
	*out = tp_seconds(&c) - offset;
	if (*out < 0 || *out > TIME_MAX_SECONDS)
		return -1;
	return 0;
}

int
timeparse_date_or_time(const char *s, int64_t *out)
{
	struct civil	 c;
	size_t		 len;

	if (s == NULL)
		return -1;
	len = strlen(s);
	if (len != 10)
		return timeparse_iso8601(s, len, out);
	if (!tp_parse_date(s, &c))
		return -1;
	*out = (int64_t)tp_days_parsed(&c) * SECONDS_PER_DAY;
	return 0;
}

int64_t
timeparse_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	return tp_days(y, m, d);
}

/*
 * The inverse, civil_from_days, by the same author, for the days from
 * 1970 to 9999 that formatting is held to: in unsigned 32-bit arithmetic
 * the divisions by constants are a few instructions each, and every
 * finding formats a date or two.
 */
static void
tp_civil_from_days(uint32_t days, struct civil *c)
{
	uint32_t	 z = days + 719468, era, doe, yoe, doy, mp;

	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	c->day = doy - (153 * mp + 2) / 5 + 1;
	c->month = mp < 10 ? mp + 3 : mp - 9;
	c->year = yoe + era * 400 + (c->month <= 2);
}

/*
 * Formatting takes any int64_t but writes four-digit years only, so a
 * time from elsewhere is held to the range the parser accepts.
 */
static uint64_t
tp_clamp(int64_t t)
{
	if (t < 0)
		return 0;
	return (uint64_t)(t > TIME_MAX_SECONDS ? TIME_MAX_SECONDS : t);
}

/* Split t (clamped, so never before 1970) into a civil date and time. */
static void
tp_split(uint64_t t, struct civil *c)
{
	uint32_t	 secs = (uint32_t)(t % SECONDS_PER_DAY);

	tp_civil_from_days((uint32_t)(t / SECONDS_PER_DAY), c);
	c->hour = secs / 3600;
	c->minute = secs / 60 % 60;
	c->second = secs % 60;
}

/* Write v, below 100, as two digits at p. */
static char *
tp_put2(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

/*
 * Digits are written by hand rather than with snprintf: every finding
 * formats one or two timestamps, and snprintf was a sixth of the run.
 * Times are clamped to the parser's range, so the year has four digits.
 */
static char *
tp_write_date(char *p, const struct civil *c)
{
	unsigned	 y = (unsigned)c->year;

	p = tp_put2(tp_put2(p, y / 100), y % 100);
	*p++ = '-';
	p = tp_put2(p, c->month);
	*p++ = '-';
	return tp_put2(p, c->day);
}

void
timeparse_format(int64_t t, char buf[TIMESTAMP_BUFSZ])
{
	struct civil	 c;
	char		*p;

	tp_split(tp_clamp(t), &c);
	p = tp_write_date(buf, &c);
	*p++ = 'T';
	p = tp_put2(p, c.hour);
	*p++ = ':';
	p = tp_put2(p, c.minute);
	*p++ = ':';
	p = tp_put2(p, c.second);
	*p++ = 'Z';
	*p = '\0';
}

void
timeparse_format_date(int64_t t, char buf[11])
{
	struct civil	 c;

	tp_split(tp_clamp(t), &c);
	*tp_write_date(buf, &c) = '\0';
}

int64_t
timeparse_age_days(int64_t t, int64_t as_of)
{
	if (t > as_of)
		return 0;
	/* as_of - t may not fit in int64_t; it always fits unsigned. */
	return (int64_t)(((uint64_t)as_of - (uint64_t)t) / SECONDS_PER_DAY);
}
