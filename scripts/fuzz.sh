#!/bin/sh
# Builds the sanitizer's libFuzzer target with clang (ASan + UBSan) in its own
# build directory and runs it for SECONDS (default 60). Exits non-zero when the
# fuzzer finds a crash, a leak, undefined behaviour or a broken invariant; the
# input that did it is left in the build directory as crash-* / leak-*.
# Usage: scripts/fuzz.sh [SECONDS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
seconds="${1:-60}"
build="${LISTINGDESK_FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="${LISTINGDESK_FUZZ_BUILD_JOBS:-2}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++ -DLISTINGDESK_FUZZ=ON -DLISTINGDESK_WERROR=ON >/dev/null
cmake --build "$build" -j "$jobs" --target fuzz_htmlsanitizer

# New inputs go to a scratch corpus inside the build directory; the seeds in
# the source tree (hand-written vectors and the paste fixtures) are only read.
corpus="$build/corpus"
mkdir -p "$corpus"
cd "$build"
ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    ./tests/fuzz/fuzz_htmlsanitizer -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=4096 -print_final_stats=1 -dict="$root/tests/fuzz/html.dict" \
        "$corpus" "$root/tests/fuzz/corpus" "$root/tests/fixtures/paste"
