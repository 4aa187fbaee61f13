#!/bin/sh
# The whole test suite, exactly as CI runs it:
#   0. as root, install the Debian packages it needs (tests/deps.sh);
#   1. gcc build with -Werror, every unit and end-to-end test, the AWS
#      tests against moto, the Debian package, the shell completion;
#   2. clang build with ASan + UBSan (leak detection on), the same tests;
#   3. the end-to-end cases again under valgrind;
#   4. mandoc -Tlint on the man pages;
#   5. each fuzz target for FUZZ_SECONDS seconds (default 60).
# Build trees go under build/ in the source tree.  Exits non-zero when
# anything fails.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
jobs=$(nproc 2>/dev/null || echo 2)
fuzz_seconds=${FUZZ_SECONDS:-60}

step() {
	printf '\n== %s\n' "$*"
}

step "test dependencies"
sh tests/deps.sh

step "gcc build, -Werror"
cmake -S . -B build/release -DCMAKE_C_COMPILER=gcc -DCREDAUDIT_WERROR=ON
cmake --build build/release -j"$jobs"
ctest --test-dir build/release --output-on-failure -j"$jobs"

step "clang build with ASan and UBSan"
cmake -S . -B build/asan -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
    -DCREDAUDIT_WERROR=ON -DCREDAUDIT_SANITIZE=ON
cmake --build build/asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build/asan --output-on-failure -j"$jobs"

step "end-to-end cases under valgrind"
CREDAUDIT_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
    ctest --test-dir build/release --output-on-failure -R '^e2e'

step "mandoc -Tlint"
mandoc -Tlint -W warning man/credaudit.1 man/credaudit-collect.1

step "fuzz targets, ${fuzz_seconds}s each"
cmake -S . -B build/fuzz -DCMAKE_C_COMPILER=clang -DCREDAUDIT_FUZZ=ON \
    -DBUILD_TESTING=OFF
cmake --build build/fuzz -j"$jobs"
tests/fuzz/run.sh "$fuzz_seconds" build/fuzz

step "all checks passed"
