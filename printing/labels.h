// SPDX-License-Identifier: GPL-3.0-or-later
// Shelf labels on US letter sheets (Avery 5160, 5163) or a label printer's roll: name, size,
// price and the product's EAN-13, drawn bar by bar from ZXing's writer.
#pragma once

#include "core/domain/error.h"
#include "core/services/labels.h"

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <optional>
#include <vector>

class QPainter;
class QPagedPaintDevice;

namespace oasis::printing {

/// The label stocks a label can be printed on.
enum class LabelStock {
    Avery5160, ///< letter sheet, 3 × 10 labels of 2 5/8" × 1" (address labels)
    Avery5163, ///< letter sheet, 2 × 5 labels of 4" × 2" (shipping labels)
    Avery5167, ///< letter sheet, 4 × 20 labels of 1 3/4" × 1/2": too small, always refused
    Thermal,   ///< a label printer: one 2 1/4" × 1 1/4" label per page
};

/// Where the labels of a stock are, in inches from the top-left corner of the paper.
struct LabelLayout {
    LabelStock stock = LabelStock::Avery5160;
    QSizeF page;   ///< the paper
    QSizeF label;  ///< one label
    QPointF first; ///< the first label's top-left corner (the sheet's top and left margins)
    QSizeF pitch;  ///< from one label's corner to the next one's, across and down
    int columns = 1;
    int rows = 1;

    int perPage() const { return columns * rows; }
    bool isSheet() const { return perPage() > 1; }
    /// Position `slot` (0 is top left, counting across then down), in inches.
    QRectF slotInches(int slot) const;
};

LabelLayout labelLayout(LabelStock stock);
/// `5160`, `5163`, `5167` or `thermal`; nullopt for anything else.
std::optional<LabelStock> labelStockFromName(QStringView name);
QString labelStockName(LabelStock stock);
/// What a person picks from: "Avery 5160 — 30 per sheet, 2 5/8" × 1"".
QString labelStockDescription(LabelStock stock);
/// Refuses a stock a label does not fit on (5167: no room for name, price and barcode).
Status checkLabelStock(LabelStock stock);

/// Labels to print on a stock, skipping the positions already used on the first sheet.
struct LabelJob {
    std::vector<ShelfLabel> labels;
    LabelStock stock = LabelStock::Avery5160;
    int skip = 0; ///< used positions at the start of the first sheet (0 on a roll)
};

/// The stock fits, there are labels, the skip is within the sheet and every EAN-13 is valid.
Status checkLabelJob(const LabelJob &job);
/// Sheets (or roll labels) the job takes.
int labelPageCount(const LabelJob &job);
/// The slots of page `page` (from 0) that get a label: {first slot, number of labels}.
std::pair<int, int> labelSlotsOnPage(const LabelJob &job, int page);

/// The 95 modules of an EAN-13 symbol (true is a bar) from ZXing's writer, without quiet
/// zones. Fails for a code that is not a valid EAN-13.
Result<std::vector<bool>> ean13Modules(const QString &ean13);
/// The EAN-13's quiet zones in modules (GS1: 11 before the first bar, 7 after the last).
inline constexpr int kEan13LeftQuiet = 11;
inline constexpr int kEan13RightQuiet = 7;

/// Paints page `page` of the job, the painter's origin at the paper's top-left corner, in
/// device pixels at `dpi`. `outlines` draws every position's edge (previews, not paper).
Status paintLabelPage(QPainter &painter, const LabelJob &job, int page, double dpi,
                      bool outlines = false);

/// Every page on a paged device (QPdfWriter, a QPrinter): sets the stock's paper in full-page
/// mode, then paints page after page.
Status paintLabels(QPagedPaintDevice &device, const LabelJob &job);

/// The job as a PDF at 600 dpi, and written to a file.
Result<QByteArray> labelsPdf(const LabelJob &job);
Status renderLabelsPdf(const LabelJob &job, const QString &path);
/// One page as an image (the preview); null when the job is refused.
QImage renderLabelPageImage(const LabelJob &job, int page, int dpi, bool outlines = false);

} // namespace oasis::printing
