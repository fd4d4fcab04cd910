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

# libstdc++ 12 offers std::expected only when __cpp_concepts reports C++20 (202002). Clang up to
# 18 reports 201907 although from 16 on it compiles what <expected> needs (conditionally
# trivial destructors, P0848); the fuzzers (libFuzzer is Clang's) build with Debian's clang 16,
# so state the level it supports for this use.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 19)
    target_compile_options(oasis_defaults INTERFACE -U__cpp_concepts -D__cpp_concepts=202002L
                                                    -Wno-builtin-macro-redefined)
endif()
