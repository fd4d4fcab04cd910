// SPDX-License-Identifier: GPL-3.0-or-later
// Gift cards: never lose or forge a dollar.
#include "tests/printing/printingfixtures.h"
#include "tests/support/testsupport.h"

#include "core/domain/clock.h"
#include "core/domain/giftcode.h"
#include "core/services/catalog.h"
#include "core/services/giftcard.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"
#include "core/storage/journal.h"
#include "printing/certificate.h"
#include "printing/painter.h"
#include "printing/salereceipt.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>

using namespace oasis;
using namespace oasis::test;

namespace {

Tender tender(const QString &text) {
    return value(Tender::parse(text));
}

struct Desk {
    TempDb tmp{true};
    StaffMember frontdesk;
    StaffMember manager;
    const QString reg = QStringLiteral("desk-1");

    Desk() {
        // desk-0 to desk-3 are the registers of the oasisctl processes below.
        addRegisters(tmp.db(), {QStringLiteral("desk-0"), QStringLiteral("desk-1"),
                                QStringLiteral("desk-2"), QStringLiteral("desk-3")});
        StaffService staff(tmp.db());
        frontdesk = value(staff.find(QStringLiteral("frontdesk")));
        manager = value(staff.find(QStringLiteral("manager")));
    }
    ~Desk() { test::TestClock::set(QDateTime()); }

    IssuedCard sellCard(Money amount) {
        Ticket t;
        t.addGiftCard(amount, QStringLiteral("Ana"), QStringLiteral("Ben"),
                      QStringLiteral("Relax"));
        auto done = value(SaleService(tmp.db()).complete(
            t, {tender((QStringLiteral("card:") + amount.toString()))}, frontdesk, std::nullopt,
            reg));
        REQUIRE(done.giftCards.size() == 1);
        return done.giftCards.front();
    }
    CatalogItem item(const QString &code) {
        return *value(CatalogService(tmp.db()).findByCode(code));
    }
};

QString compact(QString code) {
    return code.remove(u'-');
}

} // namespace

TEST_CASE("gift-card codes are random, prefixed, grouped and catch every single typo",
          "[giftcard][code]") {
    QSet<QString> seen;
    for (int i = 0; i < 2000; ++i) {
        const QString code = giftcode::generate();
        REQUIRE(code.startsWith(QStringLiteral("GC1-")));
        REQUIRE(code.size() == 28); // GC1 + five groups of four
        REQUIRE(giftcode::parse(code).status == giftcode::Parse::Ok);
        seen.insert(code);
    }
    REQUIRE(seen.size() == 2000);

    const QString code = giftcode::generate();
    // Typed by a person: lower case, spaces instead of dashes, I/L for 1 and O for 0 read fine.
    QString typed = code.toLower();
    typed.replace(u'-', u' ');
    REQUIRE(giftcode::parse(typed).canonical == code);
    QString body = code.mid(4); // after "GC1-"
    body.replace(u'1', u'I').replace(u'0', u'O');
    const QString lookalike = code.left(4) + body;
    REQUIRE(giftcode::parse(lookalike).canonical == code);

    // Every single wrong character in the body is caught by the check character.
    const QString digits = compact(code);
    for (qsizetype pos = 3; pos < digits.size(); ++pos) {
        for (const char c : QByteArray(giftcode::kAlphabet)) {
            if (QLatin1Char(c) == digits.at(pos))
                continue;
            QString wrong = digits;
            wrong[pos] = QLatin1Char(c);
            REQUIRE(giftcode::parse(wrong).status == giftcode::Parse::BadCheck);
        }
    }
    REQUIRE(giftcode::parse(digits.chopped(1)).status == giftcode::Parse::BadCheck);
    REQUIRE(giftcode::parse(QStringLiteral("0850071001020")).status ==
            giftcode::Parse::NotAGiftCard);
    REQUIRE(giftcode::parse(QStringLiteral("R-000042")).status == giftcode::Parse::NotAGiftCard);
}

