/*
 * The json and ndjson formats: the contract's document, and the same
 * finding objects one per line with nothing around them.
 *
 * Both stream through the JSON writer (jsonw.h), so memory does not grow
 * with the number of findings.  Every object has a fixed shape, so keys
 * and punctuation are literal text and only the values go through the
 * writer, which leaves escaping to cJSON for the rare string that needs
 * it.  What a rule never changes (its id, its controls) is printed by
 * cJSON once, at open(), and written as it stands for each finding.
 * The text is what cJSON printed when it built each object: same keys,
 * same order, no spaces; a string the caller left NULL is "" where the
 * value is always a string and null where it may be missing.
 *
 * The json document is written in pieces: the head without its closing
 * brace, then `,"findings":[` and one finding per line, then the tail.
 * "inputs" and "summary" come after the findings, unlike the contract's
 * example, because they are only known at the end; key order does not
 * matter to JSON readers.  Layout:
 *
 *	{"credaudit_version":…,"as_of":…,"thresholds":{…},"findings":[
 *	{finding},
 *	{finding}
 *	],"inputs":[…],"summary":{…}}
 *
 * With --as-of generated, "as_of" is null: each input's "as_of" in
 * "inputs" says where its ages were measured from.
 * With a baseline, "baseline_as_of" follows "as_of", each finding has a
 * "status", "resolved":[…] (one per line too) follows "findings" and the
 * summary gains "new" and "resolved".  --inventory writes "users":[…] in
 * place of "thresholds" and "findings".
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "baseline.h"
#include "jsonw.h"
#include "output.h"
#include "report.h"
#include "rules.h"

/* A rule's part of every finding it raises, printed once at open(). */
struct json_rule_text {
	char	*rule;		/* ,"rule":"…","severity": */
	size_t	 rule_len;
	char	*severity[SEV_COUNT];	/* the same and each severity */
	size_t	 severity_len[SEV_COUNT];
	char	*kept;		/* ,"controls":[…],"suppressed":false */
	size_t	 kept_len;
	char	*suppressed;	/* …"suppressed":true,"suppression_reason": */
	size_t	 suppressed_len;
};

struct output {
	struct jsonw		*w;
	/* ,"credential":"…" for each name the rules give a credential */
	char			*credential[CRED_KIND_COUNT][2];
	size_t			 credential_len[CRED_KIND_COUNT][2];
	struct run_info		 info;
	bool			 ndjson;
	bool			 started;	/* the document's head is out */
	unsigned long		 items;		/* in the list being written */
	struct json_rule_text	 rules[RULE_COUNT];
};

/* A value that is always a string: NULL prints as "", as cJSON did. */
static const char *
out_json_text(const char *s)
{
	return s != NULL ? s : "";
}

/* prefix, then what cJSON prints for value, then suffix; takes value. */
static char *
out_json_print_between(const char *prefix, cJSON *value, const char *suffix,
    size_t *len)
{
	char	*text = NULL, *s = NULL;
	size_t	 plen = strlen(prefix), tlen, slen = strlen(suffix);

	if (value == NULL || (text = cJSON_PrintUnformatted(value)) == NULL)
		goto done;
	tlen = strlen(text);
	if ((s = malloc(plen + tlen + slen + 1)) == NULL)
		goto done;
	memcpy(s, prefix, plen);
	memcpy(s + plen, text, tlen);
	memcpy(s + plen + tlen, suffix, slen + 1);
	*len = plen + tlen + slen;
done:
	cJSON_free(text);
	cJSON_Delete(value);
	return s;
}

static cJSON *
out_json_controls(const char *const *controls)
{
	cJSON	*arr, *s;

	if ((arr = cJSON_CreateArray()) == NULL)
		return NULL;
	for (; controls != NULL && *controls != NULL; controls++) {
		if ((s = cJSON_CreateStringReference(*controls)) == NULL) {
			cJSON_Delete(arr);
			return NULL;
		}
		cJSON_AddItemToArray(arr, s);
	}
	return arr;
}

