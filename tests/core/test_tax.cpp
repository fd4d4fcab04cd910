// SPDX-License-Identifier: GPL-3.0-or-later
// Tax and ticket totals: the numbers printed at the bottom of every receipt.
#include "core/domain/tax.h"
#include "core/services/demo.h"
#include "core/services/storesettings.h"
#include "tests/support/testsupport.h"

#include <QTimeZone>

#include <numeric>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {
qint64 sumCents(const std::vector<Money> &parts) {
    return std::accumulate(parts.begin(), parts.end(), Money()).cents();
}

std::vector<qint64> cents(const std::vector<Money> &parts) {
    std::vector<qint64> out;
    for (Money m : parts)
        out.push_back(m.cents());
    return out;
}

std::vector<Money> money(std::initializer_list<qint64> cents) {
    std::vector<Money> out;
    for (qint64 c : cents)
        out.push_back(Money::fromCents(c));
    return out;
}

PricingLine session(qint64 c) {
    return {Money::fromCents(c), TaxClass::Service, true};
}
PricingLine oil(qint64 c) {
    return {Money::fromCents(c), TaxClass::Retail, true};
}
PricingLine giftCard(qint64 c) {
    return {Money::fromCents(c), TaxClass::GiftCard, false};
}
PricingLine tip(qint64 c) {
    return {Money::fromCents(c), TaxClass::None, false};
}

const QDate kNewYear(2026, 1, 1);

TicketTotals totals(const std::vector<PricingLine> &lines, const Discount &d = {},
                    QDate date = kNewYear) {
    auto t = computeTotals(lines, d, TaxTable::seattle(), date);
    if (!t)
        FAIL("totals refused: " << t.error().message);
    return *t;
}
} // namespace

