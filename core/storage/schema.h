// SPDX-License-Identifier: GPL-3.0-or-later
// Numbered schema steps. A shipped step is never edited: add a new one.
#pragma once

#include <QStringList>

#include <vector>

namespace oasis::schema {

struct Step {
    int version;
    const char *summary;
    QStringList statements; ///< portable SQL; {pk} and append-only triggers come from the driver
};

const std::vector<Step> &steps();
/// From this version on, each journal entry records the rows of the books its operation wrote;
/// the step itself records where the earlier, unrecorded history ends (Journal::markHistory).
inline constexpr int kBooksJournaled = 12;
int latestVersion();

/// Tables whose rows are never updated or deleted: corrections are new rows.
QStringList appendOnlyTables(int version);
/// The server's function that locks the journal's head and reads it in one round trip
/// (PostgresDriver::lockedJournalHead): made by step 21 and with every new store on a server;
/// nothing on a file.
QString journalHeadFunction();

/// Tables that triggers alone write (stock levels and the report rollups): read-only to the
/// registers' role on a server.
QStringList derivedTables();

} // namespace oasis::schema
