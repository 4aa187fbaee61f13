/*
 * The report loader: turns the bytes of an IAM credential report into
 * typed user records, one row at a time.
 *
 * Bytes arrive in fixed-size chunks and go to libcsv one physical line at
 * a time, so that the loader always knows which line a row started on,
 * even when a quoted field spans lines.  libcsv's field callback copies
 * each field into one reused row buffer; its row callback maps the first
 * row as the header (once) and every later row through the resulting
 * index map.  Nothing grows with the number of rows except a 16-byte
 * fingerprint per ARN, kept to warn about duplicates, and that only up
 * to a bound.
 *
 * Memory stays bounded whatever the input: libcsv's field buffer may not
 * grow past REPORT_MAX_FIELD (its realloc function refuses), a row keeps
 * at most REPORT_MAX_ROW bytes and a bounded number of fields, and the
 * aws-cli JSON wrapper, the one input read whole, is capped.
 *
 * A row that makes no sense is rejected with a message naming the column
 * and the offending value, and loading goes on; a problem with the file
 * as a whole (no header, a missing column, an unclosed quote, a giant
 * field, a read error) ends it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <cjson/cJSON.h>

#include "diag.h"
#include "jsondoc.h"
#include "report.h"
#include "timeparse.h"
#include "utf8.h"

#define REPORT_CHUNK		(64 * 1024)
#define REPORT_MAX_JSON		(256 * 1024 * 1024)
/* Bytes one row may hold: far above any real row, far below trouble. */
#define REPORT_MAX_ROW		(1024 * 1024)
/* IAM's limit on user names. */
#define REPORT_MAX_USER		64
/*
 * Fields kept beyond the header's count, for a user name whose unquoted
 * commas split it: a name of 64 bytes has at most 64 commas, and the ARN
 * that repeats it as many.
 */
#define REPORT_ROW_SLACK	(2 * REPORT_MAX_USER)
#define REPORT_MAX_FIELDS	(REPORT_MAX_COLUMNS + REPORT_ROW_SLACK)
/* How much of a bad value a message shows, and room for it escaped. */
#define QUOTE_MAX		40
#define QUOTE_BUFSZ		(QUOTE_MAX * 4 + 8)
#define ROOT_USER		"<root_account>"
/*
 * The duplicate table's bounds in slots.  The upper one (4 MiB) keeps the
 * memory of a million-user audit flat: the table is exact up to half as
 * many ARNs, and then only compares each ARN with the row before.
 */
#define DUPS_MIN		1024
#define DUPS_MAX		(1 << 18)

/* The required columns, in the order AWS writes them. */
enum column {
	COL_USER,
	COL_ARN,
	COL_CREATED,
	COL_PASSWORD_ENABLED,
	COL_PASSWORD_LAST_USED,
	COL_PASSWORD_LAST_CHANGED,
	COL_PASSWORD_NEXT_ROTATION,
	COL_MFA_ACTIVE,
	COL_KEY1_ACTIVE,	/* then last_rotated, last_used_date, region, service */
	COL_KEY2_ACTIVE = COL_KEY1_ACTIVE + 5,
	COL_CERT1_ACTIVE = COL_KEY2_ACTIVE + 5,	/* then last_rotated */
	COL_CERT2_ACTIVE = COL_CERT1_ACTIVE + 2,
	COL_COUNT = COL_CERT2_ACTIVE + 2
};

/* Offsets from a key's or certificate's _active column. */
enum {
	SLOT_ROTATED = 1,
	SLOT_USED,
	SLOT_REGION,
	SLOT_SERVICE
};

static const char *const column_names[COL_COUNT] = {
	"user", "arn", "user_creation_time", "password_enabled",
	"password_last_used", "password_last_changed",
	"password_next_rotation", "mfa_active",
	"access_key_1_active", "access_key_1_last_rotated",
	"access_key_1_last_used_date", "access_key_1_last_used_region",
	"access_key_1_last_used_service",
	"access_key_2_active", "access_key_2_last_rotated",
	"access_key_2_last_used_date", "access_key_2_last_used_region",
	"access_key_2_last_used_service",
	"cert_1_active", "cert_1_last_rotated",
	"cert_2_active", "cert_2_last_rotated"
};

/* A field inside the row buffer; offsets survive the buffer moving. */
struct span {
	size_t		 off;
	size_t		 len;
};

/* The fields of the row being read, each NUL-terminated in buf. */
struct row {
	char		*buf;
	size_t		 len, cap;
	struct span	 field[REPORT_MAX_FIELDS];
	size_t		 nstored;
	size_t		 nfields;	/* including those not stored */
	bool		 too_long;
	bool		 maybe_nul;	/* came in part in a piece with a NUL */
};

/*
 * ARN fingerprints seen so far: open addressing, linear probing, one
 * cache line touched per row.
 */
struct dup_entry {
	uint64_t	 hash;		/* 0 marks an empty slot */
	uint64_t	 line;
};

struct dup_table {
	struct dup_entry *slot;
	size_t		 cap, count;
	uint64_t	 last_hash;	/* the row before */
	long		 last_line;
};

struct loader {
	const char		*path;
	const struct report_sink *sink;
	struct report_stats	*stats;
	struct csv_parser	 csv;
	long			 line;		/* physical line being fed */
	long			 row_line;	/* where the current row began */
	long			 quote_line;	/* where an open quote began */
	unsigned long		 fields_seen;
	bool			 piece_nul;	/* the piece being parsed */
	bool			 have_header;
	size_t			 ncols;
	int			 colmap[REPORT_MAX_COLUMNS];
	size_t			 colidx[COL_COUNT];
	struct row		 row;
	struct dup_table	 dups;
	char			 account[13];
	int			 rc;		/* non-zero: stop reading */
};

