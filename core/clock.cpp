// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/clock.h"

#include <QTimeZone>

#include <mutex>

namespace oasis {

namespace {
std::mutex g_mutex;
QDateTime g_fixed;
bool g_envRead = false;

void readEnvironmentOnce() {
    if (g_envRead)
        return;
    g_envRead = true;
    const QByteArray env = qgetenv("OASIS_NOW");
    if (!env.isEmpty()) {
        QDateTime t = QDateTime::fromString(QString::fromLatin1(env), Qt::ISODateWithMs);
        if (t.isValid())
            g_fixed = t.toUTC();
    }
}
} // namespace

QDateTime Clock::nowUtc() {
    std::lock_guard lock(g_mutex);
    readEnvironmentOnce();
    return g_fixed.isValid() ? g_fixed : QDateTime::currentDateTimeUtc();
}

void Clock::set(const QDateTime &utc) {
    std::lock_guard lock(g_mutex);
    g_envRead = true;
    g_fixed = utc.isValid() ? utc.toUTC() : QDateTime();
}

void Clock::advance(qint64 seconds) {
    std::lock_guard lock(g_mutex);
    readEnvironmentOnce();
    if (!g_fixed.isValid())
        g_fixed = QDateTime::currentDateTimeUtc();
    g_fixed = g_fixed.addSecs(seconds);
}

QString toStorageTime(const QDateTime &utc) {
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime fromStorageTime(const QString &text) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

} // namespace oasis
