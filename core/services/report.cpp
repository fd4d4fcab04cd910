// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/report.h"

#include "core/domain/clock.h"
#include "core/domain/csv.h"
#include "core/domain/receiptcode.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/commission.h"
#include "core/services/promo.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <set>
#include <tuple>

namespace oasis {

namespace {
/// A refund or a void takes money back whatever sign its rows carry: count it negative.
QString signedForSale(const char *column) {
    return QStringLiteral("(CASE WHEN s.kind = 'sale' THEN %1 ELSE -ABS(%1) END)")
        .arg(QLatin1String(column));
}

Money cents(const QVariant &v) {
    return Money::fromCents(v.toLongLong());
}

QJsonArray linesJson(const std::vector<ReportLine> &lines) {
    QJsonArray a;
    for (const ReportLine &l : lines)
        a.append(QJsonObject{{QStringLiteral("key"), l.key},
                             {QStringLiteral("name"), l.name},
                             {QStringLiteral("quantity"), l.quantity},
                             {QStringLiteral("net_cents"), l.net.cents()},
                             {QStringLiteral("tax_cents"), l.tax.cents()}});
    return a;
}

std::vector<ReportLine> linesFromJson(const QJsonArray &a) {
    std::vector<ReportLine> lines;
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        lines.push_back({o.value(QLatin1String("key")).toString(),
                         o.value(QLatin1String("name")).toString(),
                         o.value(QLatin1String("quantity")).toInteger(),
                         Money::fromCents(o.value(QLatin1String("net_cents")).toInteger()),
                         Money::fromCents(o.value(QLatin1String("tax_cents")).toInteger())});
    }
    return lines;
}

QJsonObject mapJson(const std::map<QString, Money> &m) {
    QJsonObject o;
    for (const auto &[k, v] : m)
        o.insert(k, v.cents());
    return o;
}

std::map<QString, Money> mapFromJson(const QJsonObject &o) {
    std::map<QString, Money> m;
    for (auto it = o.begin(); it != o.end(); ++it)
        m[it.key()] = Money::fromCents(it.value().toInteger());
    return m;
}

Result<std::vector<ReportLine>> readLines(const Database &db, const QString &sql,
                                          const QVariantList &binds) {
    auto q = db.exec(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    std::vector<ReportLine> lines;
    while (q->next())
        lines.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong(),
                         cents(q->value(3)), cents(q->value(4))});
    return lines;
}

/// Names of categories and staff by id, read once per report (a handful of rows).
struct Names {
    std::map<qint64, QString> categories;                ///< 0: none, ''
    std::map<qint64, std::pair<QString, QString>> staff; ///< login name, display name
};

Result<Names> loadNames(const Database &db) {
    Names n;
    n.categories[0] = QString();
    auto c = db.exec(QStringLiteral("SELECT id, name FROM categories"));
    if (!c)
        return std::unexpected(c.error());
    while (c->next())
        n.categories[c->value(0).toLongLong()] = c->value(1).toString();
    auto st = db.exec(QStringLiteral("SELECT id, name, display_name FROM staff"));
    if (!st)
        return std::unexpected(st.error());
    while (st->next())
        n.staff[st->value(0).toLongLong()] = {st->value(1).toString(), st->value(2).toString()};
    return n;
}

/// The breakdowns of a report, derived in C++ from one grouped query.
struct Breakdowns {
    std::vector<ReportLine> byItem, byCategory, byStaff, byTherapist, tips;
    std::vector<ReportLine> giftCardsByStaff; ///< gift cards sold by each cashier (ranges only)
};

/// One group of sold lines: kind, item, category, cashier and therapist (0: none).
struct Group {
    QString kind;
    QString code; ///< empty when the query does not split by item
    QString name;
    qint64 categoryId = 0;
    qint64 staffId = 0;
    qint64 therapistId = 0;
    qint64 quantity = 0;
    qint64 net = 0;
    qint64 tax = 0;
};

/// Adds a group's measures to the line under `key`; the line keeps the largest name (as
/// SQL's MAX did).
void accumulate(std::map<QString, ReportLine> &lines, const QString &key, const QString &name,
                const Group &g) {
    auto [it, fresh] = lines.try_emplace(key);
    ReportLine &l = it->second;
    l.key = key;
    if (fresh || name > l.name)
        l.name = name;
    l.quantity += g.quantity;
    l.net += Money::fromCents(g.net);
    l.tax += Money::fromCents(g.tax);
}

/// Largest net first, then by key.
std::vector<ReportLine> sorted(std::map<QString, ReportLine> &&lines) {
    std::vector<ReportLine> out;
    out.reserve(lines.size());
    for (auto &[key, line] : lines)
        out.push_back(std::move(line));
    std::stable_sort(out.begin(), out.end(), [](const ReportLine &a, const ReportLine &b) {
        return a.net.cents() > b.net.cents();
    });
    return out;
}

Breakdowns derive(const std::vector<Group> &groups, const Names &names, bool withItems) {
    std::map<QString, ReportLine> items, categories, staff, therapists, tips, giftCards;
    const auto staffName = [&names](qint64 id) {
        auto it = names.staff.find(id);
        return it != names.staff.end() ? it->second : std::pair<QString, QString>();
    };
    for (const Group &g : groups) {
        const bool sold = g.kind == QLatin1String("product") || g.kind == QLatin1String("session");
        if (sold) {
            if (withItems)
                accumulate(items, g.code, g.name, g);
            auto c = names.categories.find(g.categoryId);
            const QString category = c != names.categories.end() ? c->second : QString();
            accumulate(categories, category, category, g);
            if (names.staff.count(g.staffId)) {
                const auto [login, display] = staffName(g.staffId);
                accumulate(staff, login, display, g);
            }
        }
        if (g.kind == QLatin1String("giftcard") && names.staff.count(g.staffId)) {
            const auto [login, display] = staffName(g.staffId);
            accumulate(giftCards, login, display, g);
        }
        if ((g.kind == QLatin1String("session") || g.kind == QLatin1String("tip")) &&
            names.staff.count(g.therapistId)) {
            const auto [login, display] = staffName(g.therapistId);
            accumulate(g.kind == QLatin1String("tip") ? tips : therapists, login, display, g);
        }
    }
    Breakdowns b;
    b.byItem = sorted(std::move(items));
    b.byCategory = sorted(std::move(categories));
    b.byStaff = sorted(std::move(staff));
    b.byTherapist = sorted(std::move(therapists));
    b.tips = sorted(std::move(tips));
    b.giftCardsByStaff = sorted(std::move(giftCards));
    return b;
}

/// The breakdowns of a period of sales (`where` selects them by id), from its lines: one query
/// by item, stamped category, cashier and therapist.
Result<Breakdowns> periodBreakdowns(const Database &db, const QString &where,
                                    const QVariantList &binds) {
    auto names = loadNames(db);
    if (!names)
        return std::unexpected(names.error());
    auto q =
        db.exec(QStringLiteral("SELECT l.kind, l.code, MAX(l.name), COALESCE(c.category_id, 0), "
                               "s.staff_id, COALESCE(l.therapist_id, 0), SUM(%1), SUM(%2), SUM(%3) "
                               "FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
                               "LEFT JOIN sale_line_categories c ON c.line_id = l.id WHERE ")
                        .arg(signedForSale("l.quantity"), signedForSale("l.net_cents"),
                             signedForSale("l.tax_cents")) +
                    where +
                    QStringLiteral(" AND l.kind IN ('product', 'session', 'tip') GROUP BY l.kind, "
                                   "l.code, COALESCE(c.category_id, 0), s.staff_id, "
                                   "COALESCE(l.therapist_id, 0)"),
                binds);
    if (!q)
        return std::unexpected(q.error());
    std::vector<Group> groups;
    while (q->next())
        groups.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                          q->value(3).toLongLong(), q->value(4).toLongLong(),
                          q->value(5).toLongLong(), q->value(6).toLongLong(),
                          q->value(7).toLongLong(), q->value(8).toLongLong()});
    return derive(groups, *names, true);
}

/// The breakdowns of a range of business dates but by item, from the daily rollup.
Result<Breakdowns> rangeBreakdowns(const Database &db, QDate from, QDate to) {
    auto names = loadNames(db);
    if (!names)
        return std::unexpected(names.error());
    auto q = db.exec(QStringLiteral("SELECT line_kind, category_id, staff_id, therapist_id, "
                                    "SUM(quantity), SUM(net_cents), SUM(tax_cents) "
                                    "FROM sales_by_day WHERE business_date >= ? AND "
                                    "business_date <= ? AND line_kind IN ('product', 'session', "
                                    "'tip', 'giftcard') GROUP BY line_kind, category_id, staff_id, "
                                    "therapist_id"),
                     {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!q)
        return std::unexpected(q.error());
    std::vector<Group> groups;
    while (q->next())
        groups.push_back({q->value(0).toString(), QString(), QString(), q->value(1).toLongLong(),
                          q->value(2).toLongLong(), q->value(3).toLongLong(),
                          q->value(4).toLongLong(), q->value(5).toLongLong(),
                          q->value(6).toLongLong()});
    return derive(groups, *names, false);
}

} // namespace

// --- PeriodReport --------------------------------------------------------------------------

