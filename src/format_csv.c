/*
 * The csv format: a header row, then one row per finding (or per user
 * with --inventory), for spreadsheets and for tools that want a table.
 *
 * RFC 4180 as libcsv writes it: every value is quoted and quotes inside
 * are doubled, so commas, quotes and newlines in a user name survive.  A
 * null value (no days, no last use, no suppression reason) is an empty,
 * unquoted cell, which some readers tell apart from an empty string.
 * Lines end with "\n" only; spreadsheets and RFC 4180 readers accept it.
 * A value without a quote in it, which is nearly every value, is copied
 * between quotes as it is; libcsv's writer quotes the rare one that has
 * one, so quoting has one implementation.
 *
 * A value a spreadsheet would run as a formula (one that starts with
 * = + - @, a tab or a carriage return) gets a leading ' as the contract
 * asks; a report is input from outside and must not become code.
 *
 * Rows collect in one buffer that goes to the stream with one fwrite
 * once it holds CSV_BLOCK bytes, and at the end.  Cells that depend only
 * on the rule, the severity or a flag are quoted once, at open(), by the
 * same code as every other cell.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "output.h"
#include "report.h"
#include "rules.h"
#include "textbuf.h"
#include "timeparse.h"

/* Rows are handed to the stream in blocks of about this size. */
#define CSV_BLOCK	(64 * 1024)

/* A cell quoted ahead of time. */
struct csv_cell {
	char		*text;
	size_t		 len;
};

struct output {
	FILE		*fp;
	bool		 inventory;
	bool		 baseline;
	bool		 started;	/* the header row is written */
	char		*line;		/* rows not yet written */
	size_t		 len, cap;
	size_t		 cells;		/* in the current row */
	char		*scratch;	/* a value with its leading ' */
	size_t		 scratchsz;
	struct csv_cell	 rule[RULE_COUNT];
	struct csv_cell	 controls[RULE_COUNT];	/* joined with ';' */
	struct csv_cell	 severity[SEV_COUNT];
	struct csv_cell	 flag[2];		/* false, true */
	struct csv_cell	 status[3];		/* by enum finding_status */
};

static const char *const csv_finding_header[] = {
	"id", "rule", "severity", "account", "user", "arn", "credential",
	"days", "threshold", "last_used", "message", "controls", "suppressed",
	"suppression_reason", "status", "path", "line", NULL
};

static const char *const csv_user_header[] = {
	"account", "user", "arn", "created", "password",
	"password_last_used", "password_days", "mfa", "credentials", "access_key_1",
	"access_key_1_last_rotated", "access_key_1_last_used",
	"access_key_1_days", "access_key_2", "access_key_2_last_rotated",
	"access_key_2_last_used", "access_key_2_days", "cert_1", "cert_2",
	"findings", "worst_severity", "path", "line", NULL
};

static int
out_csv_grow(char **buf, size_t *cap, size_t need)
{
	size_t	 n = *cap > 0 ? *cap : 256;
	char	*p;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	if ((p = realloc(*buf, n)) == NULL)
		return -1;
	*buf = p;
	*cap = n;
	return 0;
}

static bool
out_csv_is_formula(const char *s)
{
	switch (s[0]) {
	case '=':
	case '+':
	case '-':
	case '@':
	case '\t':
	case '\r':
		return true;
	default:
		return false;
	}
}

/* A value with a quote in it: ' and the value, quoted by libcsv. */
static int
out_csv_cell_quoted(struct output *out, const char *s, size_t len,
    bool formula)
{
	if (formula) {
		if (out_csv_grow(&out->scratch, &out->scratchsz, len + 2) == -1)
			return -1;
		out->scratch[0] = '\'';
		memcpy(out->scratch + 1, s, len + 1);
		s = out->scratch;
		len++;
	}
	/* A value of nothing but quotes doubles; the row's newline. */
	if (out_csv_grow(&out->line, &out->cap, out->len + 2 * len + 3) == -1)
		return -1;
	out->len += csv_write(out->line + out->len, out->cap - out->len, s,
	    len);
	return 0;
}

