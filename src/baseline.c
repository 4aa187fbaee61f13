/*
 * Baselines: the findings of an earlier `--format json` run, held so that
 * this run can say which of its findings are new and which of the old
 * ones have gone away.
 *
 * The document is parsed with cJSON once; only the fields a resolved
 * finding shows are copied out and the tree is dropped.  Ids go into an
 * open-addressing hash table (FNV-1a, linear probing, grown at half
 * load) so marking a finding costs the same whatever the baseline's size.
 * A baseline may hold the same id twice (a report with a duplicated row);
 * such findings share one "seen" flag, and the id is listed as resolved
 * once, at its first place.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "baseline.h"
#include "diag.h"
#include "jsondoc.h"
#include "readfile.h"
#include "timeparse.h"
#include "utf8.h"

/* A baseline larger than this is surely not one. */
#define BASELINE_MAX_SIZE	((size_t)256 * 1024 * 1024)
#define BASELINE_MIN_SLOTS	16

struct bl_finding {
	char	*id;
	char	*rule;
	char	*severity;
	char	*account;
	char	*user;
	char	*credential;
	char	*arn;
	char	*message;
	size_t	 first;		/* index of the first finding with this id */
	bool	 seen;		/* meaningful at the first one only */
};

struct baseline {
	struct bl_finding	*findings;	/* in the document's order */
	size_t			 nfindings;
	size_t			*slots;		/* finding index + 1; 0 empty */
	size_t			 nslots;	/* a power of two */
	size_t			 nids;		/* distinct ids in slots */
	struct resolved_finding	*resolved;	/* room for every finding */
	bool			 has_as_of;
	int64_t			 as_of;
};

static uint64_t
baseline_hash(const char *s)
{
	uint64_t	 h = 14695981039346656037ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* The slot holding id, or the empty slot where it would go. */
static size_t
baseline_probe(const struct baseline *b, const char *id)
{
	size_t	 mask = b->nslots - 1;
	size_t	 i = (size_t)baseline_hash(id) & mask;

	while (b->slots[i] != 0 &&
	    strcmp(b->findings[b->slots[i] - 1].id, id) != 0)
		i = (i + 1) & mask;
	return i;
}

static int
baseline_grow(struct baseline *b)
{
	size_t	*old = b->slots, nold = b->nslots, i;

	b->nslots = nold == 0 ? BASELINE_MIN_SLOTS : nold * 2;
	if ((b->slots = calloc(b->nslots, sizeof(*b->slots))) == NULL) {
		b->slots = old;
		b->nslots = nold;
		return -1;
	}
	for (i = 0; i < nold; i++)
		if (old[i] != 0)
			b->slots[baseline_probe(b,
			    b->findings[old[i] - 1].id)] = old[i];
	free(old);
	return 0;
}

/* Enter findings[k] under its id; a repeated id points at its first. */
static int
baseline_index(struct baseline *b, size_t k)
{
	size_t	 i;

	if ((b->nids + 1) * 2 > b->nslots && baseline_grow(b) == -1)
		return -1;
	i = baseline_probe(b, b->findings[k].id);
	if (b->slots[i] != 0) {
		b->findings[k].first = b->slots[i] - 1;
		return 0;
	}
	b->slots[i] = k + 1;
	b->findings[k].first = k;
	b->nids++;
	return 0;
}

static void
baseline_finding_free(struct bl_finding *f)
{
	free(f->id);
	free(f->rule);
	free(f->severity);
	free(f->account);
	free(f->user);
	free(f->credential);
	free(f->arn);
	free(f->message);
}

void
baseline_free(struct baseline *b)
{
	size_t	 i;

	if (b == NULL)
		return;
	for (i = 0; i < b->nfindings; i++)
		baseline_finding_free(&b->findings[i]);
	free(b->findings);
	free(b->slots);
	free(b->resolved);
	free(b);
}

/* A copy of obj's string member name into *out; NULL when it has none. */
static int
baseline_copy(const cJSON *obj, const char *name, char **out)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(obj, name);

	*out = NULL;
	if (!cJSON_IsString(v) || v->valuestring == NULL)
		return 0;
	return (*out = strdup(v->valuestring)) == NULL ? -1 : 0;
}

