/*
 * The set of ARNs a report has shown so far, to warn about a row that
 * repeats one (a duplicated user).  Each ARN is kept as a 64-bit
 * fingerprint with the line it was first seen on, in an open-addressing
 * table (linear probing, one cache line touched per row).
 *
 * Memory stays flat: the table stops growing at ARNSET_MAX slots (4 MiB),
 * exact up to half as many ARNs; past that each ARN is still compared
 * with the row before, which is where AWS, sorting by name, puts a
 * duplicate.
 */
#ifndef CREDAUDIT_ARNSET_H
#define CREDAUDIT_ARNSET_H

#include <stddef.h>
#include <stdint.h>

struct arnset_entry {
	uint64_t	 hash;		/* 0 marks an empty slot */
	uint64_t	 line;
};

/* All zero is an empty set; arnset_free releases it. */
struct arnset {
	struct arnset_entry *slot;
	size_t		 cap, count;
	uint64_t	 last_hash;	/* the row before */
	long		 last_line;
};

/* The fingerprint of the len bytes of an ARN at s; never 0. */
uint64_t	arnset_hash(const char *s, size_t len);

/*
 * Start fetching h's slot: the table outgrows the caches, and the rest
 * of the row can be parsed while the fetch is under way.
 */
void		arnset_prefetch(const struct arnset *d, uint64_t h);

/*
 * Remember the fingerprint h, seen on line.  Returns the line it was
 * first seen on, 0 when it is new, or -1 when memory ran out.
 */
long		arnset_check(struct arnset *d, uint64_t h, long line);

void		arnset_free(struct arnset *d);

#endif
