/*
 * Tests of the html format: findings and inventory rows built by hand,
 * written into memory, and the page searched for what must and must not
 * be there.  The escaping is tested with names a tampered report could
 * carry (markup, quotes, ampersands, bidirectional overrides, controls,
 * invalid UTF-8), the grouping and order with two accounts, what the
 * inputs table says of a failed input and one without a root row, and
 * the histogram's bucket edges with ages on either side of each.
 *
 * Times: as_of is 2026-11-23T00:00:00Z (1795392000); the report was
 * generated 2026-11-20T12:00:00Z (1795176000), 2 days and 12 hours
 * before it, so its age is 2 days.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "baseline.h"
#include "output.h"
#include "report.h"
#include "rules.h"

#define AS_OF		1795392000	/* 2026-11-23T00:00:00Z */
#define T_GENERATED	1795176000	/* 2026-11-20T12:00:00Z */
#define T_BASELINE	1790812800	/* 2026-10-01T00:00:00Z */
#define ACCOUNT		"123456789012"
#define ACCOUNT2	"210987654321"

struct fixture {
	struct policy		 pol;
	struct run_info		 info;
	struct user_record	 rec[4];
	struct input_info	 input;
	struct run_summary	 sum;
};

static const struct cred_time	 NA = { TIME_NA, 0 };

static void
record_init(struct user_record *rec, const char *account, const char *user,
    long line)
{
	memset(rec, 0, sizeof(*rec));
	rec->path = "r.csv";
	rec->line = line;
	rec->user = user;
	rec->arn = "arn:aws:iam::" ACCOUNT ":user/x";
	rec->account = account;
	rec->created.kind = TIME_SET;
	rec->created.t = AS_OF - 400 * 86400;
	rec->password = PASSWORD_DISABLED;
	rec->password_last_used = rec->password_last_changed = NA;
	rec->password_next_rotation = NA;
	rec->key[0].last_rotated = rec->key[0].last_used = NA;
	rec->key[1].last_rotated = rec->key[1].last_used = NA;
	rec->cert[0].last_rotated = rec->cert[0].last_used = NA;
	rec->cert[1].last_rotated = rec->cert[1].last_used = NA;
}

static void
fixture_init(struct fixture *fx)
{
	memset(fx, 0, sizeof(*fx));
	policy_init(&fx->pol);
	fx->pol.as_of = AS_OF;
	fx->info.version = "1.0.0";
	fx->info.policy = &fx->pol;
	record_init(&fx->rec[0], ACCOUNT, "alice", 2);
	record_init(&fx->rec[1], ACCOUNT, "bob", 3);
	record_init(&fx->rec[2], ACCOUNT2, "carol", 2);
	record_init(&fx->rec[3], ACCOUNT, "dave", 4);
	fx->input.path = "r.csv";
	strcpy(fx->input.stats.account, ACCOUNT);
	fx->input.stats.users = 4;
	fx->input.stats.has_root = true;
	fx->input.stats.has_generated_time = true;
	fx->input.stats.generated_time = T_GENERATED;
	fx->sum.inputs = &fx->input;
	fx->sum.ninputs = 1;
	fx->sum.users = 4;
}

static void
finding_init(struct finding *f, const struct user_record *rec,
    enum rule_index r, const char *cred, const char *msg, int64_t days)
{
	memset(f, 0, sizeof(*f));
	f->rule = r;
	f->def = &rules_table[r];
	f->severity = rules_table[r].severity;
	f->rec = rec;
	f->credential = cred;
	f->threshold = rules_table[r].default_days;
	f->has_days = days >= 0;
	f->days = days >= 0 ? days : 0;
	snprintf(f->id, sizeof(f->id), "%s:%s:%s:%s", rec->account,
	    rec->user, rules_table[r].id, cred);
	snprintf(f->message, sizeof(f->message), "%s", msg);
}

/* The format under test, as --format finds it. */
static const struct output_ops *
html_ops(void)
{
	const struct output_ops	*ops = output_lookup("html");

	assert_non_null(ops);
	return ops;
}

static void
sum_count(struct run_summary *sum, const struct finding *f)
{
	finding_counts_count(&sum->counts, f);
}

