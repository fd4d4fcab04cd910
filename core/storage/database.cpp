// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/database.h"

#include "core/domain/clock.h"
#include "core/domain/crypto.h"
#include "core/domain/savefile.h"
#include "core/domain/translate.h"
#include "core/storage/journal.h"
#include "core/storage/postgresdriver.h"
#include "core/storage/schema.h"
#include "core/storage/sqlitedriver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <utility>

#include <cerrno>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace oasis {

namespace {
// In the product's log (oasis.log): the journal's anchor outside the database, and the
// statement a lost server or a busy store stopped.
Q_LOGGING_CATEGORY(lcJournal, "oasis.journal")
Q_LOGGING_CATEGORY(lcStorage, "oasis.storage")

QString nextConnectionName() {
    static std::atomic<int> counter{0};
    return QStringLiteral("oasis-%1").arg(++counter);
}

bool isLockedMessage(const QString &text) {
    return text.contains(QLatin1String("locked"), Qt::CaseInsensitive) ||
           text.contains(QLatin1String("busy"), Qt::CaseInsensitive) ||
           text.contains(QLatin1String("lock timeout"), Qt::CaseInsensitive);
}

/// libpq's words for a connection that is gone (server restarted, network down, killed).
bool isServerGone(const QString &text) {
    for (const char *words :
         {"server closed the connection", "no connection to the server", "terminating connection",
          "connection to server", "could not receive data", "could not send data", "SSL SYSCALL"})
        if (text.contains(QLatin1String(words), Qt::CaseInsensitive))
            return true;
    return false;
}

QString errorText(const QSqlError &error) {
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

/// A connection to a server is gone when a statement says so, and when it is not open at all:
/// a reconnection found the server still away and left it closed. Either way the next operation
/// opens it again.
bool serverGone(const QSqlError &error, const QSqlDatabase &connection) {
    return !connection.isOpen() || isServerGone(errorText(error));
}

/// A statement's error; on a connection left closed by a reconnection that failed, why it could
/// not be opened (the statement itself only says that there is no connection).
QSqlError connectionError(const QSqlError &error, const QSqlDatabase &connection) {
    return connection.isOpen() || !connection.lastError().isValid() ? error
                                                                    : connection.lastError();
}
} // namespace

void readForwardOnly(QSqlQuery &query) {
    query.setForwardOnly(!query.driver() || query.driver()->dbmsType() != QSqlDriver::PostgreSQL);
}

Error storageError(const QString &what, const QSqlError &error) {
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (isServerGone(text))
        return {ErrorCode::Storage,
                oasis::tr("The store server cannot be reached: the connection was lost. (%1)")
                    .arg(what)};
    if (isLockedMessage(text))
        return {ErrorCode::Storage,
                oasis::tr("The database is busy: another register or program is writing to it. "
                          "Try again in a moment. (%1)")
                    .arg(what)};
    if (text.contains(QLatin1String("readonly"), Qt::CaseInsensitive) ||
        text.contains(QLatin1String("read-only"), Qt::CaseInsensitive))
        return {
            ErrorCode::Storage,
            oasis::tr("The database is read-only: check the file's permissions. (%1)").arg(what)};
    // Said for the front desk, without the statement (it goes to the log). SQLite: "database or
    // disk is full"; PostgreSQL (disk_full, 53100): "could not extend file …: No space left on
    // device", the server's disk.
    const bool serverDisk = text.contains(QLatin1String("No space left on device"));
    if (serverDisk || text.contains(QLatin1String("full"), Qt::CaseInsensitive)) {
        qCWarning(lcStorage, "disk full: %s: %s", qPrintable(what), qPrintable(text));
        return {ErrorCode::Storage,
                serverDisk ? oasis::tr("The store server's disk is full: nothing was saved. Its "
                                       "administrator must free space on it; then try again.")
                           : oasis::tr("The disk is full: nothing was saved. Free some space on "
                                       "it, then try again.")};
    }
    if (text.contains(QLatin1String("malformed"), Qt::CaseInsensitive) ||
        text.contains(QLatin1String("not a database"), Qt::CaseInsensitive))
        return {
            ErrorCode::Storage,
            oasis::tr("The database file is damaged. Restore the latest backup. (%1)").arg(what)};
    return {ErrorCode::Storage, oasis::tr("%1 failed: %2").arg(what, text)};
}

namespace {
/// A failed statement's Error. The two a front desk meets in the course of a day, the store
/// server away and another register writing, are said without the statement (it means nothing
/// at the counter): that goes to the log.
Error statementError(const QString &sql, const QSqlError &error) {
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const bool gone = isServerGone(text);
    if (!gone && !isLockedMessage(text))
        return storageError(sql.left(60), error);
    qCInfo(lcStorage, "%s: %s", gone ? "server gone" : "busy", qPrintable(sql.left(200)));
    return {ErrorCode::Storage,
            gone ? oasis::tr("The store server cannot be reached: the connection was lost.")
                 : oasis::tr("The database is busy: another register or program is writing to "
                             "it. Try again in a moment.")};
}
} // namespace

/// A statement defer() keeps for the next one: as it asked, and as sent (an EXECUTE of the
/// statement sendDeferred() prepares, with its values).
struct Database::Deferred {
    QString sql;
    QString actual; ///< with RETURNING
    QString execute;
    bool returning = false;
    bool plain = false; ///< sent as it is, never prepared (a COMMIT)
};

/// What a connection keeps open between statements and commits.
struct Database::Statements {
    /// Prepared statements kept for reuse (scalar(), row(), rows(), write()), by their SQL: on a
    /// server only those with a value Qt binds itself (the rest are prepared under `names`); on
    /// a file only those with a value SqliteStatements leaves to Qt.
    QHash<QString, QSqlQuery> kept;
    /// A file's statements run through SQLite's own API, on the connection Qt's driver opened
    /// (`sqlite`, of `sqliteDriver`, looked up once).
    SqliteStatements onFile;
    QSqlDriver *sqliteDriver = nullptr;
    sqlite3 *sqlite = nullptr;
    /// The journal anchor as afterCommit() last wrote it, with the file it was opened as (its
    /// device and inode): opened again once another program has replaced the file.
    QFile anchor;
    QString anchorPath, anchorOf; ///< anchorFilePath() (`anchorName` encoded) of store `anchorOf`
    QByteArray anchorName;
    dev_t anchorDevice = 0;
    ino_t anchorInode = 0;
    /// defer()'s statements waiting for the next one (on a server, in a transaction).
    std::vector<Deferred> deferred;
    /// A transaction's BEGIN and first locks, sent with its first statement (on a server).
    QStringList begin;
    /// The names of the statements prepared on the server for what defer() and checkout() send,
    /// by the SQL sent, and those prepared already (each in the round trip of its first
    /// EXECUTE): the connection's, gone with it. `numbered` counts the names ever made, so none
    /// is made twice; `release` are names to DEALLOCATE first in the next query sent.
    QHash<QString, QString> names;
    QSet<QString> prepared;
    qint64 numbered = 0;
    QStringList release;
    /// The result of the last query sendDeferred() returned, which checkin() does not keep.
    const QSqlResult *sent = nullptr;
};

Database::Database()
    : m_statements(std::make_unique<Statements>()) {}

QString Database::defaultPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("oasis.db"));
}

int Database::latestSchemaVersion() {
    return schema::latestVersion();
}

