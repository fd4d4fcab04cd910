// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/catalog.h"

#include "core/domain/clock.h"
#include "core/domain/csv.h"
#include "core/domain/text.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>

namespace oasis {

namespace {
const QString kSelect = QStringLiteral(
    "SELECT i.id, i.type, i.code, i.name, COALESCE(c.name, ''), i.size, i.price_cents, "
    "i.cost_cents, i.tax_class, i.paraben_free, i.reorder_point, i.modality, i.minutes, i.active "
    "FROM items i LEFT JOIN categories c ON c.id = i.category_id ");

CatalogItem fromRow(const Rows &q) {
    CatalogItem it;
    it.id = q.value(0).toLongLong();
    it.type =
        q.value(1).toString() == QLatin1String("session") ? ItemType::Session : ItemType::Product;
    it.code = q.value(2).toString();
    it.name = q.value(3).toString();
    it.category = q.value(4).toString();
    it.size = q.value(5).toString();
    it.price = Money::fromCents(q.value(6).toLongLong());
    it.cost = Money::fromCents(q.value(7).toLongLong());
    it.taxClass = taxClassFromName(q.value(8).toString()).value_or(TaxClass::Retail);
    it.parabenFree = q.value(9).toBool();
    it.reorderPoint = q.value(10).toInt();
    it.modality = q.value(11).toString();
    it.minutes = q.value(12).toInt();
    it.active = q.value(13).toBool();
    return it;
}

QString typeName(ItemType t) {
    return t == ItemType::Session ? QStringLiteral("session") : QStringLiteral("product");
}

QString normalizedCode(const QString &code) {
    return code.trimmed().toUpper();
}
} // namespace

QStringList catalogCsvColumns() {
    return {QStringLiteral("type"),          QStringLiteral("code"),
            QStringLiteral("barcode"),       QStringLiteral("name"),
            QStringLiteral("category"),      QStringLiteral("size"),
            QStringLiteral("price"),         QStringLiteral("cost"),
            QStringLiteral("tax_class"),     QStringLiteral("paraben_free"),
            QStringLiteral("reorder_point"), QStringLiteral("modality"),
            QStringLiteral("minutes")};
}

Status CatalogService::validate(const CatalogItem &item) {
    static const QRegularExpression codeRe(QStringLiteral("^[A-Z0-9][A-Z0-9._-]{0,31}$"));
    static const QRegularExpression barcodeRe(QStringLiteral("^[0-9]{6,14}$"));
    // Lengths and control characters first, so no message below quotes megabytes back.
    const bool session = item.isSession();
    const std::tuple<QString, const QString &, int> texts[] = {
        {oasis::tr("code"), item.code, textlimit::kShort},
        {session ? oasis::tr("session name") : oasis::tr("product name"), item.name,
         textlimit::kName},
        {oasis::tr("category"), item.category, textlimit::kName},
        {oasis::tr("size"), item.size, textlimit::kShort},
        {oasis::tr("modality"), item.modality, textlimit::kShort},
    };
    for (const auto &[field, value, limit] : texts)
        if (auto ok = checkText(field, value, limit); !ok)
            return ok;
    for (const QString &b : item.barcodes)
        if (auto ok = checkText(oasis::tr("barcode"), b, textlimit::kShort); !ok)
            return ok;
    if (!codeRe.match(normalizedCode(item.code)).hasMatch())
        return fail(
            ErrorCode::Invalid,
            oasis::tr("code \"%1\" must be 1-32 letters, digits, '.', '_' or '-'").arg(item.code));
    if (item.name.trimmed().isEmpty())
        return fail(ErrorCode::Invalid, oasis::tr("the name is empty"));
    if (item.price.isNegative() || item.cost.isNegative())
        return fail(ErrorCode::Invalid, oasis::tr("price and cost cannot be negative"));
    if (item.price > Money::defaultLimit())
        return fail(ErrorCode::Invalid, oasis::tr("the price is above the store limit"));
    if (item.taxClass != TaxClass::Retail && item.taxClass != TaxClass::Service)
        return fail(ErrorCode::Invalid, oasis::tr("tax_class must be retail or service"));
    if (item.reorderPoint < 0)
        return fail(ErrorCode::Invalid, oasis::tr("reorder_point cannot be negative"));
    for (const QString &b : item.barcodes) {
        if (!barcodeRe.match(b).hasMatch())
            return fail(ErrorCode::Invalid,
                        oasis::tr("barcode \"%1\" must be 6 to 14 digits").arg(b));
        if (b.size() == 13 && !isValidEan13(b))
            return fail(ErrorCode::Invalid,
                        oasis::tr("barcode \"%1\" has a wrong EAN-13 check digit").arg(b));
    }
    if (item.isSession()) {
        if (item.taxClass != TaxClass::Service)
            return fail(ErrorCode::Invalid, oasis::tr("a session's tax_class must be service"));
        if (item.modality.trimmed().isEmpty())
            return fail(ErrorCode::Invalid, oasis::tr("a session needs a modality"));
        if (item.minutes <= 0 || item.minutes > 600)
            return fail(ErrorCode::Invalid, oasis::tr("a session needs minutes between 1 and 600"));
    } else if (item.minutes != 0 || !item.modality.isEmpty()) {
        return fail(ErrorCode::Invalid, oasis::tr("modality and minutes are for sessions only"));
    }
    return {};
}

Result<std::vector<CatalogItem>> CatalogService::list(bool includeInactive) const {
    auto q =
        m_db.exec(kSelect + (includeInactive ? QString() : QStringLiteral("WHERE i.active = 1 ")) +
                  QStringLiteral("ORDER BY i.id"));
    if (!q)
        return std::unexpected(q.error());
    std::vector<CatalogItem> items;
    QHash<qint64, std::size_t> index;
    while (q->next()) {
        index.insert(q->value(0).toLongLong(), items.size());
        items.push_back(fromRow(*q));
    }
    auto b = m_db.exec(QStringLiteral("SELECT item_id, barcode FROM item_barcodes ORDER BY ") +
                       m_db.driver().insertionOrder());
    if (!b)
        return std::unexpected(b.error());
    while (b->next()) {
        auto it = index.constFind(b->value(0).toLongLong());
        if (it != index.cend())
            items[*it].barcodes << b->value(1).toString();
    }
    return items;
}

Result<std::vector<CatalogItem>> CatalogService::sessions() const {
    auto q = m_db.exec(kSelect + QStringLiteral("WHERE i.type = 'session' AND i.active = 1 "
                                                "ORDER BY i.sort_order, i.id"));
    if (!q)
        return std::unexpected(q.error());
    std::vector<CatalogItem> items;
    while (q->next())
        items.push_back(fromRow(*q));
    return items;
}

namespace {

/// The item the first row of `q` holds, with its barcodes (in the order they were added).
Result<CatalogItem> itemWithBarcodes(const Database &db, Rows &q) {
    CatalogItem item = fromRow(q);
    auto b =
        db.exec(QStringLiteral("SELECT barcode FROM item_barcodes WHERE item_id = ? ORDER BY ") +
                    db.driver().insertionOrder(),
                {item.id});
    if (!b)
        return std::unexpected(b.error());
    while (b->next())
        item.barcodes << b->value(0).toString();
    return item;
}

} // namespace

Result<CatalogItem> CatalogService::byId(qint64 id) const {
    auto q = m_db.exec(kSelect + QStringLiteral("WHERE i.id = ?"), {id});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, oasis::tr("There is no catalog item number %1.").arg(id));
    return itemWithBarcodes(m_db, *q);
}

