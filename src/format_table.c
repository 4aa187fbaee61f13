/*
 * The table format: findings for people to read on a terminal.
 *
 * Unlike the other formats it cannot stream: columns are aligned and
 * findings sorted, most severe first, so it keeps a compact copy of each
 * unsuppressed finding (the strings in large chunks, never freed one by
 * one) and prints everything at the end.  Suppressed findings are left
 * out, as the contract says, and only counted in the summary.
 *
 * Memory stays bounded all the same.  Once the rows held pass a limit
 * (TBL_HOLD, or opts.table_hold), they are sorted and written to an
 * unlinked temporary file in TMPDIR as one run (see runsort.h), and the
 * end merges the runs; columns are as wide as their widest cell over
 * every row, which is counted as rows arrive.  The table is the same
 * either way, and a run of a few inputs of ordinary size never touches
 * the disk.
 *
 * Layout: columns separated by two spaces, each as wide as its widest
 * value but at most TBL_WIDTH_MAX (a longer value pushes the rest of its
 * line right rather than being cut), a blank line, then the summary.  On
 * a terminal (run_info.opts.width) the last column of each line is cut
 * to what is left of the width, ending in "…"; the others keep their
 * widths and order, and nothing else is cut:
 *
 *	[NEW]  SEVERITY  RULE  [ACCOUNT]  USER  CREDENTIAL  DAYS  MESSAGE
 *	...
 *
 *	N findings in U users: C critical, H high, M medium, L low; S suppressed
 *	N new, M resolved since YYYY-MM-DD
 *
 * then, for each input that had a GeneratedTime,
 *
 *	PATH: report generated YYYY-MM-DDTHH:MM:SSZ, N hours before the as-of time
 *
 * NEW ("+" for a new finding) and the second summary line only with a
 * baseline ("since the baseline" when it had no as_of); ACCOUNT only
 * when the rows span more than one account; DAYS is "-" when unknown.
 * With no finding the table is left out and the first summary line
 * reads "no findings in U users", with "; S suppressed" when S > 0.
 * "finding" and "user" are singular for a count of one.
 *
 * --inventory prints [ACCOUNT] USER PASSWORD MFA KEY1 KEY2 FINDINGS WORST,
 * one line per user in input order, where PASSWORD and KEYn are a state
 * and, when known, the age in days of the last use or creation ("active
 * 30d", "disabled", "none"), MFA is "yes", "no", or "-" for a user
 * with no credential at all (the root user of a member account under
 * centralised root access), then the same summary.
 *
 * Everything shown comes from a report someone else wrote, so every
 * byte that is not printable text (C0 controls, DEL, the C1 controls
 * U+0080..U+009F, bidi controls, zero-width and other invisible
 * characters; see utf8_display_seq) is shown as a \xNN escape: a
 * tampered report cannot move the cursor, retitle the terminal, reorder
 * a line or pass one name off as another.  Widths count one column per
 * code point.  Colour (SGR, on the severity only) is used only when the
 * output_opts say so (color).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "output.h"
#include "report.h"
#include "rules.h"
#include "runsort.h"
#include "strpool.h"
#include "timeparse.h"
#include "utf8.h"

#define TBL_WIDTH_MAX	40
#define TBL_MAXCOLS	9
#define TBL_CELLSZ	48	/* a number or "state 12345d" */
/* Bytes of rows held before they go to a temporary file as a run. */
#define TBL_HOLD	(32 * 1024 * 1024)

struct tbl_finding {
	const char	*account, *user, *credential, *message;
	int64_t		 days;
	size_t		 seq;		/* arrival, the last sort key */
	enum severity	 severity;
	enum rule_index	 rule;
	bool		 has_days;
	bool		 is_new;
};

struct tbl_user {
	const char	*account, *user;
	int64_t		 password_days, key_days[2];
	size_t		 seq;		/* arrival: the table's order */
	unsigned	 findings;
	enum password_state password;
	enum slot_state	 key[2];
	enum severity	 worst;
	bool		 has_password_days, has_key_days[2];
	bool		 mfa, credentials, has_worst;
};

struct tbl_buf {
	char	*s;
	size_t	 len, cap;
	size_t	 pending;	/* spaces held back: none end a line */
};

