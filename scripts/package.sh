#!/bin/sh
# Builds the Debian package (Release build in build-package/, cpack -G DEB),
# installs it with apt the way a user would (replacing any earlier install),
# then starts the INSTALLED programs as a check: listingdesk-cli --version, and
# listingdesk offscreen taking a picture of its window. CI runs it last
# (scripts/test.sh). Needs root or sudo for apt-get.
#   scripts/package.sh            LISTINGDESK_JOBS=N to build with more jobs (default 2)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build="${LISTINGDESK_PACKAGE_BUILD_DIR:-$root/build-package}"
jobs="${LISTINGDESK_JOBS:-2}"
started=$(date +%s)
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive

generator=""
if command -v ninja >/dev/null 2>&1 && [ ! -f "$build/CMakeCache.txt" ]; then
    generator="-G Ninja"
fi
# shellcheck disable=SC2086 # $generator is empty or two words
cmake -S "$root" -B "$build" $generator -DCMAKE_BUILD_TYPE=Release \
      -DLISTINGDESK_BUILD_TESTS=OFF -DLISTINGDESK_SANITIZE=OFF -DLISTINGDESK_WERROR=ON >/dev/null
cmake --build "$build" -j "$jobs"
rm -f "$build"/listingdesk_*.deb
(cd "$build" && cpack -G DEB)
deb=$(cd "$build" && ls listingdesk_*.deb)
built=$(date +%s)
echo "package: built $build/$deb"
dpkg-deb --field "$build/$deb" Package Version Depends Recommends

# An earlier install (of this or another version) goes first, so the check
# below runs exactly the files of this package.
if dpkg-query -W -f='${Status}' listingdesk 2>/dev/null | grep -q "install ok installed"; then
    $SUDO apt-get remove -y listingdesk
fi
(cd "$build" && $SUDO apt-get install -y --no-install-recommends "./$deb")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/listingdesk-cli --version
QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    /usr/bin/listingdesk --db "$work/library.sqlite" --screenshot "$work/window.png"
# A PNG starts with \x89PNG; an empty or broken picture means the window never drew.
if [ "$(head -c 4 "$work/window.png" | tail -c 3)" != "PNG" ]; then
    echo "package: the installed listingdesk did not save a picture of its window" >&2
    exit 1
fi
echo "package: installed $deb; /usr/bin/listingdesk started offscreen and drew its window" \
     "($(wc -c <"$work/window.png") bytes of PNG)"
echo "package: build + cpack $((built - started)) s, install + check $(($(date +%s) - built)) s"
