/*
 * Fuzz target: arbitrary strings through the JSON writer.
 *
 * The input is cut at NUL bytes into strings (the writer takes C
 * strings), and each string is written as a member of an array, with
 * integers taken from the input between them.  What comes out must be
 * exactly what cJSON prints for the same values, and must parse back
 * with cJSON to the same strings and numbers.  The writer runs over a
 * memory stream, so the escaping path, the plain path and block
 * boundaries (long inputs, long runs of short strings) are all reached.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fuzz_common.h"
#include "jsonw.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

const char	 fuzz_name[] = "fuzz_jsonw";

/* Repeat the input so the output crosses a block boundary or two. */
#define FUZZ_REPEAT	3
/*
 * Strings taken from one input: past a few thousand, more short strings
 * (an input of NULs is nothing but empty ones) only slow the run down.
 */
#define FUZZ_MAX_STRINGS	2048

/* A small integer from the string's first bytes, for the number path. */
static int64_t
fuzz_int(const char *s, size_t len)
{
	int32_t	 v = 0;

	memcpy(&v, s, len < sizeof(v) ? len : sizeof(v));
	return v;
}

/* Where the strings taken from text end. */
static const char *
fuzz_end(const char *text, size_t size)
{
	const char	*s = text, *end = text + size;
	int		 n;

	for (n = 0; s < end && n < FUZZ_MAX_STRINGS; n++)
		s += strlen(s) + 1;
	return s < end ? s : end;
}

/* What cJSON prints for each value, concatenated as the writer should. */
struct expect {
	char	*buf;
	size_t	 len, cap;
	char	*scratch;
	size_t	 scratchsz;
};

static void
expect_append(struct expect *e, const char *s, size_t len)
{
	char	*p;

	if (e->len + len + 1 > e->cap) {
		e->cap = (e->len + len + 1) * 2;
		fuzz_check((p = realloc(e->buf, e->cap)) != NULL, "no memory");
		e->buf = p;
	}
	memcpy(e->buf + e->len, s, len);
	e->len += len;
}

/* cJSON's own printing of one value, at whatever size it takes. */
static void
expect_value(struct expect *e, cJSON *item)
{
	char	*p;

	while (e->scratchsz == 0 || !cJSON_PrintPreallocated(item, e->scratch,
	    (int)e->scratchsz, false)) {
		e->scratchsz = e->scratchsz > 0 ? e->scratchsz * 2 : 256;
		fuzz_check((p = realloc(e->scratch, e->scratchsz)) != NULL,
		    "no memory");
		e->scratch = p;
	}
	expect_append(e, e->scratch, strlen(e->scratch));
}

/* Write each string and a number after it, and what cJSON makes of them. */
static int
fuzz_write(struct jsonw *w, struct expect *e, const char *text, size_t size)
{
	const char	*s, *end = fuzz_end(text, size);
	cJSON		 str, num;
	size_t		 len;
	int64_t		 n;

	for (s = text; s < end; s += len + 1) {
		len = strlen(s);
		if (s != text && jsonw_lit(w, ",") == -1)
			return -1;
		if (s != text)
			expect_append(e, ",", 1);
		n = fuzz_int(s, len);
		if (jsonw_string(w, s) == -1 || jsonw_lit(w, ",") == -1 ||
		    jsonw_int(w, n) == -1)
			return -1;
		/* Nodes on the stack: nothing here for cJSON to free. */
		memset(&str, 0, sizeof(str));
		str.type = cJSON_String | cJSON_IsReference;
		str.valuestring = (char *)s;
		expect_value(e, &str);
		expect_append(e, ",", 1);
		memset(&num, 0, sizeof(num));
		num.type = cJSON_Number;
		num.valuedouble = (double)n;
		num.valueint = (int)n;
		expect_value(e, &num);
	}
	return 0;
}

/* Parsed back, the array holds the strings and numbers in order. */
static void
fuzz_compare(const char *out, size_t outlen, const char *text, size_t size)
{
	cJSON		*back;
	const cJSON	*a;
	const char	*s, *end = fuzz_end(text, size);
	int		 i;

	back = cJSON_ParseWithLength(out, outlen);
	fuzz_check(back != NULL && cJSON_IsArray(back),
	    "output does not parse");
	a = back->child;
	for (i = 0; i < FUZZ_REPEAT && size > 0; i++) {
		for (s = text; s < end; s += strlen(s) + 1) {
			fuzz_check(a != NULL && cJSON_IsString(a) &&
			    strcmp(a->valuestring, s) == 0,
			    "a string did not round-trip");
			a = a->next;
			fuzz_check(a != NULL && cJSON_IsNumber(a) &&
			    a->valuedouble == (double)fuzz_int(s, strlen(s)),
			    "a number did not round-trip");
			a = a->next;
		}
	}
	fuzz_check(a == NULL, "the value count changed");
	cJSON_Delete(back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct expect	 e;
	struct jsonw	*w = NULL;
	FILE		*fp = NULL;
	char		*text = NULL, *out = NULL;
	size_t		 outlen = 0;
	int		 i;

	memset(&e, 0, sizeof(e));
	/* NUL-terminated, so the last string ends too. */
	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if ((fp = open_memstream(&out, &outlen)) == NULL ||
	    (w = jsonw_open(fp)) == NULL)
		goto done;
	fuzz_check(jsonw_lit(w, "[") == 0, "opening bracket failed");
	expect_append(&e, "[", 1);
	for (i = 0; i < FUZZ_REPEAT; i++) {
		if (i > 0 && size > 0) {
			fuzz_check(jsonw_lit(w, ",") == 0, "comma failed");
			expect_append(&e, ",", 1);
		}
		fuzz_check(fuzz_write(w, &e, text, size) == 0,
		    "a value failed");
	}
	fuzz_check(jsonw_lit(w, "]") == 0, "closing bracket failed");
	fuzz_check(jsonw_flush(w) == 0, "flush failed");
	expect_append(&e, "]", 1);
	fuzz_check(fclose(fp) == 0, "memory stream failed");
	fp = NULL;
	fuzz_check(e.len == outlen && memcmp(e.buf, out, outlen) == 0,
	    "output differs from cJSON's");
	fuzz_compare(out, outlen, text, size);
done:
	jsonw_free(w);
	if (fp != NULL)
		fclose(fp);
	free(e.buf);
	free(e.scratch);
	free(out);
	free(text);
	return 0;
}
