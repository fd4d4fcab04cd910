// SPDX-License-Identifier: GPL-3.0-or-later
// The screens' helper for text outside a class (a screen's own text uses its QObject::tr):
// tr("...") in namespace oasis::screens, read by lupdate as the context "oasis::screens".
#pragma once

#include <QString>

namespace oasis::screens {

QString tr(const char *text);

} // namespace oasis::screens
