// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/inventory.h"

#include "core/domain/clock.h"
#include "core/domain/csv.h"
#include "core/domain/text.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/catalog.h"
#include "core/services/storesettings.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace oasis {

namespace {
// Every query that builds a StockLevel selects these columns in this order.
const char *const kLevelSelect =
    "SELECT i.id, i.code, i.name, COALESCE(c.name, ''), i.size, COALESCE(l.on_hand, 0), "
    "i.reorder_point, i.cost_cents, i.active FROM items i "
    "LEFT JOIN categories c ON c.id = i.category_id "
    "LEFT JOIN stock_levels l ON l.item_id = i.id ";

StockLevel levelFromQuery(const Rows &q) {
    StockLevel s;
    s.itemId = q.value(0).toLongLong();
    s.code = q.value(1).toString();
    s.name = q.value(2).toString();
    s.category = q.value(3).toString();
    s.size = q.value(4).toString();
    s.onHand = q.value(5).toLongLong();
    s.reorderPoint = q.value(6).toInt();
    s.cost = Money::fromCents(q.value(7).toLongLong());
    s.active = q.value(8).toInt() != 0;
    return s;
}

/// Stock levels of the products matching `where` (after kLevelSelect: WHERE ... ORDER BY ...).
Result<std::vector<StockLevel>> levels(const Database &db, const QString &where,
                                       const QVariantList &binds = {}) {
    auto q = db.exec(QString::fromLatin1(kLevelSelect) + where, binds);
    if (!q)
        return std::unexpected(q.error());
    std::vector<StockLevel> out;
    while (q->next())
        out.push_back(levelFromQuery(*q));
    return out;
}

} // namespace

QString adjustReasonName(AdjustReason reason) {
    switch (reason) {
    case AdjustReason::Damaged:
        return QStringLiteral("damaged");
    case AdjustReason::Tester:
        return QStringLiteral("tester");
    case AdjustReason::Treatment:
        return QStringLiteral("treatment");
    case AdjustReason::Adjust:
        return QStringLiteral("adjust");
    }
    return {};
}

std::optional<AdjustReason> adjustReasonFromName(QStringView name) {
    for (AdjustReason r : {AdjustReason::Damaged, AdjustReason::Tester, AdjustReason::Treatment,
                           AdjustReason::Adjust})
        if (name.trimmed().compare(adjustReasonName(r), Qt::CaseInsensitive) == 0)
            return r;
    return std::nullopt;
}

Result<StockLevel> InventoryService::levelById(qint64 itemId) const {
    auto q = m_db.exec(QString::fromLatin1(kLevelSelect) +
                           QStringLiteral("WHERE i.id = ? AND i.type = 'product'"),
                       {itemId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound, oasis::tr("There is no product with id %1.").arg(itemId));
    return levelFromQuery(*q);
}

Result<StockLevel> InventoryService::level(const QString &code) const {
    if (code.trimmed().isEmpty())
        return fail(ErrorCode::Invalid, oasis::tr("No product code was given."));
    auto found = CatalogService(m_db).findByCode(code);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound,
                    oasis::tr("There is no product with code %1.").arg(code.trimmed()));
    if ((*found)->isSession())
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 is a session, not a product: only products have stock.")
                        .arg((*found)->code));
    return levelById((*found)->id);
}

Result<std::vector<StockLevel>> InventoryService::list(bool lowOnly) const {
    return levels(m_db,
                  QStringLiteral("WHERE i.type = 'product' AND i.active = 1 ") +
                      (lowOnly ? QStringLiteral("AND COALESCE(l.on_hand, 0) <= i.reorder_point ")
                               : QString()) +
                      QStringLiteral("ORDER BY i.code"));
}

Result<int> InventoryService::lowStockCount() const {
    auto n = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM items i LEFT JOIN stock_levels l ON l.item_id = i.id "
                       "WHERE i.type = 'product' AND i.active = 1 "
                       "AND COALESCE(l.on_hand, 0) <= i.reorder_point"));
    if (!n)
        return std::unexpected(n.error());
    return n->toInt();
}

