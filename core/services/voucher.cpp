// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/voucher.h"

#include "core/domain/clock.h"
#include "core/domain/crypto.h"
#include "core/domain/giftcode.h"
#include "core/domain/receiptcode.h"
#include "core/domain/translate.h"
#include "core/services/giftcard.h"
#include "core/services/registers.h"
#include "core/services/storedvalue.h"
#include "core/storage/database.h"

#include <algorithm>
#include <optional>

namespace oasis {

namespace {
const QString kVoucherColumns = QStringLiteral(
    "SELECT v.id, v.last4, v.item_id, i.code, i.name, i.modality, i.minutes, v.paid_cents, "
    "i.price_cents, v.created_at, s.receipt_no, "
    "(SELECT a.kind FROM voucher_activity a WHERE a.voucher_id = v.id AND a.kind IN ('redeem', "
    "'void')), "
    "(SELECT rs.receipt_no FROM voucher_activity a JOIN sales rs ON rs.id = a.sale_id WHERE "
    "a.voucher_id = v.id AND a.kind IN ('redeem', 'void')), "
    "(SELECT l.name FROM voucher_activity a JOIN sale_lines l ON l.id = a.line_id WHERE "
    "a.voucher_id = v.id AND a.kind = 'redeem') "
    "FROM vouchers v JOIN items i ON i.id = v.item_id JOIN sales s ON s.id = v.sale_id ");

// Not redeemed and not voided: every write that ends a voucher names it.
const QString kStillActive =
    QStringLiteral("NOT EXISTS (SELECT 1 FROM voucher_activity WHERE voucher_id = ? AND kind IN "
                   "('redeem', 'void'))");

Voucher voucherFromRow(const QVariantList &q) {
    Voucher v;
    v.id = q.value(0).toLongLong();
    v.last4 = q.value(1).toString();
    v.itemId = q.value(2).toLongLong();
    v.serviceCode = q.value(3).toString();
    v.serviceName = q.value(4).toString();
    v.modality = q.value(5).toString();
    v.minutes = q.value(6).toInt();
    v.paid = Money::fromCents(q.value(7).toLongLong());
    v.priceNow = Money::fromCents(q.value(8).toLongLong());
    v.createdAt = fromStorageTime(q.value(9).toString());
    v.soldReceiptNo = q.value(10).toLongLong();
    const QString ended = q.value(11).toString();
    v.status = ended == QLatin1String("redeem") ? Voucher::Status::Redeemed
               : ended == QLatin1String("void") ? Voucher::Status::Void
                                                : Voucher::Status::Active;
    v.redeemedReceiptNo = q.value(12).toLongLong();
    v.coveredName = q.value(13).toString();
    return v;
}
} // namespace

QString Voucher::description() const {
    if (minutes > 0 && !modality.isEmpty())
        return oasis::tr("One %1-minute %2 massage").arg(minutes).arg(modality);
    return oasis::tr("One %1").arg(serviceName);
}

QString voucherStatusName(Voucher::Status status) {
    switch (status) {
    case Voucher::Status::Active:
        return QStringLiteral("active");
    case Voucher::Status::Redeemed:
        return QStringLiteral("redeemed");
    case Voucher::Status::Void:
        return QStringLiteral("void");
    }
    return {};
}

Result<Voucher> VoucherService::lookup(const QString &code, const QString &registerIdIn) {
    const StoredValueKind kind{
        &giftcode::parseVoucher,
        kVoucherColumns,
        QStringLiteral("v.lookup_hash"),
        QStringLiteral("bad voucher check character"),
        QStringLiteral("unknown voucher"),
        [] {
            return oasis::tr(
                "That voucher code has a typo (its check character does not match). Check "
                "each character and try again.");
        },
        [] { return oasis::tr("That is not a voucher code."); },
        [] { return oasis::tr("This voucher is not known here: it was not sold by this store."); }};
    auto found = lookupStoredValue(m_db, kind, code, registerIdIn);
    if (!found)
        return std::unexpected(found.error());
    return voucherFromRow(found->row);
}

Result<Voucher> VoucherService::byId(qint64 id) const {
    auto q = m_db.row(kVoucherColumns + QStringLiteral("WHERE v.id = ?"), {id});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty())
        return fail(ErrorCode::NotFound, oasis::tr("There is no voucher number %1.").arg(id));
    return voucherFromRow(*q);
}

Result<std::vector<VoucherCover>>
VoucherService::covers(const QStringList &codes, const Ticket &ticket, const TicketTotals &totals,
                       const std::vector<std::size_t> &taken, const QString &registerId) {
    std::vector<VoucherCover> uses;
    const auto lineValue = [&](std::size_t i) {
        return ticket.lines[i].net() - totals.lineDiscount[i] + totals.lineTax[i];
    };
    const auto isTaken = [&](std::size_t i) {
        return std::any_of(uses.begin(), uses.end(),
                           [i](const VoucherCover &u) { return u.line == i; }) ||
               std::find(taken.begin(), taken.end(), i) != taken.end();
    };
    for (const QString &code : codes) {
        auto v = lookup(code, registerId);
        if (!v)
            return std::unexpected(v.error());
        if (v->status == Voucher::Status::Redeemed)
            return fail(ErrorCode::Refused,
                        oasis::tr("The voucher ending %1 was already redeemed (receipt %2).")
                            .arg(v->last4)
                            .arg(receiptCode(v->redeemedReceiptNo)));
        if (v->status == Voucher::Status::Void)
            return fail(
                ErrorCode::Refused,
                oasis::tr("The voucher ending %1 is void: its sale was refunded.").arg(v->last4));
        for (const VoucherCover &u : uses)
            if (u.voucher.id == v->id)
                return fail(ErrorCode::Invalid, oasis::tr("The same voucher is entered twice."));
        std::optional<std::size_t> line;
        for (std::size_t i = 0; i < ticket.lines.size() && !line; ++i)
            if (ticket.lines[i].kind == LineKind::Session && ticket.lines[i].itemId == v->itemId &&
                !isTaken(i))
                line = i;
        for (std::size_t i = 0; i < ticket.lines.size() && !line; ++i)
            if (ticket.lines[i].kind == LineKind::Session && !isTaken(i) &&
                ticket.lines[i].unitPrice >= v->priceNow)
                line = i;
        if (!line)
            return fail(ErrorCode::Refused,
                        oasis::tr("The voucher ending %1 is for %2: ring up that session (or a "
                                  "longer one) to redeem it.")
                            .arg(v->last4, v->serviceName));
        uses.push_back({*v, *line, min(v->priceNow, lineValue(*line))});
    }
    return uses;
}

