/*
 * JSON documents read whole: the config file, a baseline, and the
 * aws-cli wrapper around a report.  cJSON parses; this module insists
 * that nothing but white space follows the value and says on which line
 * parsing stopped, so all three readers refuse the same inputs alike.
 */
#ifndef CREDAUDIT_JSONDOC_H
#define CREDAUDIT_JSONDOC_H

#include <stddef.h>

#include <cjson/cJSON.h>

/*
 * Parse the len bytes at text (need not end in NUL) as one JSON value
 * followed by nothing but white space.  Returns the document, which the
 * caller frees with cJSON_Delete, or NULL with the 1-based line where
 * parsing failed in *bad_line (unless bad_line is NULL).
 */
cJSON	*jsondoc_parse(const char *text, size_t len, unsigned long *bad_line);

#endif
