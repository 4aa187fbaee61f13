/*
 * The report loader: turns the bytes of an IAM credential report into
 * typed user records, one row at a time.  This file reads bytes into
 * rows; report_row.c turns a row into a record, awsjson.c unwraps the
 * aws-cli JSON, and arnset.c remembers the ARNs seen.
 *
 * Bytes arrive in fixed-size chunks and go to libcsv one physical line at
 * a time, so that the loader always knows which line a row started on,
 * even when a quoted field spans lines.  libcsv's field callback copies
 * each field into one reused row buffer; its row callback maps the first
 * row as the header (once) and every later row through the resulting
 * index map.  Nothing grows with the number of rows except a 16-byte
 * fingerprint per ARN, kept to warn about duplicates, and that only up
 * to a bound.
 *
 * Memory stays bounded whatever the input: libcsv's field buffer may not
 * grow past REPORT_MAX_FIELD (its realloc function refuses), a row keeps
 * at most REPORT_MAX_ROW bytes and a bounded number of fields, and the
 * aws-cli JSON wrapper, the one input read whole, is capped.
 *
 * A row that makes no sense is rejected with a message naming the column
 * and the offending value, and loading goes on; a problem with the file
 * as a whole (no header, a missing column, an unclosed quote, a giant
 * field, a read error) ends it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "arnset.h"
#include "awsjson.h"
#include "diag.h"
#include "loader.h"
#include "readfile.h"
#include "report.h"
#include "utf8.h"

#define REPORT_CHUNK		(64 * 1024)

static void	loader_fatal(struct loader *, long, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Diagnostics. */

void
report_stats_vfail(struct report_stats *st, long line, const char *fmt,
    va_list ap)
{
	char	 msg[REPORT_ERROR_MAX];
	int	 n = 0;

	if (!st->failed) {
		if (line > 0)
			n = snprintf(msg, sizeof(msg), "line %ld: ", line);
		if (n >= 0 && (size_t)n < sizeof(msg))
			vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
		utf8_display_escape(msg, st->error, sizeof(st->error));
	}
	st->failed = true;
}

void
report_stats_fail(struct report_stats *st, long line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	report_stats_vfail(st, line, fmt, ap);
	va_end(ap);
}