static int
out_json_rule_text(struct json_rule_text *t, const struct rule *def)
{
	size_t	 i;

	t->rule = out_json_print_between(",\"rule\":",
	    cJSON_CreateStringReference(def->id), ",\"severity\":",
	    &t->rule_len);
	t->kept = out_json_print_between(",\"controls\":",
	    out_json_controls(def->controls), ",\"suppressed\":false",
	    &t->kept_len);
	t->suppressed = out_json_print_between(",\"controls\":",
	    out_json_controls(def->controls),
	    ",\"suppressed\":true,\"suppression_reason\":",
	    &t->suppressed_len);
	if (t->rule == NULL || t->kept == NULL || t->suppressed == NULL)
		return -1;
	for (i = 0; i < SEV_COUNT; i++)
		if ((t->severity[i] = out_json_print_between(t->rule,
		    cJSON_CreateStringReference(severity_name((enum severity)i)),
		    "", &t->severity_len[i])) == NULL)
			return -1;
	return 0;
}

static const char *
out_json_status(enum finding_status status)
{
	if (status == FINDING_STATUS_NEW)
		return "new";
	if (status == FINDING_STATUS_EXISTING)
		return "existing";
	return NULL;
}

/*
 * ,"credential":… A name the rules gave is one of a handful of constant
 * strings, printed once at open(); any other is written as it comes.
 */
static int
out_json_credential(struct output *out, const struct finding *f)
{
	int	 slot = f->slot == 1 ? 1 : 0;

	if ((unsigned)f->cred < CRED_KIND_COUNT && f->credential != NULL &&
	    f->credential == credential_name(f->cred, f->slot) &&
	    out->credential[f->cred][slot] != NULL)
		return jsonw_raw(out->w, out->credential[f->cred][slot],
		    out->credential_len[f->cred][slot]);
	return jsonw_member_string(out->w, ",\"credential\":",
	    out_json_text(f->credential));
}

/* One finding; key order is the contract's (see the comment at the top). */
static int
out_json_finding_object(struct output *out, const struct finding *f)
{
	const struct json_rule_text	*t = &out->rules[f->rule];
	const struct user_record	*rec = f->rec;
	struct jsonw			*w = out->w;

	if (jsonw_member_string(w, "{\"id\":", out_json_text(f->id)) == -1 ||
	    ((unsigned)f->severity < SEV_COUNT ?
	    jsonw_raw(w, t->severity[f->severity],
	    t->severity_len[f->severity]) :
	    jsonw_string_after(w, t->rule, t->rule_len,
	    severity_name(f->severity))) == -1 ||
	    jsonw_member_string(w, ",\"account\":",
	    out_json_text(rec->account)) == -1 ||
	    jsonw_member_string(w, ",\"user\":", out_json_text(rec->user)) ==
	    -1 ||
	    jsonw_member_string(w, ",\"arn\":", out_json_text(rec->arn)) ==
	    -1 ||
	    out_json_credential(out, f) == -1 ||
	    jsonw_member_int(w, ",\"days\":", f->has_days, f->days) == -1 ||
	    jsonw_member_int(w, ",\"threshold\":", f->threshold != RULE_NO_DAYS,
	    f->threshold) == -1 ||
	    jsonw_member_time(w, ",\"last_used\":", f->has_last_used,
	    f->last_used) == -1 ||
	    jsonw_member_string(w, ",\"message\":",
	    out_json_text(f->message)) == -1)
		return -1;
	if (f->suppressed ? jsonw_string_after(w, t->suppressed,
	    t->suppressed_len, out_json_text(f->suppress_reason)) == -1 :
	    jsonw_raw(w, t->kept, t->kept_len) == -1)
		return -1;
	if (out->info.baseline && jsonw_member_string(w, ",\"status\":",
	    out_json_status(f->status)) == -1)
		return -1;
	if (jsonw_member_string(w, ",\"source\":{\"path\":",
	    out_json_text(rec->path)) == -1 ||
	    jsonw_member_int(w, ",\"line\":", true, rec->line) == -1)
		return -1;
	return jsonw_lit(w, "}}");
}

/*
 * Before each object on a line of its own: in the document "\n" (the
 * first) or ",\n" (the others).  In ndjson nothing: the line ends after.
 */
