// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/giftcard.h"
#include "core/services/inventory.h"
#include "core/services/refund.h"
#include "core/services/report.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"
#include "core/storage/journal.h"
#include "tests/report/counter.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace oasis;
using namespace oasis::test;

namespace {
struct Entry {
    qint64 seq = 0;
    QString actor;
    QString kind;
    QJsonObject payload;
};

Entry last(Database &db) {
    auto q = value(db.exec(
        QStringLiteral("SELECT seq, actor, kind, payload FROM journal ORDER BY seq DESC LIMIT 1")));
    REQUIRE(q.next());
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()};
}

qint64 headSeq(Database &db) {
    return value(Journal::head(db)).first;
}

/// Runs one business event and returns the last journal entry it appended.
template <typename F>
Entry journaled(Database &db, F &&event) {
    const qint64 before = headSeq(db);
    event();
    const qint64 after = headSeq(db);
    INFO("entries appended: " << (after - before));
    REQUIRE(after >= before + 1);
    return last(db);
}
} // namespace

TEST_CASE("every kind of business event of a day is in the journal, which verifies",
          "[journal][report]") {
    TempDb db(true);
    addRegisters(db.db(), {QStringLiteral("R1")});
    Database &d = db.db();
    const QString R1 = QStringLiteral("R1");
    const StaffMember desk = staffNamed(d, QStringLiteral("frontdesk"));
    const StaffMember manager = staffNamed(d, QStringLiteral("manager"));
    const StaffMember owner = staffNamed(d, QStringLiteral("owner"));

    // The opening stock of the demo catalog was journaled when it was put on the shelf.
    REQUIRE(
        value(d.scalar(QStringLiteral("SELECT COUNT(*) FROM journal WHERE kind = 'stock_opening'")))
            .toInt() == 1);

    Entry e =
        journaled(d, [&] { value(ShiftService(d).open(Money::fromCents(150'00), desk, R1)); });
    REQUIRE(e.kind == QStringLiteral("shift_opened"));
    REQUIRE(e.payload.value(QLatin1String("float_cents")).toInteger() == 150'00);

    CompletedSale sale;
    e = journaled(d, [&] {
        sale = sell(d, {QStringLiteral("DT60@lena"), QStringLiteral("OIL-LAV-120")},
                    {QStringLiteral("cash:200")});
    });
    REQUIRE(e.kind == QStringLiteral("sale"));
    REQUIRE(e.payload.value(QLatin1String("receipt")).toInteger() == sale.receiptNo);

    CompletedSale cardSale;
    e = journaled(d, [&] {
        cardSale = sell(d, {QStringLiteral("giftcard:30")}, {QStringLiteral("card:30")});
    });
    REQUIRE(e.kind == QStringLiteral("sale"));
    REQUIRE(e.payload.value(QLatin1String("giftcards")).toArray().size() == 1);
    const QString code = cardSale.giftCards.front().code;
    // The full code never reaches the journal.
    REQUIRE_FALSE(QJsonDocument(e.payload).toJson().contains(code.toUtf8()));

    e = journaled(
        d, [&] { sell(d, {QStringLiteral("OIL-LAV-120")}, {QStringLiteral("gift:") + code}); });
    REQUIRE(e.kind == QStringLiteral("sale"));
    REQUIRE(e.payload.value(QLatin1String("tenders"))
                .toArray()
                .first()
                .toObject()
                .value(QLatin1String("type")) == QStringLiteral("gift"));

    e = journaled(d, [&] { value(GiftCardService(d).cashOut(code, manager, std::nullopt, R1)); });
    REQUIRE(e.kind == QStringLiteral("giftcard_cashout"));

    e = journaled(d, [&] {
        value(RefundService(d).refund(sale.receiptNo, {}, true, manager, std::nullopt, R1));
    });
    REQUIRE(e.kind == QStringLiteral("refund"));

    CompletedSale toVoid;
    toVoid = sell(d, {QStringLiteral("DT30@marco")}, {QStringLiteral("card:80")});
    e = journaled(
        d, [&] { value(RefundService(d).voidSale(toVoid.receiptNo, manager, std::nullopt, R1)); });
    REQUIRE(e.kind == QStringLiteral("void"));

    e = journaled(d, [&] {
        ReceiveRequest r;
        r.code = QStringLiteral("OIL-LAV-120");
        r.quantity = 12;
        r.unitCost = Money::fromCents(9'40);
        value(InventoryService(d).receive(r, desk));
    });
    REQUIRE(e.kind == QStringLiteral("stock_receive"));
    e = journaled(d, [&] {
        value(InventoryService(d).adjust(QStringLiteral("OIL-LAV-120"), -1, AdjustReason::Tester,
                                         QStringLiteral("opened for customers"), manager));
    });
    REQUIRE(e.kind == QStringLiteral("stock_adjust"));

    e = journaled(d, [&] {
        value(ShiftService(d).payIn(Money::fromCents(40'00), QStringLiteral("change from safe"),
                                    desk, std::nullopt, R1));
    });
    REQUIRE(e.kind == QStringLiteral("cash_payin"));
    e = journaled(d, [&] {
        value(ShiftService(d).payOut(Money::fromCents(20'00),
                                     QStringLiteral("tip paid out in cash to Lena"), desk,
                                     std::nullopt, R1));
    });
    REQUIRE(e.kind == QStringLiteral("cash_payout"));
    REQUIRE(e.payload.value(QLatin1String("reason")).toString().contains(QStringLiteral("Lena")));

    e = journaled(d, [&] {
        ok(StoreSettings(d).set(QStringLiteral("store.phone"), QStringLiteral("206-555-0100"),
                                owner));
    });
    REQUIRE(e.kind == QStringLiteral("settings_changed"));
    e = journaled(d, [&] {
        value(StaffService(d).add(QStringLiteral("nina"), Role::FrontDesk, QStringLiteral("4321"),
                                  owner));
    });
    REQUIRE(e.kind == QStringLiteral("staff_added"));
    e = journaled(d, [&] {
        REQUIRE_FALSE(StaffService(d).authenticate(QStringLiteral("nina"), QStringLiteral("0000")));
    });
    REQUIRE(e.kind == QStringLiteral("login_failed"));

    e = journaled(d, [&] {
        const DrawerSummary drawer = value(ShiftService(d).summary(R1));
        value(ShiftService(d).close(drawer.expected, desk, std::nullopt, R1));
    });
    REQUIRE(e.kind == QStringLiteral("shift_closed"));
    REQUIRE(e.payload.value(QLatin1String("over_short_cents")).toInteger() == 0);

    PeriodReport z;
    e = journaled(d, [&] { z = value(ReportService(d).z(manager)); });
    REQUIRE(e.kind == QStringLiteral("z_report"));
    REQUIRE(e.payload.value(QLatin1String("z_number")).toInteger() == 1);
    REQUIRE(e.payload.value(QLatin1String("journal_seq")).toInteger() == e.seq - 1);

    const JournalReport report = value(Journal::verify(d));
    REQUIRE(report.ok);
    REQUIRE(report.entries == e.seq);

    // And it notices when the day's record is edited afterwards.
    db.close();
    rawSql(db.path(),
           QStringLiteral("UPDATE journal SET payload = '{}' WHERE kind = 'cash_payout'"));
    db.reopen();
    const JournalReport tampered = value(Journal::verify(db.db()));
    REQUIRE_FALSE(tampered.ok);
}
