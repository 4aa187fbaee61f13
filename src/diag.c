/*
 * Diagnostics: format a message once, in the one shape users and tests
 * rely on, and pass it to whatever sink the caller chose.
 */
#include <stdarg.h>
#include <stdio.h>

#include "diag.h"

static const char *
diag_level_name(enum diag_level level)
{
	return level == DIAG_ERROR ? "error" : "warning";
}

void
diag_vreport(struct diag *d, enum diag_level level, const char *path,
    long line, const char *fmt, va_list ap)
{
	char	 text[1024], msg[1200];

	if (d == NULL)
		return;
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->emit == NULL)
		return;
	vsnprintf(text, sizeof(text), fmt, ap);
	if (path != NULL && line > 0)
		snprintf(msg, sizeof(msg), "%s:%ld: %s: %s", path, line,
		    diag_level_name(level), text);
	else if (path != NULL)
		snprintf(msg, sizeof(msg), "%s: %s: %s", path,
		    diag_level_name(level), text);
	else
		snprintf(msg, sizeof(msg), "%s: %s", diag_level_name(level),
		    text);
	d->emit(d->ctx, level, msg);
}

void
diag_report(struct diag *d, enum diag_level level, const char *path,
    long line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vreport(d, level, path, line, fmt, ap);
	va_end(ap);
}

void
diag_stderr(void *ctx, enum diag_level level, const char *msg)
{
	(void)level;
	fprintf(ctx, "credaudit: %s\n", msg);
}
