// SPDX-License-Identifier: GPL-3.0-or-later
// Service vouchers (DESIGN §15): schema step 16 on a store made before it, a voucher sold as a
// line and redeemed once as a tender at its service's price then, an upgrade, the liability
// ledger and the journal, on both engines.
#include "tests/support/testsupport.h"

#include "core/domain/giftcode.h"
#include "core/services/catalog.h"
#include "core/services/demo.h"
#include "core/services/refund.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/scan.h"
#include "core/services/storesettings.h"
#include "core/services/voucher.h"
#include "core/storage/journal.h"
#include "core/storage/schema.h"
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

/// DT60 with Lena, paid as `tenders` say.
Result<CompletedSale> sellSession(Database &db, const QString &code, const QStringList &tenders) {
    Ticket t;
    const StaffMember lena = staffNamed(db, u"lena"_s);
    t.addItem(item(db, code), 1, lena.id, lena.displayName);
    std::vector<Tender> pay;
    for (const QString &tender : tenders)
        pay.push_back(value(Tender::parse(tender)));
    return SaleService(db).complete(t, pay, staffNamed(db, u"frontdesk"_s));
}

Result<CompletedSale> sellVoucher(Database &db, const QString &session, const QString &tender) {
    Ticket t;
    t.addVoucher(item(db, session));
    return SaleService(db).complete(t, {value(Tender::parse(tender))},
                                    staffNamed(db, u"frontdesk"_s));
}

qint64 count(Database &db, const QString &table) {
    return value(db.scalar(u"SELECT COUNT(*) FROM "_s + table)).toLongLong();
}

Money liability(Database &db) {
    return Money::fromCents(
        value(db.scalar(u"SELECT COALESCE(SUM(amount_cents), 0) FROM voucher_activity"_s))
            .toLongLong());
}

} // namespace

TEST_CASE("a store made at schema step 15 migrates and then sells and redeems vouchers",
          "[voucher][migration]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    QTemporaryDir dir;
    std::optional<TempDb> server;
    QString location;
    Database::Options o;
    const QString narrowLines =
        u"ALTER TABLE sale_lines DROP CONSTRAINT sale_lines_kind_check, ADD CONSTRAINT "
        "sale_lines_kind_check CHECK (kind IN ('product','session','giftcard','tip'))"_s;
    const QString narrowTenders =
        u"ALTER TABLE sale_tenders DROP CONSTRAINT sale_tenders_type_check, ADD CONSTRAINT "
        "sale_tenders_type_check CHECK (type IN ('cash','card','gift'))"_s;
    if (onPostgres()) {
        // A server store is made at the current version: taken back to what step 15 left
        // (the later steps' tables dropped: they are made again).
        server.emplace(true);
        location = server->path();
        o = server->options();
        server->close();
        for (const QString &sql : {u"DROP TABLE offline_sales"_s, u"DROP TABLE package_activity"_s,
                                   u"DROP TABLE packages"_s, u"DROP TABLE package_products"_s,
                                   u"DROP TABLE giftcard_promo"_s, u"DROP TABLE voucher_activity"_s,
                                   u"DROP TABLE vouchers"_s, narrowLines, narrowTenders,
                                   u"UPDATE meta SET value = '15' WHERE key = 'schema_version'"_s})
            rawSql(location, sql);
    } else {
        location = dir.filePath(u"old.db"_s);
        o.mode = Database::Mode::CreateIfMissing;
        o.keyDirectory = dir.filePath(u"keys"_s);
        o.onCreated = &Store::prepareNew;
        o.migrateTo = 15;
        auto made = Database::open(location, o);
        REQUIRE(made);
        REQUIRE((*made)->schemaVersion() == 15);
        ok(installDemoData(**made));
    }
    qint64 lineIdBefore = 0;
    if (!onPostgres()) {
        // At step 15 a voucher line is refused by the CHECK; a sale of a session is journaled as
        // ever. (On PostgreSQL the narrowed CHECK is what opening migrates below.)
        Database::Options at14 = o;
        at14.mode = Database::Mode::OpenExisting;
        auto old = Database::open(location, at14);
        REQUIRE(old);
        Database &d = **old;
        REQUIRE(d.schemaVersion() == 15);
        REQUIRE_FALSE(d.exec(u"INSERT INTO sale_lines(sale_id, line_no, kind, name, quantity, "
                             "unit_price_cents, net_cents, tax_class) VALUES (1, 1, 'voucher', "
                             "'x', 1, 1, 1, 'giftcard')"_s));
        value(sellSession(d, u"DT60"_s, {u"cash:200"_s}));
        lineIdBefore = value(d.scalar(u"SELECT MAX(id) FROM sale_lines"_s)).toLongLong();
        REQUIRE(value(Journal::verify(d)).ok);
    }
    o.mode = Database::Mode::OpenExisting;
    o.migrateTo = -1;
    auto opened = Database::open(location, o);
    if (!opened)
        FAIL(opened.error().message.toStdString());
    Database &d = **opened;
    REQUIRE(d.schemaVersion() == schema::latestVersion());
    REQUIRE(value(Journal::verify(d)).ok);
    if (!onPostgres()) {
        // Only the table's text changed: the rows and their ids are as they were, the file is
        // whole and sale_lines still refuses to be rewritten.
        REQUIRE(value(d.scalar(u"SELECT MAX(id) FROM sale_lines"_s)).toLongLong() == lineIdBefore);
        REQUIRE(value(d.scalar(u"PRAGMA integrity_check"_s)).toString() == u"ok"_s);
        REQUIRE(value(d.scalar(u"SELECT sql FROM sqlite_master WHERE name = 'sale_lines'"_s))
                    .toString()
                    .contains(u"'tip','voucher','package'))"_s));
        REQUIRE_FALSE(d.exec(u"UPDATE sale_lines SET name = 'x'"_s));
        REQUIRE(value(d.scalar(u"SELECT COUNT(*) FROM sqlite_master WHERE name = "
                               "'oasis_schema_changed'"_s))
                    .toInt() == 0);
    }
    const CompletedSale sold = value(sellVoucher(d, u"DT60"_s, u"card:135"_s));
    REQUIRE(sold.vouchers.size() == 1);
    const CompletedSale redeemed =
        value(sellSession(d, u"DT60"_s, {u"voucher:"_s + sold.vouchers[0].code}));
    REQUIRE(redeemed.tenders.size() == 1);
    REQUIRE(redeemed.tenders[0].type == TenderType::Voucher);
    REQUIRE(value(Journal::verify(d)).ok);
    test::TestClock::set(QDateTime());
}

