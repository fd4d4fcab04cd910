// SPDX-License-Identifier: GPL-3.0-or-later
// Shelf labels' data: what was received on the store's business day, each label's name, size,
// price and EAN-13, and a product without a valid EAN-13 said in one line, never misprinted.
#include "tests/support/testsupport.h"

#include "core/domain/ean13.h"
#include "core/services/catalog.h"
#include "core/services/inventory.h"
#include "core/services/labels.h"
#include "core/services/staff.h"

using namespace oasis;
using oasis::test::TempDb;
using oasis::test::value;

namespace {

struct FixedClock {
    explicit FixedClock(const QDateTime &utc) { test::TestClock::set(utc); }
    ~FixedClock() { test::TestClock::set(QDateTime()); }
    FixedClock(const FixedClock &) = delete;
    FixedClock &operator=(const FixedClock &) = delete;
};

QDateTime utc(int y, int m, int d, int h, int min = 0) {
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

void receive(Database &db, const char *code, qint64 quantity, const StaffMember &who) {
    ReceiveRequest r;
    r.code = QString::fromLatin1(code);
    r.quantity = quantity;
    value(InventoryService(db).receive(r, who));
}

CatalogItem product(const char *code, const char *name, qint64 cents, QStringList barcodes) {
    CatalogItem item;
    item.code = QString::fromLatin1(code);
    item.name = QString::fromLatin1(name);
    item.category = QStringLiteral("Scrubs");
    item.size = QStringLiteral("300 g");
    item.price = Money::fromCents(cents);
    item.cost = Money::fromCents(cents / 3);
    item.barcodes = std::move(barcodes);
    return item;
}

} // namespace

TEST_CASE("EAN-13 check digits are checked in core's domain", "[inventory][labels]") {
    CHECK(isValidEan13(u"0850071001020"));
    CHECK_FALSE(isValidEan13(u"0850071001021"));
    CHECK(ean13CheckDigit(u"085007100102") == 0);
    CHECK(ean13CheckDigit(u"400638133393") == 1);
    CHECK_FALSE(ean13CheckDigit(u"40063813339"));
    // Every single-digit typo of a valid code is caught.
    const QString good = QStringLiteral("4006381333931");
    for (int i = 0; i < 13; ++i)
        for (char d = '0'; d <= '9'; ++d) {
            QString typo = good;
            typo[i] = QLatin1Char(d);
            CHECK(isValidEan13(typo) == (typo == good));
        }
}

TEST_CASE("products received today are those of the store's business day", "[inventory][labels]") {
    FixedClock clock(utc(2026, 3, 31, 20));
    TempDb t(true);
    Database &db = t.db();
    const StaffMember frontDesk = value(StaffService(db).find(QStringLiteral("frontdesk")));
    InventoryService inv(db);

    test::TestClock::set(utc(2026, 4, 1, 6, 30)); // 23:30 on March 31 in Seattle (PDT)
    receive(db, "OIL-LAV-120", 6, frontDesk);
    test::TestClock::set(utc(2026, 4, 1, 15)); // 08:00 on April 1
    receive(db, "BLM-MUS-060", 3, frontDesk);
    receive(db, "OIL-ARN-120", 4, frontDesk);
    value(inv.adjust(QStringLiteral("OIL-JOJ-250"), -1, AdjustReason::Damaged, {}, frontDesk,
                     value(StaffService(db).find(QStringLiteral("manager")))));
    test::TestClock::set(utc(2026, 4, 2, 6, 59)); // 23:59 on April 1
    receive(db, "BLM-MUS-060", 2, frontDesk);
    test::TestClock::set(utc(2026, 4, 2, 7)); // midnight: April 2
    receive(db, "SCR-SAL-300", 1, frontDesk);

    const auto april1 = value(inv.receivedOn(QDate(2026, 4, 1)));
    REQUIRE(april1.size() == 2); // by code; the damaged jojoba oil is not a delivery
    CHECK(april1[0].level.code == QStringLiteral("BLM-MUS-060"));
    CHECK(april1[0].received == 5);
    CHECK(april1[0].level.onHand == value(inv.level(QStringLiteral("BLM-MUS-060"))).onHand);
    CHECK(april1[1].level.code == QStringLiteral("OIL-ARN-120"));
    CHECK(april1[1].received == 4);
    const auto march31 = value(inv.receivedOn(QDate(2026, 3, 31)));
    REQUIRE(march31.size() == 1);
    CHECK(march31[0].level.code == QStringLiteral("OIL-LAV-120"));
    CHECK(march31[0].received == 6);
    CHECK(value(inv.receivedOn(QDate(2026, 3, 30))).empty());
    CHECK_FALSE(inv.receivedOn(QDate()));

    // "Today" is the store's day: at 23:59 in Seattle it is still April 1.
    test::TestClock::set(utc(2026, 4, 2, 6, 59));
    const LabelService labels(db);
    CHECK(labels.today() == QDate(2026, 4, 1));

    SECTION("one label per unit received") {
        const LabelSet set = value(labels.receivedOn(labels.today(), {1, true}));
        CHECK(set.products == 2);
        REQUIRE(set.labels.size() == 9);
        CHECK(set.labels[0].code == QStringLiteral("BLM-MUS-060"));
        CHECK(set.labels[4].code == QStringLiteral("BLM-MUS-060"));
        CHECK(set.labels[5].code == QStringLiteral("OIL-ARN-120"));
        CHECK(set.labels[5].ean13 == QStringLiteral("0850071001013"));
        CHECK(set.notes.isEmpty());
    }
    SECTION("or a count of each") {
        const LabelSet set = value(labels.receivedOn(labels.today(), {2, false}));
        CHECK(set.labels.size() == 4);
        CHECK_FALSE(labels.receivedOn(labels.today(), {0, false}));
    }
    SECTION("a day nothing came in says so") {
        const auto none = labels.receivedOn(QDate(2026, 3, 30), {1, true});
        REQUIRE_FALSE(none);
        CHECK(none.error().message == QStringLiteral("Nothing was received on 2026-03-30."));
    }
}

TEST_CASE("a label has the name, size, price and first valid EAN-13, or the SKU and a note",
          "[inventory][labels]") {
    TempDb t(true);
    Database &db = t.db();
    const StaffMember owner = value(StaffService(db).find(QStringLiteral("owner")));
    CatalogService catalog(db);
    // A product with an EAN-8 and a UPC-A only, and one with no barcode at all.
    value(catalog.save(product("SCR-LAV-300", "Lavender Sugar Scrub", 31'00,
                               {QStringLiteral("96385074"), QStringLiteral("036000291452")}),
                       owner));
    value(catalog.save(product("SCR-MIN-300", "Mint Foot Scrub", 26'50, {}), owner));
    // Several barcodes: the first valid EAN-13 is printed.
    value(catalog.save(product("SCR-ROS-300", "Rose Salt Scrub", 33'00,
                               {QStringLiteral("55123457"), QStringLiteral("4006381333931"),
                                QStringLiteral("9780306406157")}),
                       owner));
    const LabelService labels(db);

    const LabelSet set =
        value(labels.forCodes({QStringLiteral("OIL-LAV-120"), QStringLiteral("SCR-LAV-300"),
                               QStringLiteral("scr-min-300"), QStringLiteral("4006381333931")},
                              2));
    CHECK(set.products == 4);
    REQUIRE(set.labels.size() == 8);
    const ShelfLabel &lavender = set.labels[0];
    CHECK(lavender.code == QStringLiteral("OIL-LAV-120"));
    CHECK(lavender.name == QStringLiteral("Lavender Calm Body Oil"));
    CHECK(lavender.size == QStringLiteral("120 ml"));
    CHECK(lavender.price == Money::fromCents(24'00));
    CHECK(lavender.priceText == QStringLiteral("$24.00"));
    CHECK(lavender.ean13 == QStringLiteral("0850071001020"));
    CHECK(set.labels[1].ean13 == lavender.ean13);
    CHECK_FALSE(set.labels[2].hasBarcode()); // EAN-8 and UPC-A: no EAN-13 to print
    CHECK(set.labels[2].code == QStringLiteral("SCR-LAV-300"));
    CHECK_FALSE(set.labels[4].hasBarcode());
    CHECK(set.labels[4].priceText == QStringLiteral("$26.50"));
    CHECK(set.labels[6].code == QStringLiteral("SCR-ROS-300")); // found by its second barcode
    CHECK(set.labels[6].ean13 == QStringLiteral("4006381333931"));
    // A barcode with a wrong check digit (from an old import, say) is never printed.
    CHECK(LabelService::labelFor(
              product("X", "X", 1'00,
                      {QStringLiteral("0850071001021"), QStringLiteral("0850071001020")}))
              .ean13 == QStringLiteral("0850071001020"));
    CHECK_FALSE(LabelService::labelFor(product("X", "X", 1'00, {QStringLiteral("0850071001021")}))
                    .hasBarcode());
    REQUIRE(set.notes.size() == 2); // one line per product, not per label
    CHECK(set.notes[0] == QStringLiteral("SCR-LAV-300 (Lavender Sugar Scrub) has no valid EAN-13 "
                                         "barcode: its label shows the SKU and no barcode."));
    CHECK(set.notes[1].startsWith(QStringLiteral("SCR-MIN-300 (Mint Foot Scrub)")));

    SECTION("what cannot be labelled is refused, naming it") {
        auto unknown = labels.forCodes({QStringLiteral("OIL-LAV-120"), QStringLiteral("NOPE")}, 1);
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().code == ErrorCode::NotFound);
        CHECK(unknown.error().message.contains(QStringLiteral("NOPE")));
        auto session = labels.forCodes({QStringLiteral("DT60")}, 1);
        REQUIRE_FALSE(session);
        CHECK(session.error().message.contains(QStringLiteral("session")));
        CHECK_FALSE(labels.forCodes({}, 1));
        CHECK_FALSE(labels.forCodes({QStringLiteral("OIL-LAV-120")}, 0));
        CHECK_FALSE(labels.forCodes({QStringLiteral("OIL-LAV-120")}, LabelService::kMaxCopies + 1));
        const auto tooMany = labels.forCodes(QStringList(7, QStringLiteral("OIL-LAV-120")),
                                             LabelService::kMaxCopies);
        REQUIRE_FALSE(tooMany);
        CHECK(tooMany.error().message.contains(QStringLiteral("3500 labels")));
    }
}
