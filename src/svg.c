/*
 * Inline SVG for charts (see svg.h): a handful of elements written as
 * text through a sink, and the two bar charts the html page draws.  The
 * geometry is in SVG user units, which a page without a transform shows
 * as CSS pixels; the look (fill colours, fonts) is left to the page's
 * style sheet through the class names the caller gives.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "svg.h"

/* Horizontal bars: labels end at HBAR_LABEL, the longest bar is HBAR_MAX. */
#define HBAR_LABEL	210
#define HBAR_MAX	250
#define HBAR_ROW	22
/* Vertical bars: one column each, VBAR_HEIGHT at most, an axis below. */
#define VBAR_COL	64
#define VBAR_HEIGHT	150
#define VBAR_TOP	20
#define VBAR_BOTTOM	40

static int
svg_puts(const struct svg_sink *sink, const char *s)
{
	return sink->put(sink->ctx, s, strlen(s));
}

static int
svg_int(const struct svg_sink *sink, int64_t n)
{
	char	 buf[24];	/* INT64_MIN and its NUL */

	snprintf(buf, sizeof(buf), "%" PRId64, n);
	return svg_puts(sink, buf);
}

int64_t
svg_scale(unsigned long n, unsigned long most, int64_t max)
{
	int64_t	 w;

	if (n == 0 || most == 0)
		return 0;
	w = (int64_t)((double)n * (double)max / (double)most + 0.5);
	return w > 0 ? w : 1;
}

int
svg_open(const struct svg_sink *sink, const char *cls, const char *title,
    int64_t width, int64_t height)
{
	if (svg_puts(sink, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "role=\"img\" class=\"") != 0 ||
	    svg_puts(sink, cls) != 0 ||
	    svg_puts(sink, "\" aria-label=\"") != 0 ||
	    svg_puts(sink, title) != 0 ||
	    svg_puts(sink, "\" width=\"") != 0 ||
	    svg_int(sink, width) != 0 ||
	    svg_puts(sink, "\" height=\"") != 0 ||
	    svg_int(sink, height) != 0 ||
	    svg_puts(sink, "\" viewBox=\"0 0 ") != 0 ||
	    svg_int(sink, width) != 0 ||
	    svg_puts(sink, " ") != 0 ||
	    svg_int(sink, height) != 0 ||
	    svg_puts(sink, "\"><title>") != 0 ||
	    svg_puts(sink, title) != 0 ||
	    svg_puts(sink, "</title>\n") != 0)
		return -1;
	return 0;
}

int
svg_close(const struct svg_sink *sink)
{
	return svg_puts(sink, "</svg>\n") != 0 ? -1 : 0;
}

int
svg_text(const struct svg_sink *sink, int64_t x, int64_t y,
    const char *anchor, const char *s)
{
	if (svg_puts(sink, "<text x=\"") != 0 ||
	    svg_int(sink, x) != 0 ||
	    svg_puts(sink, "\" y=\"") != 0 ||
	    svg_int(sink, y) != 0)
		return -1;
	if (anchor != NULL && (svg_puts(sink, "\" text-anchor=\"") != 0 ||
	    svg_puts(sink, anchor) != 0))
		return -1;
	if (svg_puts(sink, "\">") != 0 ||
	    svg_puts(sink, s) != 0 ||
	    svg_puts(sink, "</text>\n") != 0)
		return -1;
	return 0;
}

int
svg_rect(const struct svg_sink *sink, const char *cls, int64_t x, int64_t y,
    int64_t w, int64_t h)
{
	if (svg_puts(sink, "<rect class=\"") != 0 ||
	    svg_puts(sink, cls) != 0 ||
	    svg_puts(sink, "\" x=\"") != 0 ||
	    svg_int(sink, x) != 0 ||
	    svg_puts(sink, "\" y=\"") != 0 ||
	    svg_int(sink, y) != 0 ||
	    svg_puts(sink, "\" width=\"") != 0 ||
	    svg_int(sink, w) != 0 ||
	    svg_puts(sink, "\" height=\"") != 0 ||
	    svg_int(sink, h) != 0 ||
	    svg_puts(sink, "\"/>\n") != 0)
		return -1;
	return 0;
}

/* The largest count of n bars, which the others are scaled against. */
static unsigned long
svg_most(const struct svg_bar *bars, size_t n)
{
	unsigned long	 most = 0;
	size_t		 i;

	for (i = 0; i < n; i++)
		if (bars[i].n > most)
			most = bars[i].n;
	return most;
}

int
svg_hbars(const struct svg_sink *sink, const char *cls, const char *title,
    const struct svg_bar *bars, size_t n)
{
	char		 num[24];
	unsigned long	 most = svg_most(bars, n);
	int64_t		 y = 0, w;
	size_t		 i;

	if (svg_open(sink, cls, title, HBAR_LABEL + HBAR_MAX + 60,
	    (int64_t)n * HBAR_ROW + 4) != 0)
		return -1;
	for (i = 0; i < n; i++, y += HBAR_ROW) {
		w = svg_scale(bars[i].n, most, HBAR_MAX);
		snprintf(num, sizeof(num), "%lu", bars[i].n);
		if (svg_text(sink, HBAR_LABEL - 6, y + 15, "end",
		    bars[i].label) != 0 ||
		    svg_rect(sink, bars[i].cls, HBAR_LABEL, y + 3, w,
		    HBAR_ROW - 6) != 0 ||
		    svg_text(sink, HBAR_LABEL + w + 6, y + 15, NULL, num) != 0)
			return -1;
	}
	return svg_close(sink);
}

int
svg_vbars(const struct svg_sink *sink, const char *cls, const char *title,
    const struct svg_bar *bars, size_t n)
{
	char		 num[24];
	unsigned long	 most = svg_most(bars, n);
	int64_t		 x, h, base = VBAR_TOP + VBAR_HEIGHT;
	int64_t		 width = (int64_t)n * VBAR_COL + 10;
	size_t		 i;

	if (svg_open(sink, cls, title, width, base + VBAR_BOTTOM) != 0 ||
	    svg_puts(sink, "<line class=\"axis\" x1=\"0\" y1=\"") != 0 ||
	    svg_int(sink, base) != 0 ||
	    svg_puts(sink, "\" x2=\"") != 0 ||
	    svg_int(sink, width) != 0 ||
	    svg_puts(sink, "\" y2=\"") != 0 ||
	    svg_int(sink, base) != 0 ||
	    svg_puts(sink, "\"/>\n") != 0)
		return -1;
	for (i = 0; i < n; i++) {
		x = (int64_t)i * VBAR_COL + 5;
		h = svg_scale(bars[i].n, most, VBAR_HEIGHT);
		snprintf(num, sizeof(num), "%lu", bars[i].n);
		if ((h > 0 && svg_rect(sink, bars[i].cls, x + 8, base - h,
		    VBAR_COL - 16, h) != 0) ||
		    svg_text(sink, x + VBAR_COL / 2, base - h - 5, "middle",
		    num) != 0 ||
		    svg_text(sink, x + VBAR_COL / 2, base + 16, "middle",
		    bars[i].label) != 0)
			return -1;
	}
	return svg_close(sink);
}
