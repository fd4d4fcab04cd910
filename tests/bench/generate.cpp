// SPDX-License-Identifier: GPL-3.0-or-later
// The large realistic database: rows written straight with prepared statements in big
// transactions (SaleService would take hours), but computed with the same domain code (ticket
// totals, tax, gift-card codes) so the books are as consistent as the product's own.
#include "tests/bench/bench.h"

#include "core/domain/clock.h"
#include "core/domain/crypto.h"
#include "core/domain/giftcode.h"
#include "core/domain/ticket.h"
#include "core/services/catalog.h"
#include "core/services/demo.h"
#include "core/services/report.h"
#include "core/services/staff.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimeZone>

#include <sqlite3.h>

#include <cstdio>
#include <map>
#include <stdexcept>

namespace oasis::bench {

namespace {

/// A prepared statement of the raw connection: bind, step, reset.
class Stmt final {
public:
    Stmt(sqlite3 *db, const char *sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("prepare: ") + sqlite3_errmsg(db) + ": " + sql);
    }
    ~Stmt() { sqlite3_finalize(m_stmt); }
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;

    Stmt &bind(int i, qint64 v) {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    Stmt &bind(int i, const QByteArray &v) {
        sqlite3_bind_text(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt &bind(int i, const QString &v) { return bind(i, v.toUtf8()); }
    Stmt &blob(int i, const QByteArray &v) {
        sqlite3_bind_blob(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt &null(int i) {
        sqlite3_bind_null(m_stmt, i);
        return *this;
    }
    Stmt &idOrNull(int i, qint64 v) { return v > 0 ? bind(i, v) : null(i); }
    void run() {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            throw std::runtime_error(std::string("step: ") +
                                     sqlite3_errmsg(sqlite3_db_handle(m_stmt)));
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

void execRaw(sqlite3 *db, const char *sql) {
    char *err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string text = err ? err : "?";
        sqlite3_free(err);
        throw std::runtime_error(text + ": " + sql);
    }
}

const char *const kCategories[] = {"Massage oils", "Body lotions", "Aromatherapy", "Bath salts",
                                   "Balms",        "Candles",      "Skin care",    "Hot stones",
                                   "Accessories",  "Gift sets",    "Hair care",    "Wellness teas"};
const char *const kScents[] = {"Lavender", "Eucalyptus", "Sweet Almond", "Arnica",    "Jojoba",
                               "Rose",     "Peppermint", "Sandalwood",   "Unscented", "Citrus"};
const char *const kSizes[] = {"30 ml", "60 ml", "120 ml", "250 ml", "500 ml", "1 l"};

QString ean13(qint64 n) {
    QString digits = QStringLiteral("08%1").arg(n, 10, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (digits[i].unicode() - '0') * (i % 2 ? 3 : 1);
    return digits + QChar(u'0' + (10 - sum % 10) % 10);
}

struct Card {
    qint64 id = 0;
    qint64 balance = 0;
};

} // namespace

Scale Scale::full() {
    return {100'000, 500'000, 3 * 365, 100'000, 20261123u};
}
Scale Scale::quick() {
    return {10'000, 25'000, 90, 5'000, 20261123u};
}

Result<GenerateReport> generate(const QString &path, const QString &keyDir, const Scale &scale) {
    QElapsedTimer timer;
    timer.start();
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
    QDir(keyDir).removeRecursively();
    QDir().mkpath(keyDir);
    QDir().mkpath(QFileInfo(path).absolutePath());

    // The store as the product creates it: schema, keys, tax rates, demo catalog and staff.
    KeyRing keys;
    TaxTable taxes;
    QTimeZone zone;
    qint64 cashierId = 0, managerId = 0;
    std::vector<StaffMember> therapists;
    std::vector<CatalogItem> sessions;
    {
        Database::Options o;
        o.mode = Database::Mode::CreateIfMissing;
        o.keyDirectory = keyDir;
        o.onCreated = &Store::prepareNew;
        auto db = Database::open(path, o);
        if (!db)
            return std::unexpected(db.error());
        if (auto ok = installDefaults(**db); !ok)
            return std::unexpected(ok.error());
        if (auto ok = installDemoData(**db); !ok)
            return std::unexpected(ok.error());
        // So that `generate --out` may replace this file again, and no other.
        if (auto ok = (*db)->write(QStringLiteral("INSERT INTO meta(key, value) VALUES "
                                                  "('generated_by', 'oasis-bench')"));
            !ok)
            return std::unexpected(ok.error());
        keys = (*db)->keys();
        StoreSettings settings(**db);
        auto t = settings.taxTable();
        if (!t)
            return std::unexpected(t.error());
        taxes = *t;
        zone = settings.timeZone();
        StaffService staff(**db);
        cashierId = staff.find(QStringLiteral("frontdesk"))->id;
        managerId = staff.find(QStringLiteral("manager"))->id;
        auto staffTherapists = staff.therapists();
        if (!staffTherapists)
            return std::unexpected(staffTherapists.error());
        therapists = *staffTherapists;
        auto catalog = CatalogService(**db).list(); // keep the result alive over the loop
        if (!catalog)
            return std::unexpected(catalog.error());
        for (const CatalogItem &i : *catalog)
            if (i.isSession())
                sessions.push_back(i);
    }

    sqlite3 *raw = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &raw) != SQLITE_OK)
        return fail(ErrorCode::Storage,
                    QStringLiteral("cannot open %1 for bulk writing").arg(path));
    GenerateReport report;
    try {
        // Bulk load: no journal, no fsync; the file goes back to WAL at the end.
        execRaw(raw, "PRAGMA journal_mode=DELETE");
        execRaw(raw, "PRAGMA journal_mode=OFF");
        execRaw(raw, "PRAGMA synchronous=OFF");
        execRaw(raw, "PRAGMA cache_size=-600000");
        execRaw(raw, "PRAGMA temp_store=MEMORY");
        QRandomGenerator rng(scale.seed);

        // --- catalog: products with barcodes and opening stock -----------------------------
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
        const QDate first = today.addDays(-scale.days);
        const QString openingAt =
            toStorageTime(QDateTime(first.addDays(-1), QTime(8, 0), zone).toUTC());
        execRaw(raw, "BEGIN");
        // Three years back may start before the first rate the product knows (Seattle's from
        // 2024): the earliest rate of each class is taken back to the first day generated, so
        // every generated sale has its tax, as the product would insist.
        {
            Stmt rate(raw,
                      "INSERT INTO tax_rates(tax_class, ppm, effective_from) VALUES (?, ?, ?)");
            std::map<TaxClass, TaxRate> earliest;
            for (const TaxRate &r : taxes.rates())
                if (!earliest.count(r.taxClass) ||
                    r.effectiveFrom < earliest[r.taxClass].effectiveFrom)
                    earliest[r.taxClass] = r;
            for (auto [cls, r] : earliest)
                if (r.effectiveFrom > first) {
                    rate.bind(1, taxClassName(cls).toUtf8())
                        .bind(2, r.ppm)
                        .bind(3, first.toString(Qt::ISODate).toUtf8())
                        .run();
                    r.effectiveFrom = first;
                    taxes.add(r);
                }
        }
        std::vector<qint64> categoryIds;
        {
            Stmt cat(raw, "INSERT OR IGNORE INTO categories(name) VALUES (?)");
            for (const char *c : kCategories)
                cat.bind(1, QByteArray(c)).run();
            for (const char *c : kCategories) {
                sqlite3_stmt *q = nullptr;
                sqlite3_prepare_v2(raw, "SELECT id FROM categories WHERE name = ?", -1, &q,
                                   nullptr);
                sqlite3_bind_text(q, 1, c, -1, SQLITE_STATIC);
                sqlite3_step(q);
                categoryIds.push_back(sqlite3_column_int64(q, 0));
                sqlite3_finalize(q);
            }
        }
        std::vector<CatalogItem> products;
        std::vector<qint64> onHand;
        products.reserve(std::size_t(scale.skus));
        {
            Stmt item(raw, "INSERT INTO items(type, code, name, category_id, size, price_cents, "
                           "cost_cents, tax_class, paraben_free, reorder_point) VALUES "
                           "('product', ?, ?, ?, ?, ?, ?, 'retail', ?, ?)");
            Stmt barcode(raw, "INSERT INTO item_barcodes(barcode, item_id) VALUES (?, ?)");
            Stmt move(raw, "INSERT INTO stock_movements(item_id, quantity, reason, "
                           "unit_cost_cents, reference, staff_id, created_at) "
                           "VALUES (?, ?, 'receive', ?, 'opening stock', ?, ?)");
            for (qint64 n = 1; n <= scale.skus; ++n) {
                CatalogItem p;
                p.type = ItemType::Product;
                p.code = QStringLiteral("SKU-%1").arg(n, 6, 10, QLatin1Char('0'));
                p.barcodes = {ean13(n)};
                const std::size_t c = rng.bounded(quint32(std::size(kCategories)));
                p.category = QString::fromLatin1(kCategories[c]);
                p.size = QString::fromLatin1(kSizes[rng.bounded(quint32(std::size(kSizes)))]);
                p.name =
                    QStringLiteral("%1 %2 %3 #%4")
                        .arg(QString::fromLatin1(kScents[rng.bounded(quint32(std::size(kScents)))]),
                             p.category.section(QLatin1Char(' '), -1), p.size)
                        .arg(n);
                p.price = Money::fromCents(qint64(4'00 + 50 * rng.bounded(150)));
                p.cost = Money::fromCents(p.price.cents() * (35 + rng.bounded(20)) / 100);
                p.taxClass = TaxClass::Retail;
                p.reorderPoint = 2 + int(rng.bounded(6));
                item.bind(1, p.code)
                    .bind(2, p.name)
                    .bind(3, categoryIds[c])
                    .bind(4, p.size)
                    .bind(5, p.price.cents())
                    .bind(6, p.cost.cents())
                    .bind(7, qint64(rng.bounded(2)))
                    .bind(8, qint64(p.reorderPoint))
                    .run();
                p.id = sqlite3_last_insert_rowid(raw);
                barcode.bind(1, p.barcodes.first()).bind(2, p.id).run();
                const qint64 opening = 12 + rng.bounded(36);
                move.bind(1, p.id)
                    .bind(2, opening)
                    .bind(3, p.cost.cents())
                    .bind(4, managerId)
                    .bind(5, openingAt)
                    .run();
                products.push_back(p);
                onHand.push_back(opening);
                ++report.stockMovements;
            }
        }
        execRaw(raw, "COMMIT");

        // Journal head for the Z reports (the generated history is not journaled).
        QString journalHash;
        qint64 journalSeq = 0;
        {
            sqlite3_stmt *q = nullptr;
            sqlite3_prepare_v2(raw, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1", -1,
                               &q, nullptr);
            if (sqlite3_step(q) == SQLITE_ROW) {
                journalSeq = sqlite3_column_int64(q, 0);
                journalHash =
                    QString::fromLatin1(reinterpret_cast<const char *>(sqlite3_column_text(q, 1)));
            }
            sqlite3_finalize(q);
        }

        // --- sales, day by day ---------------------------------------------------------------
        Stmt sale(raw,
                  "INSERT INTO sales(receipt_no, kind, created_at, business_date, register_id, "
                  "staff_id, discount_spec, subtotal_cents, discount_cents, tax_cents, "
                  "tip_cents, total_cents, change_cents) "
                  "VALUES (?, 'sale', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Stmt line(raw, "INSERT INTO sale_lines(sale_id, line_no, kind, item_id, code, name, "
                       "quantity, unit_price_cents, line_discount_cents, ticket_discount_cents, "
                       "net_cents, tax_class, tax_cents, therapist_id, giftcard_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)");
        Stmt tax(raw, "INSERT INTO sale_taxes(sale_id, tax_class, base_cents, ppm, tax_cents) "
                      "VALUES (?, ?, ?, ?, ?)");
        Stmt tender(raw, "INSERT INTO sale_tenders(sale_id, type, amount_cents, tendered_cents, "
                         "card_last4, auth_code, giftcard_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
        Stmt move(raw, "INSERT INTO stock_movements(item_id, quantity, reason, unit_cost_cents, "
                       "sale_id, reference, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        Stmt card(raw, "INSERT INTO giftcards(lookup_hash, last4, sealed_code, created_at, "
                       "sale_id) VALUES (?, ?, ?, ?, ?)");
        Stmt activity(raw, "INSERT INTO giftcard_activity(giftcard_id, kind, amount_cents, "
                           "sale_id, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?)");
        Stmt zReport(raw, "INSERT INTO z_reports(z_number, closed_at, staff_id, first_sale_id, "
                          "last_sale_id, period_total_cents, grand_total_cents, journal_seq, "
                          "journal_hash, payload, last_giftcard_activity_id, "
                          "last_cash_movement_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

        std::vector<Card> cards;
        cards.reserve(std::size_t(scale.cards));
        const Discount tenPercent = *Discount::parse(u"10%");
        const double cardShare = double(scale.cards) / double(scale.sales);
        const Money presets[] = {Money::fromCents(25'00),  Money::fromCents(50'00),
                                 Money::fromCents(75'00),  Money::fromCents(100'00),
                                 Money::fromCents(150'00), Money::fromCents(200'00)};
        qint64 receipt = 0;
        // The last giftcard_activity id written, and the last pay-in or pay-out (the generated
        // history has none of its own): each Z records both, as a real Z does.
        auto maxId = [raw](const char *sql) {
            sqlite3_stmt *q = nullptr;
            sqlite3_prepare_v2(raw, sql, -1, &q, nullptr);
            sqlite3_step(q);
            const qint64 id = sqlite3_column_int64(q, 0);
            sqlite3_finalize(q);
            return id;
        };
        qint64 activityId = maxId("SELECT COALESCE(MAX(id), 0) FROM giftcard_activity");
        const qint64 cashMovementId = maxId("SELECT COALESCE(MAX(id), 0) FROM cash_movements");
        qint64 grandTotal = 0;
        execRaw(raw, "BEGIN");
        for (int d = 0; d < scale.days; ++d) {
            const QDate day = first.addDays(d);
            // Sales spread evenly over the days, with a busier weekend.
            const qint64 dueBy = scale.sales * (d + 1) / scale.days;
            const qint64 todayCount = dueBy - receipt;
            const qint64 firstSaleOfDay = receipt + 1;
            qint64 firstSaleIdOfDay = 0, lastSaleIdOfDay = 0;
            qint64 dayTotal = 0;
            for (qint64 k = 0; k < todayCount; ++k) {
                ++receipt;
                const int secondOfDay =
                    int(9 * 3600 + (12 * 3600) * k / std::max<qint64>(todayCount, 1));
                const QDateTime localTime(day, QTime(0, 0).addSecs(secondOfDay + rng.bounded(30)),
                                          zone);
                const QString at = toStorageTime(localTime.toUTC());

                Ticket t;
                // About 4 lines a sale with the session, tip and card lines below: 2,000,000
                // lines for 500,000 sales.
                const int productLines = 1 + int(rng.bounded(4)) + (rng.bounded(100) < 45 ? 1 : 0);
                for (int i = 0; i < productLines; ++i)
                    t.addItem(products[rng.bounded(quint32(products.size()))],
                              1 + (rng.bounded(10) == 0 ? 1 : 0));
                if (rng.bounded(100) < 70) {
                    const StaffMember &th = therapists[rng.bounded(quint32(therapists.size()))];
                    t.addItem(sessions[rng.bounded(quint32(sessions.size()))], 1, th.id,
                              th.displayName);
                    if (rng.bounded(100) < 30)
                        t.addTip(Money::fromCents(5'00 + 100 * rng.bounded(26)), th.id,
                                 th.displayName);
                }
                const bool sellsCard = rng.generateDouble() < cardShare;
                if (sellsCard)
                    t.addGiftCard(presets[rng.bounded(quint32(std::size(presets)))]);
                if (rng.bounded(100) < 5)
                    t.discount = tenPercent;
                auto totals = t.totals(taxes, day);
                if (!totals)
                    throw std::runtime_error(totals.error().message.toStdString());

                // Tenders: a gift card for part, then card or cash for the rest.
                qint64 due = totals->total.cents();
                const qint64 giftable = due - t.giftCardLinesTotal().cents();
                qint64 giftAmount = 0;
                std::ptrdiff_t giftIndex = -1; // cards grows below: keep an index, not a pointer
                if (!cards.empty() && giftable > 0 && rng.bounded(100) < 25) {
                    for (int tries = 0; tries < 4 && giftIndex < 0; ++tries) {
                        const auto i = std::ptrdiff_t(rng.bounded(quint32(cards.size())));
                        if (cards[std::size_t(i)].balance > 0)
                            giftIndex = i;
                    }
                    if (giftIndex >= 0)
                        giftAmount = std::min(cards[std::size_t(giftIndex)].balance, giftable);
                }
                const bool byCard = rng.bounded(100) < 65;
                const qint64 rest = due - giftAmount;
                const qint64 cashTendered = byCard ? 0 : (rest + 499) / 500 * 500;
                const qint64 change = byCard ? 0 : cashTendered - rest;

                sale.bind(1, receipt)
                    .bind(2, at)
                    .bind(3, day.toString(Qt::ISODate))
                    .bind(4, QByteArray(k % 3 == 0 ? "front-2" : "front-1"))
                    .bind(5, cashierId)
                    .bind(6, t.discount.toString())
                    .bind(7, totals->subtotal.cents())
                    .bind(8, totals->discount.cents())
                    .bind(9, totals->tax.cents())
                    .bind(10, totals->tips.cents())
                    .bind(11, totals->total.cents())
                    .bind(12, change)
                    .run();
                const qint64 saleId = sqlite3_last_insert_rowid(raw);
                if (firstSaleIdOfDay == 0)
                    firstSaleIdOfDay = saleId;
                lastSaleIdOfDay = saleId;
                const QString reference =
                    QStringLiteral("R-%1").arg(receipt, 6, 10, QLatin1Char('0'));
                for (std::size_t i = 0; i < t.lines.size(); ++i) {
                    const TicketLine &l = t.lines[i];
                    qint64 cardId = 0;
                    if (l.kind == LineKind::GiftCard) {
                        const QString code = giftcode::generate();
                        const QString hash = giftcode::lookupHash(keys.giftCardLookup, code);
                        card.bind(1, hash)
                            .bind(2, giftcode::last4(code))
                            .blob(3, crypto::aesGcmEncrypt(keys.giftCardSeal, code.toLatin1(),
                                                           hash.toLatin1()))
                            .bind(4, at)
                            .bind(5, saleId)
                            .run();
                        cardId = sqlite3_last_insert_rowid(raw);
                        activity.bind(1, cardId)
                            .bind(2, QByteArray("activate"))
                            .bind(3, l.net().cents())
                            .bind(4, saleId)
                            .bind(5, cashierId)
                            .bind(6, at)
                            .run();
                        ++activityId;
                        cards.push_back({cardId, l.net().cents()});
                        ++report.giftCards;
                    }
                    line.bind(1, saleId)
                        .bind(2, qint64(i + 1))
                        .bind(3, lineKindName(l.kind))
                        .idOrNull(4, l.itemId)
                        .bind(5, l.code)
                        .bind(6, l.name)
                        .bind(7, qint64(l.quantity))
                        .bind(8, l.unitPrice.cents())
                        .bind(9, totals->lineDiscount[i].cents())
                        .bind(10, (l.net() - totals->lineDiscount[i]).cents())
                        .bind(11, taxClassName(l.taxClass))
                        .bind(12, totals->lineTax[i].cents())
                        .idOrNull(13, l.therapistId)
                        .idOrNull(14, cardId)
                        .run();
                    ++report.lines;
                    if (l.kind == LineKind::Product) {
                        const std::size_t index = std::size_t(l.itemId - products.front().id);
                        const CatalogItem &p = products[index];
                        move.bind(1, l.itemId)
                            .bind(2, -qint64(l.quantity))
                            .bind(3, QByteArray("sale"))
                            .bind(4, p.cost.cents())
                            .bind(5, saleId)
                            .bind(6, reference)
                            .bind(7, cashierId)
                            .bind(8, at)
                            .run();
                        onHand[index] -= l.quantity;
                        ++report.stockMovements;
                        if (onHand[index] <= p.reorderPoint) {
                            // The weekly delivery, booked when the shelf runs low.
                            const qint64 qty = 12 + rng.bounded(24);
                            move.bind(1, l.itemId)
                                .bind(2, qty)
                                .bind(3, QByteArray("receive"))
                                .bind(4, p.cost.cents())
                                .null(5)
                                .bind(6, QByteArray("delivery"))
                                .bind(7, managerId)
                                .bind(8, at)
                                .run();
                            onHand[index] += qty;
                            ++report.stockMovements;
                        }
                    }
                }
                for (const auto &[cls, classTax] : totals->taxByClass) {
                    qint64 base = 0;
                    for (std::size_t i = 0; i < t.lines.size(); ++i)
                        if (t.lines[i].taxClass == cls)
                            base += (t.lines[i].net() - totals->lineDiscount[i]).cents();
                    tax.bind(1, saleId)
                        .bind(2, taxClassName(cls))
                        .bind(3, base)
                        .bind(4, cls == TaxClass::GiftCard ? 0 : taxes.ppmOn(cls, day))
                        .bind(5, classTax.cents())
                        .run();
                }
                if (giftAmount > 0 && giftIndex >= 0) {
                    Card *giftCard = &cards[std::size_t(giftIndex)];
                    giftCard->balance -= giftAmount;
                    tender.bind(1, saleId)
                        .bind(2, QByteArray("gift"))
                        .bind(3, giftAmount)
                        .bind(4, 0)
                        .bind(5, QByteArray())
                        .bind(6, QByteArray())
                        .bind(7, giftCard->id)
                        .run();
                    activity.bind(1, giftCard->id)
                        .bind(2, QByteArray("redeem"))
                        .bind(3, -giftAmount)
                        .bind(4, saleId)
                        .bind(5, cashierId)
                        .bind(6, at)
                        .run();
                    ++activityId;
                } else {
                    giftAmount = 0;
                }
                const qint64 restPaid = due - giftAmount;
                if (restPaid > 0 || giftAmount == 0) {
                    tender.bind(1, saleId)
                        .bind(2, QByteArray(byCard ? "card" : "cash"))
                        .bind(3, restPaid)
                        .bind(4, byCard ? 0 : restPaid + change)
                        .bind(5, byCard ? QStringLiteral("%1").arg(rng.bounded(10000), 4, 10,
                                                                   QLatin1Char('0'))
                                        : QString())
                        .bind(6,
                              byCard ? QStringLiteral("A%1").arg(rng.bounded(100000)) : QString())
                        .null(7)
                        .run();
                }
                dayTotal += due;
                ++report.sales;
            }
            grandTotal += dayTotal;
            // Every day but the last was closed with a Z: the current period is one day.
            if (d + 1 < scale.days && receipt >= firstSaleOfDay) {
                PeriodReport z;
                z.isZ = true;
                z.zNumber = d + 1;
                z.closedAt = QDateTime(day, QTime(21, 30), zone).toUTC();
                z.businessDate = day;
                z.firstSaleId = firstSaleIdOfDay;
                z.lastSaleId = lastSaleIdOfDay;
                z.firstReceipt = firstSaleOfDay;
                z.lastReceipt = receipt;
                z.lastGiftCardActivityId = activityId;
                z.lastCashMovementId = cashMovementId;
                z.salesCount = receipt - firstSaleOfDay + 1;
                z.total = Money::fromCents(dayTotal);
                z.grandTotal = Money::fromCents(grandTotal);
                z.journalSeq = journalSeq;
                z.journalHash = journalHash;
                zReport.bind(1, z.zNumber)
                    .bind(2, toStorageTime(z.closedAt))
                    .bind(3, managerId)
                    .bind(4, z.firstSaleId)
                    .bind(5, z.lastSaleId)
                    .bind(6, dayTotal)
                    .bind(7, grandTotal)
                    .bind(8, journalSeq)
                    .bind(9, journalHash)
                    .bind(10, QJsonDocument(z.toJson()).toJson(QJsonDocument::Compact))
                    .bind(11, activityId)
                    .bind(12, cashMovementId)
                    .run();
            }
            if (receipt % 20000 < todayCount) {
                execRaw(raw, "COMMIT");
                execRaw(raw, "BEGIN");
                std::fprintf(stderr, "\rgenerate: %lld sales, %.0f s", (long long)receipt,
                             timer.elapsed() / 1000.0);
            }
        }
        execRaw(raw, "COMMIT");
        std::fprintf(stderr, "\n");
        execRaw(raw, "PRAGMA journal_mode=WAL");
    } catch (const std::exception &e) {
        sqlite3_close(raw);
        return fail(ErrorCode::Storage, QString::fromUtf8(e.what()));
    }
    sqlite3_close(raw);
    {
        // The generated history has no journal entries: the journal says where it ends, so
        // journal verify holds every row written after it to an entry (as it does for a store
        // upgraded from before the books were journaled).
        Database::Options o;
        o.keyDirectory = keyDir;
        auto db = Database::open(path, o);
        if (!db)
            return std::unexpected(db.error());
        auto tx = Transaction::begin(**db);
        if (!tx)
            return std::unexpected(tx.error());
        if (auto ok = Journal::markHistory(**db, QStringLiteral("oasis-bench")); !ok)
            return std::unexpected(ok.error());
        if (auto ok = tx->commit(); !ok)
            return std::unexpected(ok.error());
    }
    report.seconds = timer.elapsed() / 1000.0;
    return report;
}

} // namespace oasis::bench
