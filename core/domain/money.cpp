// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/money.h"

#include "core/domain/text.h"
#include "core/domain/translate.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <mutex>
#include <stdexcept>

namespace oasis {

namespace {

qint64 checkedAdd(qint64 a, qint64 b) {
    qint64 r = 0;
    if (__builtin_add_overflow(a, b, &r))
        throw std::overflow_error("money overflow");
    return r;
}

qint64 checkedMul(qint64 a, qint64 b) {
    qint64 r = 0;
    if (__builtin_mul_overflow(a, b, &r))
        throw std::overflow_error("money overflow");
    return r;
}

} // namespace

qint64 divRoundHalfAway(qint64 numerator, qint64 denominator) {
    if (denominator == 0)
        throw std::domain_error("division by zero");
    if (denominator < 0) {
        numerator = checkedMul(numerator, -1);
        denominator = -denominator;
    }
    const qint64 q = numerator / denominator;
    const qint64 r = numerator % denominator;
    // |r| * 2 >= denominator means the fraction is at least one half: round away from zero.
    const qint64 twiceAbsR = checkedMul(r < 0 ? -r : r, 2);
    if (twiceAbsR >= denominator)
        return numerator < 0 ? q - 1 : q + 1;
    return q;
}

Result<Money> Money::parse(QStringView text, Money limit, bool allowNegative) {
    QStringView s = text.trimmed();
    if (s.isEmpty())
        return fail(ErrorCode::Invalid, oasis::tr("An amount is required."));
    // No amount is this long; the messages below quote the text, so refuse it before them.
    if (s.size() > 40)
        return fail(ErrorCode::Invalid,
                    oasis::tr("\"%1\" is not an amount: it is %2 characters long.")
                        .arg(elidedForMessage(s.toString(), 20))
                        .arg(s.size()));
    bool negative = false;
    if (s.startsWith(u'-')) {
        negative = true;
        s = s.mid(1);
    }
    if (s.startsWith(u'$'))
        s = s.mid(1);
    if (!negative && s.startsWith(u'-')) {
        negative = true;
        s = s.mid(1);
    }
    if (s.isEmpty())
        return fail(ErrorCode::Invalid,
                    oasis::tr("\"%1\" is not an amount: digits are missing.").arg(text));
    if (negative && !allowNegative)
        return fail(ErrorCode::Invalid,
                    oasis::tr("\"%1\" is negative; a positive amount is required.").arg(text));

    qint64 whole = 0;
    qint64 fraction = 0;
    int fractionDigits = -1; // -1: no decimal point seen
    int wholeDigits = 0;
    int groupDigits = -1; // digits since the last thousands separator; -1: none seen
    const auto badSeparator = [&text] {
        return fail(
            ErrorCode::Invalid,
            oasis::tr("\"%1\" is not an amount: use a point for cents, like 12.50, and commas "
                      "only between thousands, like 1,200.00.")
                .arg(text));
    };
    for (QChar c : s) {
        if (c == u'.') {
            if (fractionDigits >= 0)
                return fail(
                    ErrorCode::Invalid,
                    oasis::tr("\"%1\" is not an amount: more than one decimal point.").arg(text));
            fractionDigits = 0;
            continue;
        }
        if (c == u',' && fractionDigits < 0) {
            // A thousands separator, as in 1,200.00: only between groups of three digits, so a
            // decimal comma ("12,50") is never read as $1,250.00.
            if (wholeDigits == 0 || (groupDigits < 0 ? wholeDigits > 3 : groupDigits != 3))
                return badSeparator();
            groupDigits = 0;
            continue;
        }
        if (c < u'0' || c > u'9')
            return fail(
                ErrorCode::Invalid,
                oasis::tr("\"%1\" is not an amount: use digits and an optional decimal point, "
                          "like 12.50.")
                    .arg(text));
        const int digit = c.unicode() - u'0';
        if (fractionDigits >= 0) {
            if (++fractionDigits > 2)
                return fail(ErrorCode::Invalid,
                            oasis::tr("\"%1\" has more than two digits after the decimal point.")
                                .arg(text));
            fraction = fraction * 10 + digit;
        } else {
            if (++wholeDigits > 12)
                return fail(
                    ErrorCode::Invalid,
                    oasis::tr("\"%1\" is above the limit of %2.").arg(text, limit.format()));
            whole = whole * 10 + digit;
            if (groupDigits >= 0)
                ++groupDigits;
        }
    }
    if (groupDigits >= 0 && groupDigits != 3)
        return badSeparator();
    if (wholeDigits == 0 && fractionDigits <= 0)
        return fail(ErrorCode::Invalid,
                    oasis::tr("\"%1\" is not an amount: digits are missing.").arg(text));
    if (fractionDigits == 1)
        fraction *= 10;
    qint64 cents = whole * 100 + fraction;
    if (cents > limit.cents())
        return fail(
            ErrorCode::Invalid,
            oasis::tr("%1 is above the limit of %2.").arg(Money(cents).format(), limit.format()));
    return Money(negative ? -cents : cents);
}

QString Money::toString() const {
    const qint64 abs = m_cents < 0 ? -m_cents : m_cents;
    return (m_cents < 0 ? QStringLiteral("-") : QString()) + QString::number(abs / 100) + u'.' +
           QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
}

namespace {
struct StoreCurrency {
    std::mutex lock;
    QString code = QStringLiteral("USD");
};
StoreCurrency &storeCurrency() {
    static StoreCurrency c;
    return c;
}
} // namespace

QString Money::currencySymbol(const QString &isoCode, const QLocale &locale) {
    // A locale's symbol as a receipt font has it: Qt's data gives some in full-width forms
    // (Japanese "￥", which DejaVu does not have: a box on the screen), read as their plain
    // form ("¥"); and some none at all (English in Switzerland: ""), which are passed over.
    auto symbolOf = [](const QLocale &l) {
        return l.currencySymbol(QLocale::CurrencySymbol).normalized(QString::NormalizationForm_KC);
    };
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == isoCode)
        if (const QString own = symbolOf(locale); !own.isEmpty())
            return own;
    QString best;
    bool bestEnglish = false;
    for (const QLocale &l : QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                     QLocale::AnyTerritory)) {
        if (l.currencySymbol(QLocale::CurrencyIsoCode) != isoCode)
            continue;
        const QString symbol = symbolOf(l);
        if (symbol.isEmpty())
            continue;
        const bool english = l.language() == QLocale::English;
        if (best.isEmpty() || (english && !bestEnglish) ||
            (english == bestEnglish && symbol.size() < best.size())) {
            best = symbol;
            bestEnglish = english;
        }
    }
    return best;
}

