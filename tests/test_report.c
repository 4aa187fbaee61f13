/*
 * Tests of the report loader: real reports, one report written every way
 * AWS and spreadsheets write it, and every kind of damage, each with the
 * exact diagnostics and line numbers the user will see.
 *
 * Records are copied in the callback (their pointers die after it), and
 * diagnostics are captured as text, one message per line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "fixture.h"
#include "report.h"
#include "report_header.h"
#include "timeparse.h"

#define MAX_RECS	32

#define HEADER0	REPORT_HEADER
#define HEADER	HEADER0 "\n"
/* A good row after the user and ARN: 20 more fields. */
#define TAIL0	",2016-08-30T17:37:35+00:00,true,2016-11-16T14:10:34+00:00," \
	"2016-08-30T18:24:44+00:00,N/A,false,true,2016-10-11T15:27:35+00:00," \
	"N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A"
#define TAIL	TAIL0 "\n"
#define ROW(user, arn)	user "," arn TAIL
#define ALICE	ROW("alice", "arn:aws:iam::123456789012:user/alice")
#define BOB	ROW("bob", "arn:aws:iam::123456789012:user/bob")

struct slot_copy {
	enum slot_state	 state;
	struct cred_time rotated, used;
	char		 region[64], service[64];
	bool		 has_region, has_service;
};

struct rec_copy {
	long		 line;
	char		 user[256], arn[512], account[32];
	bool		 is_root;
	struct cred_time created, pw_used, pw_changed, pw_next;
	enum password_state password;
	bool		 mfa;
	struct slot_copy key[2], cert[2];
};

struct capture {
	struct rec_copy	 rec[MAX_RECS];
	size_t		 nrec;
	size_t		 seen;		/* records delivered */
	size_t		 skip;		/* copy only from this one on */
	int		 stop_after;	/* return 7 after this many; 0 never */
	struct fixture_diag fd;		/* the loader's messages */
};

static void
copy_str(char *dst, size_t size, const char *src, bool *has)
{
	if (has != NULL)
		*has = src != NULL;
	if (src == NULL)
		return;
	assert_true(strlen(src) < size);
	strcpy(dst, src);
}

static void
copy_slot(struct slot_copy *dst, const struct key_slot *k)
{
	dst->state = k->state;
	dst->rotated = k->last_rotated;
	dst->used = k->last_used;
	copy_str(dst->region, sizeof(dst->region), k->last_used_region,
	    &dst->has_region);
	copy_str(dst->service, sizeof(dst->service), k->last_used_service,
	    &dst->has_service);
}

static int
capture_record(void *ctx, const struct user_record *r)
{
	struct capture	*c = ctx;
	struct rec_copy	*d;
	int		 i;

	if (c->seen++ < c->skip || (c->skip > 0 && c->nrec == MAX_RECS))
		return 0;
	assert_true(c->nrec < MAX_RECS);
	d = &c->rec[c->nrec++];
	d->line = r->line;
	copy_str(d->user, sizeof(d->user), r->user, NULL);
	copy_str(d->arn, sizeof(d->arn), r->arn, NULL);
	copy_str(d->account, sizeof(d->account), r->account, NULL);
	d->is_root = r->is_root;
	d->created = r->created;
	d->password = r->password;
	d->pw_used = r->password_last_used;
	d->pw_changed = r->password_last_changed;
	d->pw_next = r->password_next_rotation;
	d->mfa = r->mfa_active;
	for (i = 0; i < 2; i++) {
		copy_slot(&d->key[i], &r->key[i]);
		copy_slot(&d->cert[i], &r->cert[i]);
	}
	if (c->stop_after > 0 && c->nrec == (size_t)c->stop_after)
		return 7;
	return 0;
}

static struct capture *
capture_new(void)
{
	struct capture	*c = calloc(1, sizeof(*c));

	assert_non_null(c);
	fixture_diag_init(&c->fd);
	return c;
}

static struct report_sink
capture_sink(struct capture *c)
{
	struct report_sink s = { capture_record, c, &c->fd.diag, NULL };

	return s;
}

static int
load_mem(struct capture *c, const char *path, const char *buf, size_t len,
    struct report_stats *st)
{
	struct report_sink s = capture_sink(c);

	return report_load_mem(path, buf, len, &s, st);
}

