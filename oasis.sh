#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's commands:
#   ./oasis.sh run    install what is missing, build, start the counter app
#   ./oasis.sh test   install what is missing, build, run the whole suite with ctest
#   ./oasis.sh bench  build a Release and run oasis-bench
#   ./oasis.sh nogui  build core, printing and oasisctl without Qt Widgets, and their tests
#   ./oasis.sh fuzz [SECONDS]  build the libFuzzer targets with clang, run each (default 60 s)
#   ./oasis.sh package  build a Release without tests and pack it as a .deb with CPack
set -euo pipefail
cd "$(dirname "$0")"

packages=(
    cmake ninja-build g++ pkg-config ccache
    qt6-base-dev libqt6sql6-sqlite libqt6opengl6-dev qt6-charts-dev libgl-dev qt6-multimedia-dev
    qt6-l10n-tools qt6-tools-dev
    libsqlite3-dev libssl-dev libqrencode-dev catch2 libzxing-dev
    tzdata fonts-dejavu-core poppler-utils sqlite3
    postgresql postgresql-common libqt6sql6-psql
    libcurl4-openssl-dev python3-aiosmtpd
)

install_missing() { # extra packages...
    local missing=()
    packages+=("$@")
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local line="apt-get install -y --no-install-recommends ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "oasis.sh: these packages are missing: ${missing[*]}" >&2
        echo "Install them as root, then run this again:" >&2
        echo "  sudo apt-get update && sudo $line" >&2
        exit 1
    fi
    echo "oasis.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    $line
}

configure_and_build() { # build-dir, extra cmake arguments...
    local dir=$1
    shift
    local launcher=()
    command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    if [ ! -f "$dir/CMakeCache.txt" ]; then
        cmake -G Ninja -S . -B "$dir" "${launcher[@]}" "$@"
    fi
    cmake --build "$dir" -j "$(nproc)"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
run)
    # Qt Multimedia's GStreamer back end reads a webcam (camera scanning); only the app needs it.
    install_missing gstreamer1.0-plugins-base gstreamer1.0-plugins-good
    configure_and_build build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "oasis.sh: there is no display to show the counter app on." >&2
        echo "On a machine without a screen, run it under Xvfb:" >&2
        echo "  apt-get install -y xvfb xauth && xvfb-run -s '-screen 0 1366x768x24' ./oasis.sh run" >&2
        exit 1
    fi
    exec build/pos/app/oasis-pos "$@"
    ;;
test)
    install_missing
    configure_and_build build
    ctest --test-dir build --output-on-failure -j "$(nproc)" "$@"
    ;;
nogui)
    install_missing
    configure_and_build build-nogui -DOASIS_BUILD_GUI=OFF
    ctest --test-dir build-nogui --output-on-failure -j "$(nproc)" "$@"
    ;;
bench)
    install_missing
    configure_and_build build-release -DCMAKE_BUILD_TYPE=Release -DOASIS_BUILD_TESTS=ON
    exec build-release/tests/bench/oasis-bench run "$@"
    ;;
fuzz)
    seconds=${1:-60}
    if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
        echo "oasis.sh: fuzz takes a number of seconds, 1 or more (got '$seconds')" >&2
        exit 1
    fi
    install_missing clang-16 libclang-rt-16-dev
    if [ ! -f build-fuzz/CMakeCache.txt ]; then
        CC=clang-16 CXX=clang++-16 cmake -G Ninja -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DOASIS_FUZZ=ON -DOASIS_BUILD_GUI=OFF -DOASIS_BUILD_BENCH=OFF "-DOASIS_TEST_AREAS=fuzz"
    fi
    targets=(money scan csv_import journal)
    cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
    status=0
    for t in "${targets[@]}"; do
        # A copy of the seeds: what the fuzzer learns stays out of the source tree.
        work=build-fuzz/corpus/$t
        mkdir -p "$work" build-fuzz/crashes
        cp -n tests/fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
        echo "oasis.sh: fuzzing $t for $seconds s"
        if ! build-fuzz/tests/fuzz/fuzz_"$t" -max_total_time="$seconds" -max_len=4096 \
            -artifact_prefix=build-fuzz/crashes/"$t"- "$work"; then
            echo "oasis.sh: fuzz_$t found a crash in build-fuzz/crashes/: add it to" \
                "tests/fuzz/test_fuzz_regressions.cpp" >&2
            status=1
        fi
    done
    exit $status
    ;;
package)
    # dpkg-shlibdeps (dpkg-dev, with file) writes the .deb's dependencies on the libraries the
    # programs link; the validators check the menu entry and the AppStream metadata it ships.
    install_missing dpkg-dev file desktop-file-utils appstream
    # Hardened as Debian builds its own packages (fortified functions, read-only relocations).
    configure_and_build build-package -DCMAKE_BUILD_TYPE=Release -DOASIS_BUILD_TESTS=OFF \
        -DOASIS_BUILD_BENCH=OFF "-DCMAKE_CXX_FLAGS=-D_FORTIFY_SOURCE=2 -fstack-protector-strong" \
        "-DCMAKE_EXE_LINKER_FLAGS=-Wl,-z,relro,-z,now"
    desktop-file-validate resources/app/com.oasispos.OasisPOS.desktop
    appstreamcli validate --no-net resources/app/com.oasispos.OasisPOS.metainfo.xml
    rm -f build-package/oasis-pos_*.deb
    cpack --config build-package/CPackConfig.cmake -B build-package
    deb=$(echo build-package/oasis-pos_*.deb)
    echo "oasis.sh: built $deb"
    echo "Install it with:  sudo apt install ./$deb"
    ;;
*)
    echo "usage: ./oasis.sh run | test | nogui | bench | fuzz [SECONDS] | package" >&2
    exit 1
    ;;
esac