QJsonObject PeriodReport::toJson() const {
    QJsonObject o{
        {QStringLiteral("type"), isZ ? QStringLiteral("z") : QStringLiteral("x")},
        {QStringLiteral("z_number"), zNumber},
        {QStringLiteral("period_start"),
         periodStart.isValid() ? toStorageTime(periodStart) : QString()},
        {QStringLiteral("closed_at"), toStorageTime(closedAt)},
        {QStringLiteral("business_date"), businessDate.toString(Qt::ISODate)},
        {QStringLiteral("staff"), staff},
        {QStringLiteral("first_sale_id"), firstSaleId},
        {QStringLiteral("last_sale_id"), lastSaleId},
        {QStringLiteral("first_receipt"), firstReceipt},
        {QStringLiteral("last_receipt"), lastReceipt},
        {QStringLiteral("receipts"), QJsonArray::fromStringList(receiptRanges)},
        {QStringLiteral("last_giftcard_activity_id"), lastGiftCardActivityId},
        {QStringLiteral("last_cash_movement_id"), lastCashMovementId},
        {QStringLiteral("sales_count"), salesCount},
        {QStringLiteral("refunds_count"), refundsCount},
        {QStringLiteral("voids_count"), voidsCount},
        {QStringLiteral("gross_cents"), gross.cents()},
        {QStringLiteral("discount_cents"), discounts.cents()},
        {QStringLiteral("tax_cents"), tax.cents()},
        {QStringLiteral("tip_cents"), tips.cents()},
        {QStringLiteral("refund_cents"), refunds.cents()},
        {QStringLiteral("void_cents"), voids.cents()},
        {QStringLiteral("total_cents"), total.cents()},
        {QStringLiteral("period_total_cents"), total.cents()},
        {QStringLiteral("grand_total_cents"), grandTotal.cents()},
        {QStringLiteral("by_category"), linesJson(byCategory)},
        {QStringLiteral("by_item"), linesJson(byItem)},
        {QStringLiteral("by_staff"), linesJson(byStaff)},
        {QStringLiteral("by_therapist"), linesJson(byTherapist)},
        {QStringLiteral("tips_by_therapist"), linesJson(tipsByTherapist)},
        {QStringLiteral("tax_base_by_class"), mapJson(taxBaseByClass)},
        {QStringLiteral("tax_by_class"), mapJson(taxByClass)},
        {QStringLiteral("tenders"), mapJson(tenders)},
        {QStringLiteral("giftcards_sold_count"), giftCardsSoldCount},
        {QStringLiteral("giftcards_sold_cents"), giftCardsSold.cents()},
        {QStringLiteral("giftcards_redeemed_cents"), giftCardsRedeemed.cents()},
        {QStringLiteral("promo_cents"), giftCardsPromo.cents()},
        {QStringLiteral("giftcards_cashed_out_cents"), giftCardsCashedOut.cents()},
        {QStringLiteral("giftcards_outstanding_cents"), giftCardsOutstanding.cents()},
        {QStringLiteral("payin_cents"), payIns.cents()},
        {QStringLiteral("payout_cents"), payOuts.cents()},
        {QStringLiteral("drawers_closed"), drawersClosed},
        {QStringLiteral("drawer_expected_cents"), drawerExpected.cents()},
        {QStringLiteral("drawer_counted_cents"), drawerCounted.cents()},
        {QStringLiteral("drawer_over_short_cents"), (drawerCounted - drawerExpected).cents()},
        {QStringLiteral("journal_seq"), journalSeq},
        {QStringLiteral("journal_hash"), journalHash},
    };
    if (onSales.present) {
        o.insert(QStringLiteral("sales_gross_cents"), onSales.gross.cents());
        o.insert(QStringLiteral("sales_discount_cents"), onSales.discounts.cents());
        o.insert(QStringLiteral("net_sales_cents"), onSales.net.cents());
        o.insert(QStringLiteral("sales_tax_cents"), onSales.tax.cents());
        o.insert(QStringLiteral("sales_tip_cents"), onSales.tips.cents());
        o.insert(QStringLiteral("sales_giftcard_cents"), onSales.giftCards.cents());
        o.insert(QStringLiteral("sales_total_cents"), onSales.collected.cents());
    }
    return o;
}

PeriodReport PeriodReport::fromJson(const QJsonObject &o) {
    auto integer = [&o](const char *key) { return o.value(QLatin1String(key)).toInteger(); };
    auto money = [&integer](const char *key) { return Money::fromCents(integer(key)); };
    auto text = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
    PeriodReport r;
    r.isZ = text("type") == QLatin1String("z");
    r.zNumber = integer("z_number");
    if (!text("period_start").isEmpty())
        r.periodStart = fromStorageTime(text("period_start"));
    r.closedAt = fromStorageTime(text("closed_at"));
    r.businessDate = QDate::fromString(text("business_date"), Qt::ISODate);
    r.staff = text("staff");
    r.firstSaleId = integer("first_sale_id");
    r.lastSaleId = integer("last_sale_id");
    r.firstReceipt = integer("first_receipt");
    r.lastReceipt = integer("last_receipt");
    for (const QJsonValue &v : o.value(QStringLiteral("receipts")).toArray())
        r.receiptRanges << v.toString();
    r.lastGiftCardActivityId = integer("last_giftcard_activity_id");
    r.lastCashMovementId = integer("last_cash_movement_id");
    r.salesCount = integer("sales_count");
    r.refundsCount = integer("refunds_count");
    r.voidsCount = integer("voids_count");
    r.gross = money("gross_cents");
    r.discounts = money("discount_cents");
    r.tax = money("tax_cents");
    r.tips = money("tip_cents");
    r.refunds = money("refund_cents");
    r.voids = money("void_cents");
    r.total = money("total_cents");
    if (o.contains(QLatin1String("sales_total_cents"))) {
        r.onSales.present = true;
        r.onSales.gross = money("sales_gross_cents");
        r.onSales.discounts = money("sales_discount_cents");
        r.onSales.net = money("net_sales_cents");
        r.onSales.tax = money("sales_tax_cents");
        r.onSales.tips = money("sales_tip_cents");
        r.onSales.giftCards = money("sales_giftcard_cents");
        r.onSales.collected = money("sales_total_cents");
    }
    r.grandTotal = money("grand_total_cents");
    r.byCategory = linesFromJson(o.value(QLatin1String("by_category")).toArray());
    r.byItem = linesFromJson(o.value(QLatin1String("by_item")).toArray());
    r.byStaff = linesFromJson(o.value(QLatin1String("by_staff")).toArray());
    r.byTherapist = linesFromJson(o.value(QLatin1String("by_therapist")).toArray());
    r.tipsByTherapist = linesFromJson(o.value(QLatin1String("tips_by_therapist")).toArray());
    r.taxBaseByClass = mapFromJson(o.value(QLatin1String("tax_base_by_class")).toObject());
    r.taxByClass = mapFromJson(o.value(QLatin1String("tax_by_class")).toObject());
    r.tenders = mapFromJson(o.value(QLatin1String("tenders")).toObject());
    r.giftCardsSoldCount = integer("giftcards_sold_count");
    r.giftCardsSold = money("giftcards_sold_cents");
    r.giftCardsRedeemed = money("giftcards_redeemed_cents");
    r.giftCardsPromo = money("promo_cents");
    r.giftCardsCashedOut = money("giftcards_cashed_out_cents");
    r.giftCardsOutstanding = money("giftcards_outstanding_cents");
    r.payIns = money("payin_cents");
    r.drawersClosed = integer("drawers_closed");
    r.drawerExpected = money("drawer_expected_cents");
    r.drawerCounted = money("drawer_counted_cents");
    r.payOuts = money("payout_cents");
    r.journalSeq = integer("journal_seq");
    r.journalHash = text("journal_hash");
    return r;
}

ReportTable PeriodReport::toTable() const {
    using K = ReportTable::Kind;
    ReportTable t;
    t.title = isZ ? oasis::tr("Z report #%1").arg(zNumber) : oasis::tr("X report");
    t.columns = {{QStringLiteral("section"), oasis::tr("section"), K::Text},
                 {QStringLiteral("key"), oasis::tr("key"), K::Text},
                 {QStringLiteral("name"), oasis::tr("name"), K::Text},
                 {QStringLiteral("quantity"), oasis::tr("quantity"), K::Count},
                 {QStringLiteral("amount_cents"), oasis::tr("amount"), K::Money}};
    auto add = [&t](const QString &key, const QString &name, qint64 quantity, Money amount) {
        t.rows.push_back({QStringLiteral("total"), key, name, quantity, amount.cents()});
    };
    add(QStringLiteral("sales"), oasis::tr("Sales"), salesCount, gross);
    if (onSales.present) {
        add(QStringLiteral("sales_gross"), oasis::tr("Gross sales"), salesCount, onSales.gross);
        add(QStringLiteral("sales_discounts"), oasis::tr("Discounts on sales"), 0,
            onSales.discounts);
        add(QStringLiteral("net_sales"), oasis::tr("Net sales"), 0, onSales.net);
        add(QStringLiteral("sales_tax"), oasis::tr("Tax on sales"), 0, onSales.tax);
        add(QStringLiteral("sales_tips"), oasis::tr("Tips on sales"), 0, onSales.tips);
        add(QStringLiteral("sales_giftcards"), oasis::tr("Gift cards sold on sales"), 0,
            onSales.giftCards);
        add(QStringLiteral("sales_total"), oasis::tr("Collected on sales"), salesCount,
            onSales.collected);
    }
    add(QStringLiteral("discounts"), oasis::tr("Discounts"), 0, discounts);
    add(QStringLiteral("tax"), oasis::tr("Tax"), 0, tax);
    add(QStringLiteral("tips"), oasis::tr("Tips"), 0, tips);
    add(QStringLiteral("refunds"), oasis::tr("Refunds"), refundsCount, refunds);
    add(QStringLiteral("voids"), oasis::tr("Voids"), voidsCount, voids);
    add(QStringLiteral("period_total"), oasis::tr("Period total"), 0, total);
    add(QStringLiteral("grand_total"), oasis::tr("Grand total"), 0, grandTotal);
    add(QStringLiteral("giftcards_sold"), oasis::tr("Gift cards sold"), giftCardsSoldCount,
        giftCardsSold);
    add(QStringLiteral("giftcards_redeemed"), oasis::tr("Gift cards redeemed"), 0,
        giftCardsRedeemed);
    add(QStringLiteral("giftcards_promo"), oasis::tr("of which promotional"), 0, giftCardsPromo);
    add(QStringLiteral("giftcards_cashed_out"), oasis::tr("Gift cards cashed out"), 0,
        giftCardsCashedOut);
    add(QStringLiteral("giftcards_outstanding"), oasis::tr("Gift cards outstanding"), 0,
        giftCardsOutstanding);
    add(QStringLiteral("payins"), oasis::tr("Drawer pay-ins"), 0, payIns);
    add(QStringLiteral("drawer_expected"), oasis::tr("Cash expected in the drawers closed"),
        drawersClosed, drawerExpected);
    add(QStringLiteral("drawer_counted"), oasis::tr("Cash counted"), drawersClosed, drawerCounted);
    add(QStringLiteral("drawer_over_short"), oasis::tr("Over (+) or short (-)"), drawersClosed,
        drawerCounted - drawerExpected);
    add(QStringLiteral("payouts"), oasis::tr("Drawer pay-outs"), 0, payOuts);
    for (const auto &[type, amount] : tenders)
        t.rows.push_back({QStringLiteral("tender"), type, type, qint64(0), amount.cents()});
    for (const auto &[cls, amount] : taxByClass)
        t.rows.push_back({QStringLiteral("tax"), cls, cls, qint64(0), amount.cents()});
    auto lines = [&t](const QString &section, const std::vector<ReportLine> &all) {
        for (const ReportLine &l : all)
            t.rows.push_back({section, l.key, l.name, l.quantity, l.net.cents()});
    };
    lines(QStringLiteral("category"), byCategory);
    lines(QStringLiteral("item"), byItem);
    lines(QStringLiteral("staff"), byStaff);
    lines(QStringLiteral("therapist"), byTherapist);
    lines(QStringLiteral("tip"), tipsByTherapist);
    return t;
}

// --- ReportTable ---------------------------------------------------------------------------

