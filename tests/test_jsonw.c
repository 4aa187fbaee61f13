/*
 * Tests of the JSON writer.  The oracle for every string is cJSON: what
 * the writer prints must be byte for byte what cJSON_PrintUnformatted
 * prints for the same string, and must parse back to it.  Integers are
 * held to printf, timestamps to timeparse_format, and the fast scan for
 * bytes that need escaping to a byte-at-a-time one over every byte value
 * at every offset of a word.
 */
#include <errno.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "jsonw.h"
#include "timeparse.h"

/* A writer onto a memory stream. */
struct capture {
	char		*buf;
	size_t		 len;
	FILE		*fp;
	struct jsonw	*w;
};

static void
capture_open(struct capture *c)
{
	memset(c, 0, sizeof(*c));
	assert_non_null(c->fp = open_memstream(&c->buf, &c->len));
	assert_non_null(c->w = jsonw_open(c->fp));
}

/* Flush the writer and the stream; the text is then c->buf. */
static void
capture_close(struct capture *c)
{
	assert_int_equal(jsonw_flush(c->w), 0);
	jsonw_free(c->w);
	assert_int_equal(fclose(c->fp), 0);
}

/* What cJSON prints for s as a string value; the caller frees it. */
static char *
cjson_string(const char *s)
{
	cJSON	*item;
	char	*text;

	assert_non_null(item = cJSON_CreateString(s));
	assert_non_null(text = cJSON_PrintUnformatted(item));
	cJSON_Delete(item);
	return text;
}

/* The writer prints s as cJSON does, and it parses back to s. */
static void
check_string(const char *s)
{
	struct capture	 c;
	cJSON		*back;
	char		*want;

	capture_open(&c);
	assert_int_equal(jsonw_string(c.w, s), 0);
	capture_close(&c);
	want = cjson_string(s);
	assert_string_equal(c.buf, want);
	assert_non_null(back = cJSON_Parse(c.buf));
	assert_true(cJSON_IsString(back));
	assert_string_equal(back->valuestring, s);
	cJSON_Delete(back);
	cJSON_free(want);
	free(c.buf);
}

