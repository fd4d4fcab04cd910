// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/clock.h"
#include "core/services/refund.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"
#include "core/storage/journal.h"
#include "tests/report/counter.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace oasis;
using namespace oasis::test;

namespace {
const QString R1 = QStringLiteral("R1");

Money cashOf(const CompletedSale &sale) {
    Money cash;
    for (const AppliedTender &t : sale.tenders)
        if (t.type == TenderType::Cash)
            cash += t.amount;
    return cash;
}

Money m(qint64 cents) {
    return Money::fromCents(cents);
}
} // namespace

TEST_CASE("a drawer closes with expected, counted and exact over/short", "[shift]") {
    TempDb db(true);
    addRegisters(db.db(), {R1, QStringLiteral("R2"), QStringLiteral("R3")});
    const StaffMember desk = staffNamed(db.db(), QStringLiteral("frontdesk"));
    const StaffMember manager = staffNamed(db.db(), QStringLiteral("manager"));
    ShiftService shifts(db.db());

    const Shift opened = value(shifts.open(m(150'00), desk, R1));
    REQUIRE(opened.isOpen());
    REQUIRE(opened.openingFloat == m(150'00));

    // A session with a tip paid with a $200 note: $45 change, $155 stays in the drawer.
    const CompletedSale first =
        sell(db.db(), {QStringLiteral("DT60@lena"), QStringLiteral("tip:20@lena")},
             {QStringLiteral("cash:200")});
    REQUIRE(first.totals.total == m(155'00));
    REQUIRE(first.change == m(45'00));
    REQUIRE(cashOf(first) == m(155'00));

    // Oil split between card and cash with change.
    const CompletedSale second =
        sell(db.db(), {QStringLiteral("OIL-LAV-120x2")},
             {QStringLiteral("card:10.00:4242"), QStringLiteral("cash:50")});
    const Money secondCash = second.totals.total - m(10'00);
    REQUIRE(cashOf(second) == secondCash);
    REQUIRE(second.change == m(50'00) - secondCash);

    value(shifts.payIn(m(50'00), QStringLiteral("change from the safe"), desk, std::nullopt, R1));
    value(shifts.payOut(m(20'00), QStringLiteral("tip paid out in cash to Lena"), desk,
                        std::nullopt, R1));

    // A refund of the oil: cash goes back out of the drawer.
    const CompletedSale refund = value(
        RefundService(db.db()).refund(second.receiptNo, {}, false, manager, std::nullopt, R1));
    Money cashBack;
    for (const AppliedTender &t : refund.tenders)
        if (t.type == TenderType::Cash)
            cashBack += t.amount.isNegative() ? -t.amount : t.amount;
    REQUIRE(cashBack > Money());

    const Money expected = m(150'00) + m(155'00) + secondCash + m(50'00) - m(20'00) - cashBack;
    const DrawerSummary before = value(shifts.summary(R1));
    REQUIRE(before.expected == expected);
    REQUIRE(before.cashSales == m(155'00) + secondCash);
    REQUIRE(before.cashRefunds == cashBack);
    REQUIRE(before.payIns == m(50'00));
    REQUIRE(before.payOuts == m(20'00));
    REQUIRE(before.salesCount == 2);

    SECTION("short by $3.07") {
        const ShiftClose closed = value(shifts.close(expected - m(3'07), desk, std::nullopt, R1));
        REQUIRE(closed.summary.expected == expected);
        REQUIRE(closed.counted == expected - m(3'07));
        REQUIRE(closed.overShort == m(-3'07));
        const Shift stored = value(shifts.byId(opened.id));
        REQUIRE_FALSE(stored.isOpen());
        REQUIRE(stored.expected == expected);
        REQUIRE(stored.counted == expected - m(3'07));

        // A closed shift never changes, and the register sells again only on a new shift.
        REQUIRE_FALSE(db->exec(QStringLiteral("UPDATE shifts SET counted_cents = 0 WHERE id = ?"),
                               {opened.id}));
        REQUIRE_FALSE(SaleService(db.db()).complete(
            ticketOf(db.db(), {QStringLiteral("OIL-LAV-120")}), {tender(QStringLiteral("cash:30"))},
            desk, std::nullopt, R1));
        REQUIRE(shifts.current(R1).error().code == ErrorCode::NotFound);
        value(shifts.open(m(100'00), desk, R1));
    }
    SECTION("over by a cent, counted by denomination") {
        // Count the drawer note by note, then add what is left in pennies.
        std::map<qint64, qint64> counts;
        Money left = expected + m(1);
        for (qint64 d : ShiftService::denominations()) {
            counts[d] = left.cents() / d;
            left = m(left.cents() % d);
        }
        const Money counted = value(ShiftService::countDrawer(counts));
        REQUIRE(counted == expected + m(1));
        const ShiftClose closed = value(shifts.close(counted, desk, std::nullopt, R1));
        REQUIRE(closed.overShort == m(1));
    }
    REQUIRE(value(Journal::verify(db.db())).ok);
}

TEST_CASE("one open shift per register, pay-outs need a reason and cash", "[shift]") {
    TempDb db(true);
    addRegisters(db.db(), {R1, QStringLiteral("R2"), QStringLiteral("R3")});
    const StaffMember desk = staffNamed(db.db(), QStringLiteral("frontdesk"));
    ShiftService shifts(db.db());
    value(shifts.open(m(100'00), desk, R1));
    REQUIRE(shifts.open(m(100'00), desk, R1).error().code == ErrorCode::Refused);
    // Another register has its own drawer.
    value(shifts.open(m(80'00), desk, QStringLiteral("R2")));
    REQUIRE(value(shifts.openShifts()).size() == 2);

    REQUIRE(shifts.payOut(m(5'00), QStringLiteral("  "), desk, std::nullopt, R1).error().code ==
            ErrorCode::Invalid);
    REQUIRE(
        shifts.payOut(m(100'01), QStringLiteral("too much"), desk, std::nullopt, R1).error().code ==
        ErrorCode::Refused);
    REQUIRE(shifts.payIn(m(0), QStringLiteral("nothing"), desk, std::nullopt, R1).error().code ==
            ErrorCode::Invalid);
    REQUIRE(shifts.open(m(1'00), staffNamed(db.db(), QStringLiteral("lena")), QStringLiteral("R3"))
                .error()
                .code == ErrorCode::Permission);
    // Nothing refused was written.
    REQUIRE(value(db->scalar(QStringLiteral("SELECT COUNT(*) FROM cash_movements"))).toInt() == 0);
    REQUIRE(ShiftService::countDrawer({{3'00, 1}}).error().code == ErrorCode::Invalid);
    REQUIRE(ShiftService::countDrawer({{20'00, -1}}).error().code == ErrorCode::Invalid);
    REQUIRE(value(ShiftService::countDrawer({{20'00, 3}, {25, 4}, {1, 2}})) == m(61'02));
}

TEST_CASE("a gift-card cash-out is a drawer pay-out of the shift", "[shift]") {
    TempDb db(true);
    addRegisters(db.db(), {R1, QStringLiteral("R2"), QStringLiteral("R3")});
    const StaffMember desk = staffNamed(db.db(), QStringLiteral("frontdesk"));
    const StaffMember manager = staffNamed(db.db(), QStringLiteral("manager"));
    ShiftService shifts(db.db());
    value(shifts.open(m(100'00), desk, R1));
    // A $22 card pays for a bottle of almond oil; the $2 or so left is cashed out.
    const CompletedSale card =
        sell(db.db(), {QStringLiteral("giftcard:22")}, {QStringLiteral("card:22")});
    REQUIRE(card.giftCards.size() == 1);
    const QString code = card.giftCards.front().code;
    Ticket t;
    CatalogItem custom = *value(CatalogService(db.db()).findByCode(QStringLiteral("OIL-SWA-100")));
    t.addItem(custom, 1);
    const Money total = value(t.totals(value(StoreSettings(db.db()).taxTable()),
                                       StoreSettings(db.db()).businessDate(Clock::nowUtc())))
                            .total;
    REQUIRE(total < m(22'00));
    value(SaleService(db.db()).complete(t, {tender(QStringLiteral("gift:") + code)}, desk,
                                        std::nullopt, R1));
    const Money left = m(22'00) - total;
    REQUIRE(left < GiftCardService::cashOutLimit());
    REQUIRE(value(GiftCardService(db.db()).cashOut(code, manager, std::nullopt, R1)) == left);
    const DrawerSummary d = value(shifts.summary(R1));
    REQUIRE(d.payOuts == left);
    REQUIRE(d.expected == m(100'00) - left);
}

TEST_CASE("a no-sale is in the journal with its register and shift", "[shift][journal]") {
    TempDb db(true);
    addRegisters(db.db(), {R1, QStringLiteral("R2"), QStringLiteral("R3")});
    const StaffMember desk = staffNamed(db.db(), QStringLiteral("frontdesk"));
    ShiftService shifts(db.db());
    const Shift opened = value(shifts.open(m(100'00), desk, R1));
    const StaffMember manager = staffNamed(db.db(), QStringLiteral("manager"));
    ok(shifts.recordNoSale(desk, manager, R1));
    ok(shifts.recordNoSale(manager, std::nullopt, QStringLiteral("R2"))); // no shift there
    auto entries = value(db->exec(
        QStringLiteral("SELECT actor, payload FROM journal WHERE kind = 'no_sale' ORDER BY seq")));
    REQUIRE(entries.next());
    CHECK(entries.value(0).toString() == QStringLiteral("frontdesk (approved by manager)"));
    const QJsonObject first =
        QJsonDocument::fromJson(entries.value(1).toString().toUtf8()).object();
    CHECK(first.value(QLatin1String("register")).toString() == R1);
    CHECK(first.value(QLatin1String("shift")).toInteger() == opened.id);
    REQUIRE(entries.next());
    CHECK(QJsonDocument::fromJson(entries.value(1).toString().toUtf8())
              .object()
              .value(QLatin1String("shift"))
              .toInteger() == 0);
    CHECK_FALSE(entries.next());
    CHECK(value(Journal::verify(db.db())).ok);
}

TEST_CASE("a drawer counted note by note keeps its count in the close and the journal",
          "[shift][journal]") {
    TempDb db(true);
    addRegisters(db.db(), {R1});
    const StaffMember desk = staffNamed(db.db(), QStringLiteral("frontdesk"));
    ShiftService shifts(db.db());
    value(shifts.open(m(100'00), desk, R1));
    value(shifts.payIn(m(10'00), QStringLiteral("change from the safe"), desk, std::nullopt, R1));

    // A bad count is refused and the shift stays open.
    REQUIRE(shifts.closeWithCount({{20'00, 5}, {3'00, 1}}, desk, std::nullopt, R1).error().code ==
            ErrorCode::Invalid);
    REQUIRE(shifts.closeWithCount({{20'00, -1}}, desk, std::nullopt, R1).error().code ==
            ErrorCode::Invalid);
    REQUIRE(value(shifts.current(R1)).isOpen());

    // $110 expected; counted 5 x $20, 9 x $1, 3 x 25¢ and no $100 notes: $109.75, 25¢ short.
    const ShiftClose closed = value(shifts.closeWithCount(
        {{20'00, 5}, {1'00, 9}, {25, 3}, {100'00, 0}}, desk, std::nullopt, R1));
    REQUIRE(closed.counted == m(109'75));
    REQUIRE(closed.overShort == m(-25));
    REQUIRE(closed.summary.expected == m(110'00));
    REQUIRE(closed.summary.payIns == m(10'00));
    REQUIRE(closed.summary.shift.closedBy == QStringLiteral("frontdesk"));
    // As receipts name people, here and as the shift is read back.
    REQUIRE(closed.summary.shift.closedByShown == QStringLiteral("Maya (front desk)"));
    REQUIRE(closed.summary.shift.openedByShown == QStringLiteral("Maya (front desk)"));
    REQUIRE(closed.summary.movements.at(0).staffShown == QStringLiteral("Maya (front desk)"));
    const Shift read = value(shifts.byId(closed.summary.shift.id));
    REQUIRE(read.closedByShown == QStringLiteral("Maya (front desk)"));
    REQUIRE(read.openedBy == QStringLiteral("frontdesk"));
    REQUIRE(closed.summary.shift.closedAt.isValid());
    // What was there, nothing about the notes that were not.
    REQUIRE(closed.counts == DrawerCount{{20'00, 5}, {1'00, 9}, {25, 3}});
    REQUIRE(value(shifts.byId(closed.summary.shift.id)).counted == m(109'75));

    auto entry = value(db->exec(QStringLiteral(
        "SELECT payload FROM journal WHERE kind = 'shift_closed' ORDER BY seq DESC")));
    REQUIRE(entry.next());
    const QJsonObject payload =
        QJsonDocument::fromJson(entry.value(0).toString().toUtf8()).object();
    CHECK(payload.value(QLatin1String("counted_cents")).toInteger() == 109'75);
    const QJsonObject count = payload.value(QLatin1String("count")).toObject();
    CHECK(count.size() == 3);
    CHECK(count.value(QLatin1String("2000")).toInteger() == 5);
    CHECK(count.value(QLatin1String("100")).toInteger() == 9);
    CHECK(count.value(QLatin1String("25")).toInteger() == 3);
    CHECK(value(Journal::verify(db.db())).ok);
}