static int
out_json_item_begin(struct output *out)
{
	if (out->ndjson)
		return 0;
	if (out->items++ == 0)
		return jsonw_lit(out->w, "\n");
	return jsonw_lit(out->w, ",\n");
}

static int
out_json_item_end(struct output *out)
{
	return out->ndjson ? jsonw_lit(out->w, "\n") : 0;
}

/* Close a list that items were written into, and start counting anew. */
static int
out_json_close_list(struct output *out)
{
	int	 rc;

	rc = out->items > 0 ? jsonw_lit(out->w, "\n]") :
	    jsonw_lit(out->w, "]");
	out->items = 0;
	return rc;
}

/* "KEY": for a key known only at run time (a rule id, a severity). */
static int
out_json_key(struct output *out, const char *key)
{
	if (jsonw_string(out->w, out_json_text(key)) == -1)
		return -1;
	return jsonw_lit(out->w, ":");
}

static int
out_json_thresholds(struct output *out)
{
	const struct policy	*pol = out->info.policy;
	size_t			 r;
	bool			 first = true;

	if (jsonw_lit(out->w, ",\"thresholds\":{") == -1)
		return -1;
	for (r = 0; r < RULE_COUNT; r++) {
		if (pol->days[r] == RULE_NO_DAYS)
			continue;
		if ((!first && jsonw_lit(out->w, ",") == -1) ||
		    out_json_key(out, rules_table[r].id) == -1 ||
		    jsonw_int(out->w, pol->days[r]) == -1)
			return -1;
		first = false;
	}
	return jsonw_lit(out->w, "}");
}

/*
 * The document's head goes out before the first item, or at the end when
 * there is none, so that open() never writes and every failed write is
 * reported by a call that can return -1.  It stays open: the lists go
 * inside the same object.
 */
static int
out_json_start(struct output *out)
{
	const struct run_info	*info = &out->info;
	struct jsonw		*w = out->w;

	if (out->started || out->ndjson)
		return 0;
	out->started = true;
	if (jsonw_member_string(w, "{\"credaudit_version\":",
	    out_json_text(info->version)) == -1 ||
	    jsonw_member_time(w, ",\"as_of\":", !info->as_of_generated,
	    info->policy->as_of) == -1)
		return -1;
	if (info->baseline && jsonw_member_time(w, ",\"baseline_as_of\":",
	    info->baseline_has_as_of, info->baseline_as_of) == -1)
		return -1;
	if (info->inventory)
		return jsonw_lit(w, ",\"users\":[");
	if (out_json_thresholds(out) == -1)
		return -1;
	return jsonw_lit(w, ",\"findings\":[");
}

static int
out_json_finding(struct output *out, const struct finding *f)
{
	if ((unsigned)f->rule >= RULE_COUNT || out_json_start(out) == -1 ||
	    out_json_item_begin(out) == -1 ||
	    out_json_finding_object(out, f) == -1)
		return -1;
	return out_json_item_end(out);
}

/*
 * What keys and certificates share: head is the member's key and the
 * first of its own, such as ,"cert_1":{"state":.
 */
static int
out_json_slot_head(struct output *out, const char *head,
    const struct key_slot *k)
{
	struct jsonw	*w = out->w;

	if (jsonw_string_after(w, head, strlen(head),
	    output_slot_state(k->state)) == -1)
		return -1;
	return jsonw_member_time(w, ",\"last_rotated\":",
	    k->last_rotated.kind == TIME_SET, k->last_rotated.t);
}

static int
out_json_key_slot(struct output *out, const char *head,
    const struct inventory_row *row, int n)
{
	const struct key_slot	*k = &row->rec->key[n];
	struct jsonw		*w = out->w;
	int64_t			 days = 0;
	bool			 has;

	has = output_key_days(row, n, &days);
	if (out_json_slot_head(out, head, k) == -1 ||
	    jsonw_member_time(w, ",\"last_used\":",
	    k->last_used.kind == TIME_SET, k->last_used.t) == -1 ||
	    jsonw_member_int(w, ",\"days\":", has, days) == -1 ||
	    jsonw_member_string(w, ",\"region\":", k->last_used_region) ==
	    -1 ||
	    jsonw_member_string(w, ",\"service\":", k->last_used_service) ==
	    -1)
		return -1;
	return jsonw_lit(w, "}");
}

