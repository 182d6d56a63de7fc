# A Debian package of what `cmake --install` installs (scripts/package.sh
# builds, installs and starts it). Included last by the top-level CMakeLists.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "listingdesk")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "ListingDesk")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "ListingDesk maintainers <maintainers@listingdesk.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # listingdesk_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://listingdesk.invalid/")
# The long description: Debian wants the summary on the first line and the
# rest indented, which CPack does for a multi-line string.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "${PROJECT_DESCRIPTION}
 ListingDesk (信息发布台) is a desktop application for people who write
 classified listings: draft offline in a local library, pick a category and
 cities (search them in Chinese or pinyin), and publish to a WordPress-based
 listing portal. Includes listingdesk-cli for scripts and cron jobs.")

# dpkg-shlibdeps (dpkg-dev) derives the Qt, SQLite and C++ runtime libraries
# from the binaries. What it cannot see are the plugins Qt loads at run time:
# the SQLite driver, the platform plugins (xcb, wayland, offscreen) and the SVG
# icon engine, so they are declared here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
# Chinese text needs a CJK font; Qt's own dialogs (file picker, About Qt) are
# translated by qt6-translations-l10n. Useful, not required to start.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n, qt6-wayland")

include(CPack)
