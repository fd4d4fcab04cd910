// SPDX-License-Identifier: GPL-3.0-or-later
// Refunds and voids: exact cents back to the original tenders, never more than was paid.
#include "tests/support/testsupport.h"

#include "core/domain/clock.h"
#include "core/services/catalog.h"
#include "core/services/giftcard.h"
#include "core/services/refund.h"
#include "core/services/sale.h"
#include "core/storage/journal.h"

#include <QProcess>
#include <QTimeZone>

using namespace oasis;
using namespace oasis::test;

namespace {

struct TestStore {
    TempDb tmp{true};
    StaffMember frontdesk, manager, lena;

    TestStore() {
        test::TestClock::set(QDateTime(QDate(2026, 11, 23), QTime(20, 0), QTimeZone::utc()));
        addRegisters(tmp.db(), {QStringLiteral("desk"), QStringLiteral("d")});
        StaffService staff(tmp.db());
        frontdesk = value(staff.find(QStringLiteral("frontdesk")));
        manager = value(staff.find(QStringLiteral("manager")));
        lena = value(staff.find(QStringLiteral("lena")));
    }
    ~TestStore() { test::TestClock::set(QDateTime()); }

    CatalogItem item(const QString &code) {
        return *value(CatalogService(tmp.db()).findByCode(code));
    }
    qint64 onHand(const QString &code) {
        return value(tmp->scalar(
                         QStringLiteral(
                             "SELECT on_hand FROM stock_levels s JOIN items i ON i.id = s.item_id "
                             "WHERE i.code = ?"),
                         {code}))
            .toLongLong();
    }
    Money sum(const QString &sql) { return Money::fromCents(value(tmp->scalar(sql)).toLongLong()); }
    Tender tender(const QString &t) { return value(Tender::parse(t)); }

