// SPDX-License-Identifier: GPL-3.0-or-later
// What every printer transport says the same way: a failure a cashier can act on, and a deadline
// in seconds ("3 s"). Header only: the TCP transport (oasis_printing_tcp) uses it without the
// printing library.
#pragma once

#include "core/domain/error.h"

#include <QString>

namespace oasis::printing {

inline Status printerError(const QString &message) {
    return fail(ErrorCode::Printer, message);
}

inline QString secondsText(int ms) {
    return QString::number(ms / 1000.0, 'g', 3) + QStringLiteral(" s");
}

} // namespace oasis::printing
