/*
 * What the terminal allows: whether to colour the table and how wide
 * its lines may be.  Only the decisions live here; the table format just
 * follows run_info.opts.
 */
#ifndef CREDAUDIT_TERM_H
#define CREDAUDIT_TERM_H

#include <stdbool.h>
#include <stddef.h>

enum term_color {
	TERM_COLOR_AUTO,	/* the default */
	TERM_COLOR_ALWAYS,
	TERM_COLOR_NEVER
};

/* "auto", "always" or "never" into *when; -1 for anything else. */
int	term_color_parse(const char *s, enum term_color *when);

/*
 * Whether to colour, given --color and whether the output is a terminal.
 * auto colours only a terminal, and only with NO_COLOR unset or empty
 * and TERM set and not "dumb".
 */
bool	term_color_use(enum term_color when, bool tty);

/*
 * The width of terminal fd in columns: TIOCGWINSZ, else a positive
 * COLUMNS, else 0 for unknown.  Call it only for a terminal.
 */
size_t	term_width(int fd);

#endif
