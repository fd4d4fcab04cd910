// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/catalog.h"
#include "pos/app/ticketmodel.h"
#include "tests/pos/posfixture.h"

#include <QAbstractItemModelTester>

using namespace oasis;
using namespace oasis::app;
using oasis::test::ok;
using oasis::test::value;

TEST_CASE("the ticket model passes Qt's model tester through every change", "[pos][model]") {
    oasis::test::TempDb tdb(true);
    postest::PosClock clock;
    TicketModel model;
    model.setDateSource([] { return QDate(2026, 3, 10); });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CatalogService catalog(tdb.db());
    const CatalogItem oil = *value(catalog.findByCode(QStringLiteral("OIL-LAV-120")));
    const CatalogItem balm = *value(catalog.findByCode(QStringLiteral("BLM-MUS-060")));

    REQUIRE(value(model.addItem(oil)).row == 0);
    REQUIRE(value(model.addItem(balm)).row == 1);
    const auto again = value(model.addItem(oil)); // the same product again: one more on its line
    REQUIRE(again.row == 0);
    REQUIRE_FALSE(again.newLine);
    REQUIRE(model.rowCount() == 2);
    REQUIRE(model.index(0, TicketModel::QuantityColumn).data().toString() == QStringLiteral("2"));
    REQUIRE(model.index(0, TicketModel::AmountColumn).data().toString() ==
            QStringLiteral("$48.00"));
    REQUIRE(model.index(0, 0).data(TicketModel::NetCentsRole).toLongLong() == 4800);
    REQUIRE(model.index(1, 0).data(TicketModel::CodeRole).toString() ==
            QStringLiteral("BLM-MUS-060"));

    ok(model.setLineDiscount(1, Discount::fixed(Money::fromCents(400))));
    REQUIRE(model.index(1, TicketModel::DiscountColumn).data().toString() ==
            QStringLiteral("-$4.00"));
    REQUIRE_FALSE(model.setQuantity(1, 0));
    value(model.addTip(Money::fromCents(2000), 42, QStringLiteral("Lena")));
    REQUIRE(model.index(2, TicketModel::LineColumn).data().toString() == QStringLiteral("Tip"));
    REQUIRE(model.totals().tips == Money::fromCents(2000));
    ok(model.setDiscount(Discount::percent(100'000)));
    // (48 + 15) × 0.9 = 56.70; tax 10.55 % = 5.98; + tip 20.00
    REQUIRE(model.totals().discount == Money::fromCents(630));
    REQUIRE(model.totals().total == Money::fromCents(5670 + 598 + 2000));
    model.removeLine(0);
    REQUIRE(model.rowCount() == 2);
    model.clear();
    REQUIRE(model.rowCount() == 0);
    REQUIRE(model.totals().total.isZero());
}