/* The same through a stream, as report_load reads files and stdin. */
static int
load_stream(struct capture *c, const char *path, const char *buf,
    size_t len, struct report_stats *st)
{
	struct report_sink s = capture_sink(c);
	FILE		*fp;
	int		 rc;

	/* fmemopen refuses size 0; an empty stream is /dev/null. */
	fp = len > 0 ? fmemopen((void *)buf, len, "r") : fopen("/dev/null", "r");
	assert_non_null(fp);
	rc = report_load(path, fp, &s, st);
	fclose(fp);
	return rc;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE	*fp = fopen(path, "rb");
	char	*buf;
	long	 n;

	if (fp == NULL)
		fail_msg("cannot open %s", path);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static int64_t
ts(const char *s)
{
	int64_t	 t;

	assert_int_equal(timeparse_iso8601(s, strlen(s), &t), 0);
	return t;
}

static void
assert_time(struct cred_time got, enum time_kind kind, const char *stamp)
{
	assert_int_equal(got.kind, kind);
	assert_int_equal(got.t, stamp != NULL ? ts(stamp) : 0);
}

static void
assert_slot(const struct slot_copy *k, enum slot_state state,
    const char *rotated, const char *used, const char *region,
    const char *service)
{
	assert_int_equal(k->state, state);
	assert_time(k->rotated, rotated ? TIME_SET : TIME_NA, rotated);
	assert_time(k->used, used ? TIME_SET : TIME_NA, used);
	assert_int_equal(k->has_region, region != NULL);
	if (region != NULL)
		assert_string_equal(k->region, region);
	assert_int_equal(k->has_service, service != NULL);
	if (service != NULL)
		assert_string_equal(k->service, service);
}

/* Real reports. */

static const struct {
	const char	*file;
	unsigned long	 users, duplicates;
	const char	*account;
} realworld[] = {
	{ "c7n-account_credential_report.csv", 21, 1, "644160558196" },
	{ "c7n-iam_user_credential_multi_delete.csv", 1, 0, "644160558196" },
	{ "c7n-iam_user_credential_multi_delete_noop.csv", 2, 0,
	    "644160558196" },
	{ "c7n-iam_user_credential_reverse_filter_delete.csv", 1, 0,
	    "123456789012" },
	{ "c7n-iam_user_delete_options.csv", 1, 0, "644160558196" },
	{ "c7n-iam_user_unused_keys.csv", 8, 0, "619193117841" },
};

static void
test_load_realworld_counts(void **state)
{
	struct report_stats	 st;
	struct capture		*c;
	char			 path[512];
	size_t			 i;
	FILE			*fp;

	(void)state;
	for (i = 0; i < sizeof(realworld) / sizeof(realworld[0]); i++) {
		struct report_sink s;

		c = capture_new();
		s = capture_sink(c);
		snprintf(path, sizeof(path), "%s/realworld/%s", TESTDATA_DIR,
		    realworld[i].file);
		fp = fopen(path, "rb");
		assert_non_null(fp);
		assert_int_equal(report_load(path, fp, &s, &st), 0);
		fclose(fp);
		assert_int_equal(c->fd.diag.errors, 0);
		assert_int_equal(c->fd.diag.warnings, realworld[i].duplicates);
		assert_int_equal(st.users, realworld[i].users);
		assert_int_equal(c->nrec, realworld[i].users);
		assert_int_equal(st.duplicates, realworld[i].duplicates);
		assert_int_equal(st.rows_rejected, 0);
		assert_false(st.failed);
		assert_false(st.mixed_accounts);
		assert_false(st.has_generated_time);
		assert_string_equal(st.account, realworld[i].account);
		free(c);
	}
}

static struct capture *
load_realworld(const char *file, struct report_stats *st)
{
	struct capture	*c = capture_new();
	char		 path[512], *buf;
	size_t		 len;

	snprintf(path, sizeof(path), "%s/realworld/%s", TESTDATA_DIR, file);
	buf = read_file(path, &len);
	assert_int_equal(load_mem(c, file, buf, len, st), 0);
	free(buf);
	return c;
}

static void
test_load_realworld_duplicate_warning(void **state)
{
	struct report_stats	 st;
	struct capture		*c;

	(void)state;
	c = load_realworld("c7n-account_credential_report.csv", &st);
	assert_string_equal(c->fd.text, "c7n-account_credential_report.csv:10: "
	    "warning: duplicate of line 9 (same ARN)\n");
	/* Both rows are still delivered. */
	assert_string_equal(c->rec[7].user, "christopher");
	assert_int_equal(c->rec[7].line, 9);
	assert_string_equal(c->rec[8].user, "christopher");
	assert_int_equal(c->rec[8].line, 10);
	free(c);
}

/*
 * The duplicate table stops growing at 131,072 ARNs to keep memory
 * flat.  Past that, an ARN seen before the cap is still found, and a
 * row that repeats the row just before it (as in AWS's sorted reports)
 * is still caught.
 */
static void
test_load_duplicates_past_the_table_cap(void **state)
{
	enum { USERS = 140000 };
	struct report_stats	 st;
	struct capture		*c = capture_new();
	char			*buf, *p;
	size_t			 cap = (size_t)(USERS + 3) * 256 + 512;
	int			 i;

	(void)state;
	assert_non_null(buf = malloc(cap));
	p = buf + sprintf(buf, "%s", HEADER);
	for (i = 0; i < USERS; i++)
		p += sprintf(p, "u%d,arn:aws:iam::123456789012:user/u%d%s", i, i,
		    TAIL);
	p += sprintf(p, "u%d,arn:aws:iam::123456789012:user/u%d%s", USERS - 1,
	    USERS - 1, TAIL);
	p += sprintf(p, "u0,arn:aws:iam::123456789012:user/u0%s", TAIL);
	c->skip = (size_t)USERS * 2;	/* count records, copy none */
	assert_int_equal(load_mem(c, "big.csv", buf, (size_t)(p - buf), &st), 0);
	assert_int_equal(st.users, USERS + 2);
	assert_int_equal(st.duplicates, 2);
	assert_string_equal(c->fd.text,
	    "big.csv:140002: warning: duplicate of line 140001 (same ARN)\n"
	    "big.csv:140003: warning: duplicate of line 2 (same ARN)\n");
	free(buf);
	free(c);
}

static void
test_load_realworld_root_fields(void **state)
{
	struct report_stats	 st;
	struct capture		*c;
	const struct rec_copy	*r;

	(void)state;
	c = load_realworld("c7n-iam_user_unused_keys.csv", &st);
	r = &c->rec[0];
	assert_int_equal(r->line, 2);
	assert_string_equal(r->user, "<root_account>");
	assert_string_equal(r->arn, "arn:aws:iam::619193117841:root");
	assert_string_equal(r->account, "619193117841");
	assert_true(r->is_root);
	assert_time(r->created, TIME_SET, "2007-10-13T16:49:50+00:00");
	assert_int_equal(r->password, PASSWORD_NOT_SUPPORTED);
	assert_time(r->pw_used, TIME_SET, "2016-11-25T14:19:48+00:00");
	assert_time(r->pw_changed, TIME_NOT_SUPPORTED, NULL);
	assert_time(r->pw_next, TIME_NOT_SUPPORTED, NULL);
	assert_false(r->mfa);
	assert_slot(&r->key[0], SLOT_ACTIVE, "2011-08-19T05:12:23+00:00",
	    "2015-07-04T15:09:00+00:00", "us-east-1", "s3");
	/* false with a last_rotated date: a key that exists, inactive. */
	assert_slot(&r->key[1], SLOT_INACTIVE, "2007-10-13T16:49:50+00:00",
	    NULL, NULL, NULL);
	assert_slot(&r->cert[0], SLOT_ACTIVE, "2008-06-25T02:07:10+00:00",
	    NULL, NULL, NULL);
	assert_slot(&r->cert[1], SLOT_ABSENT, NULL, NULL, NULL, NULL);
	/* syracuse: a region of N/A but a service. */
	r = &c->rec[6];
	assert_string_equal(r->user, "syracuse");
	assert_int_equal(r->line, 8);
	assert_false(r->is_root);
	assert_int_equal(r->password, PASSWORD_DISABLED);
	assert_time(r->pw_used, TIME_NA, NULL);
	assert_slot(&r->key[0], SLOT_ACTIVE, "2016-11-25T14:21:05+00:00",
	    "2016-11-25T14:22:00+00:00", NULL, "s3");
	assert_slot(&r->key[1], SLOT_ABSENT, NULL, NULL, NULL, NULL);
	free(c);
}

static void
test_load_realworld_user_fields(void **state)
{
	struct report_stats	 st;
	struct capture		*c;
	const struct rec_copy	*r;

	(void)state;
	c = load_realworld("c7n-account_credential_report.csv", &st);
	r = &c->rec[14];
	assert_int_equal(r->line, 16);
	assert_string_equal(r->user, "kit");
	assert_string_equal(r->arn, "arn:aws:iam::644160558196:user/kit");
	assert_string_equal(r->account, "644160558196");
	assert_false(r->is_root);
	assert_time(r->created, TIME_SET, "2016-07-27T14:40:59+00:00");
	assert_int_equal(r->password, PASSWORD_ENABLED);
	assert_time(r->pw_used, TIME_SET, "2016-11-23T16:12:45+00:00");
	assert_time(r->pw_changed, TIME_SET, "2016-10-25T18:25:21+00:00");
	assert_time(r->pw_next, TIME_SET, "2017-01-23T18:25:21+00:00");
	assert_false(r->mfa);
	assert_slot(&r->key[0], SLOT_ACTIVE, "2016-09-07T14:37:53+00:00",
	    "2016-11-22T17:07:00+00:00", "us-east-1", "sts");
	assert_slot(&r->key[1], SLOT_ACTIVE, "2016-09-30T12:43:53+00:00",
	    "2016-11-23T22:21:00+00:00", "us-west-2", "ec2");
	assert_slot(&r->cert[0], SLOT_ABSENT, NULL, NULL, NULL, NULL);
	assert_slot(&r->cert[1], SLOT_ABSENT, NULL, NULL, NULL, NULL);
	/* jeff: a password never used. */
	r = &c->rec[10];
	assert_string_equal(r->user, "jeff");
	assert_time(r->pw_used, TIME_NO_INFORMATION, NULL);
	assert_true(c->rec[0].is_root);
	assert_true(c->rec[0].mfa);
	free(c);
}

/* A report far in the future loads like any other. */
static void
test_load_realworld_future_dates(void **state)
{
	struct report_stats	 st;
	struct capture		*c;

	(void)state;
	c = load_realworld("c7n-iam_user_credential_reverse_filter_delete.csv",
	    &st);
	assert_int_equal(c->nrec, 1);
	assert_time(c->rec[0].created, TIME_SET, "2099-08-10T11:07:38+00:00");
	assert_int_equal(c->rec[0].password, PASSWORD_DISABLED);
	assert_slot(&c->rec[0].key[1], SLOT_ACTIVE, "2099-08-10T11:13:31+00:00",
	    "2020-04-02T13:08:00+00:00", "us-west-1", "s3");
	free(c);
}

/* One report, every way it is written. */

static void
assert_time_equal(struct cred_time a, struct cred_time b)
{
	assert_int_equal(a.kind, b.kind);
	assert_int_equal(a.t, b.t);
}

static void
assert_slot_equal(const struct slot_copy *a, const struct slot_copy *b)
{
	assert_int_equal(a->state, b->state);
	assert_time_equal(a->rotated, b->rotated);
	assert_time_equal(a->used, b->used);
	assert_int_equal(a->has_region, b->has_region);
	assert_string_equal(a->region, b->region);
	assert_int_equal(a->has_service, b->has_service);
	assert_string_equal(a->service, b->service);
}

static void
assert_rec_equal(const struct rec_copy *a, const struct rec_copy *b)
{
	int	 i;

	assert_int_equal(a->line, b->line);
	assert_string_equal(a->user, b->user);
	assert_string_equal(a->arn, b->arn);
	assert_string_equal(a->account, b->account);
	assert_int_equal(a->is_root, b->is_root);
	assert_time_equal(a->created, b->created);
	assert_int_equal(a->password, b->password);
	assert_time_equal(a->pw_used, b->pw_used);
	assert_time_equal(a->pw_changed, b->pw_changed);
	assert_time_equal(a->pw_next, b->pw_next);
	assert_int_equal(a->mfa, b->mfa);
	for (i = 0; i < 2; i++) {
		assert_slot_equal(&a->key[i], &b->key[i]);
		assert_slot_equal(&a->cert[i], &b->cert[i]);
	}
}

static struct capture *
load_loader_file(const char *name, bool stream, struct report_stats *st)
{
	struct capture	*c = capture_new();
	char		 path[512], *buf;
	size_t		 len;

	snprintf(path, sizeof(path), "%s/loader/%s", TESTDATA_DIR, name);
	buf = read_file(path, &len);
	if (stream)
		assert_int_equal(load_stream(c, name, buf, len, st), 0);
	else
		assert_int_equal(load_mem(c, name, buf, len, st), 0);
	free(buf);
	return c;
}

/* The base variant, checked by hand against base.csv. */
static void
test_load_base_fields(void **state)
{
	struct report_stats	 st;
	struct capture		*c;
	const struct rec_copy	*r;

	(void)state;
	c = load_loader_file("base.csv", false, &st);
	assert_string_equal(c->fd.text, "");
	assert_int_equal(c->nrec, 3);
	assert_true(c->rec[0].is_root);
	assert_int_equal(c->rec[0].password, PASSWORD_NOT_SUPPORTED);
	r = &c->rec[1];
	assert_int_equal(r->line, 3);
	assert_string_equal(r->user, "alice");
	assert_slot(&r->key[0], SLOT_ACTIVE, "2016-10-11T15:27:35+00:00",
	    "2016-10-20T20:27:00+00:00", "us-east-1", "ec2");
	assert_slot(&r->key[1], SLOT_INACTIVE, "2016-08-30T19:05:50+00:00",
	    NULL, NULL, NULL);
	r = &c->rec[2];
	assert_int_equal(r->line, 4);
	assert_string_equal(r->user, "bob@example.com");
	assert_string_equal(r->arn,
	    "arn:aws:iam::123456789012:user/dev/bob@example.com");
	assert_time(r->pw_used, TIME_NO_INFORMATION, NULL);
	assert_time(r->pw_next, TIME_NA, NULL);
	assert_true(r->mfa);
	assert_slot(&r->key[0], SLOT_ACTIVE, "2016-10-06T16:11:27+00:00",
	    NULL, NULL, NULL);
	assert_slot(&r->cert[0], SLOT_ACTIVE, "2016-10-07T10:00:00+00:00",
	    NULL, NULL, NULL);
	free(c);
}

static void
test_load_variants_identical(void **state)
{
	static const char *variants[] = {
		"crlf.csv", "cr.csv", "bom.csv", "quoted.csv", "upper.csv",
		"reordered.csv", "extra.csv", "zulu.csv", "nonl.csv",
		"kitchen.csv", "wrapper.json",
	};
	struct report_stats	 base_st, st;
	struct capture		*base, *c;
	size_t			 i, j;
	int			 stream;

	(void)state;
	base = load_loader_file("base.csv", false, &base_st);
	for (i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		for (stream = 0; stream < 2; stream++) {
			c = load_loader_file(variants[i], stream, &st);
			if (c->fd.len != 0)
				fail_msg("%s: %s", variants[i], c->fd.text);
			if (c->nrec != base->nrec)
				fail_msg("%s: %zu records", variants[i],
				    c->nrec);
			for (j = 0; j < c->nrec; j++)
				assert_rec_equal(&c->rec[j], &base->rec[j]);
			assert_int_equal(st.users, base_st.users);
			assert_string_equal(st.account, "123456789012");
			free(c);
		}
	}
	free(base);
}

static void
test_load_json_generated_time(void **state)
{
	struct report_stats	 st;
	struct capture		*c;

	(void)state;
	c = load_loader_file("wrapper.json", true, &st);
	assert_true(st.has_generated_time);
	assert_int_equal(st.generated_time, ts("2016-11-25T14:22:44+00:00"));
	free(c);
	c = load_loader_file("base.csv", true, &st);
	assert_false(st.has_generated_time);
	assert_int_equal(st.generated_time, 0);
	free(c);
}

/* Damage, row by row and file by file. */

struct bad_case {
	const char	*name;
	const char	*input;
	size_t		 len;		/* 0: strlen(input) */
	int		 rc;
	unsigned long	 users, rejected;
	long		 last_line;	/* of the last record delivered */
	const char	*msgs;
};

#define BASE64_ALICE	"dXNlcixhcm4K"	/* "user,arn\n" */
#define NUL_USER	HEADER "al\0ce,arn:aws:iam::123456789012:user/alice" \
	TAIL BOB
#define NUL_HEADER	"user,a\0rn\n"

static const struct bad_case bad_cases[] = {
	{ "too few fields", HEADER "alice,arn:aws:iam::123456789012:user/alice,"
	    "2016-08-30T17:37:35+00:00,true\n" ALICE, 0, 0, 1, 1, 3,
	    "t:2: error: row has 4 fields, header has 22\n" },
	{ "too many fields", HEADER "alice,arn:aws:iam::123456789012:user/alice"
	    TAIL0 ",x\n" BOB, 0, 0, 1, 1, 3,
	    "t:2: error: row has 23 fields, header has 22\n" },
	{ "bad key boolean", HEADER "alice,arn:aws:iam::123456789012:user/alice,"
	    "2016-08-30T17:37:35+00:00,true,N/A,N/A,N/A,false,yes,N/A,N/A,N/A,"
	    "N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n", 0, 0, 0, 1, 0,
	    "t:2: error: access_key_1_active: expected true or false, "
	    "got \"yes\"\n" },
	{ "bad creation time", HEADER "alice,arn:aws:iam::123456789012:user/a,"
	    "2016-13-01T00:00:00+00:00,true,N/A,N/A,N/A,false,false,N/A,N/A,"
	    "N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n", 0, 0, 0, 1,
	    0, "t:2: error: user_creation_time: not a timestamp: "
	    "\"2016-13-01T00:00:00+00:00\"\n" },
	{ "creation time N/A", HEADER "alice,arn:aws:iam::123456789012:user/a,"
	    "N/A,true,N/A,N/A,N/A,false,false,N/A,N/A,"
	    "N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n", 0, 0, 0, 1,
	    0, "t:2: error: user_creation_time: not a timestamp: \"N/A\"\n" },
	{ "bad last used", HEADER "alice,arn:aws:iam::123456789012:user/a,"
	    "2016-08-30T17:37:35+00:00,true,never,N/A,N/A,false,false,N/A,N/A,"
	    "N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n", 0, 0, 0, 1,
	    0, "t:2: error: password_last_used: not a timestamp: \"never\"\n" },
	{ "bad cert date", HEADER "alice,arn:aws:iam::123456789012:user/a,"
	    "2016-08-30T17:37:35+00:00,true,N/A,N/A,N/A,false,false,N/A,N/A,"
	    "N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,2016-02-30T00:00:00Z"
	    "\n", 0, 0, 0, 1, 0, "t:2: error: cert_2_last_rotated: not a "
	    "timestamp: \"2016-02-30T00:00:00Z\"\n" },
	{ "bad password_enabled", HEADER "alice,arn:aws:iam::123456789012:"
	    "user/a,2016-08-30T17:37:35+00:00,maybe,N/A,N/A,N/A,false,false,"
	    "N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n", 0, 0,
	    0, 1, 0, "t:2: error: password_enabled: expected true, false or "
	    "not_supported, got \"maybe\"\n" },
	{ "control bytes quoted", HEADER "alice,arn:aws:iam::123456789012:"
	    "user/a,2016-08-30T17:37:35+00:00,true,N/A,N/A,N/A,\"y\x01\"\"es\\\","
	    "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n",
	    0, 0, 0, 1, 0, "t:2: error: mfa_active: expected true or false, "
	    "got \"y\\x01\\\"es\\\\\"\n" },
	{ "long value truncated", HEADER "alice,arn:aws:iam::123456789012:"
	    "user/a,2016-08-30T17:37:35+00:00,true,N/A,N/A,N/A,"
	    "aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeee,"
	    "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n",
	    0, 0, 0, 1, 0, "t:2: error: mfa_active: expected true or false, "
	    "got \"aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd\"...\n" },
	{ "short account", HEADER ROW("alice",
	    "arn:aws:iam::12345:user/alice") ALICE, 0, 0, 1, 1, 3,
	    "t:2: error: arn: not an IAM ARN "
	    "(arn:PARTITION:iam::ACCOUNT:RESOURCE): "
	    "\"arn:aws:iam::12345:user/alice\"\n" },
	{ "not iam", HEADER ROW("alice",
	    "arn:aws:s3::123456789012:user/alice"), 0, 0, 0, 1, 0,
	    "t:2: error: arn: not an IAM ARN "
	    "(arn:PARTITION:iam::ACCOUNT:RESOURCE): "
	    "\"arn:aws:s3::123456789012:user/alice\"\n" },
	{ "no resource", HEADER ROW("alice", "arn:aws:iam::123456789012:"),
	    0, 0, 0, 1, 0, "t:2: error: arn: not an IAM ARN "
	    "(arn:PARTITION:iam::ACCOUNT:RESOURCE): "
	    "\"arn:aws:iam::123456789012:\"\n" },
	{ "root user, user ARN", HEADER ROW("<root_account>",
	    "arn:aws:iam::123456789012:user/x"), 0, 0, 0, 1, 0,
	    "t:2: error: arn: user \"<root_account>\" has a non-root ARN "
	    "\"arn:aws:iam::123456789012:user/x\"\n" },
	{ "user, root ARN", HEADER ROW("mallory",
	    "arn:aws:iam::123456789012:root"), 0, 0, 0, 1, 0,
	    "t:2: error: arn: user \"mallory\" has the root ARN "
	    "\"arn:aws:iam::123456789012:root\"\n" },
	{ "user too long", HEADER ROW("u234567890123456789012345678901234567890"
	    "12345678901234567890123456", "arn:aws:iam::123456789012:user/u"),
	    0, 0, 0, 1, 0, "t:2: error: user: longer than 64 bytes: "
	    "\"u234567890123456789012345678901234567890\"...\n" },
	{ "user 64 bytes", HEADER ROW("u234567890123456789012345678901234567890"
	    "123456789012345678901234", "arn:aws:iam::123456789012:user/u"),
	    0, 0, 1, 0, 2, "" },
	{ "empty user", HEADER ROW("", "arn:aws:iam::123456789012:user/u"),
	    0, 0, 0, 1, 0, "t:2: error: user: empty value\n" },
	{ "NUL in user", NUL_USER, sizeof(NUL_USER) - 1, 0, 1, 1, 3,
	    "t:2: error: user: NUL byte in value\n" },
	{ "strange user name", HEADER ROW("bob smith",
	    "arn:aws:iam::123456789012:user/bob smith"), 0, 0, 1, 0, 2,
	    "t:2: warning: user name \"bob smith\" has characters IAM does not "
	    "allow (A-Z a-z 0-9 +=,.@_-)\n" },
	{ "IAM's punctuation", HEADER ROW("Az09+=,.@_-", "arn:aws:iam::"
	    "123456789012:user/Az09+=,.@_-"), 0, 0, 1, 0, 2,
	    "t:2: warning: user name \"Az09+=,.@_-\" contains unquoted "
	    "commas; recovered from the ARN\n" },
	{ "just outside IAM's set", HEADER ROW("a[`{/:~]", "arn:aws:iam::"
	    "123456789012:user/a[`{/:~]"), 0, 0, 1, 0, 2,
	    "t:2: warning: user name \"a[`{/:~]\" has characters IAM does not "
	    "allow (A-Z a-z 0-9 +=,.@_-)\n" },
	{ "invalid UTF-8", HEADER ROW("b\xffob",
	    "arn:aws:iam::123456789012:user/b\xffob"), 0, 0, 1, 0, 2,
	    "t:2: warning: user name \"b\\xffob\" has characters IAM does not "
	    "allow (A-Z a-z 0-9 +=,.@_-)\n"
	    "t:2: warning: user: invalid UTF-8, shown as \\xNN\n" },
	{ "invalid UTF-8 in region", HEADER "alice,arn:aws:iam::123456789012:"
	    "user/a,2016-08-30T17:37:35+00:00,true,N/A,N/A,N/A,false,true,"
	    "2016-10-11T15:27:35+00:00,2016-10-11T15:27:35+00:00,\xc0\xaf,s3,"
	    "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n", 0, 0, 1, 0, 2,
	    "t:2: warning: access_key_1_last_used_region: invalid UTF-8, "
	    "shown as \\xNN\n" },
	{ "comma in user name", HEADER ROW("a,b",
	    "arn:aws:iam::123456789012:user/a,b") BOB, 0, 0, 2, 0, 3,
	    "t:2: warning: user name \"a,b\" contains unquoted commas; "
	    "recovered from the ARN\n" },
	{ "comma in user name, ARN quoted", HEADER ROW("a,b",
	    "\"arn:aws:iam::123456789012:user/a,b\""), 0, 0, 1, 0, 2,
	    "t:2: warning: user name \"a,b\" contains unquoted commas; "
	    "recovered from the ARN\n" },
	{ "two commas in user name", HEADER ROW("a,,b",
	    "arn:aws:iam::123456789012:user/ops/a,,b"), 0, 0, 1, 0, 2,
	    "t:2: warning: user name \"a,,b\" contains unquoted commas; "
	    "recovered from the ARN\n" },
	{ "comma, ARN disagrees", HEADER ROW("a,b",
	    "arn:aws:iam::123456789012:user/a-b") BOB, 0, 0, 1, 1, 3,
	    "t:2: error: row has 23 fields, header has 22\n" },
	{ "comma, ARN not after user", "arn,user,user_creation_time,"
	    "password_enabled,password_last_used,password_last_changed,"
	    "password_next_rotation,mfa_active,access_key_1_active,"
	    "access_key_1_last_rotated,access_key_1_last_used_date,"
	    "access_key_1_last_used_region,access_key_1_last_used_service,"
	    "access_key_2_active,access_key_2_last_rotated,"
	    "access_key_2_last_used_date,access_key_2_last_used_region,"
	    "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
	    "cert_2_active,cert_2_last_rotated\n"
	    ROW("arn:aws:iam::123456789012:user/ab", "a,b"), 0, 0, 0, 1, 0,
	    "t:2: error: row has 23 fields, header has 22\n" },
	{ "duplicate ARN", HEADER ALICE BOB ALICE, 0, 0, 3, 0, 4,
	    "t:4: warning: duplicate of line 2 (same ARN)\n" },
	{ "blank lines skipped", "\n\n" HEADER "\n" ALICE "   \n\n" BOB
	    "\n" "bad\n", 0, 0, 2, 1, 8,
	    "t:10: error: row has 1 fields, header has 22\n" },
	{ "line after multi-line field", HEADER "alice,arn:aws:iam::123456789012"
	    ":user/alice,2016-08-30T17:37:35+00:00,true,N/A,N/A,N/A,false,true,"
	    "N/A,N/A,\"us-\neast-1\",\"s\r\n3\",false,N/A,N/A,N/A,N/A,false,N/A,"
	    "false,N/A\n" "bob,arn:aws:iam::123456789012:user/bob,"
	    "2016-08-30T17:37:35+00:00,true,N/A,N/A,N/A,false,si,N/A,N/A,N/A,"
	    "N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n" BOB, 0, 0, 2, 1, 6,
	    "t:5: error: access_key_1_active: expected true or false, "
	    "got \"si\"\n" },
	{ "header only", HEADER, 0, 0, 0, 0, 0, "" },
	{ "header only, BOM, no newline", "\xef\xbb\xbfUser,ARN,"
	    REPORT_HEADER_REST, 0, 0, 0, 0, 0, "" },
	{ "empty file", "", 0, -1, 0, 0, 0,
	    "t: error: empty input: no header row\n" },
	{ "whitespace only", " \r\n\t\n\n  ", 0, -1, 0, 0, 0,
	    "t: error: empty input: no header row\n" },
	{ "BOM only", "\xef\xbb\xbf", 0, -1, 0, 0, 0,
	    "t: error: empty input: no header row\n" },
	{ "missing column", "user,arn,user_creation_time,password_enabled,"
	    "password_last_used,password_last_changed,password_next_rotation,"
	    "mfa_active,access_key_1_active,access_key_1_last_rotated,"
	    "access_key_1_last_used_date,access_key_1_last_used_region,"
	    "access_key_1_last_used_service,access_key_2_last_rotated,"
	    "access_key_2_last_used_date,access_key_2_last_used_region,"
	    "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
	    "cert_2_active,cert_2_last_rotated\n" ALICE, 0, -1, 0, 0, 0,
	    "t: error: missing column access_key_2_active\n" },
	{ "duplicate column", "user,arn,USER,user_creation_time\n" ALICE, 0,
	    -1, 0, 0, 0, "t:1: error: duplicate column user\n" },
	{ "NUL in header", NUL_HEADER, sizeof(NUL_HEADER) - 1, -1, 0, 0, 0,
	    "t:1: error: NUL byte in header\n" },
	{ "binary garbage", "\x7f" "ELF\x02\x01\x01\x03\x04\xfe\xff\n\x01", 0,
	    -1, 0, 0, 0, "t: error: missing column user\n" },
	{ "unterminated quote", HEADER ALICE "\"bob,arn:aws:iam::123456789012:"
	    "user/bob" TAIL BOB, 0, -1, 1, 0, 2,
	    "t:3: error: unterminated quoted field\n" },
	{ "unterminated quote mid-row", HEADER ALICE "bob,arn,\"closed\n"
	    "field\",\"open\n" BOB, 0, -1, 1, 0, 2,
	    "t:4: error: unterminated quoted field\n" },
	{ "json without Content", "{\"ReportFormat\": \"text/csv\"}", 0, -1, 0,
	    0, 0, "t: error: not a credential report: JSON has no Content "
	    "member\n" },
	{ "json Content not a string", " {\"Content\": 42}", 0, -1, 0, 0, 0,
	    "t: error: not a credential report: Content is not a string\n" },
	{ "json base64 garbage", "{\"Content\": \"dXNlcixhcm4K*!\"}", 0, -1,
	    0, 0, 0, "t: error: not a credential report: Content is not "
	    "valid base64\n" },
	{ "json base64 cut short", "{\"Content\": \"dXNlcixhcm4\"}", 0, -1,
	    0, 0, 0, "t: error: not a credential report: Content is not "
	    "valid base64\n" },
	{ "json base64 data after padding", "{\"Content\": \"dQ==dQ==\"}", 0,
	    -1, 0, 0, 0, "t: error: not a credential report: Content is not "
	    "valid base64\n" },
	{ "json wrong format", "{\"Content\": \"" BASE64_ALICE "\", "
	    "\"ReportFormat\": \"text/html\"}", 0, -1, 0, 0, 0,
	    "t: error: not a credential report: ReportFormat is "
	    "\"text/html\", not text/csv\n" },
	{ "json broken", "{\"Content\": ", 0, -1, 0, 0, 0,
	    "t: error: not a credential report: not valid JSON\n" },
	{ "json trailing garbage", "{\"Content\": \"\"} x", 0, -1, 0, 0, 0,
	    "t: error: not a credential report: not valid JSON\n" },
	{ "json, CSV inside lacks columns", "{\"Content\": \"" BASE64_ALICE
	    "\", \"GeneratedTime\": \"yesterday\"}", 0, -1, 0, 0, 0,
	    "t: warning: GeneratedTime is not a timestamp: \"yesterday\"; "
	    "ignored\n" "t: error: missing column user_creation_time\n" },
	{ "json, empty Content", "{\"Content\": \"\"}", 0, -1, 0, 0, 0,
	    "t: error: empty input: no header row\n" },
};

static void
run_bad_case(const struct bad_case *bc, bool stream)
{
	struct report_stats	 st;
	struct capture		*c = capture_new();
	size_t			 len = bc->len ? bc->len : strlen(bc->input);
	long			 last;
	int			 rc;

	rc = stream ? load_stream(c, "t", bc->input, len, &st) :
	    load_mem(c, "t", bc->input, len, &st);
	if (strcmp(c->fd.text, bc->msgs) != 0)
		fail_msg("%s: messages\n%s\nwanted\n%s", bc->name, c->fd.text,
		    bc->msgs);
	last = c->nrec > 0 ? c->rec[c->nrec - 1].line : 0;
	if (rc != bc->rc || st.users != bc->users ||
	    st.rows_rejected != bc->rejected || c->nrec != bc->users ||
	    last != bc->last_line)
		fail_msg("%s: rc %d users %lu rejected %lu last line %ld",
		    bc->name, rc, st.users, st.rows_rejected, last);
	assert_int_equal(st.failed, bc->rc == -1);
	free(c);
}

static void
test_load_bad_inputs(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		run_bad_case(&bad_cases[i], false);
		run_bad_case(&bad_cases[i], true);
	}
}

