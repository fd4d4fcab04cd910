// SPDX-License-Identifier: GPL-3.0-or-later
// Stock of oils and lotions: an append-only movement ledger, receiving, adjustments, counts,
// reports.
#pragma once

#include "core/domain/money.h"
#include "core/services/staff.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>

#include <optional>
#include <vector>

namespace oasis {

class Database;

/// Why stock was taken off (or put on) the shelf by hand. In-treatment use of oil during a
/// massage is Treatment; a bottle opened for customers to try is Tester.
enum class AdjustReason { Damaged, Tester, Treatment, Adjust };
QString adjustReasonName(AdjustReason reason);
/// `damaged`, `tester`, `treatment`, `adjust`; nullopt for anything else.
std::optional<AdjustReason> adjustReasonFromName(QStringView name);

/// One product's stock as the list, the screen and the reports show it.
struct StockLevel {
    qint64 itemId = 0;
    QString code;
    QString name;
    QString category;
    QString size;
    qint64 onHand = 0;
    int reorderPoint = 0;
    Money cost; ///< average cost per unit
    bool active = true;

    /// Low stock: on-hand at or below the reorder point.
    bool low() const { return onHand <= reorderPoint; }
    /// Sold (or used) below zero: the shelf must be counted.
    bool negative() const { return onHand < 0; }
    /// On-hand at average cost; negative on-hand is worth nothing (and is flagged instead).
    Money value() const { return onHand > 0 ? cost * onHand : Money(); }
};

/// A delivery being received.
struct ReceiveRequest {
    QString code; ///< SKU or barcode
    qint64 quantity = 0;
    std::optional<Money> unitCost; ///< none: the average cost stays as it is
    QString supplier;
    QString lot;
    std::optional<QDate> expires; ///< best-before date
    QString reference;            ///< delivery note or invoice number
    QString note;
};

/// What a receive or an adjustment did.
struct StockChange {
    qint64 movementId = 0;
    qint64 quantity = 0; ///< signed
    StockLevel level;    ///< after the change
    Money previousCost;  ///< average cost before (receive)
    QStringList warnings;
};

/// One row of a product's history, with the on-hand after it.
struct StockMovement {
    qint64 id = 0;
    QDateTime at;
    QString reason; ///< sale, return, receive, damaged, tester, treatment, count, adjust, ...
    qint64 quantity = 0;
    qint64 onHandAfter = 0;
    Money unitCost;
    QString reference; ///< receipt, delivery, count
    QString note;
    QString staff;
    QString lot;
    QString expires; ///< ISO date or empty
    QString supplier;
};

/// One line of a stock count file: `code,counted`.
struct CountEntry {
    int line = 0; ///< line in the file (0 when typed in the app)
    QString code;
    qint64 counted = 0;
};

/// What a count changes for one product.
struct CountVariance {
    qint64 itemId = 0;
    QString code;
    QString name;
    qint64 onHand = 0; ///< on the books before the count
    qint64 counted = 0;
    Money cost;
    qint64 variance() const { return counted - onHand; }
    Money varianceValue() const { return cost * variance(); }
};

struct PostedCount {
    qint64 countId = 0;
    QString reference; ///< `count:ID`, on every movement of the count
    std::vector<CountVariance> lines;
    int corrections = 0; ///< lines whose variance was not zero
};

/// Reorder report line: low products with how many to order.
struct ReorderLine {
    StockLevel level;
    qint64 suggested = 0;
    Money estimatedCost() const { return level.cost * suggested; }
};

struct Valuation {
    std::vector<StockLevel> lines; ///< every product with stock or active
    Money total;
    int negativeLines = 0;
};

/// One category of the stock valuation (products without a category: an empty name).
struct CategoryValuation {
    QString category;
    qint64 products = 0; ///< active products, and inactive ones with stock (or owing it)
    qint64 units = 0;    ///< on hand, counting only products above zero
    Money value;         ///< at average cost; below-zero on-hand is worth nothing
    int negativeLines = 0;
};

/// Stock at average cost by category, with totals: what the owner looks at. The same totals
/// as Valuation, read from the stock_by_category rollup (a row per category).
struct ValuationSummary {
    std::vector<CategoryValuation> byCategory; ///< by category name
    qint64 products = 0;
    qint64 units = 0;
    Money total;
    int negativeLines = 0;
};

/// In-treatment (and tester) use of one product in a period, at the cost recorded when used.
struct UseLine {
    qint64 itemId = 0;
    QString code;
    QString name;
    qint64 treatmentQuantity = 0;
    Money treatmentCost;
    qint64 testerQuantity = 0;
    Money testerCost;
};

struct UseReport {
    QDate from;
    QDate to; ///< inclusive, in the store's time zone
    std::vector<UseLine> lines;
    Money treatmentTotal; ///< supplies consumed in treatments: the base for use tax
    Money testerTotal;
};

/// A received lot that is estimated to be still on the shelf and expires soon (or has).
struct ExpiringLot {
    qint64 itemId = 0;
    QString code;
    QString name;
    QString lot;
    QDate expires;
    QDateTime received;
    qint64 receivedQuantity = 0;
    qint64 remaining = 0; ///< estimate, see InventoryService::expiring()
    int daysLeft = 0;     ///< negative once expired
};

/// What came in of one product on a business day (the "received today" shelf labels).
struct ReceivedLine {
    StockLevel level;    ///< as it is now
    qint64 received = 0; ///< units received that day (the sum of its `receive` movements)
};

/// Stock: every change is a movement in stock_movements (on-hand = their sum, kept in
/// stock_levels by trigger); every operation is one transaction with a journal entry.
/// Only products have stock: a session code is refused with a clear message.
class InventoryService final {
public:
    explicit InventoryService(Database &db)
        : m_db(db) {}

