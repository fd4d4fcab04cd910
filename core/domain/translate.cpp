// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/translate.h"

#include <QCoreApplication>

namespace oasis {

QString tr(const char *text) {
    return QCoreApplication::translate("oasis", text);
}

} // namespace oasis
