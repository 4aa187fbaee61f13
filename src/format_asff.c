/*
 * The asff format: AWS Security Finding Format, one JSON array ready for
 * `aws securityhub batch-import-findings --findings file://...` (in
 * batches of 100 per account; the manual shows a jq recipe).
 *
 * One ASFF finding per unsuppressed finding, streamed as they come:
 *
 *	[
 *	{finding},
 *	{finding}
 *	]
 *
 * Id is the finding id (ACCOUNT:USER:RULE:CREDENTIAL), stable across
 * runs and distinct for a user's two keys, so a weekly import updates
 * the findings Security Hub already has.  The product is the account's
 * own custom integration, arn:PARTITION:securityhub:REGION:ACCOUNT:
 * product/ACCOUNT/default, with the partition of the region.  Resources
 * name the IAM user (AwsIamUser, its ARN), the access key where the
 * finding is about one (AwsIamAccessKey; the report has no key id, so
 * the resource id is the user's ARN and ":access_key_N", which no IAM
 * name can contain), or the account for root (AwsAccount).  Title,
 * remediation text and types come from the rule table and standards.c;
 * Title, Description and Recommendation.Text are cut to Security Hub's
 * limits at a character boundary.  Suppressed findings are left out.
 * With a baseline, the baseline's resolved findings follow, with
 * RecordState ARCHIVED and Compliance.Status PASSED, which closes them.
 *
 * Written through jsonw: keys and punctuation as literal text, every
 * string as a JSON string (escaped by cJSON where it needs it).
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
#include "textbuf.h"
#include "timeparse.h"

#define ASFF_TITLE_MAX		256
#define ASFF_DESC_MAX		1024
#define ASFF_TEXT_MAX		512
#define ASFF_SCHEMA		"2018-10-08"
#define ASFF_ROOT_USER		"<root_account>"

struct output {
	FILE		*fp;
	struct run_info	 info;
	char		 when[TIMESTAMP_BUFSZ];	/* as_of */
	unsigned long	 items;
	struct jsonw	*w;
	bool		 failed;	/* a write, or out of memory */
};

/* What one ASFF finding is made of, active or archived. */
struct asff_item {
	const char	*id;
	const char	*account;
	const char	*rule;		/* NULL: unknown (an old baseline) */
	int		 rule_index;	/* -1: unknown */
	const char	*severity;	/* "low".."critical"; NULL: unknown */
	const char	*title;		/* before cutting */
	const char	*desc;
	bool		 archived;
	const struct finding *f;	/* NULL for a resolved finding */
	const char	*arn;		/* NULL: not known */
	const char	*user;		/* NULL: not known */
};

/* --- writing --- */

/* Text the caller vouches for; a failure sticks in the writer. */
static void
out_asff_raw(struct output *out, const char *s)
{
	if (jsonw_raw(out->w, s, strlen(s)) == -1)
		out->failed = true;
}

/* s as a JSON string. */
static void
out_asff_str(struct output *out, const char *s)
{
	if (jsonw_string(out->w, s != NULL ? s : "") == -1)
		out->failed = true;
}

/* ,"key":"value" (or without the comma when first is set) */
static void
out_asff_member(struct output *out, bool first, const char *key,
    const char *value)
{
	out_asff_raw(out, first ? "\"" : ",\"");
	out_asff_raw(out, key);
	out_asff_raw(out, "\":");
	out_asff_str(out, value);
}

/*
 * s cut to at most max bytes (so at most max characters) at a UTF-8
 * boundary, with "..." where it was cut; into buf of max + 1 bytes.
 */
static const char *
out_asff_cut(const char *s, size_t max, char *buf)
{
	size_t	 len = strlen(s);

	if (len <= max)
		return s;
	len = max - 3;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	memcpy(buf, s, len);
	memcpy(buf + len, "...", 4);
	return buf;
}

/* --- the finding --- */

static const char *
out_asff_label(const char *severity)
{
	enum severity	 sev;

	if (severity == NULL || severity_parse(severity, &sev) == -1)
		return "INFORMATIONAL";
	switch (sev) {
	case SEV_CRITICAL:
		return "CRITICAL";
	case SEV_HIGH:
		return "HIGH";
	case SEV_MEDIUM:
		return "MEDIUM";
	case SEV_LOW:
	default:
		return "LOW";
	}
}

/* The partition an ARN names ("aws" when it names none). */
static void
out_asff_arn_partition(const char *arn, char *buf, size_t size)
{
	size_t	 len;

	if (arn == NULL || strncmp(arn, "arn:", 4) != 0 ||
	    (len = strcspn(arn + 4, ":")) == 0 || len >= size) {
		snprintf(buf, size, "aws");
		return;
	}
	memcpy(buf, arn + 4, len);
	buf[len] = '\0';
}

