// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: renders the screens to PNG files for a person to look at.
// OASIS_SCREENSHOT_DIR=/tmp/shots ./test_screens "[screenshots]"
#include "pos/screens/clientsscreen.h"
#include "pos/screens/giftcardcertificate.h"
#include "pos/screens/giftcardscreen.h"
#include "pos/screens/inventoryscreen.h"
#include "pos/screens/labelsdialog.h"
#include "pos/screens/printchoice.h"
#include "pos/screens/reportsscreen.h"
#include "pos/screens/settingsscreen.h"
#include "pos/screens/shiftscreen.h"
#include "pos/screens/staffscreen.h"
#include "tests/screens/screensfixture.h"

#include "core/services/catalog.h"
#include "core/services/inventory.h"
#include "core/services/sale.h"
#include "core/services/shift.h"
#include "core/services/staff.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;

namespace {

void shoot(QWidget &w, const QString &dir, const QString &name, QSize size = {1366, 768}) {
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
    Context manager(tdb.db(), QStringLiteral("manager"));
    {
        // A client with two visits, a purchase and a card, and a second one to list.
        ClientService clients(tdb.db());
        ClientDetails d;
        d.name = QStringLiteral("Ana Ruiz");
        d.phone = QStringLiteral("(206) 555-0142");
        d.email = QStringLiteral("ana.ruiz@example.com");
        d.notes = QStringLiteral("Prefers a quiet room and a warm table");
        d.healthFlags = QStringList{QStringLiteral("Allergy: nut oils (almond, coconut)"),
                                    QStringLiteral("Pregnant, second trimester: side-lying only")};
        const Client ana = oasis::test::value(clients.add(d, manager.user));
        int number = 10;
        for (const char *name : {"Ben Cho", "Chloe Martin", "Dev Patel"}) {
            ClientDetails other;
            other.name = QString::fromLatin1(name);
            other.phone = QStringLiteral("206-555-01%1").arg(++number);
            oasis::test::value(clients.add(other, manager.user));
        }
        const StaffMember lena = oasis::test::staffNamed(tdb.db(), QStringLiteral("lena"));
        for (int visit = 0; visit < 2; ++visit) {
            Ticket t;
            t.addItem(*oasis::test::value(CatalogService(tdb.db()).findByCode(
                          QString::fromLatin1(visit == 0 ? "DT60" : "SW90"))),
                      1, lena.id, lena.displayName);
            if (visit == 1) {
                t.addItem(*oasis::test::value(
                    CatalogService(tdb.db()).findByCode(QStringLiteral("OIL-LAV-120"))));
                t.addGiftCard(Money::fromCents(50'00));
            }
            t.clientId = ana.id;
            Tender pay;
            pay.amount = Money::fromCents(400'00);
            oasis::test::value(
                SaleService(tdb.db()).complete(t, {pay}, c.user, std::nullopt, c.ctx.registerId));
        }
        ClientsScreen clientsScreen(manager.ctx);
        clientsScreen.showClient(ana.id);
        shoot(clientsScreen, dir, QStringLiteral("clients"));
        ClientsScreen deskClients(c.ctx);
        deskClients.showClient(ana.id);
        shoot(deskClients, dir, QStringLiteral("clients-frontdesk"));
        whenModal<QDialog>([dir](QDialog *dlg) {
            shoot(*dlg, dir, QStringLiteral("clients-edit"), dlg->size());
            dlg->reject();
        });
        clientsScreen.findChild<QPushButton *>(QStringLiteral("editClient"))->click();
    }
    StaffScreen staffScreen(owner.ctx);
    shoot(staffScreen, dir, QStringLiteral("staff"));
    whenModal<QDialog>([dir](QDialog *d) {
        shoot(*d, dir, QStringLiteral("staff-commission"), d->size());
        d->reject();
    });
    staffScreen.findChild<QPushButton *>(QStringLiteral("commissionRates"))->click();

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

    // Shelf labels for this morning's delivery, on a sheet whose first three labels are used.
    {
        for (auto [code, quantity] : {std::pair{"OIL-EUC-120", 4}, std::pair{"LOT-CIT-200", 3},
                                      std::pair{"BLM-CBD-050", 2}}) {
            ReceiveRequest r;
            r.code = QString::fromLatin1(code);
            r.quantity = quantity;
            oasis::test::value(InventoryService(tdb.db()).receive(r, c.user));
        }
        InventoryScreen inventory(c.ctx);
        shoot(inventory, dir, QStringLiteral("inventory"), {1366, 768});
        LabelsDialog labels(c.ctx, {});
        labels.findChild<QSpinBox *>(QStringLiteral("labelsStart"))->setValue(4);
        shoot(labels, dir, QStringLiteral("labels-dialog"), {1080, 640});
        CHECK(printing::renderLabelPageImage(labels.job(), 0, 150)
                  .save(QDir(dir).filePath(QStringLiteral("labels-5160.png"))));
    }

    // A small day of sales, so that the reports have something to show.
    CatalogService catalog(tdb.db());
    StaffService staff(tdb.db());
    const auto sellOf = [&](const QString &code, const QString &therapist, Money tip) {
        Ticket t;
        const StaffMember who = oasis::test::value(staff.find(therapist));
        t.addItem(*oasis::test::value(catalog.findByCode(code)), 1, who.id, who.displayName);
        t.addItem(*oasis::test::value(catalog.findByCode(QStringLiteral("OIL-LAV-120"))), 1);
        if (!tip.isZero())
            t.addTip(tip, who.id, who.displayName);
        Tender pay;
        pay.amount = Money::fromCents(400'00);
        oasis::test::value(
            SaleService(tdb.db()).complete(t, {pay}, c.user, std::nullopt, c.ctx.registerId));
    };
    sellOf(QStringLiteral("DT60"), QStringLiteral("lena"), Money::fromCents(20'00));
    sellOf(QStringLiteral("HS90"), QStringLiteral("marco"), Money::fromCents(30'00));
    sellOf(QStringLiteral("NMR60"), QStringLiteral("priya"), Money());
    sellOf(QStringLiteral("SW60"), QStringLiteral("lena"), Money::fromCents(15'00));

    ReportsScreen reports(owner.ctx);
    shoot(reports, dir, QStringLiteral("reports-x"), {1366, 768});
    auto *tabs = reports.findChild<QTabWidget *>();
    REQUIRE(tabs);
    tabs->setCurrentIndex(1);
    auto *kind = reports.findChild<QComboBox *>(QStringLiteral("reportKind"));
    REQUIRE(kind);
    QPushButton *showButton = nullptr;
    for (QPushButton *b : reports.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Show"))
            showButton = b;
    REQUIRE(showButton);
    for (int i = 0; i < kind->count(); ++i) {
        kind->setCurrentIndex(i);
        showButton->click();
        shoot(reports, dir, QStringLiteral("reports-%1").arg(kind->itemData(i).toString()),
              {1366, 768});
    }
    tabs->setCurrentIndex(2);
    shoot(reports, dir, QStringLiteral("reports-dashboard"), {1366, 768});

    // A shift with a cash sale and a tip paid out, its drawer half counted, then closed.
    ShiftService shifts(tdb.db());
    oasis::test::value(shifts.open(Money::fromCents(150'00), c.user, c.ctx.registerId));
    Ticket another;
    another.addGiftCard(Money::fromCents(75'00), QString(), QString(), QString());
    Tender eighty;
    eighty.amount = Money::fromCents(80'00);
    oasis::test::value(
        SaleService(tdb.db()).complete(another, {eighty}, c.user, std::nullopt, c.ctx.registerId));
    oasis::test::value(shifts.payOut(Money::fromCents(20'00),
                                     QStringLiteral("tip paid out in cash to Lena"), c.user,
                                     std::nullopt, c.ctx.registerId));
    ShiftScreen shift(c.ctx);
    for (auto [cents, n] : std::initializer_list<std::pair<qint64, int>>{
             {50'00, 1}, {20'00, 6}, {10'00, 3}, {5'00, 2}, {1'00, 4}})
        QTest::keyClicks(shift.countField(cents), QString::number(n));
    shift.countField(25)->setFocus();
    shoot(shift, dir, QStringLiteral("shift-count"), {1366, 768});
    QTest::keyClicks(shift.countField(25), QStringLiteral("3"));
    whenModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
    for (QPushButton *b : shift.findChildren<QPushButton *>())
        if (b->text().startsWith(QLatin1String("Close shift")))
            b->click();
    shoot(shift, dir, QStringLiteral("shift-summary"), {1366, 768});
}
