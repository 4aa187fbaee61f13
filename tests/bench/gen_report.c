/*
 * gen_report: write a synthetic IAM credential report to standard output,
 * for the benchmarks.
 *
 *	gen_report [-s SEED] [-a ACCOUNTS] [-m MIX] USERS
 *
 * The report has AWS's 22-column header, then for each account a
 * <root_account> row followed by that account's share of USERS.  Values
 * follow what real reports hold, with frequencies chosen so that an audit
 * at --as-of 2026-11-23 raises a realistic mix of findings: passwords
 * with and without MFA, never-used and stale passwords, active, inactive
 * and absent access keys, keys never used, the odd signing certificate,
 * and the occasional spreadsheet round trip that upper-cases the
 * booleans.  Every timestamp lies in 2012-01-01 .. 2026-11-22, so an
 * audit at that date sees nothing from the future.
 *
 * MIX sets those frequencies: "typical" (the default) raises about two
 * findings per user; "neglected" raises about three, as an account does
 * that has gone unaudited for years: fewer users in daily use, fewer
 * with MFA, more of them holding two active keys.
 *
 * The output depends only on the seed and the counts: the generator has
 * its own PRNG (splitmix64) rather than rand(), whose sequence differs
 * between C libraries.  Rows average about 250 bytes, so a million users
 * make a file of about 250 MB.
 */
#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report_header.h"

#define T_START		INT64_C(1325376000)	/* 2012-01-01T00:00:00Z */
#define T_END		INT64_C(1795391999)	/* 2026-11-22T23:59:59Z */
#define T_TRACKING	INT64_C(1413763200)	/* 2014-10-20: no_information before */
#define DAY		INT64_C(86400)
#define ROW_MAX		1024
#define OUT_BUFSZ	(4 * 1024 * 1024)

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char header[] = REPORT_HEADER "\n";

/* Word lists are short enough that every name stays within 40 bytes. */
static const char *const firsts[] = {
	"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
	"ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert",
	"sybil", "trent", "victor", "walter", "yusuf", "zoe", "mei", "raj",
	"ana", "li", "omar", "sven", "katja"
};
static const char *const lasts[] = {
	"smith", "jones", "garcia", "miller", "davis", "martinez", "lee",
	"nguyen", "kim", "muller", "rossi", "dubois", "tanaka", "silva",
	"novak", "okafor", "larsen", "cohen", "patel", "ivanova"
};
static const char *const words[] = {
	"deploy", "backup", "billing", "ci", "terraform", "jenkins",
	"monitor", "etl", "reports", "s3sync", "lambda", "build", "audit",
	"logship", "grafana", "vault"
};
static const char *const domains[] = {
	"example.com", "example.org", "corp.example", "mail.example"
};
static const char *const paths[] = {
	"engineering/", "ops/", "finance/", "contractors/", "service/"
};
static const char *const regions[] = {
	"us-east-1", "us-east-1", "us-east-1", "us-east-1", "us-west-2",
	"us-west-2", "eu-west-1", "eu-west-1", "eu-central-1", "us-east-2",
	"ap-southeast-2", "ap-northeast-1", "ap-south-1", "sa-east-1"
};
static const char *const services[] = {
	"s3", "s3", "s3", "sts", "sts", "ec2", "ec2", "iam", "lambda",
	"dynamodb", "ecr", "cloudformation", "logs", "sqs", "sns", "kms",
	"secretsmanager", "ssm"
};

struct rng {
	uint64_t	s;
};

/* How often, in permille, the users of a report have each trait. */
struct mix {
	const char	*name;
	unsigned	 busy;		/* credentials used in the last 60 days */
	unsigned	 password;	/* a console password */
	unsigned	 mfa_pw;	/* MFA, of users with a password */
	unsigned	 mfa_nopw;	/* MFA, of users without */
	unsigned	 key1_active, key1_inactive;
	unsigned	 key2_active, key2_inactive;
};

static const struct mix mixes[] = {
	{ "typical", 550, 550, 700, 100, 650, 100, 120, 80 },
	{ "neglected", 350, 650, 450, 100, 700, 100, 300, 80 },
};

/* A row being assembled; written with one fwrite so one check covers it. */
struct row {
	char	 buf[ROW_MAX];
	size_t	 len;
	bool	 upper;		/* this row went through a spreadsheet */
};

