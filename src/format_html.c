/*
 * The html format: one self-contained page for people, the kind a weekly
 * job mails.
 *
 * The page needs nothing from elsewhere: the style sheet is inline, the
 * two charts are inline SVG (svg.c), there is no script, and a Content-
 * Security-Policy meta element forbids loading or running anything, so
 * a value that escaped by mistake could still not fetch or execute.  It
 * reads the same with or without JavaScript and prints.
 *
 * Like the table it cannot stream: findings are grouped by account and
 * sorted, so a compact copy of each unsuppressed finding is kept (strings
 * in large chunks) and the page is written at end().  The sections, in
 * order: header (as-of time, baseline date), summary (counts by
 * severity; rows rejected and inputs failed, as the table says them),
 * inputs (each report, its account, users, rejected rows, when it was
 * generated and how old it was at the as-of time, and below it why it
 * failed or that it had no root row), charts
 * (findings by rule; ages of the credentials the findings name, or with
 * --inventory of every enabled password and existing key), then with a
 * baseline the new and the resolved findings, then the findings grouped
 * by account, most severe first, or with --inventory the users.
 * Suppressed findings are counted in the summary and not listed.
 *
 * Every value from a report or a baseline goes through out_html_text():
 * the five characters HTML gives meaning to become references, and what
 * would be invisible or would reorder the line (C0 and C1 controls, DEL,
 * invalid UTF-8, bidirectional controls, zero-width characters,
 * noncharacters; utf8_display_seq decides, as for the table and the
 * diagnostics) is shown as a visible \xNN or \uXXXX escape inside a
 * <bdi>, so a tampered user name stays inert text that reads as it is.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "html_style.h"
#include "grow.h"
#include "output.h"
#include "report.h"
#include "rules.h"
#include "strpool.h"
#include "svg.h"
#include "textbuf.h"
#include "timeparse.h"
#include "utf8.h"

#define HTML_FLUSH	(64 * 1024)	/* page text held before a write */

/* Histogram buckets by lower bound in days; the last is "unknown". */
static const struct {
	int64_t		 from;
	const char	*label;
} html_ages[] = {
	{ 0, "0-29" }, { 30, "30-59" }, { 60, "60-89" }, { 90, "90-179" },
	{ 180, "180-364" }, { 365, "1-2 y" }, { 730, "2 y +" },
};

#define HTML_NAGES	(sizeof(html_ages) / sizeof(html_ages[0]))
#define HTML_UNKNOWN	HTML_NAGES

struct html_finding {
	const char	*account, *user, *credential, *message;
	int64_t		 days;
	size_t		 seq;
	enum severity	 severity;
	enum rule_index	 rule;
	bool		 has_days;
	bool		 is_new;
};

struct html_user {
	const char	*account, *user;
	int64_t		 password_days, key_days[2];
	unsigned	 findings;
	enum password_state password;
	enum slot_state	 key[2];
	enum severity	 worst;
	bool		 has_password_days, has_key_days[2];
	bool		 mfa, has_worst;
};

struct output {
	FILE			*fp;
	struct run_info		 info;
	struct strpool		 strings;	/* of findings and users */
	struct html_finding	*findings;
	size_t			 nfindings, capfindings;
	struct html_user	*users;
	size_t			 nusers, capusers;
	unsigned long		 ages[HTML_NAGES + 1];
	char			*buf;		/* page text not yet written */
	size_t			 len, cap;
	bool			 failed;	/* a write or an allocation */
};

/* --- writing --- */

static void
out_html_flush(struct output *out)
{
	if (!out->failed && out->len > 0 &&
	    fwrite(out->buf, 1, out->len, out->fp) != out->len)
		out->failed = true;
	out->len = 0;
}

/*
 * Append len bytes of page text.  A failure is remembered and every
 * later call does nothing, so a section is written without a check per
 * line and end() reports the first failure once.
 */
static void
out_html_put(struct output *out, const char *s, size_t len)
{
	size_t	 cap;
	char	*p;

	if (out->failed)
		return;
	if (out->len + len > out->cap) {
		cap = out->cap > 0 ? out->cap : HTML_FLUSH;
		while (cap < out->len + len)
			cap *= 2;
		if ((p = realloc(out->buf, cap)) == NULL) {
			out->failed = true;
			return;
		}
		out->buf = p;
		out->cap = cap;
	}
	memcpy(out->buf + out->len, s, len);
	out->len += len;
	if (out->len >= HTML_FLUSH)
		out_html_flush(out);
}

