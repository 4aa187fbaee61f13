/*
 * The output interface: every format is one file (format_table.c,
 * format_csv.c, format_json.c, ...) that defines one struct output_ops,
 * and one entry in output.c's table.  Names, --help and the tests'
 * list of formats are all made from that table.
 *
 * The audit picks a format once with output_lookup() and then calls it
 * only through the output_*() functions below, in this order:
 *
 *	open(fp, info)			once, before anything is written
 *	finding(out, f)			per finding (suppressed ones too), or
 *	user(out, row)			per user with --inventory
 *	end(out, sum)			once, after the last input
 *	free(out)			always, also after a failure
 *
 * open is required; a format leaves any other callback NULL when it has
 * nothing to do there (the script format has no inventory view, so no
 * user()).  Formatters decide nothing: what is a finding, what is
 * suppressed and what counts is settled before they see it.  They check
 * every write and return -1 when one fails; open() should write nothing
 * so that every failure reaches a call that can report it.
 *
 * A format's options come in struct output_opts (mandoc's struct
 * manoutput and its -O key=value are the model): one struct for all
 * formats, each reading the members it knows.  A format that needs a
 * new option adds a member there, documented with its format's name.
 */
#ifndef CREDAUDIT_OUTPUT_H
#define CREDAUDIT_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "report.h"
#include "rules.h"

/* One input as the output describes it. */
struct input_info {
	const char		*path;
	struct report_stats	 stats;
	bool			 begun;		/* its header was read */
	int64_t			 as_of;		/* its ages were measured from */
	bool			 has_report_age;	/* it had a GeneratedTime */
	int64_t			 report_age_hours;	/* as_of - GeneratedTime */
};

struct resolved_finding;	/* baseline.h */

/* Options for the formats; each reads the members it knows. */
struct output_opts {
	bool		 color;		/* table: SGR colour (see term.h) */
	size_t		 width;		/* table: columns a line may take; 0: any */
	const char	*source;	/* script: the inputs joined, for the header */
	const char	*region;	/* asff, ocsf: the AWS region, or NULL */
	enum plan	 plan;		/* script: which step's plan */
	/* table: bytes of rows held before a run goes to disk; 0: default */
	size_t		 table_hold;
};

/* What is known before the first finding. */
struct run_info {
	const char		*version;
	const struct policy	*policy;	/* as_of, thresholds */
	bool			 as_of_generated;	/* as_of is per input */
	bool			 inventory;	/* user() instead of finding() */
	bool			 baseline;	/* findings carry a status */
	bool			 baseline_has_as_of;
	int64_t			 baseline_as_of;
	struct output_opts	 opts;
};

/* What is known at the end. */
struct run_summary {
	unsigned long		 users;
	struct finding_counts	 counts;	/* the records' counts, added */
	const struct input_info	*inputs;
	size_t			 ninputs;
	unsigned long		 rows_rejected;	/* in all inputs */
	size_t			 inputs_failed;	/* not read to their end */
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
	bool			 credentials;	/* rules_has_credentials() */
};

struct output;	/* one format's state, opaque */

/*
 * Whether a format names an AWS region (opts.region, from --region or
 * the environment); formats that never do leave both alone.
 */
enum output_region {
	OUTPUT_REGION_NONE,
	OUTPUT_REGION_OPTIONAL,	/* when there is one */
	OUTPUT_REGION_REQUIRED	/* none is a usage error */
};

/* One format; see the top of this file.  Any callback but open may be NULL. */
struct output_ops {
	const char	*name;
	/* Start writing to fp (not owned).  NULL when out of memory. */
	struct output	*(*open)(FILE *fp, const struct run_info *info);
	int		 (*finding)(struct output *out, const struct finding *f);
	int		 (*user)(struct output *out, const struct inventory_row *row);
	int		 (*end)(struct output *out, const struct run_summary *sum);
	void		 (*free)(struct output *out);	/* NULL-safe */
	enum output_region region;
	bool		 findings_only;	/* --inventory is a usage error */
};

/* The format named name, or NULL. */
const struct output_ops	*output_lookup(const char *name);
/* Format i of output.c's table, NULL past the last; 0 is the default. */
const struct output_ops	*output_format(size_t i);
/* Names of all formats, ", "-separated, into buf (truncated to len). */
void			 output_names(char *buf, size_t len);

/* The callbacks, skipping those a format left NULL (which succeed). */
int	output_finding(const struct output_ops *ops, struct output *out,
	    const struct finding *f);
int	output_user(const struct output_ops *ops, struct output *out,
	    const struct inventory_row *row);
int	output_end(const struct output_ops *ops, struct output *out,
	    const struct run_summary *sum);
void	output_free(const struct output_ops *ops, struct output *out);

/*
 * What every format shows for a user in --inventory, so that they agree:
 * state names ("enabled", "disabled", "not_supported"; "active",
 * "inactive", "none"), the note for a last-use column that holds no
 * timestamp ("never", "no_information", "not_supported"; NULL for
 * TIME_SET), and the age in days of a credential's last use or creation
 * as the rules measure it (rules_password_age, rules_key_age).
 */
const char	*output_password_state(enum password_state state);
const char	*output_slot_state(enum slot_state state);
const char	*output_time_note(enum time_kind kind);
bool		 output_password_days(const struct inventory_row *row,
		    int64_t *days);
bool		 output_key_days(const struct inventory_row *row, int n,
		    int64_t *days);

#endif
