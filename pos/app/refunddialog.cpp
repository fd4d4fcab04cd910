// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/refunddialog.h"

#include "core/services/sale.h"
#include "pos/app/dialogs.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace oasis::app {

namespace {

enum Column { ItemColumn, SoldColumn, LeftColumn, QuantityColumn, AmountColumn, ColumnCount };

constexpr int kRowHeight = 60;
constexpr int kTouch = 48;

QTableWidgetItem *cell(const QString &text, Qt::Alignment align = Qt::AlignLeft) {
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled);
    item->setTextAlignment(align | Qt::AlignVCenter);
    return item;
}

} // namespace

RefundDialog::RefundDialog(Database &db, qint64 receiptNo, const StaffMember &cashier,
                           const QString &registerId, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_receiptNo(receiptNo)
    , m_cashier(cashier)
    , m_registerId(registerId) {
    setObjectName(QStringLiteral("refundDialog"));
    setWindowTitle(tr("Refund %1").arg(receiptCode(receiptNo)));
    setMinimumWidth(820);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    auto *title = new QLabel(tr("Refund against %1").arg(receiptCode(receiptNo)), this);
    title->setObjectName(QStringLiteral("sectionTitle"));
    layout->addWidget(title);
    auto *prompt = new QLabel(tr("Choose how many of each line to refund. The money goes back the "
                                 "way it was paid."),
                              this);
    prompt->setObjectName(QStringLiteral("dialogPrompt"));
    prompt->setWordWrap(true);
    layout->addWidget(prompt);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("refundTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Item"), tr("Sold"), tr("Refundable"), tr("Refund"), tr("Amount")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(kRowHeight);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setStyleSheet(
        QStringLiteral("QTableWidget { background: white; alternate-background-color: #faf8f4; "
                       "border: 1px solid #ddd6ca; border-radius: 8px; font-size: 16px; }"));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(ItemColumn, QHeaderView::Stretch);
    for (int c : {SoldColumn, LeftColumn})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(QuantityColumn, QHeaderView::Fixed);
    header->resizeSection(QuantityColumn, 3 * kTouch + 80);
    // Filled in as quantities change: wide enough for any amount from the start.
    header->setSectionResizeMode(AmountColumn, QHeaderView::Fixed);
    header->resizeSection(AmountColumn, 130);
    layout->addWidget(m_table, 1);

    auto *choose = new QHBoxLayout;
    choose->setContentsMargins(0, 8, 0, 0);
    auto *all = new QPushButton(tr("&All"), this);
    all->setObjectName(QStringLiteral("refundAll"));
    all->setAutoDefault(false);
    all->setMinimumSize(120, kTouch);
    choose->addWidget(all);
    auto *none = new QPushButton(tr("&None"), this);
    none->setObjectName(QStringLiteral("refundNone"));
    none->setAutoDefault(false);
    none->setMinimumSize(120, kTouch);
    choose->addWidget(none);
    choose->addSpacing(16);
    m_restock = new QCheckBox(tr("Put back on the &shelf (restock)"), this);
    m_restock->setObjectName(QStringLiteral("restock"));
    m_restock->setChecked(true);
    m_restock->setMinimumHeight(kTouch);
    m_restock->setStyleSheet(QStringLiteral("QCheckBox { font-size: 16px; } "
                                            "QCheckBox::indicator { width: 28px; height: 28px; }"));
    m_restock->setToolTip(tr("Untick for damaged goods: they are refunded but not restocked."));
    choose->addWidget(m_restock);
    choose->addStretch(1);
    layout->addLayout(choose);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("hint"));
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);

    auto *totalRow = new QHBoxLayout;
    auto *totalCaption = new QLabel(tr("Refund total"), this);
    totalCaption->setObjectName(QStringLiteral("caption"));
    totalRow->addWidget(totalCaption, 0, Qt::AlignVCenter);
    totalRow->addStretch(1);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("bigAmountAccent"));
    totalRow->addWidget(m_total);
    layout->addLayout(totalRow);
    auto *exact = new QLabel(tr("Tax is refunded exactly as it was charged; the receipt shows the "
                                "committed figure."),
                             this);
    exact->setObjectName(QStringLiteral("hint"));
    exact->setWordWrap(true);
    layout->addWidget(exact);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("errorMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *cancel = new QPushButton(tr("Cancel (Esc)"), this);
    cancel->setAutoDefault(false);
    cancel->setMinimumSize(160, kTouch);
    buttons->addWidget(cancel);
    m_refund = new QPushButton(tr("Refund (Enter)"), this);
    m_refund->setObjectName(QStringLiteral("primary"));
    m_refund->setDefault(true);
    m_refund->setMinimumSize(220, kTouch);
    buttons->addWidget(m_refund);
    layout->addLayout(buttons);

    connect(all, &QPushButton::clicked, this, &RefundDialog::selectAll);
    connect(none, &QPushButton::clicked, this, &RefundDialog::selectNone);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_refund, &QPushButton::clicked, this, &RefundDialog::accept);

    // What is left to refund, with what the refund arithmetic needs for each line.
    auto refundable = RefundService(db).refundable(receiptNo);
    if (!refundable) {
        showMessage(refundable.error().message);
        m_refund->setEnabled(false);
        updatePreview();
        return;
    }
    m_lines = *refundable;
    const QLocale locale;
    bool giftCards = false;
    m_table->setRowCount(int(m_lines.size()));
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const RefundableLine &l = m_lines[i];
        const int row = int(i);

        QString name = l.name;
        if (l.kind == LineKind::Tip && !l.name.startsWith(tr("Tip"), Qt::CaseInsensitive))
            name = tr("Tip: %1").arg(l.name);
        m_table->setItem(row, ItemColumn, cell(name));
        m_table->setItem(row, SoldColumn, cell(locale.toString(l.sold), Qt::AlignRight));
        m_table->setItem(row, LeftColumn, cell(locale.toString(l.remaining), Qt::AlignRight));
        m_table->setItem(row, AmountColumn, cell(QString(), Qt::AlignRight));

        auto *box = new QSpinBox;
        box->setObjectName(QStringLiteral("refundQuantity"));
        box->setRange(0, l.remaining);
        box->setAlignment(Qt::AlignCenter);
        box->setButtonSymbols(QAbstractSpinBox::NoButtons);
        box->setMinimumSize(64, kTouch - 4);
        box->setStyleSheet(QStringLiteral("QSpinBox { font-size: 18px; border: 1px solid #cfc8bc; "
                                          "border-radius: 6px; background: white; } "
                                          "QSpinBox:focus { border: 2px solid #2f6f6a; } "
                                          "QSpinBox:disabled { background: #f1eee9; }"));
        box->setAccessibleName(tr("Quantity to refund of %1").arg(name));
        m_boxes.push_back(box);
        auto *minus = new QPushButton(QStringLiteral("−"));
        auto *plus = new QPushButton(QStringLiteral("+"));
        for (QPushButton *b : {minus, plus}) {
            b->setFocusPolicy(Qt::NoFocus);
            b->setAutoDefault(false);
            b->setFixedSize(kTouch, kTouch);
            b->setStyleSheet(QStringLiteral("QPushButton { min-height: 0; padding: 0; "
                                            "font-size: 22px; }"));
        }
        connect(minus, &QPushButton::clicked, box, &QSpinBox::stepDown);
        connect(plus, &QPushButton::clicked, box, &QSpinBox::stepUp);
        auto *holder = new QWidget;
        auto *h = new QHBoxLayout(holder);
        h->setContentsMargins(6, 4, 6, 4);
        h->setSpacing(6);
        h->addWidget(minus);
        h->addWidget(box, 1);
        h->addWidget(plus);
        m_table->setCellWidget(row, QuantityColumn, holder);

        if (!isRefundable(l.kind)) {
            holder->setEnabled(false);
            const QString why = tr("Gift cards are not refunded: the value stays on the card.");
            m_table->item(row, ItemColumn)->setText(tr("%1 — not refundable").arg(name));
            m_table->item(row, LeftColumn)->setText(tr("—"));
            for (int c = 0; c < ColumnCount; ++c)
                if (QTableWidgetItem *it = m_table->item(row, c)) {
                    it->setToolTip(why);
                    it->setForeground(QColor(0x6b, 0x6a, 0x63));
                }
            giftCards = true;
        } else if (l.remaining == 0) {
            holder->setEnabled(false);
            m_table->item(row, ItemColumn)->setText(tr("%1 — already refunded").arg(name));
            for (int c = 0; c < ColumnCount; ++c)
                if (QTableWidgetItem *it = m_table->item(row, c))
                    it->setForeground(QColor(0x6b, 0x6a, 0x63));
        }
        connect(box, &QSpinBox::valueChanged, this, &RefundDialog::updatePreview);
    }
    if (giftCards) {
        m_note->setText(tr("A gift card sold on this receipt is not refunded: its value stays on "
                           "the card and can be spent. A manager can void a sale of today."));
        m_note->show();
    }
    m_table->setMinimumHeight(qMin(6, qMax(2, rowCount())) * kRowHeight +
                              m_table->horizontalHeader()->sizeHint().height() + 12);
    for (QSpinBox *box : m_boxes)
        if (box->isEnabled() && box->parentWidget()->isEnabled()) {
            box->setFocus();
            box->selectAll();
            break;
        }
    updatePreview();
}

