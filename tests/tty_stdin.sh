#!/bin/sh
# credaudit run with no FILE while standard input is a terminal: it must
# print the usage line and exit 2 at once instead of waiting for a report
# to be typed.  script(1) gives the command a pseudo-terminal; were the
# binary to read it, script's own standard input (/dev/null) would end
# it with an empty report and a different message.
set -u

bin=${1:?usage: tty_stdin.sh BINARY}
if ! command -v script >/dev/null; then
	echo "tty_stdin.sh: script(1) is not installed; it is required" >&2
	exit 2
fi
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

check() {
	if [ "$2" = "$3" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL $1: got [$2], expected [$3]"
		fail=$((fail + 1))
	fi
}

# The pseudo-terminal turns each newline into CR LF; drop the CRs.
timeout 20 script -qec "'$bin' --as-of 2026-11-23" /dev/null \
    </dev/null >"$work/out" 2>&1
check "status" "$?" 2
tr -d '\r' <"$work/out" >"$work/text"
check "message" "$(head -n 1 "$work/text")" \
    "credaudit: error: no FILE, and standard input is a terminal (use - to read it)"
check "usage line" "$(sed -n 2p "$work/text" | cut -c1-17)" "usage: credaudit "

# Standard input that is not a terminal is still read.
printf '' | "$bin" --as-of 2026-11-23 >/dev/null 2>"$work/err"
check "pipe status" "$?" 2
check "pipe read" "$(cat "$work/err")" \
    "credaudit: <stdin>: error: empty input: no header row"

echo "tty_stdin: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
