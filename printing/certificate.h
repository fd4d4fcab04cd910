// SPDX-License-Identifier: GPL-3.0-or-later
// The gift certificate: a printable page for a card sold at the counter.
#pragma once

#include "core/domain/error.h"
#include "core/domain/money.h"
#include "printing/receipt.h"

#include <QImage>
#include <QSizeF>
#include <QString>

class QPainter;

namespace oasis::printing {

/// What a gift certificate shows. The code is the full card code: handle it like cash.
struct GiftCertificate {
    StoreHeader store;
    QString code;         ///< the full code the QR carries
    QString readableCode; ///< the code in reading groups; derived from code when empty
    /// A service voucher: what it is worth ("One 60-minute deep tissue massage"), shown in place
    /// of an amount under the title "Service Voucher". Empty for a gift card.
    QString service;
    Money amount; ///< what the card can spend (paid value and promotional value)
    Money promo;  ///< of which promotional value (disclosed with its expiry); zero for none
    QDate promoExpires;
    QString to;
    QString from;
    QString message;
};

/// Page sizes a certificate is laid out for.
enum class CertificatePage { Letter, A6 };

/// Paints the certificate on a page of the given size in device pixels at dpi dots per inch.
/// Fails when the code cannot be made into a QR.
Status paintCertificate(QPainter &painter, const GiftCertificate &certificate, QSizeF pagePixels,
                        double dpi);

/// The certificate as a one-page PDF, and as a PNG image.
Result<QByteArray> certificatePdf(const GiftCertificate &certificate,
                                  CertificatePage page = CertificatePage::Letter);
Result<QByteArray> certificatePng(const GiftCertificate &certificate, int dpi = 150,
                                  CertificatePage page = CertificatePage::Letter);

/// Writes the certificate as a one-page PDF.
Status renderCertificatePdf(const GiftCertificate &certificate, const QString &path,
                            CertificatePage page = CertificatePage::Letter);

/// Renders the certificate to an image (the preview and the png: target). Null on failure.
QImage renderCertificateImage(const GiftCertificate &certificate, int dpi = 150,
                              CertificatePage page = CertificatePage::Letter);

/// Writes the certificate as a PNG file.
Status renderCertificatePng(const GiftCertificate &certificate, const QString &path, int dpi = 150,
                            CertificatePage page = CertificatePage::Letter);

/// The size of a certificate page in millimetres.
QSizeF certificatePageSizeMm(CertificatePage page);

} // namespace oasis::printing