static void
out_html_puts(struct output *out, const char *s)
{
	out_html_put(out, s, strlen(s));
}

static void
out_html_int(struct output *out, int64_t n)
{
	char	 buf[TEXTBUF_INTSZ];

	textbuf_format_int(n, buf);
	out_html_puts(out, buf);
}

/* The page text given, up to a NULL; none may come from a report. */
static void
out_html_cat(struct output *out, ...)
{
	const char	*s;
	va_list		 ap;

	va_start(ap, out);
	while ((s = va_arg(ap, const char *)) != NULL)
		out_html_puts(out, s);
	va_end(ap);
}

/* "1 day", "2 days": n and the noun, plural but for 1. */
static void
out_html_count(struct output *out, int64_t n, const char *noun)
{
	out_html_int(out, n);
	out_html_cat(out, " ", noun, n == 1 ? "" : "s", NULL);
}

/* The characters HTML gives meaning to, as references. */
static const char *const html_refs[128] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;",
	['\''] = "&#39;",
};

static void
out_html_escape_hex(struct output *out, const char *prefix, uint32_t v,
    int digits)
{
	static const char	 hex[] = "0123456789ABCDEF";
	char			 buf[8];
	int			 i;

	for (i = digits - 1; i >= 0; i--) {
		buf[i] = hex[v & 0xf];
		v >>= 4;
	}
	out_html_puts(out, prefix);
	out_html_put(out, buf, (size_t)digits);
}

/*
 * Length of the run at s (len bytes) that goes on the page as it is:
 * characters utf8_display_seq lets through and that have no reference.
 */
static size_t
out_html_shown_run(const unsigned char *s, size_t len)
{
	size_t	 run = 0, n;

	while (run < len && (s[run] >= 0x80 || html_refs[s[run]] == NULL) &&
	    (n = utf8_display_seq(s + run, len - run)) > 0)
		run += n;
	return run;
}

/*
 * s as HTML text (also safe inside a quoted attribute value).  What
 * utf8_display_seq refuses is written as an escape: a valid character
 * as \uXXXX, so a reader can look it up, any other byte as \xNN.
 */
static void
out_html_text(struct output *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)(s != NULL ? s : "");
	size_t			 len = strlen((const char *)p), n;
	uint32_t		 cp;

	while (len > 0) {
		if ((n = out_html_shown_run(p, len)) > 0) {
			out_html_put(out, (const char *)p, n);
		} else if (*p < 0x80 && html_refs[*p] != NULL) {
			out_html_puts(out, html_refs[*p]);
			n = 1;
		} else if (*p >= 0x80 && (n = utf8_seq(p, len)) > 0) {
			cp = utf8_decode(p, n);
			out_html_escape_hex(out, "\\u", cp, cp > 0xffff ? 6 : 4);
		} else {
			out_html_escape_hex(out, "\\x", *p, 2);
			n = 1;
		}
		p += n;
		len -= n;
	}
}

/* A value from a report, isolated from the text around it. */
static void
out_html_value(struct output *out, const char *s)
{
	out_html_puts(out, "<bdi>");
	out_html_text(out, s);
	out_html_puts(out, "</bdi>");
}

static void
out_html_time(struct output *out, int64_t t)
{
	char	 when[TIMESTAMP_BUFSZ];

	timeparse_format(t, when);
	out_html_cat(out, "<time datetime=\"", when, "\">", when, "</time>",
	    NULL);
}

/* --- collecting --- */

static void
out_html_count_age(struct output *out, bool has, int64_t days)
{
	size_t	 i = HTML_NAGES;

	if (!has) {
		out->ages[HTML_UNKNOWN]++;
		return;
	}
	while (i > 1 && days < html_ages[i - 1].from)
		i--;
	out->ages[i - 1]++;
}