static void	usage(void) __attribute__((noreturn));

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z;

	r->s += UINT64_C(0x9e3779b97f4a7c15);
	z = r->s;
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n); the modulo bias is far below what matters here. */
static uint64_t
rng_below(struct rng *r, uint64_t n)
{
	return rng_next(r) % n;
}

/* True with probability permille / 1000. */
static bool
rng_chance(struct rng *r, unsigned permille)
{
	return rng_below(r, 1000) < permille;
}

/* Uniform in [lo, hi]; lo when the range is empty. */
static int64_t
rng_between(struct rng *r, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int64_t)rng_below(r, (uint64_t)(hi - lo) + 1);
}

static const char *
rng_pick(struct rng *r, const char *const *list, size_t n)
{
	return list[rng_below(r, n)];
}

static void
row_puts(struct row *row, const char *s)
{
	size_t n = strlen(s);

	/* Field sizes are bounded well below ROW_MAX; this is a safety net. */
	if (row->len + n >= sizeof(row->buf))
		errx(2, "internal error: row too long");
	memcpy(row->buf + row->len, s, n);
	row->len += n;
}

/* Append s as the next field: a comma first unless it is the first. */
static void
row_field(struct row *row, const char *s)
{
	if (row->len > 0)
		row_puts(row, ",");
	row_puts(row, s);
}

static void
row_bool(struct row *row, bool b)
{
	if (row->upper)
		row_field(row, b ? "TRUE" : "FALSE");
	else
		row_field(row, b ? "true" : "false");
}

/* Write n as exactly width decimal digits, zero-padded. */
static void
put_digits(char *p, unsigned long n, int width)
{
	while (width-- > 0) {
		p[width] = (char)('0' + n % 10);
		n /= 10;
	}
}

/*
 * Format t (after 1970) as AWS does: 2016-10-20T20:27:00+00:00.  The date
 * is computed with Howard Hinnant's days-to-civil algorithm because
 * gmtime_r would cost more than the rest of the row together.
 */
static void
format_time(char out[26], int64_t t)
{
	int64_t days = t / DAY, secs = t % DAY;
	int64_t z = days + 719468, era = z / 146097, doe, yoe, doy, mp;
	int64_t y, m, d;

	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y = yoe + era * 400 + (m <= 2);
	memcpy(out, "0000-00-00T00:00:00+00:00", 26);
	put_digits(out, (unsigned long)y, 4);
	put_digits(out + 5, (unsigned long)m, 2);
	put_digits(out + 8, (unsigned long)d, 2);
	put_digits(out + 11, (unsigned long)(secs / 3600), 2);
	put_digits(out + 14, (unsigned long)(secs / 60 % 60), 2);
	put_digits(out + 17, (unsigned long)(secs % 60), 2);
}

static void
row_time(struct row *row, int64_t t)
{
	char buf[26];

	format_time(buf, t);
	row_field(row, buf);
}

/*
 * When a credential that came into being at from was last used.  Users in
 * daily use touched it within the last two months; the rest at any time,
 * which leaves most of them stale at the audit date.
 */
static int64_t
last_use(struct rng *r, int64_t from, bool busy)
{
	if (busy)
		return rng_between(r, from > T_END - 60 * DAY ? from :
		    T_END - 60 * DAY, T_END);
	return rng_between(r, from, T_END);
}

/* The moment a credential was issued: mostly with the user, else later. */
static int64_t
issued(struct rng *r, int64_t created)
{
	if (rng_chance(r, 500))
		return rng_between(r, created, created + 600);
	return rng_between(r, created, T_END);
}

/* AWS records key use to the minute. */
static void
row_used(struct row *row, struct rng *r, int64_t t)
{
	row_time(row, t - t % 60);
	row_field(row, rng_pick(r, regions, NELEM(regions)));
	row_field(row, rng_pick(r, services, NELEM(services)));
}

static void
row_no_key(struct row *row)
{
	row_bool(row, false);
	row_field(row, "N/A,N/A,N/A,N/A");
}

/*
 * One access key slot.  active and inactive are permille; the rest of
 * the slots are empty (false,N/A).  An inactive key keeps its rotation
 * timestamp, which is how the report tells it from an empty slot.
 */
