// SPDX-License-Identifier: GPL-3.0-or-later
// Online snapshots of the database, verified after writing; daily backups; checked restores.
#pragma once

#include "core/domain/error.h"
#include "core/services/staff.h"
#include "core/storage/keyring.h"
#include "core/storage/snapshot.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace oasis {

class Database;

struct BackupResult {
    QString path;
    QString keyPath; ///< the key file written beside it (FILE.key, mode 0600)
    qint64 bytes = 0;
    BackupCheck check;
};

struct RestoreResult {
    QString path;      ///< the database that was replaced
    QString savedCopy; ///< where the database as it was before is kept (empty if there was none)
    BackupCheck check;
};

/// Backups while the registers keep selling: the engine takes a consistent snapshot under a
/// read transaction (core/storage/snapshot.h), so nobody waits. Each snapshot is opened read-only
/// afterwards and checked (integrity, key, journal chain) before it is called a backup.
class BackupService final {
public:
    explicit BackupService(Database &db)
        : m_db(db) {}

    /// Writes a verified snapshot to `file` (refuses to overwrite one) and the key file beside
    /// it as `file.key`. Keep the two apart (e.g. the key on a USB stick in the safe): together
    /// they can forge gift cards. Needs Action::Backup from `actor` or `approver`.
    Result<BackupResult> snapshot(const QString &file, const StaffMember &actor,
                                  const std::optional<StaffMember> &approver = std::nullopt);

    /// The daily backup: when `directory` has no snapshot for today's business date yet, writes
    /// oasis-YYYY-MM-DD.db there and keeps the newest `keep` of them. Returns nullopt when
    /// today's backup already exists. The app calls it at start and on a timer; cron runs
    /// `oasisctl backup --auto`.
    Result<std::optional<BackupResult>> daily(const QString &directory, int keep = 14);
    /// Where daily backups go unless the setting backup.directory says otherwise: a folder
    /// "backups" beside the database.
    QString defaultDirectory() const;

    /// Checks a snapshot read-only against a key ring: integrity_check, the key check value and
    /// every link of the journal chain.
    static BackupCheck verify(const QString &file, const KeyRing &keys);

    /// Replaces the database at `target` with `file` after checking it. The key comes from
    /// `file.key` beside it or from `keyDirectory`. The current database (if any) is first copied
    /// aside as `target.before-restore-TIMESTAMP`; the journal anchor is reset to the restored
    /// head and the restore itself is journaled. Every register must have closed the database.
    static Result<RestoreResult> restore(const QString &file, const QString &target,
                                         const QString &keyDirectory, const QString &actor);

private:
    Result<BackupResult> writeSnapshot(const QString &file);
    Database &m_db;
};

} // namespace oasis
