#!/bin/sh
# Run every fuzz target for SECONDS seconds, one after the other.
#
#   tests/fuzz/run.sh SECONDS BUILD_DIR [TARGET ...]
#
# BUILD_DIR is a tree configured with -DCMAKE_C_COMPILER=clang
# -DCREDAUDIT_FUZZ=ON.  Each target starts from a fresh corpus seeded
# from testdata/ (reports, configs, timestamps found in them) and the
# small hand-made seeds under tests/fuzz/seeds/; nothing found during the
# run is kept except what crashed.  A crash, leak, timeout or out-of-memory
# fails the script; the reproducer stays under BUILD_DIR/fuzz-artifacts/
# and its path is printed.
set -u

seconds=${1:?usage: run.sh SECONDS BUILD_DIR [TARGET ...]}
build=${2:?usage: run.sh SECONDS BUILD_DIR [TARGET ...]}
shift 2
[ $# -eq 0 ] && set -- fuzz_report fuzz_timeparse fuzz_config fuzz_awsjson \
    fuzz_jsonw fuzz_baseline fuzz_formats

here=$(cd "$(dirname "$0")" && pwd)
testdata=$(cd "$here/../../testdata" && pwd)
build=$(cd "$build" && pwd) || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Copy the files named by the patterns into a corpus, flattening paths.
seed_files() {
	dir=$1
	shift
	for f in "$@"; do
		[ -f "$f" ] || continue
		cp "$f" "$dir/$(printf '%s' "${f#"$testdata"/}" | tr / _)"
	done
}

# Each CSV also as the JSON that aws iam get-credential-report prints.
seed_wrapped() {
	dir=$1
	shift
	for f in "$@"; do
		[ -f "$f" ] || continue
		printf '{"Content": "%s", "ReportFormat": "text/csv", ' \
		    "$(base64 -w0 <"$f")" >"$dir/wrapped_${f##*/}.json"
		printf '"GeneratedTime": "2026-11-23T08:15:00+00:00"}\n' \
		    >>"$dir/wrapped_${f##*/}.json"
	done
}

# A report whose user name is one byte longer than the loader buffers.
seed_long_field() {
	head -n 1 "$testdata/credential_report.csv" >"$1/long_field.csv"
	head -c 65537 /dev/zero | tr '\0' a >>"$1/long_field.csv"
	printf ',arn:aws:iam::123456789012:user/a\n' >>"$1/long_field.csv"
}

# Every distinct timestamp and date in the reports, one per file.
seed_timestamps() {
	cat "$testdata"/*.csv "$testdata"/*/*.csv 2>/dev/null |
	    tr ',"' '\n\n' | grep -a '^[0-9][0-9][0-9][0-9]-' | sort -u |
	    awk -v dir="$1" '{ f = dir "/ts" NR; printf "%s", $0 > f; close(f) }'
}

seed_corpus() {
	dir=$work/corpus-$1
	mkdir -p "$dir"
	case $1 in
	fuzz_report)
		seed_files "$dir" "$testdata"/*.csv "$testdata"/*/*.csv \
		    "$testdata"/realworld/* "$testdata"/hostile/*
		seed_wrapped "$dir" "$testdata"/credential_report.csv
		seed_long_field "$dir"
		;;
	fuzz_awsjson)
		seed_files "$dir" "$testdata"/*.csv "$testdata"/*/*.csv \
		    "$testdata"/hostile/*.json
		seed_wrapped "$dir" "$testdata"/*.csv "$testdata"/*/*.csv
		;;
	fuzz_timeparse)
		seed_timestamps "$dir"
		;;
	fuzz_config)
		seed_files "$dir" "$testdata"/*.json "$testdata"/*/*.json
		;;
	fuzz_jsonw|fuzz_formats)
		# Reports hold the strings the writers see most.
		seed_files "$dir" "$testdata"/credential_report.csv \
		    "$testdata"/hostile/*.csv
		;;
	fuzz_baseline)
		seed_files "$dir" "$testdata"/baseline/* \
		    "$testdata"/cases/sample-json/expected.out \
		    "$testdata"/cases/sample-ndjson/expected.out \
		    "$testdata"/cases/baseline-json/expected.out
		;;
	esac
	seed_files "$dir" "$here"/seeds/"${1#fuzz_}"/*
	echo "$dir"
}

max_len() {
	case $1 in
	fuzz_report)	echo 140000 ;;	# room for a field over 64 KiB
	fuzz_awsjson)	echo 200000 ;;
	fuzz_timeparse)	echo 64 ;;
	fuzz_config)	echo 16384 ;;
	fuzz_jsonw)	echo 70000 ;;	# output past a 64 KiB block or two
	fuzz_baseline)	echo 65536 ;;
	fuzz_formats)	echo 8192 ;;
	esac
}

dict_for() {
	case $1 in
	fuzz_report|fuzz_awsjson)	echo "-dict=$here/report.dict" ;;
	fuzz_timeparse)	echo "-dict=$here/timeparse.dict" ;;
	fuzz_config|fuzz_baseline)
		[ -f "$here/config.dict" ] && echo "-dict=$here/config.dict" ;;
	fuzz_jsonw|fuzz_formats)	echo "-dict=$here/jsonw.dict" ;;
	esac
}

failed=0
for target in "$@"; do
	bin=$build/tests/fuzz/$target
	if [ ! -x "$bin" ]; then
		echo "run.sh: $bin: not built" >&2
		failed=1
		continue
	fi
	corpus=$(seed_corpus "$target")
	artifacts=$build/fuzz-artifacts/$target
	rm -rf "$artifacts"
	mkdir -p "$artifacts"
	dict=$(dict_for "$target")
	log=$artifacts/log
	printf '== %s: %s s, %s seeds\n' "$target" "$seconds" \
	    "$(ls "$corpus" | wc -l)"
	"$bin" -max_total_time="$seconds" -max_len="$(max_len "$target")" \
	    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
	    -artifact_prefix="$artifacts/" $dict "$corpus" >"$log" 2>&1
	status=$?
	grep -a -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' \
	    "$log"
	if [ $status -ne 0 ]; then
		failed=1
		grep -a -E -A 30 '^==[0-9]+==ERROR|runtime error|^fuzz_[a-z]+: ' \
		    "$log" | head -60
		for f in "$artifacts"/crash-* "$artifacts"/leak-* \
		    "$artifacts"/timeout-* "$artifacts"/oom-*; do
			[ -f "$f" ] && echo "FAIL $target: reproducer $f"
		done
		echo "FAIL $target: exit status $status, log $log"
	fi
done
[ $failed -eq 0 ] && echo "fuzz: all targets ran clean"
exit $failed