TEST_CASE("a card sold on a ticket is activated with the sale and redeemed in part", "[giftcard]") {
    Desk d;
    const IssuedCard card = d.sellCard(Money::fromCents(100'00));
    GiftCardService cards(d.tmp.db());
    GiftCard found = value(cards.lookup(card.code, d.reg));
    REQUIRE(found.balance == Money::fromCents(100'00));
    REQUIRE(found.last4 == compact(card.code).right(4));
    REQUIRE(found.recipient == QStringLiteral("Ana"));

    // A 60-minute deep tissue ($135, untaxed) paid with the card and cash for the rest.
    Ticket t;
    const StaffMember lena = value(StaffService(d.tmp.db()).find(QStringLiteral("lena")));
    t.addItem(d.item(QStringLiteral("DT60")), 1, lena.id, lena.displayName);
    QString scanned = card.code.toLower(); // as a scanner in the wrong case mode sends it
    auto done = value(SaleService(d.tmp.db())
                          .complete(t,
                                    {tender((QStringLiteral("gift:") + scanned)),
                                     tender((QStringLiteral("cash:40")))},
                                    d.frontdesk, std::nullopt, d.reg));
    REQUIRE(done.tenders[0].amount == Money::fromCents(100'00));
    REQUIRE(done.tenders[0].giftCardBalance == Money());
    REQUIRE(done.change == Money::fromCents(5'00));

    // Partial: a second card pays $20 of an oil and keeps the rest; the receipt prints it.
    const IssuedCard second = d.sellCard(Money::fromCents(50'00));
    Ticket oil;
    oil.addItem(d.item(QStringLiteral("OIL-LAV-120")));
    auto paid = value(
        SaleService(d.tmp.db())
            .complete(oil,
                      {tender((QStringLiteral("gift:") + second.code + QStringLiteral(":20"))),
                       tender((QStringLiteral("cash:10")))},
                      d.frontdesk, std::nullopt, d.reg));
    REQUIRE(paid.tenders[0].giftCardBalance == Money::fromCents(30'00));
    SaleRecord rec = value(SaleService(d.tmp.db()).load(paid.receiptNo));
    REQUIRE(rec.tenders[0].giftCardBalance == Money::fromCents(30'00));
    const auto doc = printing::receiptFromSale(rec, StoreSettings(d.tmp.db()).storeInfo());
    REQUIRE(doc.tenders[0].remainingBalance == Money::fromCents(30'00));
    REQUIRE(doc.footerLines.contains(QStringLiteral("No expiration date. No fees.")));

    // The ledger: activate, redeem; balance is its sum.
    auto history = value(cards.history(found.id));
    REQUIRE(history.size() == 2);
    REQUIRE(history[0].kind == QStringLiteral("activate"));
    REQUIRE(history[1].kind == QStringLiteral("redeem"));
    // Who: the login name (what `giftcard history --json` gives), and the name the store shows.
    REQUIRE(history[1].staff == d.frontdesk.name);
    REQUIRE(history[1].staffShown == d.frontdesk.displayName);
    REQUIRE(history[1].staffShown != history[1].staff);
    REQUIRE(history[1].balanceAfter == Money());
}

TEST_CASE("the certificate and the sale receipt carry a QR that reads back to the exact code",
          "[giftcard][qr]") {
    Desk d;
    Ticket t;
    t.addGiftCard(Money::fromCents(150'00), QStringLiteral("Ana"), QStringLiteral("Ben"),
                  QStringLiteral("Happy birthday"));
    auto done = value(
        SaleService(d.tmp.db())
            .complete(t, {tender((QStringLiteral("cash:150")))}, d.frontdesk, std::nullopt, d.reg));
    const QString code = done.giftCards.front().code;
    const StoreInfo store = StoreSettings(d.tmp.db()).storeInfo();

    printing::GiftCertificate cert;
    cert.store = {store.name, store.addressLines, store.phone};
    cert.code = code;
    cert.amount = Money::fromCents(150'00);
    cert.to = QStringLiteral("Ana");
    cert.from = QStringLiteral("Ben");
    const QImage page = printing::renderCertificateImage(cert, 150);
    REQUIRE_FALSE(page.isNull());
    REQUIRE(printing::test::decodeQrCodes(page).contains(code));

    const auto doc = printing::receiptFromSale(value(SaleService(d.tmp.db()).load(done.receiptNo)),
                                               store, done.giftCards);
    const QStringList onReceipt =
        printing::test::decodeQrCodes(printing::renderReceiptImage(doc, 203));
    REQUIRE(onReceipt.contains(code));
    REQUIRE(onReceipt.contains(receiptCode(done.receiptNo)));
}

TEST_CASE("a typo, an unknown card and a voided card get different clear messages",
          "[giftcard][lookup]") {
    Desk d;
    GiftCardService cards(d.tmp.db());
    const IssuedCard card = d.sellCard(Money::fromCents(40'00));

    QString typo = compact(card.code);
    typo[5] = typo[5] == u'A' ? u'B' : u'A';
    auto bad = cards.lookup(typo, d.reg);
    REQUIRE(bad.error().code == ErrorCode::Refused);
    REQUIRE(bad.error().message.contains(QStringLiteral("typo")));

    auto unknown = cards.lookup(giftcode::generate(), d.reg);
    REQUIRE(unknown.error().code == ErrorCode::NotFound);
    REQUIRE(unknown.error().message.contains(QStringLiteral("not known")));

    auto replacement = value(cards.replace(card.code, d.manager, std::nullopt, d.reg));
    REQUIRE(replacement.amount == Money::fromCents(40'00));
    auto voided = cards.lookup(card.code, d.reg);
    REQUIRE(voided.error().code == ErrorCode::Refused);
    REQUIRE(voided.error().message.contains(QStringLiteral("void")));
    REQUIRE(value(cards.lookup(replacement.code, QStringLiteral("desk-2"))).balance ==
            Money::fromCents(40'00));
    // The old card can never be spent again, whatever is tried.
    const GiftCard old = value(cards.byId(
        value(d.tmp->scalar(QStringLiteral("SELECT MIN(id) FROM giftcards"))).toLongLong()));
    REQUIRE(old.status == GiftCardStatus::Void);
    REQUIRE(old.balance == Money());
}

TEST_CASE("five failed lookups in a minute lock gift-card lookups on that register for a minute",
          "[giftcard][lockout]") {
    Desk d;
    test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
    GiftCardService cards(d.tmp.db());
    const IssuedCard card = d.sellCard(Money::fromCents(25'00));
    for (int i = 0; i < 5; ++i) {
        REQUIRE_FALSE(cards.lookup(giftcode::generate(), d.reg));
        test::TestClock::advance(5);
    }
    auto locked = cards.lookup(card.code, d.reg);
    REQUIRE_FALSE(locked);
    REQUIRE(locked.error().code == ErrorCode::Locked);
    // A mistyped code on the locked register is refused by the lock as well, and not counted.
    QString typo = card.code;
    typo.back() = typo.back() == u'A' ? u'B' : u'A';
    auto lockedTypo = cards.lookup(typo, d.reg);
    REQUIRE_FALSE(lockedTypo);
    CHECK(lockedTypo.error().code == ErrorCode::Locked);
    // Another register is not locked.
    REQUIRE(cards.lookup(card.code, QStringLiteral("desk-2")));
    // Each failure was recorded.
    REQUIRE(
        value(d.tmp->scalar(QStringLiteral(
                  "SELECT COUNT(*) FROM giftcard_lookup_failures WHERE register_id = 'desk-1'")))
            .toInt() == 5);
    test::TestClock::advance(61);
    REQUIRE(value(cards.lookup(card.code, d.reg)).balance == Money::fromCents(25'00));
}

TEST_CASE("Washington rules: cash-out only under $5.00, from the drawer", "[giftcard][wa]") {
    Desk d;
    GiftCardService cards(d.tmp.db());
    const IssuedCard card = d.sellCard(Money::fromCents(20'00));
    auto tooMuch = cards.cashOut(card.code, d.manager, std::nullopt, d.reg);
    REQUIRE_FALSE(tooMuch);
    REQUIRE(tooMuch.error().code == ErrorCode::Refused);

    // Spend all but $4.50, then cash out the rest.
    Ticket t;
    t.addItem(d.item(QStringLiteral("BLM-MUS-060"))); // $19.00 balm, $2.00 tax at 10.55 % = 2.0045
    auto spent =
        SaleService(d.tmp.db())
            .complete(t,
                      {tender((QStringLiteral("gift:") + card.code + QStringLiteral(":15.50"))),
                       tender((QStringLiteral("cash:10")))},
                      d.frontdesk, std::nullopt, d.reg);
    REQUIRE(spent);
    REQUIRE(value(cards.lookup(card.code, d.reg)).balance == Money::fromCents(4'50));
    auto noShift = cards.cashOut(card.code, d.manager, std::nullopt, d.reg);
    REQUIRE_FALSE(noShift);
    REQUIRE(noShift.error().message.contains(QStringLiteral("shift")));

    REQUIRE(ShiftService(d.tmp.db()).open(Money::fromCents(200'00), d.manager, d.reg));
    REQUIRE(value(cards.cashOut(card.code, d.manager, std::nullopt, d.reg)) ==
            Money::fromCents(4'50));
    REQUIRE(value(cards.lookup(card.code, d.reg)).balance == Money());
    REQUIRE(value(d.tmp->scalar(QStringLiteral(
                      "SELECT amount_cents FROM cash_movements WHERE kind = 'payout'")))
                .toLongLong() == 4'50);
}

TEST_CASE("a gift card cannot pay for a gift card", "[giftcard]") {
    Desk d;
    const IssuedCard card = d.sellCard(Money::fromCents(100'00));
    Ticket t;
    t.addGiftCard(Money::fromCents(50'00));
    auto refused = SaleService(d.tmp.db())
                       .complete(t, {tender((QStringLiteral("gift:") + card.code))}, d.frontdesk,
                                 std::nullopt, d.reg);
    REQUIRE_FALSE(refused);
    REQUIRE(value(GiftCardService(d.tmp.db()).lookup(card.code, d.reg)).balance ==
            Money::fromCents(100'00));
}

TEST_CASE("no gift-card code is ever written in plain text", "[sqlite][giftcard][secrets]") {
    Desk d;
    QStringList codes;
    for (int i = 0; i < 3; ++i)
        codes << d.sellCard(Money::fromCents((i + 1) * 25'00)).code;
    GiftCardService cards(d.tmp.db());
    REQUIRE(cards.replace(codes[0], d.manager, std::nullopt, d.reg));
    REQUIRE_FALSE(cards.lookup(codes[0] + QStringLiteral("X"), d.reg)); // a failure gets logged
    QByteArray everything;
    QDirIterator it(d.tmp.dir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        REQUIRE(f.open(QIODevice::ReadOnly));
        everything += f.readAll();
    }
    REQUIRE(everything.size() > 10'000);
    for (const QString &code : codes) {
        REQUIRE_FALSE(everything.contains(code.toLatin1()));
        REQUIRE_FALSE(everything.contains(compact(code).toLatin1()));
        REQUIRE_FALSE(everything.contains(compact(code).mid(3).toLatin1()));
    }
    // A manager can still reprint: the sealed copy opens with the key file.
    REQUIRE(value(cards.certificateCode(2, d.manager, std::nullopt, d.reg)) == codes[1]);
}

TEST_CASE("the seller prints the certificate of a card just sold, a reprint needs a manager",
          "[sqlite][giftcard][certificate]") {
    Desk d;
    GiftCardService cards(d.tmp.db());
    auto journalKinds = [&] {
        QList<bool> reprints;
        auto rows = value(d.tmp.db().rows(QStringLiteral(
            "SELECT payload FROM journal WHERE kind = 'giftcard_certificate' ORDER BY seq")));
        for (const QVariantList &r : rows)
            reprints << QJsonDocument::fromJson(r.value(0).toString().toUtf8())
                            .object()
                            .value(u"reprint")
                            .toBool();
        return reprints;
    };
    auto needsReprintApproval = [](const Result<QString> &r) {
        return !r && r.error().code == ErrorCode::Permission &&
               r.error().needsApproval == Action::GiftCardReprint;
    };

    SECTION("before the register's first shift: the ticket just completed") {
        const IssuedCard first = d.sellCard(Money::fromCents(50'00));
        REQUIRE(value(cards.certificateCode(first.id, d.frontdesk, std::nullopt, d.reg)) ==
                first.code);
        // Another sale since: the first card's certificate is now a reprint.
        const IssuedCard second = d.sellCard(Money::fromCents(75'00));
        REQUIRE(needsReprintApproval(
            cards.certificateCode(first.id, d.frontdesk, std::nullopt, d.reg)));
        REQUIRE(value(cards.certificateCode(first.id, d.frontdesk, d.manager, d.reg)) ==
                first.code);
        REQUIRE(value(cards.certificateCode(second.id, d.frontdesk, std::nullopt, d.reg)) ==
                second.code);
        // Printed at another register, it is a reprint there.
        REQUIRE(needsReprintApproval(
            cards.certificateCode(second.id, d.frontdesk, std::nullopt, QStringLiteral("desk-2"))));
        // Each certificate is journaled, saying whether it was a reprint.
        REQUIRE(journalKinds() == QList<bool>{false, true, false});
        REQUIRE(value(Journal::verify(d.tmp.db())).ok);
    }
    SECTION("in the seller's open shift, and not after it closed") {
        ShiftService shifts(d.tmp.db());
        REQUIRE(shifts.open(Money::fromCents(100'00), d.frontdesk, d.reg));
        const IssuedCard first = d.sellCard(Money::fromCents(50'00));
        const IssuedCard second = d.sellCard(Money::fromCents(60'00));
        REQUIRE(value(cards.certificateCode(first.id, d.frontdesk, std::nullopt, d.reg)) ==
                first.code);
        REQUIRE(value(cards.isReprint(second.id, d.frontdesk, d.reg)) == false);
        // Someone else's sale is theirs to print: for anyone else it is a reprint.
        REQUIRE(value(cards.isReprint(first.id, d.manager, d.reg)) == true);
        auto counted = value(shifts.summary(d.reg)).expected;
        REQUIRE(shifts.close(counted, d.frontdesk, std::nullopt, d.reg));
        REQUIRE(needsReprintApproval(
            cards.certificateCode(first.id, d.frontdesk, std::nullopt, d.reg)));
    }
    SECTION("a void card has no certificate, whoever asks") {
        const IssuedCard card = d.sellCard(Money::fromCents(50'00));
        REQUIRE(cards.replace(card.code, d.manager, std::nullopt, d.reg));
        const auto refused = cards.certificateCode(card.id, d.manager, std::nullopt, d.reg);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().code == ErrorCode::Refused);
        REQUIRE(journalKinds().isEmpty());
    }
}

TEST_CASE("four registers redeeming the same cards at once never overdraw them",
          "[giftcard][concurrency]") {
    Desk d;
    // Four $100 cards; each redemption is a $19.90 sweet almond oil ($18 + $1.90 tax).
    QStringList codes;
    for (int i = 0; i < 4; ++i)
        codes << d.sellCard(Money::fromCents(100'00)).code;
    d.tmp.close();

    QList<QProcess *> running;
    int succeeded = 0;
    int refused = 0;
    for (int round = 0; round < 6; ++round) {
        for (int p = 0; p < 4; ++p) {
            auto *proc = new QProcess;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("OASIS_KEY_DIR"), d.tmp.keyDir());
            env.insert(QStringLiteral("OASIS_PIN"), QStringLiteral("1111"));
            env.insert(QStringLiteral("OASIS_REGISTER"), QStringLiteral("desk-%1").arg(p));
            proc->setProcessEnvironment(env);
            proc->start(
                QStringLiteral(OASISCTL_PATH),
                {QStringLiteral("--db"), d.tmp.path(), QStringLiteral("--user"),
                 QStringLiteral("frontdesk"), QStringLiteral("sale"), QStringLiteral("OIL-SWA-100"),
                 QStringLiteral("--pay"),
                 QStringLiteral("gift:") + codes[(round + p) % 2] + QStringLiteral(":19.90")});
            running << proc;
        }
        for (QProcess *proc : std::as_const(running)) {
            REQUIRE(proc->waitForFinished(30'000));
            if (proc->exitCode() == 0)
                ++succeeded;
            else if (proc->exitCode() == 2)
                ++refused;
            else
                FAIL("oasisctl failed: " << proc->readAllStandardError().toStdString());
            delete proc;
        }
        running.clear();
    }
    d.tmp.reopen();
    // Two cards were hammered: $100 holds five $19.90 sales each, never a sixth.
    REQUIRE(succeeded == 10);
    REQUIRE(refused == 14);
    GiftCardService cards(d.tmp.db());
    for (int i = 0; i < 2; ++i)
        REQUIRE(value(cards.lookup(codes[i], d.reg)).balance == Money::fromCents(50));
    REQUIRE(
        value(d.tmp->scalar(QStringLiteral("SELECT MIN(b) FROM (SELECT SUM(amount_cents) AS b FROM "
                                           "giftcard_activity GROUP BY giftcard_id) AS balances")))
            .toLongLong() >= 0);
    REQUIRE(value(d.tmp->scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE kind = 'sale'")))
                .toInt() == 4 + 10);
    REQUIRE(value(Journal::verify(d.tmp.db())).ok);
}
