/*
 * The list of output formats, and the few facts about a user's
 * credentials that every format shows the same way in --inventory.
 *
 * main.c asks for a format by name once; from then on it only calls
 * through the ops.  The inventory helpers live here so that table, csv
 * and json agree on what "days" and "state" mean without each format
 * deciding it again.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "output.h"
#include "report.h"
#include "timeparse.h"

static const struct output_ops *const output_table[] = {
	&format_table_ops,
	&format_csv_ops,
	&format_json_ops,
	&format_ndjson_ops,
	&format_script_ops,
};

#define OUTPUT_COUNT	(sizeof(output_table) / sizeof(output_table[0]))

const struct output_ops *
output_lookup(const char *name)
{
	size_t	 i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < OUTPUT_COUNT; i++)
		if (strcmp(output_table[i]->name, name) == 0)
			return output_table[i];
	return NULL;
}

/* Kept in step with output_table; test_format checks that it is. */
const char *
output_names(void)
{
	return "table, csv, json, ndjson, script";
}

const char *
output_password_state(enum password_state state)
{
	switch (state) {
	case PASSWORD_ENABLED:
		return "enabled";
	case PASSWORD_NOT_SUPPORTED:
		return "not_supported";
	case PASSWORD_DISABLED:
	default:
		return "disabled";
	}
}

const char *
output_slot_state(enum slot_state state)
{
	switch (state) {
	case SLOT_ACTIVE:
		return "active";
	case SLOT_INACTIVE:
		return "inactive";
	case SLOT_ABSENT:
	default:
		return "none";
	}
}

const char *
output_time_note(enum time_kind kind)
{
	switch (kind) {
	case TIME_NA:
		return "never";
	case TIME_NO_INFORMATION:
		return "no_information";
	case TIME_NOT_SUPPORTED:
		return "not_supported";
	case TIME_SET:
	default:
		return NULL;
	}
}

/* The first timestamp of a, b, c that is set; false when none is. */
static bool
output_first_time(const struct cred_time *a, const struct cred_time *b,
    const struct cred_time *c, int64_t *t)
{
	const struct cred_time	*v[3] = { a, b, c };
	size_t			 i;

	for (i = 0; i < 3; i++) {
		if (v[i]->kind == TIME_SET) {
			*t = v[i]->t;
			return true;
		}
	}
	return false;
}

bool
output_password_days(const struct inventory_row *row, int64_t *days)
{
	const struct user_record	*rec = row->rec;
	int64_t				 t;

	if (rec->password == PASSWORD_DISABLED ||
	    !output_first_time(&rec->password_last_used,
	    &rec->password_last_changed, &rec->created, &t))
		return false;
	*days = timeparse_age_days(t, row->as_of);
	return true;
}

bool
output_key_days(const struct inventory_row *row, int n, int64_t *days)
{
	const struct key_slot	*k = &row->rec->key[n];
	int64_t			 t;

	if (k->state == SLOT_ABSENT || !output_first_time(&k->last_used,
	    &k->last_rotated, &row->rec->created, &t))
		return false;
	*days = timeparse_age_days(t, row->as_of);
	return true;
}

void
output_format_int(int64_t n, char buf[OUTPUT_INTSZ])
{
	char		 tmp[OUTPUT_INTSZ];
	uint64_t	 u = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
	size_t		 i = 0, len = 0;

	do {
		tmp[i++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (n < 0)
		buf[len++] = '-';
	while (i > 0)
		buf[len++] = tmp[--i];
	buf[len] = '\0';
}
