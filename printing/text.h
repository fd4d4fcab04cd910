// SPDX-License-Identifier: GPL-3.0-or-later
// Plain-text receipts: the same layout as the printer, in UTF-8, with codes instead of QR images.
#pragma once

#include "printing/certificate.h"
#include "printing/receipt.h"

#include <QString>

namespace oasis::printing {

/// The receipt as lines of at most columns characters joined by '\n' (QR codes are omitted;
/// the code each carries is printed under it anyway).
QString renderReceiptText(const ReceiptDocument &doc, int columns = 48);

/// A gift certificate as plain text.
QString renderCertificateText(const GiftCertificate &certificate, int columns = 48);

} // namespace oasis::printing
