// SPDX-License-Identifier: GPL-3.0-or-later
// A retry never charges twice (DESIGN §14): a sale carries the register's request id, and the
// same id again returns the first sale, through the service, through oasisctl, and when two
// programs race with it. The same id with another ticket is refused and writes nothing.
#include "tests/support/testsupport.h"

#include "core/services/catalog.h"
#include "core/services/giftcard.h"
#include "core/services/sale.h"
#include "core/services/staff.h"
#include "core/storage/journal.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

// --- through the service ---------------------------------------------------------------------

struct TestStore {
    TempDb tmp{true};
    StaffMember frontdesk;

    TestStore() {
        TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(23, 0), QTimeZone::utc()));
        frontdesk = value(StaffService(tmp.db()).find(u"frontdesk"_s));
    }
    ~TestStore() { TestClock::set(QDateTime()); }

    CatalogItem item(const QString &code) {
        auto found = value(CatalogService(tmp.db()).findByCode(code));
        REQUIRE(found.has_value());
        return *found;
    }
    qint64 count(const QString &sql) { return value(tmp->scalar(sql)).toLongLong(); }
    /// What a retry must not repeat: sales, journal entries, card activity, stock movements.
    std::vector<qint64> books() {
        return {count(u"SELECT COUNT(*) FROM sales"_s), count(u"SELECT COUNT(*) FROM journal"_s),
                count(u"SELECT COUNT(*) FROM giftcard_activity"_s),
                count(u"SELECT COUNT(*) FROM stock_movements"_s),
                count(u"SELECT COUNT(*) FROM sale_tenders"_s)};
    }
    /// A $50 card, sold for cash: its code.
    QString giftCard(Money amount = Money::fromCents(50'00)) {
        Ticket t;
        t.addGiftCard(amount);
        Tender cash;
        cash.type = TenderType::Cash;
        cash.amount = amount;
        const CompletedSale sold = value(SaleService(tmp.db()).complete(t, {cash}, frontdesk));
        return sold.giftCards.at(0).code;
    }
    Money balance(const QString &code) {
        return value(GiftCardService(tmp.db()).lookup(code, u"test-register"_s)).balance;
    }
};

Tender tender(const QString &text) {
    return value(Tender::parse(text));
}

