/*
 * Baselines: the findings of an earlier `--format json` run (or its
 * `--format ndjson` stream), held so that this run can say which of its
 * findings are new and which of the old ones have gone away.
 *
 * A baseline can be as large as a report's findings, so it is never held
 * whole.  It is read a chunk at a time; cJSON parses one value at a time
 * out of the chunk (one finding, one member of the document), and of
 * each finding only the fields a resolved finding shows are kept,
 * packed into one string block in an arena.  The reader itself only
 * steps over the punctuation between values ({ } [ ] : , and white
 * space); everything it keeps or checks is cJSON's.  Memory grows with
 * the number of findings, some two hundred bytes each, not with the
 * size of the file.
 *
 * Ids go into an open-addressing hash table (FNV-1a, linear probing,
 * grown at half load) so marking a finding costs the same whatever the
 * baseline's size.  A baseline may hold the same id twice (a report with
 * a duplicated row); such findings share one "seen" flag, and the id is
 * listed as resolved once, at its first place.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "baseline.h"
#include "diag.h"
#include "jsondoc.h"
#include "timeparse.h"
#include "utf8.h"

#define BASELINE_MIN_SLOTS	16
/* Bytes read at a time. */
#define BL_CHUNK		(64 * 1024)
/* The largest single value: a finding is under a few KiB. */
#define BL_MAX_VALUE		(1024 * 1024)
/* Text of the kept fields, allocated this much at a time. */
#define BL_ARENA_CHUNK		(256 * 1024)

/* The fields kept of each finding, those struct resolved_finding shows. */
enum bl_field {
	BL_ID, BL_RULE, BL_SEVERITY, BL_ACCOUNT, BL_USER, BL_CREDENTIAL,
	BL_ARN, BL_MESSAGE, BL_NFIELDS
};

static const char *const bl_field_names[BL_NFIELDS] = {
	"id", "rule", "severity", "account", "user", "credential", "arn",
	"message"
};

/*
 * One finding: its fields, each NUL-terminated, one after another in
 * text (a field the baseline lacked is an empty string and its bit in
 * has is clear).
 */
struct bl_finding {
	const char	*text;
	size_t		 first;		/* index of the first finding with this id */
	unsigned char	 has;		/* bit i: field i was there */
	bool		 seen;		/* meaningful at the first one only */
};

struct bl_chunk {
	struct bl_chunk	*next;
	size_t		 used, size;
	char		 data[];
};

struct baseline {
	struct bl_finding	*findings;	/* in the document's order */
	size_t			 nfindings, capfindings;
	struct bl_chunk		*arena;
	size_t			*slots;		/* finding index + 1; 0 empty */
	size_t			 nslots;	/* a power of two */
	size_t			 nids;		/* distinct ids in slots */
	struct resolved_finding	*resolved;
	bool			 has_as_of;
	int64_t			 as_of;
};

/*
 * The reader: a window of the file, buf[pos..len) not yet consumed.  Each
 * \u0000 escape read into it is marked (JSONDOC_NUL_MARK) before cJSON
 * sees it, up to "marked", so that a kept string cut short by a NUL can
 * be refused.
 */
struct bl_reader {
	FILE		*fp;		/* NULL: everything is in buf */
	char		*buf;
	size_t		 cap, pos, len, marked;
	bool		 eof;
	unsigned long	 line;		/* of buf[pos] */
	const char	*path;
	struct diag	*d;
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
	    strcmp(b->findings[b->slots[i] - 1].text, id) != 0)
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
			    b->findings[old[i] - 1].text)] = old[i];
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
	i = baseline_probe(b, b->findings[k].text);
	if (b->slots[i] != 0) {
		b->findings[k].first = b->slots[i] - 1;
		return 0;
	}
	b->slots[i] = k + 1;
	b->findings[k].first = k;
	b->nids++;
	return 0;
}

/* Room for len bytes of text that never move; NULL when out of memory. */
static char *
baseline_arena(struct baseline *b, size_t len)
{
	struct bl_chunk	*c = b->arena;
	size_t		 size;

	if (c == NULL || c->size - c->used < len) {
		size = len > BL_ARENA_CHUNK ? len : BL_ARENA_CHUNK;
		if ((c = malloc(sizeof(*c) + size)) == NULL)
			return NULL;
		c->next = b->arena;
		c->used = 0;
		c->size = size;
		b->arena = c;
	}
	c->used += len;
	return c->data + c->used - len;
}