/* Write n findings through the html format; the caller frees the page. */
static char *
run_findings(struct fixture *fx, const struct finding *f, size_t n)
{
	struct output	*out;
	char		*buf = NULL;
	size_t		 len = 0, i;
	FILE		*fp;

	assert_non_null(fp = open_memstream(&buf, &len));
	assert_non_null(out = html_ops()->open(fp, &fx->info));
	for (i = 0; i < n; i++) {
		sum_count(&fx->sum, &f[i]);
		assert_int_equal(html_ops()->finding(out, &f[i]), 0);
	}
	assert_int_equal(html_ops()->end(out, &fx->sum), 0);
	html_ops()->free(out);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void
assert_contains(const char *page, const char *s)
{
	if (strstr(page, s) == NULL)
		fail_msg("page lacks: %s", s);
}

static void
assert_lacks(const char *page, const char *s)
{
	if (strstr(page, s) != NULL)
		fail_msg("page holds: %s", s);
}

/* Offset of s in page; fails when absent. */
static size_t
offset_of(const char *page, const char *s)
{
	const char	*p = strstr(page, s);

	if (p == NULL)
		fail_msg("page lacks: %s", s);
	return (size_t)(p - page);
}

/*
 * The count drawn above the histogram bar labelled label: the number in
 * the <text> element just before the label's.
 */
static long
hist_count(const char *page, const char *label)
{
	char		 want[64];
	const char	*p, *end;

	snprintf(want, sizeof(want), "\">%s</text>", label);
	p = page + offset_of(page, want);
	/* Back over the previous element: "...">N</text>\n<text ...". */
	end = p;
	while (end > page && strncmp(end, "</text>", 7) != 0)
		end--;
	assert_true(end > page);
	p = end;
	while (p > page && p[-1] != '>')
		p--;
	return strtol(p, NULL, 10);
}

static void
test_html_escapes_hostile_values(void **state)
{
	static const struct {
		const char	*user;
		const char	*shown;
	} cases[] = {
		{ "<img src=x onerror=alert(1)>",
		    "<bdi>&lt;img src=x onerror=alert(1)&gt;</bdi>" },
		{ "\"q\" & 'a'", "<bdi>&quot;q&quot; &amp; &#39;a&#39;</bdi>" },
		/* RIGHT-TO-LEFT OVERRIDE would show "gpj.exe" backwards. */
		{ "evil\xe2\x80\xaegpj.exe", "<bdi>evil\\u202Egpj.exe</bdi>" },
		{ "iso\xe2\x81\xa6late", "<bdi>iso\\u2066late</bdi>" },
		{ "esc\x1b]0;x\x07", "<bdi>esc\\x1B]0;x\\x07</bdi>" },
		{ "bad\xff\xc3", "<bdi>bad\\xFF\\xC3</bdi>" },
		{ "c1\xc2\x85", "<bdi>c1\\u0085</bdi>" },
		{ "zw\xe2\x80\x8bsp", "<bdi>zw\\u200Bsp</bdi>" },
		{ "del\x7f", "<bdi>del\\x7F</bdi>" },
		/* What utf8_display_seq hides, as for the table. */
		{ "han\xe3\x85\xa4gul", "<bdi>han\\u3164gul</bdi>" },
		{ "tag\xf3\xa0\x80\x81", "<bdi>tag\\u0E0001</bdi>" },
		{ "non\xef\xbf\xbe", "<bdi>non\\uFFFE</bdi>" },
		{ "\xef\xb7\x90x", "<bdi>\\uFDD0x</bdi>" },
		{ "zo\xc3\xab \xe6\x9d\xb1", "<bdi>zo\xc3\xab \xe6\x9d\xb1</bdi>" },
	};
	struct fixture	 fx;
	struct finding	 f;
	char		*page;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fixture_init(&fx);
		fx.rec[0].user = cases[i].user;
		fx.rec[0].account = "<b>1</b>";
		finding_init(&f, &fx.rec[0], RULE_DORMANT_USER, "user",
		    "a <message> & more", 400);
		page = run_findings(&fx, &f, 1);
		assert_contains(page, cases[i].shown);
		assert_contains(page, "<bdi>&lt;b&gt;1&lt;/b&gt;</bdi>");
		assert_contains(page, "a &lt;message&gt; &amp; more");
		assert_lacks(page, "<img");
		assert_lacks(page, "<b>");
		assert_lacks(page, "\x1b");
		assert_lacks(page, "\xe2\x80\xae");
		free(page);
	}
}

