// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/printchoice.h"

#include "pos/screens/translate.h"
#include "printing/systemprinter.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace oasis::screens {

QString PrintOutcome::message() const {
    switch (kind) {
    case Kind::Printed:
        return tr("Sent to the printer.");
    case Kind::Saved:
        return tr("Saved to %1.").arg(QDir::toNativeSeparators(path));
    case Kind::Cancelled:
        break;
    }
    return {};
}

PrintChoiceDialog::PrintChoiceDialog(const QString &title, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("printChoiceDialog"));
    setWindowTitle(title);
    const QString defaultName = QPrinterInfo::defaultPrinterName();
    const bool anyPrinter = !QPrinterInfo::availablePrinterNames().isEmpty();
    auto *why = new QLabel(
        anyPrinter ? tr("No receipt printer is set up on this register. Print on one of this "
                        "computer's printers, or save a PDF to print or send later.")
                   : tr("No receipt printer is set up on this register, and this computer has "
                        "no other printer: save a PDF to print or send later."),
        this);
    why->setWordWrap(true);
    auto *hint =
        new QLabel(tr("To print on a receipt printer, choose one in Settings → Printers."), this);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #555;"));

    auto *system = new QPushButton(
        defaultName.isEmpty() ? tr("Print…") : tr("Print on %1…").arg(defaultName), this);
    system->setObjectName(QStringLiteral("printChoiceSystem"));
    system->setEnabled(anyPrinter);
    system->setVisible(anyPrinter);
    auto *pdf = new QPushButton(tr("Save as PDF…"), this);
    pdf->setObjectName(QStringLiteral("printChoicePdf"));
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("printChoiceCancel"));
    for (QPushButton *b : {system, pdf, cancel}) {
        b->setMinimumSize(140, 48);
        b->setAutoDefault(false);
    }
    (anyPrinter ? system : pdf)->setDefault(true);
    connect(system, &QPushButton::clicked, this, [this] { done(SystemPrinter); });
    connect(pdf, &QPushButton::clicked, this, [this] { done(Pdf); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(system);
    buttons->addWidget(pdf);
    buttons->addStretch();
    buttons->addWidget(cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(why);
    layout->addWidget(hint);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    setMinimumWidth(520);
}

Result<PrintOutcome> printOrSave(const Printable &doc, QWidget *parent) {
    PrintChoiceDialog dialog(doc.title, parent);
    switch (dialog.exec()) {
    case PrintChoiceDialog::SystemPrinter:
        return printOnSystemPrinter(doc, parent);
    case PrintChoiceDialog::Pdf:
        return saveAsPdf(doc, parent);
    default:
        return PrintOutcome{};
    }
}

Result<PrintOutcome> printOnSystemPrinter(const Printable &doc, QWidget *parent) {
    QPrinter printer(QPrinter::HighResolution);
    if (!printing::choosePrinter(printer, parent, doc.title))
        return PrintOutcome{};
    if (auto ok = doc.print(printer); !ok)
        return std::unexpected(ok.error());
    return PrintOutcome{PrintOutcome::Kind::Printed, {}};
}

QString chooseSaveFile(QWidget *parent, const QString &title, const QString &fileName,
                       const QString &filter, const QString &suffix) {
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QDir::homePath();
    QFileDialog dialog(parent, title, folder, filter);
    dialog.setObjectName(QStringLiteral("saveFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(suffix); // and it asks before replacing a file
    dialog.selectFile(fileName);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

Result<PrintOutcome> saveAsPdf(const Printable &doc, QWidget *parent) {
    const QString path = chooseSaveFile(parent, tr("Save %1 as PDF").arg(doc.title), doc.fileName,
                                        tr("PDF documents (*.pdf)"), QStringLiteral("pdf"));
    if (path.isEmpty())
        return PrintOutcome{};
    if (auto ok = doc.savePdf(path); !ok)
        return std::unexpected(ok.error());
    return PrintOutcome{PrintOutcome::Kind::Saved, path};
}

} // namespace oasis::screens
