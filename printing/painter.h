// SPDX-License-Identifier: GPL-3.0-or-later
// Receipts drawn with QPainter: PDF, the on-screen preview and PNG, and system printers.
#pragma once

#include "core/domain/error.h"
#include "printing/receipt.h"

#include <QImage>
#include <QString>

class QPainter;

namespace oasis::printing {

/// The paper a QPainter receipt is laid out on: an 80 mm roll by default.
struct ReceiptPaper {
    double widthMm = 80.0;          ///< page width
    double printableWidthMm = 72.0; ///< width the text and codes use, centred on the page
    int columns = 48;               ///< characters per line, as on the thermal printer

    static ReceiptPaper forPaper(PaperWidth width);
};

/// The height of the receipt page in millimetres for this paper.
double receiptHeightMm(const ReceiptDocument &doc, const ReceiptPaper &paper = {});

/// Paints the receipt with its top-left corner at the painter's origin, in device pixels at dpi.
/// The painted area is paper.widthMm wide and receiptHeightMm() tall.
Status paintReceipt(QPainter &painter, const ReceiptDocument &doc, double dpi,
                    const ReceiptPaper &paper = {});

/// The receipt as an image at dpi dots per inch (the preview and the png: target). Null when
/// a QR code cannot be made.
QImage renderReceiptImage(const ReceiptDocument &doc, int dpi = 203,
                          const ReceiptPaper &paper = {});

/// The receipt as a one-page PDF as wide as the paper and as long as the receipt.
Result<QByteArray> receiptPdf(const ReceiptDocument &doc, const ReceiptPaper &paper = {});
/// The receipt as a PNG image.
Result<QByteArray> receiptPng(const ReceiptDocument &doc, int dpi = 203,
                              const ReceiptPaper &paper = {});

/// Writes the receipt as a one-page PDF as wide as the paper and as long as the receipt.
Status renderReceiptPdf(const ReceiptDocument &doc, const QString &path,
                        const ReceiptPaper &paper = {});

/// Writes the receipt as a PNG file.
Status renderReceiptPng(const ReceiptDocument &doc, const QString &path, int dpi = 203,
                        const ReceiptPaper &paper = {});

} // namespace oasis::printing