/* What the recovered and escaped rows hold. */
static void
test_load_recovered_values(void **state)
{
	static const char input[] = HEADER
	    ROW("a,b", "arn:aws:iam::123456789012:user/a,b")
	    ROW("b\xffo\xc3\xa9", "arn:aws:iam::123456789012:user/b\xffo\xc3\xa9");
	struct report_stats	 st;
	struct capture		*c = capture_new();

	(void)state;
	assert_int_equal(load_mem(c, "t", input, sizeof(input) - 1, &st), 0);
	assert_int_equal(c->nrec, 2);
	assert_string_equal(c->rec[0].user, "a,b");
	assert_string_equal(c->rec[0].arn, "arn:aws:iam::123456789012:user/a,b");
	/* The other columns did not shift. */
	assert_time(c->rec[0].created, TIME_SET, "2016-08-30T17:37:35+00:00");
	assert_int_equal(c->rec[0].key[0].state, SLOT_ACTIVE);
	/* The invalid byte escaped, the valid e-acute kept. */
	assert_string_equal(c->rec[1].user, "b\\xffo\xc3\xa9");
	assert_string_equal(c->rec[1].arn,
	    "arn:aws:iam::123456789012:user/b\\xffo\xc3\xa9");
	assert_int_equal(st.duplicates, 0);
	free(c);
}

