/*
 * One row of a credential report to one typed struct user_record: the
 * row's shape (its field count, a user name split by unquoted commas),
 * the identity columns (user, ARN, account, root), every typed value,
 * and what an accepted row still needs (text in the representation
 * utf8.h defines, strings pointed into the row).  A row that makes no
 * sense is rejected with a message naming the column and quoting the
 * offending value.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arnset.h"
#include "diag.h"
#include "loader.h"
#include "report.h"
#include "textbuf.h"
#include "timeparse.h"
#include "utf8.h"

#define ROOT_USER		"<root_account>"

const char *const column_names[COL_COUNT] = {
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

/* Small string helpers. */

bool
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


void
loader_reject(struct loader *ld, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vreport(ld->sink->diag, DIAG_ERROR, ld->path, ld->row_line, fmt,
	    ap);
	va_end(ap);
	ld->stats->rows_rejected++;
}

void
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
	textbuf_copy(r->buf + off, (const char *)s, len);
	r->buf[off + len] = '\0';
	r->len += len + 1;
	return (long)off;
}

/* Keep one field; past the bounds, only count it. */
int
row_add_any(struct row *r, const void *s, size_t len)
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

void
row_reset(struct row *r)
{
	r->len = r->nstored = r->nfields = 0;
	r->too_long = r->maybe_nul = false;
}

/* A field in its representation. */

/*
 * Copy the field in its representation (utf8_repr: invalid bytes as
 * \xNN, backslashes doubled) to the end of the row buffer, and point
 * the span there.  Return -1 when memory ran out.
 */
static int
row_repr(struct row *r, struct span *sp)
{
	size_t	 len;

	if (row_reserve(r, UTF8_REPR_SIZE(sp->len)) == -1)
		return -1;
	len = utf8_repr(r->buf + sp->off, sp->len, r->buf + r->len);
	sp->off = r->len;
	sp->len = len;
	r->len += len + 1;
	return 0;
}

/* Values. */

static const char *
view_str(const struct loader *ld, const struct view *v, enum column c)
{
	return ld->row.buf + v->col[c].off;
}

/* Quote column c's value for a message. */
static const char *
view_quote(const struct loader *ld, const struct view *v, enum column c,
    char out[DIAG_QUOTE_BUFSZ])
{
	return diag_quote(out, view_str(ld, v, c), v->col[c].len);
}

static bool
loader_bool(struct loader *ld, const struct view *v, enum column c,
    bool *out)
{
	const char	*s = view_str(ld, v, c);
	size_t		 len = v->col[c].len;
	char		 q[DIAG_QUOTE_BUFSZ];

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
	char		 q[DIAG_QUOTE_BUFSZ];

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
	char	 q[DIAG_QUOTE_BUFSZ];

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
	char		 q[DIAG_QUOTE_BUFSZ];

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

bool
report_user_name_allowed(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0 || len > REPORT_MAX_USER)
		return false;
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
	char	 q[DIAG_QUOTE_BUFSZ];

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
	char		 q[DIAG_QUOTE_BUFSZ], q2[DIAG_QUOTE_BUFSZ];

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

/* The strings a record carries, in their representation (utf8.h). */
static const enum column string_columns[] = {
	COL_USER, COL_ARN,
	COL_KEY1_ACTIVE + SLOT_REGION, COL_KEY1_ACTIVE + SLOT_SERVICE,
	COL_KEY2_ACTIVE + SLOT_REGION, COL_KEY2_ACTIVE + SLOT_SERVICE
};

static int
loader_repr(struct loader *ld, struct view *v)
{
	const char	*bad = NULL, *s;
	size_t		 i;
	enum column	 c;

	for (i = 0; i < sizeof(string_columns) / sizeof(*string_columns); i++) {
		c = string_columns[i];
		s = view_str(ld, v, c);
		if (!utf8_repr_needed(s, v->col[c].len))
			continue;
		if (bad == NULL && !utf8_valid(s, v->col[c].len))
			bad = column_names[c];
		if (row_repr(&ld->row, &v->col[c]) == -1)
			return -1;
	}
	if (bad != NULL)
		loader_warn(ld, "%s: invalid UTF-8, shown as \\xNN", bad);
	return 0;
}

/* Warnings about a row that is kept all the same. */
static void
loader_user_warnings(struct loader *ld, const struct view *v, bool is_root)
{
	char	 q[DIAG_QUOTE_BUFSZ];

	if (v->shift > 0)
		loader_warn(ld, "user name %s contains unquoted commas; "
		    "recovered from the ARN", view_quote(ld, v, COL_USER, q));
	if (!is_root && !report_user_name_allowed(view_str(ld, v, COL_USER),
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

/* Parse the row; see loader.h. */
bool
row_record(struct loader *ld, struct view *v, struct user_record *rec)
{
	if (!loader_shape(ld, v))
		return false;
	loader_view(ld, v);
	v->arn_hash = arnset_hash(view_str(ld, v, COL_ARN),
	    v->col[COL_ARN].len);
	arnset_prefetch(&ld->dups, v->arn_hash);
	return loader_nul_free(ld, v) && loader_identity(ld, v, rec) &&
	    loader_values(ld, v, rec);
}

int
row_complete(struct loader *ld, struct view *v, struct user_record *rec)
{
	loader_user_warnings(ld, v, rec->is_root);
	if (loader_repr(ld, v) == -1)
		return -1;
	loader_strings(ld, v, rec);
	loader_account(ld);
	return 0;
}
