# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DSOURCE_DIR=… -DBUILD_DIR=… -DWORK_DIR=… -DAPP_ID=… -DVERSION=… -P check_install.cmake
# Installs the build into WORK_DIR/usr and fails with one line per thing that is wrong.
cmake_minimum_required(VERSION 3.25)

set(prefix ${WORK_DIR}/usr)
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix}
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${result}): ${err}")
endif()

set(problems "")
macro(problem text)
    list(APPEND problems "${text}")
endmacro()

# Exactly these files, nothing else: no test binary, no bench, no static library or header.
set(expected
    bin/oasis-pos
    bin/oasisctl
    lib/oasis-pos/oasis-camera.so
    lib/oasis-pos/oasis-charts.so
    lib/oasis-pos/oasis-network.so
    share/applications/${APP_ID}.desktop
    share/doc/oasis-pos/changelog.gz
    share/doc/oasis-pos/copyright
    share/icons/hicolor/256x256/apps/${APP_ID}.png
    share/man/man1/oasis-pos.1.gz
    share/man/man1/oasisctl.1.gz
    share/icons/hicolor/scalable/apps/${APP_ID}.svg
    share/metainfo/${APP_ID}.metainfo.xml)
file(GLOB_RECURSE installed LIST_DIRECTORIES false RELATIVE ${prefix} ${prefix}/*)
list(SORT installed)
foreach(f IN LISTS expected)
    if(NOT f IN_LIST installed)
        problem("missing: ${f}")
    endif()
endforeach()
foreach(f IN LISTS installed)
    if(NOT f IN_LIST expected)
        problem("installed but not for a shop: ${f}")
    endif()
endforeach()
foreach(program oasis-pos oasisctl)
    if(EXISTS ${prefix}/bin/${program} AND NOT IS_DIRECTORY ${prefix}/bin/${program})
        file(READ ${prefix}/bin/${program} magic LIMIT 4 HEX)
        if(NOT magic STREQUAL "7f454c46")
            problem("bin/${program} is not an ELF executable")
        endif()
    endif()
endforeach()

# The menu entry starts the installed program and shows the installed icon.
set(desktop ${prefix}/share/applications/${APP_ID}.desktop)
if(EXISTS ${desktop})
    file(STRINGS ${desktop} lines)
    foreach(key Exec Icon Categories)
        set(${key} "")
    endforeach()
    foreach(line IN LISTS lines)
        if(line MATCHES "^(Exec|Icon|Categories)=(.*)$")
            set(${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
        endif()
    endforeach()
    string(REGEX REPLACE " .*" "" exec_program "${Exec}")
    if(NOT EXISTS ${prefix}/bin/${exec_program} OR exec_program STREQUAL "")
        problem("the desktop entry's Exec=${Exec} is not an installed program")
    endif()
    if(NOT Icon STREQUAL APP_ID)
        problem("the desktop entry's Icon=${Icon} is not the installed icon ${APP_ID}")
    endif()
    if(NOT Categories MATCHES "(^|;)Office;")
        problem("the desktop entry's Categories=${Categories} has no Office")
    endif()
endif()

# The PNG is 256x256 (the width and height in its IHDR chunk).
set(png ${prefix}/share/icons/hicolor/256x256/apps/${APP_ID}.png)
if(EXISTS ${png})
    file(READ ${png} header LIMIT 24 HEX)
    if(NOT header MATCHES "^89504e470d0a1a0a")
        problem("${APP_ID}.png is not a PNG")
    elseif(NOT header MATCHES "0000010000000100$")
        problem("${APP_ID}.png is not 256x256 (IHDR ${header})")
    endif()
endif()
set(svg ${prefix}/share/icons/hicolor/scalable/apps/${APP_ID}.svg)
if(EXISTS ${svg})
    file(READ ${svg} text)
    if(NOT text MATCHES "^<svg " OR NOT text MATCHES "</svg>")
        problem("${APP_ID}.svg is not an SVG drawing")
    endif()
endif()

# The AppStream component names the same id, desktop entry, programs and this version.
set(metainfo ${prefix}/share/metainfo/${APP_ID}.metainfo.xml)
if(EXISTS ${metainfo})
    file(READ ${metainfo} xml)
    foreach(needed
            "<id>${APP_ID}</id>"
            "<launchable type=\"desktop-id\">${APP_ID}.desktop</launchable>"
            "<icon type=\"stock\">${APP_ID}</icon>"
            "<binary>oasis-pos</binary>"
            "<binary>oasisctl</binary>"
            "<release version=\"${VERSION}\"")
        string(FIND "${xml}" "${needed}" at)
        if(at EQUAL -1)
            problem("the metainfo lacks ${needed}")
        endif()
    endforeach()
endif()

# The changelog is gzip -9n (no name, no time stamp) and its first entry is this version.
set(changelog ${prefix}/share/doc/oasis-pos/changelog.gz)
if(EXISTS ${changelog})
    file(READ ${changelog} gz LIMIT 8 HEX)
    if(NOT gz STREQUAL "1f8b080000000000")
        problem("changelog.gz is not gzip -9n (header ${gz})")
    endif()
endif()
file(STRINGS ${SOURCE_DIR}/resources/package/changelog first LIMIT_COUNT 1)
if(NOT first MATCHES "^oasis-pos \\(${VERSION}\\) ")
    problem("resources/package/changelog starts with '${first}', not version ${VERSION}")
endif()

# The desktop entry and metainfo pass the freedesktop validators where they are installed.
find_program(desktop_validate desktop-file-validate)
if(desktop_validate AND EXISTS ${desktop})
    execute_process(COMMAND ${desktop_validate} ${desktop} RESULT_VARIABLE r OUTPUT_VARIABLE o)
    if(NOT r EQUAL 0 OR o MATCHES "error")
        problem("desktop-file-validate: ${o}")
    endif()
endif()
find_program(appstreamcli appstreamcli)
if(appstreamcli AND EXISTS ${metainfo})
    execute_process(COMMAND ${appstreamcli} validate --no-net ${metainfo}
        RESULT_VARIABLE r OUTPUT_VARIABLE o ERROR_VARIABLE e)
    if(NOT r EQUAL 0)
        problem("appstreamcli validate: ${o}${e}")
    endif()
endif()

file(REMOVE_RECURSE ${WORK_DIR})
if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "the installed package is wrong:\n  ${text}")
endif()
list(LENGTH installed count)
message(STATUS "installed ${count} files, all expected")
