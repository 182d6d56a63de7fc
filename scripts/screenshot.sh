#!/bin/sh
# Makes docs/screenshot.png (and docs/screenshot-zh_CN.png): the real main
# window, offscreen, on a library filled with the Chinese sample listings; and
# the city and category pickers (docs/city-picker*.png, docs/category-picker*.png).
# Usage: scripts/screenshot.sh [BUILD_DIR]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build="${1:-$root/build}"
if [ ! -x "$build/src/app/listingdesk" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --target listingdesk listingdesk-cli listingdesk-screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
library="$work/library.sqlite"
"$build/src/cli/listingdesk-cli" --db "$library" import "$root/resources/samples/sample-listings.json"
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
for lang in en zh_CN; do
    out="$root/docs/screenshot.png"
    [ "$lang" = en ] || out="$root/docs/screenshot-$lang.png"
    "$build/src/app/listingdesk" --db "$library" --lang "$lang" --screenshot "$out"
    echo "wrote $out"
    suffix=""
    [ "$lang" = en ] || suffix="-$lang"
    "$build/tests/gui/listingdesk-screenshots" --db "$library" --lang "$lang" \
        --out "$root/docs" --suffix "$suffix"
done
