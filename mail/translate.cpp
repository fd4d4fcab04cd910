// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/translate.h"

#include <QCoreApplication>

namespace oasis::mail {

QString tr(const char *text) {
    return QCoreApplication::translate("oasis::mail", text);
}

} // namespace oasis::mail