enum tbl_col {
	COL_NEW, COL_SEVERITY, COL_RULE, COL_ACCOUNT, COL_USER,
	COL_CREDENTIAL, COL_DAYS, COL_MESSAGE, COL_PASSWORD, COL_MFA,
	COL_KEY1, COL_KEY2, COL_FINDINGS, COL_WORST
};

static const struct {
	const char	*title;
	bool		 right;		/* numbers align right */
	bool		 colour;	/* shows the row's severity */
} tbl_cols[] = {
	[COL_NEW] = { "NEW", false, false },
	[COL_SEVERITY] = { "SEVERITY", false, true },
	[COL_RULE] = { "RULE", false, false },
	[COL_ACCOUNT] = { "ACCOUNT", false, false },
	[COL_USER] = { "USER", false, false },
	[COL_CREDENTIAL] = { "CREDENTIAL", false, false },
	[COL_DAYS] = { "DAYS", true, false },
	[COL_MESSAGE] = { "MESSAGE", false, false },
	[COL_PASSWORD] = { "PASSWORD", false, false },
	[COL_MFA] = { "MFA", false, false },
	[COL_KEY1] = { "KEY1", false, false },
	[COL_KEY2] = { "KEY2", false, false },
	[COL_FINDINGS] = { "FINDINGS", true, false },
	[COL_WORST] = { "WORST", false, true },
};

struct tbl_layout {
	enum tbl_col	 col[TBL_MAXCOLS];
	size_t		 width[TBL_MAXCOLS];
	size_t		 n;
};

/*
 * A kind of row: a finding or an inventory user, held as bytes of
 * rec.size each, with the strings it points to at rec.str[].
 */
struct tbl_kind {
	struct runsort_rec rec;
	bool	 in_order;	/* rows arrive in it: no sort */
};

struct output {
	FILE			*fp;
	struct run_info		 info;
	const struct tbl_kind	*kind;
	struct strpool		 strings;	/* of the rows held */
	char			*rows;		/* kind->rec.size bytes each */
	size_t			 nrows, caprows;
	size_t			 seq;		/* rows so far, held or not */
	size_t			 hold;		/* bytes held before a run */
	size_t			 width[COL_WORST + 1];	/* widest cell seen */
	char			*first_account;
	const char		*first_held;	/* its copy in strings */
	bool			 several_accounts;
	struct runsort		*spill;		/* the runs, NULL if none */
	struct tbl_buf		 line;
};

/*
 * Copy the account, noting whether the rows span more than one.  The
 * first account is kept apart from strings, which a run empties.
 */
static const char *
out_table_account(struct output *out, const char *account)
{
	if (account == NULL)
		account = "";
	if (out->first_account == NULL &&
	    (out->first_account = strdup(account)) == NULL)
		return NULL;
	if (strcmp(out->first_account, account) != 0) {
		out->several_accounts = true;
		return strpool_add(&out->strings, account);
	}
	/* Rows of the first account share one copy while they are held. */
	if (out->first_held == NULL)
		out->first_held = strpool_add(&out->strings, account);
	return out->first_held;
}

/* Room for one more row, zeroed (a run writes its padding too). */
static void *
out_table_new_row(struct output *out)
{
	char	*p;

	p = grow_reserve(out->rows, &out->caprows, out->nrows,
	    out->kind->rec.size);
	if (p == NULL)
		return NULL;
	out->rows = p;
	p += out->nrows * out->kind->rec.size;
	memset(p, 0, out->kind->rec.size);
	return p;
}

static int	out_table_spill(struct output *);
static void	out_table_measure(struct output *, const void *);

/* Keep the row just filled; past the limit, send the rows to a run. */
static int
out_table_keep(struct output *out, const void *row)
{
	out_table_measure(out, row);
	out->nrows++;
	out->seq++;
	if (out->nrows * out->kind->rec.size + out->strings.bytes < out->hold)
		return 0;
	return out_table_spill(out);
}

static int
out_table_finding(struct output *out, const struct finding *f)
{
	struct strpool		*sp = &out->strings;
	struct tbl_finding	*t;

	if (f->suppressed)
		return 0;
	if ((unsigned)f->rule >= RULE_COUNT)
		return -1;
	if ((t = out_table_new_row(out)) == NULL)
		return -1;
	t->seq = out->seq;
	t->severity = f->severity;
	t->rule = f->rule;
	t->has_days = f->has_days;
	t->days = f->days;
	t->is_new = f->status == FINDING_STATUS_NEW;
	if ((t->account = out_table_account(out, f->rec->account)) == NULL ||
	    (t->user = strpool_add(sp, f->rec->user)) == NULL ||
	    (t->credential = strpool_add(sp, f->credential)) == NULL ||
	    (t->message = strpool_add(sp, f->message)) == NULL)
		return -1;
	return out_table_keep(out, t);
}

