// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/labels.h"

#include "core/domain/ean13.h"
#include "printing/output.h"
#include "printing/translate.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace oasis::printing {

namespace {

constexpr int kEan13Modules = 95;
constexpr int kEan13Width = kEan13LeftQuiet + kEan13Modules + kEan13RightQuiet;
constexpr double kNominalModuleInches = 0.33 / 25.4; ///< 0.33 mm: GS1's 100 % size

QFont labelFont(const QString &family, double pixels, bool bold) {
    QFont font(family);
    font.setStyleHint(family.contains(QLatin1String("Mono")) ? QFont::Monospace : QFont::SansSerif);
    font.setPixelSize(std::max(1, int(std::lround(pixels))));
    font.setBold(bold);
    return font;
}

QFont sans(double pixels, bool bold = false) {
    return labelFont(QStringLiteral("DejaVu Sans"), pixels, bold);
}

QFont mono(double pixels, bool bold = false) {
    return labelFont(QStringLiteral("DejaVu Sans Mono"), pixels, bold);
}

/// Columns of the guard bars (start, centre, end), which reach down between the digits.
bool isGuard(int module) {
    return module < 3 || (module >= 45 && module < 50) || module >= 92;
}

/// Draws the symbol with its quiet zones and digits in `area` (device pixels), whole pixels per
/// module, centred across. Returns false when not even one pixel per module fits.
bool drawEan13(QPainter &painter, const QString &ean13, const std::vector<bool> &modules,
               const QRectF &area, double dpi, double maxScale) {
    const int byWidth = int(area.width()) / kEan13Width;
    const int nominal = std::max(1, int(std::lround(dpi * kNominalModuleInches * maxScale)));
    const int module = std::min(byWidth, nominal);
    if (module < 1)
        return false;
    const double digitPixels = module * 8.0; // about GS1's 2.75 mm at the 100 % size
    const QFont digits = mono(digitPixels);
    const QFontMetricsF metrics(digits, painter.device());
    const double textHeight = metrics.ascent();
    const double left = std::round(area.left() + (area.width() - kEan13Width * module) / 2.0) +
                        kEan13LeftQuiet * module;
    const double top = std::round(area.top());
    const double barHeight = std::floor(area.height() - textHeight - module);
    if (barHeight < module * 10)
        return false;
    const double guardHeight = barHeight + textHeight / 2;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    // The quiet zones stay white whatever is behind them.
    painter.fillRect(
        QRectF(left - kEan13LeftQuiet * module, top, kEan13Width * module, area.height()),
        Qt::white);
    for (int x = 0; x < kEan13Modules;) {
        if (!modules[std::size_t(x)]) {
            ++x;
            continue;
        }
        int end = x;
        while (end < kEan13Modules && modules[std::size_t(end)] && isGuard(end) == isGuard(x))
            ++end;
        painter.fillRect(QRectF(left + x * module, top, (end - x) * module,
                                isGuard(x) ? guardHeight : barHeight),
                         Qt::black);
        x = end;
    }
    // The digits: the first in the left quiet zone, then six under each half.
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setFont(digits);
    painter.setPen(Qt::black);
    const double textTop = top + barHeight + module / 2.0;
    const QRectF firstDigit(left - kEan13LeftQuiet * module, textTop,
                            (kEan13LeftQuiet - 2) * module, textHeight * 1.3);
    painter.drawText(firstDigit, Qt::AlignRight | Qt::AlignTop, ean13.left(1));
    for (int i = 0; i < 12; ++i) {
        const int firstModule = i < 6 ? 3 + i * 7 : 50 + (i - 6) * 7;
        painter.drawText(QRectF(left + firstModule * module, textTop, 7 * module, textHeight * 1.3),
                         Qt::AlignHCenter | Qt::AlignTop, ean13.mid(i + 1, 1));
    }
    painter.restore();
    return true;
}

/// One label in `rect` (device pixels): name and size at the top left, the price at the top
/// right, the barcode (or the SKU when there is none) below.
void paintLabel(QPainter &painter, const ShelfLabel &label, const QRectF &rect, double dpi,
                const std::vector<bool> *modules) {
    const double heightInches = rect.height() / dpi;
    const double pad = dpi * (heightInches >= 1.5 ? 0.12 : 0.07);
    const QRectF inner = rect.adjusted(pad, pad * 0.8, -pad, -pad * 0.6);
    const bool tall = heightInches >= 1.5;
    const double typeScale = std::min(heightInches, rect.width() / dpi / 2.625);
    // Type grows with the label (8 pt names on a 1" label, 16 pt on a 2" one), and follows the
    // width on a label narrower than a 5160's.
    const double point = dpi / 72.0;
    const QFont sizeFont = sans(7.0 * typeScale * point);
    const QFont priceFont = sans(12.5 * typeScale * point, true);

    painter.save();
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setPen(Qt::black);

    const QFontMetricsF priceMetrics(priceFont, painter.device());
    const double priceWidth = priceMetrics.horizontalAdvance(label.priceText);
    painter.setFont(priceFont);
    painter.drawText(
        QRectF(inner.right() - priceWidth, inner.top(), priceWidth, priceMetrics.height()),
        Qt::AlignRight | Qt::AlignTop, label.priceText);

    const double nameWidth = inner.width() - priceWidth - dpi * 0.08;
    // A long name on a short label first gets smaller type (down to 80 %), then an ellipsis.
    QFont nameFont = sans(8.2 * typeScale * point, true);
    if (!tall)
        for (double scale = 0.95; scale > 0.79; scale -= 0.05) {
            if (QFontMetricsF(nameFont, painter.device()).horizontalAdvance(label.name) <=
                nameWidth)
                break;
            nameFont = sans(8.2 * scale * typeScale * point, true);
        }
    const QFontMetricsF nameMetrics(nameFont, painter.device());
    QString name = label.name;
    double nameHeight = nameMetrics.height();
    painter.setFont(nameFont);
    if (tall) {
        // Two lines on a tall label; the second is cut with an ellipsis if it must be.
        const QRectF box(inner.left(), inner.top(), nameWidth, nameMetrics.height() * 2);
        const QRectF needed =
            painter.boundingRect(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, name);
        if (needed.height() > box.height() + 0.5)
            name = nameMetrics.elidedText(name, Qt::ElideRight, nameWidth * 1.9);
        painter.drawText(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, name);
        nameHeight = std::min(needed.height(), box.height());
    } else {
        name = nameMetrics.elidedText(name, Qt::ElideRight, nameWidth);
        painter.drawText(QRectF(inner.left(), inner.top(), nameWidth, nameHeight),
                         Qt::AlignLeft | Qt::AlignTop, name);
    }
    const QFontMetricsF sizeMetrics(sizeFont, painter.device());
    const double sizeTop = inner.top() + nameHeight;
    if (!label.size.isEmpty()) {
        painter.setFont(sizeFont);
        painter.drawText(QRectF(inner.left(), sizeTop, nameWidth, sizeMetrics.height()),
                         Qt::AlignLeft | Qt::AlignTop,
                         sizeMetrics.elidedText(label.size, Qt::ElideRight, nameWidth));
    }
    const double textBottom =
        std::max(sizeTop + sizeMetrics.height(), inner.top() + priceMetrics.height());
    const QRectF codeArea(inner.left(), textBottom + dpi * 0.03, inner.width(),
                          inner.bottom() - textBottom - dpi * 0.03);

    bool drawn = false;
    if (modules)
        drawn = drawEan13(painter, label.ean13, *modules, codeArea, dpi, tall ? 1.5 : 1.0);
    if (!drawn) {
        // No EAN-13 (or no room for one): the SKU, to type in at the counter.
        const QFont skuFont =
            mono(std::min(codeArea.height() * 0.45, 10.0 * typeScale * point), true);
        painter.setFont(skuFont);
        painter.drawText(codeArea, Qt::AlignCenter, oasis::printing::tr("SKU %1").arg(label.code));
    }
    painter.restore();
}

QRectF toPixels(const QRectF &inches, double dpi) {
    return QRectF(inches.x() * dpi, inches.y() * dpi, inches.width() * dpi, inches.height() * dpi);
}

QPageLayout pageLayoutFor(const LabelLayout &layout) {
    const QSizeF page = layout.page;
    const bool landscape = page.width() > page.height();
    const QSizeF portrait = landscape ? page.transposed() : page;
    const QPageSize size =
        layout.stock == LabelStock::Thermal
            ? QPageSize(portrait, QPageSize::Inch, QStringLiteral("Label 2.25 x 1.25 in"),
                        QPageSize::ExactMatch)
            : QPageSize(QPageSize::Letter);
    QPageLayout pageLayout(size, landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                           QMarginsF(0, 0, 0, 0), QPageLayout::Inch);
    pageLayout.setMode(QPageLayout::FullPageMode);
    return pageLayout;
}

} // namespace

