/*
 * Tests of the UTF-8 decoder every module shares: what is one valid
 * sequence, and what must be refused.
 */
#include <setjmp.h>
#include <stdarg.h>
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_seq_table),
		cmocka_unit_test(test_utf8_valid_whole_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
