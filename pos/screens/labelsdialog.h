// SPDX-License-Identifier: GPL-3.0-or-later
// Print shelf labels: the chosen products or everything received today, on an Avery sheet or a
// label printer, with copies, a start position on a used sheet and a preview of the first page.
#pragma once

#include "pos/screens/printchoice.h"
#include "pos/screens/screen.h"

#include "core/services/labels.h"
#include "printing/labels.h"

#include <QDialog>
#include <QImage>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace oasis::screens {

class LabelsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelsDialog)
public:
    /// `selectedCodes`: the SKUs chosen in the inventory list (may be empty).
    LabelsDialog(const ScreenContext &ctx, const QStringList &selectedCodes,
                 QWidget *parent = nullptr);

    /// The labels as chosen now; empty when the choice is refused (the message line says why).
    const printing::LabelJob &job() const { return m_job; }
    /// The first page as previewed.
    QImage previewImage() const { return m_image; }
    /// Writes the PDF without asking where (Save as PDF… asks, then calls this).
    Status savePdf(const QString &path) const;

private:
    void rebuild();
    Printable printable() const;
    void saveAs();
    void print();

    ScreenContext m_ctx;
    QStringList m_selected;
    printing::LabelJob m_job;
    QImage m_image;
    QRadioButton *m_fromSelection = nullptr;
    QRadioButton *m_fromReceived = nullptr;
    QComboBox *m_stock = nullptr;
    QSpinBox *m_copies = nullptr;
    QCheckBox *m_perUnit = nullptr;
    QSpinBox *m_start = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace oasis::screens
