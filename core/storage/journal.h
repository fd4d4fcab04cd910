// SPDX-License-Identifier: GPL-3.0-or-later
// The tamper-evident journal: gap-free sequence, HMAC-SHA256 chain, head anchored outside.
#pragma once

#include "core/domain/error.h"
#include "core/domain/journalreport.h"

#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>
#include <utility>

class QSqlDatabase;
class QSqlQuery;

namespace oasis {

class Database;

/// Every committed business event appends one entry inside its own transaction.
class Journal final {
public:
    /// Appends inside the caller's open transaction. `actor` is the staff name (or "system").
    /// The entry also records the rows of the books written since the previous entry (their ids
    /// and a digest of their columns, under the payload's "books").
    static Status append(Database &db, const QString &actor, const QString &kind,
                         const QJsonObject &payload);
    /// Walks the whole chain and the outside anchor, then checks the books against it: every
    /// recorded row still there and unchanged, every row of the books recorded by one entry.
    /// Storage failures are errors; tampering is a report with ok = false, a damaged file one
    /// with damaged = true.
    static Result<JournalReport> verify(const Database &db);
    /// The columns an entry records of `table` (a table of the books, sale_taxes included), in
    /// the digest's order and key first; empty for any other table. An INSERT into the books
    /// asks these back (RETURNING), so the entry records its rows as written, with no read.
    static QString recordedColumns(QStringView table);
    /// A row of recorded columns, as a driver read it, as the digest serialises it.
    static QByteArray serialisedRow(const QVariantList &row);
    /// Appends, inside the caller's transaction, a "books_history" entry saying that the rows of
    /// the books there now were written before entries recorded them (a store upgraded from an
    /// earlier version, the bench's generated history); nothing when the books are empty.
    static Status markHistory(Database &db, const QString &actor);
    /// The same walk on any connection with the journal key, e.g. a snapshot opened read-only
    /// by a backup check; `anchor` (sequence, hash) is the head recorded outside, when known.
    static Result<JournalReport>
    verifyChain(const QSqlDatabase &connection, const QByteArray &key,
                const std::optional<std::pair<qint64, QString>> &anchor = std::nullopt);
    /// Last sequence and hash, as printed on Z reports.
    static Result<std::pair<qint64, QString>> head(const Database &db);

private:
    static Result<QJsonObject> recordBooks(const Database &db);
    static Status verifyBooks(const Database &db, JournalReport &report);
};

} // namespace oasis