/* Append the cell s, of len bytes, to the row. */
static int
out_csv_cell_len(struct output *out, const char *s, size_t len)
{
	bool	 formula;
	char	*p;

	/* A separator, quotes, a ', the row's newline. */
	if (out_csv_grow(&out->line, &out->cap, out->len + len + 5) == -1)
		return -1;
	if (out->cells++ > 0)
		out->line[out->len++] = ',';
	formula = out_csv_is_formula(s);
	if (memchr(s, '"', len) != NULL)
		return out_csv_cell_quoted(out, s, len, formula);
	p = out->line + out->len;
	*p++ = '"';
	if (formula)
		*p++ = '\'';
	textbuf_copy(p, s, len);
	p += len;
	*p++ = '"';
	out->len = (size_t)(p - out->line);
	return 0;
}

/* Append one cell to the row; s NULL is an empty, unquoted cell. */
static int
out_csv_cell(struct output *out, const char *s)
{
	if (s != NULL)
		return out_csv_cell_len(out, s, strlen(s));
	/* The separator, the row's newline. */
	if (out_csv_grow(&out->line, &out->cap, out->len + 2) == -1)
		return -1;
	if (out->cells++ > 0)
		out->line[out->len++] = ',';
	return 0;
}

/* A cell quoted at open(). */
static int
out_csv_cell_ready(struct output *out, const struct csv_cell *c)
{
	if (out_csv_grow(&out->line, &out->cap, out->len + c->len + 2) == -1)
		return -1;
	if (out->cells++ > 0)
		out->line[out->len++] = ',';
	memcpy(out->line + out->len, c->text, c->len);
	out->len += c->len;
	return 0;
}

static int
out_csv_cell_number(struct output *out, bool has, int64_t n)
{
	char	 num[TEXTBUF_INTSZ];
	size_t	 len;

	if (!has)
		return out_csv_cell(out, NULL);
	len = textbuf_format_int(n, num);
	return out_csv_cell_len(out, num, len);
}

/* A timestamp has no quote and starts with a digit: it goes in as it is. */
static int
out_csv_cell_time(struct output *out, const struct cred_time *ct)
{
	char	*p;

	if (ct->kind != TIME_SET)
		return out_csv_cell(out, NULL);
	/* A separator, quotes, the timestamp and its NUL, the newline. */
	if (out_csv_grow(&out->line, &out->cap, out->len + TIMESTAMP_BUFSZ +
	    4) == -1)
		return -1;
	if (out->cells++ > 0)
		out->line[out->len++] = ',';
	p = out->line + out->len;
	*p++ = '"';
	timeparse_format(ct->t, p);
	p[TIMESTAMP_BUFSZ - 1] = '"';
	out->len += TIMESTAMP_BUFSZ + 1;
	return 0;
}

/* Hand the rows collected so far to the stream. */
static int
out_csv_flush(struct output *out)
{
	size_t	 len = out->len;

	out->len = 0;
	return fwrite(out->line, 1, len, out->fp) == len ? 0 : -1;
}

static int
out_csv_row_end(struct output *out)
{
	/* Every cell left room for the newline. */
	out->line[out->len++] = '\n';
	out->cells = 0;
	return out->len >= CSV_BLOCK ? out_csv_flush(out) : 0;
}

/*
 * The header goes out before the first row, or at the end when there is
 * none, so that open() never writes and a failed write reaches a caller
 * that can return -1.
 */
static int
out_csv_start(struct output *out)
{
	const char *const	*h;

	if (out->started)
		return 0;
	out->started = true;
	h = out->inventory ? csv_user_header : csv_finding_header;
	for (; *h != NULL; h++) {
		if (strcmp(*h, "status") == 0 && !out->baseline)
			continue;
		if (out_csv_cell(out, *h) == -1)
			return -1;
	}
	return out_csv_row_end(out);
}

