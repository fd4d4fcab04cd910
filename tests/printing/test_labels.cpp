// SPDX-License-Identifier: GPL-3.0-or-later
// Shelf labels: the PDF is read back as a scanner and a person would (Poppler renders it, ZXing
// reads every EAN-13 in the position it was meant for, pdftotext reads the words).
#include "printingfixtures.h"

#include "core/domain/ean13.h"
#include "printing/labels.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace oasis;
using namespace oasis::printing;
using namespace oasis::printing::test;

namespace {

ShelfLabel product(const QString &code, const QString &name, const QString &size, qint64 cents,
                   const QStringList &barcodes) {
    CatalogItem item;
    item.code = code;
    item.name = name;
    item.size = size;
    item.price = Money::fromCents(cents);
    item.barcodes = barcodes;
    return LabelService::labelFor(item);
}

std::vector<ShelfLabel> sampleLabels() {
    return {
        product(QStringLiteral("OIL-LAV-120"), QStringLiteral("Lavender Calm Body Oil"),
                QStringLiteral("120 ml"), 24'00, {QStringLiteral("0850071001020")}),
        // The first barcode is an EAN-8: the label carries the second, the first valid EAN-13.
        product(QStringLiteral("OIL-ARN-120"), QStringLiteral("Arnica Recovery Massage Oil"),
                QStringLiteral("120 ml"), 28'00,
                {QStringLiteral("96385074"), QStringLiteral("0850071001013")}),
        product(QStringLiteral("LOT-CIT-200"), QStringLiteral("Citrus Grove Hand & Body Lotion"),
                QStringLiteral("200 ml"), 21'00, {QStringLiteral("4006381333931")}),
        product(QStringLiteral("BLM-MUS-060"), QStringLiteral("Warming Muscle Balm"),
                QStringLiteral("60 g"), 19'00, {QStringLiteral("9780306406157")}),
    };
}

/// The label position `slot` of a page image at `dpi`, a little inside its edges.
QImage slotImage(const QImage &page, LabelStock stock, int slot, int dpi) {
    const QRectF inches = labelLayout(stock).slotInches(slot);
    return page.copy(
        QRectF(inches.x() * dpi, inches.y() * dpi, inches.width() * dpi, inches.height() * dpi)
            .toRect());
}

/// What ZXing reads in each position of a page: one entry per position ("" when nothing).
QStringList readPositions(const QImage &page, LabelStock stock, int dpi) {
    QStringList out;
    for (int slot = 0; slot < labelLayout(stock).perPage(); ++slot) {
        const QStringList codes = decodeEan13(slotImage(page, stock, slot, dpi));
        out << (codes.size() == 1 ? codes.front() : codes.join(u'+'));
    }
    return out;
}

/// The page images of a job: from its PDF through Poppler when pdftoppm is installed, else
/// the same painting code on a QImage.
std::vector<QImage> pagesOf(const LabelJob &job, const QTemporaryDir &dir, int dpi,
                            bool *fromPdf = nullptr) {
    const QString pdf = QDir(dir.path()).filePath(QStringLiteral("labels.pdf"));
    REQUIRE(renderLabelsPdf(job, pdf));
    std::vector<QImage> pages = rasterisePdfPages(pdf, dpi);
    if (fromPdf)
        *fromPdf = !pages.empty();
    if (pages.empty()) {
        WARN("pdftoppm (poppler-utils) is not installed: reading the painted pages instead");
        for (int p = 0; p < labelPageCount(job); ++p)
            pages.push_back(renderLabelPageImage(job, p, dpi));
    }
    return pages;
}

} // namespace

TEST_CASE("EAN-13 validation checks the digits and the check digit", "[printing][labels]") {
    CHECK(isValidEan13(u"0850071001020"));
    CHECK(isValidEan13(u"4006381333931"));
    CHECK(isValidEan13(u"9780306406157"));
    CHECK(ean13CheckDigit(u"978030640615") == 7);
    CHECK(ean13CheckDigit(u"400638133393") == 1);
    CHECK_FALSE(isValidEan13(u"0850071001021")); // check digit off by one
    CHECK_FALSE(isValidEan13(u"0850071001002")); // two digits swapped
    CHECK_FALSE(isValidEan13(u"96385074"));      // an EAN-8
    CHECK_FALSE(isValidEan13(u"085007100102"));  // 12 digits
    CHECK_FALSE(isValidEan13(u"08500710010200"));
    CHECK_FALSE(isValidEan13(u" 850071001020"));
    // Arabic-Indic digits are digits to QChar::isDigit(), never to a scanner.
    CHECK_FALSE(isValidEan13(QStringLiteral("٠850071001020")));
    CHECK_FALSE(ean13CheckDigit(u"08500710010a"));
    CHECK(firstValidEan13({QStringLiteral("96385074"), QStringLiteral("0850071001021"),
                           QStringLiteral("0850071001013"), QStringLiteral("0850071001020")}) ==
          QStringLiteral("0850071001013"));
    CHECK(firstValidEan13({QStringLiteral("12345")}).isEmpty());
    CHECK(firstValidEan13({}).isEmpty());
}

TEST_CASE("ZXing's writer gives the 95 modules of an EAN-13", "[printing][labels]") {
    const auto modules = ean13Modules(QStringLiteral("0850071001020"));
    REQUIRE(modules);
    REQUIRE(modules->size() == 95);
    // Start, centre and end guards: 101, 01010, 101.
    CHECK(((*modules)[0] && !(*modules)[1] && (*modules)[2]));
    CHECK((!(*modules)[45] && (*modules)[46] && !(*modules)[47] && (*modules)[48] &&
           !(*modules)[49]));
    CHECK(((*modules)[92] && !(*modules)[93] && (*modules)[94]));
    CHECK_FALSE(ean13Modules(QStringLiteral("0850071001021")));
    CHECK_FALSE(ean13Modules(QStringLiteral("SKU-1")));
}

TEST_CASE("a 5160 sheet scans back to each product's EAN-13 in its position",
          "[printing][labels]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LabelJob job;
    job.stock = LabelStock::Avery5160;
    // Two copies of each product, then one with no valid EAN-13, after 4 used positions.
    for (const ShelfLabel &label : sampleLabels()) {
        job.labels.push_back(label);
        job.labels.push_back(label);
    }
    const ShelfLabel noBarcode =
        product(QStringLiteral("SCR-SAL-300"), QStringLiteral("Pacific Sea Salt Scrub"),
                QStringLiteral("300 g"), 29'00,
                {QStringLiteral("96385074"), QStringLiteral("0850071001014")});
    REQUIRE_FALSE(noBarcode.hasBarcode());
    job.labels.push_back(noBarcode);
    job.skip = 4;
    REQUIRE(labelPageCount(job) == 1);

    constexpr int dpi = 300;
    bool fromPdf = false;
    const std::vector<QImage> pages = pagesOf(job, dir, dpi, &fromPdf);
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].size() == QSize(2550, 3300)); // US letter at 300 dpi

    QStringList expected(30);
    for (std::size_t i = 0; i < job.labels.size(); ++i)
        expected[int(i) + 4] = job.labels[i].ean13;
    CHECK(expected[4] == QStringLiteral("0850071001020"));
    CHECK(expected[6] == QStringLiteral("0850071001013")); // the second barcode: the first is EAN-8
    CHECK(expected[12].isEmpty());                         // the scrub: no barcode at all
    CHECK(readPositions(pages[0], job.stock, dpi) == expected);

    // The painting code on its own, at the preview's resolution too.
    CHECK(readPositions(renderLabelPageImage(job, 0, dpi), job.stock, dpi) == expected);

    // The words are on the labels: name, size, price, and the scrub's SKU instead of a barcode.
    const QString text = pdfText(QDir(dir.path()).filePath(QStringLiteral("labels.pdf")));
    if (text.isEmpty()) {
        WARN("pdftotext (poppler-utils) is not installed: the labels' words were not read back");
    } else {
        CHECK(text.contains(QStringLiteral("Lavender Calm Body Oil")));
        CHECK(text.contains(QStringLiteral("$24.00")));
        CHECK(text.contains(QStringLiteral("120 ml")));
        CHECK(text.contains(QStringLiteral("SKU SCR-SAL-300")));
        CHECK(text.count(QStringLiteral("Warming Muscle Balm")) == 2);
        CHECK_FALSE(text.contains(QStringLiteral("SKU OIL-LAV-120")));
    }
    CHECK(fromPdf == !QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty());
}

TEST_CASE("labels after the skipped positions run onto a second sheet", "[printing][labels]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LabelJob job;
    job.stock = LabelStock::Avery5160;
    const std::vector<ShelfLabel> sample = sampleLabels();
    for (int i = 0; i < 8; ++i)
        job.labels.push_back(sample[std::size_t(i) % sample.size()]);
    job.skip = 26; // four positions left on the used sheet
    REQUIRE(labelPageCount(job) == 2);
    CHECK(labelSlotsOnPage(job, 0) == std::pair{26, 4});
    CHECK(labelSlotsOnPage(job, 1) == std::pair{0, 4});

    constexpr int dpi = 300;
    const std::vector<QImage> pages = pagesOf(job, dir, dpi);
    REQUIRE(pages.size() == 2);
    const QStringList first = readPositions(pages[0], job.stock, dpi);
    const QStringList second = readPositions(pages[1], job.stock, dpi);
    for (int slot = 0; slot < 26; ++slot)
        CHECK(first[slot].isEmpty());
    for (int i = 0; i < 4; ++i) {
        CHECK(first[26 + i] == job.labels[std::size_t(i)].ean13);
        CHECK(second[i] == job.labels[std::size_t(4 + i)].ean13);
    }
    for (int slot = 4; slot < 30; ++slot)
        CHECK(second[slot].isEmpty());
}

TEST_CASE("5163 sheets and the label printer scan back too", "[printing][labels]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    constexpr int dpi = 300;
    LabelJob job;
    job.labels = sampleLabels();

    SECTION("Avery 5163: ten to a sheet") {
        job.stock = LabelStock::Avery5163;
        job.skip = 1;
        const std::vector<QImage> pages = pagesOf(job, dir, dpi);
        REQUIRE(pages.size() == 1);
        const QStringList read = readPositions(pages[0], job.stock, dpi);
        CHECK(read.mid(0, 5) == QStringList{QString(), job.labels[0].ean13, job.labels[1].ean13,
                                            job.labels[2].ean13, job.labels[3].ean13});
    }
    SECTION("a label printer: a page per 2 1/4 x 1 1/4 inch label") {
        job.stock = LabelStock::Thermal;
        const std::vector<QImage> pages = pagesOf(job, dir, dpi);
        REQUIRE(pages.size() == job.labels.size());
        for (std::size_t i = 0; i < pages.size(); ++i) {
            CHECK(pages[i].size() == QSize(675, 375));
            CHECK(decodeEan13(pages[i]) == QStringList{job.labels[i].ean13});
        }
    }
}

TEST_CASE("labels that cannot be printed are refused and nothing is written",
          "[printing][labels]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString pdf = QDir(dir.path()).filePath(QStringLiteral("refused.pdf"));
    LabelJob job;
    job.labels = sampleLabels();

    SECTION("5167 is too small for a name, a price and a barcode") {
        job.stock = LabelStock::Avery5167;
        const Status written = renderLabelsPdf(job, pdf);
        REQUIRE_FALSE(written);
        CHECK(written.error().message.contains(QStringLiteral("too small")));
        CHECK(labelLayout(LabelStock::Avery5167).perPage() == 80);
    }
    SECTION("a skip past the sheet, or on a roll") {
        job.skip = 30;
        REQUIRE_FALSE(renderLabelsPdf(job, pdf));
        job.skip = -1;
        REQUIRE_FALSE(renderLabelsPdf(job, pdf));
        job.stock = LabelStock::Thermal;
        job.skip = 1;
        REQUIRE_FALSE(renderLabelsPdf(job, pdf));
    }
    SECTION("a wrong check digit never becomes a barcode") {
        job.labels[1].ean13 = QStringLiteral("0850071001014");
        const Status written = renderLabelsPdf(job, pdf);
        REQUIRE_FALSE(written);
        CHECK(written.error().message.contains(QStringLiteral("0850071001014")));
    }
    SECTION("no labels") {
        job.labels.clear();
        REQUIRE_FALSE(renderLabelsPdf(job, pdf));
    }
    CHECK_FALSE(QFile::exists(pdf));
    CHECK(renderLabelPageImage(job, 0, 150).isNull());
}

TEST_CASE("the sheets have the margins and pitches of the Avery templates", "[printing][labels]") {
    for (LabelStock stock : {LabelStock::Avery5160, LabelStock::Avery5163, LabelStock::Avery5167}) {
        const LabelLayout l = labelLayout(stock);
        INFO(labelStockName(stock).toStdString());
        // Symmetric margins: the last label ends as far from the right and bottom edges as the
        // first starts from the left and top.
        const QRectF last = l.slotInches(l.perPage() - 1);
        CHECK(std::abs((l.page.width() - last.right()) - l.first.x()) < 1e-9);
        CHECK(std::abs((l.page.height() - last.bottom()) - l.first.y()) < 1e-9);
        CHECK(l.page == QSizeF(8.5, 11));
        CHECK(labelStockFromName(labelStockName(stock)) == stock);
    }
    CHECK(labelLayout(LabelStock::Avery5160).slotInches(4) == QRectF(2.9375, 1.5, 2.625, 1.0));
    CHECK(labelLayout(LabelStock::Avery5163).slotInches(3) == QRectF(4.34375, 2.5, 4.0, 2.0));
    CHECK_FALSE(labelStockFromName(u"5161"));
}
