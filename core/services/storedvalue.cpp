// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/storedvalue.h"

#include "core/domain/clock.h"
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
    const giftcode::Parsed parsed = kind.parse(code);
    if (parsed.status != giftcode::Parse::Ok) {
        if (auto ok = cards.checkLockout(registerId); !ok)
            return std::unexpected(ok.error());
        if (auto ok = cards.recordFailure(registerId, kind.badCheckReason); !ok)
            return std::unexpected(ok.error());
        return fail(ErrorCode::Refused,
                    parsed.status == giftcode::Parse::BadCheck ? kind.typo() : kind.notACode());
    }
    // The lockout's failures and the code's row in one read (one round trip to a server): the
    // code's row, if any, on every failure's row, or alone. The lockout is decided first, so a
    // locked register learns nothing of the code.
    const QDateTime now = Clock::nowUtc();
    auto rows = db.rows(QStringLiteral("SELECT c.*, f.at, f.register_id FROM (SELECT 1 AS one) o "
                                       "LEFT JOIN (%1 WHERE %2 = ?) c ON 1 = 1 "
                                       "LEFT JOIN (%3) f ON 1 = 1 ORDER BY f.at DESC")
                            .arg(kind.select, kind.hashColumn, GiftCardService::lockoutFailures()),
                        {giftcode::lookupHash(db.keys().giftCardLookup, parsed.canonical),
                         GiftCardService::lockoutSince(now)});
    if (!rows)
        return std::unexpected(rows.error());
    QList<QVariantList> failures;
    QVariantList row;
    for (const QVariantList &r : std::as_const(*rows)) {
        const qsizetype columns = r.size() - 2;
        if (!r.at(columns).isNull())
            failures.append(r.mid(columns));
        if (row.isEmpty() && !r.at(0).isNull()) // every kind's first column is its id
            row = r.mid(0, columns);
    }
    if (auto ok = GiftCardService::lockedOut(failures, registerId, now); !ok)
        return std::unexpected(ok.error());
    if (row.isEmpty()) {
        if (auto ok = cards.recordFailure(registerId, kind.unknownReason); !ok)
            return std::unexpected(ok.error());
        return fail(ErrorCode::NotFound, kind.unknown());
    }
    return StoredValueRow{std::move(row), registerId};
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
