// SPDX-License-Identifier: GPL-3.0-or-later
// mail's one translation helper: tr("...") in namespace oasis::mail, read by lupdate as the
// context "oasis::mail".
#pragma once

#include <QString>

namespace oasis::mail {

QString tr(const char *text);

} // namespace oasis::mail
