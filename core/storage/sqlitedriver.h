// SPDX-License-Identifier: GPL-3.0-or-later
// SQLite's answers to the Driver questions: the only place the product names SQLite's words.
#pragma once

#include "core/domain/error.h"
#include "core/storage/driver.h"

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

} // namespace oasis
