// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/inventory.h"
#include "core/services/shift.h"
#include "core/services/staff.h"
#include "pos/app/appstyle.h"
#include "pos/app/backoffice.h"
#include "pos/app/mainwindow.h"
#include "pos/app/registerwidget.h"
#include "pos/screens/inventoryscreen.h"
#include "pos/screens/reportsscreen.h"
#include "pos/screens/shiftscreen.h"
#include "tests/pos/posfixture.h"

#include <QLabel>
#include <QTest>

using namespace oasis;
using namespace oasis::app;

namespace {
QString lowStockText(Database &db) {
    const int low = test::value(InventoryService(db).lowStockCount());
    REQUIRE(low > 1);
    return QStringLiteral("%1 products low on stock").arg(low);
}
/// As a click on the header does: the screen is shown, and what showing it queued runs.
void showScreen(MainWindow &window, const QString &id) {
    window.showScreen(id);
    QCoreApplication::processEvents();
}
} // namespace

TEST_CASE("the status bar counts low stock beside the register, after the first picture and "
          "after each sale",
          "[pos][backoffice]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    installTranslations(*qApp);
    // Two products are below their reorder point before the app starts.
    test::rawSql(tdb.path(), QStringLiteral("UPDATE items SET reorder_point = 1000 WHERE id IN "
                                            "(SELECT id FROM items WHERE type = 'product' "
                                            "ORDER BY id LIMIT 2)"));
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    installBackOffice(window, tdb.db(), QStringLiteral("test-register"));
    auto *status = window.findChild<QLabel *>(QStringLiteral("storeStatus"));
    REQUIRE(status);
    REQUIRE(status->text().isEmpty()); // nothing is counted before the window shows
    REQUIRE(window.findChild<RegisterWidget *>() == nullptr); // nor is the register built
    window.show();
    const QString before = lowStockText(tdb.db());
    CHECK(QTest::qWaitFor([&] { return status->text().contains(before); }, 5000));
    REQUIRE(status->text() == QStringLiteral("No shift open   ·   ") + before);
    // While the PIN is typed, the register is built behind the pad, its buttons not yet loaded.
    CHECK(QTest::qWaitFor([&] { return window.findChild<RegisterWidget *>() != nullptr; }, 5000));
    REQUIRE(window.isLocked());

    // A sale elsewhere (another register) sold out three more; this register's next sale
    // refreshes the count, and two refreshes close together end on the latest count.
    test::rawSql(tdb.path(), QStringLiteral("UPDATE items SET reorder_point = 1000 WHERE id IN "
                                            "(SELECT id FROM items WHERE type = 'product' "
                                            "ORDER BY id DESC LIMIT 3)"));
    const QString after = lowStockText(tdb.db());
    REQUIRE(after != before);
    Q_EMIT window.registerScreen()->saleCompleted(1);
    Q_EMIT window.registerScreen()->saleCompleted(2);
    CHECK(QTest::qWaitFor([&] { return status->text().contains(after); }, 5000));
    REQUIRE(status->text() == QStringLiteral("No shift open   ·   ") + after);
}

TEST_CASE("a shift opened or closed elsewhere shows on the Shift screen and in the status bar "
          "when the screen is next shown",
          "[pos][backoffice][shift]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    installTranslations(*qApp);
    const QString reg = QStringLiteral("test-register");
    MainWindow window(tdb.db(), reg);
    installBackOffice(window, tdb.db(), reg);
    auto *status = window.findChild<QLabel *>(QStringLiteral("storeStatus"));
    REQUIRE(status);
    window.show();
    CHECK(QTest::qWaitFor([&] { return status->text().startsWith(u"No shift open"); }, 5000));
    REQUIRE(QTest::qWaitFor([&] { return window.findChild<RegisterWidget *>() != nullptr; }, 5000));
    window.startSession(test::value(StaffService(tdb.db()).find(QStringLiteral("manager"))));
    showScreen(window, QStringLiteral("shift"));
    auto *screen = window.findChild<screens::ShiftScreen *>();
    REQUIRE(screen);
    auto *heading = screen->findChild<QLabel *>(QStringLiteral("shiftStatus"));
    REQUIRE(heading);
    CHECK(heading->text() == QStringLiteral("No shift is open on this register"));
    showScreen(window, QStringLiteral("register"));

    // oasisctl opens a shift on this register meanwhile, on a connection of its own.
    auto other = test::value(Database::open(tdb.path(), tdb.options()));
    const StaffMember maya = test::value(StaffService(*other).find(QStringLiteral("frontdesk")));
    const Shift opened =
        test::value(ShiftService(*other).open(Money::fromCents(150'00), maya, reg));
    showScreen(window, QStringLiteral("shift"));
    CHECK(heading->text().startsWith(QStringLiteral("Shift %1 open since ").arg(opened.id)));
    // Named as the receipts name people, not by login.
    CHECK(heading->text().endsWith(QStringLiteral(", by Maya (front desk)")));
    CHECK(QTest::qWaitFor([&] { return status->text().startsWith(u"Shift open since"); }, 5000));

    // And closed again elsewhere.
    showScreen(window, QStringLiteral("register"));
    test::value(ShiftService(*other).close(Money::fromCents(150'00), maya, std::nullopt, reg));
    showScreen(window, QStringLiteral("shift"));
    CHECK(heading->text() == QStringLiteral("No shift is open on this register"));
    CHECK(QTest::qWaitFor([&] { return status->text().startsWith(u"No shift open"); }, 5000));
}

TEST_CASE("counts read as English: one line, two lines", "[pos][backoffice]") {
    installTranslations(*qApp);
    CHECK(QObject::tr("%n product(s) low on stock", nullptr, 1) ==
          QStringLiteral("1 product low on stock"));
    CHECK(QObject::tr("%n product(s) low on stock", nullptr, 2) ==
          QStringLiteral("2 products low on stock"));
    // Each message is found under the class whose tr() asks for it.
    const char *reg = RegisterWidget::staticMetaObject.className();
    CHECK(QCoreApplication::translate(reg, "%n line(s)", nullptr, 1) == QStringLiteral("1 line"));
    CHECK(QCoreApplication::translate(reg, "%n line(s)", nullptr, 3) == QStringLiteral("3 lines"));
    const char *inventory = screens::InventoryScreen::staticMetaObject.className();
    CHECK(QCoreApplication::translate(inventory, "%n product(s) below zero, valued at 0", nullptr,
                                      4) == QStringLiteral("4 products below zero, valued at 0"));
    const char *reports = screens::ReportsScreen::staticMetaObject.className();
    CHECK(QCoreApplication::translate(reports,
                                      "Owed at the start %1 + sold %2 − redeemed %3 + other %4 = "
                                      "owed at the end %5. %n card(s) moved.",
                                      nullptr, 1)
              .endsWith(QStringLiteral(". 1 card moved.")));
}
