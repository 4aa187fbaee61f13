/*
 * Runs of sorted records kept in a temporary file and merged back in
 * order: what lets a format that must sort (the table) hold a bounded
 * amount of memory however many records arrive.
 *
 * A record is a fixed number of bytes, some of whose members may be
 * pointers to NUL-terminated strings; a run stores each record's bytes
 * followed by those strings, and reading it back points the members at
 * the copies read.  The caller sorts each run before handing it over.
 *
 * Ownership: a runsort owns its file (unlinked at once, so it goes
 * when the runsort is freed or the process ends) and everything read
 * back; a record from runsort_next() is valid until the next call.
 */
#ifndef CREDAUDIT_RUNSORT_H
#define CREDAUDIT_RUNSORT_H

#include <stddef.h>

#define RUNSORT_MAXSTR	4

/* The shape of a record, and its order. */
struct runsort_rec {
	size_t	 size;
	size_t	 nstr;
	size_t	 str[RUNSORT_MAXSTR];	/* offsetof each const char * */
	int	 (*compare)(const void *, const void *);
};

struct runsort;

/*
 * A runsort for records of rec's shape (rec must outlive it), its file
 * in TMPDIR (else /tmp); NULL with errno set on failure.
 */
struct runsort	*runsort_open(const struct runsort_rec *rec);

/* Write n records at rows, already in order, as one run; 0 or -1. */
int		 runsort_put(struct runsort *rs, const void *rows, size_t n);

/* Start the merge of every run written; no run may follow; 0 or -1. */
int		 runsort_merge(struct runsort *rs);

/* The next record of the merge into *row (NULL at the end); 0 or -1. */
int		 runsort_next(struct runsort *rs, const void **row);

/* Close the file and free everything; NULL-safe. */
void		 runsort_free(struct runsort *rs);

#endif