static int
baseline_copy_finding(const cJSON *obj, struct bl_finding *f)
{
	if (baseline_copy(obj, "id", &f->id) == -1 ||
	    baseline_copy(obj, "rule", &f->rule) == -1 ||
	    baseline_copy(obj, "severity", &f->severity) == -1 ||
	    baseline_copy(obj, "account", &f->account) == -1 ||
	    baseline_copy(obj, "user", &f->user) == -1 ||
	    baseline_copy(obj, "credential", &f->credential) == -1 ||
	    baseline_copy(obj, "arn", &f->arn) == -1 ||
	    baseline_copy(obj, "message", &f->message) == -1)
		return -1;
	return 0;
}

/* Copy and index findings[k]; says what is wrong to d. */
static int
baseline_take_one(struct baseline *b, const cJSON *obj, const char *path,
    struct diag *d)
{
	size_t			 k = b->nfindings;
	struct bl_finding	*f = &b->findings[k];

	if (!cJSON_IsObject(obj)) {
		diag_report(d, DIAG_ERROR, path, 0,
		    "findings[%zu]: not an object", k);
		return -1;
	}
	b->nfindings++;		/* so that baseline_free frees the copies */
	if (baseline_copy_finding(obj, f) == -1)
		goto nomem;
	if (f->id == NULL || f->id[0] == '\0') {
		diag_report(d, DIAG_ERROR, path, 0, "findings[%zu]: no id", k);
		return -1;
	}
	if (baseline_index(b, k) == -1)
		goto nomem;
	return 0;
nomem:
	diag_report(d, DIAG_ERROR, path, 0, "%s", strerror(ENOMEM));
	return -1;
}

static int
baseline_take_findings(struct baseline *b, const cJSON *arr,
    const char *path, struct diag *d)
{
	const cJSON	*obj;
	size_t		 n = (size_t)cJSON_GetArraySize(arr);

	/* resolved has room for every finding, so listing cannot fail. */
	if ((b->findings = calloc(n + 1, sizeof(*b->findings))) == NULL ||
	    (b->resolved = calloc(n + 1, sizeof(*b->resolved))) == NULL) {
		diag_report(d, DIAG_ERROR, path, 0, "%s", strerror(ENOMEM));
		return -1;
	}
	cJSON_ArrayForEach(obj, arr)
		if (baseline_take_one(b, obj, path, d) == -1)
			return -1;
	return 0;
}

static int
baseline_take_as_of(struct baseline *b, const cJSON *doc, const char *path,
    struct diag *d)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(doc, "as_of");

	if (v == NULL || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsString(v) || v->valuestring == NULL ||
	    timeparse_iso8601(v->valuestring, strlen(v->valuestring),
	    &b->as_of) == -1) {
		diag_report(d, DIAG_ERROR, path, 0, "as_of is not a timestamp");
		return -1;
	}
	b->has_as_of = true;
	return 0;
}

/* Is doc a credaudit findings document?  Says why not to d. */
static const cJSON *
baseline_findings_of(const cJSON *doc, const char *path, struct diag *d)
{
	const cJSON	*arr;

	if (!cJSON_IsObject(doc) || !cJSON_IsString(
	    cJSON_GetObjectItemCaseSensitive(doc, "credaudit_version"))) {
		diag_report(d, DIAG_ERROR, path, 0, "not a credaudit JSON "
		    "document (no credaudit_version)");
		return NULL;
	}
	arr = cJSON_GetObjectItemCaseSensitive(doc, "findings");
	if (arr == NULL && cJSON_HasObjectItem(doc, "users")) {
		diag_report(d, DIAG_ERROR, path, 0, "an --inventory document "
		    "has no findings; make the baseline without --inventory");
		return NULL;
	}
	if (!cJSON_IsArray(arr)) {
		diag_report(d, DIAG_ERROR, path, 0, "findings is not an array");
		return NULL;
	}
	return arr;
}

