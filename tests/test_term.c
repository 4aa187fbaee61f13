/*
 * Unit tests for term.c: --color's words, when colour is used (by
 * --color, the terminal, NO_COLOR and TERM), and the width from COLUMNS
 * when the descriptor is no terminal.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmocka.h>

#include "term.h"

/* Set name to value, or unset it when value is NULL. */
static void
env(const char *name, const char *value)
{
	if (value != NULL)
		assert_int_equal(setenv(name, value, 1), 0);
	else
		assert_int_equal(unsetenv(name), 0);
}

static void
test_term_color_parse_words(void **state)
{
	enum term_color	 when = TERM_COLOR_NEVER;

	(void)state;
	assert_int_equal(term_color_parse("auto", &when), 0);
	assert_int_equal(when, TERM_COLOR_AUTO);
	assert_int_equal(term_color_parse("always", &when), 0);
	assert_int_equal(when, TERM_COLOR_ALWAYS);
	assert_int_equal(term_color_parse("never", &when), 0);
	assert_int_equal(when, TERM_COLOR_NEVER);
	assert_int_equal(term_color_parse("yes", &when), -1);
	assert_int_equal(term_color_parse("", &when), -1);
	assert_int_equal(term_color_parse("Always", &when), -1);
}

static void
test_term_color_use_cases(void **state)
{
	static const struct {
		enum term_color	 when;
		bool		 tty;
		const char	*no_color, *term;
		bool		 want;
	} cases[] = {
		{ TERM_COLOR_AUTO, true, NULL, "xterm", true },
		{ TERM_COLOR_AUTO, false, NULL, "xterm", false },
		{ TERM_COLOR_AUTO, true, "1", "xterm", false },
		/* An empty NO_COLOR is as good as none. */
		{ TERM_COLOR_AUTO, true, "", "xterm", true },
		{ TERM_COLOR_AUTO, true, NULL, "dumb", false },
		{ TERM_COLOR_AUTO, true, NULL, NULL, false },
		{ TERM_COLOR_AUTO, true, NULL, "", false },
		{ TERM_COLOR_ALWAYS, false, "1", "dumb", true },
		{ TERM_COLOR_NEVER, true, NULL, "xterm", false },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		env("NO_COLOR", cases[i].no_color);
		env("TERM", cases[i].term);
		if (term_color_use(cases[i].when, cases[i].tty) !=
		    cases[i].want)
			fail_msg("case %zu", i);
	}
}

/* /dev/null is no terminal, so only COLUMNS can give a width. */
static void
test_term_width_from_columns(void **state)
{
	static const struct {
		const char	*columns;
		size_t		 want;
	} cases[] = {
		{ "80", 80 },
		{ "132", 132 },
		{ NULL, 0 },
		{ "", 0 },
		{ "0", 0 },
		{ "-5", 0 },
		{ "80x", 0 },
		{ "wide", 0 },
		{ "99999999999999999999", 0 },
	};
	size_t	 i;
	int	 fd;

	(void)state;
	fd = open("/dev/null", O_WRONLY);
	assert_true(fd >= 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		env("COLUMNS", cases[i].columns);
		if (term_width(fd) != cases[i].want)
			fail_msg("COLUMNS=%s", cases[i].columns);
	}
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_term_color_parse_words),
		cmocka_unit_test(test_term_color_use_cases),
		cmocka_unit_test(test_term_width_from_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
