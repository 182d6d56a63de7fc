#!/bin/sh
# Installs what ListingDesk needs to build, run and test on Debian 12.
# Idempotent: when every package is present it only checks and returns.
set -eu

packages="
    g++ cmake ninja-build pkgconf
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins libqt6svg6 libgl-dev
    fonts-noto-cjk
    xvfb xauth
    sqlite3
    libgumbo-dev
    clang libclang-rt-14-dev
    appstream desktop-file-utils
"

missing=""
for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done

if [ -z "$missing" ]; then
    echo "setup-deps: all packages present"
    exit 0
fi

echo "setup-deps: installing$missing"
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # the list is meant to split into words
$SUDO apt-get install -y --no-install-recommends $missing