static void
row_key(struct row *row, struct rng *r, int64_t created, bool busy,
    unsigned active, unsigned inactive)
{
	uint64_t dice = rng_below(r, 1000);
	int64_t rotated;

	if (dice >= active + inactive) {
		row_no_key(row);
		return;
	}
	rotated = issued(r, created);
	row_bool(row, dice < active);
	row_time(row, rotated);
	if (dice < active && !rng_chance(r, 150))
		row_used(row, r, last_use(r, rotated, busy));
	else if (dice >= active && rng_chance(r, 500))
		row_used(row, r, rng_between(r, rotated, T_END));
	else
		row_field(row, "N/A,N/A,N/A");
}

/* A signing certificate slot; almost always empty. */
static void
row_cert(struct row *row, struct rng *r, int64_t created, unsigned active,
    unsigned inactive)
{
	uint64_t dice = rng_below(r, 10000);

	if (dice >= active + inactive) {
		row_bool(row, false);
		row_field(row, "N/A");
		return;
	}
	row_bool(row, dice < active);
	row_time(row, issued(r, created));
}

/* A name unique in its account: a pattern plus the user's index. */
static void
make_name(char *name, size_t sz, struct rng *r, unsigned long idx)
{
	const char *f = rng_pick(r, firsts, NELEM(firsts));
	const char *l = rng_pick(r, lasts, NELEM(lasts));
	const char *w = rng_pick(r, words, NELEM(words));
	uint64_t style = rng_below(r, 100);

	if (style < 45)
		snprintf(name, sz, "%s.%s%lu", f, l, idx);
	else if (style < 65)
		snprintf(name, sz, "svc-%s-%lu", w, idx);
	else if (style < 80)
		snprintf(name, sz, "%s+%lu@%s", f, idx,
		    rng_pick(r, domains, NELEM(domains)));
	else if (style < 90)
		snprintf(name, sz, "%s_%s%lu", f, l, idx);
	else if (style < 95)
		snprintf(name, sz, "%s=%s.%lu", w, f, idx);
	else if (style < 98)
		snprintf(name, sz, "ext-%s-%s.%s.%lu", w, f, l, idx);
	else
		snprintf(name, sz, "%c%03lu", f[0], idx);
}

/* The password columns of an IAM user, from password_enabled on. */
static void
row_password(struct row *row, struct rng *r, int64_t created, bool busy,
    bool enabled)
{
	int64_t changed;

	row_bool(row, enabled);
	if (!enabled) {
		/* A removed password still shows when it was last used. */
		if (rng_chance(r, 100))
			row_time(row, rng_between(r, created, T_END));
		else if (created < T_TRACKING && rng_chance(r, 300))
			row_field(row, "no_information");
		else
			row_field(row, "N/A");
		row_field(row, "N/A,N/A");
		return;
	}
	changed = issued(r, created);
	if (rng_chance(r, 120))
		row_field(row, "N/A");
	else if (created < T_TRACKING && rng_chance(r, 250))
		row_field(row, "no_information");
	else
		row_time(row, last_use(r, changed, busy));
	row_time(row, changed);
	if (rng_chance(r, 250) && changed + 90 * DAY <= T_END)
		row_time(row, changed + 90 * DAY);
	else
		row_field(row, "N/A");
}

static void
row_user(struct row *row, struct rng *r, const struct mix *mix,
    const char *account, unsigned long idx)
{
	char name[64], arn[128];
	int64_t created;
	bool busy, pw;
	uint64_t a = rng_below(r, T_END - 2 * DAY - T_START);
	uint64_t b = rng_below(r, T_END - 2 * DAY - T_START);

	/* The larger of two draws: more users were created recently. */
	created = T_START + (int64_t)(a > b ? a : b);
	busy = rng_chance(r, mix->busy);
	pw = rng_chance(r, mix->password);
	make_name(name, sizeof(name), r, idx);
	snprintf(arn, sizeof(arn), "arn:aws:iam::%s:user/%s%s", account,
	    rng_chance(r, 50) ? rng_pick(r, paths, NELEM(paths)) : "", name);
	row_field(row, name);
	row_field(row, arn);
	row_time(row, created);
	row_password(row, r, created, busy, pw);
	row_bool(row, rng_chance(r, pw ? mix->mfa_pw : mix->mfa_nopw));
	row_key(row, r, created, busy, mix->key1_active, mix->key1_inactive);
	row_key(row, r, created, busy, mix->key2_active, mix->key2_inactive);
	row_cert(row, r, created, 50, 150);
	row_cert(row, r, created, 10, 30);
}

