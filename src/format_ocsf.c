/*
 * The ocsf format: OCSF Compliance Finding events, one per line (NDJSON),
 * for OCSF-based data lakes and SIEMs.
 *
 * Each finding is one event of class Compliance Finding (class_uid 2003,
 * category Findings, 2), activity Create (1), so type_uid 200301, stamped
 * with schema version OCSF_VERSION and the cloud profile.  time is the
 * as-of time in milliseconds; severity_id follows the finding's severity
 * (low 2, medium 3, high 4, critical 5); status_id is New (1), or
 * Suppressed (3) for a suppressed finding, which is kept as the json
 * format keeps it.  finding_info carries the finding id, the rule's
 * title, the message and the types; compliance the standards of the
 * rule's controls, the rule as the control, the controls as the
 * requirements and status Fail (3); resources the user (or, for root,
 * the account) by ARN; cloud the provider and the account;
 * remediation the rule's remediation text.  What only credaudit knows
 * (rule, credential, days, threshold, last use, suppression, baseline
 * status, where the row came from) is under unmapped.credaudit.
 *
 * With a baseline, each resolved finding follows as an event of activity
 * Close (type_uid 200303) with status Resolved (4) and compliance status
 * Pass (1).
 *
 * Events stream: each is written through jsonw as it comes, keys and
 * punctuation as literal text, strings escaped where they need it.
 * tests/ocsf_check.c holds every event to the schema's definitions.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "jsonw.h"
#include "output.h"
#include "report.h"
#include "rules.h"
#include "standards.h"
#include "timeparse.h"

#define OCSF_VERSION	"1.3.0"
#define OCSF_ROOT_USER	"<root_account>"

struct output {
	struct jsonw	*w;
	struct run_info	 info;
	int64_t		 time_ms;	/* as_of */
	bool		 failed;	/* a write, or out of memory */
};

/* What one event is made of, for a finding or a resolved one. */
struct ocsf_event {
	const char	*id;
	const char	*account;
	const char	*user;		/* NULL: not known */
	const char	*arn;		/* NULL: not known */
	int		 rule;		/* rules_table index, -1: unknown */
	const char	*rule_name;	/* NULL: unknown */
	const char	*credential;	/* NULL: unknown */
	const char	*severity;	/* NULL: unknown */
	const char	*message;
	bool		 resolved;
	const struct finding *f;	/* NULL for a resolved finding */
};

static void
out_ocsf_raw(struct output *out, const char *s)
{
	if (jsonw_raw(out->w, s, strlen(s)) == -1)
		out->failed = true;
}

static void
out_ocsf_str(struct output *out, const char *s)
{
	if (jsonw_string(out->w, s) == -1)
		out->failed = true;
}

static void
out_ocsf_int(struct output *out, int64_t n)
{
	if (jsonw_int(out->w, n) == -1)
		out->failed = true;
}

/* ,"key": then the value the caller writes. */
static void
out_ocsf_key(struct output *out, const char *key)
{
	out_ocsf_raw(out, ",\"");
	out_ocsf_raw(out, key);
	out_ocsf_raw(out, "\":");
}

/* OCSF's severity_id and its caption for a credaudit severity name. */
static int
out_ocsf_severity(const char *name, const char **caption)
{
	static const struct {
		int		 id;
		const char	*caption;
	} map[SEV_COUNT] = {
		[SEV_LOW] = { 2, "Low" },
		[SEV_MEDIUM] = { 3, "Medium" },
		[SEV_HIGH] = { 4, "High" },
		[SEV_CRITICAL] = { 5, "Critical" },
	};
	enum severity	 sev;

	if (name == NULL || severity_parse(name, &sev) == -1) {
		*caption = "Unknown";
		return 0;
	}
	*caption = map[sev].caption;
	return map[sev].id;
}