static void	loader_fatal(struct loader *, long, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	loader_reject(struct loader *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static void	loader_warn(struct loader *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* Small string helpers. */

/* Is s, of len bytes, the lower-case word of wlen bytes, in any case? */
static bool
word_eq(const char *s, size_t len, const char *word, size_t wlen)
{
	size_t	 i;

	if (len != wlen)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != (unsigned char)word[i])
			return false;
	}
	return true;
}

#define WORD_EQ(s, len, word)	word_eq((s), (len), (word), sizeof(word) - 1)

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Write s as a double-quoted string safe for any terminal and any
 * message: control bytes and bytes above 0x7f are escaped, and only the
 * first QUOTE_MAX bytes are shown.
 */
static const char *
quote_value(char out[QUOTE_BUFSZ], const char *s, size_t len)
{
	size_t		 i, o = 0, n = len > QUOTE_MAX ? QUOTE_MAX : len;

	out[o++] = '"';
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c < 0x20 || c >= 0x7f) {
			snprintf(out + o, 5, "\\x%02x", c);
			o += 4;
		} else
			out[o++] = (char)c;
	}
	out[o++] = '"';
	if (n < len)
		o += (size_t)snprintf(out + o, 4, "...");
	out[o] = '\0';
	return out;
}

/* Diagnostics. */

static void
loader_fatal(struct loader *ld, long line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vreport(ld->sink->diag, DIAG_ERROR, ld->path, line, fmt, ap);
	va_end(ap);
	ld->stats->failed = true;
	ld->rc = -1;
}

static void
loader_reject(struct loader *ld, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vreport(ld->sink->diag, DIAG_ERROR, ld->path, ld->row_line, fmt,
	    ap);
	va_end(ap);
	ld->stats->rows_rejected++;
}

static void
loader_warn(struct loader *ld, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vreport(ld->sink->diag, DIAG_WARNING, ld->path, ld->row_line, fmt,
	    ap);
	va_end(ap);
}

/* The row buffer. */

static int
row_reserve(struct row *r, size_t need)
{
	size_t	 cap = r->cap ? r->cap : 4096;
	char	*p;

	if (r->len + need <= r->cap)
		return 0;
	while (cap < r->len + need)
		cap *= 2;
	if ((p = realloc(r->buf, cap)) == NULL)
		return -1;
	r->buf = p;
	r->cap = cap;
	return 0;
}

/* Append len bytes and a NUL; return the offset they start at, or -1. */
static long
row_append(struct row *r, const void *s, size_t len)
{
	size_t	 off = r->len;

	if (row_reserve(r, len + 1) == -1)
		return -1;
	memcpy(r->buf + off, s, len);
	r->buf[off + len] = '\0';
	r->len += len + 1;
	return (long)off;
}

/* Keep one field; past the bounds, only count it. */
static int
row_add(struct row *r, const void *s, size_t len)
{
	long	 off;

	r->nfields++;
	if (r->nstored == REPORT_MAX_FIELDS || r->too_long)
		return 0;
	if (r->len + len + 1 > REPORT_MAX_ROW) {
		r->too_long = true;
		return 0;
	}
	if ((off = row_append(r, s, len)) == -1)
		return -1;
	r->field[r->nstored].off = (size_t)off;
	r->field[r->nstored].len = len;
	r->nstored++;
	return 0;
}

static void
row_reset(struct row *r)
{
	r->len = r->nstored = r->nfields = 0;
	r->too_long = r->maybe_nul = false;
}

/* Duplicate ARNs. */

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p)	__builtin_prefetch(p)
#else
#define PREFETCH(p)	((void)(p))
#endif

/* Mix a 64-bit word: the murmur3 finaliser. */
static uint64_t
dup_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/*
 * Hash eight bytes at a time (an ARN is some fifty bytes), each step a
 * bijection of the state, and mix well once at the end.
 */
static uint64_t
dup_hash(const char *s, size_t len)
{
	uint64_t	 h = len, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, len);
	h = dup_mix(h ^ w);
	return h == 0 ? 1 : h;
}

static struct dup_entry *
dup_slot(const struct dup_table *d, uint64_t h)
{
	return &d->slot[h & (d->cap - 1)];
}

static struct dup_entry *
dup_next(const struct dup_table *d, const struct dup_entry *e)
{
	return e + 1 == d->slot + d->cap ? d->slot : (struct dup_entry *)e + 1;
}

/*
 * The table outgrows the caches; fetching the ARN's slot while the rest
 * of the row is parsed hides most of the wait for it.
 */
static void
dup_prefetch(const struct dup_table *d, uint64_t h)
{
	if (d->cap > 0)
		PREFETCH(dup_slot(d, h));
}

static int
dup_grow(struct dup_table *d)
{
	struct dup_table old = *d;
	struct dup_entry *e;
	size_t		 i;

	d->cap = old.cap ? old.cap * 2 : DUPS_MIN;
	if ((d->slot = calloc(d->cap, sizeof(*d->slot))) == NULL) {
		*d = old;
		return -1;
	}
	for (i = 0; i < old.cap; i++) {
		if (old.slot[i].hash == 0)
			continue;
		for (e = dup_slot(d, old.slot[i].hash); e->hash != 0;
		    e = dup_next(d, e))
			;
		*e = old.slot[i];
	}
	free(old.slot);
	return 0;
}

/*
 * Look h up in the table and record it if there is room.  Return the
 * line it was first seen on, 0 when it is not there, or -1 when memory
 * ran out.
 */
static long
dup_lookup(struct dup_table *d, uint64_t h, long line)
{
	struct dup_entry *e;
	bool		 full = (d->count + 1) * 2 > d->cap;

	if (full && d->cap < DUPS_MAX) {
		if (dup_grow(d) == -1)
			return -1;
		full = false;
	}
	for (e = dup_slot(d, h); e->hash != 0; e = dup_next(d, e))
		if (e->hash == h)
			return (long)e->line;
	if (!full) {
		e->hash = h;
		e->line = (uint64_t)line;
		d->count++;
	}
	return 0;
}

