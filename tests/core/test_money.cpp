// SPDX-License-Identifier: GPL-3.0-or-later
// Money: what the cashier types, what the receipt shows, and rounding that never drifts a cent.
#include "core/domain/money.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "tests/support/testsupport.h"

#include <QLocale>

#include <limits>
#include <stdexcept>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {
qint64 centsOf(const QString &text, Money limit = Money::defaultLimit(), bool negative = false) {
    auto m = Money::parse(text, limit, negative);
    if (!m)
        FAIL("\"" << text << "\" was refused: " << m.error().message);
    return m->cents();
}

Error refusal(const QString &text, Money limit = Money::defaultLimit(), bool negative = false) {
    auto m = Money::parse(text, limit, negative);
    if (m)
        FAIL("\"" << text << "\" was accepted as " << m->cents() << " cents");
    return m.error();
}
} // namespace

TEST_CASE("Amounts typed at the counter are read to the exact cent", "[money]") {
    REQUIRE(centsOf(u"12"_s) == 1200);
    REQUIRE(centsOf(u"12.5"_s) == 1250);
    REQUIRE(centsOf(u"12.50"_s) == 1250);
    REQUIRE(centsOf(u"$12.50"_s) == 1250);
    REQUIRE(centsOf(u"0.07"_s) == 7);
    REQUIRE(centsOf(u".5"_s) == 50);
    REQUIRE(centsOf(u"  24.00 "_s) == 2400);
    REQUIRE(centsOf(u"1,234.50"_s) == 123450);
    REQUIRE(centsOf(u"$1,234.50"_s) == 123450);
    REQUIRE(centsOf(u"100000.00"_s) == 100'000'00); // exactly the default limit
}

