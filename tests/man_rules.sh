#!/bin/sh
# Check the RULES section of the man page against the rule table of the
# binary, so that neither can change without the other.
#
#   tests/man_rules.sh BINARY MANPAGE [REPORT]
#
# `BINARY --help` lists every rule of rules_table as "id severity days
# summary" (days "-" when the rule has no threshold).  In MANPAGE's RULES
# section each rule is one line
#
#	.It Cm ID Pq SEVERITY
#	.It Cm ID Pq SEVERITY, N days
#
# and the two lists must be the same rules, in the same order, with the
# same severities and default thresholds; a malformed ".It Cm" line in
# RULES fails too.
#
# With REPORT (a credential report on which every rule fires, such as
# testdata/credential_report.csv), the "Controls:" sentence under each
# rule must also list exactly the controls that the rule's findings carry
# in `BINARY -f json REPORT`, in the same order ("Controls: none." when
# there are none).  This part needs jq.
set -u

usage="usage: man_rules.sh BINARY MANPAGE [REPORT]"
bin=${1:?$usage}
man=${2:?$usage}
report=${3:-}

work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT

if ! "$bin" --help >"$work/help"; then
	echo "man_rules.sh: $bin --help failed" >&2
	exit 2
fi
[ -r "$man" ] || { echo "man_rules.sh: $man: cannot read" >&2; exit 2; }

# "id severity days" per rule, from the help text's rule list.
awk '
/^Rules / { inlist = 1; next }
inlist && NF == 0 { exit }
inlist { print $1, $2, $3 }
' "$work/help" >"$work/help.rules"

# The same from the man page, plus "id controls" per rule in man.controls.
awk -v controls="$work/man.controls" '
function flush() {
	if (id != "") {
		sub(/^Controls: */, "", ctl)
		sub(/\. *$/, "", ctl)
		print id, ctl > controls
	}
	id = ""
	ctl = ""
	inctl = 0
}
/^\.Sh / {
	if (insec)
		flush()
	insec = $0 == ".Sh RULES"
	next
}
!insec { next }
/^\.It Cm / {
	flush()
	if ($0 ~ /^\.It Cm [a-z0-9-]+ Pq [a-z]+$/)
		print $3, $5, "-"
	else if ($0 ~ /^\.It Cm [a-z0-9-]+ Pq [a-z]+, [0-9]+ days$/) {
		sev = $5
		sub(/,$/, "", sev)
		print $3, sev, $6
	} else {
		print "malformed: " $0
		next
	}
	id = $3
	next
}
/^\.(It|El)/ { flush(); next }
id != "" && /^Controls:/ { inctl = 1; ctl = $0; next }
inctl && /^\./ { inctl = 0; next }
inctl { ctl = ctl " " $0 }
END { flush() }
' "$man" >"$work/man.rules"

status=0
if [ ! -s "$work/help.rules" ]; then
	echo "man_rules.sh: no rule list in $bin --help"
	exit 1
fi
if ! cmp -s "$work/help.rules" "$work/man.rules"; then
	echo "man_rules.sh: RULES in $man differs from $bin --help" \
	    "(- help, + man page):"
	diff -u "$work/help.rules" "$work/man.rules"
	status=1
fi

if [ -n "$report" ]; then
	command -v jq >/dev/null 2>&1 ||
	    { echo "man_rules.sh: jq is not installed" >&2; exit 2; }
	"$bin" --as-of 2026-11-23 -f json "$report" >"$work/json" 2>"$work/err"
	if [ $? -gt 1 ]; then
		echo "man_rules.sh: $bin -f json $report failed:"
		cat "$work/err"
		exit 1
	fi
	while read -r id _; do
		got=$(jq -r --arg id "$id" '[.findings[] | select(.rule == $id)]
		    | if length == 0 then "NOT FIRED"
		      elif (.[0].controls | length) == 0 then "none"
		      else .[0].controls | join(", ") end' "$work/json")
		want=$(awk -v id="$id" '$1 == id { sub(/^[^ ]* /, ""); print }' \
		    "$work/man.controls")
		if [ "$got" = "NOT FIRED" ]; then
			echo "man_rules.sh: $id does not fire on $report;" \
			    "cannot check its controls"
			status=1
		elif [ "$got" != "$want" ]; then
			echo "man_rules.sh: $id: the man page says controls" \
			    "\"$want\", the binary \"$got\""
			status=1
		fi
	done <"$work/help.rules"
fi

[ $status -eq 0 ] &&
    echo "man_rules.sh: $(wc -l <"$work/help.rules") rules agree"
exit $status
