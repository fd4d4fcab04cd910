// SPDX-License-Identifier: GPL-3.0-or-later
// The counter at 1366x768 as each role sees it: screens a role may not use, text that fits,
// and screenshots for a person to look at.
#include "core/domain/tax.h"
#include "core/services/clients.h"
#include "core/services/giftcard.h"
#include "core/services/staff.h"
#include "pos/app/appstyle.h"
#include "pos/app/backoffice.h"
#include "pos/app/dialogs.h"
#include "pos/app/mainwindow.h"
#include "pos/app/paydialog.h"
#include "pos/app/registerwidget.h"
#include "tests/pos/posfixture.h"
#include "tests/pos/textfit.h"

#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QTest>

#include <link.h>

using namespace oasis;
using namespace oasis::app;
using oasis::test::value;
using postest::whenModal;

namespace {

const QStringList kScreens{QStringLiteral("register"),  QStringLiteral("receipts"),
                           QStringLiteral("giftcards"), QStringLiteral("inventory"),
                           QStringLiteral("shift"),     QStringLiteral("reports"),
                           QStringLiteral("staff"),     QStringLiteral("settings")};

struct Counter {
    oasis::test::TempDb tdb{true};
    postest::PosClock clock;
    MainWindow window{tdb.db(), QStringLiteral("test-register")};

    explicit Counter(const QString &who) {
        applyAppStyle(*qApp);
        installBackOffice(window, tdb.db(), QStringLiteral("test-register"));
        window.resize(1366, 768);
        window.show();
        window.startSession(value(StaffService(tdb.db()).find(who)));
        QApplication::setActiveWindow(&window);
    }
    QPushButton *navButton(const QString &id) const {
        for (QPushButton *b : window.findChildren<QPushButton *>(QStringLiteral("navButton")))
            if (b->property("screenId").toString() == id)
                return b;
        return nullptr;
    }
    /// The screen on show, under its restriction line.
    QWidget *shown() const {
        return window.findChildren<QStackedWidget *>().at(1)->currentWidget();
    }
    void scan(const QString &text) {
        RegisterWidget *reg = window.registerScreen();
        QTest::keyClicks(reg->scanField(), text);
        QTest::keyClick(reg->scanField(), Qt::Key_Return);
    }
    void show(const QString &id) {
        window.showScreen(id);
        QTest::qWait(20);
    }
};

QStringList restrictedScreens(const Counter &c) {
    QStringList ids;
    for (const QString &id : kScreens)
        if (c.navButton(id)->property("restricted").toBool())
            ids << id;
    return ids;
}

} // namespace

TEST_CASE("a front-desk login sees staff and settings disabled, with who may use them",
          "[pos][backoffice][approval]") {
    SECTION("the front desk") {
        Counter c(QStringLiteral("frontdesk"));
        REQUIRE(restrictedScreens(c) ==
                QStringList{QStringLiteral("staff"), QStringLiteral("settings")});
        c.show(QStringLiteral("settings"));
        const QString line = c.window.restrictionOf(QStringLiteral("settings"));
        CHECK(line ==
              QStringLiteral("Changing settings or tax rates is for managers and the owner."));
        // The line is on screen, above the screen itself, which takes no input.
        auto *label = c.shown()->findChild<QLabel *>(QStringLiteral("restrictedLine"));
        REQUIRE(label);
        CHECK(label->isVisible());
        CHECK(label->text() == line);
        for (QWidget *w : c.shown()->findChildren<QWidget *>())
            if (w != label && w->isVisible())
                CHECK_FALSE(w->isEnabled());
        c.show(QStringLiteral("staff"));
        CHECK(c.window.restrictionOf(QStringLiteral("staff")) ==
              QStringLiteral("Managing staff is for the owner."));
        // The screens the front desk may use are not marked.
        CHECK(c.window.restrictionOf(QStringLiteral("reports")).isEmpty());

        // The owner logs in at the same register: everything opens.
        c.window.lock();
        c.window.startSession(value(StaffService(c.tdb.db()).find(QStringLiteral("owner"))));
        CHECK(restrictedScreens(c).isEmpty());
        c.show(QStringLiteral("settings"));
        CHECK(c.window.restrictionOf(QStringLiteral("settings")).isEmpty());
        CHECK_FALSE(c.shown()->findChild<QLabel *>(QStringLiteral("restrictedLine"))->isVisible());
        CHECK(c.shown()->layout()->itemAt(1)->widget()->isEnabled());
    }
    SECTION("a manager") {
        Counter c(QStringLiteral("manager"));
        REQUIRE(restrictedScreens(c) == QStringList{QStringLiteral("staff")});
    }
}

