/*
 * The aws-cli JSON wrapper around a credential report (the output of
 * `aws iam get-credential-report`): recognised by its first byte,
 * checked strictly (one Content, ReportFormat text/csv, no NUL escape,
 * strict base64) and decoded into the CSV inside.  The report loader
 * reads that CSV like any other; see report.h.
 */
#ifndef CREDAUDIT_AWSJSON_H
#define CREDAUDIT_AWSJSON_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "report.h"

/* The largest wrapper read, in bytes; it is the one input read whole. */
#define AWSJSON_MAX	(256 * 1024 * 1024)

/* Is this the aws-cli JSON?  Its first byte after BOM and spaces is '{'. */
bool		 awsjson_detect(const char *buf, size_t len);

/*
 * Check the wrapper in the len bytes at buf and decode its Content.
 * Returns the CSV, which the caller frees, with its length in *csvlen,
 * and notes GeneratedTime in *stats (a bad one is a warning); or NULL
 * after reporting to d, as an error about path, why this is not a
 * credential report.
 */
unsigned char	*awsjson_unwrap(const char *path, const char *buf, size_t len,
		    struct diag *d, struct report_stats *stats,
		    size_t *csvlen);

#endif