TEST_CASE("Amounts that are not money are refused with a reason", "[money]") {
    SECTION("three decimals") {
        const Error e = refusal(u"12.505"_s);
        REQUIRE(e.code == ErrorCode::Invalid);
        REQUIRE(e.message.contains(u"two digits"_s));
    }
    SECTION("scientific notation") {
        const Error e = refusal(u"1e3"_s);
        REQUIRE(e.code == ErrorCode::Invalid);
        REQUIRE(e.message.contains(u"1e3"_s));
        REQUIRE(e.message.contains(u"digits"_s));
    }
    SECTION("a lone minus sign") {
        const Error e = refusal(u"-"_s, Money::defaultLimit(), true);
        REQUIRE(e.code == ErrorCode::Invalid);
        REQUIRE(e.message.contains(u"digits are missing"_s));
    }
    SECTION("nothing at all") {
        REQUIRE(refusal(QString()).message.contains(u"required"_s));
        REQUIRE(refusal(u"   "_s).message.contains(u"required"_s));
        REQUIRE(refusal(u"$"_s).message.contains(u"digits are missing"_s));
        REQUIRE(refusal(u"."_s).message.contains(u"digits are missing"_s));
    }
    SECTION("letters") {
        const Error e = refusal(u"abc"_s);
        REQUIRE(e.code == ErrorCode::Invalid);
        REQUIRE(e.message.contains(u"like 12.50"_s));
    }
    SECTION("two decimal points") {
        REQUIRE(refusal(u"1.2.3"_s).message.contains(u"more than one decimal point"_s));
    }
    SECTION("over the store limit") {
        const Error e = refusal(u"100000.01"_s);
        REQUIRE(e.code == ErrorCode::Invalid);
        REQUIRE(e.message.contains(u"above the limit"_s));
        REQUIRE(e.message.contains(u"$100,000.00"_s));
        REQUIRE(refusal(u"50.01"_s, Money::fromCents(50'00)).message.contains(u"$50.00"_s));
        // Far too many digits is the same refusal, not an overflow.
        REQUIRE(refusal(u"99999999999999999999"_s).message.contains(u"above the limit"_s));
    }
    SECTION("negative unless the caller allows it") {
        REQUIRE(refusal(u"-3.00"_s).message.contains(u"negative"_s));
        REQUIRE(refusal(u"$-3.00"_s).message.contains(u"negative"_s));
        REQUIRE(centsOf(u"-3.05"_s, Money::defaultLimit(), true) == -305);
        REQUIRE(centsOf(u"-$3.05"_s, Money::defaultLimit(), true) == -305);
        REQUIRE(refusal(u"-100000.01"_s, Money::defaultLimit(), true)
                    .message.contains(u"above the limit"_s));
    }
}

TEST_CASE("Receipts show dollars with thousands separators", "[money]") {
    REQUIRE(Money::fromCents(123450).format() == u"$1,234.50"_s);
    REQUIRE(Money::fromCents(5).format() == u"$0.05"_s);
    REQUIRE(Money::fromCents(0).format() == u"$0.00"_s);
    REQUIRE(Money::fromCents(-123450).format() == u"-$1,234.50"_s);
    REQUIRE(Money::fromCents(100'000'000).format() == u"$1,000,000.00"_s);
    REQUIRE(Money::fromCents(123450).format(QLocale(QLocale::English, QLocale::UnitedStates)) ==
            u"$1,234.50"_s);
}

TEST_CASE("Amounts carry the store's currency symbol whatever the register's language", "[money]") {
    const QLocale french(QLocale::French, QLocale::France);
    const QLocale german(QLocale::German, QLocale::Germany);
    REQUIRE(Money::currency() == u"USD"_s);
    // A register whose screens speak French, in a store in dollars: French digits, the dollar.
    const QString inFrench = Money::fromCents(123450).format(french);
    REQUIRE(inFrench.contains(u'$'));
    REQUIRE_FALSE(inFrench.contains(u"€"_s));
    REQUIRE(inFrench.contains(u"234,50"_s));
    REQUIRE(Money::fromCents(-305).format(german).startsWith(u'-'));
    REQUIRE_FALSE(Money::fromCents(-305).format(german).contains(u"€"_s));

    REQUIRE_FALSE(Money::setCurrency(u"XYZ"_s));
    REQUIRE(Money::currency() == u"USD"_s);
    REQUIRE(Money::setCurrency(u"EUR"_s));
    REQUIRE(Money::fromCents(123450).format(french).contains(u"€"_s));
    REQUIRE(Money::fromCents(123450).format().contains(u"€"_s));
    REQUIRE_FALSE(Money::fromCents(123450).format(french).contains(u'$'));
    REQUIRE(Money::setCurrency(u"USD"_s));
    REQUIRE(Money::fromCents(123450).format() == u"$1,234.50"_s);
}

TEST_CASE("Every currency the settings offer has a symbol a receipt font can print", "[money]") {
    // Qt's English-in-Switzerland locale has no franc symbol (a store could not choose CHF),
    // and its only yen is the full-width "￥" (a box in DejaVu).
    const QLocale english(QLocale::English);
    CHECK(Money::currencySymbol(u"CHF"_s, english) == u"CHF"_s);
    CHECK(Money::currencySymbol(u"JPY"_s, english) == u"\u00a5"_s);
    CHECK(Money::currencySymbol(u"USD"_s, english) == u"$"_s);
    CHECK(Money::currencySymbol(u"EUR"_s, english) == u"\u20ac"_s);
    for (const QString &code : {u"USD"_s, u"CAD"_s, u"MXN"_s, u"EUR"_s, u"GBP"_s, u"AUD"_s,
                                u"NZD"_s, u"JPY"_s, u"CHF"_s}) {
        INFO(code.toStdString());
        const QString symbol = Money::currencySymbol(code, english);
        CHECK_FALSE(symbol.isEmpty());
        CHECK(symbol == symbol.normalized(QString::NormalizationForm_KC));
        CHECK(Money::setCurrency(code));
    }
    REQUIRE(Money::setCurrency(u"CHF"_s));
    CHECK(Money::fromCents(123450).format().contains(u"CHF"_s));
    REQUIRE(Money::setCurrency(u"USD"_s));
}

TEST_CASE("A store in euros shows euros from the moment it opens", "[money][settings]") {
    test::TempDb tmp(true);
    const StaffMember owner = test::owner(tmp.db());
    StoreSettings settings(tmp.db());
    REQUIRE(settings.currency() == u"USD"_s);
    auto refused = settings.set(u"store.currency"_s, u"euro"_s, owner);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Invalid);
    REQUIRE(settings.currency() == u"USD"_s);
    test::ok(settings.set(u"store.currency"_s, u"EUR"_s, owner));
    {
        auto store = test::value(Store::open(tmp.path(), [&] {
            Store::Options o;
            o.keyDirectory = tmp.keyDir();
            return o;
        }()));
        REQUIRE(Money::currency() == u"EUR"_s);
        REQUIRE(Money::fromCents(500)
                    .format(QLocale(QLocale::French, QLocale::France))
                    .contains(u"€"_s));
    }
    REQUIRE(Money::setCurrency(u"USD"_s));
}

TEST_CASE("Machine output writes plain amounts that parse back", "[money]") {
    REQUIRE(Money::fromCents(123450).toString() == u"1234.50"_s);
    REQUIRE(Money::fromCents(7).toString() == u"0.07"_s);
    REQUIRE(Money::fromCents(-305).toString() == u"-3.05"_s);
    REQUIRE(Money::fromCents(0).toString() == u"0.00"_s);
    for (qint64 c : {0, 1, 99, 100, 2400, 123456}) {
        const Money m = Money::fromCents(c);
        REQUIRE(centsOf(m.toString()) == c);
        REQUIRE(centsOf(m.format()) == c);
    }
}

TEST_CASE("Arithmetic that would overflow stops instead of wrapping", "[money]") {
    const Money big = Money::fromCents(std::numeric_limits<qint64>::max());
    const Money small = Money::fromCents(std::numeric_limits<qint64>::min());
    REQUIRE_THROWS_AS(big + Money::fromCents(1), std::overflow_error);
    REQUIRE_THROWS_AS(small - Money::fromCents(1), std::overflow_error);
    REQUIRE_THROWS_AS(-small, std::overflow_error);
    REQUIRE_THROWS_AS(big * 2, std::overflow_error);
    REQUIRE_THROWS_AS(big.timesPpm(2), std::overflow_error);
    Money m = Money::fromCents(std::numeric_limits<qint64>::max() - 1);
    REQUIRE_THROWS_AS(m += Money::fromCents(2), std::overflow_error);
    REQUIRE((Money::fromCents(250) + Money::fromCents(199)).cents() == 449);
    REQUIRE((Money::fromCents(250) - Money::fromCents(300)).cents() == -50);
    REQUIRE((Money::fromCents(2400) * 3).cents() == 7200);
}

TEST_CASE("Rounding goes half away from zero, for refunds too", "[money][tax]") {
    REQUIRE(divRoundHalfAway(5, 2) == 3);   // 2.5
    REQUIRE(divRoundHalfAway(-5, 2) == -3); // -2.5
    REQUIRE(divRoundHalfAway(7, 3) == 2);   // 2.33
    REQUIRE(divRoundHalfAway(-7, 3) == -2); // -2.33
    REQUIRE(divRoundHalfAway(8, 3) == 3);   // 2.67
    REQUIRE(divRoundHalfAway(-8, 3) == -3); // -2.67
    REQUIRE(divRoundHalfAway(5, -2) == -3); // negative denominator
    REQUIRE(divRoundHalfAway(-5, -2) == 3);
    REQUIRE(divRoundHalfAway(0, 7) == 0);
    REQUIRE(divRoundHalfAway(6, 3) == 2);
    REQUIRE_THROWS_AS(divRoundHalfAway(1, 0), std::domain_error);

    // $24.00 at 10.55 % = 253.2 cents → 253; $4.74 at 10.55 % = 50.007 → 50.
    REQUIRE(Money::fromCents(2400).timesPpm(105'500).cents() == 253);
    // 10 % of $0.05 is half a cent: up to 1 cent; a refund of it is -1 cent, not 0.
    REQUIRE(Money::fromCents(5).timesPpm(100'000).cents() == 1);
    REQUIRE(Money::fromCents(-5).timesPpm(100'000).cents() == -1);
    // $0.04 × 10 % = 0.4 cent → 0; $0.15 × 10 % = 1.5 → 2, -1.5 → -2.
    REQUIRE(Money::fromCents(4).timesPpm(100'000).cents() == 0);
    REQUIRE(Money::fromCents(15).timesPpm(100'000).cents() == 2);
    REQUIRE(Money::fromCents(-15).timesPpm(100'000).cents() == -2);
}

TEST_CASE("A decimal comma is not mistaken for a thousands separator", "[money]") {
    // "12,50" typed by someone used to a decimal comma must not ring up $1,250.00.
    REQUIRE(refusal(u"12,50"_s).code == ErrorCode::Invalid);
    REQUIRE(refusal(u"1,2,3"_s).code == ErrorCode::Invalid);
    REQUIRE(refusal(u",500"_s).code == ErrorCode::Invalid);
    REQUIRE(refusal(u"1234,567.00"_s).code == ErrorCode::Invalid);
    REQUIRE(refusal(u"1,234,56"_s).code == ErrorCode::Invalid);
    REQUIRE(centsOf(u"12,345,678.90"_s, Money::fromCents(Q_INT64_C(1'000'000'000'00))) ==
            Q_INT64_C(1'234'567'890));
    REQUIRE(centsOf(u"1,000"_s) == 100000);
}