bool Money::setCurrency(const QString &isoCode) {
    if (currencySymbol(isoCode, QLocale::c()).isEmpty())
        return false;
    StoreCurrency &c = storeCurrency();
    const std::lock_guard guard(c.lock);
    c.code = isoCode;
    return true;
}

QString Money::currency() {
    StoreCurrency &c = storeCurrency();
    const std::lock_guard guard(c.lock);
    return c.code;
}

QString Money::format(const QLocale &locale) const {
    // QLocale::toCurrencyString takes a double for fractions; format the integer parts ourselves
    // so no amount ever passes through floating point, and take only the symbol's place from
    // the locale ("$7" or "7 $").
    const qint64 abs = m_cents < 0 ? -m_cents : m_cents;
    const QString digits = locale.toString(static_cast<qlonglong>(abs / 100)) +
                           locale.decimalPoint() +
                           QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
    // The symbol of each (currency, locale) pair is looked up once: the lookup walks every locale.
    static std::mutex lock;
    static QHash<QString, QString> patterns;
    const QString code = currency();
    const QString key = code + u'|' + locale.name();
    QString pattern;
    {
        const std::lock_guard guard(lock);
        pattern = patterns.value(key);
    }
    if (pattern.isEmpty()) {
        const QString seven = locale.toString(qlonglong(7));
        pattern = locale.toCurrencyString(qlonglong(7), currencySymbol(code, locale));
        const qsizetype at = pattern.indexOf(seven);
        pattern = at < 0 ? QStringLiteral("%1")
                         : pattern.left(at) + QStringLiteral("%1") + pattern.mid(at + seven.size());
        const std::lock_guard guard(lock);
        patterns.insert(key, pattern);
    }
    return (m_cents < 0 ? locale.negativeSign() : QString()) + pattern.arg(digits);
}

QString Money::format() const {
    static const QLocale us(QLocale::English, QLocale::UnitedStates);
    return format(us);
}

Money Money::operator+(Money o) const {
    return Money(checkedAdd(m_cents, o.m_cents));
}
Money Money::operator-(Money o) const {
    return Money(checkedAdd(m_cents, -o.m_cents));
}
Money Money::operator-() const {
    return Money(checkedMul(m_cents, -1));
}
Money Money::operator*(qint64 factor) const {
    return Money(checkedMul(m_cents, factor));
}

Money Money::timesPpm(qint64 ppm) const {
    return Money(divRoundHalfAway(checkedMul(m_cents, ppm), 1'000'000));
}

} // namespace oasis
