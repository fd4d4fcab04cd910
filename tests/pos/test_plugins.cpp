// SPDX-License-Identifier: GPL-3.0-or-later
// The counter app's plugins as it loads them: this program links the app as oasis-pos does, and
// no plugin (the other widget tests link them in). Qt Multimedia must not be mapped until a
// camera is asked for, nor Qt Charts until the dashboard is opened, nor Qt Network until the
// network is needed; then oasis-camera.so, oasis-charts.so and oasis-network.so are loaded from
// the build tree and work.
#include "pos/app/backoffice.h"
#include "pos/app/mainwindow.h"
#include "pos/camera/camera.h"
#include "pos/network/network.h"
#include "pos/screens/settingsscreen.h"
#include "tests/pos/posfixture.h"

#include "core/services/staff.h"

#include <QFile>
#include <QGroupBox>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace oasis;
using namespace oasis::app;
using oasis::test::mapped;

// ctest runs each test case in a process of its own: nothing has loaded a camera before it.
TEST_CASE("the counter app loads Qt Multimedia with its first camera and Qt Charts with its "
          "dashboard, not when it starts",
          "[pos][camera][plugin]") {
    postest::TempSettings temp;
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    REQUIRE(mapped("libQt6Widgets.so")); // the check sees a library that is there
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    installBackOffice(window, tdb.db(), QStringLiteral("test-register"));
    window.resize(1366, 768);
    window.show();
    QTest::qWait(50); // past the first paint, when the saved camera choice is applied
    REQUIRE(window.cameraIfAny() == nullptr);
    REQUIRE_FALSE(mapped("libQt6Multimedia"));
    REQUIRE_FALSE(mapped("oasis-camera"));
    REQUIRE_FALSE(mapped("libQt6Charts"));
    REQUIRE_FALSE(mapped("libQt6Network"));
    REQUIRE_FALSE(mapped("oasis-network"));

    // A camera chosen on this computer and not connected: the plugin is loaded to look for it.
    CameraSettings{QStringLiteral("/dev/video7"), QStringLiteral("Counter webcam")}.save();
    window.applyCameraSettings();
    REQUIRE(window.cameraIfAny() != nullptr);
    REQUIRE(mapped("oasis-camera.so"));
    REQUIRE(mapped("libQt6Multimedia.so"));
    REQUIRE_FALSE(window.cameraIfAny()->isActive());
    REQUIRE(window.statusBar()->currentMessage().contains(QStringLiteral("Counter webcam")));

    // Settings → This register shows the plugin's camera box.
    window.startSession(oasis::test::value(StaffService(tdb.db()).find(QStringLiteral("manager"))));
    window.showScreen(QStringLiteral("settings"));
    auto *settings = window.findChild<screens::SettingsScreen *>();
    REQUIRE(settings);
    auto *box = settings->findChild<QGroupBox *>(QStringLiteral("cameraBox"));
    REQUIRE(box);
    REQUIRE(box->findChild<QWidget *>(QStringLiteral("cameraChoice")));

    // Reports opens the dashboard, and Qt Charts with it.
    REQUIRE_FALSE(mapped("libQt6Charts"));
    window.showScreen(QStringLiteral("reports"));
    auto *perDay = window.findChild<QWidget *>(QStringLiteral("salesPerDay"));
    REQUIRE(perDay);
    REQUIRE(QByteArray(perDay->metaObject()->className()) == "QChartView");
    REQUIRE(mapped("oasis-charts.so"));
    REQUIRE(mapped("libQt6Charts.so"));
}

TEST_CASE("a camera plugin that cannot be loaded is said in one line and the register goes on",
          "[pos][camera][plugin]") {
    const bool multimediaBefore = mapped("libQt6Multimedia");
    QString error;
    REQUIRE(cameraPlugin({QStringLiteral("/nonexistent/oasis-camera.so")}, &error) == nullptr);
    REQUIRE(error == QStringLiteral("Camera scanning is not available on this computer: it is not "
                                    "installed."));

    // A file in its place that is no plugin at all.
    QTemporaryDir dir;
    const QString bogus = dir.filePath(QStringLiteral("oasis-camera.so"));
    QFile file(bogus);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("not a shared library\n");
    file.close();
    error.clear();
    REQUIRE(cameraPlugin({bogus}, &error) == nullptr);
    REQUIRE(
        error.startsWith(QStringLiteral("Camera scanning is not available on this computer: ")));
    REQUIRE_FALSE(error.contains(u'\n'));
    REQUIRE(mapped("libQt6Multimedia") == multimediaBefore); // nothing was loaded by them

    // The build tree's own plugin is where the app looks, after the installed place.
    const QStringList paths = cameraPluginPaths();
    REQUIRE(paths.size() == 2);
    REQUIRE(paths[0].endsWith(QStringLiteral("/lib/oasis-pos/oasis-camera.so")));
    REQUIRE(QFile::exists(paths[1]));
    REQUIRE(cameraPlugin(paths, &error) != nullptr);
}

TEST_CASE("the counter app loads Qt Network with its first network print, not when it starts",
          "[pos][network][plugin]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    window.show();
    QTest::qWait(50);
    REQUIRE(mapped("libQt6Widgets.so"));
    REQUIRE_FALSE(mapped("libQt6Network"));
    REQUIRE_FALSE(mapped("oasis-network"));

    // Without the app's writer the library refuses a network printer in one line...
    auto target = oasis::test::value(printing::parseTarget(QStringLiteral("tcp:127.0.0.1:1")));
    auto refused = printing::sendRaw(QByteArrayLiteral("\x1b@"), target);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message ==
          QStringLiteral("This program cannot print to a network printer (tcp:127.0.0.1:1)."));
    REQUIRE_FALSE(mapped("libQt6Network"));

    // ...and with it (main.cpp sets it) the plugin is loaded and sends: nothing listens on port 1.
    printThroughNetworkPlugin();
    auto sent = printing::sendRaw(QByteArrayLiteral("\x1b@"), target);
    REQUIRE_FALSE(sent);
    CHECK(sent.error().message.contains(QStringLiteral("refused the connection")));
    CHECK(mapped("oasis-network.so"));
    CHECK(mapped("libQt6Network.so"));
    printing::setTcpWriter(nullptr);
}