static int
out_csv_finding_cells(struct output *out, const struct finding *f)
{
	const struct user_record	*rec = f->rec;
	struct cred_time		 last_used;

	last_used.kind = f->has_last_used ? TIME_SET : TIME_NA;
	last_used.t = f->last_used;
	if (out_csv_cell(out, f->id) == -1 ||
	    out_csv_cell_ready(out, &out->rule[f->rule]) == -1 ||
	    ((unsigned)f->severity < SEV_COUNT ?
	    out_csv_cell_ready(out, &out->severity[f->severity]) :
	    out_csv_cell(out, severity_name(f->severity))) == -1 ||
	    out_csv_cell(out, rec->account) == -1 ||
	    out_csv_cell(out, rec->user) == -1 ||
	    out_csv_cell(out, rec->arn) == -1 ||
	    out_csv_cell(out, f->credential) == -1 ||
	    out_csv_cell_number(out, f->has_days, f->days) == -1 ||
	    out_csv_cell_number(out, f->threshold != RULE_NO_DAYS,
	    f->threshold) == -1 ||
	    out_csv_cell_time(out, &last_used) == -1 ||
	    out_csv_cell(out, f->message) == -1 ||
	    out_csv_cell_ready(out, &out->controls[f->rule]) == -1 ||
	    out_csv_cell_ready(out, &out->flag[f->suppressed]) == -1 ||
	    out_csv_cell(out, f->suppressed ? f->suppress_reason : NULL) == -1)
		return -1;
	if (out->baseline && out_csv_cell_ready(out,
	    &out->status[(unsigned)f->status < 3 ? f->status : 0]) == -1)
		return -1;
	if (out_csv_cell(out, rec->path) == -1 ||
	    out_csv_cell_number(out, true, rec->line) == -1)
		return -1;
	return 0;
}

static int
out_csv_finding(struct output *out, const struct finding *f)
{
	if ((unsigned)f->rule >= RULE_COUNT || out_csv_start(out) == -1 ||
	    out_csv_finding_cells(out, f) == -1)
		return -1;
	return out_csv_row_end(out);
}

/* A last-use cell: the timestamp, or what the report said instead. */
static int
out_csv_cell_last_used(struct output *out, const struct cred_time *ct)
{
	if (ct->kind == TIME_SET)
		return out_csv_cell_time(out, ct);
	return out_csv_cell(out, output_time_note(ct->kind));
}

static int
out_csv_key_cells(struct output *out, const struct inventory_row *row, int n)
{
	const struct key_slot	*k = &row->rec->key[n];
	int64_t			 days = 0;
	bool			 has;

	has = output_key_days(row, n, &days);
	if (out_csv_cell(out, output_slot_state(k->state)) == -1 ||
	    out_csv_cell_time(out, &k->last_rotated) == -1 ||
	    out_csv_cell_time(out, &k->last_used) == -1 ||
	    out_csv_cell_number(out, has, days) == -1)
		return -1;
	return 0;
}

static int
out_csv_user_cells(struct output *out, const struct inventory_row *row)
{
	const struct user_record	*rec = row->rec;
	int64_t				 days = 0;
	bool				 has;

	has = output_password_days(row, &days);
	if (out_csv_cell(out, rec->account) == -1 ||
	    out_csv_cell(out, rec->user) == -1 ||
	    out_csv_cell(out, rec->arn) == -1 ||
	    out_csv_cell_time(out, &rec->created) == -1 ||
	    out_csv_cell(out, output_password_state(rec->password)) == -1 ||
	    out_csv_cell_last_used(out, &rec->password_last_used) == -1 ||
	    out_csv_cell_number(out, has, days) == -1 ||
	    out_csv_cell(out, rec->mfa_active ? "true" : "false") == -1 ||
	    out_csv_cell(out, row->credentials ? "true" : "false") == -1 ||
	    out_csv_key_cells(out, row, 0) == -1 ||
	    out_csv_key_cells(out, row, 1) == -1 ||
	    out_csv_cell(out, output_slot_state(rec->cert[0].state)) == -1 ||
	    out_csv_cell(out, output_slot_state(rec->cert[1].state)) == -1 ||
	    out_csv_cell_number(out, true, row->findings) == -1 ||
	    out_csv_cell(out, row->has_worst ? severity_name(row->worst) :
	    NULL) == -1 ||
	    out_csv_cell(out, rec->path) == -1 ||
	    out_csv_cell_number(out, true, rec->line) == -1)
		return -1;
	return 0;
}