TEST_CASE("Seattle retail tax goes from 10.35 % to 10.55 % at midnight on New Year", "[tax]") {
    const TaxTable seattle = TaxTable::seattle();
    REQUIRE(seattle.ppmOn(TaxClass::Retail, QDate(2025, 12, 31)) == 103'500);
    REQUIRE(seattle.ppmOn(TaxClass::Retail, QDate(2026, 1, 1)) == 105'500);
    REQUIRE(seattle.ppmOn(TaxClass::Retail, QDate(2027, 6, 15)) == 105'500);
    REQUIRE(seattle.ppmOn(TaxClass::Service, QDate(2025, 12, 31)) == 0);
    REQUIRE(seattle.ppmOn(TaxClass::Service, QDate(2026, 1, 1)) == 0);
    REQUIRE(seattle.ppmOn(TaxClass::GiftCard, QDate(2026, 1, 1)) == 0);

    SECTION("the rate follows the order in which rates were added, not only the list order") {
        TaxTable t;
        t.add({TaxClass::Retail, 105'500, QDate(2026, 1, 1)});
        t.add({TaxClass::Retail, 103'500, QDate(2024, 4, 1)});
        REQUIRE(t.ppmOn(TaxClass::Retail, QDate(2025, 12, 31)) == 103'500);
        REQUIRE(t.ppmOn(TaxClass::Retail, QDate(2026, 1, 1)) == 105'500);
        REQUIRE(t.ppmOn(TaxClass::Retail, QDate(2024, 3, 31)) == 0);
    }

    SECTION("a $24 oil sold either side of midnight") {
        // 2400 × 10.35 % = 248.4 → 248; 2400 × 10.55 % = 253.2 → 253.
        REQUIRE(totals({oil(2400)}, {}, QDate(2025, 12, 31)).tax.cents() == 248);
        REQUIRE(totals({oil(2400)}, {}, QDate(2026, 1, 1)).tax.cents() == 253);
    }
}

TEST_CASE("The business date is Seattle's date, not UTC's", "[tax][storage]") {
    test::TempDb db;
    test::ok(installDefaults(db.db()));
    StoreSettings settings(db.db());
    REQUIRE(settings.timeZone().id() == QByteArray("America/Los_Angeles"));
    const QDateTime lastSecond(QDate(2026, 1, 1), QTime(7, 59, 59), QTimeZone::utc());
    const QDateTime midnight(QDate(2026, 1, 1), QTime(8, 0, 0), QTimeZone::utc());
    REQUIRE(settings.businessDate(lastSecond) == QDate(2025, 12, 31));
    REQUIRE(settings.businessDate(midnight) == QDate(2026, 1, 1));

    // The store's table (installed defaults) gives the same rates as the code's table.
    auto table = settings.taxTable();
    REQUIRE(table);
    REQUIRE(table->ppmOn(TaxClass::Retail, settings.businessDate(lastSecond)) == 103'500);
    REQUIRE(table->ppmOn(TaxClass::Retail, settings.businessDate(midnight)) == 105'500);
}

TEST_CASE("Pro-rata splits add up exactly and leftovers go to the largest remainders", "[tax]") {
    // 100 over 1:1:1 → 33.33 each; the leftover cent goes to the first (ties: earlier).
    REQUIRE(cents(allocateProRata(Money::fromCents(100), money({1, 1, 1}))) ==
            std::vector<qint64>{34, 33, 33});
    // 10 over 2:3:5 is exact.
    REQUIRE(cents(allocateProRata(Money::fromCents(10), money({2, 3, 5}))) ==
            std::vector<qint64>{2, 3, 5});
    // 7 over 10:20:30 → 1.1667, 2.333, 3.5 → floors 1,2,3 (6); the 1 left goes to the largest
    // remainder, 0.5 (third), not the first.
    REQUIRE(cents(allocateProRata(Money::fromCents(7), money({10, 20, 30}))) ==
            std::vector<qint64>{1, 2, 4});
    // Zero weights get nothing; all-zero weights allocate nothing.
    REQUIRE(cents(allocateProRata(Money::fromCents(5), money({0, 3, 0, 3}))) ==
            std::vector<qint64>{0, 3, 0, 2});
    REQUIRE(cents(allocateProRata(Money::fromCents(5), money({0, 0}))) ==
            std::vector<qint64>{0, 0});
    REQUIRE(allocateProRata(Money::fromCents(5), {}).empty());

    SECTION("many odd weights still add up") {
        const auto weights = money({1999, 2401, 13500, 1, 7, 333, 24});
        for (qint64 total : {0, 1, 2, 99, 1830, 50000, 999999}) {
            const auto parts = allocateProRata(Money::fromCents(total), weights);
            REQUIRE(parts.size() == weights.size());
            REQUIRE(sumCents(parts) == total);
            for (const Money &p : parts)
                REQUIRE(p.cents() >= 0);
        }
    }
    SECTION("a negative total (a refund) adds up as well") {
        const auto parts = allocateProRata(Money::fromCents(-100), money({1, 1, 1}));
        REQUIRE(sumCents(parts) == -100);
        REQUIRE(cents(parts) == std::vector<qint64>{-34, -33, -33});
    }
}

TEST_CASE("A massage and two oils: tax only on the oils, rounded once", "[tax]") {
    // DT60 $135.00 (service) + two lines of a $24.00 oil (retail), 2026-01-01.
    // Retail base 4800; 4800 × 10.55 % = 506.4 → 506. Service: 0.
    // Total 13500 + 4800 + 506 = 18806.
    const auto t = totals({session(13500), oil(2400), oil(2400)});
    REQUIRE(t.subtotal.cents() == 18300);
    REQUIRE(t.discount.cents() == 0);
    REQUIRE(t.taxByClass.at(TaxClass::Retail).cents() == 506);
    REQUIRE(t.taxByClass.at(TaxClass::Service).cents() == 0);
    REQUIRE(t.taxByClass.count(TaxClass::GiftCard) == 0);
    REQUIRE(t.tax.cents() == 506);
    REQUIRE(t.tips.cents() == 0);
    REQUIRE(t.total.cents() == 18806);
    // 506 over two equal oil lines: 253 each; the session carries none.
    REQUIRE(cents(t.lineTax) == std::vector<qint64>{0, 253, 253});

    SECTION("the day before, at 10.35 %") {
        // 4800 × 10.35 % = 496.8 → 497.
        const auto before = totals({session(13500), oil(2400), oil(2400)}, {}, QDate(2025, 12, 31));
        REQUIRE(before.tax.cents() == 497);
        REQUIRE(before.total.cents() == 18797);
    }
    SECTION("three oils: rounding the class once is a cent more than rounding each line") {
        // Each line 253.2 → 253 (759 in all) but the class is 7200 × 10.55 % = 759.6 → 760.
        // The 760 is spread 253.33 each: floors 253 ×3, the leftover cent to the first line.
        const auto three = totals({oil(2400), oil(2400), oil(2400)});
        REQUIRE(three.tax.cents() == 760);
        REQUIRE(cents(three.lineTax) == std::vector<qint64>{254, 253, 253});
        REQUIRE(three.total.cents() == 7960);
    }
}

TEST_CASE("Ticket discounts are spread pro rata before tax", "[tax]") {
    SECTION("10 % off a massage and two oils") {
        // Discountable base 18300; 10 % = 1830, split 1350 / 240 / 240 exactly.
        // Retail base 4800 − 480 = 4320; 4320 × 10.55 % = 455.76 → 456.
        // Total 18300 − 1830 + 456 = 16926.
        const auto t = totals({session(13500), oil(2400), oil(2400)}, Discount::percent(100'000));
        REQUIRE(t.discount.cents() == 1830);
        REQUIRE(cents(t.lineDiscount) == std::vector<qint64>{1350, 240, 240});
        REQUIRE(t.tax.cents() == 456);
        REQUIRE(cents(t.lineTax) == std::vector<qint64>{0, 228, 228});
        REQUIRE(t.total.cents() == 16926);
    }
    SECTION("$5.00 off the same ticket") {
        // 500 × 13500 / 18300 = 368.85, × 2400 / 18300 = 65.57 (twice): floors 368+65+65 = 498.
        // Remainders 15600, 10500, 10500: the 2 cents go to the session and the first oil.
        // Discounts 369 / 66 / 65. Retail base 2334 + 2335 = 4669; × 10.55 % = 492.58 → 493.
        // Line tax: 493 × 2334 / 4669 = 246.44, 493 × 2335 / 4669 = 246.55 → 246 + 247.
        // Total 18300 − 500 + 493 = 18293.
        const auto t =
            totals({session(13500), oil(2400), oil(2400)}, Discount::fixed(Money::fromCents(500)));
        REQUIRE(t.discount.cents() == 500);
        REQUIRE(cents(t.lineDiscount) == std::vector<qint64>{369, 66, 65});
        REQUIRE(t.taxByClass.at(TaxClass::Retail).cents() == 493);
        REQUIRE(cents(t.lineTax) == std::vector<qint64>{0, 246, 247});
        REQUIRE(t.total.cents() == 18293);
    }
    SECTION("12.5 % rounds the discount half away from zero") {
        // 12.5 % of 2500 = 312.5 → 313.
        const auto t = totals({oil(2500)}, Discount::percent(125'000));
        REQUIRE(t.discount.cents() == 313);
        // 2187 × 10.55 % = 230.7285 → 231.
        REQUIRE(t.tax.cents() == 231);
        REQUIRE(t.total.cents() == 2500 - 313 + 231);
    }
}

TEST_CASE("Gift cards and tips are never discounted or taxed", "[tax]") {
    // DT60 $135 + a $50 gift card + a $20 tip, 10 % off: only the massage is discounted (1350).
    // Nothing is taxed. Subtotal 18500 (tips apart); total 18500 − 1350 + 0 + 2000 = 19150.
    const auto t = totals({session(13500), giftCard(5000), tip(2000)}, Discount::percent(100'000));
    REQUIRE(t.subtotal.cents() == 18500);
    REQUIRE(t.discount.cents() == 1350);
    REQUIRE(cents(t.lineDiscount) == std::vector<qint64>{1350, 0, 0});
    REQUIRE(t.tax.cents() == 0);
    REQUIRE(t.taxByClass.at(TaxClass::GiftCard).cents() == 0);
    REQUIRE(t.tips.cents() == 2000);
    REQUIRE(t.total.cents() == 19150);

    SECTION("tips are added untaxed on top of taxed retail") {
        // Oil 2400 → tax 253; tip 1000 untaxed: total 3653.
        const auto withTip = totals({oil(2400), tip(1000)});
        REQUIRE(withTip.tax.cents() == 253);
        REQUIRE(cents(withTip.lineTax) == std::vector<qint64>{253, 0});
        REQUIRE(withTip.total.cents() == 3653);
    }
    SECTION("a gift-card line is not discounted even if the caller forgets to say so") {
        const auto t2 = totals({session(10000), {Money::fromCents(5000), TaxClass::GiftCard, true}},
                               Discount::percent(100'000));
        REQUIRE(t2.discount.cents() == 1000);
        REQUIRE(cents(t2.lineDiscount) == std::vector<qint64>{1000, 0});
        REQUIRE(t2.total.cents() == 14000);
    }
    SECTION("an amount discount larger than what can be discounted is refused") {
        // Only the $135 massage can be discounted; $140 off is refused.
        auto r =
            computeTotals({session(13500), giftCard(5000), tip(2000)},
                          Discount::fixed(Money::fromCents(14000)), TaxTable::seattle(), kNewYear);
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == ErrorCode::Refused);
        REQUIRE(r.error().message.contains(u"$140.00"_s));
        REQUIRE(r.error().message.contains(u"$135.00"_s));
        // Exactly the base is allowed: the massage becomes free.
        const auto free =
            totals({session(13500), giftCard(5000)}, Discount::fixed(Money::fromCents(13500)));
        REQUIRE(free.total.cents() == 5000);
    }
    SECTION("a percentage above 100 % or a negative amount is refused") {
        REQUIRE_FALSE(computeTotals({oil(2400)}, Discount::percent(1'000'001), TaxTable::seattle(),
                                    kNewYear));
        REQUIRE_FALSE(computeTotals({oil(2400)}, Discount::fixed(Money::fromCents(-1)),
                                    TaxTable::seattle(), kNewYear));
    }
}

TEST_CASE("Each line's share of tax adds up to its class's tax", "[tax]") {
    const std::vector<PricingLine> lines{oil(1999),      session(8000), oil(2699), oil(333),
                                         session(15500), oil(1),        tip(500),  giftCard(2500)};
    for (const Discount &d :
         {Discount{}, Discount::percent(100'000), Discount::percent(125'000),
          Discount::percent(333'300), Discount::fixed(Money::fromCents(1)),
          Discount::fixed(Money::fromCents(777)), Discount::fixed(Money::fromCents(28532))}) {
        const auto t = totals(lines, d);
        Money retail, service, discount;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            discount += t.lineDiscount[i];
            if (lines[i].taxClass == TaxClass::Retail)
                retail += t.lineTax[i];
            else if (lines[i].taxClass == TaxClass::Service)
                service += t.lineTax[i];
            else
                REQUIRE(t.lineTax[i].cents() == 0);
        }
        REQUIRE(retail == t.taxByClass.at(TaxClass::Retail));
        REQUIRE(service.cents() == 0);
        REQUIRE(discount == t.discount);
        REQUIRE(t.lineDiscount[6].cents() == 0); // the tip
        REQUIRE(t.lineDiscount[7].cents() == 0); // the gift card
        REQUIRE(t.total == t.subtotal - t.discount + t.tax + t.tips);
        // Retail tax is computed once on the discounted retail base.
        const Money retailBase = Money::fromCents(1999 + 2699 + 333 + 1) - t.lineDiscount[0] -
                                 t.lineDiscount[2] - t.lineDiscount[3] - t.lineDiscount[5];
        REQUIRE(t.taxByClass.at(TaxClass::Retail) == retailBase.timesPpm(105'500));
    }
}

TEST_CASE("Discounts typed as 10%, 12.5% or 5.00", "[tax]") {
    auto ten = Discount::parse(u"10%"_s);
    REQUIRE(ten);
    REQUIRE(ten->kind == Discount::Kind::Percent);
    REQUIRE(ten->ppm == 100'000);
    REQUIRE(ten->toString() == u"10%"_s);

    auto twelveHalf = Discount::parse(u"12.5%"_s);
    REQUIRE(twelveHalf);
    REQUIRE(twelveHalf->kind == Discount::Kind::Percent);
    REQUIRE(twelveHalf->ppm == 125'000);
    REQUIRE(twelveHalf->toString() == u"12.50%"_s);

    auto five = Discount::parse(u"5.00"_s);
    REQUIRE(five);
    REQUIRE(five->kind == Discount::Kind::Amount);
    REQUIRE(five->amount.cents() == 500);
    REQUIRE(five->toString() == u"5.00"_s);

    auto hundred = Discount::parse(u"100%"_s);
    REQUIRE(hundred);
    REQUIRE(hundred->ppm == 1'000'000);

    for (const QString &bad :
         {u"150%"_s, u"abc"_s, u"%"_s, u"-5%"_s, u"-5.00"_s, u"12.505%"_s, QString(), u"ten%"_s}) {
        auto d = Discount::parse(bad);
        INFO(bad.toStdString());
        REQUIRE_FALSE(d);
        REQUIRE(d.error().code == ErrorCode::Invalid);
        REQUIRE_FALSE(d.error().message.isEmpty());
    }
    REQUIRE(Discount::parse(u"150%"_s).error().message.contains(u"150%"_s));
    // Words say what a discount is, quoting them once; a number says what is wrong with it.
    CHECK(Discount::parse(u"ten percent off please"_s).error().message ==
          u"\"ten percent off please\" is not a discount: use a percentage from 0% to 100% or an "
          "amount like 5.00."_s);
    CHECK(Discount::parse(u"-5.00"_s).error().message == Money::parse(u"-5.00"_s).error().message);
    CHECK(Discount::parse(u"1.2.3"_s).error().message == Money::parse(u"1.2.3"_s).error().message);
}

TEST_CASE("percentages are read exactly as parts per million and written as a person writes them",
          "[tax]") {
    CHECK(test::value(parsePercent(QStringLiteral("10.55"))) == 105'500);
    CHECK(test::value(parsePercent(QStringLiteral("10.55 %"))) == 105'500);
    CHECK(test::value(parsePercent(QStringLiteral("20"))) == 200'000);
    CHECK(test::value(parsePercent(QStringLiteral("0.0001"))) == 1);
    CHECK(test::value(parsePercent(QStringLiteral("100"))) == 1'000'000);
    CHECK_FALSE(parsePercent(QStringLiteral("10.55555")));
    CHECK_FALSE(parsePercent(QStringLiteral("101")));
    CHECK_FALSE(parsePercent(QStringLiteral("-1")));
    CHECK_FALSE(parsePercent(QStringLiteral("forty")));
    CHECK_FALSE(parsePercent(QString()));
    CHECK(percentText(105'500) == QStringLiteral("10.55"));
    CHECK(percentText(200'000) == QStringLiteral("20"));
    CHECK(percentText(125'000) == QStringLiteral("12.5"));
    CHECK(percentText(1) == QStringLiteral("0.0001"));
    CHECK(percentText(0) == QStringLiteral("0"));
    CHECK(taxClassLabel(TaxClass::Retail) == QStringLiteral("Retail (oils, lotions)"));
}