QByteArray ReportTable::toCsv() const {
    QByteArray out = csv::formatRow(headers());
    for (const QVariantList &row : rows) {
        QStringList fields;
        for (std::size_t i = 0; i < columns.size(); ++i)
            fields << cellText(row, i, CellStyle::Plain);
        out += csv::formatRow(fields);
    }
    return out;
}

QJsonObject ReportTable::toJson() const {
    QJsonArray array;
    for (const QVariantList &row : rows) {
        QJsonObject o;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const QVariant v = row.value(qsizetype(i));
            if (columns[i].kind == Kind::Text)
                o.insert(columns[i].key, v.toString());
            else
                o.insert(columns[i].key, v.toLongLong());
        }
        array.append(o);
    }
    return {{QStringLiteral("title"), title}, {QStringLiteral("rows"), array}};
}

QStringList ReportTable::headers() const {
    QStringList out;
    for (const Column &c : columns)
        out << c.header;
    return out;
}

QString ReportTable::cellText(const QVariantList &row, std::size_t column, CellStyle style) const {
    const QVariant v = row.value(qsizetype(column));
    if (columns[column].kind == Kind::Percent) {
        if (v.toString().isEmpty())
            return QString(); // no rate
        const QString percent = percentText(v.toLongLong());
        return style == CellStyle::Plain ? percent : percent + u'%';
    }
    if (columns[column].kind != Kind::Money || v.toString().isEmpty())
        return v.toString();
    return style == CellStyle::Plain ? cents(v).toString() : cents(v).format();
}

QVariantList ReportTable::totalsRow() const {
    QVariantList row;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if ((columns[i].kind == Kind::Money || columns[i].kind == Kind::Count) &&
            columns[i].totalled)
            row << sum(columns[i].key);
        else
            row << QString();
    }
    if (!columns.empty() && columns.front().kind == Kind::Text)
        row[0] = oasis::tr("Total");
    return row;
}

qint64 ReportTable::sum(const QString &key) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].key != key)
            continue;
        qint64 total = 0;
        for (const QVariantList &row : rows)
            total += row.value(qsizetype(i)).toLongLong();
        return total;
    }
    return 0;
}

// --- periods: X and Z ----------------------------------------------------------------------

Result<PeriodReport> ReportService::compute(qint64 afterSale, qint64 afterActivity,
                                            qint64 afterCash) const {
    PeriodReport r;
    r.closedAt = Clock::nowUtc();
    r.businessDate = StoreSettings(m_db).businessDate(r.closedAt);
    // Upper bounds first, so every figure below describes the same set of rows. The whole
    // liability comes from the daily rollup in the same statement (one snapshot): every
    // activity row up to the bound, without reading them.
    auto bounds = m_db.exec(
        QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM sales), "
                       "(SELECT COALESCE(MAX(id), 0) FROM giftcard_activity), "
                       "(SELECT COALESCE(MAX(id), 0) FROM cash_movements), "
                       "(SELECT COALESCE(SUM(amount_cents), 0) FROM giftcard_activity_by_day)"));
    if (!bounds)
        return std::unexpected(bounds.error());
    bounds->next();
    const qint64 lastSale = std::max(bounds->value(0).toLongLong(), afterSale);
    r.lastGiftCardActivityId = std::max(bounds->value(1).toLongLong(), afterActivity);
    r.lastCashMovementId = std::max(bounds->value(2).toLongLong(), afterCash);
    r.lastSaleId = lastSale;
    r.giftCardsOutstanding = cents(bounds->value(3));
    const QString where = QStringLiteral("s.id > ? AND s.id <= ?");
    const QVariantList binds{afterSale, lastSale};

    auto head = m_db.exec(
        QStringLiteral("SELECT SUM(CASE WHEN s.kind = 'sale' THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN s.kind = 'refund' THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN s.kind = 'void' THEN 1 ELSE 0 END), "
                       "SUM(%1), SUM(%2), SUM(%3), SUM(%4), SUM(%5), "
                       "SUM(CASE WHEN s.kind = 'refund' THEN ABS(s.total_cents) ELSE 0 END), "
                       "SUM(CASE WHEN s.kind = 'void' THEN ABS(s.total_cents) ELSE 0 END), "
                       "MIN(s.id), MIN(s.receipt_no), MAX(s.receipt_no) "
                       "FROM sales s WHERE ")
                .arg(signedForSale("s.subtotal_cents"), signedForSale("s.discount_cents"),
                     signedForSale("s.tax_cents"), signedForSale("s.tip_cents"),
                     signedForSale("s.total_cents")) +
            where,
        binds);
    if (!head)
        return std::unexpected(head.error());
    if (head->next()) {
        r.salesCount = head->value(0).toLongLong();
        r.refundsCount = head->value(1).toLongLong();
        r.voidsCount = head->value(2).toLongLong();
        r.gross = cents(head->value(3));
        r.discounts = cents(head->value(4));
        r.tax = cents(head->value(5));
        r.tips = cents(head->value(6));
        r.total = cents(head->value(7));
        r.refunds = cents(head->value(8));
        r.voids = cents(head->value(9));
        r.firstSaleId = head->value(10).toLongLong();
        r.firstReceipt = head->value(11).toLongLong();
        r.lastReceipt = head->value(12).toLongLong();
    }
    // Each register numbers its receipts in its own series: one range per series.
    auto series = m_db.rows(
        QStringLiteral("SELECT s.receipt_no / %1, MIN(s.receipt_no), "
                       "MAX(s.receipt_no) FROM sales s WHERE ")
                .arg(receiptseries::kSpan) +
            where +
            QStringLiteral(" GROUP BY s.receipt_no / %1 ORDER BY 1").arg(receiptseries::kSpan),
        binds);
    if (!series)
        return std::unexpected(series.error());
    for (const QVariantList &range : *series)
        r.receiptRanges << QStringLiteral("%1 - %2").arg(receiptCode(range.at(1).toLongLong()),
                                                         receiptCode(range.at(2).toLongLong()));
    // The sales alone, before what refunds and voids took back.
    auto onSales = m_db.row(
        QStringLiteral("SELECT COALESCE(SUM(s.total_cents), 0), COALESCE(SUM(s.tax_cents), 0), "
                       "COALESCE(SUM(s.tip_cents), 0), COALESCE(SUM(s.discount_cents), 0), "
                       "(SELECT COALESCE(SUM(l.net_cents), 0) FROM sale_lines l "
                       "JOIN sales s ON s.id = l.sale_id WHERE l.kind = 'giftcard' AND "
                       "s.kind = 'sale' AND ") +
            where + QStringLiteral(") FROM sales s WHERE s.kind = 'sale' AND ") + where,
        binds + binds);
    if (!onSales)
        return std::unexpected(onSales.error());
    r.onSales.present = true;
    r.onSales.collected = cents(onSales->value(0));
    r.onSales.tax = cents(onSales->value(1));
    r.onSales.tips = cents(onSales->value(2));
    r.onSales.discounts = cents(onSales->value(3));
    r.onSales.giftCards = cents(onSales->value(4));
    r.onSales.net = r.onSales.collected - r.onSales.tax - r.onSales.tips - r.onSales.giftCards;
    r.onSales.gross = r.onSales.net + r.onSales.discounts;

    auto b = periodBreakdowns(m_db, where, binds);
    if (!b)
        return std::unexpected(b.error());
    r.byItem = std::move(b->byItem);
    r.byCategory = std::move(b->byCategory);
    r.byStaff = std::move(b->byStaff);
    r.byTherapist = std::move(b->byTherapist);
    r.tipsByTherapist = std::move(b->tips);

    auto taxes =
        m_db.exec(QStringLiteral("SELECT x.tax_class, SUM(%1), SUM(%2) FROM sales s "
                                 "JOIN sale_taxes x ON x.sale_id = s.id WHERE ")
                          .arg(signedForSale("x.base_cents"), signedForSale("x.tax_cents")) +
                      where + QStringLiteral(" GROUP BY x.tax_class"),
                  binds);
    if (!taxes)
        return std::unexpected(taxes.error());
    while (taxes->next()) {
        r.taxBaseByClass[taxes->value(0).toString()] = cents(taxes->value(1));
        r.taxByClass[taxes->value(0).toString()] = cents(taxes->value(2));
    }
    auto tenders = m_db.exec(QStringLiteral("SELECT t.type, SUM(%1) FROM sales s "
                                            "JOIN sale_tenders t ON t.sale_id = s.id WHERE ")
                                     .arg(signedForSale("t.amount_cents")) +
                                 where + QStringLiteral(" GROUP BY t.type"),
                             binds);
    if (!tenders)
        return std::unexpected(tenders.error());
    while (tenders->next())
        r.tenders[tenders->value(0).toString()] = cents(tenders->value(1));
    r.giftCardsRedeemed =
        r.tenders.count(QStringLiteral("gift")) ? r.tenders.at(QStringLiteral("gift")) : Money();
    // Of which promotional value: spent by the period's sales, less what its refunds gave back.
    if (PromoLedger::present(m_db)) {
        auto promo =
            m_db.exec(QStringLiteral("SELECT COALESCE(-SUM(p.amount_cents), 0) FROM sales s "
                                     "JOIN giftcard_promo p ON p.sale_id = s.id WHERE ") +
                          where + QStringLiteral(" AND p.kind IN ('redeem', 'refund')"),
                      binds);
        if (!promo)
            return std::unexpected(promo.error());
        if (promo->next())
            r.giftCardsPromo = cents(promo->value(0));
    }

    auto cards = m_db.exec(
        QStringLiteral("SELECT SUM(CASE WHEN s.kind = 'sale' THEN 1 ELSE -1 END), SUM(%1) "
                       "FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE ")
                .arg(signedForSale("l.net_cents")) +
            where + QStringLiteral(" AND l.kind = 'giftcard'"),
        binds);
    if (!cards)
        return std::unexpected(cards.error());
    if (cards->next()) {
        r.giftCardsSoldCount = cards->value(0).toLongLong();
        r.giftCardsSold = cents(cards->value(1));
    }
    auto activity =
        m_db.exec(QStringLiteral("SELECT "
                                 "(SELECT COALESCE(-SUM(amount_cents), 0) FROM giftcard_activity "
                                 " WHERE id > ? AND id <= ? AND kind = 'cashout'), "
                                 "(SELECT COALESCE(SUM(amount_cents), 0) FROM cash_movements "
                                 " WHERE id > ? AND id <= ? AND kind = 'payin'), "
                                 "(SELECT COALESCE(SUM(amount_cents), 0) FROM cash_movements "
                                 " WHERE id > ? AND id <= ? AND kind = 'payout')"),
                  {afterActivity, r.lastGiftCardActivityId, afterCash, r.lastCashMovementId,
                   afterCash, r.lastCashMovementId});
    if (!activity)
        return std::unexpected(activity.error());
    activity->next();
    r.giftCardsCashedOut = cents(activity->value(0));
    r.payIns = cents(activity->value(1));
    r.payOuts = cents(activity->value(2));

    auto journal = Journal::head(m_db);
    if (!journal)
        return std::unexpected(journal.error());
    r.journalSeq = journal->first;
    r.journalHash = journal->second;
    return r;
}

