// SPDX-License-Identifier: GPL-3.0-or-later
// ESC/POS: the byte stream thermal receipt printers understand (Epson TM-T20/T88 and clones).
#pragma once

#include "core/domain/error.h"
#include "printing/certificate.h"
#include "printing/receipt.h"

#include <QByteArray>

namespace oasis::printing {

/// How QR codes are sent to the printer.
enum class QrMode {
    Raster, ///< as a bitmap (GS v 0): works on every printer, the default
    Native, ///< as data for the printer's own QR generator (GS ( k, model 2)
};

/// How a receipt is laid out and what the printer does after it.
struct EscPosOptions {
    int columns = 48; ///< characters per line in font A
    int dots = 576;   ///< printable width in dots (203 dpi)
    QrMode qrMode = QrMode::Raster;
    bool cut = true;         ///< feed and cut the paper at the end (GS V)
    bool kickDrawer = false; ///< open the cash drawer after printing (ESC p)

    /// 80 mm: 48 columns, 576 dots; 58 mm: 32 columns, 384 dots.
    static EscPosOptions forPaper(PaperWidth width);
};

/// The receipt as ESC/POS bytes: init, code page CP858, text, QR codes, feed, cut, drawer kick.
Result<QByteArray> renderReceiptEscPos(const ReceiptDocument &doc,
                                       const EscPosOptions &options = {});

/// A gift certificate as a receipt-printer slip (amount, To/From, QR, code, no-fees line).
Result<QByteArray> renderCertificateEscPos(const GiftCertificate &certificate,
                                           const EscPosOptions &options = {});

/// The pulse that opens a cash drawer on the printer's drawer port (pin 2): a manager's no-sale.
QByteArray drawerKickBytes();

/// The bytes that feed the paper and cut it.
QByteArray cutBytes();

} // namespace oasis::printing