/*
 * Names that differ in their raw bytes stay different: two invalid
 * bytes, and an invalid byte against the same text spelt out with a
 * backslash, which is doubled.
 */
static void
test_load_names_kept_apart(void **state)
{
	static const char input[] = HEADER
	    ROW("caf\xe9", "arn:aws:iam::123456789012:user/caf\xe9")
	    ROW("caf\xe8", "arn:aws:iam::123456789012:user/caf\xe8")
	    ROW("caf\\xe9", "arn:aws:iam::123456789012:user/caf\\xe9")
	    ROW("a\\\\b", "arn:aws:iam::123456789012:user/a\\\\b");
	static const char *const want[] = {
	    "caf\\xe9", "caf\\xe8", "caf\\\\xe9", "a\\\\\\\\b"
	};
	struct report_stats	 st;
	struct capture		*c = capture_new();
	size_t			 i, j;

	(void)state;
	assert_int_equal(load_mem(c, "t", input, sizeof(input) - 1, &st), 0);
	assert_int_equal(c->nrec, 4);
	for (i = 0; i < 4; i++) {
		assert_string_equal(c->rec[i].user, want[i]);
		for (j = 0; j < i; j++)
			assert_string_not_equal(c->rec[i].user,
			    c->rec[j].user);
	}
	free(c);
}

