// SPDX-License-Identifier: GPL-3.0-or-later
// The register's client: found from the scan field by name or phone, shown on the ticket, health
// notes in a banner for those who may see them, the sale linked to the client, nothing printed.
#include "core/services/clients.h"
#include "core/services/sale.h"
#include "core/services/storesettings.h"
#include "pos/app/backoffice.h"
#include "pos/app/dialogs.h"
#include "pos/app/mainwindow.h"
#include "pos/app/paydialog.h"
#include "pos/app/registerwidget.h"
#include "pos/app/ticketmodel.h"
#include "pos/screens/clientsscreen.h"
#include "printing/salereceipt.h"
#include "printing/text.h"
#include "tests/pos/posfixture.h"
#include "tests/pos/registercounter.h"

#include <QInputDialog>
#include <QPushButton>
#include <QTest>

using namespace oasis;
using namespace oasis::app;
using oasis::test::value;
using postest::whenModal;

namespace {

struct ClientCounter : postest::RegisterCounter {
    Client ana;

    ClientCounter() {
        ClientDetails d;
        d.name = QStringLiteral("Ana Ruiz");
        d.phone = QStringLiteral("(206) 555-0142");
        d.healthFlags = QStringList{QStringLiteral("Allergy: nut oils"),
                                    QStringLiteral("Pregnant (2nd trimester)")};
        ana = value(ClientService(tdb.db()).add(
            d, oasis::test::staffNamed(tdb.db(), QStringLiteral("manager"))));
    }
    void addSession() {
        whenModal<ChoiceDialog>([](ChoiceDialog *d) { d->choose(0); });
        scan(QStringLiteral("DT60"));
        REQUIRE(model->rowCount() == 1);
    }
};

} // namespace

TEST_CASE("the scan field finds a client by phone and the sale is theirs", "[pos][clients]") {
    ClientCounter c;
    REQUIRE(c.reg->clientText().contains(QStringLiteral("No client")));
    c.scan(QStringLiteral("555-0142"));
    REQUIRE(c.model->ticket().clientId == c.ana.id);
    REQUIRE(c.model->rowCount() == 0); // a client is no line
    REQUIRE(c.reg->clientText().contains(QStringLiteral("Ana Ruiz")));
    REQUIRE_FALSE(c.reg->healthBannerShown()); // no session yet

    c.addSession();
    // The front desk learns there are notes, never what they say.
    REQUIRE(c.reg->healthBannerShown());
    REQUIRE(c.reg->healthBannerText().contains(QStringLiteral("health notes for the therapist")));
    REQUIRE_FALSE(c.reg->healthBannerText().contains(QStringLiteral("nut oils")));

    SECTION("a manager at the register reads the notes themselves") {
        c.window.startSession(oasis::test::staffNamed(c.tdb.db(), QStringLiteral("manager")));
        REQUIRE(c.reg->healthBannerShown());
        REQUIRE(c.reg->healthBannerText().contains(QStringLiteral("Allergy: nut oils")));
        REQUIRE(c.reg->healthBannerText().contains(QStringLiteral("Pregnant")));
    }
    SECTION("paying links the sale to the client and the receipt says nothing of health") {
        whenModal<PayDialog>([](PayDialog *d) {
            CHECK(d->addCash(Money::fromCents(20000)));
            CHECK(d->complete());
            d->accept();
        });
        c.reg->pay();
        REQUIRE(c.model->rowCount() == 0);
        REQUIRE(c.model->ticket().clientId == 0); // the next ticket starts without a client
        REQUIRE_FALSE(c.reg->healthBannerShown());
        const ClientHistory h =
            value(ClientService(c.tdb.db()).history(c.ana.id, postest::frontDesk(c.tdb.db())));
        REQUIRE(h.tickets == 1);
        REQUIRE(h.visits.size() == 1);
        const SaleRecord sale = value(SaleService(c.tdb.db()).load(1));
        const QString text = printing::renderReceiptText(
            printing::receiptFromSale(sale, StoreSettings(c.tdb.db()).storeInfo(), {}, false), 48);
        REQUIRE(text.contains(QStringLiteral("Deep Tissue")));
        REQUIRE_FALSE(text.contains(QStringLiteral("nut oils")));
        REQUIRE_FALSE(text.contains(QStringLiteral("Pregnant")));
    }
    SECTION("the Client button takes the client off the ticket") {
        whenModal<QInputDialog>([](QInputDialog *d) {
            d->setTextValue({});
            d->accept();
        });
        c.reg->askClient();
        REQUIRE(c.model->ticket().clientId == 0);
        REQUIRE_FALSE(c.reg->healthBannerShown());
    }
}

TEST_CASE("the Client button finds clients by name and offers a choice", "[pos][clients]") {
    ClientCounter c;
    ClientDetails other;
    other.name = QStringLiteral("Anita Cole");
    value(ClientService(c.tdb.db()).add(other, postest::frontDesk(c.tdb.db())));
    whenModal<QInputDialog>([](QInputDialog *d) {
        d->setTextValue(QStringLiteral("an"));
        d->accept();
        whenModal<ChoiceDialog>([](ChoiceDialog *choice) {
            CHECK(choice->rowCount() == 2);
            CHECK(choice->text(0) == QStringLiteral("Ana Ruiz"));
            choice->choose(1);
        });
    });
    // Ctrl+K from the scan field, as the cashier does (F12 stays Pay).
    QTest::keyClick(c.reg->scanField(), Qt::Key_K, Qt::ControlModifier);
    REQUIRE(c.model->ticket().clientName == QStringLiteral("Anita Cole"));
    REQUIRE(c.reg->clientText().contains(QStringLiteral("Anita Cole")));
}

TEST_CASE("the Client page button opens the ticket's client over the register", "[pos][clients]") {
    oasis::test::TempDb tdb{true};
    postest::PosClock clock;
    MainWindow window{tdb.db(), QStringLiteral("test-register")};
    installBackOffice(window, tdb.db(), QStringLiteral("test-register"));
    ClientDetails d;
    d.name = QStringLiteral("Ana Ruiz");
    d.phone = QStringLiteral("(206) 555-0142");
    const Client ana = value(ClientService(tdb.db()).add(d, postest::frontDesk(tdb.db())));
    window.resize(1366, 768);
    window.show();
    window.startSession(postest::frontDesk(tdb.db()));
    RegisterWidget *reg = window.registerScreen();
    reg->setClient(ana.id);
    qint64 shown = 0;
    whenModal<QDialog>([&shown](QDialog *dialog) {
        if (auto *page = dialog->findChild<screens::ClientsScreen *>())
            shown = page->currentId();
        dialog->reject();
    });
    reg->findChild<QPushButton *>(QStringLiteral("clientPageButton"))->click();
    REQUIRE(shown == ana.id);
}
