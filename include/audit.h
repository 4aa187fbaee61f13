/*
 * One run of the audit: options in, exit status out.
 *
 * audit_run builds the policy (config file, benchmark, --days,
 * --threshold), loads the baseline, opens the output, then for each
 * input runs loader -> rule engine -> the chosen format, and ends the
 * output.  Everything it has to say goes through the diag sink; what it
 * writes goes where -o says (see outfile.h).
 */
#ifndef CREDAUDIT_AUDIT_H
#define CREDAUDIT_AUDIT_H

#include "cli.h"
#include "diag.h"

/* Exit statuses: no finding at or above --fail-on, such findings, trouble. */
#define AUDIT_EXIT_CLEAN	0
#define AUDIT_EXIT_FINDINGS	1
#define AUDIT_EXIT_TROUBLE	2

/* Run the audit opt describes, reporting to d; returns the exit status. */
int	audit_run(const struct options *opt, struct diag *d);

#endif