Result<std::vector<CatalogItem>> CatalogService::byIds(const std::vector<qint64> &ids) const {
    if (ids.empty())
        return std::vector<CatalogItem>();
    QVariantList binds;
    for (qint64 id : ids)
        binds << id;
    const QString in = QStringList(binds.size(), QStringLiteral("?")).join(QLatin1String(", "));
    auto q = m_db.exec(kSelect + QStringLiteral("WHERE i.id IN (%1)").arg(in), binds);
    if (!q)
        return std::unexpected(q.error());
    QHash<qint64, CatalogItem> found;
    while (q->next()) {
        CatalogItem item = fromRow(*q);
        found.insert(item.id, std::move(item));
    }
    auto b = m_db.exec(QStringLiteral("SELECT item_id, barcode FROM item_barcodes WHERE item_id "
                                      "IN (%1) ORDER BY ")
                               .arg(in) +
                           m_db.driver().insertionOrder(),
                       binds);
    if (!b)
        return std::unexpected(b.error());
    while (b->next())
        if (auto it = found.find(b->value(0).toLongLong()); it != found.end())
            it->barcodes << b->value(1).toString();
    std::vector<CatalogItem> items;
    for (qint64 id : ids)
        if (auto it = found.constFind(id); it != found.cend())
            items.push_back(*it);
    return items;
}

