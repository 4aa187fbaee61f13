/*
 * Shared test fixtures: a diag sink that keeps what it is told, and
 * builders for the records and findings that several test programs
 * make.  Linked into every unit test (tests/CMakeLists.txt).
 */
#ifndef CREDAUDIT_TEST_FIXTURE_H
#define CREDAUDIT_TEST_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "rules.h"

/* Every message a sink was given, each followed by "\n". */
struct fixture_diag {
	struct diag	 diag;
	char		 text[8192];
	size_t		 len;
};

/* Point fd->diag at fd->text, emptied; returns &fd->diag. */
struct diag	*fixture_diag_init(struct fixture_diag *fd);

/*
 * A user created at created and nothing else: password disabled, no
 * MFA, every key and certificate slot empty, every other time N/A.
 */
void	fixture_record(struct user_record *rec, const char *path, long line,
	    const char *account, const char *user, const char *arn,
	    int64_t created);

/*
 * A finding of rule about rec's credential (kind, slot) with message
 * msg: default severity and threshold, id ACCOUNT:USER:RULE:CREDENTIAL,
 * nothing else set.
 */
void	fixture_finding(struct finding *f, enum rule_index rule,
	    const struct user_record *rec, enum cred_kind kind, int slot,
	    const char *msg);

#endif
