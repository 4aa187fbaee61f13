#!/bin/sh
# The html format checked by real tools: every page must pass
# `tidy -errors` without a message, and a headless Chromium must load it
# without building any element a report value could have smuggled in
# (img, script, iframe, ...), keep the hostile names as text, fetch
# nothing, and render a screenshot.
#
# usage: html_browser.sh BINARY TESTDATA
# Set CREDAUDIT_SCREENSHOT_DIR to keep the screenshots for a look.
# Without tidy or chromium the test says so and is skipped (exit 77);
# with CI=true a missing tool is a failure.
set -u

bin=${1:?usage: html_browser.sh BINARY TESTDATA}
testdata=${2:?usage: html_browser.sh BINARY TESTDATA}

missing=
command -v tidy >/dev/null 2>&1 || missing="$missing tidy"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
if [ -n "$missing" ]; then
	if [ "${CI:-}" = true ]; then
		echo "html_browser: not installed:$missing (required when CI=true)"
		exit 1
	fi
	echo "html_browser: not installed:$missing; skipped"
	exit 77
fi

work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
fail=0 pass=0

bad() {
	echo "FAIL $name: $*"
	fail=$((fail + 1))
}

# chromium URL OUTPUT-FLAGS...: one headless run with a profile of its
# own and nothing reaching the network.
browse() {
	url=$1
	shift
	mkdir -p "$work/profile"
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$work/profile" "$@" "$url" 2>>"$work/chromium.err"
}

# check NAME ARGS...: write the page, tidy it, load it, screenshot it.
check() {
	name=$1
	shift
	page=$work/$name.html
	NO_COLOR=1 LC_ALL=C "$bin" --as-of 2026-11-23 --fail-on never \
	    -f html -o "$page" "$@" 2>"$work/$name.err"
	status=$?
	if [ $status -ne 0 ] || [ ! -s "$page" ]; then
		bad "credaudit exited $status"
		cat "$work/$name.err"
		return
	fi
	if ! tidy -errors -q "$page" >"$work/$name.tidy" 2>&1; then
		bad "tidy -errors reports:"
		cat "$work/$name.tidy"
		return
	fi
	if ! browse "file://$page" --dump-dom >"$work/$name.dom"; then
		bad "chromium --dump-dom failed"
		tail -5 "$work/chromium.err"
		return
	fi
	# The DOM Chromium built: markup it made from the page, where a
	# value that escaped would show up as an element.
	if grep -Eiq '<(img|script|iframe|object|embed|link|a|form|input)[ >]' \
	    "$work/$name.dom"; then
		bad "the browser built an element a report value could carry:"
		grep -Eio '<(img|script|iframe|object|embed|link|a|form|input)[ >][^>]*>' \
		    "$work/$name.dom" | head -5
		return
	fi
	if grep -Eiq '<[^>]+ (src|href|action|on[a-z]+)=' "$work/$name.dom"; then
		bad "an element with a source, link or handler attribute"
		return
	fi
	if ! grep -q '</main>' "$work/$name.dom"; then
		bad "the page did not load whole"
		return
	fi
	if ! browse "file://$page" --window-size=1200,1600 \
	    --screenshot="$work/$name.png" >/dev/null ||
	    [ "$(wc -c <"$work/$name.png")" -lt 10000 ]; then
		bad "no screenshot"
		return
	fi
	if [ -n "${CREDAUDIT_SCREENSHOT_DIR:-}" ]; then
		cp "$work/$name.png" "$work/$name.html" \
		    "$CREDAUDIT_SCREENSHOT_DIR/" || bad "cannot keep the screenshot"
	fi
	pass=$((pass + 1))
}

# expect NAME TEXT: the page as Chromium serialised it holds TEXT.
expect() {
	[ -f "$work/$1.dom" ] || return 0
	if ! grep -qF -- "$2" "$work/$1.dom"; then
		name=$1
		bad "the rendered page lacks: $2"
	fi
}

cd "$testdata" || exit 2
check findings credential_report.csv
expect findings '<h2>Findings (20)</h2>'
check hostile hostile/html-names.csv
# The names reach the page as text: the serialiser re-escapes < and &.
expect hostile '<bdi>&lt;img src=x onerror=alert(1)&gt;</bdi>'
expect hostile '<bdi>"&gt;&lt;script&gt;alert(1)&lt;/script&gt;</bdi>'
expect hostile "<bdi>o'brien&amp;co</bdi>"
expect hostile '<bdi>evil\u202Egpj.exe</bdi>'
check baseline --baseline baseline/last-week.json credential_report.csv
expect baseline '<h2>New findings ('
expect baseline '<h2>Resolved findings ('
check inventory --inventory credential_report.csv
expect inventory '<h2>Users (14)</h2>'
check several credential_report.csv realworld/c7n-account_credential_report.csv
expect several '644160558196'

if [ -s "$work/chromium.err" ] && grep -qi 'net::ERR\|Failed to load resource' \
    "$work/chromium.err"; then
	name=network
	bad "the browser tried to load something:"
	grep -i 'net::ERR\|Failed to load resource' "$work/chromium.err" | head -5
fi
echo "html_browser: $pass passed, $fail failed"
[ $fail -eq 0 ]
