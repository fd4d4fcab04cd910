// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/painter.h"

#include "core/domain/receiptcode.h"

#include "printing/layout.h"
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
#include <optional>

namespace oasis::printing {

namespace {

constexpr double mmPerInch = 25.4;
constexpr double verticalMarginMm = 4.0;

double px(double mm, double dpi) {
    return mm * dpi / mmPerInch;
}

struct Item {
    QStringList lines;
    bool bold = false;
    bool large = false;
    std::optional<QrMatrix> qr;
    int moduleSize = 0;
    double height = 0;
};

// The receipt measured for one resolution: what to draw and how tall each row is.
class Prepared final {
public:
    static Result<Prepared> make(const ReceiptDocument &doc, double dpi,
                                 const ReceiptPaper &paper) {
        Prepared p;
        p.m_dpi = dpi;
        p.m_paper = paper;
        p.m_columns = std::max(16, paper.columns);
        p.m_printable = px(paper.printableWidthMm, dpi);
        p.m_margin = px((paper.widthMm - paper.printableWidthMm) / 2.0, dpi);
        p.m_cell = p.m_printable / p.m_columns;
        p.m_lineHeight = std::ceil(p.m_cell * 2.0);
        const Layout layout = foldLayout(layoutReceipt(doc), [](QStringView s) {
            return s.toString().normalized(QString::NormalizationForm_C);
        });
        for (const LayoutRow &row : layout) {
            Item item;
            item.bold = row.bold;
            item.large = row.large;
            if (row.kind == LayoutRow::Kind::Qr) {
                auto qr = encodeQr(row.qrPayload.toUtf8());
                if (!qr)
                    return std::unexpected(qr.error());
                // Crisp modules: a whole number of pixels each, at most 40 mm for the symbol.
                const double target = std::min(p.m_printable / 2.0, px(40.0, dpi));
                item.moduleSize = qrModuleSizeFor(*qr, int(target), 1000);
                item.height = (qr->size() + 2 * qrQuietZone) * item.moduleSize;
                item.qr = std::move(*qr);
            } else {
                item.lines = fitRow(row, row.large ? p.m_columns / 2 : p.m_columns);
                item.height = item.lines.size() * p.m_lineHeight * (row.large ? 2 : 1);
            }
            p.m_height += item.height;
            p.m_items.push_back(std::move(item));
        }
        p.m_height += 2 * px(verticalMarginMm, dpi);
        return p;
    }

    double width() const { return px(m_paper.widthMm, m_dpi); }
    double height() const { return m_height; }

    void paint(QPainter &painter) const {
        painter.save();
        QFont font(QStringLiteral("DejaVu Sans Mono"));
        font.setStyleHint(QFont::Monospace);
        font.setFixedPitch(true);
        font.setPointSizeF(fontPointSize(painter, font));
        QFont bold = font;
        bold.setBold(true);
        QFont large = font;
        large.setPointSizeF(font.pointSizeF() * 2);
        QFont largeBold = large;
        largeBold.setBold(true);

        painter.setPen(Qt::black);
        double y = px(verticalMarginMm, m_dpi);
        for (const Item &item : m_items) {
            if (item.qr) {
                const int side = int(item.height);
                const double x = std::round(m_margin + (m_printable - side) / 2.0);
                painter.setRenderHint(QPainter::Antialiasing, false);
                const int ms = item.moduleSize;
                const QPointF origin(x + qrQuietZone * ms, std::round(y) + qrQuietZone * ms);
                for (int my = 0; my < item.qr->size(); ++my)
                    for (int mx = 0; mx < item.qr->size(); ++mx)
                        if (item.qr->dark(mx, my))
                            painter.fillRect(
                                QRectF(origin.x() + mx * ms, origin.y() + my * ms, ms, ms),
                                Qt::black);
                y += item.height;
                continue;
            }
            painter.setRenderHint(QPainter::TextAntialiasing, true);
            painter.setFont(item.large ? (item.bold ? largeBold : large)
                                       : (item.bold ? bold : font));
            const double lineHeight = m_lineHeight * (item.large ? 2 : 1);
            for (const QString &line : item.lines) {
                painter.drawText(QRectF(m_margin, y, m_printable, lineHeight),
                                 Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip, line);
                y += lineHeight;
            }
        }
        painter.restore();
    }

private:
    // The point size at which columns characters fill the printable width on this device.
    double fontPointSize(QPainter &painter, QFont font) const {
        const double guess = m_cell / 0.6 * 72.0 / m_dpi;
        font.setPointSizeF(guess);
        const QFontMetricsF metrics(font, painter.device());
        const double advance = metrics.horizontalAdvance(QString(m_columns, u'M'));
        if (advance <= 0)
            return guess;
        return guess * std::min(1.0, m_printable / advance) * 0.995;
    }