TEST_CASE("the text-fit check finds a cut-off button and label", "[pos][fit]") {
    applyAppStyle(*qApp);
    QWidget w;
    auto *button = new QPushButton(QStringLiteral("Print the certificate"), &w);
    auto *label = new QLabel(QStringLiteral("Outstanding on all cards"), &w);
    auto *wrapped = new QLabel(QStringLiteral("A long line that wraps as it needs"), &w);
    wrapped->setWordWrap(true);
    button->setGeometry(0, 0, 60, 48);
    label->setGeometry(0, 50, 60, 30);
    wrapped->setGeometry(0, 80, 120, 200); // wraps onto lines it has room for
    w.resize(500, 300);
    w.show();
    const QStringList found = postest::clippedTexts(&w);
    REQUIRE(found.size() == 2);
    CHECK(found.at(0).contains(QStringLiteral("Print the certificate")));
    CHECK(found.at(1).contains(QStringLiteral("Outstanding on all cards")));
    button->resize(400, 48);
    label->resize(400, 30);
    CHECK(postest::clippedTexts(&w).isEmpty());
    // A wrapped label without the height for its lines is cut off too.
    wrapped->resize(120, 20);
    const QStringList short_ = postest::clippedTexts(&w);
    REQUIRE(short_.size() == 1);
    CHECK(short_.at(0).contains(QStringLiteral("A long line that wraps")));
}

TEST_CASE("the counter app's window has its icon", "[pos]") {
    applyWindowIcon(*qApp);
    // Read as the PNG it is, without loading an image plugin to guess the format.
    QByteArrayList loaded;
    dl_iterate_phdr(
        [](dl_phdr_info *info, size_t, void *out) {
            static_cast<QByteArrayList *>(out)->append(QByteArray(info->dlpi_name));
            return 0;
        },
        &loaded);
    REQUIRE(loaded.join(' ').contains("libQt6Gui.so"));
    REQUIRE_FALSE(loaded.join(' ').contains("imageformats"));
    const QIcon icon = QApplication::windowIcon();
    REQUIRE_FALSE(icon.isNull());
    const QImage drawn = icon.pixmap(64, 64).toImage();
    REQUIRE(drawn.size() == QSize(64, 64));
    // The drop on the mark, not an empty square: its pixels are not all one colour.
    REQUIRE(drawn.pixel(0, 0) != drawn.pixel(32, 32));
}

TEST_CASE("no text is cut off at 1366x768 on the register, the pay dialog and the screens",
          "[pos][fit]") {
    Counter c(QStringLiteral("owner"));
    c.scan(QStringLiteral("0850071001020"));
    c.scan(QStringLiteral("BLM-MUS-060"));
    for (const QString &id : kScreens) {
        c.show(id);
        INFO("screen " << id.toStdString());
        CHECK(postest::clippedTexts(&c.window).join(u'\n').toStdString() == "");
    }
    c.show(QStringLiteral("register"));
    // The longest line the register says after a scan, in full where the eye already is.
    const auto typo = GiftCardService(c.tdb.db())
                          .lookup(QStringLiteral("GC1-AAAA-BBBB-CCCC-DDDD-EEEE"),
                                  QStringLiteral("test-register"));
    REQUIRE_FALSE(typo);
    c.window.registerScreen()->showMessage(typo.error().message, true);
    CHECK(postest::clippedTexts(&c.window).join(u'\n').toStdString() == "");
    c.window.registerScreen()->showMessage(QString());
    QStringList inPay;
    whenModal<PayDialog>([&](PayDialog *d) {
        QTest::qWait(20);
        inPay = postest::clippedTexts(d);
        CHECK(d->addCash(d->due()));
        CHECK(d->complete());
        QTest::qWait(20);
        inPay += postest::clippedTexts(d);
        d->accept();
    });
    c.window.registerScreen()->pay();
    CHECK(inPay.join(u'\n').toStdString() == "");
}

TEST_CASE("a dialog is made taller for a prompt and a message that wrap over several lines",
          "[pos][fit]") {
    // The ticket discount's prompt wraps over two lines, and what it says to words typed in it
    // over three more: Qt does not make a window taller for them by itself, and the dialog's
    // rows were squeezed into each other, its buttons cut off (seen at 1366x768).
    Counter c(QStringLiteral("frontdesk"));
    c.scan(QStringLiteral("OIL-LAV-120"));
    QStringList before, after;
    QString said;
    bool tallEnough = false;
    whenModal<EntryDialog>([&](EntryDialog *d) {
        QTest::qWait(20);
        before = postest::clippedTexts(d);
        CHECK_FALSE(d->submit(QStringLiteral("ten percent off please")));
        QTest::qWait(20);
        said = d->message();
        after = postest::clippedTexts(d);
        tallEnough = d->height() >= d->heightForWidth(d->width());
        d->reject();
    });
    c.window.registerScreen()->askTicketDiscount();
    CHECK(said == QStringLiteral("\"ten percent off please\" is not a discount: use a percentage "
                                 "from 0% to 100% or an amount like 5.00."));
    CHECK(before.join(u'\n').toStdString() == "");
    CHECK(after.join(u'\n').toStdString() == "");
    CHECK(tallEnough);

    // A dialog at the foot of the screen grows upwards, staying on it whole.
    EntryDialog low(QStringLiteral("Ticket discount"),
                    QStringLiteral("Discount on the whole ticket:"));
    low.setCheck([](const QString &text) {
        auto d = Discount::parse(text);
        return d ? QString() : d.error().message;
    });
    low.show();
    QTest::qWait(20);
    const QRect room = low.screen()->availableGeometry();
    low.move(low.x(), room.bottom() + 1 - low.frameGeometry().height());
    QTest::qWait(20);
    const int height = low.height();
    CHECK_FALSE(low.submit(QStringLiteral("ten percent off please")));
    QTest::qWait(20);
    CHECK(low.height() > height);
    CHECK(low.height() >= low.heightForWidth(low.width()));
    CHECK(room.contains(low.frameGeometry()));
}

