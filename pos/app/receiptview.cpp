// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/receiptview.h"

#include "pos/screens/printchoice.h"
#include "printing/painter.h"
#include "printing/printersettings.h"
#include "printing/receipt.h"
#include "printing/systemprinter.h"
#include "printing/transport.h"

#include <QApplication>
#include <QLabel>
#include <QPixmap>

namespace oasis::app {

namespace {
// Shown about 340 logical pixels wide for an 80 mm roll: readable without scrolling sideways.
constexpr double kPreviewDpi = 108.0;
} // namespace

ReceiptView::ReceiptView(QWidget *parent)
    : QScrollArea(parent) {
    setObjectName(QStringLiteral("receiptView"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("receiptPaper"));
    m_label->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setWidget(m_label);
    setWidgetResizable(true);
    setAlignment(Qt::AlignHCenter);
    setFocusPolicy(Qt::NoFocus);
}

ReceiptView::~ReceiptView() = default;

QSize ReceiptView::sizeHint() const {
    return {380, 520};
}

void ReceiptView::setDocument(const printing::ReceiptDocument &doc) {
    m_doc = std::make_unique<printing::ReceiptDocument>(doc);
    const qreal ratio = devicePixelRatioF();
    QImage image = printing::renderReceiptImage(doc, int(kPreviewDpi * ratio));
    if (image.isNull()) {
        m_label->setText(tr("The receipt cannot be drawn."));
        return;
    }
    image.setDevicePixelRatio(ratio);
    m_label->setPixmap(QPixmap::fromImage(image));
}

void ReceiptView::clear() {
    m_doc.reset();
    m_label->clear();
}

QImage ReceiptView::image() const {
    return m_label->pixmap().toImage();
}

Result<screens::PrintOutcome> printReceiptDocument(const printing::ReceiptDocument &doc,
                                                   QWidget *parent, bool cashSale) {
    const printing::PrinterSettings printer = printing::PrinterSettings::load();
    if (printer.isConfigured()) {
        // The transports have their own time limits; a wait cursor says the register is busy.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        Status printed = printer.print(doc, cashSale);
        QApplication::restoreOverrideCursor();
        if (!printed)
            return std::unexpected(printed.error());
        return screens::PrintOutcome{screens::PrintOutcome::Kind::Printed, {}};
    }
    // No receipt printer on this machine (Settings → Printers): this computer's printer
    // or a PDF.
    const QString code =
        doc.receiptCode.isEmpty() ? QString::number(doc.receiptNumber) : doc.receiptCode;
    screens::Printable printable;
    printable.title = ReceiptView::tr("Receipt %1").arg(code);
    printable.fileName = ReceiptView::tr("receipt-%1.pdf").arg(code);
    const auto paper = printing::ReceiptPaper::forPaper(printer.paper);
    printable.print = [&doc, paper](QPrinter &system) {
        return printing::printReceiptOnPrinter(doc, system, paper);
    };
    printable.savePdf = [&doc, &printer](const QString &path) -> Status {
        auto parsed = printing::parseTarget(QStringLiteral("pdf:") + path);
        if (!parsed)
            return std::unexpected(parsed.error());
        return printing::printReceipt(doc, *parsed, printer.escpos());
    };
    return screens::printOrSave(printable, parent);
}

} // namespace oasis::app