Result<PeriodReport> ReportService::currentPeriod() const {
    // Where the previous Z stopped: its columns (a Z's payload, with every item of its day,
    // is read only for a Z made before schema step 9 stored them).
    auto last = m_db.exec(QStringLiteral(
        "SELECT z_number, closed_at, grand_total_cents, last_sale_id, "
        "last_giftcard_activity_id, last_cash_movement_id, CASE WHEN "
        "last_giftcard_activity_id IS NULL OR last_cash_movement_id IS NULL THEN payload END "
        "FROM z_reports ORDER BY z_number DESC LIMIT 1"));
    if (!last)
        return std::unexpected(last.error());
    qint64 previousNumber = 0;
    Money previousGrand;
    PeriodReport previous;
    QDateTime previousClose;
    if (last->next()) {
        previousNumber = last->value(0).toLongLong();
        previousClose = fromStorageTime(last->value(1).toString());
        previousGrand = cents(last->value(2));
        if (last->value(6).isNull()) {
            previous.lastSaleId = last->value(3).toLongLong();
            previous.lastGiftCardActivityId = last->value(4).toLongLong();
            previous.lastCashMovementId = last->value(5).toLongLong();
        } else {
            previous = PeriodReport::fromJson(
                QJsonDocument::fromJson(last->value(6).toString().toUtf8()).object());
        }
    }
    auto r =
        compute(previous.lastSaleId, previous.lastGiftCardActivityId, previous.lastCashMovementId);
    if (!r)
        return r;
    r->zNumber = previousNumber + 1;
    r->periodStart = previousClose;
    r->grandTotal = previousGrand + r->total;
    // The drawers counted since the previous Z (a Z needs every drawer closed first).
    auto drawers = m_db.row(
        QStringLiteral("SELECT COUNT(*), COALESCE(SUM(expected_cents), 0), "
                       "COALESCE(SUM(counted_cents), 0) FROM shifts WHERE closed_at IS NOT NULL "
                       "AND closed_at > ? AND closed_at <= ?"),
        {previousClose.isValid() ? toStorageTime(previousClose) : QString(),
         toStorageTime(r->closedAt)});
    if (!drawers)
        return std::unexpected(drawers.error());
    r->drawersClosed = drawers->value(0).toLongLong();
    r->drawerExpected = cents(drawers->value(1));
    r->drawerCounted = cents(drawers->value(2));
    return r;
}

Result<PeriodReport> ReportService::x() const {
    return currentPeriod();
}

Result<PeriodReport> ReportService::z(const StaffMember &staff,
                                      const std::optional<StaffMember> &approver) {
    auto tx = beginAuthorized(m_db, Action::CloseDay, staff, approver);
    if (!tx)
        return std::unexpected(tx.error());
    // Inside the write lock: no register can sell or open a shift while the day is closed.
    auto open = ShiftService(m_db).openShifts();
    if (!open)
        return std::unexpected(open.error());
    if (!open->empty()) {
        QStringList registers;
        for (const Shift &s : *open)
            registers << s.registerId;
        return fail(
            ErrorCode::Refused,
            oasis::tr("The day cannot be closed while a shift is open on register %1: count "
                      "and close the drawer first.")
                .arg(registers.join(QStringLiteral(", "))));
    }
    auto r = currentPeriod();
    if (!r)
        return r;
    r->isZ = true;
    r->staff = staff.name;
    const QString payload =
        QString::fromUtf8(QJsonDocument(r->toJson()).toJson(QJsonDocument::Compact));
    auto ins = m_db.exec(
        QStringLiteral("INSERT INTO z_reports(z_number, closed_at, staff_id, first_sale_id, "
                       "last_sale_id, period_total_cents, grand_total_cents, journal_seq, "
                       "journal_hash, payload, last_giftcard_activity_id, last_cash_movement_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {r->zNumber, toStorageTime(r->closedAt), staff.id,
         r->firstSaleId > 0 ? QVariant(r->firstSaleId) : QVariant(), r->lastSaleId,
         r->total.cents(), r->grandTotal.cents(), r->journalSeq, r->journalHash, payload,
         r->lastGiftCardActivityId, r->lastCashMovementId});
    if (!ins)
        return std::unexpected(ins.error());
    if (auto ok = Journal::append(
            m_db, staff.name, QStringLiteral("z_report"),
            {{QStringLiteral("z_number"), r->zNumber},
             {QStringLiteral("business_date"), r->businessDate.toString(Qt::ISODate)},
             {QStringLiteral("sales_count"), r->salesCount},
             {QStringLiteral("period_total_cents"), r->total.cents()},
             {QStringLiteral("grand_total_cents"), r->grandTotal.cents()},
             {QStringLiteral("tax_cents"), r->tax.cents()},
             {QStringLiteral("journal_seq"), r->journalSeq},
             {QStringLiteral("journal_hash"), r->journalHash},
             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return r;
}

Result<std::vector<ZSummary>> ReportService::zReports() const {
    auto q = m_db.exec(QStringLiteral(
        "SELECT z.z_number, z.closed_at, COALESCE(s.name, ''), z.period_total_cents, "
        "z.grand_total_cents FROM z_reports z LEFT JOIN staff s ON s.id = z.staff_id "
        "ORDER BY z.z_number DESC"));
    if (!q)
        return std::unexpected(q.error());
    std::vector<ZSummary> all;
    while (q->next())
        all.push_back({q->value(0).toLongLong(), fromStorageTime(q->value(1).toString()),
                       q->value(2).toString(), cents(q->value(3)), cents(q->value(4))});
    return all;
}

Result<PeriodReport> ReportService::loadZ(qint64 zNumber) const {
    auto payload =
        m_db.scalar(QStringLiteral("SELECT payload FROM z_reports WHERE z_number = ?"), {zNumber});
    if (!payload)
        return std::unexpected(payload.error());
    if (payload->isNull())
        return fail(ErrorCode::NotFound, oasis::tr("There is no Z report #%1.").arg(zNumber));
    return PeriodReport::fromJson(QJsonDocument::fromJson(payload->toString().toUtf8()).object());
}

// --- ranges --------------------------------------------------------------------------------

std::pair<QString, QString> ReportService::utcBounds(QDate from, QDate to) const {
    const QTimeZone zone = StoreSettings(m_db).timeZone();
    return {toStorageTime(QDateTime(from, QTime(0, 0), zone).toUTC()),
            toStorageTime(QDateTime(to.addDays(1), QTime(0, 0), zone).toUTC())};
}

namespace {
using Kind = ReportTable::Kind;
const QString kDateRange = QStringLiteral("s.business_date >= ? AND s.business_date <= ?");
QVariantList dateBinds(QDate from, QDate to) {
    return {from.toString(Qt::ISODate), to.toString(Qt::ISODate)};
}
} // namespace

namespace {
/// "Fri, Dec 4, 2026" or "Dec 1 – Dec 31, 2026" (or with both years when they differ).
QString datesText(QDate from, QDate to) {
    const QLocale locale;
    if (from == to)
        return locale.toString(from, QStringLiteral("ddd, MMM d, yyyy"));
    if (from.year() == to.year())
        return QStringLiteral("%1 – %2").arg(locale.toString(from, QStringLiteral("MMM d")),
                                             locale.toString(to, QStringLiteral("MMM d, yyyy")));
    return QStringLiteral("%1 – %2").arg(locale.toString(from, QStringLiteral("MMM d, yyyy")),
                                         locale.toString(to, QStringLiteral("MMM d, yyyy")));
}

/// A display name, or the login when the person has none.
QString personName(const ReportLine &l) {
    return l.name.isEmpty() ? l.key : l.name;
}

/// Whether every number of a row is zero (a row that says nothing is left out).
bool allZero(const ReportTable &t, const QVariantList &row) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].kind != Kind::Text && row.value(qsizetype(i)).toLongLong() != 0)
            return false;
    return true;
}

void dropEmptyRows(ReportTable &t) {
    std::erase_if(t.rows, [&t](const QVariantList &row) { return allZero(t, row); });
}

/// Rows keyed by login, in the order keys were first seen, each `width` zeros after its name.
struct PersonRows {
    std::vector<QString> order;
    std::map<QString, QVariantList> rows;
    QVariantList &at(const ReportLine &l, int width) {
        auto [it, fresh] = rows.try_emplace(l.key);
        if (fresh) {
            order.push_back(l.key);
            it->second << personName(l);
            for (int i = 0; i < width; ++i)
                it->second << qint64(0);
        }
        return it->second;
    }
    void moveTo(ReportTable &t) {
        for (const QString &key : order)
            t.rows.push_back(std::move(rows[key]));
    }
};
} // namespace

namespace {
const QString kCardPromoLeft = QStringLiteral(
    "(SELECT COALESCE(SUM(l.amount_cents + COALESCE((SELECT SUM(d.amount_cents) FROM "
    "giftcard_promo d WHERE d.lot_id = l.id AND d.kind IN ('redeem', 'void', 'replace_out') AND "
    "d.created_at < ?), 0)), 0) FROM giftcard_promo l WHERE l.giftcard_id = g.id AND l.kind IN "
    "('grant', 'refund', 'replace_in') AND l.created_at < ? AND (l.expires_on IS NULL OR "
    "l.expires_on > ?)) ");

/// The per-card promotional column and its binds (0 on a store from before the ledger).
std::pair<QString, QVariantList> cardPromoLeft(const Database &db, const QString &end, QDate to) {
    if (!PromoLedger::present(db))
        return {QStringLiteral("0 "), {}};
    return {kCardPromoLeft, {end, end, to.toString(Qt::ISODate)}};
}

ReportTable giftCardTable(QDate from, QDate to) {
    ReportTable t;
    t.title = oasis::tr("Gift cards, %1 (outstanding at the end)").arg(datesText(from, to));
    t.showTotals = true;
    t.columns = {
        {QStringLiteral("last4"), oasis::tr("Card"), Kind::Text},
        {QStringLiteral("issued"), oasis::tr("Issued"), Kind::Text},
        {QStringLiteral("sold_cents"), oasis::tr("Sold"), Kind::Money},
        {QStringLiteral("redeemed_cents"), oasis::tr("Redeemed"), Kind::Money},
        {QStringLiteral("other_cents"), oasis::tr("Cash-outs, refunds, replacements"), Kind::Money},
        {QStringLiteral("outstanding_cents"), oasis::tr("Outstanding"), Kind::Money},
        // Apart from what is owed: promotional value left at the end, not expired by then.
        {QStringLiteral("promo_cents"), oasis::tr("Promotional (not owed)"), Kind::Money}};
    return t;
}
} // namespace

