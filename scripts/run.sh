#!/bin/sh
# Quick start 1: install what is missing, build, and start ListingDesk on its
# default library (created on first start in the user's data folder).
# Extra arguments go to the app, e.g. scripts/run.sh --lang zh_CN
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-deps.sh"

build="$root/build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLISTINGDESK_BUILD_TESTS=OFF
cmake --build "$build" --target listingdesk listingdesk-cli

app="$build/src/app/listingdesk"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display found; starting ListingDesk in a virtual X server (xvfb-run)."
    echo "run: stop it with Ctrl+C. On a desktop session it opens a normal window."
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$app" "$@"
fi
exec "$app" "$@"
