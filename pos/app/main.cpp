// SPDX-License-Identifier: GPL-3.0-or-later
// oasis-pos: opens (or on first start creates, with the demo spa) the database on a thread of its
// own while it builds the window, then shows the PIN pad.
#include "core/domain/log.h"
#include "core/services/demo.h"
#include "core/services/store.h"
#include "pos/app/appstyle.h"
#include "pos/app/backoffice.h"
#include "pos/app/firstpaint.h"
#include "pos/app/loginwidget.h"
#include "pos/app/mainwindow.h"
#include "pos/network/network.h"
#include "pos/screens/storelocation.h"
#ifdef OASIS_FIRST_PAINT_PROBE
#include "pos/app/registerwidget.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSocketNotifier>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <future>
#include <optional>
#include <thread>

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

/// Opens the store and makes it ready to sell on: its defaults, and the demo spa in a file made
/// now (a store made on a server is a real one).
Result<std::unique_ptr<Store>> openReady(const QString &path, const Store::Options &options) {
    auto db = Store::open(path, options);
    if (!db)
        return db;
    if (auto defaults = installDefaults((*db)->db()); !defaults)
        return std::unexpected(defaults.error());
    if ((*db)->wasCreated() && !Store::isOnServer(path))
        if (auto demo = installDemoData((*db)->db()); !demo)
            return std::unexpected(demo.error());
    return db;
}

/// The register's store, `db` the first try at opening it. A store server this computer was set
/// up for that cannot be reached is said in one window, with a new try or another store to open
/// for this run (keeping it for the next starts is a manager's, in Settings); a --db given on the
/// command line is opened as it is.
Result<std::unique_ptr<Store>> openStore(QString &path, const Store::Options &options,
                                         bool fromCommandLine, bool &quit,
                                         Result<std::unique_ptr<Store>> db) {
    for (;;) {
        if (db || fromCommandLine || !Store::isOnServer(path))
            return db;
        QMessageBox box(QMessageBox::Warning, QApplication::translate("main", "Oasis POS"),
                        QApplication::translate("main", "This register cannot open its store on "
                                                        "the server %1.")
                            .arg(Store::describeLocation(path)),
                        QMessageBox::NoButton);
        box.setInformativeText(db.error().message);
        QPushButton *again =
            box.addButton(QApplication::translate("main", "Try again"), QMessageBox::AcceptRole);
        QPushButton *choose = box.addButton(
            QApplication::translate("main", "Choose another store…"), QMessageBox::ActionRole);
        box.addButton(QApplication::translate("main", "Quit"), QMessageBox::RejectRole);
        box.setDefaultButton(again);
        box.exec();
        if (box.clickedButton() != again && box.clickedButton() != choose) {
            quit = true;
            return db;
        }
        if (box.clickedButton() == choose) {
            screens::StoreLocationDialog dialog(path, db.error().message);
            if (dialog.exec() == QDialog::Accepted) {
                path = dialog.editor()->location();
                if (!Store::isOnServer(path))
                    QDir().mkpath(QFileInfo(path).absolutePath());
            }
        }
        db = openReady(path, options);
    }
}

