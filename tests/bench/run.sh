#!/usr/bin/env bash
#
# run.sh: credaudit's performance benchmark.
#
#	tests/bench/run.sh [-n RUNS] [-u USERS] [-m MIX]
#
# Builds a Release tree with the benchmark programs (in $BUILD_DIR, default
# build-bench beside this repository's CMakeLists.txt), generates synthetic
# reports of USERS users (default 1000000, about 250 MB) and of a tenth of
# that into a temporary directory, for each of gen_report's mixes:
# "typical" (about two findings per user at the as-of date below) and
# "neglected" (about three); -m measures one of them only.  On each mix it
# measures every output format against the targets:
#
#   time    the audit of the large report to /dev/null, as a ratio to
#           csv_floor (libcsv counting fields, nothing else) on the same
#           file: ndjson, json and csv at most 3x.  Floor and audit run
#           alternately, RUNS pairs per format; the ratio is the median of
#           the pairs' ratios, so drift in the machine's speed during the
#           run hits both sides of a pair alike.  --inventory and table
#           are timed the same way and shown, with no target.
#   memory  peak resident set (GNU time's %M) at both sizes: json, ndjson,
#           csv and --inventory at most 32 MiB and flat, meaning the large
#           report may cost at most FLAT_SLACK_KIB more than the small one;
#           table, which sorts, at most 64 MiB however many findings, and
#           the same for a table of PARTS inputs that together hold as many
#           users as the large report (a run over many accounts' reports).
#
# Findings are counted from ndjson's lines.  credaudit exits 1 when there
# are findings, which is the expected outcome here; 2 ends the benchmark.
# Exit status: 0 when every target is met, 1 when one is missed, 2 when
# the benchmark itself could not run.
#
# Wall-clock ratios move with whatever else the machine is running; for
# numbers that do not, count instructions with valgrind --tool=callgrind.
#
# Needs GNU time as /usr/bin/time (Debian package "time"), cmake, and the
# build dependencies of credaudit.

set -eu
set -o pipefail
export LC_ALL=C

AS_OF=2026-11-23
SEED=1
MEM_LIMIT_KIB=$((32 * 1024))
FLAT_SLACK_KIB=$((4 * 1024))
TABLE_LIMIT_KIB=$((64 * 1024))
PARTS=10
GNU_TIME=/usr/bin/time

# label, credaudit options, time target (ratio, or - for none), memory rule
FORMATS=(ndjson json csv inventory table)
declare -A OPTS=([ndjson]="-f ndjson" [json]="-f json" [csv]="-f csv"
    [inventory]="--inventory -f ndjson" [table]="-f table")
declare -A TIME_TARGET=([ndjson]=3 [json]=3 [csv]=3 [inventory]=- [table]=-)
declare -A MEM_RULE=([ndjson]=flat [json]=flat [csv]=flat [inventory]=flat
    [table]=bounded)

MIXES=(typical neglected)

usage() {
	echo "usage: run.sh [-n runs] [-u users] [-m typical|neglected]" >&2
	exit 2
}

die() {
	echo "run.sh: $*" >&2
	exit 2
}

runs=5
users=1000000
while getopts m:n:u: opt; do
	case $opt in
	m) MIXES=("$OPTARG") ;;
	n) runs=$OPTARG ;;
	u) users=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "-n: not a positive number: $runs"
[[ $users =~ ^[1-9][0-9]*$ ]] || die "-u: not a positive number: $users"
[ "$users" -ge 10 ] || die "-u: at least 10 users"
for mix in "${MIXES[@]}"; do
	case $mix in
	typical|neglected) ;;
	*) die "-m: not a mix: $mix (typical or neglected)" ;;
	esac
done
small_users=$((users / 10))

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$src/build-bench}

"$GNU_TIME" -f %M -o /dev/null true 2>/dev/null ||
    die "needs GNU time as $GNU_TIME (Debian package \"time\")"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/credaudit-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# Wall clock in seconds with a fraction, into $_t; bash 5 needs no fork.
if [ -n "${EPOCHREALTIME-}" ]; then
	clock() { _t=$EPOCHREALTIME; }
else
	clock() { _t=$(date +%s.%N); }
fi

