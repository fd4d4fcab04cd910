// SPDX-License-Identifier: GPL-3.0-or-later
// Code page 858 (CP850 with the euro sign), the code page ESC/POS receipts are printed in.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace oasis::printing {

/// Replaces every character CP858 lacks with a readable ASCII stand-in ("—" → "-", "“" → '"',
/// "•" → "*", "ő" → "o", "…" → "..."); characters CP858 has (é, ü, ñ, €, …) are kept. The result
/// has exactly one printed column per QChar.
QString foldToCp858(QStringView text);

/// Encodes text as CP858 bytes, after foldToCp858(). Control characters become spaces.
QByteArray toCp858(QStringView text);

/// The Unicode character a CP858 byte stands for (for tests and previews).
char32_t fromCp858(unsigned char byte);

} // namespace oasis::printing
