// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/compose.h"

#include "core/domain/emailaddress.h"
#include "mail/translate.h"
#include "printing/qr.h"
#include "printing/text.h"

#include <QBuffer>
#include <QImage>
#include <QLocale>

namespace oasis::mail {

namespace {

Result<QByteArray> qrPng(const QString &text) {
    auto qr = printing::encodeQr(text.toUtf8());
    if (!qr)
        return std::unexpected(qr.error());
    const QImage image = printing::qrImage(*qr, 8);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return fail(ErrorCode::System, oasis::mail::tr("Cannot draw the QR code for the email."));
    return png;
}

QString esc(const QString &text) {
    return text.toHtmlEscaped();
}

QString paragraphs(const QString &text) {
    return esc(text).replace(u'\n', QStringLiteral("<br>"));
}

/// The frame every message shares: the store's name on top, its address at the foot.
QString page(const printing::StoreHeader &store, const QString &content) {
    QStringList foot = store.addressLines;
    if (!store.phone.isEmpty())
        foot << store.phone;
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
                          "<body style=\"margin:0;padding:24px;background:#f4f1ec;"
                          "font-family:Helvetica,Arial,sans-serif;color:#222\">"
                          "<div style=\"max-width:480px;margin:0 auto;background:#fff;"
                          "border-radius:12px;padding:28px;text-align:center\">"
                          "<h1 style=\"font-size:22px;margin:0 0 18px\">%1</h1>%2"
                          "<p style=\"font-size:13px;color:#666;margin-top:28px\">%3</p>"
                          "</div></body></html>")
        .arg(esc(store.name), content, paragraphs(foot.join(u'\n')));
}

QString fileSafe(const QString &text) {
    QString out;
    for (QChar c : text)
        if (c.unicode() < 128 && c.isLetterOrNumber())
            out += c;
    return out;
}

} // namespace

Result<Message> giftCardMessage(const printing::GiftCertificate &certificate, const QString &from,
                                const QString &to) {
    if (auto ok = checkEmailAddress(to); !ok)
        return std::unexpected(ok.error());
    auto png = qrPng(certificate.code);
    if (!png)
        return std::unexpected(png.error());
    auto pdf = printing::certificatePdf(certificate);
    if (!pdf)
        return std::unexpected(pdf.error());
    const QString readable = certificate.readableCode.isEmpty()
                                 ? printing::readableCode(certificate.code)
                                 : certificate.readableCode;
    const QString amount = certificate.amount.format();
    const QString store = certificate.store.name;
    const QString feesAndExpiry = printing::feesAndExpiryLine(
        certificate.amount - certificate.promo, certificate.promo, certificate.promoExpires);

    Message m;
    m.from = from;
    m.fromName = store;
    m.to = to;
    m.subject = oasis::mail::tr("Your %1 gift card from %2").arg(amount, store);

    QString html =
        QStringLiteral("<p style=\"font-size:15px;margin:0\">%1</p>"
                       "<p style=\"font-size:40px;font-weight:bold;margin:8px 0\">%2</p>")
            .arg(esc(oasis::mail::tr("Gift card")), esc(amount));
    QStringList text{store, QString(), oasis::mail::tr("Gift card: %1").arg(amount)};
    if (!certificate.to.isEmpty()) {
        html += QStringLiteral("<p style=\"font-size:16px;margin:4px 0\">%1</p>")
                    .arg(esc(oasis::mail::tr("To: %1").arg(certificate.to)));
        text << oasis::mail::tr("To: %1").arg(certificate.to);
    }
    if (!certificate.from.isEmpty()) {
        html += QStringLiteral("<p style=\"font-size:16px;margin:4px 0\">%1</p>")
                    .arg(esc(oasis::mail::tr("From: %1").arg(certificate.from)));
        text << oasis::mail::tr("From: %1").arg(certificate.from);
    }
    if (!certificate.message.isEmpty()) {
        html += QStringLiteral("<p style=\"font-size:16px;font-style:italic;margin:12px 0\">"
                               "%1</p>")
                    .arg(paragraphs(certificate.message));
        text << QString() << certificate.message;
    }
    html += QStringLiteral("<p style=\"margin:20px 0 8px\"><img src=\"cid:%1\" width=\"220\" "
                           "height=\"220\" alt=\"%2\"></p>"
                           "<p style=\"font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;"
                           "font-size:20px;font-weight:bold;letter-spacing:1px;margin:0\">%3</p>"
                           "<p style=\"font-size:15px;font-weight:bold;margin:16px 0 4px\">%4</p>")
                .arg(QLatin1String(kQrContentId), esc(oasis::mail::tr("QR code of the gift card")),
                     esc(readable), esc(feesAndExpiry));
    text << QString() << oasis::mail::tr("Code: %1").arg(readable) << feesAndExpiry;
    // Promotional value is disclosed with its expiry, as on the certificate.
    if (!certificate.promo.isZero()) {
        const QString promo = printing::promoLine(certificate.promo, certificate.promoExpires);
        html += QStringLiteral("<p style=\"font-size:14px;margin:4px 0\">%1</p>").arg(esc(promo));
        text << promo;
    }
    html += QStringLiteral("<p style=\"font-size:14px;margin:4px 0\">%1</p>")
                .arg(esc(oasis::mail::tr("Show this QR code at the front desk, or read us the "
                                         "code. The certificate to print is attached.")));
    text << oasis::mail::tr("Show the QR code in the attached certificate at the front desk, or "
                            "read us the code.");
    text << QString() << certificate.store.addressLines;
    if (!certificate.store.phone.isEmpty())
        text << certificate.store.phone;

    m.html = page(certificate.store, html);
    m.text = text.join(u'\n') + u'\n';
    m.images.push_back({QLatin1String(kQrContentId), QStringLiteral("gift-card-qr.png"),
                        QStringLiteral("image/png"), *png});
    m.attachments.push_back(
        {QStringLiteral("gift-card-%1.pdf").arg(fileSafe(certificate.code).right(4)),
         QStringLiteral("application/pdf"), *pdf});
    return m;
}

