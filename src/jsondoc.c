/*
 * JSON documents read whole.  cJSON stops at the end of the first value
 * and ignores what follows; a config, a baseline or a report wrapper
 * with trailing text is a damaged file, so it is refused here, once for
 * all three readers.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "jsondoc.h"

static int
jsondoc_is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* 1-based line of the byte at off; LF, CRLF and a lone CR end a line. */
static unsigned long
jsondoc_line(const char *text, size_t len, size_t off)
{
	unsigned long	 line = 1;
	size_t		 i;

	for (i = 0; i < off; i++)
		if (text[i] == '\n' || (text[i] == '\r' &&
		    (i + 1 == len || text[i + 1] != '\n')))
			line++;
	return line;
}

cJSON *
jsondoc_parse(const char *text, size_t len, unsigned long *bad_line)
{
	const char	*end = NULL;
	cJSON		*doc;

	errno = 0;
	doc = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (doc == NULL && errno == ENOMEM) {
		/* malloc says so; cJSON cannot tell it from a syntax error. */
		if (bad_line != NULL)
			*bad_line = 0;
		return NULL;
	}
	if (doc != NULL) {
		while (end < text + len && jsondoc_is_space(*end))
			end++;
		if (end == text + len)
			return doc;
		cJSON_Delete(doc);
	}
	/* cJSON leaves end unset for some failures. */
	if (end == NULL || end < text || end > text + len)
		end = text;
	if (bad_line != NULL)
		*bad_line = jsondoc_line(text, len, (size_t)(end - text));
	return NULL;
}

/*
 * Find the \u0000 escapes of text and, when mark is set, overwrite them
 * in mark (a copy of text) with JSONDOC_NUL_MARK.  A backslash always
 * takes the byte after it with it, so the "\\u0000" of an escaped
 * backslash is left alone; outside strings a backslash is a syntax
 * error anyway.  Returns whether there was one.
 */
static bool
jsondoc_nul_escapes(const char *text, size_t len, char *mark)
{
	const char	*p = text, *end = text + len;
	bool		 found = false;

	while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		if (end - p >= 6 && memcmp(p, "\\u0000", 6) == 0) {
			if (mark == NULL)
				return true;
			memset(mark + (p - text), JSONDOC_NUL_MARK, 6);
			found = true;
			p += 6;
			continue;
		}
		if (end - p <= 2)
			break;
		p += 2;
	}
	return found;
}

cJSON *
jsondoc_parse_marked(const char *text, size_t len, unsigned long *bad_line)
{
	cJSON	*doc;
	char	*copy;

	if (!jsondoc_nul_escapes(text, len, NULL))
		return jsondoc_parse(text, len, bad_line);
	if ((copy = malloc(len)) == NULL) {
		if (bad_line != NULL)
			*bad_line = 0;
		return NULL;
	}
	memcpy(copy, text, len);
	jsondoc_nul_escapes(text, len, copy);
	doc = jsondoc_parse(copy, len, bad_line);
	free(copy);
	return doc;
}