/* Parse text as one JSON value with nothing but white space after it. */
static cJSON *
baseline_json(const char *path, const char *text, size_t len,
    struct diag *d)
{
	cJSON		*doc;
	unsigned long	 line;

	if ((doc = jsondoc_parse(text, len, &line)) == NULL)
		diag_report(d, DIAG_ERROR, path, 0,
		    "not valid JSON near line %lu", line);
	return doc;
}

struct baseline *
baseline_parse(const char *path, const char *text, size_t len,
    struct diag *d)
{
	struct baseline	*b = NULL;
	const cJSON	*arr;
	cJSON		*doc;

	/* Resolved findings are written back out; keep the JSON valid. */
	if (!utf8_valid(text, len)) {
		diag_report(d, DIAG_ERROR, path, 0, "not valid UTF-8");
		return NULL;
	}
	if ((doc = baseline_json(path, text, len, d)) == NULL)
		return NULL;
	if ((arr = baseline_findings_of(doc, path, d)) == NULL)
		goto fail;
	if ((b = calloc(1, sizeof(*b))) == NULL) {
		diag_report(d, DIAG_ERROR, path, 0, "%s", strerror(ENOMEM));
		goto fail;
	}
	if (baseline_take_findings(b, arr, path, d) == -1 ||
	    baseline_take_as_of(b, doc, path, d) == -1)
		goto fail;
	cJSON_Delete(doc);
	return b;
fail:
	baseline_free(b);
	cJSON_Delete(doc);
	return NULL;
}

struct baseline *
baseline_load(const char *path, struct diag *d)
{
	struct baseline	*b;
	char		*text;
	size_t		 len;
	int		 opened;

	if (readfile_path(path, BASELINE_MAX_SIZE, &text, &len, &opened) ==
	    -1) {
		if (errno == EFBIG)
			diag_report(d, DIAG_ERROR, path, 0, "cannot read: "
			    "larger than %zu MiB", BASELINE_MAX_SIZE >> 20);
		else
			diag_report(d, DIAG_ERROR, path, 0, "cannot read: %s",
			    strerror(errno));
		return NULL;
	}
	b = baseline_parse(path, text, len, d);
	free(text);
	return b;
}

bool
baseline_as_of(const struct baseline *b, int64_t *as_of)
{
	if (b == NULL || !b->has_as_of)
		return false;
	*as_of = b->as_of;
	return true;
}

enum finding_status
baseline_mark(struct baseline *b, const char *id)
{
	size_t	 i;

	if (b == NULL)
		return FINDING_STATUS_NONE;
	if (b->nslots == 0)
		return FINDING_STATUS_NEW;
	i = baseline_probe(b, id);
	if (b->slots[i] == 0)
		return FINDING_STATUS_NEW;
	b->findings[b->slots[i] - 1].seen = true;
	return FINDING_STATUS_EXISTING;
}

const struct resolved_finding *
baseline_resolved(struct baseline *b, size_t *n)
{
	const struct bl_finding	*f;
	struct resolved_finding	*r;
	size_t			 i;

	*n = 0;
	if (b == NULL)
		return NULL;
	for (i = 0; i < b->nfindings; i++) {
		f = &b->findings[i];
		if (f->first != i || f->seen)
			continue;
		r = &b->resolved[(*n)++];
		r->id = f->id;
		r->rule = f->rule;
		r->severity = f->severity;
		r->account = f->account;
		r->user = f->user;
		r->credential = f->credential;
		r->arn = f->arn;
		r->message = f->message;
	}
	return b->resolved;
}
