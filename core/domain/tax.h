// SPDX-License-Identifier: GPL-3.0-or-later
// Tax classes, dated rates in parts per million, pro-rata allocation and ticket totals.
#pragma once

#include "core/domain/error.h"
#include "core/domain/money.h"

#include <QDate>

#include <map>
#include <optional>
#include <vector>

namespace oasis {

/// Washington treatment: licensed massage is not subject to retail sales tax; oils and lotions
/// are; a gift card is a liability, not a sale, so it is never taxed when sold.
enum class TaxClass { Service, Retail, GiftCard, None };

QString taxClassName(TaxClass cls);
/// What a person reads: "Services (massage)", "Retail (oils, lotions)", "Gift cards", "Untaxed".
QString taxClassLabel(TaxClass cls);

/// A percentage in parts per million as a person writes it: 400'000 -> "40", 105'500 ->
/// "10.55" (no sign).
QString percentText(qint64 ppm);
/// "40", "10.55", "12.5 %" -> parts per million; 0 to 100 with up to 4 decimals.
Result<qint64> parsePercent(const QString &text);
std::optional<TaxClass> taxClassFromName(QStringView name);

struct TaxRate {
    TaxClass taxClass = TaxClass::Retail;
    qint64 ppm = 0; ///< 10.55 % is 105'500
    QDate effectiveFrom;
};

/// All rates the store has ever used; the one in force on a date is the latest that started on
/// or before it.
class TaxTable final {
public:
    void add(TaxRate rate);
    /// The rate in force on `date`; nullopt when the table has none for the class yet.
    std::optional<qint64> rateOn(TaxClass cls, QDate date) const;
    /// The rate in force on `date`, 0 when none (computeTotals refuses a ticket that needs one).
    qint64 ppmOn(TaxClass cls, QDate date) const { return rateOn(cls, date).value_or(0); }
    const std::vector<TaxRate> &rates() const { return m_rates; }

    /// Seattle: retail 10.35 % through 2025-12-31, 10.55 % from 2026-01-01; services untaxed.
    static TaxTable seattle();

private:
    std::vector<TaxRate> m_rates;
};

/// Splits `total` over `weights` in proportion, by largest remainder: the parts always add up
/// to `total` exactly. Ties go to the earlier weight. All weights zero: nothing is allocated.
std::vector<Money> allocateProRata(Money total, const std::vector<Money> &weights);

/// A ticket discount: a percentage (ppm of the discountable base) or a fixed amount.
struct Discount {
    enum class Kind { None, Percent, Amount };
    Kind kind = Kind::None;
    qint64 ppm = 0; ///< for Percent: 10 % is 100'000
    Money amount;   ///< for Amount

    /// `10%`, `12.5%` or `5.00`.
    static Result<Discount> parse(QStringView text);
    static Discount percent(qint64 ppm) { return {Kind::Percent, ppm, {}}; }
    static Discount fixed(Money amount) { return {Kind::Amount, 0, amount}; }
    bool isNone() const { return kind == Kind::None; }
    QString toString() const;
};

/// One line as pricing sees it: its amount after its own line discount.
struct PricingLine {
    Money net; ///< quantity × unit price − line discount
    TaxClass taxClass = TaxClass::Retail;
    bool discountable = true; ///< gift cards and tips are not
};

struct TicketTotals {
    Money subtotal;                  ///< sum of line nets (tips excluded)
    Money discount;                  ///< the ticket discount actually given
    std::vector<Money> lineDiscount; ///< each line's share of the ticket discount
    std::vector<Money> lineTax;      ///< each line's share of its class's tax
    std::map<TaxClass, Money> taxByClass;
    Money tax;
    Money tips;
    Money total; ///< subtotal − discount + tax + tips: what the customer pays
};

/// Tax per ticket and class on the discounted base, rounded half away from zero once per class;
/// the ticket discount is spread over discountable lines pro rata by largest remainder, and each
/// class's tax is spread over its lines the same way so a refund of any line is exact.
/// Tip lines (TaxClass::None, not discountable) are added to the total untaxed.
Result<TicketTotals> computeTotals(const std::vector<PricingLine> &lines, const Discount &discount,
                                   const TaxTable &taxes, QDate date);

} // namespace oasis
