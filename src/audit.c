/*
 * One run of the audit: the policy from the options, the baseline, the
 * output, then each input through loader -> rule engine -> format, and
 * the exit status.  See audit.h.
 *
 * The engine decides and counts; the audit only marks findings against
 * the baseline, passes them on, and judges inputs as a whole (the age of
 * the report, timestamps in the future, an account audited twice, mixed
 * accounts, expired suppressions).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "baseline.h"
#include "cli.h"
#include "config.h"
#include "diag.h"
#include "outfile.h"
#include "output.h"
#include "report.h"
#include "rules.h"
#include "term.h"
#include "timeparse.h"

/* Everything one run holds; audit_free releases it. */
struct audit {
	const struct options	*opt;
	struct policy		 policy;
	struct baseline		*baseline;
	const struct output_ops	*ops;
	struct output		*out;
	struct outfile		 of;
	struct diag		*diag;
	struct run_summary	 sum;
	struct input_info	*inputs;
	char			*source;	/* input names, for the script header */
	const char		*region;	/* --region or the environment's */
	size_t			 cur;		/* the input being read */
	unsigned long		*sup_hits;	/* findings each suppression hid */
	unsigned long		 future;	/* in the current input */
};

/* A report this old misses at least a day of use: say so. */
#define REPORT_AGE_WARN	(24 * 3600)

static void
audit_error(struct audit *a, const char *msg)
{
	diag_report(a->diag, DIAG_ERROR, NULL, 0, "%s", msg);
}

static int
audit_finding(void *ctx, struct finding *f)
{
	struct audit	*a = ctx;

	if (f->suppressed)
		a->sup_hits[f->suppression]++;
	if (a->baseline != NULL)
		f->status = baseline_mark(a->baseline, f->id);
	if (a->opt->inventory)
		return 0;
	if (output_finding(a->ops, a->out, f) == -1) {
		outfile_failed(&a->of);
		return 1;
	}
	return 0;
}

static int
audit_record(void *ctx, const struct user_record *rec)
{
	struct audit		*a = ctx;
	struct eval_result	 res;
	struct inventory_row	 row;
	int			 rc;

	a->sum.users++;
	rc = rules_eval(&a->policy, rec, audit_finding, a, &res);
	finding_counts_add(&a->sum.counts, &res.counts);
	if (rc != 0)
		return rc;
	a->future += res.future_timestamps;
	if (!a->opt->inventory)
		return 0;
	row.rec = rec;
	row.as_of = a->policy.as_of;
	row.credentials = rules_has_credentials(rec);
	row.findings = (unsigned)res.counts.findings;
	row.has_worst = res.counts.has_worst;
	row.worst = res.counts.worst;
	if (output_user(a->ops, a->out, &row) == -1) {
		outfile_failed(&a->of);
		return 1;
	}
	return 0;
}

/*
 * The input's header is read: its GeneratedTime, if it has one, is
 * known.  AWS hands out a cached report for up to 4 hours and never
 * regenerates one by itself, so an old report shows keys as unused that
 * have been used since it was made.  With --as-of generated the input's
 * ages are measured from its own GeneratedTime.
 */
