// SPDX-License-Identifier: GPL-3.0-or-later
// The prepaid liability report (issue 22 item 5): money cards (paid value only), service
// vouchers and session packages side by side over three scripted business days, compared with
// sums the test keeps itself and with each kind's own report, at dates in the past too; on both
// engines.
#include "tests/support/testsupport.h"

#include "core/services/catalog.h"
#include "core/services/clients.h"
#include "core/services/demo.h"
#include "core/services/package.h"
#include "core/services/refund.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/storage/journal.h"
#include "tests/support/testhooks.h"

#include <QTimeZone>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

// Noon in Seattle on `day`: the store's business day is that day.
QDateTime noonOn(const QDate &day) {
    return QDateTime(day, QTime(20, 0), QTimeZone::utc());
}

/// What the test expects of one kind over a range, in cents.
struct Expect {
    qint64 opening = 0, sold = 0, redeemed = 0, other = 0, closing = 0, recognised = 0;
    qint64 soldN = 0, redeemedN = 0, otherN = 0, outstandingN = 0;
};

void requireKind(const PrepaidKind &k, const Expect &e) {
    INFO("kind " << k.kind);
    CHECK(k.opening.cents() == e.opening);
    CHECK(k.sold.cents() == e.sold);
    CHECK(k.redeemed.cents() == e.redeemed);
    CHECK(k.other.cents() == e.other);
    CHECK(k.closing.cents() == e.closing);
    CHECK(k.recognised.cents() == e.recognised);
    CHECK(k.soldCount == e.soldN);
    CHECK(k.redeemedCount == e.redeemedN);
    CHECK(k.otherCount == e.otherN);
    CHECK(k.outstandingCount == e.outstandingN);
    // Each kind adds up by itself.
    CHECK(k.closing == k.opening + k.sold - k.redeemed + k.other);
}

/// The prepaid report equals each kind's own report for the same range, figure by figure, and
/// its total is their sum.
void requireSameAsOwnReports(Database &db, const PrepaidLiability &p) {
    ReportService reports(db);
    const GiftCardLiability cards = value(reports.giftCardLiability(p.from, p.to));
    const VoucherLiability vouchers = value(reports.vouchers(p.from, p.to));
    const PackageLiability packages = value(reports.packages(p.from, p.to));
    REQUIRE(p.kinds.size() == 3);
    const PrepaidKind &c = p.kinds[0];
    const PrepaidKind &v = p.kinds[1];
    const PrepaidKind &k = p.kinds[2];
    REQUIRE(c.kind == u"giftcard"_s);
    REQUIRE(v.kind == u"voucher"_s);
    REQUIRE(k.kind == u"package"_s);
    CHECK(c.opening == cards.opening);
    CHECK(c.sold == cards.sold);
    CHECK(c.redeemed == cards.redeemed);
    CHECK(c.other == cards.other);
    CHECK(c.closing == cards.closing);
    CHECK(v.opening == vouchers.opening);
    CHECK(v.sold == vouchers.sold);
    CHECK(v.redeemed == vouchers.redeemed);
    CHECK(v.other == -vouchers.voided);
    CHECK(v.closing == vouchers.closing);
    CHECK(v.soldCount == vouchers.soldCount);
    CHECK(v.outstandingCount == vouchers.outstandingCount);
    CHECK(k.opening == packages.opening);
    CHECK(k.sold == packages.sold);
    CHECK(k.redeemed == packages.recognised);
    CHECK(k.other == -packages.refunded);
    CHECK(k.closing == packages.closing);
    CHECK(k.outstandingCount == packages.outstandingSessions);
    CHECK(p.recognised == vouchers.redeemed + packages.recognised);
    CHECK(p.promoOutstanding == cards.promo.closing);
    CHECK(p.total.closing == cards.closing + vouchers.closing + packages.closing);
    CHECK(p.total.opening == cards.opening + vouchers.opening + packages.opening);
    // The table a person reads carries the same figures, a row per kind.
    REQUIRE(p.table.rows.size() == 3);
    CHECK(p.table.sum(u"closing_cents"_s) == p.total.closing.cents());
    CHECK(p.table.sum(u"recognised_cents"_s) == p.recognised.cents());
}

} // namespace

