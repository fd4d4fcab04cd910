// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/certificate.h"

#include "printing/output.h"
#include "printing/qr.h"

#include <QBuffer>

#include <QFont>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace oasis::printing {

namespace {

constexpr double mmPerInch = 25.4;

QFont sansFont(double pixels, bool bold = false, bool italic = false) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(std::max(1, int(std::lround(pixels))));
    font.setBold(bold);
    font.setItalic(italic);
    return font;
}

// Draws text centred in a band of the page and returns the band's bottom.
double drawCentered(QPainter &painter, const QFont &font, const QString &text, double left,
                    double width, double top, double maxHeight = 0) {
    if (text.isEmpty())
        return top;
    painter.setFont(font);
    const int flags = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
    QRectF bounds = painter.boundingRect(QRectF(left, top, width, 100000), flags, text);
    if (maxHeight > 0 && bounds.height() > maxHeight)
        bounds.setHeight(maxHeight);
    painter.drawText(QRectF(left, top, width, bounds.height()), flags, text);
    return top + bounds.height();
}

std::unexpected<Error> outputError(const QString &what) {
    return fail(ErrorCode::Printer,
                QStringLiteral("Could not draw %1 of the gift certificate.").arg(what));
}

} // namespace

QSizeF certificatePageSizeMm(CertificatePage page) {
    const QPageSize size(page == CertificatePage::A6 ? QPageSize::A6 : QPageSize::Letter);
    return size.size(QPageSize::Millimeter);
}

Status paintCertificate(QPainter &painter, const GiftCertificate &certificate, QSizeF pagePixels,
                        double dpi) {
    if (certificate.code.isEmpty())
        return fail(ErrorCode::Invalid, QStringLiteral("The gift certificate has no card code."));
    auto qr = encodeQr(certificate.code.toUtf8());
    if (!qr)
        return std::unexpected(qr.error());

    const double w = pagePixels.width();
    const double h = pagePixels.height();
    const double margin = std::max(w * 0.07, dpi * 0.25);
    const double inner = w - 2 * margin;
    // Every size follows the page width, so Letter and A6 look alike.
    const double unit = w / 100.0;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    QPen border(QColor(0x2e, 0x6b, 0x5e));
    border.setWidthF(std::max(1.0, unit * 0.4));
    painter.setPen(border);
    painter.drawRoundedRect(QRectF(margin / 2, margin / 2, w - margin, h - margin), unit * 2,
                            unit * 2);
    painter.setPen(Qt::black);

    double y = margin;
    y = drawCentered(painter, sansFont(unit * 5.5, true), certificate.store.name, margin, inner, y);
    y += unit * 1.5;
    const bool voucher = !certificate.service.isEmpty();
    y = drawCentered(painter, sansFont(unit * 4),
                     voucher ? QStringLiteral("Service Voucher")
                             : QStringLiteral("Gift Certificate"),
                     margin, inner, y);
    y += unit * 2;
    if (voucher)
        y = drawCentered(painter, sansFont(unit * 6, true), certificate.service, margin, inner, y,
                         unit * 20);
    else
        y = drawCentered(painter, sansFont(unit * 12, true), certificate.amount.format(), margin,
                         inner, y);
    y += unit * 3;
    if (!certificate.to.isEmpty())
        y = drawCentered(painter, sansFont(unit * 3.6), QStringLiteral("To: ") + certificate.to,
                         margin, inner, y);
    if (!certificate.from.isEmpty())
        y = drawCentered(painter, sansFont(unit * 3.6), QStringLiteral("From: ") + certificate.from,
                         margin, inner, y);
    if (!certificate.message.isEmpty()) {
        y += unit * 1.5;
        y = drawCentered(painter, sansFont(unit * 3.2, false, true), certificate.message, margin,
                         inner, y, unit * 16);
    }
    y += unit * 4;

    // The QR: whole pixels per module, about a third of the page wide, quiet zone included.
    const int module = qrModuleSizeFor(*qr, int(w * 0.34), 100000);
    const int side = (qr->size() + 2 * qrQuietZone) * module;
    const double qrLeft = std::round((w - side) / 2.0);
    const double qrTop = std::round(y);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRectF(qrLeft, qrTop, side, side), Qt::white);
    for (int my = 0; my < qr->size(); ++my)
        for (int mx = 0; mx < qr->size(); ++mx)
            if (qr->dark(mx, my))
                painter.fillRect(QRectF(qrLeft + (mx + qrQuietZone) * module,
                                        qrTop + (my + qrQuietZone) * module, module, module),
                                 Qt::black);
    painter.setRenderHint(QPainter::Antialiasing, true);
    y = qrTop + side + unit;

    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPixelSize(std::max(1, int(std::lround(unit * 3.6))));
    mono.setBold(true);
    const QString readable = certificate.readableCode.isEmpty() ? readableCode(certificate.code)
                                                                : certificate.readableCode;
    y = drawCentered(painter, mono, readable, margin, inner, y);
    y += unit * 2;
    y = drawCentered(painter, sansFont(unit * 3.4, true),
                     feesAndExpiryLine(certificate.amount - certificate.promo, certificate.promo,
                                       certificate.promoExpires),
                     margin, inner, y);
    if (!certificate.promo.isZero())
        y = drawCentered(painter, sansFont(unit * 3.2),
                         promoLine(certificate.promo, certificate.promoExpires), margin, inner, y);

    // Store details sit at the foot of the page.
    QStringList footer = certificate.store.addressLines;
    if (!certificate.store.phone.isEmpty())
        footer << certificate.store.phone;
    if (!footer.isEmpty()) {
        const QFont small = sansFont(unit * 2.8);
        const QString text = footer.join(u'\n');
        painter.setFont(small);
        const QRectF bounds = painter.boundingRect(QRectF(margin, 0, inner, 100000),
                                                   Qt::AlignHCenter | Qt::TextWordWrap, text);
        const double top = std::max(y + unit * 2, h - margin - bounds.height());
        drawCentered(painter, small, text, margin, inner, top);
    }
    painter.restore();
    return {};
}

