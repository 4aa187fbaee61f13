/*
 * The json and ndjson formats: the contract's document, and the same
 * finding objects one per line with nothing around them.
 *
 * Both stream.  Memory does not grow with the number of findings: each
 * finding is printed by cJSON (which does all escaping) into one reused
 * buffer and written out at once.  Building a tree per finding would
 * cost a few dozen allocations each, so open() builds one template
 * object per rule and per suppressed state: its string nodes are
 * references pointed at the finding's strings before printing, its
 * integers raw nodes rewritten in place, and what a rule never changes
 * (its id, its controls) is printed by cJSON once, at open(), and kept
 * as raw text.
 *
 * The json document is written in pieces: a head object printed without
 * its closing brace, then `,"findings":[` and one finding per line, then
 * the tail.  "inputs" and "summary" come after the findings, unlike the
 * contract's example, because they are only known at the end; key order
 * does not matter to JSON readers.  Layout:
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
#include "output.h"
#include "report.h"
#include "rules.h"
#include "timeparse.h"

#define JSON_BUF_INIT	4096
/* A finding is at most a few user-supplied fields of REPORT_MAX_FIELD. */
#define JSON_BUF_MAX	(64 * 1024 * 1024)
/* An integer node's buffer holds the longest integer's text. */
#define JSON_INTSZ	OUTPUT_INTSZ

/* A finding object whose values are repointed for each finding. */
struct json_tpl {
	cJSON	*root;
	cJSON	*id, *severity, *account, *user, *arn, *credential;
	cJSON	*days, *threshold, *last_used, *message;
	cJSON	*reason;	/* only in the suppressed variant */
	cJSON	*status;	/* only with a baseline */
	cJSON	*path, *line;
};

struct output {
	FILE		*fp;
	struct run_info	 info;
	bool		 ndjson;
	bool		 started;	/* the document's head is out */
	unsigned long	 items;		/* in the list being written */
	char		*buf;
	size_t		 bufsz;
	char		 last_used[TIMESTAMP_BUFSZ];
	struct json_tpl	 tpl[RULE_COUNT][2];	/* [rule][suppressed?] */
};

static int
out_json_write(struct output *out, const char *s, size_t len)
{
	return fwrite(s, 1, len, out->fp) == len ? 0 : -1;
}

/*
 * Print item compactly at out->buf + off, growing the buffer until it
 * fits; one byte stays free after the text for a newline.  The text's
 * length goes to *len.
 */
static int
out_json_print(struct output *out, cJSON *item, size_t off, size_t *len)
{
	char	*p;

	while (!cJSON_PrintPreallocated(item, out->buf + off,
	    (int)(out->bufsz - off - 1), false)) {
		if (out->bufsz >= JSON_BUF_MAX)
			return -1;
		if ((p = realloc(out->buf, out->bufsz * 2)) == NULL)
			return -1;
		out->buf = p;
		out->bufsz *= 2;
	}
	*len = strlen(out->buf + off);
	return 0;
}

/* cJSON keeps its flags (reference, constant key) above the type byte. */
static void
out_json_set_type(cJSON *item, int type)
{
	item->type = (item->type & ~0xFF) | type;
}

/* Point a string-reference node at s; cJSON never writes through it. */
static void
out_json_point(cJSON *item, const char *s)
{
	item->valuestring = (char *)s;
	out_json_set_type(item, cJSON_String);
}

/*
 * Integers are printed by us into raw nodes: exact for every int64_t,
 * and much cheaper than cJSON's printing of a double (sprintf, then
 * sscanf to check the round trip).  Digits need no escaping.
 */
static void
out_json_int_text(char buf[JSON_INTSZ], bool has, int64_t n)
{
	if (has)
		output_format_int(n, buf);
	else
		memcpy(buf, "null", sizeof("null"));
}

/* Add a node to obj under a constant key; NULL when out of memory. */
static cJSON *
out_json_add(cJSON *obj, const char *key, cJSON *item)
{
	if (item == NULL)
		return NULL;
	if (!cJSON_AddItemToObjectCS(obj, key, item)) {
		cJSON_Delete(item);
		return NULL;
	}
	return item;
}

