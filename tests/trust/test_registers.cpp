// SPDX-License-Identifier: GPL-3.0-or-later
// Registers and shifts cannot be invented (issue 17, item 6): a register is known to the store,
// gift-card lookups are limited per store as well as per register, and cash paid back by a
// refund comes out of a drawer with an open shift, as a sale's cash goes into one.
#include "tests/support/testsupport.h"

#include "core/services/catalog.h"
#include "core/services/demo.h"
#include "core/services/giftcard.h"
#include "core/services/refund.h"
#include "core/services/registers.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/scan.h"
#include "core/services/shift.h"
#include "core/services/staff.h"
#include "core/storage/journal.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

Tender tender(const QString &text) {
    return value(Tender::parse(text));
}

qint64 count(Database &db, const QString &table) {
    return value(db.scalar(u"SELECT COUNT(*) FROM "_s + table)).toLongLong();
}

/// The rows an operation could have written: all must stay as they are when it is refused.
std::vector<qint64> footprint(Database &db) {
    std::vector<qint64> all;
    for (const char *table :
         {"sales", "sale_tenders", "giftcard_activity", "giftcard_lookup_failures", "shifts",
          "cash_movements", "journal", "registers"})
        all.push_back(count(db, QString::fromLatin1(table)));
    return all;
}

/// The same code with one character changed: its check character no longer matches.
QString typo(QString code) {
    code[5] = code[5] == u'7' ? u'8' : u'7';
    return code;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const {
        const QJsonDocument doc = QJsonDocument::fromJson(out);
        if (!doc.isObject())
            FAIL("stdout is not one JSON object: " << out.toStdString());
        return doc.object();
    }
    bool oneErrorLine() const { return err.count('\n') == 1 && err.endsWith('\n'); }
};

/// oasisctl on a store of its own, as the register `registerId` (OASIS_REGISTER).
class Shop final {
public:
    Shop() {
        REQUIRE(m_dir.isValid());
        m_db = m_dir.filePath(u"oasis.db"_s);
        QDir().mkpath(m_dir.filePath(u"home"_s));
    }
    QString db() const { return m_db; }
    QString keys() const { return m_dir.filePath(u"keys"_s); }

