// SPDX-License-Identifier: GPL-3.0-or-later
// The one seam between the product's SQL and a database engine (DESIGN §3, §13): each engine
// has one Driver that answers "how do I say this here" (in the manner of KMyMoney's
// MyMoneyDbDriver). Every engine-specific word (pragmas, triggers, upserts, case-insensitive
// comparison, insertion order, integrity checks, online copies, the Qt driver and its connect
// options) is said here and nowhere else; storage and services ask the store's driver
// (Database::driver()). SQLite is core/storage/sqlitedriver.cpp, PostgreSQL
// core/storage/postgresdriver.cpp.
#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;
class QSqlQuery;

namespace oasis {

class Driver {
public:
    virtual ~Driver();

    /// The driver of the store at `location`: a postgresql:// URL, else a SQLite file path.
    static const Driver &forLocation(const QString &location);

    /// A store on a server (no file of its own: no file checks, no WAL, no VACUUM INTO).
    virtual bool isServer() const { return false; }

    enum class Access {
        ReadWrite, ///< the store itself
        ReadOnly,  ///< reading a file another program may be writing
        Immutable, ///< a snapshot file: read as it is, nothing written beside it (no locks)
    };
    /// Adds a Qt connection named `name` to the store at `location` (not opened yet).
    virtual QSqlDatabase addConnection(const QString &name, const QString &location, Access access,
                                       int busyTimeoutMs = 5000) const = 0;
    /// Whether a failed first read says the file is not a database of this engine or is
    /// damaged beyond use (the engine's native error code).
    virtual bool isNotADatabase(const QString &nativeErrorCode) const = 0;

    /// Statements run on every open (journal mode, synchronous writes, foreign keys); none where
    /// the connection itself carries its settings (a server's).
    virtual QStringList statementsOnOpen() const = 0;
    /// Statements that make a connection read-only (a snapshot).
    virtual QStringList readOnlyStatements() const = 0;
    /// The statement that bounds how long a connection waits for a lock; empty where the
    /// connection was opened with it (a server's, from addConnection's busyTimeoutMs).
    virtual QString setBusyTimeout(int milliseconds) const = 0;
    /// The statements that start a write transaction holding the write lock from the start.
    virtual QStringList beginImmediate() const = 0;
    /// The statements that start a sale's write transaction: sharing the store's write lock with
    /// other sales where the engine lets writers work at once (a server), taking first the locks
    /// `firstLocks` (lockExpression()s); the whole lock elsewhere (a file: beginImmediate()).
    virtual QStringList beginShared(const QStringList &firstLocks) const {
        Q_UNUSED(firstLocks)
        return beginImmediate();
    }
    /// An expression that takes the transaction's exclusive lock on key `key` (an integer SQL
    /// expression) of lock space `space`; empty where one writer at a time needs none (a file).
    virtual QString lockExpression(int space, const QString &key) const {
        Q_UNUSED(space)
        Q_UNUSED(key)
        return {};
    }
    /// A statement that takes the lock lockExpression(`space`, "0") names and then reads the
    /// journal's head (seq, hash) as committed once the lock was had, in one round trip; empty
    /// where the lock and the read take two statements (or the engine needs no lock).
    virtual QString lockedJournalHead(int space) const {
        Q_UNUSED(space)
        return {};
    }
    /// How many columns the result `query` is on has, and their names. Qt's record() says both,
    /// but a server's driver builds it with the name of each column's table, which it asks the
    /// server for, one round trip per table the connection has not read yet.
    virtual int columnCount(const QSqlQuery &query) const;
    virtual QStringList columnNames(const QSqlQuery &query) const;
    /// `value` as an SQL literal (a number, else text), for a statement sent without binds.
    virtual QString literal(const QVariant &value) const;
    /// Whether a failed statement's native error code says another transaction crossed this
    /// one (deadlock, serialization failure): the whole operation may simply run again.
    virtual bool isRetryable(const QString &nativeErrorCode, const QString &text) const {
        Q_UNUSED(nativeErrorCode)
        Q_UNUSED(text)
        return false;
    }
    /// Expands {pk} (an auto-increment integer primary key) in a portable statement.
    virtual QString expand(QString statement) const = 0;
    /// Statements that make `table` refuse UPDATE and DELETE.
    virtual QStringList appendOnlyTriggers(const QString &table) const = 0;

    /// A quick structural check whose single "ok" row means healthy; the same for one table.
    virtual QString quickCheck() const = 0;
    virtual QString quickCheck(const QString &table) const = 0;
    virtual QString integrityCheck() const = 0;
    /// An online, consistent copy of the open database to the new file bound as `?`.
    virtual QString snapshotInto() const = 0;
    /// Counts the tables named in the bound `?` (one row, one column); with no name: all tables.
    virtual QString countTablesNamed() const = 0;
    virtual QString countTables() const = 0;
    /// The tables among `names` (one column: the name).
    virtual QString tablesAmong(const QStringList &names) const = 0;

    /// INSERT of `columns` into `table` that, on a row with the same `key`, sets `update`
    /// (none: leaves the existing row as it is).
    virtual QString upsert(const QString &table, const QStringList &columns, const QStringList &key,
                           const QStringList &update) const;
    /// `column = ?`, ignoring letter case.
    virtual QString equalsIgnoringCase(const QString &column) const = 0;
    /// `column LIKE ?` ignoring letter case (ASCII at least), a backslash escaping % and _.
    virtual QString likeIgnoringCase(const QString &column) const = 0;
    /// A join that the planner must do in the order written (SQLite's CROSS JOIN ... ON).
    virtual QString joinInThisOrder() const { return QStringLiteral("JOIN"); }
    /// What orders rows of a table without an integer key as they were inserted.
    virtual QString insertionOrder() const = 0;

    /// The statements that say, on this engine, what one statement of the schema (as SQLite
    /// keeps it in sqlite_master) says: a server store is created at the current version from
    /// the schema SQLite reaches by the numbered steps (DESIGN §3, §13).
    virtual QStringList translateSchema(const QString &sqliteStatement) const = 0;
    /// The statements that let the server role `role` do what a register does: SELECT and
    /// INSERT on `books` (never UPDATE, DELETE or TRUNCATE), SELECT only on `derived` (kept by
    /// the triggers alone), all of SELECT, INSERT, UPDATE and DELETE on `others`. Empty where
    /// the engine has no roles (a file).
    virtual QStringList grantRegister(const QString &role, const QStringList &books,
                                      const QStringList &derived, const QStringList &others) const {
        Q_UNUSED(role)
        Q_UNUSED(books)
        Q_UNUSED(derived)
        Q_UNUSED(others)
        return {};
    }
    /// A query listing (table, column) of the keys the engine numbers itself, when an INSERT
    /// must ask for them (RETURNING); empty when the engine says the last one by itself.
    virtual QString identityColumns() const { return {}; }
};

} // namespace oasis