static void
out_ocsf_class(struct output *out, const struct ocsf_event *ev)
{
	const char	*sev;
	int		 sev_id = out_ocsf_severity(ev->severity, &sev);

	if (ev->resolved)
		out_ocsf_raw(out, "{\"activity_id\":3,\"activity_name\":\"Close\"");
	else
		out_ocsf_raw(out, "{\"activity_id\":1,\"activity_name\":"
		    "\"Create\"");
	out_ocsf_raw(out, ",\"category_uid\":2,\"category_name\":\"Findings\","
	    "\"class_uid\":2003,\"class_name\":\"Compliance Finding\"");
	out_ocsf_raw(out, ev->resolved ? ",\"type_uid\":200303,\"type_name\":"
	    "\"Compliance Finding: Close\"" : ",\"type_uid\":200301,"
	    "\"type_name\":\"Compliance Finding: Create\"");
	out_ocsf_key(out, "time");
	out_ocsf_int(out, out->time_ms);
	out_ocsf_key(out, "severity_id");
	out_ocsf_int(out, sev_id);
	out_ocsf_key(out, "severity");
	out_ocsf_str(out, sev);
	if (ev->resolved)
		out_ocsf_raw(out, ",\"status_id\":4,\"status\":\"Resolved\"");
	else if (ev->f->suppressed)
		out_ocsf_raw(out, ",\"status_id\":3,\"status\":\"Suppressed\"");
	else
		out_ocsf_raw(out, ",\"status_id\":1,\"status\":\"New\"");
	out_ocsf_key(out, "message");
	out_ocsf_str(out, ev->message);
}

static void
out_ocsf_metadata(struct output *out)
{
	out_ocsf_raw(out, ",\"metadata\":{\"version\":\"" OCSF_VERSION "\","
	    "\"product\":{\"name\":\"credaudit\",\"vendor_name\":\"credaudit\","
	    "\"version\":");
	out_ocsf_str(out, out->info.version);
	out_ocsf_raw(out, "},\"profiles\":[\"cloud\"]}");
}

/* A JSON array of the strings; n of them. */
static void
out_ocsf_strings(struct output *out, const char *const *s, size_t n)
{
	size_t	 i;

	out_ocsf_raw(out, "[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			out_ocsf_raw(out, ",");
		out_ocsf_str(out, s[i]);
	}
	out_ocsf_raw(out, "]");
}

static void
out_ocsf_finding_info(struct output *out, const struct ocsf_event *ev)
{
	const struct standard	*std[STANDARDS_MAX];
	const char		*types[STANDARDS_MAX];
	size_t			 i, n = 0, ntypes;

	out_ocsf_raw(out, ",\"finding_info\":{\"uid\":");
	out_ocsf_str(out, ev->id);
	out_ocsf_key(out, "title");
	out_ocsf_str(out, ev->rule >= 0 ? rules_table[ev->rule].title :
	    "credaudit finding");
	out_ocsf_key(out, "desc");
	out_ocsf_str(out, ev->message);
	if (ev->rule >= 0) {
		n = standards_of_rule(&rules_table[ev->rule], std);
		for (i = 0, ntypes = 0; i < n; i++)
			if (std[i]->asff_type != NULL)
				types[ntypes++] = std[i]->asff_type;
		out_ocsf_key(out, "types");
		out_ocsf_strings(out, types, ntypes);
	}
	out_ocsf_raw(out, "}");
}