static void
test_html_self_contained(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	char		*page;
	const char	*p;

	(void)state;
	fixture_init(&fx);
	finding_init(&f, &fx.rec[0], RULE_DORMANT_USER, "user", "m", 400);
	page = run_findings(&fx, &f, 1);
	assert_int_equal(strncmp(page, "<!DOCTYPE html>\n<html lang=\"en\">", 32),
	    0);
	assert_contains(page, "<meta charset=\"utf-8\">");
	assert_contains(page, "content=\"default-src 'none'; style-src "
	    "'unsafe-inline'\"");
	assert_lacks(page, "<script");
	assert_lacks(page, "<link");
	assert_lacks(page, "<img");
	assert_lacks(page, " src=");
	assert_lacks(page, " href=");
	assert_lacks(page, "url(");
	assert_lacks(page, "@import");
	assert_lacks(page, "https:");
	/* The only URL is SVG's namespace name, which nothing fetches. */
	for (p = strstr(page, "http:"); p != NULL; p = strstr(p + 1, "http:"))
		assert_int_equal(strncmp(p, "http://www.w3.org/2000/svg\"", 27),
		    0);
	assert_int_equal(strcmp(page + strlen(page) - 8, "</html>\n"), 0);
	free(page);
}

static void
test_html_groups_by_account_most_severe_first(void **state)
{
	struct fixture	 fx;
	struct finding	 f[4];
	char		*page;
	size_t		 a1, a2, crit, low, med;

	(void)state;
	fixture_init(&fx);
	finding_init(&f[0], &fx.rec[2], RULE_DORMANT_USER, "user",
	    "carol idle", 400);
	finding_init(&f[1], &fx.rec[0], RULE_DORMANT_USER, "user",
	    "alice idle", 200);
	finding_init(&f[2], &fx.rec[1], RULE_UNUSED_PASSWORD, "password",
	    "bob unused", 100);
	finding_init(&f[3], &fx.rec[3], RULE_ROOT_NO_MFA, "mfa",
	    "dave no mfa", -1);
	page = run_findings(&fx, f, 4);
	a1 = offset_of(page, "<h3>Account <span class=\"mono\"><bdi>"
	    ACCOUNT "</bdi></span> (3 findings)</h3>");
	a2 = offset_of(page, "<h3>Account <span class=\"mono\"><bdi>"
	    ACCOUNT2 "</bdi></span> (1 finding)</h3>");
	crit = offset_of(page, "dave no mfa");
	med = offset_of(page, "bob unused");
	low = offset_of(page, "alice idle");
	assert_true(a1 < crit && crit < med && med < low && low < a2);
	assert_true(a2 < offset_of(page, "carol idle"));
	/* Unknown days show as a dash, known ones as the number. */
	assert_contains(page, "<td class=\"num\"><span class=\"muted\">-"
	    "</span></td><td>dave no mfa</td>");
	assert_contains(page, "<td class=\"num\">100</td><td>bob unused");
	assert_contains(page, "<p>4 findings in 4 users.</p>");
	assert_contains(page, "<span class=\"n\">1</span>critical</li>");
	assert_contains(page, "<span class=\"n\">2</span>low</li>");
	/* The rule chart has a bar for the three rules with findings. */
	assert_contains(page, ">dormant-user</text>");
	assert_contains(page, ">root-no-mfa</text>");
	assert_lacks(page, ">root-access-key</text>");
	assert_lacks(page, "id=\"new\"");
	free(page);
}

static void
test_html_inputs_and_ages(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	char		*page;

	(void)state;
	fixture_init(&fx);
	finding_init(&f, &fx.rec[0], RULE_DORMANT_USER, "user", "m", 400);
	page = run_findings(&fx, &f, 1);
	assert_contains(page, "<tr><td class=\"mono\"><bdi>r.csv</bdi></td>"
	    "<td class=\"mono\"><bdi>" ACCOUNT "</bdi></td><td class=\"num\">"
	    "4</td><td class=\"num\">0</td><td><time datetime=\""
	    "2026-11-20T12:00:00Z\">2026-11-20T12:00:00Z</time></td>"
	    "<td class=\"num\">2 days</td></tr>");
	assert_contains(page, "As of <time datetime=\"2026-11-23T00:00:00Z\">");
	free(page);
	fixture_init(&fx);
	fx.input.stats.has_generated_time = false;
	fx.input.stats.account[0] = '\0';
	page = run_findings(&fx, &f, 0);
	assert_contains(page, "<span class=\"muted\">none</span>");
	assert_contains(page, "not recorded");
	assert_contains(page, "<p>0 findings in 4 users.</p>");
	assert_contains(page, "<p>No findings.</p>");
	free(page);
}