Result<ReportTable> ReportService::salesByItem(QDate from, QDate to) const {
    auto lines = readLines(m_db,
                           QStringLiteral("SELECT l.code, MAX(l.name), SUM(%1), SUM(%2), SUM(%3) "
                                          "FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
                                          "WHERE ")
                                   .arg(signedForSale("l.quantity"), signedForSale("l.net_cents"),
                                        signedForSale("l.tax_cents")) +
                               kDateRange +
                               QStringLiteral(" AND l.kind IN ('product', 'session') "
                                              "GROUP BY l.code ORDER BY 4 DESC, 1"),
                           dateBinds(from, to));
    if (!lines)
        return std::unexpected(lines.error());
    ReportTable t;
    t.showTotals = true;
    t.title = oasis::tr("Sales by item, %1").arg(datesText(from, to));
    t.columns = {{QStringLiteral("code"), oasis::tr("Code"), Kind::Text},
                 {QStringLiteral("item"), oasis::tr("Item"), Kind::Text},
                 {QStringLiteral("quantity"), oasis::tr("Sold"), Kind::Count},
                 {QStringLiteral("net_sales_cents"), oasis::tr("Net sales"), Kind::Money},
                 {QStringLiteral("sales_tax_cents"), oasis::tr("Sales tax"), Kind::Money}};
    for (const ReportLine &l : *lines)
        t.rows.push_back({l.key, l.name, l.quantity, l.net.cents(), l.tax.cents()});
    dropEmptyRows(t);
    return t;
}

Result<ReportTable> ReportService::tax(QDate from, QDate to) const {
    auto q =
        m_db.exec(QStringLiteral("SELECT x.tax_class, x.ppm, SUM(%1), SUM(%2) FROM sales s "
                                 "JOIN sale_taxes x ON x.sale_id = s.id WHERE ")
                          .arg(signedForSale("x.base_cents"), signedForSale("x.tax_cents")) +
                      kDateRange + QStringLiteral(" GROUP BY x.tax_class, x.ppm ORDER BY 1, 2"),
                  dateBinds(from, to));
    if (!q)
        return std::unexpected(q.error());
    ReportTable t;
    t.title = oasis::tr("Sales tax, %1").arg(datesText(from, to));
    t.showTotals = true;
    t.columns = {{QStringLiteral("tax_class"), oasis::tr("Tax class"), Kind::Text},
                 {QStringLiteral("rate_ppm"), oasis::tr("Rate"), Kind::Percent},
                 {QStringLiteral("base_cents"), oasis::tr("Sales"), Kind::Money},
                 {QStringLiteral("tax_cents"), oasis::tr("Tax"), Kind::Money}};
    while (q->next()) {
        // Gift cards are a liability, not a taxable sale: not in the tax report.
        const auto cls = taxClassFromName(q->value(0).toString());
        if (cls == TaxClass::GiftCard)
            continue;
        t.rows.push_back({cls ? taxClassLabel(*cls) : q->value(0).toString(),
                          q->value(1).toLongLong(), q->value(2).toLongLong(),
                          q->value(3).toLongLong()});
    }
    dropEmptyRows(t);
    return t;
}

Result<ReportTable> ReportService::tips(QDate from, QDate to) const {
    return salesBy(SalesBy::Therapist, from, to);
}

Result<ReportTable> ReportService::giftCards(QDate from, QDate to) const {
    const auto [start, end] = utcBounds(from, to);
    const auto cardPromo = cardPromoLeft(m_db, end, to);
    const QString inRange = QStringLiteral("a.created_at >= ? AND a.created_at < ?");
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT g.last4, MIN(g.created_at), "
            "SUM(CASE WHEN %1 AND a.kind IN ('activate', 'load') THEN a.amount_cents ELSE 0 END), "
            "SUM(CASE WHEN %1 AND a.kind = 'redeem' THEN -a.amount_cents ELSE 0 END), "
            "SUM(CASE WHEN %1 AND a.kind NOT IN ('activate', 'load', 'redeem') "
            "THEN a.amount_cents ELSE 0 END), "
            "SUM(CASE WHEN a.created_at < ? THEN a.amount_cents ELSE 0 END), %2"
            "FROM giftcards g JOIN giftcard_activity a ON a.giftcard_id = g.id "
            "WHERE a.created_at < ? GROUP BY g.id, g.last4 "
            "HAVING SUM(CASE WHEN a.created_at >= ? THEN 1 ELSE 0 END) > 0 "
            "OR SUM(a.amount_cents) <> 0 ORDER BY 2")
            .arg(inRange, cardPromo.first),
        QVariantList{start, end, start, end, start, end, end} + cardPromo.second +
            QVariantList{end, start});
    if (!q)
        return std::unexpected(q.error());
    ReportTable t = giftCardTable(from, to);
    LocalDates issued(StoreSettings(m_db).timeZone());
    while (q->next())
        t.rows.push_back(
            {q->value(0).toString(), issued.of(q->value(1).toString()).toString(Qt::ISODate),
             q->value(2).toLongLong(), q->value(3).toLongLong(), q->value(4).toLongLong(),
             q->value(5).toLongLong(), q->value(6).toLongLong()});
    return t;
}

