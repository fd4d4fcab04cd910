// SPDX-License-Identifier: GPL-3.0-or-later
// What the receipt printer receives: ESC/POS bytes, their QR codes, widths and code page.
#include "printingfixtures.h"

#include "printing/cp858.h"
#include "printing/escpos.h"
#include "printing/qr.h"
#include "printing/text.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace oasis;
using namespace oasis::printing;
using namespace oasis::printing::test;

namespace {

QByteArray escPos(const ReceiptDocument &doc, const EscPosOptions &options) {
    auto bytes = renderReceiptEscPos(doc, options);
    if (!bytes)
        FAIL(bytes.error().message.toStdString());
    return *bytes;
}

bool anyLineContains(const EscPosStream &stream, const QString &text) {
    for (const PrintedLine &line : stream.lines)
        if (line.text.contains(text))
            return true;
    return false;
}

/// The printed lines as one text, a line wrapped at the paper's width joined again.
QString printedText(const EscPosStream &stream) {
    QStringList lines;
    for (const PrintedLine &line : stream.lines)
        lines << line.text;
    return lines.join(u' ').simplified();
}

} // namespace

TEST_CASE("a raster QR on the receipt scans back to the exact receipt code", "[printing]") {
    const auto width = GENERATE(PaperWidth::Mm80, PaperWidth::Mm58);
    EscPosOptions options = EscPosOptions::forPaper(width);
    options.qrMode = QrMode::Raster;
    const EscPosStream stream = parseEscPos(escPos(sampleReceipt(), options));
    REQUIRE(stream.problem.isEmpty());
    REQUIRE(stream.nativeQrData.empty());
    // The gift card sold and the receipt itself each get a code, in that order.
    REQUIRE(stream.rasterImages.size() == 2);
    for (const QImage &image : stream.rasterImages)
        REQUIRE(image.width() <= options.dots);
    REQUIRE(decodeQrCodes(stream.rasterImages[0]) == QStringList{sampleGiftCode});
    REQUIRE(decodeQrCodes(stream.rasterImages[1]) == QStringList{sampleReceiptCode});
}

TEST_CASE("a native QR on the receipt carries the exact receipt code for the printer",
          "[printing]") {
    EscPosOptions options;
    options.qrMode = QrMode::Native;
    const EscPosStream stream = parseEscPos(escPos(sampleReceipt(), options));
    REQUIRE(stream.problem.isEmpty());
    REQUIRE(stream.rasterImages.empty());
    REQUIRE(stream.nativeQrData.size() == 2);
    REQUIRE(stream.nativeQrData[0] == sampleGiftCode.toUtf8());
    REQUIRE(stream.nativeQrData[1] == sampleReceiptCode.toUtf8());
    // Model 2 and error correction level M, as the raster codes use.
    REQUIRE(stream.nativeQrSetup.contains(QByteArray::fromHex("1d286b0400314132")));
    REQUIRE(stream.nativeQrSetup.contains(QByteArray::fromHex("1d286b0300314531")));
    // What libqrencode would draw from the same payload scans back to the same code.
    auto qr = encodeQr(stream.nativeQrData[1]);
    REQUIRE(qr.has_value());
    REQUIRE(decodeQrCodes(qrImage(*qr, 4)) == QStringList{sampleReceiptCode});
}

TEST_CASE("no printed line is wider than the paper", "[printing]") {
    const auto width = GENERATE(PaperWidth::Mm80, PaperWidth::Mm58);
    const EscPosOptions options = EscPosOptions::forPaper(width);
    ReceiptDocument doc = sampleReceipt();
    doc.reprint = true;
    doc.cashier = QStringLiteral("Maximiliana Alexandrovna Konstantinopolskaya-Featherstonehaugh");
    doc.lines[0].detail = QStringLiteral("with Supercalifragilisticexpialidocious-Therapist-Name");
    doc.total = Money::fromCents(98'765'43);
    const EscPosStream stream = parseEscPos(escPos(doc, options));
    REQUIRE(stream.problem.isEmpty());
    REQUIRE(stream.lines.size() > 20);
    for (const PrintedLine &line : stream.lines) {
        INFO("line: " << line.text.toStdString());
        REQUIRE(line.bytes.size() * (line.large ? 2 : 1) <= options.columns);
    }
    // The long name wraps instead of being lost, and its amount sits at the right edge.
    REQUIRE(anyLineContains(stream, QStringLiteral("glass bottle")));
    bool amountRightAligned = false;
    for (const PrintedLine &line : stream.lines)
        if (line.text.startsWith(QStringLiteral("Cr\u00e8me Br\u00fbl\u00e9e")))
            amountRightAligned = line.text.endsWith(QStringLiteral(" 48.00")) &&
                                 line.bytes.size() == options.columns;
    REQUIRE(amountRightAligned);
    // The total is printed large and bold, and REPRINT is there for all to see.
    bool totalLarge = false;
    for (const PrintedLine &line : stream.lines)
        if (line.text.contains(QStringLiteral("$98,765.43")))
            totalLarge = line.large && line.bold && line.text.startsWith(QStringLiteral("TOTAL"));
    REQUIRE(totalLarge);
    REQUIRE(anyLineContains(stream, QStringLiteral("REPRINT")));
}