/*
 * Remember the ARN's fingerprint h.  Return the line it was first seen
 * on, 0 when it is new, or -1 when memory ran out.  Past the table's
 * bound, ARNs beyond the first DUPS_MAX / 2 are still compared with the
 * row before, which is where AWS, sorting by name, puts a duplicate.
 */
static long
dup_check(struct dup_table *d, uint64_t h, long line)
{
	long	 prev = dup_lookup(d, h, line);

	if (prev == 0 && d->last_line > 0 && h == d->last_hash)
		prev = d->last_line;
	d->last_hash = h;
	d->last_line = line;
	return prev;
}

/* UTF-8. */


/*
 * Copy the field with each invalid byte replaced by U+FFFD to the end of
 * the row buffer, and point the span there.  Return -1 when memory ran
 * out.
 */
static int
utf8_repair(struct row *r, struct span *sp)
{
	const unsigned char *u;
	size_t		 i = 0, n, o;

	if (row_reserve(r, sp->len * 3 + 1) == -1)
		return -1;
	u = (const unsigned char *)r->buf + sp->off;
	o = r->len;
	while (i < sp->len) {
		if ((n = utf8_seq(u + i, sp->len - i)) == 0) {
			memcpy(r->buf + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
			continue;
		}
		memcpy(r->buf + o, u + i, n);
		o += n;
		i += n;
	}
	r->buf[o] = '\0';
	sp->off = r->len;
	sp->len = o - r->len;
	r->len = o + 1;
	return 0;
}

/* Values. */

/* The view of one row: where each required column's value is. */
struct view {
	struct span	 col[COL_COUNT];
	size_t		 shift;		/* extra fields in user and ARN */
	uint64_t	 arn_hash;
};

static const char *
view_str(const struct loader *ld, const struct view *v, enum column c)
{
	return ld->row.buf + v->col[c].off;
}

/* Quote column c's value for a message. */
static const char *
view_quote(const struct loader *ld, const struct view *v, enum column c,
    char out[QUOTE_BUFSZ])
{
	return quote_value(out, view_str(ld, v, c), v->col[c].len);
}

static bool
loader_bool(struct loader *ld, const struct view *v, enum column c,
    bool *out)
{
	const char	*s = view_str(ld, v, c);
	size_t		 len = v->col[c].len;
	char		 q[QUOTE_BUFSZ];

	if (WORD_EQ(s, len, "true"))
		*out = true;
	else if (WORD_EQ(s, len, "false"))
		*out = false;
	else {
		loader_reject(ld, "%s: expected true or false, got %s",
		    column_names[c], view_quote(ld, v, c, q));
		return false;
	}
	return true;
}

static bool
loader_time(struct loader *ld, const struct view *v, enum column c,
    struct cred_time *out)
{
	const char	*s = view_str(ld, v, c);
	size_t		 len = v->col[c].len;
	char		 q[QUOTE_BUFSZ];

	out->t = 0;
	if (timeparse_iso8601(s, len, &out->t) == 0)
		out->kind = TIME_SET;
	else if (WORD_EQ(s, len, "n/a"))
		out->kind = TIME_NA;
	else if (WORD_EQ(s, len, "no_information"))
		out->kind = TIME_NO_INFORMATION;
	else if (WORD_EQ(s, len, "not_supported"))
		out->kind = TIME_NOT_SUPPORTED;
	else {
		loader_reject(ld, "%s: not a timestamp: %s", column_names[c],
		    view_quote(ld, v, c, q));
		return false;
	}
	return true;
}

static bool
loader_created(struct loader *ld, const struct view *v, struct cred_time *out)
{
	char	 q[QUOTE_BUFSZ];

	out->kind = TIME_SET;
	if (timeparse_iso8601(view_str(ld, v, COL_CREATED),
	    v->col[COL_CREATED].len, &out->t) == 0)
		return true;
	loader_reject(ld, "%s: not a timestamp: %s", column_names[COL_CREATED],
	    view_quote(ld, v, COL_CREATED, q));
	return false;
}

static bool
loader_password(struct loader *ld, const struct view *v,
    enum password_state *out)
{
	const char	*s = view_str(ld, v, COL_PASSWORD_ENABLED);
	size_t		 len = v->col[COL_PASSWORD_ENABLED].len;
	char		 q[QUOTE_BUFSZ];

	if (WORD_EQ(s, len, "true"))
		*out = PASSWORD_ENABLED;
	else if (WORD_EQ(s, len, "false"))
		*out = PASSWORD_DISABLED;
	else if (WORD_EQ(s, len, "not_supported"))
		*out = PASSWORD_NOT_SUPPORTED;
	else {
		loader_reject(ld, "%s: expected true, false or not_supported, "
		    "got %s", column_names[COL_PASSWORD_ENABLED],
		    view_quote(ld, v, COL_PASSWORD_ENABLED, q));
		return false;
	}
	return true;
}

/* An access key (used columns present) or a certificate (absent). */
static bool
loader_slot(struct loader *ld, const struct view *v, enum column active,
    bool has_use, struct key_slot *k)
{
	bool	 on;

	memset(k, 0, sizeof(*k));
	k->last_used.kind = TIME_NA;
	if (!loader_bool(ld, v, active, &on) ||
	    !loader_time(ld, v, active + SLOT_ROTATED, &k->last_rotated))
		return false;
	if (has_use && !loader_time(ld, v, active + SLOT_USED, &k->last_used))
		return false;
	if (on)
		k->state = SLOT_ACTIVE;
	else if (k->last_rotated.kind == TIME_SET)
		k->state = SLOT_INACTIVE;
	else
		k->state = SLOT_ABSENT;
	return true;
}

/* Every typed column but the identity ones. */
static bool
loader_values(struct loader *ld, const struct view *v, struct user_record *rec)
{
	return loader_created(ld, v, &rec->created) &&
	    loader_password(ld, v, &rec->password) &&
	    loader_time(ld, v, COL_PASSWORD_LAST_USED,
	    &rec->password_last_used) &&
	    loader_time(ld, v, COL_PASSWORD_LAST_CHANGED,
	    &rec->password_last_changed) &&
	    loader_time(ld, v, COL_PASSWORD_NEXT_ROTATION,
	    &rec->password_next_rotation) &&
	    loader_bool(ld, v, COL_MFA_ACTIVE, &rec->mfa_active) &&
	    loader_slot(ld, v, COL_KEY1_ACTIVE, true, &rec->key[0]) &&
	    loader_slot(ld, v, COL_KEY2_ACTIVE, true, &rec->key[1]) &&
	    loader_slot(ld, v, COL_CERT1_ACTIVE, false, &rec->cert[0]) &&
	    loader_slot(ld, v, COL_CERT2_ACTIVE, false, &rec->cert[1]);
}

/* Identity: user name, ARN, account, root. */

/*
 * Check arn:PARTITION:iam::ACCOUNT:RESOURCE with a 12-digit account and
 * store where the account and the resource begin.
 */
static bool
arn_parse(const char *s, size_t len, size_t *acct, size_t *res)
{
	size_t	 i = 4, start;

	if (len < 4 || memcmp(s, "arn:", 4) != 0)
		return false;
	for (start = i; i < len && s[i] != ':'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	if (i == start || len - i < 6 || memcmp(s + i, ":iam::", 6) != 0)
		return false;
	*acct = i += 6;
	for (; i < len && i < *acct + 12; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	if (i != *acct + 12 || i + 1 >= len || s[i] != ':')
		return false;
	*res = i + 1;
	return true;
}

/*
 * IAM's characters for user names, A-Z a-z 0-9 +=,.@_-, as a bitmap of
 * the 128 ASCII codes: one test per byte.
 */
static const uint64_t user_name_chars[2] = {
	0x23ff780000000000ULL,	/* + , - . 0-9 = */
	0x07fffffe87ffffffULL	/* @ A-Z _ a-z */
};

static bool
user_name_allowed(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 128 || !(user_name_chars[c >> 6] >> (c & 63) & 1))
			return false;
	}
	return true;
}

static bool
loader_user(struct loader *ld, const struct view *v)
{
	size_t	 len = v->col[COL_USER].len;
	char	 q[QUOTE_BUFSZ];

	if (len == 0) {
		loader_reject(ld, "user: empty value");
		return false;
	}
	if (len > REPORT_MAX_USER) {
		loader_reject(ld, "user: longer than %d bytes: %s",
		    REPORT_MAX_USER, view_quote(ld, v, COL_USER, q));
		return false;
	}
	return true;
}

static bool
loader_identity(struct loader *ld, const struct view *v,
    struct user_record *rec)
{
	const char	*arn = view_str(ld, v, COL_ARN);
	size_t		 len = v->col[COL_ARN].len, acct, res;
	bool		 root_arn;
	char		 q[QUOTE_BUFSZ], q2[QUOTE_BUFSZ];

	if (!loader_user(ld, v))
		return false;
	if (!arn_parse(arn, len, &acct, &res)) {
		loader_reject(ld, "arn: not an IAM ARN "
		    "(arn:PARTITION:iam::ACCOUNT:RESOURCE): %s",
		    view_quote(ld, v, COL_ARN, q));
		return false;
	}
	rec->is_root = v->col[COL_USER].len == sizeof(ROOT_USER) - 1 &&
	    memcmp(view_str(ld, v, COL_USER), ROOT_USER,
	    sizeof(ROOT_USER) - 1) == 0;
	root_arn = len - res == 4 && memcmp(arn + res, "root", 4) == 0;
	if (rec->is_root != root_arn) {
		loader_reject(ld, rec->is_root ?
		    "arn: user %s has a non-root ARN %s" :
		    "arn: user %s has the root ARN %s",
		    view_quote(ld, v, COL_USER, q), view_quote(ld, v, COL_ARN,
		    q2));
		return false;
	}
	memcpy(ld->account, arn + acct, 12);
	ld->account[12] = '\0';
	return true;
}

/* The row's shape. */

/* Does the ARN end in "/" and the user name? */
static bool
arn_names(const char *buf, const struct span *arn, const struct span *user)
{
	return arn->len > user->len &&
	    buf[arn->off + arn->len - user->len - 1] == '/' &&
	    memcmp(buf + arn->off + arn->len - user->len, buf + user->off,
	    user->len) == 0;
}

/*
 * A row with too many fields may hold a user name with unquoted commas:
 * AWS writes it as is, so the extra fields belong to the name and, when
 * the ARN is not quoted either, to the ARN that repeats it.  The fields
 * lie one after another in the buffer, so turning the NULs between them
 * back into commas joins them; then find the split where the ARN ends in
 * "/" and the name.
 */
static bool
loader_recover(struct loader *ld, size_t extra, struct view *v)
{
	struct row	*r = &ld->row;
	const struct span *f = r->field;
	size_t		 u = ld->colidx[COL_USER], k, end;
	struct span	 user, arn;

	if (ld->colidx[COL_ARN] != u + 1 || r->nstored != r->nfields ||
	    extra > REPORT_ROW_SLACK)
		return false;
	for (k = u + 1; k <= u + extra + 1; k++)
		r->buf[f[k].off - 1] = ',';
	end = f[u + extra + 1].off + f[u + extra + 1].len;
	for (k = 1; k <= extra; k++) {
		user.off = f[u].off;
		user.len = f[u + k].off + f[u + k].len - user.off;
		arn.off = f[u + k + 1].off;
		arn.len = end - arn.off;
		if (arn_names(r->buf, &arn, &user)) {
			r->buf[arn.off - 1] = '\0';
			v->col[COL_USER] = user;
			v->col[COL_ARN] = arn;
			return true;
		}
	}
	return false;
}

/* Check the field count; recover a split user name into v. */
static bool
loader_shape(struct loader *ld, struct view *v)
{
	struct row	*r = &ld->row;

	v->shift = 0;
	if (r->too_long) {
		loader_reject(ld, "row longer than %d bytes", REPORT_MAX_ROW);
		return false;
	}
	if (r->nfields == ld->ncols)
		return true;
	if (r->nfields > ld->ncols && loader_recover(ld,
	    r->nfields - ld->ncols, v)) {
		v->shift = r->nfields - ld->ncols;
		return true;
	}
	loader_reject(ld, "row has %zu fields, header has %zu", r->nfields,
	    ld->ncols);
	return false;
}

/* Find every column's value; a recovered user and ARN are in place. */
static void
loader_view(const struct loader *ld, struct view *v)
{
	const struct row *r = &ld->row;
	size_t		 u = ld->colidx[COL_USER], c, h;

	for (c = 0; c < COL_COUNT; c++) {
		if (v->shift > 0 && (c == COL_USER || c == COL_ARN))
			continue;
		h = ld->colidx[c];
		v->col[c] = r->field[h > u ? h + v->shift : h];
	}
}

static bool
loader_nul_free(struct loader *ld, const struct view *v)
{
	size_t	 c;

	if (!ld->row.maybe_nul)
		return true;
	for (c = 0; c < COL_COUNT; c++) {
		if (memchr(view_str(ld, v, c), '\0', v->col[c].len) != NULL) {
			loader_reject(ld, "%s: NUL byte in value",
			    column_names[c]);
			return false;
		}
	}
	return true;
}

/* Accepting a row. */

/* The strings a record carries, made valid UTF-8. */
static const enum column string_columns[] = {
	COL_USER, COL_ARN,
	COL_KEY1_ACTIVE + SLOT_REGION, COL_KEY1_ACTIVE + SLOT_SERVICE,
	COL_KEY2_ACTIVE + SLOT_REGION, COL_KEY2_ACTIVE + SLOT_SERVICE
};

static int
loader_fix_utf8(struct loader *ld, struct view *v)
{
	const char	*bad = NULL;
	size_t		 i;
	enum column	 c;

	for (i = 0; i < sizeof(string_columns) / sizeof(*string_columns); i++) {
		c = string_columns[i];
		if (utf8_valid(view_str(ld, v, c), v->col[c].len))
			continue;
		if (utf8_repair(&ld->row, &v->col[c]) == -1)
			return -1;
		if (bad == NULL)
			bad = column_names[c];
	}
	if (bad != NULL)
		loader_warn(ld, "%s: invalid UTF-8 replaced by U+FFFD", bad);
	return 0;
}

/* Warnings about a row that is kept all the same. */
static void
loader_user_warnings(struct loader *ld, const struct view *v, bool is_root)
{
	char	 q[QUOTE_BUFSZ];

	if (v->shift > 0)
		loader_warn(ld, "user name %s contains unquoted commas; "
		    "recovered from the ARN", view_quote(ld, v, COL_USER, q));
	if (!is_root && !user_name_allowed(view_str(ld, v, COL_USER),
	    v->col[COL_USER].len))
		loader_warn(ld, "user name %s has characters IAM does not "
		    "allow (A-Z a-z 0-9 +=,.@_-)", view_quote(ld, v, COL_USER, q));
}

static const char *
view_region(const struct loader *ld, const struct view *v, enum column c)
{
	if (WORD_EQ(view_str(ld, v, c), v->col[c].len, "n/a"))
		return NULL;
	return view_str(ld, v, c);
}

static void
loader_strings(struct loader *ld, const struct view *v, struct user_record *rec)
{
	int	 n;

	rec->path = ld->path;
	rec->line = ld->row_line;
	rec->user = view_str(ld, v, COL_USER);
	rec->arn = view_str(ld, v, COL_ARN);
	rec->account = ld->account;
	for (n = 0; n < 2; n++) {
		rec->key[n].last_used_region = view_region(ld, v,
		    COL_KEY1_ACTIVE + 5 * n + SLOT_REGION);
		rec->key[n].last_used_service = view_region(ld, v,
		    COL_KEY1_ACTIVE + 5 * n + SLOT_SERVICE);
	}
}

static void
loader_account(struct loader *ld)
{
	struct report_stats *st = ld->stats;

	if (st->account[0] == '\0')
		memcpy(st->account, ld->account, sizeof(ld->account));
	else if (strcmp(st->account, ld->account) != 0)
		st->mixed_accounts = true;
}

static void
loader_accept(struct loader *ld, struct view *v, struct user_record *rec)
{
	long	 prev;

	loader_user_warnings(ld, v, rec->is_root);
	if (loader_fix_utf8(ld, v) == -1) {
		loader_fatal(ld, ld->row_line, "out of memory");
		return;
	}
	prev = dup_check(&ld->dups, v->arn_hash, ld->row_line);
	if (prev == -1) {
		loader_fatal(ld, ld->row_line, "out of memory");
		return;
	}
	if (prev > 0) {
		loader_warn(ld, "duplicate of line %ld (same ARN)", prev);
		ld->stats->duplicates++;
	}
	loader_strings(ld, v, rec);
	loader_account(ld);
	ld->stats->users++;
	if (ld->sink->record != NULL)
		ld->rc = ld->sink->record(ld->sink->ctx, rec);
}

static void
loader_row(struct loader *ld)
{
	struct view		 v;
	struct user_record	 rec;

	if (!loader_shape(ld, &v))
		return;
	loader_view(ld, &v);
	v.arn_hash = dup_hash(view_str(ld, &v, COL_ARN), v.col[COL_ARN].len);
	dup_prefetch(&ld->dups, v.arn_hash);
	if (!loader_nul_free(ld, &v) || !loader_identity(ld, &v, &rec) ||
	    !loader_values(ld, &v, &rec))
		return;
	loader_accept(ld, &v, &rec);
}

/* The header. */

static int
column_lookup(const char *s, size_t len)
{
	int	 c;

	while (len > 0 && is_blank(*s))
		s++, len--;
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	for (c = 0; c < COL_COUNT; c++)
		if (word_eq(s, len, column_names[c], strlen(column_names[c])))
			return c;
	return -1;
}

/* Map header index to column and back; false on a fatal problem. */
static bool
loader_map_columns(struct loader *ld, bool seen[COL_COUNT])
{
	const struct row *r = &ld->row;
	size_t		 i;
	int		 c;

	for (i = 0; i < r->nstored; i++) {
		if (memchr(r->buf + r->field[i].off, '\0', r->field[i].len)) {
			loader_fatal(ld, ld->row_line, "NUL byte in header");
			return false;
		}
		ld->colmap[i] = c = column_lookup(r->buf + r->field[i].off,
		    r->field[i].len);
		if (c < 0)
			continue;
		if (seen[c]) {
			loader_fatal(ld, ld->row_line, "duplicate column %s",
			    column_names[c]);
			return false;
		}
		seen[c] = true;
		ld->colidx[c] = i;
	}
	return true;
}

static void
loader_header(struct loader *ld)
{
	bool	 seen[COL_COUNT] = { false };
	int	 c;

	if (ld->row.nfields > REPORT_MAX_COLUMNS) {
		loader_fatal(ld, ld->row_line, "header has more than %d columns",
		    REPORT_MAX_COLUMNS);
		return;
	}
	if (ld->row.too_long) {
		loader_fatal(ld, ld->row_line, "header longer than %d bytes",
		    REPORT_MAX_ROW);
		return;
	}
	if (!loader_map_columns(ld, seen))
		return;
	for (c = 0; c < COL_COUNT; c++) {
		if (!seen[c]) {
			loader_fatal(ld, 0, "missing column %s",
			    column_names[c]);
			return;
		}
	}
	ld->ncols = ld->row.nfields;
	ld->have_header = true;
}

/* Feeding libcsv. */

static void
loader_on_field(void *field, size_t len, void *ctx)
{
	struct loader	*ld = ctx;

	ld->fields_seen++;
	if (ld->rc != 0)
		return;
	if (len > REPORT_MAX_FIELD) {
		loader_fatal(ld, ld->row_line, "field longer than %d bytes",
		    REPORT_MAX_FIELD);
		return;
	}
	if (row_add(&ld->row, field, len) == -1)
		loader_fatal(ld, ld->row_line, "out of memory");
}

static void
loader_on_row(int term, void *ctx)
{
	struct loader	*ld = ctx;

	(void)term;
	if (ld->rc == 0) {
		if (ld->have_header)
			loader_row(ld);
		else
			loader_header(ld);
	}
	row_reset(&ld->row);
	/* A row ended by a bare CR lets the next begin in this piece. */
	ld->row.maybe_nul = ld->piece_nul;
	ld->row_line = ld->line;
}

/*
 * libcsv's buffer for one field grows through this function, which
 * refuses to let it outgrow the longest field we accept (plus the byte
 * libcsv asks for before it knows the field has ended).
 */
static void *
loader_realloc(void *p, size_t size)
{
	if (size > REPORT_MAX_FIELD + 1)
		return NULL;
	return realloc(p, size);
}

static void
loader_csv_error(struct loader *ld)
{
	int	 e = csv_error(&ld->csv);

	if (e == CSV_ENOMEM && csv_get_buffer_size(&ld->csv) >= REPORT_MAX_FIELD)
		loader_fatal(ld, ld->row_line, "field longer than %d bytes",
		    REPORT_MAX_FIELD);
	else
		loader_fatal(ld, ld->row_line, "%s", csv_strerror(e));
}

/* Parse a piece of one physical line. */
static void
loader_parse(struct loader *ld, const char *s, size_t len)
{
	unsigned long	 fields = ld->fields_seen;
	bool		 was_quoted = ld->csv.quoted != 0;

	/* One scan per piece spares one per field: NULs are rare. */
	ld->piece_nul = memchr(s, '\0', len) != NULL;
	if (ld->piece_nul)
		ld->row.maybe_nul = true;
	if (csv_parse(&ld->csv, s, len, loader_on_field, loader_on_row, ld) !=
	    len && ld->rc == 0)
		loader_csv_error(ld);
	/* A quote opened in this piece: remember where, for fini. */
	if (ld->csv.quoted && (!was_quoted || ld->fields_seen != fields))
		ld->quote_line = ld->line;
}

/*
 * Feed bytes to libcsv, split at newlines so that the line count is
 * exact.  A newline inside a quoted field leaves libcsv in a quoted
 * field; any other newline ends the row, so the next row starts on the
 * next line.
 */
static void
loader_feed(struct loader *ld, const char *buf, size_t len)
{
	const char	*nl;
	size_t		 n;

	while (len > 0 && ld->rc == 0) {
		nl = memchr(buf, '\n', len);
		n = nl != NULL ? (size_t)(nl - buf) + 1 : len;
		loader_parse(ld, buf, n);
		if (nl != NULL) {
			ld->line++;
			if (!ld->csv.quoted)
				ld->row_line = ld->line;
		}
		buf += n;
		len -= n;
	}
}

static void
loader_finish(struct loader *ld)
{
	if (ld->rc != 0)
		return;
	/* libcsv checks for an unclosed quote only in strict mode. */
	csv_set_opts(&ld->csv, CSV_STRICT | CSV_STRICT_FINI);
	if (csv_fini(&ld->csv, loader_on_field, loader_on_row, ld) != 0) {
		if (ld->rc == 0)
			loader_fatal(ld, ld->quote_line,
			    "unterminated quoted field");
		return;
	}
	if (ld->rc == 0 && !ld->have_header)
		loader_fatal(ld, 0, "empty input: no header row");
}

static bool
skip_bom(const char **buf, size_t *len)
{
	if (*len >= 3 && memcmp(*buf, "\xef\xbb\xbf", 3) == 0) {
		*buf += 3;
		*len -= 3;
		return true;
	}
	return false;
}

/* The loader's life. */

static struct loader *
loader_open(const char *path, const struct report_sink *sink,
    struct report_stats *stats)
{
	struct loader	*ld;

	memset(stats, 0, sizeof(*stats));
	if ((ld = calloc(1, sizeof(*ld))) == NULL) {
		diag_report(sink->diag, DIAG_ERROR, path, 0, "out of memory");
		stats->failed = true;
		return NULL;
	}
	ld->path = path;
	ld->sink = sink;
	ld->stats = stats;
	ld->line = ld->row_line = ld->quote_line = 1;
	csv_init(&ld->csv, 0);
	csv_set_realloc_func(&ld->csv, loader_realloc);
	csv_set_blk_size(&ld->csv, 4096);
	return ld;
}

static int
loader_close(struct loader *ld)
{
	int	 rc = ld->rc;

	csv_free(&ld->csv);
	free(ld->row.buf);
	free(ld->dups.slot);
	free(ld);
	return rc;
}

/* CSV held in memory, from the start. */
static void
loader_csv_mem(struct loader *ld, const char *buf, size_t len)
{
	skip_bom(&buf, &len);
	loader_feed(ld, buf, len);
	loader_finish(ld);
}

/* The aws-cli JSON wrapper. */

static int
b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Decode strict base64 (padded, standard alphabet; whitespace anywhere
 * is skipped) into out, which has room for len * 3 / 4 bytes.  Return
 * the decoded length, or -1 for anything that is not base64.
 */
static long
b64_decode(const char *s, size_t len, unsigned char *out)
{
	unsigned long	 acc = 0;
	size_t		 i, o = 0;
	int		 n = 0, pad = 0, v;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			continue;
		if (c == '=') {
			if (n < 2 || ++pad > 2)
				return -1;
			v = 0;
		} else if (pad > 0 || (v = b64_value(c)) < 0)
			return -1;
		acc = acc << 6 | (unsigned long)v;
		if (++n < 4)
			continue;
		out[o++] = (unsigned char)(acc >> 16);
		if (pad < 2)
			out[o++] = (unsigned char)(acc >> 8);
		if (pad < 1)
			out[o++] = (unsigned char)acc;
		acc = 0;
		n = 0;
	}
	return n == 0 ? (long)o : -1;
}