static void
test_load_mixed_accounts(void **state)
{
	static const char input[] = HEADER ALICE
	    ROW("carol", "arn:aws-cn:iam::210987654321:user/carol");
	struct report_stats	 st;
	struct capture		*c = capture_new();

	(void)state;
	assert_int_equal(load_mem(c, "t", input, sizeof(input) - 1, &st), 0);
	assert_string_equal(st.account, "123456789012");
	assert_true(st.mixed_accounts);
	assert_string_equal(c->rec[1].account, "210987654321");
	free(c);
}

static void
test_load_callback_stops(void **state)
{
	static const char input[] = HEADER ALICE BOB
	    ROW("carol", "arn:aws:iam::123456789012:user/carol");
	struct report_stats	 st;
	struct capture		*c = capture_new();

	(void)state;
	c->stop_after = 2;
	assert_int_equal(load_stream(c, "t", input, sizeof(input) - 1, &st), 7);
	assert_int_equal(c->nrec, 2);
	assert_int_equal(st.users, 2);
	assert_false(st.failed);
	free(c);
}

/* A header of more columns than the loader keeps. */
static void
test_load_too_many_columns(void **state)
{
	struct report_stats	 st;
	struct capture		*c = capture_new();
	size_t			 len = (REPORT_MAX_COLUMNS + 1) * 2;
	char			*buf = malloc(len);

	(void)state;
	assert_non_null(buf);
	memset(buf, ',', len);
	buf[len - 1] = '\n';
	assert_int_equal(load_mem(c, "t", buf, len, &st), -1);
	assert_string_equal(c->fd.text,
	    "t:1: error: header has more than 1024 columns\n");
	free(buf);
	free(c);
}