QRectF LabelLayout::slotInches(int slot) const {
    const int column = slot % columns;
    const int row = slot / columns;
    return QRectF(first.x() + column * pitch.width(), first.y() + row * pitch.height(),
                  label.width(), label.height());
}

LabelLayout labelLayout(LabelStock stock) {
    LabelLayout l;
    l.stock = stock;
    l.page = QSizeF(8.5, 11);
    switch (stock) {
    case LabelStock::Avery5160:
        // 3/16" side margins, 1/8" between columns, 1/2" top and bottom, no gap between rows.
        l.label = QSizeF(2.625, 1.0);
        l.first = QPointF(0.1875, 0.5);
        l.pitch = QSizeF(2.75, 1.0);
        l.columns = 3;
        l.rows = 10;
        break;
    case LabelStock::Avery5163:
        // 5/32" side margins, 3/16" between the columns, 1/2" top and bottom.
        l.label = QSizeF(4.0, 2.0);
        l.first = QPointF(0.15625, 0.5);
        l.pitch = QSizeF(4.1875, 2.0);
        l.columns = 2;
        l.rows = 5;
        break;
    case LabelStock::Avery5167:
        // 9/32" side margins, 5/16" between columns, 1/2" top and bottom.
        l.label = QSizeF(1.75, 0.5);
        l.first = QPointF(0.28125, 0.5);
        l.pitch = QSizeF(2.0625, 0.5);
        l.columns = 4;
        l.rows = 20;
        break;
    case LabelStock::Thermal:
        l.page = QSizeF(2.25, 1.25);
        l.label = l.page;
        l.first = QPointF(0, 0);
        l.pitch = l.page;
        break;
    }
    return l;
}

