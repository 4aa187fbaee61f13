/*
 * Sorted runs in an unlinked temporary file, merged back through a heap
 * of cursors, one per run, least record on top (see runsort.h).
 *
 * Each record is written as a uint32_t length, the record's bytes, then
 * each of its strings with its NUL.  A cursor reads its run through a
 * buffer of at least RUNSORT_READ bytes with pread, so the runs share
 * one descriptor without seeking.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "runsort.h"

/* What a run is read back through, per run, at the least. */
#define RUNSORT_READ	(64 * 1024)

/* One run being read back; row is its next record, strings in buf. */
struct runsort_cursor {
	off_t		 pos, end;	/* what is left of the run */
	char		*buf;
	size_t		 off, len, cap;	/* bytes of buf used, read, held */
	void		*row;
};

struct runsort {
	const struct runsort_rec *rec;
	FILE			*fp;
	off_t			*run;		/* where each run starts */
	size_t			 nruns, capruns;
	off_t			 written;	/* bytes in fp */
	struct runsort_cursor	*cursor;	/* one per run, once merging */
	struct runsort_cursor	**heap;
	size_t			 n;		/* cursors in the heap */
	struct runsort_cursor	*last;	/* to move on from at the next call */
};

/* The string member at off of a record. */
static const char **
runsort_str(const void *row, size_t off)
{
	return (const char **)(void *)((char *)(uintptr_t)row + off);
}

/*
 * An unlinked temporary file in TMPDIR (else /tmp), as sort(1) keeps
 * its runs; mkstemp makes it readable by its owner only.
 */
static FILE *
runsort_tmpfile(void)
{
	const char	*dir = getenv("TMPDIR");
	char		*path;
	FILE		*fp = NULL;
	int		 fd, saved;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if ((path = malloc(strlen(dir) + sizeof("/credaudit.XXXXXX"))) ==
	    NULL)
		return NULL;
	strcpy(path, dir);
	strcat(path, "/credaudit.XXXXXX");
	if ((fd = mkstemp(path)) != -1) {
		unlink(path);
		if ((fp = fdopen(fd, "w+")) == NULL) {
			saved = errno;
			close(fd);
			errno = saved;
		}
	}
	free(path);
	return fp;
}

struct runsort *
runsort_open(const struct runsort_rec *rec)
{
	struct runsort	*rs;

	if ((rs = calloc(1, sizeof(*rs))) == NULL)
		return NULL;
	rs->rec = rec;
	if ((rs->fp = runsort_tmpfile()) == NULL) {
		free(rs);
		return NULL;
	}
	return rs;
}

/* A record's bytes, then each of its strings with its NUL. */
static int
runsort_put_row(struct runsort *rs, const void *row)
{
	const struct runsort_rec *k = rs->rec;
	const char		*str;
	uint32_t		 len = (uint32_t)k->size;
	size_t			 i, n;

	for (i = 0; i < k->nstr; i++)
		len += (uint32_t)strlen(*runsort_str(row, k->str[i])) + 1;
	if (fwrite(&len, sizeof(len), 1, rs->fp) != 1 ||
	    fwrite(row, k->size, 1, rs->fp) != 1)
		return -1;
	for (i = 0; i < k->nstr; i++) {
		str = *runsort_str(row, k->str[i]);
		n = strlen(str) + 1;
		if (fwrite(str, 1, n, rs->fp) != n)
			return -1;
	}
	rs->written += (off_t)(sizeof(len) + len);
	return 0;
}

int
runsort_put(struct runsort *rs, const void *rows, size_t n)
{
	size_t	 i, ncap;
	off_t	*p;

	if (rs->nruns == rs->capruns) {
		ncap = rs->capruns > 0 ? rs->capruns * 2 : 64;
		if (ncap > SIZE_MAX / sizeof(*p) ||
		    (p = realloc(rs->run, ncap * sizeof(*p))) == NULL)
			return -1;
		rs->run = p;
		rs->capruns = ncap;
	}
	rs->run[rs->nruns++] = rs->written;
	for (i = 0; i < n; i++)
		if (runsort_put_row(rs, (const char *)rows + i * rs->rec->size)
		    == -1)
			return -1;
	return 0;
}

/*
 * Make need bytes of the run readable at c->buf + c->off, reading more
 * of the file (at the run's offset) as needed.
 */
