// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/receiptsscreen.h"

#include "core/sale.h"
#include "core/storesettings.h"
#include "pos/app/receiptview.h"
#include "printing/receipt.h"
#include "printing/salereceipt.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTimeZone>
#include <QVBoxLayout>

namespace oasis::app {

ReceiptsScreen::ReceiptsScreen(Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db) {
    setObjectName(QStringLiteral("receiptsScreen"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(16);

    auto *left = new QVBoxLayout;
    auto *title = new QLabel(tr("Receipts"), this);
    title->setObjectName(QStringLiteral("sectionTitle"));
    left->addWidget(title);
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("scanField"));
    m_find->setPlaceholderText(tr("Receipt number: 42, #42 or scan R-000042 — Enter"));
    left->addWidget(m_find);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("registerMessage"));
    left->addWidget(m_message);
    auto *recentCaption = new QLabel(tr("Recent sales"), this);
    recentCaption->setObjectName(QStringLiteral("caption"));
    left->addWidget(recentCaption);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("receiptList"));
    m_list->setFocusPolicy(Qt::NoFocus);
    left->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    auto *back = new QPushButton(tr("Back to register\nEsc"), this);
    back->setObjectName(QStringLiteral("keyButton"));
    back->setFocusPolicy(Qt::NoFocus);
    buttons->addWidget(back);
    auto *print = new QPushButton(tr("Print copy (REPRINT)\nCtrl+P"), this);
    print->setObjectName(QStringLiteral("keyButton"));
    print->setFocusPolicy(Qt::NoFocus);
    buttons->addWidget(print);
    left->addLayout(buttons);
    layout->addLayout(left, 1);

    m_view = new ReceiptView(this);
    layout->addWidget(m_view, 1);

    connect(m_find, &QLineEdit::returnPressed, this, &ReceiptsScreen::find);
    connect(back, &QPushButton::clicked, this, &ReceiptsScreen::backRequested);
    connect(print, &QPushButton::clicked, this, &ReceiptsScreen::print);
    auto *printKey = new QShortcut(QKeySequence::Print, this);
    connect(printKey, &QShortcut::activated, this, &ReceiptsScreen::print);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showReceipt(m_list->item(row)->data(Qt::UserRole).toLongLong());
        m_find->setFocus();
    });
}

void ReceiptsScreen::reload() {
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    auto recent = SaleService(m_db).recent(50);
    if (!recent) {
        m_message->setText(recent.error().message);
        return;
    }
    const QLocale locale;
    const QTimeZone zone = StoreSettings(m_db).timeZone();
    for (const SaleRecord &s : *recent) {
        auto *item = new QListWidgetItem(
            tr("%1   %2   %3   %4")
                .arg(receiptCode(s.receiptNo),
                     locale.toString(s.createdAt.toTimeZone(zone), QLocale::ShortFormat),
                     s.total.format(locale), s.cashier),
            m_list);
        item->setData(Qt::UserRole, s.receiptNo);
    }
}

Status ReceiptsScreen::showReceipt(qint64 receiptNo) {
    auto sale = SaleService(m_db).load(receiptNo);
    if (!sale) {
        m_message->setText(sale.error().message);
        return std::unexpected(sale.error());
    }
    // Any copy shown after the sale is a reprint: it says so, and never carries gift-card codes.
    m_view->setDocument(
        printing::receiptFromSale(*sale, StoreSettings(m_db).storeInfo(), {}, true));
    m_shown = receiptNo;
    m_message->setText(
        tr("Receipt %1 — %2").arg(receiptCode(receiptNo), sale->total.format(QLocale())));
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toLongLong() == receiptNo) {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentRow(i);
        }
    return {};
}

QString ReceiptsScreen::message() const {
    return m_message->text();
}

void ReceiptsScreen::find() {
    QString text = m_find->text().trimmed();
    m_find->clear();
    if (text.isEmpty())
        return;
    std::optional<qint64> number = parseReceiptCode(text);
    bool ok = false;
    const qint64 plain = text.toLongLong(&ok);
    if (!number && ok && plain > 0)
        number = plain;
    if (!number) {
        m_message->setText(tr("“%1” is not a receipt number.").arg(text));
        return;
    }
    showReceipt(*number);
}

void ReceiptsScreen::print() {
    if (!m_view->hasDocument()) {
        m_message->setText(tr("Choose a receipt first."));
        return;
    }
    auto printed = printReceiptDocument(*m_view->document(), this);
    m_message->setText(printed ? tr("Copy of %1 sent to the printer.")
                                     .arg(receiptCode(m_view->document()->receiptNumber))
                               : printed.error().message);
}

void ReceiptsScreen::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    // Most often the receipt wanted is the one just rung up.
    if (!m_view->hasDocument() && m_list->count() > 0)
        showReceipt(m_list->item(0)->data(Qt::UserRole).toLongLong());
    m_find->setFocus();
}

void ReceiptsScreen::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT backRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace oasis::app
