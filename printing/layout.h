// SPDX-License-Identifier: GPL-3.0-or-later
// The receipt as rows of monospaced text: shared by the ESC/POS, plain-text and QPainter
// renderers so that all of them show the same receipt. Internal to oasis::printing.
#pragma once

#include "printing/certificate.h"
#include "printing/receipt.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace oasis::printing {

/// One logical row of a receipt before it is fitted to a paper width.
struct LayoutRow {
    enum class Kind { Text, Rule, Blank, Qr };
    enum class Align { Left, Center, Right };

    Kind kind = Kind::Text;
    QString left;  ///< text (wrapped when too long)
    QString right; ///< right-aligned amount on the first line (may be empty)
    Align align = Align::Left;
    int indent = 0; ///< leading spaces on every line of this row
    bool bold = false;
    bool large = false; ///< double width and height: half the columns
    QString qrPayload;  ///< Kind::Qr: what the symbol carries

    static LayoutRow text(QString left, QString right = {}, int indent = 0);
    static LayoutRow centered(QString text, bool bold = false, bool large = false);
    static LayoutRow rule();
    static LayoutRow blank();
    static LayoutRow qr(QString payload);
};

using Layout = std::vector<LayoutRow>;

/// The receipt's rows, in its own characters (not yet folded to a code page).
Layout layoutReceipt(const ReceiptDocument &doc);

/// A certificate as a receipt-printer slip.
Layout layoutCertificate(const GiftCertificate &certificate);

/// Applies fold to every text of the layout (e.g. foldToCp858), so widths count printed columns.
Layout foldLayout(Layout layout, const std::function<QString(QStringView)> &fold);

/// The printed lines of one row at width columns: never longer than width, no trailing spaces.
/// Large rows are fitted by the caller at width / 2. Qr rows give no lines.
QStringList fitRow(const LayoutRow &row, int width);

/// Words of text wrapped at width; words longer than width are cut.
QStringList wrapText(QStringView text, int width);

} // namespace oasis::printing