TEST_CASE("a voucher is sold at its session's price as a liability and covers that session at "
          "its price when redeemed, once",
          "[voucher]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    Database &d = tmp.db();

    const CompletedSale sold = value(sellVoucher(d, u"DT60"_s, u"card:135"_s));
    REQUIRE(sold.totals.total == Money::fromCents(135'00));
    REQUIRE(sold.totals.tax.isZero());
    REQUIRE(sold.vouchers.size() == 1);
    const QString code = sold.vouchers[0].code;
    REQUIRE(code.startsWith(u"SV1-"_s));
    REQUIRE(giftcode::parseVoucher(code).status == giftcode::Parse::Ok);
    REQUIRE(giftcode::parse(code).status == giftcode::Parse::NotAGiftCard);
    REQUIRE(sold.vouchers[0].description == u"One 60-minute deep tissue massage"_s);
    REQUIRE(liability(d) == Money::fromCents(135'00));
    // Never in clear: the lookup is a keyed hash, the copy is sealed, the journal has last 4.
    REQUIRE(value(d.scalar(u"SELECT COUNT(*) FROM vouchers WHERE lookup_hash = ? OR last4 <> ?"_s,
                           {code, giftcode::last4(code)}))
                .toInt() == 0);
    const QString compact = QString(code).remove(u'-');
    for (const QVariantList &row : value(d.rows(u"SELECT payload FROM journal"_s)))
        REQUIRE_FALSE(row.value(0).toString().contains(compact.mid(3, 8)));

    Voucher v = value(VoucherService(d).lookup(code, {}));
    REQUIRE(v.status == Voucher::Status::Active);
    REQUIRE(v.serviceCode == u"DT60"_s);
    REQUIRE(v.paid == Money::fromCents(135'00));

    SECTION("it covers its session at the price of the day it is redeemed") {
        rawSql(tmp.path(), u"UPDATE items SET price_cents = 15000 WHERE code = 'DT60'"_s);
        const CompletedSale used = value(sellSession(d, u"DT60"_s, {u"voucher:"_s + code}));
        REQUIRE(used.totals.total == Money::fromCents(150'00));
        REQUIRE(used.tenders.size() == 1);
        REQUIRE(used.tenders[0].type == TenderType::Voucher);
        REQUIRE(used.tenders[0].amount == Money::fromCents(150'00));
        REQUIRE(used.tenders[0].giftCardLast4 == giftcode::last4(code));
        REQUIRE(used.change.isZero());
        // The liability released is what was paid, not the price now.
        REQUIRE(liability(d).isZero());
        v = value(VoucherService(d).byId(v.id));
        REQUIRE(v.status == Voucher::Status::Redeemed);
        REQUIRE(v.redeemedReceiptNo == used.receiptNo);
        REQUIRE(value(Journal::verify(d)).ok);

        // Never twice: refused whole, nothing written.
        const qint64 sales = count(d, u"sales"_s);
        auto again = sellSession(d, u"DT60"_s, {u"voucher:"_s + code});
        REQUIRE_FALSE(again);
        REQUIRE(again.error().code == ErrorCode::Refused);
        REQUIRE(again.error().message.contains(u"already redeemed"_s));
        // It names the receipt that redeemed it as the counter shows it ("R-000003").
        REQUIRE(again.error().message.contains(receiptCode(used.receiptNo)));
        REQUIRE(count(d, u"sales"_s) == sales);
    }
    SECTION("on a longer session it pays its own session's price and the customer the rest") {
        const Money dt90 = item(d, u"DT90"_s).price;
        REQUIRE(dt90 > Money::fromCents(135'00));
        auto short_ = sellSession(d, u"DT90"_s, {u"voucher:"_s + code});
        REQUIRE_FALSE(short_); // the voucher alone does not pay for the upgrade
        REQUIRE(liability(d) == Money::fromCents(135'00));
        const CompletedSale used = value(sellSession(
            d, u"DT90"_s,
            {u"voucher:"_s + code, u"card:"_s + (dt90 - Money::fromCents(135'00)).toString()}));
        REQUIRE(used.tenders[0].amount == Money::fromCents(135'00));
        REQUIRE(used.tenders[1].amount == dt90 - Money::fromCents(135'00));
        REQUIRE(liability(d).isZero());
        REQUIRE(value(VoucherService(d).byId(v.id)).coveredName == item(d, u"DT90"_s).name);
    }
    SECTION("a shorter session or a ticket without a session is not what it pays for") {
        auto shorter = sellSession(d, u"DT30"_s, {u"voucher:"_s + code});
        REQUIRE_FALSE(shorter);
        REQUIRE(shorter.error().message.contains(u"ring up that session"_s));
        Ticket t;
        t.addItem(item(d, u"OIL-LAV-120"_s));
        auto refused =
            SaleService(d).complete(t, {value(Tender::parse(QString(u"voucher:"_s + code)))},
                                    staffNamed(d, u"frontdesk"_s));
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().message.contains(u"ring up that session"_s));
        REQUIRE(liability(d) == Money::fromCents(135'00));
    }
    SECTION("journal verify finds an edited or forged voucher row") {
        SECTION("edited") {
            rawSql(tmp.path(), u"UPDATE voucher_activity SET amount_cents = 1"_s);
        }
        SECTION("forged") {
            rawSql(tmp.path(), u"INSERT INTO voucher_activity(voucher_id, kind, amount_cents, "
                               "sale_id, created_at) SELECT id, 'void', -paid_cents, sale_id, "
                               "created_at FROM vouchers"_s);
        }
        const JournalReport report = value(Journal::verify(d));
        REQUIRE_FALSE(report.ok);
    }
    test::TestClock::set(QDateTime());
}

TEST_CASE("an unredeemed voucher is refunded and becomes void, a redeemed one is not",
          "[voucher][refund]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    Database &d = tmp.db();
    const StaffMember frontdesk = staffNamed(d, u"frontdesk"_s);
    const StaffMember manager = staffNamed(d, u"manager"_s);
    const CompletedSale sold = value(sellVoucher(d, u"DT60"_s, u"card:135:4242"_s));
    const QString code = sold.vouchers[0].code;

    SECTION("not redeemed: the card gets its money back and the voucher is void") {
        const CompletedSale back =
            value(RefundService(d).refund(sold.receiptNo, {}, false, frontdesk, manager));
        REQUIRE(back.tenders.size() == 1);
        REQUIRE(back.tenders[0].type == TenderType::Card);
        REQUIRE(back.tenders[0].amount == Money::fromCents(-135'00));
        REQUIRE(liability(d).isZero());
        const Voucher v = value(VoucherService(d).lookup(code, {}));
        REQUIRE(v.status == Voucher::Status::Void);
        auto refused = sellSession(d, u"DT60"_s, {u"voucher:"_s + code});
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().message.contains(u"void"_s));
        REQUIRE(value(Journal::verify(d)).ok);
    }
    SECTION("redeemed: the refund is refused whole, and the session it paid gives nothing back") {
        const CompletedSale used = value(sellSession(d, u"DT60"_s, {u"voucher:"_s + code}));
        const qint64 sales = count(d, u"sales"_s);
        auto refused = RefundService(d).refund(sold.receiptNo, {}, false, frontdesk, manager);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().message.contains(u"redeemed"_s));
        REQUIRE_FALSE(RefundService(d).refund(used.receiptNo, {}, false, frontdesk, manager));
        REQUIRE(count(d, u"sales"_s) == sales);
        REQUIRE(
            value(VoucherService(d).byId(value(VoucherService(d).lookup(code, {})).id)).status ==
            Voucher::Status::Redeemed);
    }
    test::TestClock::set(QDateTime());
}

TEST_CASE("the vouchers report: sold, redeemed, refunded and the liability at what was paid",
          "[voucher][report]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    Database &d = tmp.db();
    const StaffMember frontdesk = staffNamed(d, u"frontdesk"_s);
    const StaffMember manager = staffNamed(d, u"manager"_s);
    const CompletedSale a = value(sellVoucher(d, u"DT60"_s, u"card:135"_s));
    const CompletedSale b = value(sellVoucher(d, u"DT60"_s, u"card:135"_s));
    value(sellVoucher(d, u"DT60"_s, u"card:135"_s));
    rawSql(tmp.path(), u"UPDATE items SET price_cents = 15000 WHERE code = 'DT60'"_s);
    value(sellSession(d, u"DT60"_s, {u"voucher:"_s + a.vouchers[0].code}));
    value(RefundService(d).refund(b.receiptNo, {}, false, frontdesk, manager));

    const QDate day(2026, 11, 23);
    const VoucherLiability r = value(ReportService(d).vouchers(day, day));
    REQUIRE(r.opening.isZero());
    REQUIRE(r.sold == Money::fromCents(405'00));
    REQUIRE(r.soldCount == 3);
    REQUIRE(r.redeemed == Money::fromCents(135'00));
    REQUIRE(r.covered == Money::fromCents(150'00));
    REQUIRE(r.redeemedCount == 1);
    REQUIRE(r.voided == Money::fromCents(135'00));
    REQUIRE(r.voidedCount == 1);
    REQUIRE(r.closing == Money::fromCents(135'00));
    REQUIRE(r.outstandingCount == 1);
    REQUIRE(r.vouchers.rows.size() == 3);
    REQUIRE(r.vouchers.sum(u"owed_cents"_s) == 135'00);
    REQUIRE(r.closing == liability(d));

    // The next day moved nothing: owed at its start and end, the one voucher still owed.
    const VoucherLiability next = value(ReportService(d).vouchers(day.addDays(1), day.addDays(1)));
    REQUIRE(next.opening == Money::fromCents(135'00));
    REQUIRE(next.sold.isZero());
    REQUIRE(next.closing == Money::fromCents(135'00));
    REQUIRE(next.vouchers.rows.size() == 1);
    test::TestClock::set(QDateTime());
}

TEST_CASE("two registers redeeming one voucher at the same moment redeem it once",
          "[voucher][interleaving]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    addRegisters(tmp.db(), {u"desk-1"_s, u"desk-2"_s});
    Database::Options o = tmp.options();
    o.busyTimeoutMs = 2000;
    std::unique_ptr<Database> other = value(Database::open(tmp.path(), o));
    const QString code = value(sellVoucher(tmp.db(), u"DT60"_s, u"card:135"_s)).vouchers[0].code;

    const auto redeemOn = [&](Database &db, const QString &reg) {
        Ticket t;
        const StaffMember lena = staffNamed(db, u"lena"_s);
        t.addItem(item(db, u"DT60"_s), 1, lena.id, lena.displayName);
        return SaleService(db).complete(t, {value(Tender::parse(QString(u"voucher:"_s + code)))},
                                        staffNamed(db, u"frontdesk"_s), std::nullopt, reg);
    };
    // Register A has looked the voucher up and found it unredeemed; before A writes, register B
    // redeems it.
    std::optional<Result<CompletedSale>> second;
    AtTestPoint point("sale.giftcards.checked", [&] { second = redeemOn(*other, u"desk-2"_s); });
    auto first = redeemOn(tmp.db(), u"desk-1"_s);
    REQUIRE(point.reached());
    REQUIRE(second.has_value());
    REQUIRE(*second);
    REQUIRE_FALSE(first);
    REQUIRE(first.error().code == ErrorCode::Refused);
    REQUIRE(first.error().message.contains(u"already redeemed"_s));
    REQUIRE(count(tmp.db(), u"sales"_s) == 2);
    REQUIRE(value(tmp->scalar(u"SELECT COUNT(*) FROM voucher_activity WHERE kind = 'redeem'"_s))
                .toInt() == 1);
    REQUIRE(value(Journal::verify(tmp.db())).ok);
    test::TestClock::set(QDateTime());
}

TEST_CASE("what a voucher covers on a ticket before it is paid is what the sale then takes",
          "[voucher][covers]") {
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    TempDb tmp(true);
    Database &d = tmp.db();
    const QString code = value(sellVoucher(d, u"DT60"_s, u"card:135"_s)).vouchers.at(0).code;
    const StaffMember lena = staffNamed(d, u"lena"_s);
    const TaxTable taxes = value(StoreSettings(d).taxTable());
    const auto priced = [&](const Ticket &t) {
        return value(t.totals(taxes, QDate(2026, 11, 23)));
    };

    Ticket t;
    t.addItem(item(d, u"OIL-LAV-120"_s));
    t.addItem(item(d, u"DT90"_s), 1, lena.id, lena.displayName);
    t.addItem(item(d, u"DT60"_s), 1, lena.id, lena.displayName);
    // Its own session first, whatever comes before it on the ticket.
    auto covers = VoucherService(d).covers({code}, t, priced(t), {}, {});
    REQUIRE(covers);
    REQUIRE(covers->size() == 1);
    CHECK(covers->at(0).line == 2);
    CHECK(covers->at(0).amount == Money::fromCents(135'00));
    // That line paid by a package session: the longer one, as an upgrade.
    covers = VoucherService(d).covers({code}, t, priced(t), {2}, {});
    REQUIRE(covers);
    CHECK(covers->at(0).line == 1);
    CHECK(covers->at(0).amount == Money::fromCents(135'00));
    // Entered twice: refused.
    auto twice = VoucherService(d).covers({code, code}, t, priced(t), {}, {});
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message == u"The same voucher is entered twice."_s);
    // Nothing it can pay: one line that says what to ring up.
    Ticket oil;
    oil.addItem(item(d, u"OIL-LAV-120"_s));
    auto none = VoucherService(d).covers({code}, oil, priced(oil), {}, {});
    REQUIRE_FALSE(none);
    CHECK(none.error().code == ErrorCode::Refused);
    CHECK(none.error().message.contains(u"ring up that session"_s));
    // The sale takes what covers said, and afterwards covers names the receipt.
    Ticket session;
    session.addItem(item(d, u"DT60"_s), 1, lena.id, lena.displayName);
    const Money said =
        value(VoucherService(d).covers({code}, session, priced(session), {}, {})).at(0).amount;
    const CompletedSale used = value(
        SaleService(d).complete(session, {value(Tender::parse(QString(u"voucher:"_s + code)))},
                                staffNamed(d, u"frontdesk"_s)));
    CHECK(used.tenders.at(0).amount == said);
    auto after = VoucherService(d).covers({code}, session, priced(session), {}, {});
    REQUIRE_FALSE(after);
    CHECK(after.error().message ==
          u"The voucher ending %1 was already redeemed (receipt %2)."_s.arg(
              giftcode::last4(code), receiptCode(used.receiptNo)));
    test::TestClock::set(QDateTime());
}

TEST_CASE("the scan field tells a voucher, a package and what to sell from a catalog code",
          "[voucher][scan]") {
    TempDb tmp(true);
    Database &d = tmp.db();
    ScanResolver scan(d);
    ok(installDemoPackages(d));
    const QString voucher = giftcode::generateVoucher();
    const ScanResult v = value(scan.resolve(voucher.toLower()));
    CHECK(v.kind == ScanResult::Kind::Voucher);
    CHECK(v.giftCode == voucher);
    const QString package = giftcode::generatePackage();
    const ScanResult k = value(scan.resolve(package));
    CHECK(k.kind == ScanResult::Kind::Package);
    CHECK(k.giftCode == package);
    const ScanResult sellVoucher = value(scan.resolve(u"voucher:DT60"_s));
    CHECK(sellVoucher.kind == ScanResult::Kind::SellVoucher);
    CHECK(sellVoucher.item.code == u"DT60"_s);
    auto product = scan.resolve(u"voucher:OIL-LAV-120"_s);
    REQUIRE_FALSE(product);
    CHECK(product.error().code == ErrorCode::Invalid);
    const ScanResult sellPackage = value(scan.resolve(u"package:pkg-dt60-5"_s));
    CHECK(sellPackage.kind == ScanResult::Kind::SellPackage);
    CHECK(sellPackage.package.code == u"PKG-DT60-5"_s);
    CHECK(sellPackage.package.sessions == 5);
    auto unknown = scan.resolve(u"package:PKG-NONE"_s);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::NotFound);
    // A gift card is still a gift card.
    CHECK(value(scan.resolve(giftcode::generate())).kind == ScanResult::Kind::GiftCard);
}