static void
row_root(struct row *row, struct rng *r, const char *account)
{
	char arn[64];
	int64_t created = rng_between(r, T_START, T_START + 6 * 365 * DAY);
	uint64_t dice = rng_below(r, 100);

	snprintf(arn, sizeof(arn), "arn:aws:iam::%s:root", account);
	row_field(row, "<root_account>");
	row_field(row, arn);
	row_time(row, created);
	row_field(row, "not_supported");
	if (dice < 20)
		row_time(row, last_use(r, created, true));
	else if (dice < 50)
		row_time(row, rng_between(r, created, T_END));
	else if (dice < 80)
		row_field(row, "no_information");
	else
		row_field(row, "N/A");
	row_field(row, "not_supported,not_supported");
	row_bool(row, rng_chance(r, 850));
	row_key(row, r, created, false, 50, 50);
	row_key(row, r, created, false, 0, 20);
	row_cert(row, r, created, 20, 20);
	row_cert(row, r, created, 0, 0);
}

static void
row_write(struct row *row)
{
	row_puts(row, "\n");
	if (fwrite(row->buf, 1, row->len, stdout) != row->len)
		err(2, "write");
	row->len = 0;
}

/*
 * Account ids: an offset drawn from the seed plus i times a prime that
 * shares no factor with 9e11, so the ids are distinct 12-digit numbers
 * that do not look sequential.
 */
static void
account_id(char out[16], uint64_t seed, unsigned long i)
{
	struct rng r = { seed };
	uint64_t n = (rng_next(&r) + i * UINT64_C(982451653)) %
	    UINT64_C(900000000000);

	snprintf(out, 16, "%012" PRIu64, UINT64_C(100000000000) + n);
}

static unsigned long
parse_count(const char *s, const char *what, unsigned long min)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(s, &end, 10);
	if (*s == '\0' || *s == '-' || *end != '\0' || errno != 0 || n < min)
		errx(2, "%s: invalid %s", s, what);
	return n;
}

static void
usage(void)
{
	fprintf(stderr, "usage: gen_report [-s seed] [-a accounts] "
	    "[-m typical|neglected] users\n");
	exit(2);
}

static const struct mix *
parse_mix(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(mixes); i++)
		if (strcmp(mixes[i].name, name) == 0)
			return &mixes[i];
	errx(2, "%s: unknown mix (typical or neglected)", name);
}

static void
generate(uint64_t seed, const struct mix *mix, unsigned long accounts,
    unsigned long users)
{
	struct rng r = { seed };
	struct row row;
	char account[16];
	unsigned long i, j, n;

	memset(&row, 0, sizeof(row));
	for (i = 0; i < accounts; i++) {
		account_id(account, seed, i);
		row.upper = rng_chance(&r, 20);
		row_root(&row, &r, account);
		row_write(&row);
		n = users / accounts + (i < users % accounts);
		for (j = 0; j < n; j++) {
			row.upper = rng_chance(&r, 20);
			row_user(&row, &r, mix, account, j);
			row_write(&row);
		}
	}
}

int
main(int argc, char *argv[])
{
	const struct mix *mix = &mixes[0];
	uint64_t seed = 1;
	unsigned long accounts = 0, users;
	int ch;

	while ((ch = getopt(argc, argv, "a:m:s:")) != -1) {
		switch (ch) {
		case 'a':
			accounts = parse_count(optarg, "account count", 1);
			break;
		case 'm':
			mix = parse_mix(optarg);
			break;
		case 's':
			seed = parse_count(optarg, "seed", 0);
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 1)
		usage();
	users = parse_count(argv[optind], "user count", 0);
	if (accounts == 0)
		accounts = 1 + users / 5000;
	if (setvbuf(stdout, NULL, _IOFBF, OUT_BUFSZ) != 0)
		errx(2, "cannot buffer standard output");
	if (fwrite(header, 1, sizeof(header) - 1, stdout) != sizeof(header) - 1)
		err(2, "write");
	generate(seed, mix, accounts, users);
	if (fflush(stdout) != 0 || ferror(stdout))
		err(2, "write");
	return 0;
}
