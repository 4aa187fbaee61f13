#!/bin/sh
# End-to-end golden tests: run the credaudit binary on each case under
# TESTDATA/cases and compare standard output, standard error and exit
# status with the case's expected files.
#
# A case is a directory holding
#   args             the command-line arguments, one line, shell words,
#                    paths relative to TESTDATA
#   stdin            (optional) fed to standard input
#   expected.out     expected standard output
#   expected.err     (optional) expected standard error; empty if absent
#   expected.status  expected exit status
#
# Set CREDAUDIT_WRAPPER (e.g. "valgrind -q --error-exitcode=99") to run
# every case under a checker.
#
# With -u (update), every case that differs has its expected files
# rewritten from what the binary did, so a deliberate output change is
# one command and a diff to review:
#
#	tests/e2e.sh -u build/release/credaudit testdata && git diff testdata
set -u
# Fixed environment: no region from the caller for -f asff.
unset AWS_REGION AWS_DEFAULT_REGION

usage="usage: e2e.sh [-u] BINARY TESTDATA [CASE ...]"
update=0
if [ "${1:-}" = "-u" ]; then
	update=1
	shift
fi
bin=${1:?$usage}
testdata=${2:?$usage}
shift 2
# The cases run from TESTDATA: make a relative BINARY absolute first.
case $bin in
*/*) bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin") ;;
esac
if ! [ -x "$bin" ] && ! command -v "$bin" >/dev/null 2>&1; then
	echo "e2e.sh: $bin: not an executable" >&2
	exit 2
fi
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT

cd "$testdata" || exit 2
if [ $# -eq 0 ]; then
	set -- cases/*/
fi

# Write what the binary did as the case's expected files.
update_case() {
	cp "$work/out" "$1/expected.out"
	if [ -s "$work/err" ]; then
		cp "$work/err" "$1/expected.err"
	else
		rm -f "$1/expected.err"
	fi
	echo "$2" >"$1/expected.status"
}

pass=0 fail=0 updated=0
for dir in "$@"; do
	dir=${dir%/}
	name=${dir##*/}
	args=$(cat "$dir/args")
	input=/dev/null
	[ -f "$dir/stdin" ] && input=$dir/stdin
	eval "set -- $args"
	# Fixed environment: no colour, no locale surprises.
	NO_COLOR=1 LC_ALL=C ${CREDAUDIT_WRAPPER:-} "$bin" "$@" \
	    <"$input" >"$work/out" 2>"$work/err"
	status=$?
	ok=1
	if ! cmp -s "$work/out" "$dir/expected.out"; then
		echo "--- $name: standard output differs"
		diff -u "$dir/expected.out" "$work/out" | head -40
		ok=0
	fi
	experr=/dev/null
	[ -f "$dir/expected.err" ] && experr=$dir/expected.err
	if ! cmp -s "$work/err" "$experr"; then
		echo "--- $name: standard error differs"
		diff -u "$experr" "$work/err" | head -40
		ok=0
	fi
	if [ "$status" != "$(cat "$dir/expected.status")" ]; then
		echo "--- $name: exit status $status, expected $(cat "$dir/expected.status")"
		ok=0
	fi
	if [ $ok -eq 1 ]; then
		pass=$((pass + 1))
	elif [ $update -eq 1 ]; then
		update_case "$dir" "$status"
		echo "UPDATED $name"
		updated=$((updated + 1))
	else
		echo "FAIL $name"
		fail=$((fail + 1))
	fi
done
if [ $update -eq 1 ]; then
	echo "e2e: $pass passed, $updated updated"
	exit 0
fi
echo "e2e: $pass passed, $fail failed"
[ $fail -eq 0 ]