void
baseline_free(struct baseline *b)
{
	struct bl_chunk	*c, *next;

	if (b == NULL)
		return;
	for (c = b->arena; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(b->findings);
	free(b->slots);
	free(b->resolved);
	free(b);
}

/* Errors. */

static int __attribute__((format(printf, 2, 3)))
bl_error(struct bl_reader *r, const char *fmt, ...)
{
	char	 msg[256];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_report(r->d, DIAG_ERROR, r->path, 0, "%s", msg);
	return -1;
}

static int
bl_nomem(struct bl_reader *r)
{
	return bl_error(r, "out of memory");
}

/* Lines in buf[from..to): LF, CRLF and a lone CR each end one. */
static unsigned long
bl_lines(const struct bl_reader *r, size_t from, size_t to)
{
	unsigned long	 n = 0;
	size_t		 i;

	for (i = from; i < to; i++)
		if (r->buf[i] == '\n' || (r->buf[i] == '\r' &&
		    (i + 1 == r->len || r->buf[i + 1] != '\n')))
			n++;
	return n;
}

static int
bl_syntax(struct bl_reader *r, size_t at)
{
	return bl_error(r, "not valid JSON near line %lu",
	    r->line + bl_lines(r, r->pos, at));
}

/* The reader. */

/* Mark the \u0000 escapes that arrived since the last call. */
static void
bl_mark(struct bl_reader *r)
{
	char	*p = r->buf + r->marked, *end = r->buf + r->len;

	while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		/* An escape cut at the window's end waits for the rest. */
		if (end - p < 6 && !r->eof)
			break;
		if (end - p >= 6 && memcmp(p, "\\u0000", 6) == 0) {
			memset(p, JSONDOC_NUL_MARK, 6);
			p += 6;
		} else if (end - p <= 2) {
			p = end;
			break;
		} else
			p += 2;
	}
	r->marked = (size_t)((p != NULL ? p : end) - r->buf);
}

/*
 * Have at least want unread bytes in the window, or all that is left.
 * The window is moved to the start of buf and grown as needed.
 */
static int
bl_fill(struct bl_reader *r, size_t want)
{
	size_t	 n, ncap;
	char	*p;

	if (r->eof || r->len - r->pos >= want)
		return 0;
	if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->marked = r->marked > r->pos ? r->marked - r->pos : 0;
		r->pos = 0;
	}
	while (!r->eof && r->len < want) {
		if (r->cap - r->len < BL_CHUNK) {
			ncap = r->cap > 0 ? r->cap * 2 : 2 * BL_CHUNK;
			if ((p = realloc(r->buf, ncap)) == NULL)
				return bl_nomem(r);
			r->buf = p;
			r->cap = ncap;
		}
		n = fread(r->buf + r->len, 1, r->cap - r->len, r->fp);
		r->len += n;
		if (n == 0) {
			if (ferror(r->fp))
				return bl_error(r, "cannot read: %s",
				    strerror(errno != 0 ? errno : EIO));
			r->eof = true;
		}
	}
	bl_mark(r);
	return 0;
}

static void
bl_consume(struct bl_reader *r, size_t to)
{
	r->line += bl_lines(r, r->pos, to);
	r->pos = to;
}

static bool
bl_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Skip white space; the next byte, -1 at the end of the input, or -2
 * when reading failed (the message is in place).
 */
static int
bl_peek(struct bl_reader *r)
{
	size_t	 i;

	for (;;) {
		for (i = r->pos; i < r->len && bl_is_space(r->buf[i]); i++)
			continue;
		if (i < r->len || r->eof) {
			bl_consume(r, i);
			return i < r->len ? (unsigned char)r->buf[i] : -1;
		}
		/* A last CR stays: the LF after it, if any, is still unread. */
		bl_consume(r, i > r->pos && r->buf[i - 1] == '\r' ? i - 1 : i);
		if (bl_fill(r, r->len - r->pos + 1) == -1)
			return -2;
	}
}

/*
 * Parse the value at the window's start with cJSON, reading more until
 * it is whole.  A value that ends exactly at the window's end might be a
 * number cut short, so one more byte, or the end of the input, must be
 * in sight before it is taken.
 */