static int
audit_input_begin(void *ctx, const struct report_stats *st)
{
	struct audit		*a = ctx;
	struct input_info	*in = &a->inputs[a->cur];
	char			 gen[TIMESTAMP_BUFSZ], when[TIMESTAMP_BUFSZ];
	int64_t			 age;

	in->begun = true;
	if (a->opt->as_of_generated) {
		if (!st->has_generated_time) {
			diag_report(a->diag, DIAG_ERROR, in->path, 0,
			    "--as-of generated: the input has no "
			    "GeneratedTime (only the aws-cli JSON carries "
			    "one); not audited");
			/* Not audited is not read: the summaries say so. */
			report_stats_fail(&in->stats, 0, "--as-of generated: "
			    "the input has no GeneratedTime; not audited");
			return 1;
		}
		a->policy.as_of = st->generated_time;
	}
	in->as_of = a->policy.as_of;
	if (!st->has_generated_time)
		return 0;
	age = a->policy.as_of - st->generated_time;
	if (age < 0)
		age = 0;
	in->has_report_age = true;
	in->report_age_hours = age / 3600;
	timeparse_format(st->generated_time, gen);
	timeparse_format(a->policy.as_of, when);
	if (a->opt->has_max_report_age &&
	    age > (int64_t)a->opt->max_report_age * 3600) {
		diag_report(a->diag, DIAG_ERROR, in->path, 0, "report generated "
		    "%s, %lld hours before the as-of time %s, is older than "
		    "--max-report-age %ld; not audited", gen,
		    (long long)in->report_age_hours, when,
		    a->opt->max_report_age);
		report_stats_fail(&in->stats, 0, "report generated %s, older "
		    "than --max-report-age %ld; not audited", gen,
		    a->opt->max_report_age);
		return 1;
	}
	if (age >= REPORT_AGE_WARN)
		diag_report(a->diag, DIAG_WARNING, in->path, 0, "report "
		    "generated %s, %lld hours before the as-of time %s; any "
		    "use since then is missing from it", gen,
		    (long long)in->report_age_hours, when);
	return 0;
}

static void
audit_warn_future(struct audit *a, const char *path)
{
	char	 when[TIMESTAMP_BUFSZ];

	if (a->future == 0)
		return;
	timeparse_format(a->policy.as_of, when);
	diag_report(a->diag, DIAG_WARNING, path, 0, "%lu timestamp%s after "
	    "the as-of time %s; counted as 0 days old", a->future,
	    a->future == 1 ? " lies" : "s lie", when);
}

/*
 * Two inputs of one account are usually the same report twice (or two
 * weeks' reports): their findings share ids, which suppressions and
 * baselines cannot tell apart.
 */
static void
audit_warn_repeated_account(struct audit *a, size_t i)
{
	const struct input_info	*in = &a->inputs[i];
	size_t			 j;

	if (in->stats.account[0] == '\0')
		return;
	for (j = 0; j < i; j++)
		if (strcmp(a->inputs[j].stats.account, in->stats.account) == 0) {
			diag_report(a->diag, DIAG_WARNING, in->path, 0,
			    "account %s was already audited from %s; finding "
			    "ids repeat", in->stats.account, a->inputs[j].path);
			return;
		}
}

/*
 * A report read to its end without a <root_account> row: the root rules
 * had nothing to look at, which is not the same as root being fine.
 * Said only when this run evaluates a root rule at all.
 */
static void
audit_warn_no_root(struct audit *a, const struct input_info *in)
{
	const struct policy	*pol = &a->policy;
	char			 rules[160] = "";
	size_t			 len = 0;
	int			 i;

	if (in->stats.failed || in->stats.has_root)
		return;
	for (i = 0; i < RULE_COUNT; i++) {
		if (!rules_table[i].root || !pol->enabled[i] ||
		    pol->severity[i] < pol->min_severity)
			continue;
		if (len < sizeof(rules))
			len += (size_t)snprintf(rules + len,
			    sizeof(rules) - len, "%s%s", len > 0 ? ", " : "",
			    rules_table[i].id);
	}
	if (len == 0)
		return;
	if (in->stats.account[0] != '\0')
		diag_report(a->diag, DIAG_WARNING, in->path, 0, "no "
		    "<root_account> row: the root rules (%s) could not be "
		    "evaluated for account %s", rules, in->stats.account);
	else
		diag_report(a->diag, DIAG_WARNING, in->path, 0, "no "
		    "<root_account> row: the root rules (%s) could not be "
		    "evaluated", rules);
}

