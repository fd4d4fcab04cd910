// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/systemprinter.h"

#include "core/domain/receiptcode.h"

#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>

namespace oasis::printing {

namespace {

Status cannotPrint(const QPrinter &printer) {
    const QString name =
        printer.printerName().isEmpty() ? QStringLiteral("the printer") : printer.printerName();
    return fail(
        ErrorCode::Printer,
        QStringLiteral("Could not start printing on %1: check that it is on and shared with "
                       "this computer.")
            .arg(name));
}

} // namespace

Status printReceiptOnPrinter(const ReceiptDocument &doc, QPrinter &printer,
                             const ReceiptPaper &paper) {
    const double heightMm = receiptHeightMm(doc, paper);
    if (heightMm <= 0)
        return fail(ErrorCode::Invalid, QStringLiteral("The receipt's QR code could not be made."));
    printer.setFullPage(true);
    printer.setDocName(QStringLiteral("Receipt %1").arg(receiptCode(doc.receiptNumber)));
    printer.setPageLayout(QPageLayout(QPageSize(QSizeF(paper.widthMm, heightMm),
                                                QPageSize::Millimeter, QStringLiteral("Receipt")),
                                      QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                      QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&printer))
        return cannotPrint(printer);
    const Status painted = paintReceipt(painter, doc, printer.resolution(), paper);
    painter.end();
    return painted;
}

Status printCertificateOnPrinter(const GiftCertificate &certificate, QPrinter &printer,
                                 CertificatePage page) {
    printer.setFullPage(true);
    printer.setDocName(QStringLiteral("Gift certificate"));
    printer.setPageLayout(
        QPageLayout(QPageSize(page == CertificatePage::A6 ? QPageSize::A6 : QPageSize::Letter),
                    QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&printer))
        return cannotPrint(printer);
    const QRectF paperRect = printer.paperRect(QPrinter::DevicePixel);
    const Status painted =
        paintCertificate(painter, certificate, paperRect.size(), printer.resolution());
    painter.end();
    return painted;
}

bool choosePrinter(QPrinter &printer, QWidget *parent, const QString &title) {
    QPrintDialog dialog(&printer, parent);
    if (!title.isEmpty())
        dialog.setWindowTitle(title);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace oasis::printing
