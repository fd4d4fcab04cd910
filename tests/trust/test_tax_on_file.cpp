// SPDX-License-Identifier: GPL-3.0-or-later
// A sale needs the tax rate in force on its date (DESIGN §4): a date before the store's first
// rate is refused, never taxed at 0 % silently.
#include "core/domain/tax.h"
#include "core/services/catalog.h"
#include "core/services/sale.h"
#include "core/services/staff.h"
#include "tests/support/testsupport.h"

#include <QTimeZone>

using namespace oasis;
using namespace Qt::StringLiterals;

namespace {
struct FixedClock {
    explicit FixedClock(const QDateTime &at) { test::TestClock::set(at); }
    ~FixedClock() { test::TestClock::set(QDateTime()); }
};

CatalogItem item(Database &db, const QString &code) {
    auto found = test::value(CatalogService(db).findByCode(code));
    REQUIRE(found.has_value());
    return *found;
}
} // namespace

TEST_CASE("a retail sale dated before the first retail rate is refused and writes nothing",
          "[trust][tax]") {
    test::TempDb tmp(true);
    const StaffMember cashier = test::value(StaffService(tmp.db()).find(u"frontdesk"_s));
    // Seattle's first retail rate on file starts 2024-04-01 (10.35 %).
    const FixedClock clock(QDateTime(QDate(2024, 3, 15), QTime(19, 0), QTimeZone::utc()));
    SaleService sales(tmp.db());

    Ticket oil;
    oil.addItem(item(tmp.db(), u"OIL-LAV-120"_s));
    auto refused = sales.complete(oil, {test::value(Tender::parse(u"card:24.00"_s))}, cashier);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Refused);
    INFO(refused.error().message.toStdString());
    REQUIRE(refused.error().message.contains(u"No retail tax rate is on file for 2024-03-15"_s));
    REQUIRE(test::value(tmp->scalar(u"SELECT COUNT(*) FROM sales"_s)).toInt() == 0);

    // A session (service, 0 % on file since 2000) is sold that day as usual.
    Ticket session;
    const StaffMember lena = test::value(StaffService(tmp.db()).therapists()).front();
    session.addItem(item(tmp.db(), u"DT60"_s), 1, lena.id, lena.displayName);
    const CompletedSale sold = test::value(
        sales.complete(session, {test::value(Tender::parse(u"card:135.00"_s))}, cashier));
    REQUIRE(sold.totals.tax == Money());

    // And from the first rate's day on, retail is taxed at it.
    test::TestClock::set(QDateTime(QDate(2024, 4, 1), QTime(19, 0), QTimeZone::utc()));
    const CompletedSale taxed =
        test::value(sales.complete(oil, {test::value(Tender::parse(u"card:26.48"_s))}, cashier));
    REQUIRE(taxed.totals.tax == Money::fromCents(2'48));
}

TEST_CASE("the tax table tells a class with no rate yet from a 0 % rate", "[trust][tax]") {
    const TaxTable t = TaxTable::seattle();
    REQUIRE_FALSE(t.rateOn(TaxClass::Retail, QDate(2024, 3, 31)).has_value());
    REQUIRE(t.rateOn(TaxClass::Retail, QDate(2024, 4, 1)) == 103'500);
    REQUIRE(t.rateOn(TaxClass::Service, QDate(2024, 3, 31)) == 0);
}
