/*
 * The report loader's insides, shared by report.c (bytes to rows: libcsv,
 * the header, the input's life) and report_row.c (one row to one typed
 * record).  Nothing outside the loader includes this header; the
 * loader's interface is report.h.
 */
#ifndef CREDAUDIT_LOADER_H
#define CREDAUDIT_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <csv.h>

#include "arnset.h"
#include "report.h"
#include "textbuf.h"

/* Bytes one row may hold: far above any real row, far below trouble. */
#define REPORT_MAX_ROW		(1024 * 1024)
/*
 * Fields kept beyond the header's count, for a user name whose unquoted
 * commas split it: a name of 64 bytes has at most 64 commas, and the ARN
 * that repeats it as many.
 */
#define REPORT_ROW_SLACK	(2 * REPORT_MAX_USER)
#define REPORT_MAX_FIELDS	(REPORT_MAX_COLUMNS + REPORT_ROW_SLACK)

/* The required columns, in the order AWS writes them. */
enum column {
	COL_USER,
	COL_ARN,
	COL_CREATED,
	COL_PASSWORD_ENABLED,
	COL_PASSWORD_LAST_USED,
	COL_PASSWORD_LAST_CHANGED,
	COL_PASSWORD_NEXT_ROTATION,
	COL_MFA_ACTIVE,
	COL_KEY1_ACTIVE,	/* then last_rotated, last_used_date, region, service */
	COL_KEY2_ACTIVE = COL_KEY1_ACTIVE + 5,
	COL_CERT1_ACTIVE = COL_KEY2_ACTIVE + 5,	/* then last_rotated */
	COL_CERT2_ACTIVE = COL_CERT1_ACTIVE + 2,
	COL_COUNT = COL_CERT2_ACTIVE + 2
};

/* Offsets from a key's or certificate's _active column. */
enum {
	SLOT_ROTATED = 1,
	SLOT_USED,
	SLOT_REGION,
	SLOT_SERVICE
};

extern const char *const column_names[COL_COUNT];

/* A field inside the row buffer; offsets survive the buffer moving. */
struct span {
	size_t		 off;
	size_t		 len;
};

/* The fields of the row being read, each NUL-terminated in buf. */
struct row {
	char		*buf;
	size_t		 len, cap;
	struct span	 field[REPORT_MAX_FIELDS];
	size_t		 nstored;
	size_t		 nfields;	/* including those not stored */
	bool		 too_long;
	bool		 maybe_nul;	/* came in part in a piece with a NUL */
};

/* The view of one row: where each required column's value is. */
struct view {
	struct span	 col[COL_COUNT];
	size_t		 shift;		/* extra fields in user and ARN */
	uint64_t	 arn_hash;
};

/* One input being loaded. */
struct loader {
	const char		*path;
	const struct report_sink *sink;
	struct report_stats	*stats;
	struct csv_parser	 csv;
	long			 line;		/* physical line being fed */
	long			 row_line;	/* where the current row began */
	long			 quote_line;	/* where an open quote began */
	unsigned long		 fields_seen;
	bool			 piece_nul;	/* the piece being parsed */
	bool			 after_cr;	/* the last chunk ended in CR */
	bool			 have_header;
	size_t			 ncols;
	int			 colmap[REPORT_MAX_COLUMNS];
	size_t			 colidx[COL_COUNT];
	struct row		 row;
	struct arnset		 dups;
	char			 account[13];
	int			 rc;		/* non-zero: stop reading */
};

/* Is s, of len bytes, the lower-case word of wlen bytes, in any case? */
bool	word_eq(const char *s, size_t len, const char *word, size_t wlen);
#define WORD_EQ(s, len, word)	word_eq((s), (len), (word), sizeof(word) - 1)

/* Messages about the current row: a rejection (an error) or a warning. */
void	loader_reject(struct loader *ld, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	loader_warn(struct loader *ld, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Keep one field of the row being read; -1 when memory ran out. */
int	row_add_any(struct row *r, const void *s, size_t len);

/*
 * row_add_any for a field that fits the buffer as it is, which is
 * nearly every field, inline: libcsv calls back for each one.
 */
static inline int
row_add(struct row *r, const void *s, size_t len)
{
	size_t	 off = r->len, end = off + len + 1;

	if (r->nstored == REPORT_MAX_FIELDS || r->too_long || end > r->cap ||
	    end > REPORT_MAX_ROW)
		return row_add_any(r, s, len);
	r->nfields++;
	textbuf_copy(r->buf + off, (const char *)s, len);
	r->buf[off + len] = '\0';
	r->len = end;
	r->field[r->nstored].off = off;
	r->field[r->nstored].len = len;
	r->nstored++;
	return 0;
}
void	row_reset(struct row *r);

/*
 * Read the row in ld->row into *rec: its shape (recovering a user name
 * split by unquoted commas), its identity and every typed value, and
 * the ARN's fingerprint into v->arn_hash.  A row that makes no sense is
 * rejected with a message naming the column; then false.
 */
bool	row_record(struct loader *ld, struct view *v, struct user_record *rec);

/*
 * Finish an accepted row: warn about odd user names, replace invalid
 * UTF-8, point rec's strings into the row and note its account.
 * Returns -1 when memory ran out.
 */
int	row_complete(struct loader *ld, struct view *v,
	    struct user_record *rec);

#endif
