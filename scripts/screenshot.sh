#!/bin/sh
# Makes docs/screenshot.png (and docs/screenshot-zh_CN.png): the real main
# window, offscreen, on a library filled with the Chinese sample listings; and
# the city and category pickers (docs/city-picker*.png, docs/category-picker*.png) and
# the statistics view (docs/statistics.png, docs/statistics-zh.png), the
# welcome view of an empty library (docs/welcome.png, docs/welcome-zh.png) and
# the settings and portal accounts dialogs (docs/settings*.png, docs/portals*.png).
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
# No portal is at hand, so the pictures get made-up portal figures: two
# listings in three published to each of their cities over the last three
# weeks, with view counts.
sqlite3 "$library" <<'SQL'
INSERT INTO portals (name, base_url, username)
VALUES ('长治信息港', 'https://www.czxxg.example/', 'editor');
INSERT INTO remote_posts (listing_id, portal_id, region_code, client_key, state, views, published_at)
SELECT lr.listing_id, (SELECT id FROM portals WHERE name = '长治信息港'), lr.region_code,
       'demo-' || lr.listing_id || '-' || lr.region_code, 'published',
       (lr.listing_id * 37 + length(lr.region_code) * 11) % 120 + 3,
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ((lr.listing_id * 7) % 21) || ' days')
FROM listing_regions lr
WHERE lr.listing_id % 3 != 0;
-- Those listings are published; the rest stay drafts and ready ones.
UPDATE listings SET status = 'published' WHERE id IN (SELECT listing_id FROM remote_posts);
SQL
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
for lang in en zh_CN; do
    out="$root/docs/welcome.png"
    [ "$lang" = en ] || out="$root/docs/welcome-zh.png"
    "$build/src/app/listingdesk" --db "$work/empty.sqlite" --lang "$lang" --screenshot "$out"
    echo "wrote $out"
    out="$root/docs/screenshot.png"
    [ "$lang" = en ] || out="$root/docs/screenshot-$lang.png"
    "$build/src/app/listingdesk" --db "$library" --lang "$lang" --screenshot "$out"
    echo "wrote $out"
    suffix=""
    [ "$lang" = en ] || suffix="-$lang"
    # The picture tool adds a listing of its own: it gets a copy of the library.
    rm -f "$work/pictures.sqlite"
    sqlite3 "$library" ".backup '$work/pictures.sqlite'"
    "$build/tests/gui/listingdesk-screenshots" --db "$work/pictures.sqlite" --lang "$lang" \
        --out "$root/docs" --suffix "$suffix"
done
mv "$root/docs/statistics-zh_CN.png" "$root/docs/statistics-zh.png"
