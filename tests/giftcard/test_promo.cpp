// SPDX-License-Identifier: GPL-3.0-or-later
// Promotional value on gift cards (DESIGN §15): kept apart from paid value, never a liability,
// spent after the paid value, may expire, reported apart; a cash-out counts only paid value.
#include "tests/printing/printingfixtures.h"
#include "tests/support/testsupport.h"

#include "core/domain/clock.h"
#include "core/services/catalog.h"
#include "core/services/giftcard.h"
#include "core/services/promo.h"
#include "core/services/refund.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"
#include "core/storage/journal.h"
#include "printing/certificate.h"
#include "printing/painter.h"
#include "printing/salereceipt.h"
#include "printing/text.h"

#include <QJsonArray>
#include <QProcess>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

Tender tender(const QString &text) {
    return value(Tender::parse(text));
}

// Noon in Seattle on `day` (the store's business day is that day).
QDateTime noonOn(const QDate &day) {
    return QDateTime(day, QTime(20, 0), QTimeZone::utc());
}

struct Promo {
    TempDb tmp{true};
    StaffMember frontdesk = staffNamed(tmp.db(), u"frontdesk"_s);
    StaffMember manager = staffNamed(tmp.db(), u"manager"_s);
    StaffMember lena = staffNamed(tmp.db(), u"lena"_s);
    const QString reg = u"desk-1"_s;

    Promo() {
        addRegisters(tmp.db(), {u"desk-0"_s, u"desk-1"_s, u"desk-2"_s, u"desk-3"_s});
        TestClock::set(noonOn(QDate(2026, 12, 1)));
    }
    ~Promo() { TestClock::set(QDateTime()); }

    Ticket cardWithBonus(Money paid, Money bonus, const QDate &expires) {
        Ticket t;
        t.addGiftCard(paid, u"Ana"_s, u"Ben"_s, u"Enjoy"_s);
        t.lines.back().promoBonus = bonus;
        t.lines.back().promoExpires = expires;
        return t;
    }
    CompletedSale sellWithBonus(Money paid, Money bonus, const QDate &expires) {
        auto done = value(SaleService(tmp.db()).complete(cardWithBonus(paid, bonus, expires),
                                                         {tender(u"card:"_s + paid.toString())},
                                                         manager, std::nullopt, reg));
        REQUIRE(done.giftCards.size() == 1);
        return done;
    }
    /// The code of a card sold with a bonus.
    QString codeWithBonus(Money paid, Money bonus, const QDate &expires) {
        return sellWithBonus(paid, bonus, expires).giftCards.front().code;
    }
    /// A card of $50 paid and a $20 bonus whose last day is 2026-12-31, its paid value spent.
    QString onlyBonusLeft() {
        const QString code =
            codeWithBonus(Money::fromCents(50'00), Money::fromCents(20'00), QDate(2026, 12, 31));
        REQUIRE(session(u"DT60"_s, {tender(u"gift:"_s + code + u":50"_s), tender(u"card:85"_s)}));
        return code;
    }
    Result<CompletedSale> session(const QString &code, const std::vector<Tender> &tenders) {
        Ticket t;
        t.addItem(*value(CatalogService(tmp.db()).findByCode(u"DT60"_s)), 1, lena.id,
                  lena.displayName);
        Q_UNUSED(code)
        return SaleService(tmp.db()).complete(t, tenders, frontdesk, std::nullopt, reg);
    }
    qint64 count(const QString &sql) { return value(tmp->scalar(sql)).toLongLong(); }
    /// $5 of a session paid from the card: refused, and nothing written.
    void fiveFromCardRefused(const QString &code) {
        const qint64 rows = count(u"SELECT COUNT(*) FROM giftcard_promo"_s);
        auto refused =
            session(u"DT60"_s, {tender(u"gift:"_s + code + u":5"_s), tender(u"card:130"_s)});
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().code == ErrorCode::Refused);
        REQUIRE(count(u"SELECT COUNT(*) FROM giftcard_promo"_s) == rows);
    }
};

} // namespace

