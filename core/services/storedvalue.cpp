// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/storedvalue.h"

#include "core/services/giftcard.h"
#include "core/services/registers.h"
#include "core/storage/database.h"

namespace oasis {

Result<StoredValueRow> lookupStoredValue(Database &db, const StoredValueKind &kind,
                                         const QString &code, const QString &registerIdIn) {
    // Only a register the store knows looks codes up: an invented one records no failure and
    // escapes no lockout.
    auto acting = RegisterService(db).acting(registerIdIn);
    if (!acting)
        return std::unexpected(acting.error());
    const QString registerId = *acting;
    GiftCardService cards(db);
    if (auto ok = cards.checkLockout(registerId); !ok)
        return std::unexpected(ok.error());
    const giftcode::Parsed parsed = kind.parse(code);
    if (parsed.status != giftcode::Parse::Ok) {
        if (auto ok = cards.recordFailure(registerId, kind.badCheckReason); !ok)
            return std::unexpected(ok.error());
        return fail(ErrorCode::Refused,
                    parsed.status == giftcode::Parse::BadCheck ? kind.typo : kind.notACode);
    }
    auto q = db.row(kind.select + QStringLiteral(" WHERE %1 = ?").arg(kind.hashColumn),
                    {giftcode::lookupHash(db.keys().giftCardLookup, parsed.canonical)});
    if (!q)
        return std::unexpected(q.error());
    if (q->isEmpty()) {
        if (auto ok = cards.recordFailure(registerId, kind.unknownReason); !ok)
            return std::unexpected(ok.error());
        return fail(ErrorCode::NotFound, kind.unknown);
    }
    return StoredValueRow{std::move(*q), registerId};
}

} // namespace oasis
