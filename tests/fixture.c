/*
 * Shared test fixtures; see fixture.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

static void
fixture_diag_emit(void *ctx, enum diag_level level, const char *msg)
{
	struct fixture_diag	*fd = ctx;
	int			 n;

	(void)level;
	n = snprintf(fd->text + fd->len, sizeof(fd->text) - fd->len, "%s\n",
	    msg);
	assert_true(n > 0 && (size_t)n < sizeof(fd->text) - fd->len);
	fd->len += (size_t)n;
}

struct diag *
fixture_diag_init(struct fixture_diag *fd)
{
	memset(fd, 0, sizeof(*fd));
	fd->diag.emit = fixture_diag_emit;
	fd->diag.ctx = fd;
	return &fd->diag;
}

static void
fixture_slot(struct key_slot *k)
{
	memset(k, 0, sizeof(*k));
	k->state = SLOT_ABSENT;
	k->last_rotated.kind = TIME_NA;
	k->last_used.kind = TIME_NA;
}

void
fixture_record(struct user_record *rec, const char *path, long line,
    const char *account, const char *user, const char *arn, int64_t created)
{
	int	 i;

	memset(rec, 0, sizeof(*rec));
	rec->path = path;
	rec->line = line;
	rec->user = user;
	rec->arn = arn;
	rec->account = account;
	rec->created.kind = TIME_SET;
	rec->created.t = created;
	rec->password = PASSWORD_DISABLED;
	rec->password_last_used.kind = TIME_NA;
	rec->password_last_changed.kind = TIME_NA;
	rec->password_next_rotation.kind = TIME_NA;
	for (i = 0; i < 2; i++) {
		fixture_slot(&rec->key[i]);
		fixture_slot(&rec->cert[i]);
	}
}

void
fixture_finding(struct finding *f, enum rule_index rule,
    const struct user_record *rec, enum cred_kind kind, int slot,
    const char *msg)
{
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->def = &rules_table[rule];
	f->severity = rules_table[rule].severity;
	f->rec = rec;
	f->cred = kind;
	f->slot = slot;
	f->credential = credential_name(kind, slot);
	f->threshold = rules_table[rule].default_days;
	snprintf(f->id, sizeof(f->id), "%s:%s:%s:%s", rec->account, rec->user,
	    rules_table[rule].id, f->credential);
	snprintf(f->message, sizeof(f->message), "%s", msg);
}
