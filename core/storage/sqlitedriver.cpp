// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/sqlitedriver.h"

#include "core/domain/translate.h"
#include "core/storage/database.h"
#include "core/storage/postgresdriver.h"
#include "core/storage/schema.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>

namespace oasis {

Driver::~Driver() = default;

QString Driver::literal(const QVariant &value) const {
    if (value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return value.toString();
    default:
        return u'\'' + value.toString().replace(u'\'', QLatin1String("''")) + u'\'';
    }
}

int Driver::columnCount(const QSqlQuery &query) const {
    return query.record().count();
}

QStringList Driver::columnNames(const QSqlQuery &query) const {
    const QSqlRecord record = query.record();
    QStringList names;
    names.reserve(record.count());
    for (int i = 0; i < record.count(); ++i)
        names << record.fieldName(i);
    return names;
}

const Driver &Driver::forLocation(const QString &location) {
    if (PostgresDriver::isUrl(location))
        return PostgresDriver::instance();
    return SqliteDriver::instance();
}

const SqliteDriver &SqliteDriver::instance() {
    static const SqliteDriver driver;
    return driver;
}

QSqlDatabase SqliteDriver::addConnection(const QString &name, const QString &location,
                                         Access access, int busyTimeoutMs) const {
    QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    switch (access) {
    case Access::ReadWrite:
        c.setDatabaseName(location);
        c.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        break;
    case Access::ReadOnly:
        c.setDatabaseName(location);
        c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        break;
    case Access::Immutable: {
        QUrl url = QUrl::fromLocalFile(QFileInfo(location).absoluteFilePath());
        url.setQuery(QStringLiteral("mode=ro&immutable=1"));
        c.setDatabaseName(url.toString(QUrl::FullyEncoded));
        c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        break;
    }
    }
    return c;
}

bool SqliteDriver::isNotADatabase(const QString &nativeErrorCode) const {
    // SQLITE_NOTADB (26) and SQLITE_CORRUPT (11).
    return nativeErrorCode == QLatin1String("26") || nativeErrorCode == QLatin1String("11");
}

QStringList SqliteDriver::statementsOnOpen() const {
    // A 16 MB page cache (SQLite's default is 2 MB): the index pages a sale touches (items,
    // stock levels, a card's ledger) stay in memory on a store's years of data. Temporary
    // storage in memory: a sale's multi-row INSERT ... RETURNING kept its statement journal and
    // the rows it returns in files under /var/tmp.
    return {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
            QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA cache_size=-16384"),
            QStringLiteral("PRAGMA temp_store=MEMORY")};
}

QStringList SqliteDriver::readOnlyStatements() const {
    return {QStringLiteral("PRAGMA query_only=1")};
}

QString SqliteDriver::setBusyTimeout(int milliseconds) const {
    return QStringLiteral("PRAGMA busy_timeout=%1").arg(milliseconds);
}

QStringList SqliteDriver::beginImmediate() const {
    return {QStringLiteral("BEGIN IMMEDIATE")};
}

QString SqliteDriver::expand(QString statement) const {
    return statement.replace(QLatin1String("{pk}"), QLatin1String("INTEGER PRIMARY KEY"));
}

QStringList SqliteDriver::appendOnlyTriggers(const QString &table) const {
    return {
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS %1_no_update BEFORE UPDATE ON %1 "
                       "BEGIN SELECT RAISE(ABORT, '%1 is append-only: record a correction "
                       "instead'); END")
            .arg(table),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS %1_no_delete BEFORE DELETE ON %1 "
                       "BEGIN SELECT RAISE(ABORT, '%1 is append-only: record a correction "
                       "instead'); END")
            .arg(table),
    };
}

QString SqliteDriver::quickCheck() const {
    return QStringLiteral("PRAGMA quick_check");
}

QString SqliteDriver::quickCheck(const QString &table) const {
    return QStringLiteral("PRAGMA quick_check(%1)").arg(table);
}

