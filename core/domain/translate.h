// SPDX-License-Identifier: GPL-3.0-or-later
// The one translation helper of core (DESIGN §11): every message core shows a person goes
// through oasis::tr("..."). lupdate reads these calls as the context "oasis", the context this
// looks them up in (code in a nested namespace calls oasis::tr explicitly, so lupdate gives it
// the same context). printing/ and pos/cli have one helper each of the same kind.
#pragma once

#include <QString>

namespace oasis {

QString tr(const char *text);

} // namespace oasis
