// SPDX-License-Identifier: GPL-3.0-or-later
// The one writer of the rows a sale, a refund and a void leave in the books: the sales row, its
// lines, taxes and tenders, and the stock each line moves. SaleService and RefundService both
// write through it, inside their own transaction; what each row says is theirs to decide. And
// the one reader of sale lines (readSaleLines), for the receipt, a repeated request and a refund.
#pragma once

#include "core/domain/error.h"
#include "core/domain/money.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/storage/database.h"

#include <QString>

#include <optional>

namespace oasis {

class Database;

/// A sales row. A refund or void names the sale it takes back (`originalSaleId`) and carries
/// negative amounts.
struct SaleRow {
    qint64 receiptNo = 0;
    QString kind; ///< "sale", "refund", "void"
    qint64 originalSaleId = 0;
    QString createdAt;
    QString businessDate;
    QString registerId;
    qint64 staffId = 0;
    std::optional<qint64> approverId;
    qint64 shiftId = 0;
    QString discountSpec;
    Money subtotal, discount, tax, tips, total, change;
    QString requestId; ///< empty: none
};

struct SaleLineRow {
    int lineNo = 0;
    QString kind;
    qint64 itemId = 0;
    QString code;
    QString name;
    qint64 quantity = 0;
    Money unitPrice, lineDiscount, ticketDiscount, net;
    QString taxClass;
    Money tax;
    qint64 therapistId = 0;
    qint64 giftCardId = 0;
    bool priceOverridden = false;
    qint64 originalLineId = 0; ///< the sale's line a refund line takes back
};

struct SaleTenderRow {
    QString type;
    Money amount;
    Money tendered;
    QString cardLast4;
    QString authCode;
    qint64 giftCardId = 0;
    qint64 originalTenderId = 0; ///< the sale's tender a refund pays back through
};

/// The lines of one sale in line order, each with what later refunds took back of it.
Result<std::vector<SaleLineRecord>> readSaleLines(const Database &db, qint64 saleId);

class SaleWriter final {
public:
    explicit SaleWriter(Database &db)
        : m_db(db) {}

    /// The schema step that gave each register its receipt series (registers.receipt_series).
    static constexpr int kSeriesSchemaVersion = 15;
    /// The settings key of a register's offline copy of the store that holds the last receipt
    /// number the server had in the register's series (core/services/offline.h).
    static constexpr const char *kOfflineFloorKey = "offline.receipt_floor";
    /// The next receipt number in the series of register `registerId` (series R when the store
    /// does not know the register or predates series): one more than the series' last, so each
    /// series stays gap-free. Inside the caller's write transaction, which holds the store's
    /// write lock, so no other register takes the same number.
    Result<qint64> nextReceiptNo(const QString &registerId);
    /// The lock nextReceiptNo takes on a server (the register's series), for a sale to take it
    /// with its first locks (Transaction::beginShared); no keys for a store without series.
    Database::Locks seriesLock(const QString &registerId) const;
    /// A caller's statement read with the receipt number, in its statement: `columns` columns of
    /// text (PostgreSQL unites columns of one type only), the first a tag of the caller's, and
    /// its binds.
    struct Alongside {
        QString query;
        int columns = 0;
        QVariantList binds;
    };
    struct Numbered {
        qint64 receiptNo = 0;
        ShiftService::TicketShifts shifts;
        QList<QVariantList> alongside; ///< the rows of `alongside`, as it gives them
    };
    /// nextReceiptNo, and with `withShifts` the register's shifts as ShiftService::forTicket
    /// decides on them, read in the same statement (one round trip fewer on a server); with
    /// `alongside` the rows of the caller's statement too.
    Result<Numbered> nextReceiptNoAndShifts(const QString &registerId, bool withShifts = true,
                                            const Alongside *alongside = nullptr);
    /// Writes the sales row; returns its id.
    Result<qint64> sale(const SaleRow &row);
    // Several rows of one kind go in one statement: one round trip to a store server.
    Status lines(qint64 saleId, const std::vector<SaleLineRow> &rows);
    Status line(qint64 saleId, const SaleLineRow &row) { return lines(saleId, {row}); }
    Status tax(qint64 saleId, const QString &taxClass, Money base, qint64 ppm, Money tax);
    Status tenders(qint64 saleId, const std::vector<SaleTenderRow> &rows);
    Status tender(qint64 saleId, const SaleTenderRow &row) { return tenders(saleId, {row}); }
    /// The stock product lines move (item id, quantity; negative: out of stock), each at its
    /// item's current cost.
    Status stock(qint64 saleId, const std::vector<std::pair<qint64, qint64>> &moves,
                 const QString &reason, const QString &reference, qint64 staffId,
                 const QString &createdAt);
    Status stock(qint64 saleId, qint64 itemId, qint64 quantity, const QString &reason,
                 const QString &reference, qint64 staffId, const QString &createdAt) {
        return stock(saleId, {{itemId, quantity}}, reason, reference, staffId, createdAt);
    }

private:
    /// `insert` (an INSERT up to VALUES) with `count` tuples of `tuple`, up to kChunk a statement;
    /// `bind(i, values)` appends the i-th row's values.
    template <typename Bind>
    Status insertRows(const QString &insert, const QString &tuple, std::size_t count, Bind &&bind);
    Database &m_db;
};

} // namespace oasis
