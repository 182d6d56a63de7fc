#!/bin/sh
# Publish throughput: the real listingdesk-cli beside curl sending the same
# requests (a lookup of the client key, then the create) at the same
# concurrency, against a local HTTP endpoint (the fake portal over HTTP with a
# fixed server latency) and against the real WordPress (Debian's package with
# MariaDB, started here on 127.0.0.1 and stopped afterwards).
#
#   scripts/bench-publish.sh [COUNT] [JOBS]      (defaults: 300 posts, 4 at a time)
#
# Prints both figures per endpoint, their ratio, and the CLI's CPU time per listing.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
count="${1:-300}"
jobs="${2:-4}"
user=editor
password='abcd efgh ijkl mnop qrst uvwx'

generator=""
if command -v ninja >/dev/null 2>&1 && [ ! -f "$build/CMakeCache.txt" ]; then
    generator="-G Ninja"
fi
# shellcheck disable=SC2086 # $generator is empty or two words
cmake -S "$root" -B "$build" $generator -DCMAKE_BUILD_TYPE=Release -DLISTINGDESK_BUILD_TESTS=ON \
    -DLISTINGDESK_SANITIZE=OFF >/dev/null
cmake --build "$build" --target listingdesk-cli fakeportal-server listingdesk-bench-publish >/dev/null

work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -f "$work/wp/plugin.env" ] && "$root/tests/portal/fixture.sh" stop "$work/wp" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

compare() { # NAME URL USER PASSWORD
    ours=$("$build/tests/bench/listingdesk-bench-publish" "$build/src/cli/listingdesk-cli" \
        "$2" "$3" "$4" "$count" "$jobs")
    theirs=$("$root/tests/bench/curl_publish.sh" "$2" "$3" "$4" "$count" "$jobs" --with-lookup)
    echo "$1:"
    echo "  $ours"
    echo "  $theirs"
    printf '%s\n%s\n' "$ours" "$theirs" | awk -v name="$1" '
        /^listingdesk-cli:/ { for (i = 1; i <= NF; i++) if ($i == "posts/s") o = $(i - 1) }
        /^curl:/ { for (i = 1; i <= NF; i++) if ($i == "posts/s") c = $(i - 1) }
        END { if (c > 0) printf "  ratio %s: %.2f x curl\n", name, o / c }'
}

# The local HTTP endpoint: 20 ms per answer, as a small real server takes.
"$build/tests/common/fakeportal/fakeportal-server" --latency-ms 20 >"$work/server.out" &
server_pid=$!
for _ in $(seq 50); do
    grep -q listening "$work/server.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^listening //p' "$work/server.out")
compare "local HTTP endpoint (fake portal, 20 ms latency)" "$url" "$user" "$password"
kill "$server_pid"
server_pid=""

# The real WordPress with the companion plugin.
"$root/tests/portal/fixture.sh" start "$work/wp" >"$work/wp.log" 2>&1 || {
    cat "$work/wp.log" >&2
    exit 1
}
wp_url=$(sed -n 's/^WP_BASE_URL=//p' "$work/wp/plugin.env")
wp_user=$(sed -n 's/^WP_USER=//p' "$work/wp/plugin.env")
wp_password=$(sed -n 's/^WP_APP_PASSWORD=//p' "$work/wp/plugin.env")
compare "real WordPress (php -S, MariaDB)" "$wp_url" "$wp_user" "$wp_password"
