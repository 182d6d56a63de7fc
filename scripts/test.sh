#!/bin/sh
# Quick start 2 (and CI): install what is missing, build with warnings as
# errors under AddressSanitizer + UndefinedBehaviorSanitizer, run every test.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-deps.sh"

build="${LISTINGDESK_TEST_BUILD_DIR:-$root/build-ci}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
      -DLISTINGDESK_WERROR=ON -DLISTINGDESK_SANITIZE=ON -DLISTINGDESK_BUILD_TESTS=ON
cmake --build "$build"
cd "$build"
ctest --output-on-failure -j "$(nproc)"
