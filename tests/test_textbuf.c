/*
 * Tests of the printf-free text builder.  Integers are held to printf's
 * "%lld" over every power of ten and its neighbours, and a textbuf to
 * snprintf: the same pieces appended into buffers of every size from one
 * byte up must give exactly the text snprintf gives, cut in the same
 * place.
 */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "textbuf.h"

static void
check_int(int64_t n)
{
	char	 got[TEXTBUF_INTSZ], want[32];
	size_t	 len;

	len = textbuf_format_int(n, got);
	snprintf(want, sizeof(want), "%" PRId64, n);
	assert_string_equal(got, want);
	assert_int_equal(len, strlen(want));
}

static void
test_textbuf_format_int_matches_printf(void **state)
{
	int64_t	 p;

	(void)state;
	check_int(0);
	check_int(INT64_MAX);
	check_int(INT64_MIN);
	check_int(INT64_MIN + 1);
	/* Every digit count, and both sides of each step up to it. */
	for (p = 1;; p *= 10) {
		check_int(p);
		check_int(p - 1);
		check_int(p + 1);
		check_int(-p);
		check_int(-p + 1);
		if (p > INT64_MAX / 10)
			break;
	}
	for (p = -1000; p <= 1000; p++)
		check_int(p);
}

/* The pieces of a rule message, as the rules append them. */
static void
build(struct textbuf *tb, char *buf, size_t size)
{
	textbuf_init(tb, buf, size);
	textbuf_add(tb, "access key 1 ");
	textbuf_add(tb, "last used 2026-07-26, ");
	textbuf_add_int(tb, 120);
	textbuf_add(tb, " days ago");
	textbuf_add(tb, "");
	textbuf_add(tb, "; threshold ");
	textbuf_add_int(tb, -90);
}

static void
test_textbuf_cuts_as_snprintf(void **state)
{
	char		 got[96], want[96];
	struct textbuf	 tb;
	size_t		 size;

	(void)state;
	for (size = 1; size <= sizeof(got); size++) {
		memset(got, 'x', sizeof(got));
		build(&tb, got, size);
		snprintf(want, size, "%s%s%d%s%s%s%d", "access key 1 ",
		    "last used 2026-07-26, ", 120, " days ago", "",
		    "; threshold ", -90);
		assert_string_equal(got, want);
		assert_int_equal(tb.len, strlen(want));
		/* Nothing written past the buffer it was given. */
		if (size < sizeof(got))
			assert_int_equal(got[size], 'x');
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_textbuf_format_int_matches_printf),
		cmocka_unit_test(test_textbuf_cuts_as_snprintf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
