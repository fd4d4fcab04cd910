// SPDX-License-Identifier: GPL-3.0-or-later
// The register's sale: every cent, one transaction, nothing written when refused.
#include "tests/support/testsupport.h"

#include "core/domain/clock.h"
#include "core/services/catalog.h"
#include "core/services/sale.h"
#include "core/services/staff.h"
#include "core/storage/journal.h"

#include <QTimeZone>

#include <algorithm>

using namespace oasis;
using namespace oasis::test;

namespace {

struct Register {
    TempDb tmp{true};
    StaffMember frontdesk;
    StaffMember manager;
    StaffMember lena;

    Register() {
        // A weekday in November 2026, mid-afternoon in Seattle.
        test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(23, 0), QTimeZone::utc()));
        StaffService staff(tmp.db());
        frontdesk = value(staff.find(QStringLiteral("frontdesk")));
        manager = value(staff.find(QStringLiteral("manager")));
        lena = value(staff.find(QStringLiteral("lena")));
    }
    ~Register() { test::TestClock::set(QDateTime()); }

    CatalogItem item(const QString &code) {
        auto found = value(CatalogService(tmp.db()).findByCode(code));
        REQUIRE(found.has_value());
        return *found;
    }
    qint64 count(const QString &table) {
        return value(tmp->scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table)).toLongLong();
    }
    Tender tender(const QString &text) { return value(Tender::parse(text)); }
};

} // namespace

