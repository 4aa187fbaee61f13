# Review every command before running it.  This plan DELETES inactive access
# keys and dormant users, and a deletion cannot be rolled back.  Before each
# deletion the plan says what it deletes, and the helpers print every item
# (key ids and creation times, certificates, SSH keys, MFA devices, policy
# documents and names, groups) before deleting it: keep the output of the
# run, it is what they can be recreated from.  Nothing of root is deleted.
# Uses the aws CLI's usual environment (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, ...).
# The plan stops at the first command that fails.
set -eu

# require_account ACCOUNT: stop unless the aws CLI's credentials belong to
# ACCOUNT, so no command reaches a user of the same name elsewhere.
require_account() {
	credaudit_account=$(aws sts get-caller-identity --query Account \
	    --output text)
	if [ "$credaudit_account" != "$1" ]; then
		printf 'credaudit: these commands are for account %s, not %s; stopping\n' \
		    "$1" "$credaudit_account" >&2
		exit 1
	fi
}

# utc_second TIME: TIME as YYYY-MM-DDTHH:MM:SS when it is in UTC (Z or
# +00:00, a fraction of a second dropped); nothing for any other offset,
# so such a time matches no time of the report.
utc_second() {
	credaudit_rest=${1#????-??-??T??:??:??}
	case $credaudit_rest in
	Z | +00:00 | .*Z | .*+00:00) printf '%s\n' "${1%"$credaudit_rest"}" ;;
	esac
}

# delete_key USER CREATED: delete the one access key of USER created at
# CREATED (YYYY-MM-DDTHH:MM:SSZ) if it is still inactive; when no key or
# more than one was created then, or the key is active again, skip and
# touch nothing.  The key's id is printed before it is deleted.
delete_key() {
	credaudit_keys=$(aws iam list-access-keys --user-name "$1" \
	    --query 'AccessKeyMetadata[].[AccessKeyId,CreateDate,Status]' \
	    --output text)
	credaudit_id='' credaudit_state='' credaudit_n=0
	while read -r credaudit_kid credaudit_created credaudit_status; do
		if [ -n "$credaudit_kid" ] &&
		    [ "$(utc_second "$credaudit_created")" = "${2%Z}" ]; then
			credaudit_id=$credaudit_kid
			credaudit_state=$credaudit_status
			credaudit_n=$((credaudit_n + 1))
		fi
	done <<EOF
$credaudit_keys
EOF
	if [ "$credaudit_n" -ne 1 ]; then
		printf 'credaudit: %s access keys of %s created at %s; skipped\n' \
		    "$credaudit_n" "$1" "$2" >&2
		return 0
	fi
	if [ "$credaudit_state" != Inactive ]; then
		printf 'credaudit: access key %s of %s is %s; skipped\n' \
		    "$credaudit_id" "$1" "$credaudit_state" >&2
		return 0
	fi
	printf '# deleting access key %s of %s, created %s\n' \
	    "$credaudit_id" "$1" "$2"
	aws iam delete-access-key --user-name "$1" \
	    --access-key-id "$credaudit_id"
	printf 'credaudit: deleted access key %s of %s\n' "$credaudit_id" "$1"
}