Result<std::optional<CatalogItem>> CatalogService::findByCode(const QString &codeOrBarcode) const {
    const QString code = normalizedCode(codeOrBarcode);
    if (code.isEmpty())
        return std::optional<CatalogItem>();
    // A barcode first, else an item code: one statement for both (a scan is one round trip to
    // a store server, and one more for the item's barcodes).
    auto q = m_db.exec(kSelect + QStringLiteral("WHERE i.id = COALESCE((SELECT item_id FROM "
                                                "item_barcodes WHERE barcode = ?), (SELECT id "
                                                "FROM items WHERE code = ?))"),
                       {code, code});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::optional<CatalogItem>();
    auto item = itemWithBarcodes(m_db, *q);
    if (!item)
        return std::unexpected(item.error());
    return std::optional<CatalogItem>(std::move(*item));
}

Result<std::vector<CatalogItem>> CatalogService::search(const QString &text, int limit) const {
    QString pattern = text.trimmed();
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    pattern = u'%' + pattern + u'%';
    const Driver &d = m_db.driver();
    auto q = m_db.exec(kSelect + QStringLiteral("WHERE i.active = 1 AND (%1 OR %2 OR %3) "
                                                "ORDER BY i.type DESC, i.name LIMIT ?")
                                     .arg(d.likeIgnoringCase(QStringLiteral("i.name")),
                                          d.likeIgnoringCase(QStringLiteral("i.code")),
                                          d.likeIgnoringCase(QStringLiteral("c.name"))),
                       {pattern, pattern, pattern, limit});
    if (!q)
        return std::unexpected(q.error());
    std::vector<CatalogItem> items;
    while (q->next())
        items.push_back(fromRow(*q));
    return items;
}

Result<std::vector<CatalogItem>> CatalogService::bestSellers(int limit) const {
    // Driven from the recent sales (indexed by time) so the cost follows the last 90 days, not
    // the whole history: a join led by sale_lines took seconds on years of sales.
    auto top = m_db.exec(QStringLiteral("SELECT l.item_id, SUM(l.quantity) AS sold FROM sales s "
                                        "%1 sale_lines l ON l.sale_id = s.id "
                                        "WHERE s.created_at >= ? AND s.kind = 'sale' "
                                        "AND l.kind = 'product' GROUP BY l.item_id "
                                        "ORDER BY sold DESC, l.item_id LIMIT ?")
                             .arg(m_db.driver().joinInThisOrder()),
                         {toStorageTime(Clock::nowUtc().addDays(-90)), limit * 2});
    if (!top)
        return std::unexpected(top.error());
    std::vector<qint64> ids;
    while (top->next())
        ids.push_back(top->value(0).toLongLong());
    top->finish();
    auto found = byIds(ids);
    if (!found)
        return found;
    std::vector<CatalogItem> items;
    for (const CatalogItem &item : *found)
        if (item.active && static_cast<int>(items.size()) < limit)
            items.push_back(item);
    // A new store has no sales yet: fill up with products in catalog order (with their barcodes,
    // as the kept list reads them).
    if (static_cast<int>(items.size()) < limit) {
        auto q = m_db.exec(QStringLiteral("SELECT i.id FROM items i WHERE i.active = 1 AND "
                                          "i.type = 'product' ORDER BY i.sort_order, i.id LIMIT ?"),
                           {limit * 2});
        if (!q)
            return std::unexpected(q.error());
        std::vector<qint64> more;
        while (q->next() && static_cast<int>(items.size() + more.size()) < limit) {
            const qint64 id = q->value(0).toLongLong();
            if (std::none_of(items.begin(), items.end(),
                             [id](const CatalogItem &i) { return i.id == id; }))
                more.push_back(id);
        }
        q->finish();
        auto filled = byIds(more);
        if (!filled)
            return filled;
        items.insert(items.end(), filled->begin(), filled->end());
    }
    return items;
}