static int
out_json_cert_slot(struct output *out, const char *head,
    const struct key_slot *c)
{
	if (out_json_slot_head(out, head, c) == -1)
		return -1;
	return jsonw_lit(out->w, "}");
}

static int
out_json_password(struct output *out, const struct inventory_row *row)
{
	const struct user_record	*rec = row->rec;
	const struct cred_time		*used = &rec->password_last_used;
	const struct cred_time		*changed = &rec->password_last_changed;
	struct jsonw			*w = out->w;
	int64_t				 days = 0;
	bool				 has;

	has = output_password_days(row, &days);
	if (jsonw_member_string(w, ",\"password\":{\"state\":",
	    output_password_state(rec->password)) == -1 ||
	    jsonw_member_time(w, ",\"last_used\":", used->kind == TIME_SET,
	    used->t) == -1 ||
	    jsonw_member_string(w, ",\"last_used_note\":",
	    output_time_note(used->kind)) == -1 ||
	    jsonw_member_time(w, ",\"last_changed\":",
	    changed->kind == TIME_SET, changed->t) == -1 ||
	    jsonw_member_int(w, ",\"days\":", has, days) == -1)
		return -1;
	return jsonw_lit(w, "}");
}

/* One --inventory record. */
static int
out_json_user_object(struct output *out, const struct inventory_row *row)
{
	const struct user_record	*rec = row->rec;
	struct jsonw			*w = out->w;

	if (jsonw_member_string(w, "{\"account\":",
	    out_json_text(rec->account)) == -1 ||
	    jsonw_member_string(w, ",\"user\":", out_json_text(rec->user)) ==
	    -1 ||
	    jsonw_member_string(w, ",\"arn\":", out_json_text(rec->arn)) ==
	    -1 ||
	    jsonw_member_time(w, ",\"created\":",
	    rec->created.kind == TIME_SET, rec->created.t) == -1 ||
	    out_json_password(out, row) == -1 ||
	    jsonw_lit(w, ",\"mfa\":") == -1 ||
	    jsonw_bool(w, rec->mfa_active) == -1 ||
	    jsonw_lit(w, ",\"credentials\":") == -1 ||
	    jsonw_bool(w, row->credentials) == -1 ||
	    out_json_key_slot(out, ",\"access_key_1\":{\"state\":", row, 0) ==
	    -1 ||
	    out_json_key_slot(out, ",\"access_key_2\":{\"state\":", row, 1) ==
	    -1 ||
	    out_json_cert_slot(out, ",\"cert_1\":{\"state\":",
	    &rec->cert[0]) == -1 ||
	    out_json_cert_slot(out, ",\"cert_2\":{\"state\":",
	    &rec->cert[1]) == -1 ||
	    jsonw_member_int(w, ",\"findings\":", true, row->findings) == -1 ||
	    jsonw_member_string(w, ",\"worst_severity\":", row->has_worst ?
	    severity_name(row->worst) : NULL) == -1 ||
	    jsonw_member_string(w, ",\"source\":{\"path\":",
	    out_json_text(rec->path)) == -1 ||
	    jsonw_member_int(w, ",\"line\":", true, rec->line) == -1)
		return -1;
	return jsonw_lit(w, "}}");
}

static int
out_json_user(struct output *out, const struct inventory_row *row)
{
	if (out_json_start(out) == -1 || out_json_item_begin(out) == -1 ||
	    out_json_user_object(out, row) == -1)
		return -1;
	return out_json_item_end(out);
}

/* A field the baseline lacked stays null rather than turning "". */
static int
out_json_resolved_one(struct output *out, const struct resolved_finding *r)
{
	struct jsonw	*w = out->w;

	if (out_json_item_begin(out) == -1 ||
	    jsonw_member_string(w, "{\"id\":", out_json_text(r->id)) == -1 ||
	    jsonw_member_string(w, ",\"rule\":", r->rule) == -1 ||
	    jsonw_member_string(w, ",\"severity\":", r->severity) == -1 ||
	    jsonw_member_string(w, ",\"account\":", r->account) == -1 ||
	    jsonw_member_string(w, ",\"user\":", r->user) == -1 ||
	    jsonw_member_string(w, ",\"credential\":", r->credential) == -1 ||
	    jsonw_member_string(w, ",\"message\":", r->message) == -1)
		return -1;
	return jsonw_lit(w, "}");
}

