// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/tax.h"

#include "core/domain/translate.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace oasis {

QString taxClassLabel(TaxClass cls) {
    switch (cls) {
    case TaxClass::Service:
        return oasis::tr("Services (massage)");
    case TaxClass::Retail:
        return oasis::tr("Retail (oils, lotions)");
    case TaxClass::GiftCard:
        return oasis::tr("Gift cards");
    case TaxClass::None:
        return oasis::tr("Untaxed");
    }
    return {};
}

QString percentText(qint64 ppm) {
    QString text = QStringLiteral("%1.%2")
                       .arg(std::abs(ppm) / 10'000)
                       .arg(std::abs(ppm) % 10'000, 4, 10, QLatin1Char('0'));
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

Result<qint64> parsePercent(const QString &text) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d{1,3})(?:[.](\\d{0,4}))?\\s*%?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return fail(ErrorCode::Invalid,
                    oasis::tr("Type a percentage such as 40 or 10.55 (up to 4 decimals)."));
    const qint64 ppm =
        m.captured(1).toLongLong() * 10'000 + m.captured(2).leftJustified(4, u'0').toLongLong();
    if (ppm > 1'000'000)
        return fail(ErrorCode::Invalid, oasis::tr("A percentage cannot be more than 100."));
    return ppm;
}

QString taxClassName(TaxClass cls) {
    switch (cls) {
    case TaxClass::Service:
        return QStringLiteral("service");
    case TaxClass::Retail:
        return QStringLiteral("retail");
    case TaxClass::GiftCard:
        return QStringLiteral("giftcard");
    case TaxClass::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<TaxClass> taxClassFromName(QStringView name) {
    for (TaxClass c : {TaxClass::Service, TaxClass::Retail, TaxClass::GiftCard, TaxClass::None})
        if (name.compare(taxClassName(c), Qt::CaseInsensitive) == 0)
            return c;
    return std::nullopt;
}

void TaxTable::add(TaxRate rate) {
    m_rates.push_back(rate);
}

std::optional<qint64> TaxTable::rateOn(TaxClass cls, QDate date) const {
    const TaxRate *best = nullptr;
    for (const TaxRate &r : m_rates) {
        if (r.taxClass != cls || r.effectiveFrom > date)
            continue;
        if (!best || r.effectiveFrom >= best->effectiveFrom)
            best = &r;
    }
    return best ? std::optional<qint64>(best->ppm) : std::nullopt;
}

TaxTable TaxTable::seattle() {
    TaxTable t;
    t.add({TaxClass::Retail, 103'500, QDate(2024, 4, 1)});
    t.add({TaxClass::Retail, 105'500, QDate(2026, 1, 1)});
    t.add({TaxClass::Service, 0, QDate(2000, 1, 1)});
    t.add({TaxClass::GiftCard, 0, QDate(2000, 1, 1)});
    return t;
}

std::vector<Money> allocateProRata(Money total, const std::vector<Money> &weights) {
    std::vector<Money> parts(weights.size());
    qint64 sum = 0;
    for (Money w : weights)
        sum += w.cents();
    if (sum == 0 || total.isZero())
        return parts;
    if (total.isNegative()) {
        // A refund: split the amount as a sale and flip the signs. Flooring a negative share
        // would round towards zero and lose the leftover cents.
        parts = allocateProRata(-total, weights);
        for (Money &p : parts)
            p = -p;
        return parts;
    }
    // Floor shares first, then hand the leftover cents to the largest remainders. Ticket amounts
    // are bounded by the store limit, so the products fit in 64 bits; overflow would be a bug.
    std::vector<std::pair<qint64, std::size_t>> remainders;
    qint64 given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        qint64 num = 0;
        if (__builtin_mul_overflow(total.cents(), weights[i].cents(), &num))
            throw std::overflow_error("allocation overflow");
        const qint64 share = num / sum;
        parts[i] = Money::fromCents(share);
        given += share;
        remainders.emplace_back(num % sum, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    qint64 left = total.cents() - given;
    for (std::size_t k = 0; left > 0 && k < remainders.size(); ++k, --left)
        parts[remainders[k].second] += Money::fromCents(1);
    return parts;
}

namespace {

std::unexpected<Error> notADiscount(QStringView text) {
    return fail(ErrorCode::Invalid,
                oasis::tr("\"%1\" is not a discount: use a percentage from 0% to 100% or an "
                          "amount like 5.00.")
                    .arg(text));
}

} // namespace

Result<Discount> Discount::parse(QStringView text) {
    QStringView s = text.trimmed();
    if (s.endsWith(u'%')) {
        // A percentage with up to 4 decimals, kept as ppm.
        auto value = Money::parse(s.chopped(1), Money::fromCents(100'00));
        QStringView digits = s.chopped(1);
        const qsizetype dot = digits.indexOf(u'.');
        if (dot >= 0 && digits.size() - dot - 1 > 2)
            return fail(ErrorCode::Invalid,
                        oasis::tr("\"%1\": a percentage takes at most two decimals.").arg(text));
        if (!value)
            return notADiscount(text);
        return Discount::percent(value->cents() * 100); // 12.50 % → 1250 → 125'000 ppm
    }
    auto amount = Money::parse(s);
    if (!amount) {
        // Words are no discount at all: say what one is. A number, or a text too long to quote,
        // gets the amount's own reason ("-5.00" is negative, …), which quotes it already.
        const bool number = std::all_of(s.begin(), s.end(), [](QChar c) {
            return c.isDigit() || c.isSpace() || c.category() == QChar::Symbol_Currency ||
                   QStringView(u".,-+").contains(c);
        });
        if (!number && s.size() <= 40)
            return notADiscount(text);
        return std::unexpected(amount.error());
    }
    return Discount::fixed(*amount);
}

QString Discount::toString() const {
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Percent:
        return QString::number(ppm / 10'000) +
               (ppm % 10'000
                    ? u'.' + QStringLiteral("%1").arg(ppm % 10'000 / 100, 2, 10, QLatin1Char('0'))
                    : QString()) +
               u'%';
    case Kind::Amount:
        return amount.toString();
    }
    return {};
}

Result<TicketTotals> computeTotals(const std::vector<PricingLine> &lines, const Discount &discount,
                                   const TaxTable &taxes, QDate date) {
    TicketTotals t;
    std::vector<Money> discountable(lines.size());
    Money discountableBase;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const PricingLine &l = lines[i];
        if (l.net.isNegative())
            return fail(ErrorCode::Invalid,
                        oasis::tr("A line discount cannot exceed the line's price."));
        if (l.taxClass == TaxClass::None) {
            t.tips += l.net;
            continue;
        }
        t.subtotal += l.net;
        // A gift card is money held for the customer, never discounted (DESIGN §4), whatever
        // the caller says.
        if (l.discountable && l.taxClass != TaxClass::GiftCard) {
            discountable[i] = l.net;
            discountableBase += l.net;
        }
    }

    switch (discount.kind) {
    case Discount::Kind::None:
        break;
    case Discount::Kind::Percent:
        if (discount.ppm < 0 || discount.ppm > 1'000'000)
            return fail(ErrorCode::Invalid, oasis::tr("A discount must be between 0% and 100%."));
        t.discount = discountableBase.timesPpm(discount.ppm);
        break;
    case Discount::Kind::Amount:
        if (discount.amount.isNegative())
            return fail(ErrorCode::Invalid, oasis::tr("A discount cannot be negative."));
        if (discount.amount > discountableBase)
            return fail(ErrorCode::Refused,
                        oasis::tr("The discount of %1 is more than the %2 that can be discounted "
                                  "(gift cards and tips cannot be).")
                            .arg(discount.amount.format(), discountableBase.format()));
        t.discount = discount.amount;
        break;
    }
    t.lineDiscount = allocateProRata(t.discount, discountable);

    // Tax once per class on the discounted base, then spread back over the class's lines.
    std::map<TaxClass, std::vector<Money>> basesByClass;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (TaxClass c : {TaxClass::Service, TaxClass::Retail, TaxClass::GiftCard})
            basesByClass[c].push_back(lines[i].taxClass == c ? lines[i].net - t.lineDiscount[i]
                                                             : Money());
    }
    t.lineTax.assign(lines.size(), Money());
    for (auto &[cls, bases] : basesByClass) {
        const Money base = std::accumulate(bases.begin(), bases.end(), Money());
        const qint64 ppm = cls == TaxClass::GiftCard ? 0 : taxes.ppmOn(cls, date);
        const Money tax = base.timesPpm(ppm);
        const bool present =
            std::any_of(lines.begin(), lines.end(),
                        [c = cls](const PricingLine &l) { return l.taxClass == c; });
        // A class sold with no rate on file for the date is refused, never taxed at 0 %
        // silently (a sale dated before the store's first rate).
        if (present && cls != TaxClass::GiftCard && !taxes.rateOn(cls, date))
            return fail(
                ErrorCode::Refused,
                oasis::tr("No %1 tax rate is on file for %2: add the rate in force on that date "
                          "(Settings, Tax rates) before selling.")
                    .arg(taxClassName(cls), date.toString(Qt::ISODate)));
        if (present)
            t.taxByClass[cls] = tax;
        const std::vector<Money> shares = allocateProRata(tax, bases);
        for (std::size_t i = 0; i < lines.size(); ++i)
            t.lineTax[i] += shares[i];
        t.tax += tax;
    }
    t.total = t.subtotal - t.discount + t.tax + t.tips;
    return t;
}

} // namespace oasis