static cJSON *
bl_value(struct bl_reader *r)
{
	const char	*end = NULL;
	size_t		 avail;
	cJSON		*v;

	for (;;) {
		avail = r->len - r->pos;
		errno = 0;
		v = cJSON_ParseWithLengthOpts(r->buf + r->pos, avail, &end, 0);
		if (v != NULL && (end < r->buf + r->len || r->eof)) {
			bl_consume(r, (size_t)(end - r->buf));
			return v;
		}
		cJSON_Delete(v);
		if (v == NULL && errno == ENOMEM) {
			bl_nomem(r);
			return NULL;
		}
		if (end == NULL || end < r->buf + r->pos ||
		    end > r->buf + r->len)
			end = r->buf + r->pos;
		/*
		 * A value cut by the window's end fails like a broken one, so
		 * read on until the end of the input shows which it is, or
		 * until the value would be too long to be a finding.
		 */
		if (r->eof) {
			bl_syntax(r, (size_t)(end - r->buf));
			return NULL;
		}
		if (avail >= BL_MAX_VALUE) {
			bl_error(r, "not valid JSON, or a value longer than %d "
			    "KiB, near line %lu", BL_MAX_VALUE / 1024, r->line +
			    bl_lines(r, r->pos, (size_t)(end - r->buf)));
			return NULL;
		}
		if (bl_fill(r, avail + (avail < BL_CHUNK ? BL_CHUNK : avail))
		    == -1)
			return NULL;
	}
}

/* Consume the punctuation ch, which bl_peek returned. */
static void
bl_take(struct bl_reader *r)
{
	r->pos++;
}

/* Keeping findings. */

/*
 * A copy of the string member name of obj into the finding's text at *w;
 * sets the field's bit when there is one.  Refuses what would be written
 * back wrong: a NUL that cut the string short, or invalid UTF-8.
 */
static int
bl_field(struct bl_reader *r, const cJSON *obj, enum bl_field i,
    const char *label, struct bl_finding *f, char **w)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(obj,
			    bl_field_names[i]);
	size_t		 len;

	if (cJSON_IsString(v) && v->valuestring != NULL) {
		len = strlen(v->valuestring);
		if (JSONDOC_HAS_NUL(v->valuestring))
			return bl_error(r, "%s.%s: holds a NUL character "
			    "(\\u0000)", label, bl_field_names[i]);
		if (!utf8_valid(v->valuestring, len))
			return bl_error(r, "%s.%s: not valid UTF-8", label,
			    bl_field_names[i]);
		memcpy(*w, v->valuestring, len);
		*w += len;
		f->has |= 1u << i;
	}
	*(*w)++ = '\0';
	return 0;
}

/* Bytes the kept fields of obj take, NULs included. */
static size_t
bl_text_size(const cJSON *obj)
{
	const cJSON	*v;
	size_t		 i, n = 0;

	for (i = 0; i < BL_NFIELDS; i++) {
		v = cJSON_GetObjectItemCaseSensitive(obj, bl_field_names[i]);
		if (cJSON_IsString(v) && v->valuestring != NULL)
			n += strlen(v->valuestring);
		n++;
	}
	return n;
}

/* Keep one finding object; label names it in messages. */
static int
bl_take_finding(struct bl_reader *r, struct baseline *b, const cJSON *obj,
    const char *label)
{
	struct bl_finding	*f, *grown;
	size_t			 ncap, i;
	char			*w;

	if (!cJSON_IsObject(obj))
		return bl_error(r, "%s: not an object", label);
	if (b->nfindings == b->capfindings) {
		ncap = b->capfindings > 0 ? b->capfindings * 2 : 64;
		if ((grown = realloc(b->findings, ncap * sizeof(*grown))) ==
		    NULL)
			return bl_nomem(r);
		b->findings = grown;
		b->capfindings = ncap;
	}
	f = &b->findings[b->nfindings];
	memset(f, 0, sizeof(*f));
	if ((w = baseline_arena(b, bl_text_size(obj))) == NULL)
		return bl_nomem(r);
	f->text = w;
	for (i = 0; i < BL_NFIELDS; i++)
		if (bl_field(r, obj, (enum bl_field)i, label, f, &w) == -1)
			return -1;
	if (!(f->has & 1u << BL_ID) || f->text[0] == '\0')
		return bl_error(r, "%s: no id", label);
	if (baseline_index(b, b->nfindings) == -1)
		return bl_nomem(r);
	b->nfindings++;
	return 0;
}

/* The document. */

/*
 * The elements of the array at the window's start, each parsed on its
 * own: kept as findings when keep, else dropped.
 */