static int
out_json_resolved(struct output *out, const struct run_summary *sum)
{
	size_t	 i;

	if (jsonw_lit(out->w, ",\"resolved\":[") == -1)
		return -1;
	for (i = 0; i < sum->nresolved; i++)
		if (out_json_resolved_one(out, &sum->resolved[i]) == -1)
			return -1;
	return out_json_close_list(out);
}

static int
out_json_input(struct output *out, const struct input_info *in)
{
	const struct report_stats	*st = &in->stats;
	struct jsonw			*w = out->w;

	if (jsonw_member_string(w, "{\"path\":", out_json_text(in->path)) ==
	    -1 ||
	    jsonw_member_string(w, ",\"account\":", st->account[0] != '\0' ?
	    st->account : NULL) == -1 ||
	    jsonw_member_time(w, ",\"generated_time\":",
	    st->has_generated_time, st->generated_time) == -1 ||
	    jsonw_member_time(w, ",\"as_of\":", in->begun, in->as_of) == -1 ||
	    jsonw_member_int(w, ",\"report_age_hours\":", in->has_report_age,
	    in->report_age_hours) == -1 ||
	    jsonw_member_int(w, ",\"users\":", true, (int64_t)st->users) ==
	    -1 ||
	    jsonw_member_int(w, ",\"rows_rejected\":", true,
	    (int64_t)st->rows_rejected) == -1 ||
	    jsonw_lit(w, ",\"root\":") == -1 ||
	    jsonw_bool(w, st->has_root) == -1 ||
	    jsonw_member_string(w, ",\"error\":", st->failed ? st->error :
	    NULL) == -1)
		return -1;
	return jsonw_lit(w, "}");
}

/* "KEY":N members, comma-separated, for the summary's counts. */
static int
out_json_count(struct output *out, bool first, const char *key,
    unsigned long n)
{
	if ((!first && jsonw_lit(out->w, ",") == -1) ||
	    out_json_key(out, key) == -1)
		return -1;
	return jsonw_int(out->w, (int64_t)n);
}

/* },"by_control":{…}: each control once, in the rules' order. */
static int
out_json_by_control(struct output *out, const struct finding_counts *c)
{
	const char	*ctl;
	size_t		 i;

	if (jsonw_lit(out->w, "},\"by_control\":{") == -1)
		return -1;
	for (i = 0; (ctl = rules_control(i)) != NULL; i++)
		if (out_json_count(out, i == 0, ctl,
		    finding_counts_control(c, ctl)) == -1)
			return -1;
	return jsonw_lit(out->w, "}");
}

static int
out_json_counts(struct output *out, const struct run_summary *sum)
{
	int	 i;

	if (jsonw_lit(out->w, ",\"by_severity\":{") == -1)
		return -1;
	for (i = SEV_COUNT - 1; i >= 0; i--)
		if (out_json_count(out, i == SEV_COUNT - 1,
		    severity_name((enum severity)i),
		    sum->counts.by_severity[i]) == -1)
			return -1;
	if (jsonw_lit(out->w, "},\"by_rule\":{") == -1)
		return -1;
	for (i = 0; i < RULE_COUNT; i++)
		if (out_json_count(out, i == 0, rules_table[i].id,
		    sum->counts.by_rule[i]) == -1)
			return -1;
	return out_json_by_control(out, &sum->counts);
}