static void
loader_generated_time(struct loader *ld, const cJSON *root)
{
	const cJSON	*gt = cJSON_GetObjectItemCaseSensitive(root,
			    "GeneratedTime");
	char		 q[QUOTE_BUFSZ];

	if (gt == NULL)
		return;
	if (cJSON_IsString(gt) && timeparse_iso8601(gt->valuestring,
	    strlen(gt->valuestring), &ld->stats->generated_time) == 0) {
		ld->stats->has_generated_time = true;
		return;
	}
	ld->stats->generated_time = 0;
	diag_report(ld->sink->diag, DIAG_WARNING, ld->path, 0,
	    "GeneratedTime is not a timestamp: %s; ignored",
	    cJSON_IsString(gt) ? quote_value(q, gt->valuestring,
	    strlen(gt->valuestring)) : "(not a string)");
}

/*
 * cJSON finds the first of two members with one name; a second Content
 * would be ignored without a word, so a repeated member is refused.
 */
static const char *
json_repeated_member(const cJSON *root)
{
	static const char *const names[] = { "Content", "ReportFormat",
	    "GeneratedTime" };
	const cJSON	*it;
	size_t		 i, seen;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		seen = 0;
		cJSON_ArrayForEach(it, root)
			if (it->string != NULL && strcmp(it->string, names[i]) == 0)
				seen++;
		if (seen > 1)
			return names[i];
	}
	return NULL;
}

