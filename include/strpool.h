/*
 * Strings kept until the end of a run: a format that must sort before
 * it writes (html) copies each finding's strings here, into large
 * chunks, so that a hundred thousand findings cost a few allocations
 * and one free.
 *
 * Ownership: the pool owns every copy; they stay valid, unchanged, until
 * strpool_clear() or strpool_free(), and are never freed one by one.
 */
#ifndef CREDAUDIT_STRPOOL_H
#define CREDAUDIT_STRPOOL_H

#include <stddef.h>

struct strpool_chunk;

/* An empty pool is all zeroes: struct strpool p = { 0 }. */
struct strpool {
	struct strpool_chunk	*chunks;
	size_t			 bytes;	/* allocated, so a user can bound it */
};

/* A copy of s ("" for NULL) in the pool, or NULL when out of memory. */
const char	*strpool_add(struct strpool *pool, const char *s);

/*
 * Drop every copy but keep the newest chunk, emptied, for the strings
 * that follow: a pool filled and emptied in turn reuses its memory.
 */
void		 strpool_clear(struct strpool *pool);

/* Free every copy and leave the pool empty; NULL-safe. */
void		 strpool_free(struct strpool *pool);

#endif