    /// A mixed ticket: 60-minute deep tissue with Lena, three lavender oils, 10 % off, a $20
    /// tip, paid by a $50 gift card, $100 on card and cash. Total $213.14 (see test_sale).
    std::pair<CompletedSale, QString> mixedSale() {
        Ticket g;
        g.addGiftCard(Money::fromCents(50'00));
        const QString code =
            value(SaleService(tmp.db()).complete(g, {tender(QStringLiteral("cash:50"))}, frontdesk))
                .giftCards[0]
                .code;
        Ticket t;
        t.addItem(item(QStringLiteral("DT60")), 1, lena.id, lena.displayName);
        t.addItem(item(QStringLiteral("OIL-LAV-120")), 3);
        t.discount = Discount::percent(100'000);
        t.addTip(Money::fromCents(20'00), lena.id, lena.displayName);
        auto done = value(SaleService(tmp.db()).complete(t,
                                                         {tender(QStringLiteral("gift:") + code),
                                                          tender(QStringLiteral("card:100:4242")),
                                                          tender(QStringLiteral("cash:100"))},
                                                         frontdesk));
        REQUIRE(done.totals.total == Money::fromCents(213'14));
        return {done, code};
    }
};

} // namespace

TEST_CASE("refunding a mixed ticket in parts gives back exactly what was paid, to each tender",
          "[refund]") {
    TestStore s;
    auto [sale, code] = s.mixedSale();
    RefundService refunds(s.tmp.db());
    auto lines = value(refunds.refundable(sale.receiptNo));
    REQUIRE(lines.size() == 3);
    const qint64 oilLine = lines[1].lineId;
    const qint64 before = s.onHand(QStringLiteral("OIL-LAV-120"));

    // Front desk alone may not refund.
    auto refused = refunds.refund(sale.receiptNo, {{oilLine, 1}}, true, s.frontdesk, std::nullopt);
    REQUIRE(refused.error().code == ErrorCode::Permission);

    // One oil of three: $21.60 net after its share of the discount + $2.28 tax = $23.88.
    auto one = value(refunds.refund(sale.receiptNo, {{oilLine, 1}}, true, s.frontdesk, s.manager));
    REQUIRE(one.totals.total == Money::fromCents(-23'88));
    REQUIRE(one.totals.tax == Money::fromCents(-2'28));
    REQUIRE(s.onHand(QStringLiteral("OIL-LAV-120")) == before + 1);

    // More than is left is refused and changes nothing.
    REQUIRE_FALSE(refunds.refund(sale.receiptNo, {{oilLine, 3}}, true, s.frontdesk, s.manager));

    // The rest, without restocking (damaged): every cent of the ticket is back.
    auto rest = value(refunds.refund(sale.receiptNo, {}, false, s.manager, std::nullopt));
    REQUIRE(one.totals.total + rest.totals.total == Money::fromCents(-213'14));
    REQUIRE(s.onHand(QStringLiteral("OIL-LAV-120")) == before + 1);
    REQUIRE(s.sum(QStringLiteral("SELECT SUM(tax_cents) FROM sales WHERE receipt_no >= 2")) ==
            Money());
    for (const char *type : {"gift", "card", "cash"})
        REQUIRE(s.sum(QStringLiteral("SELECT SUM(t.amount_cents) FROM sale_tenders t JOIN sales x "
                                     "ON x.id = t.sale_id "
                                     "WHERE x.receipt_no >= 2 AND t.type = '%1'")
                          .arg(QLatin1String(type))) == Money());
    // The gift-card portion went back onto the same card.
    REQUIRE(value(GiftCardService(s.tmp.db()).lookup(code, QStringLiteral("desk"))).balance ==
            Money::fromCents(50'00));
    // Nothing is left to refund.
    REQUIRE_FALSE(refunds.refund(sale.receiptNo, {}, false, s.manager, std::nullopt));
    REQUIRE(value(Journal::verify(s.tmp.db())).ok);
}

TEST_CASE("a tip and a session can be refunded on their own", "[refund]") {
    TestStore s;
    auto [sale, code] = s.mixedSale();
    RefundService refunds(s.tmp.db());
    auto lines = value(refunds.refundable(sale.receiptNo));
    auto tip = value(
        refunds.refund(sale.receiptNo, {{lines[2].lineId, 0}}, false, s.manager, std::nullopt));
    REQUIRE(tip.totals.total == Money::fromCents(-20'00));
    REQUIRE(tip.totals.tips == Money::fromCents(-20'00));
    // The session: $135 less its $13.50 share of the discount, untaxed.
    auto session = value(
        refunds.refund(sale.receiptNo, {{lines[0].lineId, 0}}, false, s.manager, std::nullopt));
    REQUIRE(session.totals.total == Money::fromCents(-121'50));
    REQUIRE(session.totals.tax == Money());
}

TEST_CASE("a void of today's sale reverses stock, gift cards and tenders, tomorrow it is refused",
          "[refund][void]") {
    TestStore s;
    Ticket t;
    t.addItem(s.item(QStringLiteral("OIL-ARN-120")), 2);
    t.addGiftCard(Money::fromCents(75'00));
    const qint64 before = s.onHand(QStringLiteral("OIL-ARN-120"));
    // $56 of arnica oil + $5.91 tax + a $75 gift card = $136.91.
    auto sale =
        value(SaleService(s.tmp.db())
                  .complete(t, {s.tender(QStringLiteral("card:136.91:1234"))}, s.frontdesk));
    REQUIRE(s.onHand(QStringLiteral("OIL-ARN-120")) == before - 2);
    RefundService refunds(s.tmp.db());

    SECTION("same day") {
        REQUIRE(refunds.voidSale(sale.receiptNo, s.frontdesk, std::nullopt).error().code ==
                ErrorCode::Permission);
        auto voided = value(refunds.voidSale(sale.receiptNo, s.frontdesk, s.manager));
        REQUIRE(voided.totals.total == -sale.totals.total);
        REQUIRE(s.onHand(QStringLiteral("OIL-ARN-120")) == before);
        const auto card =
            value(GiftCardService(s.tmp.db()).lookup(sale.giftCards[0].code, QStringLiteral("d")));
        REQUIRE(card.balance == Money());
        REQUIRE(s.sum(QStringLiteral("SELECT SUM(amount_cents) FROM sale_tenders")) == Money());
        REQUIRE(value(SaleService(s.tmp.db()).load(voided.receiptNo)).kind ==
                QStringLiteral("void"));
        REQUIRE_FALSE(refunds.voidSale(sale.receiptNo, s.manager, std::nullopt));
    }
    SECTION("the card sold was already spent") {
        Ticket spend;
        spend.addItem(s.item(QStringLiteral("OIL-LAV-120")));
        REQUIRE(SaleService(s.tmp.db())
                    .complete(spend,
                              {s.tender(QStringLiteral("gift:") + sale.giftCards[0].code +
                                        QStringLiteral(":10")),
                               s.tender(QStringLiteral("cash:20"))},
                              s.frontdesk));
        auto refused = refunds.voidSale(sale.receiptNo, s.manager, std::nullopt);
        REQUIRE_FALSE(refused);
        REQUIRE(s.onHand(QStringLiteral("OIL-ARN-120")) == before - 2);
    }
    SECTION("the next day") {
        test::TestClock::advance(24 * 3600);
        auto refused = refunds.voidSale(sale.receiptNo, s.manager, std::nullopt);
        REQUIRE_FALSE(refused);
        REQUIRE(refused.error().message.contains(QStringLiteral("refund")));
    }
}

TEST_CASE("two registers refunding the same receipt at once never give back more than was paid",
          "[refund][concurrency]") {
    TestStore s;
    Ticket t;
    t.addItem(s.item(QStringLiteral("OIL-JOJ-250")), 2);
    auto sale = value(
        SaleService(s.tmp.db()).complete(t, {s.tender(QStringLiteral("cash:100"))}, s.frontdesk));
    s.tmp.close();
    QList<QProcess *> procs;
    for (int i = 0; i < 4; ++i) {
        auto *p = new QProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OASIS_KEY_DIR"), s.tmp.keyDir());
        env.insert(QStringLiteral("OASIS_PIN"), QStringLiteral("9999"));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(OASISCTL_PATH),
                 {QStringLiteral("--db"), s.tmp.path(), QStringLiteral("--user"),
                  QStringLiteral("manager"), QStringLiteral("refund"),
                  QString::number(sale.receiptNo), QStringLiteral("OIL-JOJ-250x2")});
        procs << p;
    }
    int ok = 0;
    for (QProcess *p : procs) {
        REQUIRE(p->waitForFinished(30'000));
        if (p->exitCode() == 0)
            ++ok;
        else
            REQUIRE(p->exitCode() == 2);
        delete p;
    }
    REQUIRE(ok == 1);
    s.tmp.reopen();
    REQUIRE(s.sum(QStringLiteral("SELECT SUM(total_cents) FROM sales")) == Money());
}

TEST_CASE("money refunded to a card that was replaced since goes to its replacement",
          "[refund][giftcard][replaced]") {
    TestStore s;
    auto [sale, code] = s.mixedSale();
    GiftCardService cards(s.tmp.db());
    const qint64 oldId = value(cards.lookup(code, QStringLiteral("d"))).id;
    // The $50 card paid in full; the customer loses it and a manager replaces it.
    const IssuedCard first =
        value(cards.replace(code, s.manager, std::nullopt, QStringLiteral("d")));
    // Lost again: the money must follow the whole chain.
    const IssuedCard second =
        value(cards.replace(first.code, s.manager, std::nullopt, QStringLiteral("d")));
    REQUIRE(value(cards.liveCard(oldId)) ==
            value(cards.lookup(second.code, QStringLiteral("d"))).id);

    auto refunded =
        value(RefundService(s.tmp.db()).refund(sale.receiptNo, {}, true, s.frontdesk, s.manager));
    const GiftCard live = value(cards.lookup(second.code, QStringLiteral("d")));
    Money toGift;
    for (const AppliedTender &t : refunded.tenders)
        if (t.type == TenderType::Gift) {
            toGift = -t.amount;
            REQUIRE(t.giftCardId == live.id);
            REQUIRE(t.giftCardLast4 == live.last4);
            REQUIRE(t.giftCardBalance.cents() == live.balance.cents());
        }
    REQUIRE(toGift.cents() > 0);
    REQUIRE(live.balance.cents() == toGift.cents());
    // Nothing sits on the void cards.
    REQUIRE(value(cards.byId(oldId)).balance.cents() == 0);
    REQUIRE(value(cards.byId(value(cards.lookup(second.code, QStringLiteral("d"))).id - 1))
                .balance.cents() == 0);
    // The receipt read back names the card that got the money and its balance.
    const SaleRecord record = value(SaleService(s.tmp.db()).load(refunded.receiptNo));
    bool shown = false;
    for (const AppliedTender &t : record.tenders)
        if (t.type == TenderType::Gift) {
            shown = true;
            REQUIRE(t.giftCardLast4 == live.last4);
            REQUIRE(t.giftCardBalance.cents() == live.balance.cents());
        }
    REQUIRE(shown);
}

TEST_CASE("voiding a sale whose card was replaced since takes the value from the replacement",
          "[refund][void][giftcard][replaced]") {
    TestStore s;
    Ticket t;
    t.addGiftCard(Money::fromCents(75'00));
    auto sale = value(SaleService(s.tmp.db())
                          .complete(t, {s.tender(QStringLiteral("card:75:1234"))}, s.frontdesk));
    GiftCardService cards(s.tmp.db());
    const qint64 oldId = value(cards.lookup(sale.giftCards[0].code, QStringLiteral("d"))).id;
    const IssuedCard replacement =
        value(cards.replace(sale.giftCards[0].code, s.manager, std::nullopt, QStringLiteral("d")));

    auto voided = value(RefundService(s.tmp.db()).voidSale(sale.receiptNo, s.frontdesk, s.manager));
    REQUIRE(voided.totals.total == -sale.totals.total);
    const GiftCard live = value(cards.lookup(replacement.code, QStringLiteral("d")));
    REQUIRE(live.balance.cents() == 0);
    REQUIRE(value(cards.byId(oldId)).balance.cents() == 0);
    // No card below zero, and the void's line names the card it took the value from.
    REQUIRE(value(s.tmp->scalar(QStringLiteral(
                      "SELECT COUNT(*) FROM (SELECT giftcard_id FROM giftcard_activity "
                      "GROUP BY giftcard_id HAVING SUM(amount_cents) < 0) AS overdrawn")))
                .toInt() == 0);
    const SaleRecord record = value(SaleService(s.tmp.db()).load(voided.receiptNo));
    REQUIRE(record.lines.size() == 1);
    REQUIRE(record.lines[0].giftCardLast4 == live.last4);
}