int RefundDialog::rowOf(const QString &code) const {
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        if (m_lines[i].code == code)
            return int(i);
    return -1;
}

QSpinBox *RefundDialog::quantityBox(int row) const {
    return row >= 0 && row < rowCount() ? m_boxes[std::size_t(row)] : nullptr;
}

int RefundDialog::quantity(int row) const {
    QSpinBox *box = quantityBox(row);
    return box ? box->value() : 0;
}

void RefundDialog::setQuantity(int row, int quantity) {
    if (QSpinBox *box = quantityBox(row); box && box->parentWidget()->isEnabled())
        box->setValue(quantity);
}

void RefundDialog::selectAll() {
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        if (isRefundable(m_lines[i].kind))
            m_boxes[i]->setValue(m_lines[i].remaining);
}

void RefundDialog::selectNone() {
    for (QSpinBox *box : m_boxes)
        box->setValue(0);
}

bool RefundDialog::restock() const {
    return m_restock->isChecked();
}

void RefundDialog::setRestock(bool restock) {
    m_restock->setChecked(restock);
}

std::vector<RefundSelection> RefundDialog::selection() const {
    std::vector<RefundSelection> chosen;
    for (int row = 0; row < rowCount(); ++row)
        if (const int q = quantity(row); q > 0)
            chosen.push_back({m_lines[std::size_t(row)].lineId, q});
    return chosen;
}

