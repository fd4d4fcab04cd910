// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/loginwidget.h"
#include "pos/app/mainwindow.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "tests/pos/posfixture.h"

#include "core/services/catalog.h"
#include "core/services/staff.h"
#include "core/services/storesettings.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

using namespace oasis;
using namespace oasis::app;

TEST_CASE("the window is built before its store opens, then shows its staff and logs in",
          "[pos][login]") {
    // The counter app builds its window while its store opens on another thread (main.cpp).
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(QStringLiteral("test-register"));
    LoginWidget *login = window.login();
    CHECK(window.isLocked());
    CHECK_FALSE(login->selectUser(QStringLiteral("frontdesk"))); // no store yet: no one listed
    window.attach(tdb.db());
    window.show();
    REQUIRE(login->selectUser(QStringLiteral("frontdesk")));
    login->typePin(QStringLiteral("1111"));
    REQUIRE(login->submit());
    REQUIRE_FALSE(window.isLocked());
    CHECK(window.currentScreen() == QStringLiteral("register"));
    CHECK(window.registerScreen()->cashier().name == QStringLiteral("frontdesk"));
    QStringList status;
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>())
        status << label->text();
    CHECK(status.join(u' ').contains(QStringLiteral("test-register")));
}

TEST_CASE("the counter app opens on the PIN pad and logs in with the right PIN", "[pos][login]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    window.show();
    REQUIRE(window.isLocked());
    LoginWidget *login = window.login();

    SECTION("a wrong PIN shows the service's message and stays on the pad") {
        REQUIRE(login->selectUser(QStringLiteral("frontdesk")));
        login->typePin(QStringLiteral("0000"));
        REQUIRE_FALSE(login->submit());
        REQUIRE(login->message().contains(QStringLiteral("1 of 5")));
        REQUIRE(window.isLocked());
        REQUIRE_FALSE(window.user().has_value());
    }
    SECTION("the PIN typed on the keyboard logs in and shows the register") {
        REQUIRE(login->selectUser(QStringLiteral("frontdesk")));
        QTest::keyClicks(login, QStringLiteral("1111"));
        QTest::keyClick(login, Qt::Key_Return);
        REQUIRE_FALSE(window.isLocked());
        REQUIRE(window.user()->name == QStringLiteral("frontdesk"));
        REQUIRE(window.currentScreen() == QStringLiteral("register"));
        REQUIRE(window.registerScreen()->cashier().name == QStringLiteral("frontdesk"));
        // The status bar names the register and the person, not the database's path.
        QStringList status;
        for (QLabel *label : window.statusBar()->findChildren<QLabel *>())
            status << label->text();
        const QString bar = status.join(u' ');
        CHECK(bar.contains(QStringLiteral("test-register")));
        CHECK_FALSE(bar.contains(tdb.path()));
        CHECK_FALSE(bar.contains(QStringLiteral(".db")));

        SECTION("what was said to one person is not shown to the next") {
            QTest::keyClicks(window.registerScreen()->scanField(),
                             QStringLiteral("ZZ-NO-SUCH-ITEM-9"));
            QTest::keyClick(window.registerScreen()->scanField(), Qt::Key_Return);
            REQUIRE_FALSE(window.registerScreen()->statusMessage().isEmpty());
            window.lock();
            REQUIRE(login->selectUser(QStringLiteral("manager")));
            login->typePin(QStringLiteral("9999"));
            REQUIRE(login->submit());
            REQUIRE(window.user()->name == QStringLiteral("manager"));
            CHECK(window.registerScreen()->statusMessage().isEmpty());
        }
        SECTION("locking keeps the ticket") {
            QTest::keyClicks(window.registerScreen()->scanField(), QStringLiteral("OIL-LAV-120"));
            QTest::keyClick(window.registerScreen()->scanField(), Qt::Key_Return);
            window.lock();
            REQUIRE(window.isLocked());
            REQUIRE(window.registerScreen()->model()->rowCount() == 1);
        }
    }
    SECTION("the register is built and its buttons loaded at login, with what changed since the "
            "pad came") {
        // The PIN pad waited for none of the register (the window builds it once the pad is
        // painted and the event loop idle, which this test has not let happen).
        REQUIRE(window.findChild<QTabWidget *>(QStringLiteral("quickTabs")) == nullptr);
        CatalogService catalog(tdb.db());
        CatalogItem dt60 = *test::value(catalog.findByCode(QStringLiteral("DT60")));
        dt60.price = Money::fromCents(139'00);
        test::value(catalog.save(dt60, test::owner(tdb.db())));
        int checking = 0;
        QObject::connect(login, &LoginWidget::checkingPin, [&] { ++checking; });
        REQUIRE(login->selectUser(QStringLiteral("frontdesk")));
        login->typePin(QStringLiteral("1111"));
        REQUIRE(login->submit());
        REQUIRE(checking == 1);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("quickTabs"));
        REQUIRE(tabs);
        REQUIRE(tabs->count() >= 3);
        QStringList prices;
        for (QPushButton *b : tabs->findChildren<QPushButton *>(QStringLiteral("sessionButton")))
            if (b->toolTip().startsWith(QStringLiteral("DT60 ")))
                prices << b->text();
        REQUIRE(prices == QStringList{QStringLiteral("$139.00")});
    }
    SECTION("therapists have no button on the pad") {
        REQUIRE_FALSE(login->selectUser(QStringLiteral("lena")));
        REQUIRE(login->selectUser(QStringLiteral("manager")));
    }
}

