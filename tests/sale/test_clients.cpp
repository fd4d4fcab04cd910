// SPDX-License-Identifier: GPL-3.0-or-later
// Clients: who sees health notes, finding by name or phone, merging duplicates, the export, and
// the sale linked to its client in the books.
#include "tests/support/testsupport.h"

#include "core/domain/csv.h"
#include "core/domain/giftcode.h"
#include "core/domain/permissions.h"
#include "core/services/catalog.h"
#include "core/services/clients.h"
#include "core/services/demo.h"
#include "core/services/package.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/storage/journal.h"

#include <QFile>
#include <QTimeZone>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

struct Spa {
    TempDb tmp{true};
    StaffMember frontdesk;
    StaffMember manager;
    StaffMember lena;

    Spa() {
        test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(23, 0), QTimeZone::utc()));
        frontdesk = staffNamed(tmp.db(), u"frontdesk"_s);
        manager = staffNamed(tmp.db(), u"manager"_s);
        lena = staffNamed(tmp.db(), u"lena"_s);
    }
    ~Spa() { test::TestClock::set(QDateTime()); }

    Client ana() {
        ClientDetails d;
        d.name = u"Ana Ruiz"_s;
        d.phone = u"(206) 555-0142"_s;
        d.email = u"ana@example.com"_s;
        d.notes = u"Prefers a quiet room"_s;
        d.healthFlags = QStringList{u"Allergy: nut oils"_s, u"Pregnant (2nd trimester)"_s};
        return value(ClientService(tmp.db()).add(d, manager));
    }
    CompletedSale sell(qint64 clientId) {
        Ticket t;
        t.addItem(*value(CatalogService(tmp.db()).findByCode(u"DT60"_s)), 1, lena.id,
                  lena.displayName);
        t.addItem(*value(CatalogService(tmp.db()).findByCode(u"OIL-LAV-120"_s)));
        t.clientId = clientId;
        return value(
            SaleService(tmp.db()).complete(t, {value(Tender::parse(u"cash:200"_s))}, frontdesk));
    }
    qint64 count(const QString &table) {
        return value(tmp->scalar(u"SELECT COUNT(*) FROM "_s + table)).toLongLong();
    }
};

} // namespace

TEST_CASE("the front desk gets a client's contact details but never the health flags",
          "[clients]") {
    Spa s;
    const Client added = s.ana();
    REQUIRE(added.healthFlags.size() == 2);
    ClientService clients(s.tmp.db());

    const Client atDesk = value(clients.get(added.id, s.frontdesk));
    REQUIRE(atDesk.name == u"Ana Ruiz"_s);
    REQUIRE(atDesk.phone == u"(206) 555-0142"_s);
    REQUIRE(atDesk.notes == u"Prefers a quiet room"_s);
    REQUIRE(atDesk.hasHealthFlags);
    REQUIRE_FALSE(atDesk.healthVisible);
    REQUIRE(atDesk.healthFlags.isEmpty());

    const auto found = value(clients.find(u"ruiz"_s, s.frontdesk));
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].healthFlags.isEmpty());

    const Client forManager = value(clients.get(added.id, s.manager));
    REQUIRE(forManager.healthVisible);
    REQUIRE(forManager.healthFlags ==
            QStringList{u"Allergy: nut oils"_s, u"Pregnant (2nd trimester)"_s});
    REQUIRE(value(clients.get(added.id, owner(s.tmp.db()))).healthFlags.size() == 2);
    // Therapists are in the role table for health notes (they log in to no register today).
    REQUIRE(roleMay(Role::Therapist, Action::ClientHealth));
    REQUIRE_FALSE(roleMay(Role::FrontDesk, Action::ClientHealth));

    SECTION("the front desk edits contact details and the flags stay as they were") {
        ClientDetails d;
        d.name = u"Ana Ruiz-Vega"_s;
        d.phone = u"206 555 0199"_s;
        d.email = atDesk.email;
        d.notes = atDesk.notes;
        const Client changed = value(clients.change(added.id, d, s.frontdesk));
        REQUIRE(changed.name == u"Ana Ruiz-Vega"_s);
        REQUIRE(changed.healthFlags.isEmpty());
        REQUIRE(value(clients.get(added.id, s.manager)).healthFlags.size() == 2);
        REQUIRE(
            value(s.tmp->scalar(u"SELECT COUNT(*) FROM journal WHERE kind = 'client_changed'"_s))
                .toInt() == 1);
    }
    SECTION("the front desk may not write health flags") {
        ClientDetails d{u"Ben Cho"_s, {}, {}, {}, QStringList{u"Contraindication: DVT"_s}};
        auto refused = clients.add(d, s.frontdesk);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().code == ErrorCode::Permission);
        REQUIRE(s.count(u"clients"_s) == 1);
        // A manager standing by approves it.
        REQUIRE(value(clients.add(d, s.frontdesk, s.manager)).healthFlags.size() == 1);
    }
    SECTION("the journal keeps who added the client, not their health") {
        const QString payload =
            value(s.tmp->scalar(u"SELECT payload FROM journal WHERE kind = 'client_added'"_s))
                .toString();
        REQUIRE(payload.contains(u"Ana Ruiz"_s));
        REQUIRE_FALSE(payload.contains(u"nut oils"_s));
    }
}