TEST_CASE("the receipt shows its tenders, change, gift card balance and tips", "[printing]") {
    const EscPosStream stream = parseEscPos(escPos(sampleReceipt(), {}));
    REQUIRE(stream.problem.isEmpty());
    REQUIRE(stream.initialised);
    REQUIRE(stream.codePage == 19);
    REQUIRE(anyLineContains(stream, QStringLiteral("Receipt R-000042")));
    REQUIRE(anyLineContains(stream, QStringLiteral("01/15/2026 2:03 PM")));
    REQUIRE(anyLineContains(stream, QStringLiteral("Card ****4242 Auth 083311")));
    REQUIRE(anyLineContains(stream, QStringLiteral("Card **X9D3")));
    bool remaining = false;
    bool change = false;
    bool tip = false;
    for (const PrintedLine &line : stream.lines) {
        remaining = remaining || (line.text.contains(QStringLiteral("Remaining balance")) &&
                                  line.text.endsWith(QStringLiteral(" 12.50")));
        change = change || (line.text.startsWith(QStringLiteral("Change due")) &&
                            line.text.endsWith(QStringLiteral(" 2.24")));
        tip = tip || (line.text.startsWith(QStringLiteral("Tip for Lena")) &&
                      line.text.endsWith(QStringLiteral(" 20.00")));
    }
    REQUIRE(remaining);
    REQUIRE(change);
    REQUIRE(tip);
    REQUIRE(anyLineContains(stream, QStringLiteral("GC1-7MZ4-Q8RT-N2XW-K5PB-7KQ2")));
    REQUIRE(anyLineContains(stream, QStringLiteral("No expiration date. No fees.")));
}

TEST_CASE("cut and drawer kick are sent only when asked for", "[printing]") {
    const QByteArray kick = drawerKickBytes();
    REQUIRE(kick == QByteArray::fromHex("1b700019fa"));

    SECTION("cut, no drawer") {
        EscPosOptions options;
        options.cut = true;
        options.kickDrawer = false;
        const QByteArray bytes = escPos(sampleReceipt(), options);
        const EscPosStream stream = parseEscPos(bytes);
        REQUIRE(stream.problem.isEmpty());
        REQUIRE(stream.cuts == 1);
        REQUIRE(stream.drawerKicks == 0);
        REQUIRE(bytes.endsWith(cutBytes()));
    }
    SECTION("drawer, no cut") {
        EscPosOptions options;
        options.cut = false;
        options.kickDrawer = true;
        const QByteArray bytes = escPos(sampleReceipt(), options);
        const EscPosStream stream = parseEscPos(bytes);
        REQUIRE(stream.problem.isEmpty());
        REQUIRE(stream.cuts == 0);
        REQUIRE(stream.drawerKicks == 1);
        REQUIRE(bytes.endsWith(kick));
    }
    SECTION("cut, then the drawer opens") {
        EscPosOptions options;
        options.kickDrawer = true;
        const QByteArray bytes = escPos(sampleReceipt(), options);
        REQUIRE(bytes.endsWith(QByteArray(cutBytes() + kick)));
    }
}

TEST_CASE("accented names print in code page 858 and the rest is transliterated", "[printing]") {
    REQUIRE(toCp858(u"Cr\u00e8me Br\u00fbl\u00e9e") == QByteArray("Cr\x8Ame Br\x96l\x82"
                                                                  "e"));
    REQUIRE(toCp858(u"\u20ac5 Se\u00f1or M\u00fcller") == QByteArray("\xD5"
                                                                     "5 Se\xA4or M\x81ller"));
    REQUIRE(toCp858(u"\u201cDeep Tissue\u201d \u2014 90 min") ==
            QByteArray("\"Deep Tissue\" - 90 min"));
    REQUIRE(toCp858(u"\u2022\u20227KQ2 \u2026 \u0141\u00f3d\u017a \u2018ok\u2019") ==
            QByteArray("**7KQ2 ... L\xA2"
                       "dz 'ok'"));
    // A decomposed é (e + combining acute) prints as the single character it looks like.
    REQUIRE(toCp858(u"Cre\u0300me") == QByteArray("Cr\x8Ame"));

    const EscPosStream stream = parseEscPos(escPos(sampleReceipt(), {}));
    REQUIRE(stream.problem.isEmpty());
    bool found = false;
    for (const PrintedLine &line : stream.lines)
        found = found || line.bytes.startsWith(QByteArray("Cr\x8Ame Br\x96l\x82"
                                                          "e Body Oil"));
    REQUIRE(found);
    REQUIRE(anyLineContains(stream, QStringLiteral("\"Deep Tissue\" Massage - 90 min")));
}

