// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/backup.h"

#include "core/domain/clock.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/storesettings.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"
#include "core/storage/snapshot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <atomic>

namespace oasis {

namespace {
QString shown(const QString &path) {
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

QString timestamp() {
    return Clock::nowUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}
} // namespace

BackupCheck BackupService::verify(const QString &file, const KeyRing &keys) {
    return snapshot::verify(file, keys);
}

Result<BackupResult> BackupService::snapshot(const QString &file, const StaffMember &actor,
                                             const std::optional<StaffMember> &approver) {
    if (auto ok = authorize(m_db, Action::Backup, actor, approver); !ok)
        return std::unexpected(ok.error());
    return writeSnapshot(file);
}

Result<BackupResult> BackupService::writeSnapshot(const QString &fileIn) {
    const QString file = QFileInfo(fileIn).absoluteFilePath();
    if (file == QFileInfo(m_db.path()).absoluteFilePath())
        return fail(ErrorCode::Invalid,
                    oasis::tr("A backup cannot be written over the database itself."));
    if (QFileInfo::exists(file))
        return fail(
            ErrorCode::Refused,
            oasis::tr("%1 already exists; a backup never overwrites a file. Choose a new name.")
                .arg(shown(file)));
    if (!QFileInfo(file).absoluteDir().exists())
        return fail(ErrorCode::System,
                    oasis::tr("The folder %1 does not exist.")
                        .arg(QDir::toNativeSeparators(QFileInfo(file).absolutePath())));
    // Written under a temporary name: a file called FILE is always a checked snapshot.
    const QString partial = file + QStringLiteral(".partial");
    QFile::remove(partial);
    if (auto ok = snapshot::writeInto(m_db, partial); !ok) {
        QFile::remove(partial);
        return fail(
            ErrorCode::System,
            oasis::tr("The snapshot to %1 failed: %2").arg(shown(file), ok.error().message));
    }
    // Marked before it is checked: a snapshot never opens as a second live store.
    if (auto ok = Database::markSnapshot(partial, true); !ok) {
        QFile::remove(partial);
        return std::unexpected(ok.error());
    }
    BackupResult r;
    r.check = verify(partial, m_db.keys());
    if (r.check.ok) {
        // The snapshot's head must be an entry of this database's own chain.
        auto hash = m_db.scalar(QStringLiteral("SELECT hash FROM journal WHERE seq = ?"),
                                {r.check.journalSeq});
        if (!hash)
            return std::unexpected(hash.error());
        if (r.check.journalSeq > 0 && hash->toString() != r.check.journalHash) {
            r.check.ok = false;
            r.check.problem = oasis::tr("the snapshot's journal does not match the database's");
        }
    }
    if (!r.check.ok) {
        QFile::remove(partial);
        return fail(
            ErrorCode::System,
            oasis::tr("The snapshot was written but failed its check, so it was deleted: %1")
                .arg(r.check.problem));
    }
    r.keyPath = file + QStringLiteral(".key");
    if (auto ok = KeyRing::write(r.keyPath, m_db.keys(), true); !ok) {
        QFile::remove(partial);
        return std::unexpected(ok.error());
    }
    if (!QFile::rename(partial, file)) {
        QFile::remove(partial);
        QFile::remove(r.keyPath);
        return fail(ErrorCode::System, oasis::tr("Cannot name the snapshot %1.").arg(shown(file)));
    }
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    r.path = file;
    r.bytes = QFileInfo(file).size();
    return r;
}

QString BackupService::defaultDirectory() const {
    const QString configured = m_db.setting(QStringLiteral("backup.directory"));
    if (!configured.isEmpty())
        return configured;
    return QFileInfo(m_db.path()).absoluteDir().filePath(QStringLiteral("backups"));
}

Result<std::optional<BackupResult>> BackupService::daily(const QString &directoryIn, int keep) {
    const QString directory = directoryIn.isEmpty() ? defaultDirectory() : directoryIn;
    if (!QDir().mkpath(directory))
        return fail(ErrorCode::System, oasis::tr("Cannot create the backup folder %1.")
                                           .arg(QDir::toNativeSeparators(directory)));
    const QDate today = StoreSettings(m_db).businessDate(Clock::nowUtc());
    const QDir dir(directory);
    const QString name = QStringLiteral("oasis-%1.db").arg(today.toString(Qt::ISODate));
    std::optional<BackupResult> made;
    if (!dir.exists(name)) {
        auto r = writeSnapshot(dir.filePath(name));
        if (!r)
            return std::unexpected(r.error());
        made = *r;
    }
    // Retention: the newest `keep` daily snapshots (names sort by date) and their keys.
    const QStringList all = dir.entryList({QStringLiteral("oasis-\?\?\?\?-\?\?-\?\?.db")},
                                          QDir::Files, QDir::Name | QDir::Reversed);
    for (qsizetype i = std::max(keep, 1); i < all.size(); ++i) {
        QFile::remove(dir.filePath(all[i]));
        QFile::remove(dir.filePath(all[i] + QStringLiteral(".key")));
    }
    return made;
}

Result<RestoreResult> BackupService::restore(const QString &fileIn, const QString &targetIn,
                                             const QString &keyDirectory, const QString &actor) {
    const QString file = QFileInfo(fileIn).absoluteFilePath();
    const QString target = QFileInfo(targetIn).absoluteFilePath();
    if (file == target)
        return fail(ErrorCode::Invalid,
                    oasis::tr("The backup and the database are the same file."));
    auto id = snapshot::databaseIdOf(file);
    if (!id)
        return std::unexpected(id.error());
    // The key: the one written beside the snapshot, else the one this machine already holds.
    const QString besideKey = file + QStringLiteral(".key");
    const QString installedKey = KeyRing::filePath(keyDirectory, *id);
    auto keys = KeyRing::load(QFileInfo::exists(besideKey) ? besideKey : installedKey);
    if (!keys)
        return fail(ErrorCode::Refused,
                    oasis::tr("The key file of %1 is missing (neither %2 nor %3): without it the "
                              "backup cannot be checked or used. Nothing was changed.")
                        .arg(shown(file), shown(besideKey), shown(installedKey)));
    RestoreResult r;
    r.check = verify(file, *keys);
    if (!r.check.ok)
        return fail(ErrorCode::Refused,
                    oasis::tr("Restore refused: %1 Nothing was changed.").arg(r.check.problem));
    if (QFileInfo::exists(installedKey)) {
        auto current = KeyRing::load(installedKey);
        if (!current || current->fingerprint() != keys->fingerprint())
            return fail(
                ErrorCode::Refused,
                oasis::tr("This machine holds a different key file for that database (%1); it "
                          "is never replaced. Nothing was changed.")
                    .arg(shown(installedKey)));
    }

    // 1. The database as it is now, copied aside (a consistent copy if it still opens).
    const QString anchor = QDir(keyDirectory).filePath(*id + QStringLiteral(".anchor"));
    if (QFileInfo::exists(target)) {
        r.savedCopy = target + QStringLiteral(".before-restore-") + timestamp();
        // The copy aside is a snapshot too: it opens for reading, and only restore puts it back.
        bool copied = snapshot::copyOf(target, r.savedCopy) &&
                      Database::markSnapshot(r.savedCopy, true).has_value();
        if (!copied) {
            // Too damaged to read: keep the raw files as they are.
            QFile::remove(r.savedCopy);
            copied = QFile::copy(target, r.savedCopy);
            for (const char *suffix : {"-wal", "-shm"})
                if (copied && QFileInfo::exists(target + QLatin1String(suffix)))
                    copied = QFile::copy(target + QLatin1String(suffix),
                                         r.savedCopy + QLatin1String(suffix));
        }
        if (!copied)
            return fail(ErrorCode::System,
                        oasis::tr("Cannot copy the current database aside to %1, so it was not "
                                  "replaced.")
                            .arg(shown(r.savedCopy)));
        if (QFileInfo::exists(anchor))
            QFile::copy(anchor, r.savedCopy + QStringLiteral(".anchor"));
    }

    // 2. The snapshot in place: copied under a temporary name, then renamed over the database.
    const QString staging = target + QStringLiteral(".restoring");
    QFile::remove(staging);
    if (!QFile::copy(file, staging))
        return fail(ErrorCode::System,
                    oasis::tr("Cannot copy %1 next to the database.").arg(shown(file)));
    QFile::setPermissions(staging, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (auto ok = Database::markSnapshot(staging, false); !ok) {
        QFile::remove(staging);
        return std::unexpected(ok.error());
    }
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(target + QLatin1String(suffix));
    QFile::remove(target);
    if (!QFile::rename(staging, target))
        return fail(
            ErrorCode::System,
            oasis::tr("Cannot put the restored database in place at %1; the previous one is "
                      "kept at %2.")
                .arg(shown(target), shown(r.savedCopy)));
    r.path = target;
    if (!QFileInfo::exists(installedKey))
        if (auto ok = KeyRing::write(installedKey, *keys, false); !ok)
            return std::unexpected(ok.error());

    // 3. The journal's outside anchor pointed at the replaced database's head; it now starts
    // again from the restored head, and the restore itself is the next entry.
    if (!Database::writeAnchor(anchor, r.check.journalSeq, r.check.journalHash.toLatin1(), false))
        return fail(
            ErrorCode::System,
            oasis::tr("The database was restored, but its journal anchor %1 cannot be written.")
                .arg(shown(anchor)));
    Database::Options options;
    options.keyDirectory = keyDirectory;
    auto db = Database::open(target, options);
    if (!db)
        return std::unexpected(db.error());
    {
        auto tx = Transaction::begin(**db);
        if (!tx)
            return std::unexpected(tx.error());
        if (auto ok = Journal::append(
                **db, actor.isEmpty() ? QStringLiteral("system") : actor,
                QStringLiteral("restored"),
                {{QStringLiteral("from"), QFileInfo(file).fileName()},
                 {QStringLiteral("journal_seq"), r.check.journalSeq},
                 {QStringLiteral("journal_hash"), r.check.journalHash},
                 {QStringLiteral("previous_copy"), QFileInfo(r.savedCopy).fileName()}});
            !ok)
            return std::unexpected(ok.error());
        if (auto ok = tx->commit(); !ok)
            return std::unexpected(ok.error());
    }
    auto journal = Journal::verify(**db);
    if (!journal)
        return std::unexpected(journal.error());
    if (!journal->ok)
        return fail(
            ErrorCode::Storage,
            oasis::tr("The restored database's journal does not verify: %1").arg(journal->problem));
    return r;
}

} // namespace oasis