/*
 * A report with an extra notes column whose first row (alice, line 2)
 * holds size bytes of 'x' there; after follows.
 */
static char *
giant_input(size_t size, const char *after, size_t *len)
{
	static const char head[] = HEADER0 ",notes\n"
	    "alice,arn:aws:iam::123456789012:user/alice" TAIL0 ",";
	char	*buf;

	*len = sizeof(head) - 1 + size + 1 + strlen(after);
	buf = malloc(*len + 1);
	assert_non_null(buf);
	memcpy(buf, head, sizeof(head) - 1);
	memset(buf + sizeof(head) - 1, 'x', size);
	buf[sizeof(head) - 1 + size] = '\n';
	strcpy(buf + sizeof(head) + size, after);
	return buf;
}

#define GIANT_AFTER	"bob,arn:aws:iam::123456789012:user/bob" TAIL0 ",n\n"

static void
test_load_field_limit(void **state)
{
	struct report_stats	 st;
	struct capture		*c;
	char			*buf;
	size_t			 len;

	(void)state;
	/* Exactly the limit is accepted, in both paths. */
	c = capture_new();
	buf = giant_input(REPORT_MAX_FIELD, GIANT_AFTER, &len);
	assert_int_equal(load_mem(c, "t", buf, len, &st), 0);
	assert_int_equal(load_stream(c, "t", buf, len, &st), 0);
	assert_string_equal(c->fd.text, "");
	assert_int_equal(st.users, 2);
	assert_int_equal(c->nrec, 4);
	assert_int_equal(c->rec[3].line, 3);
	free(buf);
	free(c);

	/* One byte more ends the file, naming the row's line. */
	c = capture_new();
	buf = giant_input(REPORT_MAX_FIELD + 1, GIANT_AFTER, &len);
	assert_int_equal(load_stream(c, "t", buf, len, &st), -1);
	assert_string_equal(c->fd.text,
	    "t:2: error: field longer than 65536 bytes\n");
	assert_true(st.failed);
	assert_int_equal(st.users, 0);
	free(buf);
	free(c);

	/* The same at the very end of the input, with no newline. */
	c = capture_new();
	buf = giant_input(REPORT_MAX_FIELD + 1, "", &len);
	assert_int_equal(load_mem(c, "t", buf, len - 1, &st), -1);
	assert_string_equal(c->fd.text,
	    "t:2: error: field longer than 65536 bytes\n");
	free(buf);
	free(c);
}

