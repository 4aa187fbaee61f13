/*
 * The findings counters: folding each finding into a struct
 * finding_counts, adding one set of counts to another, and counting by
 * compliance control through the controls each rule in rules_table lists.
 * The engine counts every finding it makes; the outputs read the totals.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "rules.h"

void
finding_counts_count(struct finding_counts *c, const struct finding *f)
{
	if (f->suppressed) {
		c->suppressed++;
		return;
	}
	c->findings++;
	c->by_severity[f->severity]++;
	c->by_rule[f->rule]++;
	if (f->status == FINDING_STATUS_NEW) {
		c->new_findings++;
		c->new_by_severity[f->severity]++;
	}
	if (!c->has_worst || f->severity > c->worst) {
		c->has_worst = true;
		c->worst = f->severity;
	}
}

/* Does a rule before rule r already list control? */
static bool
control_seen_before(int r, const char *control)
{
	const char *const	*c;
	int			 i;

	for (i = 0; i < r; i++)
		for (c = rules_table[i].controls; *c != NULL; c++)
			if (strcmp(*c, control) == 0)
				return true;
	return false;
}

const char *
rules_control(size_t n)
{
	const char *const	*c;
	int			 r;

	for (r = 0; r < RULE_COUNT; r++)
		for (c = rules_table[r].controls; *c != NULL; c++)
			if (!control_seen_before(r, *c) && n-- == 0)
				return *c;
	return NULL;
}

unsigned long
finding_counts_control(const struct finding_counts *cnt, const char *control)
{
	const char *const	*c;
	unsigned long		 n = 0;
	int			 r;

	for (r = 0; r < RULE_COUNT; r++)
		for (c = rules_table[r].controls; *c != NULL; c++)
			if (strcmp(*c, control) == 0)
				n += cnt->by_rule[r];
	return n;
}

void
finding_counts_add(struct finding_counts *total,
    const struct finding_counts *part)
{
	size_t	 i;

	total->findings += part->findings;
	total->suppressed += part->suppressed;
	total->new_findings += part->new_findings;
	for (i = 0; i < SEV_COUNT; i++) {
		total->by_severity[i] += part->by_severity[i];
		total->new_by_severity[i] += part->new_by_severity[i];
	}
	for (i = 0; i < RULE_COUNT; i++)
		total->by_rule[i] += part->by_rule[i];
	if (part->has_worst && (!total->has_worst ||
	    part->worst > total->worst)) {
		total->has_worst = true;
		total->worst = part->worst;
	}
}