/* Count the times s occurs in page. */
static size_t
occurrences(const char *page, const char *s)
{
	size_t	 n = 0;

	for (; (page = strstr(page, s)) != NULL; page++)
		n++;
	return n;
}

/*
 * What could not be audited: a failed input's error (escaped) and an
 * input without a root row each get a row below their own, and the
 * summary counts rejected rows and failed inputs as the table does.
 */
static void
test_html_inputs_failed_and_no_root(void **state)
{
	struct fixture		 fx;
	struct input_info	 in[3];
	struct finding		 f;
	char			*page;

	(void)state;
	fixture_init(&fx);
	in[0] = fx.input;
	memset(&in[1], 0, sizeof(in[1]));
	in[1].path = "bad.csv";
	in[1].stats.failed = true;
	snprintf(in[1].stats.error, sizeof(in[1].stats.error),
	    "line 7: unterminated <quote> & \"x\"");
	memset(&in[2], 0, sizeof(in[2]));
	in[2].path = "noroot.csv";
	strcpy(in[2].stats.account, ACCOUNT2);
	in[2].stats.users = 2;
	in[2].stats.rows_rejected = 3;
	fx.sum.inputs = in;
	fx.sum.ninputs = 3;
	fx.sum.rows_rejected = 3;
	fx.sum.inputs_failed = 1;
	page = run_findings(&fx, &f, 0);
	assert_contains(page, "<p>0 findings in 4 users; 3 rows rejected; "
	    "1 of 3 inputs failed.</p>");
	/* The healthy input's row is followed by the next input's. */
	assert_contains(page, "<td class=\"num\">2 days</td></tr>\n"
	    "<tr><td class=\"mono\"><bdi>bad.csv</bdi></td>");
	assert_contains(page, "<tr><td class=\"mono\"><bdi>bad.csv</bdi></td>"
	    "<td class=\"mono\"><span class=\"muted\">none</span></td>"
	    "<td class=\"num\">0</td><td class=\"num\">0</td><td><span "
	    "class=\"muted\">not recorded</span></td><td class=\"num\">"
	    "<span class=\"muted\">unknown</span></td></tr>\n"
	    "<tr><td colspan=\"6\"><strong>Failed:</strong> <bdi>line 7: "
	    "unterminated &lt;quote&gt; &amp; &quot;x&quot;</bdi></td></tr>\n");
	assert_contains(page, "<tr><td class=\"mono\"><bdi>noroot.csv</bdi>"
	    "</td><td class=\"mono\"><bdi>" ACCOUNT2 "</bdi></td>"
	    "<td class=\"num\">2</td><td class=\"num\">3</td>");
	assert_contains(page, "<span class=\"muted\">unknown</span></td></tr>"
	    "\n<tr><td colspan=\"6\" class=\"muted\">No &lt;root_account&gt; "
	    "row: root was not audited.</td></tr>\n</tbody>");
	/* A failed input has no root row either; its error is enough. */
	assert_int_equal(occurrences(page, "root was not audited"), 1);
	assert_lacks(page, "<quote>");
	free(page);

	/* One of each, in the singular. */
	fx.sum.ninputs = 2;
	fx.sum.rows_rejected = 1;
	fx.sum.inputs_failed = 1;
	page = run_findings(&fx, &f, 0);
	assert_contains(page, "users; 1 row rejected; 1 of 2 inputs failed.");
	free(page);
	fx.sum.ninputs = 1;
	in[0] = in[1];
	page = run_findings(&fx, &f, 0);
	assert_contains(page, "; 1 of 1 input failed.</p>");
	free(page);
	/* Nothing to say: the summary line stays as it was. */
	fixture_init(&fx);
	page = run_findings(&fx, &f, 0);
	assert_contains(page, "<p>0 findings in 4 users.</p>");
	assert_lacks(page, "colspan");
	free(page);
}

