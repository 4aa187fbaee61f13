#!/bin/sh
# The remediation plans run for real: the aws CLI against a local IAM
# endpoint (moto_server), the credential report generated and fetched
# there, audited by credaudit, and the plans run with sh.
#
#   tests/plan_moto.sh BINARY
#
# Two rounds on the same setup, the server reset in between:
#   1. the default plan (deactivate) deletes nothing: every user, key,
#      group membership, policy, MFA device and SSH key is still there;
#   2. --plan delete deletes the dormant user "dora" with everything it
#      holds, and of "eve" only the inactive key: eve keeps her console
#      password and her active key.
# moto answers 500 to the service-specific-credential calls, so the test
# puts a wrapper aws first on PATH that answers that one call with an
# empty list and hands every other call to the real aws CLI; the plan
# itself is not changed.
#
# The server comes from tests/moto.sh: without moto_server or the aws
# CLI the test says so and is skipped (exit 77), unless CI=true, where
# that is a failure.
set -u

bin=${1:?usage: plan_moto.sh BINARY}
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac

# shellcheck source=tests/moto.sh
. "$(cd "$(dirname "$0")" && pwd)/moto.sh"
moto_start
work=$(mktemp -d) || exit 2
# shellcheck disable=SC2016 # expanded at exit
moto_on_exit 'rm -rf "$work"'

real_aws=$(command -v aws)
mkdir "$work/bin"
cat >"$work/bin/aws" <<EOF
#!/bin/sh
# moto cannot list service-specific credentials: answer with none.
if [ "\${1-} \${2-}" = "iam list-service-specific-credentials" ]; then
	exit 0
fi
exec '$real_aws' "\$@"
EOF
chmod 755 "$work/bin/aws"

PATH=$work/bin:$PATH
export PATH

