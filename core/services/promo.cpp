// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/promo.h"

#include "core/domain/clock.h"
#include "core/domain/translate.h"
#include "core/storage/database.h"

#include <algorithm>
#include <optional>

namespace oasis {

namespace {
// What is left of lot `l`: its amount less the draws on it (a refund names a redeem, not a lot).
const QString kLotLeft = QStringLiteral(
    "(l.amount_cents + COALESCE((SELECT SUM(d.amount_cents) FROM giftcard_promo d WHERE "
    "d.lot_id = l.id AND d.kind IN ('redeem', 'void', 'replace_out')), 0))");
const QString kIsLot = QStringLiteral("l.kind IN ('grant', 'refund', 'replace_in')");

QVariant dateOrNull(const QDate &d) {
    return d.isValid() ? QVariant(toStorageDate(d)) : QVariant(); // NULL: no expiry
}

// Lot `r` (its id, what is left, its last day, from column `first` on) when it has value left
// that may be spent on `day`.
std::optional<PromoLedger::Lot> openLot(const QVariantList &r, int first, const QDate &day,
                                        bool includeExpired) {
    if (r.value(first).isNull())
        return std::nullopt;
    PromoLedger::Lot lot{r.value(first).toLongLong(),
                         Money::fromCents(r.value(first + 1).toLongLong()),
                         QDate::fromString(r.value(first + 2).toString(), Qt::ISODate)};
    if (lot.remaining.isNegative() || lot.remaining.isZero() ||
        (!includeExpired && lot.expiresOn.isValid() && lot.expiresOn < day))
        return std::nullopt;
    return lot;
}

const QString kLotOrder =
    QStringLiteral("ORDER BY CASE WHEN l.expires_on IS NULL THEN 1 ELSE 0 END, l.expires_on, l.id");
} // namespace

bool PromoLedger::present(const Database &db) {
    return db.schemaVersion() >= kSchemaStep;
}

Result<std::vector<PromoLedger::Lot>> PromoLedger::lots(qint64 cardId, const QDate &day,
                                                        bool includeExpired) const {
    if (!present(m_db))
        return std::vector<Lot>();
    auto q = m_db.rows(QStringLiteral("SELECT l.id, %1, COALESCE(l.expires_on, '') FROM "
                                      "giftcard_promo l WHERE l.giftcard_id = ? AND %2 %3")
                           .arg(kLotLeft, kIsLot, kLotOrder),
                       {cardId});
    if (!q)
        return std::unexpected(q.error());
    std::vector<Lot> out;
    for (const QVariantList &r : *q)
        if (auto lot = openLot(r, 0, day, includeExpired))
            out.push_back(*lot);
    return out;
}

Result<std::pair<Money, QDate>> PromoLedger::available(qint64 cardId, const QDate &day) const {
    auto all = lots(cardId, day);
    if (!all)
        return std::unexpected(all.error());
    return Spendable{Money(), *all}.promo();
}

std::pair<Money, QDate> PromoLedger::Spendable::promo() const {
    Money sum;
    QDate first;
    for (const Lot &l : lots) {
        sum += l.remaining;
        if (l.expiresOn.isValid() && (!first.isValid() || l.expiresOn < first))
            first = l.expiresOn;
    }
    return std::pair{sum, first};
}

std::pair<Money, QDate> PromoLedger::Spendable::promoAfter(Money promoSpent) const {
    Spendable left{paid, {}};
    for (Lot l : lots) {
        const Money taken = std::min(l.remaining, promoSpent);
        promoSpent -= taken;
        l.remaining -= taken;
        if (!l.remaining.isZero())
            left.lots.push_back(l);
    }
    return left.promo();
}

Result<PromoLedger::Spendable> PromoLedger::spendable(qint64 cardId, const QDate &day) const {
    const QString paid = QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) AS paid FROM "
                                        "giftcard_activity WHERE giftcard_id = ?");
    if (!present(m_db)) {
        auto v = m_db.scalar(paid, {cardId});
        if (!v)
            return std::unexpected(v.error());
        return Spendable{Money::fromCents(v->toLongLong()), {}};
    }
    // The paid value on every row, and the lots beside it (one row of NULLs without any).
    auto q = m_db.rows(QStringLiteral("SELECT p.paid, l.id, %1, COALESCE(l.expires_on, '') FROM "
                                      "(%2) p LEFT JOIN giftcard_promo l ON l.giftcard_id = ? "
                                      "AND %3 %4")
                           .arg(kLotLeft, paid, kIsLot, kLotOrder),
                       {cardId, cardId});
    if (!q)
        return std::unexpected(q.error());
    Spendable out;
    for (const QVariantList &r : *q) {
        out.paid = Money::fromCents(r.value(0).toLongLong());
        if (auto lot = openLot(r, 1, day, false))
            out.lots.push_back(*lot);
    }
    return out;
}

