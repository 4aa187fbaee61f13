#!/bin/sh
# The asff format imported into Security Hub by the real aws command line
# against moto: two accounts, one moto server each (MOTO_ACCOUNT_ID), the
# README's batch recipe run as written (batches of at most 100 findings of
# one account, each imported with that account's profile), FailedCount 0
# for every batch, and every Id read back with get-findings.  Then a run
# with a baseline archives the findings that went away.
#
# usage: asff_securityhub.sh BINARY TOPDIR
# The servers come from tests/moto.sh: without aws, moto_server or jq
# the test says so and is skipped (exit 77); with CI=true a missing tool
# is a failure.  The servers listen on free ports found at run time and
# are stopped however the test ends.
set -u

bin=${1:?usage: asff_securityhub.sh BINARY TOPDIR}
top=${2:?usage: asff_securityhub.sh BINARY TOPDIR}
ACCT_A=111111111111
ACCT_B=222222222222

# shellcheck source=tests/moto.sh
. "$(cd "$(dirname "$0")" && pwd)/moto.sh"
moto_need jq
moto_start MOTO_ACCOUNT_ID=$ACCT_A
url_a=$MOTO_URL
moto_start MOTO_ACCOUNT_ID=$ACCT_B
url_b=$MOTO_URL
work=$(mktemp -d) || exit 2
# shellcheck disable=SC2016 # expanded at exit
moto_on_exit 'rm -rf "$work"'

fail=0
bad() {
	echo "FAIL: $*"
	fail=$((fail + 1))
}

# A report of $2 users in account $1: each has a console password
# without MFA and an active key unused since 2026-01-01, so three
# findings a user (console-without-mfa, unused-access-key,
# access-key-not-rotated); plus root, without MFA and used 22 days
# before the as-of time (root-no-mfa, root-recent-use).
make_report() {
	{
		head -n 1 "$top/testdata/credential_report.csv"
		echo "<root_account>,arn:aws:iam::$1:root,2015-01-01T00:00:00+00:00,not_supported,2026-11-01T00:00:00+00:00,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A"
		i=1
		while [ "$i" -le "$2" ]; do
			echo "user$i,arn:aws:iam::$1:user/team/user$i,2025-01-01T00:00:00+00:00,true,2026-11-20T00:00:00+00:00,2025-01-01T00:00:00+00:00,N/A,false,true,2025-06-01T00:00:00+00:00,2026-01-01T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A"
			i=$((i + 1))
		done
	} >"$3"
}

# One profile per account, as the README's recipe expects: each reaches
# its account's server through the profile, not AWS_ENDPOINT_URL.
export AWS_REGION=us-east-1
unset AWS_ENDPOINT_URL
export AWS_CONFIG_FILE="$work/aws-config"
export AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
cat >"$AWS_CONFIG_FILE" <<EOF
[profile $ACCT_A]
region = us-east-1
endpoint_url = $url_a
[profile $ACCT_B]
region = us-east-1
endpoint_url = $url_b
EOF
cat >"$AWS_SHARED_CREDENTIALS_FILE" <<EOF
[$ACCT_A]
aws_access_key_id = testing
aws_secret_access_key = testing
[$ACCT_B]
aws_access_key_id = testing
aws_secret_access_key = testing
EOF
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY

# 70 users in A: 212 findings (root has two), three batches (100, 100,
# 12); 10 users in B: 32.
make_report $ACCT_A 70 "$work/a.csv"
make_report $ACCT_B 10 "$work/b.csv"
"$bin" -f json --as-of 2026-11-21 --fail-on never -o "$work/last.json" \
    "$work/a.csv" "$work/b.csv" || bad "credaudit -f json failed"
"$bin" -f asff --region us-east-1 --as-of 2026-11-23 --fail-on never \
    -o "$work/findings.asff.json" "$work/a.csv" "$work/b.csv" ||
    bad "credaudit -f asff failed"
[ "$(jq length "$work/findings.asff.json")" = 244 ] ||
    bad "expected 244 findings, got $(jq length "$work/findings.asff.json")"

# The recipe: the README's sh block that imports the batches.
awk '
/^```sh/ { block = 1; text = ""; next }
/^```/ && block { block = 0; if (text ~ /batch-import-findings/) printf "%s", text; next }
block { text = text $0 "\n" }
' "$top/README.md" >"$work/recipe.sh"
grep -q 'batch-import-findings' "$work/recipe.sh" ||
    { echo "FAIL: no batch recipe in README.md"; exit 1; }