static int
out_html_finding(struct output *out, const struct finding *f)
{
	struct strpool		*sp = &out->strings;
	struct html_finding	*h;

	if (f->suppressed)
		return 0;
	if ((unsigned)f->rule >= RULE_COUNT)
		return -1;
	h = grow_reserve(out->findings, &out->capfindings, out->nfindings,
	    sizeof(*h));
	if (h == NULL)
		return -1;
	out->findings = h;
	h += out->nfindings;
	h->seq = out->nfindings;
	h->severity = f->severity;
	h->rule = f->rule;
	h->has_days = f->has_days;
	h->days = f->days;
	h->is_new = f->status == FINDING_STATUS_NEW;
	if ((h->account = strpool_add(sp, f->rec->account)) == NULL ||
	    (h->user = strpool_add(sp, f->rec->user)) == NULL ||
	    (h->credential = strpool_add(sp, f->credential)) == NULL ||
	    (h->message = strpool_add(sp, f->message)) == NULL)
		return -1;
	out_html_count_age(out, f->has_days, f->days);
	out->nfindings++;
	return 0;
}

static int
out_html_user(struct output *out, const struct inventory_row *row)
{
	const struct user_record	*rec = row->rec;
	struct strpool			*sp = &out->strings;
	struct html_user		*u;
	int				 i;

	u = grow_reserve(out->users, &out->capusers, out->nusers,
	    sizeof(*u));
	if (u == NULL)
		return -1;
	out->users = u;
	u += out->nusers;
	u->password = rec->password;
	u->has_password_days = output_password_days(row, &u->password_days);
	if (rec->password == PASSWORD_ENABLED)
		out_html_count_age(out, u->has_password_days,
		    u->password_days);
	u->mfa = rec->mfa_active;
	for (i = 0; i < 2; i++) {
		u->key[i] = rec->key[i].state;
		u->has_key_days[i] = output_key_days(row, i, &u->key_days[i]);
		if (u->key[i] != SLOT_ABSENT)
			out_html_count_age(out, u->has_key_days[i],
			    u->key_days[i]);
	}
	u->findings = row->findings;
	u->has_worst = row->has_worst;
	u->worst = row->worst;
	if ((u->account = strpool_add(sp, rec->account)) == NULL ||
	    (u->user = strpool_add(sp, rec->user)) == NULL)
		return -1;
	out->nusers++;
	return 0;
}