static void
out_ocsf_compliance(struct output *out, const struct ocsf_event *ev)
{
	static const char	*fallback = "AWS IAM security best practices";
	const struct standard	*std[STANDARDS_MAX];
	const char		*names[STANDARDS_MAX];
	const char *const	*c;
	size_t			 i, n = 0;

	if (ev->rule >= 0) {
		n = standards_of_rule(&rules_table[ev->rule], std);
		for (i = 0; i < n; i++)
			names[i] = std[i]->name;
	}
	out_ocsf_raw(out, ",\"compliance\":{\"standards\":");
	out_ocsf_strings(out, n > 0 ? names : &fallback, n > 0 ? n : 1);
	if (ev->rule_name != NULL) {
		out_ocsf_key(out, "control");
		out_ocsf_str(out, ev->rule_name);
	}
	c = ev->rule >= 0 ? rules_table[ev->rule].controls : NULL;
	if (c != NULL && *c != NULL) {
		for (n = 0; c[n] != NULL; n++)
			continue;
		out_ocsf_key(out, "requirements");
		out_ocsf_strings(out, c, n);
	}
	out_ocsf_raw(out, ev->resolved ? ",\"status_id\":1,\"status\":\"Pass\"}" :
	    ",\"status_id\":3,\"status\":\"Fail\"}");
}

/* The subject: the user by ARN, or root's account. */
static void
out_ocsf_resources(struct output *out, const struct ocsf_event *ev)
{
	bool	 root = ev->user == NULL || strcmp(ev->user, OCSF_ROOT_USER) == 0;
	size_t	 len;
	char	*arn = NULL;

	out_ocsf_raw(out, ",\"resources\":[{\"uid\":");
	if (ev->arn != NULL)
		out_ocsf_str(out, ev->arn);
	else {
		/* An old baseline without ARNs: the ARN the names make. */
		len = strlen(ev->account) + (root ? 0 : strlen(ev->user)) + 32;
		if ((arn = malloc(len)) == NULL) {
			out->failed = true;
			return;
		}
		if (root)
			snprintf(arn, len, "arn:aws:iam::%s:root", ev->account);
		else
			snprintf(arn, len, "arn:aws:iam::%s:user/%s",
			    ev->account, ev->user);
		out_ocsf_str(out, arn);
		free(arn);
	}
	out_ocsf_key(out, "name");
	out_ocsf_str(out, root ? ev->account : ev->user);
	out_ocsf_raw(out, root ? ",\"type\":\"AWS::::Account\"}]" :
	    ",\"type\":\"AWS::IAM::User\"}]");
}

static void
out_ocsf_cloud(struct output *out, const struct ocsf_event *ev)
{
	out_ocsf_raw(out, ",\"cloud\":{\"provider\":\"AWS\"");
	if (out->info.opts.region != NULL) {
		out_ocsf_key(out, "region");
		out_ocsf_str(out, out->info.opts.region);
	}
	out_ocsf_raw(out, ",\"account\":{\"uid\":");
	out_ocsf_str(out, ev->account);
	out_ocsf_raw(out, ",\"type_id\":10,\"type\":\"AWS Account\"}}");
}

static void
out_ocsf_unmapped(struct output *out, const struct ocsf_event *ev)
{
	const struct finding	*f = ev->f;

	out_ocsf_raw(out, ",\"unmapped\":{\"credaudit\":{\"rule\":");
	out_ocsf_str(out, ev->rule_name);
	out_ocsf_key(out, "credential");
	out_ocsf_str(out, ev->credential);
	if (f == NULL) {
		out_ocsf_raw(out, ",\"status\":\"resolved\"}}");
		return;
	}
	out_ocsf_key(out, "days");
	if (jsonw_int_or_null(out->w, f->has_days, f->days) == -1)
		out->failed = true;
	out_ocsf_key(out, "threshold");
	if (jsonw_int_or_null(out->w, f->threshold != RULE_NO_DAYS,
	    f->threshold) == -1)
		out->failed = true;
	out_ocsf_key(out, "last_used");
	if (jsonw_time_or_null(out->w, f->has_last_used, f->last_used) == -1)
		out->failed = true;
	out_ocsf_key(out, "suppressed");
	out_ocsf_raw(out, f->suppressed ? "true" : "false");
	if (f->suppressed) {
		out_ocsf_key(out, "suppression_reason");
		out_ocsf_str(out, f->suppress_reason);
	}
	if (f->status != FINDING_STATUS_NONE)
		out_ocsf_raw(out, f->status == FINDING_STATUS_NEW ?
		    ",\"status\":\"new\"" : ",\"status\":\"existing\"");
	out_ocsf_raw(out, ",\"source\":{\"path\":");
	out_ocsf_str(out, f->rec->path);
	out_ocsf_key(out, "line");
	out_ocsf_int(out, f->rec->line);
	out_ocsf_raw(out, "}}}");
}

