/*
 * UTF-8 validity: one decoder for the whole program, so the loader, the
 * config and baseline readers, the table and the diagnostics agree on
 * what is valid, and on what a terminal may be shown as it is.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Length of the valid UTF-8 sequence at s, or 0 when it is not one. */
size_t
utf8_seq(const unsigned char *s, size_t len)
{
	size_t		 n, i;
	unsigned	 cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates, and beyond U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

bool
utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t		 i = 0, n;
	uint64_t	 w;

	/*
	 * Nearly every byte is ASCII: skip those eight at a time, the last
	 * eight overlapping the ones before, so that an ASCII string of any
	 * length takes no byte-by-byte step (most fields are short).
	 */
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, u + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	if (i + 8 > len && len >= 8) {
		memcpy(&w, u + len - 8, 8);
		if ((w & 0x8080808080808080ULL) == 0)
			return true;
	}
	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = utf8_seq(u + i, len - i)) == 0)
			return false;
		i += n;
	}
	return true;
}

bool
utf8_skip_bom(const char **buf, size_t *len)
{
	if (*len >= 3 && memcmp(*buf, "\xef\xbb\xbf", 3) == 0) {
		*buf += 3;
		*len -= 3;
		return true;
	}
	return false;
}

bool
utf8_repr_needed(const char *s, size_t len)
{
	return memchr(s, '\\', len) != NULL || !utf8_valid(s, len);
}

size_t
utf8_repr(const char *s, size_t len, char *out)
{
	static const char	 hex[] = "0123456789abcdef";
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, n, o = 0;

	while (i < len) {
		if (u[i] == '\\') {
			out[o++] = '\\';
			out[o++] = '\\';
			i++;
		} else if ((n = utf8_seq(u + i, len - i)) > 0) {
			memcpy(out + o, u + i, n);
			o += n;
			i += n;
		} else {
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[u[i] >> 4];
			out[o++] = hex[u[i] & 0xf];
			i++;
		}
	}
	out[o] = '\0';
	return o;
}

/*
 * Code points that are valid but must not reach a terminal raw: each
 * can make one name look like another or move text within its line.
 * C1 controls; the soft hyphen; bidi marks, embeddings, overrides and
 * isolates; zero-width spaces and joiners, invisible operators and the
 * deprecated format characters; line and paragraph separators; the
 * byte order mark used as a zero-width no-break space; fillers and
 * interlinear annotation marks that print as nothing; tag characters;
 * and the noncharacters (U+FDD0..U+FDEF and the last two code points of
 * every plane), which are not text at all and show as whatever a font
 * makes of them.
 */
static const struct {
	unsigned	 lo, hi;
} utf8_hidden[] = {
	{ 0x0080, 0x009f },	/* C1 controls */
	{ 0x00ad, 0x00ad },	/* soft hyphen */
	{ 0x034f, 0x034f },	/* combining grapheme joiner */
	{ 0x061c, 0x061c },	/* Arabic letter mark */
	{ 0x115f, 0x1160 },	/* Hangul fillers */
	{ 0x17b4, 0x17b5 },	/* Khmer inherent vowels */
	{ 0x180e, 0x180e },	/* Mongolian vowel separator */
	{ 0x200b, 0x200f },	/* zero-width space, joiners, LRM, RLM */
	{ 0x2028, 0x202e },	/* separators; embeddings, overrides */
	{ 0x2060, 0x206f },	/* word joiner, invisible operators, isolates */
	{ 0x3164, 0x3164 },	/* Hangul filler */
	{ 0xfdd0, 0xfdef },	/* noncharacters */
	{ 0xfeff, 0xfeff },	/* zero-width no-break space */
	{ 0xffa0, 0xffa0 },	/* halfwidth Hangul filler */
	{ 0xfff9, 0xfffb },	/* interlinear annotation */
	{ 0xe0000, 0xe007f },	/* tags */
};

unsigned
utf8_decode(const unsigned char *s, size_t n)
{
	static const unsigned char lead_mask[5] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	unsigned	 cp = s[0] & lead_mask[n];
	size_t		 i;

	for (i = 1; i < n; i++)
		cp = cp << 6 | (s[i] & 0x3f);
	return cp;
}

size_t
utf8_display_seq(const unsigned char *s, size_t len)
{
	size_t		 n, i;
	unsigned	 cp;

	if (len == 0 || s[0] < 0x20 || s[0] == 0x7f)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if ((n = utf8_seq(s, len)) == 0)
		return 0;
	cp = utf8_decode(s, n);
	if ((cp & 0xfffe) == 0xfffe)	/* U+xxFFFE, U+xxFFFF */
		return 0;
	for (i = 0; i < sizeof(utf8_hidden) / sizeof(utf8_hidden[0]); i++)
		if (cp >= utf8_hidden[i].lo && cp <= utf8_hidden[i].hi)
			return 0;
	return n;
}

char *
utf8_display_escape(const char *s, char *out, size_t outsz)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s), n, o = 0;

	if (outsz == 0)
		return out;
	while (len > 0) {
		if ((n = utf8_display_seq(p, len)) > 0) {
			if (o + n >= outsz)
				break;
			memcpy(out + o, p, n);
			o += n;
		} else {
			if (o + 4 >= outsz)
				break;
			snprintf(out + o, 5, "\\x%02x", *p);
			o += 4;
			n = 1;
		}
		p += n;
		len -= n;
	}
	out[o] = '\0';
	return out;
}
