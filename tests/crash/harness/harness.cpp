// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/crash/harness/harness.h"

#include "core/domain/clock.h"
#include "core/services/catalog.h"
#include "core/services/clients.h"
#include "core/services/demo.h"
#include "core/services/giftcard.h"
#include "core/services/package.h"
#include "core/services/promo.h"
#include "core/services/registers.h"
#include "core/services/report.h"
#include "core/services/sale.h"
#include "core/services/staff.h"
#include "core/services/storesettings.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

#include <cstdio>

namespace oasis::harness {

namespace {

/// Runs a query and returns the first `limit` rows as "a b c" strings.
QStringList rows(Database &db, const QString &sql, int limit = 5) {
    QStringList out;
    auto all = db.rows(sql);
    if (!all) {
        out << QStringLiteral("query failed: ") + all.error().message;
        return out;
    }
    for (const QVariantList &row : std::as_const(*all)) {
        if (out.size() >= limit)
            break;
        QStringList fields;
        for (const QVariant &v : row)
            fields << v.toString();
        out << fields.join(QLatin1Char(' '));
    }
    return out;
}

void expectNone(QStringList &problems, Database &db, const QString &what, const QString &sql) {
    const QStringList found = rows(db, sql);
    if (!found.isEmpty())
        problems << what + QStringLiteral(": ") + found.join(QStringLiteral("; "));
}

} // namespace

const std::vector<RollupQuery> &rollupQueries() {
    const QString kSalesRaw = QStringLiteral(
        "SELECT s.business_date, l.kind, COALESCE(c.category_id, 0), s.staff_id, "
        "COALESCE(l.therapist_id, 0), "
        "SUM(CASE WHEN s.kind = 'sale' THEN l.quantity ELSE -ABS(l.quantity) END), "
        "SUM(CASE WHEN s.kind = 'sale' THEN l.net_cents ELSE -ABS(l.net_cents) END), "
        "SUM(CASE WHEN s.kind = 'sale' THEN l.tax_cents ELSE -ABS(l.tax_cents) END) "
        "FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
        "LEFT JOIN sale_line_categories c ON c.line_id = l.id "
        "GROUP BY 1, 2, 3, 4, 5");
    const QString kSalesRollup =
        QStringLiteral("SELECT business_date, line_kind, category_id, staff_id, therapist_id, "
                       "SUM(quantity), SUM(net_cents), SUM(tax_cents) FROM sales_by_day "
                       "GROUP BY 1, 2, 3, 4, 5");
    const QString kCardsRaw =
        QStringLiteral("SELECT substr(created_at, 1, 10), kind, COUNT(*), SUM(amount_cents) "
                       "FROM giftcard_activity GROUP BY 1, 2");
    const QString kCardsRollup = QStringLiteral("SELECT day, kind, SUM(entries), SUM(amount_cents) "
                                                "FROM giftcard_activity_by_day GROUP BY 1, 2");
    const QString kStockRaw = QStringLiteral(
        "SELECT COALESCE(i.category_id, 0), COUNT(*), "
        "SUM(CASE WHEN COALESCE(l.on_hand, 0) > 0 THEN l.on_hand ELSE 0 END), "
        "SUM(CASE WHEN COALESCE(l.on_hand, 0) > 0 THEN l.on_hand * i.cost_cents ELSE 0 END), "
        "SUM(CASE WHEN COALESCE(l.on_hand, 0) < 0 THEN 1 ELSE 0 END) "
        "FROM items i LEFT JOIN stock_levels l ON l.item_id = i.id "
        "WHERE i.type = 'product' AND (i.active = 1 OR COALESCE(l.on_hand, 0) <> 0) GROUP BY 1");
    const QString kStockRollup =
        QStringLiteral("SELECT category_id, SUM(products), SUM(units), SUM(value_cents), "
                       "SUM(negatives) FROM stock_by_category GROUP BY 1 HAVING SUM(products) <> 0 "
                       "OR SUM(units) <> 0 OR SUM(value_cents) <> 0 OR SUM(negatives) <> 0");

    static const std::vector<RollupQuery> all = {
        {"sales_by_day", kSalesRollup, kSalesRaw},
        {"giftcard_activity_by_day", kCardsRollup, kCardsRaw},
        {"stock_by_category", kStockRollup, kStockRaw},
    };
    return all;
}

QString symmetricDifference(const QString &left, const QString &right) {
    return QStringLiteral("SELECT * FROM (%1 EXCEPT %2) AS missing UNION ALL "
                          "SELECT * FROM (%2 EXCEPT %1) AS extra LIMIT 20")
        .arg(left, right);
}

QStringList checkInvariants(Database &db, const CheckOptions &options) {
    QStringList problems;
    if (options.integrity) {
        auto check = db.scalar(db.driver().integrityCheck());
        if (!check || check->toString() != QLatin1String("ok"))
            problems << QStringLiteral("integrity_check: ") +
                            (check ? check->toString() : check.error().message);
    }

    // No partial sale: lines, taxes and tenders all there and adding up to the total.
    expectNone(problems, db, QStringLiteral("sale without lines"),
               QStringLiteral("SELECT receipt_no FROM sales s WHERE NOT EXISTS "
                              "(SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)"));
    expectNone(problems, db, QStringLiteral("tenders do not add up to the total"),
               QStringLiteral("SELECT s.receipt_no, s.total_cents, p.paid FROM sales s LEFT JOIN "
                              "(SELECT sale_id, SUM(amount_cents) AS paid FROM sale_tenders "
                              "GROUP BY sale_id) p ON p.sale_id = s.id "
                              "WHERE COALESCE(p.paid, -1) <> s.total_cents"));
    expectNone(problems, db, QStringLiteral("lines do not add up to the total"),
               QStringLiteral("SELECT s.receipt_no, s.total_cents, x.amount FROM sales s JOIN "
                              "(SELECT sale_id, SUM(net_cents + tax_cents) AS amount "
                              "FROM sale_lines GROUP BY sale_id) x ON x.sale_id = s.id "
                              "WHERE x.amount <> s.total_cents"));
    expectNone(problems, db, QStringLiteral("tax lines do not add up to the sale's tax"),
               QStringLiteral("SELECT s.receipt_no, s.tax_cents, x.tax FROM sales s LEFT JOIN "
                              "(SELECT sale_id, SUM(tax_cents) AS tax FROM sale_taxes "
                              "GROUP BY sale_id) x ON x.sale_id = s.id "
                              "WHERE COALESCE(x.tax, 0) <> s.tax_cents"));
    // Line against ledger, compared as sorted sets per sale (EXCEPT), not by a lookup per line:
    // a card or product with years of activity would make that quadratic.
    const auto differ = symmetricDifference;
    expectNone(problems, db, QStringLiteral("product lines and their stock movements differ"),
               differ(QStringLiteral("SELECT l.sale_id, l.item_id, SUM(l.quantity) FROM sales s "
                                     "JOIN sale_lines l ON l.sale_id = s.id WHERE s.kind = 'sale' "
                                     "AND l.kind = 'product' GROUP BY 1, 2"),
                      QStringLiteral("SELECT sale_id, item_id, -SUM(quantity) FROM "
                                     "stock_movements WHERE reason = 'sale' GROUP BY 1, 2")));
    // A gift tender is what the card gave: its paid value and, after it, its promotional value.
    const QString promoRedeemed =
        PromoLedger::present(db) ? QStringLiteral(" UNION ALL SELECT sale_id, giftcard_id, "
                                                  "amount_cents FROM giftcard_promo WHERE kind = "
                                                  "'redeem'")
                                 : QString();
    expectNone(problems, db, QStringLiteral("gift tenders and their redemptions differ"),
               differ(QStringLiteral("SELECT sale_id, giftcard_id, SUM(amount_cents) FROM "
                                     "sale_tenders WHERE type = 'gift' AND amount_cents > 0 "
                                     "GROUP BY 1, 2"),
                      QStringLiteral("SELECT sale_id, giftcard_id, -SUM(amount_cents) FROM "
                                     "(SELECT sale_id, giftcard_id, amount_cents FROM "
                                     "giftcard_activity WHERE kind = 'redeem'%1) AS spent GROUP "
                                     "BY 1, 2")
                          .arg(promoRedeemed)));
    expectNone(problems, db, QStringLiteral("gift-card line without its card's activation"),
               QStringLiteral("SELECT sale_id, giftcard_id, SUM(net_cents) FROM sale_lines "
                              "WHERE kind = 'giftcard' GROUP BY 1, 2 EXCEPT SELECT sale_id, "
                              "giftcard_id, SUM(amount_cents) FROM giftcard_activity WHERE kind "
                              "IN ('activate', 'load') AND sale_id IS NOT NULL GROUP BY 1, 2 "
                              "LIMIT 20"));
    // The reports' rollups are written by triggers in the same transaction as their rows.
    for (const RollupQuery &r : rollupQueries())
        expectNone(problems, db,
                   QString::fromLatin1(r.name) + QStringLiteral(" differs from its rows"),
                   differ(r.rollup, r.raw));
    expectNone(problems, db, QStringLiteral("card without an activation"),
               QStringLiteral("SELECT g.id FROM giftcards g WHERE NOT EXISTS (SELECT 1 FROM "
                              "giftcard_activity a WHERE a.giftcard_id = g.id AND a.kind IN "
                              "('activate', 'replace_in'))"));

    // Prepaid value (vouchers, packages, promotional value): redeemed once, never past what was
    // sold, each sale's prepaid tenders and lines matched by their ledger rows.
    expectNone(problems, db, QStringLiteral("voucher redeemed or voided more than once"),
               QStringLiteral("SELECT voucher_id, COUNT(*) FROM voucher_activity WHERE kind IN "
                              "('redeem', 'void') GROUP BY voucher_id HAVING COUNT(*) > 1"));
    expectNone(problems, db, QStringLiteral("voucher owes other than what was paid"),
               QStringLiteral("SELECT v.id, v.paid_cents, COALESCE(SUM(a.amount_cents), 0) FROM "
                              "vouchers v LEFT JOIN voucher_activity a ON a.voucher_id = v.id "
                              "GROUP BY v.id, v.paid_cents HAVING COALESCE(SUM(a.amount_cents), "
                              "0) <> CASE WHEN SUM(CASE WHEN a.kind IN ('redeem', 'void') THEN 1 "
                              "ELSE 0 END) > 0 THEN 0 ELSE v.paid_cents END OR SUM(CASE WHEN "
                              "a.kind = 'sell' THEN 1 ELSE 0 END) <> 1"));
    expectNone(problems, db, QStringLiteral("package used past its sessions"),
               QStringLiteral("SELECT package_id, SUM(sessions), SUM(amount_cents) FROM "
                              "package_activity GROUP BY package_id HAVING SUM(sessions) < 0 OR "
                              "SUM(amount_cents) < 0 OR (SUM(sessions) = 0 AND "
                              "SUM(amount_cents) <> 0)"));
    expectNone(problems, db, QStringLiteral("package without its sale row"),
               QStringLiteral("SELECT k.id FROM packages k WHERE NOT EXISTS (SELECT 1 FROM "
                              "package_activity a WHERE a.package_id = k.id AND a.kind = 'sell' "
                              "AND a.sessions = k.sessions AND a.amount_cents = k.paid_cents)"));
    expectNone(problems, db, QStringLiteral("voucher tenders and their redemptions differ"),
               differ(QStringLiteral("SELECT t.sale_id, SUM(t.amount_cents) FROM sale_tenders t "
                                     "JOIN sales s ON s.id = t.sale_id WHERE s.kind = 'sale' AND "
                                     "t.type = 'voucher' GROUP BY 1"),
                      QStringLiteral("SELECT sale_id, SUM(covered_cents) FROM voucher_activity "
                                     "WHERE kind = 'redeem' GROUP BY 1")));
    expectNone(problems, db, QStringLiteral("package tenders and their sessions differ"),
               differ(QStringLiteral("SELECT t.sale_id, COUNT(*), SUM(t.amount_cents) FROM "
                                     "sale_tenders t JOIN sales s ON s.id = t.sale_id WHERE "
                                     "s.kind = 'sale' AND t.type = 'package' GROUP BY 1"),
                      QStringLiteral("SELECT sale_id, -SUM(sessions), -SUM(amount_cents) FROM "
                                     "package_activity WHERE kind = 'redeem' GROUP BY 1")));
    expectNone(problems, db, QStringLiteral("voucher and package lines and what they sold differ"),
               differ(QStringLiteral("SELECT l.sale_id, l.id, l.kind FROM sale_lines l JOIN sales "
                                     "s ON s.id = l.sale_id WHERE s.kind = 'sale' AND l.kind IN "
                                     "('voucher', 'package')"),
                      QStringLiteral("SELECT * FROM (SELECT sale_id, line_id, 'voucher' AS "
                                     "kind FROM vouchers UNION ALL SELECT sale_id, line_id, "
                                     "'package' FROM packages) AS sold")));
    if (PromoLedger::present(db))
        expectNone(problems, db, QStringLiteral("promotional lot drawn below zero"),
                   QStringLiteral("SELECT l.id, l.amount_cents FROM giftcard_promo l WHERE "
                                  "l.kind IN ('grant', 'refund', 'replace_in') AND l.amount_cents "
                                  "+ COALESCE((SELECT SUM(d.amount_cents) FROM giftcard_promo d "
                                  "WHERE d.lot_id = l.id AND d.kind IN ('redeem', 'void', "
                                  "'replace_out')), 0) < 0"));
    {
        // What the prepaid report says is owed (to the end of tomorrow: every row so far) is
        // what the three ledgers sum to, kind by kind.
        const QDate tomorrow = StoreSettings(db).businessDate(Clock::nowUtc()).addDays(1);
        auto owed = ReportService(db).prepaid(tomorrow, tomorrow);
        auto ledgers = db.row(QStringLiteral(
            "SELECT (SELECT COALESCE(SUM(amount_cents), 0) FROM giftcard_activity), (SELECT "
            "COALESCE(SUM(amount_cents), 0) FROM voucher_activity), (SELECT "
            "COALESCE(SUM(amount_cents), 0) FROM package_activity)"));
        if (!owed || !ledgers)
            problems << QStringLiteral("cannot read the prepaid liability: ") +
                            (owed ? ledgers.error().message : owed.error().message);
        else
            for (int i = 0; i < 3; ++i)
                if (owed->kinds[std::size_t(i)].closing.cents() != ledgers->value(i).toLongLong())
                    problems << QStringLiteral("prepaid report: %1 owed %2, its ledger sums %3")
                                    .arg(owed->kinds[std::size_t(i)].kind)
                                    .arg(owed->kinds[std::size_t(i)].closing.cents())
                                    .arg(ledgers->value(i).toLongLong());
    }

    // On-hand equals the sum of movements, for every item.
    expectNone(problems, db, QStringLiteral("on-hand differs from its movements"),
               QStringLiteral("SELECT i.code, COALESCE(l.on_hand, 0), COALESCE(m.total, 0) "
                              "FROM items i LEFT JOIN stock_levels l ON l.item_id = i.id "
                              "LEFT JOIN (SELECT item_id, SUM(quantity) AS total FROM "
                              "stock_movements GROUP BY item_id) m ON m.item_id = i.id "
                              "WHERE COALESCE(l.on_hand, 0) <> COALESCE(m.total, 0)"));

    // Every card: balance = its ledger, never below zero.
    expectNone(problems, db, QStringLiteral("card below zero"),
               QStringLiteral("SELECT giftcard_id, SUM(amount_cents) FROM giftcard_activity "
                              "GROUP BY giftcard_id HAVING SUM(amount_cents) < 0"));
    {
        GiftCardService cards(db);
        const auto ledger = balancesById(db, options.cardsActiveAfter);
        int shown = 0;
        for (const auto &[id, sum] : ledger) {
            auto card = cards.byId(id);
            if (!card || card->balance.cents() != sum) {
                if (shown++ < 5)
                    problems << QStringLiteral("card %1: the service shows %2, the ledger sums %3")
                                    .arg(id)
                                    .arg(card ? card->balance.cents() : -1)
                                    .arg(sum);
            }
        }
    }

    // Receipt numbers: 1..n in each register's series, without a gap or a repeat.
    auto receipts = db.exec(
        QStringLiteral("SELECT receipt_no / 1000000000, COUNT(*), COUNT(DISTINCT receipt_no), "
                       "MIN(receipt_no) % 1000000000, MAX(receipt_no) % 1000000000 FROM sales "
                       "GROUP BY receipt_no / 1000000000"));
    if (!receipts)
        problems << QStringLiteral("cannot read receipt numbers");
    while (receipts && receipts->next()) {
        const qint64 n = receipts->value(1).toLongLong();
        if (receipts->value(2).toLongLong() != n || receipts->value(3).toLongLong() != 1 ||
            receipts->value(4).toLongLong() != n)
            problems << QStringLiteral("receipt numbers of series %1 are not 1..%2 (distinct %3, "
                                       "min %4, max %5)")
                            .arg(receiptCode(receipts->value(0).toLongLong() * 1000000000 + 1))
                            .arg(n)
                            .arg(receipts->value(2).toLongLong())
                            .arg(receipts->value(3).toLongLong())
                            .arg(receipts->value(4).toLongLong());
    }

    {
        auto sales = db.scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE kind = 'sale'"));
        auto entries =
            db.scalar(QStringLiteral("SELECT COUNT(*) FROM journal WHERE kind = 'sale'"));
        if (!sales || !entries ||
            sales->toLongLong() - entries->toLongLong() != options.salesWithoutEntry)
            problems << QStringLiteral("%1 sales but %2 sale entries in the journal%3")
                            .arg(sales ? sales->toLongLong() : -1)
                            .arg(entries ? entries->toLongLong() : -1)
                            .arg(options.salesWithoutEntry == 0
                                     ? QString()
                                     : QStringLiteral(" (%1 sales had none before)")
                                           .arg(options.salesWithoutEntry));
    }
    auto journal = Journal::verify(db);
    if (!journal)
        problems << QStringLiteral("journal: ") + journal.error().message;
    else if (!journal->ok)
        problems
            << QStringLiteral("journal: entry %1: %2").arg(journal->firstBad).arg(journal->problem);
    return problems;
}

Result<QStringList> sellGiftCards(Database &db, int count, Money amount, const QString &registerId,
                                  const QString &cashierName) {
    auto cashier = StaffService(db).find(cashierName);
    if (!cashier)
        return std::unexpected(cashier.error());
    // The harness's registers are set up as a manager would (`register add`).
    if (auto ok = RegisterService::addCreator(db, registerId); !ok)
        return std::unexpected(ok.error());
    QStringList codes;
    SaleService sales(db);
    for (int i = 0; i < count; ++i) {
        Ticket t;
        t.addGiftCard(amount);
        Tender cash;
        cash.type = TenderType::Cash;
        cash.amount = amount;
        auto done = sales.complete(t, {cash}, *cashier, std::nullopt, registerId);
        if (!done)
            return std::unexpected(done.error());
        codes << done->giftCards.at(0).code;
    }
    return codes;
}

Result<QStringList> sellPrepaid(Database &db, int vouchers, int packages, int promoCards,
                                Money amount, Money bonus, const QString &registerId) {
    auto manager = StaffService(db).find(QStringLiteral("manager"));
    if (!manager)
        return std::unexpected(manager.error());
    if (auto ok = RegisterService::addCreator(db, registerId); !ok)
        return std::unexpected(ok.error());
    if (!PackageService(db).product(QStringLiteral("PKG-DT60-5")))
        if (auto ok = installDemoPackages(db); !ok)
            return std::unexpected(ok.error());
    auto dt60 = CatalogService(db).findByCode(QStringLiteral("DT60"));
    if (!dt60 || !*dt60)
        return fail(ErrorCode::NotFound, QStringLiteral("no DT60 in the catalog"));
    auto product = PackageService(db).product(QStringLiteral("PKG-DT60-5"));
    if (!product)
        return std::unexpected(product.error());
    qint64 clientId = 0;
    if (packages > 0) {
        ClientDetails ana;
        ana.name = QStringLiteral("Ana Ruiz");
        auto added = ClientService(db).add(ana, *manager);
        if (!added)
            return std::unexpected(added.error());
        clientId = added->id;
    }
    QStringList codes;
    SaleService sales(db);
    const auto sell = [&](Ticket t, Money cash) -> Result<CompletedSale> {
        Tender pay;
        pay.type = TenderType::Cash;
        pay.amount = cash;
        return sales.complete(t, {pay}, *manager, std::nullopt, registerId);
    };
    for (int i = 0; i < vouchers; ++i) {
        Ticket t;
        t.addVoucher(**dt60);
        auto done = sell(t, (*dt60)->price);
        if (!done)
            return std::unexpected(done.error());
        codes << done->vouchers.at(0).code;
    }
    for (int i = 0; i < packages; ++i) {
        Ticket t;
        t.addPackage(product->code, **dt60, product->sessions, product->price);
        t.clientId = clientId;
        auto done = sell(t, product->price);
        if (!done)
            return std::unexpected(done.error());
        codes << done->packages.at(0).code;
    }
    for (int i = 0; i < promoCards; ++i) {
        Ticket t;
        t.addGiftCard(amount);
        t.lines.back().promoBonus = bonus;
        auto done = sell(t, amount);
        if (!done)
            return std::unexpected(done.error());
        codes << done->giftCards.at(0).code;
    }
    return codes;
}

std::map<QString, qint64> onHandByCode(Database &db) {
    std::map<QString, qint64> out;
    auto q = db.exec(QStringLiteral("SELECT i.code, COALESCE(l.on_hand, 0) FROM items i "
                                    "LEFT JOIN stock_levels l ON l.item_id = i.id "
                                    "WHERE i.type = 'product'"));
    if (q)
        while (q->next())
            out[q->value(0).toString()] = q->value(1).toLongLong();
    return out;
}

std::map<qint64, qint64> balancesById(Database &db, qint64 activeAfter) {
    std::map<qint64, qint64> out;
    auto q = db.exec(QStringLiteral("SELECT g.id, COALESCE(SUM(a.amount_cents), 0) FROM "
                                    "giftcards g LEFT JOIN giftcard_activity a ON "
                                    "a.giftcard_id = g.id WHERE ? = 0 OR g.id IN (SELECT "
                                    "giftcard_id FROM giftcard_activity WHERE id > ?) "
                                    "GROUP BY g.id"),
                     {activeAfter, activeAfter});
    if (q)
        while (q->next())
            out[q->value(0).toLongLong()] = q->value(1).toLongLong();
    return out;
}

CheckOptions checkOptionsFrom(Database &db) {
    CheckOptions o;
    auto sales = db.scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE kind = 'sale'"));
    auto entries = db.scalar(QStringLiteral("SELECT COUNT(*) FROM journal WHERE kind = 'sale'"));
    if (sales && entries)
        o.salesWithoutEntry = sales->toLongLong() - entries->toLongLong();
    auto activity = db.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM giftcard_activity"));
    if (activity)
        o.cardsActiveAfter = activity->toLongLong();
    return o;
}

Result<std::unique_ptr<Database>> openDb(const QString &path, const QString &keyDir,
                                         int busyTimeoutMs) {
    Database::Options o;
    o.mode = Database::Mode::OpenExisting;
    o.keyDirectory = keyDir;
    o.busyTimeoutMs = busyTimeoutMs;
    return Database::open(path, o);
}

// --- the worker ------------------------------------------------------------------------------

namespace {

struct WorkerArgs {
    QString db;
    QString keys;
    QString codesFile;
    QString mode = QStringLiteral("mixed");
    QString registerId = QStringLiteral("worker");
    QString user = QStringLiteral("frontdesk");
    QString out;
    quint32 seed = 1;
    int count = -1;
    double seconds = -1;
    int hold = 0; ///< extra connections held open, as the counter app's threads
    int prepaidPercent = 25;
    bool startOnGo = false; ///< after "ready", wait for a line on stdin before selling
};

std::optional<WorkerArgs> parseArgs(const QStringList &args) {
    WorkerArgs a;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString &k = args[i];
        const QString &v = args[i + 1];
        if (k == QLatin1String("--db"))
            a.db = v;
        else if (k == QLatin1String("--keys"))
            a.keys = v;
        else if (k == QLatin1String("--codes"))
            a.codesFile = v;
        else if (k == QLatin1String("--mode"))
            a.mode = v;
        else if (k == QLatin1String("--register"))
            a.registerId = v;
        else if (k == QLatin1String("--user"))
            a.user = v;
        else if (k == QLatin1String("--out"))
            a.out = v;
        else if (k == QLatin1String("--seed"))
            a.seed = v.toUInt();
        else if (k == QLatin1String("--count"))
            a.count = v.toInt();
        else if (k == QLatin1String("--seconds"))
            a.seconds = v.toDouble();
        else if (k == QLatin1String("--hold"))
            a.hold = v.toInt();
        else if (k == QLatin1String("--prepaid"))
            a.prepaidPercent = v.toInt();
        else if (k == QLatin1String("--start") && v == QLatin1String("go"))
            a.startOnGo = true;
        else
            return std::nullopt;
    }
    if (a.db.isEmpty() || a.keys.isEmpty())
        return std::nullopt;
    return a;
}

} // namespace

