// SPDX-License-Identifier: GPL-3.0-or-later
// From the committed sale (core's read model) to the receipt document the renderers print.
#pragma once

#include "core/services/giftcard.h"
#include "core/services/sale.h"
#include "core/services/storesettings.h"
#include "printing/receipt.h"

#include <vector>

namespace oasis::printing {

/// Builds the receipt of a committed sale. `soldCards` carries the full codes of cards sold on
/// it, known only right after the sale: they print as QR codes. A reprint marks the copy and
/// never carries gift-card codes.
ReceiptDocument receiptFromSale(const SaleRecord &sale, const StoreInfo &store,
                                const std::vector<IssuedCard> &soldCards = {},
                                bool reprint = false);

} // namespace oasis::printing