/* Audit one input; its stats land in a->inputs[i]. */
static void
audit_input(struct audit *a, size_t i, const char *name)
{
	struct input_info	*in = &a->inputs[i];
	struct report_sink	 sink = { audit_record, a, a->diag,
				    audit_input_begin };
	bool			 is_stdin = strcmp(name, "-") == 0;
	FILE			*fp;

	in->path = is_stdin ? "<stdin>" : name;
	a->cur = i;
	a->future = 0;
	if ((fp = is_stdin ? stdin : fopen(name, "rb")) == NULL) {
		diag_report(a->diag, DIAG_ERROR, in->path, 0, "cannot open: %s",
		    strerror(errno));
		report_stats_fail(&in->stats, 0, "cannot open: %s",
		    strerror(errno));
		return;
	}
	report_load(in->path, fp, &sink, &in->stats);
	if (!is_stdin)
		fclose(fp);
	audit_warn_future(a, in->path);
	audit_warn_no_root(a, in);
	audit_warn_repeated_account(a, i);
	if (in->stats.mixed_accounts)
		diag_report(a->diag, DIAG_WARNING, in->path, 0, "rows from "
		    "more than one account; a credential report covers one "
		    "(first %s)", in->stats.account);
}

/* Apply config file, benchmark, --days and --threshold, in that order. */
static int
audit_policy(struct audit *a)
{
	const struct options	*opt = a->opt;
	size_t			 i;

	policy_init(&a->policy);
	a->policy.as_of = opt->has_as_of ? opt->as_of : (int64_t)time(NULL);
	/* --min-severity: as if no rule below it had raised anything. */
	a->policy.min_severity = opt->min_severity;
	if (opt->config != NULL &&
	    config_load(opt->config, &a->policy, a->diag) == -1)
		return -1;
	if (opt->benchmark != NULL && policy_apply_benchmark(&a->policy,
	    opt->benchmark, a->diag) == -1)
		return -1;
	if (opt->has_days && policy_set_unused_days(&a->policy, opt->days,
	    a->diag) == -1)
		return -1;
	for (i = 0; i < opt->nthresholds; i++) {
		char	 rule[128];
		size_t	 len = strcspn(opt->thresholds[i].rule, "=");

		snprintf(rule, sizeof(rule), "%.*s", (int)len,
		    opt->thresholds[i].rule);
		if (policy_set_threshold(&a->policy, rule,
		    opt->thresholds[i].days, a->diag) == -1)
			return -1;
	}
	return 0;
}

/* Suppressions that have expired say so, once each. */
static void
audit_warn_expired(struct audit *a)
{
	const struct suppression	*s;
	char				 day[11];
	size_t				 i;

	for (i = 0; i < a->policy.nsuppressions; i++) {
		s = &a->policy.suppressions[i];
		if (!s->has_expires || a->policy.as_of < s->expires)
			continue;
		timeparse_format_date(s->expires, day);
		diag_report(a->diag, DIAG_WARNING, a->opt->config, 0,
		    "suppression %zu (\"%s\") expired on %s and no longer "
		    "applies", i + 1, s->reason, day);
	}
}

/*
 * "account 123456789012, user ci-*": what a suppression selects, for
 * the warning that it matched nothing.
 */
static void
audit_describe_suppression(const struct suppression *s, char *buf,
    size_t len)
{
	size_t	 n = 0;

	if (s->id != NULL) {
		snprintf(buf, len, "id %s", s->id);
		return;
	}
	buf[0] = '\0';
	if (s->account != NULL)
		n += (size_t)snprintf(buf + n, len - n, "account %s",
		    s->account);
	if (s->user != NULL && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%suser %s",
		    n > 0 ? ", " : "", s->user);
	if (s->rule != -1 && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%srule %s",
		    n > 0 ? ", " : "", rules_table[s->rule].id);
	if (s->credential != NULL && n < len)
		snprintf(buf + n, len - n, "%scredential %s", n > 0 ? ", " :
		    "", s->credential);
}

