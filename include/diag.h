/*
 * Diagnostics: the one shape every message takes on its way to the user.
 *
 * Modules never print.  They report problems through a struct diag, a
 * small sink that main.c points at standard error (diag_stderr) and tests
 * point at a buffer.  Every message reads
 *     credaudit: FILE:LINE: LEVEL: message
 * with FILE and LINE left out when no input position applies.  The
 * message is escaped for a terminal as a whole (utf8_display_escape), so
 * a file name or a quoted value cannot act on the terminal it reaches.
 *
 * Every module reports through a diag, and the sink counts what it was
 * given: the exit status follows the worst level reported (any error
 * makes it 2), as mandoc's mandoc_msg_setrc does.
 */
#ifndef CREDAUDIT_DIAG_H
#define CREDAUDIT_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR
};

struct diag {
	/* Receives one formatted message, without "credaudit: " or newline. */
	void	(*emit)(void *ctx, enum diag_level level, const char *msg);
	void	 *ctx;
	unsigned  warnings;	/* counted by diag_report */
	unsigned  errors;
};

/*
 * Format a message and hand it to the sink.  path may be NULL (no
 * position); line 0 means "the file as a whole".  A NULL sink discards
 * the message; a sink with a NULL emit only counts it.
 */
void	diag_report(struct diag *d, enum diag_level level, const char *path,
	    long line, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
void	diag_vreport(struct diag *d, enum diag_level level, const char *path,
	    long line, const char *fmt, va_list ap)
	    __attribute__((format(printf, 5, 0)));

/* How much of a bad value a message shows, and room for it escaped. */
#define DIAG_QUOTE_MAX		40
#define DIAG_QUOTE_BUFSZ	(DIAG_QUOTE_MAX * 4 + 8)

/*
 * Write the len bytes at s into out as a double-quoted string safe for
 * any terminal and any message: quotes and backslashes are escaped,
 * control bytes and bytes above 0x7f written as \xNN, and only the
 * first DIAG_QUOTE_MAX bytes shown ("..." follows when cut).  Returns out.
 */
const char	*diag_quote(char out[DIAG_QUOTE_BUFSZ], const char *s,
		    size_t len);

/* A sink that writes "credaudit: MSG\n" to the FILE * in ctx. */
void	diag_stderr(void *ctx, enum diag_level level, const char *msg);

#endif
