// SPDX-License-Identifier: GPL-3.0-or-later
// The counter's ticket rules in core, without a widget: what the register and oasisctl sale both
// drive (TicketEditor).
#include "core/domain/ticketeditor.h"

#include "tests/support/testsupport.h"

using namespace oasis;
using oasis::test::value;

namespace {

CatalogItem product(qint64 id, const char *code, qint64 cents) {
    CatalogItem item;
    item.id = id;
    item.code = QString::fromLatin1(code);
    item.name = item.code;
    item.price = Money::fromCents(cents);
    return item;
}

CatalogItem session(qint64 id, const char *code, qint64 cents) {
    CatalogItem item = product(id, code, cents);
    item.type = ItemType::Session;
    item.taxClass = TaxClass::Service;
    return item;
}

TicketEditor editorOn(QDate date) {
    TicketEditor editor;
    editor.setDateSource([date] { return date; });
    return editor;
}

} // namespace

TEST_CASE("ticket editing: quantities, line discounts and prices keep their limits",
          "[core][counter]") {
    TicketEditor t = editorOn(QDate(2026, 3, 10));
    const QString firstId = t.ticket().requestId;
    REQUIRE_FALSE(firstId.isEmpty());

    auto oil = t.addItem(product(1, "OIL", 2400));
    REQUIRE(oil);
    CHECK(oil->row == 0);
    CHECK(oil->newLine);
    auto again = t.addItem(product(1, "OIL", 2400), 2);
    REQUIRE(again);
    CHECK(again->row == 0);
    CHECK_FALSE(again->newLine);
    CHECK(t.ticket().lines[0].quantity == 3);

    // Quantities: 1 to 999, products only; a refused edit changes nothing.
    CHECK_FALSE(t.setQuantity(0, 0));
    CHECK_FALSE(t.setQuantity(0, 1000));
    CHECK_FALSE(t.addItem(product(1, "OIL", 2400), 997)); // 3 + 997 is over 999
    CHECK(t.ticket().lines[0].quantity == 3);
    CHECK(t.setQuantity(0, 2));
    CHECK(t.totals().subtotal == Money::fromCents(4800));

    // A session needs its therapist; it has no quantity.
    CHECK_FALSE(t.addItem(session(2, "DT60", 12000)));
    REQUIRE(t.addItem(session(2, "DT60", 12000), 1, 7, QStringLiteral("Lena")));
    CHECK_FALSE(t.hasQuantity(1));
    CHECK(t.isDiscountable(1));
    CHECK_FALSE(t.setQuantity(1, 2));

    // Line discounts in % or as an amount, never more than the line.
    CHECK(t.setLineDiscount(0, value(TicketEditor::parseDiscount(u"10%"))));
    CHECK(t.ticket().lines[0].lineDiscount == Money::fromCents(480));
    CHECK(t.setLineDiscount(0, value(TicketEditor::parseDiscount(u"5.00"))));
    CHECK(t.ticket().lines[0].lineDiscount == Money::fromCents(500));
    CHECK_FALSE(t.setLineDiscount(0, Money::fromCents(4801)));
    CHECK(t.ticket().lines[0].lineDiscount == Money::fromCents(500));
    CHECK_FALSE(t.setQuantity(0, 0));
    // A quantity that would leave the discount above the line is refused.
    CHECK(t.setLineDiscount(0, Money::fromCents(3000)));
    CHECK_FALSE(t.setQuantity(0, 1));
    CHECK(t.setLineDiscount(0, value(TicketEditor::parseDiscount(u""))));
    CHECK(t.ticket().lines[0].lineDiscount.isZero());
    CHECK_FALSE(TicketEditor::parseDiscount(u"ten"));

    // A price override caps the discount to the new gross and is marked for approval.
    CHECK(t.setLineDiscount(1, Money::fromCents(2000)));
    CHECK(t.setUnitPrice(1, Money::fromCents(1500)));
    CHECK(t.ticket().lines[1].priceOverridden);
    CHECK(t.ticket().lines[1].lineDiscount == Money::fromCents(1500));
    CHECK_FALSE(t.setUnitPrice(1, Money::fromCents(-1)));
    CHECK_FALSE(t.setUnitPrice(1, Money::defaultLimit() + Money::fromCents(1)));
    CHECK_FALSE(t.setUnitPrice(5, Money::fromCents(100)));

    // Gift cards and tips take no discount and no price.
    const int card = t.addGiftCard(Money::fromCents(5000));
    CHECK_FALSE(t.isDiscountable(card));
    CHECK_FALSE(t.setLineDiscount(card, Money::fromCents(100)));
    CHECK_FALSE(t.setUnitPrice(card, Money::fromCents(100)));

    // Removing every line starts a new ticket with its own request id.
    while (!t.isEmpty())
        t.removeLine(0);
    CHECK(t.ticket().requestId != firstId);
}