/*
 * A suppression that hid nothing in the whole run is usually a typo (an
 * account id one digit off); say so, once each.  Expired ones have their
 * own warning, and one for a rule this run did not evaluate (turned off,
 * or below --min-severity) could not have matched.
 */
static void
audit_warn_unmatched(struct audit *a)
{
	const struct policy		*pol = &a->policy;
	const struct suppression	*s;
	char				 what[512];
	size_t				 i;

	for (i = 0; i < pol->nsuppressions; i++) {
		s = &pol->suppressions[i];
		if (a->sup_hits[i] > 0 ||
		    (s->has_expires && pol->as_of >= s->expires) ||
		    (s->rule != -1 && (!pol->enabled[s->rule] ||
		    pol->severity[s->rule] < pol->min_severity)))
			continue;
		audit_describe_suppression(s, what, sizeof(what));
		diag_report(a->diag, DIAG_WARNING, a->opt->config, 0,
		    "suppression %zu (%s) matched no finding", i + 1, what);
	}
}

static int
audit_join_sources(struct audit *a)
{
	size_t	 i, len = 1;

	for (i = 0; i < (size_t)a->opt->nfiles; i++)
		len += strlen(a->opt->files[i]) + 2;
	if ((a->source = calloc(1, len + sizeof("<stdin>"))) == NULL)
		return -1;
	if (a->opt->nfiles == 0)
		strcpy(a->source, "<stdin>");
	for (i = 0; i < (size_t)a->opt->nfiles; i++) {
		if (i > 0)
			strcat(a->source, ", ");
		strcat(a->source, a->opt->files[i]);
	}
	return 0;
}

static int
audit_begin(struct audit *a)
{
	struct run_info	 info;
	size_t		 n = a->opt->nfiles > 0 ? (size_t)a->opt->nfiles : 1;
	bool		 tty;

	if ((a->inputs = calloc(n, sizeof(*a->inputs))) == NULL ||
	    (a->sup_hits = calloc(a->policy.nsuppressions + 1,
	    sizeof(*a->sup_hits))) == NULL ||
	    audit_join_sources(a) == -1) {
		audit_error(a, strerror(errno));
		return -1;
	}
	memset(&info, 0, sizeof(info));
	if (a->opt->baseline != NULL) {
		a->baseline = baseline_load(a->opt->baseline, a->diag);
		if (a->baseline == NULL)
			return -1;
		info.baseline = true;
		info.baseline_has_as_of = baseline_as_of(a->baseline,
		    &info.baseline_as_of);
	}
	if (outfile_open(&a->of, a->opt->output, a->opt->files,
	    a->opt->nfiles, a->diag) == -1)
		return -1;
	info.version = CREDAUDIT_VERSION;
	info.policy = &a->policy;
	info.as_of_generated = a->opt->as_of_generated;
	info.inventory = a->opt->inventory;
	info.opts.source = a->source;
	info.opts.region = a->region;
	info.opts.plan = a->opt->plan;
	/* Only a terminal is fitted; a pipe or a file gets whole lines. */
	tty = a->opt->output == NULL && isatty(STDOUT_FILENO);
	info.opts.color = term_color_use(a->opt->color, tty);
	info.opts.width = tty ? term_width(STDOUT_FILENO) : 0;
	if ((a->out = a->ops->open(a->of.fp, &info)) == NULL) {
		audit_error(a, strerror(ENOMEM));
		return -1;
	}
	return 0;
}

static void
audit_end(struct audit *a)
{
	size_t	 i, n = a->opt->nfiles > 0 ? (size_t)a->opt->nfiles : 1;

	a->sum.inputs = a->inputs;
	a->sum.ninputs = n;
	for (i = 0; i < n; i++) {
		a->sum.rows_rejected += a->inputs[i].stats.rows_rejected;
		if (a->inputs[i].stats.failed)
			a->sum.inputs_failed++;
	}
	if (a->baseline != NULL && (a->sum.resolved =
	    baseline_resolved(a->baseline, &a->sum.nresolved)) == NULL) {
		audit_error(a, "out of memory");
		return;
	}
	if (!a->of.failed && output_end(a->ops, a->out, &a->sum) == -1)
		outfile_failed(&a->of);
}

