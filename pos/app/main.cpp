// SPDX-License-Identifier: GPL-3.0-or-later
// oasis-pos: opens (or on first start creates, with the demo spa) the database, then the PIN pad.
#include "core/database.h"
#include "core/demo.h"
#include "core/staff.h"
#include "pos/app/appstyle.h"
#include "pos/app/backoffice.h"
#include "pos/app/mainwindow.h"
#include "pos/app/registerwidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QScreen>
#include <QTimer>

#include <cstdio>
#include <ctime>

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

/// oasis-bench's cold-start probe (env OASIS_EXIT_AFTER_FIRST_PAINT=1): logs in when OASIS_USER
/// and OASIS_PIN are given (the PIN is checked as at the PIN pad), prints the wall-clock time of
/// the first paint of the register (or the PIN pad) with the peak resident memory, and exits.
class FirstPaintProbe final : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, qApp, [] {
                timespec ts{};
                clock_gettime(CLOCK_REALTIME, &ts);
                QFile status(QStringLiteral("/proc/self/status"));
                QByteArray peak = "0";
                if (status.open(QIODevice::ReadOnly))
                    for (const QByteArray &line : status.readAll().split('\n'))
                        if (line.startsWith("VmHWM:"))
                            peak = line.mid(6).trimmed().split(' ').first();
                std::printf("first-paint epoch-us=%lld peak-rss-kb=%s\n",
                            static_cast<long long>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000,
                            peak.constData());
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

void installFirstPaintProbe(app::MainWindow &window, Database &db) {
    QWidget *painted = &window;
    const QString user = qEnvironmentVariable("OASIS_USER");
    if (!user.isEmpty()) {
        auto member = StaffService(db).authenticate(user, qEnvironmentVariable("OASIS_PIN"));
        if (!member) {
            std::fprintf(stderr, "oasis-pos: %s\n", qPrintable(member.error().message));
            std::exit(2);
        }
        window.startSession(*member);
        painted = window.registerScreen();
    }
    painted->installEventFilter(new FirstPaintProbe(&window));
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
                                QApplication::translate("main", "The database file (default: %1).")
                                    .arg(QDir::toNativeSeparators(Database::defaultPath())),
                                QStringLiteral("PATH"));
    parser.addOption(dbOption);
    parser.process(app);

    app::applyAppStyle(app);
    // The store is in Seattle: a machine without a locale (C/POSIX) still shows dollars.
    if (QLocale().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : Database::defaultPath();
    if (!parser.isSet(dbOption))
        QDir().mkpath(QFileInfo(path).absolutePath());
    Database::Options options;
    options.mode = Database::Mode::CreateIfMissing;
    auto db = Database::open(path, options);
    if (!db)
        return refuse(db.error().message);
    if (auto defaults = installDefaults(**db); !defaults)
        return refuse(defaults.error().message);
    if ((*db)->wasCreated()) {
        if (auto demo = installDemoData(**db); !demo)
            return refuse(demo.error().message);
    }

    const QString registerId = Database::registerId();
    app::MainWindow window(**db, registerId);
    app::installBackOffice(window, **db, registerId);
    app::scheduleDailyBackup(window, **db);
    if (qEnvironmentVariableIntValue("OASIS_EXIT_AFTER_FIRST_PAINT") == 1)
        installFirstPaintProbe(window, **db);
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
