/*
 * The report loader: bytes of an IAM credential report in, one typed
 * struct user_record at a time out.
 *
 * The loader streams.  It reads fixed-size chunks, tokenises them with
 * libcsv, maps the header by column name once, and hands every row to the
 * caller's callback as soon as the row is complete; nothing about earlier
 * rows is kept except a small fingerprint per ARN for duplicate warnings.
 * Rows it cannot understand are rejected through the diag sink and
 * counted; problems with the file as a whole (unreadable, no header, a
 * missing column, an unclosed quote) end that file with an error.
 *
 * Input is detected by content: the JSON that `aws iam
 * get-credential-report` prints is unwrapped (base64) and fed through the
 * same CSV path; anything else is read as CSV.
 *
 * Ownership: every pointer inside a struct user_record belongs to the
 * loader and is valid only during the callback that receives it.  A
 * consumer that needs a string later copies it.  Strings are valid UTF-8:
 * a value that is not is carried in the representation utf8.h defines
 * (\xNN for each invalid byte, \\ for a backslash), which finding ids
 * and every format then show alike.
 */
#ifndef CREDAUDIT_REPORT_H
#define CREDAUDIT_REPORT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

/* Room for the message of an input that failed, in its stats. */
#define REPORT_ERROR_MAX	192
/* IAM's limit on user names; a longer one is rejected. */
#define REPORT_MAX_USER		64
/* Longest field the loader will buffer; a longer one ends the file. */
#define REPORT_MAX_FIELD	(64 * 1024)
/* Most columns a header may have. */
#define REPORT_MAX_COLUMNS	1024

/* What a timestamp column held. */
enum time_kind {
	TIME_SET,		/* a timestamp; see .t */
	TIME_NA,		/* N/A: no such credential, never used, no data */
	TIME_NO_INFORMATION,	/* no_information: not used since tracking began */
	TIME_NOT_SUPPORTED	/* not_supported: root's password columns */
};

struct cred_time {
	enum time_kind	kind;
	int64_t		t;	/* seconds since the epoch, UTC; 0 unless TIME_SET */
};

enum password_state {
	PASSWORD_DISABLED,
	PASSWORD_ENABLED,
	PASSWORD_NOT_SUPPORTED	/* root, as AWS reports it */
};

/*
 * An access key or signing certificate slot.  "false" with a last_rotated
 * timestamp is a credential that exists but is inactive; "false" with N/A
 * is an empty slot.
 */
enum slot_state {
	SLOT_ABSENT,
	SLOT_INACTIVE,
	SLOT_ACTIVE
};

struct key_slot {
	enum slot_state	 state;
	struct cred_time last_rotated;
	struct cred_time last_used;	/* always TIME_NA for certificates */
	const char	*last_used_region;	/* NULL when N/A or a certificate */
	const char	*last_used_service;	/* NULL when N/A or a certificate */
};

struct user_record {
	const char	*path;		/* input as named on the command line */
	long		 line;		/* physical line where the row starts */

	const char	*user;
	const char	*arn;
	const char	*account;	/* 5th ':'-field of the ARN */
	bool		 is_root;

	struct cred_time created;
	enum password_state password;
	struct cred_time password_last_used;
	struct cred_time password_last_changed;
	struct cred_time password_next_rotation;
	bool		 mfa_active;
	struct key_slot	 key[2];
	struct key_slot	 cert[2];
};

/* What the loader learned about one input, filled as it reads. */
struct report_stats {
	char		 account[32];	/* first account seen, "" when none */
	bool		 mixed_accounts;	/* rows from more than one account */
	bool		 has_generated_time;
	int64_t		 generated_time;	/* from the aws-cli JSON wrapper */
	unsigned long	 users;		/* rows delivered to the callback */
	unsigned long	 rows_rejected;
	unsigned long	 duplicates;
	bool		 has_root;	/* a <root_account> row was accepted */
	bool		 failed;	/* the file as a whole could not be read */
	/* Why it failed, as the outputs show it ("line 7: ..."); "" if not. */
	char		 error[REPORT_ERROR_MAX];
};

/*
 * Mark the input failed and keep why: fmt and its arguments, after
 * "line N: " when line > 0, escaped like a diagnostic.  The first reason
 * stays; a file ends at its first fatal error anyway.
 */
void	report_stats_fail(struct report_stats *st, long line, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));
void	report_stats_vfail(struct report_stats *st, long line,
	    const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

/*
 * Called once per accepted row.  Return 0 to go on, non-zero to stop
 * loading (report_load then returns that value).
 */
typedef int (*report_record_fn)(void *ctx, const struct user_record *rec);

/*
 * Called once per input when its header has been read, before the first
 * row: what the input says about itself (GeneratedTime) is known then.
 * Return 0 to go on, non-zero to stop loading that input.
 */
typedef int (*report_begin_fn)(void *ctx, const struct report_stats *stats);

struct report_sink {
	report_record_fn  record;
	void		 *ctx;
	struct diag	 *diag;
	report_begin_fn	  begin;	/* may be NULL */
};

/*
 * Load one input.  path names it in diagnostics and records; fp is read
 * to its end but not closed.  Fills *stats (also on failure).  Returns 0
 * when the file was read to the end (rejected rows do not count as
 * failure), -1 when the file as a whole failed (reported through the
 * diag sink, stats->failed set), or the callback's non-zero value.
 */
int	report_load(const char *path, FILE *fp, const struct report_sink *sink,
	    struct report_stats *stats);

/* The same for a buffer in memory: the fuzz targets' entry point. */
int	report_load_mem(const char *path, const void *buf, size_t len,
	    const struct report_sink *sink, struct report_stats *stats);

/*
 * Are the len bytes at s a user name IAM allows: 1 to REPORT_MAX_USER
 * characters of A-Z a-z 0-9 and + = , . @ _ -?  The loader only warns
 * about other names; the script format gives them no command.
 */
bool	report_user_name_allowed(const char *s, size_t len);

#endif