static void
test_html_histogram_edges(void **state)
{
	static const int64_t	 days[] = { 0, 29, 30, 59, 60, 89, 90, 179,
	    180, 364, 365, 729, 730, 9000, 90, -1 };
	struct fixture		 fx;
	struct finding		 f[sizeof(days) / sizeof(days[0])];
	char			*page;
	size_t			 i;

	(void)state;
	fixture_init(&fx);
	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++)
		finding_init(&f[i], &fx.rec[0], RULE_DORMANT_USER, "user", "m",
		    days[i]);
	page = run_findings(&fx, f, i);
	assert_int_equal(hist_count(page, "0-29"), 2);
	assert_int_equal(hist_count(page, "30-59"), 2);
	assert_int_equal(hist_count(page, "60-89"), 2);
	assert_int_equal(hist_count(page, "90-179"), 3);
	assert_int_equal(hist_count(page, "180-364"), 2);
	assert_int_equal(hist_count(page, "1-2 y"), 2);
	assert_int_equal(hist_count(page, "2 y +"), 2);
	assert_int_equal(hist_count(page, "unknown"), 1);
	/* The tallest bar is HIST_HEIGHT (150) high, the others scaled. */
	assert_contains(page, "height=\"150\"/>");
	assert_contains(page, "height=\"100\"/>");
	assert_contains(page, "height=\"50\"/>");
	free(page);
}

static void
test_html_suppressed_counted_not_listed(void **state)
{
	struct fixture	 fx;
	struct finding	 f[2];
	char		*page;

	(void)state;
	fixture_init(&fx);
	finding_init(&f[0], &fx.rec[0], RULE_DORMANT_USER, "user",
	    "shown finding", 400);
	finding_init(&f[1], &fx.rec[1], RULE_DORMANT_USER, "user",
	    "hidden finding", 400);
	f[1].suppressed = true;
	f[1].suppress_reason = "break-glass";
	page = run_findings(&fx, f, 2);
	assert_contains(page, "shown finding");
	assert_lacks(page, "hidden finding");
	assert_lacks(page, "break-glass");
	assert_contains(page, "<p>1 finding in 4 users; 1 suppressed, counted "
	    "here and not listed.</p>");
	free(page);
}