static void
out_ocsf_event(struct output *out, const struct ocsf_event *ev)
{
	out_ocsf_class(out, ev);
	out_ocsf_metadata(out);
	out_ocsf_finding_info(out, ev);
	out_ocsf_compliance(out, ev);
	out_ocsf_resources(out, ev);
	out_ocsf_cloud(out, ev);
	if (ev->rule >= 0) {
		out_ocsf_raw(out, ",\"remediation\":{\"desc\":");
		out_ocsf_str(out, rules_table[ev->rule].remediation);
		out_ocsf_raw(out, "}");
	}
	out_ocsf_unmapped(out, ev);
	out_ocsf_raw(out, "}\n");
}

static int
out_ocsf_finding(struct output *out, const struct finding *f)
{
	struct ocsf_event	 ev;

	if ((unsigned)f->rule >= RULE_COUNT)
		return -1;
	memset(&ev, 0, sizeof(ev));
	ev.id = f->id;
	ev.account = f->rec->account;
	ev.user = f->rec->user;
	ev.arn = f->rec->arn;
	ev.rule = (int)f->rule;
	ev.rule_name = rules_table[f->rule].id;
	ev.credential = f->credential;
	ev.severity = severity_name(f->severity);
	ev.message = f->message;
	ev.f = f;
	out_ocsf_event(out, &ev);
	return out->failed ? -1 : 0;
}

static int
out_ocsf_resolved(struct output *out, const struct resolved_finding *r)
{
	struct ocsf_event	 ev;
	char			*account = NULL;

	memset(&ev, 0, sizeof(ev));
	ev.id = r->id;
	ev.user = r->user;
	ev.arn = r->arn;
	ev.rule_name = r->rule;
	ev.rule = r->rule != NULL ? rules_lookup(r->rule) : -1;
	ev.credential = r->credential;
	ev.severity = r->severity;
	ev.message = r->message != NULL ? r->message : "No longer found.";
	ev.resolved = true;
	/* A baseline without the account: the id begins with it. */
	if ((ev.account = r->account) == NULL &&
	    (ev.account = account = strndup(r->id, strcspn(r->id, ":"))) ==
	    NULL)
		return -1;
	out_ocsf_event(out, &ev);
	free(account);
	return out->failed ? -1 : 0;
}

static int
out_ocsf_end(struct output *out, const struct run_summary *sum)
{
	size_t	 i;

	if (out->info.baseline)
		for (i = 0; i < sum->nresolved; i++)
			if (out_ocsf_resolved(out, &sum->resolved[i]) == -1)
				return -1;
	if (jsonw_flush(out->w) == -1)
		out->failed = true;
	return out->failed ? -1 : 0;
}

static void
out_ocsf_free(struct output *out)
{
	if (out == NULL)
		return;
	jsonw_free(out->w);
	free(out);
}

static struct output *
out_ocsf_open(FILE *fp, const struct run_info *info)
{
	struct output	*out;

	if ((out = calloc(1, sizeof(*out))) == NULL)
		return NULL;
	out->info = *info;
	out->time_ms = info->policy->as_of * 1000;
	if ((out->w = jsonw_open(fp)) == NULL) {
		free(out);
		return NULL;
	}
	return out;
}

const struct output_ops format_ocsf_ops = {
	"ocsf", out_ocsf_open, out_ocsf_finding, NULL, out_ocsf_end,
	out_ocsf_free, OUTPUT_REGION_OPTIONAL, true
};