QString SqliteDriver::integrityCheck() const {
    return QStringLiteral("PRAGMA integrity_check");
}

QString SqliteDriver::snapshotInto() const {
    return QStringLiteral("VACUUM INTO ?");
}

QString SqliteDriver::countTablesNamed() const {
    return QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
}

QString SqliteDriver::countTables() const {
    return QStringLiteral("SELECT COUNT(*) FROM sqlite_master");
}

QString SqliteDriver::tablesAmong(const QStringList &names) const {
    QStringList quoted;
    for (const QString &n : names)
        quoted << u'\'' + QString(n).replace(u'\'', QLatin1String("''")) + u'\'';
    return QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (%1)")
        .arg(quoted.join(QLatin1String(", ")));
}

QString Driver::upsert(const QString &table, const QStringList &columns, const QStringList &key,
                       const QStringList &update) const {
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    QString sql = QStringLiteral("INSERT INTO %1(%2) VALUES (%3) ON CONFLICT(%4) ")
                      .arg(table, columns.join(QLatin1String(", ")),
                           marks.join(QLatin1String(", ")), key.join(QLatin1String(", ")));
    if (update.isEmpty())
        return sql + QStringLiteral("DO NOTHING");
    QStringList sets;
    for (const QString &c : update)
        sets << QStringLiteral("%1 = excluded.%1").arg(c);
    return sql + QStringLiteral("DO UPDATE SET ") + sets.join(QLatin1String(", "));
}

QString SqliteDriver::equalsIgnoringCase(const QString &column) const {
    return column + QStringLiteral(" = ? COLLATE NOCASE");
}

QString SqliteDriver::likeIgnoringCase(const QString &column) const {
    return column + QStringLiteral(" LIKE ? ESCAPE '\\'");
}

QString SqliteDriver::insertionOrder() const {
    return QStringLiteral("rowid");
}

QStringList SqliteDriver::translateSchema(const QString &sqliteStatement) const {
    // A step that widens a column's CHECK says it the PostgreSQL way: "ALTER TABLE t DROP
    // CONSTRAINT t_c_check, ADD CONSTRAINT t_c_check CHECK (c IN (...))". SQLite cannot ALTER a
    // CHECK; a change that only lets more rows in is made by SQLite's documented procedure
    // (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): the
    // table's text in sqlite_master is edited in the step's transaction, the schema is read
    // again, and the schema cookie moves on (two DDL statements) so that every other connection
    // reads it again too. No row, id or index is touched.
    static const QRegularExpression widenCheck(
        QStringLiteral("^ALTER TABLE (\\w+) DROP CONSTRAINT (\\w+), ADD CONSTRAINT \\2 "
                       "CHECK \\((\\w+) IN \\(([^()]*)\\)\\)$"));
    // A function a step makes on a server (schema::journalHeadFunction): a file has none.
    if (sqliteStatement.startsWith(QLatin1String("CREATE OR REPLACE FUNCTION ")))
        return {};
    // A step drops a trigger the PostgreSQL way, naming its table: SQLite names it alone.
    static const QRegularExpression dropTrigger(
        QStringLiteral("^DROP TRIGGER IF EXISTS (\\w+) ON \\w+$"));
    if (const auto d = dropTrigger.match(sqliteStatement.simplified()); d.hasMatch())
        return {QStringLiteral("DROP TRIGGER IF EXISTS ") + d.captured(1)};
    const auto m = widenCheck.match(sqliteStatement.simplified());
    if (!m.hasMatch())
        return {sqliteStatement};
    const QString table = m.captured(1), column = m.captured(3), values = m.captured(4);
    const QString start = QStringLiteral("'CHECK (%1 IN ('").arg(column);
    const QString at = QStringLiteral("instr(sql, %1)").arg(start);
    return {
        QStringLiteral("PRAGMA writable_schema=ON"),
        QStringLiteral("UPDATE sqlite_master SET sql = substr(sql, 1, %1 - 1) || "
                       "'CHECK (%2 IN (%3))' || substr(sql, %1 + instr(substr(sql, %1), '))') + 1) "
                       "WHERE type = 'table' AND name = '%4' AND %1 > 0")
            .arg(at, column, QString(values).replace(u'\'', QLatin1String("''")), table),
        QStringLiteral("PRAGMA writable_schema=RESET"),
        QStringLiteral("CREATE TABLE oasis_schema_changed (x)"),
        QStringLiteral("DROP TABLE oasis_schema_changed"),
    };
}