TEST_CASE("a client is found by any part of the name or by the digits of the phone", "[clients]") {
    Spa s;
    const Client ana = s.ana();
    ClientService clients(s.tmp.db());
    for (const QString &text :
         {u"ana"_s, u"RUIZ"_s, u"555-0142"_s, u"2065550142"_s, u"(206) 555"_s, u"0142"_s}) {
        INFO(text.toStdString());
        const auto found = value(clients.find(text, s.frontdesk));
        REQUIRE(found.size() == 1);
        REQUIRE(found[0].id == ana.id);
    }
    REQUIRE(value(clients.find(u"Bob"_s, s.frontdesk)).empty());
    REQUIRE(value(clients.find(u"5550199"_s, s.frontdesk)).empty());
    // Bad input: one line, nothing written.
    for (const ClientDetails &bad :
         {ClientDetails{u"  "_s, {}, {}, {}, {}}, ClientDetails{u"X"_s, u"call me"_s, {}, {}, {}},
          ClientDetails{u"X"_s, {}, u"not-an-email"_s, {}, {}},
          ClientDetails{QString(300, u'x'), {}, {}, {}, {}},
          ClientDetails{u"X\u0007"_s, {}, {}, {}, {}}}) {
        auto refused = clients.add(bad, s.manager);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().code == ErrorCode::Invalid);
        REQUIRE_FALSE(refused.error().message.contains(u'\n'));
    }
    REQUIRE(s.count(u"clients"_s) == 1);
}

