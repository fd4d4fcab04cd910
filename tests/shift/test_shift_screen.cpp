// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/shift.h"
#include "pos/screens/reportsscreen.h"
#include "pos/screens/shiftscreen.h"
#include "tests/report/counter.h"

#include <QLineEdit>
#include <QPushButton>

using namespace oasis;
using namespace oasis::test;

TEST_CASE("the shift screen opens a shift with the float counted by denomination", "[shift]") {
    TempDb db(true);
    addRegisters(db.db(), {QStringLiteral("R1")});
    const StaffMember desk = staffNamed(db.db(), QStringLiteral("frontdesk"));
    screens::ScreenContext context;
    context.db = &db.db();
    context.currentUser = [desk] { return desk; };
    context.registerId = QStringLiteral("R1");
    screens::ShiftScreen screen(context);
    screen.findChild<QLineEdit *>(QStringLiteral("count_2000"))->setText(QStringLiteral("5"));
    screen.findChild<QLineEdit *>(QStringLiteral("count_25"))->setText(QStringLiteral("8"));
    QPushButton *open = nullptr;
    for (QPushButton *b : screen.findChildren<QPushButton *>())
        if (b->text().startsWith(QLatin1String("Open shift")))
            open = b;
    REQUIRE(open);
    REQUIRE_FALSE(open->isHidden());
    open->click();
    const Shift shift = value(ShiftService(db.db()).current(QStringLiteral("R1")));
    REQUIRE(shift.openingFloat == Money::fromCents(102'00));
    REQUIRE(open->isHidden()); // a shift is open: the screen offers to close it

    // The reports screen builds its X report and charts over the same database.
    screens::ReportsScreen reports(context);
    reports.refresh();
}
