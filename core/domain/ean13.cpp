// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/ean13.h"

namespace oasis {

namespace {
bool asciiDigits(QStringView text) {
    for (QChar c : text)
        if (c < u'0' || c > u'9') // QChar::isDigit() also takes Arabic-Indic and other digits
            return false;
    return true;
}
} // namespace

std::optional<int> ean13CheckDigit(QStringView twelve) {
    if (twelve.size() != 12 || !asciiDigits(twelve))
        return std::nullopt;
    // From the left, the digits weigh 1, 3, 1, 3, ...; the check digit makes the sum a
    // multiple of 10.
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (twelve[i].unicode() - u'0') * (i % 2 == 0 ? 1 : 3);
    return (10 - sum % 10) % 10;
}

bool isValidEan13(QStringView code) {
    if (code.size() != 13)
        return false;
    const auto check = ean13CheckDigit(code.first(12));
    return check && code[12].unicode() == u'0' + *check;
}

QString firstValidEan13(const QStringList &barcodes) {
    for (const QString &b : barcodes)
        if (isValidEan13(b.trimmed()))
            return b.trimmed();
    return {};
}

} // namespace oasis