Status PromoLedger::grant(qint64 cardId, Money amount, const QDate &expires, qint64 saleId,
                          qint64 staffId, qint64 approverId, const QString &reason) {
    if (amount.isNegative() || amount.isZero())
        return fail(ErrorCode::Invalid, oasis::tr("Promotional value must be a positive amount."));
    auto ok = m_db.write(
        QStringLiteral("INSERT INTO giftcard_promo(giftcard_id, kind, amount_cents, expires_on, "
                       "sale_id, staff_id, approver_id, reason, created_at) "
                       "VALUES (?, 'grant', ?, ?, ?, ?, ?, ?, ?)"),
        {cardId, amount.cents(), dateOrNull(expires), nullIfZero(saleId), nullIfZero(staffId),
         nullIfZero(approverId), reason, toStorageTime(Clock::nowUtc())});
    if (!ok)
        return std::unexpected(ok.error());
    return {};
}

Status PromoLedger::draw(qint64 lotId, qint64 cardId, const QString &kind, Money amount,
                         qint64 saleId, qint64 staffId, qint64 approverId, const QString &reason) {
    auto ok = m_db.write(
        QStringLiteral("INSERT INTO giftcard_promo(giftcard_id, kind, lot_id, amount_cents, "
                       "sale_id, staff_id, approver_id, reason, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {cardId, kind, lotId, -amount.cents(), nullIfZero(saleId), nullIfZero(staffId),
         nullIfZero(approverId), reason, toStorageTime(Clock::nowUtc())});
    if (!ok)
        return std::unexpected(ok.error());
    return {};
}

Status PromoLedger::redeem(qint64 cardId, Money amount, const QDate &day, qint64 saleId,
                           qint64 staffId, const std::vector<Lot> *open) {
    if (amount.isNegative() || amount.isZero())
        return fail(ErrorCode::Invalid, oasis::tr("A redemption must be a positive amount."));
    std::vector<Lot> read;
    if (!open) {
        auto now = lots(cardId, day);
        if (!now)
            return std::unexpected(now.error());
        read = std::move(*now);
        open = &read;
    }
    const QString dayText = toStorageDate(day);
    Money need = amount;
    for (const Lot &lot : *open) {
        if (need.isZero())
            break;
        const Money take = std::min(need, lot.remaining);
        // One statement checks and debits, inside the sale's transaction: the paid value is
        // spent first (the card's paid balance is zero after this sale's own paid debit), the
        // lot is not past its last day on the sale's date and still holds what it takes, and
        // the card is not void. Another register spending the same lot cannot slip in between.
        auto ok = m_db.write(
            QStringLiteral(
                "INSERT INTO giftcard_promo(giftcard_id, kind, lot_id, amount_cents, sale_id, "
                "staff_id, created_at) SELECT ?, 'redeem', ?, ?, ?, ?, ? WHERE "
                "(SELECT COALESCE(SUM(amount_cents), 0) FROM giftcard_activity WHERE "
                "giftcard_id = ?) = 0 "
                "AND NOT EXISTS (SELECT 1 FROM giftcard_activity WHERE giftcard_id = ? AND "
                "kind = 'replace_out') "
                "AND EXISTS (SELECT 1 FROM giftcard_promo l WHERE l.id = ? AND l.giftcard_id = ? "
                "AND %1 AND (l.expires_on IS NULL OR l.expires_on >= ?) AND %2 >= ?)")
                .arg(kIsLot, kLotLeft),
            {cardId, lot.id, -take.cents(), nullIfZero(saleId), nullIfZero(staffId),
             toStorageTime(Clock::nowUtc()), cardId, cardId, lot.id, cardId, dayText,
             take.cents()});
        if (!ok)
            return std::unexpected(ok.error());
        if (ok->rows != 1)
            break;
        need -= take;
    }
    if (!need.isZero()) {
        auto now = available(cardId, day);
        return fail(ErrorCode::Refused,
                    oasis::tr("The gift card has only %1 of promotional value left to spend, less "
                              "than %2.")
                        .arg(now ? now->first.format() : QStringLiteral("?"), amount.format()));
    }
    return {};
}

