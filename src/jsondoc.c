/*
 * JSON documents read whole.  cJSON stops at the end of the first value
 * and ignores what follows; a config, a baseline or a report wrapper
 * with trailing text is a damaged file, so it is refused here, once for
 * all three readers.
 */
#include <stddef.h>

#include <cjson/cJSON.h>

#include "jsondoc.h"

static int
jsondoc_is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* 1-based line of the byte at off. */
static unsigned long
jsondoc_line(const char *text, size_t off)
{
	unsigned long	 line = 1;
	size_t		 i;

	for (i = 0; i < off; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

cJSON *
jsondoc_parse(const char *text, size_t len, unsigned long *bad_line)
{
	const char	*end = NULL;
	cJSON		*doc;

	doc = cJSON_ParseWithLengthOpts(text, len, &end, 0);
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
		*bad_line = jsondoc_line(text, (size_t)(end - text));
	return NULL;
}