/* The reference the fast scan is held to. */
static bool
special_byte(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

static void
test_jsonw_string_plain(void **state)
{
	static const char *const cases[] = {
		"", "a", "alice", "1234567", "12345678", "123456789",
		"123456789012345", "1234567890123456", "12345678901234567",
		"arn:aws:iam::123456789012:user/engineering/alice.smith",
		"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x91",	/* UTF-8 */
		"\x7f\x80\xff\xfe",	/* passed through, as cJSON does */
		"a/b<c>&d'e",		/* nothing JSON must escape */
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_string(cases[i]);
}

/* Every special byte at every position of a string two words long. */
static void
test_jsonw_string_escapes_every_special(void **state)
{
	char		 s[18];
	unsigned	 b;
	size_t		 pos;

	(void)state;
	for (b = 1; b < 256; b++) {
		if (!special_byte((unsigned char)b))
			continue;
		for (pos = 0; pos < sizeof(s) - 1; pos++) {
			memset(s, 'x', sizeof(s) - 1);
			s[sizeof(s) - 1] = '\0';
			s[pos] = (char)b;
			check_string(s);
		}
	}
}

/* Strings of nothing but \u00XX escapes: the most room cJSON needs. */
static void
test_jsonw_string_all_escaped(void **state)
{
	char	 s[40];
	size_t	 len;

	(void)state;
	for (len = 1; len < sizeof(s); len++) {
		memset(s, 0x15, len);
		s[len] = '\0';
		check_string(s);
		memset(s, '"', len);
		check_string(s);
	}
}

/*
 * Each byte value at each offset, among neighbours chosen to provoke a
 * borrow in the word arithmetic (0x00-adjacent, 0x20-adjacent, the high
 * bit, the bytes next to the quote and the backslash).
 */
static void
test_jsonw_needs_escape_matches_bytewise(void **state)
{
	static const unsigned char fills[] = {
		'a', 0x20, 0x21, 0x80, 0xff, 0x23, 0x5b, 0x5d, 0x01, 0x7f
	};
	unsigned char	 buf[40];
	size_t		 f, pos, len, i;
	unsigned	 b;
	bool		 want;

	(void)state;
	for (f = 0; f < sizeof(fills); f++) {
		for (b = 0; b < 256; b++) {
			for (pos = 0; pos < sizeof(buf); pos++) {
				memset(buf, fills[f], sizeof(buf));
				buf[pos] = (unsigned char)b;
				for (len = 0; len <= sizeof(buf); len++) {
					want = false;
					for (i = 0; i < len; i++)
						want |= special_byte(buf[i]);
					assert_int_equal(jsonw_needs_escape(
					    (const char *)buf, len), want);
				}
			}
		}
	}
}

static void
test_jsonw_null_and_bool(void **state)
{
	struct capture	 c;

	(void)state;
	capture_open(&c);
	assert_int_equal(jsonw_lit(c.w, "["), 0);
	assert_int_equal(jsonw_string(c.w, NULL), 0);
	assert_int_equal(jsonw_lit(c.w, ","), 0);
	assert_int_equal(jsonw_bool(c.w, true), 0);
	assert_int_equal(jsonw_lit(c.w, ","), 0);
	assert_int_equal(jsonw_bool(c.w, false), 0);
	assert_int_equal(jsonw_lit(c.w, ","), 0);
	assert_int_equal(jsonw_null(c.w), 0);
	assert_int_equal(jsonw_lit(c.w, ","), 0);
	assert_int_equal(jsonw_int_or_null(c.w, false, 5), 0);
	assert_int_equal(jsonw_lit(c.w, ","), 0);
	assert_int_equal(jsonw_time_or_null(c.w, false, 5), 0);
	assert_int_equal(jsonw_lit(c.w, "]"), 0);
	capture_close(&c);
	assert_string_equal(c.buf, "[null,true,false,null,null,null]");
	free(c.buf);
}

static void
test_jsonw_int_matches_printf(void **state)
{
	static const int64_t cases[] = {
		0, 1, -1, 9, 10, -10, 99, 100, 86399, 1795392000,
		INT64_MAX, INT64_MIN, INT64_MIN + 1, INT64_MAX - 1
	};
	struct capture	 c;
	char		 want[32];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		capture_open(&c);
		assert_int_equal(jsonw_int_or_null(c.w, true, cases[i]), 0);
		capture_close(&c);
		snprintf(want, sizeof(want), "%" PRId64, cases[i]);
		assert_string_equal(c.buf, want);
		free(c.buf);
	}
}

static void
test_jsonw_time_matches_timeparse(void **state)
{
	static const int64_t cases[] = {
		0, 1795392000, 1785060000, TIME_MAX_SECONDS, 951782400
	};
	struct capture	 c;
	char		 ts[TIMESTAMP_BUFSZ], want[TIMESTAMP_BUFSZ + 2];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		capture_open(&c);
		assert_int_equal(jsonw_time_or_null(c.w, true, cases[i]), 0);
		capture_close(&c);
		timeparse_format(cases[i], ts);
		snprintf(want, sizeof(want), "\"%s\"", ts);
		assert_string_equal(c.buf, want);
		free(c.buf);
	}
}

/*
 * Many values across several block boundaries, with the escaped path
 * and the direct path mixed: the whole must be the concatenation of
 * what cJSON prints for each, and parse back as one array.
 */
