// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/giftcard.h"

#include "core/authorization.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/database.h"
#include "core/giftcode.h"
#include "core/journal.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlQuery>

namespace oasis {

Q_LOGGING_CATEGORY(lcGiftCard, "oasis.giftcard")

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("GiftCard", text);
}

const QString kCardColumns =
    QStringLiteral("SELECT g.id, g.last4, g.created_at, g.recipient, g.sender, g.message, "
                   "(SELECT COALESCE(SUM(a.amount_cents), 0) FROM giftcard_activity a WHERE "
                   "a.giftcard_id = g.id), "
                   "(SELECT COUNT(*) FROM giftcard_activity a WHERE a.giftcard_id = g.id AND "
                   "a.kind = 'replace_out'), "
                   "(SELECT MAX(n.id) FROM giftcards n WHERE n.replaces_id = g.id) "
                   "FROM giftcards g ");

GiftCard cardFromRow(const QVariantList &q) {
    GiftCard c;
    c.id = q.value(0).toLongLong();
    c.last4 = q.value(1).toString();
    c.createdAt = fromStorageTime(q.value(2).toString());
    c.recipient = q.value(3).toString();
    c.sender = q.value(4).toString();
    c.message = q.value(5).toString();
    c.balance = Money::fromCents(q.value(6).toLongLong());
    c.status = q.value(7).toInt() > 0 ? GiftCardStatus::Void : GiftCardStatus::Active;
    c.replacedById = q.value(8).toLongLong();
    return c;
}
} // namespace

QString giftCardStatusName(GiftCardStatus status) {
    return status == GiftCardStatus::Void ? QStringLiteral("void") : QStringLiteral("active");
}

Status GiftCardService::checkLockout(const QString &registerId) const {
    const QDateTime now = Clock::nowUtc();
    auto failures =
        m_db.rows(QStringLiteral("SELECT at FROM giftcard_lookup_failures WHERE register_id = ? "
                                 "AND at >= ? ORDER BY at DESC"),
                  {registerId, toStorageTime(now.addSecs(-2 * kLockSeconds))});
    if (!failures)
        return std::unexpected(failures.error());
    // Locked while the 5th-latest failure is under a minute old... measured from the failure
    // that completed the run of five.
    std::vector<QDateTime> times;
    for (const QVariantList &r : *failures)
        times.push_back(fromStorageTime(r.value(0).toString()));
    for (std::size_t i = 0; i + kMaxFailures - 1 < times.size(); ++i) {
        const QDateTime newest = times[i];
        const QDateTime oldest = times[i + kMaxFailures - 1];
        if (oldest.secsTo(newest) < kLockSeconds && now < newest.addSecs(kLockSeconds)) {
            const qint64 wait = now.secsTo(newest.addSecs(kLockSeconds));
            return fail(ErrorCode::Locked,
                        tr("Gift-card lookups on this register are locked for %1 s after %2 "
                           "failed attempts. Check the card and try again then.")
                            .arg(wait)
                            .arg(kMaxFailures));
        }
    }
    return {};
}

Status GiftCardService::recordFailure(const QString &registerId, const QString &reason) {
    qCWarning(lcGiftCard, "failed gift-card lookup on register %s: %s", qPrintable(registerId),
              qPrintable(reason));
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = m_db.write(
            QStringLiteral("INSERT INTO giftcard_lookup_failures(register_id, at, reason) "
                           "VALUES (?, ?, ?)"),
            {registerId, toStorageTime(Clock::nowUtc()), reason});
        !ok)
        return std::unexpected(ok.error());
    return tx->commit();
}

Result<GiftCard> GiftCardService::lookup(const QString &code, const QString &registerId) {
    if (auto ok = checkLockout(registerId); !ok)
        return std::unexpected(ok.error());
    const giftcode::Parsed parsed = giftcode::parse(code);
    if (parsed.status != giftcode::Parse::Ok) {
        if (auto ok = recordFailure(registerId, QStringLiteral("bad check character")); !ok)
            return std::unexpected(ok.error());
        return fail(ErrorCode::Refused,
                    parsed.status == giftcode::Parse::BadCheck
                        ? tr("That gift-card code has a typo (its check character does not match). "
                             "Check each character and try again.")
                        : tr("That is not a gift-card code."));
    }
    auto q = m_db.row(kCardColumns + QStringLiteral("WHERE g.lookup_hash = ?"),
                      {giftcode::lookupHash(m_db.keys().giftCardLookup, parsed.canonical)});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty()) {
        if (auto ok = recordFailure(registerId, QStringLiteral("unknown code")); !ok)
            return std::unexpected(ok.error());
        return fail(ErrorCode::NotFound,
                    tr("This gift card is not known here: it was not sold by this store."));
    }
    GiftCard card = cardFromRow(*q);
    if (card.status == GiftCardStatus::Void) {
        if (auto ok = recordFailure(registerId, QStringLiteral("voided card")); !ok)
            return std::unexpected(ok.error());
        return fail(ErrorCode::Refused,
                    tr("This gift card (ending %1) was reported lost and replaced; it is void. "
                       "Its balance is on the replacement card.")
                        .arg(card.last4));
    }
    return card;
}

