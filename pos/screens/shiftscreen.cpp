// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/shiftscreen.h"

#include "core/services/shift.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace oasis::screens {

namespace {
QString denominationName(qint64 cents) {
    return cents >= 100 ? QStringLiteral("$%1").arg(cents / 100) : QStringLiteral("%1¢").arg(cents);
}
} // namespace

ShiftScreen::ShiftScreen(const ScreenContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context) {
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    QFont big = m_status->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_status->setFont(big);
    layout->addWidget(m_status);

    // Pay-ins and pay-outs (and the float, when no shift is open) take an amount.
    auto *cash = new QGroupBox(tr("Cash in and out"), this);
    auto *form = new QFormLayout(cash);
    m_amount = new QLineEdit(cash);
    m_amount->setPlaceholderText(tr("e.g. 20.00"));
    m_reason = new QLineEdit(cash);
    m_reason->setPlaceholderText(tr("e.g. tip paid out in cash to Lena"));
    form->addRow(tr("Amount"), m_amount);
    form->addRow(tr("Reason"), m_reason);
    auto *buttons = new QHBoxLayout;
    m_payIn = new QPushButton(tr("Pay in"), cash);
    m_payOut = new QPushButton(tr("Pay out"), cash);
    buttons->addWidget(m_payIn);
    buttons->addWidget(m_payOut);
    form->addRow(buttons);
    layout->addWidget(cash);

    // The count: one row per note and coin. Opening counts the float; closing counts the drawer.
    auto *count = new QGroupBox(tr("Count the drawer"), this);
    auto *countLayout = new QVBoxLayout(count);
    const auto &denominations = ShiftService::denominations();
    m_count = new QTableWidget(int(denominations.size()), 3, count);
    m_count->setHorizontalHeaderLabels({tr("Note or coin"), tr("Count"), tr("Amount")});
    m_count->verticalHeader()->hide();
    m_count->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    for (int row = 0; row < int(denominations.size()); ++row) {
        auto *name = new QTableWidgetItem(denominationName(denominations[std::size_t(row)]));
        name->setFlags(Qt::ItemIsEnabled);
        name->setData(Qt::UserRole, denominations[std::size_t(row)]);
        m_count->setItem(row, 0, name);
        auto *spin = new QSpinBox(m_count);
        spin->setRange(0, 9999);
        spin->setObjectName(QStringLiteral("count_%1").arg(denominations[std::size_t(row)]));
        m_count->setCellWidget(row, 1, spin);
        auto *amount = new QTableWidgetItem(Money().format());
        amount->setFlags(Qt::ItemIsEnabled);
        amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_count->setItem(row, 2, amount);
        connect(spin, &QSpinBox::valueChanged, this, [this] { updateTotals(); });
    }
    countLayout->addWidget(m_count);
    auto *totals = new QFormLayout;
    m_expected = new QLabel(count);
    m_counted = new QLabel(count);
    m_overShort = new QLabel(count);
    m_overShort->setFont(big);
    totals->addRow(tr("Expected"), m_expected);
    totals->addRow(tr("Counted"), m_counted);
    totals->addRow(tr("Over / short"), m_overShort);
    countLayout->addLayout(totals);
    auto *actions = new QHBoxLayout;
    m_open = new QPushButton(tr("Open shift with this float"), count);
    m_close = new QPushButton(tr("Close shift with this count"), count);
    actions->addWidget(m_open);
    actions->addWidget(m_close);
    countLayout->addLayout(actions);
    layout->addWidget(count, 1);

    m_message = new QLabel(this);
    markMessageLine(m_message);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_open, &QPushButton::clicked, this, &ShiftScreen::openShift);
    connect(m_close, &QPushButton::clicked, this, &ShiftScreen::closeShift);
    connect(m_payIn, &QPushButton::clicked, this, [this] { moveCash(true); });
    connect(m_payOut, &QPushButton::clicked, this, [this] { moveCash(false); });
    refresh();
}

Money ShiftScreen::countedTotal() const {
    std::map<qint64, qint64> counts;
    for (int row = 0; row < m_count->rowCount(); ++row) {
        const qint64 d = m_count->item(row, 0)->data(Qt::UserRole).toLongLong();
        counts[d] = static_cast<QSpinBox *>(m_count->cellWidget(row, 1))->value();
    }
    auto total = ShiftService::countDrawer(counts);
    return total ? *total : Money();
}

