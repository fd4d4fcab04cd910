// SPDX-License-Identifier: GPL-3.0-or-later
// The report rollups (schema step 9) against the rows they sum: after random sales, refunds,
// voids and gift-card and stock activity every rollup row equals the raw aggregate; a database
// made at step 8 migrates with its rollups filled; the reports read from them agree with the
// rows.
#include "core/domain/clock.h"
#include "core/services/catalog.h"
#include "core/services/demo.h"
#include "core/services/giftcard.h"
#include "core/services/inventory.h"
#include "core/services/refund.h"
#include "core/services/report.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"
#include "core/storage/schema.h"
#include "tests/crash/harness/harness.h"
#include "tests/report/counter.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>

using namespace oasis;
using namespace oasis::test;

namespace {
Money m(qint64 cents) {
    return Money::fromCents(cents);
}

qint64 sqlInt(Database &db, const QString &sql, const QVariantList &binds = {}) {
    return value(db.scalar(sql, binds)).toLongLong();
}

/// Sets the clock for a scope (the store's business day follows it).
struct ClockAt {
    explicit ClockAt(const QDateTime &utc) { test::TestClock::set(utc); }
    ~ClockAt() { test::TestClock::set(QDateTime()); }
    ClockAt(const ClockAt &) = delete;
    ClockAt &operator=(const ClockAt &) = delete;
};

const harness::RollupQuery &rollupNamed(const char *name) {
    for (const harness::RollupQuery &r : harness::rollupQueries())
        if (qstrcmp(r.name, name) == 0)
            return r;
    FAIL("no rollup " << name);
    return harness::rollupQueries().front();
}

QStringList rowsOf(Database &db, const QString &sql) {
    QStringList rows;
    for (const QVariantList &row : value(db.rows(sql))) {
        QStringList fields;
        for (const QVariant &v : row)
            fields << v.toString();
        rows << fields.join(u'|');
    }
    rows.sort();
    return rows;
}

/// Every difference between the rollups (and the category stamps) and the rows they sum.
QStringList mismatches(Database &db) {
    QStringList out;
    auto compare = [&](const char *what, const QString &rollup, const QString &raw) {
        const QStringList a = rowsOf(db, rollup);
        const QStringList b = rowsOf(db, raw);
        for (const QString &r : a)
            if (!b.contains(r))
                out << QStringLiteral("%1: rollup has %2").arg(QLatin1String(what), r);
        for (const QString &r : b)
            if (!a.contains(r))
                out << QStringLiteral("%1: rows say %2").arg(QLatin1String(what), r);
    };
    for (const harness::RollupQuery &r : harness::rollupQueries())
        compare(r.name, r.rollup, r.raw);
    // Every line of an item is stamped; a refund or void line with its original line's category.
    const qint64 unstamped =
        sqlInt(db, QStringLiteral("SELECT COUNT(*) FROM sale_lines l WHERE l.item_id "
                                  "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                                  "sale_line_categories c WHERE c.line_id = l.id)"));
    if (unstamped)
        out << QStringLiteral("%1 sale lines without a category stamp").arg(unstamped);
    const qint64 strayed = sqlInt(
        db, QStringLiteral("SELECT COUNT(*) FROM sale_lines l "
                           "JOIN sale_line_categories c ON c.line_id = l.id "
                           "JOIN sale_line_categories o ON o.line_id = l.original_line_id "
                           "WHERE COALESCE(c.category_id, 0) <> COALESCE(o.category_id, 0)"));
    if (strayed)
        out << QStringLiteral("%1 refund lines not in their sale's category").arg(strayed);
    return out;
}

/// A spa's mixed days: sales of products, sessions, tips and gift cards, paid by cash, card and
/// gift card; card reloads; refunds (some restocked) and voids; gift-card cash-outs,
/// replacements and adjustments; deliveries, adjustments and a category change.
struct Activity {
    Database &db;
    QRandomGenerator rng{20260301};
    StaffMember desk, manager;
    QStringList products, sessions, therapists;
    QStringList cards; ///< codes of cards sold, usable
    std::vector<qint64> receipts;

    explicit Activity(Database &d)
        : db(d)
        , desk(staffNamed(d, QStringLiteral("frontdesk")))
        , manager(staffNamed(d, QStringLiteral("manager"))) {
        addRegisters(d, {QStringLiteral("R1")});
        auto column = [&](const QString &sql) {
            QStringList list;
            auto q = value(db.exec(sql));
            while (q.next())
                list << q.value(0).toString();
            return list;
        };
        products = column(QStringLiteral(
            "SELECT code FROM items WHERE type = 'product' AND active = 1 ORDER BY code"));
        sessions = column(QStringLiteral(
            "SELECT code FROM items WHERE type = 'session' AND active = 1 ORDER BY code"));
        therapists = column(QStringLiteral(
            "SELECT name FROM staff WHERE role = 'therapist' AND active = 1 ORDER BY name"));
        REQUIRE(products.size() >= 3);
        REQUIRE_FALSE(sessions.isEmpty());
        REQUIRE_FALSE(therapists.isEmpty());
    }

    QString any(const QStringList &list) { return list[int(rng.bounded(int(list.size())))]; }

    void sale() {
        QStringList items;
        const int lines = 1 + int(rng.bounded(4));
        for (int i = 0; i < lines; ++i) {
            const int kind = int(rng.bounded(10));
            if (kind < 5)
                items << any(products) + QStringLiteral("x%1").arg(1 + rng.bounded(3));
            else if (kind < 8)
                items << any(sessions) + u'@' + any(therapists);
            else if (kind < 9)
                items << QStringLiteral("tip:%1@%2").arg(5 + rng.bounded(20)).arg(any(therapists));
            else
                items << QStringLiteral("giftcard:%1").arg(10 + 5 * rng.bounded(10));
        }
        Ticket t = ticketOf(db, items);
        const bool hasCard = items.join(u' ').contains(QLatin1String("giftcard:"));
        if (!cards.isEmpty() && rng.bounded(4) == 0)
            t.addGiftCardLoad(any(cards), m(10'00));
        std::vector<Tender> pay;
        if (!cards.isEmpty() && !hasCard && rng.bounded(3) == 0) {
            Tender gift;
            gift.type = TenderType::Gift;
            gift.giftCode = any(cards);
            gift.amountGiven = false;
            pay.push_back(gift);
        }
        Tender rest;
        rest.type = rng.bounded(2) ? TenderType::Cash : TenderType::Card;
        rest.amount = m(5000'00);
        rest.amountGiven = rest.type == TenderType::Cash;
        if (rest.type == TenderType::Card) {
            // Card pays exactly what is left: work it out from the ticket's totals.
            const Money total = value(t.totals(value(StoreSettings(db).taxTable()),
                                               StoreSettings(db).businessDate(Clock::nowUtc())))
                                    .total;
            rest.amount = total;
            rest.amountGiven = true;
            if (!pay.empty()) {
                rest.type = TenderType::Cash; // the card's share is unknown: cash covers it
                rest.amount = total;
            }
        }
        pay.push_back(rest);
        auto done = SaleService(db).complete(t, pay, desk, std::nullopt, QStringLiteral("R1"));
        if (!done) // e.g. a gift card that cannot pay (empty): ring it again without it
            return;
        receipts.push_back(done->receiptNo);
        for (const IssuedCard &c : done->giftCards)
            cards << c.code;
    }

    void refundOrVoid() {
        if (receipts.empty())
            return;
        const qint64 receipt = receipts[std::size_t(rng.bounded(int(receipts.size())))];
        RefundService refunds(db);
        if (rng.bounded(3) == 0) {
            (void)refunds.voidSale(receipt, manager, std::nullopt, QStringLiteral("R1"));
            return;
        }
        auto open = refunds.refundable(receipt);
        if (!open)
            return;
        std::vector<RefundSelection> pick;
        for (const RefundableLine &l : *open)
            if (l.remaining > 0 && rng.bounded(2))
                pick.push_back({l.lineId, 1 + int(rng.bounded(l.remaining))});
        (void)refunds.refund(receipt, pick, rng.bounded(2) == 0, manager, std::nullopt,
                             QStringLiteral("R1"));
    }

    void cardOperation() {
        if (cards.isEmpty())
            return;
        GiftCardService service(db);
        const QString code = any(cards);
        switch (rng.bounded(3)) {
        case 0:
            (void)service.adjust(code, m(qint64(rng.bounded(2000)) - 500), QStringLiteral("test"),
                                 manager, std::nullopt, QStringLiteral("R1"));
            break;
        case 1:
            (void)service.cashOut(code, manager, std::nullopt, QStringLiteral("R1"));
            break;
        default:
            if (auto r = service.replace(code, manager, std::nullopt, QStringLiteral("R1"))) {
                cards.removeAll(code);
                cards << r->code;
            }
        }
    }

    void stock() {
        InventoryService inv(db);
        const QString code = any(products);
        if (rng.bounded(2)) {
            ReceiveRequest r;
            r.code = code;
            r.quantity = 1 + rng.bounded(12);
            r.unitCost = m(100 + rng.bounded(900));
            (void)inv.receive(r, manager);
        } else {
            (void)inv.adjust(code, -qint64(1 + rng.bounded(5)), AdjustReason::Damaged, {}, manager);
        }
    }

    /// Moves a product to another category (and now and then deactivates one).
    void recategorise() {
        CatalogService catalog(db);
        auto item = value(catalog.findByCode(any(products)));
        REQUIRE(item.has_value());
        item->category = item->category == QLatin1String("Moved") ? QStringLiteral("Oils")
                                                                  : QStringLiteral("Moved");
        if (rng.bounded(4) == 0)
            item->active = false;
        value(catalog.save(*item, test::owner(db)));
        if (!item->active)
            products.removeAll(item->code);
    }

    void day(int operations) {
        for (int i = 0; i < operations; ++i) {
            const int what = int(rng.bounded(20));
            if (what < 11)
                sale();
            else if (what < 14)
                refundOrVoid();
            else if (what < 16)
                cardOperation();
            else if (what < 19)
                stock();
            else
                recategorise();
        }
    }
};

QDateTime utc(int y, int mo, int d, int h, int mi = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc());
}
} // namespace

TEST_CASE("every rollup equals the rows it sums after a mixed week", "[report][rollup]") {
    TempDb tdb(true);
    Database &db = tdb.db();
    Activity a(db);
    value(ShiftService(db).open(m(100'00), a.desk, QStringLiteral("R1")));
    // Five days, each from morning to late evening in Seattle (UTC dates change mid-day).
    for (int day = 0; day < 5; ++day) {
        for (int hour : {17, 22, 3}) {
            ClockAt at(utc(2026, 3, 2 + day + (hour < 12 ? 1 : 0), hour, 7 * day));
            a.day(15);
        }
    }
    INFO(mismatches(db).join(u'\n').toStdString());
    REQUIRE(mismatches(db).isEmpty());
    // The week did what it had to for the check to mean something.
    for (const char *kind : {"refund", "void"})
        REQUIRE(sqlInt(db, QStringLiteral("SELECT COUNT(*) FROM sales WHERE kind = ?"),
                       {QLatin1String(kind)}) > 0);
    for (const char *kind : {"activate", "load", "redeem", "adjust", "replace_out", "refund"})
        CHECK(sqlInt(db, QStringLiteral("SELECT COUNT(*) FROM giftcard_activity WHERE kind = ?"),
                     {QLatin1String(kind)}) > 0);
    REQUIRE(sqlInt(db, QStringLiteral("SELECT COUNT(*) FROM sale_line_categories c "
                                      "JOIN sale_lines l ON l.id = c.line_id JOIN items i ON "
                                      "i.id = l.item_id WHERE COALESCE(c.category_id, 0) <> "
                                      "COALESCE(i.category_id, 0)")) > 0);

    SECTION("the reports read from the rollups agree with the rows") {
        ReportService reports(db);
        const QDate from(2026, 3, 2), to(2026, 3, 6);
        // Sales by category: the stamped category's lines, summed by hand.
        const ReportTable summary = value(reports.salesBy(SalesBy::Category, from, to));
        std::map<QString, qint64> byCategory;
        for (const QVariantList &row : summary.rows)
            byCategory[row[0].toString()] = row[2].toLongLong();
        auto q = value(db.exec(QStringLiteral(
            "SELECT COALESCE(k.name, 'No category'), SUM(CASE WHEN s.kind = 'sale' THEN "
            "l.net_cents ELSE "
            "-ABS(l.net_cents) END) FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
            "LEFT JOIN sale_line_categories c ON c.line_id = l.id "
            "LEFT JOIN categories k ON k.id = c.category_id "
            "WHERE l.kind IN ('product', 'session') GROUP BY 1")));
        std::map<QString, qint64> expected;
        while (q.next())
            expected[q.value(0).toString()] = q.value(1).toLongLong();
        // A category whose lines cancel out to nothing is left out of the table.
        std::erase_if(expected,
                      [&](const auto &e) { return e.second == 0 && !byCategory.count(e.first); });
        REQUIRE(byCategory == expected);
        // By item: the same lines, one row per item.
        const ReportTable items = value(reports.salesBy(SalesBy::Item, from, to));
        REQUIRE(items.sum(QStringLiteral("net_sales_cents")) ==
                summary.sum(QStringLiteral("net_sales_cents")));
        REQUIRE(items.sum(QStringLiteral("net_sales_cents")) ==
                sqlInt(db, QStringLiteral("SELECT SUM(CASE WHEN s.kind = 'sale' THEN "
                                          "l.net_cents ELSE -ABS(l.net_cents) END) FROM "
                                          "sale_lines l JOIN sales s ON s.id = l.sale_id "
                                          "WHERE l.kind IN ('product', 'session')")));

        // Gift-card liability: opening + movements = closing, for every window of days (whole
        // UTC days from the rollup, the edges from the rows).
        for (int first = 0; first < 6; ++first) {
            for (int last = first; last < 6; ++last) {
                const QDate f = QDate(2026, 3, 1).addDays(first);
                const QDate l = QDate(2026, 3, 1).addDays(last);
                const GiftCardLiability g = value(reports.giftCardLiability(f, l));
                const QString start =
                    toStorageTime(QDateTime(f, QTime(0, 0), StoreSettings(db).timeZone()).toUTC());
                const QString end = toStorageTime(
                    QDateTime(l.addDays(1), QTime(0, 0), StoreSettings(db).timeZone()).toUTC());
                auto sum = [&](const QString &where, const QVariantList &binds) {
                    return sqlInt(db,
                                  QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM "
                                                 "giftcard_activity WHERE ") +
                                      where,
                                  binds);
                };
                REQUIRE(g.opening.cents() == sum(QStringLiteral("created_at < ?"), {start}));
                REQUIRE(g.closing.cents() == sum(QStringLiteral("created_at < ?"), {end}));
                REQUIRE(g.sold.cents() ==
                        sum(QStringLiteral("created_at >= ? AND created_at < ? AND kind IN "
                                           "('activate', 'load')"),
                            {start, end}));
                REQUIRE(
                    g.redeemed.cents() ==
                    -sum(QStringLiteral("created_at >= ? AND created_at < ? AND kind = 'redeem'"),
                         {start, end}));
                REQUIRE(g.opening + g.sold - g.redeemed + g.other == g.closing);
                const qint64 moved = sqlInt(
                    db,
                    QStringLiteral("SELECT COUNT(DISTINCT giftcard_id) FROM giftcard_activity "
                                   "WHERE created_at >= ? AND created_at < ?"),
                    {start, end});
                REQUIRE(qint64(g.cards.rows.size()) == moved);
                // Each card's row: the period's moves and its balance at the end.
                REQUIRE(g.cards.sum(QStringLiteral("sold_cents")) == g.sold.cents());
                REQUIRE(g.cards.sum(QStringLiteral("redeemed_cents")) == g.redeemed.cents());
                REQUIRE(g.cards.sum(QStringLiteral("other_cents")) == g.other.cents());
            }
        }
        const GiftCardLiability now = value(reports.giftCardLiability(from, QDate(2026, 3, 8)));
        REQUIRE(now.closing == value(GiftCardService(db).outstanding()));
        REQUIRE(value(reports.x()).giftCardsOutstanding == now.closing);

        // Stock: the summary's totals are the per-product listing's.
        InventoryService inv(db);
        const Valuation full = value(inv.valuation());
        const ValuationSummary v = value(inv.valuationSummary());
        REQUIRE(v.total == full.total);
        REQUIRE(v.negativeLines == full.negativeLines);
        REQUIRE(v.products == qint64(full.lines.size()));
        // The screen's pages, put together, are the listing.
        std::vector<StockLevel> paged;
        for (;;) {
            auto page = value(inv.valuationPage(paged.empty() ? QString() : paged.back().code, 7));
            if (page.empty())
                break;
            paged.insert(paged.end(), page.begin(), page.end());
        }
        REQUIRE(paged.size() == full.lines.size());
        for (std::size_t i = 0; i < paged.size(); ++i)
            REQUIRE(paged[i].code == full.lines[i].code);
    }
}

TEST_CASE("the rollup check finds a writer that forgets the rollup", "[sqlite][report][rollup]") {
    // Without the trigger, a sale that SaleService writes is missing from sales_by_day (as it
    // would be if the services kept the rollup and one of them forgot): the check says so.
    TempDb tdb(true);
    Database &db = tdb.db();
    sell(db, {QStringLiteral("OIL-LAV-120x2")}, {QStringLiteral("cash:100")});
    REQUIRE(mismatches(db).isEmpty());
    for (const char *trigger :
         {"sale_lines_rollup", "giftcard_activity_rollup", "stock_movements_level"}) {
        DYNAMIC_SECTION("without " << trigger) {
            value(db.exec(QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(trigger))));
            if (QLatin1String(trigger) == QLatin1String("stock_movements_level"))
                // Stock levels still kept, their value by category forgotten.
                value(db.exec(QStringLiteral(
                    "CREATE TRIGGER stock_movements_level AFTER INSERT ON stock_movements BEGIN "
                    "INSERT OR IGNORE INTO stock_levels(item_id, on_hand) VALUES (NEW.item_id, "
                    "0); UPDATE stock_levels SET on_hand = on_hand + NEW.quantity WHERE item_id = "
                    "NEW.item_id; END")));
            sell(db, {QStringLiteral("OIL-LAV-120"), QStringLiteral("giftcard:25")},
                 {QStringLiteral("cash:100")});
            REQUIRE_FALSE(mismatches(db).isEmpty());
        }
    }
}

TEST_CASE("a line keeps the category it was sold under, its refund too", "[report][rollup]") {
    TempDb tdb(true);
    Database &db = tdb.db();
    ReportService reports(db);
    CatalogService catalog(db);
    auto oil = value(catalog.findByCode(QStringLiteral("OIL-LAV-120")));
    REQUIRE(oil.has_value());
    const QString before = oil->category;
    REQUIRE_FALSE(before.isEmpty());
    const CompletedSale sold =
        sell(db, {QStringLiteral("OIL-LAV-120x2")}, {QStringLiteral("cash:100")});
    const QDate today = StoreSettings(db).businessDate(Clock::nowUtc());
    auto categoryNet = [&](const QString &name) {
        qint64 net = 0;
        for (const QVariantList &row : value(reports.salesBy(SalesBy::Category, today, today)).rows)
            if (row[0].toString() == name)
                net += row[2].toLongLong();
        return net;
    };
    const qint64 soldNet = categoryNet(before);
    REQUIRE(soldNet == 48'00);

    oil->category = QStringLiteral("Gifts and sets");
    value(catalog.save(*oil, test::owner(db)));
    // Moving the product later does not rewrite what the day sold.
    REQUIRE(categoryNet(before) == soldNet);
    REQUIRE(categoryNet(QStringLiteral("Gifts and sets")) == 0);
    // Its refund comes back out of the category it was sold under.
    value(RefundService(db).refund(sold.receiptNo, {}, true,
                                   staffNamed(db, QStringLiteral("manager")), std::nullopt,
                                   QStringLiteral("R1")));
    REQUIRE(categoryNet(before) == 0);
    REQUIRE(categoryNet(QStringLiteral("Gifts and sets")) == 0);
    // A new sale goes under the new category.
    sell(db, {QStringLiteral("OIL-LAV-120")}, {QStringLiteral("cash:100")});
    REQUIRE(categoryNet(QStringLiteral("Gifts and sets")) == 24'00);
    REQUIRE(mismatches(db).isEmpty());
}

TEST_CASE("a step-8 database with sales migrates with its rollups filled", "[report][rollup]") {
    TempDb tdb(true);
    const QString path = tdb.path();
    Database::Options options = tdb.options(Database::Mode::CreateIfMissing);
    tdb.close();
    // A copy of the demo database taken back to step 8: the same catalog and staff, a fresh
    // file made at version 7 and filled through the services.
    QTemporaryDir dir;
    const QString oldPath = dir.filePath(QStringLiteral("old.db"));
    Database::Options o = options;
    o.keyDirectory = dir.filePath(QStringLiteral("keys"));
    o.migrateTo = 8;
    std::map<QString, QStringList> before;
    {
        auto opened = Database::open(oldPath, o);
        REQUIRE(opened);
        Database &db = **opened;
        REQUIRE(db.schemaVersion() == 8);
        ok(installDemoData(db));
        REQUIRE_FALSE(db.exec(QStringLiteral("SELECT COUNT(*) FROM sales_by_day")));
        Activity a(db);
        for (int day = 0; day < 3; ++day) {
            ClockAt at(utc(2026, 5, 4 + day, 20, 5 * day));
            a.day(25);
        }
        before[QStringLiteral("sales")] = rowsOf(
            db, QStringLiteral("SELECT s.business_date, l.kind, COALESCE(i.category_id, 0), "
                               "s.staff_id, COALESCE(l.therapist_id, 0), SUM(CASE WHEN s.kind = "
                               "'sale' THEN l.net_cents ELSE -ABS(l.net_cents) END) FROM "
                               "sale_lines l JOIN sales s ON s.id = l.sale_id LEFT JOIN items i "
                               "ON i.id = l.item_id GROUP BY 1, 2, 3, 4, 5"));
        before[QStringLiteral("cards")] = rowsOf(db, rollupNamed("giftcard_activity_by_day").raw);
        before[QStringLiteral("stock")] = rowsOf(db, rollupNamed("stock_by_category").raw);
        REQUIRE(before[QStringLiteral("sales")].size() > 10);
        REQUIRE(before[QStringLiteral("cards")].size() > 3);
    }
    o.migrateTo = -1;
    o.mode = Database::Mode::OpenExisting;
    auto opened = Database::open(oldPath, o);
    if (!opened)
        FAIL(opened.error().message.toStdString());
    Database &db = **opened;
    REQUIRE(db.schemaVersion() == schema::latestVersion());
    REQUIRE(db.schemaVersion() >= 9);
    REQUIRE(mismatches(db).isEmpty());
    // The backfill stamped each line with its item's category as it was at migration.
    REQUIRE(rowsOf(db, QStringLiteral("SELECT business_date, line_kind, category_id, staff_id, "
                                      "therapist_id, SUM(net_cents) FROM sales_by_day "
                                      "GROUP BY 1, 2, 3, 4, 5")) ==
            before[QStringLiteral("sales")]);
    REQUIRE(rowsOf(db, rollupNamed("giftcard_activity_by_day").rollup) ==
            before[QStringLiteral("cards")]);
    REQUIRE(rowsOf(db, rollupNamed("stock_by_category").rollup) == before[QStringLiteral("stock")]);
    // And keeps them after the migration.
    Activity a(db);
    ClockAt at(utc(2026, 5, 8, 21));
    a.day(30);
    REQUIRE(mismatches(db).isEmpty());
    // The stamps are append-only, like the lines.
    REQUIRE_FALSE(db.exec(QStringLiteral("UPDATE sale_line_categories SET category_id = NULL")));
    REQUIRE_FALSE(db.exec(QStringLiteral("DELETE FROM sale_line_categories")));
}

TEST_CASE("an X starts where the previous Z stopped, whether the Z has the step-9 columns or "
          "only its payload",
          "[report][rollup]") {
    TempDb tdb(true);
    Database &db = tdb.db();
    ReportService reports(db);
    const StaffMember manager = staffNamed(db, QStringLiteral("manager"));
    sell(db, {QStringLiteral("OIL-LAV-120")}, {QStringLiteral("cash:100")});
    sell(db, {QStringLiteral("giftcard:20")}, {QStringLiteral("cash:20")});
    const PeriodReport z1 = value(reports.z(manager));
    REQUIRE(z1.salesCount == 2);
    REQUIRE(sqlInt(db, QStringLiteral("SELECT last_giftcard_activity_id FROM z_reports")) ==
            z1.lastGiftCardActivityId);
    REQUIRE(z1.lastGiftCardActivityId > 0);

    const CompletedSale third =
        sell(db, {QStringLiteral("giftcard:30")}, {QStringLiteral("cash:30")});
    // A Z written as before step 9 (the bench generator still does): the ids only in the
    // payload, the new columns NULL.
    PeriodReport z2 = value(reports.x());
    REQUIRE(z2.salesCount == 1);
    z2.isZ = true;
    value(db.exec(
        QStringLiteral("INSERT INTO z_reports(z_number, closed_at, staff_id, first_sale_id, "
                       "last_sale_id, period_total_cents, grand_total_cents, journal_seq, "
                       "journal_hash, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {z2.zNumber, toStorageTime(z2.closedAt), manager.id, z2.firstSaleId, z2.lastSaleId,
         z2.total.cents(), z2.grandTotal.cents(), z2.journalSeq, z2.journalHash,
         QString::fromUtf8(QJsonDocument(z2.toJson()).toJson(QJsonDocument::Compact))}));
    REQUIRE(z2.lastSaleId == third.saleId);

    sell(db, {QStringLiteral("giftcard:40")}, {QStringLiteral("cash:40")});
    const PeriodReport x = value(reports.x());
    REQUIRE(x.zNumber == 3);
    REQUIRE(x.salesCount == 1);
    REQUIRE(x.firstSaleId == third.saleId + 1);
    REQUIRE(x.giftCardsSold == m(40'00));
    REQUIRE(x.grandTotal == z2.grandTotal + x.total);
    REQUIRE(x.giftCardsOutstanding == m(90'00));
}
