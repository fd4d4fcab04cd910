// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/giftcard.h"

#include "core/domain/clock.h"
#include "core/domain/crypto.h"
#include "core/domain/giftcode.h"
#include "core/domain/text.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/promo.h"
#include "core/services/registers.h"
#include "core/services/shift.h"
#include "core/services/storedvalue.h"
#include "core/services/storesettings.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLoggingCategory>

namespace oasis {

Q_LOGGING_CATEGORY(lcGiftCard, "oasis.giftcard")

namespace {
const QString kCardColumns =
    QStringLiteral("SELECT g.id, g.last4, g.created_at, g.recipient, g.sender, g.message, "
                   "(SELECT COALESCE(SUM(a.amount_cents), 0) FROM giftcard_activity a WHERE "
                   "a.giftcard_id = g.id), "
                   "(SELECT COUNT(*) FROM giftcard_activity a WHERE a.giftcard_id = g.id AND "
                   "a.kind = 'replace_out'), "
                   "(SELECT MAX(n.id) FROM giftcards n WHERE n.replaces_id = g.id) "
                   "FROM giftcards g ");

// A card is void once its balance moved to a replacement: every conditional write names it.
const QString kNotVoid =
    QStringLiteral("NOT EXISTS (SELECT 1 FROM giftcard_activity WHERE giftcard_id = ? AND "
                   "kind = 'replace_out')");
// The balance of card `?`, as a one-row table `b(cents)` for INSERT ... SELECT.
const QString kBalanceRow =
    QStringLiteral("(SELECT COALESCE(SUM(amount_cents), 0) AS cents FROM giftcard_activity "
                   "WHERE giftcard_id = ?) b ");

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

namespace {
/// Seconds until lookups open again when `limit` failures (newest first in `times`) fell within
/// `window` seconds and the newest of them is under `window` seconds old; 0 when not locked.
qint64 lockedFor(const std::vector<QDateTime> &times, int limit, int window, const QDateTime &now) {
    // Measured from the failure that completed the run.
    for (std::size_t i = 0; i + limit - 1 < times.size(); ++i) {
        const QDateTime newest = times[i];
        const QDateTime oldest = times[i + limit - 1];
        if (oldest.secsTo(newest) < window && now < newest.addSecs(window))
            return std::max<qint64>(1, now.secsTo(newest.addSecs(window)));
    }
    return 0;
}
} // namespace

QString GiftCardService::lockoutFailures() {
    return QStringLiteral("SELECT at, register_id FROM giftcard_lookup_failures WHERE at >= ?");
}

QString GiftCardService::lockoutSince(const QDateTime &now) {
    return toStorageTime(now.addSecs(-2 * kLockSeconds));
}

Status GiftCardService::checkLockout(const QString &registerId) const {
    const QDateTime now = Clock::nowUtc();
    // Every register's recent failures: a register's own and the store's whole count, so that
    // switching registers resets nothing.
    auto failures =
        m_db.rows(lockoutFailures() + QStringLiteral(" ORDER BY at DESC"), {lockoutSince(now)});
    if (!failures)
        return std::unexpected(failures.error());
    return lockedOut(*failures, registerId, now);
}

Status GiftCardService::lockedOut(const QList<QVariantList> &failures, const QString &registerId,
                                  const QDateTime &now) {
    std::vector<QDateTime> mine, store;
    for (const QVariantList &r : failures) {
        const QDateTime at = fromStorageTime(r.value(0).toString());
        store.push_back(at);
        if (r.value(1).toString() == registerId)
            mine.push_back(at);
    }
    if (const qint64 wait = lockedFor(mine, kMaxFailures, kLockSeconds, now))
        return fail(ErrorCode::Locked,
                    oasis::tr("Gift-card lookups on this register are locked for %1 s after %2 "
                              "failed attempts. Check the card and try again then.")
                        .arg(wait)
                        .arg(kMaxFailures));
    if (const qint64 wait = lockedFor(store, kStoreMaxFailures, kLockSeconds, now))
        return fail(
            ErrorCode::Locked,
            oasis::tr("Gift-card lookups are locked on every register of this store for %1 s "
                      "after %2 failed attempts within a minute. Check the card and try again "
                      "then.")
                .arg(wait)
                .arg(kStoreMaxFailures));
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

Result<GiftCard> GiftCardService::lookup(const QString &code, const QString &registerIdIn) {
    const StoredValueKind kind{
        &giftcode::parse,
        kCardColumns,
        QStringLiteral("g.lookup_hash"),
        QStringLiteral("bad check character"),
        QStringLiteral("unknown code"),
        [] {
            return oasis::tr(
                "That gift-card code has a typo (its check character does not match). Check "
                "each character and try again.");
        },
        [] { return oasis::tr("That is not a gift-card code."); },
        [] {
            return oasis::tr("This gift card is not known here: it was not sold by this store.");
        }};
    auto found =
        lookupStoredValue(m_db, kind, code, registerIdIn,
                          !m_checkedRegister.isEmpty() && registerIdIn == m_checkedRegister);
    if (!found)
        return std::unexpected(found.error());
    GiftCard card = cardFromRow(found->row);
    if (card.status == GiftCardStatus::Void) {
        if (auto ok = recordFailure(found->registerId, QStringLiteral("voided card")); !ok)
            return std::unexpected(ok.error());
        return fail(
            ErrorCode::Refused,
            oasis::tr("This gift card (ending %1) was reported lost and replaced; it is void. "
                      "Its balance is on the replacement card.")
                .arg(card.last4));
    }
    if (auto ok = withPromo(card); !ok)
        return std::unexpected(ok.error());
    return card;
}

Status GiftCardService::withPromo(GiftCard &card) const {
    const QDate today = m_businessDate.isValid()
                            ? m_businessDate
                            : StoreSettings(m_db).businessDate(Clock::nowUtc());
    auto promo = PromoLedger(m_db).available(card.id, today);
    if (!promo)
        return std::unexpected(promo.error());
    card.promo = promo->first;
    card.promoExpires = promo->second;
    return {};
}

Result<GiftCard> GiftCardService::byId(qint64 id) const {
    auto q = m_db.row(kCardColumns + QStringLiteral("WHERE g.id = ?"), {id});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty())
        return fail(ErrorCode::NotFound, oasis::tr("There is no gift card number %1.").arg(id));
    GiftCard card = cardFromRow(*q);
    if (auto ok = withPromo(card); !ok)
        return std::unexpected(ok.error());
    return card;
}

Result<std::vector<GiftCardActivity>> GiftCardService::history(qint64 id) const {
    auto q = m_db.exec(
        QStringLiteral("SELECT a.created_at, a.kind, a.amount_cents, s.receipt_no, "
                       "COALESCE(st.name, ''), a.reason, COALESCE(NULLIF(st.display_name, ''), "
                       "st.name, '') FROM giftcard_activity a "
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
        a.staffShown = q->value(6).toString();
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
    auto made = newStoredValueCode(m_db, &giftcode::generate, QStringLiteral("giftcards"));
    if (!made)
        return std::unexpected(made.error());
    auto ins = m_db.write(
        QStringLiteral("INSERT INTO giftcards(lookup_hash, last4, sealed_code, created_at, "
                       "sale_id, replaces_id, recipient, sender, message) "
                       "VALUES (?,?,?,?,?,?,?,?,?)"),
        {made->hash, giftcode::last4(made->code), made->sealed, toStorageTime(Clock::nowUtc()),
         nullIfZero(saleId), nullIfZero(replacesId), recipient, sender, message});
    if (!ins)
        return std::unexpected(ins.error());
    const qint64 id = ins->insertId;
    if (auto ok = addActivity(id, activityKind, amount, saleId, staffId); !ok)
        return std::unexpected(ok.error());
    return IssuedCard{id, made->code, amount, {}, {}};
}

Result<qint64> GiftCardService::liveCard(qint64 cardId) const {
    // A chain, not one hop: a replacement can be lost and replaced in turn. The first
    // replacement is the one that took the balance (stores from before the fix of the
    // replace race may have a second, empty one).
    qint64 id = cardId;
    for (int hop = 0; hop < 100; ++hop) {
        auto next = m_db.scalar(
            QStringLiteral("SELECT MIN(id) FROM giftcards WHERE replaces_id = ?"), {id});
        if (!next)
            return std::unexpected(next.error());
        if (next->isNull())
            return id;
        id = next->toLongLong();
    }
    return fail(ErrorCode::System,
                oasis::tr("Gift card %1 has too many replacements.").arg(cardId));
}

Status GiftCardService::load(qint64 cardId, Money amount, Money maximum, qint64 saleId,
                             qint64 staffId) {
    if (amount.isNegative() || amount.isZero())
        return fail(ErrorCode::Invalid, oasis::tr("A reload must be a positive amount."));
    // The card maximum and the void check are part of the write, inside the sale's BEGIN
    // IMMEDIATE transaction: two registers reloading one card cannot both fit under it.
    auto ok = m_db.write(
        QStringLiteral("INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, sale_id, "
                       "staff_id, created_at) SELECT ?, 'load', ?, ?, ?, ? FROM ") +
            kBalanceRow + QStringLiteral("WHERE b.cents + ? <= ? AND ") + kNotVoid,
        {cardId, amount.cents(), nullIfZero(saleId), nullIfZero(staffId),
         toStorageTime(Clock::nowUtc()), cardId, amount.cents(), maximum.cents(), cardId});
    if (!ok)
        return std::unexpected(ok.error());
    if (ok->rows == 1)
        return {};
    auto card = byId(cardId);
    if (!card)
        return std::unexpected(card.error());
    if (card->status == GiftCardStatus::Void)
        return fail(
            ErrorCode::Refused,
            oasis::tr("The gift card ending %1 was replaced just now; reload its replacement.")
                .arg(card->last4));
    return fail(ErrorCode::Refused, oasis::tr("A gift card may hold at most %1; this one holds %2.")
                                        .arg(maximum.format(), card->balance.format()));
}

Status GiftCardService::redeem(qint64 cardId, Money amount, qint64 saleId, qint64 staffId) {
    if (amount.isNegative() || amount.isZero())
        return fail(ErrorCode::Invalid, oasis::tr("A redemption must be a positive amount."));
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
        auto card = byId(cardId);
        if (card && card->status == GiftCardStatus::Void)
            return fail(ErrorCode::Refused,
                        oasis::tr("The gift card ending %1 was replaced just now; it is void.")
                            .arg(card->last4));
        return fail(ErrorCode::Refused,
                    oasis::tr("The gift card has only %1 left, less than %2.")
                        .arg(card ? card->balance.format() : QStringLiteral("?"), amount.format()));
    }
    return {};
}

Result<qint64> GiftCardService::refundTo(qint64 cardId, Money amount, qint64 saleId,
                                         qint64 staffId) {
    // Money back goes where the customer can spend it: a replaced card's replacement.
    auto live = liveCard(cardId);
    if (!live)
        return live;
    if (auto ok = addActivity(*live, QStringLiteral("refund"), amount, saleId, staffId); !ok)
        return std::unexpected(ok.error());
    return *live;
}

Result<qint64> GiftCardService::reverseLoad(qint64 cardId, Money amount, qint64 saleId,
                                            qint64 staffId, const QString &reason) {
    // The value sold is on the card now live (a lost card's balance moved to its replacement).
    auto live = liveCard(cardId);
    if (!live)
        return live;
    cardId = *live;
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
            oasis::tr(
                "The gift card sold on this receipt was already spent; it cannot be voided."));
    return cardId;
}

Result<Money> GiftCardService::cashOut(const QString &code, const StaffMember &staff,
                                       const std::optional<StaffMember> &approver,
                                       const QString &registerId) {
    // Before the card's lookup too, so a refused user's lookups do not count towards the
    // lockout (beginAuthorized checks it again below, inside the transaction).
    if (auto ok = authorize(m_db, Action::GiftCardCashOut, staff, approver); !ok)
        return std::unexpected(ok.error());
    // The lookup only finds the card (and counts a failure in its own transaction); the rules
    // are checked below, inside the transaction that pays.
    auto card = lookup(code, registerId);
    if (!card)
        return std::unexpected(card.error());
    testPoint("giftcard.cashout.checked");
    auto tx = beginAuthorized(m_db, Action::GiftCardCashOut, staff, approver);
    if (!tx)
        return std::unexpected(tx.error());
    const qint64 approverId = approver ? approver->id : 0;
    // One statement checks and debits: the whole balance, only when it is above zero and under
    // the limit and the card is not void. What it debited is what the drawer pays.
    auto debit = m_db.write(
        QStringLiteral("INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, staff_id, "
                       "approver_id, reason, created_at) SELECT ?, 'cashout', -b.cents, ?, ?, ?, ? "
                       "FROM ") +
            kBalanceRow + QStringLiteral("WHERE b.cents > 0 AND b.cents < ? AND ") + kNotVoid,
        {card->id, nullIfZero(staff.id), nullIfZero(approverId), oasis::tr("cash paid out"),
         toStorageTime(Clock::nowUtc()), card->id, cashOutLimit().cents(), card->id});
    if (!debit)
        return std::unexpected(debit.error());
    if (debit->rows != 1) {
        auto now = byId(card->id);
        if (!now)
            return std::unexpected(now.error());
        if (now->status == GiftCardStatus::Void)
            return fail(
                ErrorCode::Refused,
                oasis::tr("The gift card ending %1 was replaced; it is void. Its balance is on "
                          "the replacement card.")
                    .arg(now->last4));
        if (now->balance.isZero() || now->balance.isNegative())
            return fail(ErrorCode::Refused,
                        oasis::tr("The gift card ending %1 has no balance.").arg(now->last4));
        return fail(
            ErrorCode::Refused,
            oasis::tr("The gift card ending %1 holds %2: cash is paid out only for a balance under "
                      "%3. It can be spent on any service or product.")
                .arg(now->last4, now->balance.format(), cashOutLimit().format()));
    }
    auto debited =
        m_db.scalar(QStringLiteral("SELECT -amount_cents FROM giftcard_activity WHERE id = ?"),
                    {debit->insertId});
    if (!debited)
        return std::unexpected(debited.error());
    const Money amount = Money::fromCents(debited->toLongLong());
    // The card's rules first (their message is the one that matters), then the drawer; a
    // refusal here rolls the debit back with the transaction.
    auto shift = ShiftService(m_db).openShiftId(registerId);
    if (!shift)
        return std::unexpected(shift.error());
    if (!*shift)
        return fail(
            ErrorCode::Refused,
            oasis::tr("A cash-out is paid from the drawer: open a shift on this register first."));
    if (auto ok = m_db.write(
            QStringLiteral(
                "INSERT INTO cash_movements(shift_id, kind, amount_cents, reason, staff_id, "
                "approver_id, giftcard_activity_id, created_at) "
                "VALUES (?, 'payout', ?, ?, ?, ?, ?, ?)"),
            {**shift, amount.cents(),
             oasis::tr("gift-card cash-out (card ending %1)").arg(card->last4), staff.id,
             nullIfZero(approverId), debit->insertId, toStorageTime(Clock::nowUtc())});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = Journal::append(m_db, staff.name, QStringLiteral("giftcard_cashout"),
                                  {{QStringLiteral("card_last4"), card->last4},
                                   {QStringLiteral("amount_cents"), amount.cents()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return amount;
}

Result<IssuedCard> GiftCardService::replace(const QString &code, const StaffMember &staff,
                                            const std::optional<StaffMember> &approver,
                                            const QString &registerId) {
    // Before the card's lookup too, so a refused user's lookups do not count towards the
    // lockout (beginAuthorized checks it again below, inside the transaction).
    if (auto ok = authorize(m_db, Action::GiftCardReplace, staff, approver); !ok)
        return std::unexpected(ok.error());
    auto card = lookup(code, registerId);
    if (!card)
        return std::unexpected(card.error());
    testPoint("giftcard.replace.checked");
    auto tx = beginAuthorized(m_db, Action::GiftCardReplace, staff, approver);
    if (!tx)
        return std::unexpected(tx.error());
    const qint64 approverId = approver ? approver->id : 0;
    // Voids the card and takes its whole balance in one statement, only if no one replaced it
    // since the lookup: a card is replaced once, by one new card.
    auto out = m_db.write(
        QStringLiteral("INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, staff_id, "
                       "approver_id, reason, created_at) SELECT ?, 'replace_out', -b.cents, ?, ?, "
                       "?, ? FROM ") +
            kBalanceRow + QStringLiteral("WHERE ") + kNotVoid,
        {card->id, nullIfZero(staff.id), nullIfZero(approverId), oasis::tr("reported lost"),
         toStorageTime(Clock::nowUtc()), card->id, card->id});
    if (!out)
        return std::unexpected(out.error());
    if (out->rows != 1)
        return fail(
            ErrorCode::Refused,
            oasis::tr("The gift card ending %1 was replaced just now by someone else; it is "
                      "void and its balance is on that replacement.")
                .arg(card->last4));
    auto moved =
        m_db.scalar(QStringLiteral("SELECT -amount_cents FROM giftcard_activity WHERE id = ?"),
                    {out->insertId});
    if (!moved)
        return std::unexpected(moved.error());
    const Money amount = Money::fromCents(moved->toLongLong());
    auto issued = issue(amount, 0, staff.id, card->recipient, card->sender, card->message, card->id,
                        QStringLiteral("replace_in"));
    if (!issued)
        return std::unexpected(issued.error());
    // Promotional value follows the card too, each lot with its own last day.
    if (auto ok = PromoLedger(m_db).moveOnReplace(card->id, issued->id, staff.id, approverId); !ok)
        return std::unexpected(ok.error());
    issued->promo = card->promo;
    issued->promoExpires = card->promoExpires;
    if (auto ok =
            Journal::append(m_db, staff.name, QStringLiteral("giftcard_replaced"),
                            {{QStringLiteral("old_last4"), card->last4},
                             {QStringLiteral("new_last4"), giftcode::last4(issued->code)},
                             {QStringLiteral("amount_cents"), amount.cents()},
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
    // Before the card's lookup too, so a refused user's lookups do not count towards the
    // lockout (beginAuthorized checks it again below, inside the transaction).
    if (auto ok = authorize(m_db, Action::GiftCardAdjust, staff, approver); !ok)
        return std::unexpected(ok.error());
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::Invalid, oasis::tr("An adjustment needs a reason."));
    if (auto ok = checkText(oasis::tr("adjustment reason"), reason, textlimit::kNote); !ok)
        return std::unexpected(ok.error());
    if (delta.isZero())
        return fail(ErrorCode::Invalid, oasis::tr("An adjustment cannot be zero."));
    auto card = lookup(code, registerId);
    if (!card)
        return std::unexpected(card.error());
    testPoint("giftcard.adjust.checked");
    auto tx = beginAuthorized(m_db, Action::GiftCardAdjust, staff, approver);
    if (!tx)
        return std::unexpected(tx.error());
    // Never below zero and never onto a void card, checked by the write itself.
    auto written = m_db.write(
        QStringLiteral("INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, staff_id, "
                       "approver_id, reason, created_at) SELECT ?, 'adjust', ?, ?, ?, ?, ? FROM ") +
            kBalanceRow + QStringLiteral("WHERE b.cents + ? >= 0 AND ") + kNotVoid,
        {card->id, delta.cents(), nullIfZero(staff.id), nullIfZero(approver ? approver->id : 0),
         reason.trimmed(), toStorageTime(Clock::nowUtc()), card->id, delta.cents(), card->id});
    if (!written)
        return std::unexpected(written.error());
    auto now = byId(card->id);
    if (!now)
        return std::unexpected(now.error());
    if (written->rows != 1) {
        if (now->status == GiftCardStatus::Void)
            return fail(ErrorCode::Refused,
                        oasis::tr("The gift card ending %1 was replaced just now; adjust its "
                                  "replacement.")
                            .arg(now->last4));
        return fail(ErrorCode::Refused,
                    oasis::tr("The adjustment would leave the card below zero (it holds %1).")
                        .arg(now->balance.format()));
    }
    if (auto ok = Journal::append(m_db, staff.name, QStringLiteral("giftcard_adjusted"),
                                  {{QStringLiteral("card_last4"), card->last4},
                                   {QStringLiteral("amount_cents"), delta.cents()},
                                   {QStringLiteral("reason"), reason.trimmed()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return now->balance;
}

Result<QString> GiftCardService::revealCode(qint64 cardId) const {
    auto q = m_db.exec(
        QStringLiteral("SELECT sealed_code, lookup_hash FROM giftcards WHERE id = ?"), {cardId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next() || q->value(0).isNull())
        return fail(ErrorCode::NotFound,
                    oasis::tr("The code of this card is not kept; it cannot be reprinted."));
    auto plain = crypto::aesGcmDecrypt(m_db.keys().giftCardSeal, q->value(0).toByteArray(),
                                       q->value(1).toString().toLatin1());
    if (!plain)
        return std::unexpected(plain.error());
    return QString::fromLatin1(*plain);
}

Result<bool> GiftCardService::isReprint(qint64 cardId, const StaffMember &staff,
                                        const QString &registerIdIn) const {
    auto acting = RegisterService(m_db).acting(registerIdIn);
    if (!acting)
        return std::unexpected(acting.error());
    // Sold by this person on this register, in the register's open shift or on its last sale:
    // the certificate is part of the sale the customer is still at the counter for.
    auto sold = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM giftcards g JOIN sales s ON s.id = g.sale_id "
                       "WHERE g.id = ? AND s.kind = 'sale' AND s.staff_id = ? "
                       "AND s.register_id = ? AND ("
                       "s.shift_id IN (SELECT id FROM shifts WHERE register_id = ? "
                       "AND closed_at IS NULL) "
                       "OR s.id = (SELECT MAX(id) FROM sales WHERE register_id = ?))"),
        {cardId, staff.id, *acting, *acting, *acting});
    if (!sold)
        return std::unexpected(sold.error());
    return sold->toLongLong() == 0;
}

Result<QString> GiftCardService::certificateCode(qint64 cardId, const StaffMember &staff,
                                                 const std::optional<StaffMember> &approver,
                                                 const QString &registerId) {
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    auto card = byId(cardId);
    if (!card)
        return std::unexpected(card.error());
    if (card->status == GiftCardStatus::Void)
        return fail(ErrorCode::Refused,
                    oasis::tr("The gift card ending %1 is void: print the certificate of the card "
                              "that replaced it.")
                        .arg(card->last4));
    auto reprint = isReprint(cardId, staff, registerId);
    if (!reprint)
        return std::unexpected(reprint.error());
    // A first certificate is still the seller's own act: the seller must be allowed to sell.
    if (auto ok = authorize(m_db, *reprint ? Action::GiftCardReprint : Action::Sell, staff,
                            *reprint ? approver : std::nullopt);
        !ok)
        return std::unexpected(ok.error());
    auto code = revealCode(cardId);
    if (!code)
        return std::unexpected(code.error());
    if (auto ok = Journal::append(
            m_db, actorLabel(staff, *reprint ? approver : std::nullopt),
            QStringLiteral("giftcard_certificate"),
            {{QStringLiteral("card_last4"), card->last4},
             {QStringLiteral("reprint"), *reprint},
             {QStringLiteral("approver"), *reprint && approver ? approver->name : QString()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return code;
}

Result<IssuedCard> GiftCardService::give(Money amount, const QDate &expires, const QString &reason,
                                         const StaffMember &staff,
                                         const std::optional<StaffMember> &approver,
                                         const QString &registerIdIn) {
    auto acting = RegisterService(m_db).acting(registerIdIn);
    if (!acting)
        return std::unexpected(acting.error());
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::Invalid, oasis::tr("A card given away needs a reason."));
    if (auto ok = checkText(oasis::tr("reason"), reason, textlimit::kNote); !ok)
        return std::unexpected(ok.error());
    testPoint("giftcard.give.checked");
    auto tx = beginAuthorized(m_db, Action::GiftCardPromo, staff, approver);
    if (!tx)
        return std::unexpected(tx.error());
    // The card maximum, inside the transaction too.
    StoreSettings settings(m_db);
    if (auto ok = checkPromoValue(amount, expires, settings.giftCardMaximum(),
                                  settings.businessDate(Clock::nowUtc()));
        !ok)
        return std::unexpected(ok.error());
    // A card with no paid value: its activation is of $0.00, its value all promotional.
    auto issued = issue(Money(), 0, staff.id, {}, {}, {});
    if (!issued)
        return std::unexpected(issued.error());
    const qint64 approverId = approver ? approver->id : 0;
    if (auto ok = PromoLedger(m_db).grant(issued->id, amount, expires, 0, staff.id, approverId,
                                          reason.trimmed());
        !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            Journal::append(m_db, actorLabel(staff, approver), QStringLiteral("giftcard_given"),
                            {{QStringLiteral("card_last4"), giftcode::last4(issued->code)},
                             {QStringLiteral("promo_cents"), amount.cents()},
                             {QStringLiteral("expires"),
                              expires.isValid() ? expires.toString(Qt::ISODate) : QString()},
                             {QStringLiteral("reason"), reason.trimmed()},
                             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    issued->promo = amount;
    issued->promoExpires = expires;
    return issued;
}

Status checkPromoValue(Money amount, const QDate &expires, Money maximum, const QDate &today) {
    if (amount.isNegative() || amount.isZero())
        return fail(ErrorCode::Invalid, oasis::tr("Promotional value must be a positive amount."));
    if (amount > maximum)
        return fail(
            ErrorCode::Invalid,
            oasis::tr("Promotional value may be at most %1 (the store's gift-card maximum).")
                .arg(maximum.format()));
    if (expires.isValid() && expires < today)
        return fail(ErrorCode::Invalid,
                    oasis::tr("Promotional value cannot expire before today (%1).")
                        .arg(today.toString(Qt::ISODate)));
    return {};
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
