/*
 * The table of output formats, the calls through it, and the few facts
 * about a user's credentials that every format shows the same way in
 * --inventory.
 *
 * Adding a format is its file and one line in output_table below; its
 * name then reaches --format, --help and the tests.  The inventory
 * helpers live here so that every format agrees on what "days" and
 * "state" mean; the ages themselves are the rules' (rules_*_age).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "report.h"
#include "rules.h"

/* Each format file defines one of these; only this table names them. */
extern const struct output_ops format_table_ops;
extern const struct output_ops format_csv_ops;
extern const struct output_ops format_json_ops;
extern const struct output_ops format_ndjson_ops;
extern const struct output_ops format_script_ops;
extern const struct output_ops format_html_ops;
extern const struct output_ops format_asff_ops;
extern const struct output_ops format_ocsf_ops;

/* --help's order; the first is the default. */
static const struct output_ops *const output_table[] = {
	&format_table_ops,
	&format_csv_ops,
	&format_json_ops,
	&format_ndjson_ops,
	&format_script_ops,
	&format_html_ops,
	&format_asff_ops,
	&format_ocsf_ops,
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

const struct output_ops *
output_format(size_t i)
{
	return i < OUTPUT_COUNT ? output_table[i] : NULL;
}

void
output_names(char *buf, size_t len)
{
	size_t	 i, used = 0;
	int	 n;

	buf[0] = '\0';
	for (i = 0; i < OUTPUT_COUNT && used < len; i++) {
		n = snprintf(buf + used, len - used, "%s%s", i > 0 ? ", " : "",
		    output_table[i]->name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

int
output_finding(const struct output_ops *ops, struct output *out,
    const struct finding *f)
{
	return ops->finding != NULL ? ops->finding(out, f) : 0;
}

int
output_user(const struct output_ops *ops, struct output *out,
    const struct inventory_row *row)
{
	return ops->user != NULL ? ops->user(out, row) : 0;
}

int
output_end(const struct output_ops *ops, struct output *out,
    const struct run_summary *sum)
{
	return ops->end != NULL ? ops->end(out, sum) : 0;
}

void
output_free(const struct output_ops *ops, struct output *out)
{
	if (ops->free != NULL)
		ops->free(out);
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

bool
output_password_days(const struct inventory_row *row, int64_t *days)
{
	return rules_password_age(row->rec, row->as_of, days);
}

bool
output_key_days(const struct inventory_row *row, int n, int64_t *days)
{
	return rules_key_age(row->rec, n, row->as_of, days);
}