Result<GiftCard> GiftCardService::byId(qint64 id) const {
    auto q = m_db.row(kCardColumns + QStringLiteral("WHERE g.id = ?"), {id});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty())
        return fail(ErrorCode::NotFound, tr("There is no gift card number %1.").arg(id));
    return cardFromRow(*q);
}

Result<std::vector<GiftCardActivity>> GiftCardService::history(qint64 id) const {
    auto q = m_db.exec(QStringLiteral("SELECT a.created_at, a.kind, a.amount_cents, s.receipt_no, "
                                      "COALESCE(st.name, ''), a.reason FROM giftcard_activity a "
                                      "LEFT JOIN sales s ON s.id = a.sale_id "
                                      "LEFT JOIN staff st ON st.id = a.staff_id "
                                      "WHERE a.giftcard_id = ? ORDER BY a.id"),
                       {id});
    if (!q)
        return std::unexpected(q.error());
    std::vector<GiftCardActivity> out;
    Money running;
    while (q->next()) {
        GiftCardActivity a;
        a.at = fromStorageTime(q->value(0).toString());
        a.kind = q->value(1).toString();
        a.amount = Money::fromCents(q->value(2).toLongLong());
        running += a.amount;
        a.balanceAfter = running;
        a.receiptNo = q->value(3).toLongLong();
        a.staff = q->value(4).toString();
        a.reason = q->value(5).toString();
        out.push_back(a);
    }
    return out;
}

Result<Money> GiftCardService::balanceOf(qint64 cardId) const {
    auto v =
        m_db.scalar(QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM giftcard_activity "
                                   "WHERE giftcard_id = ?"),
                    {cardId});
    if (!v)
        return std::unexpected(v.error());
    return Money::fromCents(v->toLongLong());
}

Status GiftCardService::addActivity(qint64 cardId, const QString &kind, Money amount, qint64 saleId,
                                    qint64 staffId, qint64 approverId, const QString &reason) {
    auto ok = m_db.write(
        QStringLiteral("INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, sale_id, "
                       "staff_id, approver_id, reason, created_at) VALUES (?,?,?,?,?,?,?,?)"),
        {cardId, kind, amount.cents(), nullIfZero(saleId), nullIfZero(staffId),
         nullIfZero(approverId), reason, toStorageTime(Clock::nowUtc())});
    if (!ok)
        return std::unexpected(ok.error());
    return {};
}

Result<IssuedCard> GiftCardService::issue(Money amount, qint64 saleId, qint64 staffId,
                                          const QString &recipient, const QString &sender,
                                          const QString &message, qint64 replacesId,
                                          const QString &activityKind) {
    // A fresh random code; a collision of 95 random bits is not going to happen, but the
    // UNIQUE index would refuse it, so try again rather than fail a sale.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const QString code = giftcode::generate();
        const QString hash = giftcode::lookupHash(m_db.keys().giftCardLookup, code);
        auto exists = m_db.scalar(
            QStringLiteral("SELECT COUNT(*) FROM giftcards WHERE lookup_hash = ?"), {hash});
        if (!exists)
            return std::unexpected(exists.error());
        if (exists->toInt() > 0)
            continue;
        const QByteArray sealed =
            crypto::aesGcmEncrypt(m_db.keys().giftCardSeal, code.toLatin1(), hash.toLatin1());
        auto ins = m_db.write(
            QStringLiteral("INSERT INTO giftcards(lookup_hash, last4, sealed_code, created_at, "
                           "sale_id, replaces_id, recipient, sender, message) "
                           "VALUES (?,?,?,?,?,?,?,?,?)"),
            {hash, giftcode::last4(code), sealed, toStorageTime(Clock::nowUtc()),
             nullIfZero(saleId), nullIfZero(replacesId), recipient, sender, message});
        if (!ins)
            return std::unexpected(ins.error());
        const qint64 id = ins->insertId;
        if (auto ok = addActivity(id, activityKind, amount, saleId, staffId); !ok)
            return std::unexpected(ok.error());
        return IssuedCard{id, code, amount};
    }
    return fail(ErrorCode::System, tr("Could not make a unique gift-card code."));
}

