// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/inventory.h"
#include "pos/app/appstyle.h"
#include "pos/app/backoffice.h"
#include "pos/app/mainwindow.h"
#include "pos/app/registerwidget.h"
#include "pos/screens/inventoryscreen.h"
#include "pos/screens/reportsscreen.h"
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
