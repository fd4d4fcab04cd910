// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/receiptsscreen.h"

#include "core/domain/clock.h"
#include "core/services/refund.h"
#include "core/services/sale.h"
#include "core/services/storesettings.h"
#include "pos/app/dialogs.h"
#include "pos/app/mainwindow.h"
#include "pos/app/receiptview.h"
#include "pos/app/refunddialog.h"
#include "pos/screens/screen.h"
#include "printing/printersettings.h"
#include "printing/receipt.h"
#include "printing/salereceipt.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
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
    screens::markMessageLine(m_message);
    m_message->setObjectName(QStringLiteral("registerMessage"));
    m_message->setWordWrap(true);
    left->addWidget(m_message);
    // After a refund or void: what goes back, cash in large type.
    m_backAmount = new QLabel(this);
    m_backAmount->setObjectName(QStringLiteral("bigAmountAccent"));
    m_backAmount->hide();
    left->addWidget(m_backAmount);
    m_backDetails = new QLabel(this);
    m_backDetails->setObjectName(QStringLiteral("doneDetails"));
    m_backDetails->setWordWrap(true);
    m_backDetails->hide();
    left->addWidget(m_backDetails);
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
    auto *reverse = new QHBoxLayout;
    m_refundButton = new QPushButton(tr("Refund…\nCtrl+R"), this);
    m_refundButton->setObjectName(QStringLiteral("keyButton"));
    m_refundButton->setFocusPolicy(Qt::NoFocus);
    m_refundButton->setEnabled(false);
    reverse->addWidget(m_refundButton);
    m_voidButton = new QPushButton(tr("Void sale…\nCtrl+Shift+V"), this);
    m_voidButton->setObjectName(QStringLiteral("keyButton"));
    m_voidButton->setFocusPolicy(Qt::NoFocus);
    m_voidButton->setEnabled(false);
    reverse->addWidget(m_voidButton);
    for (QPushButton *b : {m_refundButton, m_voidButton})
        b->setMinimumHeight(52); // touch-sized even without the style sheet
    left->addLayout(reverse);
    layout->addLayout(left, 1);

    m_view = new ReceiptView(this);
    layout->addWidget(m_view, 1);

    connect(m_find, &QLineEdit::returnPressed, this, &ReceiptsScreen::find);
    connect(back, &QPushButton::clicked, this, &ReceiptsScreen::backRequested);
    connect(print, &QPushButton::clicked, this, &ReceiptsScreen::print);
    auto *printKey = new QShortcut(QKeySequence::Print, this);
    connect(printKey, &QShortcut::activated, this, &ReceiptsScreen::print);
    connect(m_refundButton, &QPushButton::clicked, this, &ReceiptsScreen::refund);
    connect(m_voidButton, &QPushButton::clicked, this, &ReceiptsScreen::voidSale);
    // Ctrl, not a plain letter: the find field takes scanned codes, and those start with R.
    auto *refundKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this);
    connect(refundKey, &QShortcut::activated, this, &ReceiptsScreen::refund);
    auto *voidKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), this);
    connect(voidKey, &QShortcut::activated, this, &ReceiptsScreen::voidSale);
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
    m_backAmount->hide();
    m_backDetails->hide();
    updateActions(&*sale);
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
    if (!printed)
        m_message->setText(printed.error().message);
    else if (printed->kind == screens::PrintOutcome::Kind::Printed)
        m_message->setText(tr("Copy of %1 sent to the printer.")
                               .arg(receiptCode(m_view->document()->receiptNumber)));
    else
        m_message->setText(printed->message());
}

void ReceiptsScreen::updateActions(const SaleRecord *sale) {
    bool refundable = false;
    bool untouched = true;
    if (sale && sale->kind == QLatin1String("sale")) {
        if (auto lines = RefundService(m_db).refundable(sale->receiptNo)) {
            for (const RefundableLine &l : *lines) {
                if (l.remaining > 0 && l.kind != LineKind::GiftCard)
                    refundable = true;
                if (l.remaining != l.sold)
                    untouched = false;
            }
        }
    }
    const bool sale_ = sale && sale->kind == QLatin1String("sale");
    const bool today =
        sale_ && sale->businessDate == StoreSettings(m_db).businessDate(Clock::nowUtc());
    m_refundButton->setEnabled(refundable);
    m_refundButton->setToolTip(
        !sale        ? QString()
        : !sale_     ? tr("A %1 receipt cannot be refunded.").arg(sale->kind)
        : refundable ? tr("Refund lines of %1").arg(receiptCode(sale->receiptNo))
                     : tr("Nothing is left to refund on %1.").arg(receiptCode(sale->receiptNo)));
    m_voidButton->setEnabled(today && untouched);
    m_voidButton->setToolTip(!sale_   ? QString()
                             : !today ? tr("Only a sale of today can be voided; refund it instead.")
                             : !untouched
                                 ? tr("Already refunded in part: refund what is left instead.")
                                 : tr("Reverse all of %1").arg(receiptCode(sale->receiptNo)));
}

std::optional<StaffMember> ReceiptsScreen::cashier() const {
    if (auto *main = qobject_cast<MainWindow *>(window()))
        return main->user();
    return m_cashier;
}

