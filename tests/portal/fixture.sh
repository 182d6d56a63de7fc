#!/usr/bin/env bash
# fixture.sh start|stop ROOT — the CTest fixture "wordpress": two fresh test portals,
# ROOT/plugin (companion plugin installed) and ROOT/plain (stock WordPress), started in
# parallel on free ports; their KEY=VALUE files are copied to ROOT/plugin.env and
# ROOT/plain.env. Every start begins from an empty site, so tests never see posts left
# by an earlier run.
#
# WordPress that cannot start is a test failure. Only with LISTINGDESK_SKIP_PORTAL_TESTS=1
# (a developer machine without the packages or root) does the fixture skip (exit 77).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
[ $# = 2 ] || {
    echo "usage: $0 start|stop ROOT" >&2
    exit 2
}
action="$1"
root="$2"
instances=(plugin plain)

stop_all() {
    local name
    for name in "${instances[@]}"; do
        "$here/wordpress.sh" stop "$root/$name" || true
    done
}

case "$action" in
start)
    mkdir -p "$root"
    rm -f "$root/plugin.env" "$root/plain.env"
    if [ "${LISTINGDESK_SKIP_PORTAL_TESTS:-0}" = 1 ]; then
        echo "SKIP: LISTINGDESK_SKIP_PORTAL_TESTS=1, so no test WordPress is started and the"
        echo "      portal integration tests skip. CI never sets it."
        exit 77
    fi
    stop_all
    for name in "${instances[@]}"; do
        rm -rf "${root:?}/$name"
    done
    started=${EPOCHREALTIME/./}
    pids=()
    for name in "${instances[@]}"; do
        "$here/wordpress.sh" start "$root/$name" 0 "$name" >"$root/$name.start.log" 2>&1 &
        pids+=($!)
    done
    failed=0
    for i in "${!instances[@]}"; do
        if ! wait "${pids[$i]}"; then
            failed=1
            echo "FAIL: starting the ${instances[$i]} WordPress failed:" >&2
            cat "$root/${instances[$i]}.start.log" >&2
        fi
    done
    if [ $failed = 1 ]; then
        stop_all
        echo "Install the packages with 'sudo tests/portal/wordpress.sh install' (or" >&2
        echo "scripts/setup-deps.sh), or set LISTINGDESK_SKIP_PORTAL_TESTS=1 to skip these tests." >&2
        exit 1
    fi
    for name in "${instances[@]}"; do
        cp "$root/$name/portal.env" "$root/$name.env"
        echo "$name: $(grep '^WP_BASE_URL=' "$root/$name.env")"
    done
    elapsed_ms=$(((${EPOCHREALTIME/./} - started) / 1000))
    echo "both portals up in ${elapsed_ms} ms"
    ;;
stop)
    stop_all
    rm -f "$root/plugin.env" "$root/plain.env"
    ;;
*)
    echo "usage: $0 start|stop ROOT" >&2
    exit 2
    ;;
esac
