// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/translate.h"

#include <QCoreApplication>

namespace oasis::printing {

QString tr(const char *text) {
    return QCoreApplication::translate("oasis::printing", text);
}

} // namespace oasis::printing