TEST_CASE("a sale rung up for a client is in the client's history and in the books",
          "[clients][sale]") {
    Spa s;
    const Client ana = s.ana();
    const CompletedSale sold = s.sell(ana.id);
    REQUIRE(sold.clientId == ana.id);
    s.sell(0); // someone else's

    ClientService clients(s.tmp.db());
    const ClientHistory h = value(clients.history(ana.id, s.frontdesk));
    REQUIRE(h.tickets == 1);
    REQUIRE(h.spent == sold.totals.total);
    REQUIRE(h.visits.size() == 1);
    REQUIRE(h.visits[0].code == u"DT60"_s);
    REQUIRE(h.visits[0].therapist == s.lena.displayName);
    REQUIRE(h.visits[0].receiptNo == sold.receiptNo);
    REQUIRE(h.purchases.size() == 1);
    REQUIRE(h.purchases[0].code == u"OIL-LAV-120"_s);
    REQUIRE(h.giftCards.empty());
    REQUIRE(value(Journal::verify(s.tmp.db())).ok);

    SECTION("a voucher sold on the client's ticket is on their page with its status") {
        REQUIRE(h.vouchers.empty());
        Ticket t;
        t.addVoucher(*value(CatalogService(s.tmp.db()).findByCode(u"DT60"_s)));
        t.clientId = ana.id;
        const CompletedSale gift =
            value(SaleService(s.tmp.db())
                      .complete(t, {value(Tender::parse(u"card:135"_s))}, s.frontdesk));
        REQUIRE(gift.vouchers.size() == 1);
        const QString code = gift.vouchers[0].code;
        ClientHistory after = value(clients.history(ana.id, s.frontdesk));
        REQUIRE(after.vouchers.size() == 1);
        REQUIRE(after.vouchers[0].receiptNo == gift.receiptNo);
        REQUIRE(after.vouchers[0].giftCardLast4 == giftcode::last4(code));
        REQUIRE(after.vouchers[0].voucherStatus == u"active"_s);
        REQUIRE(after.purchases.size() == 1); // the voucher is not a product
        // Redeemed by whoever brings it (here no client): the page says so.
        Ticket session;
        session.addItem(*value(CatalogService(s.tmp.db()).findByCode(u"DT60"_s)), 1, s.lena.id,
                        s.lena.displayName);
        value(SaleService(s.tmp.db())
                  .complete(session, {value(Tender::parse(QString(u"voucher:"_s + code)))},
                            s.frontdesk));
        after = value(clients.history(ana.id, s.frontdesk));
        REQUIRE(after.vouchers.at(0).voucherStatus == u"redeemed"_s);
        REQUIRE(after.visits.size() == 1); // the redeeming ticket was not theirs
    }
    SECTION("an unknown client refuses the sale, whole") {
        const qint64 sales = s.count(u"sales"_s);
        Ticket t;
        t.addItem(*value(CatalogService(s.tmp.db()).findByCode(u"OIL-LAV-120"_s)));
        t.clientId = 999;
        auto refused =
            SaleService(s.tmp.db()).complete(t, {value(Tender::parse(u"cash:50"_s))}, s.frontdesk);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().code == ErrorCode::NotFound);
        REQUIRE(s.count(u"sales"_s) == sales);
    }
    SECTION("journal verify finds an edited link between a sale and its client") {
        ClientDetails other{u"Someone Else"_s, {}, {}, {}, {}};
        const Client else_ = value(clients.add(other, s.manager));
        rawSql(s.tmp.path(), u"UPDATE sale_clients SET client_id = %1"_s.arg(else_.id));
        const JournalReport report = value(Journal::verify(s.tmp.db()));
        REQUIRE_FALSE(report.ok);
        REQUIRE(report.problem.contains(u"sale_clients"_s));
    }
    SECTION("journal verify finds a deleted link") {
        rawSql(s.tmp.path(), u"DELETE FROM sale_clients"_s);
        const JournalReport report = value(Journal::verify(s.tmp.db()));
        REQUIRE_FALSE(report.ok);
        REQUIRE(report.problem.contains(u"sale_clients"_s));
    }
    SECTION("journal verify finds a link written outside Oasis POS") {
        rawSql(s.tmp.path(), u"INSERT INTO sale_clients(sale_id, client_id) SELECT MAX(id), %1 "
                             "FROM sales"_s.arg(ana.id));
        const JournalReport report = value(Journal::verify(s.tmp.db()));
        REQUIRE_FALSE(report.ok);
        REQUIRE(report.problem.contains(u"no journal entry recorded it"_s));
    }
}

