#!/bin/sh
# The ocsf format held to the OCSF schema: every event credaudit writes,
# for the sample report, suppressions, a baseline, several inputs, the
# recorded real-world reports and hostile ones, must pass ocsf_check
# against the committed schema subset (testdata/ocsf/), and the events
# must be the json format's findings, one for one, with the status the
# format's comment gives.  The checker itself must still find every
# defect planted in testdata/ocsf/bad-events.ndjson.
#
# usage: ocsf_schema.sh BINARY OCSF_CHECK TESTDATA
set -u

bin=${1:?usage: ocsf_schema.sh BINARY OCSF_CHECK TESTDATA}
check=${2:?usage: ocsf_schema.sh BINARY OCSF_CHECK TESTDATA}
testdata=${3:?usage: ocsf_schema.sh BINARY OCSF_CHECK TESTDATA}
schema=ocsf/compliance_finding-1.3.0.json

command -v jq >/dev/null 2>&1 || { echo "ocsf_schema: jq is not installed"; exit 2; }
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
cd "$testdata" || exit 2
pass=0 fail=0

bad() {
	echo "FAIL $name: $*"
	fail=$((fail + 1))
}

# run NAME ARGS...: the events pass the checker and match -f json.
run() {
	name=$1
	shift
	"$bin" --as-of 2026-11-23 --fail-on never -f ocsf "$@" \
	    >"$work/$name.ndjson" 2>/dev/null
	"$bin" --as-of 2026-11-23 --fail-on never -f json "$@" \
	    >"$work/$name.json" 2>/dev/null
	if ! "$check" "$schema" "$work/$name.ndjson" >"$work/$name.check"; then
		bad "$(tail -1 "$work/$name.check")"
		head -5 "$work/$name.check"
		return
	fi
	jq -r '.finding_info.uid' "$work/$name.ndjson" >"$work/$name.ids"
	jq -r '(.findings[].id), (.resolved // [] | .[].id)' "$work/$name.json" \
	    >"$work/$name.want"
	if [ ! -s "$work/$name.ids" ] || ! cmp -s "$work/$name.ids" "$work/$name.want"; then
		bad "the events are not the findings of -f json"
		return
	fi
	# status_id: Suppressed for suppressed findings, New for the others,
	# Resolved (with activity Close, compliance Pass) for resolved ones.
	jq -r '"\(.status_id) \(.activity_id) \(.compliance.status_id) \(.unmapped.credaudit.suppressed)"' \
	    "$work/$name.ndjson" >"$work/$name.status"
	jq -r '(.findings[] | if .suppressed then "3 1 3 true" else "1 1 3 false" end),
	    (.resolved // [] | .[] | "4 3 1 null")' "$work/$name.json" \
	    >"$work/$name.wantstatus"
	if ! cmp -s "$work/$name.status" "$work/$name.wantstatus"; then
		bad "status, activity or compliance status differ"
		return
	fi
	pass=$((pass + 1))
}

run sample credential_report.csv
run suppressed -c config-example.json credential_report.csv
run baseline --baseline baseline/last-week.json credential_report.csv
run baseline-no-arn --baseline baseline/last.json credential_report.csv
run several credential_report.csv realworld/c7n-account_credential_report.csv
for f in realworld/*.csv; do
	run "realworld-$(basename "$f" .csv)" "$f"
done
run hostile-html hostile/html-names.csv
run hostile-escape hostile/escape-user.csv
run region --region eu-west-1 credential_report.csv
grep -q '"status_id":3' "$work/suppressed.ndjson" ||
    { name=suppressed; bad "no suppressed event"; }
grep -q '"activity_id":3' "$work/baseline.ndjson" ||
    { name=baseline; bad "no resolved event"; }
grep -q '"region":"eu-west-1"' "$work/region.ndjson" ||
    { name=region; bad "cloud.region missing"; }

# The checker still catches what it must.
name=checker
"$check" "$schema" ocsf/bad-events.ndjson >"$work/bad.out"
status=$?
if [ $status -ne 1 ] || ! cmp -s "$work/bad.out" ocsf/bad-events.expected; then
	bad "ocsf_check no longer reports the planted defects (status $status)"
	diff ocsf/bad-events.expected "$work/bad.out" | head -10
else
	pass=$((pass + 1))
fi
echo "ocsf_schema: $pass passed, $fail failed"
[ $fail -eq 0 ]
