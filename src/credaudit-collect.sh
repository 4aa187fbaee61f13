#!/bin/sh
# credaudit-collect: fetch the IAM credential report of every account of
# an AWS Organization, one file per account, for credaudit to audit
# together.
#
# Without ACCOUNT arguments it asks AWS Organizations for the active
# accounts.  In each it assumes ROLE (OrganizationAccountAccessRole by
# default: the role Organizations creates in the accounts it makes),
# generates the credential report, waits until it is complete, and writes
# what `aws iam get-credential-report` prints to DIR/ACCOUNT.json.  The
# account the caller is signed in to (normally the management account) is
# fetched with the caller's own credentials, because a role is not meant
# to be assumed back into one's own account.
#
# Each file is written under a temporary name and renamed into place, so
# a failed fetch leaves last week's file as it was.  One account failing
# (access denied, throttled past the aws CLI's retries) is reported and
# the others go on; the exit status says whether any failed.  Credentials
# travel in the environment of a subshell, never on a command line.
set -u

prog=credaudit-collect
usage="usage: $prog [-d dir] [-r role] [account ...]"

# Throttling is retried by the aws CLI itself; give it more room than its
# default, unless the user chose otherwise.
: "${AWS_RETRY_MODE:=standard}" "${AWS_MAX_ATTEMPTS:=10}"
export AWS_RETRY_MODE AWS_MAX_ATTEMPTS
# How long to wait for a report, and how often to ask, in seconds.
wait_max=${CREDAUDIT_COLLECT_WAIT:-300}
poll=${CREDAUDIT_COLLECT_POLL:-2}

help() {
	cat <<EOF
$usage

Fetch the IAM credential report of each account of an AWS Organization
into DIR/ACCOUNT.json, ready for: credaudit DIR/*.json

  -d dir    where to write the reports (default: the current directory)
  -r role   role to assume in each account
            (default: OrganizationAccountAccessRole)
  account   12-digit account ids (default: every active account)

Exit status: 0 every report fetched, 1 some account failed, 2 nothing
could be fetched (usage error, no credentials, no organization).
See credaudit-collect(1).
EOF
}

warn() {
	printf '%s: %s\n' "$prog" "$*" >&2
}

# The aws CLI's error, without its blank lines, after "ACCOUNT: ".
report_error() {
	sed -e '/^[[:space:]]*$/d' -e "s/^/$prog: $1: /" "$2" >&2
}

dir=.
role=OrganizationAccountAccessRole
while getopts d:r:h opt; do
	case $opt in
	d) dir=$OPTARG ;;
	r) role=$OPTARG ;;
	h) help; exit 0 ;;
	*) printf '%s\n' "$usage" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))

for account in "$@"; do
	case $account in
	[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]) ;;
	*) warn "not a 12-digit account id: $account"; exit 2 ;;
	esac
done
if [ -z "$role" ]; then
	warn "-r: empty role name"
	exit 2
fi
if ! command -v aws >/dev/null 2>&1; then
	warn "the aws CLI is not installed"
	exit 2
fi
if ! mkdir -p -- "$dir"; then
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/$prog.XXXXXX") || exit 2
# A report being written when a signal comes is removed, not left behind.
trap 'rm -rf "$tmp"; rm -f "$dir"/.*.json."$$"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# Who we are: the account and partition of the caller.
if ! caller=$(aws sts get-caller-identity --query Arn --output text \
    2>"$tmp/err"); then
	report_error caller "$tmp/err"
	exit 2
fi
self=$(printf '%s\n' "$caller" | cut -d: -f5)
partition=$(printf '%s\n' "$caller" | cut -d: -f2)

if [ $# -eq 0 ]; then
	# The CLI follows NextToken itself and applies --query to all pages.
	# Status is the older name of State; accept either.
	if ! accounts=$(aws organizations list-accounts --output text \
	    --query "Accounts[?State=='ACTIVE' || Status=='ACTIVE'].Id" \
	    2>"$tmp/err"); then
		report_error organizations "$tmp/err"
		exit 2
	fi
	# shellcheck disable=SC2086 # one id per word
	set -- $accounts
	if [ $# -eq 0 ]; then
		warn "the organization lists no active account"
		exit 2
	fi
fi

# Use ROLE in account $1 for the aws commands of the rest of this
# (sub)shell.  Returns non-zero with the error in $tmp/err.
assume() {
	creds=$(aws sts assume-role --output text \
	    --role-arn "arn:$partition:iam::$1:role/$role" \
	    --role-session-name "$prog" \
	    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' \
	    2>"$tmp/err") || return 1
	set -f
	# shellcheck disable=SC2086 # three words, none a pattern
	set -- $creds
	if [ $# -ne 3 ]; then
		echo "assume-role returned no credentials" >"$tmp/err"
		return 1
	fi
	AWS_ACCESS_KEY_ID=$1 AWS_SECRET_ACCESS_KEY=$2 AWS_SESSION_TOKEN=$3
	export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
}

# Ask for a report until AWS says it is complete.
generate() {
	waited=0
	while :; do
		state=$(aws iam generate-credential-report --query State \
		    --output text 2>"$tmp/err") || return 1
		[ "$state" = COMPLETE ] && return 0
		if [ "$waited" -ge "$wait_max" ]; then
			echo "report not ready after $waited seconds" \
			    >"$tmp/err"
			return 1
		fi
		sleep "$poll"
		waited=$((waited + poll))
	done
}

# One account, in a subshell so that its credentials end with it.
fetch() (
	account=$1
	out="$dir/$account.json"
	part="$dir/.$account.json.$$"
	if [ "$account" != "$self" ]; then
		assume "$account" || return 1
	fi
	generate || return 1
	aws iam get-credential-report --output json >"$part" \
	    2>"$tmp/err" || return 1
	# A report without its Content is no report: keep the old file.
	if ! grep -q '"Content"' "$part"; then
		echo "the answer holds no report" >"$tmp/err"
		return 1
	fi
	mv -f -- "$part" "$out" 2>"$tmp/err" || return 1
	printf '%s\n' "$out"
)

failed=0
for account in "$@"; do
	if ! fetch "$account"; then
		report_error "$account" "$tmp/err"
		rm -f "$dir/.$account.json.$$"
		failed=$((failed + 1))
	fi
done
if [ "$failed" -gt 0 ]; then
	warn "$failed of $# accounts failed"
	exit 1
fi
exit 0