/// The schema SQLite reaches through every numbered step, as sqlite_master keeps it: built in
/// memory, so a server store is created at the current version from the same steps.
Result<QStringList> SqliteDriver::latestSchema() {
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("oasis-schema-%1").arg(++counter);
    Result<QStringList> result = QStringList();
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        c.setDatabaseName(QStringLiteral(":memory:"));
        const SqliteDriver &sqlite = instance();
        QSqlQuery q(c);
        bool ok = c.open();
        for (const schema::Step &step : schema::steps()) {
            QStringList statements = step.statements;
            for (const QString &table : schema::appendOnlyTables(step.version))
                statements += sqlite.appendOnlyTriggers(table);
            for (const QString &sql : std::as_const(statements))
                for (const QString &statement : sqlite.translateSchema(sqlite.expand(sql)))
                    ok = ok && q.exec(statement);
        }
        ok = ok && q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                                         "ORDER BY rowid"));
        while (ok && q.next())
            result->append(q.value(0).toString());
        if (!ok)
            result = std::unexpected(
                storageError(oasis::tr("Building the schema"),
                             q.lastError().isValid() ? q.lastError() : c.lastError()));
        q.finish();
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// --- SqliteStatements ---------------------------------------------------------------------

namespace {
/// An error as Qt's SQLite driver words it: its own text, SQLite's message, and SQLite's code.
QSqlError sqliteError(sqlite3 *db, const char *what, QSqlError::ErrorType type, int code) {
    const auto *message = static_cast<const QChar *>(sqlite3_errmsg16(db));
    return QSqlError(QString::fromLatin1(what), message ? QString(message) : QString(), type,
                     QString::number(code));
}

/// A value as Qt's SQLite driver reads it.
QVariant columnValue(sqlite3_stmt *st, int column) {
    switch (sqlite3_column_type(st, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(st, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(st, column));
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    case SQLITE_BLOB:
        return QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(st, column)),
                                   sqlite3_column_bytes(st, column)));
    default: {
        const auto *text = static_cast<const QChar *>(sqlite3_column_text16(st, column));
        return QVariant(QString(text, sqlite3_column_bytes16(st, column) / int(sizeof(QChar))));
    }
    }
}

/// SQL NULL: no value, or null bytes (as Qt binds them). A null text is an empty one, as
/// Database binds it through Qt (bindAll()).
bool nullValue(const QVariant &v) {
    switch (v.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return true;
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(v.constData())->isNull();
    default:
        return false;
    }
}
} // namespace

