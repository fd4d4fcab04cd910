// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inventory.h"
#include "pos/app/backoffice.h"
#include "pos/app/mainwindow.h"
#include "pos/app/registerwidget.h"
#include "tests/pos/posfixture.h"

#include <QLabel>
#include <QTest>

using namespace oasis;
using namespace oasis::app;

namespace {
QString lowStockText(Database &db) {
    const int low = test::value(InventoryService(db).lowStockCount());
    REQUIRE(low > 0);
    return QStringLiteral("%1 product(s) low on stock").arg(low);
}
} // namespace

TEST_CASE("the status bar counts low stock beside the register, after the first picture and "
          "after each sale",
          "[pos][backoffice]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    // Two products are below their reorder point before the app starts.
    test::rawSql(tdb.path(), QStringLiteral("UPDATE items SET reorder_point = 1000 WHERE id IN "
                                            "(SELECT id FROM items WHERE type = 'product' "
                                            "ORDER BY id LIMIT 2)"));
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    installBackOffice(window, tdb.db(), QStringLiteral("test-register"));
    auto *status = window.findChild<QLabel *>(QStringLiteral("storeStatus"));
    REQUIRE(status);
    REQUIRE(status->text().isEmpty()); // nothing is counted before the window shows
    window.show();
    const QString before = lowStockText(tdb.db());
    QTest::qWaitFor([&] { return status->text().contains(before); }, 5000);
    REQUIRE(status->text() == QStringLiteral("No shift open   ·   ") + before);

    // A sale elsewhere (another register) sold out three more; this register's next sale
    // refreshes the count, and two refreshes close together end on the latest count.
    test::rawSql(tdb.path(), QStringLiteral("UPDATE items SET reorder_point = 1000 WHERE id IN "
                                            "(SELECT id FROM items WHERE type = 'product' "
                                            "ORDER BY id DESC LIMIT 3)"));
    const QString after = lowStockText(tdb.db());
    REQUIRE(after != before);
    Q_EMIT window.registerScreen()->saleCompleted(1);
    Q_EMIT window.registerScreen()->saleCompleted(2);
    QTest::qWaitFor([&] { return status->text().contains(after); }, 5000);
    REQUIRE(status->text() == QStringLiteral("No shift open   ·   ") + after);
}
