// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/text.h"

#include "printing/layout.h"

#include <algorithm>

namespace oasis::printing {

namespace {

QString composed(QStringView text) {
    // One QChar per column for the accented letters receipts actually carry.
    return text.toString().normalized(QString::NormalizationForm_C);
}

QString render(const Layout &unfolded, int columns) {
    columns = std::max(16, columns);
    const Layout layout = foldLayout(unfolded, composed);
    QString out;
    for (const LayoutRow &row : layout) {
        // No double width in plain text: large rows use the whole line.
        for (const QString &line : fitRow(row, columns))
            out += line + u'\n';
    }
    return out;
}

} // namespace

QString renderReceiptText(const ReceiptDocument &doc, int columns) {
    return render(layoutReceipt(doc), columns);
}

QString renderCertificateText(const GiftCertificate &certificate, int columns) {
    return render(layoutCertificate(certificate), columns);
}

} // namespace oasis::printing
