/*
 * Fuzz target: the aws-cli JSON wrapper around a credential report.
 *
 * Every input is tried twice.  First as the wrapper itself: the bytes
 * are read as JSON, with a '{' put in front when they do not start with
 * one so that the loader takes its JSON path.  Then as the report inside
 * a well-formed wrapper: the bytes are base64-encoded into "Content" of a
 * document built with cJSON.  Unwrapping must be transparent, so the
 * wrapped bytes must load exactly as the same bytes given directly as
 * CSV do: same rows, same rejections, same verdict.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "diag.h"
#include "fuzz_common.h"
#include "report.h"

#define FUZZ_PATH	"fuzz.json"
#define FUZZ_GENERATED	"2026-11-23T08:15:00+00:00"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct tally {
	unsigned long	 records;
	size_t		 bytes;
};

struct outcome {
	int			 rc;
	struct report_stats	 st;
	unsigned		 errors;
	unsigned		 warnings;
	unsigned long		 records;
};

const char	 fuzz_name[] = "fuzz_awsjson";

static int
fuzz_record(void *ctx, const struct user_record *rec)
{
	struct tally	*t = ctx;
	int		 i;

	t->records++;
	t->bytes += strlen(rec->path) + strlen(rec->user) + strlen(rec->arn) +
	    strlen(rec->account);
	for (i = 0; i < 2; i++) {
		if (rec->key[i].last_used_region != NULL)
			t->bytes += strlen(rec->key[i].last_used_region);
		if (rec->key[i].last_used_service != NULL)
			t->bytes += strlen(rec->key[i].last_used_service);
	}
	return 0;
}

static void
fuzz_load(const void *buf, size_t len, struct outcome *o)
{
	struct tally		 t = { 0, 0 };
	size_t			 msgbytes = 0;
	struct diag		 dg = { fuzz_discard, &msgbytes, 0, 0 };
	struct report_sink	 sink = { fuzz_record, &t, &dg, NULL };

	memset(o, 0, sizeof(*o));
	o->rc = report_load_mem(FUZZ_PATH, buf, len, &sink, &o->st);
	o->errors = dg.errors;
	o->warnings = dg.warnings;
	o->records = t.records;
	fuzz_check(o->st.users == o->records, "stats.users != records seen");
	fuzz_check(memchr(o->st.account, '\0', sizeof(o->st.account)) != NULL,
	    "stats.account is not terminated");
	fuzz_check((o->rc == -1) == o->st.failed,
	    "return value and failed differ");
}

/* The bytes as the wrapper: forced onto the JSON path. */
static void
fuzz_raw(const uint8_t *data, size_t size)
{
	struct outcome	 o;
	char		*buf;

	if (size > 0 && data[0] == '{') {
		fuzz_load(data, size, &o);
		return;
	}
	if ((buf = malloc(size + 1)) == NULL)
		return;
	buf[0] = '{';
	memcpy(buf + 1, data, size);
	fuzz_load(buf, size + 1, &o);
	free(buf);
}

static char *
fuzz_base64(const uint8_t *p, size_t n)
{
	static const char	 abc[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char			*out, *o;
	size_t			 i;
	uint32_t		 v;

	if ((out = o = malloc((n + 2) / 3 * 4 + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i += 3) {
		v = (uint32_t)p[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		*o++ = abc[v >> 18 & 63];
		*o++ = abc[v >> 12 & 63];
		*o++ = i + 1 < n ? abc[v >> 6 & 63] : '=';
		*o++ = i + 2 < n ? abc[v & 63] : '=';
	}
	*o = '\0';
	return out;
}

/* {"Content": base64, "ReportFormat": "text/csv", "GeneratedTime": ...} */
static char *
fuzz_wrap(const uint8_t *data, size_t size)
{
	cJSON	*doc;
	char	*b64, *text = NULL;

	if ((b64 = fuzz_base64(data, size)) == NULL)
		return NULL;
	if ((doc = cJSON_CreateObject()) == NULL)
		goto fail;
	if (cJSON_AddStringToObject(doc, "Content", b64) == NULL ||
	    cJSON_AddStringToObject(doc, "ReportFormat", "text/csv") == NULL ||
	    cJSON_AddStringToObject(doc, "GeneratedTime", FUZZ_GENERATED) ==
	    NULL)
		goto fail;
	text = cJSON_PrintUnformatted(doc);
fail:
	cJSON_Delete(doc);
	free(b64);
	return text;
}

/*
 * Would the loader take these bytes for JSON by themselves?  It looks
 * for '{' after an optional BOM and white space.
 */
static bool
fuzz_looks_like_json(const uint8_t *data, size_t size)
{
	size_t	 i = 0;

	if (size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < size && (data[i] == ' ' || data[i] == '\t' ||
	    data[i] == '\r' || data[i] == '\n'))
		i++;
	return i < size && data[i] == '{';
}

/* The bytes inside a valid wrapper must load as the bytes alone do. */
static void
fuzz_wrapped(const uint8_t *data, size_t size)
{
	struct outcome	 wrapped, direct;
	char		*text;

	if ((text = fuzz_wrap(data, size)) == NULL)
		return;
	fuzz_load(text, strlen(text), &wrapped);
	free(text);
	if (wrapped.rc == 0)
		fuzz_check(wrapped.st.has_generated_time,
		    "GeneratedTime of a good wrapper was not kept");
	if (fuzz_looks_like_json(data, size))
		return;
	fuzz_load(data, size, &direct);
	fuzz_check(wrapped.rc == direct.rc &&
	    wrapped.records == direct.records &&
	    wrapped.st.rows_rejected == direct.st.rows_rejected &&
	    wrapped.st.duplicates == direct.st.duplicates &&
	    wrapped.st.failed == direct.st.failed &&
	    wrapped.errors == direct.errors &&
	    strcmp(wrapped.st.account, direct.st.account) == 0,
	    "wrapped and direct loads of the same CSV disagree");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_raw(data, size);
	fuzz_wrapped(data, size);
	return 0;
}