static void
test_html_baseline_sections(void **state)
{
	static const struct resolved_finding	 resolved[2] = {
		{ ACCOUNT ":erin:unused-password:password", "unused-password",
		    "medium", ACCOUNT, "erin", "password", "gone <now>", NULL },
		{ ACCOUNT ":x:y:z", NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	};
	struct fixture	 fx;
	struct finding	 f[2];
	char		*page;
	size_t		 newsec, ressec, allsec;

	(void)state;
	fixture_init(&fx);
	fx.info.baseline = true;
	fx.info.baseline_has_as_of = true;
	fx.info.baseline_as_of = T_BASELINE;
	fx.sum.resolved = resolved;
	fx.sum.nresolved = 2;
	finding_init(&f[0], &fx.rec[0], RULE_DORMANT_USER, "user",
	    "old one", 400);
	f[0].status = FINDING_STATUS_EXISTING;
	finding_init(&f[1], &fx.rec[1], RULE_UNUSED_PASSWORD, "password",
	    "fresh one", 100);
	f[1].status = FINDING_STATUS_NEW;
	page = run_findings(&fx, f, 2);
	assert_contains(page, "compared with the baseline of <time datetime="
	    "\"2026-10-01T00:00:00Z\">");
	assert_contains(page, "<p>1 new, 2 resolved since the baseline.</p>");
	newsec = offset_of(page, "<h2>New findings (1)</h2>");
	ressec = offset_of(page, "<h2>Resolved findings (2)</h2>");
	allsec = offset_of(page, "<h2>Findings (2)</h2>");
	assert_true(newsec < ressec && ressec < allsec);
	/* The new finding is in the new section, and marked below. */
	assert_true(offset_of(page, "fresh one") > newsec &&
	    offset_of(page, "fresh one") < ressec);
	assert_true(strstr(page + allsec, "<td class=\"new\">new</td>") !=
	    NULL);
	assert_true(strstr(page + allsec, "<td>existing</td>") != NULL);
	assert_contains(page, "<td><bdi>erin</bdi></td>");
	assert_contains(page, "<td><bdi>gone &lt;now&gt;</bdi></td>");
	/* A resolved finding the baseline knew only by id shows the id. */
	assert_contains(page, "<td><bdi>" ACCOUNT ":x:y:z</bdi></td>");
	free(page);
}

static void
test_html_inventory(void **state)
{
	struct fixture		 fx;
	struct inventory_row	 rows[2];
	struct output		*out;
	char			*page = NULL;
	size_t			 len = 0;
	FILE			*fp;

	(void)state;
	fixture_init(&fx);
	fx.info.inventory = true;
	/* alice: password used 21 days ago, key 1 active used 119 days ago. */
	fx.rec[0].password = PASSWORD_ENABLED;
	fx.rec[0].password_last_used.kind = TIME_SET;
	fx.rec[0].password_last_used.t = AS_OF - 21 * 86400;
	fx.rec[0].key[0].state = SLOT_ACTIVE;
	fx.rec[0].key[0].last_used.kind = TIME_SET;
	fx.rec[0].key[0].last_used.t = AS_OF - 119 * 86400;
	fx.rec[0].mfa_active = true;
	rows[0].rec = &fx.rec[0];
	rows[0].as_of = AS_OF;
	rows[0].findings = 1;
	rows[0].has_worst = true;
	rows[0].worst = SEV_MEDIUM;
	rows[1].rec = &fx.rec[1];
	rows[1].as_of = AS_OF;
	rows[1].findings = 0;
	rows[1].has_worst = false;
	rows[1].worst = SEV_LOW;
	fx.sum.counts.findings = 1;
	fx.sum.counts.by_severity[SEV_MEDIUM] = 1;
	fx.sum.counts.by_rule[RULE_UNUSED_ACCESS_KEY] = 1;
	assert_non_null(fp = open_memstream(&page, &len));
	assert_non_null(out = html_ops()->open(fp, &fx.info));
	assert_int_equal(html_ops()->user(out, &rows[0]), 0);
	assert_int_equal(html_ops()->user(out, &rows[1]), 0);
	assert_int_equal(html_ops()->end(out, &fx.sum), 0);
	html_ops()->free(out);
	assert_int_equal(fclose(fp), 0);
	assert_contains(page, "<h2>Users (2)</h2>");
	assert_contains(page, "<tr><td class=\"mono\"><bdi>" ACCOUNT "</bdi>"
	    "</td><td><bdi>alice</bdi></td><td>enabled, 21 days</td>"
	    "<td>yes</td><td>active, 119 days</td><td>none</td>"
	    "<td class=\"num\">1</td><td class=\"sev sev-medium\">medium</td>"
	    "</tr>");
	assert_contains(page, "<td><bdi>bob</bdi></td><td>disabled</td>"
	    "<td>no</td><td>none</td><td>none</td><td class=\"num\">0</td>"
	    "<td><span class=\"muted\">-</span></td></tr>");
	assert_lacks(page, "id=\"findings\"");
	/* Ages of alice's password and key; bob has no credential. */
	assert_int_equal(hist_count(page, "0-29"), 1);
	assert_int_equal(hist_count(page, "90-179"), 1);
	assert_int_equal(hist_count(page, "unknown"), 0);
	free(page);
}

static void
test_html_write_failure(void **state)
{
	struct fixture	 fx;
	struct finding	 f;
	struct output	*out;
	FILE		*fp;

	(void)state;
	fixture_init(&fx);
	if ((fp = fopen("/dev/full", "w")) == NULL)
		skip();
	assert_int_equal(setvbuf(fp, NULL, _IONBF, 0), 0);
	assert_non_null(out = html_ops()->open(fp, &fx.info));
	finding_init(&f, &fx.rec[0], RULE_DORMANT_USER, "user", "m", 400);
	assert_int_equal(html_ops()->finding(out, &f), 0);
	assert_int_equal(html_ops()->end(out, &fx.sum), -1);
	html_ops()->free(out);
	fclose(fp);
	html_ops()->free(NULL);
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_html_escapes_hostile_values),
		cmocka_unit_test(test_html_self_contained),
		cmocka_unit_test(test_html_groups_by_account_most_severe_first),
		cmocka_unit_test(test_html_inputs_and_ages),
		cmocka_unit_test(test_html_inputs_failed_and_no_root),
		cmocka_unit_test(test_html_histogram_edges),
		cmocka_unit_test(test_html_suppressed_counted_not_listed),
		cmocka_unit_test(test_html_baseline_sections),
		cmocka_unit_test(test_html_inventory),
		cmocka_unit_test(test_html_write_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
