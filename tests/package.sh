#!/bin/sh
# The Debian package: built with cpack from a build tree, its files and
# control fields read back with dpkg-deb, checked by lintian (no error
# allowed), and, as root, installed with dpkg -i, used, and removed with
# dpkg -r.  Without the Debian tools, or not as root for the install, it
# skips (exit 77) -- except under CI=true, where that is a failure.
#
# usage: package.sh BUILD_DIR SOURCE_DIR
set -eu

build=$1
src=$2

skip() {
	if [ "${CI:-}" = true ]; then
		printf 'FAIL: %s (CI=true: not skipping)\n' "$*" >&2
		exit 1
	fi
	printf 'SKIP: %s\n' "$*"
	exit 77
}
fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}
for tool in cpack dpkg-deb dpkg-shlibdeps lintian file; do
	command -v "$tool" >/dev/null 2>&1 || skip "$tool not found"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/credaudit-package.XXXXXX")
installed=
# shellcheck disable=SC2317 # run by the trap
cleanup() {
	[ -z "$installed" ] || dpkg -r credaudit >/dev/null 2>&1 || :
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log" >&2; fail "cpack"; }
set -- "$tmp"/credaudit_*.deb
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
	fail "no single .deb in $tmp"
fi
deb=$1
version=$("$build/credaudit" --version | sed 's/.* //')
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "credaudit_${version}_$arch.deb" ] ||
    fail "package named $(basename "$deb")"

# Exactly these files, owned by root, the programs executable.
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $1, $2, $6 }' |
    sed 's| \./| /|' | sort >"$tmp/got"
sort >"$tmp/want" <<EOF
-rwxr-xr-x root/root /usr/bin/credaudit
-rwxr-xr-x root/root /usr/bin/credaudit-collect
-rw-r--r-- root/root /usr/share/bash-completion/completions/credaudit
-rw-r--r-- root/root /usr/share/bash-completion/completions/credaudit-collect
-rw-r--r-- root/root /usr/share/doc/credaudit/README.md
-rw-r--r-- root/root /usr/share/doc/credaudit/changelog.gz
-rw-r--r-- root/root /usr/share/doc/credaudit/copyright
-rw-r--r-- root/root /usr/share/man/man1/credaudit-collect.1.gz
-rw-r--r-- root/root /usr/share/man/man1/credaudit.1.gz
EOF
diff -u "$tmp/want" "$tmp/got" || fail "package contents"

# Control fields; Depends is dpkg-shlibdeps' reading of the binary.
field() {
	dpkg-deb -f "$deb" "$1"
}
[ "$(field Package)" = credaudit ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture"
depends=$(field Depends)
for lib in 'libc6 (>= ' 'libcjson1 (>= ' 'libcsv3 (>= '; do
	case $depends in
	*"$lib"*) ;;
	*) fail "Depends lacks $lib: $depends" ;;
	esac
done

# The files are the ones in the tree, and they work.
dpkg-deb -x "$deb" "$tmp/root"
cmp "$src/src/credaudit-collect.sh" "$tmp/root/usr/bin/credaudit-collect" ||
    fail "credaudit-collect differs from the source"
cmp "$src/src/credaudit.bash" \
    "$tmp/root/usr/share/bash-completion/completions/credaudit" ||
    fail "completion differs from the source"
gzip -dc "$tmp/root/usr/share/man/man1/credaudit.1.gz" |
    cmp - "$src/man/credaudit.1" || fail "man page differs from the source"
"$tmp/root/usr/bin/credaudit" --version | grep -q "^credaudit $version\$" ||
    fail "the packaged credaudit does not run"
if file "$tmp/root/usr/bin/credaudit" | grep -q 'not stripped'; then
	fail "the packaged binary is not stripped"
fi
grep -q '^License: BSD-2-Clause$' "$tmp/root/usr/share/doc/credaudit/copyright" ||
    fail "copyright has no licence"

# lintian: errors fail the test; everything else is shown.
lintian --info "$deb" >"$tmp/lintian" 2>&1 || :
sed -n '/^[EWIPX]: /p' "$tmp/lintian"
if grep -q '^E: ' "$tmp/lintian"; then
	fail "lintian reports errors"
fi

# Install and remove, for real.
[ "$(id -u)" -eq 0 ] || skip "not root: package built and checked, not installed"
if dpkg-query -W -f='${db:Status-Status}' credaudit 2>/dev/null |
    grep -q '^installed$' && [ "${CI:-}" != true ]; then
	echo "SKIP: a credaudit package is installed already; leaving it alone"
	exit 77
fi
# Another dpkg or apt may hold the lock for a while on a shared machine.
dpkg_locked() {
	n=0
	while :; do
		if "$@" >"$tmp/dpkg.log" 2>&1; then
			return 0
		fi
		if ! grep -q 'lock' "$tmp/dpkg.log" || [ "$n" -ge 60 ]; then
			cat "$tmp/dpkg.log" >&2
			return 1
		fi
		n=$((n + 1))
		sleep 2
	done
}
installed=yes
dpkg_locked dpkg -i "$deb" || fail "dpkg -i"
[ "$(dpkg-query -W -f='${db:Status-Status} ${Version}' credaudit)" = \
    "installed $version" ] || fail "not installed after dpkg -i"
/usr/bin/credaudit --version | grep -q "^credaudit $version\$" ||
    fail "installed credaudit does not run"
rc=0
/usr/bin/credaudit --as-of 2026-11-23 "$src/testdata/credential_report.csv" \
    >/dev/null || rc=$?
[ "$rc" -eq 1 ] || fail "installed credaudit: exit $rc on the sample, not 1"
/usr/bin/credaudit-collect -h | grep -q '^usage: credaudit-collect' ||
    fail "installed credaudit-collect does not run"
[ -f /usr/share/man/man1/credaudit.1.gz ] || fail "no installed man page"
dpkg_locked dpkg -r credaudit || fail "dpkg -r"
installed=
status=$(dpkg-query -W -f='${db:Status-Status}' credaudit 2>/dev/null) ||
    status=not-installed
[ "$status" = not-installed ] || fail "after dpkg -r: $status"
for f in /usr/bin/credaudit /usr/bin/credaudit-collect \
    /usr/share/man/man1/credaudit.1.gz /usr/share/doc/credaudit; do
	[ ! -e "$f" ] || fail "$f left after dpkg -r"
done
echo "PASS: package"
