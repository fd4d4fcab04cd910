// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/clock.h"

#include <QTimeZone>

#include <limits>
#include <optional>

namespace oasis {

namespace {
/// `n` as `digits` decimal digits at `text[at]`.
void putDigits(char16_t *text, int at, int digits, int n) {
    for (int i = at + digits - 1; i >= at; --i, n /= 10)
        text[i] = char16_t(u'0' + n % 10);
}

/// "yyyy-MM-dd" at `text[0]`, for a valid date of the years 0 to 9999.
void putDate(char16_t *text, const QDate &d) {
    putDigits(text, 0, 4, d.year());
    text[4] = u'-';
    putDigits(text, 5, 2, d.month());
    text[7] = u'-';
    putDigits(text, 8, 2, d.day());
}

bool fourDigitYear(const QDate &d) {
    return d.isValid() && d.year() >= 0 && d.year() <= 9999;
}
} // namespace

QString toStorageTime(const QDateTime &utc) {
    // Digit by digit, as QDateTime::toString("yyyy-MM-ddTHH:mm:ss.zzzZ") writes it (its
    // formatter is most of the cost: a sale writes half a dozen times).
    const QDateTime t = utc.toUTC();
    const QTime c = t.time();
    if (!fourDigitYear(t.date()) || !c.isValid())
        return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    char16_t text[24];
    putDate(text, t.date());
    text[10] = u'T';
    putDigits(text, 11, 2, c.hour());
    text[13] = u':';
    putDigits(text, 14, 2, c.minute());
    text[16] = u':';
    putDigits(text, 17, 2, c.second());
    text[19] = u'.';
    putDigits(text, 20, 3, c.msec());
    text[23] = u'Z';
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

QString storeTimeText(const QDateTime &utc, const QTimeZone &zone) {
    if (!utc.isValid())
        return {};
    const QDateTime local = zone.isValid() ? utc.toTimeZone(zone) : utc.toLocalTime();
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm t"));
}

QString toStorageDate(const QDate &date) {
    if (!fourDigitYear(date))
        return date.toString(Qt::ISODate);
    char16_t text[10];
    putDate(text, date);
    return QString(reinterpret_cast<const QChar *>(text), 10);
}

namespace {
std::optional<qint64> storageMsecs(const QString &t);
} // namespace

QDateTime fromStorageTime(const QString &text) {
    // The form toStorageTime() writes is read digit by digit; any other through Qt's parser.
    if (const std::optional<qint64> ms = storageMsecs(text))
        return QDateTime::fromMSecsSinceEpoch(*ms, QTimeZone::utc());
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

LocalDates::LocalDates(const QTimeZone &zone)
    : m_zone(zone) {}

namespace {
constexpr qint64 kEpochJulianDay = 2440588; // 1970-01-01

/// Milliseconds since the epoch of "yyyy-MM-ddTHH:mm:ss.zzzZ" read digit by digit (QDateTime's
/// parser is most of the cost of a long list); nullopt for any other text.
std::optional<qint64> storageMsecs(const QString &t) {
    if (t.size() != 24 || t[4] != u'-' || t[7] != u'-' || t[10] != u'T' || t[13] != u':' ||
        t[16] != u':' || t[19] != u'.' || t[23] != u'Z')
        return std::nullopt;
    auto number = [&t](int at, int digits) -> int {
        int n = 0;
        for (int i = at; i < at + digits; ++i) {
            const char16_t c = t[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    const int y = number(0, 4), mo = number(5, 2), d = number(8, 2);
    const int h = number(11, 2), mi = number(14, 2), s = number(17, 2), ms = number(20, 3);
    const QDate date(y, mo, d);
    if (!date.isValid() || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || ms < 0)
        return std::nullopt;
    return ((date.toJulianDay() - kEpochJulianDay) * 86400 + h * 3600 + mi * 60 + s) * 1000 + ms;
}
} // namespace

QDate LocalDates::of(const QString &storageTime) {
    const std::optional<qint64> utc = storageMsecs(storageTime);
    if (!utc) {
        const QDateTime t = fromStorageTime(storageTime);
        return t.isValid() ? t.toTimeZone(m_zone).date() : QDate();
    }
    if (*utc < m_from || *utc >= m_to) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(*utc, QTimeZone::utc());
        m_offsetMs = qint64(m_zone.offsetFromUtc(at)) * 1000;
        m_from = std::numeric_limits<qint64>::min();
        m_to = std::numeric_limits<qint64>::max();
        if (m_zone.hasTransitions()) {
            // A transition exactly at `at` starts the stretch `at` belongs to.
            const QTimeZone::OffsetData next = m_zone.nextTransition(at);
            const QTimeZone::OffsetData previous = m_zone.previousTransition(at.addMSecs(1));
            if (next.atUtc.isValid())
                m_to = next.atUtc.toMSecsSinceEpoch();
            if (previous.atUtc.isValid())
                m_from = previous.atUtc.toMSecsSinceEpoch();
        }
    }
    const qint64 local = *utc + m_offsetMs;
    constexpr qint64 kDay = 86'400'000;
    const qint64 days = local >= 0 ? local / kDay : -((-local + kDay - 1) / kDay);
    return QDate::fromJulianDay(kEpochJulianDay + days);
}

} // namespace oasis
