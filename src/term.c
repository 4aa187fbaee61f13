/*
 * Terminal decisions: colour by --color, NO_COLOR and TERM, and the
 * width of the terminal.  See term.h.
 */
#include <sys/ioctl.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "term.h"

int
term_color_parse(const char *s, enum term_color *when)
{
	if (strcmp(s, "auto") == 0)
		*when = TERM_COLOR_AUTO;
	else if (strcmp(s, "always") == 0)
		*when = TERM_COLOR_ALWAYS;
	else if (strcmp(s, "never") == 0)
		*when = TERM_COLOR_NEVER;
	else
		return -1;
	return 0;
}

bool
term_color_use(enum term_color when, bool tty)
{
	const char	*no_color = getenv("NO_COLOR");
	const char	*term = getenv("TERM");

	if (when != TERM_COLOR_AUTO)
		return when == TERM_COLOR_ALWAYS;
	/* https://no-color.org: set and not empty means no colour. */
	if (!tty || (no_color != NULL && *no_color != '\0'))
		return false;
	/* A terminal that cannot do escapes says so with TERM=dumb. */
	return term != NULL && *term != '\0' && strcmp(term, "dumb") != 0;
}

size_t
term_width(int fd)
{
	struct winsize	 ws;
	const char	*columns = getenv("COLUMNS");
	char		*end;
	long		 n;

	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	/* Shells set COLUMNS for terminals whose size the kernel lacks. */
	if (columns == NULL || *columns < '1' || *columns > '9')
		return 0;
	errno = 0;
	n = strtol(columns, &end, 10);
	if (errno != 0 || *end != '\0' || n > 100000)
		return 0;
	return (size_t)n;
}