/*
 * Many rows, crossing the stream's chunk boundaries, with a quoted field
 * spanning two lines (row 200) and an empty user name (row 300): line
 * numbers stay exact throughout.
 */
static char *
many_rows_eol(size_t *len, const char *eol)
{
	size_t	 cap = 256 * 1024, i;
	char	*buf = malloc(cap), name[8];
	int	 n;

	assert_non_null(buf);
	*len = (size_t)snprintf(buf, cap, "%s%s", HEADER0, eol);
	for (i = 0; i < 800; i++) {
		snprintf(name, sizeof(name), "u%04zu", i);
		n = snprintf(buf + *len, cap - *len, "%s,arn:aws:iam::"
		    "123456789012:user/%s,2016-08-30T17:37:35+00:00,true,"
		    "N/A,N/A,N/A,false,true,2016-10-11T15:27:35+00:00,"
		    "2016-10-12T15:27:35+00:00,%s%s%s,s3,false,N/A,N/A,N/A,N/A,"
		    "false,N/A,false,N/A%s", i == 300 ? "" : name, name,
		    i == 200 ? "\"us-" : "us-east-1", i == 200 ? eol : "",
		    i == 200 ? "east-1\"" : "", eol);
		assert_true(n > 0 && (size_t)n < cap - *len);
		*len += (size_t)n;
	}
	assert_true(*len > 2 * 64 * 1024);
	return buf;
}