/* Check the wrapper and return its Content member, or NULL. */
static const char *
loader_unwrap(struct loader *ld, const cJSON *root)
{
	const cJSON	*content, *format;
	const char	*twice;
	char		 q[QUOTE_BUFSZ];

	if ((twice = json_repeated_member(root)) != NULL) {
		loader_fatal(ld, 0, "not a credential report: %s appears more "
		    "than once", twice);
		return NULL;
	}

	format = cJSON_GetObjectItemCaseSensitive(root, "ReportFormat");
	if (format != NULL && !(cJSON_IsString(format) &&
	    strcmp(format->valuestring, "text/csv") == 0)) {
		loader_fatal(ld, 0, "not a credential report: ReportFormat is "
		    "%s, not text/csv", cJSON_IsString(format) ?
		    quote_value(q, format->valuestring,
		    strlen(format->valuestring)) : "not a string");
		return NULL;
	}
	content = cJSON_GetObjectItemCaseSensitive(root, "Content");
	if (content == NULL) {
		loader_fatal(ld, 0,
		    "not a credential report: JSON has no Content member");
		return NULL;
	}
	if (!cJSON_IsString(content)) {
		loader_fatal(ld, 0,
		    "not a credential report: Content is not a string");
		return NULL;
	}
	return content->valuestring;
}

