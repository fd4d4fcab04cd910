// SPDX-License-Identifier: GPL-3.0-or-later
// What a person may be allowed to do: the actions core/authorization.h decides on.
#pragma once

namespace oasis {

/// Actions that some roles may not do alone (DESIGN §8, §14). Who may is decided in one place:
/// authorize() in core/authorization.h.
enum class Action {
    Sell,
    Refund,
    VoidSale,
    DiscountAboveThreshold,
    PriceOverride,
    NoSale,
    CashDrawer, ///< open or close a shift, pay in, pay out
    StockAdjust,
    StockReceive,
    GiftCardReplace,
    GiftCardAdjust,
    GiftCardCashOut,
    GiftCardReprint, ///< a certificate with the full code again
    Settings,        ///< store details, limits, tax rates
    Catalog,         ///< the product editor, catalog import
    Staff,
    CloseDay,
    Reports,
    Backup,        ///< backup, restore, key export and store copy
    ClientEdit,    ///< add a client, change a client's contact details
    ClientHealth,  ///< see and record a client's health flags (therapists too)
    ClientMerge,   ///< merge a duplicate client into another
    ClientExport,  ///< export client data (journaled)
    GiftCardPromo, ///< give promotional value: a bonus with a card sold, or a card given away
};

} // namespace oasis
