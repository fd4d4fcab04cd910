// SPDX-License-Identifier: GPL-3.0-or-later
// Catch2 main that creates the Qt application object the tests need, offscreen by default.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#if defined(OASIS_TEST_APP_WIDGETS)
#include <QApplication>
using TestApp = QApplication;
#elif defined(OASIS_TEST_APP_GUI)
#include <QGuiApplication>
using TestApp = QGuiApplication;
#else
#include <QCoreApplication>
using TestApp = QCoreApplication;
#endif

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Keep tests away from the real key folder and settings of the machine.
    qputenv("QT_LOGGING_RULES", "qt.qpa.*=false");
    TestApp app(argc, argv);
    TestApp::setOrganizationName(QStringLiteral("OasisPOS-tests"));
    TestApp::setApplicationName(QStringLiteral("oasis-tests"));
    return Catch::Session().run(argc, argv);
}