static void
audit_free(struct audit *a)
{
	if (a->ops != NULL)
		output_free(a->ops, a->out);
	outfile_discard(&a->of);
	baseline_free(a->baseline);
	policy_free(&a->policy);
	free(a->inputs);
	free(a->sup_hits);
	free(a->source);
}

/*
 * The region, for formats that name one: --region, else AWS_REGION, else
 * AWS_DEFAULT_REGION, as the aws command line chooses it.  Other formats
 * ignore all three, so a stray variable cannot break them.
 */
static int
audit_region(struct audit *a)
{
	static const char *const	 vars[] = { "AWS_REGION",
	    "AWS_DEFAULT_REGION" };
	const char			*v;
	size_t				 i;

	if (a->ops->region == OUTPUT_REGION_NONE)
		return 0;
	a->region = a->opt->region;
	for (i = 0; a->region == NULL && i < 2; i++) {
		if ((v = getenv(vars[i])) == NULL || *v == '\0')
			continue;
		if (!cli_region_valid(v)) {
			diag_report(a->diag, DIAG_ERROR, NULL, 0, "%s: expected "
			    "a region name such as us-east-1, got \"%s\"",
			    vars[i], v);
			return -1;
		}
		a->region = v;
	}
	if (a->region == NULL && a->ops->region == OUTPUT_REGION_REQUIRED) {
		diag_report(a->diag, DIAG_ERROR, NULL, 0, "--format %s needs "
		    "a region: give --region or set AWS_REGION", a->ops->name);
		return -1;
	}
	return 0;
}

/*
 * The exit status follows the worst diagnostic (mandoc's setrc): any
 * error, from an unreadable input to a rejected row or a failed write,
 * makes it 2; otherwise findings at or above --fail-on make it 1.
 */
static int
audit_status(const struct audit *a)
{
	const struct finding_counts	*c = &a->sum.counts;
	int				 sev;

	if (a->diag->errors > 0)
		return AUDIT_EXIT_TROUBLE;
	if (a->opt->fail_never)
		return AUDIT_EXIT_CLEAN;
	/* --fail-on-new: only new findings count. */
	for (sev = (int)a->opt->fail_on; sev < SEV_COUNT; sev++)
		if ((a->opt->fail_on_new ? c->new_by_severity[sev] :
		    c->by_severity[sev]) > 0)
			return AUDIT_EXIT_FINDINGS;
	return AUDIT_EXIT_CLEAN;
}

static void
audit_main(struct audit *a)
{
	int	 i;

	/* cli_parse checked the name; this cannot fail. */
	if ((a->ops = output_lookup(a->opt->format)) == NULL ||
	    audit_region(a) == -1 || audit_policy(a) == -1)
		return;
	audit_warn_expired(a);
	if (audit_begin(a) == -1)
		return;
	if (a->opt->nfiles == 0)
		audit_input(a, 0, "-");
	for (i = 0; i < a->opt->nfiles && !a->of.failed; i++)
		audit_input(a, (size_t)i, a->opt->files[i]);
	if (!a->of.failed)
		audit_warn_unmatched(a);
	audit_end(a);
	/* Only a clean run replaces the -o file. */
	outfile_close(&a->of, a->diag->errors == 0, a->diag);
}

int
audit_run(const struct options *opt, struct diag *d)
{
	struct audit	 a;
	int		 status;

	memset(&a, 0, sizeof(a));
	a.opt = opt;
	a.diag = d;
	audit_main(&a);
	status = audit_status(&a);
	audit_free(&a);
	return status;
}