TEST_CASE("the approval dialog is tall enough for a reason of several lines", "[pos][fit]") {
    // Core's reason for a price the catalog changed runs over four lines: the PIN pad
    // overlapped the Approve and Cancel buttons (seen at 1366x768).
    applyAppStyle(*qApp);
    oasis::test::TempDb tdb(true);
    ApprovalDialog dialog(
        tdb.db(), Action::PriceOverride,
        QStringLiteral("Lavender Calm Body Oil now costs $26.00 in the catalog, not $24.00 as "
                       "rung up: ring it up again, or a price override at $24.00 needs approval "
                       "by a manager or the owner."));
    dialog.show();
    CHECK(dialog.height() >= dialog.heightForWidth(dialog.width())); // before the first paint
    QTest::qWait(20);
    CHECK(postest::clippedTexts(&dialog).join(u'\n').toStdString() == "");
    CHECK_FALSE(dialog.submit(QStringLiteral("manager"), QStringLiteral("0000")));
    QTest::qWait(20);
    CHECK_FALSE(dialog.message().isEmpty());
    CHECK(postest::clippedTexts(&dialog).join(u'\n').toStdString() == "");
    CHECK(dialog.height() >= dialog.heightForWidth(dialog.width()));
}

TEST_CASE("screenshots of the counter", "[.][screenshots]") {
    const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    auto save = [&](QWidget *w, const QString &name) {
        CHECK(w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    };
    Counter c(QStringLiteral("frontdesk"));
    c.scan(QStringLiteral("0850071001020"));
    REQUIRE(c.window.registerScreen()->setTicketDiscount(QStringLiteral("10%")));
    c.window.registerScreen()->hold(QStringLiteral("Ana Whitfield, 3 pm deep tissue"));
    c.scan(QStringLiteral("BLM-MUS-060"));
    c.scan(QStringLiteral("0850071001020"));
    c.window.registerScreen()->hold(QStringLiteral("Ben"));
    c.scan(QStringLiteral("0850071001020"));
    QTest::qWait(20);
    save(&c.window, QStringLiteral("counter-register"));
    c.window.registerScreen()->hold({});
    whenModal<ChoiceDialog>([&](ChoiceDialog *d) {
        QTest::qWait(20);
        save(d, QStringLiteral("counter-held-tickets"));
        d->reject();
    });
    c.window.registerScreen()->askRecall();
    c.show(QStringLiteral("settings"));
    save(&c.window, QStringLiteral("counter-settings-frontdesk"));
    c.show(QStringLiteral("register"));
    c.scan(QStringLiteral("0850071001020"));
    whenModal<PayDialog>([&](PayDialog *d) {
        QTest::qWait(20);
        save(d, QStringLiteral("counter-pay"));
        d->reject();
    });
    c.window.registerScreen()->pay();

    // A session for a client with health notes: the front desk is told there are some, a
    // manager reads them.
    ClientDetails ana;
    ana.name = QStringLiteral("Ana Ruiz");
    ana.phone = QStringLiteral("(206) 555-0142");
    ana.notes = QStringLiteral("Prefers a quiet room");
    ana.healthFlags = QStringList{QStringLiteral("Allergy: nut oils (almond, coconut)"),
                                  QStringLiteral("Pregnant, second trimester: side-lying only")};
    value(ClientService(c.tdb.db())
              .add(ana, value(StaffService(c.tdb.db()).find(QStringLiteral("manager")))));
    c.scan(QStringLiteral("555-0142"));
    whenModal<ChoiceDialog>([](ChoiceDialog *d) { d->choose(0); });
    c.scan(QStringLiteral("DT60"));
    QTest::qWait(20);
    save(&c.window, QStringLiteral("counter-client-frontdesk"));
    c.window.startSession(value(StaffService(c.tdb.db()).find(QStringLiteral("manager"))));
    QTest::qWait(20);
    save(&c.window, QStringLiteral("counter-client-manager"));
}