    double m_dpi = 203;
    ReceiptPaper m_paper;
    int m_columns = 48;
    double m_printable = 0;
    double m_margin = 0;
    double m_cell = 0;
    double m_lineHeight = 0;
    double m_height = 0;
    std::vector<Item> m_items;
};

std::unexpected<Error> outputError(const QString &what) {
    return fail(ErrorCode::Printer, QStringLiteral("Could not draw %1 of the receipt.").arg(what));
}

} // namespace

ReceiptPaper ReceiptPaper::forPaper(PaperWidth width) {
    if (width == PaperWidth::Mm58) {
        ReceiptPaper paper;
        paper.widthMm = 58.0;
        paper.printableWidthMm = 48.0;
        paper.columns = 32;
        return paper;
    }
    return ReceiptPaper{};
}

double receiptHeightMm(const ReceiptDocument &doc, const ReceiptPaper &paper) {
    constexpr double dpi = 600;
    auto prepared = Prepared::make(doc, dpi, paper);
    if (!prepared)
        return 0;
    return prepared->height() * mmPerInch / dpi;
}

Status paintReceipt(QPainter &painter, const ReceiptDocument &doc, double dpi,
                    const ReceiptPaper &paper) {
    auto prepared = Prepared::make(doc, dpi, paper);
    if (!prepared)
        return std::unexpected(prepared.error());
    prepared->paint(painter);
    return {};
}

QImage renderReceiptImage(const ReceiptDocument &doc, int dpi, const ReceiptPaper &paper) {
    dpi = std::clamp(dpi, 72, 1200);
    auto prepared = Prepared::make(doc, dpi, paper);
    if (!prepared)
        return {};
    QImage image(int(std::ceil(prepared->width())), int(std::ceil(prepared->height())),
                 QImage::Format_RGB32);
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white);
    QPainter painter(&image);
    prepared->paint(painter);
    painter.end();
    return image;
}

Result<QByteArray> receiptPdf(const ReceiptDocument &doc, const ReceiptPaper &paper) {
    constexpr int dpi = 600;
    auto prepared = Prepared::make(doc, dpi, paper);
    if (!prepared)
        return std::unexpected(prepared.error());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(dpi);
    writer.setCreator(QStringLiteral("Oasis POS"));
    writer.setTitle(QStringLiteral("Receipt %1").arg(receiptCode(doc.receiptNumber)));
    writer.setPageSize(QPageSize(QSizeF(paper.widthMm, prepared->height() * mmPerInch / dpi),
                                 QPageSize::Millimeter, QStringLiteral("Receipt")));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&writer))
        return outputError(QStringLiteral("the PDF"));
    prepared->paint(painter);
    if (!painter.end())
        return outputError(QStringLiteral("the PDF"));
    buffer.close();
    return bytes;
}

Result<QByteArray> receiptPng(const ReceiptDocument &doc, int dpi, const ReceiptPaper &paper) {
    auto prepared = Prepared::make(doc, dpi, paper);
    if (!prepared)
        return std::unexpected(prepared.error());
    const QImage image = renderReceiptImage(doc, dpi, paper);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG"))
        return outputError(QStringLiteral("the PNG image"));
    return bytes;
}

Status renderReceiptPdf(const ReceiptDocument &doc, const QString &path,
                        const ReceiptPaper &paper) {
    auto bytes = receiptPdf(doc, paper);
    if (!bytes)
        return std::unexpected(bytes.error());
    return writeOutput(*bytes, path, QStringLiteral("receipt"));
}

Status renderReceiptPng(const ReceiptDocument &doc, const QString &path, int dpi,
                        const ReceiptPaper &paper) {
    auto bytes = receiptPng(doc, dpi, paper);
    if (!bytes)
        return std::unexpected(bytes.error());
    return writeOutput(*bytes, path, QStringLiteral("receipt"));
}

} // namespace oasis::printing
