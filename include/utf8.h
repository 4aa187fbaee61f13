/*
 * UTF-8 validity, shared by everything that must not pass invalid bytes
 * on: the loader repairs report fields with it, config and baseline
 * refuse strings that fail it, and the table uses it to tell printable
 * text from bytes to escape.
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

/* Are the len bytes at s valid UTF-8 as a whole? */
bool	utf8_valid(const char *s, size_t len);

/* Step *buf and *len past a UTF-8 byte order mark; true if there was one. */
bool	utf8_skip_bom(const char **buf, size_t *len);

#endif
