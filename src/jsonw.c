/*
 * The JSON writer: values into a 64 KiB block, the block to the stream.
 *
 * At a few findings per user the output of an audit is several times
 * the size of its input, so how each byte is produced decides the run
 * time.  Printing through a cJSON tree walked every string twice (to
 * size it, then to copy it with escapes) and measured the length of
 * the whole buffer again after each member; here a plain string costs
 * one strlen, one scan that looks at eight bytes at a time, and one
 * memcpy.  Strings that do need escaping are rare (a user name with a
 * quote, a control character an earlier tool left in a field) and go to
 * cJSON, whose printer is the one the rest of the output agrees with.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "jsonw.h"
#include "textbuf.h"
#include "timeparse.h"

/* cJSON writes each special byte as at most \u00XX. */
#define JSONW_ESCAPED_MAX	6

/* Every byte of a 64-bit word set to b. */
#define JSONW_BYTES(b)	(UINT64_C(0x0101010101010101) * (uint8_t)(b))

struct jsonw {
	FILE	*fp;		/* not owned */
	bool	 failed;	/* a write failed; nothing more goes out */
	size_t	 used;		/* bytes in block */
	cJSON	*ref;		/* a string reference for cJSON's escaping */
	char	*scratch;	/* where cJSON prints an escaped string */
	size_t	 scratchsz;
	char	 block[JSONW_BLOCK];
};

struct jsonw *
jsonw_open(FILE *fp)
{
	struct jsonw	*w;

	if ((w = malloc(sizeof(*w))) == NULL)
		return NULL;
	w->fp = fp;
	w->failed = false;
	w->used = 0;
	w->scratch = NULL;
	w->scratchsz = 0;
	if ((w->ref = cJSON_CreateStringReference("")) == NULL) {
		free(w);
		return NULL;
	}
	return w;
}

void
jsonw_free(struct jsonw *w)
{
	if (w == NULL)
		return;
	/* A reference: cJSON_Delete leaves the string it points at alone. */
	cJSON_Delete(w->ref);
	free(w->scratch);
	free(w);
}

/* Mark w failed, keeping the errno of what failed; returns -1. */
static int
jsonw_fail(struct jsonw *w)
{
	w->failed = true;
	w->used = 0;
	return -1;
}

/* len bytes straight to the stream. */
static int
jsonw_put(struct jsonw *w, const char *s, size_t len)
{
	if (fwrite(s, 1, len, w->fp) != len)
		return jsonw_fail(w);
	return 0;
}

int
jsonw_flush(struct jsonw *w)
{
	size_t	 len = w->used;

	if (w->failed)
		return -1;
	w->used = 0;
	return len > 0 ? jsonw_put(w, w->block, len) : 0;
}

/*
 * Where the next n bytes (at most JSONW_BLOCK) go, flushing the block
 * first when they do not fit; NULL once a write has failed.
 */
static char *
jsonw_room(struct jsonw *w, size_t n)
{
	if (w->failed)
		return NULL;
	if (JSONW_BLOCK - w->used < n && jsonw_flush(w) == -1)
		return NULL;
	return w->block + w->used;
}

int
jsonw_raw(struct jsonw *w, const char *text, size_t len)
{
	char	*p;

	if (len > JSONW_BLOCK) {
		/* Larger than a block: no point copying it into one. */
		if (jsonw_flush(w) == -1)
			return -1;
		return jsonw_put(w, text, len);
	}
	if ((p = jsonw_room(w, len)) == NULL)
		return -1;
	textbuf_copy(p, text, len);
	w->used += len;
	return 0;
}

/*
 * Whether any byte of v is special: one cJSON escapes, that is a byte
 * below 0x20, a quote or a backslash (it passes 0x7f and above through).
 * (x - 0x01…) & ~x & 0x80… is non-zero exactly when some byte of x is
 * zero, and (x - 0x20…) & ~x & 0x80… exactly when some byte is below
 * 0x20; a borrow can flag a byte wrongly only above one that was rightly
 * flagged, so "any" is exact.
 */
