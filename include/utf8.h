/*
 * UTF-8 validity, shared by everything that must not pass invalid bytes
 * on: the loader escapes report fields with it, config and baseline
 * refuse strings that fail it, and the table and the diagnostics use it
 * to tell text a terminal may show from bytes to escape.
 */
#ifndef CREDAUDIT_UTF8_H
#define CREDAUDIT_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Length (1 to 4) of the valid UTF-8 sequence at the start of the len
 * bytes at s, or 0 when they do not start one: stray continuation bytes,
 * overlong forms, surrogates, code points past U+10FFFF, truncation.
 */
size_t	utf8_seq(const unsigned char *s, size_t len);

/* The code point of the n bytes at s, a sequence utf8_seq accepted. */
unsigned	utf8_decode(const unsigned char *s, size_t n);

/* Are the len bytes at s valid UTF-8 as a whole? */
bool	utf8_valid(const char *s, size_t len);

/* Step *buf and *len past a UTF-8 byte order mark; true if there was one. */
bool	utf8_skip_bom(const char **buf, size_t *len);

/*
 * The one representation of report text that is not valid UTF-8, used
 * for user names, ARNs and every other string of a report, and so in
 * finding ids and every format: each byte that starts no valid sequence
 * is written as \xNN (two lower-case hex digits) and each backslash as
 * \\.  It is reversible, so two different raw names never share an id;
 * text that is valid and holds no backslash (every name IAM allows) is
 * unchanged.
 */
#define UTF8_REPR_SIZE(len)	((len) * 4 + 1)

/* Does the len bytes at s differ from its representation? */
bool	utf8_repr_needed(const char *s, size_t len);

/*
 * Write the representation of the len bytes at s to out, which has room
 * for UTF8_REPR_SIZE(len) bytes, NUL-terminated; returns its length.
 */
size_t	utf8_repr(const char *s, size_t len, char *out);

/*
 * Length of the sequence at the start of the len bytes at s when a
 * terminal may be given it as it is, or 0 when its first byte must be
 * shown as a \xNN escape: C0 controls, DEL, invalid UTF-8, the C1
 * controls, and the characters that reorder a line or hide in it (bidi
 * controls, zero-width and other invisible characters, line and
 * paragraph separators, noncharacters).  A NUL is a control.  Every
 * format that shows report text to people decides by this.
 */
size_t	utf8_display_seq(const unsigned char *s, size_t len);

/* Room utf8_display_escape needs for a string of len bytes. */
#define UTF8_ESCAPED_SIZE(len)	((len) * 4 + 1)

/*
 * Copy the NUL-terminated s into out (outsz bytes), each byte that
 * utf8_display_seq refuses written as \xNN; the copy is cut at a whole
 * character or escape when out is too small.  Returns out.
 */
char	*utf8_display_escape(const char *s, char *out, size_t outsz);

#endif