static void
test_jsonw_crosses_blocks(void **state)
{
	struct capture	 c;
	cJSON		*arr, *back;
	char		*want, name[64];
	int		 i, n = 20000;

	(void)state;
	assert_non_null(arr = cJSON_CreateArray());
	capture_open(&c);
	assert_int_equal(jsonw_lit(c.w, "["), 0);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), i % 97 == 0 ? "user\"%d\n" :
		    "user.%d@example.com", i);
		if (i > 0)
			assert_int_equal(jsonw_lit(c.w, ","), 0);
		assert_int_equal(jsonw_string(c.w, name), 0);
		cJSON_AddItemToArray(arr, cJSON_CreateString(name));
	}
	assert_int_equal(jsonw_lit(c.w, "]"), 0);
	capture_close(&c);
	assert_true(c.len > 3 * JSONW_BLOCK);
	assert_non_null(want = cJSON_PrintUnformatted(arr));
	assert_string_equal(c.buf, want);
	assert_non_null(back = cJSON_Parse(c.buf));
	assert_int_equal(cJSON_GetArraySize(back), n);
	cJSON_Delete(back);
	cJSON_Delete(arr);
	cJSON_free(want);
	free(c.buf);
}

/* Strings longer than a block, plain and escaped, and raw text too. */
static void
test_jsonw_longer_than_block(void **state)
{
	size_t		 len = JSONW_BLOCK + 1000;
	struct capture	 c;
	char		*s;

	(void)state;
	assert_non_null(s = malloc(len + 1));
	memset(s, 'k', len);
	s[len] = '\0';
	check_string(s);
	s[JSONW_BLOCK - 1] = '"';
	s[len - 1] = '\t';
	check_string(s);

	memset(s, ' ', len);
	capture_open(&c);
	assert_int_equal(jsonw_lit(c.w, "1"), 0);
	assert_int_equal(jsonw_raw(c.w, s, len), 0);
	capture_close(&c);
	assert_int_equal(c.len, len + 1);
	assert_int_equal(c.buf[0], '1');
	assert_int_equal(memcmp(c.buf + 1, s, len), 0);
	free(c.buf);
	free(s);
}

/*
 * A failed write shows at the flush that makes it, and from then on
 * every call fails with nothing more written.
 */
static void
test_jsonw_write_failure_sticks(void **state)
{
	struct jsonw	*w;
	FILE		*fp;
	int		 i, rc = 0;

	(void)state;
	if ((fp = fopen("/dev/full", "w")) == NULL)
		skip();
	assert_int_equal(setvbuf(fp, NULL, _IONBF, 0), 0);
	assert_non_null(w = jsonw_open(fp));
	assert_int_equal(jsonw_string(w, "fits in the block"), 0);
	errno = 0;
	assert_int_equal(jsonw_flush(w), -1);
	assert_int_equal(errno, ENOSPC);
	assert_int_equal(jsonw_string(w, "after"), -1);
	assert_int_equal(jsonw_string(w, "a \"quoted\" one"), -1);
	assert_int_equal(jsonw_int(w, 1), -1);
	assert_int_equal(jsonw_time(w, 0), -1);
	assert_int_equal(jsonw_lit(w, "{}"), -1);
	assert_int_equal(jsonw_flush(w), -1);
	jsonw_free(w);

	/* Without an explicit flush: the block filling up reports it. */
	assert_non_null(w = jsonw_open(fp));
	for (i = 0; i < 2 * JSONW_BLOCK && rc == 0; i++)
		rc = jsonw_lit(w, "x");
	assert_int_equal(rc, -1);
	assert_int_equal(i, JSONW_BLOCK + 1);
	jsonw_free(w);
	fclose(fp);
}

static void
test_jsonw_free_null(void **state)
{
	(void)state;
	jsonw_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonw_string_plain),
		cmocka_unit_test(test_jsonw_string_escapes_every_special),
		cmocka_unit_test(test_jsonw_string_all_escaped),
		cmocka_unit_test(test_jsonw_needs_escape_matches_bytewise),
		cmocka_unit_test(test_jsonw_null_and_bool),
		cmocka_unit_test(test_jsonw_int_matches_printf),
		cmocka_unit_test(test_jsonw_time_matches_timeparse),
		cmocka_unit_test(test_jsonw_crosses_blocks),
		cmocka_unit_test(test_jsonw_longer_than_block),
		cmocka_unit_test(test_jsonw_write_failure_sticks),
		cmocka_unit_test(test_jsonw_free_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
