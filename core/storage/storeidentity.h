// SPDX-License-Identifier: GPL-3.0-or-later
// Which store a location holds and which key it expects, read without the key (a computer that
// is about to import the key file of a store it cannot open yet).
#pragma once

#include "core/domain/error.h"

#include <QString>

namespace oasis {

struct StoreIdentity {
    QString id;          ///< the store's id (meta database_id): names its key file
    QString keyCheck;    ///< the fingerprint its key file must have (KeyRing::fingerprint())
    QString journalHash; ///< the hash of the journal entry asked for (empty: no such entry)
};

/// Reads the id and key check of the store at `location`, and the hash of its journal entry
/// `journalSeq`, on a read-only connection: no key is needed, nothing is migrated or written.
/// NotFound when there is no store there; Refused when it is not an Oasis POS store.
Result<StoreIdentity> readStoreIdentity(const QString &location, qint64 journalSeq);

} // namespace oasis