static void
out_asff_types(struct output *out, int rule)
{
	const struct standard	*std[STANDARDS_MAX];
	size_t			 i, n, written;

	out_asff_raw(out, ",\"Types\":[");
	if (rule < 0) {
		out_asff_str(out, "Software and Configuration Checks/AWS "
		    "Security Best Practices");
		out_asff_raw(out, "]");
		return;
	}
	n = standards_of_rule(&rules_table[rule], std);
	for (i = 0, written = 0; i < n; i++) {
		if (std[i]->asff_type == NULL)
			continue;
		if (written++ > 0)
			out_asff_raw(out, ",");
		out_asff_str(out, std[i]->asff_type);
	}
	out_asff_raw(out, "]");
}

/* "Type", "Id", "Partition", "Region" of one resource, and its opening. */
static void
out_asff_resource_head(struct output *out, const char *type, const char *id,
    const char *arn)
{
	char	 partition[32];

	out_asff_arn_partition(arn, partition, sizeof(partition));
	out_asff_member(out, true, "Type", type);
	out_asff_member(out, false, "Id", id);
	out_asff_member(out, false, "Partition", partition);
	out_asff_member(out, false, "Region", out->info.opts.region);
}

static void
out_asff_account_resource(struct output *out, const struct asff_item *it)
{
	char	 id[64];

	snprintf(id, sizeof(id), "AWS::::Account:%s", it->account);
	out_asff_raw(out, "{");
	out_asff_resource_head(out, "AwsAccount", id, it->arn);
	out_asff_raw(out, "}");
}

static void
out_asff_user_resource(struct output *out, const struct asff_item *it,
    const char *arn)
{
	const struct user_record	*rec = it->f != NULL ? it->f->rec : NULL;
	char				 when[TIMESTAMP_BUFSZ];

	out_asff_raw(out, "{");
	out_asff_resource_head(out, "AwsIamUser", arn, arn);
	if (it->user != NULL) {
		out_asff_raw(out, ",\"Details\":{\"AwsIamUser\":{");
		out_asff_member(out, true, "UserName", it->user);
		if (rec != NULL && rec->created.kind == TIME_SET) {
			timeparse_format(rec->created.t, when);
			out_asff_member(out, false, "CreateDate", when);
		}
		out_asff_raw(out, "}}");
	}
	out_asff_raw(out, "}");
}

/* The key a finding is about: status and creation from the report. */
static void
out_asff_key_resource(struct output *out, const struct asff_item *it,
    int slot)
{
	const struct user_record	*rec = it->f->rec;
	const struct key_slot		*k = &rec->key[slot];
	char				 when[TIMESTAMP_BUFSZ];
	char				*id;
	size_t				 len = strlen(rec->arn) + 16;

	if ((id = malloc(len)) == NULL) {
		out->failed = true;
		return;
	}
	snprintf(id, len, "%s:access_key_%d", rec->arn, slot + 1);
	out_asff_raw(out, "{");
	out_asff_resource_head(out, "AwsIamAccessKey", id, rec->arn);
	free(id);
	out_asff_raw(out, ",\"Details\":{\"AwsIamAccessKey\":{");
	out_asff_member(out, true, "AccountId", it->account);
	out_asff_member(out, false, "PrincipalName", rec->is_root ? "root" :
	    rec->user);
	out_asff_member(out, false, "PrincipalType", rec->is_root ? "Root" :
	    "IAMUser");
	out_asff_member(out, false, "Status", k->state == SLOT_ACTIVE ?
	    "Active" : "Inactive");
	if (k->last_rotated.kind == TIME_SET) {
		timeparse_format(k->last_rotated.t, when);
		out_asff_member(out, false, "CreatedAt", when);
	}
	out_asff_raw(out, "}}}");
}

/* access_key_1 -> 0, access_key_2 -> 1, anything else -1. */
static int
out_asff_key_slot(const char *credential)
{
	if (strcmp(credential, "access_key_1") == 0)
		return 0;
	if (strcmp(credential, "access_key_2") == 0)
		return 1;
	return -1;
}

/* A user's ARN when the baseline did not keep it. */
static char *
out_asff_guess_arn(const struct asff_item *it)
{
	size_t	 len = strlen(it->account) + strlen(it->user) + 32;
	char	*arn;

	if ((arn = malloc(len)) != NULL)
		snprintf(arn, len, "arn:aws:iam::%s:user/%s", it->account,
		    it->user);
	return arn;
}