TEST_CASE("the prepaid report over three days equals the test's own sums and each kind's report, "
          "and a past date gives the liability as it was then",
          "[report][prepaid]") {
    const QDate day1(2026, 11, 20);
    const QDate day2 = day1.addDays(1);
    const QDate day3 = day1.addDays(2);
    TestClock::set(noonOn(day1));
    TempDb tmp(true);
    Database &d = tmp.db();
    ok(installDemoPackages(d));
    const StaffMember frontdesk = staffNamed(d, u"frontdesk"_s);
    const StaffMember manager = staffNamed(d, u"manager"_s);
    const StaffMember lena = staffNamed(d, u"lena"_s);
    SaleService sales(d);
    CatalogService catalog(d);
    const auto tender = [](const QString &text) { return value(Tender::parse(text)); };
    const auto session = [&](const std::vector<Tender> &pay) {
        Ticket t;
        t.addItem(*value(catalog.findByCode(u"DT60"_s)), 1, lena.id, lena.displayName);
        return value(sales.complete(t, pay, frontdesk));
    };
    const qint64 p60 = value(catalog.findByCode(u"DT60"_s))->price.cents();
    REQUIRE(p60 > 60'00);

    // --- day 1: two cards (one with a $20 bonus), three vouchers, a package -------------------
    Ticket cardA;
    cardA.addGiftCard(Money::fromCents(100'00));
    const QString codeA =
        value(sales.complete(cardA, {tender(u"cash:100"_s)}, frontdesk)).giftCards.at(0).code;
    Ticket cardB;
    cardB.addGiftCard(Money::fromCents(50'00));
    cardB.lines.back().promoBonus = Money::fromCents(20'00);
    const QString codeB =
        value(sales.complete(cardB, {tender(u"card:50"_s)}, manager)).giftCards.at(0).code;
    std::vector<CompletedSale> vouchers;
    for (int i = 0; i < 3; ++i) {
        Ticket t;
        t.addVoucher(*value(catalog.findByCode(u"DT60"_s)));
        vouchers.push_back(value(
            sales.complete(t, {tender(u"card:"_s + Money::fromCents(p60).toString())}, frontdesk)));
    }
    ClientDetails ana;
    ana.name = u"Ana Ruiz"_s;
    const qint64 client = value(ClientService(d).add(ana, manager)).id;
    const PackageProduct product = value(PackageService(d).product(u"PKG-DT60-5"_s));
    Ticket pkg;
    pkg.addPackage(product.code, *value(catalog.findByCode(u"DT60"_s)), product.sessions,
                   product.price);
    pkg.clientId = client;
    const CompletedSale packageSale =
        value(sales.complete(pkg, {tender(u"card:600"_s)}, frontdesk));
    const QString packageCode = packageSale.packages.at(0).code;

    // --- day 2: cards spent (B's bonus after its paid value), a voucher redeemed, another
    // refunded, a package session used --------------------------------------------------------
    TestClock::advance(24 * 3600);
    const CompletedSale spentA =
        session({tender(u"gift:"_s + codeA + u":30"_s),
                 tender(u"cash:"_s + Money::fromCents(p60 - 30'00).toString())});
    session({tender(u"gift:"_s + codeB + u":60"_s),
             tender(u"cash:"_s + Money::fromCents(p60 - 60'00).toString())});
    session({tender(u"voucher:"_s + vouchers[0].vouchers.at(0).code)});
    value(RefundService(d).refund(vouchers[1].receiptNo, {}, false, frontdesk, manager));
    session({tender(u"package:"_s + packageCode)});

    // --- day 3: DT60 costs more; the last voucher still releases what was paid; a session, the
    // package's sessions left refunded, card A's spend refunded back to it ---------------------
    TestClock::advance(24 * 3600);
    CatalogItem dt60 = *value(catalog.findByCode(u"DT60"_s));
    dt60.price = Money::fromCents(p60 + 15'00);
    value(catalog.save(dt60, manager));
    const CompletedSale upgraded =
        session({tender(u"voucher:"_s + vouchers[2].vouchers.at(0).code)});
    REQUIRE(upgraded.totals.total.cents() == p60 + 15'00); // it covered the price of the day
    session({tender(u"package:"_s + packageCode)});
    const qint64 packageLine = value(PackageService(d).lookup(packageCode, {})).saleLineId;
    value(RefundService(d).refund(packageSale.receiptNo, {{packageLine, 1}}, false, frontdesk,
                                  manager));
    value(RefundService(d).refund(spentA.receiptNo, {}, false, frontdesk, manager));
    REQUIRE(value(Journal::verify(d)).ok);

    // Day 4 happens after all of it: the reports below read the past.
    TestClock::advance(24 * 3600);
    ReportService reports(d);

    SECTION("day 1 alone, read after days 2 and 3: what was owed then, not now") {
        const PrepaidLiability p = value(reports.prepaid(day1, day1));
        requireKind(p.kinds[0], {0, 150'00, 0, 0, 150'00, 0, 2, 0, 0, 2});
        requireKind(p.kinds[1], {0, 3 * p60, 0, 0, 3 * p60, 0, 3, 0, 0, 3});
        requireKind(p.kinds[2], {0, 600'00, 0, 0, 600'00, 0, 5, 0, 0, 5});
        CHECK(p.total.closing.cents() == 150'00 + 3 * p60 + 600'00);
        CHECK(p.recognised.isZero());
        CHECK(p.promoOutstanding.cents() == 20'00); // apart: not in the card's liability
        requireSameAsOwnReports(d, p);
    }
    SECTION("day 2: redemptions release what was paid; a refunded voucher is other") {
        const PrepaidLiability p = value(reports.prepaid(day2, day2));
        // Card A: 30 spent; card B: its 50 paid (the 10 of bonus it also gave is not owed).
        requireKind(p.kinds[0], {150'00, 0, 80'00, 0, 70'00, 0, 0, 2, 0, 1});
        requireKind(p.kinds[1], {3 * p60, 0, p60, -p60, p60, p60, 0, 1, 1, 1});
        requireKind(p.kinds[2], {600'00, 0, 120'00, 0, 480'00, 120'00, 0, 1, 0, 4});
        CHECK(p.recognised.cents() == p60 + 120'00);
        CHECK(p.promoOutstanding.cents() == 10'00);
        requireSameAsOwnReports(d, p);
    }
    SECTION("day 3: the voucher redeemed at a higher price still releases what was paid") {
        const PrepaidLiability p = value(reports.prepaid(day3, day3));
        requireKind(p.kinds[0], {70'00, 0, 0, 30'00, 100'00, 0, 0, 0, 1, 1});
        requireKind(p.kinds[1], {p60, 0, p60, 0, 0, p60, 0, 1, 0, 0});
        requireKind(p.kinds[2], {480'00, 0, 120'00, -360'00, 0, 120'00, 0, 1, 3, 0});
        CHECK(p.recognised.cents() == p60 + 120'00);
        requireSameAsOwnReports(d, p);
    }
    SECTION("the three days together, and the day after them") {
        const PrepaidLiability p = value(reports.prepaid(day1, day3));
        requireKind(p.kinds[0], {0, 150'00, 80'00, 30'00, 100'00, 0, 2, 2, 1, 1});
        requireKind(p.kinds[1], {0, 3 * p60, 2 * p60, -p60, 0, 2 * p60, 3, 2, 1, 0});
        requireKind(p.kinds[2], {0, 600'00, 240'00, -360'00, 0, 240'00, 5, 2, 3, 0});
        CHECK(p.total.sold.cents() == 150'00 + 3 * p60 + 600'00);
        CHECK(p.total.closing.cents() == 100'00);
        CHECK(p.recognised.cents() == 2 * p60 + 240'00);
        requireSameAsOwnReports(d, p);
        // The liability now is what the ledgers sum to.
        const PrepaidLiability now = value(reports.prepaid(day3.addDays(1), day3.addDays(1)));
        const qint64 ledgers =
            value(d.scalar(u"SELECT (SELECT COALESCE(SUM(amount_cents), 0) FROM "
                           "giftcard_activity) + (SELECT COALESCE(SUM(amount_cents), 0) FROM "
                           "voucher_activity) + (SELECT COALESCE(SUM(amount_cents), 0) FROM "
                           "package_activity)"_s))
                .toLongLong();
        CHECK(now.total.opening.cents() == ledgers);
        CHECK(now.total.closing.cents() == ledgers);
        requireSameAsOwnReports(d, now);
    }
    TestClock::set(QDateTime());
}
