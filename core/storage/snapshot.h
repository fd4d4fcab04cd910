// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshot files of a store: written while the registers keep selling, checked read-only
// (integrity, key, journal chain) without changing them. The engine's file work of a backup;
// BackupService (core/services/backup.h) decides who may and when.
#pragma once

#include "core/domain/error.h"
#include "core/storage/keyring.h"

#include <QString>

namespace oasis {

class Database;

/// What a snapshot file holds, checked without changing it.
struct BackupCheck {
    bool ok = false;
    QString problem; ///< why it is not usable, for a person (empty when ok)
    QString databaseId;
    int schemaVersion = 0;
    qint64 journalEntries = 0;
    qint64 journalSeq = 0; ///< the snapshot's journal head
    QString journalHash;
    qint64 sales = 0;
};

namespace snapshot {

/// A consistent copy of the open database `db` in the new file `file` (under a read
/// transaction: nobody waits).
Status writeInto(Database &db, const QString &file);
/// A consistent copy of the database file at `path`, which this process has not open, in
/// `into`; false when it cannot be read (too damaged): then nothing is left at `into`.
bool copyOf(const QString &path, const QString &into);
/// The database id of a snapshot file, read before its key is known.
Result<QString> databaseIdOf(const QString &file);
/// What the snapshot file holds, checked read-only against `keys`.
BackupCheck verify(const QString &file, const KeyRing &keys);

} // namespace snapshot
} // namespace oasis
