#!/bin/sh
# Every shell script of the project through shellcheck: the POSIX sh ones
# (src/*.sh, tests/*.sh, .ci/run) as sh, the bash completion as bash.
# Without shellcheck it skips (exit 77), or fails under CI=true.
#
# usage: shellcheck.sh SOURCE_DIR
set -eu

cd "$1"
if ! command -v shellcheck >/dev/null 2>&1; then
	if [ "${CI:-}" = true ]; then
		echo "FAIL: shellcheck not found (CI=true: not skipping)" >&2
		exit 1
	fi
	echo "SKIP: shellcheck not found"
	exit 77
fi
shellcheck -x -s sh src/*.sh tests/*.sh .ci/run
shellcheck -s bash src/credaudit.bash
echo "PASS: shellcheck"
