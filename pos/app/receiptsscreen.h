// SPDX-License-Identifier: GPL-3.0-or-later
// Receipts: recent sales, find one by number, see its rendering, print a copy marked REPRINT;
// refund lines of a sale (RefundDialog) or void a sale of today.
#pragma once

#include "core/domain/error.h"
#include "core/services/sale.h"
#include "core/services/staff.h"

#include <optional>

#include <QWidget>

class QLineEdit;
class QListWidget;
class QLabel;
class QPushButton;

namespace oasis {
class Database;
}

namespace oasis::app {

class ReceiptView;

class ReceiptsScreen final : public QWidget {
    Q_OBJECT
public:
    explicit ReceiptsScreen(Database &db, QWidget *parent = nullptr);

    /// Reloads the list of recent sales.
    void reload();
    /// Shows the receipt with this number (as a reprint); the message says when there is none.
    Status showReceipt(qint64 receiptNo);
    qint64 shownReceipt() const { return m_shown; }
    ReceiptView *view() const { return m_view; }
    QString message() const;
    QLineEdit *findField() const { return m_find; }

    /// Who refunds and voids when the screen is not inside a MainWindow (whose logged-in user
    /// always wins), and the register they are recorded on (empty: this machine's).
    void setCashier(const std::optional<StaffMember> &cashier) { m_cashier = cashier; }
    void setRegisterId(const QString &registerId) { m_registerId = registerId; }
    std::optional<StaffMember> cashier() const;

    /// Refund… (Ctrl+R): opens RefundDialog for the shown sale; on success shows the refund
    /// receipt and what goes back per tender, and prints when a printer is configured.
    void refund();
    /// Ctrl+R on the register: shows that receipt and opens its refund, or (0) asks for the
    /// receipt to refund.
    void startRefund(qint64 receiptNo);
    /// Void sale (Ctrl+Shift+V): confirms, asks a manager when needed, reverses today's sale and
    /// shows the VOID receipt.
    void voidSale();
    QPushButton *refundButton() const { return m_refundButton; }
    QPushButton *voidButton() const { return m_voidButton; }
    /// What goes back after the last refund or void ("Give back $26.53 in cash"), else empty.
    QString refundSummary() const;

Q_SIGNALS:
    void backRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void find();
    void print();
    void updateActions(const SaleRecord *sale);
    void showReversal(const CompletedSale &done, const QString &what);

    Database &m_db;
    QLineEdit *m_find = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_message = nullptr;
    ReceiptView *m_view = nullptr;
    QPushButton *m_refundButton = nullptr;
    QPushButton *m_voidButton = nullptr;
    QLabel *m_backAmount = nullptr;
    QLabel *m_backDetails = nullptr;
    qint64 m_shown = 0;
    std::optional<StaffMember> m_cashier;
    QString m_registerId;
};

} // namespace oasis::app
