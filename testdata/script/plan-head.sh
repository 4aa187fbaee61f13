# Review every command before running it.  No access key is deleted: keys are
# deactivated and console passwords removed; each action is followed by its rollback.
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

# deactivate_key USER CREATED: make inactive the one access key of USER
# created at CREATED (YYYY-MM-DDTHH:MM:SSZ); when no key or more than one
# was created then, skip and touch nothing.
deactivate_key() {
	credaudit_keys=$(aws iam list-access-keys --user-name "$1" \
	    --query 'AccessKeyMetadata[].[AccessKeyId,CreateDate]' \
	    --output text)
	credaudit_id='' credaudit_n=0
	while read -r credaudit_kid credaudit_created; do
		if [ -n "$credaudit_kid" ] &&
		    [ "$(utc_second "$credaudit_created")" = "${2%Z}" ]; then
			credaudit_id=$credaudit_kid
			credaudit_n=$((credaudit_n + 1))
		fi
	done <<EOF
$credaudit_keys
EOF
	if [ "$credaudit_n" -eq 0 ]; then
		printf 'credaudit: no access key of %s created at %s; skipped\n' \
		    "$1" "$2" >&2
		return 0
	fi
	if [ "$credaudit_n" -gt 1 ]; then
		printf 'credaudit: %s access keys of %s created at %s; skipped\n' \
		    "$credaudit_n" "$1" "$2" >&2
		return 0
	fi
	aws iam update-access-key --user-name "$1" \
	    --access-key-id "$credaudit_id" --status Inactive
	printf 'credaudit: deactivated access key %s of %s\n' "$credaudit_id" "$1"
}

