// SPDX-License-Identifier: GPL-3.0-or-later
// Faults of a store on a server (issue 19, item 7; DESIGN §13, §14): a connection the server
// kills, or a server that restarts, in the middle of a sale leaves nothing written and says so
// in one line; the register reconnects by itself, and the retry with the same request id sells
// once.
#include "tests/support/testsupport.h"

#include "core/services/catalog.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/services/staff.h"
#include "core/services/store.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

/// Ends every connection of the counter (application_name oasis-pos) to `location`'s database,
/// from the server's side, as a restart or a dropped network would.
void killConnections(const QString &location) {
    runOnServer(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1' "
                "AND application_name = 'oasis-pos'"_s.arg(
                    location.mid(QStringLiteral("postgresql:///").size())));
}

qint64 count(Database &db, const QString &table) {
    return value(db.scalar(u"SELECT COUNT(*) FROM "_s + table)).toLongLong();
}

/// The demo store's lavender oil, a line of every sale here.
CatalogItem lavenderOil(Database &db) {
    auto oil = value(CatalogService(db).findByCode(u"OIL-LAV-120"_s));
    REQUIRE(oil.has_value());
    return *oil;
}

} // namespace

TEST_CASE("a connection killed by the server mid-sale writes nothing, the register reconnects "
          "by itself, and the retry with the same request id sells once",
          "[trust][faults][postgresql]") {
    REQUIRE(onPostgres());
    TempDb db(true);
    const StaffMember frontdesk = staffNamed(db.db(), u"frontdesk"_s);
    const CatalogItem oil = lavenderOil(db.db());
    Ticket ticket;
    ticket.addItem(oil, 2);
    ticket.addGiftCard(Money::fromCents(40'00));
    ticket.requestId = u"test-register-0001"_s;
    const std::vector<Tender> pay{value(Tender::parse(u"cash:200"_s))};
    const qint64 entries = count(db.db(), u"journal"_s);

    SECTION("killed after the checks, before the writes") {
        AtTestPoint kill("sale.request_id.checked", [&] { killConnections(db.path()); });
        auto lost = SaleService(db.db()).complete(ticket, pay, frontdesk);
        REQUIRE_FALSE(lost);
        REQUIRE(lost.error().code == ErrorCode::Storage);
        REQUIRE(lost.error().message.contains(u"store server"_s));
        REQUIRE_FALSE(lost.error().message.contains(u'\n'));
        // Said for the front desk: the statement the server never answered goes to the log.
        INFO(lost.error().message.toStdString());
        REQUIRE_FALSE(lost.error().message.contains(u'('));
        // The sale looked again for its request id on a new connection: the status bar says
        // the server is reached again.
        REQUIRE(Store::serverState(db.db()).contains(u"connected"_s));
    }
    SECTION("killed while the register waits, between two sales") {
        killConnections(db.path());
    }
    // The next read reconnects by itself and finds nothing written.
    REQUIRE(count(db.db(), u"sales"_s) == 0);
    REQUIRE(Store::serverState(db.db()).contains(u"connected"_s));
    // The new connection has the register's session settings (they travel with the connection,
    // no statement sets them): lock waits bounded by its busy timeout, the clock in UTC.
    REQUIRE(value(db.db().scalar(u"SELECT setting FROM pg_settings WHERE name = 'lock_timeout'"_s))
                .toInt() == db.options().busyTimeoutMs);
    REQUIRE(value(db.db().scalar(u"SELECT current_setting('TimeZone')"_s)).toString() == u"UTC"_s);
    REQUIRE(count(db.db(), u"journal"_s) == entries);
    REQUIRE(count(db.db(), u"giftcards"_s) == 0);

    const CompletedSale sold = value(SaleService(db.db()).complete(ticket, pay, frontdesk));
    REQUIRE(sold.receiptNo == 1);
    killConnections(db.path());
    const CompletedSale again = value(SaleService(db.db()).complete(ticket, pay, frontdesk));
    REQUIRE(again.receiptNo == 1);
    REQUIRE(count(db.db(), u"sales"_s) == 1);
    REQUIRE(count(db.db(), u"giftcards"_s) == 1);
    REQUIRE(count(db.db(), u"journal"_s) == entries + 1);
    const JournalReport report = value(Journal::verify(db.db()));
    INFO(report.problem.toStdString());
    REQUIRE(report.ok);
}

TEST_CASE("the store server restarts mid-sale: nothing is written, the register says so in one "
          "line, reconnects by itself, and the retry with the same request id sells once",
          "[trust][faults][postgresql]") {
    REQUIRE(onPostgres());
    OwnServer server(54331);
    TempDb db(true, server.url());
    const StaffMember frontdesk = staffNamed(db.db(), u"frontdesk"_s);
    const CatalogItem oil = lavenderOil(db.db());
    Ticket ticket;
    ticket.addItem(oil, 1);
    ticket.addGiftCard(Money::fromCents(25'00));
    ticket.requestId = u"test-register-restart-1"_s;
    const std::vector<Tender> pay{value(Tender::parse(u"cash:100"_s))};
    const qint64 entries = count(db.db(), u"journal"_s);

    {
        AtTestPoint restart("sale.request_id.checked", [&] { REQUIRE(server.run("restart")); });
        auto lost = SaleService(db.db()).complete(ticket, pay, frontdesk);
        REQUIRE_FALSE(lost);
        REQUIRE(lost.error().code == ErrorCode::Storage);
        REQUIRE(lost.error().message.contains(u"store server"_s));
        REQUIRE_FALSE(lost.error().message.contains(u'\n'));
    }
    REQUIRE(count(db.db(), u"sales"_s) == 0);
    REQUIRE(count(db.db(), u"journal"_s) == entries);
    REQUIRE(Store::serverState(db.db()).contains(u"connected"_s));

    // Sold on the restarted server; a restart between two sales costs the next one nothing.
    const CompletedSale sold = value(SaleService(db.db()).complete(ticket, pay, frontdesk));
    REQUIRE(server.run("restart"));
    const CompletedSale again = value(SaleService(db.db()).complete(ticket, pay, frontdesk));
    REQUIRE(again.receiptNo == sold.receiptNo);
    Ticket next;
    next.addItem(oil, 1);
    next.requestId = u"test-register-restart-2"_s;
    REQUIRE(server.run("restart"));
    const CompletedSale other = value(SaleService(db.db()).complete(next, pay, frontdesk));
    REQUIRE(other.receiptNo == sold.receiptNo + 1);
    REQUIRE(count(db.db(), u"sales"_s) == 2);
    REQUIRE(count(db.db(), u"giftcards"_s) == 1);
    REQUIRE(count(db.db(), u"journal"_s) == entries + 2);
    const JournalReport report = value(Journal::verify(db.db()));
    INFO(report.problem.toStdString());
    REQUIRE(report.ok);
}

TEST_CASE("a store server away for a while: each sale meanwhile is refused in one line, and the "
          "register sells again as soon as the server is back, without starting again",
          "[trust][faults][postgresql]") {
    REQUIRE(onPostgres());
    OwnServer server(54333);
    TempDb db(true, server.url());
    const StaffMember frontdesk = staffNamed(db.db(), u"frontdesk"_s);
    const CatalogItem oil = lavenderOil(db.db());
    const std::vector<Tender> pay{value(Tender::parse(u"cash:100"_s))};
    auto sell = [&](const QString &requestId) {
        Ticket ticket;
        ticket.addItem(oil, 1);
        ticket.requestId = requestId;
        return SaleService(db.db()).complete(ticket, pay, frontdesk);
    };
    const CompletedSale first = value(sell(u"away-1"_s));

    REQUIRE(server.run("halt"));
    // The first sale finds the connection lost, and its reconnection fails: the server is away.
    // So do the ones after it, each trying again (the connection closed by the failed attempt
    // is no reason to stop trying), and each says so in one line. Reads too.
    for (int i = 0; i < 3; ++i) {
        auto refused = sell(u"away-2"_s);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::Storage);
        INFO(refused.error().message.toStdString());
        CHECK(refused.error().message.contains(u"store server"_s));
        CHECK_FALSE(refused.error().message.contains(u'\n'));
        auto read = db->scalar(u"SELECT COUNT(*) FROM sales"_s);
        REQUIRE_FALSE(read);
        CHECK(read.error().message.contains(u"store server"_s));
    }
    CHECK_FALSE(db->serverReachable());
    CHECK(Store::serverState(db.db()).contains(u"lost"_s));

    REQUIRE(server.run("resume"));
    // The same connection object, the same ticket: sold once, next in its series.
    const CompletedSale back = value(sell(u"away-2"_s));
    CHECK(back.receiptNo == first.receiptNo + 1);
    CHECK(db->serverReachable());
    CHECK(value(sell(u"away-2"_s)).receiptNo == back.receiptNo);
    CHECK(count(db.db(), u"sales"_s) == 2);
    const JournalReport report = value(Journal::verify(db.db()));
    INFO(report.problem.toStdString());
    REQUIRE(report.ok);
}

TEST_CASE("a full disk refuses a sale in one line, writes none of it, and the next sale after "
          "space is freed takes the next number",
          "[trust][faults][sqlite]") {
    TempDb db(true);
    const StaffMember frontdesk = staffNamed(db.db(), u"frontdesk"_s);
    Ticket ticket;
    ticket.addItem(lavenderOil(db.db()), 1);
    ticket.addGiftCard(Money::fromCents(25'00));
    const std::vector<Tender> pay{value(Tender::parse(u"card:51.53"_s))};
    const qint64 entries = count(db.db(), u"journal"_s);
    // The file may not grow past the pages it has now: SQLite answers as on a full disk.
    const qint64 pages = value(db->scalar(u"PRAGMA page_count"_s)).toLongLong();
    REQUIRE(value(db->scalar(u"PRAGMA max_page_count = %1"_s.arg(pages))).toLongLong() == pages);
    Result<CompletedSale> sold;
    qint64 sales = 0;
    for (; sales < 1000; ++sales) {
        ticket.requestId = Ticket::newRequestId();
        sold = SaleService(db.db()).complete(ticket, pay, frontdesk);
        if (!sold)
            break;
        REQUIRE(sold->receiptNo == sales + 1);
    }
    REQUIRE_FALSE(sold);
    CHECK(sold.error().code == ErrorCode::Storage);
    CHECK(sold.error().message ==
          u"The disk is full: nothing was saved. Free some space on it, then try again."_s);
    REQUIRE(count(db.db(), u"sales"_s) == sales);
    REQUIRE(count(db.db(), u"giftcards"_s) == sales);
    REQUIRE(count(db.db(), u"journal"_s) == entries + sales);
    // Space again: the same ticket sells once, with the number the refused one did not keep.
    value(db->scalar(u"PRAGMA max_page_count = 1073741823"_s));
    const CompletedSale next = value(SaleService(db.db()).complete(ticket, pay, frontdesk));
    CHECK(next.receiptNo == sales + 1);
    const JournalReport report = value(Journal::verify(db.db()));
    INFO(report.problem.toStdString());
    REQUIRE(report.ok);
}
