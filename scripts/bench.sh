#!/bin/sh
# Benchmarks: a Release build in build-bench/, a 100,000-listing library
# (generated once, then reused), and listingdesk-bench on it, which prints a
# table (plain and Markdown) beside the same SQL timed in the sqlite3 shell.
#
#   scripts/bench.sh [LIBRARY] [listingdesk-bench options, e.g. --runs 9 --trace]
#
# LIBRARY defaults to /tmp/listingdesk-bench-100k.sqlite. Set
# LISTINGDESK_BENCH_COUNT (and LISTINGDESK_BENCH_SEED) to generate another size;
# delete the file to generate it again. The benchmark saves one listing per
# run, so the library changes a little with every use.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
count="${LISTINGDESK_BENCH_COUNT:-100000}"
seed="${LISTINGDESK_BENCH_SEED:-42}"
library="/tmp/listingdesk-bench-100k.sqlite"
if [ $# -gt 0 ]; then
    case "$1" in
        -*) ;;
        *) library="$1"; shift ;;
    esac
fi

# The bench replays its SQL in the sqlite3 shell for comparison.
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "bench: installing sqlite3"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y --no-install-recommends sqlite3
fi

generator=""
if command -v ninja >/dev/null 2>&1 && [ ! -f "$build/CMakeCache.txt" ]; then
    generator="-G Ninja"
fi
# shellcheck disable=SC2086 # $generator is empty or two words
cmake -S "$root" -B "$build" $generator -DCMAKE_BUILD_TYPE=Release -DLISTINGDESK_BUILD_TESTS=ON \
      -DLISTINGDESK_SANITIZE=OFF >/dev/null
cmake --build "$build" --target listingdesk-generate listingdesk-bench

if [ ! -s "$library" ]; then
    echo "bench: generating $count listings into $library"
    "$build/tests/bench/listingdesk-generate" --out "$library" --count "$count" --seed "$seed"
else
    echo "bench: reusing $library (delete it to generate a new one)"
fi
echo
exec "$build/tests/bench/listingdesk-bench" "$library" "$@"
