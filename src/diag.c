/*
 * Diagnostics: format a message once, in the one shape users and tests
 * rely on, and pass it to whatever sink the caller chose.
 *
 * File names come from the command line and values from reports and
 * configs, and all of them end up on a terminal: the whole message is
 * escaped the way the table escapes names, so no diagnostic can move
 * the cursor, reorder its line or hide part of itself.
 */
#include <stdarg.h>
#include <stdio.h>

#include "diag.h"
#include "utf8.h"

static const char *
diag_level_name(enum diag_level level)
{
	return level == DIAG_ERROR ? "error" : "warning";
}

void
diag_vreport(struct diag *d, enum diag_level level, const char *path,
    long line, const char *fmt, va_list ap)
{
	char	 text[1024], msg[1200], safe[UTF8_ESCAPED_SIZE(1200)];

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
	d->emit(d->ctx, level, utf8_display_escape(msg, safe, sizeof(safe)));
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

const char *
diag_quote(char out[DIAG_QUOTE_BUFSZ], const char *s, size_t len)
{
	size_t		 i, o = 0;
	size_t		 n = len > DIAG_QUOTE_MAX ? DIAG_QUOTE_MAX : len;

	out[o++] = '"';
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c < 0x20 || c >= 0x7f) {
			snprintf(out + o, 5, "\\x%02x", c);
			o += 4;
		} else
			out[o++] = (char)c;
	}
	out[o++] = '"';
	if (n < len)
		o += (size_t)snprintf(out + o, 4, "...");
	out[o] = '\0';
	return out;
}


void
diag_stderr(void *ctx, enum diag_level level, const char *msg)
{
	(void)level;
	fprintf(ctx, "credaudit: %s\n", msg);
}
