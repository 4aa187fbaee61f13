#!/bin/sh
# Run the jq recipes of README.md and compare what they print with the
# expected output under testdata/jq/.
#
#   tests/jq_recipes.sh BINARY TOPDIR
#
# A recipe is a ```sh block under the "## jq recipes" heading of
# TOPDIR/README.md.  Its leading "credaudit" is replaced by BINARY, it is
# run by sh from TOPDIR, and its standard output must equal
# TOPDIR/testdata/jq/recipe-N.out (N counting from 1 in README order) and
# its standard error must be empty.  The script fails when a recipe
# differs, when there is no recipe at all, or when an expected file has
# no recipe, so the README cannot drift from what the program prints.
set -u

usage="usage: jq_recipes.sh BINARY TOPDIR"
bin=${1:?$usage}
top=${2:?$usage}

case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
[ -x "$bin" ] || { echo "jq_recipes.sh: $bin: not an executable" >&2; exit 2; }
cd "$top" || exit 2
[ -f README.md ] || { echo "jq_recipes.sh: $top/README.md: missing" >&2; exit 2; }
command -v jq >/dev/null 2>&1 ||
    { echo "jq_recipes.sh: jq is not installed" >&2; exit 2; }

work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT

# Write each recipe to $work/recipe-N.sh; print how many there are.
# Headings inside a code block are not headings.
awk -v dir="$work" '
/^```/ && block {
	block = 0
	close(file)
	next
}
block {
	sub(/^credaudit /, "\"$CREDAUDIT\" ")
	print > file
	next
}
/^```sh[ \t]*$/ && section {
	block = 1
	file = dir "/recipe-" ++n ".sh"
	printf "" > file
	next
}
/^```/ {
	fence = !fence
	next
}
/^## / && !fence {
	section = $0 == "## jq recipes"
}
END {
	print n + 0
}' README.md >"$work/count" || exit 2
count=$(cat "$work/count")

if [ "$count" -eq 0 ]; then
	echo "jq_recipes.sh: no recipe under \"## jq recipes\" in README.md"
	exit 1
fi

pass=0 fail=0
n=1
while [ "$n" -le "$count" ]; do
	recipe=$work/recipe-$n.sh
	expected=testdata/jq/recipe-$n.out
	# shellcheck disable=SC2016 # the literal text the awk put there
	if ! grep -q '"$CREDAUDIT"' "$recipe"; then
		echo "--- recipe $n: does not start with credaudit"
		fail=$((fail + 1))
	elif [ ! -f "$expected" ]; then
		echo "--- recipe $n: $expected is missing"
		fail=$((fail + 1))
	else
		CREDAUDIT=$bin NO_COLOR=1 LC_ALL=C sh "$recipe" \
		    >"$work/out" 2>"$work/err"
		ok=1
		if ! cmp -s "$expected" "$work/out"; then
			echo "--- recipe $n: output differs from $expected"
			sed 's/^/    /' "$recipe"
			diff -u "$expected" "$work/out" | head -40
			ok=0
		fi
		if [ -s "$work/err" ]; then
			echo "--- recipe $n: standard error is not empty"
			head -20 "$work/err"
			ok=0
		fi
		if [ $ok -eq 1 ]; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
		fi
	fi
	n=$((n + 1))
done

# An expected output left behind by a removed recipe is drift too.
if [ -f "testdata/jq/recipe-$n.out" ]; then
	echo "--- testdata/jq/recipe-$n.out has no recipe in README.md"
	fail=$((fail + 1))
fi

echo "jq recipes: $pass passed, $fail failed"
[ $fail -eq 0 ]