Result<Money> PromoLedger::refundable(qint64 saleId, qint64 cardId) const {
    if (!present(m_db))
        return Money();
    auto v = m_db.scalar(
        QStringLiteral("SELECT COALESCE(SUM(-r.amount_cents - COALESCE((SELECT SUM(b.amount_cents) "
                       "FROM giftcard_promo b WHERE b.lot_id = r.id AND b.kind = 'refund'), 0)), "
                       "0) FROM giftcard_promo r WHERE r.sale_id = ? AND r.giftcard_id = ? AND "
                       "r.kind = 'redeem'"),
        {saleId, cardId});
    if (!v)
        return std::unexpected(v.error());
    return Money::fromCents(v->toLongLong());
}

Result<Money> PromoLedger::refund(qint64 originalSaleId, qint64 cardId, qint64 liveCardId,
                                  Money amount, qint64 refundSaleId, qint64 staffId) {
    // The sale's draws, the last spent first: a refund unwinds the spending (promotional value
    // was spent last, so it comes back first), each with the last day of the lot it came from.
    auto q = m_db.rows(
        QStringLiteral("SELECT r.id, -r.amount_cents - COALESCE((SELECT SUM(b.amount_cents) FROM "
                       "giftcard_promo b WHERE b.lot_id = r.id AND b.kind = 'refund'), 0), "
                       "COALESCE(l.expires_on, '') FROM giftcard_promo r JOIN giftcard_promo l "
                       "ON l.id = r.lot_id WHERE r.sale_id = ? AND r.giftcard_id = ? AND "
                       "r.kind = 'redeem' ORDER BY r.id DESC"),
        {originalSaleId, cardId});
    if (!q)
        return std::unexpected(q.error());
    Money given;
    for (const QVariantList &r : *q) {
        const Money left = Money::fromCents(r.value(1).toLongLong());
        const Money give = std::min(amount - given, left);
        if (give.isZero() || give.isNegative())
            continue;
        auto ok = m_db.write(
            QStringLiteral("INSERT INTO giftcard_promo(giftcard_id, kind, lot_id, amount_cents, "
                           "expires_on, sale_id, staff_id, created_at) "
                           "VALUES (?, 'refund', ?, ?, ?, ?, ?, ?)"),
            {liveCardId, r.value(0).toLongLong(), give.cents(),
             dateOrNull(QDate::fromString(r.value(2).toString(), Qt::ISODate)),
             nullIfZero(refundSaleId), nullIfZero(staffId), toStorageTime(Clock::nowUtc())});
        if (!ok)
            return std::unexpected(ok.error());
        given += give;
    }
    return given;
}

