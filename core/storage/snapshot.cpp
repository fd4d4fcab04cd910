// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/snapshot.h"

#include "core/domain/crypto.h"
#include "core/domain/translate.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <optional>

namespace oasis::snapshot {

namespace {
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
        : m_name(connectionName())
        , m_driver(&Driver::forLocation(path)) {
        QSqlDatabase c = driver().addConnection(m_name, path, Driver::Access::Immutable);
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
    const Driver &driver() const { return *m_driver; }
    const QString &error() const { return m_error; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_name, false); }
    QSqlQuery query() const { return QSqlQuery(connection()); }

private:
    QString m_name;
    const Driver *m_driver;
    QString m_error;
};

/// Whether SQLite reads `f` as a database: the header is checked through SQLite, never by
/// opening the file beside a connection (that would drop the process's locks on it).
bool readsAsSqlite(const ReadOnlyFile &f) {
    if (!f.isOpen())
        return false;
    QSqlQuery q = f.query();
    return q.exec(f.driver().countTables());
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
} // namespace

Result<QString> databaseIdOf(const QString &file) {
    if (!QFileInfo::exists(file))
        return fail(ErrorCode::NotFound, oasis::tr("There is no file %1.").arg(shown(file)));
    ReadOnlyFile f(file);
    if (!f.isOpen())
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 cannot be opened: %2").arg(shown(file), f.error()));
    if (!readsAsSqlite(f))
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 is not a database snapshot (or is damaged).").arg(shown(file)));
    QSqlQuery q = f.query();
    auto id = metaValue(q, QStringLiteral("database_id"));
    if (!id || id->isEmpty()) {
        const bool healthy = q.exec(f.driver().integrityCheck()) && q.next() &&
                             q.value(0).toString() == QLatin1String("ok");
        return fail(
            ErrorCode::Refused,
            healthy ? oasis::tr("%1 is not an Oasis POS database.").arg(shown(file))
                    : oasis::tr("%1 is damaged: it fails its integrity check.").arg(shown(file)));
    }
    return *id;
}

Status writeInto(Database &db, const QString &file) {
    if (db.driver().isServer())
        return fail(ErrorCode::Refused,
                    oasis::tr("A store on a PostgreSQL server is backed up on the server, with "
                              "pg_dump (see the README); nothing was written."));
    if (auto ok = db.exec(db.driver().snapshotInto(), {file}); !ok)
        return std::unexpected(ok.error());
    return {};
}

bool copyOf(const QString &path, const QString &into) {
    bool copied = false;
    const QString name = connectionName();
    {
        const Driver &driver = Driver::forLocation(path);
        QSqlDatabase c = driver.addConnection(name, path, Driver::Access::ReadWrite);
        if (c.open()) {
            QSqlQuery q(c);
            copied = q.prepare(driver.snapshotInto()) && (q.addBindValue(into), q.exec());
            q.finish();
            c.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!copied)
        QFile::remove(into);
    return copied;
}

BackupCheck verify(const QString &file, const KeyRing &keys) {
    BackupCheck c;
    ReadOnlyFile f(file);
    if (!f.isOpen()) {
        c.problem = oasis::tr("%1 cannot be opened: %2").arg(shown(file), f.error());
        return c;
    }
    if (!readsAsSqlite(f)) {
        c.problem = oasis::tr("%1 is not a database snapshot (or is damaged).").arg(shown(file));
        return c;
    }
    QSqlQuery q = f.query();
    readForwardOnly(q);
    if (!q.exec(f.driver().integrityCheck())) {
        c.problem = oasis::tr("The integrity check of %1 failed: %2")
                        .arg(shown(file), q.lastError().text());
        return c;
    }
    QStringList findings;
    while (q.next())
        findings << q.value(0).toString();
    if (findings != QStringList{QStringLiteral("ok")}) {
        c.problem = oasis::tr("%1 failed its integrity check: %2")
                        .arg(shown(file), findings.mid(0, 3).join(QStringLiteral("; ")));
        return c;
    }
    c.databaseId = metaValue(q, QStringLiteral("database_id")).value_or(QString());
    c.schemaVersion = metaValue(q, QStringLiteral("schema_version")).value_or(QString()).toInt();
    const QString keyCheck = metaValue(q, QStringLiteral("key_check")).value_or(QString());
    if (c.databaseId.isEmpty() || keyCheck.isEmpty()) {
        c.problem = oasis::tr("%1 is not an Oasis POS database.").arg(shown(file));
        return c;
    }
    if (c.schemaVersion > Database::latestSchemaVersion()) {
        c.problem = oasis::tr("%1 was written by a newer Oasis POS (schema %2).")
                        .arg(shown(file))
                        .arg(c.schemaVersion);
        return c;
    }
    if (!crypto::equal(keyCheck.toLatin1(), keys.fingerprint())) {
        c.problem = oasis::tr("The key file does not belong to %1.").arg(shown(file));
        return c;
    }
    auto chain = Journal::verifyChain(f.connection(), keys.journal);
    if (!chain) {
        c.problem = oasis::tr("The journal of %1 cannot be read: %2")
                        .arg(shown(file), chain.error().message);
        return c;
    }
    c.journalEntries = chain->entries;
    if (!chain->ok) {
        c.problem =
            oasis::tr("The journal of %1 does not verify: %2.").arg(shown(file), chain->problem);
        return c;
    }
    c.journalSeq = chain->lastSeq;
    c.journalHash = chain->lastHash;
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM sales")) && q.next())
        c.sales = q.value(0).toLongLong();
    c.ok = true;
    return c;
}

} // namespace oasis::snapshot
