// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/loginwidget.h"
#include "pos/app/mainwindow.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "tests/pos/posfixture.h"

#include "core/services/catalog.h"

#include <QLabel>
#include <QLineEdit>
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
