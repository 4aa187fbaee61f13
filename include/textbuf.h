/*
 * Short texts built without printf: integers in decimal, a bounded
 * buffer that strings and integers are appended to, and the copy of a
 * short text that the writers and the loader share.
 *
 * Every finding carries a message and a few numbers, and writing them
 * with the printf family was a large share of an audit: each call parses
 * its format and goes through a string stream.  A textbuf only copies,
 * and cuts its text where snprintf would cut it, so a text built here
 * reads byte for byte as the snprintf one did.
 *
 * A textbuf writes into a buffer its caller owns and never allocates.
 */
#ifndef CREDAUDIT_TEXTBUF_H
#define CREDAUDIT_TEXTBUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The longest int64_t in decimal, and the room it takes with its NUL. */
#define TEXTBUF_INT_WIDEST	"-9223372036854775808"
#define TEXTBUF_INTSZ		sizeof(TEXTBUF_INT_WIDEST)

/* n in decimal into buf, NUL-terminated; returns the length. */
size_t	textbuf_format_int(int64_t n, char buf[TEXTBUF_INTSZ]);

struct textbuf {
	char	*buf;	/* the caller's */
	size_t	 size;	/* of buf, at least 1 */
	size_t	 len;	/* of the text so far, always below size */
};

/* Start an empty text in buf, which holds size bytes (size > 0). */
void	textbuf_init(struct textbuf *tb, char *buf, size_t size);
/* Append n in decimal, or as much of it as fits. */
void	textbuf_add_int(struct textbuf *tb, int64_t n);

/*
 * memcpy for the short texts most of a report and its output are made
 * of (names, keys, ids, timestamps, ten to sixty bytes): two overlapping
 * fixed-size moves that the compiler inlines, where memcpy would be a
 * call that dispatches on the length at run time.
 */
static inline void
textbuf_copy(char *dst, const char *src, size_t len)
{
	if (len > 32)
		memcpy(dst, src, len);
	else if (len >= 16) {
		memcpy(dst, src, 16);
		memcpy(dst + len - 16, src + len - 16, 16);
	} else if (len >= 8) {
		memcpy(dst, src, 8);
		memcpy(dst + len - 8, src + len - 8, 8);
	} else if (len >= 4) {
		memcpy(dst, src, 4);
		memcpy(dst + len - 4, src + len - 4, 4);
	} else if (len > 0) {
		dst[0] = src[0];
		dst[len / 2] = src[len / 2];
		dst[len - 1] = src[len - 1];
	}
}

/*
 * Append len bytes at s, or as much of them as fits before the NUL.
 * Inline, like textbuf_add: a message is built from a dozen pieces.
 */
static inline void
textbuf_add_len(struct textbuf *tb, const char *s, size_t len)
{
	size_t	 room = tb->size - 1 - tb->len;

	if (len > room)
		len = room;
	textbuf_copy(tb->buf + tb->len, s, len);
	tb->len += len;
	tb->buf[tb->len] = '\0';
}

/* Append s, or as much of it as fits before the NUL. */
static inline void
textbuf_add(struct textbuf *tb, const char *s)
{
	textbuf_add_len(tb, s, strlen(s));
}

/* A string literal, its length known at compile time. */
#define textbuf_add_lit(tb, lit) \
	textbuf_add_len((tb), "" lit, sizeof(lit) - 1)

#endif
