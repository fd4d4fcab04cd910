// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/refundshare.h"

namespace oasis {

namespace {
Money shareOf(Money whole, Money alreadyTaken, int units, int remaining, int sold) {
    if (units >= remaining)
        return whole - alreadyTaken;
    return Money::fromCents(divRoundHalfAway(whole.cents() * units, sold));
}
} // namespace

RefundShare refundShare(const RefundBasis &line, int units) {
    if (units <= 0 || line.sold <= 0)
        return {};
    auto share = [&](Money RefundBasis::Amounts::*field) {
        return shareOf(line.whole.*field, line.refunded.*field, units, line.remaining, line.sold);
    };
    return {share(&RefundBasis::Amounts::lineDiscount),
            share(&RefundBasis::Amounts::ticketDiscount), share(&RefundBasis::Amounts::net),
            share(&RefundBasis::Amounts::tax)};
}

void RefundAmounts::add(const RefundShare &share, bool tip) {
    if (tip) {
        tips += share.net;
        return;
    }
    subtotal += share.net + share.ticketDiscount;
    discount += share.ticketDiscount;
    tax += share.tax;
}

} // namespace oasis
