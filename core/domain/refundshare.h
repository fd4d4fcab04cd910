// SPDX-License-Identifier: GPL-3.0-or-later
// The share of a sale line that a refund gives back: one function for the refund itself
// (RefundService::refund) and for the preview the counter shows before it (refundPreview), so the
// two can never differ.
#pragma once

#include "core/domain/money.h"
#include "core/domain/ticket.h"

namespace oasis {

/// Whether a refund may take a line of this kind back. A gift card is not refunded: its value
/// stays on the card and can be spent (a void of the whole sale takes it back).
inline bool isRefundable(LineKind kind) {
    return kind != LineKind::GiftCard;
}

/// An original sale line as a refund sees it: the whole line as sold, and what earlier refunds
/// of it already took.
struct RefundBasis {
    struct Amounts {
        Money lineDiscount;
        Money ticketDiscount;
        Money net; ///< after both discounts, before tax
        Money tax;
    };
    int sold = 0;      ///< units on the original line
    int remaining = 0; ///< units not refunded yet
    Amounts whole;     ///< the whole line as sold
    Amounts refunded;  ///< what earlier refunds of the line took
};

/// What a refund of some units of one line gives back (positive amounts).
using RefundShare = RefundBasis::Amounts;

/// The share of `units` of the line: each amount is whole × units / sold, rounded half away from
/// zero, and the last units take exactly what is left, so every cent of the line is refunded
/// once and only once. Zero for no units.
RefundShare refundShare(const RefundBasis &line, int units);

/// What a refund gives back in all, built from its lines' shares as the refund receipt is.
struct RefundAmounts {
    Money subtotal; ///< the lines' nets plus their ticket-discount shares (tips excluded)
    Money discount; ///< the ticket-discount shares
    Money tax;
    Money tips;

    /// Adds one line's share; a tip's net counts as a tip, untaxed.
    void add(const RefundShare &share, bool tip);
    /// subtotal − discount + tax + tips: what goes back to the tenders.
    Money total() const { return subtotal - discount + tax + tips; }
};

} // namespace oasis
