// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/clock.h"
#include "core/domain/csv.h"
#include "core/domain/giftcode.h"
#include "core/services/giftcard.h"
#include "core/services/refund.h"
#include "core/services/report.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"
#include "core/storage/journal.h"
#include "tests/report/counter.h"

using namespace oasis;
using namespace oasis::test;

namespace {
Money m(qint64 cents) {
    return Money::fromCents(cents);
}

/// What we expect a period to say, summed from the sales as the counter returned them.
struct Expected {
    qint64 sales = 0;
    Money total;
    Money tax;
    Money tips;
    std::map<QString, Money> tenders;
    void add(const CompletedSale &s, int sign = 1) {
        if (sign > 0)
            ++sales;
        total += sign > 0 ? s.totals.total : -absolute(s.totals.total);
        tax += sign > 0 ? s.totals.tax : -absolute(s.totals.tax);
        tips += sign > 0 ? s.totals.tips : -absolute(s.totals.tips);
        for (const AppliedTender &t : s.tenders)
            tenders[tenderTypeName(t.type)] += sign > 0 ? t.amount : -absolute(t.amount);
    }
    static Money absolute(Money v) { return v.isNegative() ? -v : v; }
};

qint64 sqlInt(Database &db, const QString &sql, const QVariantList &binds = {}) {
    return value(db.scalar(sql, binds)).toLongLong();
}

void closeAll(Database &db) {
    const StaffMember desk = staffNamed(db, QStringLiteral("frontdesk"));
    for (const Shift &s : value(ShiftService(db).openShifts())) {
        const DrawerSummary d = value(ShiftService(db).summaryOf(s.id));
        value(ShiftService(db).close(d.expected, desk, std::nullopt, s.registerId));
    }
}
} // namespace