# 1000000 -> 1M, 100000 -> 100k: for column heads.
count_label() {
	awk -v n="$1" 'BEGIN {
		if (n % 1000000 == 0) printf "%dM", n / 1000000
		else if (n % 1000 == 0) printf "%dk", n / 1000
		else printf "%d", n }'
}

median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		if (NR % 2) printf "%.4f\n", v[(NR + 1) / 2]
		else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# A command's standard error, shown when it failed.
fail_run() {
	local rc=$1
	shift
	echo "run.sh: exit status $rc from: $*" >&2
	head -n 20 "$tmp/stderr" >&2
	exit 2
}

# Run a command with standard output to /dev/null; seconds into $secs.
# Exit status 1 is credaudit's "there are findings", not a failure.
timed() {
	local t0 rc=0
	clock; t0=$_t
	"$@" >/dev/null 2>"$tmp/stderr" || rc=$?
	clock
	[ "$rc" -le 1 ] || fail_run "$rc" "$@"
	secs=$(awk -v a="$t0" -v b="$_t" 'BEGIN { printf "%.4f", b - a }')
}

# Peak resident set in KiB of a command, into $rss.
peak_rss() {
	local rc=0
	"$GNU_TIME" -f %M -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/stderr" ||
	    rc=$?
	[ "$rc" -le 1 ] || fail_run "$rc" "$@"
	# GNU time writes "Command exited with non-zero status 1" first.
	rss=$(tail -n 1 "$tmp/rss")
	[[ $rss =~ ^[0-9]+$ ]] || die "cannot read peak RSS from GNU time"
}

findings_in() {
	local n rc=0
	n=$("$audit" --as-of "$AS_OF" -f ndjson "$1" 2>"$tmp/stderr" |
	    wc -l) || rc=$?
	# With pipefail the pipeline's status is credaudit's unless wc failed.
	[ "$rc" -le 1 ] ||
	    fail_run "$rc" "$audit" --as-of "$AS_OF" -f ndjson "$1"
	echo "$n"
}

build_tree() {
	echo "building $build (Release, CREDAUDIT_BENCH=ON)"
	if ! cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release \
	    -DCREDAUDIT_BENCH=ON -DBUILD_TESTING=OFF >"$tmp/build.log" 2>&1 ||
	    ! cmake --build "$build" -j2 --target credaudit gen_report \
	    csv_floor >>"$tmp/build.log" 2>&1; then
		tail -n 40 "$tmp/build.log" >&2
		die "build failed"
	fi
	audit=$build/credaudit
	gen=$build/tests/bench/gen_report
	floor=$build/tests/bench/csv_floor
}

generate() {
	local mix=$1 n=$2 out=$3 t0 bytes
	clock; t0=$_t
	"$gen" -s "$SEED" -m "$mix" "$n" >"$out" || die "gen_report failed"
	clock
	bytes=$(wc -c <"$out")
	awk -v m="$mix" -v n="$(count_label "$n")" -v b="$bytes" -v t0="$t0" \
	    -v t1="$_t" 'BEGIN { printf "input %-9s %-5s users: %10d bytes, " \
	    "generated in %.2f s\n", m, n, b, t1 - t0 }'
}

# Paired runs of floor and audit on the large input; fills the results.
measure_time() {
	local name=$1 i f a
	local -a fs=() as=() rs=()

	for ((i = 0; i < runs; i++)); do
		timed "$floor" "$big"
		f=$secs
		# shellcheck disable=SC2086 # OPTS holds several words
		timed "$audit" --as-of "$AS_OF" ${OPTS[$name]} "$big"
		a=$secs
		fs+=("$f")
		as+=("$a")
		rs+=("$(awk -v a="$a" -v f="$f" 'BEGIN { printf "%.4f", a / f }')")
	done
	FLOOR_MED[$name]=$(median "${fs[@]}")
	AUDIT_MED[$name]=$(median "${as[@]}")
	RATIO_MED[$name]=$(median "${rs[@]}" | awk '{ printf "%.2f", $1 }')
}

measure_rss() {
	local name=$1

	# shellcheck disable=SC2086
	peak_rss "$audit" --as-of "$AS_OF" ${OPTS[$name]} "$small"
	RSS_SMALL[$name]=$rss
	# shellcheck disable=SC2086
	peak_rss "$audit" --as-of "$AS_OF" ${OPTS[$name]} "$big"
	RSS_BIG[$name]=$rss
}