Result<CatalogService::KeptBestSellers> CatalogService::keptBestSellers(int limit) const {
    // meta 'best_sellers': "YYYY-MM-DD id,id,...", derived data like stock_levels.
    auto kept = m_db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'best_sellers'"));
    if (!kept)
        return std::unexpected(kept.error());
    KeptBestSellers out;
    const QStringList parts = kept->toString().split(QLatin1Char(' '));
    out.day = QDate::fromString(parts.value(0), Qt::ISODate);
    std::vector<qint64> ids;
    for (const QString &id : parts.value(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
        ids.push_back(id.toLongLong());
    auto found = byIds(ids);
    if (!found)
        return std::unexpected(found.error());
    for (const CatalogItem &item : *found)
        if (item.active && static_cast<int>(out.items.size()) < limit)
            out.items.push_back(item);
    return out;
}

Result<std::vector<CatalogItem>> CatalogService::refreshBestSellers(int limit, QDate day) {
    auto best = bestSellers(limit);
    if (!best)
        return best;
    QStringList ids;
    for (const CatalogItem &item : *best)
        ids << QString::number(item.id);
    const QString value = day.toString(Qt::ISODate) + QLatin1Char(' ') + ids.join(QLatin1Char(','));
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok =
            m_db.write(m_db.driver().upsert(QStringLiteral("meta"),
                                            {QStringLiteral("key"), QStringLiteral("value")},
                                            {QStringLiteral("key")}, {QStringLiteral("value")}),
                       {QStringLiteral("best_sellers"), QVariant(value)});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return best;
}

Result<QStringList> CatalogService::categories() const {
    auto q = m_db.exec(QStringLiteral("SELECT name FROM categories ORDER BY name"));
    if (!q)
        return std::unexpected(q.error());
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

Status CatalogService::upsert(const CatalogItem &input, bool *added) {
    CatalogItem item = input;
    item.code = normalizedCode(item.code);
    QVariant categoryId;
    if (!item.category.trimmed().isEmpty()) {
        if (auto ok = m_db.write(m_db.driver().upsert(QStringLiteral("categories"),
                                                      {QStringLiteral("name")},
                                                      {QStringLiteral("name")}, {}),
                                 {item.category.trimmed()});
            !ok)
            return std::unexpected(ok.error());
        auto id = m_db.scalar(QStringLiteral("SELECT id FROM categories WHERE name = ?"),
                              {item.category.trimmed()});
        if (!id)
            return std::unexpected(id.error());
        categoryId = *id;
    }
    auto existing = m_db.scalar(QStringLiteral("SELECT id FROM items WHERE code = ?"), {item.code});
    if (!existing)
        return std::unexpected(existing.error());
    const QVariantList values{typeName(item.type),
                              item.name.trimmed(),
                              categoryId,
                              item.size,
                              item.price.cents(),
                              item.cost.cents(),
                              taxClassName(item.taxClass),
                              item.parabenFree ? 1 : 0,
                              item.reorderPoint,
                              item.modality,
                              item.minutes,
                              item.active ? 1 : 0};
    qint64 id = 0;
    if (existing->isNull()) {
        auto ok = m_db.write(
            QStringLiteral("INSERT INTO items(type, name, category_id, size, price_cents, "
                           "cost_cents, tax_class, paraben_free, reorder_point, modality, "
                           "minutes, active, code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
            values + QVariantList{item.code});
        if (!ok)
            return std::unexpected(ok.error());
        id = ok->insertId;
        *added = true;
    } else {
        id = existing->toLongLong();
        auto ok = m_db.write(
            QStringLiteral("UPDATE items SET type = ?, name = ?, category_id = ?, size = ?, "
                           "price_cents = ?, cost_cents = ?, tax_class = ?, paraben_free = ?, "
                           "reorder_point = ?, modality = ?, minutes = ?, active = ? "
                           "WHERE id = ?"),
            values + QVariantList{id});
        if (!ok)
            return std::unexpected(ok.error());
        *added = false;
    }
    if (auto ok = m_db.write(QStringLiteral("DELETE FROM item_barcodes WHERE item_id = ?"), {id});
        !ok)
        return std::unexpected(ok.error());
    for (const QString &barcode : std::as_const(item.barcodes)) {
        auto owner = m_db.scalar(
            QStringLiteral("SELECT i.code FROM item_barcodes b JOIN items i ON i.id = b.item_id "
                           "WHERE b.barcode = ?"),
            {barcode});
        if (!owner)
            return std::unexpected(owner.error());
        if (!owner->isNull())
            return fail(
                ErrorCode::Conflict,
                oasis::tr("barcode %1 already belongs to %2").arg(barcode, owner->toString()));
        if (auto ok = m_db.write(
                QStringLiteral("INSERT INTO item_barcodes(barcode, item_id) VALUES (?, ?)"),
                {barcode, id});
            !ok)
            return std::unexpected(ok.error());
    }
    return {};
}

Result<CatalogItem> CatalogService::save(const CatalogItem &item, const StaffMember &actor,
                                         const std::optional<StaffMember> &approver) {
    if (auto ok = validate(item); !ok)
        return std::unexpected(ok.error());
    auto tx = beginAuthorized(m_db, Action::Catalog, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    bool added = false;
    if (auto ok = upsert(item, &added); !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            Journal::append(m_db, actorLabel(actor, approver),
                            added ? QStringLiteral("item_added") : QStringLiteral("item_changed"),
                            {{QStringLiteral("code"), normalizedCode(item.code)},
                             {QStringLiteral("price_cents"), item.price.cents()},
                             {QStringLiteral("name"), item.name}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    auto found = findByCode(item.code);
    if (!found)
        return std::unexpected(found.error());
    return **found;
}

Status CatalogService::setActive(const QString &code, bool active, const StaffMember &actor,
                                 const std::optional<StaffMember> &approver) {
    auto found = findByCode(code);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound, oasis::tr("There is no item with code %1.").arg(code));
    CatalogItem item = **found;
    item.active = active;
    auto saved = save(item, actor, approver);
    if (!saved)
        return std::unexpected(saved.error());
    return {};
}

Result<ImportReport> CatalogService::importCsv(const QByteArray &bytes, const StaffMember &actor,
                                               const std::optional<StaffMember> &approver) {
    auto rows = csv::parse(bytes);
    if (!rows)
        return fail(ErrorCode::Invalid,
                    oasis::tr("Nothing was imported. %1").arg(rows.error().message));
    const QStringList columns = catalogCsvColumns();
    if (rows->empty())
        return fail(ErrorCode::Invalid, oasis::tr("Nothing was imported: the file is empty."));
    const csv::Row &header = rows->front();
    if (header.fields != columns)
        return fail(ErrorCode::Invalid,
                    oasis::tr("Nothing was imported: line 1 must be the header %1")
                        .arg(columns.join(u',')));

    QStringList problems;
    std::vector<CatalogItem> items;
    QHash<QString, int> codeLine;
    QHash<QString, int> barcodeLine;
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const csv::Row &row = (*rows)[r];
        auto bad = [&](QString why) {
            if (why.endsWith(u'.'))
                why.chop(1); // the problems are joined into one sentence
            problems << oasis::tr("line %1: %2").arg(row.line).arg(why);
        };
        if (row.fields.size() != columns.size()) {
            bad(oasis::tr("%1 columns instead of %2").arg(row.fields.size()).arg(columns.size()));
            continue;
        }
        const QStringList &f = row.fields;
        CatalogItem item;
        if (f[0] == QLatin1String("product"))
            item.type = ItemType::Product;
        else if (f[0] == QLatin1String("session"))
            item.type = ItemType::Session;
        else {
            bad(oasis::tr("type \"%1\" must be product or session").arg(elidedForMessage(f[0])));
            continue;
        }
        item.code = normalizedCode(f[1]);
        if (!f[2].trimmed().isEmpty())
            item.barcodes = f[2].trimmed().split(u'|');
        item.name = f[3];
        item.category = f[4];
        item.size = f[5];
        auto price = Money::parse(f[6]);
        if (!price) {
            bad(oasis::tr("price: %1").arg(price.error().message));
            continue;
        }
        item.price = *price;
        if (!f[7].trimmed().isEmpty()) {
            auto cost = Money::parse(f[7]);
            if (!cost) {
                bad(oasis::tr("cost: %1").arg(cost.error().message));
                continue;
            }
            item.cost = *cost;
        }
        auto cls = taxClassFromName(f[8]);
        if (!cls || (*cls != TaxClass::Retail && *cls != TaxClass::Service)) {
            bad(oasis::tr("unknown tax_class \"%1\" (retail or service)")
                    .arg(elidedForMessage(f[8])));
            continue;
        }
        item.taxClass = *cls;
        if (f[9] == QLatin1String("yes"))
            item.parabenFree = true;
        else if (f[9] == QLatin1String("no") || f[9].isEmpty())
            item.parabenFree = false;
        else {
            bad(oasis::tr("paraben_free \"%1\" must be yes or no").arg(elidedForMessage(f[9])));
            continue;
        }
        bool okNumber = true;
        item.reorderPoint = f[10].isEmpty() ? 0 : f[10].toInt(&okNumber);
        if (!okNumber) {
            bad(oasis::tr("reorder_point \"%1\" is not a whole number")
                    .arg(elidedForMessage(f[10])));
            continue;
        }
        item.modality = f[11];
        item.minutes = f[12].isEmpty() ? 0 : f[12].toInt(&okNumber);
        if (!okNumber) {
            bad(oasis::tr("minutes \"%1\" is not a whole number").arg(elidedForMessage(f[12])));
            continue;
        }
        if (auto ok = validate(item); !ok) {
            bad(ok.error().message);
            continue;
        }
        if (codeLine.contains(item.code)) {
            bad(oasis::tr("duplicate code %1 (also on line %2)")
                    .arg(item.code)
                    .arg(codeLine[item.code]));
            continue;
        }
        codeLine.insert(item.code, row.line);
        bool dupBarcode = false;
        for (const QString &b : std::as_const(item.barcodes)) {
            if (barcodeLine.contains(b)) {
                bad(oasis::tr("duplicate barcode %1 (also on line %2)").arg(b).arg(barcodeLine[b]));
                dupBarcode = true;
            }
            barcodeLine.insert(b, row.line);
        }
        if (!dupBarcode)
            items.push_back(item);
    }
    if (!problems.isEmpty())
        return fail(
            ErrorCode::Invalid,
            oasis::tr("Nothing was imported: %1.").arg(problems.join(QStringLiteral("; "))));

    auto tx = beginAuthorized(m_db, Action::Catalog, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    ImportReport report;
    for (std::size_t i = 0; i < items.size(); ++i) {
        // Barcodes move freely between items of the same file: clear them all first.
        if (auto ok = m_db.write(QStringLiteral("DELETE FROM item_barcodes WHERE item_id = "
                                                "(SELECT id FROM items WHERE code = ?)"),
                                 {items[i].code});
            !ok)
            return std::unexpected(ok.error());
    }
    for (const CatalogItem &item : items) {
        bool added = false;
        if (auto ok = upsert(item, &added); !ok)
            return fail(ok.error().code, oasis::tr("Nothing was imported: line %1: %2")
                                             .arg(codeLine.value(item.code))
                                             .arg(ok.error().message));
        (added ? report.added : report.updated)++;
    }
    if (auto ok = Journal::append(
            m_db, actorLabel(actor, approver), QStringLiteral("catalog_imported"),
            {{QStringLiteral("added"), report.added}, {QStringLiteral("updated"), report.updated}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return report;
}

Result<QByteArray> CatalogService::exportCsv() const {
    // Active items only: the CSV has no "active" column, and importing a row activates it.
    auto items = list(false);
    if (!items)
        return std::unexpected(items.error());
    QByteArray out = csv::formatRow(catalogCsvColumns());
    for (const CatalogItem &it : *items) {
        out += csv::formatRow({typeName(it.type), it.code, it.barcodes.join(u'|'), it.name,
                               it.category, it.size, it.price.toString(), it.cost.toString(),
                               taxClassName(it.taxClass),
                               it.parabenFree ? QStringLiteral("yes") : QStringLiteral("no"),
                               QString::number(it.reorderPoint), it.modality,
                               it.isSession() ? QString::number(it.minutes) : QString()});
    }
    return out;
}

} // namespace oasis
