/*
 * Growing arrays by doubling; see grow.h.
 */
#include <stdint.h>
#include <stdlib.h>

#include "grow.h"

void *
grow_reserve(void *arr, size_t *cap, size_t n, size_t elsize)
{
	size_t	 ncap = *cap > 0 ? *cap * 2 : 64;
	void	*p;

	if (n < *cap)
		return arr;
	if (ncap > SIZE_MAX / elsize || (p = realloc(arr, ncap * elsize)) ==
	    NULL)
		return NULL;
	*cap = ncap;
	return p;
}