Result<IssuedVoucher> VoucherService::issue(qint64 itemId, Money paid, qint64 saleId, qint64 lineId,
                                            qint64 staffId) {
    auto made = newStoredValueCode(m_db, &giftcode::generateVoucher, QStringLiteral("vouchers"));
    if (!made)
        return std::unexpected(made.error());
    const QString now = toStorageTime(Clock::nowUtc());
    auto ins = m_db.write(
        QStringLiteral("INSERT INTO vouchers(lookup_hash, last4, sealed_code, item_id, "
                       "paid_cents, sale_id, line_id, created_at) VALUES (?,?,?,?,?,?,?,?)"),
        {made->hash, giftcode::last4(made->code), made->sealed, itemId, paid.cents(), saleId,
         lineId, now});
    if (!ins)
        return std::unexpected(ins.error());
    const qint64 id = ins->insertId;
    if (auto ok = m_db.write(
            QStringLiteral("INSERT INTO voucher_activity(voucher_id, kind, amount_cents, "
                           "sale_id, line_id, staff_id, created_at) VALUES "
                           "(?, 'sell', ?, ?, ?, ?, ?)"),
            {id, paid.cents(), saleId, lineId, nullIfZero(staffId), now});
        !ok)
        return std::unexpected(ok.error());
    auto sold = byId(id);
    if (!sold)
        return std::unexpected(sold.error());
    return IssuedVoucher{id, made->code, sold->serviceCode, sold->description(), paid};
}

Status VoucherService::redeem(qint64 voucherId, Money covered, qint64 saleId, qint64 lineId,
                              qint64 staffId) {
    // Once, never twice: the "not yet redeemed" check is the write's own condition, inside the
    // sale's transaction; the unique index on a voucher's end is the backstop.
    auto ok = m_db.write(
        QStringLiteral("INSERT INTO voucher_activity(voucher_id, kind, amount_cents, "
                       "covered_cents, sale_id, line_id, staff_id, created_at) "
                       "SELECT v.id, 'redeem', -v.paid_cents, ?, ?, ?, ?, ? FROM vouchers v "
                       "WHERE v.id = ? AND ") +
            kStillActive,
        {covered.cents(), saleId, lineId, nullIfZero(staffId), toStorageTime(Clock::nowUtc()),
         voucherId, voucherId});
    if (!ok)
        return std::unexpected(ok.error());
    if (ok->rows == 1)
        return {};
    auto v = byId(voucherId);
    if (!v)
        return std::unexpected(v.error());
    if (v->status == Voucher::Status::Void)
        return fail(
            ErrorCode::Refused,
            oasis::tr("The voucher ending %1 is void: its sale was refunded.").arg(v->last4));
    return fail(ErrorCode::Refused,
                oasis::tr("The voucher ending %1 was already redeemed (receipt %2).")
                    .arg(v->last4)
                    .arg(receiptCode(v->redeemedReceiptNo)));
}

Status VoucherService::voidForRefund(qint64 voucherId, qint64 saleId, qint64 staffId) {
    auto ok = m_db.write(
        QStringLiteral("INSERT INTO voucher_activity(voucher_id, kind, amount_cents, sale_id, "
                       "staff_id, created_at) SELECT v.id, 'void', -v.paid_cents, ?, ?, ? FROM "
                       "vouchers v WHERE v.id = ? AND ") +
            kStillActive,
        {saleId, nullIfZero(staffId), toStorageTime(Clock::nowUtc()), voucherId, voucherId});
    if (!ok)
        return std::unexpected(ok.error());
    if (ok->rows == 1)
        return {};
    auto v = byId(voucherId);
    if (!v)
        return std::unexpected(v.error());
    return fail(
        ErrorCode::Refused,
        v->status == Voucher::Status::Redeemed
            ? oasis::tr("The voucher ending %1 was redeemed: it cannot be refunded.").arg(v->last4)
            : oasis::tr("The voucher ending %1 was already refunded.").arg(v->last4));
}

Result<QString> VoucherService::revealCode(qint64 voucherId) const {
    auto q = m_db.row(QStringLiteral("SELECT sealed_code, lookup_hash FROM vouchers WHERE id = ?"),
                      {voucherId});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty() || q->value(0).isNull())
        return fail(ErrorCode::NotFound,
                    oasis::tr("The code of this voucher is not kept; it cannot be reprinted."));
    auto plain = crypto::aesGcmDecrypt(m_db.keys().giftCardSeal, q->value(0).toByteArray(),
                                       q->value(1).toString().toLatin1());
    if (!plain)
        return std::unexpected(plain.error());
    return QString::fromLatin1(*plain);
}

} // namespace oasis
