/*
 * Shared test fixtures; see fixture.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

static void
fixture_diag_emit(void *ctx, enum diag_level level, const char *msg)
{
	struct fixture_diag	*fd = ctx;
	int			 n;

	(void)level;
	n = snprintf(fd->text + fd->len, sizeof(fd->text) - fd->len, "%s\n",
	    msg);
	assert_true(n > 0 && (size_t)n < sizeof(fd->text) - fd->len);
	fd->len += (size_t)n;
}

struct diag *
fixture_diag_init(struct fixture_diag *fd)
{
	memset(fd, 0, sizeof(*fd));
	fd->diag.emit = fixture_diag_emit;
	fd->diag.ctx = fd;
	return &fd->diag;
}
