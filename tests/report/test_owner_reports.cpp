// SPDX-License-Identifier: GPL-3.0-or-later
// The reports an owner and an accountant read: sales by category, staff and therapist as tables
// of their own, therapist commission, use tax on stock used in treatments and testers, and the
// aging of gift cards. Every figure is checked against sums made by hand.
#include "core/domain/clock.h"
#include "core/domain/tax.h"
#include "core/services/commission.h"
#include "core/services/inventory.h"
#include "core/services/refund.h"
#include "core/services/report.h"
#include "core/services/storesettings.h"
#include "core/storage/journal.h"
#include "tests/report/counter.h"
#include "tests/support/testhooks.h"

using namespace oasis;
using namespace oasis::test;

namespace {
/// Sets the clock for a scope (the store's business day follows it).
struct ClockAt {
    explicit ClockAt(const QDateTime &utc) { TestClock::set(utc); }
    ~ClockAt() { TestClock::set(QDateTime()); }
    ClockAt(const ClockAt &) = delete;
    ClockAt &operator=(const ClockAt &) = delete;
};

QDateTime utcAt(int y, int mo, int d, int h) {
    return QDateTime(QDate(y, mo, d), QTime(h, 0), Qt::UTC);
}

/// The row of `table` whose first column is `name` (empty when none).
QVariantList rowNamed(const ReportTable &table, const QString &name) {
    for (const QVariantList &row : table.rows)
        if (row[0].toString() == name)
            return row;
    return {};
}

qint64 column(const ReportTable &table, const QVariantList &row, const char *key) {
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        if (table.columns[i].key == QLatin1String(key))
            return row.value(qsizetype(i)).toLongLong();
    FAIL("no column " << key);
    return 0;
}

qint64 journalEntries(Database &db, const char *kind) {
    return value(db.scalar(QStringLiteral("SELECT COUNT(*) FROM journal WHERE kind = ?"),
                           {QLatin1String(kind)}))
        .toLongLong();
}
} // namespace

