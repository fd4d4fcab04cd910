// SPDX-License-Identifier: GPL-3.0-or-later
// Selling while the store server is unreachable (issue 20, DESIGN §13a), as a whole: a server of
// the test's own, two registers selling online, the server away while both sell 20 tickets
// offline (one register killed once mid-sale), the server back, the outboxes sent while one of
// them is killed again and again: every sale is on the server exactly once, each series is
// gap-free, stock and the day's totals are exact, and the journal verifies.
#include "tests/support/testsupport.h"

#include "core/domain/receiptcode.h"
#include "core/services/catalog.h"
#include "core/services/offline.h"
#include "core/services/refund.h"
#include "core/services/registers.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/storage/journal.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <set>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

struct Desk {
    QString name;
    QTemporaryDir offlineDir;
};

struct Outage {
    OwnServer server{54332};
    QTemporaryDir keys;
    Desk desks[2] = {{u"Desk1"_s, {}}, {u"Desk2"_s, {}}};

    QMap<QString, QString> env(const QString &reg, const QString &offlineDir) const {
        return {{u"OASIS_PIN"_s, u"9999"_s},
                {u"OASIS_REGISTER"_s, reg},
                {u"OASIS_OFFLINE_DIR"_s, offlineDir}};
    }
    CtlRun ctl(const Desk &d, const QStringList &args) {
        return runCtl(QStringLiteral(OASISCTL_PATH), server.url(), keys.path(),
                      QStringList{u"--json"_s, u"--user"_s, u"manager"_s} + args,
                      env(d.name, d.offlineDir.path()));
    }
    /// oasisctl started and SIGKILLed after `ms` milliseconds (or finished before).
    int killed(const Desk &d, const QStringList &args, int ms) {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"OASIS_KEY_DIR"_s, keys.path());
        const auto vars = env(d.name, d.offlineDir.path());
        for (auto it = vars.cbegin(); it != vars.cend(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(OASISCTL_PATH),
                QStringList{u"--db"_s, server.url(), u"--json"_s, u"--user"_s, u"manager"_s} +
                    args);
        REQUIRE(p.waitForStarted());
        if (p.waitForFinished(ms))
            return p.exitCode();
        p.kill();
        p.waitForFinished();
        return -1;
    }
    int waiting(const Desk &d) {
        const CtlRun s = ctl(d, {u"offline"_s, u"status"_s});
        REQUIRE(s.exitCode == 0);
        return int(s.json().value(u"waiting").toInteger());
    }
};

qint64 scalarOf(Database &db, const QString &sql, const QVariantList &binds = {}) {
    return value(db.scalar(sql, binds)).toLongLong();
}

} // namespace

