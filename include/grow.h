/*
 * Growing arrays: the one doubling rule the formats that hold rows
 * (table, html) use, with the overflow check written once.
 */
#ifndef CREDAUDIT_GROW_H
#define CREDAUDIT_GROW_H

#include <stddef.h>

/*
 * Room for element n of arr, whose capacity is *cap elements of elsize
 * bytes: arr itself while n < *cap, else a copy twice as large (64 at
 * first), with *cap updated.  NULL when out of memory or the size would
 * overflow; arr is then still valid and still the caller's.
 */
void	*grow_reserve(void *arr, size_t *cap, size_t n, size_t elsize);

#endif