Status PromoLedger::takeBackGrants(qint64 originalSaleId, qint64 voidSaleId, qint64 staffId) {
    if (!present(m_db))
        return {};
    auto grants = m_db.rows(QStringLiteral("SELECT id, giftcard_id FROM giftcard_promo WHERE "
                                           "sale_id = ? AND kind = 'grant' ORDER BY id"),
                            {originalSaleId});
    if (!grants)
        return std::unexpected(grants.error());
    for (const QVariantList &g : *grants) {
        // Follow the lot to the card that holds it now (a lost card's lots move on).
        qint64 lot = g.value(0).toLongLong(), card = g.value(1).toLongLong();
        for (int hop = 0; hop < 100; ++hop) {
            auto moved = m_db.row(
                QStringLiteral("SELECT i.id, i.giftcard_id FROM giftcard_promo o JOIN "
                               "giftcard_promo i ON i.lot_id = o.id AND i.kind = 'replace_in' "
                               "WHERE o.lot_id = ? AND o.kind = 'replace_out'"),
                {lot});
            if (!moved)
                return std::unexpected(moved.error());
            if (moved->isEmpty())
                break;
            lot = moved->value(0).toLongLong();
            card = moved->value(1).toLongLong();
        }
        auto left = m_db.scalar(
            QStringLiteral("SELECT %1 FROM giftcard_promo l WHERE l.id = ?").arg(kLotLeft), {lot});
        if (!left)
            return std::unexpected(left.error());
        // What was spent of it stays spent: promotional value is no money to take back.
        if (left->toLongLong() > 0)
            if (auto ok = draw(lot, card, QStringLiteral("void"),
                               Money::fromCents(left->toLongLong()), voidSaleId, staffId, 0, {});
                !ok)
                return ok;
    }
    return {};
}

Status PromoLedger::moveOnReplace(qint64 oldCardId, qint64 newCardId, qint64 staffId,
                                  qint64 approverId) {
    auto all = lots(oldCardId, QDate(), true);
    if (!all)
        return std::unexpected(all.error());
    for (const Lot &lot : *all) {
        if (auto ok = draw(lot.id, oldCardId, QStringLiteral("replace_out"), lot.remaining, 0,
                           staffId, approverId, {});
            !ok)
            return ok;
        auto out = m_db.scalar(QStringLiteral("SELECT MAX(id) FROM giftcard_promo WHERE "
                                              "lot_id = ? AND kind = 'replace_out'"),
                               {lot.id});
        if (!out)
            return std::unexpected(out.error());
        auto ok = m_db.write(
            QStringLiteral("INSERT INTO giftcard_promo(giftcard_id, kind, lot_id, amount_cents, "
                           "expires_on, staff_id, approver_id, created_at) "
                           "VALUES (?, 'replace_in', ?, ?, ?, ?, ?, ?)"),
            {newCardId, out->toLongLong(), lot.remaining.cents(), dateOrNull(lot.expiresOn),
             nullIfZero(staffId), nullIfZero(approverId), toStorageTime(Clock::nowUtc())});
        if (!ok)
            return std::unexpected(ok.error());
    }
    return {};
}

Result<std::vector<PromoLedger::Entry>> PromoLedger::history(qint64 cardId) const {
    if (!present(m_db))
        return std::vector<Entry>();
    auto q = m_db.rows(
        QStringLiteral("SELECT p.created_at, p.kind, p.amount_cents, COALESCE(p.expires_on, "
                       "l.expires_on, ''), COALESCE(s.receipt_no, 0), COALESCE(st.name, ''), "
                       "COALESCE(NULLIF(st.display_name, ''), st.name, ''), p.reason FROM "
                       "giftcard_promo p "
                       "LEFT JOIN giftcard_promo l ON l.id = p.lot_id AND p.kind IN ('redeem', "
                       "'void', 'replace_out') "
                       "LEFT JOIN sales s ON s.id = p.sale_id "
                       "LEFT JOIN staff st ON st.id = p.staff_id "
                       "WHERE p.giftcard_id = ? ORDER BY p.id"),
        {cardId});
    if (!q)
        return std::unexpected(q.error());
    std::vector<Entry> out;
    for (const QVariantList &r : *q)
        out.push_back({fromStorageTime(r.value(0).toString()), r.value(1).toString(),
                       Money::fromCents(r.value(2).toLongLong()),
                       QDate::fromString(r.value(3).toString(), Qt::ISODate),
                       r.value(4).toLongLong(), r.value(5).toString(), r.value(6).toString(),
                       r.value(7).toString()});
    return out;
}

Result<Money> PromoLedger::spentBySale(qint64 saleId) const {
    if (!present(m_db))
        return Money();
    auto v = m_db.scalar(QStringLiteral("SELECT COALESCE(-SUM(amount_cents), 0) FROM "
                                        "giftcard_promo WHERE sale_id = ? AND kind = 'redeem'"),
                         {saleId});
    if (!v)
        return std::unexpected(v.error());
    return Money::fromCents(v->toLongLong());
}

} // namespace oasis
