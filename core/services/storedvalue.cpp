// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/storedvalue.h"

#include "core/domain/crypto.h"
#include "core/domain/translate.h"
#include "core/services/giftcard.h"
#include "core/services/registers.h"
#include "core/storage/database.h"

namespace oasis {

Result<StoredValueRow> lookupStoredValue(Database &db, const StoredValueKind &kind,
                                         const QString &code, const QString &registerIdIn,
                                         bool registerChecked) {
    // Only a register the store knows looks codes up: an invented one records no failure and
    // escapes no lockout.
    auto acting =
        registerChecked ? Result<QString>(registerIdIn) : RegisterService(db).acting(registerIdIn);
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

Result<NewStoredValueCode> newStoredValueCode(Database &db, QString (*generate)(),
                                              const QString &table) {
    for (int attempt = 0; attempt < 3; ++attempt) {
        NewStoredValueCode made;
        made.code = generate();
        made.hash = giftcode::lookupHash(db.keys().giftCardLookup, made.code);
        auto exists =
            db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE lookup_hash = ?").arg(table),
                      {made.hash});
        if (!exists)
            return std::unexpected(exists.error());
        if (exists->toInt() > 0)
            continue;
        made.sealed = crypto::aesGcmEncrypt(db.keys().giftCardSeal, made.code.toLatin1(),
                                            made.hash.toLatin1());
        return made;
    }
    return fail(ErrorCode::System, oasis::tr("Could not make a unique code for %1.").arg(table));
}

} // namespace oasis
