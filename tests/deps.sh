#!/bin/sh
# The Debian packages the whole test suite needs, installed when this
# runs as root and some are missing; as another user it only names the
# missing ones.  tests/check.sh runs it first, so one command sets up a
# bare machine and tests.
#
# Generic names only (clang, libclang-rt-dev), never one of a Debian
# release (clang-14), so the list holds on the next release too.  moto and
# the aws CLI are not here: they do not come from Debian (see
# tests/moto.sh).
set -eu

# Building: the compiler, cmake and the three libraries.
build="ca-certificates gcc libc6-dev make cmake libcsv-dev libcjson-dev
libcmocka-dev"
# Testing: clang with its sanitizer and libFuzzer runtimes, valgrind, the
# man page linter, jq for the recipes, shellcheck for the scripts, tidy
# and chromium (with a font for its screenshots) for the html format,
# curl for moto, dpkg-dev, lintian and file for the package, and bash for
# the completion.
test="clang libclang-rt-dev valgrind mandoc jq shellcheck tidy chromium
fonts-dejavu-core curl dpkg-dev lintian file bash"

missing=
for p in $build $test; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) ||
	    status=
	[ "$status" = installed ] || missing="$missing $p"
done
[ -n "$missing" ] || exit 0

if [ "$(id -u)" -ne 0 ]; then
	printf 'tests/deps.sh: not root, so not installing:%s\n' "$missing" >&2
	printf 'tests/deps.sh: as root: apt-get install%s\n' "$missing" >&2
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086 # one package per word
apt-get install -y -q --no-install-recommends $missing
