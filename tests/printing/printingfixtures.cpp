// SPDX-License-Identifier: GPL-3.0-or-later
#include "printingfixtures.h"

#include "printing/cp858.h"

#include <ZXing/ReadBarcode.h>

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

namespace oasis::printing::test {

ReceiptDocument sampleReceipt() {
    ReceiptDocument doc;
    doc.store.name = QStringLiteral("Oasis Massage Spa");
    doc.store.addressLines = {QStringLiteral("2301 Fairview Ave E"),
                              QStringLiteral("Seattle, WA 98102")};
    doc.store.phone = QStringLiteral("(206) 555-0142");
    doc.title = QStringLiteral("SALE");
    doc.receiptNumber = 42;
    doc.receiptCode = sampleReceiptCode;
    doc.dateTime = QDateTime(QDate(2026, 1, 15), QTime(14, 3));
    doc.cashier = QStringLiteral("Maya");

    ReceiptLine session;
    session.name = QStringLiteral("\u201cDeep Tissue\u201d Massage \u2014 90 min");
    session.detail = QStringLiteral("with Lena");
    session.unitPrice = Money::fromCents(150'00);
    session.amount = Money::fromCents(150'00);
    ReceiptLine oil;
    oil.name = QStringLiteral("Cr\u00e8me Br\u00fbl\u00e9e Body Oil, paraben-free, lavender and "
                              "eucalyptus blend, 250 ml glass bottle");
    oil.quantity = 2;
    oil.unitPrice = Money::fromCents(24'00);
    oil.lineDiscount = Money::fromCents(4'80);
    oil.amount = Money::fromCents(43'20);
    ReceiptLine card;
    card.name = QStringLiteral("Gift card");
    card.detail = QStringLiteral("Gift card \u2022\u20227KQ2");
    card.unitPrice = Money::fromCents(50'00);
    card.amount = Money::fromCents(50'00);
    doc.lines = {session, oil, card};

    doc.subtotal = Money::fromCents(243'20);
    doc.taxes = {{QStringLiteral("Sales tax 10.55%"), Money::fromCents(4'56)}};
    doc.tips = {{QStringLiteral("Lena"), Money::fromCents(20'00)}};
    doc.total = Money::fromCents(267'76);

    ReceiptTender gift;
    gift.type = ReceiptTender::Type::GiftCard;
    gift.label = QStringLiteral("Gift card");
    gift.amount = Money::fromCents(30'00);
    gift.giftCardLast4 = QStringLiteral("X9D3");
    gift.remainingBalance = Money::fromCents(12'50);
    ReceiptTender visa;
    visa.type = ReceiptTender::Type::Card;
    visa.label = QStringLiteral("Visa");
    visa.amount = Money::fromCents(200'00);
    visa.cardLast4 = QStringLiteral("4242");
    visa.authCode = QStringLiteral("083311");
    ReceiptTender cash;
    cash.type = ReceiptTender::Type::Cash;
    cash.label = QStringLiteral("Cash");
    cash.amount = Money::fromCents(37'76);
    cash.cashTendered = Money::fromCents(40'00);
    doc.tenders = {gift, visa, cash};
    doc.changeDue = Money::fromCents(2'24);

    doc.giftCards = {{sampleGiftCode, {}, Money::fromCents(50'00), {}, {}}};
    doc.footerLines = {QStringLiteral("Unopened retail items may be returned within 30 days with "
                                      "this receipt."),
                       noExpiryNoFeesLine(), QStringLiteral("Thank you for visiting Oasis!")};
    return doc;
}

GiftCertificate sampleCertificate() {
    GiftCertificate certificate;
    certificate.store = sampleReceipt().store;
    certificate.code = sampleGiftCode;
    certificate.amount = Money::fromCents(50'00);
    certificate.to = QStringLiteral("Zoë");
    certificate.from = QStringLiteral("Sam & the team");
    certificate.message = QStringLiteral("Happy birthday \u2014 relax, you earned it!");
    return certificate;
}

namespace {

QImage rasterToImage(const QByteArray &data, int widthBytes, int height) {
    QImage image(widthBytes * 8, height, QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y) {
        uchar *row = image.scanLine(y);
        for (int x = 0; x < widthBytes * 8; ++x) {
            const auto byte = static_cast<unsigned char>(data[y * widthBytes + x / 8]);
            row[x] = (byte & (0x80 >> (x % 8))) ? 0 : 255;
        }
    }
    return image;
}

} // namespace

EscPosStream parseEscPos(const QByteArray &bytes) {
    EscPosStream out;
    PrintedLine current;
    bool bold = false;
    bool large = false;
    const qsizetype n = bytes.size();
    const auto at = [&](qsizetype i) { return static_cast<unsigned char>(bytes[i]); };
    qsizetype i = 0;
    const auto need = [&](qsizetype count) {
        if (i + count > n) {
            out.problem = QStringLiteral("truncated command at byte %1").arg(i);
            return false;
        }
        return true;
    };
    while (i < n && out.problem.isEmpty()) {
        const unsigned char c = at(i);
        if (c == 0x0A) {
            current.text.clear();
            for (const char b : current.bytes) {
                const char32_t u = fromCp858(static_cast<unsigned char>(b));
                current.text += QString::fromUcs4(&u, 1);
            }
            out.lines.push_back(current);
            current = PrintedLine{};
            ++i;
        } else if (c == 0x1B) {
            if (!need(2))
                break;
            const unsigned char cmd = at(i + 1);
            if (cmd == '@') {
                out.initialised = out.initialised || i == 0;
                i += 2;
            } else if (cmd == 't' || cmd == 'a' || cmd == 'E' || cmd == 'd') {
                if (!need(3))
                    break;
                if (cmd == 't')
                    out.codePage = at(i + 2);
                if (cmd == 'E')
                    bold = at(i + 2) & 1;
                i += 3;
            } else if (cmd == 'p') {
                if (!need(5))
                    break;
                ++out.drawerKicks;
                i += 5;
            } else {
                out.problem = QStringLiteral("unknown ESC %1 at byte %2").arg(cmd).arg(i);
            }
        } else if (c == 0x1D) {
            if (!need(2))
                break;
            const unsigned char cmd = at(i + 1);
            if (cmd == '!') {
                if (!need(3))
                    break;
                large = at(i + 2) == 0x11;
                i += 3;
            } else if (cmd == 'V') {
                if (!need(3))
                    break;
                const unsigned char m = at(i + 2);
                ++out.cuts;
                i += (m == 65 || m == 66) ? 4 : 3;
            } else if (cmd == 'v') {
                if (!need(8) || at(i + 2) != '0')
                    break;
                const int widthBytes = at(i + 4) | (at(i + 5) << 8);
                const int height = at(i + 6) | (at(i + 7) << 8);
                i += 8;
                if (!need(qsizetype(widthBytes) * height))
                    break;
                out.rasterImages.push_back(rasterToImage(
                    bytes.mid(i, qsizetype(widthBytes) * height), widthBytes, height));
                i += qsizetype(widthBytes) * height;
            } else if (cmd == '(') {
                if (!need(5) || at(i + 2) != 'k')
                    break;
                const int length = at(i + 3) | (at(i + 4) << 8);
                if (!need(5 + length))
                    break;
                const QByteArray params = bytes.mid(i + 5, length);
                // cn 49 is QR; fn 80 (store data) carries m = 48 and then the payload.
                if (params.size() >= 3 && params[0] == 49 && params[1] == 80)
                    out.nativeQrData.push_back(params.mid(3));
                else
                    out.nativeQrSetup += bytes.mid(i, 5 + length);
                i += 5 + length;
            } else {
                out.problem = QStringLiteral("unknown GS %1 at byte %2").arg(cmd).arg(i);
            }
        } else if (c < 0x20) {
            out.problem = QStringLiteral("control byte %1 at byte %2").arg(c).arg(i);
        } else {
            if (current.bytes.isEmpty()) {
                current.large = large;
                current.bold = bold;
            }
            current.bytes += char(c);
            ++i;
        }
    }
    if (out.problem.isEmpty() && i < n)
        out.problem = QStringLiteral("unreadable command at byte %1").arg(i);
    return out;
}

QStringList decodeQrCodes(const QImage &image) {
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
                                ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    QStringList texts;
    for (const ZXing::Result &result : ZXing::ReadBarcodes(view, hints)) {
        if (result.isValid())
            texts << QString::fromStdString(result.text());
    }
    return texts;
}

QStringList decodeEan13(const QImage &image) {
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
                                ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::EAN13);
    hints.setTryHarder(true);
    // Labels are printed upright and read at full size, one symbol at a time: ZXing 1.4 trips
    // an assertion in Result::operator== when it merges several reads of linear symbols.
    hints.setTryRotate(false);
    hints.setTryDownscale(false);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (result.isValid() && result.format() == ZXing::BarcodeFormat::EAN13)
        return {QString::fromStdString(result.text())};
    return {};
}

std::vector<QImage> rasterisePdfPages(const QString &pdf, int dpi) {
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (pdftoppm.isEmpty())
        return {};
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString base = QDir(dir.path()).filePath(QStringLiteral("page"));
    QProcess process;
    process.start(pdftoppm,
                  {QStringLiteral("-png"), QStringLiteral("-r"), QString::number(dpi), pdf, base});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        FAIL("pdftoppm failed: " << process.readAllStandardError().toStdString());
    std::vector<QImage> pages;
    QStringList files = QDir(dir.path()).entryList({QStringLiteral("page-*.png")}, QDir::Files);
    // page-1.png, page-2.png ... (zero-padded to the page count's width): a sort by name
    // keeps the order.
    files.sort();
    for (const QString &file : files)
        pages.push_back(QImage(QDir(dir.path()).filePath(file)));
    return pages;
}

QString pdfText(const QString &pdf) {
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        return {};
    QProcess process;
    process.start(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    REQUIRE(process.waitForFinished(30000));
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace oasis::printing::test
