// SPDX-License-Identifier: GPL-3.0-or-later
// The tamper-evident journal: gap-free sequence, HMAC-SHA256 chain, head anchored outside.
#pragma once

#include "core/error.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>

class QSqlDatabase;

namespace oasis {

class Database;

struct JournalReport {
    bool ok = false;
    qint64 entries = 0;
    qint64 firstBad = 0; ///< 0 when ok
    QString problem;     ///< what is wrong at firstBad, for a person
    /// The chain holds, but its anchor outside the database is gone: a tail cut off with it
    /// cannot be ruled out (also what a database copied without its key folder looks like).
    bool anchorMissing = false;
    qint64 lastSeq = 0; ///< the last entry read
    QString lastHash;
};

/// Every committed business event appends one entry inside its own transaction.
class Journal final {
public:
    /// Appends inside the caller's open transaction. `actor` is the staff name (or "system").
    static Status append(Database &db, const QString &actor, const QString &kind,
                         const QJsonObject &payload);
    /// Walks the whole chain and the outside anchor. Storage failures are errors; tampering is
    /// a report with ok = false.
    static Result<JournalReport> verify(const Database &db);
    /// The same walk on any connection with the journal key, e.g. a snapshot opened read-only
    /// by a backup check; `anchor` (sequence, hash) is the head recorded outside, when known.
    static Result<JournalReport>
    verifyChain(const QSqlDatabase &connection, const QByteArray &key,
                const std::optional<std::pair<qint64, QString>> &anchor = std::nullopt);
    /// Last sequence and hash, as printed on Z reports.
    static Result<std::pair<qint64, QString>> head(const Database &db);
};

} // namespace oasis
