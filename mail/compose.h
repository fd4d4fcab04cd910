// SPDX-License-Identifier: GPL-3.0-or-later
// The e-gift card and the e-receipt: the printed documents as email messages.
#pragma once

#include "core/domain/error.h"
#include "mail/message.h"
#include "printing/certificate.h"
#include "printing/receipt.h"

namespace oasis::mail {

/// The Content-ID of the QR image an e-gift card or an e-receipt shows inline.
inline constexpr char kQrContentId[] = "qr@oasis-pos";

/// An e-gift card to `to`: HTML with the card's QR inline (cid:), the amount, To/From/message,
/// the code in reading groups and the no-expiry/no-fees line; the same as plain text; and the
/// certificate PDF attached. `from` is the store's address. The code is in this message only:
/// handle it like cash.
Result<Message> giftCardMessage(const printing::GiftCertificate &certificate, const QString &from,
                                const QString &to);

/// An e-receipt to `to`: the receipt's lines, taxes, tenders and footer as an HTML table and as
/// the printer's plain text, with the receipt code as an inline QR when the receipt has one (and
/// the QR of each gift card sold on it, right after the sale).
Result<Message> receiptMessage(const printing::ReceiptDocument &receipt, const QString &from,
                               const QString &to);

} // namespace oasis::mail
