// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/emaillog.h"

#include "core/domain/emailaddress.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QJsonObject>

namespace oasis {

Status EmailLog::maySend(const StaffMember &staff) const {
    return authorize(m_db, Action::Sell, staff, std::nullopt);
}

Status EmailLog::giftCardEmailed(qint64 cardId, const QString &address, const QString &actor) {
    auto last4 = m_db.scalar(QStringLiteral("SELECT last4 FROM giftcards WHERE id = ?"), {cardId});
    if (!last4)
        return std::unexpected(last4.error());
    if (last4->isNull())
        return fail(ErrorCode::NotFound, oasis::tr("There is no gift card %1.").arg(cardId));
    return record(QStringLiteral("giftcard_emailed"), QStringLiteral("card_id"), cardId, address,
                  actor, last4->toString());
}

Status EmailLog::receiptEmailed(qint64 receiptNo, const QString &address, const QString &actor) {
    return record(QStringLiteral("receipt_emailed"), QStringLiteral("receipt"), receiptNo, address,
                  actor);
}

Status EmailLog::record(const QString &kind, const QString &idKey, qint64 id,
                        const QString &address, const QString &actor, const QString &last4) {
    if (auto ok = checkEmailAddress(address); !ok)
        return ok;
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    QJsonObject entry{{QStringLiteral("to"), address}, {idKey, id}};
    if (!last4.isEmpty())
        entry.insert(QStringLiteral("card_last4"), last4);
    if (auto ok = Journal::append(m_db, actor, kind, entry); !ok)
        return ok;
    return tx->commit();
}

} // namespace oasis
