# Installs the build into a staging folder and checks that each file a desktop
# needs is where it belongs.
file(REMOVE_RECURSE "${STAGE}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${STAGE}/usr"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${result})")
endif()
foreach(path
        usr/bin/listingdesk
        usr/bin/listingdesk-cli
        usr/share/applications/listingdesk.desktop
        usr/share/icons/hicolor/scalable/apps/listingdesk.svg
        usr/share/metainfo/org.listingdesk.ListingDesk.metainfo.xml
        usr/share/man/man1/listingdesk-cli.1)
    if(NOT EXISTS "${STAGE}/${path}")
        message(FATAL_ERROR "missing after install: ${path}")
    endif()
endforeach()
message(STATUS "install layout complete")