static int
out_csv_user(struct output *out, const struct inventory_row *row)
{
	if (out_csv_start(out) == -1 || out_csv_user_cells(out, row) == -1)
		return -1;
	return out_csv_row_end(out);
}

static int
out_csv_end(struct output *out, const struct run_summary *sum)
{
	(void)sum;
	if (out_csv_start(out) == -1)
		return -1;
	return out_csv_flush(out);
}

static void
out_csv_free(struct output *out)
{
	size_t	 i;

	if (out == NULL)
		return;
	for (i = 0; i < RULE_COUNT; i++) {
		free(out->rule[i].text);
		free(out->controls[i].text);
	}
	for (i = 0; i < SEV_COUNT; i++)
		free(out->severity[i].text);
	for (i = 0; i < 2; i++)
		free(out->flag[i].text);
	for (i = 0; i < 3; i++)
		free(out->status[i].text);
	free(out->line);
	free(out->scratch);
	free(out);
}

/* The controls of a rule joined with ';', as one cell holds them. */
static char *
out_csv_join_controls(const char *const *controls)
{
	const char *const	*c;
	size_t			 len = 1;
	char			*s;

	for (c = controls; c != NULL && *c != NULL; c++)
		len += strlen(*c) + 1;
	if ((s = calloc(1, len)) == NULL)
		return NULL;
	for (c = controls; c != NULL && *c != NULL; c++) {
		if (c != controls)
			strcat(s, ";");
		strcat(s, *c);
	}
	return s;
}

/*
 * Quote s (NULL: the empty, unquoted cell) into c with the code every
 * cell goes through, as the first cell of a row not yet begun.
 */
static int
out_csv_ready(struct output *out, struct csv_cell *c, const char *s)
{
	int	 rc = -1;

	if (out_csv_cell(out, s) == 0 && (c->text = malloc(out->len > 0 ?
	    out->len : 1)) != NULL) {
		memcpy(c->text, out->line, out->len);
		c->len = out->len;
		rc = 0;
	}
	out->len = 0;
	out->cells = 0;
	return rc;
}

static int
out_csv_ready_all(struct output *out)
{
	static const char *const status[3] = { NULL, "new", "existing" };
	char	*controls;
	size_t	 i;
	int	 rc;

	for (i = 0; i < RULE_COUNT; i++) {
		if ((controls = out_csv_join_controls(
		    rules_table[i].controls)) == NULL)
			return -1;
		rc = out_csv_ready(out, &out->controls[i], controls);
		free(controls);
		if (rc == -1 || out_csv_ready(out, &out->rule[i],
		    rules_table[i].id) == -1)
			return -1;
	}
	for (i = 0; i < SEV_COUNT; i++)
		if (out_csv_ready(out, &out->severity[i],
		    severity_name((enum severity)i)) == -1)
			return -1;
	if (out_csv_ready(out, &out->flag[0], "false") == -1 ||
	    out_csv_ready(out, &out->flag[1], "true") == -1)
		return -1;
	for (i = 0; i < 3; i++)
		if (out_csv_ready(out, &out->status[i], status[i]) == -1)
			return -1;
	return 0;
}

static struct output *
out_csv_open(FILE *fp, const struct run_info *info)
{
	struct output	*out;

	if ((out = calloc(1, sizeof(*out))) == NULL)
		return NULL;
	out->fp = fp;
	out->inventory = info->inventory;
	out->baseline = info->baseline;
	if (out_csv_ready_all(out) == -1) {
		out_csv_free(out);
		return NULL;
	}
	return out;
}

const struct output_ops format_csv_ops = {
	"csv", out_csv_open, out_csv_finding, out_csv_user, out_csv_end,
	out_csv_free,
	OUTPUT_REGION_NONE, false
};