static int
bl_array(struct bl_reader *r, struct baseline *b, bool keep)
{
	char	 label[48];
	cJSON	*v;
	size_t	 k = 0;
	int	 c, rc;

	bl_take(r);		/* [ */
	if ((c = bl_peek(r)) == ']') {
		bl_take(r);
		return 0;
	}
	for (;; k++) {
		if (c < 0)
			return c == -2 ? -1 : bl_syntax(r, r->pos);
		if ((v = bl_value(r)) == NULL)
			return -1;
		snprintf(label, sizeof(label), "findings[%zu]", k);
		rc = keep ? bl_take_finding(r, b, v, label) : 0;
		cJSON_Delete(v);
		if (rc == -1)
			return -1;
		if ((c = bl_peek(r)) == ']') {
			bl_take(r);
			return 0;
		}
		if (c != ',')
			return c == -2 ? -1 : bl_syntax(r, r->pos);
		bl_take(r);
		c = bl_peek(r);
	}
}

/*
 * One member of the top-level object.  Arrays are read element by
 * element ("findings" kept, any other dropped) and stand in head as an
 * empty array; every other value goes into head whole.
 */
static int
bl_member(struct bl_reader *r, struct baseline *b, cJSON *head)
{
	cJSON	*key, *v;
	bool	 findings;
	int	 c, rc = -1;

	if ((key = bl_value(r)) == NULL)
		return -1;
	if ((c = bl_peek(r)) == -2)
		goto out;
	if (!cJSON_IsString(key) || c != ':') {
		rc = bl_syntax(r, r->pos);
		goto out;
	}
	bl_take(r);
	findings = strcmp(key->valuestring, "findings") == 0;
	if (findings && cJSON_HasObjectItem(head, "findings")) {
		rc = bl_error(r, "findings appears more than once");
		goto out;
	}
	if ((c = bl_peek(r)) == -2)
		goto out;
	if (c == '[') {
		if (bl_array(r, b, findings) == -1)
			goto out;
		v = cJSON_CreateArray();
	} else if ((v = bl_value(r)) == NULL)
		goto out;
	if (v == NULL || !cJSON_AddItemToObject(head, key->valuestring, v)) {
		cJSON_Delete(v);
		rc = bl_nomem(r);
		goto out;
	}
	rc = 0;
out:
	cJSON_Delete(key);
	return rc;
}

/* The first object of the input, into head; its arrays as bl_member says. */
static int
bl_object(struct bl_reader *r, struct baseline *b, cJSON *head)
{
	int	 c;

	bl_take(r);		/* { */
	if ((c = bl_peek(r)) == '}') {
		bl_take(r);
		return 0;
	}
	for (;;) {
		if (c != '"')
			return c == -2 ? -1 : bl_syntax(r, r->pos);
		if (bl_member(r, b, head) == -1)
			return -1;
		if ((c = bl_peek(r)) == '}') {
			bl_take(r);
			return 0;
		}
		if (c != ',')
			return c == -2 ? -1 : bl_syntax(r, r->pos);
		bl_take(r);
		c = bl_peek(r);
	}
}

static int
bl_as_of(struct bl_reader *r, struct baseline *b, const cJSON *head)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(head, "as_of");

	if (v == NULL || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsString(v) || v->valuestring == NULL ||
	    timeparse_iso8601(v->valuestring, strlen(v->valuestring),
	    &b->as_of) == -1)
		return bl_error(r, "as_of is not a timestamp");
	b->has_as_of = true;
	return 0;
}

/* The rest of the document is white space. */
static int
bl_document_end(struct bl_reader *r, struct baseline *b, const cJSON *head)
{
	const cJSON	*arr = cJSON_GetObjectItemCaseSensitive(head,
			    "findings");
	int		 c;

	if (arr == NULL && cJSON_HasObjectItem(head, "users"))
		return bl_error(r, "an --inventory document has no findings; "
		    "make the baseline without --inventory");
	if (!cJSON_IsArray(arr))
		return bl_error(r, "findings is not an array");
	if (bl_as_of(r, b, head) == -1)
		return -1;
	if ((c = bl_peek(r)) == -2)
		return -1;
	return c == -1 ? 0 : bl_syntax(r, r->pos);
}

/* NDJSON: the first object was a finding; so is every value after it. */
static int
bl_ndjson(struct bl_reader *r, struct baseline *b, const cJSON *first,
    unsigned long first_line)
{
	char		 label[48];
	unsigned long	 line;
	cJSON		*v;
	int		 c, rc;

	snprintf(label, sizeof(label), "line %lu", first_line);
	if (bl_take_finding(r, b, first, label) == -1)
		return -1;
	while ((c = bl_peek(r)) >= 0) {
		line = r->line;
		if ((v = bl_value(r)) == NULL)
			return -1;
		snprintf(label, sizeof(label), "line %lu", line);
		rc = bl_take_finding(r, b, v, label);
		cJSON_Delete(v);
		if (rc == -1)
			return -1;
	}
	return c == -2 ? -1 : 0;
}

