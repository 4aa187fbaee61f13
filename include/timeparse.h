/*
 * Timestamps: ISO 8601 in, seconds since the epoch (UTC) out, and back.
 *
 * The parser accepts exactly what credential reports contain after any
 * round trip through a spreadsheet: YYYY-MM-DDTHH:MM:SS, an optional
 * fraction of a second, and Z or a +HH:MM / -HH:MM offset.  It does its own
 * calendar arithmetic, so the result never depends on TZ, locale or the C
 * library's mktime.  Impossible dates are rejected, not normalised.
 */
#ifndef CREDAUDIT_TIMEPARSE_H
#define CREDAUDIT_TIMEPARSE_H

#include <stddef.h>
#include <stdint.h>

#define TIME_MIN_YEAR	1970
#define TIME_MAX_YEAR	9999
/* 9999-12-31T23:59:59Z: the last moment a timestamp may name, in UTC. */
#define TIME_MAX_SECONDS	INT64_C(253402300799)
#define SECONDS_PER_DAY	86400

/* Length of "YYYY-MM-DDTHH:MM:SSZ" plus the terminating NUL. */
#define TIMESTAMP_BUFSZ	21

/*
 * Parse the len bytes at s as an ISO 8601 timestamp.  On success store
 * the UTC time in *out and return 0; return -1 for anything else (the
 * input need not be NUL-terminated and is never read past len).
 */
int	timeparse_iso8601(const char *s, size_t len, int64_t *out);

/*
 * Parse a --as-of argument: a full timestamp, or a date YYYY-MM-DD that
 * means midnight UTC.  Returns 0 or -1 like timeparse_iso8601.
 */
int	timeparse_date_or_time(const char *s, int64_t *out);

/* Days since 1970-01-01 of a proleptic Gregorian date (any year >= 0). */
int64_t	timeparse_days_from_civil(int64_t y, unsigned m, unsigned d);

/* Write t as "YYYY-MM-DDTHH:MM:SSZ" into buf (TIMESTAMP_BUFSZ bytes). */
void	timeparse_format(int64_t t, char buf[TIMESTAMP_BUFSZ]);

/* Write only the date part "YYYY-MM-DD" of t into buf (11 bytes). */
void	timeparse_format_date(int64_t t, char buf[11]);

/*
 * Whole days from t to as_of: floor((as_of - t) / 86400), and 0 when t
 * lies after as_of (the caller decides whether that deserves a warning).
 */
int64_t	timeparse_age_days(int64_t t, int64_t as_of);

#endif