TEST_CASE("two registers sell through a server outage: every sale lands exactly once, series "
          "gap-free, stock and totals exact, the journal verifies",
          "[offline][postgresql]") {
    REQUIRE(onPostgres());
    Outage s;
    const Desk &d1 = s.desks[0];
    Desk &d2 = s.desks[1];
    {
        const CtlRun init = runCtl(QStringLiteral(OASISCTL_PATH), s.server.url(), s.keys.path(),
                                   {u"init"_s, u"--demo"_s}, {{u"OASIS_REGISTER"_s, u"Front"_s}});
        REQUIRE(init.exitCode == 0);
    }
    for (Desk &d : s.desks) {
        REQUIRE(runCtl(QStringLiteral(OASISCTL_PATH), s.server.url(), s.keys.path(),
                       {u"--user"_s, u"manager"_s, u"register"_s, u"add"_s, d.name},
                       {{u"OASIS_PIN"_s, u"9999"_s}, {u"OASIS_REGISTER"_s, u"Front"_s}})
                    .exitCode == 0);
        REQUIRE(s.ctl(d, {u"shift"_s, u"open"_s, u"100"_s}).exitCode == 0);
        // Before it is prepared, a register cannot sell offline: its copy is made online.
        const CtlRun prepared = s.ctl(d, {u"offline"_s, u"prepare"_s});
        REQUIRE(prepared.exitCode == 0);
        REQUIRE(prepared.json().value(u"prepared").toBool());
        REQUIRE(prepared.json().value(u"online").toBool());
    }
    Database::Options options;
    options.keyDirectory = s.keys.path();
    qint64 oilBefore = 0;
    {
        auto db = value(Database::open(s.server.url(), options));
        oilBefore =
            scalarOf(*db, u"SELECT COALESCE((SELECT on_hand FROM stock_levels l JOIN "
                          "items i ON i.id = l.item_id WHERE i.code = 'OIL-LAV-120'), 0)"_s);
    }

    qint64 expectedCount = 0, expectedCents = 0, oilSold = 0, offlineCount = 0;
    std::map<QString, std::vector<qint64>> receiptsOf; // register -> receipts in order
    auto sell = [&](const Desk &d, const QStringList &ticket, int oil, bool offline) {
        const CtlRun sold = s.ctl(d, QStringList{u"sale"_s} + ticket);
        REQUIRE(sold.exitCode == 0);
        const QJsonObject j = sold.json();
        REQUIRE(j.value(u"offline").toBool() == offline);
        expectedCount += 1;
        expectedCents += j.value(u"total_cents").toInteger();
        oilSold += oil;
        offlineCount += offline ? 1 : 0;
        receiptsOf[d.name].push_back(j.value(u"receipt").toInteger());
        return j;
    };
    const QStringList oilTicket{u"OIL-LAV-120"_s, u"--tip"_s, u"5@lena"_s, u"--pay"_s,
                                u"cash:100"_s};
    const QStringList sessionTicket{u"DT60@lena"_s, u"OIL-LAV-120"_s, u"--pay"_s, u"cash:200"_s};
    for (const Desk &d : s.desks)
        for (int i = 0; i < 2; ++i)
            sell(d, i == 0 ? sessionTicket : oilTicket, 1, false);

    REQUIRE(s.server.run("halt"));
    // Stored value is never redeemed offline: one line, nothing kept.
    {
        const CtlRun gift = s.ctl(d1, {u"sale"_s, u"DT60@lena"_s, u"--pay"_s, u"gift:ABCD"_s});
        REQUIRE(gift.exitCode == 2);
        REQUIRE(gift.oneErrorLine());
        REQUIRE(s.waiting(d1) == 0);
    }
    const qint64 oilTotal = sell(d1, oilTicket, 1, true).value(u"total_cents").toInteger();
    for (int i = 1; i < 20; ++i) {
        sell(d1, i % 2 ? sessionTicket : oilTicket, 1, true);
        if (i == 10) {
            // Desk 2 is killed in the middle of a sale: the ticket was kept whole or not at all.
            const int before = s.waiting(d2);
            const int rc = s.killed(d2, QStringList{u"sale"_s} + oilTicket,
                                    int(QRandomGenerator::global()->bounded(40, 250)));
            const int after = s.waiting(d2);
            INFO("killed sale exit " << rc);
            REQUIRE((after == before || after == before + 1));
            if (after == before + 1) {
                expectedCount += 1;
                expectedCents += oilTotal;
                oilSold += 1;
                offlineCount += 1;
                receiptsOf[d2.name].push_back(receiptsOf[d2.name].back() + 1);
            }
        }
        sell(d2, i % 2 ? oilTicket : sessionTicket, 1, true);
    }
    sell(d2, oilTicket, 1, true);
    REQUIRE(s.waiting(d1) == 20);

    REQUIRE(s.server.run("resume"));
    // Desk 2 sends while killed again and again; whatever each run landed stays landed once.
    for (int attempt = 0; attempt < 12 && s.waiting(d2) > 0; ++attempt)
        s.killed(d2, {u"offline"_s, u"send"_s}, int(QRandomGenerator::global()->bounded(30, 400)));
    for (const Desk &d : s.desks) {
        const CtlRun sent = s.ctl(d, {u"offline"_s, u"send"_s});
        REQUIRE(sent.exitCode == 0);
        REQUIRE(sent.json().value(u"waiting").toInteger() == 0);
        REQUIRE(sent.json().value(u"online").toBool());
    }
    // Sending again sends nothing.
    REQUIRE(s.ctl(d1, {u"offline"_s, u"send"_s}).json().value(u"sent").toInteger() == 0);
    // Online again: the next sale follows its series.
    sell(d1, oilTicket, 1, false);

    auto db = value(Database::open(s.server.url(), options));
    CHECK(scalarOf(*db, u"SELECT COUNT(*) FROM sales"_s) == expectedCount);
    CHECK(scalarOf(*db, u"SELECT COALESCE(SUM(total_cents), 0) FROM sales"_s) == expectedCents);
    CHECK(scalarOf(*db, u"SELECT COUNT(*) FROM offline_sales"_s) == offlineCount);
    CHECK(scalarOf(*db, u"SELECT COUNT(DISTINCT request_id) FROM sales"_s) == expectedCount);
    CHECK(scalarOf(*db, u"SELECT on_hand FROM stock_levels l JOIN items i ON i.id = l.item_id "
                        "WHERE i.code = 'OIL-LAV-120'"_s) == oilBefore - oilSold);
    // Each series gap-free, in the order the register sold.
    for (const Desk &d : s.desks) {
        auto rows = value(db->rows(u"SELECT receipt_no FROM sales WHERE register_id = ? ORDER BY "
                                   "receipt_no"_s,
                                   {d.name}));
        std::vector<qint64> numbers;
        for (const QVariantList &r : std::as_const(rows))
            numbers.push_back(r.value(0).toLongLong());
        INFO(d.name.toStdString());
        REQUIRE(numbers == receiptsOf[d.name]);
        const qint64 base = receiptseries::base(int(numbers.front() / receiptseries::kSpan));
        for (std::size_t i = 0; i < numbers.size(); ++i)
            CHECK(numbers[i] == base + qint64(i) + 1);
        // Every sale in the shift it was made in.
        CHECK(scalarOf(*db, u"SELECT COUNT(DISTINCT shift_id) FROM sales WHERE register_id = ?"_s,
                       {d.name}) == 1);
    }
    // The day's report (what the Z will close) counts every sale once, at what was paid.
    const CtlRun x = s.ctl(d1, {u"report"_s, u"x"_s});
    REQUIRE(x.exitCode == 0);
    CHECK(x.json().value(u"sales_count").toInteger() == expectedCount);
    CHECK(x.json().value(u"total_cents").toInteger() == expectedCents);
    const JournalReport report = value(Journal::verify(*db));
    INFO(report.problem.toStdString());
    REQUIRE(report.ok);
}

