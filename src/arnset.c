/*
 * The set of ARNs seen so far, as fingerprints; see arnset.h.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arnset.h"

/* The table's bounds in slots; the upper one is 4 MiB. */
#define ARNSET_MIN		1024
#define ARNSET_MAX		(1 << 18)

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p)	__builtin_prefetch(p)
#else
#define PREFETCH(p)	((void)(p))
#endif

/* Mix a 64-bit word: the murmur3 finaliser. */
static uint64_t
arnset_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/*
 * Hash eight bytes at a time (an ARN is some fifty bytes), each step a
 * bijection of the state, and mix well once at the end.
 */
uint64_t
arnset_hash(const char *s, size_t len)
{
	uint64_t	 h = len, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, len);
	h = arnset_mix(h ^ w);
	return h == 0 ? 1 : h;
}

static struct arnset_entry *
arnset_slot(const struct arnset *d, uint64_t h)
{
	return &d->slot[h & (d->cap - 1)];
}

static struct arnset_entry *
arnset_next(const struct arnset *d, const struct arnset_entry *e)
{
	return e + 1 == d->slot + d->cap ? d->slot : (struct arnset_entry *)e + 1;
}

/*
 * The table outgrows the caches; fetching the ARN's slot while the rest
 * of the row is parsed hides most of the wait for it.
 */
void
arnset_prefetch(const struct arnset *d, uint64_t h)
{
	if (d->cap > 0)
		PREFETCH(arnset_slot(d, h));
}

static int
arnset_grow(struct arnset *d)
{
	struct arnset old = *d;
	struct arnset_entry *e;
	size_t		 i;

	d->cap = old.cap ? old.cap * 2 : ARNSET_MIN;
	if ((d->slot = calloc(d->cap, sizeof(*d->slot))) == NULL) {
		*d = old;
		return -1;
	}
	for (i = 0; i < old.cap; i++) {
		if (old.slot[i].hash == 0)
			continue;
		for (e = arnset_slot(d, old.slot[i].hash); e->hash != 0;
		    e = arnset_next(d, e))
			;
		*e = old.slot[i];
	}
	free(old.slot);
	return 0;
}

/*
 * Look h up in the table and record it if there is room.  Return the
 * line it was first seen on, 0 when it is not there, or -1 when memory
 * ran out.
 */
static long
arnset_lookup(struct arnset *d, uint64_t h, long line)
{
	struct arnset_entry *e;
	bool		 full = (d->count + 1) * 2 > d->cap;

	if (full && d->cap < ARNSET_MAX) {
		if (arnset_grow(d) == -1)
			return -1;
		full = false;
	}
	for (e = arnset_slot(d, h); e->hash != 0; e = arnset_next(d, e))
		if (e->hash == h)
			return (long)e->line;
	if (!full) {
		e->hash = h;
		e->line = (uint64_t)line;
		d->count++;
	}
	return 0;
}

/*
 * Remember the ARN's fingerprint h.  Return the line it was first seen
 * on, 0 when it is new, or -1 when memory ran out.  Past the table's
 * bound, ARNs beyond the first ARNSET_MAX / 2 are still compared with the
 * row before, which is where AWS, sorting by name, puts a duplicate.
 */
long
arnset_check(struct arnset *d, uint64_t h, long line)
{
	long	 prev = arnset_lookup(d, h, line);

	if (prev == 0 && d->last_line > 0 && h == d->last_hash)
		prev = d->last_line;
	d->last_hash = h;
	d->last_line = line;
	return prev;
}

void
arnset_free(struct arnset *d)
{
	free(d->slot);
	memset(d, 0, sizeof(*d));
}
