/*
 * A pool of strings copied into chunks of STRPOOL_CHUNK bytes (see
 * strpool.h).  A string longer than a chunk gets a chunk of its own.
 * New chunks go in front; the space left at the end of a full one is
 * not looked at again, which wastes little when strings are short.
 */
#include <stdlib.h>
#include <string.h>

#include "strpool.h"

#define STRPOOL_CHUNK	(64 * 1024)

struct strpool_chunk {
	struct strpool_chunk	*next;
	size_t			 used, size;
	char			 data[];
};

const char *
strpool_add(struct strpool *pool, const char *s)
{
	struct strpool_chunk	*c = pool->chunks;
	size_t			 len, size;

	if (s == NULL)
		s = "";
	len = strlen(s) + 1;
	if (c == NULL || c->size - c->used < len) {
		size = len > STRPOOL_CHUNK ? len : STRPOOL_CHUNK;
		if ((c = malloc(sizeof(*c) + size)) == NULL)
			return NULL;
		c->next = pool->chunks;
		c->used = 0;
		c->size = size;
		pool->chunks = c;
		pool->bytes += sizeof(*c) + size;
	}
	memcpy(c->data + c->used, s, len);
	c->used += len;
	return c->data + c->used - len;
}

void
strpool_clear(struct strpool *pool)
{
	struct strpool_chunk	*c, *next;

	if (pool->chunks == NULL)
		return;
	for (c = pool->chunks->next; c != NULL; c = next) {
		next = c->next;
		pool->bytes -= sizeof(*c) + c->size;
		free(c);
	}
	pool->chunks->next = NULL;
	pool->chunks->used = 0;
}

void
strpool_free(struct strpool *pool)
{
	struct strpool_chunk	*c, *next;

	if (pool == NULL)
		return;
	for (c = pool->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	pool->chunks = NULL;
	pool->bytes = 0;
}