static cJSON *
out_json_add_ref(cJSON *obj, const char *key, const char *s)
{
	return out_json_add(obj, key, cJSON_CreateStringReference(s));
}

/* A string, or null when s is NULL; the string is referenced, not copied. */
static cJSON *
out_json_add_ref_or_null(cJSON *obj, const char *key, const char *s)
{
	if (s == NULL)
		return out_json_add(obj, key, cJSON_CreateNull());
	return out_json_add_ref(obj, key, s);
}

/* A timestamp, or null; the text is copied. */
static cJSON *
out_json_add_time(cJSON *obj, const char *key, bool has, int64_t t)
{
	char	 when[TIMESTAMP_BUFSZ];

	if (!has)
		return out_json_add(obj, key, cJSON_CreateNull());
	timeparse_format(t, when);
	return out_json_add(obj, key, cJSON_CreateString(when));
}

static cJSON *
out_json_add_number(cJSON *obj, const char *key, bool has, int64_t n)
{
	char	 text[JSON_INTSZ];

	out_json_int_text(text, has, n);
	return out_json_add(obj, key, cJSON_CreateRaw(text));
}

/* A template's integer: its own buffer, rewritten for each finding. */
static cJSON *
out_json_add_int_slot(cJSON *obj, const char *key)
{
	return out_json_add(obj, key, cJSON_CreateRaw(OUTPUT_INT_WIDEST));
}

/*
 * Add value to obj as the text cJSON prints for it, in a raw node: what
 * never changes in a template (the rule, its controls) is escaped and
 * printed once instead of once per finding.  Takes value.
 */
