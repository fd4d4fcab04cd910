// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/backup.h"

#include "core/domain/clock.h"
#include "core/domain/crypto.h"
#include "core/services/authorization.h"
#include "core/services/storesettings.h"
#include "core/storage/database.h"
#include "core/storage/dialect.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <atomic>

namespace oasis {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("Backup", text);
}

QString shown(const QString &path) {
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

QString connectionName() {
    static std::atomic<int> counter{0};
    return QStringLiteral("oasis-backup-%1").arg(++counter);
}

/// A read-only connection that never writes beside the file: a snapshot is one self-contained
/// file, so it is opened immutable (no -wal, no -shm, no locks).
class ReadOnlyFile final {
public:
    explicit ReadOnlyFile(const QString &path)
        : m_name(connectionName()) {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
        url.setQuery(QStringLiteral("mode=ro&immutable=1"));
        c.setDatabaseName(url.toString(QUrl::FullyEncoded));
        c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        if (!c.open())
            m_error = c.lastError().text();
    }
    ~ReadOnlyFile() {
        {
            QSqlDatabase c = QSqlDatabase::database(m_name, false);
            if (c.isOpen())
                c.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(ReadOnlyFile)

    bool isOpen() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_name, false); }
    QSqlQuery query() const { return QSqlQuery(connection()); }

private:
    QString m_name;
    QString m_error;
};

/// Whether SQLite reads `f` as a database: the header is checked through SQLite, never by
/// opening the file beside a connection (that would drop the process's locks on it).
bool readsAsSqlite(const ReadOnlyFile &f) {
    if (!f.isOpen())
        return false;
    QSqlQuery q = f.query();
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"));
}

std::optional<QString> metaValue(QSqlQuery &q, const QString &key) {
    if (!q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?")))
        return std::nullopt;
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

/// The database id of a snapshot, before its key is known.
Result<QString> databaseIdOf(const QString &file) {
    if (!QFileInfo::exists(file))
        return fail(ErrorCode::NotFound, tr("There is no file %1.").arg(shown(file)));
    ReadOnlyFile f(file);
    if (!f.isOpen())
        return fail(ErrorCode::Refused, tr("%1 cannot be opened: %2").arg(shown(file), f.error()));
    if (!readsAsSqlite(f))
        return fail(ErrorCode::Refused,
                    tr("%1 is not a database snapshot (or is damaged).").arg(shown(file)));
    QSqlQuery q = f.query();
    auto id = metaValue(q, QStringLiteral("database_id"));
    if (!id || id->isEmpty()) {
        const bool healthy = q.exec(dialect::integrityCheck()) && q.next() &&
                             q.value(0).toString() == QLatin1String("ok");
        return fail(ErrorCode::Refused,
                    healthy ? tr("%1 is not an Oasis POS database.").arg(shown(file))
                            : tr("%1 is damaged: it fails its integrity check.").arg(shown(file)));
    }
    return *id;
}

QString timestamp() {
    return Clock::nowUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}
} // namespace

BackupCheck BackupService::verify(const QString &file, const KeyRing &keys) {
    BackupCheck c;
    ReadOnlyFile f(file);
    if (!f.isOpen()) {
        c.problem = tr("%1 cannot be opened: %2").arg(shown(file), f.error());
        return c;
    }
    if (!readsAsSqlite(f)) {
        c.problem = tr("%1 is not a database snapshot (or is damaged).").arg(shown(file));
        return c;
    }
    QSqlQuery q = f.query();
    q.setForwardOnly(true);
    if (!q.exec(dialect::integrityCheck())) {
        c.problem =
            tr("The integrity check of %1 failed: %2").arg(shown(file), q.lastError().text());
        return c;
    }
    QStringList findings;
    while (q.next())
        findings << q.value(0).toString();
    if (findings != QStringList{QStringLiteral("ok")}) {
        c.problem = tr("%1 failed its integrity check: %2")
                        .arg(shown(file), findings.mid(0, 3).join(QStringLiteral("; ")));
        return c;
    }
    c.databaseId = metaValue(q, QStringLiteral("database_id")).value_or(QString());
    c.schemaVersion = metaValue(q, QStringLiteral("schema_version")).value_or(QString()).toInt();
    const QString keyCheck = metaValue(q, QStringLiteral("key_check")).value_or(QString());
    if (c.databaseId.isEmpty() || keyCheck.isEmpty()) {
        c.problem = tr("%1 is not an Oasis POS database.").arg(shown(file));
        return c;
    }
    if (c.schemaVersion > Database::latestSchemaVersion()) {
        c.problem = tr("%1 was written by a newer Oasis POS (schema %2).")
                        .arg(shown(file))
                        .arg(c.schemaVersion);
        return c;
    }
    if (!crypto::equal(keyCheck.toLatin1(), keys.fingerprint())) {
        c.problem = tr("The key file does not belong to %1.").arg(shown(file));
        return c;
    }
    auto chain = Journal::verifyChain(f.connection(), keys.journal);
    if (!chain) {
        c.problem =
            tr("The journal of %1 cannot be read: %2").arg(shown(file), chain.error().message);
        return c;
    }
    c.journalEntries = chain->entries;
    if (!chain->ok) {
        c.problem = tr("The journal of %1 does not verify: %2.").arg(shown(file), chain->problem);
        return c;
    }
    c.journalSeq = chain->lastSeq;
    c.journalHash = chain->lastHash;
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM sales")) && q.next())
        c.sales = q.value(0).toLongLong();
    c.ok = true;
    return c;
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
        return fail(ErrorCode::Invalid, tr("A backup cannot be written over the database itself."));
    if (QFileInfo::exists(file))
        return fail(ErrorCode::Refused,
                    tr("%1 already exists; a backup never overwrites a file. Choose a new name.")
                        .arg(shown(file)));
    if (!QFileInfo(file).absoluteDir().exists())
        return fail(ErrorCode::System,
                    tr("The folder %1 does not exist.")
                        .arg(QDir::toNativeSeparators(QFileInfo(file).absolutePath())));
    // Written under a temporary name: a file called FILE is always a checked snapshot.
    const QString partial = file + QStringLiteral(".partial");
    QFile::remove(partial);
    if (auto ok = m_db.exec(dialect::snapshotInto(), {partial}); !ok) {
        QFile::remove(partial);
        return fail(ErrorCode::System,
                    tr("The snapshot to %1 failed: %2").arg(shown(file), ok.error().message));
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
            r.check.problem = tr("the snapshot's journal does not match the database's");
        }
    }
    if (!r.check.ok) {
        QFile::remove(partial);
        return fail(ErrorCode::System,
                    tr("The snapshot was written but failed its check, so it was deleted: %1")
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
        return fail(ErrorCode::System, tr("Cannot name the snapshot %1.").arg(shown(file)));
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
        return fail(
            ErrorCode::System,
            tr("Cannot create the backup folder %1.").arg(QDir::toNativeSeparators(directory)));
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
        return fail(ErrorCode::Invalid, tr("The backup and the database are the same file."));
    auto id = databaseIdOf(file);
    if (!id)
        return std::unexpected(id.error());
    // The key: the one written beside the snapshot, else the one this machine already holds.
    const QString besideKey = file + QStringLiteral(".key");
    const QString installedKey = KeyRing::filePath(keyDirectory, *id);
    auto keys = KeyRing::load(QFileInfo::exists(besideKey) ? besideKey : installedKey);
    if (!keys)
        return fail(ErrorCode::Refused,
                    tr("The key file of %1 is missing (neither %2 nor %3): without it the "
                       "backup cannot be checked or used. Nothing was changed.")
                        .arg(shown(file), shown(besideKey), shown(installedKey)));
    RestoreResult r;
    r.check = verify(file, *keys);
    if (!r.check.ok)
        return fail(ErrorCode::Refused,
                    tr("Restore refused: %1 Nothing was changed.").arg(r.check.problem));
    if (QFileInfo::exists(installedKey)) {
        auto current = KeyRing::load(installedKey);
        if (!current || current->fingerprint() != keys->fingerprint())
            return fail(ErrorCode::Refused,
                        tr("This machine holds a different key file for that database (%1); it "
                           "is never replaced. Nothing was changed.")
                            .arg(shown(installedKey)));
    }

    // 1. The database as it is now, copied aside (a consistent copy if it still opens).
    const QString anchor = QDir(keyDirectory).filePath(*id + QStringLiteral(".anchor"));
    if (QFileInfo::exists(target)) {
        r.savedCopy = target + QStringLiteral(".before-restore-") + timestamp();
        bool copied = false;
        {
            const QString name = connectionName();
            {
                QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                c.setDatabaseName(target);
                if (c.open()) {
                    QSqlQuery q(c);
                    copied = q.prepare(dialect::snapshotInto()) &&
                             (q.addBindValue(r.savedCopy), q.exec());
                    q.finish();
                    c.close();
                }
            }
            QSqlDatabase::removeDatabase(name);
            // The copy aside is a snapshot too: it opens for reading, and only restore puts it
            // back.
            copied = copied && Database::markSnapshot(r.savedCopy, true).has_value();
        }
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
                        tr("Cannot copy the current database aside to %1, so it was not "
                           "replaced.")
                            .arg(shown(r.savedCopy)));
        if (QFileInfo::exists(anchor))
            QFile::copy(anchor, r.savedCopy + QStringLiteral(".anchor"));
    }

    // 2. The snapshot in place: copied under a temporary name, then renamed over the database.
    const QString staging = target + QStringLiteral(".restoring");
    QFile::remove(staging);
    if (!QFile::copy(file, staging))
        return fail(ErrorCode::System, tr("Cannot copy %1 next to the database.").arg(shown(file)));
    QFile::setPermissions(staging, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (auto ok = Database::markSnapshot(staging, false); !ok) {
        QFile::remove(staging);
        return std::unexpected(ok.error());
    }
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(target + QLatin1String(suffix));
    QFile::remove(target);
    if (!QFile::rename(staging, target))
        return fail(ErrorCode::System,
                    tr("Cannot put the restored database in place at %1; the previous one is "
                       "kept at %2.")
                        .arg(shown(target), shown(r.savedCopy)));
    r.path = target;
    if (!QFileInfo::exists(installedKey))
        if (auto ok = KeyRing::write(installedKey, *keys, false); !ok)
            return std::unexpected(ok.error());

    // 3. The journal's outside anchor pointed at the replaced database's head; it now starts
    // again from the restored head, and the restore itself is the next entry.
    if (!Database::writeAnchor(anchor, r.check.journalSeq, r.check.journalHash.toLatin1(), false))
        return fail(ErrorCode::System,
                    tr("The database was restored, but its journal anchor %1 cannot be written.")
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
            tr("The restored database's journal does not verify: %1").arg(journal->problem));
    return r;
}

} // namespace oasis
