// SPDX-License-Identifier: GPL-3.0-or-later
// oasis-sale-worker: one register selling in a loop, for the crash and concurrency harnesses.
#include "tests/crash/harness/harness.h"

int main(int argc, char **argv) {
    return oasis::harness::workerMain(argc, argv);
}
