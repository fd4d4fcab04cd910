// SPDX-License-Identifier: GPL-3.0-or-later
// EAN-13, the barcode on the spa's retail products: the check digit rule, in one place for the
// catalog's validation and the shelf labels.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace oasis {

/// True when `code` is 13 ASCII digits whose last is the EAN-13 check digit of the first 12.
bool isValidEan13(QStringView code);

/// The check digit of 12 ASCII digits; nullopt for anything else.
std::optional<int> ean13CheckDigit(QStringView twelve);

/// The first of `barcodes` that is a valid EAN-13 (a product may carry several); empty when
/// none is.
QString firstValidEan13(const QStringList &barcodes);

} // namespace oasis
