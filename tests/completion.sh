#!/bin/sh
# The bash completion (src/credaudit.bash), run in bash the way readline
# runs it: what it offers after an option, for each kind of argument, and
# that its lists are the program's own, taken from places other than the
# --help text it reads (the program's error messages), so that neither
# can drift from the binary unnoticed.
#
# usage: completion.sh CREDAUDIT COMPLETION_FILE
set -eu

# Absolute: the completions run in a directory of files.
abs() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$(pwd)" "$1" ;;
	esac
}
credaudit=$(abs "$1")
completion=$(abs "$2")
command -v bash >/dev/null 2>&1 || {
	[ "${CI:-}" = true ] && { echo "FAIL: bash not found" >&2; exit 1; }
	echo "SKIP: bash not found"
	exit 77
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/credaudit-completion.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Files to complete, in a directory of their own.
mkdir "$tmp/files" "$tmp/files/reports"
: >"$tmp/files/report one.csv"
: >"$tmp/files/report.json"
: >"$tmp/files/notes.txt"

failures=0
fail() {
	printf 'FAIL: %s\n' "$*" >&2
	failures=$((failures + 1))
}

# offered WORD... : what the completion offers for the last word, one per
# line, sorted.  The words are as bash splits them (at "=" too).
offered() {
	(cd "$tmp/files" && bash -c '
		compopt() { :; }	# only valid inside real completion
		. "$1"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_credaudit
		printf "%s\n" "${COMPREPLY[@]}"' sh "$completion" "$credaudit" "$@") |
	    sed '/^$/d' | sort
}

# expect "LINE" EXPECTED...: the completion of the last word of LINE is
# exactly EXPECTED; a LINE ending in a space completes an empty word.
expect() {
	line=$1
	shift
	set -f
	# shellcheck disable=SC2086 # the words of the command line
	case $line in
	*" ") offered $line "" ;;
	*) offered $line ;;
	esac >"$tmp/got"
	set +f
	printf '%s\n' "$@" | sed '/^$/d' | sort >"$tmp/want"
	diff -u "$tmp/want" "$tmp/got" >"$tmp/diff" ||
	    { fail "completing '$line'"; cat "$tmp/diff" >&2; }
}

# Behaviour, expected by hand.
expect "credaudit --thr" --threshold
expect "credaudit --fail-on" --fail-on --fail-on-new
expect "credaudit -f js" json
expect "credaudit --format nd" ndjson
expect "credaudit --format = c" csv
expect "credaudit --threshold dorm" dormant-user=
expect "credaudit --threshold root-r" root-recent-use=
expect "credaudit --fail-on n" never
expect "credaudit --min-severity n"
expect "credaudit --min-severity h" high
expect "credaudit --benchmark f" fsbp
expect "credaudit --benchmark cis-4" cis-4.0.1
expect "credaudit --plan de" deactivate delete
expect "credaudit --color = a" always auto
expect "credaudit --color " always auto never
expect "credaudit --as-of 2026"
expect "credaudit --as-of "
expect "credaudit -d "
expect "credaudit -o rep" "report one.csv" report.json reports
expect "credaudit --baseline report." report.json
expect "credaudit report" "report one.csv" report.json reports
expect "credaudit -f json no" notes.txt
# shellcheck disable=SC2046 # one option per word
expect "credaudit --inventory -" $(offered credaudit -)

# The lists, against the program's error messages rather than --help.
# Options: each one offered is known to the program, and each the usage
# message names (long ones, and short ones as -hV or [-c file]) is offered.
offered credaudit - >"$tmp/got"
while read -r opt; do
	if "$credaudit" "$opt" 1 </dev/null 2>&1 | grep -q 'unknown option'
	then
		fail "$opt is offered but unknown"
	fi
done <"$tmp/got"
"$credaudit" --bogus 2>"$tmp/usage" >/dev/null || :
{
	sed -n '/^usage:/,$p' "$tmp/usage" | grep -oE -- '--[a-z-]+'
	grep -oE '\[-[a-zA-Z]+\]' "$tmp/usage" | tr -d '[]-' | fold -w1 |
	    sed 's/^/-/'
	grep -oE '\[-[a-zA-Z] ' "$tmp/usage" | tr -d '[ '
} | sort -u >"$tmp/want"
[ "$(wc -l <"$tmp/want")" -ge 10 ] || fail "options not found in the usage"
comm -23 "$tmp/want" "$tmp/got" >"$tmp/missing"
[ ! -s "$tmp/missing" ] || { fail "options not offered:"; cat "$tmp/missing"; }

