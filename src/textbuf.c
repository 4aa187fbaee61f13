/*
 * Short texts without printf: the decimal writer every output and the
 * rule messages share, and the bounded buffer messages are built in.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "textbuf.h"

/*
 * Two digits at a time from a table of 00..99: half the divisions of
 * the digit-by-digit loop, and most numbers here (days, line numbers)
 * are a few digits long.
 */
static const char textbuf_pairs[] =
    "00010203040506070809" "10111213141516171819"
    "20212223242526272829" "30313233343536373839"
    "40414243444546474849" "50515253545556575859"
    "60616263646566676869" "70717273747576777879"
    "80818283848586878889" "90919293949596979899";

/* Powers of ten, to count the digits before writing them in place. */
static const uint64_t textbuf_pow10[] = {
	UINT64_C(1), UINT64_C(10), UINT64_C(100), UINT64_C(1000),
	UINT64_C(10000), UINT64_C(100000), UINT64_C(1000000),
	UINT64_C(10000000), UINT64_C(100000000), UINT64_C(1000000000),
	UINT64_C(10000000000), UINT64_C(100000000000),
	UINT64_C(1000000000000), UINT64_C(10000000000000),
	UINT64_C(100000000000000), UINT64_C(1000000000000000),
	UINT64_C(10000000000000000), UINT64_C(100000000000000000),
	UINT64_C(1000000000000000000), UINT64_C(10000000000000000000),
};

size_t
textbuf_format_int(int64_t n, char buf[TEXTBUF_INTSZ])
{
	uint64_t	 u = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
	size_t		 len = 1;
	char		*p;

	while (len < sizeof(textbuf_pow10) / sizeof(textbuf_pow10[0]) &&
	    u >= textbuf_pow10[len])
		len++;
	if (n < 0) {
		*buf++ = '-';
		len++;
	}
	/* The digits go in from the right, where p starts. */
	p = buf + (n < 0 ? len - 1 : len);
	*p = '\0';
	while (u >= 100) {
		p -= 2;
		memcpy(p, textbuf_pairs + u % 100 * 2, 2);
		u /= 100;
	}
	if (u >= 10) {
		p -= 2;
		memcpy(p, textbuf_pairs + u * 2, 2);
	} else
		*--p = (char)('0' + u);
	return len;
}

void
textbuf_init(struct textbuf *tb, char *buf, size_t size)
{
	tb->buf = buf;
	tb->size = size;
	tb->len = 0;
	buf[0] = '\0';
}

void
textbuf_add_int(struct textbuf *tb, int64_t n)
{
	char	 num[TEXTBUF_INTSZ];
	size_t	 len;

	/* Straight into the text when the widest number fits. */
	if (tb->size - tb->len >= TEXTBUF_INTSZ) {
		tb->len += textbuf_format_int(n, tb->buf + tb->len);
		return;
	}
	len = textbuf_format_int(n, num);
	if (len > tb->size - 1 - tb->len)
		len = tb->size - 1 - tb->len;
	memcpy(tb->buf + tb->len, num, len);
	tb->len += len;
	tb->buf[tb->len] = '\0';
}
