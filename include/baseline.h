/*
 * Baselines: last run's --format json document or --format ndjson
 * stream, to tell new findings from existing ones and to list the ones
 * that went away.
 *
 * The file is read a value at a time and never held whole; of each
 * finding only its id and the fields a resolved finding shows are kept.
 * Ids are looked up through a hash table so each lookup costs the same
 * however large the baseline is.
 */
#ifndef CREDAUDIT_BASELINE_H
#define CREDAUDIT_BASELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "rules.h"

struct baseline;

/*
 * A finding of the baseline that the current run no longer raises.  Only
 * id is sure to be there; a field the baseline lacked is NULL.
 */
struct resolved_finding {
	const char	*id;
	const char	*rule;
	const char	*severity;
	const char	*account;
	const char	*user;
	const char	*credential;
	const char	*message;	/* may be NULL */
	const char	*arn;
};

/*
 * Read the credaudit JSON document or NDJSON findings at path.  Returns
 * NULL after reporting "PATH: error: what is wrong" to d when it cannot
 * be read, is not a credaudit document, or memory ran out ("out of
 * memory").  The caller frees the result with baseline_free.
 */
struct baseline	*baseline_load(const char *path, struct diag *d);
/* The same for a document in memory. */
struct baseline	*baseline_parse(const char *path, const char *text, size_t len,
		    struct diag *d);
void		 baseline_free(struct baseline *b);	/* NULL-safe */

/* The baseline's as_of, if it had one. */
bool		 baseline_as_of(const struct baseline *b, int64_t *as_of);

/* NEW or EXISTING for a finding id; remembers that the id was seen. */
enum finding_status baseline_mark(struct baseline *b, const char *id);

/*
 * The baseline's findings whose ids were never marked, in the baseline's
 * order, or NULL when memory ran out.  The array and its strings belong
 * to b; the array lives until the next call or baseline_free.
 */
const struct resolved_finding *baseline_resolved(struct baseline *b,
		    size_t *n);

#endif
