// SPDX-License-Identifier: GPL-3.0-or-later
// Where a document goes when it does not go to the receipt printer: this computer's printer
// (QPrintDialog) or a PDF saved where the user says (starting in Documents). The one helper for
// receipts, reports and gift certificates.
#pragma once

#include "core/domain/error.h"

#include <QDialog>
#include <QString>

#include <functional>

class QPrinter;

namespace oasis::screens {

/// A document that can be printed on a system printer or saved as a PDF.
struct Printable {
    QString title;    ///< what it is, for the dialogs' titles: "Receipt A-000042"
    QString fileName; ///< the PDF's suggested name, e.g. "receipt-A-000042.pdf"
    std::function<Status(QPrinter &)> print;
    std::function<Status(const QString &path)> savePdf;
};

/// What became of a Printable.
struct PrintOutcome {
    enum class Kind { Cancelled, Printed, Saved };
    Kind kind = Kind::Cancelled;
    QString path; ///< the PDF, when Saved
    /// "Sent to the printer." / "Saved to PATH." / empty when cancelled.
    QString message() const;
};

/// The question asked when there is no receipt printer: "This computer's printer…",
/// "Save as PDF…" or Cancel. A dialog of its own so tests can press its buttons.
class PrintChoiceDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrintChoiceDialog)
public:
    enum Choice { SystemPrinter = 2, Pdf = 3 }; ///< exec() results besides Rejected
    PrintChoiceDialog(const QString &title, QWidget *parent = nullptr);
};

/// Asks where `doc` goes (PrintChoiceDialog), then shows the print dialog or the save dialog.
Result<PrintOutcome> printOrSave(const Printable &doc, QWidget *parent);
/// Lets the user choose one of this computer's printers (QPrintDialog) and prints on it.
Result<PrintOutcome> printOnSystemPrinter(const Printable &doc, QWidget *parent);
/// Asks where to save a file: the save dialog opens in Documents (home when there is none) with
/// `fileName` chosen; `suffix` is added to a name typed without it, and replacing a file is
/// asked first. Empty when cancelled.
QString chooseSaveFile(QWidget *parent, const QString &title, const QString &fileName,
                       const QString &filter, const QString &suffix);
/// Asks where to save the PDF (in Documents, named doc.fileName) and writes it; ".pdf" is added
/// to a name typed without it, and replacing a file is asked first.
Result<PrintOutcome> saveAsPdf(const Printable &doc, QWidget *parent);

} // namespace oasis::screens
