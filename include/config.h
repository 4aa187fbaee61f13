/*
 * The configuration file: a JSON document that adjusts a struct policy
 * (thresholds, rules on or off, severities, suppressions).
 *
 * The file is parsed with cJSON and checked strictly: an unknown key, a
 * wrong type or an impossible value is an error whose message names the
 * JSON path ("$.suppressions[2].reason: missing"), so a typo never
 * silently turns a rule off or a suppression on.
 */
#ifndef CREDAUDIT_CONFIG_H
#define CREDAUDIT_CONFIG_H

#include <stddef.h>

#include "diag.h"
#include "rules.h"

/*
 * Read the config file at path and apply it to *pol, which holds the
 * defaults.  Returns 0, or -1 after reporting "PATH: error: $.json.path:
 * what is wrong" to d.  On failure *pol may be partly changed; the
 * caller gives up.
 */
int	config_load(const char *path, struct policy *pol, struct diag *d);

/* The same for a document in memory (len bytes, need not end in NUL). */
int	config_parse(const char *path, const char *text, size_t len,
	    struct policy *pol, struct diag *d);

#endif