TEST_CASE("Z totals are the sums of the period's sales, Z numbers and grand total run on",
          "[report]") {
    TempDb db(true);
    addRegisters(db.db(), {QStringLiteral("R1"), QStringLiteral("R2")});
    Database &d = db.db();
    const StaffMember desk = staffNamed(d, QStringLiteral("frontdesk"));
    const StaffMember manager = staffNamed(d, QStringLiteral("manager"));
    ShiftService shifts(d);
    ReportService reports(d);
    value(shifts.open(m(200'00), desk, QStringLiteral("R1")));
    value(shifts.open(m(100'00), desk, QStringLiteral("R2")));

    Expected day1;
    const CompletedSale s1 = sell(d, {QStringLiteral("DT60@lena"), QStringLiteral("tip:20@lena")},
                                  {QStringLiteral("cash:200")});
    day1.add(s1);
    const CompletedSale s2 =
        sell(d, {QStringLiteral("DT90@marco"), QStringLiteral("OIL-LAV-120x2")},
             {QStringLiteral("card:100:4242"), QStringLiteral("cash:200")},
             QStringLiteral("manager"), QStringLiteral("R2"));
    day1.add(s2);
    const CompletedSale card =
        sell(d, {QStringLiteral("giftcard:100")}, {QStringLiteral("card:100")});
    day1.add(card);
    // A 10 % discount, paid partly with the new gift card and the rest in cash.
    Ticket discounted = ticketOf(d, {QStringLiteral("DT60@priya"), QStringLiteral("OIL-ARN-120")});
    discounted.discount = Discount::percent(100'000);
    const CompletedSale s4 = value(SaleService(d).complete(
        discounted,
        {tender(QStringLiteral("gift:") + card.giftCards.front().code + QStringLiteral(":60")),
         tender(QStringLiteral("cash:200"))},
        desk, std::nullopt, QStringLiteral("R1")));
    day1.add(s4);
    REQUIRE(s4.totals.discount > Money());

    // The day cannot close while a drawer is open.
    auto refused = reports.z(manager);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Refused);
    REQUIRE(refused.error().message.contains(QStringLiteral("R1")));
    REQUIRE(sqlInt(d, QStringLiteral("SELECT COUNT(*) FROM z_reports")) == 0);
    // A front-desk login may not close the day at all.
    closeAll(d);
    REQUIRE(reports.z(desk).error().code == ErrorCode::Permission);

    const PeriodReport x = value(reports.x());
    REQUIRE(sqlInt(d, QStringLiteral("SELECT COUNT(*) FROM z_reports")) == 0);
    const PeriodReport z1 = value(reports.z(manager));
    REQUIRE(z1.isZ);
    REQUIRE(z1.zNumber == 1);
    REQUIRE(x.zNumber == 1);
    REQUIRE(x.total == z1.total);

    // Our own sums, from what the counter returned and straight from the tables.
    REQUIRE(z1.salesCount == day1.sales);
    REQUIRE(z1.salesCount == 4);
    REQUIRE(z1.total == day1.total);
    REQUIRE(z1.total.cents() == sqlInt(d, QStringLiteral("SELECT SUM(total_cents) FROM sales")));
    REQUIRE(z1.tax == day1.tax);
    REQUIRE(z1.tips == m(20'00));
    REQUIRE(z1.tenders == day1.tenders);
    REQUIRE(z1.discounts == s4.totals.discount);
    REQUIRE(z1.grandTotal == z1.total);
    REQUIRE(z1.giftCardsSoldCount == 1);
    REQUIRE(z1.giftCardsSold == m(100'00));
    REQUIRE(z1.giftCardsRedeemed == m(60'00));
    REQUIRE(z1.giftCardsOutstanding == m(40'00));
    REQUIRE(z1.giftCardsOutstanding == value(GiftCardService(d).outstanding()));
    Money taxByClass;
    for (const auto &[cls, amount] : z1.taxByClass)
        taxByClass += amount;
    REQUIRE(taxByClass == z1.tax);
    // Breakdowns: every session and product once, tips to the right therapist.
    qint64 itemQuantity = 0;
    Money itemNet;
    for (const ReportLine &l : z1.byItem) {
        itemQuantity += l.quantity;
        itemNet += l.net;
    }
    REQUIRE(itemQuantity == 6);
    REQUIRE(itemNet.cents() == sqlInt(d, QStringLiteral("SELECT SUM(net_cents) FROM sale_lines "
                                                        "WHERE kind IN ('product', 'session')")));
    Money categoryNet;
    for (const ReportLine &l : z1.byCategory)
        categoryNet += l.net;
    REQUIRE(categoryNet == itemNet);
    REQUIRE(z1.tipsByTherapist.size() == 1);
    REQUIRE(z1.tipsByTherapist.front().key == QStringLiteral("lena"));
    REQUIRE(z1.tipsByTherapist.front().net == m(20'00));
    REQUIRE(z1.byTherapist.size() == 3);
    // The journal head printed on the Z is the entry just before the Z's own.
    const auto head = value(Journal::head(d));
    REQUIRE(z1.journalSeq == head.first - 1);
    REQUIRE(
        value(d.scalar(QStringLiteral("SELECT hash FROM journal WHERE seq = ?"), {z1.journalSeq}))
            .toString() == z1.journalHash);

    SECTION("a closed Z cannot be changed or removed") {
        REQUIRE_FALSE(d.exec(QStringLiteral("UPDATE z_reports SET grand_total_cents = 0")));
        REQUIRE_FALSE(d.exec(QStringLiteral("DELETE FROM z_reports")));
        REQUIRE(value(reports.loadZ(1)).total == z1.total);
    }

    SECTION("the next Z covers only new sales; a refund of yesterday lands today") {
        value(shifts.open(m(200'00), desk, QStringLiteral("R1")));
        Expected day2;
        const CompletedSale n1 =
            sell(d, {QStringLiteral("TP60@sam")}, {QStringLiteral("cash:160")});
        day2.add(n1);
        const CompletedSale refund = value(RefundService(d).refund(
            s2.receiptNo, {}, false, manager, std::nullopt, QStringLiteral("R1")));
        day2.add(refund, -1);
        closeAll(d);
        const PeriodReport z2 = value(reports.z(manager));
        REQUIRE(z2.zNumber == 2);
        REQUIRE(z2.salesCount == 1);
        REQUIRE(z2.refundsCount == 1);
        REQUIRE(z2.refunds == s2.totals.total);
        REQUIRE(z2.total == day2.total);
        REQUIRE(z2.total == n1.totals.total - s2.totals.total);
        REQUIRE(z2.tenders == day2.tenders);
        REQUIRE(z2.grandTotal == z1.grandTotal + z2.total);
        REQUIRE(z2.firstSaleId > z1.lastSaleId);
        // Z 1 is what it was.
        REQUIRE(value(reports.loadZ(1)).total == z1.total);
        REQUIRE(value(reports.loadZ(1)).refundsCount == 0);
        // A day with no sales still takes the next number and carries the grand total.
        const PeriodReport z3 = value(reports.z(manager));
        REQUIRE(z3.zNumber == 3);
        REQUIRE(z3.salesCount == 0);
        REQUIRE(z3.total == Money());
        REQUIRE(z3.grandTotal == z2.grandTotal);
        const auto all = value(reports.zReports());
        REQUIRE(all.size() == 3);
        REQUIRE(sqlInt(d, QStringLiteral("SELECT MAX(z_number) - MIN(z_number) + 1 - COUNT(*) "
                                         "FROM z_reports")) == 0);
    }
    REQUIRE(value(Journal::verify(d)).ok);
}

TEST_CASE("range reports add up and export as CSV", "[report]") {
    TempDb db(true);
    addRegisters(db.db(), {QStringLiteral("R1"), QStringLiteral("R2")});
    Database &d = db.db();
    const StaffMember desk = staffNamed(d, QStringLiteral("frontdesk"));
    value(ShiftService(d).open(m(100'00), desk, QStringLiteral("R1")));
    sell(d, {QStringLiteral("DT60@lena"), QStringLiteral("tip:15@lena")},
         {QStringLiteral("card:150")});
    sell(d, {QStringLiteral("OIL-LAV-120x3"), QStringLiteral("DT30@marco")},
         {QStringLiteral("cash:300")});
    const CompletedSale card =
        sell(d, {QStringLiteral("giftcard:50")}, {QStringLiteral("cash:50")});
    sell(d, {QStringLiteral("DT30@lena")},
         {QStringLiteral("gift:") + card.giftCards.front().code, QStringLiteral("card:30")});
    ReportService reports(d);
    const QDate today = StoreSettings(d).businessDate(Clock::nowUtc());

    const ReportTable tax = value(reports.tax(today, today));
    REQUIRE(tax.sum(QStringLiteral("tax_cents")) ==
            sqlInt(d, QStringLiteral("SELECT SUM(tax_cents) FROM sales")));

    const ReportTable sales = value(reports.salesBy(SalesBy::Item, today, today));
    qint64 lavender = 0;
    for (const QVariantList &row : sales.rows)
        if (row[0].toString() == QLatin1String("OIL-LAV-120"))
            lavender = row[2].toLongLong();
    REQUIRE(lavender == 3);
    const QByteArray csvBytes = sales.toCsv();
    const auto parsed = value(csv::parse(csvBytes));
    REQUIRE(parsed.front().fields ==
            QStringList{QStringLiteral("Code"), QStringLiteral("Item"), QStringLiteral("Sold"),
                        QStringLiteral("Net sales"), QStringLiteral("Sales tax")});
    REQUIRE(parsed.size() == sales.rows.size() + 1);
    REQUIRE(csvBytes.contains("OIL-LAV-120,Lavender Calm Body Oil,3,72.00,"));
    // The totals row is the screen's and the text's, not the CSV's; it sums every column.
    REQUIRE(sales.showTotals);
    const QVariantList totals = sales.totalsRow();
    REQUIRE(totals[0].toString() == QStringLiteral("Total"));
    REQUIRE(totals[3].toLongLong() == sales.sum(QStringLiteral("net_sales_cents")));
    REQUIRE(totals[3].toLongLong() ==
            sqlInt(d, QStringLiteral("SELECT SUM(net_cents) FROM sale_lines WHERE kind IN "
                                     "('product', 'session')")));

    const ReportTable tips = value(reports.tips(today, today));
    REQUIRE(tips.sum(QStringLiteral("tip_cents")) == 15'00);
    REQUIRE(tips.sum(QStringLiteral("sessions")) == 3);

    const ReportTable cards = value(reports.giftCards(today, today));
    REQUIRE(cards.rows.size() == 1);
    REQUIRE(cards.rows.front()[0].toString() == giftcode::last4(card.giftCards.front().code));
    REQUIRE(cards.sum(QStringLiteral("sold_cents")) == 50'00);
    REQUIRE(cards.sum(QStringLiteral("outstanding_cents")) ==
            value(GiftCardService(d).outstanding()).cents());
    REQUIRE(cards.sum(QStringLiteral("sold_cents")) - cards.sum(QStringLiteral("redeemed_cents")) ==
            cards.sum(QStringLiteral("outstanding_cents")));
    // Before the card existed it owed nothing.
    REQUIRE(value(reports.giftCards(today.addDays(-3), today.addDays(-1))).rows.empty());

    const ReportTable stock = value(reports.inventory());
    REQUIRE(stock.sum(QStringLiteral("value_cents")) ==
            sqlInt(d, QStringLiteral("SELECT SUM(l.on_hand * i.cost_cents) FROM stock_levels l "
                                     "JOIN items i ON i.id = l.item_id WHERE l.on_hand > 0")));

    // Dashboard figures agree with the tables.
    const auto perDay = value(reports.salesPerDay(today.addDays(-1), today));
    REQUIRE(perDay.size() == 2);
    REQUIRE(perDay[1].second.cents() ==
            sqlInt(d, QStringLiteral("SELECT SUM(total_cents) FROM sales")));
    REQUIRE(perDay[0].second == Money());
    Money hours;
    for (Money h : value(reports.salesPerHour(today, today)))
        hours += h;
    REQUIRE(hours == perDay[1].second);
    const auto sessions = value(reports.sessionsPerTherapist(today, today));
    qint64 n = 0;
    for (const auto &[name, count] : sessions)
        n += count;
    REQUIRE(n == 3);
}