QString ReceiptsScreen::refundSummary() const {
    if (m_backAmount->isHidden())
        return {};
    return m_backAmount->text() + u'\n' + m_backDetails->text();
}

void ReceiptsScreen::refund() {
    if (!m_refundButton->isEnabled() || m_shown <= 0)
        return;
    const std::optional<StaffMember> who = cashier();
    if (!who) {
        m_message->setText(tr("Log in first."));
        return;
    }
    RefundDialog dialog(m_db, m_shown, *who, m_registerId, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.completed()) {
        m_find->setFocus();
        return;
    }
    showReversal(*dialog.completed(), tr("Refund"));
}

void ReceiptsScreen::startRefund(qint64 receiptNo) {
    m_find->setFocus();
    if (receiptNo <= 0) {
        m_message->setText(tr("Scan or type the receipt to refund, then press Ctrl+R."));
        return;
    }
    if (showReceipt(receiptNo))
        refund();
}

void ReceiptsScreen::voidSale() {
    if (!m_voidButton->isEnabled() || m_shown <= 0)
        return;
    const std::optional<StaffMember> who = cashier();
    if (!who) {
        m_message->setText(tr("Log in first."));
        return;
    }
    const qint64 receiptNo = m_shown;
    QMessageBox confirm(QMessageBox::Question, tr("Void sale"),
                        tr("Void %1? Everything is reversed.").arg(receiptCode(receiptNo)),
                        QMessageBox::NoButton, this);
    confirm.setObjectName(QStringLiteral("confirmVoid"));
    confirm.setInformativeText(tr("Stock, gift-card activity and payments go back as new rows; "
                                  "the sale stays on record."));
    QPushButton *yes = confirm.addButton(tr("Void the sale"), QMessageBox::AcceptRole);
    QPushButton *no = confirm.addButton(tr("Keep it (Esc)"), QMessageBox::RejectRole);
    for (QPushButton *b : {yes, no})
        b->setMinimumSize(180, 52);
    confirm.setDefaultButton(no);
    confirm.setEscapeButton(no);
    confirm.exec();
    if (confirm.clickedButton() != yes) {
        m_find->setFocus();
        return;
    }
    // Core says whether a void needs an approval; the prompt asks for exactly that one.
    auto done = screens::withApproval(
        approvalPrompt(m_db, this,
                       tr("Voiding %1 needs a manager's approval.").arg(receiptCode(receiptNo))),
        [&](const std::optional<StaffMember> &approver) {
            return RefundService(m_db).voidSale(receiptNo, *who, approver, m_registerId);
        });
    if (!done) {
        m_message->setText(done.error().message);
        m_find->setFocus();
        return;
    }
    showReversal(*done, tr("Void"));
}

void ReceiptsScreen::showReversal(const CompletedSale &done, const QString &what) {
    reload();
    showReceipt(done.receiptNo);
    // The new receipt is an original, not a reprint.
    auto record = SaleService(m_db).load(done.receiptNo);
    if (record)
        m_view->setDocument(
            printing::receiptFromSale(*record, StoreSettings(m_db).storeInfo(), {}, false));

    const QLocale locale;
    Money cash;
    QStringList details;
    for (const AppliedTender &t : done.tenders) {
        const Money back = t.amount.isNegative() ? -t.amount : t.amount;
        switch (t.type) {
        case TenderType::Cash:
            cash += back;
            break;
        case TenderType::Card:
            details << tr("%1 back to the card •••• %2 — refund it on the card terminal.")
                           .arg(back.format(locale), t.cardLast4);
            break;
        case TenderType::Gift:
            details << tr("%1 back onto gift card •••• %2 (balance now %3).")
                           .arg(back.format(locale), t.giftCardLast4,
                                t.giftCardBalance.format(locale));
            break;
        case TenderType::Voucher:
            details << tr("%1 of the voucher •••• %2: a redeemed voucher is not refunded.")
                           .arg(back.format(locale), t.giftCardLast4);
            break;
        case TenderType::Package:
            details << tr("%1 of the package •••• %2: a session used is not given back.")
                           .arg(back.format(locale), t.giftCardLast4);
            break;
        }
    }
    m_message->setText(
        tr("%1 done: %2 for %3.")
            .arg(what, receiptCode(done.receiptNo),
                 (done.totals.total.isNegative() ? -done.totals.total : done.totals.total)
                     .format(locale)));
    if (!cash.isZero())
        m_backAmount->setText(tr("Give back %1 in cash").arg(cash.format(locale)));
    else
        m_backAmount->setText(tr("No cash to give back"));
    m_backAmount->show();
    m_backDetails->setText(details.join(u'\n'));
    m_backDetails->setVisible(!details.isEmpty());
    for (const QString &w : done.warnings)
        m_message->setText(m_message->text() + u' ' + w);

    if (m_view->hasDocument() && printing::PrinterSettings::load().isConfigured()) {
        auto printed = printReceiptDocument(*m_view->document(), this, !cash.isZero());
        if (!printed)
            m_message->setText(m_message->text() + u' ' +
                               tr("It is saved; the receipt did not print: %1 Press Ctrl+P to "
                                  "print it.")
                                   .arg(printed.error().message));
    }
    m_find->setFocus();
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
