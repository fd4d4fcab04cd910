// SPDX-License-Identifier: GPL-3.0-or-later
// Paying a ticket one tender at a time, in core and without a widget (Payment): what the Pay
// dialog presents, checked against what the sale writes (planTenders).
#include "core/domain/giftcode.h"
#include "core/domain/payment.h"

#include "tests/support/testsupport.h"

using namespace oasis;
using oasis::test::value;

namespace {
Money cents(qint64 c) {
    return Money::fromCents(c);
}
} // namespace

TEST_CASE("payment: tenders are checked one at a time against what is left", "[core][counter]") {
    Payment pay(cents(8750), cents(0));
    CHECK(pay.remaining() == cents(8750));
    CHECK_FALSE(pay.isCovered());
    // Quick cash: exact, then the next $5, $10, $20, $50 and $100, each once.
    const std::vector<Money> quick{cents(8750), cents(9000), cents(10000)};
    CHECK(pay.quickCash() == quick);

    CHECK_FALSE(pay.add(Payment::cash(cents(0))));
    CHECK_FALSE(pay.add(Payment::card(cents(1000), u"12a4"_qs, {})));
    CHECK_FALSE(pay.add(Payment::card(cents(8751), u"1234"_qs, {}))); // only cash over-tenders
    CHECK(pay.tenders().empty());

    const Tender card = Payment::card(cents(5000), u" 4242 "_qs, u"a1b2"_qs);
    CHECK(card.cardLast4 == u"4242"_qs);
    CHECK(card.authCode == u"A1B2"_qs);
    REQUIRE(pay.add(card));
    CHECK(pay.remaining() == cents(3750));
    REQUIRE(pay.add(Payment::cash(cents(4000))));
    CHECK(pay.isCovered());
    CHECK(pay.change() == cents(250));
    CHECK(pay.quickCash().empty());
    CHECK_FALSE(pay.add(Payment::cash(cents(100)))); // paid in full

    // What the sale writes from these tenders: the same change, cash net of it.
    const TenderPlan plan = value(pay.plan({}));
    CHECK(plan.change == cents(250));
    REQUIRE(plan.applied.size() == 2);
    CHECK(plan.applied[1].amount == cents(3750));
    CHECK(plan.applied[1].tendered == cents(4000));

    pay.remove(1);
    CHECK(pay.remaining() == cents(3750));
    pay.remove(7); // no such tender: nothing happens
    CHECK(pay.tenders().size() == 1);
}

TEST_CASE("payment: a gift card pays what it holds, never the ticket's gift cards, once",
          "[core][counter]") {
    // $120 due, of which $50 is a gift card being sold: cards may pay $70 at most.
    Payment pay(cents(12000), cents(5000));
    const QString code = giftcode::generate();
    const Tender gift = value(pay.giftTender(code, cents(10000)));
    CHECK(gift.amount == cents(7000));
    REQUIRE(pay.add(gift));
    CHECK(pay.giftRoom().isZero());
    // The same card again, typed another way, is refused; so is any other card now.
    CHECK_FALSE(pay.giftTender(code.toLower(), cents(3000)));
    CHECK_FALSE(pay.giftTender(giftcode::generate(), cents(3000)));
    CHECK_FALSE(pay.giftTender(giftcode::generate(), cents(0)));
    Tender another = gift;
    another.giftCode = giftcode::generate();
    another.amount = cents(100);
    CHECK_FALSE(pay.add(another));
    REQUIRE(pay.add(Payment::card(cents(5000), u"1234"_qs, {})));
    CHECK(pay.isCovered());
    const TenderPlan plan = value(pay.plan({cents(10000)}));
    CHECK(plan.applied[0].amount == cents(7000));
    CHECK(plan.change.isZero());
}