TEST_CASE("a pad shown before its store opens has the names it showed last time, and the "
          "store's own once it is open",
          "[pos][login]") {
    // main.cpp paints the pad with these while the store still opens (a server's connection).
    oasis::test::TempSettings settings;
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    {
        MainWindow first(tdb.db(), QStringLiteral("test-register"));
        first.login()->names().remember(tdb.path());
    }
    const PadNames remembered = PadNames::remembered(tdb.path());
    CHECK(remembered.store == StoreSettings(tdb.db()).storeInfo().name);
    CHECK(remembered.logins == QStringList{QStringLiteral("frontdesk"), QStringLiteral("manager"),
                                           QStringLiteral("owner")});
    CHECK(remembered.labels.size() == 3);
    CHECK(PadNames::remembered(tdb.path() + QStringLiteral("-another")).isEmpty());

    // Since then the manager left and a cashier who is gone now was on the pad.
    PadNames lastTime = remembered;
    lastTime.logins << QStringLiteral("gone");
    lastTime.labels << QStringLiteral("Gone Person");
    lastTime.remember(tdb.path());
    test::ok(StaffService(tdb.db()).deactivate(QStringLiteral("manager"), test::owner(tdb.db())));

    MainWindow window(QStringLiteral("test-register"));
    LoginWidget *login = window.login();
    REQUIRE(login->showRemembered(PadNames::remembered(tdb.path())));
    window.show();
    CHECK(login->selectUser(QStringLiteral("gone")));
    CHECK(login->names() == lastTime);
    CHECK(window.findChild<QLabel *>(QStringLiteral("statusDatabase"))->text() ==
          QStringLiteral("Opening the store…"));

    SECTION("a PIN typed before the store is open waits for it, and the store's staff replace "
            "the remembered ones") {
        int asked = 0;
        QObject::connect(login, &LoginWidget::storeNeeded, [&] {
            ++asked;
            window.attach(tdb.db());
        });
        REQUIRE(login->selectUser(QStringLiteral("frontdesk")));
        login->typePin(QStringLiteral("1111"));
        REQUIRE(login->submit());
        CHECK(asked == 1);
        REQUIRE_FALSE(window.isLocked());
        CHECK(window.user()->name == QStringLiteral("frontdesk"));
        CHECK(login->names().logins ==
              QStringList{QStringLiteral("frontdesk"), QStringLiteral("owner")});
        CHECK(window.findChild<QLabel *>(QStringLiteral("statusDatabase"))->text() !=
              QStringLiteral("Opening the store…"));
    }
    SECTION("without a store the PIN is not checked, and the pad says why") {
        REQUIRE(login->selectUser(QStringLiteral("gone")));
        login->typePin(QStringLiteral("1111"));
        REQUIRE_FALSE(login->submit());
        CHECK(login->message() ==
              QStringLiteral("The store is not open yet: try again in a moment."));
        CHECK(window.isLocked());
        // Once the store is open the gone person has no button, and the chosen one is kept
        // when it still has one.
        window.attach(tdb.db());
        CHECK_FALSE(login->selectUser(QStringLiteral("gone")));
        CHECK_FALSE(login->showRemembered(remembered)); // the store's names stay
        CHECK(login->names().logins ==
              QStringList{QStringLiteral("frontdesk"), QStringLiteral("owner")});
    }
}

TEST_CASE("a window painted before its store opens builds its register once the store is "
          "attached",
          "[pos][login]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(QStringLiteral("test-register"));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::processEvents(); // painted, and what waited for the paint has run
    REQUIRE(window.findChild<QTabWidget *>(QStringLiteral("quickTabs")) == nullptr);
    int attached = 0;
    QObject::connect(&window, &MainWindow::storeAttached, [&] { ++attached; });
    window.attach(tdb.db());
    CHECK(attached == 1);
    // Not in attach() itself: from the event loop, as after the first paint.
    CHECK(window.findChild<QTabWidget *>(QStringLiteral("quickTabs")) == nullptr);
    QApplication::processEvents();
    CHECK(window.findChild<QTabWidget *>(QStringLiteral("quickTabs")) != nullptr);
    CHECK(window.isLocked());
}

TEST_CASE("the pad keeps its buttons when the staff it shows did not change", "[pos][login]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    LoginWidget *login = window.login();
    REQUIRE(login->selectUser(QStringLiteral("owner")));
    QPointer<QPushButton> button;
    for (QPushButton *b : login->findChildren<QPushButton *>(QStringLiteral("userButton")))
        if (b->property("login").toString() == QStringLiteral("owner"))
            button = b;
    REQUIRE(button);
    login->reload();
    CHECK(button); // not made again: the pad is not laid out and painted anew at each lock
    CHECK(login->selectedUser() == QStringLiteral("owner"));
    test::ok(StaffService(tdb.db()).deactivate(QStringLiteral("manager"), test::owner(tdb.db())));
    login->reload();
    CHECK(login->selectedUser() == QStringLiteral("owner"));
    CHECK_FALSE(login->selectUser(QStringLiteral("manager")));
}