TEST_CASE("a certificate slip carries the card's QR and the no-fees line", "[printing]") {
    auto bytes = renderCertificateEscPos(sampleCertificate(), {});
    REQUIRE(bytes.has_value());
    const EscPosStream stream = parseEscPos(*bytes);
    REQUIRE(stream.problem.isEmpty());
    REQUIRE(stream.rasterImages.size() == 1);
    REQUIRE(decodeQrCodes(stream.rasterImages[0]) == QStringList{sampleGiftCode});
    REQUIRE(anyLineContains(stream, QStringLiteral("$50.00")));
    REQUIRE(anyLineContains(stream, QStringLiteral("To: Zo\u00eb")));
    REQUIRE(anyLineContains(stream, noExpiryNoFeesLine()));

    GiftCertificate noCode = sampleCertificate();
    noCode.code.clear();
    REQUIRE_FALSE(renderCertificateEscPos(noCode, {}).has_value());
}

TEST_CASE("promotional value is disclosed with its last day on the slip and on the page, and a "
          "card of promotional value alone does not say it never expires",
          "[printing][promo]") {
    // A card given away: $25.00 of promotional value through a day, nothing paid.
    GiftCertificate given = sampleCertificate();
    given.amount = Money::fromCents(25'00);
    given.promo = Money::fromCents(25'00);
    given.promoExpires = QDate(2027, 3, 24);
    const QString givenPromo = promoLine(given.promo, given.promoExpires);
    CHECK(givenPromo == QStringLiteral("Includes $25.00 promotional value, expires 2027-03-24"));
    // A card sold with a bonus that does not expire: $50.00 paid and $20.00 promotional.
    GiftCertificate bonus = sampleCertificate();
    bonus.amount = Money::fromCents(70'00);
    bonus.promo = Money::fromCents(20'00);
    const QString bonusPromo = promoLine(bonus.promo, {});
    SECTION("the receipt printer's slip") {
        auto bytes = renderCertificateEscPos(given, {});
        REQUIRE(bytes.has_value());
        const EscPosStream slip = parseEscPos(*bytes);
        REQUIRE(slip.problem.isEmpty());
        const QString givenText = printedText(slip);
        CHECK(givenText.contains(givenPromo));
        CHECK(givenText.contains(QStringLiteral("No fees.")));
        CHECK_FALSE(givenText.contains(QStringLiteral("No expiration date")));
        bytes = renderCertificateEscPos(bonus, {});
        REQUIRE(bytes.has_value());
        const QString bonusText = printedText(parseEscPos(*bytes));
        CHECK(bonusText.contains(noExpiryNoFeesLine()));
        CHECK(bonusText.contains(bonusPromo));
    }
    SECTION("the page certificate, read back from its PDF") {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const QString givenPdf = dir.filePath(QStringLiteral("given.pdf"));
        const QString bonusPdf = dir.filePath(QStringLiteral("bonus.pdf"));
        REQUIRE(renderCertificatePdf(given, givenPdf));
        REQUIRE(renderCertificatePdf(bonus, bonusPdf));
        const QString givenText = pdfText(givenPdf).simplified();
        REQUIRE_FALSE(givenText.isEmpty()); // poppler-utils is among oasis.sh's packages
        CHECK(givenText.contains(givenPromo));
        CHECK(givenText.contains(QStringLiteral("No fees.")));
        CHECK_FALSE(givenText.contains(QStringLiteral("No expiration date")));
        const QString bonusText = pdfText(bonusPdf).simplified();
        CHECK(bonusText.contains(noExpiryNoFeesLine()));
        CHECK(bonusText.contains(bonusPromo));
    }
}

TEST_CASE("the plain-text receipt keeps accents and the codes within the width", "[printing]") {
    const int columns = GENERATE(48, 32);
    ReceiptDocument doc = sampleReceipt();
    doc.reprint = true;
    const QString text = renderReceiptText(doc, columns);
    const QStringList lines = text.split(u'\n');
    REQUIRE(lines.size() > 20);
    for (const QString &line : lines) {
        INFO("line: " << line.toStdString());
        REQUIRE(line.size() <= columns);
    }
    REQUIRE(text.contains(QStringLiteral("Cr\u00e8me Br\u00fbl\u00e9e")));
    REQUIRE(text.contains(QStringLiteral("\u201cDeep Tissue\u201d")));
    REQUIRE(text.contains(QStringLiteral("REPRINT")));
    REQUIRE(text.contains(sampleReceiptCode));
    REQUIRE(text.contains(sampleGiftCode));
    REQUIRE(text.contains(QStringLiteral("$267.76")));
}

TEST_CASE("a gift card code is grouped for reading", "[printing]") {
    REQUIRE(readableCode(u"GC17MZ4Q8RTN2XW") == QStringLiteral("GC17-MZ4Q-8RTN-2XW"));
    REQUIRE(readableCode(u"GC1 7MZ4  Q8RT") == QStringLiteral("GC1-7MZ4-Q8RT"));
    REQUIRE(readableCode(sampleGiftCode) == sampleGiftCode);
}
