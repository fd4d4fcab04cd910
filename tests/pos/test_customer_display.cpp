// SPDX-License-Identifier: GPL-3.0-or-later
// The customer-facing display: chosen in Settings, it follows the ticket as it is scanned, shows
// the total, the change, what stays on a gift card and the QR of a card just sold (read back
// with ZXing), and the store's message when idle.
#include "pos/app/customerdisplay.h"
#include "pos/app/mainwindow.h"
#include "pos/app/paydialog.h"
#include "pos/app/registerwidget.h"
#include "pos/screens/displaysettings.h"
#include "pos/screens/screen.h"
#include "pos/screens/settingsscreen.h"
#include "tests/pos/posfixture.h"
#include "tests/printing/printingfixtures.h"

#include <QDir>
#include <QGuiApplication>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace oasis;
using namespace oasis::app;
using postest::whenModal;

TEST_CASE("the customer display follows the ticket, shows the change, the card left and the QR "
          "of a card sold",
          "[pos][display]") {
    postest::TempSettings temp;
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    MainWindow window(tdb.db(), QStringLiteral("test-register"));
    REQUIRE(window.customerDisplay() == nullptr); // none chosen

    // Settings: a screen that is not connected is refused; the one this machine has is taken.
    screens::ScreenContext ctx;
    ctx.db = &tdb.db();
    ctx.currentUser = [&] { return postest::frontDesk(tdb.db()); };
    screens::SettingsScreen settings(ctx);
    QObject::connect(&settings, &screens::SettingsScreen::displaySettingsChanged, &window,
                     &MainWindow::applyDisplaySettings);
    REQUIRE_FALSE(settings.saveDisplay(QStringLiteral("HDMI-9"), QString()));
    REQUIRE(window.customerDisplay() == nullptr);
    const QString screen = screens::screenId(QGuiApplication::primaryScreen());
    oasis::test::ok(settings.saveDisplay(screen, QStringLiteral("Breathe in. Welcome.")));
    REQUIRE(screens::DisplaySettings::load().screen == screen);
    CustomerDisplay *display = window.customerDisplay();
    REQUIRE(display);
    CHECK(display->text() == QStringLiteral("Breathe in. Welcome."));

    window.resize(1366, 768);
    window.show();
    window.startSession(postest::frontDesk(tdb.db()));
    RegisterWidget *reg = window.registerScreen();
    QTest::keyClicks(reg->scanField(), QStringLiteral("0850071001020")); // lavender oil $24.00
    QTest::keyClick(reg->scanField(), Qt::Key_Return);
    CHECK(display->text().contains(QStringLiteral("Lavender Calm Body Oil")));
    CHECK(display->text().contains(QStringLiteral("Total $26.53")));

    // A gift card sold with it, paid in cash: the change and the card's QR.
    reg->addGiftCard(Money::fromCents(50'00), QStringLiteral("Kim"));
    CHECK(display->text().contains(QStringLiteral("Total $76.53")));
    QString code;
    whenModal<PayDialog>([&code](PayDialog *d) {
        CHECK(d->addCash(Money::fromCents(80'00)));
        CHECK(d->complete());
        code = d->completedSale()->giftCards.front().code;
        d->accept();
    });
    reg->pay();
    REQUIRE_FALSE(code.isEmpty());
    CHECK(display->text().contains(QStringLiteral("Your change $3.47")));
    CHECK(printing::test::decodeQrCodes(display->qrImage()).contains(code));
    if (const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        display->resize(1280, 720);
        CHECK(display->grab().save(QDir(dir).filePath(QStringLiteral("customer-display.png"))));
    }

    // Paying with that card: what stays on it.
    QTest::keyClicks(reg->scanField(), QStringLiteral("0850071001020"));
    QTest::keyClick(reg->scanField(), Qt::Key_Return);
    whenModal<PayDialog>([](PayDialog *d) {
        QTimer::singleShot(0, d, [d] {
            CHECK(d->complete());
            d->accept();
        });
    });
    QTest::keyClicks(reg->scanField(), code);
    QTest::keyClick(reg->scanField(), Qt::Key_Return);
    CHECK(display->text().contains(QStringLiteral("$23.47 left on your gift card")));
    CHECK(display->qrImage().isNull()); // no card sold this time

    // Turned off in Settings: the window goes.
    oasis::test::ok(settings.saveDisplay(QString(), QString()));
    CHECK(window.customerDisplay() == nullptr);
}

TEST_CASE("the customer display says what of a card's balance is promotional, and until when",
          "[pos][display][promo]") {
    postest::PosClock clock; // en_US
    CustomerDisplay display(QStringLiteral("Lake Union"), QString());
    CompletedSale sale;
    sale.totals.total = Money::fromCents(26'53);
    AppliedTender paid;
    paid.type = TenderType::Gift;
    paid.amount = Money::fromCents(26'53);
    paid.giftCardLast4 = QStringLiteral("1JJ0");
    paid.giftCardBalance = Money::fromCents(3'47);
    paid.giftCardPromo = Money::fromCents(3'47);
    paid.giftCardPromoExpires = QDate(2027, 3, 31);
    sale.tenders.push_back(paid);
    display.showSale(sale);
    CHECK(display.text().contains(
        QStringLiteral("$3.47 left on your gift card ••1JJ0\n$3.47 of "
                       "it promotional, expires %1")
            .arg(QLocale().toString(QDate(2027, 3, 31), screens::shortDateFormatFullYear()))));
    // Paid value alone: no such line.
    sale.tenders.front().giftCardPromo = Money();
    sale.tenders.front().giftCardPromoExpires = QDate();
    display.showSale(sale);
    CHECK_FALSE(display.text().contains(QStringLiteral("promotional")));
}