static void
out_asff_resources(struct output *out, const struct asff_item *it)
{
	bool	 root = it->user == NULL || strcmp(it->user, ASFF_ROOT_USER) == 0;
	int	 slot = it->f != NULL ? out_asff_key_slot(it->f->credential) : -1;
	char	*guess = NULL;

	out_asff_raw(out, ",\"Resources\":[");
	if (slot >= 0) {
		out_asff_key_resource(out, it, slot);
		out_asff_raw(out, ",");
	}
	if (root) {
		out_asff_account_resource(out, it);
	} else if (it->arn != NULL) {
		out_asff_user_resource(out, it, it->arn);
	} else if ((guess = out_asff_guess_arn(it)) != NULL) {
		out_asff_user_resource(out, it, guess);
		free(guess);
	} else
		out->failed = true;
	out_asff_raw(out, "]");
}

static void
out_asff_product_fields(struct output *out, const struct finding *f)
{
	char	 num[TEXTBUF_INTSZ], when[TIMESTAMP_BUFSZ];

	out_asff_raw(out, ",\"ProductFields\":{");
	out_asff_member(out, true, "credaudit/rule", rules_table[f->rule].id);
	out_asff_member(out, false, "credaudit/credential", f->credential);
	if (f->has_days) {
		textbuf_format_int(f->days, num);
		out_asff_member(out, false, "credaudit/days", num);
	}
	if (f->threshold != RULE_NO_DAYS) {
		textbuf_format_int(f->threshold, num);
		out_asff_member(out, false, "credaudit/threshold", num);
	}
	if (f->has_last_used) {
		timeparse_format(f->last_used, when);
		out_asff_member(out, false, "credaudit/last_used", when);
	}
	if (f->status != FINDING_STATUS_NONE)
		out_asff_member(out, false, "credaudit/status", f->status ==
		    FINDING_STATUS_NEW ? "new" : "existing");
	out_asff_raw(out, "}");
}

static void
out_asff_compliance(struct output *out, const struct asff_item *it)
{
	const char *const	*c;

	out_asff_raw(out, ",\"Compliance\":{");
	out_asff_member(out, true, "Status", it->archived ? "PASSED" :
	    "FAILED");
	c = it->rule_index >= 0 ? rules_table[it->rule_index].controls : NULL;
	if (c != NULL && *c != NULL) {
		out_asff_raw(out, ",\"RelatedRequirements\":[");
		for (; *c != NULL; c++) {
			out_asff_str(out, *c);
			if (c[1] != NULL)
				out_asff_raw(out, ",");
		}
		out_asff_raw(out, "]");
	}
	out_asff_raw(out, "}");
}

static void
out_asff_item(struct output *out, const struct asff_item *it)
{
	char	 title[ASFF_TITLE_MAX + 1], desc[ASFF_DESC_MAX + 1];
	char	 text[ASFF_TEXT_MAX + 1], product[256], generator[160];
	char	 partition[16];

	snprintf(partition, sizeof(partition), "%s",
	    strncmp(out->info.opts.region, "cn-", 3) == 0 ? "aws-cn" :
	    strncmp(out->info.opts.region, "us-gov-", 7) == 0 ? "aws-us-gov" :
	    "aws");
	snprintf(product, sizeof(product), "arn:%s:securityhub:%s:%s:product/"
	    "%s/default", partition, out->info.opts.region, it->account,
	    it->account);
	snprintf(generator, sizeof(generator), "credaudit/%s",
	    it->rule != NULL ? it->rule : "unknown");
	out_asff_raw(out, out->items++ == 0 ? "[\n{" : ",\n{");
	out_asff_member(out, true, "SchemaVersion", ASFF_SCHEMA);
	out_asff_member(out, false, "Id", it->id);
	out_asff_member(out, false, "ProductArn", product);
	out_asff_member(out, false, "GeneratorId", generator);
	out_asff_member(out, false, "AwsAccountId", it->account);
	out_asff_types(out, it->rule_index);
	out_asff_member(out, false, "CreatedAt", out->when);
	out_asff_member(out, false, "UpdatedAt", out->when);
	out_asff_raw(out, ",\"Severity\":{");
	out_asff_member(out, true, "Label", out_asff_label(it->severity));
	if (it->severity != NULL)
		out_asff_member(out, false, "Original", it->severity);
	out_asff_raw(out, "}");
	out_asff_member(out, false, "Title", out_asff_cut(it->title,
	    ASFF_TITLE_MAX, title));
	out_asff_member(out, false, "Description", out_asff_cut(it->desc,
	    ASFF_DESC_MAX, desc));
	if (it->rule_index >= 0) {
		out_asff_raw(out, ",\"Remediation\":{\"Recommendation\":{");
		out_asff_member(out, true, "Text", out_asff_cut(
		    rules_table[it->rule_index].remediation,
		    ASFF_TEXT_MAX, text));
		out_asff_raw(out, "}}");
	}
	if (it->f != NULL)
		out_asff_product_fields(out, it->f);
	out_asff_resources(out, it);
	out_asff_compliance(out, it);
	out_asff_member(out, false, "RecordState", it->archived ? "ARCHIVED" :
	    "ACTIVE");
	out_asff_raw(out, "}");
}