void ShiftScreen::updateTotals() {
    for (int row = 0; row < m_count->rowCount(); ++row) {
        const qint64 d = m_count->item(row, 0)->data(Qt::UserRole).toLongLong();
        const int n = static_cast<QSpinBox *>(m_count->cellWidget(row, 1))->value();
        m_count->item(row, 2)->setText((Money::fromCents(d) * n).format());
    }
    const Money counted = countedTotal();
    m_counted->setText(counted.format());
    if (!m_isOpen) {
        m_expected->setText(tr("(no shift open)"));
        m_overShort->clear();
        return;
    }
    m_expected->setText(m_expectedAmount.format());
    const Money diff = counted - m_expectedAmount;
    m_overShort->setText(diff.isZero()       ? tr("exact")
                         : diff.isNegative() ? tr("SHORT %1").arg((-diff).format())
                                             : tr("OVER %1").arg(diff.format()));
    m_overShort->setStyleSheet(diff.isNegative() ? QStringLiteral("color: #b00020") : QString());
}

void ShiftScreen::refresh() {
    ShiftService shifts(*m_context.db);
    auto summary = shifts.summary(m_context.registerId);
    m_isOpen = summary.has_value();
    if (m_isOpen) {
        m_expectedAmount = summary->expected;
        m_status->setText(tr("Shift %1 open since %2 (%3) — float %4, cash sales %5, pay-ins %6, "
                             "pay-outs %7")
                              .arg(summary->shift.id)
                              .arg(QLocale().toString(summary->shift.openedAt.toTimeZone(
                                                          StoreSettings(*m_context.db).timeZone()),
                                                      QLocale::ShortFormat),
                                   summary->shift.openedBy, summary->openingFloat.format(),
                                   (summary->cashSales - summary->cashRefunds).format(),
                                   summary->payIns.format(), summary->payOuts.format()));
    } else {
        m_expectedAmount = Money();
        m_status->setText(summary.error().code == ErrorCode::NotFound
                              ? tr("No shift is open on this register: count the float and open "
                                   "one.")
                              : summary.error().message);
    }
    m_open->setEnabled(!m_isOpen);
    m_close->setEnabled(m_isOpen);
    m_payIn->setEnabled(m_isOpen);
    m_payOut->setEnabled(m_isOpen);
    updateTotals();
}

void ShiftScreen::showError(const QString &message) {
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->setText(message);
}

void ShiftScreen::openShift() {
    const Money counted = countedTotal();
    auto opened =
        ShiftService(*m_context.db).open(counted, m_context.currentUser(), m_context.registerId);
    if (!opened)
        return showError(opened.error().message);
    m_message->setStyleSheet(QString());
    m_message->setText(
        tr("Shift %1 opened with a float of %2.").arg(opened->id).arg(counted.format()));
    for (int row = 0; row < m_count->rowCount(); ++row)
        static_cast<QSpinBox *>(m_count->cellWidget(row, 1))->setValue(0);
    refresh();
    Q_EMIT shiftChanged();
}

void ShiftScreen::moveCash(bool payIn) {
    auto amount = Money::parse(m_amount->text());
    if (!amount)
        return showError(amount.error().message);
    auto moved = payIn ? ShiftService(*m_context.db)
                             .payIn(*amount, m_reason->text(), m_context.currentUser(),
                                    std::nullopt, m_context.registerId)
                       : ShiftService(*m_context.db)
                             .payOut(*amount, m_reason->text(), m_context.currentUser(),
                                     std::nullopt, m_context.registerId);
    if (!moved)
        return showError(moved.error().message);
    m_message->setStyleSheet(QString());
    m_message->setText((payIn ? tr("Paid in %1: %2.") : tr("Paid out %1: %2."))
                           .arg(moved->amount.format(), moved->reason));
    m_amount->clear();
    m_reason->clear();
    refresh();
}

void ShiftScreen::closeShift() {
    const Money counted = countedTotal();
    const Money diff = counted - m_expectedAmount;
    if (QMessageBox::question(
            this, tr("Close the shift"),
            tr("Expected %1, counted %2: %3. Close the shift? It cannot be changed afterwards.")
                .arg(m_expectedAmount.format(), counted.format(),
                     diff.isZero()       ? tr("exact")
                     : diff.isNegative() ? tr("short %1").arg((-diff).format())
                                         : tr("over %1").arg(diff.format()))) != QMessageBox::Yes)
        return;
    auto closed = ShiftService(*m_context.db)
                      .close(counted, m_context.currentUser(), std::nullopt, m_context.registerId);
    if (!closed)
        return showError(closed.error().message);
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Shift %1 closed: expected %2, counted %3, over/short %4.")
                           .arg(closed->summary.shift.id)
                           .arg(closed->summary.expected.format(), closed->counted.format(),
                                closed->overShort.format()));
    for (int row = 0; row < m_count->rowCount(); ++row)
        static_cast<QSpinBox *>(m_count->cellWidget(row, 1))->setValue(0);
    refresh();
    Q_EMIT shiftChanged();
}

} // namespace oasis::screens
