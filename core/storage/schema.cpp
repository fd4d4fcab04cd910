// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/schema.h"

#include "core/domain/receiptcode.h"

namespace oasis::schema {

namespace {
QString sqlText(const char *sql) {
    return QString::fromLatin1(sql);
}

/// Adds (sign +1) or takes away (-1) one product's share of stock_by_category: `item` names the
/// items row (NEW or OLD) and `onHand` an expression of its on-hand. A product counts while it
/// is active or has stock (or owes it); negative on-hand is worth nothing and is flagged.
QString stockShare(const char *item, const QString &onHand, int sign) {
    const QString counted = QStringLiteral("(%1.type = 'product' AND (%1.active = 1 OR %2 <> 0))")
                                .arg(QLatin1String(item), onHand);
    return QStringLiteral(
               "INSERT INTO stock_by_category(category_id, products, units, value_cents, "
               "negatives) SELECT COALESCE(%1.category_id, 0), "
               "%4 * (CASE WHEN %2 THEN 1 ELSE 0 END), "
               "%4 * (CASE WHEN %2 AND %3 > 0 THEN %3 ELSE 0 END), "
               "%4 * (CASE WHEN %2 AND %3 > 0 THEN %3 * %1.cost_cents ELSE 0 END), "
               "%4 * (CASE WHEN %2 AND %3 < 0 THEN 1 ELSE 0 END) WHERE 1 "
               "ON CONFLICT(category_id) DO UPDATE SET products = products + excluded.products, "
               "units = units + excluded.units, value_cents = value_cents + excluded.value_cents, "
               "negatives = negatives + excluded.negatives;")
        .arg(QLatin1String(item), counted, onHand)
        .arg(sign);
}

/// The rollup rows a sale adds to are its receipt series' own (step 20): `sale` is an SQL
/// expression of a sales id, NULL for a write of no sale (series R's rows, 0).
QString seriesOf(const char *sale) {
    return QStringLiteral("COALESCE((SELECT receipt_no / %1 FROM sales WHERE id = %2), 0)")
        .arg(receiptseries::kSpan)
        .arg(QLatin1String(sale));
}

/// A stockShare (of `item`) from step 20 on: into the row of stripe `stripe` (an SQL
/// expression); `from` names the items row `i` when `item` is "i" ("WHERE 1" for OLD or NEW).
QString stripedShare(const char *item, const QString &onHand, int sign, const QString &stripe,
                     const QString &from = QStringLiteral("WHERE 1")) {
    QString sql = stockShare(item, onHand, sign);
    sql.replace(QLatin1String("negatives) SELECT "), QLatin1String("negatives, stripe) SELECT "));
    sql.replace(QLatin1String(" WHERE 1 ON CONFLICT(category_id) "),
                QStringLiteral(", %1 %2 ON CONFLICT(category_id, stripe) ").arg(stripe, from));
    return sql;
}

/// The items row `i` of the product `itemId` (an SQL expression), for stripedShare.
QString itemRow(const char *itemId) {
    return QStringLiteral("FROM items i WHERE i.id = %1").arg(QLatin1String(itemId));
}

QString levelOf(const char *item) {
    return QStringLiteral("COALESCE((SELECT on_hand FROM stock_levels WHERE item_id = %1.id), 0)")
        .arg(QLatin1String(item));
}

/// A sale line's share of sales_by_day, from its sale's row `s` (refunds and voids negative,
/// as the reports have always counted them).
QString salesByDayUpsert(const QString &select, bool striped = false) {
    return (striped ? sqlText("INSERT INTO sales_by_day(business_date, line_kind, category_id, "
                              "staff_id, therapist_id, quantity, net_cents, tax_cents, stripe) ")
                    : sqlText("INSERT INTO sales_by_day(business_date, line_kind, category_id, "
                              "staff_id, therapist_id, quantity, net_cents, tax_cents) ")) +
           select +
           (striped ? sqlText(" ON CONFLICT(business_date, line_kind, category_id, staff_id, "
                              "therapist_id, stripe) DO ")
                    : sqlText(" ON CONFLICT(business_date, line_kind, category_id, staff_id, "
                              "therapist_id) DO ")) +
           sqlText("UPDATE SET quantity = quantity + excluded.quantity, "
                   "net_cents = net_cents + excluded.net_cents, "
                   "tax_cents = tax_cents + excluded.tax_cents");
}

/// The start of sale_lines_rollup (steps 9 and 20): the line's category stamped (a refund's or
/// void's line takes its original line's), the sales_by_day upsert to follow.
QString lineRollupStart() {
    return sqlText("CREATE TRIGGER sale_lines_rollup AFTER INSERT ON sale_lines BEGIN "
                   "INSERT INTO sale_line_categories(line_id, category_id) SELECT NEW.id, "
                   "CASE WHEN EXISTS (SELECT 1 FROM sale_line_categories "
                   "WHERE line_id = NEW.original_line_id) "
                   "THEN (SELECT category_id FROM sale_line_categories "
                   "WHERE line_id = NEW.original_line_id) "
                   "ELSE (SELECT category_id FROM items WHERE id = NEW.item_id) END "
                   "WHERE NEW.item_id IS NOT NULL; ");
}

QString signedBy(const char *sale, const char *column) {
    return QStringLiteral("(CASE WHEN %1.kind = 'sale' THEN %2 ELSE -ABS(%2) END)")
        .arg(QLatin1String(sale), QLatin1String(column));
}
} // namespace

const std::vector<Step> &steps() {
    static const std::vector<Step> all = {
        {1,
         "foundation: meta, settings, staff, tax rates, catalog, journal",
         {
             sqlText("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             sqlText("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             sqlText(
                 "CREATE TABLE staff ("
                 " id {pk},"
                 " name TEXT NOT NULL UNIQUE,"
                 " display_name TEXT NOT NULL,"
                 " role TEXT NOT NULL CHECK (role IN ('frontdesk','manager','owner','therapist')),"
                 " pin_salt BLOB,"
                 " pin_hash BLOB,"
                 " pin_iterations INTEGER NOT NULL DEFAULT 0,"
                 " active INTEGER NOT NULL DEFAULT 1,"
                 " failed_attempts INTEGER NOT NULL DEFAULT 0,"
                 " locked_until TEXT,"
                 " created_at TEXT NOT NULL)"),
             sqlText(
                 "CREATE TABLE tax_rates ("
                 " id {pk},"
                 " tax_class TEXT NOT NULL CHECK (tax_class IN ('service','retail','giftcard')),"
                 " ppm INTEGER NOT NULL CHECK (ppm >= 0 AND ppm <= 1000000),"
                 " effective_from TEXT NOT NULL,"
                 " UNIQUE (tax_class, effective_from))"),
             sqlText("CREATE TABLE categories (id {pk}, name TEXT NOT NULL UNIQUE)"),
             sqlText("CREATE TABLE items ("
                     " id {pk},"
                     " type TEXT NOT NULL CHECK (type IN ('product','session')),"
                     " code TEXT NOT NULL UNIQUE,"
                     " name TEXT NOT NULL,"
                     " category_id INTEGER REFERENCES categories(id),"
                     " size TEXT NOT NULL DEFAULT '',"
                     " price_cents INTEGER NOT NULL CHECK (price_cents >= 0),"
                     " cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),"
                     " tax_class TEXT NOT NULL CHECK (tax_class IN ('service','retail')),"
                     " paraben_free INTEGER NOT NULL DEFAULT 0,"
                     " reorder_point INTEGER NOT NULL DEFAULT 0,"
                     " modality TEXT NOT NULL DEFAULT '',"
                     " minutes INTEGER NOT NULL DEFAULT 0,"
                     " active INTEGER NOT NULL DEFAULT 1,"
                     " sort_order INTEGER NOT NULL DEFAULT 0)"),
             sqlText("CREATE INDEX items_name ON items(name)"),
             sqlText("CREATE TABLE item_barcodes ("
                     " barcode TEXT PRIMARY KEY,"
                     " item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE)"),
             sqlText("CREATE INDEX item_barcodes_item ON item_barcodes(item_id)"),
             sqlText("CREATE TABLE journal ("
                     " seq INTEGER PRIMARY KEY,"
                     " at TEXT NOT NULL,"
                     " actor TEXT NOT NULL,"
                     " kind TEXT NOT NULL,"
                     " payload TEXT NOT NULL,"
                     " prev_hash TEXT NOT NULL,"
                     " hash TEXT NOT NULL)"),
         }},
        {2,
         "sales: receipts, lines, taxes, tenders, parked tickets, stock movements",
         {
             sqlText("CREATE TABLE sales ("
                     " id {pk},"
                     " receipt_no INTEGER NOT NULL UNIQUE,"
                     " kind TEXT NOT NULL CHECK (kind IN ('sale','refund','void')),"
                     " original_sale_id INTEGER REFERENCES sales(id),"
                     " created_at TEXT NOT NULL,"
                     " business_date TEXT NOT NULL,"
                     " register_id TEXT NOT NULL,"
                     " staff_id INTEGER NOT NULL REFERENCES staff(id),"
                     " approver_id INTEGER REFERENCES staff(id),"
                     " shift_id INTEGER,"
                     " discount_spec TEXT NOT NULL DEFAULT '',"
                     " subtotal_cents INTEGER NOT NULL,"
                     " discount_cents INTEGER NOT NULL,"
                     " tax_cents INTEGER NOT NULL,"
                     " tip_cents INTEGER NOT NULL,"
                     " total_cents INTEGER NOT NULL,"
                     " change_cents INTEGER NOT NULL DEFAULT 0,"
                     " note TEXT NOT NULL DEFAULT '')"),
             sqlText("CREATE INDEX sales_created ON sales(created_at)"),
             sqlText("CREATE INDEX sales_business_date ON sales(business_date)"),
             sqlText("CREATE INDEX sales_original ON sales(original_sale_id)"),
             sqlText("CREATE TABLE sale_lines ("
                     " id {pk},"
                     " sale_id INTEGER NOT NULL REFERENCES sales(id),"
                     " line_no INTEGER NOT NULL,"
                     " kind TEXT NOT NULL CHECK (kind IN ('product','session','giftcard','tip')),"
                     " item_id INTEGER REFERENCES items(id),"
                     " code TEXT NOT NULL DEFAULT '',"
                     " name TEXT NOT NULL,"
                     " quantity INTEGER NOT NULL,"
                     " unit_price_cents INTEGER NOT NULL,"
                     " line_discount_cents INTEGER NOT NULL DEFAULT 0,"
                     " ticket_discount_cents INTEGER NOT NULL DEFAULT 0,"
                     " net_cents INTEGER NOT NULL,"
                     " tax_class TEXT NOT NULL,"
                     " tax_cents INTEGER NOT NULL DEFAULT 0,"
                     " therapist_id INTEGER REFERENCES staff(id),"
                     " giftcard_id INTEGER,"
                     " original_line_id INTEGER REFERENCES sale_lines(id),"
                     " price_overridden INTEGER NOT NULL DEFAULT 0,"
                     " UNIQUE (sale_id, line_no))"),
             sqlText("CREATE INDEX sale_lines_item ON sale_lines(item_id)"),
             sqlText("CREATE INDEX sale_lines_original ON sale_lines(original_line_id)"),
             sqlText("CREATE TABLE sale_taxes ("
                     " sale_id INTEGER NOT NULL REFERENCES sales(id),"
                     " tax_class TEXT NOT NULL,"
                     " base_cents INTEGER NOT NULL,"
                     " ppm INTEGER NOT NULL,"
                     " tax_cents INTEGER NOT NULL,"
                     " PRIMARY KEY (sale_id, tax_class))"),
             sqlText("CREATE TABLE sale_tenders ("
                     " id {pk},"
                     " sale_id INTEGER NOT NULL REFERENCES sales(id),"
                     " type TEXT NOT NULL CHECK (type IN ('cash','card','gift')),"
                     " amount_cents INTEGER NOT NULL,"
                     " tendered_cents INTEGER NOT NULL DEFAULT 0,"
                     " card_last4 TEXT NOT NULL DEFAULT '',"
                     " auth_code TEXT NOT NULL DEFAULT '',"
                     " giftcard_id INTEGER,"
                     " original_tender_id INTEGER REFERENCES sale_tenders(id))"),
             sqlText("CREATE INDEX sale_tenders_sale ON sale_tenders(sale_id)"),
             sqlText("CREATE TABLE parked_tickets ("
                     " id {pk},"
                     " created_at TEXT NOT NULL,"
                     " register_id TEXT NOT NULL,"
                     " staff_id INTEGER REFERENCES staff(id),"
                     " label TEXT NOT NULL DEFAULT '',"
                     " payload TEXT NOT NULL)"),
             sqlText("CREATE TABLE stock_movements ("
                     " id {pk},"
                     " item_id INTEGER NOT NULL REFERENCES items(id),"
                     " quantity INTEGER NOT NULL,"
                     " reason TEXT NOT NULL CHECK (reason IN ('sale','return','receive','damaged',"
                     "'tester','treatment','count','adjust','void','opening')),"
                     " unit_cost_cents INTEGER NOT NULL DEFAULT 0,"
                     " sale_id INTEGER REFERENCES sales(id),"
                     " reference TEXT NOT NULL DEFAULT '',"
                     " note TEXT NOT NULL DEFAULT '',"
                     " staff_id INTEGER REFERENCES staff(id),"
                     " created_at TEXT NOT NULL)"),
             sqlText("CREATE INDEX stock_movements_item ON stock_movements(item_id, created_at)"),
             // On-hand is the sum of movements; this running total is kept by trigger in the
             // same transaction so lists and reports need not sum millions of rows.
             sqlText("CREATE TABLE stock_levels ("
                     " item_id INTEGER PRIMARY KEY REFERENCES items(id),"
                     " on_hand INTEGER NOT NULL DEFAULT 0)"),
             sqlText(
                 "CREATE TRIGGER stock_movements_level AFTER INSERT ON stock_movements BEGIN"
                 " INSERT OR IGNORE INTO stock_levels(item_id, on_hand) VALUES (NEW.item_id, 0);"
                 " UPDATE stock_levels SET on_hand = on_hand + NEW.quantity"
                 " WHERE item_id = NEW.item_id; END"),
         }},
        {3,
         "gift cards: cards, activity ledger, failed lookups",
         {
             sqlText("CREATE TABLE giftcards ("
                     " id {pk},"
                     " lookup_hash TEXT NOT NULL UNIQUE,"
                     " last4 TEXT NOT NULL,"
                     " sealed_code BLOB,"
                     " created_at TEXT NOT NULL,"
                     " sale_id INTEGER REFERENCES sales(id),"
                     " replaces_id INTEGER REFERENCES giftcards(id),"
                     " recipient TEXT NOT NULL DEFAULT '',"
                     " sender TEXT NOT NULL DEFAULT '',"
                     " message TEXT NOT NULL DEFAULT '')"),
             sqlText("CREATE TABLE giftcard_activity ("
                     " id {pk},"
                     " giftcard_id INTEGER NOT NULL REFERENCES giftcards(id),"
                     " kind TEXT NOT NULL CHECK (kind IN ('activate','load','redeem','refund',"
                     "'cashout','replace_out','replace_in','adjust')),"
                     " amount_cents INTEGER NOT NULL,"
                     " sale_id INTEGER REFERENCES sales(id),"
                     " staff_id INTEGER REFERENCES staff(id),"
                     " approver_id INTEGER REFERENCES staff(id),"
                     " reason TEXT NOT NULL DEFAULT '',"
                     " created_at TEXT NOT NULL)"),
             sqlText("CREATE INDEX giftcard_activity_card ON giftcard_activity(giftcard_id)"),
             sqlText("CREATE INDEX giftcard_activity_created ON giftcard_activity(created_at)"),
             sqlText("CREATE TABLE giftcard_lookup_failures ("
                     " id {pk},"
                     " register_id TEXT NOT NULL,"
                     " at TEXT NOT NULL,"
                     " reason TEXT NOT NULL)"),
             sqlText("CREATE INDEX giftcard_lookup_failures_at ON "
                     "giftcard_lookup_failures(register_id, "
                     "at)"),
         }},
        {4,
         "inventory: receiving details on movements, stock counts",
         {
             sqlText("ALTER TABLE stock_movements ADD COLUMN lot TEXT NOT NULL DEFAULT ''"),
             sqlText("ALTER TABLE stock_movements ADD COLUMN expires TEXT NOT NULL DEFAULT ''"),
             sqlText("ALTER TABLE stock_movements ADD COLUMN supplier TEXT NOT NULL DEFAULT ''"),
             sqlText("CREATE TABLE stock_counts ("
                     " id {pk},"
                     " created_at TEXT NOT NULL,"
                     " staff_id INTEGER REFERENCES staff(id),"
                     " note TEXT NOT NULL DEFAULT '')"),
         }},
        {5,
         "shifts, drawer cash movements, Z reports",
         {
             sqlText("CREATE TABLE shifts ("
                     " id {pk},"
                     " register_id TEXT NOT NULL,"
                     " opened_at TEXT NOT NULL,"
                     " opened_by INTEGER NOT NULL REFERENCES staff(id),"
                     " float_cents INTEGER NOT NULL,"
                     " closed_at TEXT,"
                     " closed_by INTEGER REFERENCES staff(id),"
                     " expected_cents INTEGER,"
                     " counted_cents INTEGER)"),
             sqlText("CREATE INDEX shifts_register ON shifts(register_id, closed_at)"),
             // A shift row may be closed once; after that it never changes.
             sqlText("CREATE TRIGGER shifts_closed_is_final BEFORE UPDATE ON shifts"
                     " WHEN OLD.closed_at IS NOT NULL BEGIN"
                     " SELECT RAISE(ABORT, 'a closed shift cannot change'); END"),
             sqlText("CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts BEGIN"
                     " SELECT RAISE(ABORT, 'shifts are never deleted'); END"),
             sqlText("CREATE TABLE cash_movements ("
                     " id {pk},"
                     " shift_id INTEGER NOT NULL REFERENCES shifts(id),"
                     " kind TEXT NOT NULL CHECK (kind IN ('payin','payout')),"
                     " amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),"
                     " reason TEXT NOT NULL,"
                     " staff_id INTEGER REFERENCES staff(id),"
                     " approver_id INTEGER REFERENCES staff(id),"
                     " giftcard_activity_id INTEGER REFERENCES giftcard_activity(id),"
                     " created_at TEXT NOT NULL)"),
             sqlText("CREATE TABLE z_reports ("
                     " id {pk},"
                     " z_number INTEGER NOT NULL UNIQUE,"
                     " closed_at TEXT NOT NULL,"
                     " staff_id INTEGER REFERENCES staff(id),"
                     " first_sale_id INTEGER,"
                     " last_sale_id INTEGER,"
                     " period_total_cents INTEGER NOT NULL,"
                     " grand_total_cents INTEGER NOT NULL,"
                     " journal_seq INTEGER NOT NULL,"
                     " journal_hash TEXT NOT NULL,"
                     " payload TEXT NOT NULL)"),
         }},
        {6,
         "reports: indexes for drawer totals per shift",
         {
             // Closing a shift sums the cash of its sales and its pay-ins and pay-outs.
             sqlText("CREATE INDEX sales_shift ON sales(shift_id)"),
             sqlText("CREATE INDEX cash_movements_shift ON cash_movements(shift_id)"),
         }},
        {7,
         "gift cards: index on giftcards(replaces_id) for the replacement lookup",
         {
             // Every lookup and balance read asks which card replaced this one; without the
             // index that is a backwards scan of every card (100,000 of them at a busy spa).
             sqlText("CREATE INDEX giftcards_replaces ON giftcards(replaces_id)"),
         }},
        {8,
         "sales write fewer index pages; sessions found without reading every product",
         {
             // Every index a sale touches is a page written to the log and synced at commit. No
             // query looks sale lines up by item (items are never deleted, so the foreign key
             // needs no index either), and only refunds and voids carry an original id, so
             // ordinary sales need not write those indexes at all.
             sqlText("DROP INDEX sale_lines_item"),
             sqlText("DROP INDEX sales_original"),
             sqlText("CREATE INDEX sales_original ON sales(original_sale_id) "
                     "WHERE original_sale_id IS NOT NULL"),
             sqlText("DROP INDEX sale_lines_original"),
             sqlText("CREATE INDEX sale_lines_original ON sale_lines(original_line_id) "
                     "WHERE original_line_id IS NOT NULL"),
             // The register's session buttons at every start and login: a dozen sessions among
             // up to 100,000 products, without reading the products.
             sqlText("CREATE INDEX items_sessions ON items(sort_order, id) WHERE type = 'session'"),
         }},
        {9,
         "reports: category stamped on sale lines; rollups by day and by category kept by "
         "trigger in the writing transaction, and filled from the rows already there; where "
         "a Z stopped in columns; a covering index for card balances",
         {
             // The category a line was sold under, fixed at sale time (a refund or void takes
             // its original line's). Lines of existing databases get their item's category as
             // it is when this step runs: nothing better is known of them.
             sqlText("CREATE TABLE sale_line_categories ("
                     " line_id INTEGER PRIMARY KEY REFERENCES sale_lines(id),"
                     " category_id INTEGER REFERENCES categories(id))"),
             // Derived data, never the books: sums of sale_lines per business day, line kind,
             // category, cashier and therapist (0: none), refunds and voids negative.
             sqlText(
                 "CREATE TABLE sales_by_day ("
                 " business_date TEXT NOT NULL,"
                 " line_kind TEXT NOT NULL,"
                 " category_id INTEGER NOT NULL,"
                 " staff_id INTEGER NOT NULL,"
                 " therapist_id INTEGER NOT NULL,"
                 " quantity INTEGER NOT NULL,"
                 " net_cents INTEGER NOT NULL,"
                 " tax_cents INTEGER NOT NULL,"
                 " PRIMARY KEY (business_date, line_kind, category_id, staff_id, therapist_id))"),
             // Sums of giftcard_activity per UTC day (of created_at) and kind.
             sqlText("CREATE TABLE giftcard_activity_by_day ("
                     " day TEXT NOT NULL,"
                     " kind TEXT NOT NULL,"
                     " entries INTEGER NOT NULL,"
                     " amount_cents INTEGER NOT NULL,"
                     " PRIMARY KEY (day, kind))"),
             // Stock at average cost per category (0: none), as the valuation counts it.
             sqlText("CREATE TABLE stock_by_category ("
                     " category_id INTEGER PRIMARY KEY,"
                     " products INTEGER NOT NULL,"
                     " units INTEGER NOT NULL,"
                     " value_cents INTEGER NOT NULL,"
                     " negatives INTEGER NOT NULL)"),

             // Where a Z stopped, beside last_sale_id, so the next X need not parse the
             // previous Z's payload (every item of its day) to find it. Earlier Zs keep NULL.
             sqlText("ALTER TABLE z_reports ADD COLUMN last_giftcard_activity_id INTEGER"),
             sqlText("ALTER TABLE z_reports ADD COLUMN last_cash_movement_id INTEGER"),

             // A card's balance at a moment (the liability report's cards, and every balance
             // read) from the index alone.
             sqlText("DROP INDEX giftcard_activity_card"),
             sqlText("CREATE INDEX giftcard_activity_card ON giftcard_activity(giftcard_id, "
                     "created_at, amount_cents)"),

             // Backfill from the rows already there (the large bench database: seconds).
             sqlText(
                 "INSERT INTO sale_line_categories(line_id, category_id) "
                 "SELECT l.id, i.category_id FROM sale_lines l JOIN items i ON i.id = l.item_id"),
             salesByDayUpsert(
                 QStringLiteral(
                     "SELECT s.business_date, l.kind, COALESCE(c.category_id, 0), s.staff_id, "
                     "COALESCE(l.therapist_id, 0), SUM(%1), SUM(%2), SUM(%3) FROM sale_lines l "
                     "JOIN sales s ON s.id = l.sale_id "
                     "LEFT JOIN sale_line_categories c ON c.line_id = l.id WHERE 1 "
                     "GROUP BY s.business_date, l.kind, COALESCE(c.category_id, 0), s.staff_id, "
                     "COALESCE(l.therapist_id, 0)")
                     .arg(signedBy("s", "l.quantity"), signedBy("s", "l.net_cents"),
                          signedBy("s", "l.tax_cents"))),
             sqlText("INSERT INTO giftcard_activity_by_day(day, kind, entries, amount_cents) "
                     "SELECT substr(created_at, 1, 10), kind, COUNT(*), SUM(amount_cents) "
                     "FROM giftcard_activity GROUP BY substr(created_at, 1, 10), kind"),
             sqlText("INSERT INTO stock_by_category(category_id, products, units, value_cents, "
                     "negatives) SELECT COALESCE(i.category_id, 0), COUNT(*), "
                     "SUM(CASE WHEN COALESCE(l.on_hand, 0) > 0 THEN l.on_hand ELSE 0 END), "
                     "SUM(CASE WHEN COALESCE(l.on_hand, 0) > 0 THEN l.on_hand * i.cost_cents "
                     "ELSE 0 END), SUM(CASE WHEN COALESCE(l.on_hand, 0) < 0 THEN 1 ELSE 0 END) "
                     "FROM items i LEFT JOIN stock_levels l ON l.item_id = i.id "
                     "WHERE i.type = 'product' AND (i.active = 1 OR COALESCE(l.on_hand, 0) <> 0) "
                     "GROUP BY COALESCE(i.category_id, 0)"),

             // Kept in the writing transaction by whoever writes (the services, the bench
             // generator, a script): a writer cannot forget them.
             lineRollupStart() +
                 salesByDayUpsert(
                     QStringLiteral(
                         "SELECT s.business_date, NEW.kind, COALESCE((SELECT category_id FROM "
                         "sale_line_categories WHERE line_id = NEW.id), 0), s.staff_id, "
                         "COALESCE(NEW.therapist_id, 0), %1, %2, %3 FROM sales s "
                         "WHERE s.id = NEW.sale_id")
                         .arg(signedBy("s", "NEW.quantity"), signedBy("s", "NEW.net_cents"),
                              signedBy("s", "NEW.tax_cents"))) +
                 sqlText("; END"),
             sqlText(
                 "CREATE TRIGGER giftcard_activity_rollup AFTER INSERT ON giftcard_activity BEGIN "
                 "INSERT INTO giftcard_activity_by_day(day, kind, entries, amount_cents) "
                 "VALUES (substr(NEW.created_at, 1, 10), NEW.kind, 1, NEW.amount_cents) "
                 "ON CONFLICT(day, kind) DO UPDATE SET entries = entries + 1, "
                 "amount_cents = amount_cents + excluded.amount_cents; END"),
             sqlText("CREATE TRIGGER items_stock_insert AFTER INSERT ON items BEGIN ") +
                 stockShare("NEW", levelOf("NEW"), 1) + sqlText(" END"),
             sqlText("CREATE TRIGGER items_stock_update AFTER UPDATE OF type, active, category_id, "
                     "cost_cents ON items BEGIN ") +
                 stockShare("OLD", levelOf("OLD"), -1) + stockShare("NEW", levelOf("NEW"), 1) +
                 sqlText(" END"),
             sqlText("CREATE TRIGGER items_stock_delete AFTER DELETE ON items BEGIN ") +
                 stockShare("OLD", levelOf("OLD"), -1) + sqlText(" END"),
             // stock_levels rows: a missing row is on-hand 0.
             sqlText(
                 "CREATE TRIGGER stock_levels_value_insert AFTER INSERT ON stock_levels BEGIN ") +
                 stockShare("i", sqlText("0"), -1)
                     .replace(sqlText(" WHERE 1 "),
                              sqlText(" FROM items i WHERE i.id = NEW.item_id ")) +
                 stockShare("i", sqlText("NEW.on_hand"), 1)
                     .replace(sqlText(" WHERE 1 "),
                              sqlText(" FROM items i WHERE i.id = NEW.item_id ")) +
                 sqlText(" END"),
             sqlText(
                 "CREATE TRIGGER stock_levels_value_update AFTER UPDATE OF on_hand ON stock_levels "
                 "BEGIN ") +
                 stockShare("i", sqlText("OLD.on_hand"), -1)
                     .replace(sqlText(" WHERE 1 "),
                              sqlText(" FROM items i WHERE i.id = OLD.item_id ")) +
                 stockShare("i", sqlText("NEW.on_hand"), 1)
                     .replace(sqlText(" WHERE 1 "),
                              sqlText(" FROM items i WHERE i.id = NEW.item_id ")) +
                 sqlText(" END"),
             sqlText(
                 "CREATE TRIGGER stock_levels_value_delete AFTER DELETE ON stock_levels BEGIN ") +
                 stockShare("i", sqlText("OLD.on_hand"), -1)
                     .replace(sqlText(" WHERE 1 "),
                              sqlText(" FROM items i WHERE i.id = OLD.item_id ")) +
                 stockShare("i", sqlText("0"), 1)
                     .replace(sqlText(" WHERE 1 "),
                              sqlText(" FROM items i WHERE i.id = OLD.item_id ")) +
                 sqlText(" END"),
         }},
        {10,
         "registers: the tills a manager registered in this store; the registers already seen "
         "in sales and shifts are registered; failed gift-card lookups counted per store",
         {
             // A register's name is what OASIS_REGISTER or the app's register setting says; an
             // operation that acts as a register refuses a name that is not here.
             sqlText("CREATE TABLE registers ("
                     " id {pk},"
                     " name TEXT NOT NULL UNIQUE,"
                     " created_at TEXT NOT NULL,"
                     " created_by INTEGER REFERENCES staff(id))"),
             // An older store keeps working: every register it has already sold or counted a
             // drawer on is registered, as of the first time it did.
             sqlText("INSERT INTO registers(name, created_at) "
                     "SELECT register_id, MIN(at) FROM ("
                     "SELECT register_id, created_at AS at FROM sales "
                     "UNION ALL SELECT register_id, opened_at AS at FROM shifts) seen "
                     "WHERE register_id <> '' GROUP BY register_id ORDER BY MIN(at)"),
             // The store-wide lookup limit reads the last minutes' failures of every register.
             sqlText("CREATE INDEX giftcard_lookup_failures_store ON giftcard_lookup_failures(at)"),
         }},
        {11,
         "sales carry the register's request id: a retry finds the first sale",
         {
             // Chosen by the register (the app: one per ticket; oasisctl: --request-id). A
             // retry with the same id returns the sale that has it instead of charging again;
             // the unique index is the backstop when two programs race with the same id.
             sqlText("ALTER TABLE sales ADD COLUMN request_id TEXT"),
             sqlText("CREATE UNIQUE INDEX sales_request_id ON sales(request_id) "
                     "WHERE request_id IS NOT NULL"),
         }},
        {kBooksJournaled,
         "the books journaled: each journal entry records the rows it wrote (Database::migrate "
         "marks the rows already there as history)",
         {}},
        {13,
         "an index of the stock taken for treatments and testers (the use-tax report)",
         {
             sqlText("CREATE INDEX stock_movements_own_use ON stock_movements(created_at) "
                     "WHERE reason IN ('tester', 'treatment')"),
         }},
        {14,
         "clients: contact details and health flags, and the client a sale was rung up for",
         {
             // Contact details are edited (each change journaled: client_added, client_changed,
             // client_merged); health_flags holds one flag per line (allergies,
             // contraindications, pregnancy), shown only to roles that may see them. A merged
             // duplicate points at the client it was merged into and is found no more.
             sqlText("CREATE TABLE clients ("
                     " id {pk},"
                     " name TEXT NOT NULL,"
                     " phone TEXT NOT NULL DEFAULT '',"
                     " phone_digits TEXT NOT NULL DEFAULT '',"
                     " email TEXT NOT NULL DEFAULT '',"
                     " notes TEXT NOT NULL DEFAULT '',"
                     " health_flags TEXT NOT NULL DEFAULT '',"
                     " merged_into INTEGER REFERENCES clients(id),"
                     " created_at TEXT NOT NULL,"
                     " created_by INTEGER REFERENCES staff(id),"
                     " changed_at TEXT NOT NULL)"),
             sqlText("CREATE INDEX clients_name ON clients(name)"),
             sqlText("CREATE INDEX clients_phone ON clients(phone_digits)"),
             sqlText("CREATE INDEX clients_merged ON clients(merged_into) "
                     "WHERE merged_into IS NOT NULL"),
             // Part of the books: written in the sale's transaction and recorded by its journal
             // entry, so an edited or deleted link is found by journal verify. The sales row is
             // left as it was (the digests of older sales still hold).
             sqlText("CREATE TABLE sale_clients ("
                     " id {pk},"
                     " sale_id INTEGER NOT NULL UNIQUE REFERENCES sales(id),"
                     " client_id INTEGER NOT NULL REFERENCES clients(id))"),
             sqlText("CREATE INDEX sale_clients_client ON sale_clients(client_id)"),
         }},
        {15,
         "receipt series: each register numbers its receipts in a gap-free series of its own "
         "(A-000001); the registers already known keep series R, the receipts' old one",
         {
             // 0 is series R (receipts numbered as they always were); 1..26 are A..Z. A
             // receipt's number in the books is its series times 1,000,000,000 plus its number
             // in the series (core/domain/receiptcode.h). Only R may be shared: by the registers
             // that sold before series, or that a manager left on it.
             sqlText(
                 "ALTER TABLE registers ADD COLUMN receipt_series INTEGER NOT NULL DEFAULT 0 "
                 "CHECK (receipt_series >= 0 AND receipt_series <= 26 AND receipt_series <> 18)"),
             sqlText("CREATE UNIQUE INDEX registers_receipt_series ON registers(receipt_series) "
                     "WHERE receipt_series <> 0"),
         }},
        {16,
         "service vouchers: sale lines and tenders of kind voucher (and package); vouchers and "
         "their ledger",
         {
             // A CHECK is widened the PostgreSQL way; SQLite cannot ALTER a CHECK, and its
             // driver says this as SQLite's documented change of the table's text
             // (SqliteDriver::translateSchema). A new store gets the wider CHECK in its CREATE
             // TABLE (PostgreSQL's schema is translated from SQLite's). The rows, their ids and
             // the journal's digests of them are left as they are.
             sqlText("ALTER TABLE sale_lines DROP CONSTRAINT sale_lines_kind_check, ADD "
                     "CONSTRAINT sale_lines_kind_check CHECK (kind IN ('product','session',"
                     "'giftcard','tip','voucher','package'))"),
             sqlText("ALTER TABLE sale_tenders DROP CONSTRAINT sale_tenders_type_check, ADD "
                     "CONSTRAINT sale_tenders_type_check CHECK (type IN ('cash','card','gift',"
                     "'voucher','package'))"),
             // A voucher is worth one service (item_id, a session), not dollars: found by a
             // keyed hash of its code like a gift card, never stored in clear. paid_cents is
             // what the customer paid for it: its liability until it is redeemed or voided.
             sqlText("CREATE TABLE vouchers ("
                     " id {pk},"
                     " lookup_hash TEXT NOT NULL UNIQUE,"
                     " last4 TEXT NOT NULL,"
                     " sealed_code BLOB,"
                     " item_id INTEGER NOT NULL REFERENCES items(id),"
                     " paid_cents INTEGER NOT NULL CHECK (paid_cents >= 0),"
                     " sale_id INTEGER NOT NULL REFERENCES sales(id),"
                     " line_id INTEGER NOT NULL REFERENCES sale_lines(id),"
                     " created_at TEXT NOT NULL)"),
             sqlText("CREATE INDEX vouchers_sale ON vouchers(sale_id)"),
             // The liability ledger: 'sell' adds what was paid; 'redeem' (a sale's tender
             // covered line_id with covered_cents) and 'void' (its sale refunded) take exactly
             // that away. At most one of them per voucher: the unique index is the backstop of
             // the check the redeeming sale makes inside its transaction.
             sqlText("CREATE TABLE voucher_activity ("
                     " id {pk},"
                     " voucher_id INTEGER NOT NULL REFERENCES vouchers(id),"
                     " kind TEXT NOT NULL CHECK (kind IN ('sell','redeem','void')),"
                     " amount_cents INTEGER NOT NULL,"
                     " covered_cents INTEGER NOT NULL DEFAULT 0,"
                     " sale_id INTEGER NOT NULL REFERENCES sales(id),"
                     " line_id INTEGER REFERENCES sale_lines(id),"
                     " staff_id INTEGER REFERENCES staff(id),"
                     " created_at TEXT NOT NULL)"),
             sqlText("CREATE INDEX voucher_activity_voucher ON voucher_activity(voucher_id, "
                     "created_at)"),
             sqlText("CREATE INDEX voucher_activity_sale ON voucher_activity(sale_id)"),
             sqlText("CREATE UNIQUE INDEX voucher_activity_once ON voucher_activity(voucher_id) "
                     "WHERE kind IN ('redeem', 'void')"),
         }},
        {17,
         "promotional value on gift cards: its own append-only ledger, apart from the paid value",
         {
             // Never a liability and spent after the paid value (PromoLedger). A lot (grant,
             // refund, replace_in) carries its last day, NULL for none; a draw (redeem, void,
             // replace_out) names the lot it takes from, a refund the redeem it gives back. Part
             // of the books: recorded by the journal entry of the operation that wrote it.
             sqlText("CREATE TABLE giftcard_promo ("
                     " id {pk},"
                     " giftcard_id INTEGER NOT NULL REFERENCES giftcards(id),"
                     " kind TEXT NOT NULL CHECK (kind IN ('grant', 'refund', 'replace_in', "
                     "'redeem', 'void', 'replace_out')),"
                     " lot_id INTEGER REFERENCES giftcard_promo(id),"
                     " amount_cents INTEGER NOT NULL,"
                     " expires_on TEXT,"
                     " sale_id INTEGER REFERENCES sales(id),"
                     " staff_id INTEGER REFERENCES staff(id),"
                     " approver_id INTEGER REFERENCES staff(id),"
                     " reason TEXT NOT NULL DEFAULT '',"
                     " created_at TEXT NOT NULL)"),
             sqlText("CREATE INDEX giftcard_promo_card ON giftcard_promo(giftcard_id)"),
             sqlText("CREATE INDEX giftcard_promo_lot ON giftcard_promo(lot_id) "
                     "WHERE lot_id IS NOT NULL"),
             sqlText("CREATE INDEX giftcard_promo_sale ON giftcard_promo(sale_id) "
                     "WHERE sale_id IS NOT NULL"),
         }},
        {18,
         "session packages: package products, packages sold and their sessions ledger",
         {
             // What the store sells: `sessions` of one session item for `price_cents`. A code is
             // defined once (append-only): another price is another code.
             sqlText("CREATE TABLE package_products ("
                     " id {pk},"
                     " code TEXT NOT NULL UNIQUE,"
                     " item_id INTEGER NOT NULL REFERENCES items(id),"
                     " sessions INTEGER NOT NULL CHECK (sessions BETWEEN 1 AND 100),"
                     " price_cents INTEGER NOT NULL CHECK (price_cents > 0),"
                     " staff_id INTEGER REFERENCES staff(id),"
                     " created_at TEXT NOT NULL)"),
             // A package sold to a client: found by a keyed hash of its code like a gift card,
             // never stored in clear. paid_cents is what the client paid: deferred revenue,
             // recognised session by session (packageSessionPrice).
             sqlText("CREATE TABLE packages ("
                     " id {pk},"
                     " lookup_hash TEXT NOT NULL UNIQUE,"
                     " last4 TEXT NOT NULL,"
                     " sealed_code BLOB,"
                     " product_id INTEGER NOT NULL REFERENCES package_products(id),"
                     " item_id INTEGER NOT NULL REFERENCES items(id),"
                     " sessions INTEGER NOT NULL CHECK (sessions >= 1),"
                     " paid_cents INTEGER NOT NULL CHECK (paid_cents >= 0),"
                     " client_id INTEGER NOT NULL REFERENCES clients(id),"
                     " sale_id INTEGER NOT NULL REFERENCES sales(id),"
                     " line_id INTEGER NOT NULL REFERENCES sale_lines(id),"
                     " created_at TEXT NOT NULL)"),
             sqlText("CREATE INDEX packages_client ON packages(client_id)"),
             sqlText("CREATE INDEX packages_line ON packages(line_id)"),
             // The sessions ledger: 'sell' adds the sessions and what was paid; 'redeem' takes
             // one session and its per-session price (amount_cents, negative); 'refund' takes
             // the sessions left and what is still owed. seq numbers a package's rows 0, 1, 2...:
             // each write names the seq it expects next, so two registers using the last
             // session at once cannot both write (the unique index is the backstop of the check
             // made inside the sale's transaction).
             sqlText("CREATE TABLE package_activity ("
                     " id {pk},"
                     " package_id INTEGER NOT NULL REFERENCES packages(id),"
                     " seq INTEGER NOT NULL CHECK (seq >= 0),"
                     " kind TEXT NOT NULL CHECK (kind IN ('sell','redeem','refund')),"
                     " sessions INTEGER NOT NULL,"
                     " amount_cents INTEGER NOT NULL,"
                     " sale_id INTEGER NOT NULL REFERENCES sales(id),"
                     " line_id INTEGER REFERENCES sale_lines(id),"
                     " staff_id INTEGER REFERENCES staff(id),"
                     " approver_id INTEGER REFERENCES staff(id),"
                     " created_at TEXT NOT NULL)"),
             sqlText("CREATE UNIQUE INDEX package_activity_seq ON package_activity(package_id, "
                     "seq)"),
             sqlText("CREATE INDEX package_activity_sale ON package_activity(sale_id)"),
             sqlText("CREATE INDEX package_activity_line ON package_activity(line_id)"),
         }},
        {19,
         "offline sales: when a sale made while the server was unreachable was made and landed",
         {
             // One row per sale a register made offline and sent later (DESIGN §13a): when it
             // was made (sales.created_at says the same), when it reached the server, and the
             // catalog prices that differed then from what the customer was charged (JSON).
             sqlText("CREATE TABLE offline_sales ("
                     " id {pk},"
                     " sale_id INTEGER NOT NULL UNIQUE REFERENCES sales(id),"
                     " register_id TEXT NOT NULL,"
                     " made_at TEXT NOT NULL,"
                     " landed_at TEXT NOT NULL,"
                     " differences TEXT NOT NULL DEFAULT '[]')"),
             sqlText("CREATE INDEX offline_sales_landed ON offline_sales(landed_at)"),
         }},
        {20,
         "report rollups kept in rows of each receipt series: registers of different series "
         "add to rows of their own (the reports add the series up)",
         {
             // A sale on a server holds each rollup row it adds to until it commits. With one
             // row per day and kind (or category) for the whole store, every register's sale
             // waited for every other's from its first line to its commit. Now a row is a
             // series' own (stripe: the series of the sale that wrote it, 0 for a write of no
             // sale): two registers with series of their own share none, and registers that
             // share a series already wait for each other's number. Sums are unchanged.
             sqlText("DROP TRIGGER IF EXISTS sale_lines_rollup ON sale_lines"),
             sqlText("DROP TRIGGER IF EXISTS giftcard_activity_rollup ON giftcard_activity"),
             sqlText("DROP TRIGGER IF EXISTS stock_movements_level ON stock_movements"),
             sqlText("DROP TRIGGER IF EXISTS items_stock_insert ON items"),
             sqlText("DROP TRIGGER IF EXISTS items_stock_update ON items"),
             sqlText("DROP TRIGGER IF EXISTS items_stock_delete ON items"),
             sqlText("DROP TRIGGER IF EXISTS stock_levels_value_insert ON stock_levels"),
             sqlText("DROP TRIGGER IF EXISTS stock_levels_value_update ON stock_levels"),
             sqlText("DROP TRIGGER IF EXISTS stock_levels_value_delete ON stock_levels"),
             // Each rollup made again with the stripe in its key, its rows kept (stripe 0).
             sqlText("CREATE TABLE oasis_rollup_kept AS SELECT business_date, line_kind, "
                     "category_id, staff_id, therapist_id, quantity, net_cents, tax_cents "
                     "FROM sales_by_day"),
             sqlText("DROP TABLE sales_by_day"),
             sqlText("CREATE TABLE sales_by_day ("
                     " business_date TEXT NOT NULL,"
                     " line_kind TEXT NOT NULL,"
                     " category_id INTEGER NOT NULL,"
                     " staff_id INTEGER NOT NULL,"
                     " therapist_id INTEGER NOT NULL,"
                     " quantity INTEGER NOT NULL,"
                     " net_cents INTEGER NOT NULL,"
                     " tax_cents INTEGER NOT NULL,"
                     " stripe INTEGER NOT NULL DEFAULT 0,"
                     " PRIMARY KEY (business_date, line_kind, category_id, staff_id, therapist_id, "
                     "stripe))"),
             sqlText("INSERT INTO sales_by_day(business_date, line_kind, category_id, staff_id, "
                     "therapist_id, quantity, net_cents, tax_cents) SELECT business_date, "
                     "line_kind, category_id, staff_id, therapist_id, quantity, net_cents, "
                     "tax_cents FROM oasis_rollup_kept"),
             sqlText("DROP TABLE oasis_rollup_kept"),
             sqlText("CREATE TABLE oasis_rollup_kept AS SELECT day, kind, entries, amount_cents "
                     "FROM giftcard_activity_by_day"),
             sqlText("DROP TABLE giftcard_activity_by_day"),
             sqlText("CREATE TABLE giftcard_activity_by_day ("
                     " day TEXT NOT NULL,"
                     " kind TEXT NOT NULL,"
                     " entries INTEGER NOT NULL,"
                     " amount_cents INTEGER NOT NULL,"
                     " stripe INTEGER NOT NULL DEFAULT 0,"
                     " PRIMARY KEY (day, kind, stripe))"),
             sqlText("INSERT INTO giftcard_activity_by_day(day, kind, entries, amount_cents) "
                     "SELECT day, kind, entries, amount_cents FROM oasis_rollup_kept"),
             sqlText("DROP TABLE oasis_rollup_kept"),
             sqlText("CREATE TABLE oasis_rollup_kept AS SELECT category_id, products, units, "
                     "value_cents, negatives FROM stock_by_category"),
             sqlText("DROP TABLE stock_by_category"),
             sqlText("CREATE TABLE stock_by_category ("
                     " category_id INTEGER NOT NULL,"
                     " products INTEGER NOT NULL,"
                     " units INTEGER NOT NULL,"
                     " value_cents INTEGER NOT NULL,"
                     " negatives INTEGER NOT NULL,"
                     " stripe INTEGER NOT NULL DEFAULT 0,"
                     " PRIMARY KEY (category_id, stripe))"),
             sqlText("INSERT INTO stock_by_category(category_id, products, units, value_cents, "
                     "negatives) SELECT category_id, products, units, value_cents, negatives "
                     "FROM oasis_rollup_kept"),
             sqlText("DROP TABLE oasis_rollup_kept"),

             // The triggers again, each writing into its sale's series.
             lineRollupStart() +
                 salesByDayUpsert(
                     QStringLiteral(
                         "SELECT s.business_date, NEW.kind, COALESCE((SELECT category_id FROM "
                         "sale_line_categories WHERE line_id = NEW.id), 0), s.staff_id, "
                         "COALESCE(NEW.therapist_id, 0), %1, %2, %3, s.receipt_no / %4 "
                         "FROM sales s WHERE s.id = NEW.sale_id")
                         .arg(signedBy("s", "NEW.quantity"), signedBy("s", "NEW.net_cents"),
                              signedBy("s", "NEW.tax_cents"))
                         .arg(receiptseries::kSpan),
                     true) +
                 sqlText("; END"),
             QStringLiteral(
                 "CREATE TRIGGER giftcard_activity_rollup AFTER INSERT ON giftcard_activity BEGIN "
                 "INSERT INTO giftcard_activity_by_day(day, kind, entries, amount_cents, stripe) "
                 "VALUES (substr(NEW.created_at, 1, 10), NEW.kind, 1, NEW.amount_cents, %1) "
                 "ON CONFLICT(day, kind, stripe) DO UPDATE SET entries = entries + 1, "
                 "amount_cents = amount_cents + excluded.amount_cents; END")
                 .arg(seriesOf("NEW.sale_id")),
             // A movement takes its product's level first (the row lock of the level, which a
             // sale on another register waits for), then adds the product's change of share,
             // worked out from the level it wrote, to its series' row.
             sqlText("CREATE TRIGGER stock_movements_level AFTER INSERT ON stock_movements BEGIN"
                     " INSERT OR IGNORE INTO stock_levels(item_id, on_hand) VALUES (NEW.item_id, "
                     "0); UPDATE stock_levels SET on_hand = on_hand + NEW.quantity"
                     " WHERE item_id = NEW.item_id; ") +
                 stripedShare("i", QStringLiteral("(%1 - NEW.quantity)").arg(levelOf("i")), -1,
                              seriesOf("NEW.sale_id"), itemRow("NEW.item_id")) +
                 stripedShare("i", levelOf("i"), 1, seriesOf("NEW.sale_id"),
                              itemRow("NEW.item_id")) +
                 sqlText(" END"),
             sqlText("CREATE TRIGGER items_stock_insert AFTER INSERT ON items BEGIN ") +
                 stripedShare("NEW", levelOf("NEW"), 1, sqlText("0")) + sqlText(" END"),
             sqlText("CREATE TRIGGER items_stock_update AFTER UPDATE OF type, active, category_id, "
                     "cost_cents ON items BEGIN ") +
                 stripedShare("OLD", levelOf("OLD"), -1, sqlText("0")) +
                 stripedShare("NEW", levelOf("NEW"), 1, sqlText("0")) + sqlText(" END"),
             sqlText("CREATE TRIGGER items_stock_delete AFTER DELETE ON items BEGIN ") +
                 stripedShare("OLD", levelOf("OLD"), -1, sqlText("0")) + sqlText(" END"),
             // A level is made at 0 by the first movement of its product (no change of share,
             // and no row of series R taken); written otherwise only by hand.
             sqlText("CREATE TRIGGER stock_levels_value_insert AFTER INSERT ON stock_levels "
                     "WHEN NEW.on_hand <> 0 BEGIN ") +
                 stripedShare("i", sqlText("0"), -1, sqlText("0"), itemRow("NEW.item_id")) +
                 stripedShare("i", sqlText("NEW.on_hand"), 1, sqlText("0"),
                              itemRow("NEW.item_id")) +
                 sqlText(" END"),
             sqlText(
                 "CREATE TRIGGER stock_levels_value_delete AFTER DELETE ON stock_levels BEGIN ") +
                 stripedShare("i", sqlText("OLD.on_hand"), -1, sqlText("0"),
                              itemRow("OLD.item_id")) +
                 stripedShare("i", sqlText("0"), 1, sqlText("0"), itemRow("OLD.item_id")) +
                 sqlText(" END"),
         }},
        {21,
         "on a server, the journal's head locked and read in one round trip (oasis_journal_head)",
         {
             // A sale on a server waits for another's only while the other holds the journal's
             // head: its lock, its read, the entry and the commit. One of those round trips
             // less (PostgresDriver::lockedJournalHead). Nothing on a file.
             journalHeadFunction(),
         }},
    };
    return all;
}

QString journalHeadFunction() {
    // The lock, then the read: each query of a VOLATILE function (the default) takes a snapshot
    // of its own, so the read sees every entry committed before the lock was had. Run with the
    // caller's rights (a register reads the journal); its search path that of the store.
    return QStringLiteral(
        "CREATE OR REPLACE FUNCTION oasis_journal_head(lock_space integer, lock_key integer) "
        "RETURNS TABLE (seq bigint, hash text) LANGUAGE plpgsql SET search_path FROM CURRENT "
        "AS $fn$ BEGIN PERFORM pg_advisory_xact_lock(lock_space, lock_key); RETURN QUERY SELECT "
        "j.seq, j.hash FROM journal j ORDER BY j.seq DESC LIMIT 1; END $fn$");
}

int latestVersion() {
    return steps().back().version;
}

QStringList appendOnlyTables(int version) {
    switch (version) {
    case 1:
        return {QStringLiteral("journal")};
    case 2:
        return {QStringLiteral("sales"), QStringLiteral("sale_lines"), QStringLiteral("sale_taxes"),
                QStringLiteral("sale_tenders"), QStringLiteral("stock_movements")};
    case 3:
        return {QStringLiteral("giftcards"), QStringLiteral("giftcard_activity")};
    case 5:
        return {QStringLiteral("cash_movements"), QStringLiteral("z_reports")};
    case 9:
        return {QStringLiteral("sale_line_categories")};
    case 14:
        return {QStringLiteral("sale_clients")};
    case 16:
        return {QStringLiteral("vouchers"), QStringLiteral("voucher_activity")};
    case 17:
        return {QStringLiteral("giftcard_promo")};
    case 18:
        return {QStringLiteral("package_products"), QStringLiteral("packages"),
                QStringLiteral("package_activity")};
    case 19:
        return {QStringLiteral("offline_sales")};
    default:
        return {};
    }
}

QStringList derivedTables() {
    return {QStringLiteral("stock_levels"), QStringLiteral("stock_by_category"),
            QStringLiteral("sales_by_day"), QStringLiteral("giftcard_activity_by_day")};
}

} // namespace oasis::schema