TEST_CASE("sales by category, staff member and therapist are tables of their own with display "
          "names and totals",
          "[report]") {
    TempDb db(true);
    Database &d = db.db();
    sell(d,
         {QStringLiteral("DT60@lena"), QStringLiteral("OIL-LAV-120x2"),
          QStringLiteral("tip:20@lena")},
         {QStringLiteral("cash:300")});
    sell(d, {QStringLiteral("HS90@marco"), QStringLiteral("giftcard:50")},
         {QStringLiteral("card:245")}, QStringLiteral("manager"));
    const CompletedSale refunded =
        sell(d, {QStringLiteral("SW60@lena")}, {QStringLiteral("cash:120")});
    value(RefundService(d).refund(refunded.receiptNo, {}, false,
                                  staffNamed(d, QStringLiteral("manager")), std::nullopt,
                                  QStringLiteral("R1")));
    ReportService reports(d);
    const QDate today = StoreSettings(d).businessDate(Clock::nowUtc());

    const ReportTable byCategory = value(reports.salesBy(SalesBy::Category, today, today));
    REQUIRE(byCategory.columns.front().header == QStringLiteral("Category"));
    REQUIRE(byCategory.showTotals);
    // The refunded session cancels itself out; gift cards are not a category of sales.
    const qint64 net =
        value(d.scalar(QStringLiteral("SELECT SUM(CASE WHEN s.kind = 'sale' THEN l.net_cents ELSE "
                                      "-ABS(l.net_cents) END) FROM sale_lines l JOIN sales s ON "
                                      "s.id = l.sale_id WHERE l.kind IN ('product', 'session')")))
            .toLongLong();
    REQUIRE(net == 135'00 + 48'00 + 195'00);
    REQUIRE(byCategory.sum(QStringLiteral("net_sales_cents")) == net);
    for (const QVariantList &row : byCategory.rows)
        REQUIRE_FALSE(row[0].toString().isEmpty());

    const ReportTable byStaff = value(reports.salesBy(SalesBy::Staff, today, today));
    // Display names, never the login.
    const QVariantList maya = rowNamed(byStaff, QStringLiteral("Maya (front desk)"));
    const QVariantList jordan = rowNamed(byStaff, QStringLiteral("Jordan (manager)"));
    REQUIRE_FALSE(maya.isEmpty());
    REQUIRE_FALSE(jordan.isEmpty());
    REQUIRE(rowNamed(byStaff, QStringLiteral("frontdesk")).isEmpty());
    REQUIRE(column(byStaff, jordan, "giftcards_sold_cents") == 50'00);
    // The refund counts against whoever rang it up (Jordan), as the drawer does.
    REQUIRE(column(byStaff, jordan, "net_sales_cents") == 195'00 - 120'00);
    REQUIRE(column(byStaff, maya, "giftcards_sold_cents") == 0);
    REQUIRE(byStaff.sum(QStringLiteral("net_sales_cents")) == net);

    const ReportTable byTherapist = value(reports.salesBy(SalesBy::Therapist, today, today));
    const QVariantList lena = rowNamed(byTherapist, QStringLiteral("Lena Okafor LMP"));
    REQUIRE(column(byTherapist, lena, "sessions") == 1); // 2 sold, 1 refunded
    REQUIRE(column(byTherapist, lena, "service_sales_cents") == 135'00);
    REQUIRE(column(byTherapist, lena, "tip_cents") == 20'00);
    // Priya and Sam did nothing: no empty rows.
    REQUIRE(byTherapist.rows.size() == 2);

    // The text layout ends with the totals row under a rule; the CSV has the rows alone.
    const QByteArray csv = byTherapist.toCsv();
    REQUIRE(csv.startsWith("Therapist,Sessions,Service sales,Tips\r\n"));
    REQUIRE_FALSE(csv.contains("Total"));
    const QVariantList totals = byTherapist.totalsRow();
    REQUIRE(totals[0].toString() == QStringLiteral("Total"));
    REQUIRE(totals[2].toLongLong() == 135'00 + 195'00);
}

TEST_CASE("therapist commission: a service's rate wins over the therapist's, set by the owner "
          "inside its transaction",
          "[report]") {
    TempDb db(true);
    Database &d = db.db();
    const StaffMember owner = staffNamed(d, QStringLiteral("owner"));
    const StaffMember manager = staffNamed(d, QStringLiteral("manager"));
    CommissionService commission(d);

    // Refused, and nothing written: a manager alone, a product, someone unknown, over 100 %.
    const qint64 journalBefore = journalEntries(d, "commission_rate_changed");
    auto byManager = commission.setTherapistRate(QStringLiteral("lena"), 400'000, manager);
    REQUIRE_FALSE(byManager);
    REQUIRE(byManager.error().code == ErrorCode::Permission);
    REQUIRE_FALSE(commission.setServiceRate(QStringLiteral("OIL-LAV-120"), 100'000, owner));
    REQUIRE_FALSE(commission.setTherapistRate(QStringLiteral("nobody"), 100'000, owner));
    REQUIRE_FALSE(commission.setServiceRate(QStringLiteral("HS90"), 1'000'001, owner));
    REQUIRE(value(commission.rates()).byTherapist.empty());
    REQUIRE(value(commission.rates()).byService.empty());
    REQUIRE(journalEntries(d, "commission_rate_changed") == journalBefore);

    ok(commission.setTherapistRate(QStringLiteral("lena"), 400'000, owner));
    ok(commission.setTherapistRate(QStringLiteral("marco"), 450'000, owner));
    ok(commission.setServiceRate(QStringLiteral("HS90"), 300'000, owner));
    // The manager may, with the owner's approval.
    ok(commission.setServiceRate(QStringLiteral("DT30"), 333'333, manager, owner));
    REQUIRE(journalEntries(d, "commission_rate_changed") == journalBefore + 4);
    const CommissionRates rates = value(commission.rates());
    REQUIRE(rates.rateFor(QStringLiteral("marco"), QStringLiteral("HS90")) == 300'000);
    REQUIRE(rates.rateFor(QStringLiteral("marco"), QStringLiteral("DT60")) == 450'000);
    REQUIRE_FALSE(rates.rateFor(QStringLiteral("sam"), QStringLiteral("DT60")).has_value());

    sell(d, {QStringLiteral("DT60@lena"), QStringLiteral("tip:15@lena")},
         {QStringLiteral("cash:150")});
    sell(d, {QStringLiteral("HS90@marco"), QStringLiteral("DT60@marco")},
         {QStringLiteral("cash:330")});
    sell(d, {QStringLiteral("DT30@sam")}, {QStringLiteral("cash:80")});
    const CompletedSale refunded =
        sell(d, {QStringLiteral("DT30@lena")}, {QStringLiteral("cash:80")});
    sell(d, {QStringLiteral("DT30@lena")}, {QStringLiteral("cash:80")});
    value(RefundService(d).refund(refunded.receiptNo, {}, false, manager, std::nullopt,
                                  QStringLiteral("R1")));

    ReportService reports(d);
    const QDate today = StoreSettings(d).businessDate(Clock::nowUtc());
    const ReportTable t = value(reports.commission(today, today));
    const QVariantList lena = rowNamed(t, QStringLiteral("Lena Okafor LMP"));
    const QVariantList marco = rowNamed(t, QStringLiteral("Marco Reyes LMP"));
    const QVariantList sam = rowNamed(t, QStringLiteral("Sam Whitfield LMP"));
    // Lena: DT60 at her 40 % (54.00) and one DT30 at the service's 33.3333 % (26.67 of 80.00:
    // the refunded one took its commission back).
    REQUIRE(column(t, lena, "service_sales_cents") == 135'00 + 80'00);
    REQUIRE(column(t, lena, "commission_cents") == 54'00 + 26'67);
    REQUIRE(column(t, lena, "tip_cents") == 15'00);
    REQUIRE(column(t, lena, "earned_cents") == 54'00 + 26'67 + 15'00);
    REQUIRE(lena[3].toString() == QStringLiteral("by service"));
    // Marco: HS90 at the service's 30 % (58.50), DT60 at his 45 % (60.75).
    REQUIRE(column(t, marco, "commission_cents") == 58'50 + 60'75);
    // Sam: DT30 at the service's rate although he has none of his own.
    REQUIRE(column(t, sam, "commission_cents") == 26'67);
    REQUIRE(t.sum(QStringLiteral("commission_cents")) == 54'00 + 26'67 + 58'50 + 60'75 + 26'67);

    // A rate cleared: Lena's DT60 earns nothing now, and the report says so.
    ok(commission.setTherapistRate(QStringLiteral("lena"), std::nullopt, owner));
    const ReportTable after = value(reports.commission(today, today));
    REQUIRE(column(after, rowNamed(after, QStringLiteral("Lena Okafor LMP")), "commission_cents") ==
            26'67);
    REQUIRE(value(Journal::verify(d)).ok);
}

TEST_CASE("use tax on stock used in treatments and testers takes the rate in force on the day of "
          "use",
          "[report]") {
    TempDb db(true);
    Database &d = db.db();
    const StaffMember manager = staffNamed(d, QStringLiteral("manager"));
    InventoryService inv(d);
    // Seattle's retail rate: 10.35 % through 2025-12-31, 10.55 % from 2026-01-01.
    {
        ClockAt at(utcAt(2025, 12, 31, 20)); // noon in Seattle
        ReceiveRequest delivery;
        delivery.code = QStringLiteral("LOT-UNS-500");
        delivery.quantity = 10;
        delivery.unitCost = Money::fromCents(12'00);
        value(inv.receive(delivery, manager));
        value(inv.adjust(QStringLiteral("LOT-UNS-500"), -2, AdjustReason::Treatment, {}, manager));
    }
    {
        ClockAt at(utcAt(2026, 1, 2, 20));
        value(inv.adjust(QStringLiteral("LOT-UNS-500"), -1, AdjustReason::Tester, {}, manager));
        value(inv.adjust(QStringLiteral("LOT-UNS-500"), -3, AdjustReason::Treatment, {}, manager));
        value(inv.adjust(QStringLiteral("LOT-UNS-500"), -1, AdjustReason::Damaged, {}, manager));
    }
    ReportService reports(d);
    const ReportTable t = value(reports.useTax(QDate(2025, 12, 1), QDate(2026, 1, 31)));
    REQUIRE(t.rows.size() == 3); // damaged stock is not used: no use tax
    const qint64 cost = [&] {
        return value(d.scalar(QStringLiteral(
                         "SELECT unit_cost_cents FROM stock_movements WHERE reason = "
                         "'treatment' ORDER BY id LIMIT 1")))
            .toLongLong();
    }();
    REQUIRE(cost > 0);
    const auto rowOn = [&](const char *date, const char *use) {
        for (const QVariantList &row : t.rows)
            if (row[0].toString() == QLatin1String(date) && row[3].toString() == QLatin1String(use))
                return row;
        FAIL("no row " << date << " " << use);
        return QVariantList();
    };
    const QVariantList dec31 = rowOn("2025-12-31", "Treatment");
    REQUIRE(column(t, dec31, "quantity") == 2);
    REQUIRE(column(t, dec31, "rate_ppm") == 103'500);
    REQUIRE(column(t, dec31, "use_tax_cents") ==
            Money::fromCents(cost * 2).timesPpm(103'500).cents());
    const QVariantList jan2 = rowOn("2026-01-02", "Treatment");
    REQUIRE(column(t, jan2, "rate_ppm") == 105'500);
    REQUIRE(column(t, jan2, "cost_cents") == cost * 3);
    REQUIRE(column(t, jan2, "use_tax_cents") ==
            Money::fromCents(cost * 3).timesPpm(105'500).cents());
    REQUIRE(column(t, rowOn("2026-01-02", "Tester"), "quantity") == 1);
    // Only the days asked for.
    REQUIRE(value(reports.useTax(QDate(2026, 1, 1), QDate(2026, 1, 31))).rows.size() == 2);
    REQUIRE(t.cellText(dec31, 6, ReportTable::CellStyle::Display) == QStringLiteral("10.35%"));
}

TEST_CASE("gift-card aging puts each card with money on it by how long it has been idle",
          "[report]") {
    TempDb db(true);
    Database &d = db.db();
    QString midCard;
    {
        ClockAt at(utcAt(2022, 3, 10, 20)); // idle over 36 months by 2026-12-05
        sell(d, {QStringLiteral("giftcard:100")}, {QStringLiteral("cash:100")});
    }
    {
        ClockAt at(utcAt(2024, 6, 1, 20)); // idle 30 months
        sell(d, {QStringLiteral("giftcard:60")}, {QStringLiteral("cash:60")});
    }
    {
        ClockAt at(utcAt(2025, 3, 1, 20)); // sold 21 months ago ...
        midCard = sell(d, {QStringLiteral("giftcard:40")}, {QStringLiteral("cash:40")})
                      .giftCards.front()
                      .code;
    }
    {
        ClockAt at(utcAt(2025, 4, 1, 20)); // ... spent from 20 months ago
        sell(d, {QStringLiteral("OIL-LAV-120")}, {QStringLiteral("gift:") + midCard});
    }
    {
        ClockAt at(utcAt(2024, 2, 1, 20)); // spent to nothing: not owed, not listed
        const QString spent = sell(d, {QStringLiteral("giftcard:24")}, {QStringLiteral("cash:24")})
                                  .giftCards.front()
                                  .code;
        sell(d, {QStringLiteral("DT30@sam")},
             {QStringLiteral("gift:") + spent, QStringLiteral("cash:56")});
    }
    {
        ClockAt at(utcAt(2026, 11, 1, 20)); // active this year
        sell(d, {QStringLiteral("giftcard:25")}, {QStringLiteral("cash:25")});
    }
    ClockAt now(utcAt(2026, 12, 5, 20));
    const GiftCardAging a = value(ReportService(d).giftCardAging(QDate(2026, 12, 5)));
    // Sold on 2025-04-01 at that year's 10.35 %.
    const Money lavender = Money::fromCents(24'00) + Money::fromCents(24'00).timesPpm(103'500);
    REQUIRE(a.over36 == Money::fromCents(100'00));
    REQUIRE(a.cardsOver36 == 1);
    REQUIRE(a.months24to36 == Money::fromCents(60'00));
    REQUIRE(a.months12to24 == Money::fromCents(40'00) - lavender);
    REQUIRE(a.cards12to24 == 1);
    REQUIRE(a.recent == Money::fromCents(25'00));
    REQUIRE(a.outstanding == a.recent + a.months12to24 + a.months24to36 + a.over36);
    REQUIRE(a.cards.rows.size() == 3); // oldest first
    REQUIRE(a.cards.rows[0][2].toString() == QStringLiteral("2022-03-10"));
    REQUIRE(a.cards.rows[2][2].toString() == QStringLiteral("2025-04-01")); // last activity
    REQUIRE(a.cards.rows[2][3].toLongLong() == 20);
    // As of an earlier date, later activity does not count.
    const GiftCardAging earlier = value(ReportService(d).giftCardAging(QDate(2025, 3, 31)));
    REQUIRE(earlier.outstanding == Money::fromCents(100'00 + 60'00 + 40'00));
    REQUIRE(earlier.over36 == Money::fromCents(100'00));
    REQUIRE(earlier.months12to24 == Money::fromCents(0));
}
