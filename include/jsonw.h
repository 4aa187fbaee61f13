/*
 * The JSON writer: fixed-shape JSON text, written fast, for the formats
 * that print JSON (json, ndjson and any format built on JSON records).
 *
 * A format knows the shape of what it writes, so it writes punctuation
 * and keys as literal text and only the values go through the writer:
 * integers, timestamps, booleans, null and strings.  A string is scanned
 * for the bytes JSON must escape (", \ and control characters); one with
 * none, which is nearly every string a credential report holds, is
 * copied between quotes as it is, and the rare one that has some is
 * escaped by cJSON, so there is one escaping in the program.  Each value
 * comes out as cJSON_PrintUnformatted prints it.
 *
 * The writer does not track structure: commas, colons and brackets are
 * the caller's, and the tests parse what the formats write back with
 * cJSON.  Text collects in a 64 KiB block owned by the writer and goes to
 * the stream (not owned) in one fwrite when the block is full and at
 * jsonw_flush().
 *
 * Errors stick: after one failed write every call returns -1 and writes
 * nothing, so a caller may chain calls with || and check once; errno is
 * the one the failed write left.
 */
#ifndef CREDAUDIT_JSONW_H
#define CREDAUDIT_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Text is handed to the stream in blocks of this size. */
#define JSONW_BLOCK	(64 * 1024)

struct jsonw;	/* opaque */

/* A writer onto fp, which stays the caller's; NULL when out of memory. */
struct jsonw	*jsonw_open(FILE *fp);
/* Release w without flushing it; NULL-safe. */
void		 jsonw_free(struct jsonw *w);
/* Hand what is buffered to the stream (not fflush: the stream is not ours). */
int		 jsonw_flush(struct jsonw *w);

/* len bytes of text the caller vouches is valid JSON in its place. */
int		 jsonw_raw(struct jsonw *w, const char *text, size_t len);
/* A string literal as raw text, its length known at compile time. */
#define jsonw_lit(w, lit)	jsonw_raw((w), "" lit, sizeof(lit) - 1)

/* s as a JSON string; null when s is NULL. */
int		 jsonw_string(struct jsonw *w, const char *s);
/* n in decimal. */
int		 jsonw_int(struct jsonw *w, int64_t n);
/* n in decimal when has, else null. */
int		 jsonw_int_or_null(struct jsonw *w, bool has, int64_t n);
/* t as the string "YYYY-MM-DDTHH:MM:SSZ" (see timeparse_format). */
int		 jsonw_time(struct jsonw *w, int64_t t);
/* t as jsonw_time when has, else null. */
int		 jsonw_time_or_null(struct jsonw *w, bool has, int64_t t);
int		 jsonw_bool(struct jsonw *w, bool b);
int		 jsonw_null(struct jsonw *w);

/*
 * A member in one call: len bytes of literal text (a key with the comma
 * before it and the colon after, such as ",\"user\":"), then the value
 * as the functions above write it.  Most of a record is members, and
 * one call for both halves is measurably cheaper than two.
 */
int		 jsonw_string_after(struct jsonw *w, const char *text,
		    size_t len, const char *s);
int		 jsonw_int_after(struct jsonw *w, const char *text, size_t len,
		    bool has, int64_t n);
int		 jsonw_time_after(struct jsonw *w, const char *text, size_t len,
		    bool has, int64_t t);
#define jsonw_member_string(w, key, s) \
	jsonw_string_after((w), "" key, sizeof(key) - 1, (s))
#define jsonw_member_int(w, key, has, n) \
	jsonw_int_after((w), "" key, sizeof(key) - 1, (has), (n))
#define jsonw_member_time(w, key, has, t) \
	jsonw_time_after((w), "" key, sizeof(key) - 1, (has), (t))

/*
 * Whether the len bytes at s hold one JSON must escape; exposed so the
 * tests can hold the fast scan to a byte-at-a-time one.
 */
bool		 jsonw_needs_escape(const char *s, size_t len);

#endif
