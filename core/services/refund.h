// SPDX-License-Identifier: GPL-3.0-or-later
// Refunds against a receipt and voids of a completed sale: new rows that reverse, never edits.
#pragma once

#include "core/domain/refundshare.h"
#include "core/services/sale.h"

#include <vector>

namespace oasis {

class Database;

/// One original line and how many of its units to refund (0 = all that is left).
struct RefundSelection {
    qint64 lineId = 0;
    int quantity = 0;
};

/// What is still refundable on a receipt, line by line.
struct RefundableLine {
    qint64 lineId = 0;
    int lineNo = 0;
    LineKind kind = LineKind::Product;
    QString code;
    QString name;
    int sold = 0;
    int remaining = 0;
    Money remainingNet; ///< after discounts, before tax
    Money remainingTax;
    RefundBasis basis; ///< what the refund arithmetic needs: refundShare(basis, units)
};

/// What refunding `selection` of `lines` would give back, line by line and in all, with the
/// arithmetic refund() itself uses (refundShare, RefundAmounts): what the counter previews is
/// what the refund pays. Read as refund() reads it: a quantity of 0 is all that is left of the
/// line, no selection is everything left but gift cards; what refund() would refuse (a line not
/// on the receipt, more than is left) is not checked here.
struct RefundPreview {
    std::vector<Money> lineAmounts; ///< per line of `lines`: net plus tax of its share
    RefundAmounts amounts;
};
RefundPreview previewRefund(const std::vector<RefundableLine> &lines,
                            const std::vector<RefundSelection> &selection);

class RefundService final {
public:
    explicit RefundService(Database &db)
        : m_db(db) {}

    Result<std::vector<RefundableLine>> refundable(qint64 receiptNo) const;

    /// Refunds the chosen lines and quantities (empty: everything still unrefunded) with the tax
    /// exactly as charged, back to the original tenders in proportion (gift-card money back onto
    /// the same card, card as a card refund with its last 4, cash up to the cash paid). One
    /// BEGIN IMMEDIATE transaction: two registers can never refund more than was paid.
    Result<CompletedSale> refund(qint64 receiptNo, const std::vector<RefundSelection> &selection,
                                 bool restock, const StaffMember &cashier,
                                 const std::optional<StaffMember> &approver,
                                 const QString &registerId = {});

    /// Reverses a whole sale of the same business day: stock back, gift-card activity undone
    /// (cards sold must be unused), tenders reversed. Needs a manager.
    Result<CompletedSale> voidSale(qint64 receiptNo, const StaffMember &cashier,
                                   const std::optional<StaffMember> &approver,
                                   const QString &registerId = {});

private:
    Result<CompletedSale> reverse(qint64 receiptNo, const std::vector<RefundSelection> &selection,
                                  bool restock, bool isVoid, const StaffMember &cashier,
                                  const std::optional<StaffMember> &approver,
                                  const QString &registerId);
    Database &m_db;
};

} // namespace oasis