Result<StockChange> InventoryService::receive(const ReceiveRequest &request,
                                              const StaffMember &staff) {
    if (request.quantity <= 0)
        return fail(
            ErrorCode::Invalid,
            oasis::tr("The quantity received must be at least 1 (got %1).").arg(request.quantity));
    if (request.quantity > kMaxQuantity)
        return fail(ErrorCode::Invalid,
                    oasis::tr("%1 units in one delivery is more than %2: check the quantity.")
                        .arg(request.quantity)
                        .arg(kMaxQuantity));
    if (request.unitCost && request.unitCost->isNegative())
        return fail(ErrorCode::Invalid, oasis::tr("The unit cost cannot be negative."));
    if (request.unitCost && *request.unitCost > Money::defaultLimit())
        return fail(ErrorCode::Invalid, oasis::tr("The unit cost is above the store limit."));
    if (request.expires && !request.expires->isValid())
        return fail(ErrorCode::Invalid, oasis::tr("The best-before date is not a valid date."));
    for (const auto &[what, text] : {std::pair{oasis::tr("supplier"), request.supplier},
                                     std::pair{oasis::tr("lot"), request.lot},
                                     std::pair{oasis::tr("reference"), request.reference},
                                     std::pair{oasis::tr("note"), request.note}})
        if (auto ok = checkText(what, text, textlimit::kName); !ok)
            return std::unexpected(ok.error());

    testPoint("inventory.receive.checked");
    auto tx = beginAuthorized(m_db, Action::StockReceive, staff, std::nullopt);
    if (!tx)
        return std::unexpected(tx.error());
    auto before = level(request.code);
    if (!before)
        return std::unexpected(before.error());
    const Money unitCost = request.unitCost.value_or(before->cost);
    // Weighted average over what is really on the shelf: units sold below zero were never
    // bought at the old cost, so they carry no weight.
    const qint64 weight = std::max<qint64>(before->onHand, 0);
    const qint64 newCostCents =
        divRoundHalfAway(before->cost.cents() * weight + unitCost.cents() * request.quantity,
                         weight + request.quantity);
    const QString now = toStorageTime(Clock::nowUtc());
    const QString expires = request.expires ? request.expires->toString(Qt::ISODate) : QString();
    auto inserted = m_db.write(
        QStringLiteral("INSERT INTO stock_movements(item_id, quantity, reason, unit_cost_cents, "
                       "reference, note, staff_id, created_at, lot, expires, supplier) "
                       "VALUES (?, ?, 'receive', ?, ?, ?, ?, ?, ?, ?, ?)"),
        {before->itemId, request.quantity, unitCost.cents(), request.reference.trimmed(),
         request.note.trimmed(), nullIfZero(staff.id), now, request.lot.trimmed(), expires,
         request.supplier.trimmed()});
    if (!inserted)
        return std::unexpected(inserted.error());
    const qint64 movementId = inserted->insertId;
    if (newCostCents != before->cost.cents())
        if (auto ok = m_db.exec(QStringLiteral("UPDATE items SET cost_cents = ? WHERE id = ?"),
                                {newCostCents, before->itemId});
            !ok)
            return std::unexpected(ok.error());
    if (auto ok = Journal::append(m_db, staff.name, QStringLiteral("stock_receive"),
                                  {{QStringLiteral("code"), before->code},
                                   {QStringLiteral("quantity"), request.quantity},
                                   {QStringLiteral("unit_cost_cents"), unitCost.cents()},
                                   {QStringLiteral("previous_cost_cents"), before->cost.cents()},
                                   {QStringLiteral("cost_cents"), newCostCents},
                                   {QStringLiteral("supplier"), request.supplier.trimmed()},
                                   {QStringLiteral("lot"), request.lot.trimmed()},
                                   {QStringLiteral("expires"), expires},
                                   {QStringLiteral("reference"), request.reference.trimmed()},
                                   {QStringLiteral("movement"), movementId}});
        !ok)
        return std::unexpected(ok.error());
    auto after = levelById(before->itemId);
    if (!after)
        return std::unexpected(after.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    StockChange change;
    change.movementId = movementId;
    change.quantity = request.quantity;
    change.level = *after;
    change.previousCost = before->cost;
    if (request.expires && *request.expires < Clock::nowUtc().date())
        change.warnings << oasis::tr("Lot %1 of %2 is already past its best-before date %3.")
                               .arg(request.lot, after->code, expires);
    if (after->negative())
        change.warnings << oasis::tr("%1 is still below zero (%2): count the shelf.")
                               .arg(after->code)
                               .arg(after->onHand);
    return change;
}

Result<StockChange> InventoryService::adjust(const QString &code, qint64 delta, AdjustReason reason,
                                             const QString &note, const StaffMember &staff,
                                             const std::optional<StaffMember> &approver) {
    if (delta == 0)
        return fail(ErrorCode::Invalid, oasis::tr("An adjustment of 0 changes nothing."));
    if (delta > kMaxQuantity || delta < -kMaxQuantity)
        return fail(ErrorCode::Invalid,
                    oasis::tr("An adjustment of %1 is more than %2 units: check the number.")
                        .arg(delta)
                        .arg(kMaxQuantity));
    if (delta > 0 && reason != AdjustReason::Adjust)
        return fail(
            ErrorCode::Invalid,
            oasis::tr("Stock that is %1 can only go down: use a negative number, or the reason "
                      "adjust to add stock.")
                .arg(adjustReasonName(reason)));
    if (auto ok = checkText(oasis::tr("note"), note, textlimit::kNote); !ok)
        return std::unexpected(ok.error());

    testPoint("inventory.adjust.checked");
    auto tx = beginAuthorized(m_db, Action::StockAdjust, staff, approver);
    if (!tx)
        return std::unexpected(tx.error());
    auto before = level(code);
    if (!before)
        return std::unexpected(before.error());
    const QString now = toStorageTime(Clock::nowUtc());
    // The cost at the time of use is kept on the movement: treatment use is reported at it.
    auto inserted = m_db.write(
        QStringLiteral("INSERT INTO stock_movements(item_id, quantity, reason, unit_cost_cents, "
                       "note, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {before->itemId, delta, adjustReasonName(reason), before->cost.cents(), note.trimmed(),
         nullIfZero(staff.id), now});
    if (!inserted)
        return std::unexpected(inserted.error());
    const qint64 movementId = inserted->insertId;
    if (auto ok =
            Journal::append(m_db, staff.name, QStringLiteral("stock_adjust"),
                            {{QStringLiteral("code"), before->code},
                             {QStringLiteral("quantity"), delta},
                             {QStringLiteral("reason"), adjustReasonName(reason)},
                             {QStringLiteral("note"), note.trimmed()},
                             {QStringLiteral("approver"), approver ? approver->name : QString()},
                             {QStringLiteral("movement"), movementId}});
        !ok)
        return std::unexpected(ok.error());
    auto after = levelById(before->itemId);
    if (!after)
        return std::unexpected(after.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    StockChange change;
    change.movementId = movementId;
    change.quantity = delta;
    change.level = *after;
    change.previousCost = before->cost;
    if (after->negative())
        change.warnings << oasis::tr("%1 is now below zero (%2): count the shelf.")
                               .arg(after->code)
                               .arg(after->onHand);
    return change;
}

Result<std::vector<CountEntry>> InventoryService::parseCountCsv(const QByteArray &bytes) {
    auto rows = csv::parse(bytes);
    if (!rows)
        return fail(ErrorCode::Invalid,
                    oasis::tr("Nothing was counted: %1").arg(rows.error().message));
    static const QRegularExpression number(QStringLiteral("^[0-9]{1,9}$"));
    std::vector<CountEntry> out;
    QStringList errors;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const csv::Row &row = (*rows)[i];
        if (i == 0 && row.fields.size() == 2 &&
            row.fields[0].trimmed().compare(QLatin1String("code"), Qt::CaseInsensitive) == 0 &&
            row.fields[1].trimmed().compare(QLatin1String("counted"), Qt::CaseInsensitive) == 0)
            continue; // the header (optional)
        if (row.fields.size() != 2) {
            errors << oasis::tr("line %1: expected 2 columns (code,counted), found %2")
                          .arg(row.line)
                          .arg(row.fields.size());
            continue;
        }
        const QString code = row.fields[0].trimmed();
        const QString counted = row.fields[1].trimmed();
        if (code.isEmpty()) {
            errors << oasis::tr("line %1: the code is empty").arg(row.line);
            continue;
        }
        if (!number.match(counted).hasMatch() || counted.toLongLong() > kMaxQuantity) {
            errors << oasis::tr("line %1: counted \"%2\" for %3 is not a whole number from 0 to %4")
                          .arg(row.line)
                          .arg(counted, code)
                          .arg(kMaxQuantity);
            continue;
        }
        out.push_back(CountEntry{row.line, code, counted.toLongLong()});
    }
    if (!errors.isEmpty())
        return fail(ErrorCode::Invalid,
                    oasis::tr("Nothing was counted: %1.").arg(errors.join(QStringLiteral("; "))));
    if (out.empty())
        return fail(ErrorCode::Invalid, oasis::tr("The count file lists no products."));
    return out;
}

Result<std::vector<CountVariance>>
InventoryService::previewCount(const std::vector<CountEntry> &entries) const {
    if (entries.empty())
        return fail(ErrorCode::Invalid, oasis::tr("Nothing to count: no product was entered."));
    CatalogService catalog(m_db);
    std::vector<CountVariance> out;
    QHash<qint64, int> seenOnLine;
    QStringList errors;
    for (const CountEntry &e : entries) {
        const QString where = e.line > 0 ? oasis::tr("line %1: ").arg(e.line) : QString();
        if (e.counted < 0 || e.counted > kMaxQuantity) {
            errors << where + oasis::tr("counted %1 for %2 is not from 0 to %3")
                                  .arg(e.counted)
                                  .arg(e.code)
                                  .arg(kMaxQuantity);
            continue;
        }
        auto found = catalog.findByCode(e.code);
        if (!found)
            return std::unexpected(found.error());
        if (!*found) {
            errors << where + oasis::tr("there is no product with code %1").arg(e.code.trimmed());
            continue;
        }
        if ((*found)->isSession()) {
            errors << where + oasis::tr("%1 is a session, not a product").arg((*found)->code);
            continue;
        }
        if (seenOnLine.contains((*found)->id)) {
            errors << where + oasis::tr("%1 is counted twice (also on line %2)")
                                  .arg((*found)->code)
                                  .arg(seenOnLine.value((*found)->id));
            continue;
        }
        seenOnLine.insert((*found)->id, e.line);
        auto level = levelById((*found)->id);
        if (!level)
            return std::unexpected(level.error());
        CountVariance v;
        v.itemId = level->itemId;
        v.code = level->code;
        v.name = level->name;
        v.onHand = level->onHand;
        v.counted = e.counted;
        v.cost = level->cost;
        out.push_back(v);
    }
    if (!errors.isEmpty())
        return fail(ErrorCode::Invalid,
                    oasis::tr("Nothing was counted: %1.").arg(errors.join(QStringLiteral("; "))));
    return out;
}

Result<PostedCount> InventoryService::postCount(const std::vector<CountEntry> &entries,
                                                const QString &note, const StaffMember &staff,
                                                const std::optional<StaffMember> &approver) {
    if (auto ok = checkText(oasis::tr("note"), note, textlimit::kNote); !ok)
        return std::unexpected(ok.error());
    testPoint("inventory.count.checked");
    auto tx = beginAuthorized(m_db, Action::StockAdjust, staff, approver);
    if (!tx)
        return std::unexpected(tx.error());
    // Variances are taken under the write lock: a sale rung up since the preview is counted in.
    auto lines = previewCount(entries);
    if (!lines)
        return std::unexpected(lines.error());
    const QString now = toStorageTime(Clock::nowUtc());
    auto header = m_db.write(
        QStringLiteral("INSERT INTO stock_counts(created_at, staff_id, note) VALUES (?, ?, ?)"),
        {now, nullIfZero(staff.id), note.trimmed()});
    if (!header)
        return std::unexpected(header.error());
    PostedCount posted;
    posted.countId = header->insertId;
    posted.reference = QStringLiteral("count:%1").arg(posted.countId);
    posted.lines = *lines;
    QJsonArray changes;
    for (const CountVariance &v : posted.lines) {
        if (v.variance() == 0)
            continue;
        if (auto ok = m_db.exec(
                QStringLiteral(
                    "INSERT INTO stock_movements(item_id, quantity, reason, unit_cost_cents, "
                    "reference, note, staff_id, created_at) VALUES (?, ?, 'count', ?, ?, ?, ?, ?)"),
                {v.itemId, v.variance(), v.cost.cents(), posted.reference,
                 oasis::tr("counted %1, books said %2").arg(v.counted).arg(v.onHand),
                 nullIfZero(staff.id), now});
            !ok)
            return std::unexpected(ok.error());
        ++posted.corrections;
        changes.append(QJsonObject{{QStringLiteral("code"), v.code},
                                   {QStringLiteral("on_hand"), v.onHand},
                                   {QStringLiteral("counted"), v.counted}});
    }
    if (auto ok =
            Journal::append(m_db, staff.name, QStringLiteral("stock_count"),
                            {{QStringLiteral("count"), posted.countId},
                             {QStringLiteral("lines"), static_cast<qint64>(posted.lines.size())},
                             {QStringLiteral("corrections"), changes},
                             {QStringLiteral("approver"), approver ? approver->name : QString()}});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return posted;
}

Status InventoryService::restock(qint64 itemId, qint64 quantity, qint64 refundSaleId,
                                 qint64 staffId, const QString &reference) {
    if (quantity <= 0 || quantity > kMaxQuantity)
        return fail(ErrorCode::Invalid,
                    oasis::tr("The quantity put back on the shelf must be from 1 to %1 (got %2).")
                        .arg(kMaxQuantity)
                        .arg(quantity));
    // A savepoint inside the refund's transaction, or a transaction of its own.
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    auto type = m_db.scalar(QStringLiteral("SELECT type FROM items WHERE id = ?"), {itemId});
    if (!type)
        return std::unexpected(type.error());
    if (type->isNull())
        return fail(ErrorCode::NotFound, oasis::tr("There is no product with id %1.").arg(itemId));
    if (type->toString() != QLatin1String("product"))
        return fail(ErrorCode::Refused, oasis::tr("A session cannot be put back on the shelf."));
    auto before = levelById(itemId);
    if (!before)
        return std::unexpected(before.error());
    auto actor = m_db.scalar(QStringLiteral("SELECT name FROM staff WHERE id = ?"), {staffId});
    if (!actor)
        return std::unexpected(actor.error());
    auto inserted = m_db.write(
        QStringLiteral("INSERT INTO stock_movements(item_id, quantity, reason, unit_cost_cents, "
                       "sale_id, reference, staff_id, created_at) "
                       "VALUES (?, ?, 'return', ?, ?, ?, ?, ?)"),
        {itemId, quantity, before->cost.cents(), nullIfZero(refundSaleId), reference,
         nullIfZero(staffId), toStorageTime(Clock::nowUtc())});
    if (!inserted)
        return std::unexpected(inserted.error());
    if (auto ok =
            Journal::append(m_db, actor->isNull() ? QStringLiteral("system") : actor->toString(),
                            QStringLiteral("stock_return"),
                            {{QStringLiteral("code"), before->code},
                             {QStringLiteral("quantity"), quantity},
                             {QStringLiteral("sale"), refundSaleId},
                             {QStringLiteral("reference"), reference},
                             {QStringLiteral("movement"), inserted->insertId}});
        !ok)
        return ok;
    return tx->commit();
}

Result<std::vector<StockMovement>> InventoryService::history(const QString &code) const {
    auto item = level(code);
    if (!item)
        return std::unexpected(item.error());
    auto q = m_db.exec(
        QStringLiteral("SELECT m.id, m.created_at, m.reason, m.quantity, m.unit_cost_cents, "
                       "m.reference, m.note, COALESCE(s.name, ''), m.lot, m.expires, m.supplier "
                       "FROM stock_movements m LEFT JOIN staff s ON s.id = m.staff_id "
                       "WHERE m.item_id = ? ORDER BY m.id"),
        {item->itemId});
    if (!q)
        return std::unexpected(q.error());
    std::vector<StockMovement> out;
    qint64 running = 0;
    while (q->next()) {
        StockMovement m;
        m.id = q->value(0).toLongLong();
        m.at = fromStorageTime(q->value(1).toString());
        m.reason = q->value(2).toString();
        m.quantity = q->value(3).toLongLong();
        running += m.quantity;
        m.onHandAfter = running;
        m.unitCost = Money::fromCents(q->value(4).toLongLong());
        m.reference = q->value(5).toString();
        m.note = q->value(6).toString();
        m.staff = q->value(7).toString();
        m.lot = q->value(8).toString();
        m.expires = q->value(9).toString();
        m.supplier = q->value(10).toString();
        out.push_back(m);
    }
    return out;
}

qint64 InventoryService::suggestedOrder(qint64 onHand, int reorderPoint) {
    // Order up to twice the reorder point: one reorder point's worth to sell before the
    // next order is due, and the reorder point itself as safety stock while it ships. Units
    // sold below zero are owed to the shelf, so they are ordered too.
    if (onHand > reorderPoint)
        return 0;
    return std::max<qint64>(0, 2 * static_cast<qint64>(reorderPoint) - onHand);
}

Result<std::vector<ReorderLine>> InventoryService::reorderReport() const {
    auto low = list(true);
    if (!low)
        return std::unexpected(low.error());
    std::vector<ReorderLine> out;
    for (const StockLevel &s : *low) {
        const qint64 n = suggestedOrder(s.onHand, s.reorderPoint);
        if (n > 0)
            out.push_back(ReorderLine{s, n});
    }
    return out;
}

Result<Valuation> InventoryService::valuation() const {
    // Inactive products still count while something of them is on (or owed to) the shelf.
    auto all = levels(m_db, QStringLiteral("WHERE i.type = 'product' AND (i.active = 1 OR "
                                           "COALESCE(l.on_hand, 0) <> 0) ORDER BY i.code"));
    if (!all)
        return std::unexpected(all.error());
    Valuation v;
    for (StockLevel &s : *all) {
        v.total += s.value();
        if (s.negative())
            ++v.negativeLines;
        v.lines.push_back(std::move(s));
    }
    return v;
}

Result<std::vector<StockLevel>> InventoryService::valuationPage(const QString &afterCode,
                                                                int limit) const {
    return levels(m_db,
                  QStringLiteral("WHERE i.type = 'product' AND (i.active = 1 OR "
                                 "COALESCE(l.on_hand, 0) <> 0) AND i.code > ? "
                                 "ORDER BY i.code LIMIT ?"),
                  {afterCode, std::max(limit, 1)});
}

Result<ValuationSummary> InventoryService::valuationSummary() const {
    auto q = m_db.exec(QStringLiteral(
        "SELECT COALESCE(c.name, ''), SUM(v.products), SUM(v.units), SUM(v.value_cents), "
        "SUM(v.negatives) FROM stock_by_category v LEFT JOIN categories c ON c.id = "
        "v.category_id GROUP BY v.category_id, c.name HAVING SUM(v.products) <> 0 OR "
        "SUM(v.units) <> 0 OR SUM(v.value_cents) <> 0 OR SUM(v.negatives) <> 0 ORDER BY 1"));
    if (!q)
        return std::unexpected(q.error());
    ValuationSummary v;
    while (q->next()) {
        CategoryValuation c;
        c.category = q->value(0).toString();
        c.products = q->value(1).toLongLong();
        c.units = q->value(2).toLongLong();
        c.value = Money::fromCents(q->value(3).toLongLong());
        c.negativeLines = q->value(4).toInt();
        v.products += c.products;
        v.units += c.units;
        v.total += c.value;
        v.negativeLines += c.negativeLines;
        v.byCategory.push_back(std::move(c));
    }
    return v;
}

Result<std::vector<ReceivedLine>> InventoryService::receivedOn(QDate day) const {
    if (!day.isValid())
        return fail(ErrorCode::Invalid, oasis::tr("The day received needs a valid date."));
    // Movements are stamped in UTC; the store's day runs from its own midnight to the next.
    const QTimeZone zone = StoreSettings(m_db).timeZone();
    const QDateTime start = QDateTime(day, QTime(0, 0), zone).toUTC();
    const QDateTime end = QDateTime(day.addDays(1), QTime(0, 0), zone).toUTC();
    // kLevelSelect's columns, and what was received as the tenth.
    const QString select =
        QString::fromLatin1(kLevelSelect)
            .replace(QLatin1String(" FROM items i "), QLatin1String(", r.received FROM items i "));
    auto q = m_db.exec(select + QStringLiteral("JOIN (SELECT item_id, SUM(quantity) AS received "
                                               "FROM stock_movements WHERE reason = 'receive' "
                                               "AND created_at >= ? AND created_at < ? "
                                               "GROUP BY item_id) r ON r.item_id = i.id "
                                               "WHERE i.type = 'product' AND r.received > 0 "
                                               "ORDER BY i.code"),
                       {toStorageTime(start), toStorageTime(end)});
    if (!q)
        return std::unexpected(q.error());
    std::vector<ReceivedLine> out;
    while (q->next())
        out.push_back(ReceivedLine{levelFromQuery(*q), q->value(9).toLongLong()});
    return out;
}

Result<UseReport> InventoryService::treatmentUse(QDate from, QDate to) const {
    if (!from.isValid() || !to.isValid())
        return fail(ErrorCode::Invalid, oasis::tr("The period needs valid dates."));
    if (to < from)
        return fail(ErrorCode::Invalid,
                    oasis::tr("The period ends (%1) before it starts (%2).")
                        .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    const QTimeZone zone = StoreSettings(m_db).timeZone();
    const QDateTime start = QDateTime(from, QTime(0, 0), zone).toUTC();
    const QDateTime end = QDateTime(to.addDays(1), QTime(0, 0), zone).toUTC();
    auto q =
        m_db.exec(QStringLiteral("SELECT i.id, i.code, i.name, m.reason, -SUM(m.quantity), "
                                 "-SUM(m.quantity * m.unit_cost_cents) "
                                 "FROM stock_movements m JOIN items i ON i.id = m.item_id "
                                 "WHERE m.reason IN ('treatment', 'tester') AND m.created_at >= ? "
                                 "AND m.created_at < ? GROUP BY i.id, i.code, i.name, m.reason "
                                 "ORDER BY i.code"),
                  {toStorageTime(start), toStorageTime(end)});
    if (!q)
        return std::unexpected(q.error());
    UseReport report;
    report.from = from;
    report.to = to;
    std::map<QString, UseLine> byCode;
    while (q->next()) {
        UseLine &l = byCode[q->value(1).toString()];
        l.itemId = q->value(0).toLongLong();
        l.code = q->value(1).toString();
        l.name = q->value(2).toString();
        const qint64 qty = q->value(4).toLongLong();
        const Money cost = Money::fromCents(q->value(5).toLongLong());
        if (q->value(3).toString() == QLatin1String("treatment")) {
            l.treatmentQuantity = qty;
            l.treatmentCost = cost;
            report.treatmentTotal += cost;
        } else {
            l.testerQuantity = qty;
            l.testerCost = cost;
            report.testerTotal += cost;
        }
    }
    for (auto &[code, line] : byCode)
        report.lines.push_back(line);
    return report;
}

Result<std::vector<ExpiringLot>> InventoryService::expiring(QDate today, int days) const {
    if (!today.isValid() || days < 0)
        return fail(ErrorCode::Invalid, oasis::tr("The expiry window needs a date and days >= 0."));
    // Estimate, per product: staff sell the earliest best-before first, so what is still on
    // the shelf (on-hand, if positive) is credited to the dated lots with the LATEST
    // best-before first; a lot keeps at most what was received of it. Undated stock (opening,
    // undated deliveries) is not part of the estimate. Counting the shelf corrects on-hand,
    // and with it this estimate.
    auto q = m_db.exec(
        QStringLiteral("SELECT m.item_id, i.code, i.name, m.lot, m.expires, m.created_at, "
                       "m.quantity, COALESCE(l.on_hand, 0) FROM stock_movements m "
                       "JOIN items i ON i.id = m.item_id "
                       "LEFT JOIN stock_levels l ON l.item_id = m.item_id "
                       "WHERE m.reason = 'receive' AND m.expires <> '' AND m.quantity > 0 "
                       "ORDER BY m.item_id, m.expires DESC, m.id DESC"));
    if (!q)
        return std::unexpected(q.error());
    const QDate horizon = today.addDays(days);
    std::vector<ExpiringLot> out;
    qint64 currentItem = 0;
    qint64 left = 0;
    while (q->next()) {
        const qint64 itemId = q->value(0).toLongLong();
        if (itemId != currentItem) {
            currentItem = itemId;
            left = std::max<qint64>(0, q->value(7).toLongLong());
        }
        const qint64 received = q->value(6).toLongLong();
        const qint64 take = std::min(left, received);
        left -= take;
        const QDate expires = QDate::fromString(q->value(4).toString(), Qt::ISODate);
        if (take <= 0 || !expires.isValid() || expires > horizon)
            continue;
        ExpiringLot lot;
        lot.itemId = itemId;
        lot.code = q->value(1).toString();
        lot.name = q->value(2).toString();
        lot.lot = q->value(3).toString();
        lot.expires = expires;
        lot.received = fromStorageTime(q->value(5).toString());
        lot.receivedQuantity = received;
        lot.remaining = take;
        lot.daysLeft = static_cast<int>(today.daysTo(expires));
        out.push_back(lot);
    }
    std::sort(out.begin(), out.end(), [](const ExpiringLot &a, const ExpiringLot &b) {
        return a.expires != b.expires ? a.expires < b.expires : a.code < b.code;
    });
    return out;
}

} // namespace oasis
