// SPDX-License-Identifier: GPL-3.0-or-later
// oasis-pos: opens (or on first start creates, with the demo spa) the database, then the PIN pad.
#include "core/services/demo.h"
#include "core/services/store.h"
#include "pos/app/appstyle.h"
#include "pos/app/backoffice.h"
#include "pos/app/firstpaint.h"
#include "pos/app/loginwidget.h"
#include "pos/app/mainwindow.h"
#include "pos/app/registerwidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QScreen>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#include <sys/socket.h>
#include <unistd.h>

using namespace oasis;

namespace {

int refuse(const QString &text) {
    QMessageBox box(QMessageBox::Critical, QApplication::translate("main", "Oasis POS"),
                    QApplication::translate("main", "The database cannot be opened."),
                    QMessageBox::Ok);
    box.setInformativeText(text);
    box.exec();
    return 3;
}

/// oasis-bench's cold-start probe (env OASIS_EXIT_AFTER_FIRST_PAINT=1): logs in on the PIN pad
/// when OASIS_USER and OASIS_PIN are given, then reports the first paint of the register (or the
/// PIN pad) and exits.
void installFirstPaintProbe(app::MainWindow &window) {
    QWidget *painted = &window;
    const QString user = qEnvironmentVariable("OASIS_USER");
    if (!user.isEmpty()) {
        app::LoginWidget *pad = window.login();
        pad->selectUser(user);
        pad->typePin(qEnvironmentVariable("OASIS_PIN"));
        if (!pad->submit()) {
            std::fprintf(stderr, "oasis-pos: %s\n", qPrintable(pad->message()));
            std::exit(2);
        }
        painted = window.registerScreen();
    }
    app::exitAfterFirstPaint(painted);
}

// SIGTERM (a session ending, a service manager, kill) closes the window the way its close
// button does, so the open ticket is parked first. The handler only writes a byte; the event
// loop does the rest.
int g_termPipe[2] = {-1, -1};

void onTerm(int) {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_termPipe[0], &byte, 1);
}

void closeOnTerm(app::MainWindow &window) {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_termPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_termPipe[1], QSocketNotifier::Read, &window);
    QObject::connect(notifier, &QSocketNotifier::activated, &window, [&window] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_termPipe[1], &byte, 1);
        if (window.close())
            QApplication::quit(); // also ends a dialog's loop (Pay open: its tenders are noted)
    });
    struct sigaction action {};
    action.sa_handler = onTerm;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("OasisPOS"));
    QApplication::setApplicationName(QStringLiteral("oasis-pos"));
    QApplication::setApplicationDisplayName(QStringLiteral("Oasis POS"));
    QApplication::setApplicationVersion(QStringLiteral(OASIS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("oasis-pos"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Oasis POS, the counter app of the spa."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(QStringLiteral("db"),
                                QApplication::translate("main",
                                                        "The database file (default: %1), "
                                                        "or a store on a PostgreSQL "
                                                        "server: postgresql://USER@HOST/DB.")
                                    .arg(QDir::toNativeSeparators(Store::defaultPath())),
                                QStringLiteral("PATH"));
    parser.addOption(dbOption);
    parser.process(app);

    app::applyAppStyle(app);
    app::installTranslations(app);
    // The store is in Seattle: a machine without a locale (C/POSIX) still shows dollars.
    if (QLocale().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : Store::defaultPath();
    if (!parser.isSet(dbOption))
        QDir().mkpath(QFileInfo(path).absolutePath());
    const bool onServer = Store::isOnServer(path);
    Store::Options options;
    options.mode = Store::Mode::CreateIfMissing;
    auto db = Store::open(path, options);
    if (!db)
        return refuse(db.error().message);
    if (auto defaults = installDefaults((*db)->db()); !defaults)
        return refuse(defaults.error().message);
    if ((*db)->wasCreated()) {
        if (auto demo = installDemoData((*db)->db()); !demo)
            return refuse(demo.error().message);
    }

    const QString registerId = Store::registerId();
    app::MainWindow window((*db)->db(), registerId);
    app::installBackOffice(window, (*db)->db(), registerId);
    if (!onServer) // a server's backups are the server's (pg_dump)
        app::scheduleDailyBackup(window, (*db)->db());
    closeOnTerm(window);
    if (qEnvironmentVariableIntValue("OASIS_EXIT_AFTER_FIRST_PAINT") == 1)
        installFirstPaintProbe(window);
    const QRect screen = window.screen()->availableGeometry();
    if (screen.width() <= 1440 || screen.height() <= 900) {
        window.setGeometry(screen); // also without a window manager (kiosk, Xvfb)
        window.showMaximized();
    } else {
        window.resize(1366, 820);
        window.show();
    }
    window.activateWindow();
    return app.exec();
}