static char *
many_rows(size_t *len)
{
	return many_rows_eol(len, "\n");
}

/* Check what test_load_lines_across_chunks expects of many_rows. */
static void
check_many_rows(const char *buf, size_t len, const char *eol)
{
	struct report_stats	 st;
	struct capture		*c;
	char			 region[16];
	int			 stream;

	snprintf(region, sizeof(region), "us-%seast-1", eol);
	for (stream = 0; stream < 2; stream++) {
		c = capture_new();
		c->skip = 199;
		assert_int_equal(stream ? load_stream(c, "t", buf, len, &st) :
		    load_mem(c, "t", buf, len, &st), 0);
		assert_string_equal(c->fd.text, "t:303: error: user: empty value\n");
		assert_int_equal(st.users, 799);
		assert_int_equal(c->seen, 799);
		assert_int_equal(st.rows_rejected, 1);
		assert_string_equal(c->rec[0].user, "u0199");
		assert_int_equal(c->rec[0].line, 201);
		assert_string_equal(c->rec[1].user, "u0200");
		assert_int_equal(c->rec[1].line, 202);
		assert_string_equal(c->rec[1].key[0].region, region);
		assert_string_equal(c->rec[2].user, "u0201");
		assert_int_equal(c->rec[2].line, 204);
		assert_string_equal(c->rec[31].user, "u0230");
		assert_int_equal(c->rec[31].line, 233);
		free(c);
	}
}

static void
test_load_lines_across_chunks(void **state)
{
	size_t	 len;
	char	*buf = many_rows(&len);

	(void)state;
	check_many_rows(buf, len, "\n");
	free(buf);
}

/*
 * A lone CR ends a line as LF does ("CSV (Macintosh)"), and a CRLF is
 * one line end also when its CR is the last byte of a chunk.
 */
static void
test_load_lines_cr_and_split_crlf(void **state)
{
	size_t	 len, cr, pad;
	char	*buf, *p;

	(void)state;
	buf = many_rows_eol(&len, "\r");
	check_many_rows(buf, len, "\r");
	free(buf);

	/* Pad the first row's service so that a CR is byte 65535. */
	buf = many_rows_eol(&len, "\r\n");
	for (cr = 65535; buf[cr] != '\r'; cr--)
		continue;
	pad = 65535 - cr;
	p = strstr(buf, ",s3,");
	assert_non_null(p);
	p += 3;
	assert_true(len + pad < 256 * 1024);
	memmove(p + pad, p, len - (size_t)(p - buf));
	memset(p, ' ', pad);
	len += pad;
	assert_int_equal(buf[65535], '\r');
	assert_int_equal(buf[65536], '\n');
	check_many_rows(buf, len, "\r\n");
	free(buf);
}

/*
 * A giant single line is refused without being read, let alone kept:
 * the loader stops within a chunk or two of the limit.
 */
static void
test_load_giant_line_not_buffered(void **state)
{
	struct report_stats	 st;
	struct capture		*c = capture_new();
	struct report_sink	 s = capture_sink(c);
	size_t			 len = 16 * 1024 * 1024;
	char			*buf = malloc(len);
	FILE			*fp;

	(void)state;
	assert_non_null(buf);
	memcpy(buf, HEADER, sizeof(HEADER) - 1);
	memset(buf + sizeof(HEADER) - 1, 'x', len - (sizeof(HEADER) - 1));
	fp = fmemopen(buf, len, "r");
	assert_non_null(fp);
	assert_int_equal(report_load("t", fp, &s, &st), -1);
	assert_string_equal(c->fd.text,
	    "t:2: error: field longer than 65536 bytes\n");
	assert_true(ftell(fp) <= 4 * REPORT_MAX_FIELD);
	fclose(fp);
	free(buf);
	free(c);
}

/* A BOM and blank lines before the JSON; base64 broken into lines. */
static void
test_load_json_whitespace_and_bom(void **state)
{
	static const char input[] = "\xef\xbb\xbf\n  {\"Content\": "
	    "\"dXNlcixhcm4s\\ndXNlcl9jcmVhdGlvbl90aW1l\\r\\n\"}\n";
	struct report_stats	 st;
	struct capture		*c = capture_new();

	(void)state;
	/* "user,arn,user_creation_time": base64 split by newlines. */
	assert_int_equal(load_stream(c, "t", input, sizeof(input) - 1, &st),
	    -1);
	assert_string_equal(c->fd.text, "t: error: missing column "
	    "password_enabled\n");
	free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_realworld_counts),
		cmocka_unit_test(test_load_realworld_duplicate_warning),
		cmocka_unit_test(test_load_duplicates_past_the_table_cap),
		cmocka_unit_test(test_load_realworld_root_fields),
		cmocka_unit_test(test_load_realworld_user_fields),
		cmocka_unit_test(test_load_realworld_future_dates),
		cmocka_unit_test(test_load_base_fields),
		cmocka_unit_test(test_load_variants_identical),
		cmocka_unit_test(test_load_json_generated_time),
		cmocka_unit_test(test_load_bad_inputs),
		cmocka_unit_test(test_load_recovered_values),
		cmocka_unit_test(test_load_names_kept_apart),
		cmocka_unit_test(test_load_mixed_accounts),
		cmocka_unit_test(test_load_callback_stops),
		cmocka_unit_test(test_load_too_many_columns),
		cmocka_unit_test(test_load_field_limit),
		cmocka_unit_test(test_load_lines_across_chunks),
		cmocka_unit_test(test_load_lines_cr_and_split_crlf),
		cmocka_unit_test(test_load_giant_line_not_buffered),
		cmocka_unit_test(test_load_json_whitespace_and_bom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