TEST_CASE("a session with a tip and two oils, split card and cash, adds up to the cent", "[sale]") {
    Register r;
    Ticket t;
    t.addItem(r.item(QStringLiteral("DT60")), 1, r.lena.id, r.lena.displayName);
    t.addItem(r.item(QStringLiteral("0850071001020")));
    t.addItem(r.item(QStringLiteral("OIL-LAV-120"))); // same oil again: one line, quantity 2
    t.addTip(Money::fromCents(20'00), r.lena.id, r.lena.displayName);
    REQUIRE(t.lines.size() == 3);
    REQUIRE(t.lines[1].quantity == 2);

    const qint64 onHandBefore =
        value(r.tmp->scalar(
                  QStringLiteral("SELECT on_hand FROM stock_levels s JOIN items i ON i.id = "
                                 "s.item_id WHERE i.code = 'OIL-LAV-120'")))
            .toLongLong();
    auto done = value(SaleService(r.tmp.db())
                          .complete(t,
                                    {r.tender(QStringLiteral("card:150:4242:A1B2")),
                                     r.tender(QStringLiteral("cash:100"))},
                                    r.frontdesk));
    // $135 session untaxed; $48 of oil at 10.55 % = 5.064 → $5.06; tip $20 untaxed.
    REQUIRE(done.receiptNo == 1);
    REQUIRE(done.totals.subtotal == Money::fromCents(183'00));
    REQUIRE(done.totals.tax == Money::fromCents(5'06));
    REQUIRE(done.totals.taxByClass.at(TaxClass::Service) == Money());
    REQUIRE(done.totals.tips == Money::fromCents(20'00));
    REQUIRE(done.totals.total == Money::fromCents(208'06));
    REQUIRE(done.change == Money::fromCents(41'94));

    SaleRecord rec = value(SaleService(r.tmp.db()).load(1));
    REQUIRE(rec.total == Money::fromCents(208'06));
    REQUIRE(rec.lines.size() == 3);
    REQUIRE(rec.lines[0].therapist == r.lena.displayName);
    REQUIRE(rec.tenders.size() == 2);
    REQUIRE(rec.tenders[0].cardLast4 == QStringLiteral("4242"));
    REQUIRE(rec.tenders[1].amount == Money::fromCents(58'06));
    REQUIRE(rec.tenders[1].tendered == Money::fromCents(100'00));
    REQUIRE(rec.change == Money::fromCents(41'94));
    const qint64 onHandAfter =
        value(r.tmp->scalar(
                  QStringLiteral("SELECT on_hand FROM stock_levels s JOIN items i ON i.id = "
                                 "s.item_id WHERE i.code = 'OIL-LAV-120'")))
            .toLongLong();
    REQUIRE(onHandAfter == onHandBefore - 2);
    REQUIRE(value(r.tmp->scalar(QStringLiteral("SELECT COUNT(*) FROM journal WHERE kind = 'sale'")))
                .toInt() == 1);
    REQUIRE(value(Journal::verify(r.tmp.db())).ok);
}

TEST_CASE("a ticket of more lines than one INSERT takes is written whole and journaled", "[sale]") {
    // 101 gift cards of $10 and an oil: the lines go 100 to a statement, so two statements.
    Register r;
    Ticket t;
    for (int i = 0; i < 101; ++i)
        t.addGiftCard(Money::fromCents(10'00));
    t.addItem(r.item(QStringLiteral("OIL-LAV-120")));
    REQUIRE(t.lines.size() == 102);
    auto done = value(
        SaleService(r.tmp.db()).complete(t, {r.tender(QStringLiteral("cash:1100"))}, r.frontdesk));
    REQUIRE(done.giftCards.size() == 101);
    SaleRecord rec = value(SaleService(r.tmp.db()).load(done.receiptNo));
    REQUIRE(rec.lines.size() == 102);
    for (std::size_t i = 0; i < rec.lines.size(); ++i)
        REQUIRE(rec.lines[i].lineNo == int(i + 1));
    REQUIRE(r.count(QStringLiteral("sale_lines")) == 102);
    const JournalReport report = value(Journal::verify(r.tmp.db()));
    INFO(report.problem.toStdString());
    REQUIRE(report.ok);
}

TEST_CASE("a ticket is sold only at the total the customer was shown", "[sale][tax]") {
    Register r;
    Ticket t;
    t.addItem(r.item(QStringLiteral("OIL-LAV-120"))); // $24.00 + 10.55 % = $26.53
    // Shown at the rate of an older price list: refused, whole, saying what it is now.
    t.shownTotal = Money::fromCents(26'48);
    auto refused = SaleService(r.tmp.db())
                       .complete(t, {r.tender(QStringLiteral("cash:30.00"))}, r.frontdesk,
                                 std::nullopt, QStringLiteral("test-register"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().message.contains(QStringLiteral("$26.53")));
    CHECK(r.count(QStringLiteral("sales")) == 0);
    CHECK(r.count(QStringLiteral("journal WHERE kind = 'sale'")) == 0);
    t.shownTotal = Money::fromCents(26'53);
    auto sold = value(SaleService(r.tmp.db())
                          .complete(t, {r.tender(QStringLiteral("cash:30.00"))}, r.frontdesk,
                                    std::nullopt, QStringLiteral("test-register")));
    CHECK(sold.totals.total == Money::fromCents(26'53));
    CHECK(sold.change == Money::fromCents(3'47));
}

TEST_CASE("the retail rate changes at midnight Seattle time on 2026-01-01", "[sale][tax]") {
    Register r;
    auto ringUpOil = [&] {
        Ticket t;
        t.addItem(r.item(QStringLiteral("OIL-LAV-120")), 2);
        return value(SaleService(r.tmp.db())
                         .complete(t, {r.tender(QStringLiteral("cash:60"))}, r.frontdesk));
    };
    // 23:59:59 on New Year's Eve in Seattle is 07:59:59 UTC: 10.35 % of $48 = 4.968 → $4.97.
    test::TestClock::set(QDateTime(QDate(2026, 1, 1), QTime(7, 59, 59), QTimeZone::utc()));
    REQUIRE(ringUpOil().totals.tax == Money::fromCents(4'97));
    // One second later it is 2026 in Seattle: 10.55 % → $5.06.
    test::TestClock::set(QDateTime(QDate(2026, 1, 1), QTime(8, 0, 0), QTimeZone::utc()));
    REQUIRE(ringUpOil().totals.tax == Money::fromCents(5'06));
    SaleRecord second = value(SaleService(r.tmp.db()).load(2));
    REQUIRE(second.businessDate == QDate(2026, 1, 1));
    REQUIRE(second.taxes.front().ppm == 105'500);
}

TEST_CASE("a refused sale writes nothing and does not use up a receipt number", "[sale]") {
    Register r;
    Ticket t;
    t.addItem(r.item(QStringLiteral("OIL-LAV-120")));
    const qint64 sales = r.count(QStringLiteral("sales"));
    const qint64 journal = r.count(QStringLiteral("journal"));
    const qint64 movements = r.count(QStringLiteral("stock_movements"));
    SaleService sales_(r.tmp.db());

    SECTION("under-tendered") {
        auto refused = sales_.complete(t, {r.tender(QStringLiteral("cash:10"))}, r.frontdesk);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().code == ErrorCode::Refused);
        REQUIRE(refused.error().message.contains(QStringLiteral("still due")));
    }
    SECTION("over-tendered by card") {
        auto refused = sales_.complete(t, {r.tender(QStringLiteral("card:30"))}, r.frontdesk);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().message.contains(QStringLiteral("only cash")));
    }
    SECTION("a session without its therapist") {
        Ticket s;
        s.addItem(r.item(QStringLiteral("DT60")));
        auto refused = sales_.complete(s, {r.tender(QStringLiteral("cash:200"))}, r.frontdesk);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().message.contains(QStringLiteral("therapist")));
    }
    SECTION("an empty ticket") {
        REQUIRE_FALSE(sales_.complete(Ticket(), {r.tender(QStringLiteral("cash:1"))}, r.frontdesk));
    }
    SECTION("a product taken out of the catalog after it was scanned") {
        Ticket two = t;
        const CatalogItem arnica = r.item(QStringLiteral("OIL-ARN-120"));
        two.addItem(arnica);
        REQUIRE(r.tmp->write(QStringLiteral("UPDATE items SET active = 0 WHERE code = ?"),
                             {arnica.code}));
        auto refused = sales_.complete(two, {r.tender(QStringLiteral("cash:100"))}, r.frontdesk);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().code == ErrorCode::NotFound);
        REQUIRE(refused.error().message ==
                arnica.name + QStringLiteral(" is not in the catalog any more."));
    }
    REQUIRE(r.count(QStringLiteral("sales")) == sales);
    REQUIRE(r.count(QStringLiteral("journal")) == journal);
    REQUIRE(r.count(QStringLiteral("stock_movements")) == movements);
    // The next good sale still gets receipt 1.
    REQUIRE(
        value(sales_.complete(t, {r.tender(QStringLiteral("cash:30"))}, r.frontdesk)).receiptNo ==
        1);
}

TEST_CASE("a discount above the threshold needs a manager", "[sale][permissions]") {
    Register r;
    Ticket t;
    t.addItem(r.item(QStringLiteral("DT60")), 1, r.lena.id, r.lena.displayName);
    t.discount = value(Discount::parse(QStringLiteral("25%")));
    SaleService sales(r.tmp.db());
    auto refused = sales.complete(t, {r.tender(QStringLiteral("cash:200"))}, r.frontdesk);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Permission);
    auto done =
        value(sales.complete(t, {r.tender(QStringLiteral("cash:200"))}, r.frontdesk, r.manager));
    // 25 % of $135 = $33.75 off; services are untaxed.
    REQUIRE(done.totals.total == Money::fromCents(101'25));
    REQUIRE(
        value(r.tmp->scalar(QStringLiteral("SELECT approver_id FROM sales WHERE receipt_no = 1")))
            .toLongLong() == r.manager.id);
    // 20 % is within the threshold for front desk.
    t.discount = value(Discount::parse(QStringLiteral("20%")));
    REQUIRE(sales.complete(t, {r.tender(QStringLiteral("cash:200"))}, r.frontdesk));
}

TEST_CASE("only cash gives change, split tenders must cover the total", "[sale][tenders]") {
    const Money total = Money::fromCents(100'00);
    auto plan = planTenders(total, Money(),
                            {value(Tender::parse(QStringLiteral("card:60"))),
                             value(Tender::parse(QStringLiteral("cash:50")))},
                            {});
    REQUIRE(plan);
    REQUIRE(plan->applied[1].amount == Money::fromCents(40'00));
    REQUIRE(plan->change == Money::fromCents(10'00));
    REQUIRE_FALSE(
        planTenders(total, Money(), {value(Tender::parse(QStringLiteral("card:120")))}, {}));
    // A gift card pays what it holds, up to what is due; cash covers the rest.
    auto gift = planTenders(total, Money(),
                            {value(Tender::parse(QStringLiteral("gift:GC1-X"))),
                             value(Tender::parse(QStringLiteral("cash:100")))},
                            {Money::fromCents(30'00)});
    REQUIRE(gift);
    REQUIRE(gift->applied[0].amount == Money::fromCents(30'00));
    REQUIRE(gift->change == Money::fromCents(30'00));
    // A gift card cannot pay for a gift card.
    REQUIRE_FALSE(planTenders(total, total, {value(Tender::parse(QStringLiteral("gift:GC1-X:10")))},
                              {Money::fromCents(50'00)}));
    REQUIRE_FALSE(Tender::parse(QStringLiteral("card:10:4111111111111111")));
    REQUIRE_FALSE(Tender::parse(QStringLiteral("cash:12.505")));
}

TEST_CASE("a held ticket survives a restart and stays parked until its sale commits",
          "[sale][parked]") {
    Register r;
    addRegisters(r.tmp.db(), {QStringLiteral("desk-1"), QStringLiteral("desk-2")});
    Ticket t;
    t.addItem(r.item(QStringLiteral("DT90")), 1, r.lena.id, r.lena.displayName);
    t.addItem(r.item(QStringLiteral("OIL-ARN-120")), 2);
    t.discount = Discount::percent(100'000);
    const qint64 id =
        value(ParkedTickets(r.tmp.db())
                  .park(t, QStringLiteral("Ana, 3 pm"), r.frontdesk, QStringLiteral("desk-1")));
    r.tmp.reopen();
    auto parked = value(ParkedTickets(r.tmp.db()).list());
    REQUIRE(parked.size() == 1);
    REQUIRE(parked[0].label == QStringLiteral("Ana, 3 pm"));
    Ticket back = value(ParkedTickets(r.tmp.db()).recall(id));
    REQUIRE(back.parkedId == id);
    REQUIRE(back.lines.size() == 2);
    REQUIRE(back.lines[0].therapistId == r.lena.id);
    REQUIRE(back.lines[1].quantity == 2);
    REQUIRE(back.discount.ppm == 100'000);
    // Recalled, not yet sold: a crash now loses nothing.
    REQUIRE(value(ParkedTickets(r.tmp.db()).list()).size() == 1);

    SECTION("held again, it replaces its own row") {
        back.addItem(r.item(QStringLiteral("OIL-LAV-120")));
        REQUIRE(value(ParkedTickets(r.tmp.db())
                          .park(back, QStringLiteral("Ana, 4 pm"), r.frontdesk,
                                QStringLiteral("desk-1"))) == id);
        parked = value(ParkedTickets(r.tmp.db()).list());
        REQUIRE(parked.size() == 1);
        REQUIRE(parked[0].label == QStringLiteral("Ana, 4 pm"));
        REQUIRE(parked[0].ticket.lines.size() == 3);
    }
    SECTION("its sale removes it in the same transaction, and it is sold only once") {
        // A second register recalled the same ticket meanwhile.
        const Ticket other = value(ParkedTickets(r.tmp.db()).recall(id));
        const qint64 salesBefore = r.count(QStringLiteral("sales"));
        value(SaleService(r.tmp.db())
                  .complete(back, {r.tender(QStringLiteral("cash:500"))}, r.frontdesk, std::nullopt,
                            QStringLiteral("desk-1")));
        REQUIRE(value(ParkedTickets(r.tmp.db()).list()).empty());
        REQUIRE(r.count(QStringLiteral("sales")) == salesBefore + 1);
        auto twice = SaleService(r.tmp.db())
                         .complete(other, {r.tender(QStringLiteral("cash:500"))}, r.frontdesk,
                                   std::nullopt, QStringLiteral("desk-2"));
        REQUIRE_FALSE(twice);
        REQUIRE(twice.error().code == ErrorCode::Refused);
        REQUIRE(r.count(QStringLiteral("sales")) == salesBefore + 1);
        REQUIRE_FALSE(ParkedTickets(r.tmp.db()).recall(id));
    }
    SECTION("a voided one is gone") {
        ok(ParkedTickets(r.tmp.db()).discard(id));
        REQUIRE(value(ParkedTickets(r.tmp.db()).list()).empty());
    }
}

TEST_CASE("receipt codes are recognised as typed or scanned", "[sale][scan]") {
    REQUIRE(receiptCode(42) == QStringLiteral("R-000042"));
    REQUIRE(parseReceiptCode(QStringLiteral("R-000042")) == 42);
    REQUIRE(parseReceiptCode(QStringLiteral("r42")) == 42);
    REQUIRE(parseReceiptCode(QStringLiteral("#42")) == 42);
    REQUIRE_FALSE(parseReceiptCode(QStringLiteral("0850071001020")));
    REQUIRE_FALSE(parseReceiptCode(QStringLiteral("R-")));
    // A register's own series (DESIGN §13): always with its dash, so a SKU like "L250" or
    // "DT60" is never a receipt; R has no second index, and a number in a series has 9 digits.
    REQUIRE(receiptCode(1'000'000'042) == QStringLiteral("A-000042"));
    REQUIRE(receiptCode(26'001'234'567) == QStringLiteral("Z-1234567"));
    REQUIRE(parseReceiptCode(QStringLiteral("A-000042")) == 1'000'000'042);
    REQUIRE(parseReceiptCode(QStringLiteral("z-1234567")) == 26'001'234'567);
    REQUIRE(parseReceiptCode(QStringLiteral("#1000000042")) == 1'000'000'042);
    REQUIRE_FALSE(parseReceiptCode(QStringLiteral("L250")));
    REQUIRE_FALSE(parseReceiptCode(QStringLiteral("A-0")));
    REQUIRE_FALSE(parseReceiptCode(QStringLiteral("A-1000000000")));
    REQUIRE_FALSE(parseReceiptCode(QStringLiteral("R-1000000042")));
    REQUIRE_FALSE(parseReceiptCode(QStringLiteral("É-42")));
    for (qint64 n : {1LL, 999'999'999LL, 1'000'000'001LL, 17'000'000'005LL, 19'999'999'999LL})
        REQUIRE(parseReceiptCode(receiptCode(n)) == n);
    REQUIRE(receiptCode(18'000'000'001) == QStringLiteral("#18000000001")); // not a series
}

TEST_CASE("sales are append-only: the file refuses edits", "[sale][storage]") {
    Register r;
    Ticket t;
    t.addItem(r.item(QStringLiteral("OIL-LAV-120")));
    REQUIRE(
        SaleService(r.tmp.db()).complete(t, {r.tender(QStringLiteral("cash:30"))}, r.frontdesk));
    for (const QString &sql : {QStringLiteral("UPDATE sales SET total_cents = 1"),
                               QStringLiteral("DELETE FROM sale_lines"),
                               QStringLiteral("UPDATE sale_tenders SET amount_cents = 0"),
                               QStringLiteral("DELETE FROM stock_movements")}) {
        auto edited = r.tmp->exec(sql);
        REQUIRE_FALSE(edited);
        REQUIRE(edited.error().message.contains(QStringLiteral("append-only")));
    }
}

TEST_CASE("best sellers follow the sales and are kept for the business day", "[sale][catalog]") {
    Register r;
    CatalogService catalog(r.tmp.db());
    const QDate today(2026, 11, 23);
    // Never worked out: nothing kept, no day.
    auto kept = value(catalog.keptBestSellers(12));
    CHECK(kept.items.empty());
    CHECK(!kept.day.isValid());

    // Three of one oil, one of another: the first leads.
    const CatalogItem lavender = r.item(QStringLiteral("OIL-LAV-120"));
    Ticket t;
    t.addItem(lavender, 3);
    const CatalogItem other = value(catalog.bestSellers(12)).back();
    REQUIRE(other.id != lavender.id);
    t.addItem(other);
    value(SaleService(r.tmp.db()).complete(t, {r.tender(QStringLiteral("cash:500"))}, r.frontdesk));
    auto best = value(catalog.refreshBestSellers(12, today));
    REQUIRE(best.size() == 12);
    CHECK(best[0].id == lavender.id);
    CHECK(best[1].id == other.id);

    // Kept: the same list for that day, read back item by item (another register sees it too).
    kept = value(catalog.keptBestSellers(12));
    CHECK(kept.day == today);
    REQUIRE(kept.items.size() == best.size());
    // Item for item as the kept list reads them, barcodes too: the products that fill up the
    // list (no sales yet) as much as those sold.
    for (std::size_t i = 0; i < best.size(); ++i) {
        CHECK(kept.items[i].id == best[i].id);
        CHECK(kept.items[i].barcodes == best[i].barcodes);
    }
    CHECK(std::all_of(best.begin(), best.end(),
                      [](const CatalogItem &item) { return !item.barcodes.isEmpty(); }));
    CHECK(value(catalog.keptBestSellers(2)).items.size() == 2);

    // A product taken off the catalog is not offered from the kept list.
    ok(catalog.setActive(lavender.code, false, test::owner(r.tmp.db())));
    kept = value(catalog.keptBestSellers(12));
    CHECK(kept.items.front().id == other.id);
}
