// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/translate.h"

#include <QCoreApplication>

namespace oasis::screens {

QString tr(const char *text) {
    return QCoreApplication::translate("oasis::screens", text);
}

} // namespace oasis::screens
