// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/receiptcode.h"

#include <QRegularExpression>

namespace oasis {

namespace receiptseries {
namespace {
constexpr int kUnused = 'R' - 'A' + 1;
} // namespace

QChar letter(int series) {
    if (series == kLegacy)
        return QLatin1Char('R');
    if (series < 1 || series > kLast || series == kUnused)
        return {};
    return QLatin1Char(static_cast<char>('A' + series - 1));
}

std::optional<int> fromLetter(QChar c) {
    const char16_t u = c.toUpper().unicode();
    if (u == u'R')
        return kLegacy;
    if (u < u'A' || u > u'Z')
        return std::nullopt;
    return u - u'A' + 1;
}
} // namespace receiptseries

QString receiptCode(qint64 receiptNo) {
    const qint64 series = receiptNo / receiptseries::kSpan;
    const QChar letter =
        series <= receiptseries::kLast ? receiptseries::letter(static_cast<int>(series)) : QChar();
    if (receiptNo <= 0 || letter.isNull())
        return QStringLiteral("#%1").arg(receiptNo);
    return QStringLiteral("%1-%2").arg(letter).arg(receiptNo % receiptseries::kSpan, 6, 10,
                                                   QLatin1Char('0'));
}

std::optional<qint64> parseReceiptCode(const QString &text) {
    // "#" and a receipt's number in the books; series R as it always was ("R-42", "R42"); any
    // other series only with its dash, so a SKU such as "L250" is never taken for a receipt.
    static const QRegularExpression re(
        QStringLiteral("^\\s*(?:(#)|([Rr])-?|([A-Za-z])-)0*([0-9]{1,12})\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(4).toLongLong();
    if (n <= 0)
        return std::nullopt;
    if (m.hasCaptured(1))
        return n;
    if (n > receiptseries::kMaxInSeries)
        return std::nullopt;
    const QString letter = m.hasCaptured(2) ? m.captured(2) : m.captured(3);
    const auto series = receiptseries::fromLetter(letter.at(0));
    if (!series)
        return std::nullopt;
    return receiptseries::base(*series) + n;
}

} // namespace oasis
