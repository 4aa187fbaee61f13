/*
 * Short texts built without printf: integers in decimal, and a bounded
 * buffer that strings and integers are appended to.
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
/* Append s, or as much of it as fits before the NUL. */
void	textbuf_add(struct textbuf *tb, const char *s);
/* Append n in decimal, or as much of it as fits. */
void	textbuf_add_int(struct textbuf *tb, int64_t n);

#endif
