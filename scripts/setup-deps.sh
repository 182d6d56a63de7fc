#!/bin/sh
# Installs what ListingDesk needs to build, run and test on Debian 12.
# Idempotent: when every package is present it only checks and returns.
set -eu

packages="
    g++ cmake ninja-build pkgconf
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins libqt6svg6 libgl-dev
    qt6-charts-dev libqt6charts6 libqt6opengl6-dev
    dpkg-dev file
    fonts-noto-cjk
    xvfb xauth
    dbus-daemon
    sqlite3
    libgumbo-dev
    qtkeychain-qt6-dev
    clang libclang-rt-14-dev
    appstream desktop-file-utils
    postgresql
    wordpress wordpress-theme-twentytwentythree
    php8.2-cli php8.2-mysql php8.2-gd php8.2-mbstring
    mariadb-server mariadb-client procps curl ca-certificates
"
# dbus-daemon: tst_desktopnotifier runs a private bus with a fake notification service.
# dpkg-dev (dpkg-shlibdeps) and file: cpack's Depends from the binaries (scripts/package.sh).
# The last three lines are the test WordPress of tests/portal/wordpress.sh (keep both lists
# in step). php8.2-curl and php8.2-xml are not needed: the test portal never calls out and
# we do not use XML-RPC. postgresql (the server, with pg_trgm) is the private test cluster
# of tests/pg/postgres.sh; libqt6sql6-psql is the QPSQL driver for team libraries.

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
# mariadb-server, postgresql and apache2 (pulled in by wordpress) would start system services from
# their package scripts; a temporary policy-rc.d forbids that unless the machine has one.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod 755 "$policy"
    trap '$SUDO rm -f "$policy"' EXIT
    trap 'exit 1' INT TERM
fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # the list is meant to split into words
$SUDO apt-get install -y --no-install-recommends $missing
