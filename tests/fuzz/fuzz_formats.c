/*
 * Fuzz target: arbitrary strings through the json, ndjson and csv
 * formats, read back with cJSON and libcsv.
 *
 * These formats write keys, punctuation and quotes themselves and hand
 * only the rare string that needs escaping to the libraries, so the
 * libraries read everything back here: the input is cut at NUL bytes
 * into the strings of a user record and two findings (one suppressed,
 * with a baseline status), each format writes them, findings and then
 * --inventory rows, and every string must come back exactly (CSV adds
 * the leading ' of its formula guard, and nothing else).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <csv.h>

#include "fuzz_common.h"
#include "output.h"
#include "report.h"
#include "rules.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

const char	 fuzz_name[] = "fuzz_formats";

#define AS_OF	INT64_C(1795392000)	/* 2026-11-23T00:00:00Z */

/* The strings a case takes from the input, in input order. */
enum fuzz_str {
	FS_USER, FS_ARN, FS_ACCOUNT, FS_MESSAGE, FS_CREDENTIAL, FS_REASON,
	FS_REGION, FS_SERVICE, FS_PATH, FS_ID, FS_COUNT
};

/* Everything one run of the formats writes. */
struct fuzz_case {
	const char		*str[FS_COUNT];
	struct policy		 pol;
	struct run_info		 info;
	struct user_record	 rec;
	struct finding		 f[2];
	struct input_info	 input;
	struct run_summary	 sum;
	struct inventory_row	 row;
};

/* CSV read back: every field of every row, NULL for an unquoted empty. */
struct csv_back {
	char	**field;
	size_t	 nfields, cap;
	size_t	 row_start[4];	/* index of each row's first field */
	size_t	 rows;
};

static void
fuzz_case_init(struct fuzz_case *c, const char *text, size_t size)
{
	const char	*s = text, *end = text + size;
	size_t		 i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < FS_COUNT; i++) {
		c->str[i] = s < end ? s : "";
		if (s < end)
			s += strlen(s) + 1;
	}
	policy_init(&c->pol);
	c->pol.as_of = AS_OF;
	c->info.version = "1.0.0";
	c->info.policy = &c->pol;
	c->info.baseline = true;
	c->rec.path = c->str[FS_PATH];
	c->rec.line = (long)size;
	c->rec.user = c->str[FS_USER];
	c->rec.arn = c->str[FS_ARN];
	c->rec.account = c->str[FS_ACCOUNT];
	c->rec.created.kind = TIME_SET;
	c->rec.created.t = AS_OF - 86400 * (int64_t)(size % 5000);
	c->rec.password = PASSWORD_ENABLED;
	c->rec.password_last_used.kind = TIME_NA;
	c->rec.key[0].state = SLOT_ACTIVE;
	c->rec.key[0].last_used = c->rec.created;
	c->rec.key[0].last_used_region = c->str[FS_REGION];
	c->rec.key[0].last_used_service = c->str[FS_SERVICE];
	for (i = 0; i < 2; i++) {
		struct finding	*f = &c->f[i];

		f->rule = i == 0 ? RULE_UNUSED_ACCESS_KEY : RULE_DORMANT_USER;
		f->def = &rules_table[f->rule];
		f->severity = f->def->severity;
		f->rec = &c->rec;
		f->credential = c->str[FS_CREDENTIAL];
		f->has_days = i == 0;
		f->days = (int64_t)size;
		f->threshold = f->def->default_days;
		f->has_last_used = i == 1;
		f->last_used = c->rec.created.t;
		snprintf(f->id, sizeof(f->id), "%s", c->str[FS_ID]);
		snprintf(f->message, sizeof(f->message), "%s",
		    c->str[FS_MESSAGE]);
		f->status = i == 0 ? FINDING_STATUS_NEW :
		    FINDING_STATUS_EXISTING;
	}
	c->f[1].suppressed = true;
	c->f[1].suppress_reason = c->str[FS_REASON];
	c->input.path = c->str[FS_PATH];
	c->sum.inputs = &c->input;
	c->sum.ninputs = 1;
	c->row.rec = &c->rec;
	c->row.as_of = AS_OF;
}

