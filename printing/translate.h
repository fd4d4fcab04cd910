// SPDX-License-Identifier: GPL-3.0-or-later
// printing's one translation helper: tr("...") in namespace oasis::printing, read by lupdate as
// the context "oasis::printing", the context it is looked up in.
#pragma once

#include <QString>

namespace oasis::printing {

QString tr(const char *text);

} // namespace oasis::printing
