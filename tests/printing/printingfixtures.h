// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the printing tests: a sample receipt and certificate, an ESC/POS reader and a QR
// reader (ZXing), so tests see the bytes and images the way a printer and a scanner would.
#pragma once

#include "printing/certificate.h"
#include "printing/receipt.h"

#include <QByteArray>
#include <QImage>
#include <QStringList>

#include <vector>

namespace oasis::printing::test {

/// A sale with a long product name, accents, a session, a gift card sold and a split payment.
ReceiptDocument sampleReceipt();
/// A gift certificate for the card sold on sampleReceipt().
GiftCertificate sampleCertificate();

inline const QString sampleReceiptCode = QStringLiteral("OR1-000042");
inline const QString sampleGiftCode = QStringLiteral("GC1-7MZ4-Q8RT-N2XW-K5PB-7KQ2");

/// One printed line as the printer would put it on paper.
struct PrintedLine {
    QByteArray bytes; ///< the code-page bytes between line feeds
    QString text;     ///< bytes decoded from CP858
    bool large = false;
    bool bold = false;
};

/// What an ESC/POS stream makes a printer do.
struct EscPosStream {
    std::vector<PrintedLine> lines;
    std::vector<QImage> rasterImages;     ///< GS v 0 images, black on white
    std::vector<QByteArray> nativeQrData; ///< GS ( k store-data payloads
    QByteArray nativeQrSetup;             ///< the GS ( k model/size/EC commands seen
    bool initialised = false;             ///< starts with ESC @
    int codePage = -1;                    ///< ESC t n
    int cuts = 0;                         ///< GS V
    int drawerKicks = 0;                  ///< ESC p
    QString problem;                      ///< an unknown or truncated command, if any
};

/// Reads the ESC/POS commands Oasis POS emits; anything else is reported in problem.
EscPosStream parseEscPos(const QByteArray &bytes);

/// Every QR code ZXing finds in the image, as text.
QStringList decodeQrCodes(const QImage &image);

/// The EAN-13 ZXing finds in the image (one label's worth), as its 13 digits; empty when none.
QStringList decodeEan13(const QImage &image);

/// The pages of a PDF as images at `dpi`, read by Poppler's pdftoppm; empty when pdftoppm is
/// not installed (poppler-utils). A PDF pdftoppm cannot read fails the test.
std::vector<QImage> rasterisePdfPages(const QString &pdf, int dpi);

/// The text of a PDF as Poppler's pdftotext lays it out; empty when pdftotext is not installed
/// (poppler-utils). A PDF pdftotext cannot read fails the test.
QString pdfText(const QString &pdf);

} // namespace oasis::printing::test