static int
out_table_user(struct output *out, const struct inventory_row *row)
{
	const struct user_record	*rec = row->rec;
	struct strpool			*sp = &out->strings;
	struct tbl_user			*u;
	int				 i;

	if ((u = out_table_new_row(out)) == NULL)
		return -1;
	u->seq = out->seq;
	u->password = rec->password;
	u->has_password_days = output_password_days(row, &u->password_days);
	u->mfa = rec->mfa_active;
	u->credentials = row->credentials;
	for (i = 0; i < 2; i++) {
		u->key[i] = rec->key[i].state;
		u->has_key_days[i] = output_key_days(row, i, &u->key_days[i]);
	}
	u->findings = row->findings;
	u->has_worst = row->has_worst;
	u->worst = row->worst;
	if ((u->account = out_table_account(out, rec->account)) == NULL ||
	    (u->user = strpool_add(sp, rec->user)) == NULL)
		return -1;
	return out_table_keep(out, u);
}

/* Most severe first, then account, user, rule order, credential. */
static int
out_table_compare(const void *a, const void *b)
{
	const struct tbl_finding	*x = a, *y = b;
	int				 c;

	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	if ((c = strcmp(x->account, y->account)) != 0 ||
	    (c = strcmp(x->user, y->user)) != 0)
		return c;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	if ((c = strcmp(x->credential, y->credential)) != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Inventory rows keep the order they came in. */
static int
out_table_compare_users(const void *a, const void *b)
{
	const struct tbl_user	*x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static const struct tbl_kind tbl_findings = {
	{ sizeof(struct tbl_finding), 4,
	    { offsetof(struct tbl_finding, account),
		offsetof(struct tbl_finding, user),
		offsetof(struct tbl_finding, credential),
		offsetof(struct tbl_finding, message) },
	    out_table_compare }, false
};

static const struct tbl_kind tbl_users = {
	{ sizeof(struct tbl_user), 2,
	    { offsetof(struct tbl_user, account),
		offsetof(struct tbl_user, user) },
	    out_table_compare_users }, true
};

/*
 * Length of the UTF-8 sequence at s when a terminal may be given it as
 * it is, or 0 when its first byte must be escaped (see utf8.h).  A NUL
 * ends every sequence early, so nothing past the string is read.
 */
static size_t
out_table_utf8_len(const unsigned char *s)
{
	return utf8_display_seq(s, strnlen((const char *)s, 4));
}

/* Bytes of printable ASCII at s: the common case, taken in one step. */
static size_t
out_table_ascii_run(const unsigned char *s)
{
	const unsigned char	*p = s;

	while (*p >= 0x20 && *p < 0x7f)
		p++;
	return (size_t)(p - s);
}

/* Columns the sanitised s takes: one per code point, four per escape. */
static size_t
out_table_width(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, w = 0;

	while (*p != '\0') {
		if ((n = out_table_ascii_run(p)) > 0) {
			w += n;
			p += n;
			continue;
		}
		n = out_table_utf8_len(p);
		w += n > 0 ? 1 : 4;
		p += n > 0 ? n : 1;
	}
	return w;
}

static int
out_table_buf_add(struct tbl_buf *b, const char *s, size_t len)
{
	size_t	 need = b->len + b->pending + len + 1;
	size_t	 cap = b->cap > 0 ? b->cap : 256;
	char	*p;

	while (cap < need)
		cap *= 2;
	if (cap != b->cap) {
		if ((p = realloc(b->s, cap)) == NULL)
			return -1;
		b->s = p;
		b->cap = cap;
	}
	memset(b->s + b->len, ' ', b->pending);
	b->len += b->pending;
	b->pending = 0;
	memcpy(b->s + b->len, s, len);
	b->len += len;
	return 0;
}

static int
out_table_buf_add_sanitised(struct tbl_buf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s, *run;
	char			 esc[5];
	size_t			 n;

	while (*p != '\0') {
		/* Text the terminal may have goes in as one run. */
		for (run = p; (n = out_table_ascii_run(p)) > 0 ||
		    (n = out_table_utf8_len(p)) > 0; p += n)
			continue;
		if (p > run && out_table_buf_add(b, (const char *)run,
		    (size_t)(p - run)) == -1)
			return -1;
		if (*p == '\0')
			break;
		snprintf(esc, sizeof(esc), "\\x%02x", *p++);
		if (out_table_buf_add(b, esc, 4) == -1)
			return -1;
	}
	return 0;
}

/*
 * s sanitised, in at most max columns (max > 0): when it is wider, what
 * fits in max - 1 columns and then "…".  An escape is never split.
 */
static int
out_table_buf_add_cut(struct tbl_buf *b, const char *s, size_t max)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			 esc[5];
	size_t			 n, w, used = 0;

	if (out_table_width(s) <= max)
		return out_table_buf_add_sanitised(b, s);
	for (; *p != '\0'; p += n > 0 ? n : 1, used += w) {
		n = out_table_utf8_len(p);
		w = n > 0 ? 1 : 4;
		if (used + w > max - 1)
			break;
		if (n > 0 && out_table_buf_add(b, (const char *)p, n) == -1)
			return -1;
		if (n == 0) {
			snprintf(esc, sizeof(esc), "\\x%02x", *p);
			if (out_table_buf_add(b, esc, 4) == -1)
				return -1;
		}
	}
	return out_table_buf_add(b, "\xe2\x80\xa6", 3);
}

static const char *
out_table_sgr(enum severity sev)
{
	switch (sev) {
	case SEV_CRITICAL:
		return "\033[1;31m";
	case SEV_HIGH:
		return "\033[31m";
	case SEV_MEDIUM:
		return "\033[33m";
	default:
		return "\033[36m";
	}
}

static int
out_table_write_line(struct output *out)
{
	struct tbl_buf	*b = &out->line;
	size_t		 len;

	b->pending = 0;
	if (out_table_buf_add(b, "\n", 1) == -1)
		return -1;
	len = b->len;
	b->len = 0;
	return fwrite(b->s, 1, len, out->fp) == len ? 0 : -1;
}

/*
 * One cell: padding, then the sanitised text, coloured when sgr is set.
 * Width 0 is the last column, never padded; max, when not 0, is the
 * most columns its text may take.
 */
static int
out_table_put_cell(struct tbl_buf *b, const char *s, size_t width, bool right,
    const char *sgr, size_t max)
{
	size_t	 w = width > 0 ? out_table_width(s) : 0;
	size_t	 pad = w < width ? width - w : 0;

	if (right)
		b->pending += pad;
	if (sgr != NULL && *s != '\0' &&
	    out_table_buf_add(b, sgr, strlen(sgr)) == -1)
		return -1;
	if ((max > 0 ? out_table_buf_add_cut(b, s, max) :
	    out_table_buf_add_sanitised(b, s)) == -1)
		return -1;
	if (sgr != NULL && *s != '\0' &&
	    out_table_buf_add(b, "\033[0m", 4) == -1)
		return -1;
	if (!right)
		b->pending += pad;
	return 0;
}

/*
 * The columns left for the last cell of a line on a terminal of width
 * columns, the other cells being as wide as they are (a value wider than
 * its column pushes the rest right); at least 1, for the "…".
 */
static size_t
out_table_room(const struct tbl_layout *l, const char *const cells[],
    size_t width)
{
	size_t	 j, w, used = 0;

	for (j = 0; j + 1 < l->n; j++) {
		w = out_table_width(cells[j]);
		used += (w > l->width[j] ? w : l->width[j]) + 2;
	}
	return used + 1 < width ? width - used : 1;
}

/*
 * sgr: the colour of the row's severity cells, or NULL for none.  On a
 * terminal (opts.width) the last cell is cut to fit the line.
 */
static int
out_table_put_line(struct output *out, const struct tbl_layout *l,
    const char *const cells[], const char *sgr)
{
	const char	*c;
	size_t		 j, max = 0;

	if (out->info.opts.width > 0)
		max = out_table_room(l, cells, out->info.opts.width);
	for (j = 0; j < l->n; j++) {
		if (j > 0)
			out->line.pending += 2;
		c = tbl_cols[l->col[j]].colour ? sgr : NULL;
		if (out_table_put_cell(&out->line, cells[j], j + 1 < l->n ?
		    l->width[j] : 0, tbl_cols[l->col[j]].right, c,
		    j + 1 < l->n ? 0 : max) == -1)
			return -1;
	}
	return out_table_write_line(out);
}

static const char *
out_table_days(bool has, int64_t days, char buf[TBL_CELLSZ])
{
	if (!has)
		return "-";
	snprintf(buf, TBL_CELLSZ, "%" PRId64, days);
	return buf;
}

static const char *
out_table_finding_cell(const struct tbl_finding *t, enum tbl_col col,
    char buf[TBL_CELLSZ])
{
	switch (col) {
	case COL_NEW:
		return t->is_new ? "+" : "";
	case COL_SEVERITY:
		return severity_name(t->severity);
	case COL_RULE:
		return rules_table[t->rule].id;
	case COL_ACCOUNT:
		return t->account;
	case COL_USER:
		return t->user;
	case COL_CREDENTIAL:
		return t->credential;
	case COL_DAYS:
		return out_table_days(t->has_days, t->days, buf);
	case COL_MESSAGE:
		return t->message;
	default:
		return "";
	}
}

/* "state" or "state 12d". */
static const char *
out_table_state(const char *state, bool has, int64_t days, char buf[TBL_CELLSZ])
{
	if (!has)
		return state;
	snprintf(buf, TBL_CELLSZ, "%s %" PRId64 "d", state, days);
	return buf;
}

static const char *
out_table_user_cell(const struct tbl_user *u, enum tbl_col col,
    char buf[TBL_CELLSZ])
{
	int	 n;

	switch (col) {
	case COL_ACCOUNT:
		return u->account;
	case COL_USER:
		return u->user;
	case COL_PASSWORD:
		return out_table_state(output_password_state(u->password),
		    u->has_password_days, u->password_days, buf);
	case COL_MFA:
		/* Without a credential there is nothing for MFA to guard. */
		if (!u->mfa && !u->credentials)
			return "-";
		return u->mfa ? "yes" : "no";
	case COL_KEY1:
	case COL_KEY2:
		n = col - COL_KEY1;
		return out_table_state(output_slot_state(u->key[n]),
		    u->has_key_days[n], u->key_days[n], buf);
	case COL_FINDINGS:
		snprintf(buf, TBL_CELLSZ, "%u", u->findings);
		return buf;
	case COL_WORST:
		return u->has_worst ? severity_name(u->worst) : "-";
	default:
		return "";
	}
}

/* The cells of a row; the row's colour goes to *sgr (NULL for none). */
static void
out_table_cells(const struct output *out, const struct tbl_layout *l,
    const void *row, const char *cells[], char bufs[][TBL_CELLSZ],
    const char **sgr)
{
	const struct tbl_finding	*t = NULL;
	const struct tbl_user		*u = NULL;
	size_t				 j;

	if (out->info.inventory)
		u = row;
	else
		t = row;
	for (j = 0; j < l->n; j++)
		cells[j] = u != NULL ?
		    out_table_user_cell(u, l->col[j], bufs[j]) :
		    out_table_finding_cell(t, l->col[j], bufs[j]);
	*sgr = NULL;
	if (out->info.opts.color && t != NULL)
		*sgr = out_table_sgr(t->severity);
	else if (out->info.opts.color && u->has_worst)
		*sgr = out_table_sgr(u->worst);
}

static void
out_table_add_col(struct tbl_layout *l, enum tbl_col col)
{
	l->col[l->n] = col;
	l->width[l->n] = out_table_width(tbl_cols[col].title);
	l->n++;
}

/* Every column a row of this kind can have, ACCOUNT included. */
static void
out_table_layout_all(const struct output *out, struct tbl_layout *l,
    bool account)
{
	l->n = 0;
	if (out->info.inventory) {
		if (account)
			out_table_add_col(l, COL_ACCOUNT);
		out_table_add_col(l, COL_USER);
		out_table_add_col(l, COL_PASSWORD);
		out_table_add_col(l, COL_MFA);
		out_table_add_col(l, COL_KEY1);
		out_table_add_col(l, COL_KEY2);
		out_table_add_col(l, COL_FINDINGS);
		out_table_add_col(l, COL_WORST);
		return;
	}
	if (out->info.baseline)
		out_table_add_col(l, COL_NEW);
	out_table_add_col(l, COL_SEVERITY);
	out_table_add_col(l, COL_RULE);
	if (account)
		out_table_add_col(l, COL_ACCOUNT);
	out_table_add_col(l, COL_USER);
	out_table_add_col(l, COL_CREDENTIAL);
	out_table_add_col(l, COL_DAYS);
	out_table_add_col(l, COL_MESSAGE);
}

/*
 * Widen the columns to a row's cells as it arrives, so that a row sent
 * to a run need not be read twice.  The last column is never padded:
 * its width is not needed.
 */
static void
out_table_measure(struct output *out, const void *row)
{
	struct tbl_layout	 l;
	const char		*cells[TBL_MAXCOLS], *sgr;
	char			 bufs[TBL_MAXCOLS][TBL_CELLSZ];
	size_t			 j, w;

	out_table_layout_all(out, &l, true);
	out_table_cells(out, &l, row, cells, bufs, &sgr);
	for (j = 0; j + 1 < l.n; j++) {
		w = out_table_width(cells[j]);
		if (w > TBL_WIDTH_MAX)
			w = TBL_WIDTH_MAX;
		if (w > out->width[l.col[j]])
			out->width[l.col[j]] = w;
	}
}

/* The columns shown, each as wide as its title or its widest cell. */
static void
out_table_layout(const struct output *out, struct tbl_layout *l)
{
	size_t	 j;

	out_table_layout_all(out, l, out->several_accounts);
	for (j = 0; j < l->n; j++)
		if (out->width[l->col[j]] > l->width[j])
			l->width[j] = out->width[l->col[j]];
}

/* Runs: rows sent to a temporary file, and merged back at the end. */

static void
out_table_sort(struct output *out)
{
	if (!out->kind->in_order && out->nrows > 1)
		qsort(out->rows, out->nrows, out->kind->rec.size,
		    out->kind->rec.compare);
}

/* Sort the rows held and write them out as a run; then hold none. */
static int
out_table_spill(struct output *out)
{
	if (out->spill == NULL &&
	    (out->spill = runsort_open(&out->kind->rec)) == NULL)
		return -1;
	out_table_sort(out);
	if (runsort_put(out->spill, out->rows, out->nrows) == -1)
		return -1;
	/* The rows' strings are on disk now; keep one chunk for the next. */
	strpool_clear(&out->strings);
	out->first_held = NULL;
	out->nrows = 0;
	return 0;
}

/*
 * The next row in the table's order into *row (NULL at the end): the
 * held ones sorted, or (with runs) merged from the runs.  Each row is
 * valid until the next call; -1 when a read failed.
 */
static int
out_table_next(struct output *out, size_t *i, const void **row)
{
	if (out->spill != NULL)
		return runsort_next(out->spill, row);
	*row = NULL;
	if (*i < out->nrows)
		*row = out->rows + (*i)++ * out->kind->rec.size;
	return 0;
}

static int
out_table_put_rows(struct output *out, const struct tbl_layout *l)
{
	const char	*cells[TBL_MAXCOLS], *sgr;
	char		 bufs[TBL_MAXCOLS][TBL_CELLSZ];
	const void	*row;
	size_t		 i = 0;

	for (;;) {
		if (out_table_next(out, &i, &row) == -1)
			return -1;
		if (row == NULL)
			return 0;
		out_table_cells(out, l, row, cells, bufs, &sgr);
		if (out_table_put_line(out, l, cells, sgr) == -1)
			return -1;
	}
}

static int
out_table_put_table(struct output *out)
{
	struct tbl_layout	 l;
	const char		*cells[TBL_MAXCOLS];
	size_t			 j;

	if (out->spill != NULL) {
		/* The rows still held are the last run. */
		if (out->nrows > 0 && out_table_spill(out) == -1)
			return -1;
		if (runsort_merge(out->spill) == -1)
			return -1;
	} else
		out_table_sort(out);
	out_table_layout(out, &l);
	for (j = 0; j < l.n; j++)
		cells[j] = tbl_cols[l.col[j]].title;
	if (out_table_put_line(out, &l, cells, NULL) == -1 ||
	    out_table_put_rows(out, &l) == -1)
		return -1;
	return out_table_write_line(out);
}

static const char *
out_table_plural(unsigned long n)
{
	return n == 1 ? "" : "s";
}

static int
out_table_put_summary(struct output *out, const struct run_summary *s)
{
	const struct finding_counts *c = &s->counts;
	const unsigned long	*sev = c->by_severity;
	int			 n;

	if (c->findings == 0) {
		n = fprintf(out->fp, "no findings in %lu user%s", s->users,
		    out_table_plural(s->users));
		if (n >= 0 && c->suppressed > 0)
			n = fprintf(out->fp, "; %lu suppressed", c->suppressed);
	} else
		n = fprintf(out->fp, "%lu finding%s in %lu user%s: %lu "
		    "critical, %lu high, %lu medium, %lu low; %lu suppressed",
		    c->findings, out_table_plural(c->findings), s->users,
		    out_table_plural(s->users), sev[SEV_CRITICAL],
		    sev[SEV_HIGH], sev[SEV_MEDIUM], sev[SEV_LOW],
		    c->suppressed);
	/* What could not be audited shows here, not only on stderr. */
	if (n >= 0 && s->rows_rejected > 0)
		n = fprintf(out->fp, "; %lu row%s rejected", s->rows_rejected,
		    out_table_plural(s->rows_rejected));
	if (n >= 0 && s->inputs_failed > 0)
		n = fprintf(out->fp, "; %zu of %zu input%s failed",
		    s->inputs_failed, s->ninputs,
		    out_table_plural(s->ninputs));
	if (n < 0 || fputc('\n', out->fp) == EOF)
		return -1;
	return 0;
}

static int
out_table_put_baseline(struct output *out, const struct run_summary *s)
{
	char	 day[11];

	if (!out->info.baseline_has_as_of)
		return fprintf(out->fp, "%lu new, %zu resolved since the "
		    "baseline\n", s->counts.new_findings, s->nresolved) < 0 ?
		    -1 : 0;
	timeparse_format_date(out->info.baseline_as_of, day);
	return fprintf(out->fp, "%lu new, %zu resolved since %s\n",
	    s->counts.new_findings, s->nresolved, day) < 0 ? -1 : 0;
}

/*
 * "PATH: report generated TIME, N hours before the as-of time", one line
 * per input that had a GeneratedTime; the path is sanitised like a cell.
 */
static int
out_table_put_report_ages(struct output *out, const struct run_summary *s)
{
	const struct input_info	*in;
	char			 gen[TIMESTAMP_BUFSZ], text[128];
	size_t			 i;

	for (i = 0; i < s->ninputs; i++) {
		in = &s->inputs[i];
		if (!in->has_report_age)
			continue;
		timeparse_format(in->stats.generated_time, gen);
		if (out->info.as_of_generated)
			snprintf(text, sizeof(text), ": report generated %s; "
			    "ages measured from then", gen);
		else
			snprintf(text, sizeof(text), ": report generated %s, "
			    "%" PRId64 " hour%s before the as-of time", gen,
			    in->report_age_hours,
			    in->report_age_hours == 1 ? "" : "s");
		if (out_table_buf_add_sanitised(&out->line, in->path) == -1 ||
		    out_table_buf_add(&out->line, text, strlen(text)) == -1 ||
		    out_table_write_line(out) == -1)
			return -1;
	}
	return 0;
}

static int
out_table_end(struct output *out, const struct run_summary *sum)
{
	if (out->seq > 0 && out_table_put_table(out) == -1)
		return -1;
	if (out_table_put_summary(out, sum) == -1)
		return -1;
	if (out->info.baseline && out_table_put_baseline(out, sum) == -1)
		return -1;
	return out_table_put_report_ages(out, sum);
}

static void
out_table_free(struct output *out)
{
	if (out == NULL)
		return;
	strpool_free(&out->strings);
	runsort_free(out->spill);
	free(out->rows);
	free(out->first_account);
	free(out->line.s);
	free(out);
}

static struct output *
out_table_open(FILE *fp, const struct run_info *info)
{
	struct output	*out;

	if ((out = calloc(1, sizeof(*out))) == NULL)
		return NULL;
	out->fp = fp;
	out->info = *info;
	out->kind = info->inventory ? &tbl_users : &tbl_findings;
	out->hold = info->opts.table_hold > 0 ? info->opts.table_hold :
	    TBL_HOLD;
	return out;
}

const struct output_ops format_table_ops = {
	"table", out_table_open, out_table_finding, out_table_user,
	out_table_end, out_table_free,
	OUTPUT_REGION_NONE, false
};
