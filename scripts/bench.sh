#!/bin/sh
# Benchmarks: a Release build in build-bench/, a 100,000-listing library
# (generated once, then reused), and listingdesk-bench on it, which prints a
# table (plain and Markdown) beside the same SQL timed in the sqlite3 shell.
#
#   scripts/bench.sh [--postgres] [LIBRARY] [listingdesk-bench options, e.g. --runs 9 --trace]
#
# --postgres: also start a private PostgreSQL cluster (tests/pg/postgres.sh, in
# /tmp/listingdesk-bench-pg, with fsync and synchronous commit back on so that
# "save" is comparable), copy the library there with `listingdesk-cli
# copy-library`, run the bench on both and print the medians side by side.
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
postgres=0
if [ $# -gt 0 ] && [ "$1" = "--postgres" ]; then
    postgres=1
    shift
fi
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
targets="listingdesk-generate listingdesk-bench"
[ "$postgres" = 1 ] && targets="$targets listingdesk-cli"
# shellcheck disable=SC2086 # one word per target
cmake --build "$build" --target $targets

if [ ! -s "$library" ]; then
    echo "bench: generating $count listings into $library"
    "$build/tests/bench/listingdesk-generate" --out "$library" --count "$count" --seed "$seed"
else
    echo "bench: reusing $library (delete it to generate a new one)"
fi
echo
if [ "$postgres" = 0 ]; then
    exec "$build/tests/bench/listingdesk-bench" "$library" "$@"
fi

pgdir=/tmp/listingdesk-bench-pg
figures=$(mktemp -d)
cleanup() {
    bash "$root/tests/pg/postgres.sh" stop "$pgdir" || true
    rm -rf "$figures"
}
trap cleanup EXIT
bash "$root/tests/pg/postgres.sh" start "$pgdir" 0
url=$(sed -n 's/^LISTINGDESK_TEST_POSTGRES=//p' "$pgdir/pg.env")
port=${url##*:}
port=${port%%/*}
# The test cluster trades durability for speed; a benchmark must not.
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [ "$(id -u)" = 0 ]; then as_owner="runuser -u postgres --"; else as_owner=""; fi
$as_owner "$bindir/psql" -X -q -h "$pgdir/run" -p "$port" -U postgres -d postgres \
    -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" \
    -c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" >/dev/null

echo "bench: copying $library to $url"
start=$(date +%s.%N)
"$build/src/cli/listingdesk-cli" copy-library --from "$library" --to "$url"
end=$(date +%s.%N)
copy_s=$(awk "BEGIN { printf \"%.1f\", $end - $start }")
echo

echo "=== SQLite ==="
"$build/tests/bench/listingdesk-bench" "$library" --figures "$figures/sqlite" "$@"
echo
echo "=== PostgreSQL ==="
"$build/tests/bench/listingdesk-bench" "$url" --figures "$figures/pg" "$@"
echo
echo "=== Side by side (medians; copy-library SQLite -> PostgreSQL took ${copy_s} s) ==="
printf '%-12s %12s %12s\n' "operation" "SQLite ms" "PostgreSQL ms"
paste "$figures/sqlite" "$figures/pg" | while IFS="$(printf '\t')" read -r key a _ b; do
    printf '%-12s %12s %12s\n' "$key" "$a" "$b"
done
