// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that reads the time, so tests can stand at midnight or skip five minutes.
#pragma once

#include <QDateTime>
#include <QTimeZone>

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

/// The calendar date in one time zone of stored UTC times, for long lists (every gift card
/// issued): the same answer as fromStorageTime(t).toTimeZone(zone).date(), with the zone's
/// offset looked up once per stretch between two of its transitions instead of once per row.
class LocalDates final {
public:
    explicit LocalDates(const QTimeZone &zone);
    /// Invalid when `storageTime` is not a storage time.
    QDate of(const QString &storageTime);

private:
    QTimeZone m_zone;
    // The stretch [m_from, m_to) of milliseconds since the epoch where m_offsetMs applies.
    qint64 m_from = 0;
    qint64 m_to = 0;
    qint64 m_offsetMs = 0;
};

} // namespace oasis
