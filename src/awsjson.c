/*
 * The aws-cli JSON wrapper: what `aws iam get-credential-report` prints,
 *
 *	{"Content": "<base64 CSV>", "ReportFormat": "text/csv",
 *	 "GeneratedTime": "2026-11-23T10:00:00+00:00"}
 *
 * checked strictly and unwrapped into the CSV the loader reads like any
 * other.  The wrapper is the one report input read whole; see awsjson.h.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "awsjson.h"
#include "diag.h"
#include "jsondoc.h"
#include "timeparse.h"
#include "utf8.h"

/* One unwrapping: where it reports, and what it learns. */
struct wrap {
	const char		*path;
	struct diag		*diag;
	struct report_stats	*stats;
};

static void	wrap_fatal(struct wrap *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* Report why the input is unusable, as an error about the file. */
static void
wrap_fatal(struct wrap *w, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vreport(w->diag, DIAG_ERROR, w->path, 0, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	report_stats_vfail(w->stats, 0, fmt, ap);
	va_end(ap);
}

static int
b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Decode strict base64 (padded, standard alphabet; whitespace anywhere
 * is skipped) into out, which has room for len * 3 / 4 bytes.  Return
 * the decoded length, or -1 for anything that is not base64.
 */
static long
b64_decode(const char *s, size_t len, unsigned char *out)
{
	unsigned long	 acc = 0;
	size_t		 i, o = 0;
	int		 n = 0, pad = 0, v;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			continue;
		if (c == '=') {
			if (n < 2 || ++pad > 2)
				return -1;
			v = 0;
		} else if (pad > 0 || (v = b64_value(c)) < 0)
			return -1;
		acc = acc << 6 | (unsigned long)v;
		if (++n < 4)
			continue;
		out[o++] = (unsigned char)(acc >> 16);
		if (pad < 2)
			out[o++] = (unsigned char)(acc >> 8);
		if (pad < 1)
			out[o++] = (unsigned char)acc;
		acc = 0;
		n = 0;
	}
	return n == 0 ? (long)o : -1;
}

static void
wrap_generated_time(struct wrap *w, const cJSON *root)
{
	const cJSON	*gt = cJSON_GetObjectItemCaseSensitive(root,
			    "GeneratedTime");
	char		 q[DIAG_QUOTE_BUFSZ];

	if (gt == NULL)
		return;
	if (cJSON_IsString(gt) && timeparse_iso8601(gt->valuestring,
	    strlen(gt->valuestring), &w->stats->generated_time) == 0) {
		w->stats->has_generated_time = true;
		return;
	}
	w->stats->generated_time = 0;
	diag_report(w->diag, DIAG_WARNING, w->path, 0,
	    "GeneratedTime is not a timestamp: %s; ignored",
	    cJSON_IsString(gt) ? diag_quote(q, gt->valuestring,
	    strlen(gt->valuestring)) : "(not a string)");
}

/*
 * cJSON finds the first of two members with one name; a second Content
 * would be ignored without a word, so a repeated member is refused.
 */
static const char *
json_repeated_member(const cJSON *root)
{
	static const char *const names[] = { "Content", "ReportFormat",
	    "GeneratedTime" };
	const cJSON	*it;
	size_t		 i, seen;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		seen = 0;
		cJSON_ArrayForEach(it, root)
			if (it->string != NULL && strcmp(it->string, names[i]) == 0)
				seen++;
		if (seen > 1)
			return names[i];
	}
	return NULL;
}

/* Check the wrapper and return its Content member, or NULL. */
static const char *
wrap_content(struct wrap *w, const cJSON *root)
{
	const cJSON	*content, *format;
	const char	*twice;
	char		 q[DIAG_QUOTE_BUFSZ];

	if ((twice = json_repeated_member(root)) != NULL) {
		wrap_fatal(w, "not a credential report: %s appears more "
		    "than once", twice);
		return NULL;
	}

	format = cJSON_GetObjectItemCaseSensitive(root, "ReportFormat");
	if (format != NULL && !(cJSON_IsString(format) &&
	    strcmp(format->valuestring, "text/csv") == 0)) {
		wrap_fatal(w, "not a credential report: ReportFormat is "
		    "%s, not text/csv", cJSON_IsString(format) ?
		    diag_quote(q, format->valuestring,
		    strlen(format->valuestring)) : "not a string");
		return NULL;
	}
	content = cJSON_GetObjectItemCaseSensitive(root, "Content");
	if (content == NULL) {
		wrap_fatal(w,
		    "not a credential report: JSON has no Content member");
		return NULL;
	}
	if (!cJSON_IsString(content)) {
		wrap_fatal(w,
		    "not a credential report: Content is not a string");
		return NULL;
	}
	return content->valuestring;
}

/* Decode the Content member into a new buffer; NULL on failure. */
static unsigned char *
wrap_decode(struct wrap *w, const char *b64, long *outlen)
{
	size_t		 len = strlen(b64);
	unsigned char	*out;

	if ((out = malloc(len / 4 * 3 + 3)) == NULL) {
		wrap_fatal(w, "out of memory");
		return NULL;
	}
	if ((*outlen = b64_decode(b64, len, out)) == -1) {
		wrap_fatal(w,
		    "not a credential report: Content is not valid base64");
		free(out);
		return NULL;
	}
	return out;
}

/*
 * cJSON decodes \u0000 into its C strings, which then end there: a
 * Content member would be cut short without a word.  No credential
 * report holds a NUL, so refuse the escape anywhere in the document.
 */
static bool
json_has_nul_escape(const char *buf, size_t len)
{
	static const char	 esc[] = "\\u0000";
	const char		*p = buf, *end = buf + len;

	while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= sizeof(esc) - 1 &&
		    memcmp(p, esc, sizeof(esc) - 1) == 0)
			return true;
		p += p + 1 < end && p[1] == '\\' ? 2 : 1;
		if (p >= end)
			break;
	}
	return false;
}

bool
awsjson_detect(const char *buf, size_t len)
{
	size_t	 i;

	utf8_skip_bom(&buf, &len);
	for (i = 0; i < len; i++)
		if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r' &&
		    buf[i] != '\n')
			return buf[i] == '{';
	return false;
}

unsigned char *
awsjson_unwrap(const char *path, const char *buf, size_t len,
    struct diag *d, struct report_stats *stats, size_t *csvlen)
{
	struct wrap	 w = { path, d, stats };
	cJSON		*root;
	const char	*b64;
	unsigned char	*csv = NULL;
	long		 n = 0;

	utf8_skip_bom(&buf, &len);
	if (len > AWSJSON_MAX) {
		wrap_fatal(&w, "JSON input larger than %d bytes", AWSJSON_MAX);
		return NULL;
	}
	if (json_has_nul_escape(buf, len)) {
		wrap_fatal(&w, "not a credential report: JSON holds a "
		    "NUL character (\\u0000)");
		return NULL;
	}
	root = jsondoc_parse(buf, len, NULL);
	if (root == NULL || !cJSON_IsObject(root)) {
		wrap_fatal(&w, "not a credential report: not valid JSON");
		cJSON_Delete(root);
		return NULL;
	}
	if ((b64 = wrap_content(&w, root)) != NULL &&
	    (csv = wrap_decode(&w, b64, &n)) != NULL)
		wrap_generated_time(&w, root);
	cJSON_Delete(root);
	*csvlen = (size_t)n;
	return csv;
}
