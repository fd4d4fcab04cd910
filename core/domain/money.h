// SPDX-License-Identifier: GPL-3.0-or-later
// Money: int64 minor units (cents) with checked arithmetic. No floating point anywhere.
#pragma once

#include "core/domain/error.h"

#include <QString>

#include <compare>
#include <QtGlobal>

class QLocale;

namespace oasis {

/// An amount in cents of the store's currency (Money::currency(), US dollars by default).
/// Arithmetic that would overflow throws std::overflow_error: amounts are bounded by the store
/// limit long before that, so overflow is a broken invariant.
class Money final {
public:
    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }

    /// The largest amount any single entry may carry unless the store sets a lower limit.
    static constexpr Money defaultLimit() { return Money(100'000'00); }

    /// Parses `12`, `12.5`, `12.50`, `$12.50`, `-3.00` (when allowNegative). Rejects `12.505`,
    /// `1e3`, `-`, empty, and amounts above `limit`, with a message saying why.
    static Result<Money> parse(QStringView text, Money limit = defaultLimit(),
                               bool allowNegative = false);

    constexpr qint64 cents() const { return m_cents; }
    constexpr bool isZero() const { return m_cents == 0; }
    constexpr bool isNegative() const { return m_cents < 0; }

    /// `12.50`, `-3.05`: plain, for CSV and machine output.
    QString toString() const;
    /// `$12.50` in the given locale's notation (en_US by default), with the store's currency
    /// symbol whatever the locale's own currency is: a register whose screens speak French
    /// shows `12,50 $` for a store in dollars, never euros.
    QString format(const QLocale &locale) const;
    QString format() const;

    /// The currency every amount is in: the store's (ISO 4217, "USD" until a store says
    /// otherwise). Store::open sets it from the store's settings; one store per process.
    /// Returns false, changing nothing, for a code no locale knows.
    static bool setCurrency(const QString &isoCode);
    static QString currency();
    /// The symbol of `isoCode` as people of `locale` write it: the locale's own when that is its
    /// currency, else the English one ("$", "€", "£"); empty for an unknown code.
    static QString currencySymbol(const QString &isoCode, const QLocale &locale);

    Money operator+(Money o) const;
    Money operator-(Money o) const;
    Money operator-() const;
    Money operator*(qint64 factor) const;
    Money &operator+=(Money o) { return *this = *this + o; }
    Money &operator-=(Money o) { return *this = *this - o; }

    /// this × ppm / 1,000,000 rounded half away from zero (tax, percentages).
    Money timesPpm(qint64 ppm) const;

    constexpr auto operator<=>(const Money &) const = default;

private:
    constexpr explicit Money(qint64 cents)
        : m_cents(cents) {}
    qint64 m_cents = 0;
};

inline Money min(Money a, Money b) {
    return a < b ? a : b;
}
inline Money max(Money a, Money b) {
    return a < b ? b : a;
}

/// Rounds numerator/denominator half away from zero. Throws on overflow.
qint64 divRoundHalfAway(qint64 numerator, qint64 denominator);

} // namespace oasis