TEST_CASE("a bonus is a manager's, kept apart from paid value and not a liability",
          "[giftcard][promo]") {
    Promo p;
    // The front desk alone may not give promotional value; the refusal names who may approve.
    auto refused = SaleService(p.tmp.db())
                       .complete(p.cardWithBonus(Money::fromCents(100'00), Money::fromCents(20'00),
                                                 QDate(2027, 6, 30)),
                                 {tender(u"card:100"_s)}, p.frontdesk, std::nullopt, p.reg);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Permission);
    REQUIRE(refused.error().message.contains(u"manager"_s));
    REQUIRE(p.count(u"SELECT COUNT(*) FROM giftcards"_s) == 0);
    // With a manager's approval it goes through.
    REQUIRE(SaleService(p.tmp.db())
                .complete(p.cardWithBonus(Money::fromCents(50'00), Money::fromCents(10'00), {}),
                          {tender(u"card:50"_s)}, p.frontdesk, p.manager, p.reg));

    const CompletedSale sold =
        p.sellWithBonus(Money::fromCents(100'00), Money::fromCents(20'00), QDate(2027, 6, 30));
    const QString code = sold.giftCards.front().code;
    GiftCardService cards(p.tmp.db());
    const GiftCard card = value(cards.lookup(code, p.reg));
    REQUIRE(card.balance == Money::fromCents(100'00));
    REQUIRE(card.promo == Money::fromCents(20'00));
    REQUIRE(card.promoExpires == QDate(2027, 6, 30));
    REQUIRE(card.spendable() == Money::fromCents(120'00));
    // The liability is the paid value alone (both cards: $150).
    REQUIRE(value(cards.outstanding()) == Money::fromCents(150'00));
    const GiftCardLiability owed =
        value(ReportService(p.tmp.db()).giftCardLiability(QDate(2026, 12, 1), QDate(2026, 12, 1)));
    REQUIRE(owed.closing == Money::fromCents(150'00));
    REQUIRE(owed.promo.granted == Money::fromCents(30'00));
    REQUIRE(owed.promo.closing == Money::fromCents(30'00));

    // The receipt and the certificate disclose it; both QR codes still read back.
    const StoreInfo store = StoreSettings(p.tmp.db()).storeInfo();
    const auto doc = printing::receiptFromSale(value(SaleService(p.tmp.db()).load(sold.receiptNo)),
                                               store, sold.giftCards);
    const QString receiptText = printing::renderReceiptText(doc, 48);
    INFO(receiptText.toStdString());
    // Wrapped to the 48 columns of the paper.
    REQUIRE(receiptText.simplified().contains(
        u"Includes $20.00 promotional value, expires 2027-06-30"_s));
    REQUIRE(printing::test::decodeQrCodes(printing::renderReceiptImage(doc, 203)).contains(code));
    printing::GiftCertificate cert;
    cert.store = {store.name, store.addressLines, store.phone};
    cert.code = code;
    cert.amount = card.spendable();
    cert.promo = card.promo;
    cert.promoExpires = card.promoExpires;
    REQUIRE(
        printing::test::decodeQrCodes(printing::renderCertificateImage(cert, 150)).contains(code));
    REQUIRE(value(Journal::verify(p.tmp.db())).ok);

    // Its ledger is append-only, as the paid value's is.
    auto update = p.tmp->exec(u"UPDATE giftcard_promo SET amount_cents = 1"_s);
    REQUIRE_FALSE(update);
    REQUIRE(update.error().message.contains(u"append-only"_s));
    REQUIRE_FALSE(p.tmp->exec(u"DELETE FROM giftcard_promo"_s));
    REQUIRE(p.count(u"SELECT SUM(amount_cents) FROM giftcard_promo"_s) == 30'00);
}

TEST_CASE("promotional value is spent after the paid value, and a refund gives it back as "
          "promotional value",
          "[giftcard][promo]") {
    Promo p;
    const QString code =
        p.codeWithBonus(Money::fromCents(100'00), Money::fromCents(20'00), QDate(2027, 6, 30));
    GiftCardService cards(p.tmp.db());
    // DT60 is $135.00: $110 from the card (all $100 paid, then $10 promotional), $25 by card.
    const CompletedSale paid =
        value(p.session(u"DT60"_s, {tender(u"gift:"_s + code + u":110"_s), tender(u"card:25"_s)}));
    REQUIRE(paid.tenders.front().amount == Money::fromCents(110'00));
    REQUIRE(paid.tenders.front().giftCardBalance == Money::fromCents(10'00));
    // The receipt, printed again, says the same.
    REQUIRE(value(SaleService(p.tmp.db()).load(paid.receiptNo)).tenders.front().giftCardBalance ==
            Money::fromCents(10'00));
    GiftCard after = value(cards.lookup(code, p.reg));
    REQUIRE(after.balance == Money());
    REQUIRE(after.promo == Money::fromCents(10'00));
    REQUIRE(p.count(u"SELECT -SUM(amount_cents) FROM giftcard_activity WHERE kind = 'redeem'"_s) ==
            100'00);
    REQUIRE(p.count(u"SELECT -SUM(amount_cents) FROM giftcard_promo WHERE kind = 'redeem'"_s) ==
            10'00);
    const PeriodReport x = value(ReportService(p.tmp.db()).x());
    REQUIRE(x.giftCardsRedeemed == Money::fromCents(110'00));
    REQUIRE(x.giftCardsPromo == Money::fromCents(10'00));
    REQUIRE(x.toJson().value(u"promo_cents"_s).toInteger() == 10'00);

    SECTION("a card with paid value left never spends its promotional value first") {
        const QString other =
            p.codeWithBonus(Money::fromCents(100'00), Money::fromCents(20'00), {});
        REQUIRE(
            p.session(u"DT60"_s, {tender(u"gift:"_s + other + u":50"_s), tender(u"card:85"_s)}));
        const GiftCard o = value(cards.lookup(other, p.reg));
        REQUIRE(o.balance == Money::fromCents(50'00));
        REQUIRE(o.promo == Money::fromCents(20'00));
        // Straight at the ledger: a promotional debit while paid value is left is refused.
        auto tx = value(Transaction::begin(p.tmp.db()));
        auto early =
            PromoLedger(p.tmp.db())
                .redeem(o.id, Money::fromCents(5'00), QDate(2026, 12, 1), 0, p.frontdesk.id);
        REQUIRE_FALSE(early);
        REQUIRE(early.error().code == ErrorCode::Refused);
    }
    SECTION("a refund gives the promotional part back as promotional value, same expiry") {
        const CompletedSale back =
            value(RefundService(p.tmp.db())
                      .refund(paid.receiptNo, {}, false, p.frontdesk, p.manager, p.reg));
        REQUIRE(back.totals.total == Money::fromCents(-135'00));
        const GiftCard card = value(cards.lookup(code, p.reg));
        // $110 back to the card: $10 promotional (spent last, given back first), $100 paid.
        REQUIRE(card.balance == Money::fromCents(100'00));
        REQUIRE(card.promo == Money::fromCents(20'00));
        REQUIRE(card.promoExpires == QDate(2027, 6, 30));
        REQUIRE(value(cards.outstanding()) == Money::fromCents(100'00));
        const PeriodReport x2 = value(ReportService(p.tmp.db()).x());
        REQUIRE(x2.giftCardsPromo == Money());
        REQUIRE(value(Journal::verify(p.tmp.db())).ok);
    }
}

TEST_CASE("promotional value past its last day is no longer spendable at the sale's date",
          "[giftcard][promo]") {
    Promo p;
    const QString code = p.onlyBonusLeft();
    GiftCardService cards(p.tmp.db());

    // Its last day, late evening in Seattle (already 2027 in UTC): still spendable.
    TestClock::set(QDateTime(QDate(2027, 1, 1), QTime(7, 30), QTimeZone::utc()));
    REQUIRE(value(cards.lookup(code, p.reg)).promo == Money::fromCents(20'00));
    REQUIRE(p.session(u"DT60"_s, {tender(u"gift:"_s + code + u":5"_s), tender(u"card:130"_s)}));

    // The next day: gone, with nothing written when it expired.
    TestClock::set(noonOn(QDate(2027, 1, 1)));
    const GiftCard card = value(cards.lookup(code, p.reg));
    REQUIRE(card.promo == Money());
    REQUIRE(card.spendable() == Money());
    p.fiveFromCardRefused(code);

    // Checked inside the sale's transaction: looked up on its last day, written the next.
    TestClock::set(QDateTime(QDate(2027, 1, 1), QTime(7, 59, 59), QTimeZone::utc()));
    {
        AtTestPoint midnight("sale.giftcards.checked",
                             [] { TestClock::set(noonOn(QDate(2027, 1, 1))); });
        // The sale's date is taken as it starts (its business day), so it is still the last day.
        auto onLastDay =
            p.session(u"DT60"_s, {tender(u"gift:"_s + code + u":5"_s), tender(u"card:130"_s)});
        REQUIRE(onLastDay);
        REQUIRE(midnight.reached());
    }

    // Reported apart: granted $20, spent $10, expired $10, none left.
    const GiftCardLiability owed =
        value(ReportService(p.tmp.db()).giftCardLiability(QDate(2026, 12, 1), QDate(2027, 1, 1)));
    REQUIRE(owed.promo.opening == Money());
    REQUIRE(owed.promo.granted == Money::fromCents(20'00));
    REQUIRE(owed.promo.spent == Money::fromCents(10'00));
    REQUIRE(owed.promo.expired == Money::fromCents(10'00));
    REQUIRE(owed.promo.closing == Money());
    const GiftCardLiability december =
        value(ReportService(p.tmp.db()).giftCardLiability(QDate(2026, 12, 1), QDate(2026, 12, 30)));
    REQUIRE(december.promo.closing == Money::fromCents(20'00));
    REQUIRE(december.promo.expired == Money());
}

TEST_CASE("a receipt says what promotional value the card paid with still holds, and until when",
          "[giftcard][promo][printing]") {
    Promo p;
    const StoreInfo store = StoreSettings(p.tmp.db()).storeInfo();
    // The sale's tender as completed, as loaded again for a reprint, and the printed receipt.
    const auto receiptOf = [&](const CompletedSale &done) {
        const SaleRecord again = value(SaleService(p.tmp.db()).load(done.receiptNo));
        REQUIRE(again.tenders.front().giftCardPromo == done.tenders.front().giftCardPromo);
        REQUIRE(again.tenders.front().giftCardPromoExpires ==
                done.tenders.front().giftCardPromoExpires);
        return printing::renderReceiptText(printing::receiptFromSale(again, store), 48);
    };

    SECTION("promotional value alone, in two lots: what is left, and the later lot's last day") {
        const QString code = p.onlyBonusLeft(); // $20, last day 2026-12-31
        const qint64 cardId = value(GiftCardService(p.tmp.db()).lookup(code, p.reg)).id;
        {
            auto tx = value(Transaction::begin(p.tmp.db()));
            REQUIRE(PromoLedger(p.tmp.db())
                        .grant(cardId, Money::fromCents(10'00), QDate(2027, 3, 1), 0, p.manager.id,
                               p.manager.id, u"goodwill"_s));
            REQUIRE(tx.commit());
        }
        const auto granted = value(PromoLedger(p.tmp.db()).history(cardId)).back();
        REQUIRE(granted.staff == p.manager.name);
        REQUIRE(granted.staffShown == p.manager.shownName());
        // $25 spends the first lot whole and $5 of the second.
        const CompletedSale done = value(
            p.session(u"DT60"_s, {tender(u"gift:"_s + code + u":25"_s), tender(u"card:110"_s)}));
        const AppliedTender &t = done.tenders.front();
        REQUIRE(t.giftCardBalance == Money::fromCents(5'00));
        REQUIRE(t.giftCardPromo == Money::fromCents(5'00));
        REQUIRE(t.giftCardPromoExpires == QDate(2027, 3, 1));
        const QString text = receiptOf(done);
        REQUIRE(
            text.simplified().contains(u"Includes $5.00 promotional value, expires 2027-03-01"_s));
        // The card's value expires: the footer does not say it never does.
        REQUIRE(text.contains(u"No fees."_s));
        REQUIRE_FALSE(text.contains(u"No expiration date"_s));
    }
    SECTION("paid value left beside a bonus that never expires") {
        const QString code = p.codeWithBonus(Money::fromCents(100'00), Money::fromCents(20'00), {});
        const CompletedSale done = value(
            p.session(u"DT60"_s, {tender(u"gift:"_s + code + u":50"_s), tender(u"card:85"_s)}));
        REQUIRE(done.tenders.front().giftCardPromo == Money::fromCents(20'00));
        REQUIRE_FALSE(done.tenders.front().giftCardPromoExpires.isValid());
        const QString text = receiptOf(done);
        REQUIRE(text.simplified().contains(u"Includes $20.00 promotional value, no expiry"_s));
        REQUIRE(text.contains(u"No expiration date. No fees."_s));
    }
}

TEST_CASE("a sale takes its date, and the promotional value it may spend, in the store's own "
          "time zone",
          "[giftcard][promo]") {
    Promo p;
    const QString code = p.onlyBonusLeft();
    // Still December 31 in Seattle, already the evening of January 1 on Kiritimati (UTC+14).
    TestClock::set(QDateTime(QDate(2027, 1, 1), QTime(7, 30), QTimeZone::utc()));
    REQUIRE(p.tmp->setSetting(u"store.timezone"_s, u"Pacific/Kiritimati"_s));
    p.fiveFromCardRefused(code);
    const CompletedSale there = value(p.session(u"DT60"_s, {tender(u"card:135"_s)}));
    REQUIRE(p.count(u"SELECT COUNT(*) FROM sales WHERE business_date = '2027-01-01' AND "
                    "receipt_no = "_s +
                    QString::number(there.receiptNo)) == 1);

    // Back in Seattle it is the promotional value's last day: spent, and the receipt says what
    // is left.
    REQUIRE(p.tmp->setSetting(u"store.timezone"_s, u"America/Los_Angeles"_s));
    const CompletedSale here =
        value(p.session(u"DT60"_s, {tender(u"gift:"_s + code + u":5"_s), tender(u"card:130"_s)}));
    REQUIRE(here.tenders.front().giftCardBalance == Money::fromCents(15'00));
    REQUIRE(p.count(u"SELECT COUNT(*) FROM sales WHERE business_date = '2026-12-31' AND "
                    "receipt_no = "_s +
                    QString::number(here.receiptNo)) == 1);
    REQUIRE(value(Journal::verify(p.tmp.db())).ok);
}

TEST_CASE("a cash-out counts and pays only the paid value", "[giftcard][promo][wa]") {
    Promo p;
    const QString code = p.codeWithBonus(Money::fromCents(25'00), Money::fromCents(20'00), {});
    GiftCardService cards(p.tmp.db());
    // $22 of the $25 paid spent: $3.00 paid and $20.00 promotional left ($23 spendable).
    REQUIRE(p.session(u"DT60"_s, {tender(u"gift:"_s + code + u":22"_s), tender(u"card:113"_s)}));
    REQUIRE(value(cards.lookup(code, p.reg)).spendable() == Money::fromCents(23'00));
    REQUIRE(ShiftService(p.tmp.db()).open(Money::fromCents(200'00), p.manager, p.reg));
    REQUIRE(value(cards.cashOut(code, p.manager, std::nullopt, p.reg)) == Money::fromCents(3'00));
    const GiftCard after = value(cards.lookup(code, p.reg));
    REQUIRE(after.balance == Money());
    REQUIRE(after.promo == Money::fromCents(20'00));
    REQUIRE(p.count(u"SELECT amount_cents FROM cash_movements WHERE kind = 'payout'"_s) == 3'00);
}

TEST_CASE("a lost card's promotional value moves to its replacement, and a void takes a bonus back",
          "[giftcard][promo]") {
    Promo p;
    const CompletedSale sold =
        p.sellWithBonus(Money::fromCents(100'00), Money::fromCents(20'00), QDate(2027, 6, 30));
    GiftCardService cards(p.tmp.db());
    SECTION("replaced") {
        const IssuedCard fresh =
            value(cards.replace(sold.giftCards.front().code, p.manager, std::nullopt, p.reg));
        REQUIRE(fresh.promo == Money::fromCents(20'00));
        const GiftCard card = value(cards.lookup(fresh.code, p.reg));
        REQUIRE(card.balance == Money::fromCents(100'00));
        REQUIRE(card.promo == Money::fromCents(20'00));
        REQUIRE(card.promoExpires == QDate(2027, 6, 30));
        REQUIRE(value(Journal::verify(p.tmp.db())).ok);
    }
    SECTION("voided") {
        REQUIRE(RefundService(p.tmp.db()).voidSale(sold.receiptNo, p.manager, std::nullopt, p.reg));
        const GiftCard card = value(cards.byId(sold.giftCards.front().id));
        REQUIRE(card.balance == Money());
        REQUIRE(card.promo == Money());
        REQUIRE(value(Journal::verify(p.tmp.db())).ok);
    }
}

TEST_CASE("journal verify catches an edited, deleted or forged promotional row",
          "[giftcard][promo][journal]") {
    Promo p;
    p.sellWithBonus(Money::fromCents(100'00), Money::fromCents(20'00), QDate(2027, 6, 30));
    REQUIRE(value(Journal::verify(p.tmp.db())).ok);
    SECTION("edited") {
        rawSql(p.tmp.path(), u"UPDATE giftcard_promo SET amount_cents = 500000"_s);
        const JournalReport report = value(Journal::verify(p.tmp.db()));
        REQUIRE_FALSE(report.ok);
        REQUIRE(report.problem.contains(u"giftcard_promo"_s));
    }
    SECTION("an expiry pushed out") {
        rawSql(p.tmp.path(), u"UPDATE giftcard_promo SET expires_on = NULL"_s);
        REQUIRE_FALSE(value(Journal::verify(p.tmp.db())).ok);
    }
    SECTION("deleted") {
        rawSql(p.tmp.path(), u"DELETE FROM giftcard_promo"_s);
        const JournalReport report = value(Journal::verify(p.tmp.db()));
        REQUIRE_FALSE(report.ok);
        REQUIRE(report.problem.contains(u"giftcard_promo"_s));
    }
    SECTION("forged") {
        rawSql(p.tmp.path(), u"INSERT INTO giftcard_promo(giftcard_id, kind, amount_cents, "
                             "created_at) SELECT MAX(id), 'grant', 100000, "
                             "'2026-12-01T20:00:00.000Z' FROM giftcards"_s);
        const JournalReport report = value(Journal::verify(p.tmp.db()));
        REQUIRE_FALSE(report.ok);
        REQUIRE(report.problem.contains(u"no journal entry recorded it"_s));
    }
}

TEST_CASE("oasisctl: a card sold with a bonus, a card given away, balances and history",
          "[giftcard][promo][cli]") {
    Promo p;
    TestClock::set(QDateTime()); // oasisctl runs on the system clock
    const QString keys = p.tmp.keyDir();
    auto ctl = [&](const QString &user, const QString &pin, const QStringList &args,
                   const QMap<QString, QString> &more = {}) {
        QMap<QString, QString> env{{u"OASIS_PIN"_s, pin}, {u"OASIS_REGISTER"_s, u"desk-1"_s}};
        for (auto it = more.begin(); it != more.end(); ++it)
            env.insert(it.key(), it.value());
        return runCtl(QStringLiteral(OASISCTL_PATH), p.tmp.path(), keys,
                      QStringList{u"--user"_s, user, u"--json"_s} + args, env);
    };
    const QString expires = QDate::currentDate().addYears(1).toString(Qt::ISODate);

    // The front desk needs a manager's approval for a bonus: exit 2, one line, nothing sold.
    CtlRun refused = ctl(u"frontdesk"_s, u"1111"_s,
                         {u"sale"_s, u"giftcard:100+20"_s, u"--pay"_s, u"card:100"_s});
    REQUIRE(refused.exitCode == 2);
    REQUIRE(refused.oneErrorLine());
    REQUIRE(refused.err.contains("manager"));
    REQUIRE(
        ctl(u"frontdesk"_s, u"1111"_s, {u"sale"_s, u"giftcard:100+x"_s, u"--pay"_s, u"card:100"_s})
            .exitCode == 1);
    REQUIRE(ctl(u"manager"_s, u"9999"_s,
                {u"sale"_s, u"giftcard:100"_s, u"--bonus-expires"_s, expires, u"--pay"_s,
                 u"card:100"_s})
                .exitCode == 1);

    CtlRun sold = ctl(u"manager"_s, u"9999"_s,
                      {u"sale"_s, u"giftcard:100+20"_s, u"--bonus-expires"_s, expires, u"--pay"_s,
                       u"card:100"_s});
    REQUIRE(sold.exitCode == 0);
    const QString code =
        sold.json().value(u"giftcards"_s).toArray().at(0).toObject().value(u"code"_s).toString();
    REQUIRE_FALSE(code.isEmpty());
    CtlRun balance = ctl(u"frontdesk"_s, u"1111"_s, {u"giftcard"_s, u"balance"_s, code});
    REQUIRE(balance.exitCode == 0);
    const QJsonObject b = balance.json();
    REQUIRE(b.value(u"balance_cents"_s).toInteger() == 120'00);
    REQUIRE(b.value(u"paid_cents"_s).toInteger() == 100'00);
    REQUIRE(b.value(u"promo_cents"_s).toInteger() == 20'00);
    REQUIRE(b.value(u"promo_expires"_s).toString() == expires);

    // A card given away: all of it promotional; the front desk needs an approver.
    REQUIRE(ctl(u"frontdesk"_s, u"1111"_s,
                {u"giftcard"_s, u"give"_s, u"30"_s, u"--reason"_s, u"Apology"_s})
                .exitCode == 2);
    REQUIRE(ctl(u"manager"_s, u"9999"_s, {u"giftcard"_s, u"give"_s, u"30"_s}).exitCode == 1);
    CtlRun given = ctl(u"frontdesk"_s, u"1111"_s,
                       {u"--approve-by"_s, u"manager"_s, u"giftcard"_s, u"give"_s, u"30"_s,
                        u"--reason"_s, u"Apology for a late start"_s},
                       {{u"OASIS_APPROVER_PIN"_s, u"9999"_s}});
    REQUIRE(given.exitCode == 0);
    const QString gift = given.json().value(u"code"_s).toString();
    REQUIRE(given.json().value(u"promo_cents"_s).toInteger() == 30'00);
    REQUIRE(given.json().value(u"promo_expires"_s).isNull());

    // Four registers at once spend $10 each of its $30: three are paid, one is refused.
    p.tmp.close();
    QList<QProcess *> running;
    for (int r = 0; r < 4; ++r) {
        auto *proc = new QProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OASIS_KEY_DIR"_s, keys);
        env.insert(u"OASIS_PIN"_s, u"1111"_s);
        env.insert(u"OASIS_REGISTER"_s, u"desk-%1"_s.arg(r));
        proc->setProcessEnvironment(env);
        proc->start(QStringLiteral(OASISCTL_PATH),
                    {u"--db"_s, p.tmp.path(), u"--user"_s, u"frontdesk"_s, u"sale"_s,
                     u"DT60@lena"_s, u"--pay"_s, u"gift:"_s + gift + u":10"_s, u"card:125"_s});
        running << proc;
    }
    int paid = 0, refusedRuns = 0;
    for (QProcess *proc : std::as_const(running)) {
        REQUIRE(proc->waitForFinished(30'000));
        if (proc->exitCode() == 0)
            ++paid;
        else if (proc->exitCode() == 2)
            ++refusedRuns;
        else
            FAIL("oasisctl failed: " << proc->readAllStandardError().toStdString());
        delete proc;
    }
    REQUIRE(paid == 3);
    REQUIRE(refusedRuns == 1);
    p.tmp.reopen();
    REQUIRE(p.count(u"SELECT MIN(b) FROM (SELECT l.amount_cents + COALESCE((SELECT "
                    "SUM(d.amount_cents) FROM giftcard_promo d WHERE d.lot_id = l.id AND d.kind "
                    "= 'redeem'), 0) AS b FROM giftcard_promo l WHERE l.kind = 'grant') AS x"_s) ==
            0);

    CtlRun history = ctl(u"frontdesk"_s, u"1111"_s, {u"giftcard"_s, u"history"_s, gift});
    REQUIRE(history.exitCode == 0);
    REQUIRE(history.json().value(u"promo_history"_s).toArray().size() == 4); // grant, 3 redeems
    CtlRun report = ctl(u"manager"_s, u"9999"_s, {u"report"_s, u"giftcards"_s});
    REQUIRE(report.exitCode == 0);
    const QJsonObject promo = report.json().value(u"promo"_s).toObject();
    REQUIRE(promo.value(u"granted_cents"_s).toInteger() == 50'00);
    REQUIRE(promo.value(u"spent_cents"_s).toInteger() == 30'00);
    REQUIRE(promo.value(u"closing_cents"_s).toInteger() == 20'00);
    REQUIRE(report.json().value(u"liability"_s).toObject().value(u"closing_cents"_s).toInteger() ==
            100'00);
    CtlRun x = ctl(u"manager"_s, u"9999"_s, {u"report"_s, u"x"_s});
    REQUIRE(x.exitCode == 0);
    REQUIRE(x.json().value(u"promo_cents"_s).toInteger() == 30'00);
    CtlRun verify = ctl(u"manager"_s, u"9999"_s, {u"journal"_s, u"verify"_s});
    REQUIRE(verify.exitCode == 0);

    // Said in words: a card sold with a bonus never expires as a whole; a card given away with
    // a last day does, and does not say otherwise.
    const auto balanceText = [&](const QString &card) {
        return QString::fromUtf8(
            runCtl(QStringLiteral(OASISCTL_PATH), p.tmp.path(), keys,
                   {u"--user"_s, u"frontdesk"_s, u"giftcard"_s, u"balance"_s, card},
                   {{u"OASIS_PIN"_s, u"1111"_s}})
                .out);
    };
    CHECK(balanceText(code).contains(u"No expiration date. No fees."_s));
    CtlRun lapsing = ctl(
        u"manager"_s, u"9999"_s,
        {u"giftcard"_s, u"give"_s, u"15"_s, u"--expires"_s, expires, u"--reason"_s, u"Birthday"_s});
    REQUIRE(lapsing.exitCode == 0);
    const QString lapsingText = balanceText(lapsing.json().value(u"code"_s).toString());
    CHECK(lapsingText.contains(u"No fees."_s));
    CHECK_FALSE(lapsingText.contains(u"No expiration date"_s));
}
