// SPDX-License-Identifier: GPL-3.0-or-later
// The lookup every stored-value code shares (gift cards, service vouchers, session packages):
// one place for the register check, the lockouts, the check character and the keyed hash.
#pragma once

#include "core/domain/error.h"
#include "core/domain/giftcode.h"

#include <QString>
#include <QVariantList>

namespace oasis {

class Database;

/// What differs between the kinds of code: how the code is parsed, where its row is found, and
/// what a person and the log are told when it is not.
struct StoredValueKind {
    giftcode::Parsed (*parse)(const QString &text) = nullptr;
    /// The kind's SELECT; " WHERE <hashColumn> = ?" is added to it.
    QString select;
    QString hashColumn;
    QString badCheckReason; ///< for the log of failed lookups ("bad check character")
    QString unknownReason;  ///< ("unknown code")
    // To the person, translated only when said (a sale looks a card up every time):
    QString (*typo)() = nullptr;     ///< the check character does not match
    QString (*notACode)() = nullptr; ///< not a code of this kind at all
    QString (*unknown)() = nullptr;  ///< not sold by this store
};

struct StoredValueRow {
    QVariantList row;   ///< the kind's SELECT, for the code looked up
    QString registerId; ///< the register that looked it up, as the store knows it
};

/// Finds the row of `code` as register `registerIdIn` (empty: this computer's). Refused for a
/// register the store does not know (nothing recorded), while the register's or the store's
/// lookups are locked, for a code whose check character does not match (recorded) and for one
/// the store never sold (recorded). Every failure counts towards the lockouts, whatever kind of
/// code it was (GiftCardService::recordFailure). `registerChecked`: the caller has just found
/// `registerIdIn` known (RegisterService::acting), so it is not looked up again.
Result<StoredValueRow> lookupStoredValue(Database &db, const StoredValueKind &kind,
                                         const QString &code, const QString &registerIdIn,
                                         bool registerChecked = false);

/// A code just made for a new card, voucher or package, before its row is written.
struct NewStoredValueCode {
    QString code;      ///< in full: leaves the service once, to be printed
    QString hash;      ///< the keyed lookup hash the row is found by
    QByteArray sealed; ///< the sealed copy a manager's reprint opens
};

/// A fresh random code of one kind (`generate`) that no row of `table` holds yet (its
/// lookup_hash column), with its hash and sealed copy. A collision of 95 random bits is not going
/// to happen, but a sale is not failed for one: up to three codes are tried.
Result<NewStoredValueCode> newStoredValueCode(Database &db, QString (*generate)(),
                                              const QString &table);

} // namespace oasis