static void
loader_fatal(struct loader *ld, long line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vreport(ld->sink->diag, DIAG_ERROR, ld->path, line, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	report_stats_vfail(ld->stats, line, fmt, ap);
	va_end(ap);
	ld->rc = -1;
}

/* Accepting a row. */

static void
loader_accept(struct loader *ld, struct view *v, struct user_record *rec)
{
	long	 prev;

	if (row_complete(ld, v, rec) == -1) {
		loader_fatal(ld, ld->row_line, "out of memory");
		return;
	}
	prev = arnset_check(&ld->dups, v->arn_hash, ld->row_line);
	if (prev == -1) {
		loader_fatal(ld, ld->row_line, "out of memory");
		return;
	}
	if (prev > 0) {
		loader_warn(ld, "duplicate of line %ld (same ARN)", prev);
		ld->stats->duplicates++;
	}
	ld->stats->users++;
	if (rec->is_root)
		ld->stats->has_root = true;
	if (ld->sink->record != NULL)
		ld->rc = ld->sink->record(ld->sink->ctx, rec);
}

static void
loader_row(struct loader *ld)
{
	struct view		 v;
	struct user_record	 rec;

	if (row_record(ld, &v, &rec))
		loader_accept(ld, &v, &rec);
}

/* The header. */

static int
column_lookup(const char *s, size_t len)
{
	int	 c;

	while (len > 0 && is_blank(*s))
		s++, len--;
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	for (c = 0; c < COL_COUNT; c++)
		if (word_eq(s, len, column_names[c], strlen(column_names[c])))
			return c;
	return -1;
}

/* Map header index to column and back; false on a fatal problem. */
static bool
loader_map_columns(struct loader *ld, bool seen[COL_COUNT])
{
	const struct row *r = &ld->row;
	size_t		 i;
	int		 c;

	for (i = 0; i < r->nstored; i++) {
		if (memchr(r->buf + r->field[i].off, '\0', r->field[i].len)) {
			loader_fatal(ld, ld->row_line, "NUL byte in header");
			return false;
		}
		ld->colmap[i] = c = column_lookup(r->buf + r->field[i].off,
		    r->field[i].len);
		if (c < 0)
			continue;
		if (seen[c]) {
			loader_fatal(ld, ld->row_line, "duplicate column %s",
			    column_names[c]);
			return false;
		}
		seen[c] = true;
		ld->colidx[c] = i;
	}
	return true;
}

static void
loader_header(struct loader *ld)
{
	bool	 seen[COL_COUNT] = { false };
	int	 c;

	if (ld->row.nfields > REPORT_MAX_COLUMNS) {
		loader_fatal(ld, ld->row_line, "header has more than %d columns",
		    REPORT_MAX_COLUMNS);
		return;
	}
	if (ld->row.too_long) {
		loader_fatal(ld, ld->row_line, "header longer than %d bytes",
		    REPORT_MAX_ROW);
		return;
	}
	if (!loader_map_columns(ld, seen))
		return;
	for (c = 0; c < COL_COUNT; c++) {
		if (!seen[c]) {
			loader_fatal(ld, 0, "missing column %s",
			    column_names[c]);
			return;
		}
	}
	ld->ncols = ld->row.nfields;
	ld->have_header = true;
	if (ld->sink->begin != NULL)
		ld->rc = ld->sink->begin(ld->sink->ctx, ld->stats);
}

/* Feeding libcsv. */

static void
loader_on_field(void *field, size_t len, void *ctx)
{
	struct loader	*ld = ctx;

	ld->fields_seen++;
	if (ld->rc != 0)
		return;
	if (len > REPORT_MAX_FIELD) {
		loader_fatal(ld, ld->row_line, "field longer than %d bytes",
		    REPORT_MAX_FIELD);
		return;
	}
	if (row_add(&ld->row, field, len) == -1)
		loader_fatal(ld, ld->row_line, "out of memory");
}

static void
loader_on_row(int term, void *ctx)
{
	struct loader	*ld = ctx;

	(void)term;
	if (ld->rc == 0) {
		if (ld->have_header)
			loader_row(ld);
		else
			loader_header(ld);
	}
	row_reset(&ld->row);
	/* A row ended by a bare CR lets the next begin in this piece. */
	ld->row.maybe_nul = ld->piece_nul;
	ld->row_line = ld->line;
}

/*
 * libcsv's buffer for one field grows through this function, which
 * refuses to let it outgrow the longest field we accept (plus the byte
 * libcsv asks for before it knows the field has ended).
 */
static void *
loader_realloc(void *p, size_t size)
{
	if (size > REPORT_MAX_FIELD + 1)
		return NULL;
	return realloc(p, size);
}

static void
loader_csv_error(struct loader *ld)
{
	int	 e = csv_error(&ld->csv);

	if (e == CSV_ENOMEM && csv_get_buffer_size(&ld->csv) >= REPORT_MAX_FIELD)
		loader_fatal(ld, ld->row_line, "field longer than %d bytes",
		    REPORT_MAX_FIELD);
	else
		loader_fatal(ld, ld->row_line, "%s", csv_strerror(e));
}

/* Parse a piece of one physical line. */
static void
loader_parse(struct loader *ld, const char *s, size_t len)
{
	unsigned long	 fields = ld->fields_seen;
	bool		 was_quoted = ld->csv.quoted != 0;

	/* One scan per piece spares one per field: NULs are rare. */
	ld->piece_nul = memchr(s, '\0', len) != NULL;
	if (ld->piece_nul)
		ld->row.maybe_nul = true;
	if (csv_parse(&ld->csv, s, len, loader_on_field, loader_on_row, ld) !=
	    len && ld->rc == 0)
		loader_csv_error(ld);
	/* A quote opened in this piece: remember where, for fini. */
	if (ld->csv.quoted && (!was_quoted || ld->fields_seen != fields))
		ld->quote_line = ld->line;
}

/*
 * The end of the line that starts at buf: the first CR or LF, or NULL
 * when the len bytes hold neither.  *cr and *lf cache where the next of
 * each lies (NULL: none in the rest of the chunk), so that a file with
 * only one kind is scanned once, not once per line for the other.
 */
static const char *
line_end(const char *buf, size_t len, const char **cr, const char **lf)
{
	if (*cr != NULL && *cr < buf)
		*cr = memchr(buf, '\r', len);
	if (*lf != NULL && *lf < buf)
		*lf = memchr(buf, '\n', len);
	if (*cr == NULL)
		return *lf;
	if (*lf == NULL)
		return *cr;
	return *cr < *lf ? *cr : *lf;
}

/*
 * Feed bytes to libcsv, split at line ends so that the line count is
 * exact.  LF, CRLF and a lone CR (a spreadsheet's "CSV (Macintosh)")
 * each end one line, also when a CRLF is split between two chunks.  A
 * line end inside a quoted field leaves libcsv in a quoted field; any
 * other ends the row, so the next row starts on the next line.
 */
static void
loader_feed(struct loader *ld, const char *buf, size_t len)
{
	const char	*end, *cr, *lf;
	size_t		 n;

	/* The LF of a CRLF whose CR ended the last chunk: no new line. */
	if (ld->after_cr && len > 0 && buf[0] == '\n') {
		loader_parse(ld, buf, 1);
		buf++;
		len--;
	}
	ld->after_cr = false;
	cr = memchr(buf, '\r', len);
	lf = memchr(buf, '\n', len);
	while (len > 0 && ld->rc == 0) {
		end = line_end(buf, len, &cr, &lf);
		n = end != NULL ? (size_t)(end - buf) + 1 : len;
		if (end != NULL && *end == '\r') {
			if (n < len && buf[n] == '\n')
				n++;
			else if (n == len)
				ld->after_cr = true;
		}
		loader_parse(ld, buf, n);
		if (end != NULL) {
			ld->line++;
			if (!ld->csv.quoted)
				ld->row_line = ld->line;
		}
		buf += n;
		len -= n;
	}
}

static void
loader_finish(struct loader *ld)
{
	if (ld->rc != 0)
		return;
	/* libcsv checks for an unclosed quote only in strict mode. */
	csv_set_opts(&ld->csv, CSV_STRICT | CSV_STRICT_FINI);
	if (csv_fini(&ld->csv, loader_on_field, loader_on_row, ld) != 0) {
		if (ld->rc == 0)
			loader_fatal(ld, ld->quote_line,
			    "unterminated quoted field");
		return;
	}
	if (ld->rc == 0 && !ld->have_header)
		loader_fatal(ld, 0, "empty input: no header row");
}

/* The loader's life. */

static struct loader *
loader_open(const char *path, const struct report_sink *sink,
    struct report_stats *stats)
{
	struct loader	*ld;

	memset(stats, 0, sizeof(*stats));
	if ((ld = calloc(1, sizeof(*ld))) == NULL) {
		diag_report(sink->diag, DIAG_ERROR, path, 0, "out of memory");
		report_stats_fail(stats, 0, "out of memory");
		return NULL;
	}
	ld->path = path;
	ld->sink = sink;
	ld->stats = stats;
	ld->line = ld->row_line = ld->quote_line = 1;
	csv_init(&ld->csv, 0);
	csv_set_realloc_func(&ld->csv, loader_realloc);
	csv_set_blk_size(&ld->csv, 4096);
	return ld;
}

static int
loader_close(struct loader *ld)
{
	int	 rc = ld->rc;

	csv_free(&ld->csv);
	free(ld->row.buf);
	arnset_free(&ld->dups);
	free(ld);
	return rc;
}

/* CSV held in memory, from the start. */
static void
loader_csv_mem(struct loader *ld, const char *buf, size_t len)
{
	utf8_skip_bom(&buf, &len);
	loader_feed(ld, buf, len);
	loader_finish(ld);
}

/* The aws-cli JSON wrapper, whole in buf: unwrap it, then read its CSV. */
static void
loader_json(struct loader *ld, const char *buf, size_t len)
{
	unsigned char	*csv;
	size_t		 csvlen;

	csv = awsjson_unwrap(ld->path, buf, len, ld->sink->diag, ld->stats,
	    &csvlen);
	if (csv == NULL) {
		/* awsjson_unwrap said why, and marked the input failed. */
		ld->stats->failed = true;
		ld->rc = -1;
		return;
	}
	loader_csv_mem(ld, (const char *)csv, csvlen);
	free(csv);
}

/* Reading a stream. */

static void
loader_read_error(struct loader *ld, int saved)
{
	loader_fatal(ld, 0, "read error: %s", strerror(saved));
}

/*
 * Read the rest of fp after the REPORT_CHUNK bytes in *buf (*len of them
 * used), up to the wrapper's limit.
 */
static bool
loader_slurp(struct loader *ld, FILE *fp, char **buf, size_t *len)
{
	size_t	 cap = REPORT_CHUNK;

	errno = 0;
	if (readfile_fp(fp, AWSJSON_MAX, buf, len, &cap) == 0)
		return true;
	if (errno == EFBIG)
		loader_fatal(ld, 0, "JSON input larger than %d bytes",
		    AWSJSON_MAX);
	else if (errno == ENOMEM)
		loader_fatal(ld, 0, "out of memory");
	else
		loader_read_error(ld, errno);
	return false;
}

/* CSV from a stream; the first chunk of len bytes is already in buf. */
static void
loader_csv_stream(struct loader *ld, FILE *fp, char *buf, size_t len)
{
	const char	*p = buf;

	utf8_skip_bom(&p, &len);
	while (len > 0 && ld->rc == 0) {
		loader_feed(ld, p, len);
		p = buf;
		len = fread(buf, 1, REPORT_CHUNK, fp);
	}
	if (ld->rc != 0)
		return;
	if (ferror(fp)) {
		loader_read_error(ld, errno);
		return;
	}
	loader_finish(ld);
}

int
report_load(const char *path, FILE *fp, const struct report_sink *sink,
    struct report_stats *stats)
{
	struct loader	*ld;
	char		*buf;
	size_t		 len;

	if ((ld = loader_open(path, sink, stats)) == NULL)
		return -1;
	if ((buf = malloc(REPORT_CHUNK)) == NULL) {
		loader_fatal(ld, 0, "out of memory");
		return loader_close(ld);
	}
	len = fread(buf, 1, REPORT_CHUNK, fp);
	if (awsjson_detect(buf, len)) {
		if (loader_slurp(ld, fp, &buf, &len))
			loader_json(ld, buf, len);
	} else
		loader_csv_stream(ld, fp, buf, len);
	free(buf);
	return loader_close(ld);
}

int
report_load_mem(const char *path, const void *buf, size_t len,
    const struct report_sink *sink, struct report_stats *stats)
{
	struct loader	*ld;

	if ((ld = loader_open(path, sink, stats)) == NULL)
		return -1;
	if (awsjson_detect(buf, len))
		loader_json(ld, buf, len);
	else
		loader_csv_mem(ld, buf, len);
	return loader_close(ld);
}