Status GiftCardService::load(qint64 cardId, Money amount, qint64 saleId, qint64 staffId) {
    return addActivity(cardId, QStringLiteral("load"), amount, saleId, staffId);
}

Status GiftCardService::redeem(qint64 cardId, Money amount, qint64 saleId, qint64 staffId) {
    if (amount.isNegative() || amount.isZero())
        return fail(ErrorCode::Invalid, tr("A redemption must be a positive amount."));
    // The balance check and the debit are one statement inside the sale's BEGIN IMMEDIATE
    // transaction: no other register can spend the same dollars in between.
    auto ok = m_db.write(
        QStringLiteral(
            "INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, sale_id, staff_id, "
            "created_at) SELECT ?, 'redeem', ?, ?, ?, ? WHERE "
            "(SELECT COALESCE(SUM(amount_cents), 0) FROM giftcard_activity WHERE giftcard_id = ?) "
            ">= ? "
            "AND NOT EXISTS (SELECT 1 FROM giftcard_activity WHERE giftcard_id = ? AND kind = "
            "'replace_out')"),
        {cardId, -amount.cents(), nullIfZero(saleId), nullIfZero(staffId),
         toStorageTime(Clock::nowUtc()), cardId, amount.cents(), cardId});
    if (!ok)
        return std::unexpected(ok.error());
    if (ok->rows != 1) {
        auto balance = balanceOf(cardId);
        return fail(ErrorCode::Refused,
                    tr("The gift card has only %1 left, less than %2.")
                        .arg(balance ? balance->format() : QStringLiteral("?"), amount.format()));
    }
    return {};
}

Status GiftCardService::refundTo(qint64 cardId, Money amount, qint64 saleId, qint64 staffId) {
    return addActivity(cardId, QStringLiteral("refund"), amount, saleId, staffId);
}

Status GiftCardService::reverseLoad(qint64 cardId, Money amount, qint64 saleId, qint64 staffId,
                                    const QString &reason) {
    auto ok = m_db.write(
        QStringLiteral(
            "INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, sale_id, staff_id, "
            "reason, created_at) SELECT ?, 'adjust', ?, ?, ?, ?, ? WHERE "
            "(SELECT COALESCE(SUM(amount_cents), 0) FROM giftcard_activity WHERE giftcard_id = ?) "
            ">= ?"),
        {cardId, -amount.cents(), nullIfZero(saleId), nullIfZero(staffId), reason,
         toStorageTime(Clock::nowUtc()), cardId, amount.cents()});
    if (!ok)
        return std::unexpected(ok.error());
    if (ok->rows != 1)
        return fail(
            ErrorCode::Refused,
            tr("The gift card sold on this receipt was already spent; it cannot be voided."));
    return {};
}

