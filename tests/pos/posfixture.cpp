// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/pos/posfixture.h"

#include "core/domain/clock.h"

#include <QLocale>

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

} // namespace oasis::app::postest
