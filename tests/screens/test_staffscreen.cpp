// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/screens/staffscreen.h"

#include "core/services/commission.h"
#include "pos/screens/commissiondialog.h"
#include "tests/screens/screensfixture.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>

using namespace oasis;
using namespace oasis::screens;
using namespace oasis::screens::test;
using oasis::test::TempDb;
using oasis::test::value;

TEST_CASE("the owner adds staff who can then log in, and deactivates them", "[screens][staff]") {
    TempDb tdb(true);
    Context c(tdb.db(), QStringLiteral("owner"));
    StaffScreen screen(c.ctx);
    QAbstractItemModelTester tester(screen.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy changed(&screen, &StaffScreen::staffChanged);
    const int before = screen.model()->rowCount();
    REQUIRE(screen.model()->rowOf(QStringLiteral("manager")) >= 0);

    oasis::test::ok(screen.addStaff(QStringLiteral("maya"), QStringLiteral("Maya R."),
                                    Role::FrontDesk, QStringLiteral("4321"),
                                    QStringLiteral("4321")));
    CHECK(*c.approvals == 0);
    CHECK(changed.count() == 1);
    CHECK(screen.model()->rowCount() == before + 1);
    const int row = screen.model()->rowOf(QStringLiteral("maya"));
    REQUIRE(row >= 0);
    CHECK(screen.model()->index(row, StaffModel::DisplayName).data().toString() ==
          QStringLiteral("Maya R."));
    CHECK(screen.model()->index(row, StaffModel::RoleColumn).data().toString() ==
          QStringLiteral("Front desk"));
    CHECK(screen.message().contains(u"Maya R."));
    CHECK(StaffService(tdb.db()).authenticate(QStringLiteral("maya"), QStringLiteral("4321")));

    SECTION("deactivated: gone from the list, back with inactive shown, cannot log in") {
        oasis::test::ok(screen.deactivate(QStringLiteral("maya")));
        CHECK(screen.model()->rowOf(QStringLiteral("maya")) == -1);
        screen.findChild<QCheckBox *>(QStringLiteral("showInactive"))->setChecked(true);
        const int r = screen.model()->rowOf(QStringLiteral("maya"));
        REQUIRE(r >= 0);
        CHECK(screen.model()->index(r, StaffModel::Active).data().toString() ==
              QStringLiteral("Inactive"));
        CHECK_FALSE(
            StaffService(tdb.db()).authenticate(QStringLiteral("maya"), QStringLiteral("4321")));
    }
    SECTION("a new PIN and a new role") {
        oasis::test::ok(screen.resetPin(QStringLiteral("maya"), QStringLiteral("55667"),
                                        QStringLiteral("55667")));
        CHECK(StaffService(tdb.db()).authenticate(QStringLiteral("maya"), QStringLiteral("55667")));
        oasis::test::ok(screen.changeRole(QStringLiteral("maya"), Role::Manager));
        CHECK(value(StaffService(tdb.db()).find(QStringLiteral("maya"))).role == Role::Manager);
    }
}

TEST_CASE("staff errors are shown clearly and change nothing", "[screens][staff]") {
    TempDb tdb(true);
    Context c(tdb.db(), QStringLiteral("owner"));
    StaffScreen screen(c.ctx);
    const int before = screen.model()->rowCount();

    CHECK_FALSE(screen.addStaff(QStringLiteral("maya"), {}, Role::FrontDesk, QStringLiteral("4321"),
                                QStringLiteral("4322")));
    CHECK(screen.message().contains(u"not the same"));
    CHECK_FALSE(screen.addStaff(QStringLiteral("maya"), {}, Role::FrontDesk, QStringLiteral("12"),
                                QStringLiteral("12")));
    CHECK(screen.message().contains(u"4 to 8 digits"));
    CHECK_FALSE(screen.addStaff(QStringLiteral("manager"), {}, Role::FrontDesk,
                                QStringLiteral("4321"), QStringLiteral("4321")));
    CHECK_FALSE(screen.message().isEmpty());
    CHECK(screen.model()->rowCount() == before);

    // A therapist has no PIN.
    oasis::test::ok(
        screen.addStaff(QStringLiteral("kai"), QStringLiteral("Kai"), Role::Therapist, {}, {}));
    CHECK(screen.model()->rowCount() == before + 1);
}

TEST_CASE("a manager needs the owner's approval to manage staff", "[screens][staff]") {
    TempDb tdb(true);
    SECTION("no approval: refused") {
        Context c(tdb.db(), QStringLiteral("manager"));
        StaffScreen screen(c.ctx);
        CHECK_FALSE(screen.addStaff(QStringLiteral("maya"), {}, Role::FrontDesk,
                                    QStringLiteral("4321"), QStringLiteral("4321")));
        CHECK(*c.approvals == 1);
        CHECK(screen.message().contains(u"owner"));
        CHECK_FALSE(StaffService(tdb.db()).find(QStringLiteral("maya")));
    }
    SECTION("the owner approves") {
        Context c(tdb.db(), QStringLiteral("manager"), QStringLiteral("owner"));
        StaffScreen screen(c.ctx);
        oasis::test::ok(screen.addStaff(QStringLiteral("maya"), {}, Role::FrontDesk,
                                        QStringLiteral("4321"), QStringLiteral("4321")));
        CHECK(*c.approvals == 1);
        CHECK(StaffService(tdb.db()).find(QStringLiteral("maya")));
    }
}

TEST_CASE("the owner sets commission rates per therapist and per service from the staff screen",
          "[screens][staff]") {
    TempDb tdb(true);
    {
        Context c(tdb.db(), QStringLiteral("owner"));
        CommissionDialog dialog(c.ctx);
        QLineEdit *lena = dialog.therapistField(QStringLiteral("lena"));
        QLineEdit *hotStone = dialog.serviceField(QStringLiteral("HS90"));
        REQUIRE(lena);
        REQUIRE(hotStone);
        REQUIRE(dialog.therapistField(QStringLiteral("manager")) == nullptr);   // not a therapist
        REQUIRE(dialog.serviceField(QStringLiteral("OIL-LAV-120")) == nullptr); // a product
        CHECK(lena->text().isEmpty());

        // One bad field: nothing is saved, the dialog says why and stays open.
        lena->setText(QStringLiteral("40"));
        hotStone->setText(QStringLiteral("forty"));
        REQUIRE_FALSE(dialog.save());
        CHECK(dialog.message().contains(QStringLiteral("percentage")));
        CHECK(value(CommissionService(tdb.db()).rates()).byTherapist.empty());

        hotStone->setText(QStringLiteral("32.5 %"));
        oasis::test::ok(dialog.save());
        CHECK(dialog.result() == QDialog::Accepted);
        CHECK(*c.approvals == 0);
    }
    const CommissionRates rates = value(CommissionService(tdb.db()).rates());
    CHECK(rates.byTherapist.at(QStringLiteral("lena")) == 400'000);
    CHECK(rates.byService.at(QStringLiteral("HS90")) == 325'000);
    CHECK(rates.byService.size() == 1);

    // Opened again it shows them; a manager clears one with the owner's approval.
    Context manager(tdb.db(), QStringLiteral("manager"), QStringLiteral("owner"));
    CommissionDialog again(manager.ctx);
    CHECK(again.therapistField(QStringLiteral("lena"))->text() == QStringLiteral("40"));
    CHECK(again.serviceField(QStringLiteral("HS90"))->text() == QStringLiteral("32.5"));
    again.serviceField(QStringLiteral("HS90"))->clear();
    oasis::test::ok(again.save());
    CHECK(*manager.approvals == 1);
    CHECK(value(CommissionService(tdb.db()).rates()).byService.empty());
    CHECK(value(CommissionService(tdb.db()).rates()).byTherapist.size() == 1);
}
