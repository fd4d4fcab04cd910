// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/pos/posfixture.h"
#include "tests/pos/registercounter.h"

#include "core/domain/clock.h"

#include <QApplication>
#include <QLineEdit>
#include <QLocale>
#include <QTest>

namespace oasis::app::postest {

PosClock::PosClock() {
    test::TestClock::set(QDateTime(QDate(2026, 3, 10), QTime(18, 0), Qt::UTC));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

PosClock::~PosClock() {
    test::TestClock::set(QDateTime());
}

StaffMember frontDesk(Database &db) {
    return oasis::test::value(StaffService(db).find(QStringLiteral("frontdesk")));
}

RegisterCounter::RegisterCounter() {
    window.resize(1366, 768);
    window.show();
    window.startSession(frontDesk(tdb.db()));
    // Shortcuts reach only the active window.
    QApplication::setActiveWindow(&window);
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
}

void RegisterCounter::scan(const QString &text) {
    QTest::keyClicks(reg->scanField(), text);
    QTest::keyClick(reg->scanField(), Qt::Key_Return);
}

} // namespace oasis::app::postest
