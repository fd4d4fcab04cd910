// SPDX-License-Identifier: GPL-3.0-or-later
// Receipts and certificates drawn with QPainter: their QR codes scan back to the exact code.
#include "printingfixtures.h"

#include "printing/certificate.h"
#include "printing/painter.h"
#include "printing/transport.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace oasis;
using namespace oasis::printing;
using namespace oasis::printing::test;

namespace {

PrintTarget target(const QString &text) {
    auto parsed = parseTarget(text);
    if (!parsed)
        FAIL(parsed.error().message.toStdString());
    return *parsed;
}

bool isPdf(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.size() > 1000 && file.read(5) == "%PDF-";
}

// Renders the first page of a PDF to a PNG with poppler's pdftoppm, when it is installed.
QImage rasterisePdf(const QString &pdf, const QString &outBase) {
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (pdftoppm.isEmpty())
        return {};
    QProcess process;
    process.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("200"),
                             QStringLiteral("-singlefile"), pdf, outBase});
    if (!process.waitForFinished(20000) || process.exitCode() != 0)
        FAIL("pdftoppm failed: " << process.readAllStandardError().toStdString());
    return QImage(outBase + QStringLiteral(".png"));
}

} // namespace

TEST_CASE("the receipt preview shows QR codes that scan to the receipt and the card sold",
          "[printing]") {
    const QImage image = renderReceiptImage(sampleReceipt(), 203);
    REQUIRE_FALSE(image.isNull());
    // 80 mm paper at 203 dpi.
    REQUIRE(image.width() == 640);
    REQUIRE(image.height() > image.width());
    QStringList codes = decodeQrCodes(image);
    codes.sort();
    REQUIRE(codes == QStringList{sampleGiftCode, sampleReceiptCode});

    const QImage narrow =
        renderReceiptImage(sampleReceipt(), 203, ReceiptPaper::forPaper(PaperWidth::Mm58));
    REQUIRE(narrow.width() == 464);
    REQUIRE(decodeQrCodes(narrow).contains(sampleReceiptCode));
}

TEST_CASE("png and pdf receipt targets produce files a scanner can read", "[printing]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("receipt.png"));
    REQUIRE(printReceipt(sampleReceipt(), target(QStringLiteral("png:") + png)).has_value());
    REQUIRE(decodeQrCodes(QImage(png)).contains(sampleReceiptCode));

    const QString pdf = dir.filePath(QStringLiteral("receipt.pdf"));
    REQUIRE(printReceipt(sampleReceipt(), target(QStringLiteral("pdf:") + pdf)).has_value());
    REQUIRE(isPdf(pdf));
    const QImage page = rasterisePdf(pdf, dir.filePath(QStringLiteral("receipt-page")));
    if (page.isNull()) {
        WARN("pdftoppm (poppler-utils) is not installed: the receipt PDF's QR was not read back");
    } else {
        REQUIRE(decodeQrCodes(page).contains(sampleReceiptCode));
    }

    const auto unwritable =
        printReceipt(sampleReceipt(), target(QStringLiteral("pdf:") +
                                             dir.filePath(QStringLiteral("no/such/r.pdf"))));
    REQUIRE_FALSE(unwritable.has_value());
    REQUIRE(unwritable.error().code == ErrorCode::Printer);
}

TEST_CASE("the gift certificate image carries a QR of the exact card code", "[printing]") {
    const auto page = GENERATE(CertificatePage::Letter, CertificatePage::A6);
    const QImage image = renderCertificateImage(sampleCertificate(), 150, page);
    REQUIRE_FALSE(image.isNull());
    REQUIRE(image.height() > image.width());
    REQUIRE(decodeQrCodes(image) == QStringList{sampleGiftCode});
}

TEST_CASE("the gift certificate PDF is a page whose QR scans to the card code", "[printing]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString pdf = dir.filePath(QStringLiteral("certificate.pdf"));
    REQUIRE(
        printCertificate(sampleCertificate(), target(QStringLiteral("pdf:") + pdf)).has_value());
    REQUIRE(isPdf(pdf));
    const QImage page = rasterisePdf(pdf, dir.filePath(QStringLiteral("certificate-page")));
    if (page.isNull()) {
        WARN("pdftoppm (poppler-utils) is not installed: the certificate PDF's QR was not read "
             "back");
    } else {
        // Letter at 200 dpi.
        REQUIRE(page.width() == 1700);
        REQUIRE(page.height() == 2200);
        REQUIRE(decodeQrCodes(page) == QStringList{sampleGiftCode});
    }

    const QString png = dir.filePath(QStringLiteral("certificate.png"));
    REQUIRE(
        printCertificate(sampleCertificate(), target(QStringLiteral("png:") + png)).has_value());
    REQUIRE(decodeQrCodes(QImage(png)) == QStringList{sampleGiftCode});

    GiftCertificate noCode = sampleCertificate();
    noCode.code.clear();
    const auto refused = renderCertificatePdf(noCode, dir.filePath(QStringLiteral("none.pdf")));
    REQUIRE_FALSE(refused.has_value());
    REQUIRE(refused.error().code == ErrorCode::Invalid);
}
