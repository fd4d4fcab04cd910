// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/cli/translate.h"

#include <QCoreApplication>

namespace oasis::cli {

QString tr(const char *text) {
    return QCoreApplication::translate("oasis::cli", text);
}

} // namespace oasis::cli
