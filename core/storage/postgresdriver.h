// SPDX-License-Identifier: GPL-3.0-or-later
// PostgreSQL's answers to the Driver questions (DESIGN §13): a store on a server, opened by a
// libpq URL (postgresql://USER@HOST[:PORT]/DBNAME, or ?host=/socket/dir), through Qt's QPSQL.
#pragma once

#include "core/storage/driver.h"

namespace oasis {

class PostgresDriver final : public Driver {
public:
    static const PostgresDriver &instance();

    /// Whether `location` names a store on a PostgreSQL server.
    static bool isUrl(const QString &location);
    /// What is wrong with the URL `location` (a password in it, no database name, ...), or empty.
    static QString urlProblem(const QString &location);
    /// `location` as a message shows it: without a password, also when it is not a valid URL.
    static QString shownUrl(const QString &location);

    QSqlDatabase addConnection(const QString &name, const QString &location, Access access,
                               int busyTimeoutMs) const override;
    bool isServer() const override { return true; }
    bool isNotADatabase(const QString &nativeErrorCode) const override;
    QStringList statementsOnOpen() const override;
    QStringList readOnlyStatements() const override;
    QString setBusyTimeout(int milliseconds) const override;
    QStringList beginImmediate() const override;
    QStringList beginShared(const QStringList &firstLocks) const override;
    QString lockExpression(int space, const QString &key) const override;
    int columnCount(const QSqlQuery &query) const override;
    QStringList columnNames(const QSqlQuery &query) const override;
    QString literal(const QVariant &value) const override;
    QString lockedJournalHead(int space) const override;
    bool isRetryable(const QString &nativeErrorCode, const QString &text) const override;
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
    QString insertionOrder() const override;
    QStringList translateSchema(const QString &sqliteStatement) const override;
    QString identityColumns() const override;
    QStringList grantRegister(const QString &role, const QStringList &books,
                              const QStringList &derived, const QStringList &others) const override;
};

} // namespace oasis
