/*
 * Tests of the SVG drawing: the charts drawn into memory and compared
 * with markup worked out by hand from the geometry in svg.c (horizontal
 * rows 22 high, labels ending at 210, bars at most 250 long; vertical
 * columns 64 wide, at most 150 high over an axis at y 170), and a sink
 * that fails part way, which every function must pass on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "svg.h"

/* A sink into memory that fails once more than limit bytes are put. */
struct mem {
	char	 buf[4096];
	size_t	 len, limit;
};

static int
mem_put(void *ctx, const char *s, size_t len)
{
	struct mem	*m = ctx;

	if (m->len + len > m->limit || m->len + len >= sizeof(m->buf))
		return -1;
	memcpy(m->buf + m->len, s, len);
	m->len += len;
	m->buf[m->len] = '\0';
	return 0;
}

static void
mem_init(struct mem *m, struct svg_sink *sink, size_t limit)
{
	memset(m, 0, sizeof(*m));
	m->limit = limit;
	sink->put = mem_put;
	sink->ctx = m;
}

static void
test_svg_scale(void **state)
{
	(void)state;
	assert_int_equal(svg_scale(0, 10, 250), 0);
	assert_int_equal(svg_scale(5, 0, 250), 0);
	assert_int_equal(svg_scale(10, 10, 250), 250);
	assert_int_equal(svg_scale(1, 3, 250), 83);	/* 83.3 */
	assert_int_equal(svg_scale(2, 3, 250), 167);	/* 166.7 */
	/* A count far below the largest still draws one unit. */
	assert_int_equal(svg_scale(1, 100000, 250), 1);
}

static void
test_svg_hbars(void **state)
{
	static const struct svg_bar	 bars[2] = {
		{ "one", "bar-a", 4 }, { "two", "bar-b", 1 },
	};
	struct svg_sink			 sink;
	struct mem			 m;

	(void)state;
	mem_init(&m, &sink, SIZE_MAX);
	assert_int_equal(svg_hbars(&sink, "c", "T", bars, 2), 0);
	/* 210 + 250 + 60 wide, 2 * 22 + 4 high; 1 of 4 is 62.5, so 63. */
	assert_string_equal(m.buf,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
	    "class=\"c\" aria-label=\"T\" width=\"520\" height=\"48\" "
	    "viewBox=\"0 0 520 48\"><title>T</title>\n"
	    "<text x=\"204\" y=\"15\" text-anchor=\"end\">one</text>\n"
	    "<rect class=\"bar-a\" x=\"210\" y=\"3\" width=\"250\" "
	    "height=\"16\"/>\n"
	    "<text x=\"466\" y=\"15\">4</text>\n"
	    "<text x=\"204\" y=\"37\" text-anchor=\"end\">two</text>\n"
	    "<rect class=\"bar-b\" x=\"210\" y=\"25\" width=\"63\" "
	    "height=\"16\"/>\n"
	    "<text x=\"279\" y=\"37\">1</text>\n"
	    "</svg>\n");
}

static void
test_svg_vbars_leaves_out_empty_bars(void **state)
{
	static const struct svg_bar	 bars[2] = {
		{ "a", "bar-age", 2 }, { "b", "bar-age", 0 },
	};
	struct svg_sink			 sink;
	struct mem			 m;

	(void)state;
	mem_init(&m, &sink, SIZE_MAX);
	assert_int_equal(svg_vbars(&sink, "h", "Ages", bars, 2), 0);
	/* 2 * 64 + 10 wide, 20 + 150 + 40 high; the empty bar has no rect. */
	assert_string_equal(m.buf,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
	    "class=\"h\" aria-label=\"Ages\" width=\"138\" height=\"210\" "
	    "viewBox=\"0 0 138 210\"><title>Ages</title>\n"
	    "<line class=\"axis\" x1=\"0\" y1=\"170\" x2=\"138\" y2=\"170\"/>\n"
	    "<rect class=\"bar-age\" x=\"13\" y=\"20\" width=\"48\" "
	    "height=\"150\"/>\n"
	    "<text x=\"37\" y=\"15\" text-anchor=\"middle\">2</text>\n"
	    "<text x=\"37\" y=\"186\" text-anchor=\"middle\">a</text>\n"
	    "<text x=\"101\" y=\"165\" text-anchor=\"middle\">0</text>\n"
	    "<text x=\"101\" y=\"186\" text-anchor=\"middle\">b</text>\n"
	    "</svg>\n");
}

/* Draw a chart through a sink allowing limit bytes. */
static int
draw(int hbars, size_t limit, size_t *len)
{
	static const struct svg_bar	 bars[2] = {
		{ "a", "x", 2 }, { "b", "y", 1 },
	};
	struct svg_sink			 sink;
	struct mem			 m;
	int				 rc;

	mem_init(&m, &sink, limit);
	rc = hbars ? svg_hbars(&sink, "h", "T", bars, 2) :
	    svg_vbars(&sink, "h", "T", bars, 2);
	*len = m.len;
	return rc;
}

/* A sink that fails at any byte fails the whole chart. */
static void
test_svg_write_failure(void **state)
{
	size_t	 full, limit, len;
	int	 hbars;

	(void)state;
	for (hbars = 0; hbars < 2; hbars++) {
		assert_int_equal(draw(hbars, SIZE_MAX, &full), 0);
		for (limit = 0; limit < full; limit++) {
			assert_int_equal(draw(hbars, limit, &len), -1);
			assert_true(len <= limit);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_svg_scale),
		cmocka_unit_test(test_svg_hbars),
		cmocka_unit_test(test_svg_vbars_leaves_out_empty_bars),
		cmocka_unit_test(test_svg_write_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