/* Account, then most severe first, user, rule order, credential. */
static int
out_html_compare(const void *a, const void *b)
{
	const struct html_finding	*x = a, *y = b;
	int				 c;

	if ((c = strcmp(x->account, y->account)) != 0)
		return c;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	if ((c = strcmp(x->user, y->user)) != 0)
		return c;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	if ((c = strcmp(x->credential, y->credential)) != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* --- the page --- */

static void
out_html_head(struct output *out)
{
	char	 day[11];

	timeparse_format_date(out->info.policy->as_of, day);
	out_html_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<meta name=\"generator\" content=\""
	    "credaudit ");
	out_html_text(out, out->info.version);
	out_html_cat(out, "\">\n<title>IAM credential audit, ", day,
	    "</title>\n<style>\n", html_style, NULL);
	out_html_puts(out, "</style>\n</head>\n<body>\n<header>\n"
	    "<h1>IAM credential audit</h1>\n<p>As of ");
	if (out->info.as_of_generated)
		out_html_puts(out, "each report's generation time");
	else
		out_html_time(out, out->info.policy->as_of);
	if (out->info.baseline) {
		out_html_puts(out, "; compared with the baseline");
		if (out->info.baseline_has_as_of) {
			out_html_puts(out, " of ");
			out_html_time(out, out->info.baseline_as_of);
		}
	}
	out_html_puts(out, ".</p>\n</header>\n<main>\n");
}

static void
out_html_summary(struct output *out, const struct run_summary *sum)
{
	int	 i;

	out_html_puts(out, "<section id=\"summary\">\n<h2>Summary</h2>\n<p>");
	out_html_count(out, (int64_t)sum->counts.findings, "finding");
	out_html_puts(out, " in ");
	out_html_count(out, (int64_t)sum->users, "user");
	if (sum->counts.suppressed > 0) {
		out_html_puts(out, "; ");
		out_html_int(out, (int64_t)sum->counts.suppressed);
		out_html_puts(out, " suppressed, counted here and not listed");
	}
	/* What could not be audited, as the table's summary says it. */
	if (sum->rows_rejected > 0) {
		out_html_puts(out, "; ");
		out_html_count(out, (int64_t)sum->rows_rejected, "row");
		out_html_puts(out, " rejected");
	}
	if (sum->inputs_failed > 0) {
		out_html_puts(out, "; ");
		out_html_int(out, (int64_t)sum->inputs_failed);
		out_html_puts(out, " of ");
		out_html_count(out, (int64_t)sum->ninputs, "input");
		out_html_puts(out, " failed");
	}
	out_html_puts(out, ".</p>\n<ul class=\"counts\">\n");
	for (i = SEV_COUNT - 1; i >= 0; i--) {
		out_html_cat(out, "<li class=\"sev sev-",
		    severity_name((enum severity)i), "\"><span class=\"n\">",
		    NULL);
		out_html_int(out, (int64_t)sum->counts.by_severity[i]);
		out_html_cat(out, "</span>", severity_name((enum severity)i),
		    "</li>\n", NULL);
	}
	out_html_puts(out, "</ul>\n");
	if (out->info.baseline) {
		out_html_puts(out, "<p>");
		out_html_int(out, (int64_t)sum->counts.new_findings);
		out_html_puts(out, " new, ");
		out_html_int(out, (int64_t)sum->nresolved);
		out_html_puts(out, " resolved since the baseline.</p>\n");
	}
	out_html_puts(out, "</section>\n");
}

/* The Generated and Age cells of an input. */
static void
out_html_input_age(struct output *out, const struct input_info *in)
{
	const struct report_stats	*st = &in->stats;
	int64_t				 age;

	if (!st->has_generated_time) {
		out_html_puts(out, "<td><span class=\"muted\">not recorded</span>"
		    "</td><td class=\"num\"><span class=\"muted\">unknown"
		    "</span></td>");
		return;
	}
	out_html_puts(out, "<td>");
	out_html_time(out, st->generated_time);
	out_html_puts(out, "</td><td class=\"num\">");
	/* Each input's own as-of time: with --as-of generated they differ. */
	age = timeparse_age_days(st->generated_time, in->begun ? in->as_of :
	    out->info.policy->as_of);
	out_html_count(out, age, "day");
	out_html_puts(out, "</td>");
}

/*
 * What could not be audited in an input, in a row of its own below it
 * as wide as the table: why it was not read to its end, or that it had
 * no <root_account> row, so the root rules had nothing to look at.
 */
static void
out_html_input_note(struct output *out, const struct report_stats *st)
{
	if (st->failed) {
		out_html_puts(out, "<tr><td colspan=\"6\"><strong>Failed:"
		    "</strong> ");
		out_html_value(out, st->error);
		out_html_puts(out, "</td></tr>\n");
	} else if (!st->has_root)
		out_html_puts(out, "<tr><td colspan=\"6\" class=\"muted\">No "
		    "&lt;root_account&gt; row: root was not audited.</td></tr>\n");
}

static void
out_html_input(struct output *out, const struct input_info *in)
{
	const struct report_stats	*st = &in->stats;

	out_html_puts(out, "<tr><td class=\"mono\">");
	out_html_value(out, in->path);
	out_html_puts(out, "</td><td class=\"mono\">");
	if (st->account[0] != '\0')
		out_html_value(out, st->account);
	else
		out_html_puts(out, "<span class=\"muted\">none</span>");
	out_html_puts(out, "</td><td class=\"num\">");
	out_html_int(out, (int64_t)st->users);
	out_html_puts(out, "</td><td class=\"num\">");
	out_html_int(out, (int64_t)st->rows_rejected);
	out_html_puts(out, "</td>");
	out_html_input_age(out, in);
	out_html_puts(out, "</tr>\n");
	out_html_input_note(out, st);
}

static void
out_html_inputs(struct output *out, const struct run_summary *sum)
{
	size_t	 i;

	out_html_puts(out, "<section id=\"inputs\">\n<h2>Inputs</h2>\n"
	    "<table>\n<thead><tr><th>Report</th><th>Account</th>"
	    "<th class=\"num\">Users</th><th class=\"num\">Rejected rows</th>"
	    "<th>Generated</th><th class=\"num\">Age</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < sum->ninputs; i++)
		out_html_input(out, &sum->inputs[i]);
	out_html_puts(out, "</tbody>\n</table>\n</section>\n");
}

/* The page text as a sink for svg.c; a failure is kept in out->failed. */
static int
out_html_svg_put(void *ctx, const char *s, size_t len)
{
	struct output	*out = ctx;

	out_html_put(out, s, len);
	return out->failed ? -1 : 0;
}

/* Horizontal bars, one per rule that has findings, in rule order. */
static void
out_html_chart_rules(struct output *out, const struct run_summary *sum)
{
	const struct svg_sink	 sink = { out_html_svg_put, out };
	struct svg_bar		 bars[RULE_COUNT];
	char			 cls[RULE_COUNT][32];
	size_t			 r, rows = 0;

	out_html_puts(out, "<figure>\n<figcaption>Findings by rule"
	    "</figcaption>\n");
	for (r = 0; r < RULE_COUNT; r++) {
		if (sum->counts.by_rule[r] == 0)
			continue;
		snprintf(cls[rows], sizeof(cls[rows]), "bar-%s",
		    severity_name(out->info.policy->severity[r]));
		bars[rows].label = rules_table[r].id;
		bars[rows].cls = cls[rows];
		bars[rows++].n = sum->counts.by_rule[r];
	}
	if (rows == 0)
		out_html_puts(out, "<p class=\"muted\">No findings.</p>\n");
	else	/* A failure is in out->failed, which end() returns. */
		(void)svg_hbars(&sink, "chart-rules", "Findings by rule", bars,
		    rows);
	out_html_puts(out, "</figure>\n");
}

/* Vertical bars, one per age bucket, the unknown ones last. */
static void
out_html_chart_ages(struct output *out)
{
	const struct svg_sink	 sink = { out_html_svg_put, out };
	struct svg_bar		 bars[HTML_NAGES + 1];
	unsigned long		 most = 0;
	size_t			 i;

	for (i = 0; i < HTML_NAGES + 1; i++) {
		bars[i].label = i < HTML_NAGES ? html_ages[i].label : "unknown";
		bars[i].cls = "bar-age";
		bars[i].n = out->ages[i];
		if (out->ages[i] > most)
			most = out->ages[i];
	}
	out_html_puts(out, "<figure>\n<figcaption>");
	out_html_puts(out, out->info.inventory ? "Age of passwords and access "
	    "keys, in days since last use" : "Age of the credentials in the "
	    "findings, in days");
	out_html_puts(out, "</figcaption>\n");
	if (most == 0)
		out_html_puts(out, "<p class=\"muted\">No credentials.</p>\n");
	else	/* A failure is in out->failed, which end() returns. */
		(void)svg_vbars(&sink, "chart-ages", "Credential ages", bars,
		    HTML_NAGES + 1);
	out_html_puts(out, "</figure>\n");
}

static void
out_html_charts(struct output *out, const struct run_summary *sum)
{
	out_html_puts(out, "<section id=\"charts\">\n<h2>Charts</h2>\n");
	out_html_chart_rules(out, sum);
	out_html_chart_ages(out);
	out_html_puts(out, "</section>\n");
}

static void
out_html_severity_cell(struct output *out, enum severity sev)
{
	out_html_cat(out, "<td class=\"sev sev-", severity_name(sev), "\">",
	    severity_name(sev), "</td>", NULL);
}

static void
out_html_findings_head(struct output *out, bool account)
{
	out_html_puts(out, "<table>\n<thead><tr>");
	if (out->info.baseline)
		out_html_puts(out, "<th>Status</th>");
	out_html_puts(out, "<th>Severity</th><th>Rule</th>");
	if (account)
		out_html_puts(out, "<th>Account</th>");
	out_html_puts(out, "<th>User</th><th>Credential</th>"
	    "<th class=\"num\">Days</th><th>Message</th></tr></thead>\n"
	    "<tbody>\n");
}

static void
out_html_finding_row(struct output *out, const struct html_finding *h,
    bool account)
{
	out_html_puts(out, "<tr>");
	if (out->info.baseline)
		out_html_puts(out, h->is_new ? "<td class=\"new\">new</td>" :
		    "<td>existing</td>");
	out_html_severity_cell(out, h->severity);
	out_html_cat(out, "<td class=\"mono nowrap\">", rules_table[h->rule].id,
	    "</td>", NULL);
	if (account) {
		out_html_puts(out, "<td class=\"mono\">");
		out_html_value(out, h->account);
		out_html_puts(out, "</td>");
	}
	out_html_puts(out, "<td>");
	out_html_value(out, h->user);
	out_html_puts(out, "</td><td class=\"mono nowrap\">");
	out_html_text(out, h->credential);
	out_html_puts(out, "</td><td class=\"num\">");
	if (h->has_days)
		out_html_int(out, h->days);
	else
		out_html_puts(out, "<span class=\"muted\">-</span>");
	out_html_puts(out, "</td><td>");
	out_html_text(out, h->message);
	out_html_puts(out, "</td></tr>\n");
}

static void
out_html_table_end(struct output *out)
{
	out_html_puts(out, "</tbody>\n</table>\n");
}

/* With a baseline: the new findings, in the same order, all accounts. */
static void
out_html_new(struct output *out, const struct run_summary *sum)
{
	size_t	 i;

	out_html_puts(out, "<section id=\"new\">\n<h2>New findings (");
	out_html_int(out, (int64_t)sum->counts.new_findings);
	out_html_puts(out, ")</h2>\n");
	if (sum->counts.new_findings == 0) {
		out_html_puts(out, "<p>No new findings.</p>\n</section>\n");
		return;
	}
	out_html_findings_head(out, true);
	for (i = 0; i < out->nfindings; i++)
		if (out->findings[i].is_new)
			out_html_finding_row(out, &out->findings[i], true);
	out_html_table_end(out);
	out_html_puts(out, "</section>\n");
}

static void
out_html_cell_or_dash(struct output *out, const char *s, bool mono)
{
	out_html_puts(out, mono ? "<td class=\"mono\">" : "<td>");
	if (s != NULL)
		out_html_value(out, s);
	else
		out_html_puts(out, "<span class=\"muted\">-</span>");
	out_html_puts(out, "</td>");
}

static void
out_html_resolved(struct output *out, const struct run_summary *sum)
{
	const struct resolved_finding	*r;
	size_t				 i;

	out_html_puts(out, "<section id=\"resolved\">\n<h2>Resolved findings (");
	out_html_int(out, (int64_t)sum->nresolved);
	out_html_puts(out, ")</h2>\n");
	if (sum->nresolved == 0) {
		out_html_puts(out, "<p>No finding of the baseline went away."
		    "</p>\n</section>\n");
		return;
	}
	out_html_puts(out, "<table>\n<thead><tr><th>Severity</th><th>Rule</th>"
	    "<th>Account</th><th>User</th><th>Credential</th>"
	    "<th>Message</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < sum->nresolved; i++) {
		r = &sum->resolved[i];
		out_html_puts(out, "<tr>");
		out_html_cell_or_dash(out, r->severity, false);
		out_html_cell_or_dash(out, r->rule, true);
		out_html_cell_or_dash(out, r->account, true);
		out_html_cell_or_dash(out, r->user != NULL ? r->user : r->id,
		    false);
		out_html_cell_or_dash(out, r->credential, true);
		out_html_cell_or_dash(out, r->message, false);
		out_html_puts(out, "</tr>\n");
	}
	out_html_table_end(out);
	out_html_puts(out, "</section>\n");
}

/* The findings of one account: [i, end). */
static void
out_html_account(struct output *out, size_t i, size_t end)
{
	out_html_puts(out, "<h3>Account <span class=\"mono\">");
	out_html_value(out, out->findings[i].account);
	out_html_puts(out, "</span> (");
	out_html_count(out, (int64_t)(end - i), "finding");
	out_html_puts(out, ")</h3>\n");
	out_html_findings_head(out, false);
	for (; i < end; i++)
		out_html_finding_row(out, &out->findings[i], false);
	out_html_table_end(out);
}

static void
out_html_findings(struct output *out)
{
	size_t	 i, end;

	out_html_puts(out, "<section id=\"findings\">\n<h2>Findings (");
	out_html_int(out, (int64_t)out->nfindings);
	out_html_puts(out, ")</h2>\n");
	if (out->nfindings == 0)
		out_html_puts(out, "<p>No findings.</p>\n");
	for (i = 0; i < out->nfindings; i = end) {
		for (end = i + 1; end < out->nfindings &&
		    strcmp(out->findings[end].account,
		    out->findings[i].account) == 0; end++)
			continue;
		out_html_account(out, i, end);
	}
	out_html_puts(out, "</section>\n");
}

/* "enabled, 21 days", "active, 119 days", "none". */
static void
out_html_state_cell(struct output *out, const char *state, bool has,
    int64_t days)
{
	out_html_cat(out, "<td>", state, NULL);
	if (has) {
		out_html_puts(out, ", ");
		out_html_count(out, days, "day");
	}
	out_html_puts(out, "</td>");
}

static void
out_html_user_row(struct output *out, const struct html_user *u)
{
	int	 i;

	out_html_puts(out, "<tr><td class=\"mono\">");
	out_html_value(out, u->account);
	out_html_puts(out, "</td><td>");
	out_html_value(out, u->user);
	out_html_puts(out, "</td>");
	out_html_state_cell(out, output_password_state(u->password),
	    u->has_password_days, u->password_days);
	out_html_puts(out, u->mfa ? "<td>yes</td>" : "<td>no</td>");
	for (i = 0; i < 2; i++)
		out_html_state_cell(out, output_slot_state(u->key[i]),
		    u->has_key_days[i], u->key_days[i]);
	out_html_puts(out, "<td class=\"num\">");
	out_html_int(out, u->findings);
	out_html_puts(out, "</td>");
	if (u->has_worst)
		out_html_severity_cell(out, u->worst);
	else
		out_html_puts(out, "<td><span class=\"muted\">-</span></td>");
	out_html_puts(out, "</tr>\n");
}

static void
out_html_users(struct output *out)
{
	size_t	 i;

	out_html_puts(out, "<section id=\"users\">\n<h2>Users (");
	out_html_int(out, (int64_t)out->nusers);
	out_html_puts(out, ")</h2>\n<table>\n<thead><tr><th>Account</th>"
	    "<th>User</th><th>Password</th><th>MFA</th><th>Access key 1</th>"
	    "<th>Access key 2</th><th class=\"num\">Findings</th>"
	    "<th>Worst</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < out->nusers; i++)
		out_html_user_row(out, &out->users[i]);
	out_html_table_end(out);
	out_html_puts(out, "</section>\n");
}

static void
out_html_foot(struct output *out)
{
	out_html_puts(out, "</main>\n<footer>\n<p>Written by credaudit ");
	out_html_text(out, out->info.version);
	out_html_puts(out, ". Ages are whole days before the as-of time. "
	    "Suppressed findings are counted in the summary and not listed."
	    "</p>\n</footer>\n</body>\n</html>\n");
}

static int
out_html_end(struct output *out, const struct run_summary *sum)
{
	if (out->nfindings > 1)
		qsort(out->findings, out->nfindings, sizeof(*out->findings),
		    out_html_compare);
	out_html_head(out);
	out_html_summary(out, sum);
	out_html_inputs(out, sum);
	out_html_charts(out, sum);
	if (out->info.inventory)
		out_html_users(out);
	else {
		if (out->info.baseline) {
			out_html_new(out, sum);
			out_html_resolved(out, sum);
		}
		out_html_findings(out);
	}
	out_html_foot(out);
	out_html_flush(out);
	return out->failed ? -1 : 0;
}

static void
out_html_free(struct output *out)
{
	if (out == NULL)
		return;
	strpool_free(&out->strings);
	free(out->findings);
	free(out->users);
	free(out->buf);
	free(out);
}

static struct output *
out_html_open(FILE *fp, const struct run_info *info)
{
	struct output	*out;

	if ((out = calloc(1, sizeof(*out))) == NULL)
		return NULL;
	out->fp = fp;
	out->info = *info;
	return out;
}

const struct output_ops format_html_ops = {
	"html", out_html_open, out_html_finding, out_html_user, out_html_end,
	out_html_free,
	OUTPUT_REGION_NONE, false
};
