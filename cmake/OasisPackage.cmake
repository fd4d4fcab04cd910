# SPDX-License-Identifier: GPL-3.0-or-later
# The .deb a shop installs (`./oasis.sh package`, then `apt install ./oasis-pos_*.deb`): what
# the install() rules lay out under /usr (oasis-pos and oasisctl in bin; the desktop entry, icons
# and AppStream metadata from pos/app; the copyright, changelog and manual pages below), packed
# by CPack's DEB generator. Test binaries, oasis-bench, static libraries and headers have no
# install rules. The translations are compiled into oasis-pos (:/i18n): no .qm files to ship.

set(OASIS_PACKAGE_MAINTAINER "Oasis POS maintainers <maintainers@oasispos.example>" CACHE STRING
    "The Maintainer field of the .deb (NAME <EMAIL>)")

# Debian wants a changelog and manual pages compressed with gzip -9n (no name or time stamp, so
# the package is the same at every build); the copyright goes as it is.
set(oasis_gzipped "")
foreach(doc changelog oasis-pos.1 oasisctl.1)
    set(gz ${CMAKE_CURRENT_BINARY_DIR}/package/${doc}.gz)
    add_custom_command(OUTPUT ${gz}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/package
        COMMAND sh -c "gzip -9n -c \"$1\" > \"$2\"" sh
                ${PROJECT_SOURCE_DIR}/resources/package/${doc} ${gz}
        DEPENDS ${PROJECT_SOURCE_DIR}/resources/package/${doc}
        COMMENT "gzip -9n ${doc}"
        VERBATIM)
    list(APPEND oasis_gzipped ${gz})
endforeach()
add_custom_target(oasis_package_docs ALL DEPENDS ${oasis_gzipped})
install(FILES ${PROJECT_SOURCE_DIR}/resources/package/copyright
              ${CMAKE_CURRENT_BINARY_DIR}/package/changelog.gz
        DESTINATION share/doc/oasis-pos)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/package/oasisctl.1.gz DESTINATION share/man/man1)
if(OASIS_BUILD_GUI)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/package/oasis-pos.1.gz DESTINATION share/man/man1)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME oasis-pos)
set(CPACK_PACKAGE_VENDOR "Oasis POS")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${OASIS_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "counter-side point of sale for spas")
# The long description as dpkg shows it: lines of at most 80 characters, an empty one between
# paragraphs.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Oasis POS rings up massage sessions with the therapist who gives them, tips,"
    "oils and lotions, and gift cards that carry a QR code, with stock, shifts,"
    "daily reports and a journal nobody can quietly change. It keeps its books in"
    "SQLite on one computer or on a PostgreSQL server shared by several registers."
    ""
    "This package holds the counter app, oasis-pos (in the Office menu), and"
    "oasisctl, the same back office from the command line.")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # oasis-pos_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${OASIS_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries the binaries link come from dpkg-shlibdeps; what Qt loads at run time it cannot
# see: the SQLite and PostgreSQL drivers, the platform plugins and the SVG icon engine (the
# window icon), Qt Multimedia's camera back ends (its plugins, in libqt6multimedia6), and the fonts
# the receipts and certificates are drawn in.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libcurl4 sends e-gift cards and e-receipts (shlibdeps finds it too; named here so the mail
# module's need is explicit), ca-certificates lets it check the mail server's TLS certificate.
set(oasis_runtime_depends libqt6sql6-sqlite libqt6sql6-psql fonts-dejavu-core libcurl4
    ca-certificates)
if(OASIS_BUILD_GUI)
    list(APPEND oasis_runtime_depends qt6-qpa-plugins libqt6svg6 libqt6multimedia6)
endif()
list(JOIN oasis_runtime_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# lp sends receipts to a CUPS queue; Wayland sessions show the app natively with qt6-wayland;
# Qt Multimedia's GStreamer back end reads a webcam with v4l2src (plugins-good) and videoconvert
# (plugins-base), for scanning with a camera.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "cups-client, qt6-wayland, gstreamer1.0-plugins-base, gstreamer1.0-plugins-good")

include(CPack)
