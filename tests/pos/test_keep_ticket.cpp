// SPDX-License-Identifier: GPL-3.0-or-later
// The counter never drops a ticket or an approved tender: the pay dialog asks before discarding
// what was taken, closing the window parks the open ticket, and a recalled ticket stays parked
// until its sale commits.
#include "core/services/sale.h"
#include "pos/app/dialogs.h"
#include "pos/app/mainwindow.h"
#include "pos/app/paydialog.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "tests/pos/posfixture.h"

#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

using namespace oasis;
using namespace oasis::app;
using oasis::test::value;
using postest::whenModal;

namespace {

const QString kLavender = QStringLiteral("0850071001020"); // Lavender Calm Body Oil, $24.00

// A counter on `db`, logged in as the front desk; several may open the same database in turn.
struct Window {
    MainWindow window;
    RegisterWidget *reg = window.registerScreen();

    explicit Window(Database &db)
        : window(db, QStringLiteral("test-register")) {
        window.resize(1366, 768);
        window.show();
        window.startSession(postest::frontDesk(db));
        QApplication::setActiveWindow(&window);
    }
    void scan(const QString &text) {
        QTest::keyClicks(reg->scanField(), text);
        QTest::keyClick(reg->scanField(), Qt::Key_Return);
    }
    // The recall list as the cashier sees it (F6), choosing the row that starts with `pick`.
    QStringList recallList(const QString &pick = {}) {
        QStringList rows;
        whenModal<ChoiceDialog>([&rows, pick](ChoiceDialog *d) {
            int chosen = -1;
            for (int i = 0; i < d->rowCount(); ++i) {
                rows << d->text(i);
                if (!pick.isEmpty() && rows.back().startsWith(pick))
                    chosen = i;
            }
            if (chosen >= 0)
                d->choose(chosen);
            else
                d->reject();
        });
        reg->askRecall();
        return rows;
    }
};

qint64 salesCount(Database &db) {
    return value(db.scalar(QStringLiteral("SELECT COUNT(*) FROM sales"))).toLongLong();
}

} // namespace

TEST_CASE("Esc after a card approved on the terminal asks before discarding it",
          "[pos][pay][keep]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    Window w(tdb.db());
    w.scan(kLavender); // $26.53
    QString question;
    QString details;
    bool defaultKeeps = false;
    bool openAfterEsc = false;
    std::size_t tendersAfterEsc = 0;
    bool openAfterEnter = false;
    bool closedAfterDiscard = false;
    whenModal<PayDialog>([&](PayDialog *d) {
        CHECK(d->addCard(Money::fromCents(2000), QStringLiteral("1234"), QStringLiteral("A1B2")));
        CHECK(d->addCash(Money::fromCents(500)));
        // Esc: the question, answered "Keep paying".
        whenModal<QMessageBox>([&](QMessageBox *box) {
            question = box->text();
            details = box->informativeText();
            auto *keep = box->findChild<QPushButton *>(QStringLiteral("keepPaying"));
            defaultKeeps = keep && box->defaultButton() == keep && box->escapeButton() == keep;
            if (keep)
                keep->click();
            else
                box->close();
        });
        QTest::keyClick(d, Qt::Key_Escape);
        openAfterEsc = d->isVisible();
        tendersAfterEsc = d->tenders().size();
        // Enter on the question takes the safe default: the dialog stays.
        whenModal<QMessageBox>([](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Return); });
        QTest::keyClick(d, Qt::Key_Escape);
        openAfterEnter = d->isVisible();
        // "Back to ticket", then Discard: the dialog closes.
        whenModal<QMessageBox>([](QMessageBox *box) {
            if (auto *discard = box->findChild<QPushButton *>(QStringLiteral("discardTenders")))
                discard->click();
            else
                box->close();
        });
        d->reject();
        closedAfterDiscard = !d->isVisible();
        if (!closedAfterDiscard)
            d->done(QDialog::Rejected);
    });
    w.reg->pay();
    REQUIRE(openAfterEsc);
    REQUIRE(tendersAfterEsc == 2);
    REQUIRE(defaultKeeps);
    REQUIRE(question ==
            QStringLiteral("Discard the $25.00 already taken (card ending 1234, cash)?"));
    REQUIRE(details.contains(QStringLiteral("void it on the terminal")));
    REQUIRE(details.contains(QStringLiteral("$20.00")));
    REQUIRE(openAfterEnter);
    REQUIRE(closedAfterDiscard);
    REQUIRE(w.reg->model()->rowCount() == 1); // the ticket is still on screen
    REQUIRE(salesCount(tdb.db()) == 0);
}