Result<Message> receiptMessage(const printing::ReceiptDocument &receipt, const QString &from,
                               const QString &to) {
    if (auto ok = checkEmailAddress(to); !ok)
        return std::unexpected(ok.error());
    Message m;
    m.from = from;
    m.fromName = receipt.store.name;
    m.to = to;
    m.subject = receipt.receiptCode.isEmpty()
                    ? oasis::mail::tr("Your receipt from %1").arg(receipt.store.name)
                    : oasis::mail::tr("Your receipt %1 from %2")
                          .arg(receipt.receiptCode, receipt.store.name);

    const auto row = [](const QString &left, const QString &right, bool strong = false) {
        const QString weight =
            strong ? QStringLiteral("font-weight:bold;font-size:17px;") : QString();
        return QStringLiteral("<tr><td style=\"text-align:left;padding:3px 0;%1\">%2</td>"
                              "<td style=\"text-align:right;padding:3px 0;%1\">%3</td></tr>")
            .arg(weight, left, esc(right));
    };
    QString table;
    for (const printing::ReceiptLine &line : receipt.lines) {
        QString left = esc(line.name);
        if (line.quantity != 1)
            left += QStringLiteral(" × %1").arg(line.quantity);
        if (!line.detail.isEmpty())
            left += QStringLiteral("<br><span style=\"color:#666;font-size:13px\">%1</span>")
                        .arg(esc(line.detail));
        table += row(left, line.amount.format());
    }
    table += QStringLiteral("<tr><td colspan=\"2\"><hr style=\"border:0;border-top:1px solid "
                            "#ddd\"></td></tr>");
    table += row(esc(oasis::mail::tr("Subtotal")), receipt.subtotal.format());
    if (!receipt.discount.isZero())
        table += row(esc(oasis::mail::tr("Discount")), (-receipt.discount).format());
    for (const printing::ReceiptTax &tax : receipt.taxes)
        table += row(esc(tax.label), tax.amount.format());
    for (const printing::ReceiptTip &tip : receipt.tips)
        table += row(esc(oasis::mail::tr("Tip for %1").arg(tip.therapist)), tip.amount.format());
    table += row(esc(oasis::mail::tr("Total")), receipt.total.format(), true);
    for (const printing::ReceiptTender &tender : receipt.tenders) {
        QString label = tender.label;
        if (!tender.cardLast4.isEmpty())
            label += QStringLiteral(" ••%1").arg(tender.cardLast4);
        if (!tender.giftCardLast4.isEmpty())
            label += oasis::mail::tr(" ••%1 (balance left %2)")
                         .arg(tender.giftCardLast4, tender.remainingBalance.format());
        if (tender.type == printing::ReceiptTender::Type::GiftCard && !tender.detail.isEmpty())
            label += QStringLiteral(". ") + tender.detail; // its promotional value
        table += row(esc(label), tender.amount.format());
    }
    if (!receipt.changeDue.isZero())
        table += row(esc(oasis::mail::tr("Change")), receipt.changeDue.format());

    const QString when =
        QLocale().toString(receipt.dateTime, QStringLiteral("d MMM yyyy · h:mm AP"));
    QString html =
        QStringLiteral("<p style=\"font-size:14px;color:#444;margin:0 0 12px\">%1</p>"
                       "<table width=\"100%\" style=\"width:100%;border-collapse:collapse;"
                       "font-size:15px\">%2"
                       "</table>")
            .arg(esc(oasis::mail::tr("Receipt %1 · %2 · served by %3")
                         .arg(receipt.receiptCode, when, receipt.cashier)),
                 table);
    if (!receipt.receiptCode.isEmpty()) {
        auto png = qrPng(receipt.receiptCode);
        if (!png)
            return std::unexpected(png.error());
        m.images.push_back({QLatin1String(kQrContentId), QStringLiteral("receipt-qr.png"),
                            QStringLiteral("image/png"), *png});
        html += QStringLiteral("<p style=\"margin:20px 0 4px\"><img src=\"cid:%1\" width=\"140\" "
                               "height=\"140\" alt=\"%2\"></p><p style=\"font-size:13px;"
                               "margin:0\">%3</p>")
                    .arg(QLatin1String(kQrContentId),
                         esc(oasis::mail::tr("QR code of the receipt")), esc(receipt.receiptCode));
    }
    int n = 0;
    for (const printing::ReceiptGiftCard &card : receipt.giftCards) {
        auto png = qrPng(card.code);
        if (!png)
            return std::unexpected(png.error());
        const QString cid = QStringLiteral("giftcard%1@oasis-pos").arg(++n);
        m.images.push_back(
            {cid, QStringLiteral("gift-card-%1.png").arg(n), QStringLiteral("image/png"), *png});
        const QString readable =
            card.readableCode.isEmpty() ? printing::readableCode(card.code) : card.readableCode;
        html +=
            QStringLiteral("<p style=\"font-size:15px;font-weight:bold;margin:20px 0 4px\">"
                           "%1</p><p style=\"margin:4px 0\"><img src=\"cid:%2\" width=\"180\" "
                           "height=\"180\" alt=\"%3\"></p><p style=\"font-family:monospace;"
                           "font-size:17px;font-weight:bold;margin:0\">%4</p>"
                           "<p style=\"font-size:13px;margin:4px 0\">%5</p>")
                .arg(esc(oasis::mail::tr("Gift card %1").arg((card.amount + card.promo).format())),
                     cid, esc(oasis::mail::tr("QR code of the gift card")), esc(readable),
                     esc(printing::feesAndExpiryLine(card.amount, card.promo, card.promoExpires)));
        if (!card.promo.isZero())
            html += QStringLiteral("<p style=\"font-size:13px;margin:4px 0\">%1</p>")
                        .arg(esc(printing::promoLine(card.promo, card.promoExpires)));
    }
    if (!receipt.footerLines.isEmpty())
        html += QStringLiteral("<p style=\"font-size:13px;color:#444;margin-top:20px\">%1</p>")
                    .arg(paragraphs(receipt.footerLines.join(u'\n')));

    m.html = page(receipt.store, html);
    m.text = printing::renderReceiptText(receipt, 48) + u'\n';
    return m;
}

} // namespace oasis::mail
