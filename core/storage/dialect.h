// SPDX-License-Identifier: GPL-3.0-or-later
// The one seam where SQLite-only syntax lives. PostgreSQL (QPSQL) is the planned second engine.
#pragma once

#include <QString>
#include <QStringList>

namespace oasis::dialect {

/// Statements run on every open: WAL, full sync, foreign keys.
QStringList pragmasOnOpen();
/// The statement that starts a write transaction holding the write lock from the start.
QString beginImmediate();
/// Expands {pk} (an auto-increment integer primary key) in a portable statement.
QString expand(QString statement);
/// Triggers that make `table` refuse UPDATE and DELETE.
QStringList appendOnlyTriggers(const QString &table);
/// A quick structural check; returns the statement whose single "ok" row means healthy.
QString quickCheck();
/// The same check limited to one table and its indexes.
QString quickCheck(const QString &table);
QString integrityCheck();
/// An online, consistent copy of the open database to a new file.
QString snapshotInto();

} // namespace oasis::dialect
