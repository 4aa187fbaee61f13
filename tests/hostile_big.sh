#!/bin/sh
# A report with one 100 MB field, made on the fly and piped in (too big
# to keep in testdata/), once on a single line and once quoted across
# many lines.  The loader must give up on the field once it passes
# REPORT_MAX_FIELD, name the line the row starts on, keep the row before
# it, and exit 2 without reading the rest or growing with it.
#
#   hostile_big.sh BINARY
#
# Set CREDAUDIT_WRAPPER to run the binary under a checker, as e2e.sh does.
set -u

bin=${1:?usage: hostile_big.sh BINARY}
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT

header='user,arn,user_creation_time,password_enabled,password_last_used,'\
'password_last_changed,password_next_rotation,mfa_active,'\
'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,'\
'access_key_1_last_used_region,access_key_1_last_used_service,'\
'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,'\
'access_key_2_last_used_region,access_key_2_last_used_service,'\
'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated'
alice='alice,arn:aws:iam::123456789012:user/alice,2026-11-01T00:00:00+00:00,'\
'false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,'\
'false,N/A,false,N/A'

# The field: 100 MB on one line, or quoted and spread over many lines.
big_field() {
	if [ "$1" = plain ]; then
		head -c 100000000 /dev/zero | tr '\0' a
	else
		printf '"'
		yes aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | head -c 100000000
		printf '"'
	fi
}

report() {
	printf '%s\n%s\n' "$header" "$alice"
	big_field "$1"
	printf ',arn:aws:iam::123456789012:user/big,2026-11-01T00:00:00+00:00\n'
}

# Line 2 (alice) is audited and has no finding; line 3 ends the file.
cat >"$work/expected.err" <<'EOF'
credaudit: <stdin>:3: error: field longer than 65536 bytes
EOF
cat >"$work/expected.out" <<'EOF'
{"credaudit_version":"1.0.0","as_of":"2026-11-23T00:00:00Z","thresholds":{"root-recent-use":90,"unused-password":90,"unused-access-key":90,"access-key-not-rotated":90,"dormant-user":90,"inactive-access-key":120},"findings":[],"inputs":[{"path":"<stdin>","account":"123456789012","generated_time":null,"as_of":"2026-11-23T00:00:00Z","report_age_hours":null,"users":1,"rows_rejected":0,"root":false,"error":"line 3: field longer than 65536 bytes"}],"summary":{"users":1,"findings":0,"suppressed":0,"by_severity":{"critical":0,"high":0,"medium":0,"low":0},"by_rule":{"root-access-key":0,"root-no-mfa":0,"root-recent-use":0,"root-signing-certificate":0,"console-without-mfa":0,"unused-password":0,"unused-access-key":0,"access-key-not-rotated":0,"multiple-active-keys":0,"initial-access-key":0,"dormant-user":0,"inactive-access-key":0},"by_control":{"cis-3.0:1.4":0,"cis-4.0.1:1.4":0,"cis-5.0:1.3":0,"cis-6.0:2.3":0,"cis-7.0:2.4":0,"fsbp:IAM.4":0,"config:iam-root-access-key-check":0,"cis-3.0:1.5":0,"cis-4.0.1:1.5":0,"cis-5.0:1.4":0,"cis-6.0:2.4":0,"cis-7.0:2.5":0,"fsbp:IAM.9":0,"config:root-account-mfa-enabled":0,"cis-3.0:1.7":0,"cis-4.0.1:1.7":0,"cis-5.0:1.6":0,"cis-6.0:2.6":0,"cis-7.0:2.7":0,"cis-3.0:1.10":0,"cis-4.0.1:1.10":0,"cis-5.0:1.9":0,"cis-6.0:2.9":0,"cis-7.0:2.10":0,"fsbp:IAM.5":0,"config:mfa-enabled-for-iam-console-access":0,"cis-3.0:1.12":0,"cis-4.0.1:1.12":0,"cis-5.0:1.11":0,"cis-6.0:2.11":0,"cis-7.0:2.11":0,"fsbp:IAM.8":0,"fsbp:IAM.22":0,"config:iam-user-unused-credentials-check":0,"access-analyzer:UnusedIAMUserPassword":0,"access-analyzer:UnusedIAMUserAccessKey":0,"cis-3.0:1.14":0,"cis-4.0.1:1.14":0,"cis-5.0:1.13":0,"cis-6.0:2.13":0,"cis-7.0:2.12":0,"fsbp:IAM.3":0,"config:access-keys-rotated":0,"cis-3.0:1.13":0,"cis-4.0.1:1.13":0,"cis-5.0:1.12":0,"cis-6.0:2.12":0,"cis-3.0:1.11":0,"cis-4.0.1:1.11":0,"cis-5.0:1.10":0,"cis-6.0:2.10":0}}}
EOF

fail=0
for shape in plain quoted; do
	report $shape 2>/dev/null | NO_COLOR=1 LC_ALL=C ${CREDAUDIT_WRAPPER:-} \
	    "$bin" --as-of 2026-11-23 -f json - >"$work/out" 2>"$work/err"
	status=$?
	if [ "$status" -ne 2 ]; then
		echo "hostile_big: $shape: exit status $status, expected 2"
		fail=1
	fi
	if ! cmp -s "$work/err" "$work/expected.err"; then
		echo "hostile_big: $shape: standard error differs"
		diff -u "$work/expected.err" "$work/err" | head -20
		fail=1
	fi
	if ! cmp -s "$work/out" "$work/expected.out"; then
		echo "hostile_big: $shape: standard output differs"
		diff -u "$work/expected.out" "$work/out" | head -20
		fail=1
	fi
done
[ $fail -eq 0 ] && echo "hostile_big: passed"
exit $fail
