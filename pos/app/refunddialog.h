// SPDX-License-Identifier: GPL-3.0-or-later
// Refund against a receipt: the lines still refundable, a quantity per line, restock or not, the
// total previewed, then RefundService::refund (with a manager's approval when the role needs it).
#pragma once

#include "core/services/refund.h"
#include "core/services/staff.h"

#include <QDialog>

#include <optional>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace oasis {
class Database;
}

namespace oasis::app {

class RefundDialog final : public QDialog {
    Q_OBJECT
public:
    /// Loads what is still refundable on the receipt; when that fails, message() says why and the
    /// Refund button stays disabled.
    RefundDialog(Database &db, qint64 receiptNo, const StaffMember &cashier,
                 const QString &registerId = {}, QWidget *parent = nullptr);

    qint64 receiptNo() const { return m_receiptNo; }
    const std::vector<RefundableLine> &lines() const { return m_lines; }
    int rowCount() const { return int(m_lines.size()); }
    /// The first row whose item code is `code`, or -1.
    int rowOf(const QString &code) const;
    QSpinBox *quantityBox(int row) const;
    int quantity(int row) const;
    void setQuantity(int row, int quantity);
    /// Everything still refundable (gift cards excepted) / nothing.
    void selectAll();
    void selectNone();
    bool restock() const;
    void setRestock(bool restock);
    /// The refund total of the chosen quantities: core's previewRefund, the refund's own
    /// arithmetic.
    Money previewTotal() const;
    /// An approver given beforehand (tests); otherwise Refund asks with ApprovalDialog.
    void setApprover(const std::optional<StaffMember> &approver) { m_approver = approver; }

    /// Presses Refund: asks a manager's approval when the cashier's role may not refund, then
    /// refunds. True (and the dialog accepted) on success; else message() says why and nothing
    /// changed.
    bool submit();
    std::optional<CompletedSale> completed() const { return m_completed; }
    QString message() const;

    void accept() override;

private:
    void updatePreview();
    void showMessage(const QString &text);
    /// The chosen quantities, as RefundService takes them.
    std::vector<RefundSelection> selection() const;

    Database &m_db;
    qint64 m_receiptNo = 0;
    StaffMember m_cashier;
    QString m_registerId;
    std::optional<StaffMember> m_approver;
    std::vector<RefundableLine> m_lines;
    std::vector<QSpinBox *> m_boxes;
    QTableWidget *m_table = nullptr;
    QCheckBox *m_restock = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_refund = nullptr;
    std::optional<CompletedSale> m_completed;
    bool m_submitting = false;
};

} // namespace oasis::app
