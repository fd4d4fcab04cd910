// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/labelsdialog.h"

#include "core/services/inventory.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPrinter>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace oasis::screens {

LabelsDialog::LabelsDialog(const ScreenContext &ctx, const QStringList &selectedCodes,
                           QWidget *parent)
    : QDialog(parent)
    , m_ctx(ctx)
    , m_selected(selectedCodes) {
    setWindowTitle(tr("Print shelf labels"));
    setObjectName(QStringLiteral("labelsDialog"));

    // What came in today, counted once so the choice can say it.
    const LabelService labels(*m_ctx.db);
    qint64 receivedProducts = 0;
    qint64 receivedUnits = 0;
    if (auto received = InventoryService(*m_ctx.db).receivedOn(labels.today())) {
        receivedProducts = qint64(received->size());
        for (const ReceivedLine &line : *received)
            receivedUnits += line.received;
    }

    m_fromSelection =
        new QRadioButton(m_selected.isEmpty() ? tr("Products chosen in the list (none chosen)")
                                              : tr("The %n product(s) chosen in the list", nullptr,
                                                   int(m_selected.size())),
                         this);
    m_fromSelection->setObjectName(QStringLiteral("labelsSelected"));
    m_fromSelection->setEnabled(!m_selected.isEmpty());
    m_fromReceived = new QRadioButton(
        receivedProducts == 0
            ? tr("Everything received today (nothing yet)")
            : tr("Everything received today: %n product(s)", nullptr, int(receivedProducts)) +
                  tr(", %n unit(s)", nullptr, int(receivedUnits)),
        this);
    m_fromReceived->setObjectName(QStringLiteral("labelsReceivedToday"));
    m_fromReceived->setEnabled(receivedProducts > 0);
    auto *group = new QButtonGroup(this);
    group->addButton(m_fromSelection);
    group->addButton(m_fromReceived);
    (m_selected.isEmpty() && receivedProducts > 0 ? m_fromReceived : m_fromSelection)
        ->setChecked(true);

    m_stock = new QComboBox(this);
    m_stock->setObjectName(QStringLiteral("labelsStock"));
    // Avery 5167 (1 3/4" x 1/2") is left out: a name, a price and a barcode do not fit on it.
    for (printing::LabelStock s : {printing::LabelStock::Avery5160, printing::LabelStock::Avery5163,
                                   printing::LabelStock::Thermal})
        m_stock->addItem(printing::labelStockDescription(s), int(s));
    m_copies = new QSpinBox(this);
    m_copies->setObjectName(QStringLiteral("labelsCopies"));
    m_copies->setRange(1, LabelService::kMaxCopies);
    m_copies->setSuffix(tr(" of each"));
    m_perUnit = new QCheckBox(tr("One for each unit received"), this);
    m_perUnit->setObjectName(QStringLiteral("labelsPerUnit"));
    m_perUnit->setChecked(true);
    m_start = new QSpinBox(this);
    m_start->setObjectName(QStringLiteral("labelsStart"));
    m_start->setToolTip(tr("On a sheet already used, the first label still free (counting "
                           "across, then down)"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_stock, m_copies, m_start})
        w->setMinimumHeight(40);
    m_copies->setFixedWidth(160);
    m_start->setFixedWidth(160);
    auto *startHint = new QLabel(tr("On a sheet already used, the first free label, counting "
                                    "across and then down."),
                                 this);
    startHint->setWordWrap(true);
    startHint->setStyleSheet(QStringLiteral("color: #555;"));

    auto *which = new QGroupBox(tr("Which products"), this);
    auto *whichLayout = new QVBoxLayout(which);
    whichLayout->addWidget(m_fromSelection);
    whichLayout->addWidget(m_fromReceived);

    auto *copiesRow = new QHBoxLayout;
    copiesRow->addWidget(m_copies);
    copiesRow->addWidget(m_perUnit);
    copiesRow->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Labels"), m_stock);
    form->addRow(tr("Copies"), copiesRow);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_start);
    startRow->addWidget(startHint, 1);
    form->addRow(tr("Start at label"), startRow);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("labelsSummary"));
    m_summary->setWordWrap(true);
    QFont bigger = m_summary->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.15);
    bigger.setBold(true);
    m_summary->setFont(bigger);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("labelsNotes"));
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("labelsMessage"));
    m_message->setWordWrap(true);
    markMessageLine(m_message);
    m_message->hide();

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("labelsPreview"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(460, 560);
    m_preview->setStyleSheet(QStringLiteral("background: #e9ecef; padding: 10px;"));

    m_print = new QPushButton(tr("Print…"), this);
    m_print->setObjectName(QStringLiteral("labelsPrint"));
    m_save = new QPushButton(tr("Save as PDF…"), this);
    m_save->setObjectName(QStringLiteral("labelsSavePdf"));
    auto *close = new QPushButton(tr("Close"), this);
    for (QPushButton *b : {m_print, m_save, close}) {
        b->setMinimumHeight(48);
        b->setAutoDefault(false);
    }

    auto *left = new QVBoxLayout;
    left->addWidget(which);
    left->addLayout(form);
    left->addSpacing(8);
    left->addWidget(m_summary);
    left->addWidget(m_notes);
    left->addStretch();
    left->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_print);
    buttons->addWidget(m_save);
    buttons->addStretch();
    buttons->addWidget(close);
    left->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addWidget(m_preview);

    connect(m_fromSelection, &QRadioButton::toggled, this, &LabelsDialog::rebuild);
    connect(m_stock, &QComboBox::currentIndexChanged, this, &LabelsDialog::rebuild);
    connect(m_copies, &QSpinBox::valueChanged, this, &LabelsDialog::rebuild);
    connect(m_perUnit, &QCheckBox::toggled, this, &LabelsDialog::rebuild);
    connect(m_start, &QSpinBox::valueChanged, this, &LabelsDialog::rebuild);
    connect(m_print, &QPushButton::clicked, this, &LabelsDialog::print);
    connect(m_save, &QPushButton::clicked, this, &LabelsDialog::saveAs);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    rebuild();
}

