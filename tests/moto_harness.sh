#!/bin/sh
# The moto harness (tests/moto.sh) that the AWS tests share: without
# moto_server it skips (exit 77), or fails under CI=true; with it, the
# aws CLI reaches a private server, a second one started with its own
# environment plays another account, and the servers are gone once the
# test has ended, whether it exited or was killed.
set -eu

harness="$(cd "$(dirname "$0")" && pwd)/moto.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/credaudit-moto-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

# No moto_server on PATH: skip, or fail under CI.
rc=0
env CI= PATH=/nonexistent /bin/sh -c ". '$harness'; moto_start" \
    >"$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 77 ] || fail "no moto: exit $rc, not 77"
grep -q '^SKIP: moto_server not found$' "$tmp/out" || fail "no moto: message"
rc=0
env CI=true PATH=/nonexistent /bin/sh -c ". '$harness'; moto_start" \
    >"$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "no moto, CI=true: exit $rc, not 1"
grep -q '^FAIL: moto_server not found' "$tmp/out" ||
    fail "no moto, CI=true: message"

# From here on the real thing is needed.
# shellcheck source=tests/moto.sh
. "$harness"
moto_need moto_server aws

# A test that starts moto and ends normally, then one that is killed.
# Each starts a second server too, with an account of its own in its
# environment; the aws CLI is then pointed at the second.
cat >"$tmp/child.sh" <<EOF
. '$harness'
moto_start
echo "\$MOTO_PID" >'$tmp/pid'
first=\$MOTO_URL
moto_start MOTO_ACCOUNT_ID=210987654321
echo "\$MOTO_PID" >>'$tmp/pid'
aws --endpoint-url "\$first" sts get-caller-identity --query Account \
    --output text >'$tmp/account'
aws sts get-caller-identity --query Account --output text >>'$tmp/account'
printf '%s\n' "\$AWS_ENDPOINT_URL" >'$tmp/url'
[ "\$1" = kill ] && kill -TERM \$\$
exit 0
EOF
for how in exit kill; do
	rm -f "$tmp/pid" "$tmp/account"
	rc=0
	sh "$tmp/child.sh" "$how" >"$tmp/out" 2>&1 || rc=$?
	if [ "$how" = exit ]; then
		[ "$rc" -eq 0 ] || { cat "$tmp/out" >&2; fail "exit $rc, not 0"; }
	else
		[ "$rc" -eq 143 ] || fail "killed: exit $rc, not 143"
	fi
	[ "$(cat "$tmp/account")" = "123456789012
210987654321" ] || fail "$how: the aws CLI did not reach both servers"
	grep -q '^http://127\.0\.0\.1:[0-9][0-9]*$' "$tmp/url" ||
	    fail "$how: AWS_ENDPOINT_URL not set"
	[ "$(wc -l <"$tmp/pid")" -eq 2 ] || fail "$how: not two servers"
	while read -r pid; do
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid"
			fail "$how: moto_server $pid still running"
		fi
	done <"$tmp/pid"
done
echo "PASS: moto harness"
