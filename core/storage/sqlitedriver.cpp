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
    // stock levels, a card's ledger) stay in memory on a store's years of data.
    return {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
            QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA cache_size=-16384")};
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

} // namespace oasis
