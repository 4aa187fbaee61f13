#!/bin/sh
# credaudit-collect against moto, with IAM permissions enforced: an
# Organization of three accounts (the management account and two it
# created), each with its own users, read by an auditor who may only list
# accounts, assume roles and read credential reports.  Checks that every
# account's report lands in its own file with that account's users, that
# the three files audit together, that an account whose role may not read
# IAM is reported while the others are still written and its previous
# file kept, that explicit account ids and bad ones are handled, and that
# the README's weekly job runs as printed, two weeks in a row.
#
# usage: collect.sh CREDAUDIT SOURCE_DIR
set -eu

credaudit=$1
collect=$2/src/credaudit-collect.sh
readme=$2/README.md
# shellcheck source=tests/moto.sh
. "$(cd "$(dirname "$0")" && pwd)/moto.sh"
moto_need curl jq
moto_start
tmp=$(mktemp -d "${TMPDIR:-/tmp}/credaudit-collect-test.XXXXXX")
# shellcheck disable=SC2016 # expanded at exit
moto_on_exit 'rm -rf "$tmp"'

fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

# Switch moto's permission checks on ("0": from the next request) or off.
moto_auth() {
	curl -fsS -X POST -H 'Content-Type: text/plain' --data-binary "$1" \
	    "$MOTO_URL/moto-api/reset-auth" >/dev/null
}

# Run a command in another account, through its Organizations role, with
# the set-up credentials (only while permissions are off).
as_account() {
	as_creds=$(aws sts assume-role --output text \
	    --role-arn "arn:aws:iam::$1:role/OrganizationAccountAccessRole" \
	    --role-session-name setup \
	    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]')
	shift
	printf '%s\n' "$as_creds" | {
		read -r as_key as_secret as_token
		AWS_ACCESS_KEY_ID=$as_key AWS_SECRET_ACCESS_KEY=$as_secret \
		    AWS_SESSION_TOKEN=$as_token "$@"
	}
}

# The role in each member account may read credential reports, as
# AdministratorAccess would let it.
allow_reports() {
	as_account "$1" aws iam put-role-policy \
	    --role-name OrganizationAccountAccessRole --policy-name reports \
	    --policy-document '{"Version": "2012-10-17", "Statement": [{"Effect":
	    "Allow", "Action": ["iam:GenerateCredentialReport",
	    "iam:GetCredentialReport"], "Resource": "*"}]}'
}

new_account() {
	aws organizations create-account --email "$1@example.com" \
	    --account-name "$1" --output text \
	    --query CreateAccountStatus.AccountId
}

# --- the organisation, with permissions off ---
aws organizations create-organization --feature-set ALL >/dev/null
mgmt=$(aws sts get-caller-identity --query Account --output text)
dev=$(new_account dev)
prod=$(new_account prod)

aws iam create-user --user-name auditor >/dev/null
aws iam put-user-policy --user-name auditor --policy-name audit \
    --policy-document '{"Version": "2012-10-17", "Statement": [{"Effect":
    "Allow", "Action": ["organizations:ListAccounts", "sts:AssumeRole",
    "sts:GetCallerIdentity", "iam:GenerateCredentialReport",
    "iam:GetCredentialReport"], "Resource": "*"}]}'
# shellcheck disable=SC2046 # two words
set -- $(aws iam create-access-key --user-name auditor --output text \
    --query 'AccessKey.[AccessKeyId,SecretAccessKey]')
auditor_key=$1
auditor_secret=$2
# Management: ops signs in without MFA.
aws iam create-user --user-name ops >/dev/null
aws iam create-login-profile --user-name ops --password 'Ops-Passw0rd!' \
    >/dev/null
# dev: a CI user with two keys.
allow_reports "$dev"
as_account "$dev" aws iam create-user --user-name dev-ci >/dev/null
as_account "$dev" aws iam create-access-key --user-name dev-ci >/dev/null
as_account "$dev" aws iam create-access-key --user-name dev-ci >/dev/null
# prod: a console user with a key never used.
allow_reports "$prod"
as_account "$prod" aws iam create-user --user-name prod-web >/dev/null
as_account "$prod" aws iam create-login-profile --user-name prod-web \
    --password 'Web-Passw0rd!' >/dev/null
as_account "$prod" aws iam create-access-key --user-name prod-web >/dev/null

# Everything from here on runs as the auditor.
collect_as_auditor() {
	AWS_ACCESS_KEY_ID=$auditor_key AWS_SECRET_ACCESS_KEY=$auditor_secret \
	    CREDAUDIT_COLLECT_POLL=1 sh "$collect" "$@"
}
moto_auth 0