namespace {
struct ActivitySums {
    Money sold, redeemed, other, total;
    qint64 activated = 0;
    qint64 soldEntries = 0, redemptions = 0, otherEntries = 0;
};

const QString kMidnight = QStringLiteral("T00:00:00.000Z");

/// Gift-card activity with created_at in [a, b) (storage times; an empty `a` is the
/// beginning): whole UTC days from giftcard_activity_by_day, the partial days at either end
/// from the rows themselves (at most a day's worth each).
Result<ActivitySums> activityBetween(const Database &db, const QString &a, const QString &b) {
    const QDate firstDay = QDate::fromString(a.left(10), Qt::ISODate);
    QString fullFrom; // first whole day (inclusive); empty: from the beginning
    if (!a.isEmpty())
        fullFrom = a.mid(10) == kMidnight ? a.left(10) : firstDay.addDays(1).toString(Qt::ISODate);
    const QString fullTo = b.left(10); // first day not whole (exclusive)
    QVariantList binds;
    QString sql = QStringLiteral("SELECT kind, SUM(n), SUM(amount) FROM (");
    if (fullFrom < fullTo) {
        sql += QStringLiteral("SELECT kind, entries AS n, amount_cents AS amount "
                              "FROM giftcard_activity_by_day WHERE day >= ? AND day < ? "
                              "UNION ALL SELECT kind, 1, amount_cents FROM giftcard_activity "
                              "WHERE created_at >= ? AND created_at < ? "
                              "UNION ALL SELECT kind, 1, amount_cents FROM giftcard_activity "
                              "WHERE created_at >= ? AND created_at < ?");
        const QString leadEnd = fullFrom.isEmpty() ? a : fullFrom + kMidnight;
        const QString tailStart = fullTo + kMidnight;
        binds = {fullFrom, fullTo, a, leadEnd, tailStart, b};
    } else {
        sql += QStringLiteral("SELECT kind, 1 AS n, amount_cents AS amount "
                              "FROM giftcard_activity WHERE created_at >= ? AND created_at < ?");
        binds = {a, b};
    }
    sql += QStringLiteral(") AS x GROUP BY kind");
    auto q = db.exec(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    ActivitySums sums;
    while (q->next()) {
        const QString kind = q->value(0).toString();
        const Money amount = cents(q->value(2));
        sums.total += amount;
        const qint64 entries = q->value(1).toLongLong();
        if (kind == QLatin1String("activate") || kind == QLatin1String("load")) {
            sums.sold += amount;
            sums.soldEntries += entries;
        } else if (kind == QLatin1String("redeem")) {
            sums.redeemed -= amount;
            sums.redemptions += entries;
        } else {
            sums.other += amount;
            sums.otherEntries += entries;
        }
        if (kind == QLatin1String("activate"))
            sums.activated += q->value(1).toLongLong();
    }
    return sums;
}

} // namespace

Result<GiftCardLiability> ReportService::giftCardTotals(QDate from, QDate to) const {
    const auto [start, end] = utcBounds(from, to);
    GiftCardLiability r;
    r.from = from;
    r.to = to;
    auto before = activityBetween(m_db, QString(), start);
    if (!before)
        return std::unexpected(before.error());
    auto during = activityBetween(m_db, start, end);
    if (!during)
        return std::unexpected(during.error());
    r.opening = before->total;
    r.sold = during->sold;
    r.redeemed = during->redeemed;
    r.other = during->other;
    r.closing = r.opening + during->total;
    r.cardsActivated = during->activated;
    r.soldEntries = during->soldEntries;
    r.redemptions = during->redemptions;
    r.otherEntries = during->otherEntries;

    if (PromoLedger::present(m_db)) {
        // Promotional value, apart (never owed). A lot's value left as of `asOf` (a UTC time):
        // the lots made by then, less their draws made by then.
        const auto promoLeft = [this](const QString &asOf, const QString &condition,
                                      const QVariantList &binds) -> Result<Money> {
            auto v = m_db.scalar(
                QStringLiteral("SELECT COALESCE(SUM(x.left_cents), 0) FROM (SELECT l.expires_on, "
                               "l.amount_cents + COALESCE((SELECT SUM(d.amount_cents) FROM "
                               "giftcard_promo d WHERE d.lot_id = l.id AND d.kind IN ('redeem', "
                               "'void', 'replace_out') AND d.created_at < ?), 0) AS left_cents "
                               "FROM giftcard_promo l WHERE l.kind IN ('grant', 'refund', "
                               "'replace_in') AND l.created_at < ?) x WHERE ") +
                    condition,
                QVariantList{asOf, asOf} + binds);
            if (!v)
                return std::unexpected(v.error());
            return Money::fromCents(v->toLongLong());
        };
        const QString notExpiredAfter =
            QStringLiteral("(x.expires_on IS NULL OR x.expires_on > ?)");
        auto opening = promoLeft(start, notExpiredAfter, {from.addDays(-1).toString(Qt::ISODate)});
        auto closing = promoLeft(end, notExpiredAfter, {to.toString(Qt::ISODate)});
        auto expired = promoLeft(end, QStringLiteral("x.expires_on >= ? AND x.expires_on <= ?"),
                                 {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
        auto moved = m_db.row(
            QStringLiteral(
                "SELECT COALESCE(SUM(CASE WHEN kind IN ('grant', 'void') THEN amount_cents "
                "ELSE 0 END), 0), COALESCE(-SUM(CASE WHEN kind IN ('redeem', 'refund') "
                "THEN amount_cents ELSE 0 END), 0) FROM giftcard_promo "
                "WHERE created_at >= ? AND created_at < ?"),
            {start, end});
        for (const auto *figure : {&opening, &closing, &expired})
            if (!*figure)
                return std::unexpected(figure->error());
        if (!moved)
            return std::unexpected(moved.error());
        r.promo.opening = *opening;
        r.promo.closing = *closing;
        r.promo.expired = *expired;
        r.promo.granted = Money::fromCents(moved->value(0).toLongLong());
        r.promo.spent = Money::fromCents(moved->value(1).toLongLong());
    }
    return r;
}

Result<GiftCardLiability> ReportService::giftCardLiability(QDate from, QDate to) const {
    auto totals = giftCardTotals(from, to);
    if (!totals)
        return totals;
    GiftCardLiability &r = *totals;
    const auto [start, end] = utcBounds(from, to);
    const auto cardPromo = cardPromoLeft(m_db, end, to);

    // The cards that moved, each with its balance at the end (its own few activity rows).
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT g.last4, g.created_at, "
            "SUM(CASE WHEN a.kind IN ('activate', 'load') THEN a.amount_cents ELSE 0 END), "
            "SUM(CASE WHEN a.kind = 'redeem' THEN -a.amount_cents ELSE 0 END), "
            "SUM(CASE WHEN a.kind NOT IN ('activate', 'load', 'redeem') THEN a.amount_cents "
            "ELSE 0 END), "
            "(SELECT SUM(b.amount_cents) FROM giftcard_activity b WHERE b.giftcard_id = g.id "
            "AND b.created_at < ?), ") +
            cardPromo.first +
            QStringLiteral("FROM giftcard_activity a JOIN giftcards g ON g.id = a.giftcard_id "
                           "WHERE a.created_at >= ? AND a.created_at < ? GROUP BY g.id, g.last4, "
                           "g.created_at ORDER BY g.created_at, g.id"),
        QVariantList{end} + cardPromo.second + QVariantList{start, end});
    if (!q)
        return std::unexpected(q.error());
    r.cards = giftCardTable(from, to);
    LocalDates issued(StoreSettings(m_db).timeZone());
    while (q->next())
        r.cards.rows.push_back(
            {q->value(0).toString(), issued.of(q->value(1).toString()).toString(Qt::ISODate),
             q->value(2).toLongLong(), q->value(3).toLongLong(), q->value(4).toLongLong(),
             q->value(5).toLongLong(), q->value(6).toLongLong()});
    return r;
}

Result<PackageLiability> ReportService::packageTotals(QDate from, QDate to) const {
    const auto [start, end] = utcBounds(from, to);
    PackageLiability r;
    r.from = from;
    r.to = to;
    // The ledger's amounts: + paid when sold, − the per-session price when a session is used,
    // − what was paid back when the sessions left are refunded.
    auto sums = m_db.row(
        QStringLiteral(
            "SELECT COALESCE(SUM(CASE WHEN created_at < ? THEN amount_cents ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'sell' THEN amount_cents ELSE 0 "
            "END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'sell' THEN 1 ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'sell' THEN sessions ELSE 0 END), "
            "0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'redeem' THEN -amount_cents ELSE "
            "0 END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'redeem' THEN -sessions ELSE 0 "
            "END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'refund' THEN -amount_cents ELSE "
            "0 END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'refund' THEN -sessions ELSE 0 "
            "END), 0), "
            "COALESCE(SUM(sessions), 0) "
            "FROM package_activity WHERE created_at < ?"),
        {start, start, start, start, start, start, start, start, end});
    if (!sums)
        return std::unexpected(sums.error());
    const auto cents = [&](int i) { return Money::fromCents(sums->value(i).toLongLong()); };
    r.opening = cents(0);
    r.sold = cents(1);
    r.soldCount = sums->value(2).toLongLong();
    r.soldSessions = sums->value(3).toLongLong();
    r.recognised = cents(4);
    r.usedSessions = sums->value(5).toLongLong();
    r.refunded = cents(6);
    r.refundedSessions = sums->value(7).toLongLong();
    r.outstandingSessions = sums->value(8).toLongLong();
    r.closing = r.opening + r.sold - r.recognised - r.refunded;
    return r;
}

Result<PackageLiability> ReportService::packages(QDate from, QDate to) const {
    auto totals = packageTotals(from, to);
    if (!totals)
        return totals;
    PackageLiability &r = *totals;
    const auto [start, end] = utcBounds(from, to);
    ReportTable &t = r.packages;
    t.title = oasis::tr("Session packages, %1 (owed at the end)").arg(datesText(from, to));
    t.showTotals = true;
    t.columns = {{QStringLiteral("last4"), oasis::tr("Package"), Kind::Text},
                 {QStringLiteral("package"), oasis::tr("Product"), Kind::Text},
                 {QStringLiteral("sold"), oasis::tr("Sold"), Kind::Text},
                 {QStringLiteral("paid_cents"), oasis::tr("Paid"), Kind::Money},
                 {QStringLiteral("sessions"), oasis::tr("Sessions"), Kind::Count},
                 {QStringLiteral("used"), oasis::tr("Used in range"), Kind::Count},
                 {QStringLiteral("recognised_cents"), oasis::tr("Recognised"), Kind::Money},
                 {QStringLiteral("refunded_cents"), oasis::tr("Refunded"), Kind::Money},
                 {QStringLiteral("left"), oasis::tr("Left at the end"), Kind::Count},
                 {QStringLiteral("owed_cents"), oasis::tr("Owed"), Kind::Money}};
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT k.last4, p.code, k.created_at, k.paid_cents, k.sessions, "
            "COALESCE(SUM(CASE WHEN a.created_at >= ? AND a.kind = 'redeem' THEN -a.sessions "
            "ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN a.created_at >= ? AND a.kind = 'redeem' THEN -a.amount_cents "
            "ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN a.created_at >= ? AND a.kind = 'refund' THEN -a.amount_cents "
            "ELSE 0 END), 0), "
            "COALESCE(SUM(a.sessions), 0), COALESCE(SUM(a.amount_cents), 0), "
            "COALESCE(SUM(CASE WHEN a.created_at >= ? THEN 1 ELSE 0 END), 0) "
            "FROM packages k JOIN package_products p ON p.id = k.product_id "
            "JOIN package_activity a ON a.package_id = k.id AND a.created_at < ? "
            "WHERE k.created_at < ? GROUP BY k.id, k.last4, p.code, k.created_at, k.paid_cents, "
            "k.sessions ORDER BY k.created_at, k.id"),
        {start, start, start, start, end, end});
    if (!q)
        return std::unexpected(q.error());
    LocalDates local(StoreSettings(m_db).timeZone());
    while (q->next()) {
        const qint64 left = q->value(8).toLongLong();
        const qint64 owed = q->value(9).toLongLong();
        // In the table: what moved in the range, and what is still owed at its end.
        if (q->value(10).toLongLong() == 0 && left == 0)
            continue;
        t.rows.push_back({q->value(0).toString(), q->value(1).toString(),
                          local.of(q->value(2).toString()).toString(Qt::ISODate),
                          q->value(3).toLongLong(), q->value(4).toLongLong(),
                          q->value(5).toLongLong(), q->value(6).toLongLong(),
                          q->value(7).toLongLong(), left, owed});
    }
    return r;
}

Result<VoucherLiability> ReportService::voucherTotals(QDate from, QDate to) const {
    const auto [start, end] = utcBounds(from, to);
    VoucherLiability r;
    r.from = from;
    r.to = to;
    auto sums = m_db.row(
        QStringLiteral(
            "SELECT COALESCE(SUM(CASE WHEN created_at < ? THEN amount_cents ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'sell' THEN amount_cents ELSE 0 "
            "END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'sell' THEN 1 ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'redeem' THEN -amount_cents ELSE "
            "0 END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'redeem' THEN covered_cents ELSE "
            "0 END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'redeem' THEN 1 ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'void' THEN -amount_cents ELSE 0 "
            "END), 0), "
            "COALESCE(SUM(CASE WHEN created_at >= ? AND kind = 'void' THEN 1 ELSE 0 END), 0), "
            // Not redeemed or voided at the end: each voucher's sale row less the row that
            // ended it (a voucher ends once).
            "COALESCE(SUM(CASE WHEN kind = 'sell' THEN 1 ELSE -1 END), 0) "
            "FROM voucher_activity WHERE created_at < ?"),
        {start, start, start, start, start, start, start, start, end});
    if (!sums)
        return std::unexpected(sums.error());
    const auto cents = [&](int i) { return Money::fromCents(sums->value(i).toLongLong()); };
    r.opening = cents(0);
    r.sold = cents(1);
    r.soldCount = sums->value(2).toLongLong();
    r.redeemed = cents(3);
    r.covered = cents(4);
    r.redeemedCount = sums->value(5).toLongLong();
    r.voided = cents(6);
    r.voidedCount = sums->value(7).toLongLong();
    r.outstandingCount = sums->value(8).toLongLong();
    r.closing = r.opening + r.sold - r.redeemed - r.voided;
    return r;
}

Result<VoucherLiability> ReportService::vouchers(QDate from, QDate to) const {
    auto totals = voucherTotals(from, to);
    if (!totals)
        return totals;
    VoucherLiability &r = *totals;
    const auto [start, end] = utcBounds(from, to);
    ReportTable &t = r.vouchers;
    t.title = oasis::tr("Service vouchers, %1 (owed at the end)").arg(datesText(from, to));
    t.showTotals = true;
    t.columns = {{QStringLiteral("last4"), oasis::tr("Voucher"), Kind::Text},
                 {QStringLiteral("session"), oasis::tr("Session"), Kind::Text},
                 {QStringLiteral("sold"), oasis::tr("Sold"), Kind::Text},
                 {QStringLiteral("paid_cents"), oasis::tr("Paid"), Kind::Money},
                 {QStringLiteral("status"), oasis::tr("At the end"), Kind::Text},
                 {QStringLiteral("ended"), oasis::tr("Redeemed or refunded"), Kind::Text},
                 {QStringLiteral("covered_cents"), oasis::tr("Covered"), Kind::Money},
                 {QStringLiteral("owed_cents"), oasis::tr("Owed"), Kind::Money}};
    // Each voucher sold before the end, with how it ended (if it did by then).
    auto q = m_db.exec(
        QStringLiteral("SELECT v.last4, i.code, v.created_at, v.paid_cents, e.kind, e.created_at, "
                       "COALESCE(e.covered_cents, 0) FROM vouchers v JOIN items i ON i.id = "
                       "v.item_id LEFT JOIN voucher_activity e ON e.voucher_id = v.id AND e.kind "
                       "IN ('redeem', 'void') AND e.created_at < ? WHERE v.created_at < ? "
                       "ORDER BY v.created_at, v.id"),
        {end, end});
    if (!q)
        return std::unexpected(q.error());
    LocalDates local(StoreSettings(m_db).timeZone());
    while (q->next()) {
        const QString soldAt = q->value(2).toString();
        const QString ended = q->value(4).toString();
        const QString endedAt = q->value(5).toString();
        const qint64 paid = q->value(3).toLongLong();
        const bool owed = ended.isEmpty();
        // In the table: what moved in the range, and what is still owed at its end.
        if (!owed && soldAt < start && endedAt < start)
            continue;
        const QString status = owed                               ? oasis::tr("owed")
                               : ended == QLatin1String("redeem") ? oasis::tr("redeemed")
                                                                  : oasis::tr("refunded");
        t.rows.push_back({q->value(0).toString(), q->value(1).toString(),
                          local.of(soldAt).toString(Qt::ISODate), paid, status,
                          owed ? QString() : local.of(endedAt).toString(Qt::ISODate),
                          q->value(6).toLongLong(), owed ? paid : qint64(0)});
    }
    return r;
}

