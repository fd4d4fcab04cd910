// SPDX-License-Identifier: GPL-3.0-or-later
// oasis-empty-window: the empty window alone, in a program that links Qt Widgets and nothing
// else, so its start pays no library of the product's (oasis-bench's own "empty-window" pays
// them all: it links everything the counter app does).
#include "tests/bench/emptywindow.h"

int main(int argc, char **argv) {
    return oasis::bench::emptyWindow(argc, argv);
}