static bool
jsonw_word_special(uint64_t v)
{
	const uint64_t	 high = JSONW_BYTES(0x80), ones = JSONW_BYTES(1);
	uint64_t	 quote = v ^ JSONW_BYTES('"');
	uint64_t	 bslash = v ^ JSONW_BYTES('\\');

	return (((v - JSONW_BYTES(0x20)) & ~v) | ((quote - ones) & ~quote) |
	    ((bslash - ones) & ~bslash)) & high;
}

/*
 * The len bytes at s, fewer than a word, in one word: two overlapping
 * halves, or for 1 to 3 bytes the first, middle and last byte; the rest
 * is a byte that is not special.  Every byte of s is in the word.
 */
static uint64_t
jsonw_short_word(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 lo, hi;

	if (len >= sizeof(lo)) {
		memcpy(&lo, s, sizeof(lo));
		memcpy(&hi, s + len - sizeof(hi), sizeof(hi));
		return lo | (uint64_t)hi << 32;
	}
	if (len == 0)
		return JSONW_BYTES('a');
	return (JSONW_BYTES('a') & ~UINT64_C(0xffffff)) | u[0] |
	    (uint64_t)u[len / 2] << 8 | (uint64_t)u[len - 1] << 16;
}

#if defined(__GNUC__)
/*
 * Sixteen bytes at a time where the compiler has vector types (gcc and
 * clang, on any target): a third of the instructions of two words, for
 * the ids, ARNs and messages that make up most of the text.
 */
typedef unsigned char jsonw_v16 __attribute__((vector_size(16)));

static bool
jsonw_v16_special(const char *s)
{
	jsonw_v16	 v, m;
	uint64_t	 w[2];

	memcpy(&v, s, sizeof(v));
	m = (jsonw_v16)((v < 0x20) | (v == '"') | (v == '\\'));
	memcpy(w, &m, sizeof(w));
	return (w[0] | w[1]) != 0;
}
#define JSONW_WIDE		16
#define jsonw_wide_special	jsonw_v16_special
#else
static bool
jsonw_w2_special(const char *s)
{
	uint64_t	 w[2];

	memcpy(w, s, sizeof(w));
	return jsonw_word_special(w[0]) || jsonw_word_special(w[1]);
}
#define JSONW_WIDE		16
#define jsonw_wide_special	jsonw_w2_special
#endif

/*
 * Sixteen bytes a step, and the last step overlaps the one before it
 * rather than going byte by byte: most strings here are 10 to 60 bytes
 * long, so the ends would cost as much as the middle.  Shorter strings
 * take a word or two.  Inline in the string writers, which call it for
 * every string.
 */
static inline bool
jsonw_scan(const char *s, size_t len)
{
	uint64_t	 v, u;
	size_t		 i;

	if (len >= JSONW_WIDE) {
		for (i = 0; i < len - JSONW_WIDE; i += JSONW_WIDE)
			if (jsonw_wide_special(s + i))
				return true;
		return jsonw_wide_special(s + len - JSONW_WIDE);
	}
	if (len < sizeof(v))
		return jsonw_word_special(jsonw_short_word(s, len));
	memcpy(&v, s, sizeof(v));
	memcpy(&u, s + len - sizeof(u), sizeof(u));
	return jsonw_word_special(v) || jsonw_word_special(u);
}

bool
jsonw_needs_escape(const char *s, size_t len)
{
	return jsonw_scan(s, len);
}

/* s, which needs escaping, printed by cJSON with its quotes. */
static int
jsonw_escaped(struct jsonw *w, const char *s, size_t len)
{
	size_t	 need;
	char	*p;

	if (w->failed)
		return -1;
	/* cJSON takes the buffer's size as an int. */
	if (len > ((size_t)INT_MAX - 4) / JSONW_ESCAPED_MAX) {
		errno = EOVERFLOW;
		return jsonw_fail(w);
	}
	/*
	 * Two quotes and a NUL, and one byte more: cJSON's printer asks
	 * for room past the end of what it writes.
	 */
	need = len * JSONW_ESCAPED_MAX + 4;
	if (need > w->scratchsz) {
		if ((p = realloc(w->scratch, need)) == NULL)
			return jsonw_fail(w);
		w->scratch = p;
		w->scratchsz = need;
	}
	/* cJSON only reads through a reference's string. */
	w->ref->valuestring = (char *)s;
	if (!cJSON_PrintPreallocated(w->ref, w->scratch, (int)need, false)) {
		errno = ENOMEM;
		return jsonw_fail(w);
	}
	return jsonw_raw(w, w->scratch, strlen(w->scratch));
}

