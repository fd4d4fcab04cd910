// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/salewriter.h"

#include "core/storage/database.h"

namespace oasis {

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

Status SaleWriter::line(qint64 saleId, const SaleLineRow &row) {
    auto written = m_db.write(
        QStringLiteral("INSERT INTO sale_lines(sale_id, line_no, kind, item_id, code, name, "
                       "quantity, unit_price_cents, line_discount_cents, ticket_discount_cents, "
                       "net_cents, tax_class, tax_cents, therapist_id, giftcard_id, "
                       "price_overridden, original_line_id) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {saleId, row.lineNo, row.kind, nullIfZero(row.itemId), row.code, row.name, row.quantity,
         row.unitPrice.cents(), row.lineDiscount.cents(), row.ticketDiscount.cents(),
         row.net.cents(), row.taxClass, row.tax.cents(), nullIfZero(row.therapistId),
         nullIfZero(row.giftCardId), row.priceOverridden ? 1 : 0, nullIfZero(row.originalLineId)});
    if (!written)
        return std::unexpected(written.error());
    return {};
}

Status SaleWriter::tax(qint64 saleId, const QString &taxClass, Money base, qint64 ppm, Money tax) {
    auto written = m_db.write(
        QStringLiteral("INSERT INTO sale_taxes(sale_id, tax_class, base_cents, ppm, tax_cents) "
                       "VALUES (?, ?, ?, ?, ?)"),
        {saleId, taxClass, base.cents(), ppm, tax.cents()});
    if (!written)
        return std::unexpected(written.error());
    return {};
}

Status SaleWriter::tender(qint64 saleId, const SaleTenderRow &row) {
    auto written = m_db.write(
        QStringLiteral("INSERT INTO sale_tenders(sale_id, type, amount_cents, tendered_cents, "
                       "card_last4, auth_code, giftcard_id, original_tender_id) "
                       "VALUES (?,?,?,?,?,?,?,?)"),
        {saleId, row.type, row.amount.cents(), row.tendered.cents(), row.cardLast4, row.authCode,
         nullIfZero(row.giftCardId), nullIfZero(row.originalTenderId)});
    if (!written)
        return std::unexpected(written.error());
    return {};
}

Status SaleWriter::stock(qint64 saleId, qint64 itemId, qint64 quantity, const QString &reason,
                         const QString &reference, qint64 staffId, const QString &createdAt) {
    auto written = m_db.write(
        QStringLiteral("INSERT INTO stock_movements(item_id, quantity, reason, unit_cost_cents, "
                       "sale_id, reference, staff_id, created_at) "
                       "SELECT id, ?, ?, cost_cents, ?, ?, ?, ? FROM items WHERE id = ?"),
        {quantity, reason, saleId, reference, staffId, createdAt, itemId});
    if (!written)
        return std::unexpected(written.error());
    return {};
}

} // namespace oasis
