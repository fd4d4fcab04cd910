// SPDX-License-Identifier: GPL-3.0-or-later
// oasisctl's one translation helper: tr("...") in namespace oasis::cli, read by lupdate as the
// context "oasis::cli", the context it is looked up in.
#pragma once

#include <QString>

namespace oasis::cli {

QString tr(const char *text);

} // namespace oasis::cli