static int
bl_read(struct bl_reader *r, struct baseline *b)
{
	const cJSON	*version;
	cJSON		*head;
	unsigned long	 first_line;
	int		 c, rc;

	if (bl_fill(r, 3) == -1)
		return -1;
	if (r->len >= 3 && memcmp(r->buf, "\xef\xbb\xbf", 3) == 0)
		r->pos = 3;
	if ((c = bl_peek(r)) == -2)
		return -1;
	if (c == -1)
		return bl_error(r, "empty: not a credaudit JSON document or "
		    "NDJSON findings");
	if (c != '{')
		return bl_error(r, "not a credaudit JSON document (no "
		    "credaudit_version)");
	first_line = r->line;
	if ((head = cJSON_CreateObject()) == NULL)
		return bl_nomem(r);
	if ((rc = bl_object(r, b, head)) == 0) {
		version = cJSON_GetObjectItemCaseSensitive(head,
		    "credaudit_version");
		if (cJSON_IsString(version))
			rc = bl_document_end(r, b, head);
		else if (cJSON_HasObjectItem(head, "id") &&
		    !cJSON_HasObjectItem(head, "findings"))
			rc = bl_ndjson(r, b, head, first_line);
		else
			rc = bl_error(r, "not a credaudit JSON document (no "
			    "credaudit_version)");
	}
	cJSON_Delete(head);
	return rc;
}

static struct baseline *
baseline_read(struct bl_reader *r)
{
	struct baseline	*b;

	if ((b = calloc(1, sizeof(*b))) == NULL) {
		bl_nomem(r);
		return NULL;
	}
	if (bl_read(r, b) == -1) {
		baseline_free(b);
		return NULL;
	}
	return b;
}

struct baseline *
baseline_parse(const char *path, const char *text, size_t len,
    struct diag *d)
{
	struct bl_reader	 r;
	struct baseline		*b;

	memset(&r, 0, sizeof(r));
	r.path = path;
	r.d = d;
	r.line = 1;
	r.eof = true;
	if ((r.buf = malloc(len > 0 ? len : 1)) == NULL) {
		bl_nomem(&r);
		return NULL;
	}
	memcpy(r.buf, text, len);
	r.cap = r.len = len;
	bl_mark(&r);
	b = baseline_read(&r);
	free(r.buf);
	return b;
}

struct baseline *
baseline_load(const char *path, struct diag *d)
{
	struct bl_reader	 r;
	struct baseline		*b;

	memset(&r, 0, sizeof(r));
	r.path = path;
	r.d = d;
	r.line = 1;
	if ((r.fp = fopen(path, "rb")) == NULL) {
		bl_error(&r, "cannot read: %s", strerror(errno));
		return NULL;
	}
	b = baseline_read(&r);
	free(r.buf);
	fclose(r.fp);
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

/* Point r's fields into f's text; a field f lacked is NULL. */
static void
baseline_unpack(const struct bl_finding *f, struct resolved_finding *r)
{
	const char	*fields[BL_NFIELDS], *p = f->text;
	size_t		 i;

	for (i = 0; i < BL_NFIELDS; i++) {
		fields[i] = f->has & 1u << i ? p : NULL;
		p += strlen(p) + 1;
	}
	r->id = fields[BL_ID];
	r->rule = fields[BL_RULE];
	r->severity = fields[BL_SEVERITY];
	r->account = fields[BL_ACCOUNT];
	r->user = fields[BL_USER];
	r->credential = fields[BL_CREDENTIAL];
	r->arn = fields[BL_ARN];
	r->message = fields[BL_MESSAGE];
}

const struct resolved_finding *
baseline_resolved(struct baseline *b, size_t *n)
{
	const struct bl_finding	*f;
	size_t			 i, count = 0;

	*n = 0;
	if (b == NULL)
		return NULL;
	for (i = 0; i < b->nfindings; i++)
		if (b->findings[i].first == i && !b->findings[i].seen)
			count++;
	free(b->resolved);
	if ((b->resolved = calloc(count + 1, sizeof(*b->resolved))) == NULL)
		return NULL;
	for (i = 0; i < b->nfindings; i++) {
		f = &b->findings[i];
		if (f->first == i && !f->seen)
			baseline_unpack(f, &b->resolved[(*n)++]);
	}
	return b->resolved;
}
