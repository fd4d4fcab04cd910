// SPDX-License-Identifier: GPL-3.0-or-later
// Where the product's own log lines go (failed gift-card lookups, printer trouble, ...).
#pragma once

#include <QString>

namespace oasis {

/// Sends the "oasis.*" logging categories to `path` (appended, one line each with a UTC time)
/// and drops Qt's own chatter unless OASIS_DEBUG is set, so scripts see one line on stderr.
void installLogFile(const QString &path);
/// The default log file: oasis.log beside the default database.
QString defaultLogPath();
/// The log of the store at `location`: oasis.log beside a database file; the default log for a
/// store on a server (`onServer`), which has no folder of its own, or for no location.
QString logPathFor(const QString &location, bool onServer);

} // namespace oasis
