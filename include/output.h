/*
 * The output interface: every format is one set of these callbacks, in a
 * file of its own (format_table.c, format_csv.c, format_json.c, …).
 *
 * main.c picks the format once with output_lookup() and then only calls
 * through the ops: open, then finding() per finding or user() per user
 * (inventory), then end(), then free().  Formatters decide nothing: what
 * is a finding, what is suppressed and what counts is settled before they
 * see it.  They check every write and return -1 when one fails.
 */
#ifndef CREDAUDIT_OUTPUT_H
#define CREDAUDIT_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "report.h"
#include "rules.h"

/* One input as the output describes it. */
struct input_info {
	const char		*path;
	struct report_stats	 stats;
};

/*
 * A finding of the baseline that the current run no longer raises.  Only
 * id is sure to be there; a field the baseline lacked is NULL.
 */
struct resolved_finding {
	const char	*id;
	const char	*rule;
	const char	*severity;
	const char	*account;
	const char	*user;
	const char	*credential;
	const char	*message;	/* may be NULL */
};

/* What is known before the first finding. */
struct run_info {
	const char		*version;
	const struct policy	*policy;	/* as_of, thresholds */
	bool			 inventory;	/* user() instead of finding() */
	bool			 color;		/* table only: terminal, no NO_COLOR */
	bool			 baseline;	/* findings carry a status */
	bool			 baseline_has_as_of;
	int64_t			 baseline_as_of;
	const char		*source;	/* script: inputs joined, for the header */
};

/* What is known at the end. */
struct run_summary {
	unsigned long		 users;
	unsigned long		 findings;	/* unsuppressed */
	unsigned long		 suppressed;
	unsigned long		 by_severity[SEV_COUNT];	/* unsuppressed */
	unsigned long		 by_rule[RULE_COUNT];	/* unsuppressed */
	unsigned long		 new_findings;	/* with a baseline */
	const struct input_info	*inputs;
	size_t			 ninputs;
	const struct resolved_finding *resolved;	/* with a baseline */
	size_t			 nresolved;
};

/* One row of --inventory. */
struct inventory_row {
	const struct user_record *rec;
	int64_t			 as_of;	/* for the ages shown */
	unsigned		 findings;
	bool			 has_worst;
	enum severity		 worst;
};

struct output;	/* one format's state, opaque */

struct output_ops {
	const char	*name;
	/* Start writing to fp (not owned).  NULL when out of memory. */
	struct output	*(*open)(FILE *fp, const struct run_info *info);
	int		 (*finding)(struct output *out, const struct finding *f);
	int		 (*user)(struct output *out, const struct inventory_row *row);
	int		 (*end)(struct output *out, const struct run_summary *sum);
	void		 (*free)(struct output *out);	/* NULL-safe */
};

/* The format named name, or NULL. */
const struct output_ops	*output_lookup(const char *name);
/* Names of all formats, comma-separated, for messages and --help. */
const char		*output_names(void);

/*
 * What every format shows for a user in --inventory, so that they agree:
 * state names ("enabled", "disabled", "not_supported"; "active",
 * "inactive", "none"), the note for a last-use column that holds no
 * timestamp ("never", "no_information", "not_supported"; NULL for
 * TIME_SET), and the age in days of a credential's last use or creation
 * as the rules define it (false when the password is disabled or the key
 * slot is empty, or no timestamp is known).
 */
const char	*output_password_state(enum password_state state);
const char	*output_slot_state(enum slot_state state);
const char	*output_time_note(enum time_kind kind);
bool		 output_password_days(const struct inventory_row *row,
		    int64_t *days);
bool		 output_key_days(const struct inventory_row *row, int n,
		    int64_t *days);

/* The longest int64_t in decimal, and the room it takes with its NUL. */
#define OUTPUT_INT_WIDEST	"-9223372036854775808"
#define OUTPUT_INTSZ		sizeof(OUTPUT_INT_WIDEST)

/*
 * n in decimal, written by hand: every finding carries two or three
 * numbers, and snprintf for them was a measurable share of a large run.
 */
void		 output_format_int(int64_t n, char buf[OUTPUT_INTSZ]);

/* The formats; output.c lists them. */
extern const struct output_ops format_table_ops;
extern const struct output_ops format_csv_ops;
extern const struct output_ops format_json_ops;
extern const struct output_ops format_ndjson_ops;
extern const struct output_ops format_script_ops;

#endif
