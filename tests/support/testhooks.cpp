// SPDX-License-Identifier: GPL-3.0-or-later
// The clock and test points of test executables (see core/clock.h). Compiled into each test
// executable as one of its own sources, in place of core/hooks/systemhooks.cpp.
#include "tests/support/testhooks.h"

#include "core/domain/clock.h"

#include <cstring>
#include <map>
#include <mutex>
#include <string>

namespace oasis {

namespace {
std::mutex g_mutex;
QDateTime g_fixed;

struct Point {
    std::string name;
    std::function<void()> action;
    bool reached = false;
};
std::map<int, Point> g_points;
int g_nextPoint = 0;
} // namespace

QDateTime Clock::nowUtc() {
    std::lock_guard lock(g_mutex);
    return g_fixed.isValid() ? g_fixed : QDateTime::currentDateTimeUtc();
}

void testPoint(const char *name) {
    std::function<void()> action;
    {
        std::lock_guard lock(g_mutex);
        for (auto &[id, p] : g_points)
            if (!p.reached && p.name == name) {
                p.reached = true;
                action = p.action;
                break;
            }
    }
    if (action)
        action();
}

namespace test {

void TestClock::set(const QDateTime &utc) {
    std::lock_guard lock(g_mutex);
    g_fixed = utc.isValid() ? utc.toUTC() : QDateTime();
}

void TestClock::advance(qint64 seconds) {
    std::lock_guard lock(g_mutex);
    if (!g_fixed.isValid())
        g_fixed = QDateTime::currentDateTimeUtc();
    g_fixed = g_fixed.addSecs(seconds);
}

AtTestPoint::AtTestPoint(const char *name, std::function<void()> action) {
    std::lock_guard lock(g_mutex);
    m_id = ++g_nextPoint;
    g_points[m_id] = Point{name, std::move(action), false};
}

AtTestPoint::~AtTestPoint() {
    std::lock_guard lock(g_mutex);
    g_points.erase(m_id);
}

bool AtTestPoint::reached() const {
    std::lock_guard lock(g_mutex);
    auto it = g_points.find(m_id);
    return it != g_points.end() && it->second.reached;
}

} // namespace test
} // namespace oasis