/// Two oils and a $50 card: $48.00 + 10.55 % = $53.06 + $50.00 = $103.06.
Ticket oilsAndACard(TestStore &s, const QString &requestId) {
    Ticket t;
    t.addItem(s.item(u"OIL-LAV-120"_s), 2);
    t.addGiftCard(Money::fromCents(50'00));
    t.requestId = requestId;
    return t;
}

// --- through oasisctl, as separate processes --------------------------------------------------

using Run = test::CtlRun;

class Shop final {
public:
    Shop() {
        REQUIRE(m_dir.isValid());
        QDir().mkpath(m_dir.filePath(u"home"_s));
    }
    QString db() const { return m_dir.filePath(u"oasis.db"_s); }

    /// Starts oasisctl as the front desk; the caller waits.
    std::unique_ptr<QProcess> start(const QStringList &args) const {
        QProcessEnvironment e;
        e.insert(u"OASIS_KEY_DIR"_s, m_dir.filePath(u"keys"_s));
        e.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"home/data"_s));
        e.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/config"_s));
        e.insert(u"OASIS_REGISTER"_s, u"test-register"_s);
        e.insert(u"OASIS_PIN"_s, u"1111"_s);
        e.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(e);
        p->setStandardInputFile(QProcess::nullDevice());
        p->start(QStringLiteral(OASISCTL_PATH),
                 QStringList{u"--db"_s, db(), u"--user"_s, u"frontdesk"_s} + args);
        return p;
    }
    static Run finish(QProcess &p, const QStringList &args) {
        REQUIRE(p.waitForFinished(60'000));
        REQUIRE(p.exitStatus() == QProcess::NormalExit);
        Run r{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        UNSCOPED_INFO("oasisctl " << args.join(u' ').toStdString() << " → " << r.exitCode
                                  << "\nstdout: " << r.out.toStdString()
                                  << "\nstderr: " << r.err.toStdString());
        return r;
    }
    Run run(const QStringList &args) const {
        auto p = start(args);
        return finish(*p, args);
    }

    qint64 scalar(const QString &sql) const {
        const QString name = u"request-id-peek"_s;
        qint64 v = -1;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            c.setDatabaseName(db());
            c.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            REQUIRE(c.open());
            QSqlQuery q(c);
            REQUIRE(q.exec(sql));
            REQUIRE(q.next());
            v = q.value(0).toLongLong();
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(name);
        return v;
    }
    std::vector<qint64> books() const {
        return {scalar(u"SELECT COUNT(*) FROM sales"_s), scalar(u"SELECT COUNT(*) FROM journal"_s),
                scalar(u"SELECT COUNT(*) FROM giftcard_activity"_s),
                scalar(u"SELECT COUNT(*) FROM stock_movements"_s)};
    }
    qint64 balanceOf(const QString &code) const {
        const Run r = run({u"--json"_s, u"giftcard"_s, u"balance"_s, code});
        REQUIRE(r.exitCode == 0);
        return r.json()[u"balance_cents"_s].toInteger();
    }
    /// Inits the demo store and sells a card of `dollars` for cash: its code.
    QString initWithCard(const QString &dollars) const {
        REQUIRE(run({u"init"_s, u"--demo"_s}).exitCode == 0);
        const Run sold = run(
            {u"--json"_s, u"sale"_s, u"giftcard:"_s + dollars, u"--pay"_s, u"cash:"_s + dollars});
        REQUIRE(sold.exitCode == 0);
        const QString code =
            sold.json()[u"giftcards"_s].toArray().at(0).toObject()[u"code"_s].toString();
        REQUIRE_FALSE(code.isEmpty());
        return code;
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

TEST_CASE("the same request id twice through the service is one sale, charged once",
          "[trust][request-id]") {
    TestStore s;
    const QString code = s.giftCard(Money::fromCents(80'00));
    const Money before = s.balance(code);
    const std::vector<qint64> booksBefore = s.books();
    const Ticket ticket = oilsAndACard(s, u"reg1-ticket-0001"_s);
    // The card pays what it may (not the $50 card on the ticket): $53.06; cash the rest.
    const std::vector<Tender> tenders{tender(u"gift:"_s + code), tender(u"cash:60"_s)};

    const CompletedSale first =
        value(SaleService(s.tmp.db()).complete(ticket, tenders, s.frontdesk));
    REQUIRE_FALSE(first.repeated);
    REQUIRE(first.requestId == u"reg1-ticket-0001"_s);
    REQUIRE(first.giftCards.size() == 1);
    const std::vector<qint64> booksAfterFirst = s.books();
    REQUIRE(s.balance(code) == before - Money::fromCents(53'06));

    // The register lost the answer and sends the same ticket again.
    const CompletedSale again =
        value(SaleService(s.tmp.db()).complete(ticket, tenders, s.frontdesk));
    REQUIRE(again.repeated);
    REQUIRE(again.receiptNo == first.receiptNo);
    REQUIRE(again.saleId == first.saleId);
    REQUIRE(again.requestId == first.requestId);
    REQUIRE(again.totals.total == Money::fromCents(103'06));
    REQUIRE(again.totals.total == first.totals.total);
    REQUIRE(again.totals.tax == first.totals.tax);
    REQUIRE(again.totals.taxByClass == first.totals.taxByClass);
    REQUIRE(again.change == first.change);
    REQUIRE(again.tenders.size() == 2);
    REQUIRE(again.tenders[0].type == TenderType::Gift);
    REQUIRE(again.tenders[0].amount == first.tenders[0].amount);
    REQUIRE(again.tenders[0].giftCardBalance == first.tenders[0].giftCardBalance);
    REQUIRE(again.tenders[1].amount == first.tenders[1].amount);
    // The card sold: its last 4 only (the full code is not stored).
    REQUIRE(again.giftCards.empty());
    REQUIRE(again.soldCards.size() == 1);
    REQUIRE(again.soldCards[0].last4 == first.soldCards.at(0).last4);
    REQUIRE(again.soldCards[0].amount == Money::fromCents(50'00));

    // Nothing written the second time: no sale, journal entry, card debit or stock movement.
    REQUIRE(s.books() == booksAfterFirst);
    REQUIRE(booksAfterFirst[0] == booksBefore[0] + 1);
    REQUIRE(booksAfterFirst[1] == booksBefore[1] + 1);
    REQUIRE(s.balance(code) == before - Money::fromCents(53'06));
    REQUIRE(s.count(u"SELECT COUNT(*) FROM giftcard_activity WHERE kind = 'redeem'"_s) == 1);
    REQUIRE(value(Journal::verify(s.tmp.db())).ok);
}

TEST_CASE("the same request id with a different ticket is refused and writes nothing",
          "[trust][request-id]") {
    TestStore s;
    Ticket ticket;
    ticket.addItem(s.item(u"OIL-LAV-120"_s), 1);
    ticket.requestId = u"reg1-ticket-0002"_s;
    const CompletedSale first =
        value(SaleService(s.tmp.db()).complete(ticket, {tender(u"cash:30"_s)}, s.frontdesk));
    const std::vector<qint64> books = s.books();

    SECTION("another quantity") {
        ticket.lines[0].quantity = 2;
    }
    SECTION("another line") {
        ticket.addItem(s.item(u"OIL-ARN-120"_s), 1);
    }
    SECTION("a discount") {
        ticket.discount = value(Discount::parse(u"1.00"_s));
    }
    auto refused = SaleService(s.tmp.db()).complete(ticket, {tender(u"cash:80"_s)}, s.frontdesk);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Conflict);
    REQUIRE(refused.error().message ==
            u"Request id reg1-ticket-0002 was already used for receipt %1 with a different "
            "ticket."_s.arg(receiptCode(first.receiptNo)));
    REQUIRE(s.books() == books);
}

TEST_CASE("a request id is 1 to 100 printable ASCII characters", "[trust][request-id]") {
    TestStore s;
    Ticket ticket;
    ticket.addItem(s.item(u"OIL-LAV-120"_s), 1);
    for (const QString &bad :
         {u" lead"_s, u"trail "_s, u"tab\there"_s, u"caf\u00e9"_s, QString(101, u'x')}) {
        ticket.requestId = bad;
        auto r = SaleService(s.tmp.db()).complete(ticket, {tender(u"cash:30"_s)}, s.frontdesk);
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == ErrorCode::Invalid);
    }
    REQUIRE(s.count(u"SELECT COUNT(*) FROM sales"_s) == 0);
    ticket.requestId = QString(100, u'x');
    REQUIRE(SaleService(s.tmp.db()).complete(ticket, {tender(u"cash:30"_s)}, s.frontdesk));
}

TEST_CASE("a program that completes the ticket between the retry's look and its write wins once",
          "[trust][request-id]") {
    // Deterministic interleaving: the retry looks (no sale has the id yet), then another
    // program sells the same ticket to the end, then the retry goes on.
    TestStore s;
    const QString code = s.giftCard(Money::fromCents(53'06));
    Ticket ticket;
    ticket.addItem(s.item(u"OIL-LAV-120"_s), 2); // $53.06
    ticket.requestId = u"reg1-ticket-0003"_s;
    std::vector<Tender> tenders;
    SECTION("paid in cash: found inside the transaction") {
        tenders = {tender(u"cash:60"_s)};
    }
    SECTION("paid by the whole card: the card the other program emptied is that sale's doing") {
        tenders = {tender(u"gift:"_s + code)};
    }
    const std::vector<qint64> booksBefore = s.books();
    qint64 otherReceipt = 0;
    AtTestPoint between("sale.request_id.unseen", [&] {
        auto other = value(Database::open(s.tmp.path(), s.tmp.options()));
        const CompletedSale done =
            value(SaleService(*other).complete(ticket, tenders, s.frontdesk));
        REQUIRE_FALSE(done.repeated);
        otherReceipt = done.receiptNo;
    });
    const CompletedSale mine =
        value(SaleService(s.tmp.db()).complete(ticket, tenders, s.frontdesk));
    REQUIRE(between.reached());
    REQUIRE(mine.repeated);
    REQUIRE(mine.receiptNo == otherReceipt);
    const std::vector<qint64> books = s.books();
    REQUIRE(books[0] == booksBefore[0] + 1); // one sale
    REQUIRE(books[1] == booksBefore[1] + 1); // one journal entry
    REQUIRE(s.count(u"SELECT COUNT(*) FROM giftcard_activity WHERE kind = 'redeem'"_s) ==
            (tenders[0].type == TenderType::Gift ? 1 : 0));
    REQUIRE(s.count(u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'sale'"_s) == 1);
}

TEST_CASE("the store refuses a second sale row with the same request id", "[trust][request-id]") {
    // The backstop under the check: even a writer that skips the service cannot store it twice.
    TestStore s;
    Ticket ticket;
    ticket.addItem(s.item(u"OIL-LAV-120"_s), 1);
    ticket.requestId = u"reg1-ticket-0004"_s;
    value(SaleService(s.tmp.db()).complete(ticket, {tender(u"cash:30"_s)}, s.frontdesk));
    auto copy = s.tmp->exec(
        u"INSERT INTO sales(receipt_no, kind, created_at, business_date, register_id, staff_id, "
        "subtotal_cents, discount_cents, tax_cents, tip_cents, total_cents, change_cents, "
        "request_id) SELECT receipt_no + 1, kind, created_at, business_date, register_id, "
        "staff_id, subtotal_cents, discount_cents, tax_cents, tip_cents, total_cents, "
        "change_cents, request_id FROM sales"_s);
    REQUIRE_FALSE(copy);
    REQUIRE(copy.error().message.contains(u"UNIQUE"_s, Qt::CaseInsensitive));
    REQUIRE(s.count(u"SELECT COUNT(*) FROM sales"_s) == 1);
}

TEST_CASE("oasisctl sale --request-id twice: the second says so and shows the first receipt",
          "[trust][request-id][cli]") {
    Shop shop;
    const QString code = shop.initWithCard(u"80"_s);
    const qint64 balance = shop.balanceOf(code);
    const QStringList sale{u"sale"_s,  u"OIL-LAV-120x2"_s, u"--request-id"_s, u"web-42"_s,
                           u"--pay"_s, u"gift:"_s + code,  u"cash:60"_s};
    const std::vector<qint64> before = shop.books();

    const Run first = shop.run(QStringList{u"--json"_s} + sale);
    REQUIRE(first.exitCode == 0);
    const QJsonObject one = first.json();
    REQUIRE(one[u"request_id"_s].toString() == u"web-42"_s);
    REQUIRE_FALSE(one[u"repeated"_s].toBool(true));
    const std::vector<qint64> after = shop.books();
    REQUIRE(after[0] == before[0] + 1);
    REQUIRE(shop.balanceOf(code) == balance - 53'06);

    SECTION("as JSON") {
        const Run second = shop.run(QStringList{u"--json"_s} + sale);
        REQUIRE(second.exitCode == 0);
        const QJsonObject two = second.json();
        REQUIRE(two[u"repeated"_s].toBool());
        REQUIRE(two[u"request_id"_s].toString() == u"web-42"_s);
        REQUIRE(two[u"receipt"_s].toInteger() == one[u"receipt"_s].toInteger());
        REQUIRE(two[u"total_cents"_s].toInteger() == 53'06);
        REQUIRE(two[u"tax_by_class"_s] == one[u"tax_by_class"_s]);
        REQUIRE(two[u"tenders"_s] == one[u"tenders"_s]);
        REQUIRE(two[u"change_cents"_s] == one[u"change_cents"_s]);
    }
    SECTION("as text") {
        const Run second = shop.run(sale);
        REQUIRE(second.exitCode == 0);
        const QString out = QString::fromUtf8(second.out);
        const QString receipt = receiptCode(one[u"receipt"_s].toInteger());
        REQUIRE(out.contains(u"already recorded as receipt %1 (request id web-42): nothing "
                             "charged again"_s.arg(receipt)));
        REQUIRE(out.contains(receipt));
        REQUIRE(out.contains(u"53.06"_s));
    }
    REQUIRE(shop.books() == after);
    REQUIRE(shop.balanceOf(code) == balance - 53'06);
}

TEST_CASE("oasisctl sale without --request-id records none", "[trust][request-id][cli]") {
    Shop shop;
    shop.initWithCard(u"50"_s);
    const Run sale = shop.run({u"--json"_s, u"sale"_s, u"OIL-LAV-120"_s, u"--pay"_s, u"cash:30"_s});
    REQUIRE(sale.exitCode == 0);
    CHECK(sale.json()[u"request_id"_s].isNull());
    CHECK_FALSE(sale.json()[u"repeated"_s].toBool(true));
}

TEST_CASE("oasisctl: the same request id with another ticket exits 2 and writes nothing",
          "[trust][request-id][cli]") {
    Shop shop;
    shop.initWithCard(u"50"_s);
    REQUIRE(shop.run({u"sale"_s, u"OIL-LAV-120"_s, u"--request-id"_s, u"web-43"_s, u"--pay"_s,
                      u"cash:30"_s})
                .exitCode == 0);
    const std::vector<qint64> books = shop.books();
    const Run other = shop.run(
        {u"sale"_s, u"OIL-LAV-120x3"_s, u"--request-id"_s, u"web-43"_s, u"--pay"_s, u"cash:90"_s});
    REQUIRE(other.exitCode == 2);
    REQUIRE(other.oneErrorLine());
    REQUIRE(other.err.contains("web-43 was already used for receipt R-000002"));
    REQUIRE(shop.books() == books);

    const Run bad = shop.run({u"sale"_s, u"OIL-LAV-120"_s, u"--request-id"_s, QString(101, u'x'),
                              u"--pay"_s, u"cash:30"_s});
    REQUIRE(bad.exitCode == 1);
    REQUIRE(bad.oneErrorLine());
    REQUIRE(shop.books() == books);
}

TEST_CASE("oasisctl sales racing with one request id: exactly one sale, one card debit",
          "[trust][request-id][cli]") {
    Shop shop;
    const QString code = shop.initWithCard(u"53.06"_s);
    const std::vector<qint64> before = shop.books();
    const QStringList sale{u"--json"_s, u"sale"_s,  u"OIL-LAV-120x2"_s, u"--request-id"_s,
                           u"race-1"_s, u"--pay"_s, u"gift:"_s + code};
    constexpr int kRacers = 4;
    std::vector<std::unique_ptr<QProcess>> racers;
    for (int i = 0; i < kRacers; ++i)
        racers.push_back(shop.start(sale));
    int fresh = 0;
    int repeated = 0;
    QSet<qint64> receipts;
    for (auto &p : racers) {
        const Run r = Shop::finish(*p, sale);
        REQUIRE(r.exitCode == 0);
        const QJsonObject o = r.json();
        (o[u"repeated"_s].toBool() ? repeated : fresh) += 1;
        receipts.insert(o[u"receipt"_s].toInteger());
    }
    REQUIRE(fresh == 1);
    REQUIRE(repeated == kRacers - 1);
    REQUIRE(receipts.size() == 1);
    const std::vector<qint64> after = shop.books();
    REQUIRE(after[0] == before[0] + 1);
    REQUIRE(after[1] == before[1] + 1);
    REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM giftcard_activity WHERE kind = 'redeem'"_s) == 1);
    REQUIRE(shop.scalar(u"SELECT COUNT(*) FROM sales WHERE request_id = 'race-1'"_s) == 1);
    REQUIRE(shop.balanceOf(code) == 0);
}