Money RefundDialog::previewTotal() const {
    // Nothing chosen here is nothing refunded (the service would read it as everything).
    const std::vector<RefundSelection> chosen = selection();
    return chosen.empty() ? Money() : previewRefund(m_lines, chosen).amounts.total();
}

void RefundDialog::updatePreview() {
    const QLocale locale;
    const std::vector<RefundSelection> chosen = selection();
    const RefundPreview preview = previewRefund(m_lines, chosen);
    int units = 0;
    for (int row = 0; row < rowCount(); ++row) {
        const int q = quantity(row);
        units += q;
        m_table->item(row, AmountColumn)
            ->setText(q > 0 ? preview.lineAmounts[std::size_t(row)].format(locale) : QString());
    }
    const Money total = chosen.empty() ? Money() : preview.amounts.total();
    m_total->setText(total.format(locale));
    m_refund->setText(units > 0 ? tr("Refund %1 (Enter)").arg(total.format(locale))
                                : tr("Refund (Enter)"));
    m_refund->setEnabled(units > 0 && !m_lines.empty());
    if (units > 0 && m_message->isVisible() && !m_submitting)
        showMessage({});
}

void RefundDialog::showMessage(const QString &text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString RefundDialog::message() const {
    return m_message->isVisible() ? m_message->text() : QString();
}

bool RefundDialog::submit() {
    if (m_completed)
        return true;
    const std::vector<RefundSelection> chosen = selection();
    if (chosen.empty()) {
        // An empty selection would mean "everything" to the service: never send one.
        showMessage(tr("Choose at least one line to refund."));
        return false;
    }
    m_submitting = true;
    // Core says whether the refund needs an approval; without one it refuses, changes nothing
    // and the prompt asks for exactly that approval.
    auto done = screens::withApproval(
        approvalPrompt(m_db, this,
                       tr("A refund of %1 on %2 needs a manager's approval.")
                           .arg(previewTotal().format(QLocale()), receiptCode(m_receiptNo))),
        [&](const std::optional<StaffMember> &approver) {
            if (approver)
                m_approver = approver;
            return RefundService(m_db).refund(m_receiptNo, chosen, restock(), m_cashier, m_approver,
                                              m_registerId);
        });
    m_submitting = false;
    if (!done) {
        showMessage(done.error().message);
        return false;
    }
    m_completed = *done;
    QDialog::accept();
    return true;
}

void RefundDialog::accept() {
    submit();
}

} // namespace oasis::app
