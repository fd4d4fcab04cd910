// SPDX-License-Identifier: GPL-3.0-or-later
// The stock ledger: on-hand is the sum of movements after every kind of operation, average cost,
// counts, refusals that change nothing, selling below zero, and the reports' numbers.
#include "tests/support/testsupport.h"

#include "core/domain/clock.h"
#include "core/services/catalog.h"
#include "core/services/inventory.h"
#include "core/services/refund.h"
#include "core/services/sale.h"
#include "core/services/staff.h"
#include "core/storage/database.h"

#include <QSqlQuery>

#include <map>

using namespace oasis;
using oasis::test::ok;
using oasis::test::TempDb;
using oasis::test::value;

namespace {

/// Fixes the clock for one test and gives the real one back afterwards.
struct FixedClock {
    explicit FixedClock(const QDateTime &utc) { test::TestClock::set(utc); }
    ~FixedClock() { test::TestClock::set(QDateTime()); }
    FixedClock(const FixedClock &) = delete;
    FixedClock &operator=(const FixedClock &) = delete;
};

QDateTime utc(int y, int m, int d, int h, int min = 0) {
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

StaffMember member(Database &db, const char *name) {
    return value(StaffService(db).find(QString::fromLatin1(name)));
}

qint64 onHand(Database &db, const char *code) {
    return value(InventoryService(db).level(QString::fromLatin1(code))).onHand;
}

qint64 scalarInt(Database &db, const char *sql, const QVariantList &binds = {}) {
    return value(db.scalar(QString::fromLatin1(sql), binds)).toLongLong();
}

/// For every product: SUM(quantity) of its movements == stock_levels.on_hand == list().
void requireLedgerConsistent(Database &db) {
    Rows q = value(db.exec(
        QStringLiteral("SELECT i.code, COALESCE((SELECT SUM(m.quantity) FROM stock_movements m "
                       "WHERE m.item_id = i.id), 0), COALESCE(l.on_hand, 0), i.active FROM items i "
                       "LEFT JOIN stock_levels l ON l.item_id = i.id WHERE i.type = 'product'")));
    std::map<QString, qint64> sums;
    int active = 0;
    while (q.next()) {
        INFO("product " << q.value(0).toString());
        REQUIRE(q.value(1).toLongLong() == q.value(2).toLongLong());
        sums[q.value(0).toString()] = q.value(1).toLongLong();
        active += q.value(3).toInt();
    }
    const auto listed = value(InventoryService(db).list());
    REQUIRE(static_cast<int>(listed.size()) == active);
    for (const StockLevel &s : listed) {
        INFO("product " << s.code);
        REQUIRE(s.onHand == sums.at(s.code));
    }
}

/// Everything a refused operation must leave alone.
struct Snapshot {
    qint64 movements = 0;
    qint64 quantity = 0;
    qint64 levels = 0;
    qint64 costs = 0;
    qint64 counts = 0;
    qint64 journal = 0;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(Database &db) {
    Snapshot s;
    s.movements = scalarInt(db, "SELECT COUNT(*) FROM stock_movements");
    s.quantity = scalarInt(db, "SELECT COALESCE(SUM(quantity * item_id), 0) FROM stock_movements");
    s.levels = scalarInt(db, "SELECT COALESCE(SUM(on_hand * item_id), 0) FROM stock_levels");
    s.costs = scalarInt(db, "SELECT SUM(cost_cents * id) FROM items");
    s.counts = scalarInt(db, "SELECT COUNT(*) FROM stock_counts");
    s.journal = scalarInt(db, "SELECT COUNT(*) FROM journal");
    return s;
}

CatalogItem product(const char *code, int reorderPoint, qint64 costCents = 0) {
    CatalogItem item;
    item.type = ItemType::Product;
    item.code = QString::fromLatin1(code);
    item.name = QStringLiteral("Test product ") + item.code;
    item.category = QStringLiteral("Oils");
    item.size = QStringLiteral("100 ml");
    item.price = Money::fromCents(2000);
    item.cost = Money::fromCents(costCents);
    item.taxClass = TaxClass::Retail;
    item.reorderPoint = reorderPoint;
    return item;
}

ReceiveRequest delivery(const char *code, qint64 quantity, std::optional<qint64> costCents,
                        const QString &lot = {}, std::optional<QDate> expires = std::nullopt) {
    ReceiveRequest r;
    r.code = QString::fromLatin1(code);
    r.quantity = quantity;
    if (costCents)
        r.unitCost = Money::fromCents(*costCents);
    r.supplier = QStringLiteral("Cascade Botanicals");
    r.lot = lot;
    r.expires = expires;
    return r;
}

CompletedSale sell(Database &db, const char *code, int quantity, const StaffMember &cashier) {
    const CatalogItem item = *value(CatalogService(db).findByCode(QString::fromLatin1(code)));
    Ticket ticket;
    ticket.addItem(item, quantity);
    Tender cash;
    cash.type = TenderType::Cash;
    cash.amount = Money::fromCents(100000);
    return value(SaleService(db).complete(ticket, {cash}, cashier));
}

} // namespace

TEST_CASE("on-hand equals the sum of movements after every kind of operation", "[inventory]") {
    TempDb t(true);
    Database &db = t.db();
    InventoryService inv(db);
    const StaffMember frontDesk = member(db, "frontdesk");
    const StaffMember manager = member(db, "manager");
    requireLedgerConsistent(db);
    const qint64 start = onHand(db, "OIL-LAV-120");
    REQUIRE(start == 16); // demo opening stock: 2 × reorder point 6 + 4

    value(inv.receive(delivery("OIL-LAV-120", 12, 1000), frontDesk));
    REQUIRE(onHand(db, "OIL-LAV-120") == 28);
    requireLedgerConsistent(db);

    const CompletedSale sale = sell(db, "OIL-LAV-120", 3, frontDesk);
    REQUIRE(sale.warnings.isEmpty());
    REQUIRE(onHand(db, "OIL-LAV-120") == 25);
    requireLedgerConsistent(db);

    qint64 expected = 25;
    for (AdjustReason reason :
         {AdjustReason::Damaged, AdjustReason::Tester, AdjustReason::Treatment}) {
        value(
            inv.adjust(QStringLiteral("OIL-LAV-120"), -1, reason, QStringLiteral("test"), manager));
        REQUIRE(onHand(db, "OIL-LAV-120") == --expected);
        requireLedgerConsistent(db);
    }
    value(inv.adjust(QStringLiteral("OIL-LAV-120"), 2, AdjustReason::Adjust,
                     QStringLiteral("found in the back"), manager));
    REQUIRE(onHand(db, "OIL-LAV-120") == 24);
    requireLedgerConsistent(db);

    const PostedCount count =
        value(inv.postCount({CountEntry{0, QStringLiteral("OIL-LAV-120"), 20}}, {}, manager));
    REQUIRE(count.corrections == 1);
    REQUIRE(onHand(db, "OIL-LAV-120") == 20);
    requireLedgerConsistent(db);

    const qint64 itemId = value(inv.level(QStringLiteral("OIL-LAV-120"))).itemId;
    ok(inv.restock(itemId, 2, 0, frontDesk.id, QStringLiteral("test")));
    REQUIRE(onHand(db, "OIL-LAV-120") == 22);
    requireLedgerConsistent(db);

    // A refund with restock through the refund service puts the 3 sold bottles back.
    value(RefundService(db).refund(sale.receiptNo, {}, true, manager, std::nullopt));
    REQUIRE(onHand(db, "OIL-LAV-120") == 25);
    requireLedgerConsistent(db);

    // The history's running on-hand ends where the ledger is, every reason recorded.
    const auto history = value(inv.history(QStringLiteral("OIL-LAV-120")));
    REQUIRE(history.back().onHandAfter == 25);
    QStringList reasons;
    for (const StockMovement &m : history)
        reasons << m.reason;
    REQUIRE(reasons == QStringList{QStringLiteral("opening"), QStringLiteral("receive"),
                                   QStringLiteral("sale"), QStringLiteral("damaged"),
                                   QStringLiteral("tester"), QStringLiteral("treatment"),
                                   QStringLiteral("adjust"), QStringLiteral("count"),
                                   QStringLiteral("return"), QStringLiteral("return")});
    REQUIRE(history[1].staff == QStringLiteral("frontdesk"));
    REQUIRE(history[1].supplier == QStringLiteral("Cascade Botanicals"));
    REQUIRE(history[7].reference == count.reference);
}

TEST_CASE("receiving updates the average cost to the exact cent", "[inventory]") {
    TempDb t(true);
    Database &db = t.db();
    InventoryService inv(db);
    const StaffMember frontDesk = member(db, "frontdesk");
    const StaffMember manager = member(db, "manager");
    value(CatalogService(db).save(product("TST-AVG", 2), test::owner(db)));

    auto first = value(inv.receive(delivery("TST-AVG", 10, 400), frontDesk));
    REQUIRE(first.previousCost == Money());
    REQUIRE(first.level.cost == Money::fromCents(400));
    // (10 × 4.00 + 5 × 5.50) / 15 = 4.50
    auto second = value(inv.receive(delivery("TST-AVG", 5, 550), frontDesk));
    REQUIRE(second.level.cost == Money::fromCents(450));
    REQUIRE(second.level.onHand == 15);
    // (15 × 4.50 + 3 × 1.00) / 18 = 3.9166… → 3.92
    REQUIRE(value(inv.receive(delivery("TST-AVG", 3, 100), frontDesk)).level.cost ==
            Money::fromCents(392));
    // Without a cost the average stays.
    REQUIRE(value(inv.receive(delivery("TST-AVG", 2, std::nullopt), frontDesk)).level.cost ==
            Money::fromCents(392));
    REQUIRE(value(CatalogService(db).findByCode(QStringLiteral("TST-AVG")))->cost ==
            Money::fromCents(392));

    // Below zero the old cost carries no weight: the new cost is the delivery's.
    value(inv.adjust(QStringLiteral("TST-AVG"), -30, AdjustReason::Adjust, {}, manager));
    REQUIRE(onHand(db, "TST-AVG") == -10);
    REQUIRE(value(inv.receive(delivery("TST-AVG", 4, 200), frontDesk)).level.cost ==
            Money::fromCents(200));
    REQUIRE(onHand(db, "TST-AVG") == -6);
    requireLedgerConsistent(db);
}

TEST_CASE("a stock count shows the variance, then posts exactly the corrections", "[inventory]") {
    TempDb t(true);
    Database &db = t.db();
    InventoryService inv(db);
    const StaffMember manager = member(db, "manager");
    const qint64 arnica = onHand(db, "OIL-ARN-120");
    const qint64 shea = onHand(db, "LOT-SHB-200");
    const qint64 balm = onHand(db, "BLM-MUS-060");
    const qint64 rosehip = onHand(db, "OIL-ROS-030");

    // The lotion by its barcode; the balm counted as on the books; rosehip not listed.
    const QByteArray file = QStringLiteral("code,counted\r\nOIL-ARN-120,%1\r\n0850071001082,%2\r\n"
                                           "BLM-MUS-060,%3\r\n")
                                .arg(arnica - 3)
                                .arg(shea + 2)
                                .arg(balm)
                                .toUtf8();
    const auto entries = value(InventoryService::parseCountCsv(file));
    REQUIRE(entries.size() == 3);
    REQUIRE(entries[1].line == 3);

    const Snapshot before = snapshot(db);
    const auto preview = value(inv.previewCount(entries));
    REQUIRE(preview.size() == 3);
    REQUIRE(preview[0].variance() == -3);
    REQUIRE(preview[0].varianceValue() == Money::fromCents(-3 * 1120));
    REQUIRE(preview[1].code == QStringLiteral("LOT-SHB-200"));
    REQUIRE(preview[1].variance() == 2);
    REQUIRE(preview[2].variance() == 0);
    REQUIRE(snapshot(db) == before); // a preview posts nothing

    const PostedCount posted =
        value(inv.postCount(entries, QStringLiteral("monthly count"), manager));
    REQUIRE(posted.corrections == 2);
    REQUIRE(posted.reference == QStringLiteral("count:%1").arg(posted.countId));
    Rows q = value(db.exec(
        QStringLiteral("SELECT i.code, m.quantity, m.reference, m.staff_id FROM stock_movements m "
                       "JOIN items i ON i.id = m.item_id WHERE m.reason = 'count' ORDER BY m.id")));
    std::vector<std::pair<QString, qint64>> corrections;
    while (q.next()) {
        corrections.emplace_back(q.value(0).toString(), q.value(1).toLongLong());
        REQUIRE(q.value(2).toString() == posted.reference);
        REQUIRE(q.value(3).toLongLong() == manager.id);
    }
    REQUIRE(corrections ==
            std::vector<std::pair<QString, qint64>>{{QStringLiteral("OIL-ARN-120"), -3},
                                                    {QStringLiteral("LOT-SHB-200"), 2}});
    REQUIRE(onHand(db, "OIL-ARN-120") == arnica - 3);
    REQUIRE(onHand(db, "LOT-SHB-200") == shea + 2);
    REQUIRE(onHand(db, "BLM-MUS-060") == balm);
    REQUIRE(onHand(db, "OIL-ROS-030") == rosehip);
    REQUIRE(scalarInt(db, "SELECT COUNT(*) FROM stock_counts WHERE staff_id = ?", {manager.id}) ==
            1);
    REQUIRE(value(db.scalar(QStringLiteral("SELECT kind FROM journal ORDER BY seq DESC LIMIT 1")))
                .toString() == QStringLiteral("stock_count"));
    requireLedgerConsistent(db);
}

TEST_CASE("bad input is refused with a clear error and changes nothing", "[inventory]") {
    TempDb t(true);
    Database &db = t.db();
    InventoryService inv(db);
    const StaffMember frontDesk = member(db, "frontdesk");
    const StaffMember manager = member(db, "manager");
    const Snapshot before = snapshot(db);
    auto refused = [&](const auto &result, ErrorCode code) {
        REQUIRE_FALSE(result.has_value());
        INFO(result.error().message);
        CHECK(result.error().code == code);
        CHECK_FALSE(result.error().message.isEmpty());
        REQUIRE(snapshot(db) == before);
    };

    SECTION("receiving") {
        refused(inv.receive(delivery("OIL-ARN-120", 0, 100), frontDesk), ErrorCode::Invalid);
        refused(inv.receive(delivery("OIL-ARN-120", -5, 100), frontDesk), ErrorCode::Invalid);
        refused(inv.receive(delivery("NO-SUCH-SKU", 5, 100), frontDesk), ErrorCode::NotFound);
        refused(inv.receive(delivery("DT60", 5, 100), frontDesk), ErrorCode::Refused);
        refused(inv.receive(delivery("OIL-ARN-120", 5, -1), frontDesk), ErrorCode::Invalid);
        refused(
            inv.receive(delivery("OIL-ARN-120", 5, 100, QStringLiteral("L1"), QDate(2026, 2, 30)),
                        frontDesk),
            ErrorCode::Invalid);
        refused(inv.receive(delivery("OIL-ARN-120", InventoryService::kMaxQuantity + 1, 100),
                            frontDesk),
                ErrorCode::Invalid);
        refused(inv.receive(delivery("OIL-ARN-120", 5, 100), member(db, "lena")),
                ErrorCode::Permission);
    }
    SECTION("adjusting") {
        REQUIRE_FALSE(adjustReasonFromName(u"broken"));
        REQUIRE_FALSE(adjustReasonFromName(u"sale"));
        REQUIRE(adjustReasonFromName(u"Treatment") == AdjustReason::Treatment);
        const QString arnica = QStringLiteral("OIL-ARN-120");
        refused(inv.adjust(arnica, 0, AdjustReason::Adjust, {}, manager), ErrorCode::Invalid);
        refused(inv.adjust(arnica, 2, AdjustReason::Damaged, {}, manager), ErrorCode::Invalid);
        refused(inv.adjust(QStringLiteral("NOPE"), -1, AdjustReason::Damaged, {}, manager),
                ErrorCode::NotFound);
        refused(inv.adjust(QStringLiteral("SW60"), -1, AdjustReason::Damaged, {}, manager),
                ErrorCode::Refused);
        refused(inv.adjust(arnica, -1, AdjustReason::Damaged, {}, frontDesk),
                ErrorCode::Permission);
        // With a manager's approval the front desk may.
        value(inv.adjust(arnica, -1, AdjustReason::Damaged, {}, frontDesk, manager));
        REQUIRE_FALSE(snapshot(db) == before);
    }
    SECTION("counting") {
        auto parsed = InventoryService::parseCountCsv(
            "code,counted\nOIL-ARN-120,5\nLOT-SHB-200,five\nBLM-MUS-060,-1\nOIL-ROS-030\n");
        refused(parsed, ErrorCode::Invalid);
        CHECK(parsed.error().message.contains(QStringLiteral("line 3")));
        CHECK(parsed.error().message.contains(QStringLiteral("line 4")));
        CHECK(parsed.error().message.contains(QStringLiteral("line 5")));
        refused(InventoryService::parseCountCsv("code,counted\n"), ErrorCode::Invalid);

        const auto unknown = value(
            InventoryService::parseCountCsv("code,counted\nOIL-ARN-120,5\nNOPE-1,3\nDT60,1\n"));
        auto posted = inv.postCount(unknown, {}, manager);
        refused(posted, ErrorCode::Invalid);
        CHECK(posted.error().message.contains(QStringLiteral("line 3")));
        CHECK(posted.error().message.contains(QStringLiteral("line 4")));

        const auto twice = value(InventoryService::parseCountCsv(
            "OIL-ARN-120,5\nLOT-SHB-200,2\n0850071001013,4\n")); // no header; line 3 = arnica
        auto dup = inv.postCount(twice, {}, manager);
        refused(dup, ErrorCode::Invalid);
        CHECK(dup.error().message.contains(QStringLiteral("line 3")));

        const auto good = value(InventoryService::parseCountCsv("code,counted\nOIL-ARN-120,5\n"));
        refused(inv.postCount(good, {}, frontDesk), ErrorCode::Permission);
        refused(inv.postCount({}, {}, manager), ErrorCode::Invalid);
    }
    SECTION("restock and reports") {
        const qint64 session = value(CatalogService(db).findByCode(QStringLiteral("DT60")))->id;
        const qint64 arnica = value(inv.level(QStringLiteral("OIL-ARN-120"))).itemId;
        refused(inv.restock(session, 1, 0, frontDesk.id), ErrorCode::Refused);
        refused(inv.restock(arnica, 0, 0, frontDesk.id), ErrorCode::Invalid);
        refused(inv.restock(987654, 1, 0, frontDesk.id), ErrorCode::NotFound);
        refused(inv.treatmentUse(QDate(2026, 3, 31), QDate(2026, 3, 1)), ErrorCode::Invalid);
    }
    requireLedgerConsistent(db);
}

TEST_CASE("restock joins the refund's transaction and rolls back with it", "[inventory]") {
    TempDb t(true);
    Database &db = t.db();
    InventoryService inv(db);
    const StaffMember frontDesk = member(db, "frontdesk");
    const qint64 arnica = value(inv.level(QStringLiteral("OIL-ARN-120"))).itemId;
    const Snapshot before = snapshot(db);
    {
        auto refund = Transaction::begin(db);
        REQUIRE(refund.has_value());
        ok(inv.restock(arnica, 2, 0, frontDesk.id, QStringLiteral("R-000001")));
        // the refund fails later: its transaction is never committed
    }
    REQUIRE(snapshot(db) == before);
    {
        auto refund = Transaction::begin(db);
        REQUIRE(refund.has_value());
        ok(inv.restock(arnica, 2, 0, frontDesk.id, QStringLiteral("R-000001")));
        ok(refund->commit());
    }
    REQUIRE(onHand(db, "OIL-ARN-120") == 18);
    const auto last = value(inv.history(QStringLiteral("OIL-ARN-120"))).back();
    REQUIRE(last.reason == QStringLiteral("return"));
    REQUIRE(last.reference == QStringLiteral("R-000001"));
    REQUIRE(last.unitCost == Money::fromCents(1120));
    requireLedgerConsistent(db);
}

TEST_CASE("selling below zero is allowed with a warning and flagged in the reports",
          "[inventory]") {
    TempDb t(true);
    Database &db = t.db();
    InventoryService inv(db);
    const StaffMember frontDesk = member(db, "frontdesk");
    REQUIRE(onHand(db, "OIL-ROS-030") == 12);

    const CompletedSale sale = sell(db, "OIL-ROS-030", 15, frontDesk);
    REQUIRE(sale.receiptNo > 0);
    REQUIRE(sale.warnings.size() == 1);
    REQUIRE(sale.warnings.first().contains(QStringLiteral("below zero")));
    REQUIRE(onHand(db, "OIL-ROS-030") == -3);
    requireLedgerConsistent(db);

    const auto low = value(inv.list(true));
    auto it = std::find_if(low.begin(), low.end(), [](const StockLevel &s) {
        return s.code == QStringLiteral("OIL-ROS-030");
    });
    REQUIRE(it != low.end());
    REQUIRE(it->negative());

    const Valuation v = value(inv.valuation());
    REQUIRE(v.negativeLines == 1);
    Money expected;
    for (const StockLevel &s : v.lines) {
        if (s.code == QStringLiteral("OIL-ROS-030"))
            REQUIRE(s.value() == Money());
        expected += s.onHand > 0 ? s.cost * s.onHand : Money();
    }
    REQUIRE(v.total == expected);

    const auto reorder = value(inv.reorderReport());
    auto line = std::find_if(reorder.begin(), reorder.end(), [](const ReorderLine &l) {
        return l.level.code == QStringLiteral("OIL-ROS-030");
    });
    REQUIRE(line != reorder.end());
    REQUIRE(line->suggested == 11); // up to 2 × 4, plus the 3 owed to the shelf

    // One warning per product that ends below zero, with what is left after the whole sale,
    // in ticket order; a product still in stock says nothing.
    {
        CatalogService catalog(db);
        const CatalogItem rose = *value(catalog.findByCode(QStringLiteral("OIL-ROS-030")));
        const CatalogItem lavender = *value(catalog.findByCode(QStringLiteral("OIL-LAV-120")));
        Ticket ticket;
        ticket.addItem(rose, 1);
        ticket.addItem(lavender, 1);
        ticket.addItem(rose, 1);
        Tender cash;
        cash.type = TenderType::Cash;
        cash.amount = Money::fromCents(100000);
        const CompletedSale mixed = value(SaleService(db).complete(ticket, {cash}, frontDesk));
        REQUIRE(mixed.warnings.size() == 1);
        REQUIRE(mixed.warnings.first().contains(rose.name));
        REQUIRE(mixed.warnings.first().contains(QStringLiteral("stock is now -5")));
        REQUIRE(onHand(db, "OIL-ROS-030") == -5);
    }
}

TEST_CASE("valuation, reorder and treatment use match hand-computed numbers", "[inventory]") {
    FixedClock clock(utc(2026, 3, 10, 19));
    TempDb t(false);
    Database &db = t.db();
    const StaffMember owner = test::owner(db);
    CatalogService catalog(db);
    value(catalog.save(product("P1", 5), owner));
    value(catalog.save(product("P2", 2), owner));
    value(catalog.save(product("P3", 0), owner));
    InventoryService inv(db);

    value(inv.receive(delivery("P1", 3, 250), owner));
    value(inv.receive(delivery("P2", 10, 199), owner));
    value(inv.receive(delivery("P3", 4, 1000), owner));
    value(inv.adjust(QStringLiteral("P3"), -6, AdjustReason::Adjust, {}, owner));
    value(inv.adjust(QStringLiteral("P2"), -2, AdjustReason::Treatment, {}, owner));
    value(inv.adjust(QStringLiteral("P2"), -1, AdjustReason::Tester, {}, owner));
    requireLedgerConsistent(db);

    // P1: 3 × 2.50 = 7.50; P2: 7 × 1.99 = 13.93; P3: −2 on hand, worth 0 and flagged.
    const Valuation v = value(inv.valuation());
    REQUIRE(v.lines.size() == 3);
    REQUIRE(v.lines[0].value() == Money::fromCents(750));
    REQUIRE(v.lines[1].value() == Money::fromCents(1393));
    REQUIRE(v.lines[2].onHand == -2);
    REQUIRE(v.lines[2].value() == Money());
    REQUIRE(v.total == Money::fromCents(2143));
    REQUIRE(v.negativeLines == 1);

    // P1: 3 ≤ 5 → order 2 × 5 − 3 = 7 (17.50); P2: 7 > 2, not low; P3: −2 ≤ 0 → 2 (20.00).
    const auto reorder = value(inv.reorderReport());
    REQUIRE(reorder.size() == 2);
    REQUIRE(reorder[0].level.code == QStringLiteral("P1"));
    REQUIRE(reorder[0].suggested == 7);
    REQUIRE(reorder[0].estimatedCost() == Money::fromCents(1750));
    REQUIRE(reorder[1].level.code == QStringLiteral("P3"));
    REQUIRE(reorder[1].suggested == 2);
    REQUIRE(reorder[1].estimatedCost() == Money::fromCents(2000));
    REQUIRE(value(inv.lowStockCount()) == 2);
    REQUIRE(value(inv.list(true)).size() == 2);
    REQUIRE(InventoryService::suggestedOrder(6, 5) == 0);
    REQUIRE(InventoryService::suggestedOrder(5, 5) == 5);

    // Treatment use at the cost when used; the period is the store's local dates.
    UseReport march = value(inv.treatmentUse(QDate(2026, 3, 1), QDate(2026, 3, 31)));
    REQUIRE(march.lines.size() == 1);
    REQUIRE(march.lines[0].code == QStringLiteral("P2"));
    REQUIRE(march.lines[0].treatmentQuantity == 2);
    REQUIRE(march.treatmentTotal == Money::fromCents(398));
    REQUIRE(march.testerTotal == Money::fromCents(199));

    test::TestClock::set(utc(2026, 4, 1, 6, 30)); // 23:30 on March 31 in Seattle (PDT)
    value(inv.adjust(QStringLiteral("P1"), -1, AdjustReason::Treatment, {}, owner));
    test::TestClock::set(utc(2026, 4, 1, 15)); // 08:00 on April 1
    value(inv.adjust(QStringLiteral("P1"), -2, AdjustReason::Treatment, {}, owner));
    march = value(inv.treatmentUse(QDate(2026, 3, 1), QDate(2026, 3, 31)));
    REQUIRE(march.treatmentTotal == Money::fromCents(398 + 250));
    const UseReport april = value(inv.treatmentUse(QDate(2026, 4, 1), QDate(2026, 4, 30)));
    REQUIRE(april.lines.size() == 1);
    REQUIRE(april.lines[0].treatmentQuantity == 2);
    REQUIRE(april.treatmentTotal == Money::fromCents(500));
    REQUIRE(april.testerTotal == Money());
}

TEST_CASE("lots expiring within 60 days are estimated from what is left on the shelf",
          "[inventory]") {
    FixedClock clock(utc(2026, 3, 1, 18));
    TempDb t(true);
    Database &db = t.db();
    InventoryService inv(db);
    const StaffMember manager = member(db, "manager");
    value(CatalogService(db).save(product("TST-EXP", 2, 500), test::owner(db)));
    value(
        inv.receive(delivery("TST-EXP", 10, 500, QStringLiteral("A"), QDate(2026, 4, 1)), manager));
    value(inv.receive(delivery("TST-EXP", 10, 500, QStringLiteral("B"), QDate(2026, 12, 1)),
                      manager));
    value(
        inv.receive(delivery("TST-EXP", 5, 500, QStringLiteral("C"), QDate(2026, 2, 20)), manager));
    const QDate today(2026, 3, 1);

    auto lotsOf = [&]() {
        std::vector<ExpiringLot> mine;
        for (const ExpiringLot &l : value(inv.expiring(today)))
            if (l.code == QStringLiteral("TST-EXP"))
                mine.push_back(l);
        return mine;
    };
    // 25 on hand: B keeps 10, A 10, C 5. A (31 days) and C (expired) are within 60 days.
    auto lots = lotsOf();
    REQUIRE(lots.size() == 2);
    REQUIRE(lots[0].lot == QStringLiteral("C"));
    REQUIRE(lots[0].remaining == 5);
    REQUIRE(lots[0].daysLeft == -9);
    REQUIRE(lots[1].lot == QStringLiteral("A"));
    REQUIRE(lots[1].remaining == 10);
    REQUIRE(lots[1].daysLeft == 31);

    // 12 used: the earliest best-before went first. 13 left: B 10, A 3, C none.
    value(inv.adjust(QStringLiteral("TST-EXP"), -12, AdjustReason::Treatment, {}, manager));
    lots = lotsOf();
    REQUIRE(lots.size() == 1);
    REQUIRE(lots[0].lot == QStringLiteral("A"));
    REQUIRE(lots[0].remaining == 3);
    REQUIRE(lots[0].receivedQuantity == 10);
    // A wider window also shows B.
    REQUIRE(value(inv.expiring(today, 300)).size() >= 2);
}
