// SPDX-License-Identifier: GPL-3.0-or-later
// What left the store by email: one journal entry per message sent (DESIGN §16).
#pragma once

#include "core/domain/error.h"
#include "core/domain/staffmember.h"

#include <optional>

namespace oasis {

class Database;

/// Records e-gift cards and e-receipts that were sent. The entry names the address and the card
/// id (with its last 4) or the receipt number; never the card's code, which only the email
/// itself carries.
class EmailLog final {
public:
    explicit EmailLog(Database &db)
        : m_db(db) {}

    /// Whether `staff` may send a customer a card or a receipt (the seller's right, Action::Sell).
    Status maySend(const StaffMember &staff) const;
    /// `giftcard_emailed` with the address, the card id and its last 4.
    /// `actor` is the name of who asked for it (the counter's outbox sends it later).
    Status giftCardEmailed(qint64 cardId, const QString &address, const QString &actor);
    /// `receipt_emailed` with the address and the receipt number.
    Status receiptEmailed(qint64 receiptNo, const QString &address, const QString &actor);

private:
    Status record(const QString &kind, const QString &idKey, qint64 id, const QString &address,
                  const QString &actor, const QString &last4 = {});
    Database &m_db;
};

} // namespace oasis