std::optional<LabelStock> labelStockFromName(QStringView name) {
    for (LabelStock s :
         {LabelStock::Avery5160, LabelStock::Avery5163, LabelStock::Avery5167, LabelStock::Thermal})
        if (name.compare(labelStockName(s), Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

QString labelStockName(LabelStock stock) {
    switch (stock) {
    case LabelStock::Avery5160:
        return QStringLiteral("5160");
    case LabelStock::Avery5163:
        return QStringLiteral("5163");
    case LabelStock::Avery5167:
        return QStringLiteral("5167");
    case LabelStock::Thermal:
        return QStringLiteral("thermal");
    }
    return {};
}

QString labelStockDescription(LabelStock stock) {
    switch (stock) {
    case LabelStock::Avery5160:
        return oasis::printing::tr("Avery 5160 — 30 per sheet, 2⅝″ × 1″");
    case LabelStock::Avery5163:
        return oasis::printing::tr("Avery 5163 — 10 per sheet, 4″ × 2″");
    case LabelStock::Avery5167:
        return oasis::printing::tr("Avery 5167 — 80 per sheet, 1¾″ × ½″");
    case LabelStock::Thermal:
        return oasis::printing::tr("Label printer — 2¼″ × 1¼″ labels, one at a time");
    }
    return {};
}

Status checkLabelStock(LabelStock stock) {
    if (stock == LabelStock::Avery5167)
        return fail(ErrorCode::Refused,
                    oasis::printing::tr("Avery 5167 labels (1¾″ × ½″) are too small for a name, a "
                                        "price and a barcode: use 5160 or 5163."));
    return {};
}

Status checkLabelJob(const LabelJob &job) {
    if (auto ok = checkLabelStock(job.stock); !ok)
        return ok;
    if (job.labels.empty())
        return fail(ErrorCode::Invalid, oasis::printing::tr("There are no labels to print."));
    const LabelLayout layout = labelLayout(job.stock);
    if (!layout.isSheet() && job.skip != 0)
        return fail(ErrorCode::Invalid,
                    oasis::printing::tr("A label printer starts at its next label: there are no "
                                        "used labels to skip."));
    if (job.skip < 0 || job.skip >= layout.perPage())
        return fail(
            ErrorCode::Invalid,
            oasis::printing::tr("Skip 0 to %1 used labels of an Avery %2 sheet (%3 labels), "
                                "not %4.")
                .arg(layout.perPage() - 1)
                .arg(labelStockName(job.stock))
                .arg(layout.perPage())
                .arg(job.skip));
    for (const ShelfLabel &label : job.labels)
        if (label.hasBarcode() && !isValidEan13(label.ean13))
            return fail(ErrorCode::Invalid,
                        oasis::printing::tr("%1 is not a valid EAN-13: no label prints it.")
                            .arg(label.ean13));
    return {};
}

int labelPageCount(const LabelJob &job) {
    const int perPage = labelLayout(job.stock).perPage();
    const int used = std::max(job.skip, 0) + int(job.labels.size());
    return (used + perPage - 1) / perPage;
}

std::pair<int, int> labelSlotsOnPage(const LabelJob &job, int page) {
    const int perPage = labelLayout(job.stock).perPage();
    const int firstIndex = page * perPage - job.skip; // label printed in slot 0 of this page
    const int firstSlot = std::max(0, -firstIndex);
    const int remaining = int(job.labels.size()) - std::max(firstIndex, 0);
    return {firstSlot, std::clamp(remaining, 0, perPage - firstSlot)};
}

Result<std::vector<bool>> ean13Modules(const QString &ean13) {
    if (!isValidEan13(ean13))
        return fail(ErrorCode::Invalid,
                    oasis::printing::tr("%1 is not a valid EAN-13.").arg(ean13));
    try {
        const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::EAN13)
                                            .setMargin(0)
                                            .encode(ean13.toStdString(), 0, 1);
        if (matrix.width() != kEan13Modules)
            return fail(ErrorCode::Printer,
                        oasis::printing::tr("The EAN-13 %1 came out %2 modules wide, not 95.")
                            .arg(ean13)
                            .arg(matrix.width()));
        std::vector<bool> modules(kEan13Modules);
        for (int x = 0; x < kEan13Modules; ++x)
            modules[std::size_t(x)] = matrix.get(x, 0);
        return modules;
    } catch (const std::exception &e) {
        return fail(ErrorCode::Invalid, oasis::printing::tr("The EAN-13 %1 cannot be drawn: %2")
                                            .arg(ean13, QString::fromUtf8(e.what())));
    }
}

Status paintLabelPage(QPainter &painter, const LabelJob &job, int page, double dpi, bool outlines) {
    if (auto ok = checkLabelJob(job); !ok)
        return ok;
    if (page < 0 || page >= labelPageCount(job))
        return fail(ErrorCode::Invalid,
                    oasis::printing::tr("There is no label page %1.").arg(page + 1));
    const LabelLayout layout = labelLayout(job.stock);
    const auto [firstSlot, count] = labelSlotsOnPage(job, page);
    painter.save();
    if (outlines) {
        QPen pen(QColor(0xb8, 0xc4, 0xc0));
        pen.setWidthF(std::max(1.0, dpi / 150.0));
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.setRenderHint(QPainter::Antialiasing, true);
        const double radius = dpi * 0.06;
        for (int slot = 0; slot < layout.perPage(); ++slot)
            painter.drawRoundedRect(toPixels(layout.slotInches(slot), dpi), radius, radius);
    }
    const int firstIndex = page * layout.perPage() - job.skip;
    for (int i = 0; i < count; ++i) {
        const int slot = firstSlot + i;
        const ShelfLabel &label = job.labels[std::size_t(firstIndex + slot)];
        std::optional<std::vector<bool>> modules;
        if (label.hasBarcode()) {
            auto encoded = ean13Modules(label.ean13);
            if (!encoded) {
                painter.restore();
                return std::unexpected(encoded.error());
            }
            modules = std::move(*encoded);
        }
        paintLabel(painter, label, toPixels(layout.slotInches(slot), dpi), dpi,
                   modules ? &*modules : nullptr);
    }
    painter.restore();
    return {};
}

Status paintLabels(QPagedPaintDevice &device, const LabelJob &job) {
    if (auto ok = checkLabelJob(job); !ok)
        return ok;
    if (!device.setPageLayout(pageLayoutFor(labelLayout(job.stock))))
        return fail(ErrorCode::Printer, oasis::printing::tr("The printer does not take %1 paper.")
                                            .arg(labelStockDescription(job.stock)));
    QPainter painter;
    if (!painter.begin(&device))
        return fail(ErrorCode::Printer, oasis::printing::tr("Could not start printing labels."));
    const double dpi = device.logicalDpiX();
    const int pages = labelPageCount(job);
    for (int page = 0; page < pages; ++page) {
        if (page > 0 && !device.newPage())
            return fail(ErrorCode::Printer,
                        oasis::printing::tr("Could not start label page %1.").arg(page + 1));
        if (auto ok = paintLabelPage(painter, job, page, dpi); !ok)
            return ok;
    }
    if (!painter.end())
        return fail(ErrorCode::Printer, oasis::printing::tr("Could not finish printing labels."));
    return {};
}

Result<QByteArray> labelsPdf(const LabelJob &job) {
    if (auto ok = checkLabelJob(job); !ok)
        return std::unexpected(ok.error());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(600);
    writer.setCreator(QStringLiteral("Oasis POS"));
    writer.setTitle(oasis::printing::tr("Shelf labels"));
    if (auto ok = paintLabels(writer, job); !ok)
        return std::unexpected(ok.error());
    buffer.close();
    return bytes;
}

Status renderLabelsPdf(const LabelJob &job, const QString &path) {
    auto bytes = labelsPdf(job);
    if (!bytes)
        return std::unexpected(bytes.error());
    return writeOutput(*bytes, path, QStringLiteral("labels"));
}

QImage renderLabelPageImage(const LabelJob &job, int page, int dpi, bool outlines) {
    if (!checkLabelJob(job))
        return {};
    dpi = std::clamp(dpi, 36, 1200);
    const QSizeF inches = labelLayout(job.stock).page;
    QImage image(
        QSize(int(std::lround(inches.width() * dpi)), int(std::lround(inches.height() * dpi))),
        QImage::Format_RGB32);
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white);
    QPainter painter(&image);
    const Status painted = paintLabelPage(painter, job, page, dpi, outlines);
    painter.end();
    return painted ? image : QImage();
}

} // namespace oasis::printing