TEST_CASE("merging a duplicate keeps the books and gives the kept client both histories",
          "[clients]") {
    Spa s;
    const Client ana = s.ana();
    ClientService clients(s.tmp.db());
    ClientDetails dupDetails{u"Ana R."_s,
                             u"206-555-0777"_s,
                             u"ana.r@example.com"_s,
                             {},
                             QStringList{u"Contraindication: recent surgery"_s}};
    const Client dup = value(clients.add(dupDetails, s.manager));
    const CompletedSale first = s.sell(ana.id);
    const CompletedSale second = s.sell(dup.id);
    const qint64 links = s.count(u"sale_clients"_s);

    auto refused = clients.merge(dup.id, ana.id, s.frontdesk);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Permission);
    REQUIRE(value(clients.get(dup.id, s.manager)).mergedInto == 0);

    const Client kept = value(clients.merge(dup.id, ana.id, s.manager));
    REQUIRE(kept.id == ana.id);
    REQUIRE(kept.phone == u"(206) 555-0142"_s); // the kept client's own
    REQUIRE(kept.healthFlags.size() == 3);      // no allergy is lost in a merge
    REQUIRE(value(clients.get(dup.id, s.manager)).mergedInto == ana.id);
    // Found no more by its own name or phone.
    REQUIRE(value(clients.find(u"Ana R."_s, s.frontdesk)).empty());
    REQUIRE(value(clients.find(u"5550777"_s, s.frontdesk)).empty());

    const ClientHistory h = value(clients.history(ana.id, s.manager));
    REQUIRE(h.tickets == 2);
    REQUIRE(h.spent == first.totals.total + second.totals.total);
    REQUIRE(h.visits.size() == 2);
    REQUIRE(s.count(u"sale_clients"_s) == links); // nothing moved in the books
    REQUIRE(value(Journal::verify(s.tmp.db())).ok);

    // A ticket started for the duplicate before the merge is linked to the kept client.
    REQUIRE(s.sell(dup.id).clientId == ana.id);
    auto again = clients.merge(dup.id, ana.id, s.manager);
    REQUIRE_FALSE(again);
    REQUIRE(again.error().code == ErrorCode::Refused);
}

TEST_CASE("exporting client data is a manager's, journaled, with formula cells neutralised",
          "[clients]") {
    Spa s;
    s.ana();
    ClientService clients(s.tmp.db());
    value(clients.add(ClientDetails{u"=HYPERLINK(\"http://x\")"_s, {}, {}, u"@SUM(A1)"_s, {}},
                      s.manager));
    const QString file = s.tmp.dir() + u"/clients.csv"_s;

    auto refused = clients.exportCsv(file, s.frontdesk);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Permission);
    REQUIRE_FALSE(QFile::exists(file));
    REQUIRE(value(s.tmp->scalar(u"SELECT COUNT(*) FROM journal WHERE kind = 'client_exported'"_s))
                .toInt() == 0);

    REQUIRE(value(clients.exportCsv(file, s.manager)) == 2);
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    REQUIRE(bytes.contains("'=HYPERLINK"));
    REQUIRE(bytes.contains("'@SUM(A1)"));
    REQUIRE(bytes.contains("Allergy: nut oils"));
    const auto rows = value(csv::parse(bytes));
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[0].fields.at(1) == u"name"_s);
    const QString payload =
        value(s.tmp->scalar(u"SELECT payload FROM journal WHERE kind = 'client_exported'"_s))
            .toString();
    REQUIRE(payload.contains(u"\"clients\":2"_s));
    REQUIRE(value(Journal::verify(s.tmp.db())).ok);
}