# Check every batch the recipe makes before it is sent.
(cd "$work" && jq -c 'group_by(.AwsAccountId)[] | . as $f
    | range(0; length; 100) | $f[.:. + 100]' findings.asff.json) \
    >"$work/batches"
[ "$(wc -l <"$work/batches")" -eq 4 ] ||
    bad "expected 4 batches, got $(wc -l <"$work/batches")"
while IFS= read -r batch; do
	n=$(printf '%s\n' "$batch" | jq length)
	accounts=$(printf '%s\n' "$batch" | jq '[.[].AwsAccountId] | unique | length')
	if [ "$n" -lt 1 ] || [ "$n" -gt 100 ]; then
		bad "a batch of $n findings"
	fi
	[ "$accounts" = 1 ] || bad "a batch spans $accounts accounts"
done <"$work/batches"

run_recipe() {
	(cd "$work" && sh recipe.sh) >"$work/failed" 2>"$work/recipe.err" ||
	    bad "the recipe failed: $(cat "$work/recipe.err")"
	[ "$(grep -c . "$work/failed")" -eq 4 ] ||
	    bad "expected 4 imports, got: $(cat "$work/failed")"
	if grep -qv '^0$' "$work/failed"; then
		bad "FailedCount not 0: $(tr '\n' ' ' <"$work/failed")"
	fi
}

# ids ACCOUNT FILE: the Ids Security Hub holds for ACCOUNT, sorted.
ids() {
	AWS_PROFILE=$1 aws securityhub get-findings --output json \
	    --query 'Findings[].[Id, RecordState]' |
	    jq -r '.[] | "\(.[0]) \(.[1])"' | sort >"$2"
}

run_recipe
for acct in $ACCT_A $ACCT_B; do
	jq -r --arg a "$acct" '.[] | select(.AwsAccountId == $a)
	    | "\(.Id) ACTIVE"' "$work/findings.asff.json" | sort >"$work/want-$acct"
	ids "$acct" "$work/got-$acct"
	if ! cmp -s "$work/want-$acct" "$work/got-$acct"; then
		bad "account $acct: get-findings differs from what was imported"
		diff "$work/want-$acct" "$work/got-$acct" | head -10
	fi
done
[ "$(wc -l <"$work/got-$ACCT_A")" -eq 212 ] ||
    bad "account $ACCT_A holds $(wc -l <"$work/got-$ACCT_A") findings, not 212"
# What Security Hub stored is what was sent, field by field, for one.
want=$(jq -S '.[] | select(.Id == "'$ACCT_A':user7:unused-access-key:access_key_1")
    | {Types, Title, Severity, Resources, Compliance, GeneratorId}' \
    "$work/findings.asff.json")
got=$(AWS_PROFILE=$ACCT_A aws securityhub get-findings --output json |
    jq -S '.Findings[] | select(.Id == "'$ACCT_A':user7:unused-access-key:access_key_1")
    | {Types, Title, Severity, Resources, Compliance, GeneratorId}')
if [ -z "$want" ] || [ "$want" != "$got" ]; then
	bad "the stored finding differs from the one sent"
fi

# A week later user1..user5 of A are gone: their 15 findings are
# resolved against last week's JSON and archived on import.
grep -v '^user[1-5],' "$work/a.csv" >"$work/a2.csv"
"$bin" -f asff --region us-east-1 --as-of 2026-11-23 --fail-on never \
    --baseline "$work/last.json" -o "$work/findings.asff.json" \
    "$work/a2.csv" "$work/b.csv" || bad "credaudit -f asff --baseline failed"
run_recipe
ids $ACCT_A "$work/got-$ACCT_A"
archived=$(grep -c ' ARCHIVED$' "$work/got-$ACCT_A")
[ "$archived" -eq 15 ] || bad "$archived findings archived, expected 15"
grep ' ARCHIVED$' "$work/got-$ACCT_A" | grep -qv ':user[1-5]:' &&
    bad "a finding of a user still there was archived"
[ "$(grep -c ' ACTIVE$' "$work/got-$ACCT_A")" -eq 197 ] ||
    bad "expected 197 active findings in $ACCT_A"

if [ $fail -eq 0 ]; then
	echo "asff_securityhub: 1 passed, 0 failed"
	exit 0
fi
echo "asff_securityhub: 0 passed, 1 failed"
exit 1