static cJSON *
out_json_add_printed(cJSON *obj, const char *key, cJSON *value)
{
	cJSON	*raw = NULL;
	char	*text;

	if (value == NULL)
		return NULL;
	if ((text = cJSON_PrintUnformatted(value)) != NULL) {
		raw = out_json_add(obj, key, cJSON_CreateRaw(text));
		cJSON_free(text);
	}
	cJSON_Delete(value);
	return raw;
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

/* Key order is the contract's; see the comment at the top. */
static int
out_json_tpl_build(struct json_tpl *t, const struct rule *def, bool suppressed,
    bool baseline)
{
	cJSON	*src;

	if ((t->root = cJSON_CreateObject()) == NULL ||
	    (t->id = out_json_add_ref(t->root, "id", "")) == NULL ||
	    out_json_add_printed(t->root, "rule",
	    cJSON_CreateStringReference(def->id)) == NULL ||
	    (t->severity = out_json_add_ref(t->root, "severity", "")) == NULL ||
	    (t->account = out_json_add_ref(t->root, "account", "")) == NULL ||
	    (t->user = out_json_add_ref(t->root, "user", "")) == NULL ||
	    (t->arn = out_json_add_ref(t->root, "arn", "")) == NULL ||
	    (t->credential = out_json_add_ref(t->root, "credential", "")) ==
	    NULL ||
	    (t->days = out_json_add_int_slot(t->root, "days")) == NULL ||
	    (t->threshold = out_json_add_int_slot(t->root, "threshold")) ==
	    NULL ||
	    (t->last_used = out_json_add_ref(t->root, "last_used", "")) ==
	    NULL ||
	    (t->message = out_json_add_ref(t->root, "message", "")) == NULL ||
	    out_json_add_printed(t->root, "controls",
	    out_json_controls(def->controls)) == NULL ||
	    out_json_add(t->root, "suppressed", cJSON_CreateBool(suppressed)) ==
	    NULL)
		return -1;
	if (suppressed && (t->reason = out_json_add_ref(t->root,
	    "suppression_reason", "")) == NULL)
		return -1;
	if (baseline && (t->status = out_json_add_ref(t->root, "status",
	    "")) == NULL)
		return -1;
	if ((src = out_json_add(t->root, "source", cJSON_CreateObject())) ==
	    NULL ||
	    (t->path = out_json_add_ref(src, "path", "")) == NULL ||
	    (t->line = out_json_add_int_slot(src, "line")) == NULL)
		return -1;
	return 0;
}

static void
out_json_tpl_fill(struct output *out, struct json_tpl *t,
    const struct finding *f)
{
	const struct user_record	*rec = f->rec;

	out_json_point(t->id, f->id);
	out_json_point(t->severity, severity_name(f->severity));
	out_json_point(t->account, rec->account);
	out_json_point(t->user, rec->user);
	out_json_point(t->arn, rec->arn);
	out_json_point(t->credential, f->credential);
	out_json_int_text(t->days->valuestring, f->has_days, f->days);
	out_json_int_text(t->threshold->valuestring,
	    f->threshold != RULE_NO_DAYS, f->threshold);
	if (f->has_last_used) {
		timeparse_format(f->last_used, out->last_used);
		out_json_point(t->last_used, out->last_used);
	} else
		out_json_set_type(t->last_used, cJSON_NULL);
	out_json_point(t->message, f->message);
	if (t->reason != NULL)
		out_json_point(t->reason, f->suppress_reason);
	if (t->status != NULL && f->status == FINDING_STATUS_NONE)
		out_json_set_type(t->status, cJSON_NULL);
	else if (t->status != NULL)
		out_json_point(t->status, f->status == FINDING_STATUS_NEW ?
		    "new" : "existing");
	out_json_point(t->path, rec->path);
	out_json_int_text(t->line->valuestring, true, rec->line);
}

/*
 * Write one object on a line of its own: in the document after "\n" (the
 * first) or ",\n" (the others), in ndjson followed by "\n".
 */
static int
out_json_emit(struct output *out, cJSON *item)
{
	size_t	 len;

	if (out->ndjson) {
		if (out_json_print(out, item, 0, &len) == -1)
			return -1;
		out->buf[len++] = '\n';
		return out_json_write(out, out->buf, len);
	}
	if (out_json_print(out, item, 2, &len) == -1)
		return -1;
	out->buf[0] = ',';
	out->buf[1] = '\n';
	if (out->items++ == 0)
		return out_json_write(out, out->buf + 1, len + 1);
	return out_json_write(out, out->buf, len + 2);
}

static int
out_json_write_str(struct output *out, const char *s)
{
	return out_json_write(out, s, strlen(s));
}

/* Close a list that out_json_emit filled, and start counting anew. */
static int
out_json_close_list(struct output *out)
{
	int	 rc;

	rc = out_json_write_str(out, out->items > 0 ? "\n]" : "]");
	out->items = 0;
	return rc;
}

static cJSON *
out_json_head(const struct output *out)
{
	const struct run_info	*info = &out->info;
	cJSON			*head, *th;
	size_t			 r;

	if ((head = cJSON_CreateObject()) == NULL)
		return NULL;
	if (out_json_add_ref(head, "credaudit_version", info->version) ==
	    NULL ||
	    out_json_add_time(head, "as_of", !info->as_of_generated,
	    info->policy->as_of) == NULL)
		goto fail;
	if (info->baseline && out_json_add_time(head, "baseline_as_of",
	    info->baseline_has_as_of, info->baseline_as_of) == NULL)
		goto fail;
	if (info->inventory)
		return head;
	th = out_json_add(head, "thresholds", cJSON_CreateObject());
	if (th == NULL)
		goto fail;
	for (r = 0; r < RULE_COUNT; r++)
		if (info->policy->days[r] != RULE_NO_DAYS &&
		    out_json_add_number(th, rules_table[r].id, true,
		    info->policy->days[r]) == NULL)
			goto fail;
	return head;
fail:
	cJSON_Delete(head);
	return NULL;
}

/*
 * The document's head goes out before the first item, or at the end when
 * there is none, so that open() never writes and every failed write is
 * reported by a call that can return -1.
 */
static int
out_json_start(struct output *out)
{
	cJSON	*head;
	size_t	 len;
	int	 rc = -1;

	if (out->started || out->ndjson)
		return 0;
	out->started = true;
	if ((head = out_json_head(out)) == NULL)
		return -1;
	/* Without its closing brace: the lists go inside the same object. */
	if (out_json_print(out, head, 0, &len) == 0 &&
	    out_json_write(out, out->buf, len - 1) == 0)
		rc = out_json_write_str(out, out->info.inventory ?
		    ",\"users\":[" : ",\"findings\":[");
	cJSON_Delete(head);
	return rc;
}

static int
out_json_finding(struct output *out, const struct finding *f)
{
	struct json_tpl	*t;

	if ((unsigned)f->rule >= RULE_COUNT || out_json_start(out) == -1)
		return -1;
	t = &out->tpl[f->rule][f->suppressed ? 1 : 0];
	out_json_tpl_fill(out, t, f);
	return out_json_emit(out, t->root);
}

static cJSON *
out_json_add_cred_time(cJSON *obj, const char *key, const struct cred_time *ct)
{
	return out_json_add_time(obj, key, ct->kind == TIME_SET, ct->t);
}

static int
out_json_add_password(cJSON *obj, const struct inventory_row *row)
{
	const struct user_record	*rec = row->rec;
	cJSON				*p;
	int64_t				 days = 0;
	bool				 has;

	has = output_password_days(row, &days);
	if ((p = out_json_add(obj, "password", cJSON_CreateObject())) == NULL ||
	    out_json_add_ref(p, "state",
	    output_password_state(rec->password)) == NULL ||
	    out_json_add_cred_time(p, "last_used", &rec->password_last_used) ==
	    NULL ||
	    out_json_add_ref_or_null(p, "last_used_note",
	    output_time_note(rec->password_last_used.kind)) == NULL ||
	    out_json_add_cred_time(p, "last_changed",
	    &rec->password_last_changed) == NULL ||
	    out_json_add_number(p, "days", has, days) == NULL)
		return -1;
	return 0;
}

static int
out_json_add_key(cJSON *obj, const char *key, const struct inventory_row *row,
    int n)
{
	const struct key_slot	*k = &row->rec->key[n];
	cJSON			*o;
	int64_t			 days = 0;
	bool			 has;

	has = output_key_days(row, n, &days);
	if ((o = out_json_add(obj, key, cJSON_CreateObject())) == NULL ||
	    out_json_add_ref(o, "state", output_slot_state(k->state)) == NULL ||
	    out_json_add_cred_time(o, "last_rotated", &k->last_rotated) ==
	    NULL ||
	    out_json_add_cred_time(o, "last_used", &k->last_used) == NULL ||
	    out_json_add_number(o, "days", has, days) == NULL ||
	    out_json_add_ref_or_null(o, "region", k->last_used_region) ==
	    NULL ||
	    out_json_add_ref_or_null(o, "service", k->last_used_service) ==
	    NULL)
		return -1;
	return 0;
}

static int
out_json_add_cert(cJSON *obj, const char *key, const struct key_slot *c)
{
	cJSON	*o;

	if ((o = out_json_add(obj, key, cJSON_CreateObject())) == NULL ||
	    out_json_add_ref(o, "state", output_slot_state(c->state)) == NULL ||
	    out_json_add_cred_time(o, "last_rotated", &c->last_rotated) == NULL)
		return -1;
	return 0;
}

/* One --inventory record; strings are referenced, valid during the call. */
static cJSON *
out_json_user_object(const struct inventory_row *row)
{
	const struct user_record	*rec = row->rec;
	cJSON				*o, *src;

	if ((o = cJSON_CreateObject()) == NULL)
		return NULL;
	if (out_json_add_ref(o, "account", rec->account) == NULL ||
	    out_json_add_ref(o, "user", rec->user) == NULL ||
	    out_json_add_ref(o, "arn", rec->arn) == NULL ||
	    out_json_add_cred_time(o, "created", &rec->created) == NULL ||
	    out_json_add_password(o, row) == -1 ||
	    out_json_add(o, "mfa", cJSON_CreateBool(rec->mfa_active)) == NULL ||
	    out_json_add(o, "credentials",
	    cJSON_CreateBool(row->credentials)) == NULL ||
	    out_json_add_key(o, "access_key_1", row, 0) == -1 ||
	    out_json_add_key(o, "access_key_2", row, 1) == -1 ||
	    out_json_add_cert(o, "cert_1", &rec->cert[0]) == -1 ||
	    out_json_add_cert(o, "cert_2", &rec->cert[1]) == -1 ||
	    out_json_add_number(o, "findings", true, row->findings) == NULL ||
	    out_json_add_ref_or_null(o, "worst_severity", row->has_worst ?
	    severity_name(row->worst) : NULL) == NULL ||
	    (src = out_json_add(o, "source", cJSON_CreateObject())) == NULL ||
	    out_json_add_ref(src, "path", rec->path) == NULL ||
	    out_json_add_number(src, "line", true, rec->line) == NULL) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static int
out_json_user(struct output *out, const struct inventory_row *row)
{
	cJSON	*o;
	int	 rc = -1;

	if (out_json_start(out) == -1)
		return -1;
	if ((o = out_json_user_object(row)) != NULL)
		rc = out_json_emit(out, o);
	cJSON_Delete(o);
	return rc;
}

static int
out_json_resolved_one(struct output *out, const struct resolved_finding *r)
{
	cJSON	*o;
	int	 rc = -1;

	if ((o = cJSON_CreateObject()) == NULL)
		return -1;
	/* A field the baseline lacked stays null rather than turning "". */
	if (out_json_add_ref(o, "id", r->id) != NULL &&
	    out_json_add_ref_or_null(o, "rule", r->rule) != NULL &&
	    out_json_add_ref_or_null(o, "severity", r->severity) != NULL &&
	    out_json_add_ref_or_null(o, "account", r->account) != NULL &&
	    out_json_add_ref_or_null(o, "user", r->user) != NULL &&
	    out_json_add_ref_or_null(o, "credential", r->credential) != NULL &&
	    out_json_add_ref_or_null(o, "message", r->message) != NULL)
		rc = out_json_emit(out, o);
	cJSON_Delete(o);
	return rc;
}

static int
out_json_resolved(struct output *out, const struct run_summary *sum)
{
	size_t	 i;

	if (out_json_write_str(out, ",\"resolved\":[") == -1)
		return -1;
	for (i = 0; i < sum->nresolved; i++)
		if (out_json_resolved_one(out, &sum->resolved[i]) == -1)
			return -1;
	return out_json_close_list(out);
}

static int
out_json_add_input(cJSON *arr, const struct input_info *in)
{
	const struct report_stats	*st = &in->stats;
	cJSON				*o;

	if ((o = cJSON_CreateObject()) == NULL)
		return -1;
	cJSON_AddItemToArray(arr, o);
	if (out_json_add_ref(o, "path", in->path) == NULL ||
	    out_json_add_ref_or_null(o, "account", st->account[0] != '\0' ?
	    st->account : NULL) == NULL ||
	    out_json_add_time(o, "generated_time", st->has_generated_time,
	    st->generated_time) == NULL ||
	    out_json_add_time(o, "as_of", in->begun, in->as_of) == NULL ||
	    out_json_add_number(o, "report_age_hours", in->has_report_age,
	    in->report_age_hours) == NULL ||
	    out_json_add_number(o, "users", true, st->users) == NULL ||
	    out_json_add_number(o, "rows_rejected", true, st->rows_rejected) ==
	    NULL ||
	    out_json_add(o, "root", cJSON_CreateBool(st->has_root)) == NULL ||
	    out_json_add_ref_or_null(o, "error", st->failed ? st->error :
	    NULL) == NULL)
		return -1;
	return 0;
}

/* Control ids are static strings of rules_table: constant keys. */
static int
out_json_add_by_control(cJSON *s, const struct finding_counts *c)
{
	const char	*ctl;
	cJSON		*o;
	size_t		 i;

	if ((o = out_json_add(s, "by_control", cJSON_CreateObject())) == NULL)
		return -1;
	for (i = 0; (ctl = rules_control(i)) != NULL; i++)
		if (out_json_add_number(o, ctl, true,
		    (int64_t)finding_counts_control(c, ctl)) == NULL)
			return -1;
	return 0;
}

static int
out_json_add_counts(cJSON *s, const struct run_summary *sum)
{
	cJSON	*o;
	int	 i;

	if ((o = out_json_add(s, "by_severity", cJSON_CreateObject())) == NULL)
		return -1;
	for (i = SEV_COUNT - 1; i >= 0; i--)
		if (out_json_add_number(o, severity_name((enum severity)i),
		    true, sum->counts.by_severity[i]) == NULL)
			return -1;
	if ((o = out_json_add(s, "by_rule", cJSON_CreateObject())) == NULL)
		return -1;
	for (i = 0; i < RULE_COUNT; i++)
		if (out_json_add_number(o, rules_table[i].id, true,
		    sum->counts.by_rule[i]) == NULL)
			return -1;
	return out_json_add_by_control(s, &sum->counts);
}

static int
out_json_add_summary(cJSON *obj, const struct output *out,
    const struct run_summary *sum)
{
	cJSON	*s;

	if ((s = out_json_add(obj, "summary", cJSON_CreateObject())) == NULL ||
	    out_json_add_number(s, "users", true, sum->users) == NULL ||
	    out_json_add_number(s, "findings", true,
	    sum->counts.findings) == NULL ||
	    out_json_add_number(s, "suppressed", true,
	    sum->counts.suppressed) == NULL)
		return -1;
	if (out->info.baseline && (out_json_add_number(s, "new", true,
	    sum->counts.new_findings) == NULL || out_json_add_number(s,
	    "resolved", true, sum->nresolved) == NULL))
		return -1;
	return out_json_add_counts(s, sum);
}

static int
out_json_tail(struct output *out, const struct run_summary *sum)
{
	cJSON	*tail, *inputs;
	size_t	 i, len;
	int	 rc = -1;

	if ((tail = cJSON_CreateObject()) == NULL)
		return -1;
	inputs = out_json_add(tail, "inputs", cJSON_CreateArray());
	if (inputs == NULL)
		goto done;
	for (i = 0; i < sum->ninputs; i++)
		if (out_json_add_input(inputs, &sum->inputs[i]) == -1)
			goto done;
	if (out_json_add_summary(tail, out, sum) == -1 ||
	    out_json_print(out, tail, 0, &len) == -1)
		goto done;
	/* The tail's opening brace becomes a comma: it continues the head. */
	out->buf[0] = ',';
	out->buf[len++] = '\n';
	rc = out_json_write(out, out->buf, len);
done:
	cJSON_Delete(tail);
	return rc;
}

static int
out_json_end(struct output *out, const struct run_summary *sum)
{
	if (out->ndjson)
		return 0;
	if (out_json_start(out) == -1 || out_json_close_list(out) == -1)
		return -1;
	if (out->info.baseline && out_json_resolved(out, sum) == -1)
		return -1;
	return out_json_tail(out, sum);
}

static void
out_json_free(struct output *out)
{
	size_t	 r;

	if (out == NULL)
		return;
	for (r = 0; r < RULE_COUNT; r++) {
		cJSON_Delete(out->tpl[r][0].root);
		cJSON_Delete(out->tpl[r][1].root);
	}
	free(out->buf);
	free(out);
}

static struct output *
out_json_alloc(FILE *fp, const struct run_info *info, bool ndjson)
{
	struct output	*out;
	size_t		 r;

	if ((out = calloc(1, sizeof(*out))) == NULL)
		return NULL;
	out->fp = fp;
	out->info = *info;
	out->ndjson = ndjson;
	out->bufsz = JSON_BUF_INIT;
	if ((out->buf = malloc(out->bufsz)) == NULL)
		goto fail;
	if (info->inventory)
		return out;
	for (r = 0; r < RULE_COUNT; r++)
		if (out_json_tpl_build(&out->tpl[r][0], &rules_table[r], false,
		    info->baseline) == -1 || out_json_tpl_build(&out->tpl[r][1],
		    &rules_table[r], true, info->baseline) == -1)
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