/* Decode the Content member into a new buffer; NULL on failure. */
static unsigned char *
loader_decode(struct loader *ld, const char *b64, long *outlen)
{
	size_t		 len = strlen(b64);
	unsigned char	*out;

	if ((out = malloc(len / 4 * 3 + 3)) == NULL) {
		loader_fatal(ld, 0, "out of memory");
		return NULL;
	}
	if ((*outlen = b64_decode(b64, len, out)) == -1) {
		loader_fatal(ld, 0,
		    "not a credential report: Content is not valid base64");
		free(out);
		return NULL;
	}
	return out;
}

/*
 * cJSON decodes \u0000 into its C strings, which then end there: a
 * Content member would be cut short without a word.  No credential
 * report holds a NUL, so refuse the escape anywhere in the document.
 */
static bool
json_has_nul_escape(const char *buf, size_t len)
{
	static const char	 esc[] = "\\u0000";
	const char		*p = buf, *end = buf + len;

	while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= sizeof(esc) - 1 &&
		    memcmp(p, esc, sizeof(esc) - 1) == 0)
			return true;
		p += p + 1 < end && p[1] == '\\' ? 2 : 1;
		if (p >= end)
			break;
	}
	return false;
}

/* The whole JSON document is in buf. */
static void
loader_json_mem(struct loader *ld, const char *buf, size_t len)
{
	cJSON		*root;
	const char	*b64;
	unsigned char	*csv = NULL;
	long		 csvlen = 0;

	skip_bom(&buf, &len);
	if (len > REPORT_MAX_JSON) {
		loader_fatal(ld, 0, "JSON input larger than %d bytes",
		    REPORT_MAX_JSON);
		return;
	}
	if (json_has_nul_escape(buf, len)) {
		loader_fatal(ld, 0, "not a credential report: JSON holds a "
		    "NUL character (\\u0000)");
		return;
	}
	root = jsondoc_parse(buf, len, NULL);
	if (root == NULL || !cJSON_IsObject(root)) {
		loader_fatal(ld, 0, "not a credential report: not valid JSON");
		cJSON_Delete(root);
		return;
	}
	if ((b64 = loader_unwrap(ld, root)) != NULL &&
	    (csv = loader_decode(ld, b64, &csvlen)) != NULL)
		loader_generated_time(ld, root);
	cJSON_Delete(root);
	if (csv != NULL)
		loader_csv_mem(ld, (const char *)csv, (size_t)csvlen);
	free(csv);
}

