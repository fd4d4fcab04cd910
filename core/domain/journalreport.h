// SPDX-License-Identifier: GPL-3.0-or-later
// What `journal verify` found: the chain, its anchor outside the database, and the books.
#pragma once

#include <QString>

namespace oasis {

struct JournalReport {
    bool ok = false;
    qint64 entries = 0;
    qint64 firstBad = 0; ///< 0 when ok
    QString problem;     ///< what is wrong at firstBad, for a person
    /// The chain holds, but its anchor outside the database is gone: a tail cut off with it
    /// cannot be ruled out (also what a database copied without its key folder looks like).
    bool anchorMissing = false;
    /// The database file itself is damaged (an unreadable page, a failed integrity check):
    /// nothing can be said about tampering; restore the latest backup.
    bool damaged = false;
    /// The anchor file is there but empty, cut short or garbled.
    bool anchorUnreadable = false;
    qint64 lastSeq = 0; ///< the last entry read
    QString lastHash;
};

} // namespace oasis
