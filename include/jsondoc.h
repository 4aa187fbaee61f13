/*
 * JSON documents read whole: the config file, a baseline, and the
 * aws-cli wrapper around a report.  cJSON parses; this module insists
 * that nothing but white space follows the value and says on which line
 * parsing stopped, so all three readers refuse the same inputs alike.
 */
#ifndef CREDAUDIT_JSONDOC_H
#define CREDAUDIT_JSONDOC_H

#include <stddef.h>
#include <string.h>

#include <cjson/cJSON.h>

/*
 * Parse the len bytes at text (need not end in NUL) as one JSON value
 * followed by nothing but white space.  Returns the document, which the
 * caller frees with cJSON_Delete, or NULL with the 1-based line where
 * parsing failed in *bad_line (unless bad_line is NULL), or with 0 there
 * when memory ran out.
 */
cJSON	*jsondoc_parse(const char *text, size_t len, unsigned long *bad_line);

/*
 * cJSON decodes the escape \u0000 into its C strings, which then end
 * there: a config's "*\u0000-legacy" would read as "*".  The byte
 * JSONDOC_NUL_MARK, which valid UTF-8 never holds, stands in for each
 * such escape in the strings and keys of a document parsed by
 * jsondoc_parse_marked, so that a reader can refuse the string and say
 * where it was.
 */
#define JSONDOC_NUL_MARK	'\xff'

/*
 * jsondoc_parse for a document whose text is valid UTF-8 (the caller
 * checks), with every \u0000 escape turned into JSONDOC_NUL_MARK bytes.
 * NULL with *bad_line 0 when memory ran out.
 */
cJSON	*jsondoc_parse_marked(const char *text, size_t len,
	    unsigned long *bad_line);

/* Does the string s hold a JSONDOC_NUL_MARK? */
#define JSONDOC_HAS_NUL(s)	(strchr((s), JSONDOC_NUL_MARK) != NULL)

#endif