static int
runsort_fill(struct runsort *rs, struct runsort_cursor *c, size_t need)
{
	size_t	 cap, want;
	ssize_t	 n;
	char	*p;

	if (c->len - c->off >= need)
		return 0;
	if (c->off > 0) {
		memmove(c->buf, c->buf + c->off, c->len - c->off);
		c->len -= c->off;
		c->off = 0;
	}
	if (need > c->cap) {
		for (cap = c->cap > 0 ? c->cap : RUNSORT_READ; cap < need;
		    cap *= 2)
			;
		if ((p = realloc(c->buf, cap)) == NULL)
			return -1;
		c->buf = p;
		c->cap = cap;
	}
	while (c->len < need) {
		want = c->cap - c->len;
		if ((off_t)want > c->end - c->pos)
			want = (size_t)(c->end - c->pos);
		n = want > 0 ? pread(fileno(rs->fp), c->buf + c->len, want,
		    c->pos) : 0;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;	/* the run ends too soon */
			return -1;
		}
		c->pos += n;
		c->len += (size_t)n;
	}
	return 0;
}

/* Read the run's next record into c->row; 0, 1 at the run's end, or -1. */
static int
runsort_cursor_next(struct runsort *rs, struct runsort_cursor *c)
{
	const struct runsort_rec *k = rs->rec;
	uint32_t		 len;
	char			*p;
	size_t			 i;

	if (c->off == c->len && c->pos == c->end)
		return 1;
	if (runsort_fill(rs, c, sizeof(len)) == -1)
		return -1;
	memcpy(&len, c->buf + c->off, sizeof(len));
	c->off += sizeof(len);
	if (len < k->size || runsort_fill(rs, c, len) == -1)
		return -1;
	memcpy(c->row, c->buf + c->off, k->size);
	p = c->buf + c->off + k->size;
	for (i = 0; i < k->nstr; i++) {
		*runsort_str(c->row, k->str[i]) = p;
		p += strlen(p) + 1;
	}
	c->off += len;
	return 0;
}

static bool
runsort_less(const struct runsort *rs, const struct runsort_cursor *a,
    const struct runsort_cursor *b)
{
	return rs->rec->compare(a->row, b->row) < 0;
}

static void
runsort_sift(struct runsort *rs, size_t i)
{
	struct runsort_cursor	*tmp;
	size_t			 least, l, r;

	for (;;) {
		least = i;
		l = 2 * i + 1;
		r = l + 1;
		if (l < rs->n && runsort_less(rs, rs->heap[l], rs->heap[least]))
			least = l;
		if (r < rs->n && runsort_less(rs, rs->heap[r], rs->heap[least]))
			least = r;
		if (least == i)
			return;
		tmp = rs->heap[i];
		rs->heap[i] = rs->heap[least];
		rs->heap[least] = tmp;
		i = least;
	}
}

/* A cursor on each run, each at its first record, in a heap. */
int
runsort_merge(struct runsort *rs)
{
	struct runsort_cursor	*c;
	size_t			 i;
	int			 rc;

	if (fflush(rs->fp) == EOF ||
	    (rs->cursor = calloc(rs->nruns, sizeof(*rs->cursor))) == NULL ||
	    (rs->heap = calloc(rs->nruns, sizeof(*rs->heap))) == NULL)
		return -1;
	for (i = 0; i < rs->nruns; i++) {
		c = &rs->cursor[i];
		/* malloc's alignment suits any record. */
		if ((c->row = malloc(rs->rec->size)) == NULL)
			return -1;
		c->pos = rs->run[i];
		c->end = i + 1 < rs->nruns ? rs->run[i + 1] : rs->written;
		if ((rc = runsort_cursor_next(rs, c)) == -1)
			return -1;
		if (rc == 0)
			rs->heap[rs->n++] = c;
	}
	for (i = rs->n; i-- > 0;)
		runsort_sift(rs, i);
	return 0;
}

int
runsort_next(struct runsort *rs, const void **row)
{
	int	 rc;

	*row = NULL;
	if (rs->last != NULL) {
		if ((rc = runsort_cursor_next(rs, rs->last)) == -1)
			return -1;
		if (rc == 1)
			rs->heap[0] = rs->heap[--rs->n];
		runsort_sift(rs, 0);
		rs->last = NULL;
	}
	if (rs->n == 0)
		return 0;
	rs->last = rs->heap[0];
	*row = rs->last->row;
	return 0;
}

void
runsort_free(struct runsort *rs)
{
	size_t	 i;

	if (rs == NULL)
		return;
	if (rs->cursor != NULL)
		for (i = 0; i < rs->nruns; i++) {
			free(rs->cursor[i].buf);
			free(rs->cursor[i].row);
		}
	free(rs->cursor);
	free(rs->heap);
	free(rs->run);
	fclose(rs->fp);
	free(rs);
}
