/*
 * csv_floor: the physical floor of reading a credential report.
 *
 *	csv_floor FILE
 *
 * Reads FILE in 64 KiB chunks and tokenises it with libcsv, as the loader
 * does, but the callbacks only count fields and rows.  No audit of the
 * same file can be faster than this by design, so the benchmark states
 * credaudit's speed as a ratio to it: a ratio survives a change of
 * machine, where seconds do not.
 */
#include <csv.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>

#define CHUNK	(64 * 1024)

struct counts {
	unsigned long	fields;
	unsigned long	rows;
};

static void
count_field(void *data, size_t len, void *ctx)
{
	struct counts *c = ctx;

	(void)data;
	(void)len;
	c->fields++;
}

static void
count_row(int term, void *ctx)
{
	struct counts *c = ctx;

	(void)term;
	c->rows++;
}

/* Feed fp through p in chunks, as the loader reads; exits on error. */
static void
floor_parse(struct csv_parser *p, FILE *fp, const char *path,
    struct counts *c)
{
	char *buf;
	size_t n;

	if ((buf = malloc(CHUNK)) == NULL)
		err(2, NULL);
	while ((n = fread(buf, 1, CHUNK, fp)) > 0) {
		if (csv_parse(p, buf, n, count_field, count_row, c) != n)
			errx(2, "%s: %s", path, csv_strerror(csv_error(p)));
	}
	if (ferror(fp))
		err(2, "%s", path);
	free(buf);
	if (csv_fini(p, count_field, count_row, c) != 0)
		errx(2, "%s: %s", path, csv_strerror(csv_error(p)));
}

int
main(int argc, char *argv[])
{
	struct csv_parser p;
	struct counts c = { 0, 0 };
	FILE *fp;

	if (argc != 2) {
		fprintf(stderr, "usage: csv_floor file\n");
		return 2;
	}
	if ((fp = fopen(argv[1], "rb")) == NULL)
		err(2, "%s", argv[1]);
	if (csv_init(&p, 0) != 0)
		errx(2, "csv_init failed");
	floor_parse(&p, fp, argv[1], &c);
	csv_free(&p);
	fclose(fp);
	if (printf("rows %lu fields %lu\n", c.rows, c.fields) < 0 ||
	    fflush(stdout) != 0)
		err(2, "write");
	return 0;
}
