// SPDX-License-Identifier: GPL-3.0-or-later
// The client page: the front desk edits contact details and sees no health notes; a manager
// reads them, merges a duplicate (the front desk only with a manager's approval) and exports.
#include "pos/screens/clientsscreen.h"

#include "core/domain/giftcode.h"
#include "core/services/catalog.h"
#include "core/services/demo.h"
#include "core/services/sale.h"
#include "tests/screens/screensfixture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
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

TEST_CASE("the client page lists the client's session packages with the sessions left",
          "[screens][clients][prepaid]") {
    TempDb tdb(true);
    TempSettings settings;
    Context desk(tdb.db(), QStringLiteral("manager"));
    ClientsScreen screen(desk.ctx);
    const Client added = value(screen.addClient(ana()));
    REQUIRE(installDemoPackages(tdb.db()));
    // A package sold to her and one session used, as oasisctl sale does both.
    const StaffMember frontdesk = staff(tdb.db(), QStringLiteral("frontdesk"));
    CatalogService catalog(tdb.db());
    const CatalogItem dt60 = *value(catalog.findByCode(QStringLiteral("DT60")));
    const PackageProduct product =
        value(PackageService(tdb.db()).product(QStringLiteral("PKG-DT60-5")));
    Ticket sell;
    sell.addPackage(product.code, dt60, product.sessions, product.price);
    sell.clientId = added.id;
    const CompletedSale sold = value(SaleService(tdb.db()).complete(
        sell, {value(Tender::parse(QStringLiteral("card:600:4242")))}, frontdesk, std::nullopt,
        desk.ctx.registerId));
    REQUIRE(sold.packages.size() == 1);
    const StaffMember lena = staff(tdb.db(), QStringLiteral("lena"));
    Ticket use;
    use.addItem(dt60, 1, lena.id, lena.displayName);
    use.clientId = added.id;
    value(SaleService(tdb.db()).complete(
        use,
        {value(Tender::parse(QString(QStringLiteral("package:") + sold.packages.front().code)))},
        frontdesk, std::nullopt, desk.ctx.registerId));
    screen.refresh();
    QTreeWidgetItem *packages = nullptr;
    for (int i = 0; i < screen.history()->topLevelItemCount(); ++i)
        if (screen.history()->topLevelItem(i)->text(0).startsWith(QStringLiteral("Session")))
            packages = screen.history()->topLevelItem(i);
    REQUIRE(packages != nullptr);
    CHECK(packages->text(0) == QStringLiteral("Session packages (1)"));
    REQUIRE(packages->childCount() == 1);
    const QString row = packages->child(0)->text(0);
    CHECK(row.contains(QStringLiteral("sessions left: 4")));
    CHECK(row.contains(QStringLiteral("••") + giftcode::last4(sold.packages.front().code)));
    CHECK_FALSE(row.contains(sold.packages.front().code)); // never the code itself
    CHECK(packages->child(0)->text(4) == QStringLiteral("$600.00"));
    // Two tickets, one of them a visit; the session the package paid was paid for with it.
    auto *summary = screen.findChild<QLabel *>(QStringLiteral("clientSummary"));
    REQUIRE(summary != nullptr);
    CHECK(summary->text() == QStringLiteral("Tickets: 2  ·  Visits: 1  ·  Spent in all: $600.00"));
}
