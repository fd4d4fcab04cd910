// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that reads the time, so tests can stand at midnight or skip five minutes.
#pragma once

#include <QDateTime>

namespace oasis {

/// Now in UTC. Real time unless a test (or the environment variable OASIS_NOW, an ISO 8601
/// date-time, for scripted acceptance runs) fixes it.
class Clock final {
public:
    static QDateTime nowUtc();
    /// Fixes the time for this process; an invalid date-time returns to the real clock.
    static void set(const QDateTime &utc);
    static void advance(qint64 seconds);
};

/// UTC timestamps are stored as ISO 8601 text with milliseconds and a Z: they sort as text.
QString toStorageTime(const QDateTime &utc);
QDateTime fromStorageTime(const QString &text);

} // namespace oasis
