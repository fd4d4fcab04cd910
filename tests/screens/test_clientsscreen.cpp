// SPDX-License-Identifier: GPL-3.0-or-later
// The client page: the front desk edits contact details and sees no health notes; a manager
// reads them, merges a duplicate (the front desk only with a manager's approval) and exports.
#include "pos/screens/clientsscreen.h"

#include "core/services/catalog.h"
#include "core/services/sale.h"
#include "tests/screens/screensfixture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLineEdit>
#include <QTest>
#include <QTreeWidget>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;
using oasis::test::TempDb;
using oasis::test::value;

namespace {
ClientDetails ana() {
    ClientDetails d;
    d.name = QStringLiteral("Ana Ruiz");
    d.phone = QStringLiteral("(206) 555-0142");
    d.email = QStringLiteral("ana@example.com");
    d.notes = QStringLiteral("Prefers a quiet room");
    d.healthFlags = QStringList{QStringLiteral("Allergy: nut oils")};
    return d;
}
} // namespace

TEST_CASE("the client page shows contact details to all and health notes to a manager",
          "[screens][clients]") {
    TempDb tdb(true);
    TempSettings settings;
    Context manager(tdb.db(), QStringLiteral("manager"));
    ClientsScreen managerScreen(manager.ctx);
    QAbstractItemModelTester tester(managerScreen.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    const Client added = value(managerScreen.addClient(ana()));
    REQUIRE(managerScreen.currentId() == added.id);
    REQUIRE(managerScreen.pageText().contains(QStringLiteral("Allergy: nut oils")));
    REQUIRE(managerScreen.model()->rowCount() == 1);

    // A session rung up for her shows in her history.
    Ticket t;
    const StaffMember lena = staff(tdb.db(), QStringLiteral("lena"));
    t.addItem(*value(CatalogService(tdb.db()).findByCode(QStringLiteral("DT60"))), 1, lena.id,
              lena.displayName);
    t.clientId = added.id;
    Tender cash;
    cash.amount = Money::fromCents(200'00);
    value(SaleService(tdb.db()).complete(t, {cash}, staff(tdb.db(), QStringLiteral("frontdesk")),
                                         std::nullopt, manager.ctx.registerId));
    managerScreen.refresh();
    QTreeWidgetItem *visits = managerScreen.history()->topLevelItem(0);
    REQUIRE(visits->text(0) == QStringLiteral("Visits (1)"));
    REQUIRE(visits->child(0)->text(3) == lena.displayName);

    Context desk(tdb.db(), QStringLiteral("frontdesk"));
    ClientsScreen deskScreen(desk.ctx);
    QTest::keyClicks(deskScreen.searchField(), QStringLiteral("0142"));
    REQUIRE(deskScreen.model()->rowCount() == 1);
    deskScreen.showClient(added.id);
    REQUIRE(deskScreen.pageText().contains(QStringLiteral("(206) 555-0142")));
    REQUIRE(deskScreen.pageText().contains(QStringLiteral("Health notes on file")));
    REQUIRE_FALSE(deskScreen.pageText().contains(QStringLiteral("nut oils")));

    SECTION("the front desk edits the phone; the health notes stay") {
        ClientDetails d = ana();
        d.phone = QStringLiteral("206-555-0199");
        d.healthFlags.reset(); // the desk's form has no health box
        value(deskScreen.saveClient(d));
        REQUIRE(deskScreen.pageText().contains(QStringLiteral("206-555-0199")));
        REQUIRE(value(ClientService(tdb.db()).get(added.id, manager.user)).healthFlags ==
                QStringList{QStringLiteral("Allergy: nut oils")});
    }
    SECTION("a merge by the front desk asks for a manager") {
        Context deskWithManager(tdb.db(), QStringLiteral("frontdesk"), QStringLiteral("manager"));
        ClientsScreen screen(deskWithManager.ctx);
        ClientDetails dup;
        dup.name = QStringLiteral("Ana R.");
        const Client d = value(screen.addClient(dup));
        screen.showClient(d.id);
        oasis::test::ok(screen.mergeInto(added.id));
        REQUIRE(*deskWithManager.approvals == 1);
        REQUIRE(screen.currentId() == added.id);
        REQUIRE(value(ClientService(tdb.db()).get(d.id, manager.user)).mergedInto == added.id);
    }
    SECTION("the export is a manager's") {
        const QString file = tdb.dir() + QStringLiteral("/clients.csv");
        REQUIRE_FALSE(deskScreen.exportTo(file));
        REQUIRE_FALSE(QFile::exists(file));
        oasis::test::ok(managerScreen.exportTo(file));
        REQUIRE(QFile::exists(file));
        REQUIRE(managerScreen.message().contains(QStringLiteral("Exported 1 clients")));
    }
}