pass=0 fail=0
check() {
	if [ "$2" = "$3" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL $1: got [$2], expected [$3]"
		fail=$((fail + 1))
	fi
}

# Stop at the first setup call that fails: the checks would mean nothing.
iam() {
	aws iam "$@" || { echo "plan_moto.sh: aws iam $* failed"; exit 1; }
}

ssh-keygen -q -t ed25519 -N '' -C dora -f "$work/dora_ed25519" || exit 2

setup() {
	# dora: dormant, one inactive key, a group, a customer-managed and
	# an inline policy, a virtual MFA device and an SSH key.
	iam create-user --user-name dora >/dev/null
	dora_key=$(iam create-access-key --user-name dora \
	    --query AccessKey.AccessKeyId --output text)
	iam update-access-key --user-name dora --access-key-id "$dora_key" \
	    --status Inactive
	iam create-group --group-name auditors >/dev/null
	iam add-user-to-group --user-name dora --group-name auditors
	policy_arn=$(iam create-policy --policy-name read-reports \
	    --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetCredentialReport","Resource":"*"}]}' \
	    --query Policy.Arn --output text)
	iam attach-user-policy --user-name dora --policy-arn "$policy_arn"
	iam put-user-policy --user-name dora --policy-name inline-s3 \
	    --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}'
	mfa_serial=$(iam create-virtual-mfa-device \
	    --virtual-mfa-device-name dora --outfile "$work/qr.png" \
	    --bootstrap-method QRCodePNG \
	    --query VirtualMFADevice.SerialNumber --output text)
	iam enable-mfa-device --user-name dora --serial-number "$mfa_serial" \
	    --authentication-code1 123456 --authentication-code2 654321
	iam upload-ssh-public-key --user-name dora \
	    --ssh-public-key-body "$(cat "$work/dora_ed25519.pub")" >/dev/null
	# eve: a console password, an active key and an inactive one.
	iam create-user --user-name eve >/dev/null
	iam create-login-profile --user-name eve \
	    --password 'Correct-Horse-1' >/dev/null
	eve_active=$(iam create-access-key --user-name eve \
	    --query AccessKey.AccessKeyId --output text)
	# The report tells keys apart only by their creation second.
	sleep 1
	eve_inactive=$(iam create-access-key --user-name eve \
	    --query AccessKey.AccessKeyId --output text)
	iam update-access-key --user-name eve --access-key-id "$eve_inactive" \
	    --status Inactive
	# The report, generated and fetched as the aws CLI does it.
	until [ "$(iam generate-credential-report --query State \
	    --output text)" = COMPLETE ]; do
		sleep 0.1
	done
	iam get-credential-report --output json >"$work/report.json"
}

# Far enough ahead that every credential made just now is idle for every
# threshold (inactive-access-key's 120 days included).
as_of=$(date -u -d '+400 days' +%Y-%m-%d) || exit 2
account=$(aws sts get-caller-identity --query Account --output text)

plan() {
	"$bin" --as-of "$as_of" -f script "$@" "$work/report.json" \
	    >"$work/plan.sh" 2>"$work/audit.err"
	status=$?
	[ "$status" -le 1 ] || { echo "plan_moto.sh: credaudit $*:"; cat "$work/audit.err"; }
}

users() {
	aws iam list-users --query 'Users[].UserName' --output text |
	    tr '\t' '\n' | sort | tr '\n' ' '
}

keys() {
	aws iam list-access-keys --user-name "$1" \
	    --query 'AccessKeyMetadata[].[AccessKeyId,Status]' --output text |
	    sort | tr '\t\n' ': '
}

# Round 1: the default plan.
setup
plan
check "default plan audited" "$status" 1
check "default plan has no deletion" \
    "$(grep -cE '^(delete_key|delete_user|aws iam delete-(access-key|user))' \
    "$work/plan.sh")" 0
(cd "$work" && sh ./plan.sh >run.out 2>run.err)
check "default plan ran" "$?" 0
check "default: users" "$(users)" "dora eve "
check "default: dora's key" "$(keys dora)" "$dora_key:Inactive "
check "default: eve keeps both keys" \
    "$(keys eve | tr ' ' '\n' | cut -d: -f1 | sort | tr '\n' ' ')" \
    "$(printf '%s\n%s\n' "$eve_active" "$eve_inactive" | sort | tr '\n' ' ')"
check "default: dora's group" "$(aws iam list-groups-for-user \
    --user-name dora --query 'Groups[].GroupName' --output text)" auditors
check "default: dora's MFA" "$(aws iam list-mfa-devices --user-name dora \
    --query 'MFADevices[].SerialNumber' --output text)" "$mfa_serial"
check "default: dora's SSH key" "$(aws iam list-ssh-public-keys \
    --user-name dora --query 'length(SSHPublicKeys)' --output text)" 1
check "default: dora's policies" "$(aws iam list-user-policies \
    --user-name dora --query 'PolicyNames' --output text) $(aws iam \
    list-attached-user-policies --user-name dora \
    --query 'AttachedPolicies[].PolicyName' --output text)" \
    "inline-s3 read-reports"

# Round 2: the same setup, then --plan delete.
curl -fsS -X POST "$AWS_ENDPOINT_URL/moto-api/reset" >/dev/null ||
    { echo "plan_moto.sh: cannot reset moto"; exit 1; }
setup
plan --plan delete
check "delete plan audited" "$status" 1
check "delete plan deletes dora" "$(grep -c "^delete_user 'dora'$" \
    "$work/plan.sh")" 1
check "delete plan keeps eve" "$(grep -c "^delete_user 'eve'" \
    "$work/plan.sh")" 0
(cd "$work" && sh ./plan.sh >run.out 2>run.err)
check "delete plan ran" "$?" 0
check "delete: dora is gone, eve is not" "$(users)" "eve "
check "delete: eve keeps her active key only" "$(keys eve)" \
    "$eve_active:Active "
aws iam get-login-profile --user-name eve >/dev/null 2>&1
check "delete: eve keeps her password" "$?" 0
check "delete: the virtual MFA device is gone" \
    "$(aws iam list-virtual-mfa-devices \
    --query 'length(VirtualMFADevices)' --output text)" 0
check "delete: the managed policy stays" "$(aws iam list-policies \
    --scope Local --query 'Policies[].PolicyName' --output text)" \
    read-reports
check "delete: the group stays, empty" "$(aws iam get-group \
    --group-name auditors --query 'length(Users)' --output text)" 0
# What was deleted is on record in the run's output, before each deletion.
for what in "deleting access key $dora_key of dora" \
    "deleting SSH public key" "deactivating MFA device $mfa_serial" \
    "deleting virtual MFA device $mfa_serial" \
    "deleting inline policy inline-s3 of dora" \
    "detaching managed policy $policy_arn from dora" \
    "removing dora from group auditors" \
    "deleting access key $eve_inactive of eve"; do
	check "recorded: $what" "$(grep -c "^# $what" "$work/run.out")" 1
done
check "record precedes deletion" "$(sed -n '/^credaudit: deleted user dora/q;p' \
    "$work/run.out" | grep -c '^# removing dora from group auditors')" 1
check "inline policy document recorded" \
    "$(grep -c '^#  *"Action": "s3:ListBucket"' "$work/run.out")" 1
check "delete plan: no complaint" "$(cat "$work/run.err")" ""

if [ "$fail" -gt 0 ] || [ -n "${PLAN_MOTO_SHOW:-}" ]; then
	echo "--- plan:"; cat "$work/plan.sh"
	echo "--- run:"; cat "$work/run.out" "$work/run.err"
fi
echo "plan_moto.sh: $pass passed, $fail failed (moto on port $MOTO_PORT," \
    "account $account)"
[ "$fail" -eq 0 ]
