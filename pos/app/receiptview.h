// SPDX-License-Identifier: GPL-3.0-or-later
// The on-screen receipt: the QPainter rendering of printing/, in a scroll area, and printing it.
#pragma once

#include "core/domain/error.h"
#include "pos/screens/printchoice.h"

#include <QScrollArea>

#include <memory>

class QLabel;

namespace oasis::printing {
struct ReceiptDocument;
}

namespace oasis::app {

class ReceiptView final : public QScrollArea {
    Q_OBJECT
public:
    explicit ReceiptView(QWidget *parent = nullptr);
    ~ReceiptView() override;

    void setDocument(const printing::ReceiptDocument &doc);
    void clear();
    bool hasDocument() const { return m_doc != nullptr; }
    const printing::ReceiptDocument *document() const { return m_doc.get(); }
    /// The rendered image, as shown (null when nothing is shown).
    QImage image() const;

    QSize sizeHint() const override;

private:
    QLabel *m_label = nullptr;
    std::unique_ptr<printing::ReceiptDocument> m_doc;
};

/// Prints on this machine's receipt printer (printing::PrinterSettings, set in Settings; a cash
/// sale also opens the drawer); without one, offers this computer's printer or a PDF
/// (screens::printOrSave).
Result<screens::PrintOutcome> printReceiptDocument(const printing::ReceiptDocument &doc,
                                                   QWidget *parent, bool cashSale = false);

} // namespace oasis::app