TEST_CASE("ticket editing: the ticket discount is refused, and the ticket kept, when it cannot "
          "apply",
          "[core][counter]") {
    TicketEditor t = editorOn(QDate(2026, 3, 10));
    REQUIRE(t.addItem(product(1, "OIL", 2400)));
    REQUIRE(t.setTicketDiscount(Discount::percent(100'000)));
    CHECK(t.totals().discount == Money::fromCents(240));
    const auto tooMuch = t.setTicketDiscount(Discount::fixed(Money::fromCents(2401)));
    REQUIRE_FALSE(tooMuch);
    CHECK_FALSE(tooMuch.error().message.isEmpty());
    CHECK(tooMuch.error().code == ErrorCode::Refused); // a rule, not a typing mistake
    // The ticket keeps its 10 % and its totals.
    CHECK(t.ticket().discount.kind == Discount::Kind::Percent);
    CHECK(t.totals().discount == Money::fromCents(240));
    CHECK(t.totalsError().isEmpty());
}

TEST_CASE("ticket editing: whose tip it is and what its percentages are of", "[core][counter]") {
    TicketEditor t = editorOn(QDate(2026, 3, 10));
    REQUIRE(t.addItem(product(1, "OIL", 2400)));
    CHECK(t.tipTherapistFor(0) == 0); // no session: ask
    REQUIRE(t.addItem(session(2, "DT60", 12000), 1, 7, QStringLiteral("Lena")));
    REQUIRE(t.addItem(session(3, "TP30", 6000), 1, 7, QStringLiteral("Lena")));
    CHECK(t.tipTherapistFor(0) == 7); // the only therapist on the ticket
    CHECK(t.tipBase(7) == Money::fromCents(18000));
    REQUIRE(t.addItem(session(4, "NM60", 13000), 1, 9, QStringLiteral("Ada")));
    CHECK(t.tipTherapistFor(0) == 0);  // two therapists, a product line chosen: ask
    CHECK(t.tipTherapistFor(3) == 9);  // the chosen session's therapist
    CHECK(t.tipTherapistFor(-1) == 0); // nothing chosen: ask

    CHECK_FALSE(TicketEditor::parseTip(u"0"));
    CHECK_FALSE(TicketEditor::parseTip(u"abc"));
    CHECK(value(TicketEditor::parseTip(u" 20 ")) == Money::fromCents(2000));
    CHECK_FALSE(t.addTip(Money::fromCents(2000), 0, {}));
    auto row = t.addTip(Money::fromCents(2000), 9, QStringLiteral("Ada"));
    REQUIRE(row);
    CHECK(*row == 3 + 1);
    CHECK(t.totals().tips == Money::fromCents(2000));
}

TEST_CASE("an empty ticket is totalled without asking the store's date", "[core][counter]") {
    // The date source reads the store's time zone (a round trip to a store server): a login,
    // which shows an empty ticket, does not need it.
    int asked = 0;
    TicketEditor t;
    t.setDateSource([&asked] {
        ++asked;
        return QDate(2026, 3, 10);
    });
    t.setTaxTable(TaxTable::seattle());
    REQUIRE(asked == 0);
    REQUIRE(t.totals().total == Money());
    value(t.addItem(product(1, "OIL-LAV-120", 24'00)));
    REQUIRE(asked > 0);
    REQUIRE(t.totals().total > Money::fromCents(24'00)); // taxed on the day asked
}
