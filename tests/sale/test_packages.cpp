// SPDX-License-Identifier: GPL-3.0-or-later
// Session packages (DESIGN §15, schema step 18): a package defined by a manager, sold to a
// client as a line, used one session at a time as a tender at its per-session price, the
// unused sessions refunded pro rata, the sessions ledger, the journal and the report, on both
// engines.
#include "tests/support/testsupport.h"

#include "core/domain/giftcode.h"
#include "core/services/catalog.h"
#include "core/services/clients.h"
#include "core/services/demo.h"
#include "core/services/package.h"
#include "core/services/refund.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/storesettings.h"
#include "core/storage/journal.h"
#include "tests/support/testhooks.h"

#include <QTimeZone>

#include <optional>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

CatalogItem item(Database &db, const QString &code) {
    return *value(CatalogService(db).findByCode(code));
}

qint64 addClient(Database &db) {
    ClientDetails d;
    d.name = u"Ana Ruiz"_s;
    d.phone = u"(206) 555-0142"_s;
    return value(ClientService(db).add(d, staffNamed(db, u"manager"_s))).id;
}

Result<CompletedSale> sellPackage(Database &db, const QString &product, qint64 clientId,
                                  const QString &tender) {
    const PackageProduct p = value(PackageService(db).product(product));
    Ticket t;
    t.addPackage(p.code, item(db, p.serviceCode), p.sessions, p.price);
    t.clientId = clientId;
    return SaleService(db).complete(t, {value(Tender::parse(tender))},
                                    staffNamed(db, u"frontdesk"_s));
}

/// `code` with Lena, paid as `tenders` say, on register `reg` (empty: the default).
Result<CompletedSale> sellSession(Database &db, const QString &code, const QStringList &tenders,
                                  const QString &reg = {}) {
    Ticket t;
    const StaffMember lena = staffNamed(db, u"lena"_s);
    t.addItem(item(db, code), 1, lena.id, lena.displayName);
    std::vector<Tender> pay;
    for (const QString &tender : tenders)
        pay.push_back(value(Tender::parse(tender)));
    return SaleService(db).complete(t, pay, staffNamed(db, u"frontdesk"_s), std::nullopt, reg);
}

qint64 count(Database &db, const QString &table) {
    return value(db.scalar(u"SELECT COUNT(*) FROM "_s + table)).toLongLong();
}

Money liability(Database &db) {
    return Money::fromCents(
        value(db.scalar(u"SELECT COALESCE(SUM(amount_cents), 0) FROM package_activity"_s))
            .toLongLong());
}

} // namespace