/* Run ops over the case into memory; the caller frees the text. */
static char *
fuzz_write(const struct output_ops *ops, struct fuzz_case *c,
    bool inventory, size_t *len)
{
	struct output	*out;
	FILE		*fp;
	char		*buf = NULL;
	size_t		 i;

	fuzz_check(ops != NULL, "a format is missing");
	c->info.inventory = inventory;
	c->info.baseline = !inventory;
	fuzz_check((fp = open_memstream(&buf, len)) != NULL, "no memory");
	fuzz_check((out = ops->open(fp, &c->info)) != NULL, "open failed");
	for (i = 0; i < 2; i++)
		fuzz_check((inventory ? ops->user(out, &c->row) :
		    ops->finding(out, &c->f[i])) == 0, "a write failed");
	fuzz_check(ops->end(out, &c->sum) == 0, "end failed");
	ops->free(out);
	fuzz_check(fclose(fp) == 0, "memory stream failed");
	return buf;
}

static void
fuzz_json_str(const cJSON *obj, const char *key, const char *want)
{
	const cJSON	*item = cJSON_GetObjectItemCaseSensitive(obj, key);

	fuzz_check(cJSON_IsString(item), "a string member is missing");
	fuzz_check(strcmp(item->valuestring, want) == 0,
	    "a string did not come back from JSON");
}

static void
fuzz_json_finding(const cJSON *o, const struct finding *f)
{
	fuzz_json_str(o, "id", f->id);
	fuzz_json_str(o, "account", f->rec->account);
	fuzz_json_str(o, "user", f->rec->user);
	fuzz_json_str(o, "arn", f->rec->arn);
	fuzz_json_str(o, "credential", f->credential);
	fuzz_json_str(o, "message", f->message);
	if (f->suppressed)
		fuzz_json_str(o, "suppression_reason", f->suppress_reason);
	fuzz_json_str(cJSON_GetObjectItemCaseSensitive(o, "source"), "path",
	    f->rec->path);
}

static void
fuzz_json_user(const cJSON *o, const struct user_record *rec)
{
	const cJSON	*key = cJSON_GetObjectItemCaseSensitive(o,
	    "access_key_1");

	fuzz_json_str(o, "account", rec->account);
	fuzz_json_str(o, "user", rec->user);
	fuzz_json_str(o, "arn", rec->arn);
	fuzz_json_str(key, "region", rec->key[0].last_used_region);
	fuzz_json_str(key, "service", rec->key[0].last_used_service);
	fuzz_json_str(cJSON_GetObjectItemCaseSensitive(o, "source"), "path",
	    rec->path);
}

static void
fuzz_json_item(const cJSON *o, const struct fuzz_case *c, bool inventory,
    size_t i)
{
	fuzz_check(cJSON_IsObject(o), "an item is not an object");
	if (inventory)
		fuzz_json_user(o, &c->rec);
	else
		fuzz_json_finding(o, &c->f[i]);
}

static void
fuzz_json(struct fuzz_case *c, bool inventory)
{
	const cJSON	*list, *o;
	cJSON		*doc;
	char		*text;
	size_t		 len, i = 0;

	text = fuzz_write(output_lookup("json"), c, inventory, &len);
	doc = cJSON_ParseWithLength(text, len);
	fuzz_check(doc != NULL, "the json document does not parse");
	list = cJSON_GetObjectItemCaseSensitive(doc,
	    inventory ? "users" : "findings");
	fuzz_check(cJSON_GetArraySize(list) == 2, "json lost an item");
	cJSON_ArrayForEach(o, list)
		fuzz_json_item(o, c, inventory, i++);
	list = cJSON_GetObjectItemCaseSensitive(doc, "inputs");
	fuzz_json_str(cJSON_GetArrayItem(list, 0), "path", c->input.path);
	cJSON_Delete(doc);
	free(text);
}

/* One object per line: a newline inside a string is always escaped. */
static void
fuzz_ndjson(struct fuzz_case *c, bool inventory)
{
	cJSON	*o;
	char	*text, *line, *nl;
	size_t	 len, i;

	text = fuzz_write(output_lookup("ndjson"), c, inventory, &len);
	line = text;
	for (i = 0; i < 2; i++) {
		nl = memchr(line, '\n', len - (size_t)(line - text));
		fuzz_check(nl != NULL, "an ndjson line is missing");
		o = cJSON_ParseWithLength(line, (size_t)(nl - line));
		fuzz_check(o != NULL, "an ndjson line does not parse");
		fuzz_json_item(o, c, inventory, i);
		cJSON_Delete(o);
		line = nl + 1;
	}
	fuzz_check(line == text + len, "ndjson wrote more than two lines");
	free(text);
}

