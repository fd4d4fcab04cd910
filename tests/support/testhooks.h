// SPDX-License-Identifier: GPL-3.0-or-later
// Test builds only: a clock that tests can fix and move, and test points where a test runs the
// other side of a race. tests/support/testhooks.cpp defines them; shipped binaries link
// core/hooks/systemhooks.cpp instead and have neither.
#pragma once

#include <QDateTime>

#include <functional>

namespace oasis::test {

class TestClock final {
public:
    /// Fixes the time for this process; an invalid date-time returns to the real clock.
    static void set(const QDateTime &utc);
    static void advance(qint64 seconds);
};

/// Runs `action` once, the first time the test point `name` is reached (on any thread), and
/// removes it on destruction. While `action` runs the service that reached the point waits.
class AtTestPoint final {
public:
    AtTestPoint(const char *name, std::function<void()> action);
    ~AtTestPoint();
    AtTestPoint(const AtTestPoint &) = delete;
    AtTestPoint &operator=(const AtTestPoint &) = delete;
    /// Whether the point was reached (and the action ran).
    bool reached() const;

private:
    int m_id;
};

} // namespace oasis::test