namespace {

Ticket oilTicket(Database &db, const QString &requestId) {
    auto oil = value(CatalogService(db).findByCode(u"OIL-LAV-120"_s));
    REQUIRE(oil.has_value());
    Ticket t;
    t.addItem(*oil, 1);
    t.requestId = requestId;
    return t;
}

} // namespace

TEST_CASE("the outbox: prepared only for a register of its own series on a server, a send cut "
          "off after the server's commit resumes without a duplicate, a price changed meanwhile "
          "is reported, an online sale of unknown outcome blocks other offline tickets",
          "[offline]") {
    TempDb db(true);
    QTemporaryDir dir;
    // Where every program of this computer finds the register's copy.
    qputenv("OASIS_OFFLINE_DIR", dir.path().toLocal8Bit());
    struct Unset {
        ~Unset() { qunsetenv("OASIS_OFFLINE_DIR"); }
    } unset;
    const StaffMember manager = staffNamed(db.db(), u"manager"_s);
    addRegisters(db.db(), {u"shared-desk"_s});
    if (!onPostgres()) {
        // A store on this computer is never out of reach.
        const auto refused = OfflineRegister(db.path(), u"shared-desk"_s).prepare(db.db());
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().code == ErrorCode::Refused);
        return;
    }
    // A register of series R shares its numbers: it cannot number sales alone.
    {
        const auto refused = OfflineRegister(db.path(), u"shared-desk"_s).prepare(db.db());
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().message.contains(u"series"_s));
    }
    value(RegisterService(db.db()).add(u"desk-9"_s, manager, std::nullopt, u"K"_s));
    OfflineRegister desk(db.path(), u"desk-9"_s);
    ok(desk.prepare(db.db()));
    REQUIRE(desk.prepared());
    REQUIRE(value(desk.waiting()) == 0);

    // An online sale whose outcome is unknown: only that ticket may be sold offline.
    ok(desk.noteOnlineStart(u"online-1"_s));
    REQUIRE_FALSE(desk.checkUnknownOutcome(u"other"_s));
    ok(desk.checkUnknownOutcome(u"online-1"_s));
    ok(desk.noteOnlineDone(u"online-1"_s, 0));
    ok(desk.checkUnknownOutcome(u"other"_s));

    // Online, a sale and its void on this register take K-000001 and K-000002: the copy learns
    // each number from the sale and the refund themselves (OfflineNote), whoever called them.
    const qint64 k = receiptseries::base(*receiptseries::fromLetter(u'K'));
    {
        const CompletedSale online = value(SaleService(db.db()).complete(
            oilTicket(db.db(), u"on-1"_s), {value(Tender::parse(u"cash:50"_s))}, manager,
            std::nullopt, u"desk-9"_s));
        REQUIRE(online.receiptNo == k + 1);
        const CompletedSale voided = value(
            RefundService(db.db()).voidSale(online.receiptNo, manager, std::nullopt, u"desk-9"_s));
        REQUIRE(voided.receiptNo == k + 2);
    }
    {
        auto copy = value(desk.open());
        const StaffMember cashier = staffNamed(*copy, u"manager"_s);
        for (int i = 1; i <= 3; ++i) {
            const CompletedSale sold = value(SaleService(*copy).complete(
                oilTicket(*copy, u"off-%1"_s.arg(i)), {value(Tender::parse(u"cash:50"_s))}, cashier,
                std::nullopt, u"desk-9"_s));
            REQUIRE(sold.receiptNo == k + 2 + i);
        }
    }
    REQUIRE(value(desk.waiting()) == 3);
    // The catalog's price changes on the server while the sales wait.
    value(db.db().write(u"UPDATE items SET price_cents = price_cents + 100 WHERE code = "
                        "'OIL-LAV-120'"_s));
    // Preparing again would lose them: refused.
    REQUIRE_FALSE(desk.prepare(db.db()));
    {
        // The register dies right after the server committed the first one.
        struct Killed {};
        AtTestPoint kill("offline.sale.landed", [] { throw Killed{}; });
        REQUIRE_THROWS_AS(desk.send(db.db()), Killed);
    }
    REQUIRE(value(desk.waiting()) == 3);
    const OfflineSendReport sent = value(desk.send(db.db()));
    CHECK(sent.alreadyThere == 1);
    CHECK(sent.sent == 2);
    CHECK(sent.waiting == 0);
    REQUIRE(value(desk.waiting()) == 0);
    REQUIRE(value(db.db().scalar(u"SELECT COUNT(*) FROM sales WHERE register_id = 'desk-9'"_s))
                .toInt() == 5);
    const auto landed =
        value(OfflineRegister::landed(db.db(), QDate(2000, 1, 1), QDate(2100, 1, 1)));
    REQUIRE(landed.size() == 3);
    for (const OfflineSaleRecord &r : landed) {
        REQUIRE(r.differences.size() == 1);
        CHECK(r.differences[0].catalogCents - r.differences[0].chargedCents == 100);
    }
    // The owner's table: each sale, and under it the line sold at another price.
    const ReportTable table = OfflineRegister::landedTable(landed, QTimeZone::utc());
    REQUIRE(table.rows.size() == 6);
    CHECK(table.rows[1].value(5).toString() == u"1 x Lavender Calm Body Oil"_s);
    CHECK(table.rows[1].value(7).toLongLong() - table.rows[1].value(6).toLongLong() == 100);
    CHECK(table.sum(u"total_cents"_s) == 3 * table.rows[0].value(4).toLongLong());
    const JournalReport report = value(Journal::verify(db.db()));
    INFO(report.problem.toStdString());
    REQUIRE(report.ok);
}
