/*
 * Fuzz target: arbitrary bytes as a baseline (a JSON document or NDJSON
 * findings).
 *
 * The reader steps over the punctuation between values itself and has
 * cJSON parse each value, so its own stepping is what this exercises.  A
 * baseline that is accepted must answer for its ids and list resolved
 * findings whose strings are valid UTF-8 with an id; a refused one must
 * leave exactly one message, and it must name the file.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "fuzz_common.h"
#include "utf8.h"

#define FUZZ_PATH	"fuzz.json"

const char	 fuzz_name[] = "fuzz_baseline";

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_msg {
	char		 text[1200];
	unsigned	 n;
};

static void
fuzz_keep(void *ctx, enum diag_level level, const char *msg)
{
	struct fuzz_msg	*m = ctx;

	fuzz_check(level == DIAG_ERROR, "a baseline warning");
	snprintf(m->text, sizeof(m->text), "%s", msg);
	m->n++;
}

static void
fuzz_string(const char *s)
{
	if (s != NULL)
		fuzz_check(utf8_valid(s, strlen(s)), "a kept string is not "
		    "valid UTF-8");
}

static void
fuzz_accepted(struct baseline *b)
{
	const struct resolved_finding	*r;
	size_t				 n, i, again;

	r = baseline_resolved(b, &n);
	fuzz_check(r != NULL, "no resolved list");
	for (i = 0; i < n; i++) {
		fuzz_check(r[i].id != NULL && r[i].id[0] != '\0',
		    "a resolved finding without an id");
		fuzz_string(r[i].id);
		fuzz_string(r[i].rule);
		fuzz_string(r[i].severity);
		fuzz_string(r[i].account);
		fuzz_string(r[i].user);
		fuzz_string(r[i].credential);
		fuzz_string(r[i].message);
	}
	/* Every id listed is in the baseline; once marked, it is gone. */
	if (n > 0) {
		fuzz_check(baseline_mark(b, r[0].id) ==
		    FINDING_STATUS_EXISTING, "a resolved id is not known");
		r = baseline_resolved(b, &again);
		fuzz_check(r != NULL && again == n - 1,
		    "marking an id did not resolve it");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct baseline	*b;
	struct fuzz_msg	 msg = { "", 0 };
	struct diag	 dg = { fuzz_keep, &msg, 0, 0 };
	char		*copy;

	/* Exactly size bytes, no NUL: a read past len is an ASan report. */
	if ((copy = malloc(size > 0 ? size : 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	if ((b = baseline_parse(FUZZ_PATH, copy, size, &dg)) != NULL) {
		fuzz_check(msg.n == 0, "an accepted baseline with a message");
		fuzz_accepted(b);
	} else {
		fuzz_check(msg.n == 1, "a refused baseline without one "
		    "message");
		fuzz_check(strncmp(msg.text, FUZZ_PATH ": error: ",
		    strlen(FUZZ_PATH ": error: ")) == 0,
		    "error message does not name the file");
	}
	baseline_free(b);
	free(copy);
	return 0;
}
