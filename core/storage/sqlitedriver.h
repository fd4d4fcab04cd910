// SPDX-License-Identifier: GPL-3.0-or-later
// SQLite's answers to the Driver questions: the only place the product names SQLite's words.
#pragma once

#include "core/domain/error.h"
#include "core/storage/driver.h"

#include <QHash>
#include <QList>
#include <QSqlError>
#include <QVariant>

#include <functional>

struct sqlite3;
struct sqlite3_stmt;

namespace oasis {

class SqliteDriver final : public Driver {
public:
    static const SqliteDriver &instance();
    /// The schema SQLite reaches through every numbered step, as sqlite_master keeps it (built
    /// in memory): a store on a server is created at the current version from it.
    static Result<QStringList> latestSchema();

    QSqlDatabase addConnection(const QString &name, const QString &location, Access access,
                               int busyTimeoutMs) const override;
    bool isNotADatabase(const QString &nativeErrorCode) const override;
    QStringList statementsOnOpen() const override;
    QStringList readOnlyStatements() const override;
    QString setBusyTimeout(int milliseconds) const override;
    QStringList beginImmediate() const override;
    QString expand(QString statement) const override;
    QStringList appendOnlyTriggers(const QString &table) const override;
    QString quickCheck() const override;
    QString quickCheck(const QString &table) const override;
    QString integrityCheck() const override;
    QString snapshotInto() const override;
    QString countTablesNamed() const override;
    QString countTables() const override;
    QString tablesAmong(const QStringList &names) const override;
    QString equalsIgnoringCase(const QString &column) const override;
    QString likeIgnoringCase(const QString &column) const override;
    QString joinInThisOrder() const override { return QStringLiteral("CROSS JOIN"); }
    QString insertionOrder() const override;
    QStringList translateSchema(const QString &sqliteStatement) const override;
};

/// A statement's whole result.
struct SqliteRan {
    int columns = 0;
    QList<QVariantList> rows;
    int changes = 0;        ///< rows inserted, updated or deleted
    qint64 insertId = 0;    ///< the rowid of the last row inserted (0: none)
    bool returning = false; ///< prepared with a RETURNING clause the caller's SQL has not
};

/// What Database::scalar(), row(), rows() and write() ask of a SQLite file, through SQLite's own
/// API on the connection Qt's driver opened (QSqlDriver::handle()), without Qt's per-statement
/// machinery (its bound-value lists, cached result and record). Each statement is prepared once
/// and kept by its SQL, run to its end, and reset at once, so it holds no read lock while it
/// waits. Values go in and come out as Qt's driver binds and reads them, so a caller cannot tell
/// the two apart: an integer as qint64, text as QString, a blob as QByteArray, NULL as a null
/// QString; an error as the QSqlError Qt's driver would make of it.
class SqliteStatements final {
public:
    SqliteStatements() = default;
    SqliteStatements(const SqliteStatements &) = delete;
    SqliteStatements &operator=(const SqliteStatements &) = delete;
    ~SqliteStatements() { clear(); }

    /// The connection Qt's driver handed out (its handle()), or none.
    static sqlite3 *connectionOf(const QVariant &driverHandle);

    /// Whether every value is one run() binds itself (null, integers, flags, doubles, text,
    /// bytes): the rest are left to Qt.
    static bool binds(const QVariantList &values);

    using Ran = SqliteRan;
    enum class Outcome {
        Ran,      ///< `ran` holds its rows and counts
        Failed,   ///< `error` says why, as Qt's SQLite driver would
        LeftToQt, ///< its placeholders are not one per value: Qt runs it
    };
    /// Runs the statement kept as `key` with `values` on `db`, every row read; prepared first,
    /// as `prepared()` says, when none is kept.
    Outcome run(sqlite3 *db, const QString &key, const std::function<QString()> &prepared,
                const QVariantList &values, Ran &ran, QSqlError &error);

    /// Finalises every statement kept: before the connection closes, or when a migration
    /// changed what a statement is prepared as.
    void clear();

private:
    struct Kept {
        sqlite3_stmt *statement = nullptr;
        bool returning = false;
    };
    const Kept *statement(sqlite3 *db, const QString &key, const std::function<QString()> &prepared,
                          QSqlError &error);
    QHash<QString, Kept> m_kept;
};

} // namespace oasis