# --- 1: the whole organisation ---
rc=0
collect_as_auditor -d "$tmp/r1" >"$tmp/out1" 2>"$tmp/err1" || rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/err1" >&2; fail "run 1: exit $rc, not 0"; }
[ ! -s "$tmp/err1" ] || { cat "$tmp/err1" >&2; fail "run 1: diagnostics"; }
printf '%s\n' "$tmp/r1/$mgmt.json" "$tmp/r1/$dev.json" \
    "$tmp/r1/$prod.json" | sort >"$tmp/want"
sort "$tmp/out1" | diff -u "$tmp/want" - || fail "run 1: files listed"
# shellcheck disable=SC2012 # the names are account ids
ls -A "$tmp/r1" | sort >"$tmp/got"
printf '%s\n' "$mgmt.json" "$dev.json" "$prod.json" | sort >"$tmp/want"
diff -u "$tmp/want" "$tmp/got" || fail "run 1: directory contents"

# Each file holds its own account's users and no other's.
for f in "$tmp/r1"/*.json; do
	acct=$(basename "$f" .json)
	"$credaudit" --inventory -f json "$f" |
	    jq -r --arg f "$acct" '.users[] | "\($f) \(.account) \(.user)"'
done | sort >"$tmp/got"
printf '%s\n' "$mgmt $mgmt auditor" "$mgmt $mgmt ops" "$dev $dev dev-ci" \
    "$prod $prod prod-web" | sort >"$tmp/want"
diff -u "$tmp/want" "$tmp/got" || fail "run 1: users per file"

# One audit of the three: every user is a day old or less, so only the
# rules without an age threshold fire.
rc=0
"$credaudit" -f json "$tmp/r1"/*.json >"$tmp/audit.json" || rc=$?
[ "$rc" -eq 1 ] || fail "audit: exit $rc, not 1"
jq -r '.findings[].id' "$tmp/audit.json" | sort >"$tmp/got"
printf '%s\n' "$mgmt:ops:console-without-mfa:password" \
    "$dev:dev-ci:multiple-active-keys:access_keys" \
    "$prod:prod-web:console-without-mfa:password" \
    "$prod:prod-web:initial-access-key:access_key_1" | sort >"$tmp/want"
diff -u "$tmp/want" "$tmp/got" || fail "audit: findings"
[ "$(jq '.inputs | length' "$tmp/audit.json")" -eq 3 ] ||
    fail "audit: not three inputs"

# --- 2: a fourth account whose role may not read IAM ---
moto_auth inf
locked=$(new_account locked)
moto_auth 0
mkdir "$tmp/r2"
echo previous >"$tmp/r2/$locked.json"
rc=0
collect_as_auditor -d "$tmp/r2" >"$tmp/out2" 2>"$tmp/err2" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/err2" >&2; fail "run 2: exit $rc, not 1"; }
grep -q "^credaudit-collect: $locked: .*AccessDenied" "$tmp/err2" ||
    { cat "$tmp/err2" >&2; fail "run 2: no access-denied error for $locked"; }
grep -q "^credaudit-collect: 1 of 4 accounts failed$" "$tmp/err2" ||
    { cat "$tmp/err2" >&2; fail "run 2: no count of failures"; }
if grep -e "$mgmt" -e "$dev" -e "$prod" "$tmp/err2"; then
	fail "run 2: errors for accounts that worked"
fi
[ "$(cat "$tmp/r2/$locked.json")" = previous ] ||
    fail "run 2: the failed account's previous file was replaced"
# shellcheck disable=SC2012 # the names are account ids
ls -A "$tmp/r2" | sort >"$tmp/got"
printf '%s\n' "$mgmt.json" "$dev.json" "$prod.json" "$locked.json" |
    sort >"$tmp/want"
diff -u "$tmp/want" "$tmp/got" || fail "run 2: directory contents"
for a in "$mgmt" "$dev" "$prod"; do
	got=$("$credaudit" --inventory -f json "$tmp/r2/$a.json" |
	    jq -r '.inputs[0].account')
	[ "$got" = "$a" ] || fail "run 2: $a.json is not $a's report"
done

# --- 3: accounts named on the command line; a malformed one ---
rc=0
collect_as_auditor -d "$tmp/r3" "$dev" >"$tmp/out3" 2>"$tmp/err3" || rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/err3" >&2; fail "run 3: exit $rc, not 0"; }
[ "$(ls -A "$tmp/r3")" = "$dev.json" ] || fail "run 3: not only $dev.json"
rc=0
collect_as_auditor -d "$tmp/r4" "$dev" 12345 >/dev/null 2>"$tmp/err4" ||
    rc=$?
[ "$rc" -eq 2 ] || fail "bad account id: exit $rc, not 2"
grep -q 'not a 12-digit account id: 12345' "$tmp/err4" ||
    fail "bad account id: no message"
[ ! -e "$tmp/r4" ] || fail "bad account id: something was fetched"

# --- 4: the README's weekly job, run twice, a week's change between ---
# The script as the README prints it, with its directory moved into the
# test and mail(1) replaced by a file.
mkdir "$tmp/bin" "$tmp/job"
ln -s "$credaudit" "$tmp/bin/credaudit"
# As installed: run by name, whatever its mode in the checkout.
printf '#!/bin/sh\nexec sh %s "$@"\n' "'$collect'" >"$tmp/bin/credaudit-collect"
chmod +x "$tmp/bin/credaudit-collect"
cat >"$tmp/bin/mail" <<EOF
#!/bin/sh
{ printf 'Subject: %s\n' "\$2"; cat; } >"$tmp/mail"
EOF
chmod +x "$tmp/bin/mail"
# shellcheck disable=SC2016 # backquotes of the README's Markdown
sed -n '/^Save this as `\/usr\/local\/bin\/credaudit-weekly`:$/,/^```$/{
	/^```sh$/,/^```$/p
}' "$readme" | sed -e '/^```/d' \
    -e "s|^cd /var/lib/credaudit\$|cd '$tmp/job'|" >"$tmp/weekly"
grep -q "^cd '$tmp/job'\$" "$tmp/weekly" || fail "weekly job not found in README"
weekly() {
	PATH="$tmp/bin:$PATH" AWS_ACCESS_KEY_ID=$auditor_key \
	    AWS_SECRET_ACCESS_KEY=$auditor_secret CREDAUDIT_COLLECT_POLL=1 \
	    sh "$tmp/weekly"
}
rc=0
weekly >"$tmp/w1.out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/w1.out" >&2; fail "weekly 1: exit $rc, not 1"; }
grep -q "^credaudit-collect: $locked: .*AccessDenied" "$tmp/w1.out" ||
    fail "weekly 1: the failed account is not named"
[ -L "$tmp/job/last.json" ] || fail "weekly 1: no last.json"
today=$(date -u +%Y-%m-%d)
for f in "audit-$today.json" "audit-$today.csv" "plan-$today.sh" \
    "reports/$mgmt.json" "reports/$dev.json" "reports/$prod.json"; do
	[ -s "$tmp/job/$f" ] || fail "weekly 1: no $f"
done
grep -q "^Subject: credaudit $today: IAM credential findings$" "$tmp/mail" ||
    fail "weekly 1: no mail"
grep -q '^4 findings in 4 users: ' "$tmp/mail" ||
    { cat "$tmp/mail" >&2; fail "weekly 1: the mail has not the table"; }

# A week later: dev-ci's second key is deactivated, a new console user
# without MFA appears in prod.
moto_auth inf
key2=$(as_account "$dev" aws iam list-access-keys --user-name dev-ci \
    --output text --query 'AccessKeyMetadata[1].AccessKeyId')
as_account "$dev" aws iam update-access-key --user-name dev-ci \
    --access-key-id "$key2" --status Inactive
as_account "$prod" aws iam create-user --user-name prod-new >/dev/null
as_account "$prod" aws iam create-login-profile --user-name prod-new \
    --password 'New-Passw0rd!' >/dev/null
moto_auth 0
rc=0
weekly >"$tmp/w2.out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/w2.out" >&2; fail "weekly 2: exit $rc, not 1"; }
jq -r '.findings[] | select(.status == "new") | .id' \
    "$tmp/job/audit-$today.json" >"$tmp/got"
echo "$prod:prod-new:console-without-mfa:password" >"$tmp/want"
diff -u "$tmp/want" "$tmp/got" || fail "weekly 2: new findings"
jq -r '.resolved[].id' "$tmp/job/audit-$today.json" >"$tmp/got"
echo "$dev:dev-ci:multiple-active-keys:access_keys" >"$tmp/want"
diff -u "$tmp/want" "$tmp/got" || fail "weekly 2: resolved findings"
grep -q '^1 new, 1 resolved since ' "$tmp/mail" ||
    { cat "$tmp/mail" >&2; fail "weekly 2: the mail has no new/resolved"; }

echo "PASS: credaudit-collect"