static void
csv_back_field(void *data, size_t len, void *ctx)
{
	struct csv_back	*b = ctx;
	char		**p, *s = NULL;

	if (b->nfields == b->cap) {
		b->cap = b->cap > 0 ? b->cap * 2 : 64;
		p = realloc(b->field, b->cap * sizeof(*p));
		fuzz_check(p != NULL, "no memory");
		b->field = p;
	}
	if (data != NULL) {
		fuzz_check((s = malloc(len + 1)) != NULL, "no memory");
		memcpy(s, data, len);
		s[len] = '\0';
	}
	b->field[b->nfields++] = s;
}

static void
csv_back_row(int c, void *ctx)
{
	struct csv_back	*b = ctx;

	(void)c;
	fuzz_check(b->rows < 3, "csv wrote more than three rows");
	b->row_start[++b->rows] = b->nfields;
}

/*
 * The column named name (row 0 is the header) of row 1 or 2 holds s,
 * guarded as a formula.
 */
static void
fuzz_csv_cell(const struct csv_back *b, size_t row, const char *name,
    const char *s)
{
	const char	*got;
	bool		 formula = strchr("=+-@\t\r", s[0]) != NULL &&
	    s[0] != '\0';
	size_t		 col;

	for (col = 0; col < b->row_start[1]; col++)
		if (b->field[col] != NULL && strcmp(b->field[col], name) == 0)
			break;
	fuzz_check(col < b->row_start[1], "a csv column is missing");
	fuzz_check(b->row_start[row] + col < b->row_start[row + 1],
	    "a csv row is short");
	got = b->field[b->row_start[row] + col];
	fuzz_check(got != NULL, "a csv cell came back null");
	if (formula)
		fuzz_check(got[0] == '\'' && strcmp(got + 1, s) == 0,
		    "a formula cell did not come back with its guard");
	else
		fuzz_check(strcmp(got, s) == 0,
		    "a string did not come back from CSV");
}

static void
fuzz_csv(struct fuzz_case *c, bool inventory)
{
	struct csv_parser	 p;
	struct csv_back		 b;
	char			*text;
	size_t			 len, i;

	memset(&b, 0, sizeof(b));
	text = fuzz_write(output_lookup("csv"), c, inventory, &len);
	fuzz_check(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI |
	    CSV_EMPTY_IS_NULL) == 0, "csv_init failed");
	fuzz_check(csv_parse(&p, text, len, csv_back_field, csv_back_row,
	    &b) == len, "the csv does not parse");
	fuzz_check(csv_fini(&p, csv_back_field, csv_back_row, &b) == 0,
	    "the csv ends inside a quote");
	csv_free(&p);
	fuzz_check(b.rows == 3, "csv lost a row");
	for (i = 1; i <= 2; i++) {
		fuzz_csv_cell(&b, i, "account", c->rec.account);
		fuzz_csv_cell(&b, i, "user", c->rec.user);
		fuzz_csv_cell(&b, i, "arn", c->rec.arn);
		fuzz_csv_cell(&b, i, "path", c->rec.path);
		/* Key 1's columns hold no strings of the case. */
		if (inventory)
			continue;
		fuzz_csv_cell(&b, i, "id", c->f[i - 1].id);
		fuzz_csv_cell(&b, i, "credential", c->f[i - 1].credential);
		fuzz_csv_cell(&b, i, "message", c->f[i - 1].message);
		if (c->f[i - 1].suppressed)
			fuzz_csv_cell(&b, i, "suppression_reason",
			    c->f[i - 1].suppress_reason);
	}
	for (i = 0; i < b.nfields; i++)
		free(b.field[i]);
	free(b.field);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_case	 c;
	char			*text;
	int			 inventory;

	/* NUL-terminated, so the last string ends too. */
	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	fuzz_case_init(&c, text, size);
	for (inventory = 0; inventory < 2; inventory++) {
		fuzz_json(&c, inventory);
		fuzz_ndjson(&c, inventory);
		fuzz_csv(&c, inventory);
	}
	policy_free(&c.pol);
	free(text);
	return 0;
}
