// SPDX-License-Identifier: GPL-3.0-or-later
// The counter app when the store server is out of reach (issue 20, DESIGN §13a): the status bar
// says "offline, N waiting", the open ticket moves to a register on this register's offline
// copy, a cash sale is kept there, and when the server answers again it is sent once and the
// register sells on the server again. (The outage itself is told to the app as its probe would:
// test_offline stops a real server.)
#include "core/services/offline.h"
#include "core/services/registers.h"
#include "pos/app/mainwindow.h"
#include "pos/app/offlinemode.h"
#include "pos/app/paydialog.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "tests/pos/posfixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace oasis;
using namespace oasis::app;
using namespace Qt::StringLiterals;
using oasis::test::value;
using postest::whenModal;

namespace {
/// The counter of register `name` (its own receipt series) on a store on the test server, the
/// front desk logged in, its offline copy made.
struct OfflineCounter {
    QTemporaryDir dir;
    std::unique_ptr<oasis::test::TempDb> tdb;
    std::unique_ptr<MainWindow> window;
    OfflineMode *offline = nullptr;
    QLabel *status = nullptr;

    OfflineCounter(const QString &name, const QString &series) {
        REQUIRE(oasis::test::onPostgres());
        qputenv("OASIS_OFFLINE_DIR", dir.path().toLocal8Bit());
        tdb = std::make_unique<oasis::test::TempDb>(true);
        const StaffMember manager = oasis::test::staffNamed(tdb->db(), u"manager"_s);
        value(RegisterService(tdb->db()).add(name, manager, std::nullopt, series));
        window = std::make_unique<MainWindow>(tdb->db(), name);
        window->resize(1366, 768);
        window->show();
        window->startSession(postest::frontDesk(tdb->db()));
        offline = window->offlineMode();
        REQUIRE(offline);
        offline->serverAnswered(true); // makes the copy
        REQUIRE(offline->outbox().prepared());
        status = window->findChild<QLabel *>(u"statusDatabase"_s);
        REQUIRE(status);
    }
    ~OfflineCounter() { qunsetenv("OASIS_OFFLINE_DIR"); }
};
} // namespace

TEST_CASE("the counter sells on its offline copy while the server is out of reach, then sends "
          "the sale once",
          "[pos][offline][postgresql]") {
    OfflineCounter counter(u"desk-off"_s, u"Q"_s);
    oasis::test::TempDb &tdb = *counter.tdb;
    MainWindow &window = *counter.window;
    OfflineMode *offline = counter.offline;
    QLabel *status = counter.status;

    // A ticket is open when the server goes away: two failed tries, and it moves across.
    RegisterWidget *online = window.registerScreen();
    QTest::keyClicks(online->scanField(), u"OIL-LAV-120"_s);
    QTest::keyClick(online->scanField(), Qt::Key_Return);
    REQUIRE_FALSE(online->model()->isEmpty());
    offline->serverAnswered(false);
    REQUIRE_FALSE(offline->isOffline());
    offline->serverAnswered(false);
    REQUIRE(offline->isOffline());
    RegisterWidget *onCopy = window.sellingRegister();
    REQUIRE(onCopy != online);
    REQUIRE(online->model()->isEmpty());
    REQUIRE_FALSE(onCopy->model()->isEmpty());
    CHECK(status->text() == u"Store server: offline, 0 waiting"_s);

    if (const QByteArray shots = qgetenv("OASIS_SCREENSHOT_DIR"); !shots.isEmpty())
        window.grab().save(QString::fromLocal8Bit(shots) + u"/register-offline.png"_s);
    // Cash sells on the copy.
    QString refusal;
    whenModal<PayDialog>([&](PayDialog *d) {
        CHECK(d->addCash(Money::fromCents(50'00)));
        CHECK(d->complete());
        refusal = d->message();
        d->accept();
    });
    onCopy->pay();
    INFO(refusal.toStdString());
    REQUIRE(onCopy->model()->isEmpty());
    REQUIRE(value(offline->outbox().waiting()) == 1);
    CHECK(status->text() == u"Store server: offline, 1 waiting"_s);
    // Nothing is on the server yet.
    REQUIRE(value(tdb.db().scalar(u"SELECT COUNT(*) FROM sales"_s)).toInt() == 0);

    // The server answers: the sale is sent once, the register sells on the server again.
    offline->serverAnswered(true);
    REQUIRE_FALSE(offline->isOffline());
    REQUIRE(window.sellingRegister() == online);
    REQUIRE(value(offline->outbox().waiting()) == 0);
    REQUIRE(value(tdb.db().scalar(u"SELECT COUNT(*) FROM sales WHERE register_id = 'desk-off'"_s))
                .toInt() == 1);
    REQUIRE(value(tdb.db().scalar(u"SELECT COUNT(*) FROM offline_sales"_s)).toInt() == 1);
    CHECK(status->text() == u"Store server: connected"_s);
}

TEST_CASE("the status bar says at once that the server does not answer, also over the Pay "
          "dialog, which is never switched away under the cashier",
          "[pos][offline][postgresql]") {
    OfflineCounter counter(u"desk-pay"_s, u"P"_s);
    MainWindow &window = *counter.window;
    OfflineMode *offline = counter.offline;
    QLabel *status = counter.status;
    CHECK(status->text() == u"Store server: connected"_s);

    RegisterWidget *online = window.registerScreen();
    QTest::keyClicks(online->scanField(), u"OIL-LAV-120"_s);
    QTest::keyClick(online->scanField(), Qt::Key_Return);
    QString during;
    bool switched = true;
    whenModal<PayDialog>([&](PayDialog *d) {
        offline->serverAnswered(false);
        offline->serverAnswered(false);
        during = status->text();
        switched = offline->isOffline();
        d->reject();
    });
    online->pay();
    CHECK(during == u"Store server: not answering"_s);
    CHECK_FALSE(switched);
    REQUIRE(window.sellingRegister() == online);
    REQUIRE_FALSE(online->model()->isEmpty());

    // The dialog closed: the next two misses move the ticket to the copy.
    offline->serverAnswered(false);
    offline->serverAnswered(false);
    REQUIRE(offline->isOffline());
    CHECK(status->text() == u"Store server: offline, 0 waiting"_s);
    offline->serverAnswered(true);
    REQUIRE_FALSE(offline->isOffline());
    CHECK(status->text() == u"Store server: connected"_s);
}
