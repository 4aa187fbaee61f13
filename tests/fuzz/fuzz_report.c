/*
 * Fuzz target: arbitrary bytes as a credential report.
 *
 * The bytes go through report_load_mem, and every field of every record
 * handed out is read, so a dangling or unterminated string shows up under
 * AddressSanitizer at the point of use.  The same bytes are then read
 * through report_load from a memory stream: the streaming path cuts the
 * input at chunk boundaries the in-memory path may not, and both must
 * reach the same verdict.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz_common.h"
#include "report.h"

#define FUZZ_PATH	"fuzz.csv"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct tally {
	unsigned long	 records;
	size_t		 bytes;		/* keeps the reads from being optimised out */
};

const char	 fuzz_name[] = "fuzz_report";

static size_t
fuzz_string(const char *s)
{
	return s == NULL ? 0 : strlen(s);
}

static void
fuzz_time(const struct cred_time *ct)
{
	fuzz_check(ct->kind == TIME_SET || ct->kind == TIME_NA ||
	    ct->kind == TIME_NO_INFORMATION || ct->kind == TIME_NOT_SUPPORTED,
	    "time kind out of range");
	fuzz_check(ct->kind == TIME_SET || ct->t == 0,
	    "a time that is not set has t != 0");
}

static size_t
fuzz_slot(const struct key_slot *ks)
{
	fuzz_check(ks->state == SLOT_ABSENT || ks->state == SLOT_INACTIVE ||
	    ks->state == SLOT_ACTIVE, "slot state out of range");
	fuzz_time(&ks->last_rotated);
	fuzz_time(&ks->last_used);
	return fuzz_string(ks->last_used_region) +
	    fuzz_string(ks->last_used_service);
}

static int
fuzz_record(void *ctx, const struct user_record *rec)
{
	struct tally	*t = ctx;
	size_t		 n = 0;
	int		 i;

	fuzz_check(rec->path != NULL && strcmp(rec->path, FUZZ_PATH) == 0,
	    "record path is not the input's");
	fuzz_check(rec->line > 0, "record line is not positive");
	fuzz_check(rec->user != NULL && rec->arn != NULL &&
	    rec->account != NULL, "record without user, arn or account");
	n += strlen(rec->user) + strlen(rec->arn) + strlen(rec->account);
	n += rec->is_root + rec->mfa_active;
	fuzz_time(&rec->created);
	fuzz_check(rec->password == PASSWORD_DISABLED ||
	    rec->password == PASSWORD_ENABLED ||
	    rec->password == PASSWORD_NOT_SUPPORTED, "password state");
	fuzz_time(&rec->password_last_used);
	fuzz_time(&rec->password_last_changed);
	fuzz_time(&rec->password_next_rotation);
	for (i = 0; i < 2; i++) {
		n += fuzz_slot(&rec->key[i]);
		n += fuzz_slot(&rec->cert[i]);
		fuzz_check(rec->cert[i].last_used.kind == TIME_NA,
		    "a certificate with a last use");
	}
	t->records++;
	t->bytes += n;
	return 0;
}

static void
fuzz_stats(const struct report_stats *st, const struct tally *t, int rc)
{
	fuzz_check(memchr(st->account, '\0', sizeof(st->account)) != NULL,
	    "stats.account is not terminated");
	fuzz_check(st->users == t->records, "stats.users != records seen");
	fuzz_check(rc == 0 || rc == -1, "unexpected return value");
	fuzz_check((rc == -1) == st->failed, "return value and failed differ");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tally		 mem = { 0, 0 }, file = { 0, 0 };
	size_t			 msgbytes = 0;
	struct diag		 dg = { fuzz_discard, &msgbytes, 0, 0 };
	struct report_sink	 sink = { fuzz_record, &mem, &dg, NULL };
	struct report_stats	 smem, sfile;
	FILE			*fp;
	int			 rc, rcfile;
	unsigned		 errors;

	memset(&smem, 0, sizeof(smem));
	rc = report_load_mem(FUZZ_PATH, data, size, &sink, &smem);
	fuzz_stats(&smem, &mem, rc);
	errors = dg.errors;
	fuzz_check(smem.rows_rejected <= errors,
	    "a rejected row without an error message");
	fuzz_check(!smem.failed || errors > 0, "a failed file without an error");

	/* fmemopen refuses a zero-length buffer on some C libraries. */
	if (size == 0 || (fp = fmemopen((void *)data, size, "rb")) == NULL)
		return 0;
	memset(&sfile, 0, sizeof(sfile));
	dg.errors = dg.warnings = 0;
	sink.ctx = &file;
	rcfile = report_load(FUZZ_PATH, fp, &sink, &sfile);
	fclose(fp);
	fuzz_stats(&sfile, &file, rcfile);
	fuzz_check(rc == rcfile && smem.users == sfile.users &&
	    smem.rows_rejected == sfile.rows_rejected &&
	    smem.duplicates == sfile.duplicates &&
	    smem.failed == sfile.failed && dg.errors == errors &&
	    strcmp(smem.account, sfile.account) == 0,
	    "report_load and report_load_mem disagree");
	return 0;
}
