// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/receipt.h"

#include "printing/translate.h"

#include <QRegularExpression>

namespace oasis::printing {

QString noFeesLine() {
    return QStringLiteral("No fees.");
}

QString noExpiryNoFeesLine() {
    return QStringLiteral("No expiration date. No fees.");
}

bool onlyExpiringValue(Money paid, Money promo, const QDate &promoExpires) {
    return paid.isZero() && !promo.isZero() && promoExpires.isValid();
}

QString feesAndExpiryLine(Money paid, Money promo, const QDate &promoExpires) {
    if (onlyExpiringValue(paid, promo, promoExpires))
        return noFeesLine();
    return noExpiryNoFeesLine();
}

QString promoLine(Money promo, const QDate &expires) {
    return expires.isValid() ? oasis::printing::tr("Includes %1 promotional value, expires %2")
                                   .arg(promo.format(), expires.toString(Qt::ISODate))
                             : oasis::printing::tr("Includes %1 promotional value, no expiry")
                                   .arg(promo.format());
}

QString readableCode(QStringView code, int groupSize) {
    QString trimmed = code.trimmed().toString();
    if (trimmed.contains(u'-') || trimmed.contains(u' ')) {
        QStringList parts =
            trimmed.split(QRegularExpression(QStringLiteral("[-\\s]+")), Qt::SkipEmptyParts);
        return parts.join(u'-');
    }
    if (groupSize <= 0)
        return trimmed;
    QString out;
    for (qsizetype i = 0; i < trimmed.size(); i += groupSize) {
        if (!out.isEmpty())
            out += u'-';
        out += trimmed.mid(i, groupSize);
    }
    return out;
}

} // namespace oasis::printing