QImage renderCertificateImage(const GiftCertificate &certificate, int dpi, CertificatePage page) {
    dpi = std::clamp(dpi, 72, 1200);
    const QSizeF mm = certificatePageSizeMm(page);
    const QSize size(int(std::lround(mm.width() / mmPerInch * dpi)),
                     int(std::lround(mm.height() / mmPerInch * dpi)));
    QImage image(size, QImage::Format_RGB32);
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white);
    QPainter painter(&image);
    const Status painted = paintCertificate(painter, certificate, QSizeF(size), dpi);
    painter.end();
    if (!painted)
        return {};
    return image;
}

Status renderCertificatePng(const GiftCertificate &certificate, const QString &path, int dpi,
                            CertificatePage page) {
    auto bytes = certificatePng(certificate, dpi, page);
    if (!bytes)
        return std::unexpected(bytes.error());
    return writeOutput(*bytes, path, QStringLiteral("gift certificate"));
}

Status renderCertificatePdf(const GiftCertificate &certificate, const QString &path,
                            CertificatePage page) {
    auto bytes = certificatePdf(certificate, page);
    if (!bytes)
        return std::unexpected(bytes.error());
    return writeOutput(*bytes, path, QStringLiteral("gift certificate"));
}

Result<QByteArray> certificatePng(const GiftCertificate &certificate, int dpi,
                                  CertificatePage page) {
    if (certificate.code.isEmpty())
        return fail(ErrorCode::Invalid, QStringLiteral("The gift certificate has no card code."));
    const QImage image = renderCertificateImage(certificate, dpi, page);
    if (image.isNull())
        return fail(ErrorCode::Invalid,
                    QStringLiteral("The gift card code cannot be made into a QR code."));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return outputError(QStringLiteral("the PNG image"));
    return bytes;
}

Result<QByteArray> certificatePdf(const GiftCertificate &certificate, CertificatePage page) {
    if (certificate.code.isEmpty())
        return fail(ErrorCode::Invalid, QStringLiteral("The gift certificate has no card code."));
    constexpr int dpi = 600;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(dpi);
    writer.setCreator(QStringLiteral("Oasis POS"));
    writer.setTitle(QStringLiteral("Gift certificate"));
    writer.setPageSize(QPageSize(page == CertificatePage::A6 ? QPageSize::A6 : QPageSize::Letter));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&writer))
        return outputError(QStringLiteral("the PDF"));
    const Status painted =
        paintCertificate(painter, certificate, QSizeF(writer.width(), writer.height()), dpi);
    if (!painted)
        return std::unexpected(painted.error());
    if (!painter.end())
        return outputError(QStringLiteral("the PDF"));
    buffer.close();
    return bytes;
}

} // namespace oasis::printing