Result<PrepaidLiability> ReportService::prepaid(QDate from, QDate to) const {
    // Each kind's figures are its own report's (the same *Totals call), put side by side.
    auto cards = giftCardTotals(from, to);
    if (!cards)
        return std::unexpected(cards.error());
    auto vouchers = voucherTotals(from, to);
    if (!vouchers)
        return std::unexpected(vouchers.error());
    auto packages = packageTotals(from, to);
    if (!packages)
        return std::unexpected(packages.error());
    // The one figure no kind's report has: how many cards owe paid value at the end.
    const QString end = utcBounds(from, to).second;
    auto owing = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM (SELECT giftcard_id FROM giftcard_activity WHERE "
                       "created_at < ? GROUP BY giftcard_id HAVING SUM(amount_cents) > 0) x"),
        {end});
    if (!owing)
        return std::unexpected(owing.error());

    PrepaidLiability r;
    r.from = from;
    r.to = to;
    PrepaidKind card;
    card.kind = QStringLiteral("giftcard");
    card.opening = cards->opening;
    card.sold = cards->sold;
    card.redeemed = cards->redeemed;
    card.other = cards->other;
    card.closing = cards->closing;
    card.soldCount = cards->soldEntries;
    card.redeemedCount = cards->redemptions;
    card.otherCount = cards->otherEntries;
    card.outstandingCount = owing->toLongLong();

    PrepaidKind voucher;
    voucher.kind = QStringLiteral("voucher");
    voucher.opening = vouchers->opening;
    voucher.sold = vouchers->sold;
    voucher.redeemed = vouchers->redeemed;
    voucher.other = -vouchers->voided;
    voucher.closing = vouchers->closing;
    voucher.recognised = vouchers->redeemed; // what was paid for them, released when redeemed
    voucher.soldCount = vouchers->soldCount;
    voucher.redeemedCount = vouchers->redeemedCount;
    voucher.otherCount = vouchers->voidedCount;
    voucher.outstandingCount = vouchers->outstandingCount;

    PrepaidKind package;
    package.kind = QStringLiteral("package");
    package.opening = packages->opening;
    package.sold = packages->sold;
    package.redeemed = packages->recognised;
    package.other = -packages->refunded;
    package.closing = packages->closing;
    package.recognised = packages->recognised; // the per-session prices of the sessions used
    package.soldCount = packages->soldSessions;
    package.redeemedCount = packages->usedSessions;
    package.otherCount = packages->refundedSessions;
    package.outstandingCount = packages->outstandingSessions;

    r.kinds = {card, voucher, package};
    r.total.kind = QStringLiteral("total");
    for (const PrepaidKind &k : r.kinds) {
        r.total.opening += k.opening;
        r.total.sold += k.sold;
        r.total.redeemed += k.redeemed;
        r.total.other += k.other;
        r.total.closing += k.closing;
        r.total.recognised += k.recognised;
    }
    r.recognised = r.total.recognised;
    r.promoOutstanding = cards->promo.closing;

    ReportTable &t = r.table;
    t.title = oasis::tr("Prepaid: what the spa owes, %1").arg(datesText(from, to));
    t.showTotals = true;
    t.columns = {{QStringLiteral("kind"), oasis::tr("Prepaid"), Kind::Text},
                 {QStringLiteral("opening_cents"), oasis::tr("Owed at the start"), Kind::Money},
                 {QStringLiteral("sold_cents"), oasis::tr("Sold"), Kind::Money},
                 {QStringLiteral("redeemed_cents"), oasis::tr("Redeemed"), Kind::Money},
                 {QStringLiteral("other_cents"), oasis::tr("Refunds and other"), Kind::Money},
                 {QStringLiteral("closing_cents"), oasis::tr("Owed at the end"), Kind::Money},
                 {QStringLiteral("recognised_cents"), oasis::tr("Revenue recognised"), Kind::Money},
                 // Counts are in each kind's own unit: not summed.
                 {QStringLiteral("sold"), oasis::tr("Sold (n)"), Kind::Count, false},
                 {QStringLiteral("redeemed"), oasis::tr("Redeemed (n)"), Kind::Count, false},
                 {QStringLiteral("other"), oasis::tr("Other (n)"), Kind::Count, false},
                 {QStringLiteral("outstanding"), oasis::tr("Outstanding (n)"), Kind::Count, false}};
    const QString names[] = {oasis::tr("Gift cards (paid value)"), oasis::tr("Service vouchers"),
                             oasis::tr("Session packages")};
    for (std::size_t i = 0; i < r.kinds.size(); ++i) {
        const PrepaidKind &k = r.kinds[i];
        t.rows.push_back({names[i], k.opening.cents(), k.sold.cents(), k.redeemed.cents(),
                          k.other.cents(), k.closing.cents(), k.recognised.cents(), k.soldCount,
                          k.redeemedCount, k.otherCount, k.outstandingCount});
    }
    return r;
}

Result<ReportTable> ReportService::inventory() const {
    auto q = m_db.exec(QStringLiteral(
        "SELECT i.code, i.name, COALESCE(c.name, ''), COALESCE(l.on_hand, 0), i.cost_cents, "
        "CASE WHEN COALESCE(l.on_hand, 0) > 0 THEN l.on_hand * i.cost_cents ELSE 0 END "
        "FROM items i LEFT JOIN stock_levels l ON l.item_id = i.id "
        "LEFT JOIN categories c ON c.id = i.category_id WHERE i.type = 'product' "
        "ORDER BY 3, 1"));
    if (!q)
        return std::unexpected(q.error());
    ReportTable t;
    t.title = oasis::tr("Inventory at cost");
    t.showTotals = true;
    t.columns = {{QStringLiteral("code"), oasis::tr("Code"), Kind::Text},
                 {QStringLiteral("name"), oasis::tr("Product"), Kind::Text},
                 {QStringLiteral("category"), oasis::tr("Category"), Kind::Text},
                 {QStringLiteral("on_hand"), oasis::tr("On hand"), Kind::Count},
                 {QStringLiteral("cost_cents"), oasis::tr("Unit cost"), Kind::Money, false},
                 {QStringLiteral("value_cents"), oasis::tr("Value at cost"), Kind::Money}};
    while (q->next())
        t.rows.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                          q->value(3).toLongLong(), q->value(4).toLongLong(),
                          q->value(5).toLongLong()});
    return t;
}

Result<std::vector<std::pair<QDate, Money>>> ReportService::salesPerDay(QDate from,
                                                                        QDate to) const {
    auto q = m_db.exec(QStringLiteral("SELECT s.business_date, SUM(%1) FROM sales s WHERE ")
                               .arg(signedForSale("s.total_cents")) +
                           kDateRange + QStringLiteral(" GROUP BY s.business_date"),
                       dateBinds(from, to));
    if (!q)
        return std::unexpected(q.error());
    std::map<QDate, Money> byDay;
    while (q->next())
        byDay[QDate::fromString(q->value(0).toString(), Qt::ISODate)] = cents(q->value(1));
    std::vector<std::pair<QDate, Money>> days;
    for (QDate d = from; d <= to && days.size() < 3700; d = d.addDays(1))
        days.emplace_back(d, byDay.count(d) ? byDay[d] : Money());
    return days;
}

Result<std::array<Money, 24>> ReportService::salesPerHour(QDate from, QDate to) const {
    // Grouped by the UTC hour in SQL (portable substr), then moved to the store's hour here.
    auto q = m_db.exec(QStringLiteral("SELECT substr(s.created_at, 1, 13), SUM(%1) FROM sales s "
                                      "WHERE ")
                               .arg(signedForSale("s.total_cents")) +
                           kDateRange + QStringLiteral(" GROUP BY substr(s.created_at, 1, 13)"),
                       dateBinds(from, to));
    if (!q)
        return std::unexpected(q.error());
    const QTimeZone zone = StoreSettings(m_db).timeZone();
    std::array<Money, 24> hours{};
    while (q->next()) {
        QDateTime utc =
            QDateTime::fromString(q->value(0).toString() + QStringLiteral(":00:00Z"), Qt::ISODate);
        if (!utc.isValid())
            continue;
        hours[std::size_t(utc.toTimeZone(zone).time().hour())] += cents(q->value(1));
    }
    return hours;
}

Result<std::vector<std::pair<QString, qint64>>>
ReportService::sessionsPerTherapist(QDate from, QDate to) const {
    auto b = rangeBreakdowns(m_db, from, to);
    if (!b)
        return std::unexpected(b.error());
    std::vector<std::pair<QString, qint64>> all;
    for (const ReportLine &l : b->byTherapist)
        all.emplace_back(l.name, l.quantity);
    return all;
}

// --- the reports a person reads --------------------------------------------------------------

Result<ReportTable> ReportService::salesBy(SalesBy by, QDate from, QDate to) const {
    ReportTable t;
    t.showTotals = true;
    const QString dates = datesText(from, to);
    const ReportTable::Column sold{QStringLiteral("quantity"), oasis::tr("Sold"), Kind::Count};
    const ReportTable::Column net{QStringLiteral("net_sales_cents"), oasis::tr("Net sales"),
                                  Kind::Money};
    const ReportTable::Column tax{QStringLiteral("sales_tax_cents"), oasis::tr("Sales tax"),
                                  Kind::Money};
    if (by == SalesBy::Item)
        return salesByItem(from, to);
    auto b = rangeBreakdowns(m_db, from, to);
    if (!b)
        return std::unexpected(b.error());
    if (by == SalesBy::Category) {
        t.title = oasis::tr("Sales by category, %1").arg(dates);
        t.columns = {
            {QStringLiteral("category"), oasis::tr("Category"), Kind::Text}, sold, net, tax};
        for (const ReportLine &l : b->byCategory)
            t.rows.push_back({l.name.isEmpty() ? oasis::tr("No category") : l.name, l.quantity,
                              l.net.cents(), l.tax.cents()});
    } else if (by == SalesBy::Staff) {
        // Gift cards a cashier sold are money taken in, not sales: a column of their own.
        t.title = oasis::tr("Sales by staff member, %1").arg(dates);
        t.columns = {
            {QStringLiteral("staff"), oasis::tr("Staff member"), Kind::Text},
            sold,
            net,
            tax,
            {QStringLiteral("giftcards_sold_cents"), oasis::tr("Gift cards sold"), Kind::Money}};
        PersonRows rows;
        for (const ReportLine &l : b->byStaff) {
            QVariantList &row = rows.at(l, 4);
            row[1] = l.quantity;
            row[2] = l.net.cents();
            row[3] = l.tax.cents();
        }
        for (const ReportLine &l : b->giftCardsByStaff)
            rows.at(l, 4)[4] = l.net.cents();
        rows.moveTo(t);
    } else {
        // Tips are the therapist's, not the store's sales: beside their sessions.
        t.title = oasis::tr("Sales by therapist, %1").arg(dates);
        t.columns = {
            {QStringLiteral("therapist"), oasis::tr("Therapist"), Kind::Text},
            {QStringLiteral("sessions"), oasis::tr("Sessions"), Kind::Count},
            {QStringLiteral("service_sales_cents"), oasis::tr("Service sales"), Kind::Money},
            {QStringLiteral("tip_cents"), oasis::tr("Tips"), Kind::Money}};
        PersonRows rows;
        for (const ReportLine &l : b->byTherapist) {
            QVariantList &row = rows.at(l, 3);
            row[1] = l.quantity;
            row[2] = l.net.cents();
        }
        for (const ReportLine &l : b->tips)
            rows.at(l, 3)[3] = l.net.cents();
        rows.moveTo(t);
    }
    dropEmptyRows(t);
    return t;
}

