# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the language standard, warnings and Qt defines for every target.

add_library(oasis_defaults INTERFACE)
add_library(oasis::defaults ALIAS oasis_defaults)

target_compile_features(oasis_defaults INTERFACE cxx_std_23)
target_compile_definitions(oasis_defaults INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)
target_compile_options(oasis_defaults INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
target_include_directories(oasis_defaults INTERFACE ${PROJECT_SOURCE_DIR})

if(OASIS_SANITIZE)
    target_compile_options(oasis_defaults INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(oasis_defaults INTERFACE -fsanitize=address,undefined)
endif()