/* Is this the aws-cli JSON?  Its first byte after BOM and spaces is '{'. */
static bool
report_is_json(const char *buf, size_t len)
{
	size_t	 i;

	skip_bom(&buf, &len);
	for (i = 0; i < len; i++)
		if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r' &&
		    buf[i] != '\n')
			return buf[i] == '{';
	return false;
}

/* Reading a stream. */

static void
loader_read_error(struct loader *ld, int saved)
{
	loader_fatal(ld, 0, "read error: %s", strerror(saved));
}

/*
 * Read the rest of fp after the len bytes already in *buf, which holds
 * cap bytes, growing it up to one byte past the limit to see that the
 * input is too large.
 */
static bool
loader_slurp(struct loader *ld, FILE *fp, char **buf, size_t *len, size_t cap)
{
	size_t	 ncap;
	char	*p;

	while (*len == cap) {
		if (cap > REPORT_MAX_JSON) {
			loader_fatal(ld, 0, "JSON input larger than %d bytes",
			    REPORT_MAX_JSON);
			return false;
		}
		ncap = cap * 2 > REPORT_MAX_JSON ? REPORT_MAX_JSON + 1 : cap * 2;
		if ((p = realloc(*buf, ncap)) == NULL) {
			loader_fatal(ld, 0, "out of memory");
			return false;
		}
		*buf = p;
		cap = ncap;
		*len += fread(*buf + *len, 1, cap - *len, fp);
	}
	if (ferror(fp)) {
		loader_read_error(ld, errno);
		return false;
	}
	return true;
}

