#!/bin/sh
# Output behaviour that golden files cannot show: failed writes, a reader
# that closes the pipe early, -o's atomic replacement (the mode kept, an
# input refused, a descriptor's name written through, the temporary file
# removed on a signal), and that what the
# machine-readable formats write reads back (jq for JSON and NDJSON,
# libcsv-compatible CSV through a strict RFC 4180 reader in awk).
set -u

bin=${1:?usage: output_io.sh BINARY TESTDATA}
testdata=${2:?usage: output_io.sh BINARY TESTDATA}
sample=$testdata/credential_report.csv
asof="--as-of 2026-11-23"
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

check() {
	if [ "$2" = "$3" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL $1: got [$2], expected [$3]"
		fail=$((fail + 1))
	fi
}

# A full disk: -o on a device is written in place, and the failure is
# exit status 2 with one message naming the file.
# shellcheck disable=SC2086
"$bin" $asof -f json -o /dev/full "$sample" >"$work/out" 2>"$work/err"
check "full disk status" "$?" 2
check "full disk message" "$(cat "$work/err")" \
    "credaudit: /dev/full: error: write failed: No space left on device"
check "/dev/full is still a device" "$(test -c /dev/full && echo yes)" yes

# Standard output on a full disk.
# shellcheck disable=SC2086
"$bin" $asof -f csv "$sample" >/dev/full 2>"$work/err"
check "stdout full status" "$?" 2
check "stdout full message" "$(cat "$work/err")" \
    "credaudit: <stdout>: error: write failed: No space left on device"

# A report of some 3,600 users: its output is several times the 64 KiB
# that the JSON writer hands to the stream at once.
big=$work/big.csv
cp "$sample" "$big"
i=0
while [ $i -lt 300 ]; do
	tail -n +3 "$sample" | sed "s/^\([a-z]\)/u$i\1/; s/user\/\([a-z]\)/user\/u$i\1/" >>"$big"
	i=$((i + 1))
done

# A file size limit: the write fails part way; the last good report
# stays where it was and no temporary file is left behind.
echo "last good report" >"$work/report.json"
(
	ulimit -f 1
	trap '' XFSZ
	# shellcheck disable=SC2086
	exec "$bin" $asof -f json -o "$work/report.json" "$big"
) >/dev/null 2>"$work/err"
check "size limit status" "$?" 2
check "size limit message" "$(cat "$work/err")" \
    "credaudit: $work/report.json: error: write failed: File too large"
check "size limit keeps old report" "$(cat "$work/report.json")" \
    "last good report"
leftover=no
for f in "$work"/report.json.*; do
	[ -e "$f" ] && leftover=$f
done
check "no temporary left" "$leftover" no

# An input that cannot be read: the audit of the others is written to
# standard output, but -o keeps the previous file.
# shellcheck disable=SC2086
"$bin" $asof -f json -o "$work/report.json" "$sample" "$work/missing.csv" \
    2>"$work/err"
check "missing input status" "$?" 2
check "missing input messages" "$(cat "$work/err")" \
"credaudit: $work/missing.csv: error: cannot open: No such file or directory
credaudit: $work/report.json: error: left unchanged: the audit had errors"
check "missing input keeps old report" "$(cat "$work/report.json")" \
    "last good report"

# A report older than --max-report-age is an error too: -o keeps the
# previous file.  report-24h.json was generated 24 hours before as_of.
# shellcheck disable=SC2086
"$bin" $asof --max-report-age 23 -f json -o "$work/report.json" \
    "$testdata/lifecycle/report-24h.json" 2>"$work/err"
check "stale report status" "$?" 2
check "stale report keeps old report" "$(cat "$work/report.json")" \
    "last good report"
# shellcheck disable=SC2086
"$bin" $asof --max-report-age 24 -f json -o "$work/report.json" \
    "$testdata/lifecycle/report-24h.json" 2>"$work/err"
check "report at --max-report-age status" "$?" 1
check "report at --max-report-age replaced" \
    "$(jq -r '.inputs[0].report_age_hours' "$work/report.json")" 24
echo "last good report" >"$work/report.json"

# A successful run replaces it, keeping the mode of the file it replaces:
# a report made private stays private, whatever the umask.
chmod 600 "$work/report.json"
# shellcheck disable=SC2086
(umask 022; exec "$bin" $asof -f json -o "$work/report.json" "$sample")
check "replace status" "$?" 1
check "replaced" "$(jq -r .summary.findings "$work/report.json")" 20
check "mode kept" "$(stat -c %a "$work/report.json")" 600
# A new file gets the mode a shell redirection gives.
# shellcheck disable=SC2086
(umask 027; exec "$bin" $asof -f json -o "$work/new.json" "$sample")
check "new file status" "$?" 1
check "new file mode follows umask" "$(stat -c %a "$work/new.json")" 640
# Owner and group too, where the system allows (root may give them).
if [ "$(id -u)" -eq 0 ] && chown 65534:65534 "$work/new.json" 2>/dev/null
then
	# shellcheck disable=SC2086
	"$bin" $asof -f json -o "$work/new.json" "$sample"
	check "owner kept" "$(stat -c %u:%g "$work/new.json")" 65534:65534
fi

# The output may not be one of the report inputs: replacing it would lose
# the report.  Named as it is, through a link, or as standard input.
cp "$sample" "$work/in.csv"
ln -s in.csv "$work/in-link.csv"
for out in "$work/in.csv" "$work/in-link.csv"; do
	# shellcheck disable=SC2086
	"$bin" $asof -f csv -o "$out" "$sample" "$work/in.csv" \
	    >"$work/out" 2>"$work/err"
	check "input as output status ($out)" "$?" 2
	check "input as output message ($out)" "$(cat "$work/err")" \
	    "credaudit: $out: error: is the report input $work/in.csv itself; nothing written"
	check "input as output keeps it ($out)" \
	    "$(cmp -s "$sample" "$work/in.csv" && echo same)" same
done
# SC2094: reading and writing one file is what is being refused.
# shellcheck disable=SC2086,SC2094
"$bin" $asof -f csv -o "$work/in.csv" <"$work/in.csv" >"$work/out" \
    2>"$work/err"
check "stdin as output status" "$?" 2
check "stdin as output message" "$(cat "$work/err")" \
    "credaudit: $work/in.csv: error: is the report input <stdin> itself; nothing written"
check "stdin as output keeps it" \
    "$(cmp -s "$sample" "$work/in.csv" && echo same)" same
leftover=no
for f in "$work"/in.csv.* "$work"/in-link.csv.*; do
	[ -e "$f" ] && leftover=$f
done
check "input as output leaves no temporary" "$leftover" no

# A name for standard output, itself or through a link, is written
# through: no temporary file beside it, no rename over it, and what the
# shell opened is neither replaced nor truncated.
ln -s /proc/self/fd/1 "$work/stdout-link"
for name in /proc/self/fd/1 /dev/fd/1 "$work/stdout-link"; do
	echo "before" >"$work/through"
	# shellcheck disable=SC2086
	"$bin" $asof -f json -o "$name" "$sample" >>"$work/through" \
	    2>"$work/err"
	check "through $name status" "$?" 1
	check "through $name kept what was there" \
	    "$(head -n 1 "$work/through")" before
	check "through $name wrote the audit" \
	    "$(tail -n +2 "$work/through" | jq -r .summary.findings)" 20
	check "through $name says nothing" "$(cat "$work/err")" ""
done
check "the link is still a link" \
    "$(test -L "$work/stdout-link" && echo yes)" yes
leftover=no
for f in "$work"/stdout-link.*; do
	[ -e "$f" ] && leftover=$f
done
check "no temporary beside the link" "$leftover" no

# A signal during the run removes the temporary file, and the process
# ends by that signal.  The input is a FIFO nobody writes to, so the run
# waits, its temporary file made, until the signal comes.
mkfifo "$work/fifo"
for signal in TERM:15 HUP:1; do
	sig=${signal%:*}
	# shellcheck disable=SC2086
	"$bin" $asof -f json -o "$work/sig.json" "$work/fifo" 2>/dev/null &
	pid=$!
	i=0
	tmp=
	while [ $i -lt 100 ] && [ -z "$tmp" ]; do
		for f in "$work"/sig.json.*; do
			[ -e "$f" ] && tmp=$f
		done
		[ -n "$tmp" ] || sleep 0.05
		i=$((i + 1))
	done
	check "SIG$sig: temporary made" "$(test -n "$tmp" && echo yes)" yes
	kill -"$sig" "$pid"
	wait "$pid" 2>/dev/null
	check "SIG$sig: ends by the signal" "$?" "$((128 + ${signal#*:}))"
	check "SIG$sig: temporary removed" \
	    "$(test -e "$tmp" && echo left || echo removed)" removed
	check "SIG$sig: no output" "$(test -e "$work/sig.json" && echo yes)" ""
done

# A reader that closes the pipe early ends the run quietly.
# shellcheck disable=SC2086
"$bin" $asof -f ndjson "$big" 2>"$work/err" | head -n 1 >/dev/null
check "closed pipe says nothing" "$(cat "$work/err")" ""
# The same when SIGPIPE is ignored and the write fails with EPIPE.
# shellcheck disable=SC2086
(trap '' PIPE; exec "$bin" $asof -f ndjson "$big") 2>"$work/err" |
    head -n 1 >/dev/null
check "EPIPE says nothing" "$(cat "$work/err")" ""

# JSON and NDJSON parse, and agree with each other and with the table.
# shellcheck disable=SC2086
"$bin" $asof -f json "$sample" >"$work/doc.json"
# shellcheck disable=SC2086
"$bin" $asof -f ndjson "$sample" >"$work/doc.ndjson"
check "json parses" "$(jq -r '.findings | length' "$work/doc.json")" 20
check "ndjson parses" "$(jq -s length "$work/doc.ndjson")" 20
check "ndjson = json findings" \
    "$(jq -c '.findings[]' "$work/doc.json" | cmp -s - "$work/doc.ndjson" && echo same)" same
# shellcheck disable=SC2086
"$bin" $asof --inventory -f ndjson "$sample" >"$work/inv.ndjson"
check "inventory ndjson parses" "$(jq -s length "$work/inv.ndjson")" 14

# CSV reads back with one record per finding plus the header, fields
# intact: count records with an RFC 4180 reader (quotes may hold commas
# and newlines).
# shellcheck disable=SC2086
"$bin" $asof -f csv "$sample" >"$work/doc.csv"
records=$(awk -v RS='\n' '
	{ n = gsub(/"/, "\"", $0); q += n; if (q % 2 == 0) { rec++; q = 0 } }
	END { print rec }' "$work/doc.csv")
check "csv records" "$records" 21

echo "output_io: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
