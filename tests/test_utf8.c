/*
 * Tests of the UTF-8 decoder every module shares: what is one valid
 * sequence, what must be refused, and what a terminal may be shown.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

struct seq_case {
	const char	*bytes;
	size_t		 len;
	size_t		 want;	/* utf8_seq's answer */
};

static const struct seq_case seq_cases[] = {
	{ "a", 1, 1 },
	{ "\x7f", 1, 1 },
	{ "\xc2\xa0", 2, 2 },			/* U+00A0 */
	{ "\xc3\xa9", 2, 2 },			/* é */
	{ "\xe2\x82\xac", 3, 3 },		/* € */
	{ "\xef\xbf\xbd", 3, 3 },		/* U+FFFD */
	{ "\xf0\x9f\x94\x91", 4, 4 },		/* U+1F511 */
	{ "\xf4\x8f\xbf\xbf", 4, 4 },		/* U+10FFFF */
	{ "\x80", 1, 0 },			/* stray continuation */
	{ "\xbf", 1, 0 },
	{ "\xc0\xaf", 2, 0 },			/* overlong '/' */
	{ "\xc1\xbf", 2, 0 },
	{ "\xe0\x80\xaf", 3, 0 },		/* overlong */
	{ "\xf0\x80\x80\xaf", 4, 0 },		/* overlong */
	{ "\xed\xa0\x80", 3, 0 },		/* surrogate U+D800 */
	{ "\xed\xbf\xbf", 3, 0 },		/* surrogate U+DFFF */
	{ "\xf4\x90\x80\x80", 4, 0 },		/* U+110000 */
	{ "\xf5\x80\x80\x80", 4, 0 },
	{ "\xff", 1, 0 },
	{ "\xc3", 1, 0 },			/* truncated */
	{ "\xe2\x82", 2, 0 },
	{ "\xc3\x28", 2, 0 },			/* bad continuation */
};

static void
test_utf8_seq_table(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(seq_cases) / sizeof(seq_cases[0]); i++) {
		const struct seq_case *c = &seq_cases[i];

		if (utf8_seq((const unsigned char *)c->bytes, c->len) != c->want)
			fail_msg("case %zu: utf8_seq gave %zu, want %zu", i,
			    utf8_seq((const unsigned char *)c->bytes, c->len),
			    c->want);
	}
}

static void
test_utf8_valid_whole_strings(void **state)
{
	/* Long enough to take the eight-bytes-at-a-time path first. */
	static const char ok[] = "credential report \xe2\x80\x94 z\xc3\xb6" "e";
	static const char bad_late[] = "credential report, then \xff";
	static const char bad_cut[] = "abcdefghij\xe2\x82";

	(void)state;
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid(ok, sizeof(ok) - 1));
	assert_false(utf8_valid(bad_late, sizeof(bad_late) - 1));
	assert_false(utf8_valid(bad_cut, sizeof(bad_cut) - 1));
	/* A NUL is valid UTF-8; callers that mind it check it themselves. */
	assert_true(utf8_valid("a\0b", 3));
	/* Only len bytes are looked at. */
	assert_true(utf8_valid("ab\xff", 2));
}

