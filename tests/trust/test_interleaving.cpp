// SPDX-License-Identifier: GPL-3.0-or-later
// Every limit is checked inside the transaction that acts on it (DESIGN §14). Two connections on
// one store; the first operation runs on A, and at its test point (between what it read and
// what it writes) the competing operation runs on B. Deterministic, not lucky.
#include "tests/support/testsupport.h"

#include "core/domain/clock.h"
#include "core/services/catalog.h"
#include "core/services/giftcard.h"
#include "core/services/inventory.h"
#include "core/services/refund.h"
#include "core/services/registers.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/services/staff.h"
#include "core/services/storesettings.h"
#include "core/storage/journal.h"

#include <optional>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;

namespace {

struct TwoRegisters {
    TempDb tmp{true};
    std::unique_ptr<Database> other; ///< connection B: a second register on the same file
    StaffMember frontdesk;
    StaffMember manager;
    const QString regA = QStringLiteral("desk-1");
    const QString regB = QStringLiteral("desk-2");

    TwoRegisters() {
        StaffService staff(tmp.db());
        frontdesk = value(staff.find(QStringLiteral("frontdesk")));
        manager = value(staff.find(QStringLiteral("manager")));
        addRegisters(tmp.db(), {regA, regB, QStringLiteral("audit")});
        Database::Options o = tmp.options();
        o.busyTimeoutMs = 200; // B fails "busy" instead of hanging while A holds the write lock
        other = value(Database::open(tmp.path(), o));
    }
    Database &a() { return tmp.db(); }
    Database &b() { return *other; }

    Tender tender(const QString &text) { return value(Tender::parse(text)); }

    QString sellCard(Money amount) {
        Ticket t;
        t.addGiftCard(amount);
        auto done = value(
            SaleService(a()).complete(t, {tender(QStringLiteral("card:") + amount.toString())},
                                      frontdesk, std::nullopt, regA));
        return done.giftCards.at(0).code;
    }
    Result<CompletedSale> reload(Database &db, const QString &code, Money amount,
                                 const QString &reg) {
        Ticket t;
        t.addGiftCardLoad(code, amount);
        return SaleService(db).complete(t, {tender(QStringLiteral("card:") + amount.toString())},
                                        frontdesk, std::nullopt, reg);
    }
    Money balance(qint64 cardId) { return value(GiftCardService(a()).byId(cardId)).balance; }
    qint64 cardId(const QString &code) {
        return value(GiftCardService(a()).lookup(code, QStringLiteral("audit"))).id;
    }
    Money sum(const QString &sql) { return Money::fromCents(value(a().scalar(sql)).toLongLong()); }
    /// desk-2 numbers its receipts in a series of its own, B; desk-1 and audit share R.
    void desk2InSeriesB() {
        REQUIRE(value(RegisterService(a()).setSeries(regB, QStringLiteral("B"), manager)).series ==
                QStringLiteral("B"));
    }
};

/// A sale another register made while the first one was stopped at its test point: on a server
/// it did not wait and has `receipt`; a file has one writer at a time and told it the store was
/// busy.
void soldBeside(const std::optional<Result<CompletedSale>> &sale, const QString &receipt) {
    REQUIRE(sale.has_value());
    if (onPostgres()) {
        if (!*sale)
            FAIL((*sale).error().message.toStdString());
        CHECK(receiptCode((*sale)->receiptNo) == receipt);
    } else {
        REQUIRE_FALSE(*sale);
        CHECK((*sale).error().code == ErrorCode::Storage);
    }
}

/// A sale that waited for what the stopped one held, past its busy timeout, on either engine.
void refusedMeanwhile(const std::optional<Result<CompletedSale>> &sale) {
    REQUIRE(sale.has_value());
    REQUIRE_FALSE(*sale);
    CHECK((*sale).error().code == ErrorCode::Storage);
}

} // namespace