namespace {
/// SQLite allocates and frees page buffers on every statement of a sale; glibc's default returns
/// the top of the heap to the system at 128 kB free and faults it back in on the next statement
/// (up to half of a sale's time on the large database). Keep up to 64 MB: this process's memory
/// stays well under its 150 MB budget.
void keepFreedMemory() {
#ifdef __GLIBC__
    static std::once_flag once;
    std::call_once(once, [] { mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024); });
#endif
}
} // namespace

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Options &options) {
    keepFreedMemory();
    if (PostgresDriver::isUrl(path))
        return openOnServer(path, options);
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    if (!info.absoluteDir().exists())
        return fail(ErrorCode::Storage,
                    oasis::tr("The folder %1 does not exist. Check the database path or create the "
                              "folder first.")
                        .arg(QDir::toNativeSeparators(info.absolutePath())));
    const bool existed = info.exists(); // QFileInfo re-checks a missing file: keep the answer
    if (existed && !info.isFile() && !info.isDir()) // SQLite would put its -wal and -shm beside
        return fail(ErrorCode::Storage,
                    oasis::tr("%1 is not a database file: it is a device or a pipe.").arg(shown));
    const bool fresh = !existed || info.size() == 0;
    if (fresh && options.mode == Mode::OpenExisting)
        return fail(ErrorCode::Storage,
                    info.exists()
                        ? oasis::tr("%1 is an empty file, not an Oasis database. Create one "
                                    "with: oasisctl --db %1 init")
                              .arg(shown)
                        : oasis::tr("There is no database at %1. Create one with: "
                                    "oasisctl --db %1 init")
                              .arg(shown));
    if (info.exists() && info.isDir())
        return fail(ErrorCode::Storage,
                    oasis::tr("%1 is a folder, not a database file.").arg(shown));
    if (info.exists() && !info.isReadable())
        return fail(ErrorCode::Storage,
                    oasis::tr("The database %1 cannot be read: check its permissions.").arg(shown));
    if ((info.exists() && !info.isWritable()) || !QFileInfo(info.absolutePath()).isWritable())
        return fail(
            ErrorCode::Storage,
            oasis::tr("The database %1 is read-only (the file or its folder cannot be written). "
                      "The register needs to write every sale: fix the permissions.")
                .arg(shown));
    std::unique_ptr<Database> db(new Database);
    db->m_path = info.absoluteFilePath();
    db->m_driver = &Driver::forLocation(db->m_path);
    db->m_connection = nextConnectionName();
    db->m_busyTimeoutMs = options.busyTimeoutMs;
    db->m_keyDirectory =
        options.keyDirectory.isEmpty() ? KeyRing::defaultDirectory() : options.keyDirectory;
    {
        QSqlDatabase c = db->m_driver->addConnection(
            db->m_connection, db->m_path, Driver::Access::ReadWrite, options.busyTimeoutMs);
        if (!c.open())
            return std::unexpected(storageError(oasis::tr("Opening %1").arg(shown), c.lastError()));
    }
    // The header is checked through SQLite itself, never by opening the file ourselves: closing
    // any other descriptor of the file drops this process's POSIX locks, and another program
    // closing its connection then deletes the WAL under ours (DESIGN §3).
    if (!fresh) {
        QSqlQuery probe(db->handle());
        if (!probe.exec(db->m_driver->countTables())) {
            // Not a database of this engine, or damaged: not ours to open, whatever it is.
            if (db->m_driver->isNotADatabase(probe.lastError().nativeErrorCode()))
                return fail(
                    ErrorCode::Storage,
                    oasis::tr("%1 is not a database or is damaged beyond use. Restore the latest "
                              "backup; nothing was changed.")
                        .arg(shown));
            return std::unexpected(
                storageError(oasis::tr("Opening %1").arg(shown), probe.lastError()));
        }
    }
    // A failed open leaves no trace: a file this call created (and its key file) goes away,
    // so a retry after fixing the cause starts afresh instead of finding a half-made database.
    auto failed = [&db, existed](const Error &error) -> Result<std::unique_ptr<Database>> {
        const QString dbPath = db->m_path;
        const QString keyPath = db->m_id.isEmpty() ? QString() : db->keyFilePath();
        const QString anchorPath = db->m_id.isEmpty() ? QString() : db->anchorFilePath();
        db.reset(); // closes the connection
        if (!existed) {
            for (const char *suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(dbPath + QLatin1String(suffix));
            if (!keyPath.isEmpty()) { // made for the id this call chose
                QFile::remove(keyPath);
                QFile::remove(anchorPath);
            }
        }
        return std::unexpected(error);
    };
    if (auto ok = db->configure(options); !ok)
        return failed(ok.error());
    // An existing database proves its key file before anything is written to it (migrations
    // included); a new one gets its key once its tables exist.
    const bool isNew = db->m_schemaVersion == 0;
    if (!isNew)
        if (auto ok = db->loadOrCreateKeys(options, false); !ok)
            return failed(ok.error());
    if (auto ok = db->migrate(options.migrateTo < 0 ? latestSchemaVersion() : options.migrateTo);
        !ok)
        return failed(ok.error());
    if (isNew)
        if (auto ok = db->loadOrCreateKeys(options, true); !ok)
            return failed(ok.error());
    if (isNew && options.onCreated)
        if (auto ok = options.onCreated(*db); !ok)
            return failed(ok.error());
    db->m_created = isNew;
    return db;
}

Result<std::unique_ptr<Database>> Database::connectToServer(const QString &url,
                                                            const Options &options) {
    if (const QString problem = PostgresDriver::urlProblem(url); !problem.isEmpty())
        return fail(
            ErrorCode::Invalid,
            oasis::tr("The store address %1 %2.").arg(PostgresDriver::shownUrl(url), problem));
    std::unique_ptr<Database> db(new Database);
    db->m_path = url;
    db->m_driver = &Driver::forLocation(url);
    db->m_connection = nextConnectionName();
    db->m_busyTimeoutMs = options.busyTimeoutMs;
    db->m_keyDirectory =
        options.keyDirectory.isEmpty() ? KeyRing::defaultDirectory() : options.keyDirectory;
    QSqlDatabase c = db->m_driver->addConnection(db->m_connection, url, Driver::Access::ReadWrite,
                                                 options.busyTimeoutMs);
    if (!c.open())
        return fail(ErrorCode::Storage, oasis::tr("Cannot reach the store server at %1: %2")
                                            .arg(url, c.lastError().databaseText().simplified()));
    return db;
}

Result<std::unique_ptr<Database>> Database::openOnServer(const QString &url,
                                                         const Options &options) {
    auto connected = connectToServer(url, options);
    if (!connected)
        return connected;
    std::unique_ptr<Database> db = std::move(*connected);
    if (options.migrateTo >= 0 && options.migrateTo != latestSchemaVersion())
        return fail(ErrorCode::Invalid,
                    oasis::tr("A store on a server is created at the current schema version (%1).")
                        .arg(latestSchemaVersion()));
    auto failed = [&db](const Error &error) -> Result<std::unique_ptr<Database>> {
        db.reset();
        return std::unexpected(error);
    };
    if (auto ok = db->configure(options); !ok)
        return failed(ok.error());
    if (db->m_schemaVersion > 0) {
        if (auto ok = db->loadOrCreateKeys(options, false); !ok)
            return failed(ok.error());
        if (auto ok = db->migrate(latestSchemaVersion()); !ok)
            return failed(ok.error());
        return db;
    }
    // A new store is made in one transaction, its key and creator register included: a failure
    // leaves the server's database as empty as it was (PostgreSQL's DDL is transactional).
    std::optional<Transaction> tx;
    if (auto begun = Transaction::begin(*db); begun)
        tx.emplace(std::move(*begun));
    else
        return failed(begun.error());
    Status made = db->createAtLatest();
    if (made)
        made = db->loadIdentityColumns();
    if (made)
        made = db->loadOrCreateKeys(options, true);
    if (made && options.onCreated)
        made = options.onCreated(*db);
    if (made)
        made = tx->commit();
    if (!made) {
        const QString keyPath = db->m_id.isEmpty() ? QString() : db->keyFilePath();
        const QString anchorPath = db->m_id.isEmpty() ? QString() : db->anchorFilePath();
        tx.reset(); // rolls back what was made
        if (!keyPath.isEmpty()) {
            QFile::remove(keyPath);
            QFile::remove(anchorPath);
        }
        return failed(made.error());
    }
    db->m_created = true;
    return db;
}

Result<QStringList> Database::serverSchema() const {
    auto schemaText = SqliteDriver::latestSchema();
    if (!schemaText)
        return std::unexpected(schemaText.error());
    QStringList statements{
        QStringLiteral(
            "CREATE OR REPLACE FUNCTION oasis_refuse() RETURNS trigger LANGUAGE plpgsql AS $fn$ "
            "BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $fn$"),
        schema::journalHeadFunction()};
    for (const QString &sql : std::as_const(*schemaText))
        statements += m_driver->translateSchema(sql);
    return statements;
}

Status Database::createAtLatest() {
    auto schema = serverSchema();
    if (!schema)
        return std::unexpected(schema.error());
    auto tx = Transaction::begin(*this);
    if (!tx)
        return std::unexpected(tx.error());
    QStringList statements = *schema;
    m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    statements += QStringLiteral("INSERT INTO meta(key, value) VALUES ('database_id', '%1'), "
                                 "('created_at', '%2'), ('schema_version', '%3')")
                      .arg(m_id, toStorageTime(Clock::nowUtc()))
                      .arg(latestSchemaVersion());
    for (const QString &sql : std::as_const(statements))
        if (auto ok = run(sql); !ok)
            return fail(ErrorCode::Storage,
                        oasis::tr("Creating the store on the server failed; nothing was made. %1")
                            .arg(ok.error().message));
    if (auto ok = tx->commit(); !ok)
        return ok;
    m_schemaVersion = latestSchemaVersion();
    return {};
}

Status Database::loadIdentityColumns() const {
    m_identity.clear();
    m_identityRead = false;
    const QString sql = m_driver->identityColumns();
    if (!sql.isEmpty()) {
        auto q = exec(sql);
        if (!q)
            return std::unexpected(q.error());
        while (q->next())
            m_identity.insert(q->value(0).toString(), q->value(1).toString());
    }
    m_identityRead = true;
    return {};
}

namespace {
/// The table an INSERT writes to; empty for any other statement.
QStringView insertedTable(const QString &sql) {
    static const QLatin1StringView insertInto("INSERT INTO ");
    if (!sql.startsWith(insertInto))
        return {};
    const QStringView rest = QStringView(sql).mid(insertInto.size());
    qsizetype end = 0;
    while (end < rest.size() && (rest[end].isLetterOrNumber() || rest[end] == u'_'))
        ++end;
    return rest.left(end);
}
} // namespace

Status Database::identityColumnsFor(const QString &sql) const {
    return m_identityRead || insertedTable(sql).isEmpty() ? Status{} : loadIdentityColumns();
}

QString Database::withReturning(const QString &sql) const {
    const QStringView table = insertedTable(sql);
    if (table.isEmpty())
        return sql;
    // Stores older than the step that journals the books record nothing.
    if (m_schemaVersion >= schema::kBooksJournaled)
        if (const QString columns = Journal::recordedColumns(table); !columns.isEmpty())
            return sql + QStringLiteral(" RETURNING ") + columns;
    const auto column = m_identity.constFind(table.toString());
    if (column == m_identity.cend())
        return sql;
    return sql + QStringLiteral(" RETURNING ") + *column;
}

Database::~Database() {
    m_statements->kept.clear(); // before the connection they were prepared on goes
    m_statements->onFile.clear();
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase c = QSqlDatabase::database(m_connection, false);
        if (c.isOpen())
            c.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString Database::integrityProblem(const QString &path) {
    if (!QFileInfo(path).isFile())
        return {};
    const QString name = nextConnectionName();
    QString finding;
    {
        const Driver &driver = Driver::forLocation(path);
        QSqlDatabase c = driver.addConnection(name, path, Driver::Access::ReadOnly);
        if (c.open()) {
            QSqlQuery q(c);
            if (!q.exec(driver.quickCheck())) {
                finding = q.lastError().databaseText();
            } else {
                QStringList rows;
                while (q.next())
                    rows << q.value(0).toString();
                if (q.lastError().isValid())
                    rows << q.lastError().databaseText();
                if (rows != QStringList{QStringLiteral("ok")})
                    finding = rows.mid(0, 3).join(QStringLiteral("; "));
            }
        }
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
    return finding.replace(u'\n', u' ').simplified();
}

QSqlDatabase Database::handle() const {
    return QSqlDatabase::database(m_connection, false);
}

bool Database::moveToThread(QThread *thread) {
    QSqlDriver *driver = handle().driver();
    if (!driver)
        return false;
    driver->moveToThread(thread);
    return driver->thread() == thread;
}

namespace {
void bindAll(QSqlQuery &q, const QVariantList &binds) {
    for (int i = 0; i < binds.size(); ++i) {
        // Qt binds a null QString as SQL NULL; an empty text is meant. Pass QVariant() for NULL.
        const QVariant &v = binds.at(i);
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(i, QStringLiteral(""));
        else if (v.typeId() == QMetaType::Bool) // flags are integer columns on every engine
            q.bindValue(i, v.toBool() ? 1 : 0);
        else
            q.bindValue(i, v);
    }
}
} // namespace

namespace {
/// The row `q` is on; `columns` from Driver::columnCount() once per statement.
QVariantList currentRow(const QSqlQuery &q, int columns) {
    QVariantList values;
    values.reserve(columns);
    for (int i = 0; i < columns; ++i)
        values.append(q.value(i));
    return values;
}
} // namespace

Result<Rows> Database::exec(const QString &sql, const QVariantList &binds) const {
    if (m_driver->isServer()) {
        // On a server each statement is prepared once per connection, as scalar() and rows()
        // do (checkout()), and its result is read whole: the server sends it whole anyway.
        auto q = checkout(sql, binds);
        if (!q)
            return std::unexpected(q.error());
        QStringList columns;
        QList<QVariantList> all;
        if (withReturning(sql).size() != sql.size()) {
            noteReturned(sql, *q); // the rows are what it asked back for
        } else {
            columns = m_driver->columnNames(*q);
            while (q->next())
                all.append(currentRow(*q, int(columns.size())));
        }
        checkin(sql, std::move(*q));
        return Rows(std::move(columns), std::move(all));
    }
    auto q = execQuery(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    return Rows(std::make_unique<QSqlQuery>(std::move(*q)));
}

Result<QSqlQuery> Database::execQuery(const QString &sql, const QVariantList &binds) const {
    if (auto ok = flushDeferred(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = identityColumnsFor(sql); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(handle());
    readForwardOnly(q);
    const QString actual = withReturning(sql);
    bool ran = q.prepare(actual) && (bindAll(q, binds), q.exec());
    if (!ran && reconnectForRead(sql, q.lastError())) {
        q = QSqlQuery(handle());
        readForwardOnly(q);
        ran = q.prepare(actual) && (bindAll(q, binds), q.exec());
        m_retryingRead = false;
    }
    noteServer(ran, q.lastError());
    if (!ran)
        return std::unexpected(statementError(sql, connectionError(q.lastError(), handle())));
    if (actual.size() != sql.size())
        noteReturned(sql, q);
    return q;
}

Status Database::run(const QString &sql) const {
    if (auto ok = flushDeferred(); !ok)
        return ok;
    QSqlQuery q(handle());
    if (!q.exec(sql))
        return std::unexpected(statementError(sql, q.lastError()));
    return {};
}

std::vector<qint64> Database::noteReturned(const QString &sql, QSqlQuery &query) const {
    const int columns = m_driver->columnCount(query);
    QList<QVariantList> rows;
    while (query.next())
        rows.append(currentRow(query, columns));
    return noteReturned(sql, rows);
}

std::vector<qint64> Database::noteReturned(const QString &sql,
                                           const QList<QVariantList> &rows) const {
    // Every insert into the books goes through exec() or write(): the next journal entry records
    // the rows as they came back.
    const QString table = insertedTable(sql).toString();
    const bool books =
        m_schemaVersion >= schema::kBooksJournaled && !Journal::recordedColumns(table).isEmpty();
    std::vector<qint64> keys;
    keys.reserve(std::size_t(rows.size()));
    for (const QVariantList &row : rows) {
        keys.push_back(row.value(0).toLongLong());
        if (books)
            m_bookRows.push_back({table, keys.back(),
                                  table == u"sale_taxes" ? row.value(1).toString() : QString(),
                                  Journal::serialisedRow(row)});
    }
    return keys;
}

std::optional<Result<SqliteRan>> Database::onFile(const QString &sql,
                                                  const QVariantList &binds) const {
    if (m_driver->isServer() || !SqliteStatements::binds(binds))
        return std::nullopt;
    if (!m_statements->sqlite) {
        const QSqlDatabase c = handle();
        m_statements->sqliteDriver = c.driver();
        m_statements->sqlite = m_statements->sqliteDriver
                                   ? SqliteStatements::connectionOf(c.driver()->handle())
                                   : nullptr;
        if (!m_statements->sqlite)
            return std::nullopt;
    }
    // Only on the connection's thread: elsewhere Qt refuses it (moveToThread() hands it over).
    if (m_statements->sqliteDriver->thread() != QThread::currentThread())
        return std::nullopt;
    SqliteStatements::Ran ran;
    QSqlError error;
    switch (m_statements->onFile.run(
        m_statements->sqlite, sql, [&] { return withReturning(sql); }, binds, ran, error)) {
    case SqliteStatements::Outcome::Ran:
        return ran;
    case SqliteStatements::Outcome::Failed:
        return std::unexpected(statementError(sql, error));
    case SqliteStatements::Outcome::LeftToQt:
        break;
    }
    return std::nullopt;
}

namespace {
/// `sql` with its positional `?` numbered `$1`, `$2`… as a server's PREPARE takes them, and the
/// count; quoted text is left as it is.
std::pair<QString, int> numberedParameters(const QString &sql) {
    QString out;
    out.reserve(sql.size() + 64);
    int n = 0;
    bool quoted = false;
    for (const QChar c : sql) {
        if (c == u'\'')
            quoted = !quoted; // a quote doubled inside a literal turns it off and on again
        if (c == u'?' && !quoted)
            out += u'$' + QString::number(++n);
        else
            out += c;
    }
    return {out, n};
}

/// `binds` as the driver writes values in a statement's text, "(a, b, …)"; empty when a value
/// is of a type left to the driver's binding (only null, integers and text are written here).
std::optional<QString> valuesText(const Driver &driver, const QVariantList &binds) {
    if (binds.isEmpty())
        return QString();
    QStringList values;
    for (const QVariant &v : binds) {
        switch (v.isNull() ? QMetaType::UnknownType : v.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::QString:
            values << driver.literal(v);
            break;
        case QMetaType::Bool: // as bindAll() binds it: flags are integer columns
            values << (v.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
            break;
        default:
            return std::nullopt;
        }
    }
    return u'(' + values.join(QLatin1String(", ")) + u')';
}
} // namespace

Result<std::optional<Database::Deferred>> Database::toDeferred(const QString &sql,
                                                               const QVariantList &binds) const {
    if (auto ok = identityColumnsFor(sql); !ok)
        return std::unexpected(ok.error());
    const QString actual = withReturning(sql);
    const auto values = valuesText(*m_driver, binds);
    if (!values)
        return std::nullopt;
    QString &name = m_statements->names[actual];
    if (name.isEmpty()) {
        if (numberedParameters(actual).second != binds.size()) {
            m_statements->names.remove(actual);
            return std::nullopt;
        }
        name = QStringLiteral("oasis_stmt_%1").arg(++m_statements->numbered);
    }
    return Deferred{sql, actual, QStringLiteral("EXECUTE ") + name + *values,
                    actual.size() != sql.size()};
}

Status Database::defer(const QString &sql, const QVariantList &binds) const {
    if (m_driver->isServer() && m_depth > 0) {
        auto d = toDeferred(sql, binds);
        if (!d)
            return std::unexpected(d.error());
        if (*d) {
            m_statements->deferred.push_back(std::move(**d));
            return {};
        }
    }
    auto written = write(sql, binds);
    if (!written)
        return std::unexpected(written.error());
    return {};
}

Status Database::flushDeferred() const {
    if (m_statements->deferred.empty() && m_statements->begin.isEmpty())
        return {};
    auto sent = sendDeferred(std::nullopt);
    if (!sent)
        return std::unexpected(sent.error());
    m_statements->sent = nullptr;
    return {};
}

Result<QSqlQuery> Database::sendDeferred(std::optional<Deferred> last, QSqlError *failed) const {
    // One simple query of several statements: the server runs them in order in the transaction,
    // and stops at the first that fails (the transaction is then aborted, and rolled back by
    // its owner). Each result is read in turn. A statement not prepared yet on this connection
    // is prepared just before its EXECUTE, in the same round trip; the server parses and plans
    // it as for the statements Qt prepares.
    std::vector<Deferred> deferred = std::exchange(m_statements->deferred, {});
    const bool caller = last.has_value();
    if (last)
        deferred.push_back(std::move(*last));
    struct Part {
        QString text;
        std::size_t statement = 0;
        QString prepares; ///< the name a PREPARE part makes ready (else empty)
    };
    std::vector<Part> parts;
    // The transaction's BEGIN and its locks (Transaction::start) go first, with the statement
    // that needs them: one round trip fewer.
    const QStringList begin = std::exchange(m_statements->begin, {});
    for (const QString &statement : begin)
        parts.push_back({statement, 0, {}});
    const std::size_t begun = parts.size();
    // Names given up (checkout()'s bound on them) go next: a DEALLOCATE of each.
    for (const QString &name : std::exchange(m_statements->release, {}))
        parts.push_back({QStringLiteral("DEALLOCATE ") + name, 0, {}});
    const std::size_t released = parts.size();
    QSet<QString> preparing;
    for (std::size_t i = 0; i < deferred.size(); ++i) {
        const Deferred &d = deferred[i];
        const QString name = m_statements->names.value(d.actual);
        if (!d.plain && !m_statements->prepared.contains(name) && !preparing.contains(name)) {
            preparing.insert(name);
            parts.push_back(
                {QStringLiteral("PREPARE %1 AS %2").arg(name, numberedParameters(d.actual).first),
                 i, name});
        }
        parts.push_back({d.execute, i, {}});
    }
    QStringList texts;
    for (const Part &p : parts)
        texts << p.text;
    QSqlQuery q(handle());
    bool ran = q.exec(texts.join(QLatin1String(";\n")));
    for (std::size_t i = 0;; ++i) {
        const Part &part = parts[i];
        noteServer(ran, q.lastError());
        if (!ran && i == 0 && begun > 0 && !m_resending && serverGone(q.lastError(), handle()))
            return resend(begin, std::move(deferred), caller, failed);
        if (!ran) {
            if (failed)
                *failed = q.lastError();
            const QSqlError error = connectionError(q.lastError(), handle());
            if (i < begun)
                return std::unexpected(storageError(oasis::tr("Starting a transaction"), error));
            return std::unexpected(
                statementError(i < released ? part.text : deferred[part.statement].sql, error));
        }
        const Deferred *d = i < released ? nullptr : &deferred[part.statement];
        if (i < released) {
            // the transaction begun, or a name given up: nothing to read
        } else if (!part.prepares.isEmpty()) {
            m_statements->prepared.insert(part.prepares);
        } else if (caller && part.statement + 1 == deferred.size()) {
            break; // the caller's statement: its result is the caller's to read
        } else if (d->returning) {
            noteReturned(d->sql, q);
        }
        if (i + 1 == parts.size())
            break;
        ran = q.nextResult();
    }
    m_statements->sent = q.result();
    return q;
}

Result<QSqlQuery> Database::resend(const QStringList &begin, std::vector<Deferred> deferred,
                                   bool caller, QSqlError *failed) const {
    // The first round trip of a transaction, on a connection the server dropped (restart,
    // network, killed) while it was idle: nothing of it ran, so it is sent again, whole, on a
    // new connection (as Transaction::start did with its BEGIN). The statements are prepared
    // again there under the same names.
    auto *self = const_cast<Database *>(this);
    const int depth = m_depth;
    const bool shared = m_sharedWrite;
    const QStringList locks = m_locksHeld;
    auto saved = m_bookRowsSaved;
    QHash<QString, QString> names;
    for (const Deferred &d : deferred)
        if (!d.plain)
            names.insert(d.actual, m_statements->names.value(d.actual));
    const bool reconnected = self->reconnect();
    // The transaction is still its owner's, to commit or roll back.
    self->m_depth = depth;
    self->m_sharedWrite = shared;
    self->m_locksHeld = locks;
    self->m_bookRowsSaved = std::move(saved);
    if (!reconnected) {
        m_statements->begin = begin; // never begun: nothing to roll back
        const QSqlError error = handle().lastError();
        if (failed)
            *failed = error;
        return std::unexpected(
            storageError(oasis::tr("Starting a transaction"), connectionError(error, handle())));
    }
    m_statements->names.insert(names);
    m_statements->begin = begin;
    std::optional<Deferred> last;
    if (caller) {
        last = std::move(deferred.back());
        deferred.pop_back();
    }
    m_statements->deferred = std::move(deferred);
    m_resending = true;
    auto sent = sendDeferred(std::move(last), failed);
    m_resending = false;
    return sent;
}

Result<QSqlQuery> Database::checkout(const QString &sql, const QVariantList &binds) const {
    if (m_driver->isServer()) {
        // On a server a statement whose values can be written in its text is prepared under a
        // name of ours in the round trip of its first EXECUTE (Qt's prepare() is a round trip of
        // its own), and what defer() queued goes first, in the same one.
        const bool alone = m_statements->deferred.empty();
        constexpr qsizetype kMaxNames = 256; // as Qt's kept statements, a connection's bound
        if (alone && m_statements->names.size() >= kMaxNames &&
            !m_statements->names.contains(withReturning(sql))) {
            m_statements->release += m_statements->prepared.values();
            m_statements->names.clear();
            m_statements->prepared.clear();
        }
        auto d = toDeferred(sql, binds);
        if (!d)
            return std::unexpected(d.error());
        if (*d) {
            QSqlError error;
            auto q = sendDeferred(std::move(*d), &error); // its rows are the caller's to read
            if (!q && alone && reconnectForRead(sql, error))
                return retriedRead([&] { return checkout(sql, binds); });
            return q;
        }
        if (auto ok = flushDeferred(); !ok)
            return std::unexpected(ok.error());
    }
    QSqlQuery q;
    if (auto kept = m_statements->kept.find(sql); kept != m_statements->kept.end()) {
        q = std::move(*kept);
        m_statements->kept.erase(kept);
    } else {
        if (auto ok = identityColumnsFor(sql); !ok)
            return std::unexpected(ok.error());
        q = QSqlQuery(handle());
        readForwardOnly(q);
        if (!q.prepare(withReturning(sql))) {
            noteServer(false, q.lastError());
            if (reconnectForRead(sql, q.lastError()))
                return retriedRead([&] { return checkout(sql, binds); });
            return std::unexpected(statementError(sql, connectionError(q.lastError(), handle())));
        }
    }
    bindAll(q, binds);
    const bool ran = q.exec();
    noteServer(ran, q.lastError());
    if (!ran) {
        if (reconnectForRead(sql, q.lastError())) // the kept statements went with the old one
            return retriedRead([&] { return checkout(sql, binds); });
        Error e = statementError(sql, connectionError(q.lastError(), handle()));
        checkin(sql, std::move(q));
        return std::unexpected(e);
    }
    return q;
}

void Database::noteServer(bool ok, const QSqlError &error) const {
    if (!m_driver->isServer())
        return;
    if (ok) {
        m_connectionLost = false;
        return;
    }
    const QString text = errorText(error);
    if (m_depth > 0 && m_driver->isRetryable(error.nativeErrorCode(), text))
        m_retryable = true;
    if (serverGone(error, handle()))
        m_connectionLost = true;
}

bool Database::reconnectForRead(const QString &sql, const QSqlError &error) const {
    // Only a read outside any transaction is tried again: it changes nothing, so running it on
    // a new connection is the same as running it once. A write's outcome is the caller's to
    // find out (a sale's request id).
    // Once: a read that fails again on the new connection reports it.
    if (m_depth != 0 || m_retryingRead || !m_driver->isServer() ||
        !sql.startsWith(QLatin1String("SELECT")))
        return false;
    if (!serverGone(error, handle()) || !const_cast<Database *>(this)->reconnect())
        return false;
    m_retryingRead = true;
    return true;
}

bool Database::reconnect() {
    // A connection the server dropped (restart, network, killed) is opened again with the
    // same settings. Nothing of a transaction survives it: the server rolled it back.
    m_statements->kept.clear();
    m_statements->deferred.clear();
    m_statements->begin.clear();
    m_statements->names.clear();
    m_statements->prepared.clear();
    m_statements->release.clear();
    m_depth = 0;
    m_bookRows.clear();
    m_bookRowsSaved.clear();
    m_journalTouched = false;
    m_appendedHead.reset();
    QSqlDatabase c = handle();
    c.close();
    if (!c.open())
        return false;
    if (!applyBusyTimeout(m_busyTimeoutMs))
        return false;
    for (const QString &sql : m_driver->statementsOnOpen())
        if (!run(sql))
            return false;
    qCInfo(lcJournal, "reconnected to the store server");
    return true;
}

void Database::checkin(const QString &sql, QSqlQuery &&query) const {
    query.finish(); // resets the statement: it holds no read lock while it waits
    if (query.result() == m_statements->sent) { // sent with deferred ones, its values in its text
        m_statements->sent = nullptr;
        return;
    }
    constexpr qsizetype kMaxStatements = 256;
    if (m_statements->kept.size() >= kMaxStatements)
        m_statements->kept.clear();
    m_statements->kept.insert(sql, std::move(query));
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &binds) const {
    if (auto ran = onFile(sql, binds)) {
        if (!*ran)
            return std::unexpected(ran->error());
        const auto &rows = (*ran)->rows;
        return rows.isEmpty() || rows.front().isEmpty() ? QVariant() : rows.front().front();
    }
    auto q = checkout(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    const QVariant value = q->next() ? q->value(0) : QVariant();
    checkin(sql, std::move(*q));
    return value;
}

Result<QVariantList> Database::row(const QString &sql, const QVariantList &binds) const {
    if (auto ran = onFile(sql, binds)) {
        if (!*ran)
            return std::unexpected(ran->error());
        return (*ran)->rows.isEmpty() ? QVariantList() : (*ran)->rows.front();
    }
    auto q = checkout(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    QVariantList values = q->next() ? currentRow(*q, m_driver->columnCount(*q)) : QVariantList();
    checkin(sql, std::move(*q));
    return values;
}

Result<QList<QVariantList>> Database::rows(const QString &sql, const QVariantList &binds) const {
    if (auto ran = onFile(sql, binds)) {
        if (!*ran)
            return std::unexpected(ran->error());
        return std::move((*ran)->rows);
    }
    auto q = checkout(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    QList<QVariantList> all;
    const int columns = m_driver->columnCount(*q);
    while (q->next())
        all.append(currentRow(*q, columns));
    checkin(sql, std::move(*q));
    return all;
}

Result<Database::Written> Database::write(const QString &sql, const QVariantList &binds) const {
    if (auto ran = onFile(sql, binds)) {
        if (!*ran)
            return std::unexpected(ran->error());
        Written written;
        if ((*ran)->returning) {
            const std::vector<qint64> keys = noteReturned(sql, (*ran)->rows);
            written.rows = int(keys.size());
            if (!keys.empty())
                written.insertId = keys.back();
        } else {
            written.rows = (*ran)->changes;
            written.insertId = (*ran)->insertId;
        }
        return written;
    }
    auto q = checkout(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    Written written;
    if (withReturning(sql).size() != sql.size()) {
        const std::vector<qint64> keys = noteReturned(sql, *q);
        written.rows = int(keys.size());
        if (!keys.empty())
            written.insertId = keys.back();
    } else {
        written.rows = q->numRowsAffected();
        written.insertId = m_driver->isServer() ? 0 : q->lastInsertId().toLongLong();
    }
    checkin(sql, std::move(*q));
    return written;
}

Status Database::configure(const Options &options) {
    // Read-only checks first: a file that is damaged or not ours must not even be switched to
    // WAL (that rewrites its header).
    if (auto ok = applyBusyTimeout(options.busyTimeoutMs); !ok)
        return std::unexpected(ok.error());
    // The quick check reads every page, about 7 ms per MB. Up to kFullCheckBytes it runs on each
    // open (under 7 ms: a new store's first weeks). A larger file gets it on the small tables
    // that decide who may do what and how money is counted (the catalog, read-only at the counter,
    // is 20 MB at 100,000 products, and SQLite reports a damaged page of it when it is read); the
    // full check runs on every backup (BackupService, daily, on its own thread), so a register with
    // years of sales still starts at once.
    constexpr qint64 kFullCheckBytes = 1024 * 1024;
    QStringList checks;
    if (m_driver->isServer()) {
        // The quick check is SQLite's; a server checks its own pages.
    } else if (QFileInfo(m_path).size() <= kFullCheckBytes) {
        checks << m_driver->quickCheck();
    } else {
        auto tables = exec(m_driver->tablesAmong(
            {QStringLiteral("meta"), QStringLiteral("settings"), QStringLiteral("staff"),
             QStringLiteral("tax_rates"), QStringLiteral("categories"), QStringLiteral("shifts")}));
        if (!tables)
            return std::unexpected(tables.error());
        while (tables->next())
            checks << m_driver->quickCheck(tables->value(0).toString());
    }
    for (const QString &sql : std::as_const(checks)) {
        auto check = scalar(sql);
        if (!check)
            return std::unexpected(check.error());
        if (check->toString() != QLatin1String("ok"))
            return fail(
                ErrorCode::Storage,
                oasis::tr("The database %1 failed its integrity check (%2). Restore the latest "
                          "backup; nothing was changed.")
                    .arg(QDir::toNativeSeparators(m_path), check->toString()));
    }

    // What opening needs of meta, in one read.
    const QString metaSql =
        QStringLiteral("SELECT key, value FROM meta WHERE key IN ('schema_version', 'database_id', "
                       "'snapshot_taken_at', 'key_check')");
    QList<QVariantList> metaRows;
    bool empty = false;
    if (m_driver->isServer()) {
        // One round trip on a new connection: meta is read at once as a plain statement (not
        // kept: it runs once), and a database without it answers undefined_table (42P01).
        QSqlQuery q(handle());
        q.setForwardOnly(true);
        if (q.exec(metaSql)) {
            while (q.next())
                metaRows.append({q.value(0), q.value(1)});
        } else if (q.lastError().nativeErrorCode() == QLatin1String("42P01")) {
            empty = true;
        } else {
            return std::unexpected(
                statementError(metaSql, connectionError(q.lastError(), handle())));
        }
    } else {
        auto hasMeta = scalar(m_driver->countTablesNamed(), {QStringLiteral("meta")});
        if (!hasMeta)
            return std::unexpected(hasMeta.error());
        empty = hasMeta->toInt() == 0;
        if (!empty) {
            auto meta = rows(metaSql);
            if (!meta)
                return std::unexpected(meta.error());
            metaRows = std::move(*meta);
        }
    }
    if (empty) {
        auto tables = scalar(m_driver->countTables());
        if (!tables)
            return std::unexpected(tables.error());
        if (tables->toInt() == 0 && options.mode == Mode::OpenExisting && m_driver->isServer())
            return fail(
                ErrorCode::Storage,
                oasis::tr("%1 holds no Oasis POS store yet. Create one with: oasisctl --db "
                          "%1 init (or copy a store there with oasisctl store copy --to %1).")
                    .arg(m_path));
        if (tables->toInt() > 0 || options.mode == Mode::OpenExisting)
            return fail(
                ErrorCode::Storage,
                oasis::tr("%1 is a database but not an Oasis POS database; nothing was changed.")
                    .arg(QDir::toNativeSeparators(m_path)));
        m_schemaVersion = 0;
    } else {
        for (const QVariantList &row : std::as_const(metaRows)) {
            const QString key = row.at(0).toString();
            if (key == QLatin1String("schema_version"))
                m_schemaVersion = row.at(1).toInt();
            else if (key == QLatin1String("database_id"))
                m_id = row.at(1).toString();
            else if (key == QLatin1String("snapshot_taken_at"))
                m_snapshot = !row.at(1).isNull();
            else
                m_keyCheck = row.at(1);
        }
    }
    if (m_schemaVersion > latestSchemaVersion())
        return fail(
            ErrorCode::Storage,
            oasis::tr("This database was written by a newer Oasis POS (schema %1; this program "
                      "knows %2). Update the program.")
                .arg(m_schemaVersion)
                .arg(latestSchemaVersion()));
    // A snapshot is read as it is: not switched to WAL (that rewrites its header), and the
    // connection itself refuses every write.
    const QStringList pragmas =
        m_snapshot ? m_driver->readOnlyStatements() : m_driver->statementsOnOpen();
    for (const QString &pragma : pragmas)
        if (auto ok = run(pragma); !ok)
            return std::unexpected(ok.error());
    return {};
}

Status Database::markSnapshot(const QString &path, bool snapshot) {
    const QString name = nextConnectionName();
    Status result;
    {
        const Driver &driver = Driver::forLocation(path);
        QSqlDatabase c = driver.addConnection(name, path, Driver::Access::ReadWrite);
        QSqlQuery q(c);
        const bool ok =
            c.open() &&
            (snapshot
                 ? q.prepare(driver.upsert(QStringLiteral("meta"),
                                           {QStringLiteral("key"), QStringLiteral("value")},
                                           {QStringLiteral("key")}, {QStringLiteral("value")})) &&
                       (q.addBindValue(QStringLiteral("snapshot_taken_at")),
                        q.addBindValue(toStorageTime(Clock::nowUtc())), q.exec())
                 : q.exec(QStringLiteral("DELETE FROM meta WHERE key = 'snapshot_taken_at'")));
        if (!ok)
            result = std::unexpected(
                storageError(oasis::tr("Marking %1").arg(QDir::toNativeSeparators(path)),
                             q.lastError().isValid() ? q.lastError() : c.lastError()));
        q.finish();
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

Status Database::migrate(int target) {
    if (m_snapshot && m_schemaVersion < target)
        return fail(
            ErrorCode::Refused,
            oasis::tr("%1 is a backup snapshot from an earlier version of Oasis POS (schema %2): "
                      "restore it to use it (oasisctl restore FILE), which brings it up to date.")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(m_schemaVersion));
    bool migrated = false;
    for (const schema::Step &step : schema::steps()) {
        if (step.version <= m_schemaVersion || step.version > target)
            continue;
        migrated = true;
        auto tx = Transaction::begin(*this);
        if (!tx)
            return std::unexpected(tx.error());
        QStringList statements = step.statements;
        for (const QString &table : schema::appendOnlyTables(step.version))
            statements += m_driver->appendOnlyTriggers(table);
        if (step.version == 1) {
            m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            statements += QStringLiteral("INSERT INTO meta(key, value) VALUES "
                                         "('database_id', '%1'), ('created_at', '%2'), "
                                         "('schema_version', '0')")
                              .arg(m_id, toStorageTime(Clock::nowUtc()));
        }
        for (const QString &sql : std::as_const(statements)) {
            Status ok;
            for (const QString &statement : m_driver->translateSchema(m_driver->expand(sql)))
                if (ok)
                    ok = run(statement);
            if (!ok)
                return fail(ErrorCode::Storage,
                            oasis::tr("Upgrading the database to version %1 failed; it was left at "
                                      "version %2. %3")
                                .arg(step.version)
                                .arg(m_schemaVersion)
                                .arg(ok.error().message));
        }
        // A store with rows of the books written before their journal entries recorded them: the
        // journal says, once, where that history ends (a new store has none, and no key yet).
        if (step.version == schema::kBooksJournaled && !m_keys.journal.isEmpty())
            if (auto ok = Journal::markHistory(*this, QStringLiteral("system")); !ok)
                return fail(ErrorCode::Storage,
                            oasis::tr("Upgrading the database to version %1 failed; it was left at "
                                      "version %2. %3")
                                .arg(step.version)
                                .arg(m_schemaVersion)
                                .arg(ok.error().message));
        if (auto ok = exec(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'schema_version'"),
                           {QString::number(step.version)});
            !ok)
            return std::unexpected(ok.error());
        if (auto ok = tx->commit(); !ok)
            return std::unexpected(ok.error());
        m_schemaVersion = step.version;
        // A statement kept from before this step may have been prepared without the RETURNING
        // withReturning() now adds (the books' rows from step 12): prepare them again. The keys
        // a server numbers are read again too (the step may have made a table).
        m_statements->kept.clear();
        m_statements->onFile.clear();
        m_identityRead = false;
    }
    // On a server, the registers' roles granted before these steps use what they made (a new
    // table of the books, a new ledger every sale reads) as they use the rest: granted again,
    // by the owner, who runs migrations. Only at the latest version, whose tables are all there.
    if (migrated && m_driver->isServer() && m_schemaVersion == latestSchemaVersion()) {
        auto roles = rows(QStringLiteral(
            "SELECT DISTINCT grantee FROM information_schema.role_table_grants WHERE "
            "table_schema = current_schema() AND table_name = 'sales' AND "
            "privilege_type = 'INSERT' AND grantee <> current_user"));
        if (!roles)
            return std::unexpected(roles.error());
        if (!roles->isEmpty()) {
            auto tx = Transaction::begin(*this);
            if (!tx)
                return std::unexpected(tx.error());
            for (const QVariantList &role : std::as_const(*roles))
                if (auto ok = grantRegister(role.value(0).toString()); !ok)
                    return ok;
            if (auto ok = tx->commit(); !ok)
                return ok;
        }
    }
    return {};
}

Status Database::applyBusyTimeout(int milliseconds) const {
    const QString sql = m_driver->setBusyTimeout(milliseconds);
    return sql.isEmpty() ? Status{} : run(sql);
}

Status Database::loadOrCreateKeys(const Options &, bool fresh) {
    const QString keyPath = keyFilePath();
    // An existing store's check value was read with the rest of meta (configure); a new store has
    // none yet.
    const QVariant stored = fresh ? QVariant() : m_keyCheck;
    if (stored.isNull()) {
        // Only a database created just now gets a key; an existing one without its check value
        // was not made by us.
        if (!fresh)
            return fail(
                ErrorCode::Storage,
                oasis::tr("The database has no key check; it was not initialised by Oasis POS."));
        const KeyRing keys = KeyRing::generate();
        if (auto ok = KeyRing::create(keyPath, keys); !ok)
            return ok;
        m_keys = keys;
        // The anchor exists from the start, so verify can tell a deleted anchor (with the
        // journal's tail cut off) from a journal that never had one.
        if (!writeAnchor(anchorFilePath(), 0, QByteArray(64, '0'), false))
            return fail(ErrorCode::Storage, oasis::tr("Cannot write the journal anchor %1.")
                                                .arg(QDir::toNativeSeparators(anchorFilePath())));
        auto tx = Transaction::begin(*this);
        if (!tx)
            return std::unexpected(tx.error());
        if (auto ok = exec(QStringLiteral("INSERT INTO meta(key, value) VALUES ('key_check', ?)"),
                           {QString::fromLatin1(keys.fingerprint())});
            !ok)
            return std::unexpected(ok.error());
        return tx->commit();
    }
    // A snapshot read on another machine brings its key beside it (BackupService writes
    // FILE.key); the store's own key folder comes first.
    const QString beside = m_path + QStringLiteral(".key");
    auto keys = KeyRing::load(
        m_snapshot && !QFileInfo::exists(keyPath) && QFileInfo::exists(beside) ? beside : keyPath,
        &m_openWarnings);
    if (!keys)
        return std::unexpected(keys.error());
    if (QString::fromLatin1(keys->fingerprint()) != stored.toString())
        return fail(
            ErrorCode::Storage,
            oasis::tr("The key file %1 does not belong to this database. Restore the key file "
                      "that was backed up with it; nothing was changed.")
                .arg(QDir::toNativeSeparators(keyPath)));
    m_keys = *keys;
    return {};
}

QString Database::keyFilePath() const {
    return KeyRing::filePath(m_keyDirectory, m_id);
}

QString Database::anchorFilePath() const {
    return QDir(m_keyDirectory).filePath(m_id + QStringLiteral(".anchor"));
}

QString Database::setting(const QString &key, const QString &fallback) const {
    auto v = scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    return v && !v->isNull() ? v->toString() : fallback;
}

Status Database::grantRegister(const QString &role) {
    if (!m_driver->isServer())
        return fail(ErrorCode::Refused,
                    oasis::tr("A store in a file has no server roles: registers share a store on "
                              "a PostgreSQL server. Nothing was changed."));
    auto statements = SqliteDriver::latestSchema();
    if (!statements)
        return std::unexpected(statements.error());
    QStringList books;
    for (int v = 1; v <= latestSchemaVersion(); ++v)
        books += schema::appendOnlyTables(v);
    const QStringList derived = schema::derivedTables();
    QStringList others;
    static const QRegularExpression createTable(QStringLiteral("^CREATE TABLE (\\w+)"));
    for (const QString &sql : std::as_const(*statements))
        if (const auto m = createTable.match(sql);
            m.hasMatch() && !books.contains(m.captured(1)) && !derived.contains(m.captured(1)))
            others << m.captured(1);
    for (const QString &sql : m_driver->grantRegister(role, books, derived, others))
        if (auto ok = run(sql); !ok)
            return ok;
    return {};
}

Status Database::copyTo(const QString &url, const QString &actor, QStringList *tablesCopied) {
    if (m_driver->isServer())
        return fail(ErrorCode::Refused,
                    oasis::tr("This store is already on a server: move it with pg_dump and "
                              "pg_restore. Nothing was copied."));
    if (!PostgresDriver::isUrl(url))
        return fail(ErrorCode::Invalid,
                    oasis::tr("A store is copied to a PostgreSQL server: give its address as "
                              "postgresql://USER@HOST[:PORT]/DBNAME."));
    Options options;
    options.mode = Mode::CreateIfMissing;
    options.busyTimeoutMs = m_busyTimeoutMs;
    options.keyDirectory = m_keyDirectory;
    auto connected = connectToServer(url, options);
    if (!connected)
        return std::unexpected(connected.error());
    const std::unique_ptr<Database> target = std::move(*connected);
    if (auto ok = target->configure(options); !ok)
        return ok;
    if (target->m_schemaVersion != 0)
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 already holds an Oasis POS store; a store is copied into an "
                              "empty database only. Nothing was copied.")
                        .arg(url));
    auto schema = target->serverSchema();
    if (!schema)
        return std::unexpected(schema.error());
    // The whole history at one moment: this store's write lock is held while it is read (the
    // registers wait), and the server's database is written in one transaction, so a failure
    // leaves it empty.
    auto reading = Transaction::begin(*this);
    if (!reading)
        return std::unexpected(reading.error());
    // The move is in the books of both: the entry is written here first, then copied.
    if (auto ok =
            Journal::append(*this, actor, QStringLiteral("store_copied"),
                            {{QStringLiteral("to"), QUrl(url).toString(QUrl::RemovePassword)}});
        !ok)
        return ok;
    auto writing = Transaction::begin(*target);
    if (!writing)
        return std::unexpected(writing.error());
    for (const QString &sql : std::as_const(*schema))
        if (auto ok = target->run(sql); !ok)
            return ok;
    static const QRegularExpression createTable(QStringLiteral("^CREATE TABLE (\\w+)"));
    QStringList tables;
    for (const QString &sql : std::as_const(*schema))
        if (const auto m = createTable.match(sql); m.hasMatch())
            tables << m.captured(1);
    for (const QString &table : std::as_const(tables)) {
        // Rows exactly as they are: the triggers that keep rollups and refuse changes are held
        // off while the table is filled (the rollups come with it), in this transaction only.
        auto rows = exec(
            QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, m_driver->insertionOrder()));
        if (!rows)
            return std::unexpected(rows.error());
        if (auto ok = target->run(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(table));
            !ok)
            return ok;
        // Many rows per INSERT (one round trip each), within the server's 65,535 parameters.
        QStringList columns;
        QVariantList values;
        QSqlQuery insert(target->handle());
        int batchRows = 0;
        auto flush = [&](int rowsNow) -> Status {
            if (rowsNow == 0)
                return {};
            if (rowsNow != batchRows) {
                const QString row =
                    QLatin1Char('(') +
                    QStringList(columns.size(), QStringLiteral("?")).join(QLatin1String(", ")) +
                    QLatin1Char(')');
                if (!insert.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES %3")
                                        .arg(table, columns.join(QLatin1String(", ")),
                                             QStringList(rowsNow, row).join(QLatin1String(", ")))))
                    return std::unexpected(
                        storageError(oasis::tr("Copying %1").arg(table), insert.lastError()));
                batchRows = rowsNow;
            }
            bindAll(insert, values);
            values.clear();
            if (!insert.exec())
                return std::unexpected(
                    storageError(oasis::tr("Copying %1").arg(table), insert.lastError()));
            return {};
        };
        int perBatch = 0, pending = 0;
        while (rows->next()) {
            if (columns.isEmpty()) {
                columns = rows->columnNames();
                perBatch =
                    int(std::min<qsizetype>(500, 60000 / std::max<qsizetype>(1, columns.size())));
            }
            for (qsizetype i = 0; i < columns.size(); ++i)
                values << (rows->isNull(int(i)) ? QVariant() : rows->value(int(i)));
            if (++pending == perBatch) {
                if (auto ok = flush(pending); !ok)
                    return ok;
                pending = 0;
            }
        }
        if (auto ok = flush(pending); !ok)
            return ok;
        if (auto ok = target->run(QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER USER").arg(table));
            !ok)
            return ok;
        if (tablesCopied)
            *tablesCopied << table;
    }
    // The server numbers new rows after the copied ones.
    if (auto ok = target->loadIdentityColumns(); !ok)
        return ok;
    for (auto it = target->m_identity.cbegin(); it != target->m_identity.cend(); ++it)
        if (auto ok = target->run(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', "
                                                 "'%2'), COALESCE(MAX(%2), 0) + 1, false) FROM %1")
                                      .arg(it.key(), it.value()));
            !ok)
            return ok;
    // The planner's statistics of what was copied: without them the reports of a large store
    // took seconds on the server until autovacuum came by (841 ms for a Z of a day, not 12).
    if (auto ok = target->run(QStringLiteral("ANALYZE")); !ok)
        return ok;
    if (auto ok = writing->commit(); !ok)
        return ok;
    return reading->commit();
}

Status Database::setSetting(const QString &key, const QString &value) {
    auto ok = write(m_driver->upsert(QStringLiteral("settings"),
                                     {QStringLiteral("key"), QStringLiteral("value")},
                                     {QStringLiteral("key")}, {QStringLiteral("value")}),
                    {key, value});
    if (!ok)
        return std::unexpected(ok.error());
    return {};
}

void Database::afterCommit() {
    if (!m_journalTouched)
        return;
    m_journalTouched = false;
    // The journal's head, kept outside the database so a cut-off tail is detected: the entry
    // this transaction appended last, or read back after the commit when a rolled-back
    // savepoint may have dropped it. It only moves forward: another register may have anchored
    // a later entry already.
    std::optional<std::pair<qint64, QString>> head = std::exchange(m_appendedHead, std::nullopt);
    if (!head) {
        auto last = row(QStringLiteral("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"));
        if (!last || last->isEmpty())
            return;
        head.emplace(last->value(0).toLongLong(), last->value(1).toString());
    }
    if (!advanceAnchor(head->first, head->second.toLatin1()))
        qCWarning(lcJournal,
                  readAnchor(anchorFilePath()).state == Anchor::State::Ok
                      ? "cannot write the journal anchor %s"
                      : "the journal anchor %s is missing or unreadable: journal verify reports it",
                  qPrintable(anchorFilePath()));
}

namespace {
/// The anchor record's own check: a record cut short or garbled is told from one that says
/// something else.
QByteArray anchorCheck(const QByteArray &seqAndHash) {
    return crypto::sha256("oasis-anchor " + seqAndHash).toHex().left(16);
}

bool isHex(const QByteArray &text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}
} // namespace

namespace {
/// The record an anchor file holds: "SEQ HASH CHECK\n" (seq as 20 digits, hash 64 hex, check
/// 16 hex); stores anchored before the check was added have "SEQ HASH\n", accepted while its
/// fields are well-formed.
Database::Anchor parseAnchor(const QByteArray &text) {
    Database::Anchor a;
    a.state = Database::Anchor::State::Unreadable;
    if (!text.endsWith('\n'))
        return a;
    const QList<QByteArray> parts = text.chopped(1).split(' ');
    if (parts.size() < 2 || parts.size() > 3 || parts[0].size() != 20 || parts[1].size() != 64 ||
        !isHex(parts[1]))
        return a;
    bool number = false;
    const qint64 seq = parts[0].toLongLong(&number);
    if (!number || seq < 0)
        return a;
    if (parts.size() == 3 && parts[2] != anchorCheck(parts[0] + ' ' + parts[1]))
        return a;
    a.state = Database::Anchor::State::Ok;
    a.seq = seq;
    a.hash = QString::fromLatin1(parts[1]);
    return a;
}

/// An advisory lock on an open anchor file until it is closed: a reader never sees a record
/// half overwritten by another program.
bool lockFile(const QFile &file, int how) {
    int r = 0;
    do
        r = ::flock(file.handle(), how);
    while (r != 0 && errno == EINTR);
    return r == 0;
}
} // namespace

Database::Anchor Database::readAnchor(const QString &path) {
    Anchor a;
    if (!QFileInfo::exists(path))
        return a;
    a.state = Anchor::State::Unreadable;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !lockFile(file, LOCK_SH))
        return a;
    return parseAnchor(file.read(256));
}

namespace {
QByteArray anchorRecord(qint64 seq, const QByteArray &hash) {
    const QByteArray seqAndHash = QByteArray::number(seq).rightJustified(20, '0') + ' ' + hash;
    return seqAndHash + ' ' + anchorCheck(seqAndHash) + '\n';
}

enum class Moved { Yes, No, OlderForm };

/// Moves the anchor open in `file` forward to `record` (entry `seq`) under its lock, unless it
/// is already there or further. A missing or unreadable anchor is not made again: verify keeps
/// reporting it (or one more sale would hide a tail cut off together with the anchor).
Moved moveAnchorForward(QFile &file, qint64 seq, const QByteArray &record) {
    if (!lockFile(file, LOCK_EX))
        return Moved::No;
    // Read and written at its start by position, past QFile (a system call each: a sale's
    // commit pays for them).
    Moved moved = Moved::No;
    char buffer[256];
    ssize_t got = 0;
    do
        got = ::pread(file.handle(), buffer, sizeof buffer, 0);
    while (got < 0 && errno == EINTR);
    const QByteArray text = got > 0 ? QByteArray(buffer, qsizetype(got)) : QByteArray();
    if (const Database::Anchor now = parseAnchor(text); now.state == Database::Anchor::State::Ok) {
        if (now.seq >= seq) {
            moved = Moved::Yes;
        } else if (text.size() != record.size()) {
            moved = Moved::OlderForm;
        } else {
            ssize_t put = 0;
            do
                put = ::pwrite(file.handle(), record.constData(), std::size_t(record.size()), 0);
            while (put < 0 && errno == EINTR);
            if (put == record.size()) // the same sector, written in place before the lock goes
                moved = Moved::Yes;
        }
    }
    lockFile(file, LOCK_UN);
    return moved;
}
} // namespace

bool Database::advanceAnchor(qint64 seq, const QByteArray &hash) {
    // Every commit that journals moves the anchor: the file stays open between commits, and is
    // opened again only when the path names another file than the one open (replaced whole by
    // writeAnchor, a restore or a key import in another program).
    QFile &file = m_statements->anchor;
    if (m_statements->anchorOf != m_id) { // the store's id is read as it opens
        file.close();
        m_statements->anchorPath = anchorFilePath();
        m_statements->anchorName = QFile::encodeName(m_statements->anchorPath);
        m_statements->anchorOf = m_id;
    }
    const QString &path = m_statements->anchorPath;
    struct stat named {};
    if (::stat(m_statements->anchorName.constData(), &named) != 0) {
        file.close();
        return false;
    }
    if (!file.isOpen() || named.st_dev != m_statements->anchorDevice ||
        named.st_ino != m_statements->anchorInode) {
        file.close();
        file.setFileName(path);
        // Unbuffered: another program writes it between two commits of this one.
        struct stat opened {};
        if (!file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly | QIODevice::Unbuffered) ||
            ::fstat(file.handle(), &opened) != 0) {
            file.close();
            return false;
        }
        m_statements->anchorDevice = opened.st_dev;
        m_statements->anchorInode = opened.st_ino;
    }
    const QByteArray record = anchorRecord(seq, hash);
    switch (moveAnchorForward(file, seq, record)) {
    case Moved::Yes:
        return true;
    case Moved::No:
        return false;
    case Moved::OlderForm:
        break;
    }
    file.close(); // replaced whole below: the next commit opens the new file
    return writeAnchor(path, seq, hash, true);
}

bool Database::writeAnchor(const QString &path, qint64 seq, const QByteArray &hash,
                           bool forwardOnly) {
    const QByteArray record = anchorRecord(seq, hash);
    if (forwardOnly) {
        QFile file(path);
        if (!file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly))
            return false;
        switch (moveAnchorForward(file, seq, record)) {
        case Moved::Yes:
            return true;
        case Moved::No:
            return false;
        case Moved::OlderForm: // replaced whole, as below (once)
            break;
        }
    }
    // A new file beside it, synced, then renamed over the old one: a crash leaves either record
    // whole, never an empty or half-written file.
    return saveFile(path, record).has_value();
}

Result<Transaction> Transaction::begin(Database &db) {
    return start(db, db.m_driver->beginImmediate(), false);
}

Result<Transaction> Transaction::beginShared(Database &db,
                                             const std::vector<Database::Locks> &first) {
    if (db.m_depth > 0) {
        // A savepoint of a sale's transaction (or of one holding the store's whole lock, where
        // lockForWrite has nothing to do): the locks one by one, each at most once.
        auto tx = start(db, {}, true);
        if (!tx)
            return tx;
        for (const Database::Locks &l : first)
            if (auto ok = db.lockForWrite(l); !ok)
                return std::unexpected(ok.error());
        return tx;
    }
    QStringList locks;
    QStringList held;
    for (const Database::Locks &l : first) {
        const QStringList expressions = db.lockExpressions(l);
        if (expressions.isEmpty())
            continue;
        // Values in the text: the statement after BEGIN is sent as it is, never prepared.
        QString text = expressions.join(QLatin1String(", "));
        qsizetype at = 0;
        for (const QVariant &v : l.binds) {
            at = text.indexOf(u'?', at);
            if (at < 0)
                break;
            const QString literal = db.m_driver->literal(v);
            text.replace(at, 1, literal);
            at += literal.size();
        }
        locks << text;
        held << Database::heldName(expressions, l.binds);
    }
    auto tx = start(db, db.m_driver->beginShared(locks), true);
    if (tx)
        db.m_locksHeld << held;
    return tx;
}

Result<Transaction> Transaction::start(Database &db, const QStringList &beginStatements,
                                       bool shared) {
    if (db.m_snapshot)
        return fail(
            ErrorCode::Refused,
            oasis::tr("%1 is a backup snapshot: it opens for reading only, and nothing was "
                      "changed. To make it the store again: oasisctl restore FILE (a manager's "
                      "PIN).")
                .arg(QDir::toNativeSeparators(db.m_path)));
    // Nested operations (demo data, a sale that activates cards) run in savepoints of the
    // outermost transaction, so the whole business operation commits or rolls back as one.
    if (auto sent = db.flushDeferred(); !sent) // a savepoint's statements come after them
        return std::unexpected(sent.error());
    QSqlQuery q(db.handle());
    QStringList statements =
        db.m_depth == 0 ? beginStatements
                        : QStringList{QStringLiteral("SAVEPOINT oasis_%1").arg(db.m_depth)};
    if (db.m_depth == 0) {
        db.m_retryable = false;
        db.m_sharedWrite = shared;
        db.m_locksHeld.clear();
    }
    if (db.m_driver->isServer() && db.m_depth == 0) {
        // On a server the BEGIN and what follows it (a sale's locks) go with the transaction's
        // first statement, in its round trip (Database::sendDeferred, which opens a connection
        // the server dropped again as below); a transaction that sends nothing sends no BEGIN.
        db.m_statements->begin = statements;
        ++db.m_depth;
        db.m_bookRowsSaved.push_back(db.m_bookRows);
        return Transaction(db);
    }
    // Else the BEGIN and what follows it go as one simple query, one round trip; the results
    // after the first are read below.
    const bool together = db.m_driver->isServer() && statements.size() > 1;
    if (together)
        statements = {statements.join(QLatin1String(";\n"))};
    if (!q.exec(statements.first())) {
        // The first statement of a business operation on a connection the server dropped:
        // open it again (nothing was begun on it).
        db.noteServer(false, q.lastError());
        if (db.m_depth != 0 || !db.m_driver->isServer() ||
            !serverGone(q.lastError(), db.handle()) || !db.reconnect())
            return std::unexpected(storageError(oasis::tr("Starting a transaction"),
                                                connectionError(q.lastError(), db.handle())));
        q = QSqlQuery(db.handle());
        if (!q.exec(statements.first()))
            return std::unexpected(storageError(oasis::tr("Starting a transaction"),
                                                connectionError(q.lastError(), db.handle())));
    }
    const qsizetype rest = together ? beginStatements.size() - 1 : statements.size() - 1;
    for (qsizetype i = 1; i <= rest; ++i)
        if (!(together ? q.nextResult() : q.exec(statements[i]))) {
            const Error e = storageError(oasis::tr("Starting a transaction"), q.lastError());
            q.exec(QStringLiteral("ROLLBACK")); // begun, its write lock not had: nothing done
            return std::unexpected(e);
        }
    ++db.m_depth;
    db.m_bookRowsSaved.push_back(db.m_bookRows);
    return Transaction(db);
}

QStringList Database::lockExpressions(const Locks &locks) const {
    QStringList expressions;
    for (const QString &key : locks.keys)
        if (const QString lock = m_driver->lockExpression(static_cast<int>(locks.space), key);
            !lock.isEmpty())
            expressions << lock;
    return expressions;
}

QString Database::heldName(const QStringList &expressions, const QVariantList &binds) {
    // Keyed by the statement and its values, which name the locks whole.
    QString held = expressions.join(QLatin1String(", "));
    for (const QVariant &v : binds)
        held += QChar(0x1f) + v.toString();
    return held;
}

Status Database::lockForWrite(LockSpace space, const QStringList &keys, const QVariantList &binds) {
    // Outside a shared transaction the store's whole lock is held already (or it is a file).
    if (!m_sharedWrite || m_depth == 0 || keys.isEmpty())
        return {};
    const QStringList locks = lockExpressions({space, keys, binds});
    // Held already (a sale takes the journal's head before its entry): no second round trip.
    const QString held = heldName(locks, binds);
    if (!lockToTake(locks, held))
        return {};
    auto taken = exec(QStringLiteral("SELECT ") + locks.join(QLatin1String(", ")), binds);
    if (!taken)
        return std::unexpected(taken.error());
    m_locksHeld << held;
    return {};
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(other.m_db)
    , m_active(other.m_active)
    , m_exceptions(other.m_exceptions) {
    other.m_active = false;
}

Transaction::~Transaction() {
    if (m_active)
        rollback();
}

void Transaction::rollback() {
    m_active = false;
    const int depth = --m_db->m_depth;
    // Statements still waiting to be sent belong to this level: every statement sends them
    // first, the SAVEPOINT that began it too.
    m_db->m_statements->deferred.clear();
    // A BEGIN still waiting for its first statement was never sent: nothing to roll back.
    const bool begun = depth > 0 || m_db->m_statements->begin.isEmpty();
    m_db->m_statements->begin.clear();
    // The rows noted since this level began are gone with it, and perhaps its journal entry;
    // the server released the locks taken since (taking one again is harmless).
    m_db->m_appendedHead.reset();
    m_db->m_locksHeld.clear();
    if (!m_db->m_bookRowsSaved.empty()) {
        m_db->m_bookRows = std::move(m_db->m_bookRowsSaved.back());
        m_db->m_bookRowsSaved.pop_back();
    }
    QSqlQuery q(m_db->handle());
    if (depth == 0) {
        m_db->m_journalTouched = false;
        m_db->m_sharedWrite = false;
        if (begun && !q.exec(QStringLiteral("ROLLBACK")))
            qWarning("Rollback failed: %s", qPrintable(q.lastError().text()));
        return;
    }
    const QString sp = QStringLiteral("oasis_%1").arg(depth);
    if (!q.exec(QStringLiteral("ROLLBACK TO ") + sp) || !q.exec(QStringLiteral("RELEASE ") + sp))
        qWarning("Rollback to savepoint failed: %s", qPrintable(q.lastError().text()));
}

Status Transaction::commit() {
    if (!m_active)
        return fail(ErrorCode::System, oasis::tr("The transaction was already finished."));
    if (std::uncaught_exceptions() > m_exceptions) {
        rollback();
        return fail(ErrorCode::System, oasis::tr("The operation was interrupted and rolled back."));
    }
    const int depth = m_db->m_depth - 1;
    const QString sql =
        depth == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE oasis_%1").arg(depth);
    // On a server what defer() queued (a sale's journal entry) goes with the COMMIT, in one round
    // trip: the server stops at the first statement that fails, and then nothing is committed.
    // A transaction that sent nothing has no BEGIN on the server either: nothing to commit.
    const bool withDeferred = depth == 0 && !m_db->m_statements->deferred.empty();
    const bool nothingSent = depth == 0 && !withDeferred && !m_db->m_statements->begin.isEmpty();
    if (nothingSent)
        m_db->m_statements->begin.clear();
    else if (!withDeferred)
        if (auto sent = m_db->flushDeferred(); !sent) {
            rollback();
            return sent;
        }
    QSqlQuery q(m_db->handle());
    QSqlError failed;
    bool saved = true;
    if (withDeferred) {
        auto sent = m_db->sendDeferred(Database::Deferred{sql, sql, sql, false, true}, &failed);
        saved = sent.has_value();
        m_db->m_statements->sent = nullptr;
    } else if (!nothingSent && !q.exec(sql)) {
        saved = false;
        failed = q.lastError();
    }
    if (!saved) {
        Error e = storageError(oasis::tr("Saving"), failed);
        const QString text =
            failed.databaseText().isEmpty() ? failed.text() : failed.databaseText();
        if (depth == 0 && isServerGone(text))
            e.message = oasis::tr("The connection to the store server was lost while saving: it "
                                  "may or may not have been saved. Try again: a ticket with its "
                                  "request id is saved and charged once.");
        rollback();
        return std::unexpected(e);
    }
    m_active = false;
    m_db->m_depth = depth;
    if (depth == 0) {
        m_db->m_sharedWrite = false;
        m_db->m_locksHeld.clear();
    }
    if (!m_db->m_bookRowsSaved.empty())
        m_db->m_bookRowsSaved.pop_back();
    if (depth == 0 && !m_db->m_bookRows.empty()) {
        // A programming error: journal verify will report these rows as written outside the
        // program. Every operation that writes the books appends its entry last.
        qCWarning(lcJournal,
                  "%d rows of the books (first in %s) were committed without a "
                  "journal entry",
                  int(m_db->m_bookRows.size()), qPrintable(m_db->m_bookRows.front().table));
        m_db->m_bookRows.clear();
    }
    if (depth == 0)
        m_db->afterCommit();
    return {};
}

} // namespace oasis
