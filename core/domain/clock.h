// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that reads the time. Which clock answers is chosen when an executable is linked:
// the shipped ones link core/hooks/systemhooks.cpp (the system clock, nothing else); test
// executables link tests/support/testhooks.cpp, which can stand at midnight or skip five minutes.
#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace oasis {

/// Now in UTC.
class Clock final {
public:
    static QDateTime nowUtc();
};

/// A named moment between a service's check and its write ("giftcard.cashout.checked").
/// Shipped binaries do nothing there; a test build may run the other side of a race there, so
/// interleaving tests are deterministic instead of lucky.
void testPoint(const char *name);

/// UTC timestamps are stored as ISO 8601 text with milliseconds and a Z: they sort as text.
QString toStorageTime(const QDateTime &utc);
QDateTime fromStorageTime(const QString &text);
/// A date as stored ("yyyy-MM-dd"): the text of QDate::toString(Qt::ISODate), written digit by
/// digit (Qt formats it through asprintf).
QString toStorageDate(const QDate &date);
/// A moment as people at the store read it: "2026-12-05 14:29 PST", in the store's time zone
/// (only storage is UTC).
QString storeTimeText(const QDateTime &utc, const QTimeZone &zone);

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
