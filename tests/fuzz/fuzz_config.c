/*
 * Fuzz target: arbitrary bytes as a config file.
 *
 * config_parse gets a freshly initialised policy each time and the policy
 * is freed afterwards, so LeakSanitizer sees every path, failures
 * included.  A config that is accepted must leave a policy the rest of
 * the program can trust: thresholds in range, severities known, every
 * suppression with a reason; each suppression's user glob is also matched
 * once, since a pattern with many stars is where a naive matcher hangs.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diag.h"
#include "fuzz_common.h"
#include "rules.h"

#define FUZZ_PATH	"fuzz.json"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

const char	 fuzz_name[] = "fuzz_config";

static void
fuzz_policy_rules(const struct policy *pol)
{
	int	 i;

	for (i = 0; i < RULE_COUNT; i++) {
		if (rules_table[i].default_days == RULE_NO_DAYS)
			fuzz_check(pol->days[i] == RULE_NO_DAYS,
			    "a threshold on a rule without one");
		else
			fuzz_check(pol->days[i] >= 0 &&
			    pol->days[i] <= RULE_MAX_DAYS,
			    "threshold out of range");
		fuzz_check(pol->severity[i] >= SEV_LOW &&
		    pol->severity[i] < SEV_COUNT, "severity out of range");
	}
}

static void
fuzz_policy_suppressions(const struct policy *pol)
{
	const struct suppression	*s;
	size_t				 i;

	fuzz_check(pol->nsuppressions == 0 || pol->suppressions != NULL,
	    "suppressions counted but not stored");
	for (i = 0; i < pol->nsuppressions; i++) {
		s = &pol->suppressions[i];
		fuzz_check(s->reason != NULL, "a suppression without a reason");
		fuzz_check(s->rule >= -1 && s->rule < RULE_COUNT,
		    "suppression rule out of range");
		if (s->account != NULL)
			(void)strlen(s->account);
		if (s->credential != NULL)
			(void)strlen(s->credential);
		if (s->user != NULL)
			(void)rules_glob_match(s->user,
			    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab");
	}
}

/* The one message a refused config gets. */
struct fuzz_msg {
	char		 text[1200];
	unsigned	 n;
};

static void
fuzz_keep(void *ctx, enum diag_level level, const char *msg)
{
	struct fuzz_msg	*m = ctx;

	fuzz_check(level == DIAG_ERROR, "a config warning");
	snprintf(m->text, sizeof(m->text), "%s", msg);
	m->n++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct policy	 pol;
	struct fuzz_msg	 msg = { "", 0 };
	struct diag	 dg = { fuzz_keep, &msg, 0, 0 };
	char		*copy;

	/* Exactly size bytes, no NUL: a read past len is an ASan report. */
	if ((copy = malloc(size > 0 ? size : 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	policy_init(&pol);
	if (config_parse(FUZZ_PATH, copy, size, &pol, &dg) == 0) {
		fuzz_check(msg.n == 0, "an accepted config with a message");
		fuzz_policy_rules(&pol);
		fuzz_policy_suppressions(&pol);
	} else {
		fuzz_check(msg.n == 1, "a refused config without one message");
		fuzz_check(strncmp(msg.text, FUZZ_PATH ": error: ",
		    strlen(FUZZ_PATH ": error: ")) == 0,
		    "error message does not name the file");
	}
	policy_free(&pol);
	free(copy);
	return 0;
}