TEST_CASE("a package's sessions are its price divided, the remainder on the last", "[package]") {
    REQUIRE(packageSessionPrice(Money::fromCents(600'00), 5, 1) == Money::fromCents(120'00));
    REQUIRE(packageSessionPrice(Money::fromCents(600'00), 5, 5) == Money::fromCents(120'00));
    REQUIRE(packageSessionPrice(Money::fromCents(100'00), 3, 1) == Money::fromCents(33'33));
    REQUIRE(packageSessionPrice(Money::fromCents(100'00), 3, 2) == Money::fromCents(33'33));
    REQUIRE(packageSessionPrice(Money::fromCents(100'00), 3, 3) == Money::fromCents(33'34));
    REQUIRE(packageSessionPrice(Money::fromCents(100'00), 3, 4).isZero());
}

TEST_CASE("a manager defines a package once, and the demo has 5 x DT60 for $600", "[package]") {
    TempDb tmp(true);
    Database &d = tmp.db();
    ok(installDemoPackages(d));
    const PackageProduct demo = value(PackageService(d).product(u"pkg-dt60-5"_s));
    REQUIRE(demo.serviceCode == u"DT60"_s);
    REQUIRE(demo.sessions == 5);
    REQUIRE(demo.price == Money::fromCents(600'00));
    REQUIRE(demo.description() == u"5 sessions of 60-minute deep tissue massage"_s);

    const StaffMember frontdesk = staffNamed(d, u"frontdesk"_s);
    const StaffMember manager = staffNamed(d, u"manager"_s);
    auto alone = PackageService(d).define(u"PKG-DT90-3"_s, u"DT90"_s, 3, Money::fromCents(500'00),
                                          frontdesk, std::nullopt);
    REQUIRE_FALSE(alone);
    REQUIRE(alone.error().code == ErrorCode::Permission);
    const PackageProduct dt90 = value(PackageService(d).define(
        u"PKG-DT90-3"_s, u"DT90"_s, 3, Money::fromCents(500'00), frontdesk, manager));
    REQUIRE(dt90.sessions == 3);
    auto again = PackageService(d).define(u"PKG-DT90-3"_s, u"DT90"_s, 3, Money::fromCents(400'00),
                                          manager, std::nullopt);
    REQUIRE_FALSE(again);
    REQUIRE(again.error().code == ErrorCode::Refused);
    auto product = PackageService(d).define(u"PKG-OIL"_s, u"OIL-LAV-120"_s, 3,
                                            Money::fromCents(50'00), manager, std::nullopt);
    REQUIRE_FALSE(product);
    REQUIRE(product.error().message.contains(u"not a session"_s));
    REQUIRE(value(PackageService(d).products()).size() == 2);
    // Journaled, and the definitions are books: an edited price is found.
    REQUIRE(value(Journal::verify(d)).ok);
    rawSql(tmp.path(), u"UPDATE package_products SET price_cents = 1 WHERE code = 'PKG-DT90-3'"_s);
    REQUIRE_FALSE(value(Journal::verify(d)).ok);
}

TEST_CASE("a package is sold to a client as a liability and pays one session at a time at its "
          "per-session price",
          "[package]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    Database &d = tmp.db();
    ok(installDemoPackages(d));
    const qint64 ana = addClient(d);

    auto noClient = sellPackage(d, u"PKG-DT60-5"_s, 0, u"card:600"_s);
    REQUIRE_FALSE(noClient);
    REQUIRE(noClient.error().code == ErrorCode::Refused);
    REQUIRE(noClient.error().message.contains(u"client"_s));
    REQUIRE(count(d, u"sales"_s) == 0);

    const CompletedSale sold = value(sellPackage(d, u"PKG-DT60-5"_s, ana, u"card:600"_s));
    REQUIRE(sold.totals.total == Money::fromCents(600'00));
    REQUIRE(sold.totals.tax.isZero());
    REQUIRE(sold.packages.size() == 1);
    const QString code = sold.packages[0].code;
    REQUIRE(code.startsWith(u"SP1-"_s));
    REQUIRE(giftcode::parsePackage(code).status == giftcode::Parse::Ok);
    REQUIRE(giftcode::parseVoucher(code).status == giftcode::Parse::NotAGiftCard);
    REQUIRE(sold.packages[0].sessions == 5);
    REQUIRE(liability(d) == Money::fromCents(600'00));
    // Never in clear: a keyed hash and a sealed copy; the journal has the last 4 only.
    REQUIRE(value(d.scalar(u"SELECT COUNT(*) FROM packages WHERE lookup_hash = ? OR last4 <> ?"_s,
                           {code, giftcode::last4(code)}))
                .toInt() == 0);
    const QString compact = QString(code).remove(u'-');
    for (const QVariantList &row : value(d.rows(u"SELECT payload FROM journal"_s)))
        REQUIRE_FALSE(row.value(0).toString().contains(compact.mid(3, 8)));
    SessionPackage k = value(PackageService(d).lookup(code, {}));
    REQUIRE(k.clientId == ana);
    REQUIRE(k.sessionsLeft == 5);
    REQUIRE(value(PackageService(d).ofClient(ana)).size() == 1);
    // The receipt's line names it by last 4 with its sessions.
    const SaleRecord record = value(SaleService(d).load(sold.receiptNo));
    REQUIRE(record.lines[0].kind == LineKind::Package);
    REQUIRE(record.lines[0].giftCardLast4 == giftcode::last4(code));
    REQUIRE(record.lines[0].packageSessions == 5);

    SECTION("each session is its line, with the therapist, at $120, until none is left") {
        REQUIRE(item(d, u"DT60"_s).price == Money::fromCents(135'00));
        for (int left = 4; left >= 0; --left) {
            const CompletedSale used = value(sellSession(d, u"DT60"_s, {u"package:"_s + code}));
            REQUIRE(used.totals.total == Money::fromCents(120'00));
            REQUIRE(used.tenders.size() == 1);
            REQUIRE(used.tenders[0].type == TenderType::Package);
            REQUIRE(used.tenders[0].amount == Money::fromCents(120'00));
            REQUIRE(used.tenders[0].packageSessionsLeft == left);
            const SaleRecord r = value(SaleService(d).load(used.receiptNo));
            REQUIRE(r.lines[0].unitPrice == Money::fromCents(120'00));
            REQUIRE(r.lines[0].therapist == staffNamed(d, u"lena"_s).displayName);
            REQUIRE(r.tenders[0].packageSessionsLeft == left);
            REQUIRE(r.tenders[0].giftCardLast4 == giftcode::last4(code));
            REQUIRE(liability(d) == Money::fromCents(120'00) * left);
        }
        k = value(PackageService(d).byId(k.id));
        REQUIRE(k.sessionsLeft == 0);
        REQUIRE(k.statusName() == u"used"_s);
        const qint64 sales = count(d, u"sales"_s);
        auto sixth = sellSession(d, u"DT60"_s, {u"package:"_s + code});
        REQUIRE_FALSE(sixth);
        REQUIRE(sixth.error().code == ErrorCode::Refused);
        REQUIRE(sixth.error().message.contains(u"no session left"_s));
        REQUIRE(count(d, u"sales"_s) == sales);
        REQUIRE(value(Journal::verify(d)).ok);
    }
    SECTION("two sessions on one ticket take two; another session is not what it pays for") {
        Ticket t;
        const StaffMember lena = staffNamed(d, u"lena"_s);
        t.addItem(item(d, u"DT60"_s), 1, lena.id, lena.displayName);
        t.addItem(item(d, u"DT60"_s), 1, lena.id, lena.displayName);
        const Tender p = value(Tender::parse(QString(u"package:"_s + code)));
        const CompletedSale two =
            value(SaleService(d).complete(t, {p, p}, staffNamed(d, u"frontdesk"_s)));
        REQUIRE(two.totals.total == Money::fromCents(240'00));
        REQUIRE(value(PackageService(d).byId(k.id)).sessionsLeft == 3);
        auto other = sellSession(d, u"DT90"_s, {u"package:"_s + code});
        REQUIRE_FALSE(other);
        REQUIRE(other.error().message.contains(u"ring up that session"_s));
        REQUIRE(value(PackageService(d).byId(k.id)).sessionsLeft == 3);
    }
    SECTION("a retry of the same request returns the first sale, one session taken") {
        Ticket t;
        const StaffMember lena = staffNamed(d, u"lena"_s);
        t.addItem(item(d, u"DT60"_s), 1, lena.id, lena.displayName);
        t.requestId = u"req-pkg-1"_s;
        const Tender p = value(Tender::parse(QString(u"package:"_s + code)));
        const CompletedSale first =
            value(SaleService(d).complete(t, {p}, staffNamed(d, u"frontdesk"_s)));
        const CompletedSale again =
            value(SaleService(d).complete(t, {p}, staffNamed(d, u"frontdesk"_s)));
        REQUIRE(again.repeated);
        REQUIRE(again.receiptNo == first.receiptNo);
        REQUIRE(value(PackageService(d).byId(k.id)).sessionsLeft == 4);
    }
    SECTION("journal verify finds an edited or forged ledger row") {
        SECTION("edited") {
            rawSql(tmp.path(), u"UPDATE package_activity SET sessions = 50"_s);
        }
        SECTION("forged") {
            rawSql(tmp.path(), u"INSERT INTO package_activity(package_id, seq, kind, sessions, "
                               "amount_cents, sale_id, created_at) SELECT id, 1, 'redeem', -1, "
                               "-12000, sale_id, created_at FROM packages"_s);
        }
        REQUIRE_FALSE(value(Journal::verify(d)).ok);
    }
    test::TestClock::set(QDateTime());
}

TEST_CASE("a package is used from its client's page by its number, only on a ticket for them",
          "[package][client]") {
    TempDb tmp(true);
    Database &d = tmp.db();
    ok(installDemoPackages(d));
    const qint64 ana = addClient(d);
    ClientDetails other;
    other.name = u"Bo Lind"_s;
    const StaffMember manager = staffNamed(d, u"manager"_s);
    const qint64 bo = value(ClientService(d).add(other, manager)).id;
    const CompletedSale sold = value(sellPackage(d, u"PKG-DT60-5"_s, ana, u"card:600"_s));
    const IssuedPackage issued = sold.packages.at(0);
    const QString ref = packageRef(issued.id);
    REQUIRE(ref == u"#"_s + QString::number(issued.id));
    REQUIRE(packageIdOfRef(ref) == issued.id);
    REQUIRE_FALSE(packageIdOfRef(issued.code));
    REQUIRE_FALSE(packageIdOfRef(u"#0"_s));
    REQUIRE_FALSE(packageIdOfRef(u"#12a"_s));

    const StaffMember lena = staffNamed(d, u"lena"_s);
    const auto session = [&](qint64 client) {
        Ticket t;
        t.addItem(item(d, u"DT60"_s), 1, lena.id, lena.displayName);
        t.clientId = client;
        return t;
    };
    const auto use = [&](qint64 client, const QString &tender) {
        return SaleService(d).complete(session(client), {value(Tender::parse(tender))},
                                       staffNamed(d, u"frontdesk"_s));
    };
    const qint64 sales = count(d, u"sales"_s);

    SECTION("for the client it pays a session at the package's price, the code never typed") {
        const CompletedSale used = value(use(ana, u"package:"_s + ref));
        REQUIRE(used.totals.total == Money::fromCents(120'00));
        REQUIRE(used.tenders.at(0).type == TenderType::Package);
        REQUIRE(used.tenders.at(0).giftCardLast4 == giftcode::last4(issued.code));
        REQUIRE(used.tenders.at(0).packageSessionsLeft == 4);
        REQUIRE(used.clientId == ana);
        REQUIRE(value(PackageService(d).byId(issued.id)).sessionsLeft == 4);
        // The same rule as a scan: what the covers say is what the sale took.
        const PackageCovers covers = value(PackageService(d).covers({ref}, session(ana), {}));
        REQUIRE(covers.uses.at(0).forClient == ana);
        REQUIRE(covers.uses.at(0).price == Money::fromCents(120'00));
        REQUIRE(value(Journal::verify(d)).ok);
    }
    SECTION("for a client a duplicate holding it was merged into") {
        value(ClientService(d).merge(ana, bo, manager));
        const CompletedSale used = value(use(bo, u"package:"_s + ref));
        REQUIRE(used.clientId == bo);
        REQUIRE(value(PackageService(d).byId(issued.id)).sessionsLeft == 4);
    }
    SECTION("refused in one line for no client, another client, or no number, nothing written") {
        auto none = use(0, u"package:"_s + ref);
        REQUIRE_FALSE(none);
        REQUIRE(none.error().code == ErrorCode::Refused);
        REQUIRE(none.error().message.contains(u"Ana Ruiz's"_s));
        auto theirs = use(bo, u"package:"_s + ref);
        REQUIRE_FALSE(theirs);
        REQUIRE(theirs.error().code == ErrorCode::Refused);
        auto bad = use(ana, u"package:#x1"_s);
        REQUIRE_FALSE(bad);
        REQUIRE(bad.error().code == ErrorCode::Invalid);
        auto unknown = use(ana, u"package:#9999"_s);
        REQUIRE_FALSE(unknown);
        REQUIRE(unknown.error().code == ErrorCode::NotFound);
        REQUIRE(count(d, u"sales"_s) == sales);
        REQUIRE(value(PackageService(d).byId(issued.id)).sessionsLeft == 5);
    }
    SECTION("the use's own write takes a session only for the package's client") {
        // What the sale's transaction does after its checks, with another client's sale: the
        // write's condition refuses it by itself.
        const SessionPackage seen = value(PackageService(d).byId(issued.id));
        const qint64 lineId = seen.saleLineId;
        {
            auto tx = value(Transaction::begin(d));
            auto wrong = PackageService(d).redeem(seen, Money::fromCents(120'00), sold.saleId,
                                                  lineId, lena.id, bo);
            REQUIRE_FALSE(wrong);
            REQUIRE(wrong.error().code == ErrorCode::Refused);
            auto none = PackageService(d).redeem(seen, Money::fromCents(120'00), sold.saleId,
                                                 lineId, lena.id, -1);
            REQUIRE_FALSE(none);
            REQUIRE(value(PackageService(d).byId(issued.id)).sessionsLeft == 5);
            ok(PackageService(d).redeem(seen, Money::fromCents(120'00), sold.saleId, lineId,
                                        lena.id, ana));
            REQUIRE(value(PackageService(d).byId(issued.id)).sessionsLeft == 4);
        } // rolled back
        REQUIRE(value(PackageService(d).byId(issued.id)).sessionsLeft == 5);
    }
}

TEST_CASE("the unused sessions of a package are refunded pro rata by a manager",
          "[package][refund]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    Database &d = tmp.db();
    ok(installDemoPackages(d));
    const StaffMember frontdesk = staffNamed(d, u"frontdesk"_s);
    const StaffMember manager = staffNamed(d, u"manager"_s);
    const qint64 ana = addClient(d);
    value(PackageService(d).define(u"PKG-DT60-3"_s, u"DT60"_s, 3, Money::fromCents(100'00), manager,
                                   std::nullopt));
    const CompletedSale sold = value(sellPackage(d, u"PKG-DT60-3"_s, ana, u"card:100:4242"_s));
    const QString code = sold.packages[0].code;
    value(sellSession(d, u"DT60"_s, {u"package:"_s + code}));
    const qint64 lineId = value(PackageService(d).lookup(code, {})).saleLineId;

    // The preview is what the refund pays: the 2 sessions left, $33.33 + $33.34.
    const auto lines = value(RefundService(d).refundable(sold.receiptNo));
    REQUIRE(lines[0].remainingNet == Money::fromCents(66'67));
    REQUIRE(previewRefund(lines, {{lineId, 0}}).amounts.total() == Money::fromCents(66'67));

    auto alone =
        RefundService(d).refund(sold.receiptNo, {{lineId, 1}}, false, frontdesk, std::nullopt);
    REQUIRE_FALSE(alone);
    REQUIRE(alone.error().code == ErrorCode::Permission);
    const CompletedSale back =
        value(RefundService(d).refund(sold.receiptNo, {{lineId, 1}}, false, frontdesk, manager));
    REQUIRE(back.totals.total == Money::fromCents(-66'67));
    REQUIRE(back.tenders.size() == 1);
    REQUIRE(back.tenders[0].type == TenderType::Card);
    REQUIRE(back.tenders[0].amount == Money::fromCents(-66'67));
    const SessionPackage k = value(PackageService(d).lookup(code, {}));
    REQUIRE(k.sessionsLeft == 0);
    REQUIRE(k.refunded);
    REQUIRE(k.refundedAmount == Money::fromCents(66'67));
    REQUIRE(liability(d).isZero());
    auto used = sellSession(d, u"DT60"_s, {u"package:"_s + code});
    REQUIRE_FALSE(used);
    REQUIRE(used.error().message.contains(u"refunded"_s));
    auto twice = RefundService(d).refund(sold.receiptNo, {{lineId, 1}}, false, frontdesk, manager);
    REQUIRE_FALSE(twice);
    REQUIRE(value(Journal::verify(d)).ok);
    test::TestClock::set(QDateTime());
}

TEST_CASE("a package whose sessions are all used has nothing to refund", "[package][refund]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    Database &d = tmp.db();
    ok(installDemoPackages(d));
    const StaffMember manager = staffNamed(d, u"manager"_s);
    value(PackageService(d).define(u"PKG-DT60-1"_s, u"DT60"_s, 1, Money::fromCents(100'00), manager,
                                   std::nullopt));
    const CompletedSale sold = value(sellPackage(d, u"PKG-DT60-1"_s, addClient(d), u"card:100"_s));
    value(sellSession(d, u"DT60"_s, {u"package:"_s + sold.packages[0].code}));
    const qint64 lineId = value(PackageService(d).lookup(sold.packages[0].code, {})).saleLineId;
    auto refused = RefundService(d).refund(sold.receiptNo, {{lineId, 1}}, false,
                                           staffNamed(d, u"frontdesk"_s), manager);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Refused);
    REQUIRE(refused.error().message.contains(u"no session left"_s));
    test::TestClock::set(QDateTime());
}

TEST_CASE("the packages report: sold, sessions used, refunded, revenue recognised and owed",
          "[package][report]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    Database &d = tmp.db();
    ok(installDemoPackages(d));
    const StaffMember frontdesk = staffNamed(d, u"frontdesk"_s);
    const StaffMember manager = staffNamed(d, u"manager"_s);
    const qint64 ana = addClient(d);
    const CompletedSale a = value(sellPackage(d, u"PKG-DT60-5"_s, ana, u"card:600"_s));
    const CompletedSale b = value(sellPackage(d, u"PKG-DT60-5"_s, ana, u"card:600"_s));
    value(sellSession(d, u"DT60"_s, {u"package:"_s + a.packages[0].code}));
    value(sellSession(d, u"DT60"_s, {u"package:"_s + a.packages[0].code}));
    value(sellSession(d, u"DT60"_s, {u"package:"_s + b.packages[0].code}));
    const qint64 bLine = value(PackageService(d).lookup(b.packages[0].code, {})).saleLineId;
    value(RefundService(d).refund(b.receiptNo, {{bLine, 1}}, false, frontdesk, manager));

    const QDate day(2026, 11, 23);
    const PackageLiability r = value(ReportService(d).packages(day, day));
    REQUIRE(r.opening.isZero());
    REQUIRE(r.sold == Money::fromCents(1200'00));
    REQUIRE(r.soldCount == 2);
    REQUIRE(r.soldSessions == 10);
    REQUIRE(r.recognised == Money::fromCents(360'00));
    REQUIRE(r.usedSessions == 3);
    REQUIRE(r.refunded == Money::fromCents(480'00));
    REQUIRE(r.refundedSessions == 4);
    REQUIRE(r.closing == Money::fromCents(360'00));
    REQUIRE(r.outstandingSessions == 3);
    REQUIRE(r.closing == liability(d));
    REQUIRE(r.packages.rows.size() == 2);
    REQUIRE(r.packages.sum(u"owed_cents"_s) == 360'00);
    REQUIRE(r.packages.sum(u"recognised_cents"_s) == 360'00);

    // The next day: owed at its start and end, nothing recognised, the package with sessions.
    const PackageLiability next = value(ReportService(d).packages(day.addDays(1), day.addDays(1)));
    REQUIRE(next.opening == Money::fromCents(360'00));
    REQUIRE(next.recognised.isZero());
    REQUIRE(next.closing == Money::fromCents(360'00));
    REQUIRE(next.packages.rows.size() == 1);
    test::TestClock::set(QDateTime());
}

TEST_CASE("two registers using the last session of a package at the same moment use it once",
          "[package][interleaving]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    ok(installDemoPackages(tmp.db()));
    addRegisters(tmp.db(), {u"desk-1"_s, u"desk-2"_s});
    Database::Options o = tmp.options();
    o.busyTimeoutMs = 2000;
    std::unique_ptr<Database> other = value(Database::open(tmp.path(), o));
    value(PackageService(tmp.db()).define(u"PKG-DT60-1"_s, u"DT60"_s, 1, Money::fromCents(120'00),
                                          staffNamed(tmp.db(), u"manager"_s), std::nullopt));
    const QString code =
        value(sellPackage(tmp.db(), u"PKG-DT60-1"_s, addClient(tmp.db()), u"card:120"_s))
            .packages[0]
            .code;
    // Register 1 has looked the package up and found its last session; before it writes,
    // register 2 uses that session.
    std::optional<Result<CompletedSale>> second;
    AtTestPoint point("sale.giftcards.checked", [&] {
        second = sellSession(*other, u"DT60"_s, {u"package:"_s + code}, u"desk-2"_s);
    });
    auto first = sellSession(tmp.db(), u"DT60"_s, {u"package:"_s + code}, u"desk-1"_s);
    REQUIRE(point.reached());
    REQUIRE(second.has_value());
    REQUIRE(*second);
    REQUIRE_FALSE(first);
    REQUIRE(first.error().message.contains(u"no session left"_s));
    REQUIRE(count(tmp.db(), u"sales"_s) == 2);
    REQUIRE(value(tmp->scalar(u"SELECT COUNT(*) FROM package_activity WHERE kind = 'redeem'"_s))
                .toInt() == 1);
    REQUIRE(value(Journal::verify(tmp.db())).ok);
    test::TestClock::set(QDateTime());
}

TEST_CASE("what a package session pays on a ticket before it is paid is what the sale then takes",
          "[package][covers]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    Database &d = tmp.db();
    ok(installDemoPackages(d));
    const qint64 ana = addClient(d);
    const QString code =
        value(sellPackage(d, u"PKG-DT60-5"_s, ana, u"card:600"_s)).packages.at(0).code;
    const StaffMember lena = staffNamed(d, u"lena"_s);
    const TaxTable taxes = value(StoreSettings(d).taxTable());

    Ticket t;
    t.addItem(item(d, u"OIL-LAV-120"_s));
    t.addItem(item(d, u"DT90"_s), 1, lena.id, lena.displayName);
    t.addItem(item(d, u"DT60"_s), 1, lena.id, lena.displayName);
    t.addItem(item(d, u"DT60"_s), 1, lena.id, lena.displayName);
    // Its own session's line, repriced to the package's price for the session; twice: the next.
    PackageCovers covers = value(PackageService(d).covers({code, code}, t, {}));
    REQUIRE(covers.uses.size() == 2);
    CHECK(covers.uses[0].line == 2);
    CHECK(covers.uses[1].line == 3);
    CHECK(covers.uses[0].price == Money::fromCents(120'00));
    CHECK(covers.uses[1].package.sessionsLeft == 4);
    CHECK(covers.lines() == std::vector<std::size_t>{2, 3});
    CHECK(covers.ticket.lines[2].unitPrice == Money::fromCents(120'00));
    CHECK(covers.ticket.lines[1].unitPrice == item(d, u"DT90"_s).price);
    CHECK(t.lines[2].unitPrice == Money::fromCents(135'00)); // the ticket given is not changed
    const TicketTotals totals = value(covers.ticket.totals(taxes, QDate(2026, 11, 23)));
    CHECK(covers.amount(0, totals) == Money::fromCents(120'00));
    // No line of its session, or a ticket discount: refused in one line.
    Ticket longer;
    longer.addItem(item(d, u"DT90"_s), 1, lena.id, lena.displayName);
    auto wrong = PackageService(d).covers({code}, longer, {});
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::Refused);
    CHECK(wrong.error().message.contains(u"ring up that session"_s));
    // No package: nothing to cover, the ticket as it is.
    CHECK(value(PackageService(d).covers({}, t, {})).uses.empty());

    // The sale takes what covers said (the ticket passed unpriced, as oasisctl passes it).
    Ticket session;
    session.addItem(item(d, u"DT60"_s), 1, lena.id, lena.displayName);
    const PackageCovers said = value(PackageService(d).covers({code}, session, {}));
    const TicketTotals saidTotals = value(said.ticket.totals(taxes, QDate(2026, 11, 23)));
    Ticket shown = session;
    shown.shownTotal = saidTotals.total; // the Pay dialog's amount due
    const CompletedSale used =
        value(SaleService(d).complete(shown, {value(Tender::parse(QString(u"package:"_s + code)))},
                                      staffNamed(d, u"frontdesk"_s)));
    CHECK(used.totals.total == saidTotals.total);
    CHECK(used.tenders.at(0).amount == said.amount(0, saidTotals));
    CHECK(used.tenders.at(0).packageSessionsLeft == 4);
    // A total shown before the session was repriced is not what the sale takes.
    Ticket stale = session;
    stale.shownTotal = item(d, u"DT60"_s).price;
    auto refused =
        SaleService(d).complete(stale, {value(Tender::parse(QString(u"package:"_s + code)))},
                                staffNamed(d, u"frontdesk"_s));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Conflict);
    // Used up: covers says so before the sale.
    for (int i = 0; i < 4; ++i)
        value(sellSession(d, u"DT60"_s, {u"package:"_s + code}));
    auto none = PackageService(d).covers({code}, session, {});
    REQUIRE_FALSE(none);
    CHECK(none.error().message ==
          u"The package ending %1 has no session left."_s.arg(giftcode::last4(code)));
    test::TestClock::set(QDateTime());
}