#ifdef OASIS_FIRST_PAINT_PROBE
/// oasis-bench's cold-start probe, compiled into oasis-pos-probe only (this file built a second
/// time beside the bench); the shipped oasis-pos has none. Env OASIS_EXIT_AFTER_FIRST_PAINT=1:
/// once the PIN pad is painted it prints "pin-pad epoch-us=N"; with OASIS_USER and OASIS_PIN it
/// then logs in on the pad as a cashier would ("pin-submit epoch-us=N" just before the PIN is
/// checked, once the pad has its store) and reports the register's first paint; without them,
/// the pad's. Then it exits. It also prints "store-attached epoch-us=N" when the window gets its
/// store, and with OASIS_PROBE_STORE_DELAY_MS=N the store's thread waits N ms before opening it.
void installFirstPaintProbe(app::MainWindow &window) {
    const QString user = qEnvironmentVariable("OASIS_USER");
    if (user.isEmpty()) {
        app::exitAfterFirstPaint(&window);
        return;
    }
    auto logIn = [&window, user] {
        app::LoginWidget *pad = window.login();
        pad->selectUser(user);
        pad->typePin(qEnvironmentVariable("OASIS_PIN"));
        app::printEpoch("pin-submit");
        if (!pad->submit()) {
            std::fprintf(stderr, "oasis-pos: %s\n", qPrintable(pad->message()));
            std::exit(2);
        }
        app::exitAfterFirstPaint(window.registerScreen());
    };
    // The PIN is typed once the pad can check it: a pad painted from the names it remembered
    // waits for its store first, as a person typing the PIN would.
    app::afterFirstPaint(&window, [&window, logIn] {
        app::printEpoch("pin-pad");
        if (window.hasStore())
            logIn();
        else
            QObject::connect(&window, &app::MainWindow::storeAttached, &window, logIn,
                             Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
    });
}
#endif

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
    QApplication::setDesktopFileName(QStringLiteral("com.oasispos.OasisPOS"));

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

    // Fontconfig's configuration, Qt's font database and the app font's fallback families take
    // tens of milliseconds to load, and the window's first widget would wait for them. They load
    // on a thread of their own, from the start (QFontDatabase's functions are thread-safe, and
    // the first widget to need them waits for them). Joined before `app` goes.
    app::applyAppFont(app);
    std::jthread fonts([] {
        (void)QFontDatabase::families();
        (void)QFontMetrics(QGuiApplication::font()).horizontalAdvance(u'0');
    });
    app::installTranslations(app);
    // Network printers through the network plugin, loaded with the first such print.
    app::printThroughNetworkPlugin();
    // The store is in Seattle: a machine without a locale (C/POSIX) still shows dollars.
    if (QLocale().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    // --db, else the store this computer was set up for (Settings, "This register"), else its
    // own file.
    const bool fromCommandLine = parser.isSet(dbOption);
    QString path = fromCommandLine ? parser.value(dbOption) : Store::configuredLocation();
    // The product's own log lines (failed gift-card lookups, printer and mail trouble, a lost
    // server) go to oasis.log beside the store, as oasisctl's do.
    installLogFile(logPathFor(path, Store::isOnServer(path)));
    Store::Options options;
    options.mode = Store::Mode::CreateIfMissing;
    if (!fromCommandLine && !Store::isOnServer(path))
        QDir().mkpath(QFileInfo(path).absolutePath());
    // The store opens on a thread of its own while the window is built (on a server, loading the
    // driver and connecting take about 35 ms), then is handed to this thread. Should Qt refuse to
    // move the connection, it is closed there and opened again here. The thread says when it is
    // done (attachStore, below, is called from the event loop then).
    QThread *const gui = QThread::currentThread();
    std::function<int()> attachStore;
    auto opening = std::async(
        std::launch::async,
        [path, options, gui, &attachStore]() -> std::optional<Result<std::unique_ptr<Store>>> {
#ifdef OASIS_FIRST_PAINT_PROBE
            // The probe's stand-in for a slow store (a server far away), in tests.
            if (const int ms = qEnvironmentVariableIntValue("OASIS_PROBE_STORE_DELAY_MS"); ms > 0)
                QThread::msleep(ms);
#endif
            auto db = openReady(path, options);
            const bool moved = !db || (*db)->moveToThread(gui);
            QMetaObject::invokeMethod(
                qApp,
                [&attachStore] {
                    if (attachStore)
                        if (const int code = attachStore(); code != 0)
                            QApplication::exit(code);
                },
                Qt::QueuedConnection);
            if (!moved)
                return std::nullopt;
            return db;
        });

    app::applyAppStyle(app);
    std::unique_ptr<Store> store; // outlives the window, which uses it until it goes
    const QString registerId = Store::registerId();
    app::MainWindow window(registerId);
    // Gives the window its store once it is open (or the one a person chooses when the server
    // cannot be reached): 0, or the code to exit with. Once; later calls return 0.
    bool attaching = false;
    attachStore = [&]() -> int {
        if (std::exchange(attaching, true))
            return 0;
        bool quit = false;
        std::optional<Result<std::unique_ptr<Store>>> opened = opening.get();
        auto db = openStore(path, options, fromCommandLine, quit,
                            opened ? std::move(*opened) : openReady(path, options));
        if (!db)
            return quit ? 3 : refuse(db.error().message);
        store = std::move(*db);
        window.attach(store->db());
        app::installBackOffice(window, store->db(), registerId);
        // Settings' "Restart now" after the store location changed: the open ticket is parked
        // as on any close, then the app starts again (with the same command line but --db).
        QObject::connect(&window, &app::MainWindow::restartRequested, &app, [&window] {
            if (!window.close())
                return;
            QStringList args = QApplication::arguments().mid(1);
            for (qsizetype i = 0; i < args.size(); ++i)
                if (args[i] == QLatin1String("--db") && i + 1 < args.size())
                    args.remove(i, 2), --i;
                else if (args[i].startsWith(QLatin1String("--db=")))
                    args.remove(i--);
            QProcess::startDetached(QApplication::applicationFilePath(), args);
            QApplication::quit();
        });
        if (!Store::isOnServer(path)) // a server's backups are the server's (pg_dump)
            app::scheduleDailyBackup(window, store->db());
        // The names on the pad, for the next start.
        window.login()->names().remember(Store::pathOf(store->db()));
#ifdef OASIS_FIRST_PAINT_PROBE
        app::printEpoch("store-attached");
#endif
        return 0;
    };
    // A store still opening (a server's connection, a large file's check) is not waited for
    // when this computer's pad showed its names before: they are shown meanwhile, and a PIN
    // typed before the store is open waits for it.
    const bool padFirst = opening.wait_for(std::chrono::seconds(0)) != std::future_status::ready &&
                          window.login()->showRemembered(app::PadNames::remembered(
                              Store::isOnServer(path) ? path : QFileInfo(path).absoluteFilePath()));
    if (!padFirst)
        if (const int code = attachStore(); code != 0)
            return code;
    QObject::connect(window.login(), &app::LoginWidget::storeNeeded, &window, [&attachStore] {
        if (const int code = attachStore(); code != 0)
            QApplication::exit(code);
    });
    closeOnTerm(window);
    // The window manager takes the icon a moment later; the PIN pad does not wait for it.
    app::afterFirstPaint(&window, [&app] { app::applyWindowIcon(app); });
#ifdef OASIS_FIRST_PAINT_PROBE
    if (qEnvironmentVariableIntValue("OASIS_EXIT_AFTER_FIRST_PAINT") == 1)
        installFirstPaintProbe(window);
#endif
    const QRect screen = window.screen()->availableGeometry();
    if (screen.width() <= 1440 || screen.height() <= 900) {
        window.setGeometry(screen); // also without a window manager (kiosk, Xvfb)
        window.showMaximized();
    } else {
        window.resize(1366, 820);
        window.show();
    }
    window.activateWindow();
    const int code = app.exec();
    attachStore = nullptr; // the store's thread may still say it is done
    return code;
}