static int
out_json_summary(struct output *out, const struct run_summary *sum)
{
	struct jsonw	*w = out->w;

	if (jsonw_member_int(w, ",\"summary\":{\"users\":", true,
	    (int64_t)sum->users) == -1 ||
	    jsonw_member_int(w, ",\"findings\":", true,
	    (int64_t)sum->counts.findings) == -1 ||
	    jsonw_member_int(w, ",\"suppressed\":", true,
	    (int64_t)sum->counts.suppressed) == -1)
		return -1;
	if (out->info.baseline && (jsonw_member_int(w, ",\"new\":", true,
	    (int64_t)sum->counts.new_findings) == -1 ||
	    jsonw_member_int(w, ",\"resolved\":", true,
	    (int64_t)sum->nresolved) == -1))
		return -1;
	if (out_json_counts(out, sum) == -1)
		return -1;
	return jsonw_lit(w, "}");
}

/* ,"inputs":[…],"summary":{…}} and the document's newline. */
static int
out_json_tail(struct output *out, const struct run_summary *sum)
{
	size_t	 i;

	if (jsonw_lit(out->w, ",\"inputs\":[") == -1)
		return -1;
	for (i = 0; i < sum->ninputs; i++)
		if ((i > 0 && jsonw_lit(out->w, ",") == -1) ||
		    out_json_input(out, &sum->inputs[i]) == -1)
			return -1;
	if (jsonw_lit(out->w, "]") == -1 || out_json_summary(out, sum) == -1)
		return -1;
	return jsonw_lit(out->w, "}\n");
}

static int
out_json_end(struct output *out, const struct run_summary *sum)
{
	if (!out->ndjson) {
		if (out_json_start(out) == -1 ||
		    out_json_close_list(out) == -1)
			return -1;
		if (out->info.baseline && out_json_resolved(out, sum) == -1)
			return -1;
		if (out_json_tail(out, sum) == -1)
			return -1;
	}
	return jsonw_flush(out->w);
}

static void
out_json_free(struct output *out)
{
	size_t	 r, i;

	if (out == NULL)
		return;
	for (r = 0; r < RULE_COUNT; r++) {
		free(out->rules[r].rule);
		free(out->rules[r].kept);
		free(out->rules[r].suppressed);
		for (i = 0; i < SEV_COUNT; i++)
			free(out->rules[r].severity[i]);
	}
	for (r = 0; r < CRED_KIND_COUNT; r++)
		for (i = 0; i < 2; i++)
			free(out->credential[r][i]);
	jsonw_free(out->w);
	free(out);
}

static int
out_json_credential_text(struct output *out)
{
	const char	*name;
	size_t		 k, n;

	for (k = 0; k < CRED_KIND_COUNT; k++)
		for (n = 0; n < 2; n++) {
			name = credential_name((enum cred_kind)k, (int)n);
			if (name == NULL)
				continue;
			out->credential[k][n] = out_json_print_between(
			    ",\"credential\":", cJSON_CreateStringReference(name),
			    "", &out->credential_len[k][n]);
			if (out->credential[k][n] == NULL)
				return -1;
		}
	return 0;
}

static struct output *
out_json_alloc(FILE *fp, const struct run_info *info, bool ndjson)
{
	struct output	*out;
	size_t		 r;

	if ((out = calloc(1, sizeof(*out))) == NULL)
		return NULL;
	out->info = *info;
	out->ndjson = ndjson;
	if ((out->w = jsonw_open(fp)) == NULL)
		goto fail;
	if (info->inventory)
		return out;
	for (r = 0; r < RULE_COUNT; r++)
		if (out_json_rule_text(&out->rules[r], &rules_table[r]) == -1)
			goto fail;
	if (out_json_credential_text(out) == -1)
		goto fail;
	return out;
fail:
	out_json_free(out);
	return NULL;
}

static struct output *
out_json_open(FILE *fp, const struct run_info *info)
{
	return out_json_alloc(fp, info, false);
}

static struct output *
out_ndjson_open(FILE *fp, const struct run_info *info)
{
	return out_json_alloc(fp, info, true);
}

const struct output_ops format_json_ops = {
	"json", out_json_open, out_json_finding, out_json_user, out_json_end,
	out_json_free,
	OUTPUT_REGION_NONE, false
};

const struct output_ops format_ndjson_ops = {
	"ndjson", out_ndjson_open, out_json_finding, out_json_user,
	out_json_end, out_json_free,
	OUTPUT_REGION_NONE, false
};