/* utf8_display_seq: the first sequence's length, or 0 to escape it. */
static const struct seq_case display_cases[] = {
	{ "a", 1, 1 },
	{ "~", 1, 1 },
	{ "\\", 1, 1 },
	{ "\xc3\xa9", 2, 2 },			/* e acute */
	{ "\xc2\xa0", 2, 2 },			/* no-break space: visible gap */
	{ "\xe2\x82\xac", 3, 3 },		/* euro sign */
	{ "\xf0\x9f\x94\x91", 4, 4 },		/* U+1F511 */
	{ "\xe2\x80\x90", 3, 3 },		/* U+2010, a hyphen */
	{ "\xe2\x80\xa7", 3, 3 },		/* U+2027, before the separators */
	{ "\xe2\x80\xaf", 3, 3 },		/* U+202F, after the overrides */
	{ "\xe2\x81\xb0", 3, 3 },		/* U+2070, after the isolates */
	{ "", 0, 0 },
	{ "\0", 1, 0 },
	{ "\t", 1, 0 },
	{ "\n", 1, 0 },
	{ "\x1b", 1, 0 },
	{ "\x7f", 1, 0 },
	{ "\xe9", 1, 0 },			/* invalid */
	{ "\xc2\x80", 2, 0 },			/* U+0080, C1 */
	{ "\xc2\x9b", 2, 0 },			/* U+009B, CSI */
	{ "\xc2\x9f", 2, 0 },			/* U+009F */
	{ "\xc2\xad", 2, 0 },			/* U+00AD soft hyphen */
	{ "\xd8\x9c", 2, 0 },			/* U+061C Arabic letter mark */
	{ "\xe1\xa0\x8e", 3, 0 },		/* U+180E */
	{ "\xe2\x80\x8b", 3, 0 },		/* U+200B zero-width space */
	{ "\xe2\x80\x8c", 3, 0 },		/* U+200C ZWNJ */
	{ "\xe2\x80\x8d", 3, 0 },		/* U+200D ZWJ */
	{ "\xe2\x80\x8e", 3, 0 },		/* U+200E LRM */
	{ "\xe2\x80\x8f", 3, 0 },		/* U+200F RLM */
	{ "\xe2\x80\xa8", 3, 0 },		/* U+2028 line separator */
	{ "\xe2\x80\xa9", 3, 0 },		/* U+2029 paragraph separator */
	{ "\xe2\x80\xaa", 3, 0 },		/* U+202A LRE */
	{ "\xe2\x80\xae", 3, 0 },		/* U+202E RLO */
	{ "\xe2\x81\xa0", 3, 0 },		/* U+2060 word joiner */
	{ "\xe2\x81\xa6", 3, 0 },		/* U+2066 LRI */
	{ "\xe2\x81\xa9", 3, 0 },		/* U+2069 PDI */
	{ "\xef\xbb\xbf", 3, 0 },		/* U+FEFF */
	{ "\xef\xbf\xb9", 3, 0 },		/* U+FFF9 */
	{ "\xf3\xa0\x80\x81", 4, 0 },		/* U+E0001 language tag */
	{ "\xf3\xa0\x81\xbf", 4, 0 },		/* U+E007F cancel tag */
	{ "\xef\xb7\x8f", 3, 3 },		/* U+FDCF, before them */
	{ "\xef\xb7\x90", 3, 0 },		/* U+FDD0 noncharacter */
	{ "\xef\xb7\xaf", 3, 0 },		/* U+FDEF noncharacter */
	{ "\xef\xb7\xb0", 3, 3 },		/* U+FDF0, after them */
	{ "\xef\xbf\xbd", 3, 3 },		/* U+FFFD replacement char */
	{ "\xef\xbf\xbe", 3, 0 },		/* U+FFFE noncharacter */
	{ "\xef\xbf\xbf", 3, 0 },		/* U+FFFF noncharacter */
	{ "\xf0\x9f\xbf\xbe", 4, 0 },		/* U+1FFFE noncharacter */
	{ "\xf4\x8f\xbf\xbf", 4, 0 },		/* U+10FFFF noncharacter */
	{ "\xe2\x80\xae", 2, 0 },		/* RLO cut short */
};

static void
test_utf8_display_seq_table(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(display_cases) / sizeof(display_cases[0]);
	    i++) {
		const struct seq_case *c = &display_cases[i];
		size_t	 got = utf8_display_seq(
		    (const unsigned char *)c->bytes, c->len);

		if (got != c->want)
			fail_msg("case %zu: utf8_display_seq gave %zu, want %zu",
			    i, got, c->want);
	}
}

