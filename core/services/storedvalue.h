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
    QString typo;           ///< to the person: the check character does not match
    QString notACode;       ///< to the person: not a code of this kind at all
    QString unknown;        ///< to the person: not sold by this store
};

struct StoredValueRow {
    QVariantList row;   ///< the kind's SELECT, for the code looked up
    QString registerId; ///< the register that looked it up, as the store knows it
};

/// Finds the row of `code` as register `registerIdIn` (empty: this computer's). Refused for a
/// register the store does not know (nothing recorded), while the register's or the store's
/// lookups are locked, for a code whose check character does not match (recorded) and for one
/// the store never sold (recorded). Every failure counts towards the lockouts, whatever kind of
/// code it was (GiftCardService::recordFailure).
Result<StoredValueRow> lookupStoredValue(Database &db, const StoredValueKind &kind,
                                         const QString &code, const QString &registerIdIn);

} // namespace oasis
