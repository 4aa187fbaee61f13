# Shared by the tests that talk to AWS: source it, then call moto_start.
#
# moto_start runs a private moto_server on a free port, waits until it
# listens, points the aws CLI at it with dummy credentials (and away from
# the user's own ~/.aws), and arranges for the server to be stopped when
# the test exits, however it exits.  Several people may run tests on one
# machine, so the port is picked at random and a port that turns out to
# be taken is simply tried again with another.
#
# moto and the aws CLI do not come from Debian, so a machine may lack
# them: the test then prints why and exits 77, which CTest reports as
# skipped.  Under CI (CI=true) a missing tool is a failure instead, so a
# broken CI machine cannot pass by skipping.
#
#	. "$(dirname "$0")/moto.sh"
#	moto_need curl            # optional: further tools the test needs
#	moto_start
#	moto_on_exit 'rm -rf "$tmp"'
#	aws iam create-user --user-name alice
#
# After moto_start: MOTO_URL (http://127.0.0.1:PORT), MOTO_PORT, and
# AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
# AWS_DEFAULT_REGION exported.  moto_stop may be called early; it is safe
# to call twice.
#
# moto_start NAME=VALUE... puts those variables in the server's own
# environment only, e.g. MOTO_ACCOUNT_ID=111111111111 for a server that
# plays that account.  Each call starts one more server: MOTO_URL,
# MOTO_PORT and AWS_ENDPOINT_URL then name the newest, so a test that
# wants two keeps the first one's MOTO_URL before starting the second.
# moto_stop stops them all.
# shellcheck shell=sh

MOTO_PID=
MOTO_PIDS=
MOTO_DIR=
MOTO_CLEANUP=
moto_count=0

# Skip (exit 77), or fail under CI, with a reason.
moto_skip() {
	if [ "${CI:-}" = true ]; then
		printf 'FAIL: %s (CI=true: not skipping)\n' "$*" >&2
		exit 1
	fi
	printf 'SKIP: %s\n' "$*"
	exit 77
}

# Each argument is a command the test cannot run without.
moto_need() {
	for moto_tool in "$@"; do
		command -v "$moto_tool" >/dev/null 2>&1 ||
		    moto_skip "$moto_tool not found"
	done
}

# Run a shell command at exit, after the server has been stopped.
moto_on_exit() {
	MOTO_CLEANUP="${MOTO_CLEANUP}${MOTO_CLEANUP:+; }$1"
}

moto_stop() {
	for moto_pid in $MOTO_PIDS; do
		kill "$moto_pid" 2>/dev/null || :
		wait "$moto_pid" 2>/dev/null || :
	done
	MOTO_PIDS=
	MOTO_PID=
	if [ -n "$MOTO_DIR" ]; then
		rm -rf "$MOTO_DIR"
		MOTO_DIR=
	fi
}

moto_exit() {
	moto_stop
	eval "$MOTO_CLEANUP"
}

# A port outside Linux's default ephemeral range (32768-60999), so it is
# not likely to be some client's own end of a connection.
moto_random_port() {
	echo $((20000 + $(od -An -N2 -tu2 /dev/urandom) % 12000))
}

# Start a server on one port, with the NAME=VALUE arguments in its
# environment.  Returns 0 once it listens, 1 when the port was taken (the
# server exited), 2 when it did not come up at all.
moto_try_port() {
	moto_before=$MOTO_PIDS
	env "$@" moto_server -p "$MOTO_PORT" >"$MOTO_LOG" 2>&1 &
	MOTO_PID=$!
	MOTO_PIDS="$MOTO_PIDS $MOTO_PID"
	moto_i=0
	# moto takes a few seconds to import; give it a minute on a busy box.
	while [ "$moto_i" -lt 600 ]; do
		if grep -q "Running on http://127.0.0.1:$MOTO_PORT" \
		    "$MOTO_LOG" 2>/dev/null; then
			return 0
		fi
		if ! kill -0 "$MOTO_PID" 2>/dev/null; then
			wait "$MOTO_PID" 2>/dev/null || :
			MOTO_PIDS=$moto_before
			MOTO_PID=
			grep -q 'in use' "$MOTO_LOG" && return 1
			return 2
		fi
		sleep 0.1
		moto_i=$((moto_i + 1))
	done
	return 2
}

# shellcheck disable=SC2120 # the arguments are optional
moto_start() {
	moto_need moto_server aws
	trap moto_exit EXIT
	# A signal ends the test through exit, so the EXIT trap still runs.
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 143' TERM
	[ -n "$MOTO_DIR" ] ||
	    MOTO_DIR=$(mktemp -d "${TMPDIR:-/tmp}/credaudit-moto.XXXXXX")
	moto_count=$((moto_count + 1))
	MOTO_LOG=$MOTO_DIR/server$moto_count.log
	moto_tries=0
	while :; do
		MOTO_PORT=$(moto_random_port)
		moto_rc=0
		moto_try_port "$@" || moto_rc=$?
		[ "$moto_rc" -eq 0 ] && break
		moto_tries=$((moto_tries + 1))
		if [ "$moto_rc" -eq 2 ] || [ "$moto_tries" -ge 10 ]; then
			cat "$MOTO_LOG" >&2
			moto_stop
			printf 'FAIL: moto_server did not start\n' >&2
			exit 1
		fi
	done
	MOTO_URL="http://127.0.0.1:$MOTO_PORT"
	export MOTO_URL MOTO_PORT
	export AWS_ENDPOINT_URL="$MOTO_URL"
	export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
	export AWS_DEFAULT_REGION=us-east-1
	# Nothing from the user's own AWS set-up may reach the test.
	unset AWS_SESSION_TOKEN AWS_PROFILE AWS_DEFAULT_PROFILE AWS_REGION
	export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
	export AWS_PAGER=
}
