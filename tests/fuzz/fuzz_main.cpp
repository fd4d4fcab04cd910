// SPDX-License-Identifier: GPL-3.0-or-later
// One libFuzzer target; OASIS_FUZZ_TARGET names the entry point of fuzz_targets.h.
#include "tests/fuzz/fuzz_targets.h"

#include <QCoreApplication>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
    static QCoreApplication app(*argc, *argv);
    QCoreApplication::setOrganizationName(QStringLiteral("OasisPOS-fuzz"));
    qputenv("QT_LOGGING_RULES", "*.warning=false");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    oasis::fuzz::OASIS_FUZZ_TARGET(data, size);
    return 0;
}