int workerMain(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("OasisPOS-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("oasis-sale-worker"));
    const auto args = parseArgs(QCoreApplication::arguments());
    if (!args) {
        std::fprintf(stderr, "usage: oasis-sale-worker --db PATH --keys DIR [--codes FILE] "
                             "[--mode mixed|redeem] [--seed N] [--count N] [--seconds S] "
                             "[--register R] [--user NAME] [--out FILE] [--hold N] "
                             "[--prepaid PERCENT] [--start go]\n");
        return 1;
    }
    auto opened = openDb(args->db, args->keys);
    if (!opened) {
        std::fprintf(stderr, "worker: %s\n", qPrintable(opened.error().message));
        return 3;
    }
    Database &db = **opened;
    // A worker stands in for a register a manager registered before it started selling.
    if (auto ok = RegisterService::addCreator(db, args->registerId); !ok) {
        std::fprintf(stderr, "worker: %s\n", qPrintable(ok.error().message));
        return 3;
    }
    // The counter app's other connections (the low-stock and backup threads): held open all
    // along, and every 50 sales one more opened and closed, as the backup thread's daily check.
    std::vector<std::unique_ptr<Database>> held;
    for (int i = 0; i < args->hold; ++i) {
        auto extra = openDb(args->db, args->keys);
        if (!extra) {
            std::fprintf(stderr, "worker: %s\n", qPrintable(extra.error().message));
            return 3;
        }
        held.push_back(std::move(*extra));
    }
    QStringList codes;
    if (!args->codesFile.isEmpty()) {
        QFile f(args->codesFile);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "worker: cannot read %s\n", qPrintable(args->codesFile));
            return 3;
        }
        codes = QString::fromLatin1(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    // Vouchers and packages apart from the gift cards, told by their prefixes.
    QStringList voucherCodes, packageCodes;
    for (auto it = codes.begin(); it != codes.end();) {
        if (it->startsWith(QLatin1String("SV1-")))
            voucherCodes << *it;
        else if (it->startsWith(QLatin1String("SP1-")))
            packageCodes << *it;
        else {
            ++it;
            continue;
        }
        it = codes.erase(it);
    }
    const bool prepaid = !voucherCodes.isEmpty() || !packageCodes.isEmpty();
    auto cashier = StaffService(db).find(args->user);
    auto therapists = StaffService(db).therapists();
    auto catalog = CatalogService(db).list();
    auto taxes = StoreSettings(db).taxTable();
    if (!cashier) {
        std::fprintf(stderr, "worker: %s\n", qPrintable(cashier.error().message));
        return 3;
    }
    if (!therapists || !catalog || !taxes || therapists->empty()) {
        std::fprintf(stderr, "worker: the store is not set up\n");
        return 3;
    }
    std::vector<CatalogItem> products, sessions;
    for (const CatalogItem &i : *catalog)
        (i.isSession() ? sessions : products).push_back(i);
    if (products.empty()) {
        std::fprintf(stderr, "worker: no products\n");
        return 3;
    }

    // What prepaid sales need: DT60, the first package product and the store's first client.
    std::optional<CatalogItem> dt60;
    for (const CatalogItem &i : sessions)
        if (i.code == QLatin1String("DT60"))
            dt60 = i;
    std::optional<PackageProduct> packageProduct;
    qint64 clientId = 0;
    if (prepaid) {
        auto packages = PackageService(db).products();
        if (packages && !packages->empty())
            packageProduct = packages->front();
        auto client = db.scalar(QStringLiteral("SELECT COALESCE(MIN(id), 0) FROM clients"));
        clientId = client ? client->toLongLong() : 0;
        if (!dt60) {
            std::fprintf(stderr, "worker: no DT60 for prepaid sales\n");
            return 3;
        }
    }

    QFile out(args->out);
    if (!args->out.isEmpty() && !out.open(QIODevice::WriteOnly | QIODevice::Append)) {
        std::fprintf(stderr, "worker: cannot write %s\n", qPrintable(args->out));
        return 3;
    }
    QRandomGenerator rng(args->seed);
    SaleService sales(db);
    const bool redeemOnly = args->mode == QLatin1String("redeem");
    qint64 completed = 0, refused = 0, failed = 0;
    // A sale that did not complete: refused (counted), or failed (counted and said).
    const auto tally = [&](const Error &e) {
        if (e.code == ErrorCode::Refused) {
            ++refused;
            return;
        }
        ++failed;
        std::fprintf(stderr, "worker: %s\n", qPrintable(e.message));
        // A server away is tried again at a register's pace, not thousands of times a second.
        if (!db.serverReachable())
            QThread::msleep(50);
    };
    std::vector<qint64> latencyNs;
    std::printf("ready\n");
    std::fflush(stdout);
    // Several workers started together sell in the same window: each waits for "go" once all
    // have opened the store and read its catalog (a register's start is not its selling).
    if (args->startOnGo) {
        char go[16];
        if (!std::fgets(go, sizeof go, stdin))
            return 3;
    }
    QDeadlineTimer deadline = args->seconds > 0 ? QDeadlineTimer(qint64(args->seconds * 1000))
                                                : QDeadlineTimer(QDeadlineTimer::Forever);
    for (int n = 0; args->count < 0 || n < args->count; ++n) {
        if (deadline.hasExpired())
            break;
        if (prepaid && !redeemOnly && int(rng.bounded(100)) < args->prepaidPercent) {
            // A prepaid sale: redeem a voucher or a package session, or sell one.
            const StaffMember &th = (*therapists)[rng.bounded(quint32(therapists->size()))];
            const quint32 what = rng.bounded(4);
            Ticket t;
            std::vector<Tender> tenders;
            int voucherIndex = -1, packageIndex = -1;
            if (what == 0 && !voucherCodes.isEmpty()) {
                voucherIndex = int(rng.bounded(quint32(voucherCodes.size())));
                t.addItem(*dt60, 1, th.id, th.displayName);
                tenders.push_back(*Tender::parse(
                    QString(QStringLiteral("voucher:") + voucherCodes[voucherIndex])));
            } else if (what == 1 && !packageCodes.isEmpty()) {
                packageIndex = int(rng.bounded(quint32(packageCodes.size())));
                t.addItem(*dt60, 1, th.id, th.displayName);
                tenders.push_back(*Tender::parse(
                    QString(QStringLiteral("package:") + packageCodes[packageIndex])));
            } else if (what == 3 && packageProduct && clientId > 0) {
                t.addPackage(packageProduct->code, *dt60, packageProduct->sessions,
                             packageProduct->price);
                t.clientId = clientId;
            } else {
                t.addVoucher(*dt60);
            }
            const QDate day = StoreSettings(db).businessDate(Clock::nowUtc());
            auto totals = t.totals(*taxes, day);
            if (!totals) {
                std::fprintf(stderr, "worker: %s\n", qPrintable(totals.error().message));
                return 3;
            }
            Tender cash;
            cash.type = TenderType::Cash;
            cash.amount = totals->total;
            if (tenders.empty())
                tenders.push_back(cash);
            QElapsedTimer timer;
            timer.start();
            auto done = sales.complete(t, tenders, *cashier, std::nullopt, args->registerId);
            if (!done && packageIndex >= 0 && done.error().code == ErrorCode::Conflict)
                // Used on another register meanwhile: take the payment again, as a register does.
                done = sales.complete(t, tenders, *cashier, std::nullopt, args->registerId);
            if (!done && (voucherIndex >= 0 || packageIndex >= 0) &&
                (done.error().code == ErrorCode::Refused ||
                 done.error().code == ErrorCode::Conflict)) {
                // Redeemed already, no session left: the customer pays cash for the session.
                voucherIndex = packageIndex = -1;
                done = sales.complete(t, {cash}, *cashier, std::nullopt, args->registerId);
            }
            const qint64 ns = timer.nsecsElapsed();
            if (!done) {
                tally(done.error());
                continue;
            }
            ++completed;
            latencyNs.push_back(ns);
            for (const IssuedVoucher &v : done->vouchers)
                voucherCodes << v.code;
            for (const IssuedPackage &k : done->packages)
                packageCodes << k.code;
            if (out.isOpen()) {
                QJsonObject rec{{QStringLiteral("receipt"), done->receiptNo},
                                {QStringLiteral("total"), done->totals.total.cents()},
                                {QStringLiteral("card"), -1},
                                {QStringLiteral("redeemed"), 0},
                                {QStringLiteral("cards_sold"), 0},
                                {QStringLiteral("items"), QJsonObject()},
                                {QStringLiteral("voucher"), voucherIndex},
                                {QStringLiteral("package"), packageIndex},
                                {QStringLiteral("vouchers_sold"), qint64(done->vouchers.size())},
                                {QStringLiteral("packages_sold"), qint64(done->packages.size())}};
                out.write(QJsonDocument(rec).toJson(QJsonDocument::Compact) + '\n');
                out.flush();
            }
            std::printf("sale %lld\n", static_cast<long long>(done->receiptNo));
            std::fflush(stdout);
            continue;
        }
        Ticket t;
        QJsonObject items;
        const int productLines = redeemOnly ? 1 : 1 + int(rng.bounded(3));
        for (int i = 0; i < productLines; ++i) {
            const CatalogItem &p = products[rng.bounded(quint32(products.size()))];
            const int qty = redeemOnly ? 1 : 1 + int(rng.bounded(2));
            t.addItem(p, qty);
            items[p.code] = items[p.code].toInt() + qty;
        }
        if (!redeemOnly && !sessions.empty() && rng.bounded(100) < 30) {
            const StaffMember &th = (*therapists)[rng.bounded(quint32(therapists->size()))];
            t.addItem(sessions[rng.bounded(quint32(sessions.size()))], 1, th.id, th.displayName);
            if (rng.bounded(100) < 30)
                t.addTip(Money::fromCents(5'00 + 100 * rng.bounded(20)), th.id, th.displayName);
        }
        if (!redeemOnly && rng.bounded(100) < 15)
            t.addGiftCard(Money::fromCents(10'00 * (1 + rng.bounded(10))));
        const QDate today = StoreSettings(db).businessDate(Clock::nowUtc());
        auto totals = t.totals(*taxes, today);
        if (!totals) {
            std::fprintf(stderr, "worker: %s\n", qPrintable(totals.error().message));
            return 3;
        }
        std::vector<Tender> tenders;
        int cardIndex = -1;
        const bool gift = !codes.isEmpty() && (redeemOnly || rng.bounded(100) < 40) &&
                          totals->total > t.giftCardLinesTotal();
        if (gift) {
            cardIndex = int(rng.bounded(quint32(codes.size())));
            Tender g;
            g.type = TenderType::Gift;
            g.giftCode = codes[cardIndex];
            if (redeemOnly) {
                // Under a dollar or so per sale, so the shared cards last the whole run even at
                // 700 sales a second (20 cards of $1,000).
                g.amount = min(totals->total, Money::fromCents(25 + 25 * rng.bounded(5)));
            } else {
                g.amountGiven = false; // as much as the card and the ticket allow
            }
            tenders.push_back(g);
        }
        Tender cash;
        cash.type = TenderType::Cash;
        cash.amount = Money::fromCents((totals->total.cents() + 99) / 100 * 100);
        tenders.push_back(cash);

        QElapsedTimer timer;
        timer.start();
        auto done = sales.complete(t, tenders, *cashier, std::nullopt, args->registerId);
        if (!done && gift && !redeemOnly && done.error().code == ErrorCode::Refused) {
            // The card ran dry (another register may have spent it): pay cash instead.
            tenders.erase(tenders.begin());
            cardIndex = -1;
            done = sales.complete(t, tenders, *cashier, std::nullopt, args->registerId);
        }
        const qint64 ns = timer.nsecsElapsed();
        if (!done) {
            tally(done.error());
            continue;
        }
        ++completed;
        latencyNs.push_back(ns);
        qint64 redeemed = 0;
        for (const AppliedTender &a : done->tenders)
            if (a.type == TenderType::Gift)
                redeemed += a.amount.cents();
        if (out.isOpen() && !redeemOnly) {
            QJsonObject rec{{QStringLiteral("receipt"), done->receiptNo},
                            {QStringLiteral("total"), done->totals.total.cents()},
                            {QStringLiteral("card"), cardIndex},
                            {QStringLiteral("redeemed"), redeemed},
                            {QStringLiteral("cards_sold"), qint64(done->giftCards.size())},
                            {QStringLiteral("items"), items}};
            out.write(QJsonDocument(rec).toJson(QJsonDocument::Compact) + '\n');
            out.flush();
        }
        std::printf("sale %lld\n", static_cast<long long>(done->receiptNo));
        std::fflush(stdout);
        if (args->hold > 0 && completed % 50 == 0)
            if (auto passing = openDb(args->db, args->keys); !passing)
                std::fprintf(stderr, "worker: %s\n", qPrintable(passing.error().message));
    }
    if (out.isOpen() && redeemOnly) {
        QByteArray text = "summary " + QByteArray::number(completed) + ' ' +
                          QByteArray::number(refused) + ' ' + QByteArray::number(failed) + '\n';
        for (qint64 ns : latencyNs)
            text += QByteArray::number(ns) + '\n';
        out.write(text);
    }
    std::printf("done %lld %lld %lld\n", static_cast<long long>(completed),
                static_cast<long long>(refused), static_cast<long long>(failed));
    return failed > 0 ? 4 : 0;
}

} // namespace oasis::harness

namespace oasis::harness {

CrashReport runCrashLoop(const QString &workerPath, const QString &dbPath, const QString &keyDir,
                         const QString &codesFile, int kills, quint32 seed, int maxDelayMs,
                         const QString &cashier,
                         const std::function<void(const CrashReport &)> &afterKill) {
    CrashReport report;
    QElapsedTimer total;
    total.start();
    QRandomGenerator rng(seed);
    CheckOptions options;
    {
        auto db = openDb(dbPath, keyDir);
        if (!db) {
            report.firstProblems << QStringLiteral("cannot open: ") + db.error().message;
            ++report.failedChecks;
            return report;
        }
        options = checkOptionsFrom(**db);
    }
    for (int k = 0; k < kills; ++k) {
        QProcess worker;
        worker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        worker.start(workerPath,
                     {QStringLiteral("--db"), dbPath, QStringLiteral("--keys"), keyDir,
                      QStringLiteral("--codes"), codesFile, QStringLiteral("--seed"),
                      QString::number(rng.generate()), QStringLiteral("--register"),
                      QStringLiteral("crash-%1").arg(k % 3), QStringLiteral("--user"), cashier});
        if (!worker.waitForStarted(10000)) {
            report.firstProblems << QStringLiteral("worker did not start: ") + worker.errorString();
            ++report.failedChecks;
            break;
        }
        // Most kills land while sales are being written; some during start-up and opening.
        const int delay = int(rng.bounded(quint32(maxDelayMs)));
        QThread::msleep(delay);
        worker.kill(); // SIGKILL
        worker.waitForFinished(10000);

        auto db = openDb(dbPath, keyDir);
        QStringList problems;
        if (!db)
            problems << QStringLiteral("cannot open after the kill: ") + db.error().message;
        else
            problems = checkInvariants(**db, options);
        if (!problems.isEmpty()) {
            ++report.failedChecks;
            if (report.firstProblems.isEmpty())
                for (const QString &p : std::as_const(problems))
                    report.firstProblems
                        << QStringLiteral("after kill %1 (%2 ms): %3").arg(k + 1).arg(delay).arg(p);
        }
        if (db) {
            auto n = (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM sales"));
            report.sales = n ? n->toLongLong() : 0;
        }
        ++report.kills;
        if (afterKill) {
            report.secondsTotal = total.nsecsElapsed() / 1e9;
            afterKill(report);
        }
    }
    report.secondsTotal = total.nsecsElapsed() / 1e9;
    return report;
}

} // namespace oasis::harness