/* s as a string, plain or not, when it may not fit in a block. */
static int
jsonw_string_slow(struct jsonw *w, const char *s, size_t len)
{
	if (jsonw_scan(s, len))
		return jsonw_escaped(w, s, len);
	if (jsonw_lit(w, "\"") == -1 || jsonw_raw(w, s, len) == -1)
		return -1;
	return jsonw_lit(w, "\"");
}

int
jsonw_string_after(struct jsonw *w, const char *text, size_t tlen,
    const char *s)
{
	size_t	 len;
	char	*p;

	if (s == NULL)
		return jsonw_raw(w, text, tlen) == -1 ? -1 : jsonw_null(w);
	len = strlen(s);
	/* The common case: text and a plain string in one block. */
	if (len < JSONW_BLOCK / 2 && tlen < JSONW_BLOCK / 2 &&
	    !jsonw_scan(s, len)) {
		if ((p = jsonw_room(w, tlen + len + 2)) == NULL)
			return -1;
		textbuf_copy(p, text, tlen);
		p += tlen;
		*p++ = '"';
		textbuf_copy(p, s, len);
		p[len] = '"';
		w->used += tlen + len + 2;
		return 0;
	}
	if (jsonw_raw(w, text, tlen) == -1)
		return -1;
	return jsonw_string_slow(w, s, len);
}

int
jsonw_string(struct jsonw *w, const char *s)
{
	return jsonw_string_after(w, "", 0, s);
}

int
jsonw_int_after(struct jsonw *w, const char *text, size_t tlen, bool has,
    int64_t n)
{
	char	*p;

	if (!has || tlen > JSONW_BLOCK - TEXTBUF_INTSZ)
		return jsonw_raw(w, text, tlen) == -1 ? -1 :
		    jsonw_int_or_null(w, has, n);
	if ((p = jsonw_room(w, tlen + TEXTBUF_INTSZ)) == NULL)
		return -1;
	textbuf_copy(p, text, tlen);
	w->used += tlen + textbuf_format_int(n, p + tlen);
	return 0;
}

int
jsonw_int(struct jsonw *w, int64_t n)
{
	return jsonw_int_after(w, "", 0, true, n);
}

int
jsonw_int_or_null(struct jsonw *w, bool has, int64_t n)
{
	return has ? jsonw_int(w, n) : jsonw_null(w);
}

int
jsonw_time_after(struct jsonw *w, const char *text, size_t tlen, bool has,
    int64_t t)
{
	char	*p;

	/* Quote, timestamp and its NUL, which the closing quote replaces. */
	if (!has || tlen > JSONW_BLOCK - TIMESTAMP_BUFSZ - 1)
		return jsonw_raw(w, text, tlen) == -1 ? -1 :
		    jsonw_time_or_null(w, has, t);
	if ((p = jsonw_room(w, tlen + TIMESTAMP_BUFSZ + 1)) == NULL)
		return -1;
	textbuf_copy(p, text, tlen);
	p += tlen;
	p[0] = '"';
	timeparse_format(t, p + 1);
	p[TIMESTAMP_BUFSZ] = '"';
	w->used += tlen + TIMESTAMP_BUFSZ + 1;
	return 0;
}

int
jsonw_time(struct jsonw *w, int64_t t)
{
	return jsonw_time_after(w, "", 0, true, t);
}

int
jsonw_time_or_null(struct jsonw *w, bool has, int64_t t)
{
	return has ? jsonw_time(w, t) : jsonw_null(w);
}

int
jsonw_bool(struct jsonw *w, bool b)
{
	return b ? jsonw_lit(w, "true") : jsonw_lit(w, "false");
}

int
jsonw_null(struct jsonw *w)
{
	return jsonw_lit(w, "null");
}