/* CSV from a stream; the first chunk of len bytes is already in buf. */
static void
loader_csv_stream(struct loader *ld, FILE *fp, char *buf, size_t len)
{
	const char	*p = buf;

	skip_bom(&p, &len);
	while (len > 0 && ld->rc == 0) {
		loader_feed(ld, p, len);
		p = buf;
		len = fread(buf, 1, REPORT_CHUNK, fp);
	}
	if (ld->rc != 0)
		return;
	if (ferror(fp)) {
		loader_read_error(ld, errno);
		return;
	}
	loader_finish(ld);
}

int
report_load(const char *path, FILE *fp, const struct report_sink *sink,
    struct report_stats *stats)
{
	struct loader	*ld;
	char		*buf;
	size_t		 len;

	if ((ld = loader_open(path, sink, stats)) == NULL)
		return -1;
	if ((buf = malloc(REPORT_CHUNK)) == NULL) {
		loader_fatal(ld, 0, "out of memory");
		return loader_close(ld);
	}
	len = fread(buf, 1, REPORT_CHUNK, fp);
	if (report_is_json(buf, len)) {
		if (loader_slurp(ld, fp, &buf, &len, REPORT_CHUNK))
			loader_json_mem(ld, buf, len);
	} else
		loader_csv_stream(ld, fp, buf, len);
	free(buf);
	return loader_close(ld);
}

int
report_load_mem(const char *path, const void *buf, size_t len,
    const struct report_sink *sink, struct report_stats *stats)
{
	struct loader	*ld;

	if ((ld = loader_open(path, sink, stats)) == NULL)
		return -1;
	if (report_is_json(buf, len))
		loader_json_mem(ld, buf, len);
	else
		loader_csv_mem(ld, buf, len);
	return loader_close(ld);
}