TEST_CASE("a cash-out of a card under $5 pays only that, even if a reload lands meanwhile",
          "[trust][interleaving][giftcard]") {
    TwoRegisters s;
    const QString code = s.sellCard(Money::fromCents(10'00));
    const qint64 id = s.cardId(code);
    REQUIRE(GiftCardService(s.a()).adjust(code, Money::fromCents(-7'00), QStringLiteral("test"),
                                          s.manager, std::nullopt, s.regA));
    REQUIRE(s.balance(id) == Money::fromCents(3'00));
    REQUIRE(ShiftService(s.a()).open(Money::fromCents(200'00), s.manager, s.regA));

    std::optional<bool> reloaded;
    AtTestPoint point("giftcard.cashout.checked", [&] {
        reloaded = s.reload(s.b(), code, Money::fromCents(100'00), s.regB).has_value();
    });
    auto paid = GiftCardService(s.a()).cashOut(code, s.manager, std::nullopt, s.regA);
    REQUIRE(point.reached());
    REQUIRE(reloaded.has_value());

    // What the drawer paid out and what the card lost are the same, and under $5.
    const Money payouts =
        s.sum(QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM cash_movements "
                             "WHERE kind = 'payout'"));
    CHECK(payouts.cents() < GiftCardService::cashOutLimit().cents());
    const Money loaded = *reloaded ? Money::fromCents(100'00) : Money();
    CHECK(s.balance(id).cents() == (Money::fromCents(3'00) + loaded - payouts).cents());
    if (paid)
        CHECK(paid->cents() == payouts.cents());
    else
        CHECK(paid.error().code == ErrorCode::Refused);
}

TEST_CASE("two reloads at once never take a card past the card maximum",
          "[trust][interleaving][giftcard]") {
    TwoRegisters s;
    const QString code = s.sellCard(Money::fromCents(500'00));
    const qint64 id = s.cardId(code);

    std::optional<Result<CompletedSale>> second;
    AtTestPoint point("sale.giftcards.checked",
                      [&] { second = s.reload(s.b(), code, Money::fromCents(400'00), s.regB); });
    auto first = s.reload(s.a(), code, Money::fromCents(400'00), s.regA);
    REQUIRE(point.reached());
    REQUIRE(second.has_value());

    const int succeeded = (first ? 1 : 0) + (*second ? 1 : 0);
    CHECK(succeeded == 1);
    CHECK(s.balance(id).cents() == 500'00 + 400'00 * succeeded);
    CHECK(s.balance(id).cents() <= 1'000'00);
    // The refused reload charged nothing: one reload sale besides the card's own.
    CHECK(value(s.a().scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toInt() ==
          1 + succeeded);
    if (!first)
        CHECK(first.error().code == ErrorCode::Refused);
}

TEST_CASE("a sale over a store limit lowered while it was being checked is refused, whole",
          "[trust][interleaving][sale]") {
    TwoRegisters s;
    Ticket t;
    t.addGiftCard(Money::fromCents(150'00));
    // Between the sale's checks and its transaction a manager lowers the limit to $100.
    AtTestPoint point("sale.giftcards.checked", [&] {
        ok(StoreSettings(s.b()).set(QStringLiteral("store.transaction_limit"),
                                    QStringLiteral("100.00"), s.manager));
    });
    auto sold = SaleService(s.a()).complete(t, {s.tender(QStringLiteral("card:150.00"))},
                                            s.frontdesk, std::nullopt, s.regA);
    REQUIRE(point.reached());
    REQUIRE_FALSE(sold);
    CHECK(sold.error().code == ErrorCode::Refused);
    CHECK(sold.error().message.contains(QStringLiteral("$100.00")));
    CHECK(value(s.a().scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toInt() == 0);
    CHECK(value(s.a().scalar(QStringLiteral("SELECT COUNT(*) FROM giftcards"))).toInt() == 0);
    REQUIRE(value(Journal::verify(s.a())).ok);
}

TEST_CASE("a sale whose receipt number another register took while it was being checked takes "
          "the next",
          "[trust][interleaving][sale]") {
    // desk-1 and audit share series R: the number is read inside the transaction, never with
    // the checks before it.
    TwoRegisters s;
    const CatalogItem oil = *value(CatalogService(s.a()).findByCode(u"OIL-LAV-120"_s));
    Ticket t;
    t.addItem(oil);
    std::optional<Result<CompletedSale>> beside;
    AtTestPoint point("sale.giftcards.checked", [&] {
        beside = SaleService(s.b()).complete(t, {s.tender(u"cash:100.00"_s)}, s.frontdesk,
                                             std::nullopt, u"audit"_s);
    });
    auto sold = SaleService(s.a()).complete(t, {s.tender(u"cash:100.00"_s)}, s.frontdesk,
                                            std::nullopt, s.regA);
    REQUIRE(point.reached());
    REQUIRE(beside.has_value());
    REQUIRE(*beside);
    REQUIRE(sold);
    CHECK(receiptCode((*beside)->receiptNo).startsWith(u"R-"_s));
    CHECK(sold->receiptNo == (*beside)->receiptNo + 1);
    CHECK(value(s.a().scalar(u"SELECT COUNT(*) FROM sales WHERE receipt_no >= ?"_s,
                             {(*beside)->receiptNo}))
              .toInt() == 2);
    REQUIRE(value(Journal::verify(s.a())).ok);
    // And the next sale follows on.
    auto next = value(SaleService(s.a()).complete(t, {s.tender(u"cash:100.00"_s)}, s.frontdesk,
                                                  std::nullopt, s.regA));
    CHECK(next.receiptNo == sold->receiptNo + 1);
}

TEST_CASE("a sale paid by a card another register spent or replaced while it was being checked "
          "is refused in words about the card, whole",
          "[trust][interleaving][giftcard]") {
    TwoRegisters s;
    const QString code = s.sellCard(Money::fromCents(50'00));
    const qint64 id = s.cardId(code);
    const CatalogItem oil = *value(CatalogService(s.a()).findByCode(u"OIL-LAV-120"_s));
    Ticket t;
    t.addItem(oil); // $26.53 with tax, all of it from the card
    QString meanwhile;
    QString refusal;
    SECTION("the card pays $26.53 at desk-2 meanwhile") {
        meanwhile = u"spent"_s;
        refusal = u"Gift card ••%1 holds $23.47 now, less than the $26.53 it was to pay: it was "
                  "used at another register meanwhile. Nothing was charged; take the payment "
                  "again."_s.arg(code.right(4));
    }
    SECTION("a manager replaces the card meanwhile") {
        meanwhile = u"replaced"_s;
        refusal =
            u"The gift card ending %1 was replaced just now; it is void."_s.arg(code.right(4));
    }
    // Between the sale's checks and its transaction.
    bool done = false;
    AtTestPoint point("sale.giftcards.checked", [&] {
        if (meanwhile == u"spent"_s) {
            Ticket other;
            other.addItem(oil);
            done = SaleService(s.b())
                       .complete(other, {s.tender(u"gift:"_s + code + u":26.53"_s)}, s.frontdesk,
                                 std::nullopt, s.regB)
                       .has_value();
        } else {
            done =
                GiftCardService(s.b()).replace(code, s.manager, std::nullopt, s.regB).has_value();
        }
    });
    auto sold = SaleService(s.a()).complete(t, {s.tender(u"gift:"_s + code)}, s.frontdesk,
                                            std::nullopt, s.regA);
    REQUIRE(point.reached());
    REQUIRE(done);
    REQUIRE_FALSE(sold);
    CHECK(sold.error().code == ErrorCode::Refused);
    CHECK(sold.error().message == refusal);
    CHECK(s.balance(id).cents() == (meanwhile == u"spent"_s ? 23'47 : 0));
    CHECK(value(s.a().scalar(u"SELECT COUNT(*) FROM sales"_s)).toInt() ==
          (meanwhile == u"spent"_s ? 2 : 1));
    REQUIRE(value(Journal::verify(s.a())).ok);
}

TEST_CASE("a sale priced before a tax rate changed under it is refused, whole",
          "[trust][interleaving][sale]") {
    TwoRegisters s;
    Ticket t;
    t.addItem(*value(CatalogService(s.a()).findByCode(QStringLiteral("OIL-LAV-120"))));
    const Money priced = value(t.totals(value(StoreSettings(s.a()).taxTable()),
                                        StoreSettings(s.a()).businessDate(Clock::nowUtc())))
                             .total;
    // Between the sale's checks and its transaction the retail rate changes from today on.
    AtTestPoint point("sale.giftcards.checked", [&] {
        ok(StoreSettings(s.b()).addTaxRate(
            {TaxClass::Retail, 200'000, StoreSettings(s.b()).businessDate(Clock::nowUtc())},
            s.manager));
    });
    auto sold = SaleService(s.a()).complete(t, {s.tender(QStringLiteral("cash:100.00"))},
                                            s.frontdesk, std::nullopt, s.regA);
    REQUIRE(point.reached());
    REQUIRE_FALSE(sold);
    CHECK(sold.error().code == ErrorCode::Conflict);
    CHECK(sold.error().message.contains(QStringLiteral("tax rates changed")));
    CHECK(value(s.a().scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toInt() == 0);
    REQUIRE(value(Journal::verify(s.a())).ok);
    // Rung up again, it is priced at the new rate.
    auto again = value(SaleService(s.a()).complete(t, {s.tender(QStringLiteral("cash:100.00"))},
                                                   s.frontdesk, std::nullopt, s.regA));
    CHECK(again.totals.total > priced);
}

TEST_CASE("a sale is checked again in its transaction: who sells, approves and gives the "
          "session, and the prices, as the store has them then",
          "[trust][interleaving][sale][authz]") {
    // Between the sale's checks and its transaction, another register changes what they read.
    TwoRegisters s;
    const StaffMember owner = value(StaffService(s.a()).find(u"owner"_s));
    const StaffMember lena = value(StaffService(s.a()).find(u"lena"_s));
    const CatalogItem session = *value(CatalogService(s.a()).findByCode(u"DT60"_s));
    const CatalogItem oil = *value(CatalogService(s.a()).findByCode(u"OIL-LAV-120"_s));
    Ticket ticket;
    ticket.addItem(session, 1, lena.id, lena.displayName);
    ticket.addItem(oil);
    std::optional<StaffMember> approver;
    std::function<void()> meanwhile;
    ErrorCode refused = ErrorCode::Permission;
    std::optional<Action> needs;
    QString says;

    SECTION("the cashier deactivated") {
        meanwhile = [&] { ok(StaffService(s.b()).deactivate(u"frontdesk"_s, owner)); };
    }
    SECTION("the approver of a 50% discount demoted") {
        ticket.discount = Discount::percent(500'000);
        approver = s.manager;
        meanwhile = [&] { ok(StaffService(s.b()).setRole(u"manager"_s, Role::FrontDesk, owner)); };
        needs = Action::DiscountAboveThreshold;
    }
    SECTION("the discount a manager approves above lowered under this one's 10%") {
        ticket.discount = Discount::percent(100'000);
        meanwhile = [&] {
            ok(StoreSettings(s.b()).set(u"discount.threshold_ppm"_s, u"50000"_s, s.manager));
        };
        needs = Action::DiscountAboveThreshold;
    }
    SECTION("the session's therapist deactivated") {
        meanwhile = [&] { ok(StaffService(s.b()).deactivate(u"lena"_s, owner)); };
        refused = ErrorCode::Refused;
        says = session.name + u": the therapist is not active."_s;
    }
    SECTION("the oil's price changed: the ticket's price is now an override") {
        meanwhile = [&] {
            CatalogItem dearer = oil;
            dearer.price = oil.price + Money::fromCents(5'00);
            value(CatalogService(s.b()).save(dearer, s.manager));
        };
        needs = Action::PriceOverride;
        says = oil.name + u" now costs "_s + (oil.price + Money::fromCents(5'00)).format() +
               u" in the catalog, not "_s + oil.price.format() +
               u" as rung up: ring it up again, or a price override at "_s + oil.price.format() +
               u" needs approval by a manager or the owner."_s;
    }
    SECTION("the oil taken out of the catalog") {
        meanwhile = [&] { ok(CatalogService(s.b()).setActive(oil.code, false, s.manager)); };
        refused = ErrorCode::NotFound;
        says = oil.name + u" is not in the catalog any more."_s;
    }
    // Each passes the checks before the transaction.
    REQUIRE(SaleService(s.a()).check(ticket, s.frontdesk, approver));
    AtTestPoint point("sale.giftcards.checked", meanwhile);
    auto sold = SaleService(s.a()).complete(ticket, {s.tender(u"cash:500.00"_s)}, s.frontdesk,
                                            approver, s.regA);
    REQUIRE(point.reached());
    REQUIRE_FALSE(sold);
    INFO(sold.error().message.toStdString());
    CHECK(sold.error().code == refused);
    if (needs)
        CHECK(sold.error().needsApproval == *needs);
    if (!says.isEmpty())
        CHECK(sold.error().message == says);
    CHECK(value(s.a().scalar(u"SELECT COUNT(*) FROM sales"_s)).toInt() == 0);
    CHECK(value(s.a().scalar(u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'sale'"_s))
              .toInt() == 0);
    REQUIRE(value(Journal::verify(s.a())).ok);
}

TEST_CASE("every operation on money or stock checks who acts inside its transaction: a manager "
          "deactivated meanwhile does nothing",
          "[trust][interleaving][authz]") {
    // Each runs as the manager; at its test point (its input checked, its transaction not yet
    // begun) the owner deactivates the manager on another register. Refused, nothing written.
    TwoRegisters s;
    const StaffMember owner = value(StaffService(s.a()).find(u"owner"_s));
    const QString code = s.sellCard(Money::fromCents(20'00));
    const CompletedSale oil = value(SaleService(s.a()).complete(
        [&] {
            Ticket t;
            t.addItem(*value(CatalogService(s.a()).findByCode(u"OIL-LAV-120"_s)));
            return t;
        }(),
        {s.tender(u"cash:50.00"_s)}, s.frontdesk, std::nullopt, s.regA));
    const char *point = nullptr;
    std::function<Status()> act;
    const auto status = [](const auto &result) -> Status {
        if (!result)
            return std::unexpected(result.error());
        return {};
    };
    SECTION("a gift card adjusted") {
        point = "giftcard.adjust.checked";
        act = [&] {
            return status(GiftCardService(s.a()).adjust(code, Money::fromCents(-17'00), u"test"_s,
                                                        s.manager, std::nullopt, s.regA));
        };
    }
    SECTION("a gift card's balance under $5 paid out") {
        value(GiftCardService(s.a()).adjust(code, Money::fromCents(-17'00), u"test"_s, s.manager,
                                            std::nullopt, s.regA));
        value(ShiftService(s.a()).open(Money::fromCents(100'00), s.manager, s.regA));
        point = "giftcard.cashout.checked";
        act = [&] {
            return status(GiftCardService(s.a()).cashOut(code, s.manager, std::nullopt, s.regA));
        };
    }
    SECTION("a lost gift card replaced") {
        point = "giftcard.replace.checked";
        act = [&] {
            return status(GiftCardService(s.a()).replace(code, s.manager, std::nullopt, s.regA));
        };
    }
    SECTION("a gift card given away") {
        point = "giftcard.give.checked";
        act = [&] {
            return status(GiftCardService(s.a()).give(Money::fromCents(25'00), {}, u"goodwill"_s,
                                                      s.manager, std::nullopt, s.regA));
        };
    }
    SECTION("a sale refunded") {
        point = "refund.checked";
        act = [&] {
            const auto lines = value(RefundService(s.a()).refundable(oil.receiptNo));
            return status(RefundService(s.a()).refund(oil.receiptNo, {{lines.at(0).lineId, 1}},
                                                      true, s.manager, std::nullopt, s.regA));
        };
    }
    SECTION("a sale voided") {
        point = "refund.checked";
        act = [&] {
            return status(
                RefundService(s.a()).voidSale(oil.receiptNo, s.manager, std::nullopt, s.regA));
        };
    }
    SECTION("stock received") {
        point = "inventory.receive.checked";
        act = [&] {
            ReceiveRequest r;
            r.code = u"OIL-LAV-120"_s;
            r.quantity = 6;
            return status(InventoryService(s.a()).receive(r, s.manager));
        };
    }
    SECTION("stock adjusted") {
        point = "inventory.adjust.checked";
        act = [&] {
            return status(InventoryService(s.a()).adjust(u"OIL-LAV-120"_s, -1,
                                                         AdjustReason::Damaged, u"dropped"_s,
                                                         s.manager, std::nullopt));
        };
    }
    SECTION("a stock count posted") {
        point = "inventory.count.checked";
        act = [&] {
            return status(InventoryService(s.a()).postCount({{0, u"OIL-LAV-120"_s, 3}}, u"shelf"_s,
                                                            s.manager, std::nullopt));
        };
    }
    SECTION("a shift opened") {
        point = "shift.open.checked";
        act = [&] {
            return status(ShiftService(s.a()).open(Money::fromCents(100'00), s.manager, s.regA));
        };
    }
    SECTION("cash paid out of the drawer") {
        value(ShiftService(s.a()).open(Money::fromCents(100'00), s.manager, s.regA));
        point = "shift.move.checked";
        act = [&] {
            return status(ShiftService(s.a()).payOut(Money::fromCents(20'00), u"tip for Lena"_s,
                                                     s.manager, std::nullopt, s.regA));
        };
    }
    SECTION("a shift closed") {
        value(ShiftService(s.a()).open(Money::fromCents(100'00), s.manager, s.regA));
        point = "shift.close.checked";
        act = [&] {
            return status(ShiftService(s.a()).close(Money::fromCents(100'00), s.manager,
                                                    std::nullopt, s.regA));
        };
    }
    const auto count = [&](const char *table) {
        return value(s.a().scalar(u"SELECT COUNT(*) FROM "_s + QLatin1String(table))).toLongLong();
    };
    const qint64 journal = count("journal");
    const qint64 cards = count("giftcard_activity");
    const qint64 stock = count("stock_movements");
    const qint64 sales = count("sales");
    const qint64 cash = count("cash_movements");
    const qint64 shifts = count("shifts");
    const auto openShifts = [&] {
        return value(s.a().scalar(u"SELECT COUNT(*) FROM shifts WHERE closed_at IS NULL"_s))
            .toLongLong();
    };
    const qint64 open = openShifts();
    AtTestPoint at(point, [&] { ok(StaffService(s.b()).deactivate(u"manager"_s, owner)); });
    const Status done = act();
    REQUIRE(at.reached());
    REQUIRE_FALSE(done);
    INFO(done.error().message.toStdString());
    CHECK(done.error().code == ErrorCode::Permission);
    CHECK(count("journal") == journal + 1); // the deactivation's entry only
    CHECK(count("giftcard_activity") == cards);
    CHECK(count("stock_movements") == stock);
    CHECK(count("sales") == sales);
    CHECK(count("cash_movements") == cash);
    CHECK(count("shifts") == shifts);
    CHECK(openShifts() == open);
    REQUIRE(value(Journal::verify(s.a())).ok);
}

TEST_CASE("two replacements of one lost card at once issue one new card",
          "[trust][interleaving][giftcard]") {
    TwoRegisters s;
    const QString code = s.sellCard(Money::fromCents(40'00));
    const qint64 id = s.cardId(code);

    std::optional<Result<IssuedCard>> second;
    AtTestPoint point("giftcard.replace.checked", [&] {
        second = GiftCardService(s.b()).replace(code, s.manager, std::nullopt, s.regB);
    });
    auto first = GiftCardService(s.a()).replace(code, s.manager, std::nullopt, s.regA);
    REQUIRE(point.reached());
    REQUIRE(second.has_value());

    CHECK((first ? 1 : 0) + (*second ? 1 : 0) == 1);
    CHECK(value(s.a().scalar(QStringLiteral("SELECT COUNT(*) FROM giftcards WHERE replaces_id = ?"),
                             {id}))
              .toInt() == 1);
    // Only the replacement is live, and it holds the whole balance.
    const IssuedCard &issued = first ? *first : **second;
    CHECK(value(GiftCardService(s.a()).lookup(issued.code, s.regA)).balance.cents() == 40'00);
    CHECK(s.sum(QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM giftcard_activity"))
              .cents() == 40'00);
    if (!first)
        CHECK(first.error().code == ErrorCode::Refused);
}

TEST_CASE("an adjustment racing a replacement never strands money on the void card",
          "[trust][interleaving][giftcard]") {
    TwoRegisters s;
    const QString code = s.sellCard(Money::fromCents(40'00));
    const qint64 id = s.cardId(code);

    std::optional<Result<IssuedCard>> replaced;
    AtTestPoint point("giftcard.adjust.checked", [&] {
        replaced = GiftCardService(s.b()).replace(code, s.manager, std::nullopt, s.regB);
    });
    auto adjusted = GiftCardService(s.a()).adjust(
        code, Money::fromCents(10'00), QStringLiteral("goodwill"), s.manager, std::nullopt, s.regA);
    REQUIRE(point.reached());
    REQUIRE(replaced.has_value());
    REQUIRE(*replaced);

    // Nothing is left on the void card; the replacement holds what the customer can spend.
    CHECK(s.balance(id).cents() == 0);
    const Money live = value(GiftCardService(s.a()).lookup((*replaced)->code, s.regA)).balance;
    CHECK(live.cents() == (adjusted ? 50'00 : 40'00));
    if (!adjusted)
        CHECK(adjusted.error().code == ErrorCode::Refused);
}

TEST_CASE("journal verify reads the chain and the books as of one moment while another register "
          "sells",
          "[trust][interleaving][journal]") {
    TwoRegisters s;
    s.sellCard(Money::fromCents(50'00));
    // Between verify's reading of the entries and its reading of the books, register B completes
    // a sale (its rows and its journal entry). Read at two moments, the sale's rows would show
    // up with no entry that recorded them: a false "written outside Oasis POS".
    std::optional<Result<CompletedSale>> sold;
    AtTestPoint point("journal.verify.entries_read", [&] {
        if (sold)
            return;
        Ticket t;
        t.addGiftCard(Money::fromCents(25'00));
        sold = SaleService(s.b()).complete(t, {s.tender(QStringLiteral("card:25"))}, s.frontdesk,
                                           std::nullopt, s.regB);
    });
    const JournalReport during = value(Journal::verify(s.a()));
    REQUIRE(sold.has_value());
    REQUIRE(sold->has_value()); // B was not kept waiting by a reader
    INFO(during.problem.toStdString());
    CHECK(during.ok);
    const JournalReport after = value(Journal::verify(s.a()));
    CHECK(after.ok);
    CHECK(after.entries == during.entries + 1);
}

TEST_CASE("registers sell at once on a store server: a sale waits only for what it shares with "
          "another (its cards, its receipt series, the journal's head)",
          "[trust][interleaving][sale][series]") {
    TwoRegisters s;
    s.desk2InSeriesB();
    const QString code = s.sellCard(Money::fromCents(100'00));
    const qint64 cardId = s.cardId(code);
    const auto oil = *value(CatalogService(s.a()).findByCode(QStringLiteral("OIL-LAV-120")));
    auto sell = [&](Database &db, const QString &reg, const QString &pay) {
        Ticket t;
        t.addItem(oil);
        return SaleService(db).complete(t, {s.tender(pay)}, s.frontdesk, std::nullopt, reg);
    };
    const QString byCard = QStringLiteral("gift:") + code;

    // While desk-1's sale (paid by the card) has written its own rows (the sale, its taxes and
    // tenders) and not yet taken the journal's head to write what it shares with other sales:
    std::optional<Result<CompletedSale>> apart, sameCard, sameSeries;
    AtTestPoint point("sale.shared.written", [&] {
        // Nothing shared: the same oil, paid in cash, on a register of another series.
        apart = sell(s.b(), s.regB, QStringLiteral("cash:50"));
        sameCard = sell(s.b(), s.regB, byCard); // the same card
        sameSeries = sell(s.b(), QStringLiteral("audit"), QStringLiteral("cash:50")); // series R
    });
    const CompletedSale first = value(sell(s.a(), s.regA, byCard));
    REQUIRE(point.reached());
    // The other register's sale is in the books before desk-1's (on a server).
    soldBeside(apart, QStringLiteral("B-000001"));
    // What the running sale holds, nobody else takes meanwhile, on either engine: the card
    // (no second debit on a balance read before the first) and the next number of series R.
    refusedMeanwhile(sameCard);
    refusedMeanwhile(sameSeries);

    CHECK(receiptCode(first.receiptNo) == QStringLiteral("R-000002"));
    CHECK(s.balance(cardId) == Money::fromCents(100'00) - first.totals.total);
    // The series R goes on without a gap, the journal is one chain with every row recorded.
    CHECK(receiptCode(
              value(sell(s.b(), QStringLiteral("audit"), QStringLiteral("cash:50"))).receiptNo) ==
          QStringLiteral("R-000003"));
    CHECK(value(s.a().scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toInt() ==
          (onPostgres() ? 4 : 3));
    REQUIRE(value(Journal::verify(s.a())).ok);
}

TEST_CASE("on a store server a sale waits for another series' sale only at the journal's head "
          "and at a stock level both take, not at the rows both add to in the reports",
          "[trust][interleaving][sale][series][rollup]") {
    TwoRegisters s;
    s.desk2InSeriesB();
    const QString first = s.sellCard(Money::fromCents(100'00));
    const QString second = s.sellCard(Money::fromCents(100'00));
    CatalogService catalog(s.a());
    auto product = [&](const char *code) {
        return *value(catalog.findByCode(QString::fromLatin1(code)));
    };
    // Three oils of one category: one sales_by_day row per day, kind, category and cashier, one
    // stock_by_category row per category, and one giftcard_activity_by_day row per day and kind,
    // had the reports one row of each for the whole store.
    const CatalogItem arnica = product("OIL-ARN-120"), lavender = product("OIL-LAV-120"),
                      eucalyptus = product("OIL-EUC-120");
    REQUIRE(arnica.category == lavender.category);
    REQUIRE(eucalyptus.category == lavender.category);
    auto sell = [&](Database &db, const QString &reg, std::vector<CatalogItem> items,
                    const QString &pay) {
        Ticket t;
        for (const CatalogItem &item : items)
            t.addItem(item);
        return SaleService(db).complete(t, {s.tender(pay)}, s.frontdesk, std::nullopt, reg);
    };
    auto onHand = [&](const CatalogItem &item) {
        return value(s.a().scalar(QStringLiteral("SELECT on_hand FROM stock_levels WHERE item_id "
                                                 "= ?"),
                                  {item.id}))
            .toLongLong();
    };
    const qint64 arnicaBefore = onHand(arnica), lavenderBefore = onHand(lavender),
                 eucalyptusBefore = onHand(eucalyptus);

    // While desk-1's sale (series R) has written all its books but its journal entry: its lines,
    // its card's debit, its stock and the rollups of all three, holding what it wrote.
    std::optional<Result<CompletedSale>> apart, sameStock;
    AtTestPoint point("sale.books.written", [&] {
        // Another oil of the same category, on another card, on desk-2 (series B).
        apart = sell(s.b(), s.regB, {eucalyptus}, QStringLiteral("gift:") + second);
        // Arnica, whose stock level desk-1's sale holds.
        sameStock = sell(s.b(), s.regB, {arnica}, QStringLiteral("cash:50"));
    });
    const CompletedSale one =
        value(sell(s.a(), s.regA, {lavender, arnica}, QStringLiteral("gift:") + first));
    REQUIRE(point.reached());
    // Desk-2's sale is in the books before desk-1's (on a server).
    soldBeside(apart, QStringLiteral("B-000001"));
    // The stock level desk-1 took, nobody else takes until it commits, on either engine.
    refusedMeanwhile(sameStock);

    CHECK(receiptCode(one.receiptNo) == QStringLiteral("R-000003"));
    const qint64 apartSold = onPostgres() ? 1 : 0;
    CHECK(onHand(arnica) == arnicaBefore - 1);
    CHECK(onHand(lavender) == lavenderBefore - 1);
    CHECK(onHand(eucalyptus) == eucalyptusBefore - apartSold);
    // Series B goes on without a gap; the reports add up what both series sold.
    CHECK(receiptCode(value(sell(s.b(), s.regB, {arnica}, QStringLiteral("cash:50"))).receiptNo) ==
          (onPostgres() ? QStringLiteral("B-000002") : QStringLiteral("B-000001")));
    const QDate today = StoreSettings(s.a()).businessDate(Clock::nowUtc());
    qint64 oils = 0;
    for (const QVariantList &row :
         value(ReportService(s.a()).salesBy(SalesBy::Category, today, today)).rows)
        if (row[0].toString() == lavender.category)
            oils += row[2].toLongLong();
    CHECK(oils ==
          2 * arnica.price.cents() + lavender.price.cents() + apartSold * eucalyptus.price.cents());
    CHECK(value(s.a().scalar(QStringLiteral(
                    "SELECT SUM(amount_cents) FROM giftcard_activity_by_day WHERE kind = "
                    "'redeem'")))
              .toLongLong() ==
          -(one.totals.total.cents() + (onPostgres() ? (*apart)->totals.total.cents() : 0)));
    qint64 units = 0;
    for (const CategoryValuation &c : value(InventoryService(s.a()).valuationSummary()).byCategory)
        if (c.category == lavender.category)
            units = c.units;
    CHECK(
        units ==
        value(s.a().scalar(QStringLiteral("SELECT SUM(l.on_hand) FROM stock_levels l JOIN items i "
                                          "ON i.id = l.item_id WHERE i.category_id = ? AND "
                                          "l.on_hand > 0"),
                           {value(s.a().scalar(QStringLiteral("SELECT category_id FROM items "
                                                              "WHERE id = ?"),
                                               {lavender.id}))}))
            .toLongLong());
    REQUIRE(value(Journal::verify(s.a())).ok);
}

TEST_CASE("a register named with a quote and a backslash holds its own series from its first "
          "statement, and no other",
          "[trust][interleaving][sale][series]") {
    // On a server a sale's first locks go in the statement after BEGIN with the register's name
    // written into it as text (Transaction::beginShared): the name must come through as it is.
    TwoRegisters s;
    const QString odd = QStringLiteral("O'Neil's \\ desk \\'");
    addRegisters(s.a(), {odd});
    REQUIRE(value(RegisterService(s.a()).setSeries(odd, QStringLiteral("C"), s.manager)).series ==
            QStringLiteral("C"));
    const auto oil = *value(CatalogService(s.a()).findByCode(QStringLiteral("OIL-LAV-120")));
    auto sell = [&](Database &db, const QString &reg) {
        Ticket t;
        t.addItem(oil);
        return SaleService(db).complete(t, {s.tender(QStringLiteral("cash:50"))}, s.frontdesk,
                                        std::nullopt, reg);
    };
    std::optional<Result<CompletedSale>> sameSeries, seriesR;
    AtTestPoint point("sale.shared.written", [&] {
        sameSeries = sell(s.b(), odd);
        seriesR = sell(s.b(), QStringLiteral("audit"));
    });
    const CompletedSale first = value(sell(s.a(), odd));
    REQUIRE(point.reached());
    CHECK(receiptCode(first.receiptNo) == QStringLiteral("C-000001"));
    // Series C is held: the same register's next number waits for this sale, on either engine.
    refusedMeanwhile(sameSeries);
    // Series R is not (on a server; a file has one writer at a time).
    soldBeside(seriesR, QStringLiteral("R-000001"));
    CHECK(receiptCode(value(sell(s.b(), odd)).receiptNo) == QStringLiteral("C-000002"));
    REQUIRE(value(Journal::verify(s.a())).ok);
}