TEST_CASE("each client's lifetime value and last visit, as of a date, a merged duplicate's "
          "included",
          "[clients][report]") {
    Spa s;
    ClientService clients(s.tmp.db());
    const Client ana = s.ana();
    const Client dup = value(clients.add({u"Ana R."_s, u"206-555-0777"_s, {}, {}, {}}, s.manager));
    const Client ben = value(clients.add({u"Ben Cho"_s, {}, {}, {}, {}}, s.frontdesk));
    value(clients.add({u"Chloe Martin"_s, {}, {}, {}, {}}, s.frontdesk)); // never came
    const Money visit = s.sell(ana.id).totals.total;                      // 2026-11-23
    s.sell(dup.id);
    value(clients.merge(dup.id, ana.id, s.manager));
    Ticket oil; // Ben buys an oil: a ticket, not a visit
    oil.addItem(*value(CatalogService(s.tmp.db()).findByCode(u"OIL-LAV-120"_s)));
    oil.clientId = ben.id;
    const Money oilTotal =
        value(SaleService(s.tmp.db())
                  .complete(oil, {value(Tender::parse(u"cash:30"_s))}, s.frontdesk))
            .totals.total;
    test::TestClock::set(QDateTime(QDate(2026, 11, 25), QTime(23, 0), QTimeZone::utc()));
    s.sell(ana.id);

    const ReportTable before = value(clients.lifetimeValue(QDate(2026, 11, 24), s.frontdesk));
    REQUIRE(before.rows.size() == 3); // the merged duplicate is no row of its own
    CHECK(before.rows[0] == QVariantList{u"Ana Ruiz"_s, qint64(2), qint64(2), u"2026-11-23"_s,
                                         (visit + visit).cents()});
    CHECK(before.rows[1] ==
          QVariantList{u"Ben Cho"_s, qint64(1), qint64(0), QString(), oilTotal.cents()});
    CHECK(before.rows[2] ==
          QVariantList{u"Chloe Martin"_s, qint64(0), qint64(0), QString(), qint64(0)});
    const ReportTable after = value(clients.lifetimeValue(QDate(2026, 11, 25), s.frontdesk));
    CHECK(after.rows[0].value(1).toLongLong() == 3);
    CHECK(after.rows[0].value(3).toString() == u"2026-11-25"_s);
    CHECK(after.rows[0].value(4).toLongLong() == (visit + visit + visit).cents());
    // A report: the therapist's role sees none.
    auto refused = clients.lifetimeValue(QDate(2026, 11, 25), s.lena);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Permission);
}

TEST_CASE("what a client spent counts prepaid value once: when it was bought, not when it paid",
          "[clients][report][prepaid]") {
    Spa s;
    ClientService clients(s.tmp.db());
    const Client ana = s.ana();
    REQUIRE(installDemoPackages(s.tmp.db()));
    CatalogService catalog(s.tmp.db());
    const CatalogItem dt60 = *value(catalog.findByCode(u"DT60"_s));
    SaleService sales(s.tmp.db());
    auto sellToAna = [&](Ticket t, const QStringList &tenders) {
        t.clientId = ana.id;
        std::vector<Tender> parsed;
        for (const QString &tender : tenders)
            parsed.push_back(value(Tender::parse(tender)));
        return value(sales.complete(t, parsed, s.frontdesk));
    };
    auto session = [&] {
        Ticket t;
        t.addItem(dt60, 1, s.lena.id, s.lena.displayName);
        return t;
    };
    // A package of five sessions for $600, and one of them used.
    const PackageProduct product = value(PackageService(s.tmp.db()).product(u"PKG-DT60-5"_s));
    Ticket package;
    package.addPackage(product.code, dt60, product.sessions, product.price);
    const CompletedSale bought = sellToAna(package, {u"card:600:4242"_s});
    sellToAna(session(), {u"package:"_s + bought.packages.front().code});
    // A $100 gift card, then a session paid $100 from it and the rest in cash.
    Ticket card;
    card.addGiftCard(Money::fromCents(100'00), u"Ana"_s, u"Ana"_s, {});
    const QString code = sellToAna(card, {u"cash:100"_s}).giftCards.front().code;
    const CompletedSale mixed =
        sellToAna(session(), {u"gift:"_s + code + u":100"_s, u"cash:200"_s});
    const Money byCash = mixed.totals.total - Money::fromCents(100'00);

    const ClientHistory h = value(clients.history(ana.id, s.manager));
    CHECK(h.tickets == 4);
    CHECK(h.spent == Money::fromCents(600'00 + 100'00) + byCash);
    const ReportTable worth = value(clients.lifetimeValue(QDate(2026, 11, 23), s.manager));
    REQUIRE(worth.rows.size() == 1);
    CHECK(worth.rows[0] == QVariantList{u"Ana Ruiz"_s, qint64(4), qint64(2), u"2026-11-23"_s,
                                        (Money::fromCents(700'00) + byCash).cents()});
}