    static constexpr qint64 kMaxQuantity = 100000; ///< larger is a typo, not a delivery
    static constexpr int kExpiringDays = 60;

    /// Active products with their stock, by code; `lowOnly` keeps on-hand <= reorder point.
    Result<std::vector<StockLevel>> list(bool lowOnly = false) const;
    /// One product by SKU or barcode (NotFound, or Refused for a session).
    Result<StockLevel> level(const QString &code) const;
    /// How many active products are low, for the register's status bar.
    Result<int> lowStockCount() const;

    /// Receives a delivery: a `receive` movement and the new average cost
    /// (old cost × max(on-hand, 0) + unit cost × quantity) / (max(on-hand, 0) + quantity),
    /// rounded half away from zero. Allowed to front desk.
    Result<StockChange> receive(const ReceiveRequest &request, const StaffMember &staff);

    /// A manual change with a reason. Damaged, tester and treatment only take stock off.
    /// Needs Action::StockAdjust from `staff` or `approver`.
    Result<StockChange> adjust(const QString &code, qint64 delta, AdjustReason reason,
                               const QString &note, const StaffMember &staff,
                               const std::optional<StaffMember> &approver = std::nullopt);

    /// Reads a `code,counted` file (header optional). All-or-nothing: every bad line is named.
    static Result<std::vector<CountEntry>> parseCountCsv(const QByteArray &bytes);
    /// The variances a count would post, against on-hand now. Unknown codes, sessions and
    /// duplicates are errors naming their lines. Products not listed are left alone.
    Result<std::vector<CountVariance>> previewCount(const std::vector<CountEntry> &entries) const;
    /// Posts a count in one transaction: a stock_counts row and a `count` movement for each
    /// variance (against on-hand at posting time). Needs Action::StockAdjust.
    Result<PostedCount> postCount(const std::vector<CountEntry> &entries, const QString &note,
                                  const StaffMember &staff,
                                  const std::optional<StaffMember> &approver = std::nullopt);

    /// Puts refunded goods back on the shelf (`return` movement at the current average cost).
    /// Meant to be called inside the refund's transaction (it nests as a savepoint); works
    /// alone too. `refundSaleId` is the refund's row in sales; journaled as stock_return.
    Status restock(qint64 itemId, qint64 quantity, qint64 refundSaleId, qint64 staffId,
                   const QString &reference = {});

    /// A product's movements, oldest first, with the running on-hand.
    Result<std::vector<StockMovement>> history(const QString &code) const;

    /// The products received on `day`, a business day in the store's time zone, by code.
    Result<std::vector<ReceivedLine>> receivedOn(QDate day) const;

    /// Low products with a suggested order quantity.
    Result<std::vector<ReorderLine>> reorderReport() const;
    /// The order that brings a product back to twice its reorder point (0 when not low).
    static qint64 suggestedOrder(qint64 onHand, int reorderPoint);
    /// Stock at average cost, every product listed (the export; the screen pages through
    /// it); negative on-hand counts as zero and is flagged.
    Result<Valuation> valuation() const;
    /// The valuation by category with its totals, without listing products.
    Result<ValuationSummary> valuationSummary() const;
    /// A page of valuation()'s products: up to `limit` after `afterCode`, in code order (the
    /// screen fetches the listing page by page as it scrolls).
    Result<std::vector<StockLevel>> valuationPage(const QString &afterCode, int limit) const;
    /// Treatment and tester use between two dates (inclusive, store time zone).
    Result<UseReport> treatmentUse(QDate from, QDate to) const;
    /// Lots received with a best-before date that expire within `days` of `today` (or have
    /// expired) and are estimated to be still on the shelf.
    Result<std::vector<ExpiringLot>> expiring(QDate today, int days = kExpiringDays) const;

private:
    Result<StockLevel> levelById(qint64 itemId) const;
    Database &m_db;
};

} // namespace oasis
