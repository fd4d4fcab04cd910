// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/salewriter.h"

#include "core/domain/translate.h"
#include "core/services/shift.h"
#include "core/storage/database.h"

#include <QStringList>

#include <algorithm>

namespace oasis {

Result<std::vector<SaleLineRecord>> readSaleLines(const Database &db, qint64 saleId) {
    // What refunds took back is summed over the refund lines that name each line (indexed by
    // original_line_id); grouped by every column that is not summed, as either engine wants.
    auto q = db.exec(
        QStringLiteral(
            "SELECT l.id, l.line_no, l.kind, COALESCE(l.item_id, 0), COALESCE(l.code, ''), "
            "l.name, l.quantity, l.unit_price_cents, l.line_discount_cents, "
            "l.ticket_discount_cents, l.net_cents, l.tax_class, l.tax_cents, "
            "COALESCE(l.therapist_id, 0), COALESCE(t.display_name, ''), "
            "COALESCE(l.giftcard_id, 0), COALESCE(g.last4, ''), "
            "COALESCE(-SUM(r.quantity), 0), COALESCE(-SUM(r.line_discount_cents), 0), "
            "COALESCE(-SUM(r.ticket_discount_cents), 0), COALESCE(-SUM(r.net_cents), 0), "
            "COALESCE(-SUM(r.tax_cents), 0) "
            "FROM sale_lines l LEFT JOIN staff t ON t.id = l.therapist_id "
            "LEFT JOIN giftcards g ON g.id = l.giftcard_id "
            "LEFT JOIN sale_lines r ON r.original_line_id = l.id "
            "WHERE l.sale_id = ? GROUP BY l.id, t.display_name, g.last4 ORDER BY l.line_no"),
        {saleId});
    if (!q)
        return std::unexpected(q.error());
    std::vector<SaleLineRecord> lines;
    auto money = [&](int column) { return Money::fromCents(q->value(column).toLongLong()); };
    while (q->next()) {
        SaleLineRecord l;
        l.id = q->value(0).toLongLong();
        l.lineNo = q->value(1).toInt();
        l.kind = lineKindFromName(q->value(2).toString()).value_or(LineKind::Product);
        l.itemId = q->value(3).toLongLong();
        l.code = q->value(4).toString();
        l.name = q->value(5).toString();
        l.quantity = q->value(6).toInt();
        l.unitPrice = money(7);
        l.lineDiscount = money(8);
        l.ticketDiscount = money(9);
        l.net = money(10);
        l.taxClass = taxClassFromName(q->value(11).toString()).value_or(TaxClass::Retail);
        l.tax = money(12);
        l.therapistId = q->value(13).toLongLong();
        l.therapist = q->value(14).toString();
        l.giftCardId = q->value(15).toLongLong();
        l.giftCardLast4 = q->value(16).toString();
        l.refunded = {q->value(17).toInt(), money(18), money(19), money(20), money(21)};
        lines.push_back(std::move(l));
    }
    return lines;
}

Database::Locks SaleWriter::seriesLock(const QString &registerId) const {
    if (m_db.schemaVersion() < kSeriesSchemaVersion)
        return {Database::LockSpace::ReceiptSeries, {}, {}};
    return {Database::LockSpace::ReceiptSeries,
            {QStringLiteral("COALESCE((SELECT receipt_series FROM registers WHERE name = ?), 0)")},
            {registerId}};
}

Result<qint64> SaleWriter::nextReceiptNo(const QString &registerId) {
    auto next = nextReceiptNoAndShifts(registerId, false);
    if (!next)
        return std::unexpected(next.error());
    return next->receiptNo;
}

Result<SaleWriter::Numbered> SaleWriter::nextReceiptNoAndShifts(const QString &registerId,
                                                                bool withShifts,
                                                                const Alongside *alongside) {
    if (m_db.schemaVersion() < kSeriesSchemaVersion) {
        auto next =
            m_db.scalar(QStringLiteral("SELECT COALESCE(MAX(receipt_no), 0) + 1 FROM sales"));
        if (!next)
            return std::unexpected(next.error());
        Numbered numbered{next->toLongLong(), {}, {}};
        if (withShifts) {
            auto shifts = ShiftService(m_db).ticketShifts(registerId);
            if (!shifts)
                return std::unexpected(shifts.error());
            numbered.shifts = *shifts;
        }
        if (alongside) {
            auto rows = m_db.rows(alongside->query, alongside->binds);
            if (!rows)
                return std::unexpected(rows.error());
            numbered.alongside = std::move(*rows);
        }
        return numbered;
    }
    // A sale on a server shares the store's lock: it takes its series for itself first, in a
    // statement of its own (or in its first statement, Transaction::beginShared), so the read
    // below sees every receipt committed in the series.
    if (auto ok = m_db.lockForWrite(seriesLock(registerId)); !ok)
        return std::unexpected(ok.error());
    // One statement (one round trip to a store server): the register's series, then the last
    // number in it, read from the top of the receipt_no index; and the register's shifts. A
    // register's offline copy of the store (OfflineRegister) holds none of the server's sales:
    // it carries the last number the server had in the register's series as kOfflineFloorKey
    // instead.
    const QString number =
        QStringLiteral(
            "SELECT MAX(n) + 1 AS next FROM (SELECT COALESCE((SELECT s.receipt_no FROM sales s "
            "WHERE s.receipt_no > b.base AND s.receipt_no < b.base + %1 ORDER BY s.receipt_no "
            "DESC LIMIT 1), b.base) AS n FROM (SELECT COALESCE((SELECT receipt_series FROM "
            "registers WHERE name = ?), 0) * %1 AS base) b UNION ALL SELECT CAST(value AS BIGINT) "
            "FROM settings WHERE key = '%2') f")
            .arg(receiptseries::kSpan)
            .arg(QLatin1String(kOfflineFloorKey));
    QString query = number;
    QVariantList binds{registerId};
    if (withShifts) {
        query = QStringLiteral("SELECT r.next, s.* FROM (%1) r CROSS JOIN (%2) s")
                    .arg(number, ShiftService::ticketShiftsQuery());
        binds << registerId;
    }
    Numbered numbered;
    Result<QVariantList> row = QVariantList();
    if (alongside) {
        // The caller's rows first (their own columns, then NULLs), then the number's row: NULL
        // in the caller's columns, then its own. Each row's first column tells them apart: the
        // caller's tag, or NULL.
        const int own = withShifts ? 3 : 1;
        auto rows =
            m_db.rows(QStringLiteral("SELECT x.*%1 FROM (%2) x UNION ALL SELECT NULL%3, "
                                     "n.* FROM (%4) n")
                          .arg(QStringLiteral(", NULL").repeated(own), alongside->query,
                               QStringLiteral(", NULL").repeated(alongside->columns - 1), query),
                      alongside->binds + binds);
        if (!rows)
            return std::unexpected(rows.error());
        for (const QVariantList &r : std::as_const(*rows)) {
            if (r.value(0).isNull())
                row = r.mid(alongside->columns);
            else
                numbered.alongside.append(r.mid(0, alongside->columns));
        }
    } else {
        row = m_db.row(query, binds);
    }
    if (!row)
        return std::unexpected(row.error());
    const qint64 next = row->value(0).toLongLong();
    if (next % receiptseries::kSpan == 0)
        return fail(
            ErrorCode::System,
            oasis::tr("Receipt series %1 is full: a manager gives this register a "
                      "series of its own.")
                .arg(receiptseries::letter(static_cast<int>(next / receiptseries::kSpan - 1))));
    numbered.receiptNo = next;
    if (withShifts)
        numbered.shifts = ShiftService::TicketShifts::from(row->value(1), row->value(2));
    return numbered;
}

Result<qint64> SaleWriter::sale(const SaleRow &row) {
    QVariantList values{row.receiptNo,
                        row.kind,
                        nullIfZero(row.originalSaleId),
                        row.createdAt,
                        row.businessDate,
                        row.registerId,
                        row.staffId,
                        row.approverId ? QVariant(*row.approverId) : QVariant(),
                        nullIfZero(row.shiftId),
                        row.discountSpec,
                        row.subtotal.cents(),
                        row.discount.cents(),
                        row.tax.cents(),
                        row.tips.cents(),
                        row.total.cents(),
                        row.change.cents()};
    QString sql = QStringLiteral(
        "INSERT INTO sales(receipt_no, kind, original_sale_id, created_at, business_date, "
        "register_id, staff_id, approver_id, shift_id, discount_spec, subtotal_cents, "
        "discount_cents, tax_cents, tip_cents, total_cents, change_cents%1) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?%2)");
    // A store held below schema 11 (the migration tests build one) has no request_id column.
    if (m_db.schemaVersion() >= 11) {
        sql = sql.arg(QStringLiteral(", request_id"), QStringLiteral(", ?"));
        values << (row.requestId.isEmpty() ? QVariant() : QVariant(row.requestId));
    } else {
        sql = sql.arg(QString(), QString());
    }
    auto written = m_db.write(sql, values);
    if (!written)
        return std::unexpected(written.error());
    return written->insertId;
}

template <typename Bind>
Status SaleWriter::insertRows(const QString &insert, const QString &tuple, std::size_t count,
                              Bind &&bind) {
    // At most 100 rows a statement keeps the binds far under either engine's limit.
    constexpr std::size_t kChunk = 100;
    for (std::size_t from = 0; from < count; from += kChunk) {
        const std::size_t n = std::min(kChunk, count - from);
        QStringList tuples;
        QVariantList values;
        for (std::size_t i = from; i < from + n; ++i) {
            tuples << tuple;
            bind(i, values);
        }
        // Nothing of it is read back here: on a server it goes with the next statement.
        if (auto ok = m_db.defer(insert + tuples.join(u','), values); !ok)
            return ok;
    }
    return {};
}

Status SaleWriter::lines(qint64 saleId, const std::vector<SaleLineRow> &rows) {
    return insertRows(
        QStringLiteral("INSERT INTO sale_lines(sale_id, line_no, kind, item_id, code, name, "
                       "quantity, unit_price_cents, line_discount_cents, ticket_discount_cents, "
                       "net_cents, tax_class, tax_cents, therapist_id, giftcard_id, "
                       "price_overridden, original_line_id) VALUES "),
        QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"), rows.size(),
        [&](std::size_t i, QVariantList &v) {
            const SaleLineRow &row = rows[i];
            v << saleId << row.lineNo << row.kind << nullIfZero(row.itemId) << row.code << row.name
              << row.quantity << row.unitPrice.cents() << row.lineDiscount.cents()
              << row.ticketDiscount.cents() << row.net.cents() << row.taxClass << row.tax.cents()
              << nullIfZero(row.therapistId) << nullIfZero(row.giftCardId)
              << (row.priceOverridden ? 1 : 0) << nullIfZero(row.originalLineId);
        });
}

Status SaleWriter::tax(qint64 saleId, const QString &taxClass, Money base, qint64 ppm, Money tax) {
    return m_db.defer(
        QStringLiteral("INSERT INTO sale_taxes(sale_id, tax_class, base_cents, ppm, tax_cents) "
                       "VALUES (?, ?, ?, ?, ?)"),
        {saleId, taxClass, base.cents(), ppm, tax.cents()});
}

Status SaleWriter::tenders(qint64 saleId, const std::vector<SaleTenderRow> &rows) {
    return insertRows(
        QStringLiteral("INSERT INTO sale_tenders(sale_id, type, amount_cents, tendered_cents, "
                       "card_last4, auth_code, giftcard_id, original_tender_id) VALUES "),
        QStringLiteral("(?,?,?,?,?,?,?,?)"), rows.size(), [&](std::size_t i, QVariantList &v) {
            const SaleTenderRow &row = rows[i];
            v << saleId << row.type << row.amount.cents() << row.tendered.cents() << row.cardLast4
              << row.authCode << nullIfZero(row.giftCardId) << nullIfZero(row.originalTenderId);
        });
}

Status SaleWriter::stock(qint64 saleId, const std::vector<std::pair<qint64, qint64>> &moves,
                         const QString &reason, const QString &reference, qint64 staffId,
                         const QString &createdAt) {
    return insertRows(
        QStringLiteral("INSERT INTO stock_movements(item_id, quantity, reason, unit_cost_cents, "
                       "sale_id, reference, staff_id, created_at) VALUES "),
        QStringLiteral("(?, ?, ?, (SELECT cost_cents FROM items WHERE id = ?), ?, ?, ?, ?)"),
        moves.size(), [&](std::size_t i, QVariantList &v) {
            const auto &[itemId, quantity] = moves[i];
            v << itemId << quantity << reason << itemId << saleId << reference << staffId
              << createdAt;
        });
}

} // namespace oasis
