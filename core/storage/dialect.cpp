// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/dialect.h"

namespace oasis::dialect {

QStringList pragmasOnOpen() {
    // A 16 MB page cache (SQLite's default is 2 MB): the index pages a sale touches (items,
    // stock levels, a card's ledger) stay in memory on a store's years of data.
    return {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
            QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA cache_size=-16384")};
}

QString beginImmediate() {
    return QStringLiteral("BEGIN IMMEDIATE");
}

QString expand(QString statement) {
    return statement.replace(QLatin1String("{pk}"), QLatin1String("INTEGER PRIMARY KEY"));
}

QStringList appendOnlyTriggers(const QString &table) {
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

QString quickCheck() {
    return QStringLiteral("PRAGMA quick_check");
}
QString quickCheck(const QString &table) {
    return QStringLiteral("PRAGMA quick_check(%1)").arg(table);
}

QString integrityCheck() {
    return QStringLiteral("PRAGMA integrity_check");
}
QString snapshotInto() {
    return QStringLiteral("VACUUM INTO ?");
}

} // namespace oasis::dialect
