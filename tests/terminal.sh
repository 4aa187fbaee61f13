#!/bin/sh
# The table on a terminal, run under a pseudo-terminal with script(1):
# --color=auto colours a terminal only, and not with NO_COLOR or
# TERM=dumb; always and never are obeyed anywhere; lines are cut with
# "…" to the terminal's width (from the terminal, else COLUMNS) keeping
# every column, while a pipe or -o gets every line whole.
#
# usage: terminal.sh CREDAUDIT TESTDATA_DIR
set -eu

credaudit=$1
report=$2/credential_report.csv
if ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
	[ "${CI:-}" = true ] && { echo "FAIL: no working script(1)" >&2; exit 1; }
	echo "SKIP: no working script(1)"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/credaudit-terminal.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
	printf 'FAIL: %s\n' "$*" >&2
	failures=$((failures + 1))
}

# tty COLS COMMAND: COMMAND's output on a terminal COLS wide (0: the
# terminal does not know), without the carriage returns the terminal adds.
tty() {
	SHELL=/bin/sh script -qec "stty cols $1; $2" /dev/null </dev/null |
	    tr -d '\r'
}
audit="'$credaudit' --as-of 2026-11-23 '$report'"
esc=$(printf '\033')

has_sgr() {
	grep -q "$esc\[" "$1"
}

# --- colour ---
tty 200 "TERM=xterm $audit" >"$tmp/out"
has_sgr "$tmp/out" || fail "auto on a terminal: no colour"
tty 200 "TERM=xterm NO_COLOR=1 $audit" >"$tmp/out"
! has_sgr "$tmp/out" || fail "auto with NO_COLOR: colour"
tty 200 "TERM=xterm NO_COLOR= $audit" >"$tmp/out"
has_sgr "$tmp/out" || fail "auto with an empty NO_COLOR: no colour"
tty 200 "TERM=dumb $audit" >"$tmp/out"
! has_sgr "$tmp/out" || fail "auto with TERM=dumb: colour"
tty 200 "TERM=xterm $audit --color=never" >"$tmp/out"
! has_sgr "$tmp/out" || fail "never on a terminal: colour"
tty 200 "TERM=dumb NO_COLOR=1 $audit --color=always" >"$tmp/out"
has_sgr "$tmp/out" || fail "always on a dumb terminal: no colour"
TERM=xterm "$credaudit" --as-of 2026-11-23 "$report" >"$tmp/out" || :
! has_sgr "$tmp/out" || fail "auto into a pipe: colour"
"$credaudit" --as-of 2026-11-23 --color always "$report" >"$tmp/out" || :
has_sgr "$tmp/out" || fail "always into a pipe: no colour"
tty 200 "TERM=xterm $audit -o '$tmp/file'" >/dev/null
! has_sgr "$tmp/file" || fail "auto with -o on a terminal: colour in the file"

# --- width ---
# The whole table, as a pipe gets it; some lines are wider than 100.
"$credaudit" --as-of 2026-11-23 "$report" >"$tmp/whole" || :
# Columns of each line: "…" is one, every other byte here is ASCII.
widths() {
	sed 's/\xe2\x80\xa6/./g' "$1" | LC_ALL=C awk '{ print length($0) }'
}
[ "$(widths "$tmp/whole" | sort -n | tail -1)" -gt 100 ] ||
    fail "the sample has no line wider than 100: the test proves nothing"
if grep -q '…' "$tmp/whole"; then
	fail "piped output was cut"
fi

# fits COLS FILE: no line of FILE is wider than COLS, the lines cut end
# in "…" and are the start of the whole line, the others are whole.
fits() {
	[ "$(wc -l <"$2")" -eq "$(wc -l <"$tmp/whole")" ] ||
	    { fail "$1 columns: not as many lines as the whole table"; return; }
	widths "$2" | awk -v max="$1" '$1 > max { bad = 1 } END { exit bad }' ||
	    fail "$1 columns: a line is wider"
	grep -q '…$' "$2" || fail "$1 columns: no line was cut"
	paste -d '\n' "$2" "$tmp/whole" | awk '
	    NR % 2 == 1 { got = $0; next }
	    {
		if (got ~ /…$/) {
			stem = substr(got, 1, length(got) - length("…"))
			if (index($0, stem) != 1 || length($0) <= length(stem))
				bad = 1
		} else if (got != $0)
			bad = 1
	    }
	    END { exit bad }' || fail "$1 columns: lines are not cut from the end"
}
tty 100 "TERM=xterm $audit --color=never" >"$tmp/out"
fits 100 "$tmp/out"
# Without a size from the terminal, COLUMNS.
tty 0 "TERM=xterm COLUMNS=90 $audit --color=never" >"$tmp/out"
fits 90 "$tmp/out"
# The terminal's own size wins over COLUMNS.
tty 100 "TERM=xterm COLUMNS=300 $audit --color=never" >"$tmp/out"
fits 100 "$tmp/out"
# Colour and cutting together: the escapes take no columns.
tty 100 "TERM=xterm $audit" | sed "s/$esc\[[0-9;]*m//g" >"$tmp/out"
fits 100 "$tmp/out"
# -o on a terminal, and a pipe from a terminal, get whole lines.
tty 100 "TERM=xterm $audit -o '$tmp/file'" >/dev/null
cmp -s "$tmp/file" "$tmp/whole" || fail "-o on a terminal: lines cut"
tty 100 "TERM=xterm $audit | cat" >"$tmp/out"
cmp -s "$tmp/out" "$tmp/whole" || fail "a pipe from a terminal: lines cut"

if [ "$failures" -ne 0 ]; then
	echo "$failures failed"
	exit 1
fi
echo "PASS: terminal"