static void
test_utf8_display_escape(void **state)
{
	char	 out[UTF8_ESCAPED_SIZE(32)], small[9];

	(void)state;
	/* Right-to-left override: "admin<RLO>gnp.exe" shows as "adminexe.png". */
	assert_string_equal(utf8_display_escape("admin\xe2\x80\xaegnp.exe",
	    out, sizeof(out)), "admin\\xe2\\x80\\xaegnp.exe");
	assert_string_equal(utf8_display_escape("ad\xe2\x80\x8bmin", out,
	    sizeof(out)), "ad\\xe2\\x80\\x8bmin");
	assert_string_equal(utf8_display_escape("a\x1b[2J\r\xe9z\xc3\xab",
	    out, sizeof(out)), "a\\x1b[2J\\x0d\\xe9z\xc3\xab");
	/* Backslashes pass as they are; the escapes are the program's. */
	assert_string_equal(utf8_display_escape("a\\x41", out, sizeof(out)),
	    "a\\x41");
	/* Cut at a whole escape or character, never inside one. */
	assert_string_equal(utf8_display_escape("abcd\x1b", small,
	    sizeof(small)), "abcd\\x1b");
	assert_string_equal(utf8_display_escape("abcde\x1b", small,
	    sizeof(small)), "abcde");
	assert_string_equal(utf8_display_escape("abcdefg\xc3\xab", small,
	    sizeof(small)), "abcdefg");
	assert_string_equal(utf8_display_escape("ab\x1b" "c", small,
	    sizeof(small)), "ab\\x1bc");
	assert_string_equal(utf8_display_escape("", out, sizeof(out)), "");
}

/* The representation of report text: reversible, and plain text kept. */
static void
test_utf8_repr(void **state)
{
	static const struct {
		const char	*in;
		size_t		 len;
		const char	*want;
		bool		 needed;
	} cases[] = {
		{ "alice", 5, "alice", false },
		{ "Az09+=,.@_-", 11, "Az09+=,.@_-", false },
		{ "zo\xc3\xab", 4, "zo\xc3\xab", false },
		{ "caf\xe9", 4, "caf\\xe9", true },
		{ "caf\xe8", 4, "caf\\xe8", true },
		{ "caf\\xe9", 7, "caf\\\\xe9", true },
		{ "\\", 1, "\\\\", true },
		{ "\xff\xfe", 2, "\\xff\\xfe", true },
		{ "\xc3", 1, "\\xc3", true },		/* cut short */
		{ "\xed\xa0\x80", 3, "\\xed\\xa0\\x80", true },	/* surrogate */
		{ "a\0b", 3, "a", false },		/* len counts; NUL kept */
	};
	char	 out[UTF8_REPR_SIZE(8)];
	size_t	 i, n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(utf8_repr_needed(cases[i].in, cases[i].len),
		    cases[i].needed);
		n = utf8_repr(cases[i].in, cases[i].len, out);
		assert_string_equal(out, cases[i].want);
		if (cases[i].len == 3 && cases[i].in[1] == '\0')
			assert_int_equal(n, 3);
		else
			assert_int_equal(n, strlen(cases[i].want));
	}
}

/* utf8_valid as a plain walk of utf8_seq: the reference below. */
static bool
valid_by_seq(const unsigned char *s, size_t len)
{
	size_t	 i = 0, n;

	while (i < len) {
		if ((n = utf8_seq(s + i, len - i)) == 0)
			return false;
		i += n;
	}
	return true;
}

/*
 * Every length up to three words, with a stray byte, a whole sequence
 * or a cut one at every offset: the word-at-a-time skip and its last,
 * overlapping word must never pass over a byte that matters.
 */
static void
test_utf8_valid_every_offset(void **state)
{
	static const char *const bad[] = { "\xff", "\xc3\xa9", "\xe2\x82",
	    "\x80" };
	unsigned char	 buf[24];
	size_t		 len, pos, b, n;

	(void)state;
	for (len = 0; len <= sizeof(buf); len++) {
		for (b = 0; b < sizeof(bad) / sizeof(bad[0]); b++) {
			n = strlen(bad[b]);
			for (pos = 0; pos + n <= len; pos++) {
				memset(buf, 'a', sizeof(buf));
				memcpy(buf + pos, bad[b], n);
				assert_int_equal(utf8_valid((const char *)buf,
				    len), valid_by_seq(buf, len));
			}
		}
		memset(buf, 'a', sizeof(buf));
		assert_true(utf8_valid((const char *)buf, len));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_seq_table),
		cmocka_unit_test(test_utf8_valid_whole_strings),
		cmocka_unit_test(test_utf8_display_seq_table),
		cmocka_unit_test(test_utf8_display_escape),
		cmocka_unit_test(test_utf8_repr),
		cmocka_unit_test(test_utf8_valid_every_offset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