TEST_CASE("Esc with nothing taken goes straight back to the ticket", "[pos][pay][keep]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    Window w(tdb.db());
    w.scan(kLavender);
    bool closed = false;
    whenModal<PayDialog>([&closed](PayDialog *d) {
        QTest::keyClick(d, Qt::Key_Escape);
        closed = !d->isVisible();
        if (!closed)
            d->done(QDialog::Rejected);
    });
    w.reg->pay();
    REQUIRE(closed);
}

TEST_CASE("closing the window parks the open ticket, the next start recalls it",
          "[pos][register][keep]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    {
        Window w(tdb.db());
        w.scan(kLavender);
        w.scan(kLavender);
        w.scan(QStringLiteral("OIL-ARN-120"));
        REQUIRE(w.window.close());
    }
    tdb.reopen();
    Window again(tdb.db());
    const QStringList listed = again.recallList(QStringLiteral("Lavender"));
    REQUIRE(listed.size() == 1);
    REQUIRE(listed.front().contains(QStringLiteral("parked at close")));
    const Ticket &t = again.reg->model()->ticket();
    REQUIRE(t.lines.size() == 2);
    REQUIRE(t.lines[0].code == QStringLiteral("OIL-LAV-120"));
    REQUIRE(t.lines[0].quantity == 2);
    REQUIRE(t.lines[1].code == QStringLiteral("OIL-ARN-120"));
}

TEST_CASE("closing with an empty ticket parks nothing and asks nothing", "[pos][register][keep]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    {
        Window w(tdb.db());
        REQUIRE(w.window.close());
    }
    REQUIRE(value(ParkedTickets(tdb.db()).list()).empty());
}

TEST_CASE("a recalled ticket stays parked until its sale commits", "[pos][register][keep]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    qint64 id = 0;
    {
        Window w(tdb.db());
        w.scan(kLavender);
        w.reg->hold(QStringLiteral("Ana"));
        const auto parked = value(ParkedTickets(tdb.db()).list());
        REQUIRE(parked.size() == 1);
        id = parked.front().id;
        REQUIRE(w.recallList(QStringLiteral("Ana")).size() == 1);
        REQUIRE(w.reg->model()->rowCount() == 1);
        // A crash: the window goes without closing and the sale never happens.
    }
    tdb.reopen();
    Window w(tdb.db());
    REQUIRE(w.recallList(QStringLiteral("Ana")).size() == 1);
    REQUIRE(w.reg->model()->rowCount() == 1);

    // Held again after a recall: its own row, no duplicate.
    w.scan(QStringLiteral("OIL-ARN-120"));
    w.reg->hold(QStringLiteral("Ana, with arnica"));
    auto parked = value(ParkedTickets(tdb.db()).list());
    REQUIRE(parked.size() == 1);
    REQUIRE(parked.front().id == id);
    REQUIRE(parked.front().ticket.lines.size() == 2);

    // Recalled and paid: the parked row goes with the sale, and there is one sale.
    REQUIRE(w.recallList(QStringLiteral("Ana")).size() == 1);
    whenModal<PayDialog>([](PayDialog *d) {
        CHECK(d->addCash(d->due()));
        CHECK(d->complete());
        d->accept();
    });
    w.reg->pay();
    REQUIRE(value(ParkedTickets(tdb.db()).list()).empty());
    REQUIRE(salesCount(tdb.db()) == 1);
    REQUIRE(value(SaleService(tdb.db()).load(1)).lines.size() == 2);
}

TEST_CASE("voiding every line of a recalled ticket voids the held ticket",
          "[pos][register][keep]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    Window w(tdb.db());
    w.scan(kLavender);
    w.reg->hold(QStringLiteral("Ana"));
    REQUIRE(w.recallList(QStringLiteral("Ana")).size() == 1);
    w.reg->setCurrentRow(0);
    w.reg->voidLine();
    REQUIRE(value(ParkedTickets(tdb.db()).list()).empty());
    REQUIRE(w.reg->statusMessage().contains(QStringLiteral("held ticket is voided")));
}

TEST_CASE("closed while Pay is open, the parked ticket says what was taken",
          "[pos][register][keep]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    {
        Window w(tdb.db());
        w.scan(kLavender);
        whenModal<PayDialog>([&w](PayDialog *d) {
            CHECK(d->addCard(Money::fromCents(2000), QStringLiteral("1234"), QStringLiteral("A1")));
            w.window.close(); // as SIGTERM does
            d->done(QDialog::Rejected);
        });
        w.reg->pay();
    }
    const auto parked = value(ParkedTickets(tdb.db()).list());
    REQUIRE(parked.size() == 1);
    REQUIRE(parked.front().label.contains(QStringLiteral("parked at close")));
    REQUIRE(parked.front().label.contains(QStringLiteral("card ending 1234 $20.00 (auth A1)")));
    REQUIRE(parked.front().ticket.lines.size() == 1);
}