# Formats: the --format error lists them.
"$credaudit" -f '?' 2>&1 | sed -n 's/.*expected one of \(.*\), got.*/\1/p' |
    tr -d , | tr ' ' '\n' | sort >"$tmp/want"
[ -s "$tmp/want" ] || fail "no formats in the --format error"
offered credaudit -f "" >"$tmp/got"
diff -u "$tmp/want" "$tmp/got" || fail "formats differ"

# Severities: the --fail-on error lists them, with never.
"$credaudit" --fail-on '?' 2>&1 |
    sed -n 's/.*expected \(.*\), got.*/\1/p' | sed 's/,\{0,1\} or /, /' |
    tr -d , | tr ' ' '\n' | sort >"$tmp/want"
[ -s "$tmp/want" ] || fail "no severities in the --fail-on error"
offered credaudit --fail-on "" >"$tmp/got"
diff -u "$tmp/want" "$tmp/got" || fail "severities differ"

# Benchmarks: the error for an unknown one lists them.
"$credaudit" --benchmark '?' /dev/null 2>&1 |
    sed -n 's/.*expected \(.*\), got.*/\1/p' | sed 's/ or /, /' |
    tr -d , | tr ' ' '\n' | sort >"$tmp/want"
[ -s "$tmp/want" ] || fail "no benchmarks in the --benchmark error"
offered credaudit --benchmark "" >"$tmp/got"
diff -u "$tmp/want" "$tmp/got" || fail "benchmarks differ"

# Plans: the --plan error lists them.
"$credaudit" --plan '?' 2>&1 | sed -n 's/.*expected \(.*\), got.*/\1/p' |
    sed 's/ or /, /' | tr -d , | tr ' ' '\n' | sort >"$tmp/want"
[ -s "$tmp/want" ] || fail "no plans in the --plan error"
offered credaudit --plan "" >"$tmp/got"
diff -u "$tmp/want" "$tmp/got" || fail "plans differ"

# --color: its error lists the words.
"$credaudit" --color '?' 2>&1 | sed -n 's/.*expected \(.*\), got.*/\1/p' |
    sed 's/ or /, /' | tr -d , | tr ' ' '\n' | sort >"$tmp/want"
[ -s "$tmp/want" ] || fail "no words in the --color error"
offered credaudit --color "" >"$tmp/got"
diff -u "$tmp/want" "$tmp/got" || fail "--color words differ"

# Rules: --threshold offers the rules that have a threshold, which are
# the keys of "thresholds" in the JSON output, and each is accepted.
offered credaudit --threshold "" | sed 's/=$//' >"$tmp/got"
"$credaudit" -f json /dev/null </dev/null 2>/dev/null |
    sed -n 's/.*"thresholds":{\([^}]*\)}.*/\1/p' | tr ',' '\n' |
    sed 's/"\([^"]*\)".*/\1/' | sort >"$tmp/want"
[ -s "$tmp/want" ] || fail "no thresholds in the JSON output"
diff -u "$tmp/want" "$tmp/got" || fail "rules differ from the thresholds"
while read -r rule; do
	"$credaudit" --threshold "$rule=1" -f json /dev/null </dev/null \
	    2>"$tmp/err" >/dev/null || :
	if grep -q 'threshold\|rule' "$tmp/err"; then
		fail "--threshold refuses $rule"
		cat "$tmp/err" >&2
	fi
done <"$tmp/got"

# credaudit-collect: its options, and directories after -d.
got=$(cd "$tmp/files" && bash -c 'compopt() { :; }; . "$1";
	COMP_WORDS=(credaudit-collect -d rep); COMP_CWORD=2
	_credaudit_collect; printf "%s\n" "${COMPREPLY[@]}"' sh "$completion")
[ "$got" = reports ] || fail "credaudit-collect -d: got '$got'"
got=$(bash -c 'compopt() { :; }; . "$1";
	COMP_WORDS=(credaudit-collect -); COMP_CWORD=1
	_credaudit_collect; printf "%s\n" "${COMPREPLY[@]}"' sh "$completion" |
    sort | tr '\n' ' ')
[ "$got" = "-d -h -r " ] || fail "credaudit-collect -: got '$got'"

if [ "$failures" -ne 0 ]; then
	echo "$failures failed"
	exit 1
fi
echo "PASS: completion"