Result<ReportTable> ReportService::commission(QDate from, QDate to) const {
    auto names = loadNames(m_db);
    if (!names)
        return std::unexpected(names.error());
    auto rates = CommissionService(m_db).rates();
    if (!rates)
        return std::unexpected(rates.error());
    auto b = rangeBreakdowns(m_db, from, to); // the tips
    if (!b)
        return std::unexpected(b.error());
    auto q = m_db.exec(QStringLiteral("SELECT l.therapist_id, l.code, SUM(%1), SUM(%2) "
                                      "FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE ")
                               .arg(signedForSale("l.quantity"), signedForSale("l.net_cents")) +
                           kDateRange +
                           QStringLiteral(" AND l.kind = 'session' AND l.therapist_id IS NOT "
                                          "NULL GROUP BY l.therapist_id, l.code"),
                       dateBinds(from, to));
    if (!q)
        return std::unexpected(q.error());
    struct Earned {
        QString name;
        qint64 sessions = 0;
        Money sales, commission, tips;
        std::set<qint64> rates; ///< the rates applied (-1: sales with no rate)
    };
    std::map<QString, Earned> byLogin;
    const auto person = [&](qint64 id) -> std::pair<QString, QString> {
        auto it = names->staff.find(id);
        return it != names->staff.end() ? it->second : std::pair{QString::number(id), QString()};
    };
    while (q->next()) {
        const auto [login, display] = person(q->value(0).toLongLong());
        Earned &e = byLogin[login];
        e.name = display.isEmpty() ? login : display;
        e.sessions += q->value(2).toLongLong();
        const Money net = cents(q->value(3));
        e.sales += net;
        const auto rate = rates->rateFor(login, q->value(1).toString());
        if (rate)
            e.commission += net.timesPpm(*rate);
        e.rates.insert(rate.value_or(-1));
    }
    for (const ReportLine &l : b->tips) {
        Earned &e = byLogin[l.key];
        e.name = personName(l);
        e.tips += l.net;
    }
    ReportTable t;
    t.showTotals = true;
    t.title = oasis::tr("Therapist commission, %1").arg(datesText(from, to));
    t.columns = {{QStringLiteral("therapist"), oasis::tr("Therapist"), Kind::Text},
                 {QStringLiteral("sessions"), oasis::tr("Sessions"), Kind::Count},
                 {QStringLiteral("service_sales_cents"), oasis::tr("Service sales"), Kind::Money},
                 {QStringLiteral("rate"), oasis::tr("Rate"), Kind::Text},
                 {QStringLiteral("commission_cents"), oasis::tr("Commission"), Kind::Money},
                 {QStringLiteral("tip_cents"), oasis::tr("Tips"), Kind::Money},
                 {QStringLiteral("earned_cents"), oasis::tr("Commission and tips"), Kind::Money}};
    for (auto &[login, e] : byLogin) {
        QString rate;
        if (e.rates.size() > 1)
            rate = oasis::tr("by service");
        else if (e.rates.size() == 1 && *e.rates.begin() >= 0)
            rate = percentText(*e.rates.begin()) + u'%';
        else if (e.rates.size() == 1)
            rate = oasis::tr("none set");
        t.rows.push_back({e.name, e.sessions, e.sales.cents(), rate, e.commission.cents(),
                          e.tips.cents(), (e.commission + e.tips).cents()});
    }
    dropEmptyRows(t);
    std::stable_sort(t.rows.begin(), t.rows.end(),
                     [](const QVariantList &x, const QVariantList &y) {
                         return x[0].toString().localeAwareCompare(y[0].toString()) < 0;
                     });
    return t;
}

Result<ReportTable> ReportService::useTax(QDate from, QDate to) const {
    auto taxes = StoreSettings(m_db).taxTable();
    if (!taxes)
        return std::unexpected(taxes.error());
    const auto [start, end] = utcBounds(from, to);
    // The partial index stock_movements_own_use keeps this to the few rows it reads.
    auto q =
        m_db.exec(QStringLiteral("SELECT m.created_at, i.code, i.name, m.reason, m.quantity, "
                                 "m.unit_cost_cents, i.tax_class FROM stock_movements m "
                                 "JOIN items i ON i.id = m.item_id WHERE m.reason IN ('tester', "
                                 "'treatment') AND m.created_at >= ? AND m.created_at < ? "
                                 "ORDER BY m.created_at, m.id"),
                  {start, end});
    if (!q)
        return std::unexpected(q.error());
    ReportTable t;
    t.showTotals = true;
    t.title =
        oasis::tr("Use tax on stock used in treatments and testers, %1").arg(datesText(from, to));
    t.columns = {{QStringLiteral("date"), oasis::tr("Date"), Kind::Text},
                 {QStringLiteral("code"), oasis::tr("Code"), Kind::Text},
                 {QStringLiteral("item"), oasis::tr("Item"), Kind::Text},
                 {QStringLiteral("used_for"), oasis::tr("Used for"), Kind::Text},
                 {QStringLiteral("quantity"), oasis::tr("Quantity"), Kind::Count},
                 {QStringLiteral("cost_cents"), oasis::tr("Cost"), Kind::Money},
                 {QStringLiteral("rate_ppm"), oasis::tr("Tax rate"), Kind::Percent},
                 {QStringLiteral("use_tax_cents"), oasis::tr("Use tax"), Kind::Money}};
    // One row per day, product and use (the rate is the day's, the cost as recorded).
    LocalDates day(StoreSettings(m_db).timeZone());
    std::map<std::tuple<QDate, QString, QString>, QVariantList> rows;
    while (q->next()) {
        const QDate used = day.of(q->value(0).toString());
        const QString reason = q->value(3).toString();
        const qint64 quantity = -q->value(4).toLongLong(); // taken off the shelf: negative
        const Money cost = cents(q->value(5)) * quantity;
        const auto cls = taxClassFromName(q->value(6).toString());
        const qint64 ppm = cls ? taxes->ppmOn(*cls, used) : 0;
        QVariantList &row = rows[{used, q->value(1).toString(), reason}];
        if (row.isEmpty())
            row = {used.toString(Qt::ISODate),
                   q->value(1).toString(),
                   q->value(2).toString(),
                   reason == QLatin1String("tester") ? oasis::tr("Tester") : oasis::tr("Treatment"),
                   qint64(0),
                   qint64(0),
                   ppm,
                   qint64(0)};
        row[4] = row[4].toLongLong() + quantity;
        row[5] = row[5].toLongLong() + cost.cents();
    }
    for (auto &[key, row] : rows) {
        row[7] = Money::fromCents(row[5].toLongLong()).timesPpm(row[6].toLongLong()).cents();
        t.rows.push_back(std::move(row));
    }
    return t;
}

Result<GiftCardAging> ReportService::giftCardAging(QDate asOf) const {
    const QString end = utcBounds(asOf, asOf).second;
    // Each card's balance and last activity from its own ledger rows, then the cards owed.
    auto q = m_db.exec(QStringLiteral("SELECT g.last4, g.created_at, x.balance, x.last FROM "
                                      "(SELECT giftcard_id, SUM(amount_cents) AS balance, "
                                      "MAX(created_at) AS last FROM giftcard_activity "
                                      "WHERE created_at < ? GROUP BY giftcard_id "
                                      "HAVING SUM(amount_cents) > 0) x "
                                      "JOIN giftcards g ON g.id = x.giftcard_id "
                                      "ORDER BY x.last, g.id"),
                       {end});
    if (!q)
        return std::unexpected(q.error());
    GiftCardAging r;
    r.asOf = asOf;
    r.cards.showTotals = true;
    r.cards.title = oasis::tr("Gift cards with no activity for 12 months or more, as of %1")
                        .arg(datesText(asOf, asOf));
    r.cards.columns = {
        {QStringLiteral("last4"), oasis::tr("Card"), Kind::Text},
        {QStringLiteral("issued"), oasis::tr("Issued"), Kind::Text},
        {QStringLiteral("last_activity"), oasis::tr("Last activity"), Kind::Text},
        {QStringLiteral("months_idle"), oasis::tr("Months idle"), Kind::Count, false},
        {QStringLiteral("idle"), oasis::tr("Idle"), Kind::Text},
        {QStringLiteral("balance_cents"), oasis::tr("Balance"), Kind::Money}};
    LocalDates day(StoreSettings(m_db).timeZone());
    while (q->next()) {
        const Money balance = cents(q->value(2));
        const QDate last = day.of(q->value(3).toString());
        r.outstanding += balance;
        // Whole months from the last activity to asOf.
        int months = (asOf.year() - last.year()) * 12 + asOf.month() - last.month();
        if (asOf.day() < last.day())
            --months;
        QString bucket;
        if (months >= 36) {
            r.over36 += balance;
            ++r.cardsOver36;
            bucket = oasis::tr("36 months or more");
        } else if (months >= 24) {
            r.months24to36 += balance;
            ++r.cards24to36;
            bucket = oasis::tr("24 to 36 months");
        } else if (months >= 12) {
            r.months12to24 += balance;
            ++r.cards12to24;
            bucket = oasis::tr("12 to 24 months");
        } else {
            r.recent += balance;
            continue;
        }
        r.cards.rows.push_back(
            {q->value(0).toString(), day.of(q->value(1).toString()).toString(Qt::ISODate),
             last.toString(Qt::ISODate), qint64(months), bucket, balance.cents()});
    }
    return r;
}

} // namespace oasis