void LabelsDialog::rebuild() {
    const auto stock = printing::LabelStock(m_stock->currentData().toInt());
    const printing::LabelLayout layout = printing::labelLayout(stock);
    const bool received = m_fromReceived->isChecked();
    m_perUnit->setVisible(received);
    m_copies->setEnabled(!received || !m_perUnit->isChecked());
    {
        const QSignalBlocker block(m_start);
        m_start->setRange(1, layout.perPage());
        m_start->setSuffix(layout.isSheet() ? tr(" of %1").arg(layout.perPage()) : QString());
        m_start->setEnabled(layout.isSheet());
    }
    m_job = printing::LabelJob{};
    m_job.stock = stock;
    m_job.skip = m_start->value() - 1;
    showNotice(m_message, {}, false);

    const LabelService labels(*m_ctx.db);
    auto set = received
                   ? labels.receivedOn(labels.today(), {m_copies->value(), m_perUnit->isChecked()})
                   : labels.forCodes(m_selected, m_copies->value());
    Status ok = set ? printing::checkLabelJob({set->labels, stock, m_job.skip})
                    : Status(std::unexpected(set.error()));
    if (!ok) {
        m_job.labels.clear();
        m_image = {};
        m_summary->setText(ok.error().message);
        m_notes->clear();
        m_preview->setPixmap({});
        m_preview->setText(tr("Nothing to preview."));
        m_print->setEnabled(false);
        m_save->setEnabled(false);
        return;
    }
    m_job.labels = set->labels;
    const int pages = printing::labelPageCount(m_job);
    const int count = int(m_job.labels.size());
    m_summary->setText(layout.isSheet() ? tr("%n label(s)", nullptr, count) +
                                              tr(" on %n sheet(s)", nullptr, pages)
                                        : tr("%n label(s) on the label printer", nullptr, count));
    m_notes->setText(set->notes.join(u'\n'));
    m_notes->setVisible(!set->notes.isEmpty());

    // Page 1 as it will print, with the edges of every position (the skipped ones stay empty).
    m_image = printing::renderLabelPageImage(m_job, 0, layout.isSheet() ? 150 : 300, true);
    const QSize box = m_preview->minimumSize() - QSize(20, 20);
    m_preview->setPixmap(
        QPixmap::fromImage(m_image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_print->setEnabled(true);
    m_save->setEnabled(true);
}

Status LabelsDialog::savePdf(const QString &path) const {
    return printing::renderLabelsPdf(m_job, path);
}

Printable LabelsDialog::printable() const {
    Printable doc;
    doc.title = tr("Shelf labels");
    doc.fileName =
        tr("shelf-labels-%1.pdf").arg(LabelService(*m_ctx.db).today().toString(Qt::ISODate));
    const printing::LabelJob job = m_job;
    doc.print = [job](QPrinter &printer) { return printing::paintLabels(printer, job); };
    doc.savePdf = [job](const QString &path) { return printing::renderLabelsPdf(job, path); };
    return doc;
}

void LabelsDialog::saveAs() {
    auto saved = saveAsPdf(printable(), this);
    showNotice(m_message, saved ? saved->message() : saved.error().message, !saved);
}

void LabelsDialog::print() {
    auto printed = printOnSystemPrinter(printable(), this);
    showNotice(m_message, printed ? printed->message() : printed.error().message, !printed);
}

} // namespace oasis::screens