Result<Money> GiftCardService::cashOut(const QString &code, const StaffMember &staff,
                                       const std::optional<StaffMember> &approver,
                                       const QString &registerId) {
    if (auto ok = authorize(m_db, Action::GiftCardCashOut, staff, approver); !ok)
        return std::unexpected(ok.error());
    auto card = lookup(code, registerId);
    if (!card)
        return std::unexpected(card.error());
    if (card->balance.isZero())
        return fail(ErrorCode::Refused,
                    tr("The gift card ending %1 has no balance.").arg(card->last4));
    if (card->balance >= cashOutLimit())
        return fail(
            ErrorCode::Refused,
            tr("The gift card ending %1 holds %2: cash is paid out only for a balance under "
               "%3. It can be spent on any service or product.")
                .arg(card->last4, card->balance.format(), cashOutLimit().format()));
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    auto shift = m_db.scalar(
        QStringLiteral("SELECT id FROM shifts WHERE register_id = ? AND closed_at IS NULL"),
        {registerId});
    if (!shift)
        return std::unexpected(shift.error());
    if (shift->isNull())
        return fail(ErrorCode::Refused,
                    tr("A cash-out is paid from the drawer: open a shift on this register first."));
    auto balance = balanceOf(card->id);
    if (!balance)
        return std::unexpected(balance.error());
    const qint64 approverId = approver ? approver->id : 0;
    if (auto ok = addActivity(card->id, QStringLiteral("cashout"), -*balance, 0, staff.id,
                              approverId, tr("cash paid out"));
        !ok)
        return std::unexpected(ok.error());
    auto activityId = m_db.scalar(
        QStringLiteral("SELECT MAX(id) FROM giftcard_activity WHERE giftcard_id = ?"), {card->id});
    if (!activityId)
        return std::unexpected(activityId.error());
    if (auto ok = m_db.write(
            QStringLiteral(
                "INSERT INTO cash_movements(shift_id, kind, amount_cents, reason, staff_id, "
                "approver_id, giftcard_activity_id, created_at) "
                "VALUES (?, 'payout', ?, ?, ?, ?, ?, ?)"),
            {*shift, balance->cents(), tr("gift-card cash-out (card ending %1)").arg(card->last4),
             staff.id, nullIfZero(approverId), *activityId, toStorageTime(Clock::nowUtc())});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = Journal::append(m_db, staff.name, QStringLiteral("giftcard_cashout"),
                                  {{QStringLiteral("card_last4"), card->last4},
                                   {QStringLiteral("amount_cents"), balance->cents()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return *balance;
}

Result<IssuedCard> GiftCardService::replace(const QString &code, const StaffMember &staff,
                                            const std::optional<StaffMember> &approver,
                                            const QString &registerId) {
    if (auto ok = authorize(m_db, Action::GiftCardReplace, staff, approver); !ok)
        return std::unexpected(ok.error());
    auto card = lookup(code, registerId);
    if (!card)
        return std::unexpected(card.error());
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    auto balance = balanceOf(card->id);
    if (!balance)
        return std::unexpected(balance.error());
    const qint64 approverId = approver ? approver->id : 0;
    if (auto ok = addActivity(card->id, QStringLiteral("replace_out"), -*balance, 0, staff.id,
                              approverId, tr("reported lost"));
        !ok)
        return std::unexpected(ok.error());
    auto issued = issue(*balance, 0, staff.id, card->recipient, card->sender, card->message,
                        card->id, QStringLiteral("replace_in"));
    if (!issued)
        return std::unexpected(issued.error());
    if (auto ok =
            Journal::append(m_db, staff.name, QStringLiteral("giftcard_replaced"),
                            {{QStringLiteral("old_last4"), card->last4},
                             {QStringLiteral("new_last4"), giftcode::last4(issued->code)},
                             {QStringLiteral("amount_cents"), balance->cents()},
                             {QStringLiteral("approver"), approver ? approver->name : staff.name}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return issued;
}

Result<Money> GiftCardService::adjust(const QString &code, Money delta, const QString &reason,
                                      const StaffMember &staff,
                                      const std::optional<StaffMember> &approver,
                                      const QString &registerId) {
    if (auto ok = authorize(m_db, Action::GiftCardAdjust, staff, approver); !ok)
        return std::unexpected(ok.error());
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::Invalid, tr("An adjustment needs a reason."));
    if (delta.isZero())
        return fail(ErrorCode::Invalid, tr("An adjustment cannot be zero."));
    auto card = lookup(code, registerId);
    if (!card)
        return std::unexpected(card.error());
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    auto balance = balanceOf(card->id);
    if (!balance)
        return std::unexpected(balance.error());
    if ((*balance + delta).isNegative())
        return fail(ErrorCode::Refused,
                    tr("The adjustment would leave the card below zero (it holds %1).")
                        .arg(balance->format()));
    if (auto ok = addActivity(card->id, QStringLiteral("adjust"), delta, 0, staff.id,
                              approver ? approver->id : 0, reason.trimmed());
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = Journal::append(m_db, staff.name, QStringLiteral("giftcard_adjusted"),
                                  {{QStringLiteral("card_last4"), card->last4},
                                   {QStringLiteral("amount_cents"), delta.cents()},
                                   {QStringLiteral("reason"), reason.trimmed()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return *balance + delta;
}

Result<QString> GiftCardService::revealCode(qint64 cardId) const {
    auto q = m_db.exec(
        QStringLiteral("SELECT sealed_code, lookup_hash FROM giftcards WHERE id = ?"), {cardId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next() || q->value(0).isNull())
        return fail(ErrorCode::NotFound,
                    tr("The code of this card is not kept; it cannot be reprinted."));
    auto plain = crypto::aesGcmDecrypt(m_db.keys().giftCardSeal, q->value(0).toByteArray(),
                                       q->value(1).toString().toLatin1());
    if (!plain)
        return std::unexpected(plain.error());
    return QString::fromLatin1(*plain);
}

Result<Money> GiftCardService::outstanding() const {
    // The daily rollup (kept by trigger with every activity row): a few thousand rows, not
    // every activity ever.
    auto v = m_db.scalar(
        QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM giftcard_activity_by_day"));
    if (!v)
        return std::unexpected(v.error());
    return Money::fromCents(v->toLongLong());
}

} // namespace oasis