sqlite3 *SqliteStatements::connectionOf(const QVariant &driverHandle) {
    if (!driverHandle.isValid() || qstrcmp(driverHandle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(driverHandle.constData());
}

bool SqliteStatements::binds(const QVariantList &values) {
    return std::all_of(values.begin(), values.end(), [](const QVariant &v) {
        switch (v.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr:
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::Double:
        case QMetaType::QByteArray:
        case QMetaType::QString:
            return true;
        default: // a date, an unsigned 64-bit number…: as Qt binds it
            return false;
        }
    });
}

const SqliteStatements::Kept *SqliteStatements::statement(sqlite3 *db, const QString &key,
                                                          const std::function<QString()> &prepareAs,
                                                          QSqlError &error) {
    if (const auto kept = m_kept.constFind(key); kept != m_kept.cend())
        return &*kept;
    const QString prepared = prepareAs();
    sqlite3_stmt *st = nullptr;
    const void *tail = nullptr;
    const int rc = sqlite3_prepare16_v3(db, prepared.utf16(), int(prepared.size() * sizeof(QChar)),
                                        SQLITE_PREPARE_PERSISTENT, &st, &tail);
    if (rc != SQLITE_OK) {
        error = sqliteError(db, "Unable to execute statement", QSqlError::StatementError, rc);
        sqlite3_finalize(st);
        return nullptr;
    }
    const qsizetype used = static_cast<const QChar *>(tail) - prepared.constData();
    if (tail && !QStringView(prepared).mid(used).trimmed().isEmpty()) {
        error = QSqlError(QStringLiteral("Unable to execute multiple statements at a time"),
                          QString(), QSqlError::StatementError, QString::number(SQLITE_MISUSE));
        sqlite3_finalize(st);
        return nullptr;
    }
    if (!st) // nothing but blanks or a comment: Qt says what
        return nullptr;
    constexpr qsizetype kMaxStatements = 256; // as Database keeps Qt's
    if (m_kept.size() >= kMaxStatements)
        clear();
    return &*m_kept.insert(key, {st, prepared.size() != key.size()});
}

SqliteStatements::Outcome SqliteStatements::run(sqlite3 *db, const QString &key,
                                                const std::function<QString()> &prepared,
                                                const QVariantList &values, Ran &ran,
                                                QSqlError &error) {
    const Kept *kept = statement(db, key, prepared, error);
    if (!kept)
        return error.isValid() ? Outcome::Failed : Outcome::LeftToQt;
    sqlite3_stmt *st = kept->statement;
    ran.returning = kept->returning;
    if (sqlite3_bind_parameter_count(st) != values.size())
        return Outcome::LeftToQt;
    // The values stay alive until the statement is reset below: bound without a copy.
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        int rc = SQLITE_OK;
        if (nullValue(v)) {
            rc = sqlite3_bind_null(st, i + 1);
        } else {
            switch (v.typeId()) {
            case QMetaType::Bool:
            case QMetaType::Int:
                rc = sqlite3_bind_int(st, i + 1, v.toInt());
                break;
            case QMetaType::UInt:
            case QMetaType::LongLong:
                rc = sqlite3_bind_int64(st, i + 1, v.toLongLong());
                break;
            case QMetaType::Double:
                rc = sqlite3_bind_double(st, i + 1, v.toDouble());
                break;
            case QMetaType::QByteArray: {
                const auto *b = static_cast<const QByteArray *>(v.constData());
                rc = sqlite3_bind_blob(st, i + 1, b->constData(), int(b->size()), SQLITE_STATIC);
                break;
            }
            default: { // text (binds() let nothing else through); "" for a null one
                const auto *s = static_cast<const QString *>(v.constData());
                rc = sqlite3_bind_text16(st, i + 1,
                                         s->isNull() ? static_cast<const void *>(u"") : s->utf16(),
                                         int(s->size() * sizeof(QChar)), SQLITE_STATIC);
            }
            }
        }
        if (rc != SQLITE_OK) {
            error = sqliteError(db, "Unable to bind parameters", QSqlError::StatementError, rc);
            sqlite3_clear_bindings(st);
            return Outcome::Failed;
        }
    }
    ran.columns = sqlite3_column_count(st);
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        QVariantList row;
        row.reserve(ran.columns);
        for (int c = 0; c < ran.columns; ++c)
            row.append(columnValue(st, c));
        ran.rows.append(std::move(row));
    }
    if (rc == SQLITE_DONE) {
        ran.changes = sqlite3_changes(db);
        ran.insertId = sqlite3_last_insert_rowid(db);
    } else {
        error = sqliteError(db, "Unable to fetch row", QSqlError::ConnectionError, rc);
    }
    sqlite3_reset(st); // no read lock held while it waits
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? Outcome::Ran : Outcome::Failed;
}

void SqliteStatements::clear() {
    for (const Kept &kept : std::as_const(m_kept))
        sqlite3_finalize(kept.statement);
    m_kept.clear();
}

} // namespace oasis