# delete_user USER: delete USER after what DeleteUser needs gone first, in
# its order, each looked up now and printed before it is deleted: access
# keys, signing certificates, SSH public keys, service-specific
# credentials, MFA devices (deactivated; virtual ones deleted), inline
# policies (with their documents), attached managed policies, group
# memberships.  A user with a console password or an active access key
# now is in use again: skip it and touch nothing.  The aws commands in
# the loops read nothing: their standard input is not the loop's list.
delete_user() {
	if aws iam get-login-profile --user-name "$1" >/dev/null 2>&1; then
		printf 'credaudit: %s has a console password; skipped\n' \
		    "$1" >&2
		return 0
	fi
	credaudit_keys=$(aws iam list-access-keys --user-name "$1" \
	    --query 'AccessKeyMetadata[].[AccessKeyId,CreateDate,Status]' \
	    --output text)
	while read -r credaudit_kid credaudit_created credaudit_status; do
		if [ "$credaudit_status" = Active ]; then
			printf 'credaudit: %s has an active access key %s; skipped\n' \
			    "$1" "$credaudit_kid" >&2
			return 0
		fi
	done <<EOF
$credaudit_keys
EOF
	printf '# deleting user %s and everything it holds\n' "$1"
	while read -r credaudit_kid credaudit_created credaudit_status; do
		[ -n "$credaudit_kid" ] || continue
		printf '# deleting access key %s of %s, created %s, %s\n' \
		    "$credaudit_kid" "$1" "$credaudit_created" "$credaudit_status"
		aws iam delete-access-key --user-name "$1" \
		    --access-key-id "$credaudit_kid" </dev/null
	done <<EOF
$credaudit_keys
EOF
	credaudit_list=$(aws iam list-signing-certificates --user-name "$1" \
	    --query 'Certificates[].[CertificateId,Status,UploadDate]' \
	    --output text)
	while read -r credaudit_item credaudit_status credaudit_created; do
		[ -n "$credaudit_item" ] || continue
		printf '# deleting signing certificate %s of %s, %s, uploaded %s\n' \
		    "$credaudit_item" "$1" "$credaudit_status" "$credaudit_created"
		aws iam delete-signing-certificate --user-name "$1" \
		    --certificate-id "$credaudit_item" </dev/null
	done <<EOF
$credaudit_list
EOF
	credaudit_list=$(aws iam list-ssh-public-keys --user-name "$1" \
	    --query 'SSHPublicKeys[].[SSHPublicKeyId]' --output text)
	while read -r credaudit_item; do
		[ -n "$credaudit_item" ] || continue
		credaudit_body=$(aws iam get-ssh-public-key --user-name "$1" \
		    --ssh-public-key-id "$credaudit_item" --encoding SSH \
		    --query SSHPublicKey.SSHPublicKeyBody --output text \
		    </dev/null)
		printf '# deleting SSH public key %s of %s: %s\n' \
		    "$credaudit_item" "$1" "$credaudit_body"
		aws iam delete-ssh-public-key --user-name "$1" \
		    --ssh-public-key-id "$credaudit_item" </dev/null
	done <<EOF
$credaudit_list
EOF
	credaudit_list=$(aws iam list-service-specific-credentials \
	    --user-name "$1" --query \
	    'ServiceSpecificCredentials[].[ServiceSpecificCredentialId,ServiceName]' \
	    --output text)
	while read -r credaudit_item credaudit_service; do
		[ -n "$credaudit_item" ] || continue
		printf '# deleting service-specific credential %s of %s for %s\n' \
		    "$credaudit_item" "$1" "$credaudit_service"
		aws iam delete-service-specific-credential --user-name "$1" \
		    --service-specific-credential-id "$credaudit_item" </dev/null
	done <<EOF
$credaudit_list
EOF
	credaudit_list=$(aws iam list-mfa-devices --user-name "$1" \
	    --query 'MFADevices[].[SerialNumber]' --output text)
	while read -r credaudit_item; do
		[ -n "$credaudit_item" ] || continue
		printf '# deactivating MFA device %s of %s\n' "$credaudit_item" "$1"
		aws iam deactivate-mfa-device --user-name "$1" \
		    --serial-number "$credaudit_item" </dev/null
		case $credaudit_item in
		arn:*:mfa/*)
			printf '# deleting virtual MFA device %s\n' "$credaudit_item"
			aws iam delete-virtual-mfa-device \
			    --serial-number "$credaudit_item" </dev/null
			;;
		esac
	done <<EOF
$credaudit_list
EOF
	credaudit_list=$(aws iam list-user-policies --user-name "$1" \
	    --query 'PolicyNames[].[@]' --output text)
	while read -r credaudit_item; do
		[ -n "$credaudit_item" ] || continue
		credaudit_body=$(aws iam get-user-policy --user-name "$1" \
		    --policy-name "$credaudit_item" --query PolicyDocument \
		    --output json </dev/null)
		printf '# deleting inline policy %s of %s, whose document is:\n' \
		    "$credaudit_item" "$1"
		printf '%s\n' "$credaudit_body" | sed 's/^/#     /'
		aws iam delete-user-policy --user-name "$1" \
		    --policy-name "$credaudit_item" </dev/null
	done <<EOF
$credaudit_list
EOF
	credaudit_list=$(aws iam list-attached-user-policies --user-name "$1" \
	    --query 'AttachedPolicies[].[PolicyArn]' --output text)
	while read -r credaudit_item; do
		[ -n "$credaudit_item" ] || continue
		printf '# detaching managed policy %s from %s\n' \
		    "$credaudit_item" "$1"
		aws iam detach-user-policy --user-name "$1" \
		    --policy-arn "$credaudit_item" </dev/null
	done <<EOF
$credaudit_list
EOF
	credaudit_list=$(aws iam list-groups-for-user --user-name "$1" \
	    --query 'Groups[].[GroupName]' --output text)
	while read -r credaudit_item; do
		[ -n "$credaudit_item" ] || continue
		printf '# removing %s from group %s\n' "$1" "$credaudit_item"
		aws iam remove-user-from-group --user-name "$1" \
		    --group-name "$credaudit_item" </dev/null
	done <<EOF
$credaudit_list
EOF
	aws iam delete-user --user-name "$1"
	printf 'credaudit: deleted user %s\n' "$1"
}

