// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: renders the screens to PNG files for a person to look at.
// OASIS_SCREENSHOT_DIR=/tmp/shots ./test_screens "[screenshots]"
#include "pos/screens/giftcardcertificate.h"
#include "pos/screens/giftcardscreen.h"
#include "pos/screens/printchoice.h"
#include "pos/screens/reportsscreen.h"
#include "pos/screens/settingsscreen.h"
#include "pos/screens/staffscreen.h"
#include "tests/screens/screensfixture.h"

#include "core/services/sale.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;

namespace {

void shoot(QWidget &w, const QString &dir, const QString &name, QSize size = {1280, 720}) {
    w.resize(size);
    w.show();
    QTest::qWait(0);
    CHECK(w.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

} // namespace

TEST_CASE("screenshots of the screens", "[.][screenshots]") {
    const QString dir = qEnvironmentVariable("OASIS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    oasis::test::TempDb tdb(true);
    TempSettings settings;
    Context c(tdb.db(), QStringLiteral("frontdesk"), QStringLiteral("manager"));

    Ticket ticket;
    ticket.addGiftCard(Money::fromCents(150'00), QStringLiteral("Ana Whitfield"),
                       QStringLiteral("Ben and the kids"),
                       QStringLiteral("Happy birthday, take an afternoon for yourself!"));
    Tender cash;
    cash.amount = Money::fromCents(150'00);
    auto sale = oasis::test::value(
        SaleService(tdb.db()).complete(ticket, {cash}, c.user, std::nullopt, c.ctx.registerId));
    const IssuedCard card = sale.giftCards.front();

    GiftCardScreen gift(c.ctx);
    QTest::keyClicks(gift.codeField(), card.code);
    QTest::keyClick(gift.codeField(), Qt::Key_Return);
    Tender more;
    more.amount = Money::fromCents(40'00);
    gift.reload(Money::fromCents(25'00), more);
    shoot(gift, dir, QStringLiteral("giftcard"));
    QTest::keyClicks(gift.codeField(), QStringLiteral("GC1-7MZ4-Q8RT-N2XW-K5PB-7KQ3"));
    QTest::keyClick(gift.codeField(), Qt::Key_Return);
    shoot(gift, dir, QStringLiteral("giftcard-typo"));

    whenModal<QDialog>([dir](QDialog *d) {
        shoot(*d, dir, QStringLiteral("giftcard-sell"), d->sizeHint());
        d->reject();
    });
    gift.findChild<QPushButton *>(QStringLiteral("sell"))->click();
    whenModal<QDialog>([dir](QDialog *d) {
        shoot(*d, dir, QStringLiteral("giftcard-liability"), {900, 600});
        d->reject();
    });
    gift.findChild<QPushButton *>(QStringLiteral("liability"))->click();

    CertificatePreviewDialog preview(gift.certificateFor(
        card.code, card.amount, QStringLiteral("Ana Whitfield"), QStringLiteral("Ben")));
    shoot(preview, dir, QStringLiteral("giftcard-certificate"), preview.sizeHint());

    Context owner(tdb.db(), QStringLiteral("owner"));
    StaffScreen staffScreen(owner.ctx);
    shoot(staffScreen, dir, QStringLiteral("staff"));

    Context manager(tdb.db(), QStringLiteral("manager"));
    SettingsScreen settingsScreen(manager.ctx);
    for (int i = 0; i < settingsScreen.tabs()->count(); ++i) {
        settingsScreen.tabs()->setCurrentIndex(i);
        shoot(settingsScreen, dir, QStringLiteral("settings-%1").arg(i));
    }

    // Settings → Printers with two receipt printers on USB and a network address typed.
    {
        QTemporaryDir usb;
        for (const char *name : {"lp0", "lp1"}) {
            QFile file(usb.filePath(QLatin1String(name)));
            CHECK(file.open(QIODevice::WriteOnly));
        }
        SettingsScreen printers(manager.ctx);
        printers.setUsbFolder(usb.path());
        CHECK(printers.usePrinter(QStringLiteral("device:") + usb.filePath(QStringLiteral("lp0"))));
        printers.findChild<QLineEdit *>(QStringLiteral("networkAddress"))
            ->setText(QStringLiteral("192.168.1.300"));
        printers.useNetworkPrinter(); // refused: shows its one-line message
        for (int i = 0; i < printers.tabs()->count(); ++i)
            if (printers.tabs()->tabText(i) == SettingsScreen::tr("Printers"))
                printers.tabs()->setCurrentIndex(i);
        shoot(printers, dir, QStringLiteral("settings-printers"), {1366, 768});
    }

    whenModal<PrintChoiceDialog>([dir](PrintChoiceDialog *d) {
        shoot(*d, dir, QStringLiteral("print-choice"), d->sizeHint());
        d->reject();
    });
    printOrSave(Printable{QStringLiteral("Receipt OR1-000042"), QStringLiteral("receipt.pdf"),
                          nullptr, nullptr},
                nullptr);

    ReportsScreen reports(owner.ctx);
    shoot(reports, dir, QStringLiteral("reports-x"), {1366, 768});
}
