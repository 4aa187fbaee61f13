/*
 * Inline SVG drawing for the html format's charts: the <svg> element and
 * its <title>, text, rectangles, and two bar charts (horizontal bars
 * with a label each, vertical bars over an axis).  It knows nothing of
 * findings or HTML pages; it writes through a sink, so the tests can
 * draw into memory and another format could draw the same charts.
 *
 * Every string given here is written as it is, inside attribute values
 * and text: callers pass only their own names and labels, never a value
 * from a report, which would need escaping first.
 */
#ifndef CREDAUDIT_SVG_H
#define CREDAUDIT_SVG_H

#include <stddef.h>
#include <stdint.h>

/*
 * Where the drawing goes: put writes len bytes and returns 0, or -1 when
 * the write failed.  Every function below returns -1 at the first failed
 * put and 0 otherwise.
 */
struct svg_sink {
	int	(*put)(void *ctx, const char *s, size_t len);
	void	*ctx;
};

/* One bar of a chart; label and cls (its CSS class) are not owned. */
struct svg_bar {
	const char	*label;
	const char	*cls;
	unsigned long	 n;
};

/*
 * n scaled to at most max units, most being the largest count: 0 for no
 * count, and at least 1 for any count, so a small one still shows.
 */
int64_t	svg_scale(unsigned long n, unsigned long most, int64_t max);

/* <svg ...><title>title</title>, width by height units, of class cls. */
int	svg_open(const struct svg_sink *sink, const char *cls,
	    const char *title, int64_t width, int64_t height);
/* </svg> */
int	svg_close(const struct svg_sink *sink);
/* <text x y [text-anchor]>s</text>; anchor may be NULL. */
int	svg_text(const struct svg_sink *sink, int64_t x, int64_t y,
	    const char *anchor, const char *s);
/* <rect class x y width height/> */
int	svg_rect(const struct svg_sink *sink, const char *cls, int64_t x,
	    int64_t y, int64_t w, int64_t h);

/*
 * A whole <svg> of n horizontal bars, one row each in the order given:
 * the label right-aligned before the bar, the count after it.
 */
int	svg_hbars(const struct svg_sink *sink, const char *cls,
	    const char *title, const struct svg_bar *bars, size_t n);

/*
 * A whole <svg> of n vertical bars over a horizontal axis, the count
 * above each bar and the label below; a bar of no count is left out and
 * its 0 and label stay.
 */
int	svg_vbars(const struct svg_sink *sink, const char *cls,
	    const char *title, const struct svg_bar *bars, size_t n);

#endif