/* "Access key unused (alice, access_key_1)" */
static char *
out_asff_title(const char *title, const char *user, const char *credential)
{
	size_t	 len;
	char	*s;

	if (user == NULL || credential == NULL)
		return strdup(title);
	len = strlen(title) + strlen(user) + strlen(credential) + 6;
	if ((s = malloc(len)) != NULL)
		snprintf(s, len, "%s (%s, %s)", title, user, credential);
	return s;
}

static int
out_asff_finding(struct output *out, const struct finding *f)
{
	struct asff_item	 it;
	char			*title;

	if (f->suppressed)
		return 0;
	if ((unsigned)f->rule >= RULE_COUNT)
		return -1;
	if ((title = out_asff_title(rules_table[f->rule].title, f->rec->user,
	    f->credential)) == NULL)
		return -1;
	memset(&it, 0, sizeof(it));
	it.id = f->id;
	it.account = f->rec->account;
	it.rule = rules_table[f->rule].id;
	it.rule_index = (int)f->rule;
	it.severity = severity_name(f->severity);
	it.title = title;
	it.desc = f->message[0] != '\0' ? f->message : it.title;
	it.f = f;
	it.arn = f->rec->arn;
	it.user = f->rec->user;
	out_asff_item(out, &it);
	free(title);
	return out->failed ? -1 : 0;
}

/* The account of a finding id "ACCOUNT:USER:RULE:CREDENTIAL". */
static char *
out_asff_id_account(const char *id)
{
	return strndup(id, strcspn(id, ":"));
}

static int
out_asff_resolved(struct output *out, const struct resolved_finding *r)
{
	struct asff_item	 it;
	char			*title, *account = NULL;
	int			 rc;

	memset(&it, 0, sizeof(it));
	it.id = r->id;
	it.rule = r->rule;
	it.rule_index = r->rule != NULL ? rules_lookup(r->rule) : -1;
	it.severity = r->severity;
	it.archived = true;
	it.arn = r->arn;
	it.user = r->user;
	if ((it.account = r->account) == NULL &&
	    (it.account = account = out_asff_id_account(r->id)) == NULL)
		return -1;
	title = out_asff_title(it.rule_index >= 0 ?
	    rules_table[it.rule_index].title : "credaudit finding", r->user,
	    r->credential);
	if (title == NULL) {
		free(account);
		return -1;
	}
	it.title = title;
	it.desc = r->message != NULL && r->message[0] != '\0' ? r->message :
	    "No longer found.";
	out_asff_item(out, &it);
	rc = out->failed ? -1 : 0;
	free(title);
	free(account);
	return rc;
}

static int
out_asff_end(struct output *out, const struct run_summary *sum)
{
	size_t	 i;

	if (out->info.baseline)
		for (i = 0; i < sum->nresolved; i++)
			if (out_asff_resolved(out, &sum->resolved[i]) == -1)
				return -1;
	out_asff_raw(out, out->items > 0 ? "\n]\n" : "[]\n");
	if (jsonw_flush(out->w) == -1)
		out->failed = true;
	return out->failed ? -1 : 0;
}

static void
out_asff_free(struct output *out)
{
	if (out == NULL)
		return;
	jsonw_free(out->w);
	free(out);
}

static struct output *
out_asff_open(FILE *fp, const struct run_info *info)
{
	struct output	*out;

	if (info->opts.region == NULL ||
	    (out = calloc(1, sizeof(*out))) == NULL)
		return NULL;
	out->fp = fp;
	out->info = *info;
	timeparse_format(info->policy->as_of, out->when);
	if ((out->w = jsonw_open(fp)) == NULL) {
		out_asff_free(out);
		return NULL;
	}
	return out;
}

const struct output_ops format_asff_ops = {
	"asff", out_asff_open, out_asff_finding, NULL, out_asff_end,
	out_asff_free, OUTPUT_REGION_REQUIRED, true
};