# x <= y for decimals
le() {
	awk -v x="$1" -v y="$2" 'BEGIN { exit !(x <= y) }'
}

# Judge one format; sets $time_cell, $mem_cell and $verdict.
judge() {
	local name=$1 target=${TIME_TARGET[$1]} s=${RSS_SMALL[$1]} b=${RSS_BIG[$1]}
	local bpf

	verdict=pass
	if [ "$target" = - ]; then
		time_cell=-
	else
		time_cell="<=${target}x"
		le "${RATIO_MED[$name]}" "$target" || verdict=FAIL
	fi
	if [ "${MEM_RULE[$name]}" = flat ]; then
		mem_cell="<=32M, growth<=$((FLAT_SLACK_KIB / 1024))M"
		[ "$s" -le "$MEM_LIMIT_KIB" ] && [ "$b" -le "$MEM_LIMIT_KIB" ] &&
		    [ $((b - s)) -le "$FLAT_SLACK_KIB" ] || verdict=FAIL
		return
	fi
	mem_cell="<=$((TABLE_LIMIT_KIB / 1024))M, $PARTS inputs: $(mib "$rss_parts")"
	[ "$s" -le "$TABLE_LIMIT_KIB" ] && [ "$b" -le "$TABLE_LIMIT_KIB" ] &&
	    [ "$rss_parts" -le "$TABLE_LIMIT_KIB" ] || verdict=FAIL
}

mib() {
	awk -v k="$1" 'BEGIN { printf "%.1fM", k / 1024 }'
}

table_row() {
	printf '%-10s %8s %8s %7s %7s %9s %9s %-24s %s\n' "$@"
}

report() {
	local name failed=0

	printf 'credaudit --as-of %s, %d paired runs, median seconds\n' \
	    "$AS_OF" "$runs"
	table_row format audit floor ratio "time" \
	    "RSS $(count_label "$small_users")" "RSS $(count_label "$users")" \
	    memory result
	for name in "${FORMATS[@]}"; do
		judge "$name"
		[ "$verdict" = pass ] || failed=1
		table_row "$name" "${AUDIT_MED[$name]}" \
		    "${FLOOR_MED[$name]}" "${RATIO_MED[$name]}" "$time_cell" \
		    "$(mib "${RSS_SMALL[$name]}")" "$(mib "${RSS_BIG[$name]}")" \
		    "$mem_cell" "$verdict"
	done
	return $failed
}

declare -A FLOOR_MED AUDIT_MED RATIO_MED RSS_SMALL RSS_BIG

build_tree
failed=0
for mix in "${MIXES[@]}"; do
	small=$tmp/report-small.csv
	big=$tmp/report-big.csv
	echo
	generate "$mix" "$small_users" "$small"
	generate "$mix" "$users" "$big"
	echo "floor: $("$floor" "$big")"
	findings_small=$(findings_in "$small")
	findings_big=$(findings_in "$big")
	echo "findings: $findings_small at $(count_label "$small_users") users," \
	    "$findings_big at $(count_label "$users")" \
	    "($(awk -v f="$findings_big" -v u="$users" \
	    'BEGIN { printf "%.2f", f / u }') per user)"
	for name in "${FORMATS[@]}"; do
		echo "timing $name"
		measure_time "$name"
		measure_rss "$name"
	done
	# The same users again as PARTS reports of other accounts, together.
	parts=()
	for ((p = 1; p <= PARTS; p++)); do
		"$gen" -s $((SEED + p)) -m "$mix" $((users / PARTS)) \
		    >"$tmp/part$p.csv" || die "gen_report failed"
		parts+=("$tmp/part$p.csv")
	done
	peak_rss "$audit" --as-of "$AS_OF" -f table "${parts[@]}"
	rss_parts=$rss
	rm -f "${parts[@]}"
	echo
	echo "mix $mix, $findings_big findings at $(count_label "$users") users:"
	report || failed=1
	rm -f "$small" "$big"
done
echo
if [ $failed -eq 0 ]; then
	echo "all targets met"
else
	echo "a target was missed"
	exit 1
fi