    Run run(const QString &registerId, const QStringList &args, const QString &pin = {}) const {
        QProcessEnvironment e;
        e.insert(u"OASIS_KEY_DIR"_s, keys());
        e.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"home/data"_s));
        e.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/config"_s));
        e.insert(u"OASIS_REGISTER"_s, registerId);
        e.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
        if (!pin.isEmpty())
            e.insert(u"OASIS_PIN"_s, pin);
        QProcess p;
        p.setProcessEnvironment(e);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(OASISCTL_PATH), QStringList{u"--db"_s, m_db} + args);
        REQUIRE(p.waitForFinished(60'000));
        REQUIRE(p.exitStatus() == QProcess::NormalExit);
        Run r{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        UNSCOPED_INFO("OASIS_REGISTER=" << registerId.toStdString() << " oasisctl "
                                        << args.join(u' ').toStdString() << " → " << r.exitCode
                                        << "\nstdout: " << r.out.toStdString()
                                        << "\nstderr: " << r.err.toStdString());
        return r;
    }

    /// Opens the store in this process (after the processes are done with it).
    std::unique_ptr<Database> open() const {
        Database::Options o;
        o.keyDirectory = keys();
        return value(Database::open(m_db, o));
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
};

const QString kDesk = u"1111"_s;
const QString kManager = u"9999"_s;

} // namespace

TEST_CASE("an invented register is refused in core for every operation that acts as a register, "
          "and changes nothing",
          "[trust][registers]") {
    TempDb tmp(true);
    Database &db = tmp.db();
    addRegisters(db, {u"front"_s});
    const StaffMember desk = staffNamed(db, u"frontdesk"_s);
    const StaffMember manager = staffNamed(db, u"manager"_s);
    Ticket card;
    card.addGiftCard(Money::fromCents(50'00));
    const CompletedSale sold = value(
        SaleService(db).complete(card, {tender(u"cash:50"_s)}, desk, std::nullopt, u"front"_s));
    const QString code = sold.giftCards.at(0).code;

    const QString invented = u"anything"_s;
    const auto before = footprint(db);
    auto refusedAsUnknown = [&](const Error &e) {
        INFO(e.message.toStdString());
        CHECK(e.code == ErrorCode::Refused);
        CHECK(e.message ==
              u"This computer's register 'anything' is not registered in this store: a manager "
              "adds it with: oasisctl register add anything"_s);
    };
    Ticket oil;
    oil.addItem(*value(CatalogService(db).findByCode(u"OIL-LAV-120"_s)));
    auto sale = SaleService(db).complete(oil, {tender(u"cash:50"_s)}, desk, std::nullopt, invented);
    REQUIRE_FALSE(sale);
    refusedAsUnknown(sale.error());
    // A gift-card tender is not even looked up: no failure is counted for a bad one.
    auto paidByTypo = SaleService(db).complete(oil, {tender(u"gift:"_s + typo(code))}, desk,
                                               std::nullopt, invented);
    REQUIRE_FALSE(paidByTypo);
    refusedAsUnknown(paidByTypo.error());

    GiftCardService cards(db);
    for (const QString &c : {code, typo(code)}) {
        auto looked = cards.lookup(c, invented);
        REQUIRE_FALSE(looked);
        refusedAsUnknown(looked.error());
    }
    auto cashOut = cards.cashOut(code, manager, std::nullopt, invented);
    REQUIRE_FALSE(cashOut);
    refusedAsUnknown(cashOut.error());
    auto replaced = cards.replace(code, manager, std::nullopt, invented);
    REQUIRE_FALSE(replaced);
    refusedAsUnknown(replaced.error());

    ShiftService shifts(db);
    auto opened = shifts.open(Money::fromCents(100'00), desk, invented);
    REQUIRE_FALSE(opened);
    refusedAsUnknown(opened.error());
    auto payIn = shifts.payIn(Money::fromCents(10'00), u"change"_s, desk, std::nullopt, invented);
    REQUIRE_FALSE(payIn);
    refusedAsUnknown(payIn.error());
    auto closed = shifts.close(Money::fromCents(0), desk, std::nullopt, invented);
    REQUIRE_FALSE(closed);
    refusedAsUnknown(closed.error());
    auto noSale = shifts.recordNoSale(staffNamed(db, u"manager"_s), std::nullopt, invented);
    REQUIRE_FALSE(noSale);
    refusedAsUnknown(noSale.error());

    auto refund =
        RefundService(db).refund(sold.receiptNo, {}, false, manager, std::nullopt, invented);
    REQUIRE_FALSE(refund);
    refusedAsUnknown(refund.error());
    auto voided = RefundService(db).voidSale(sold.receiptNo, manager, std::nullopt, invented);
    REQUIRE_FALSE(voided);
    refusedAsUnknown(voided.error());

    REQUIRE(footprint(db) == before);
    // The registered one still works.
    REQUIRE(value(cards.lookup(code, u"front"_s)).balance == Money::fromCents(50'00));
}

TEST_CASE("a connection that found its register does not look it up again, one it did not find "
          "it looks up each time",
          "[trust][registers]") {
    // RegisterService::acting() is the first step of every sale, a round trip to a server: a
    // register is never removed, so the connection remembers one it found. One it did not find
    // may be added meanwhile, by a manager at another register.
    TempDb tmp(true);
    Database &db = tmp.db();
    addRegisters(db, {u"front"_s});
    RegisterService registers(db);
    REQUIRE(value(registers.acting(u"front"_s)) == u"front"_s);
    auto notYet = registers.acting(u"later"_s);
    REQUIRE_FALSE(notYet);
    CHECK(notYet.error().code == ErrorCode::Refused);
    {
        auto other = value(Database::open(tmp.path(), tmp.options()));
        addRegisters(*other, {u"later"_s});
    }
    REQUIRE(value(registers.acting(u"later"_s)) == u"later"_s);
    // With the table out of reach (renamed by another connection), the two found are known
    // without a lookup; a third is looked up, and so is every register on a new connection.
    rawSql(tmp.path(), u"ALTER TABLE registers RENAME TO registers_away"_s);
    CHECK(value(registers.acting(u"front"_s)) == u"front"_s);
    CHECK(value(registers.acting(u"later"_s)) == u"later"_s);
    auto third = registers.acting(u"third"_s);
    REQUIRE_FALSE(third);
    CHECK(third.error().code != ErrorCode::Refused);
    auto fresh = value(Database::open(tmp.path(), tmp.options()));
    CHECK_FALSE(RegisterService(*fresh).acting(u"front"_s));
    rawSql(tmp.path(), u"ALTER TABLE registers_away RENAME TO registers"_s);
    CHECK(value(RegisterService(*fresh).acting(u"front"_s)) == u"front"_s);
}

TEST_CASE("oasisctl: an invented OASIS_REGISTER cannot sell or look a card up, init registers "
          "the computer that created the store",
          "[trust][registers][cli]") {
    Shop shop;
    const Run init = shop.run(u"front"_s, {u"--json"_s, u"init"_s, u"--demo"_s});
    REQUIRE(init.exitCode == 0);
    CHECK(init.json().value(u"register"_s).toString() == u"front"_s);
    const Run card = shop.run(u"front"_s,
                              {u"--json"_s, u"--user"_s, u"frontdesk"_s, u"sale"_s,
                               u"giftcard:40"_s, u"--pay"_s, u"cash:40"_s},
                              kDesk);
    REQUIRE(card.exitCode == 0);
    const QString code =
        card.json().value(u"giftcards"_s).toArray().at(0).toObject().value(u"code"_s).toString();
    REQUIRE(code.startsWith(u"GC1-"_s));

    std::vector<qint64> before;
    {
        auto db = shop.open();
        before = footprint(*db);
    }
    const QString expected = u"oasisctl: This computer's register 'anything' is not registered "
                             "in this store: a manager adds it with: oasisctl register add "
                             "anything\n"_s;
    const Run sale = shop.run(
        u"anything"_s,
        {u"--user"_s, u"frontdesk"_s, u"sale"_s, u"OIL-LAV-120"_s, u"--pay"_s, u"cash:50"_s},
        kDesk);
    CHECK(sale.exitCode == 2);
    CHECK(sale.oneErrorLine());
    CHECK(QString::fromUtf8(sale.err) == expected);
    // Lookups from an invented register, good code or typo, many times: refused, none counted,
    // and they unlock nothing.
    for (int i = 0; i < 3; ++i) {
        for (const QString &c : {code, typo(code)}) {
            const Run lookup = shop.run(u"anything-%1"_s.arg(i), {u"giftcard"_s, u"balance"_s, c});
            CHECK(lookup.exitCode == 2);
            CHECK(lookup.oneErrorLine());
            CHECK(lookup.err.contains("is not registered in this store"));
        }
    }
    const Run shiftOpen = shop.run(
        u"anything"_s, {u"--user"_s, u"frontdesk"_s, u"shift"_s, u"open"_s, u"100"_s}, kDesk);
    CHECK(shiftOpen.exitCode == 2);
    CHECK(shiftOpen.oneErrorLine());
    {
        auto db = shop.open();
        REQUIRE(footprint(*db) == before);
    }
    // Reading needs no register.
    CHECK(shop.run(u"anything"_s, {u"--json"_s, u"catalog"_s, u"list"_s}).exitCode == 0);
    CHECK(shop.run(u"anything"_s, {u"journal"_s, u"verify"_s}).exitCode == 0);
    // The register that created the store sells.
    CHECK(shop.run(u"front"_s,
                   {u"--user"_s, u"frontdesk"_s, u"sale"_s, u"OIL-LAV-120"_s, u"--pay"_s,
                    u"cash:50"_s},
                   kDesk)
              .exitCode == 0);
}

TEST_CASE("oasisctl register add and list: a manager registers a register, anyone logged in lists "
          "them",
          "[trust][registers][cli]") {
    Shop shop;
    REQUIRE(shop.run(u"front"_s, {u"init"_s, u"--demo"_s}).exitCode == 0);

    // Front desk may not; a bad name is refused with one line; nothing is added.
    const Run desk = shop.run(
        u"front"_s, {u"--user"_s, u"frontdesk"_s, u"register"_s, u"add"_s, u"back"_s}, kDesk);
    CHECK(desk.exitCode == 2);
    CHECK(desk.oneErrorLine());
    for (const QString &bad :
         {u"tab\there"_s, QString(RegisterService::kMaxNameLength + 1, u'r'), u" back"_s}) {
        const Run r = shop.run(u"front"_s,
                               {u"--user"_s, u"manager"_s, u"register"_s, u"add"_s, bad}, kManager);
        CHECK(r.exitCode == 1);
        CHECK(r.oneErrorLine());
    }
    const Run before = shop.run(
        u"front"_s, {u"--json"_s, u"--user"_s, u"frontdesk"_s, u"register"_s, u"list"_s}, kDesk);
    REQUIRE(before.exitCode == 0);
    REQUIRE(before.json().value(u"registers"_s).toArray().size() == 1);
    CHECK(before.json()
              .value(u"registers"_s)
              .toArray()
              .at(0)
              .toObject()
              .value(u"name"_s)
              .toString() == u"front"_s);

    // The back room's register: refused until a manager adds it.
    const QStringList sale{u"--user"_s,      u"frontdesk"_s, u"sale"_s,
                           u"OIL-LAV-120"_s, u"--pay"_s,     u"cash:50"_s};
    CHECK(shop.run(u"back"_s, sale, kDesk).exitCode == 2);
    const Run added = shop.run(
        u"front"_s, {u"--json"_s, u"--user"_s, u"manager"_s, u"register"_s, u"add"_s, u"back"_s},
        kManager);
    REQUIRE(added.exitCode == 0);
    CHECK(added.json().value(u"name"_s).toString() == u"back"_s);
    CHECK(added.json().value(u"created_by"_s).toString() == u"manager"_s);
    const Run again = shop.run(
        u"front"_s, {u"--user"_s, u"manager"_s, u"register"_s, u"add"_s, u"back"_s}, kManager);
    CHECK(again.exitCode == 2);
    CHECK(again.oneErrorLine());

    REQUIRE(
        shop.run(u"back"_s, {u"--user"_s, u"frontdesk"_s, u"shift"_s, u"open"_s, u"100"_s}, kDesk)
            .exitCode == 0);
    CHECK(shop.run(u"back"_s, sale, kDesk).exitCode == 0);
    // The back room numbers its receipts in a series of its own (A; the first register keeps R),
    // and any register finds them by code.
    CHECK(added.json().value(u"series"_s).toString() == u"A"_s);
    const Run sold = shop.run(u"back"_s, QStringList{u"--json"_s} + sale, kDesk);
    REQUIRE(sold.exitCode == 0);
    CHECK(sold.json().value(u"receipt_code"_s).toString() == u"A-000002"_s);
    CHECK(sold.json().value(u"receipt"_s).toInteger() == 1'000'000'002);
    for (const QString &form : {u"a-2"_s, u"#1000000002"_s})
        CHECK(shop.run(u"front"_s, {u"--user"_s, u"frontdesk"_s, u"receipt"_s, u"show"_s, form},
                       kDesk)
                  .out.contains("A-000002"));
    const Run moved = shop.run(
        u"front"_s,
        {u"--json"_s, u"--user"_s, u"manager"_s, u"register"_s, u"series"_s, u"back"_s, u"C"_s},
        kManager);
    REQUIRE(moved.exitCode == 0);
    CHECK(moved.json().value(u"series"_s).toString() == u"C"_s);
    const Run clash = shop.run(
        u"front"_s,
        {u"--user"_s, u"manager"_s, u"register"_s, u"add"_s, u"side"_s, u"--series"_s, u"c"_s},
        kManager);
    CHECK(clash.exitCode == 2);
    CHECK(clash.oneErrorLine());
    const Run shared = shop.run(
        u"front"_s,
        {u"--user"_s, u"manager"_s, u"register"_s, u"add"_s, u"side"_s, u"--series"_s, u"R"_s},
        kManager);
    CHECK(shared.exitCode == 1);
    CHECK(shared.oneErrorLine());
    const Run third = shop.run(u"back"_s, QStringList{u"--json"_s} + sale, kDesk);
    REQUIRE(third.exitCode == 0);
    CHECK(third.json().value(u"receipt_code"_s).toString() == u"C-000001"_s);
    const Run after = shop.run(
        u"back"_s, {u"--json"_s, u"--user"_s, u"frontdesk"_s, u"register"_s, u"list"_s}, kDesk);
    REQUIRE(after.exitCode == 0);
    const QJsonArray registers = after.json().value(u"registers"_s).toArray();
    REQUIRE(registers.size() == 2);
    std::map<QString, QJsonObject> byName;
    for (const QJsonValue &r : registers)
        byName[r.toObject().value(u"name"_s).toString()] = r.toObject();
    CHECK(byName.at(u"back"_s).value(u"open_shift"_s).toBool());
    CHECK(byName.at(u"back"_s).value(u"this_computer"_s).toBool());
    CHECK_FALSE(byName.at(u"front"_s).value(u"open_shift"_s).toBool());

    // Journaled, and the journal still verifies.
    auto db = shop.open();
    CHECK(value(db->scalar(u"SELECT COUNT(*) FROM journal WHERE kind = 'register_added'"_s))
              .toInt() == 1);
    CHECK(value(Journal::verify(*db)).ok);
}

TEST_CASE("a store from before registers keeps the registers it has already sold or counted on",
          "[trust][registers][migration]") {
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(u"old.db"_s);
    Database::Options o;
    o.mode = Database::Mode::CreateIfMissing;
    o.onCreated = &Store::prepareNew;
    o.keyDirectory = QDir(dir.path()).filePath(u"keys"_s);
    o.migrateTo = 9;
    {
        auto db = value(Database::open(path, o));
        REQUIRE(db->schemaVersion() == 9);
        ok(installDemoData(*db));
        const qint64 desk = staffNamed(*db, u"frontdesk"_s).id;
        value(db->write(u"INSERT INTO sales(receipt_no, kind, created_at, business_date, "
                        "register_id, staff_id, subtotal_cents, discount_cents, tax_cents, "
                        "tip_cents, total_cents) VALUES (1, 'sale', '2026-01-05T18:00:00.000Z', "
                        "'2026-01-05', 'old-front', ?, 0, 0, 0, 0, 0)"_s,
                        {desk}));
        value(db->write(u"INSERT INTO shifts(register_id, opened_at, opened_by, float_cents) "
                        "VALUES ('old-back', '2026-01-06T18:00:00.000Z', ?, 10000)"_s,
                        {desk}));
    }
    o.mode = Database::Mode::OpenExisting;
    o.migrateTo = -1;
    auto db = value(Database::open(path, o));
    REQUIRE(db->schemaVersion() >= 10);
    auto all = value(RegisterService(*db).list());
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == u"old-back"_s);
    CHECK(all[0].openShift > 0);
    CHECK(all[1].name == u"old-front"_s);
    CHECK(all[1].createdAt == QDateTime(QDate(2026, 1, 5), QTime(18, 0), QTimeZone::utc()));
    // They work; a register never seen does not.
    const StaffMember desk = staffNamed(*db, u"frontdesk"_s);
    Ticket oil;
    oil.addItem(*value(CatalogService(*db).findByCode(u"OIL-LAV-120"_s)));
    value(
        SaleService(*db).complete(oil, {tender(u"cash:50"_s)}, desk, std::nullopt, u"old-front"_s));
    CHECK_FALSE(
        SaleService(*db).complete(oil, {tender(u"cash:50"_s)}, desk, std::nullopt, u"new"_s));
}

TEST_CASE("failed gift-card lookups are limited per store: two registers share one lock",
          "[trust][registers][giftcard]") {
    TempDb tmp(true);
    Database &db = tmp.db();
    addRegisters(db, {u"A"_s, u"B"_s, u"C"_s});
    TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    const StaffMember desk = staffNamed(db, u"frontdesk"_s);
    Ticket t;
    t.addGiftCard(Money::fromCents(30'00));
    const QString code =
        value(SaleService(db).complete(t, {tender(u"card:30"_s)}, desk, std::nullopt, u"A"_s))
            .giftCards.at(0)
            .code;
    GiftCardService cards(db);
    // Under each register's own limit (5), but 8 within a minute in the store.
    static_assert(GiftCardService::kStoreMaxFailures <= 2 * (GiftCardService::kMaxFailures - 1));
    for (int i = 0; i < GiftCardService::kStoreMaxFailures; ++i) {
        REQUIRE_FALSE(cards.lookup(typo(code), i % 2 == 0 ? u"A"_s : u"B"_s));
        TestClock::advance(2);
    }
    for (const QString &reg : {u"A"_s, u"B"_s, u"C"_s}) {
        auto locked = cards.lookup(code, reg);
        REQUIRE_FALSE(locked);
        CHECK(locked.error().code == ErrorCode::Locked);
        CHECK(locked.error().message.contains(u"every register of this store"_s));
    }
    // A refused lookup records nothing more, and the store opens again a minute after the last
    // failure.
    CHECK(count(db, u"giftcard_lookup_failures"_s) == GiftCardService::kStoreMaxFailures);
    TestClock::advance(GiftCardService::kLockSeconds);
    CHECK(value(cards.lookup(code, u"B"_s)).balance == Money::fromCents(30'00));
    TestClock::set(QDateTime());
}

TEST_CASE("a refund that pays cash back needs an open shift on its register, as a sale does",
          "[trust][registers][shift][refund]") {
    TempDb tmp(true);
    Database &db = tmp.db();
    addRegisters(db, {u"R1"_s});
    const StaffMember desk = staffNamed(db, u"frontdesk"_s);
    const StaffMember manager = staffNamed(db, u"manager"_s);
    ShiftService shifts(db);
    value(shifts.open(Money::fromCents(100'00), desk, u"R1"_s));
    Ticket oil;
    oil.addItem(*value(CatalogService(db).findByCode(u"OIL-LAV-120"_s)));
    const CompletedSale cash =
        value(SaleService(db).complete(oil, {tender(u"cash:50"_s)}, desk, std::nullopt, u"R1"_s));
    const CompletedSale card = value(SaleService(db).complete(
        oil, {tender(u"card:"_s + cash.totals.total.toString())}, desk, std::nullopt, u"R1"_s));
    value(shifts.close(value(shifts.summary(u"R1"_s)).expected, desk, std::nullopt, u"R1"_s));

    // The shift is closed: a sale is refused, and so is a refund that pays cash back.
    CHECK_FALSE(SaleService(db).complete(oil, {tender(u"cash:50"_s)}, desk, std::nullopt, u"R1"_s));
    const auto before = footprint(db);
    auto refused =
        RefundService(db).refund(cash.receiptNo, {}, false, manager, std::nullopt, u"R1"_s);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Refused);
    CHECK(refused.error().message.contains(u"no shift is open on register R1"_s));
    REQUIRE(footprint(db) == before);
    // Money back to the card needs no drawer.
    const CompletedSale toCard =
        value(RefundService(db).refund(card.receiptNo, {}, false, manager, std::nullopt, u"R1"_s));
    CHECK(toCard.totals.total == -card.totals.total);

    // With a shift open the cash refund goes through, counted in that drawer.
    const Shift opened = value(shifts.open(Money::fromCents(100'00), desk, u"R1"_s));
    const CompletedSale back =
        value(RefundService(db).refund(cash.receiptNo, {}, false, manager, std::nullopt, u"R1"_s));
    CHECK(back.totals.total == -cash.totals.total);
    const DrawerSummary drawer = value(shifts.summaryOf(opened.id));
    CHECK(drawer.cashRefunds == cash.totals.total);
    CHECK(drawer.expected == Money::fromCents(100'00) - cash.totals.total);
}

TEST_CASE("each register numbers its receipts in a gap-free series of its own, and every form "
          "of a receipt's number is still found",
          "[trust][registers][series]") {
    TempDb tmp(true);
    Database &db = tmp.db();
    addRegisters(db, {u"front"_s}); // the store's first register: series R, as always
    const StaffMember desk = staffNamed(db, u"frontdesk"_s);
    const StaffMember manager = staffNamed(db, u"manager"_s);
    RegisterService registers(db);
    CHECK(value(registers.add(u"room-a"_s, manager)).series == u"A"_s);
    CHECK(value(registers.add(u"room-b"_s, manager)).series == u"B"_s);
    CHECK(value(registers.add(u"room-d"_s, manager, std::nullopt, u"d"_s)).series == u"D"_s);
    // The next free letter skips the ones taken, whichever way they were taken.
    CHECK(value(registers.add(u"room-c"_s, manager)).series == u"C"_s);

    // A series is one letter, not R (shared), not another register's; the front desk may not.
    const auto before = footprint(db);
    for (const QString &bad : {u"R"_s, u"AB"_s, u"1"_s, u"É"_s, u"-"_s}) {
        auto refused = registers.add(u"room-x"_s, manager, std::nullopt, bad);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::Invalid);
    }
    auto taken = registers.add(u"room-x"_s, manager, std::nullopt, u"B"_s);
    REQUIRE_FALSE(taken);
    CHECK(taken.error().code == ErrorCode::Conflict);
    CHECK(taken.error().message == u"Receipt series B is register 'room-b''s."_s);
    CHECK_FALSE(registers.add(u"room-x"_s, desk));
    CHECK_FALSE(registers.setSeries(u"room-a"_s, u"D"_s, manager));
    CHECK_FALSE(registers.setSeries(u"room-a"_s, u"R"_s, manager));
    CHECK_FALSE(registers.setSeries(u"room-a"_s, u"E"_s, desk));
    CHECK_FALSE(registers.setSeries(u"nowhere"_s, u"E"_s, manager));
    CHECK(footprint(db) == before);

    Ticket oil;
    oil.addItem(*value(CatalogService(db).findByCode(u"OIL-LAV-120"_s)));
    const Tender cash = tender(u"cash:50"_s);
    auto sell = [&](const QString &reg) {
        return receiptCode(
            value(SaleService(db).complete(oil, {cash}, desk, std::nullopt, reg)).receiptNo);
    };
    CHECK(sell(u"front"_s) == u"R-000001"_s);
    CHECK(sell(u"room-a"_s) == u"A-000001"_s);
    CHECK(sell(u"room-b"_s) == u"B-000001"_s);
    CHECK(sell(u"room-a"_s) == u"A-000002"_s);
    CHECK(sell(u"front"_s) == u"R-000002"_s);

    // A refund takes its number from the register that gives the money back.
    const std::optional<qint64> a1 = parseReceiptCode(u"A-000001"_s);
    REQUIRE(a1 == 1'000'000'001);
    const CompletedSale back =
        value(RefundService(db).refund(*a1, {}, false, manager, std::nullopt, u"room-b"_s));
    CHECK(receiptCode(back.receiptNo) == u"B-000002"_s);

    // Every form finds its receipt: the code, lower case, without zeros, and the number in the
    // books (the JSON field `receipt`) after '#'.
    for (const QString &form : {u"A-000002"_s, u"a-2"_s, u" A-2 "_s, u"#1000000002"_s}) {
        INFO(form.toStdString());
        const auto n = parseReceiptCode(form);
        REQUIRE(n);
        CHECK(value(SaleService(db).load(*n)).receiptNo == 1'000'000'002);
        const ScanResult scanned = value(ScanResolver(db).resolve(form, 5));
        CHECK(scanned.kind == ScanResult::Kind::Receipt);
        CHECK(scanned.receiptNo == 1'000'000'002);
    }
    const std::optional<qint64> c1 = parseReceiptCode(u"C-1"_s);
    REQUIRE(c1 == 3'000'000'001);
    CHECK_FALSE(SaleService(db).load(*c1)); // room-c has sold nothing yet

    // A register moved to a series of its own goes on from that series' last number; the one it
    // left stays as it was.
    CHECK(value(registers.setSeries(u"front"_s, u"E"_s, manager)).series == u"E"_s);
    CHECK(sell(u"front"_s) == u"E-000001"_s);
    CHECK(sell(u"room-a"_s) == u"A-000003"_s);
    CHECK(value(db.scalar(u"SELECT COUNT(*) FROM journal WHERE kind = 'register_series_set'"_s))
              .toInt() == 1);

    // The X report names each series' first and last receipt.
    const PeriodReport x = value(ReportService(db).x());
    CHECK(x.receiptRanges == QStringList{u"R-000001 - R-000002"_s, u"A-000001 - A-000003"_s,
                                         u"B-000001 - B-000002"_s, u"E-000001 - E-000001"_s});
    CHECK(value(Journal::verify(db)).ok);
}
