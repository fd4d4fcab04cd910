// SPDX-License-Identifier: GPL-3.0-or-later
// The inventory commands of oasisctl.
#include "pos/cli/context.h"

#include "core/domain/clock.h"
#include "core/domain/csv.h"
#include "core/services/inventory.h"
#include "core/services/labels.h"
#include "core/services/storesettings.h"
#include "pos/cli/translate.h"
#include "printing/labels.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

namespace oasis::cli {

namespace {
Result<qint64> parseQuantity(const QString &text, const QString &what, bool allowSign) {
    static const QRegularExpression unsignedRe(QStringLiteral("^\\+?[0-9]{1,9}$"));
    static const QRegularExpression signedRe(QStringLiteral("^[+-]?[0-9]{1,9}$"));
    if (!(allowSign ? signedRe : unsignedRe).match(text.trimmed()).hasMatch())
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("%1 must be a whole number%2, not \"%3\".")
                        .arg(what, allowSign ? oasis::cli::tr(" like -2 or 3") : QString(), text));
    return text.trimmed().toLongLong();
}

Result<QDate> parseDate(const QString &text, const QString &what) {
    static const QRegularExpression re(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (!re.match(text.trimmed()).hasMatch() || !date.isValid())
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("%1 must be a date as YYYY-MM-DD, not \"%2\".").arg(what, text));
    return date;
}

QJsonObject levelJson(const StockLevel &s) {
    return {{QStringLiteral("code"), s.code},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("category"), s.category},
            {QStringLiteral("size"), s.size},
            {QStringLiteral("on_hand"), s.onHand},
            {QStringLiteral("reorder_point"), s.reorderPoint},
            {QStringLiteral("low"), s.low()},
            {QStringLiteral("negative"), s.negative()},
            {QStringLiteral("cost_cents"), s.cost.cents()},
            {QStringLiteral("value_cents"), s.value().cents()}};
}

QString flags(const StockLevel &s) {
    if (s.negative())
        return oasis::cli::tr("  BELOW ZERO");
    return s.low() ? oasis::cli::tr("  LOW") : QString();
}

QJsonArray warningsJson(const QStringList &warnings) {
    QJsonArray out;
    for (const QString &w : warnings)
        out.append(w);
    return out;
}

Status printWarnings(Context &ctx, const QStringList &warnings) {
    for (const QString &w : warnings)
        ctx.err() << "warning: " << w << '\n';
    ctx.err().flush();
    return {};
}

Status cmdList(Context &ctx, InventoryService &inv) {
    const bool low = ctx.takeFlag(QStringLiteral("low"));
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    auto levels = inv.list(low);
    if (!levels)
        return std::unexpected(levels.error());
    QJsonArray items;
    QStringList text;
    int lowCount = 0;
    for (const StockLevel &s : *levels) {
        items.append(levelJson(s));
        lowCount += s.low() ? 1 : 0;
        text << QStringLiteral("%1 %2 %3  %4%5")
                    .arg(s.code, -12)
                    .arg(s.onHand, 6)
                    .arg(s.reorderPoint, 6)
                    .arg(s.name, flags(s));
    }
    if (!ctx.json)
        text.prepend(QStringLiteral("%1 %2 %3  %4")
                         .arg(oasis::cli::tr("CODE"), -12)
                         .arg(oasis::cli::tr("ONHAND"), 6)
                         .arg(oasis::cli::tr("REORD"), 6)
                         .arg(oasis::cli::tr("NAME")));
    ctx.emit({{QStringLiteral("items"), items}, {QStringLiteral("low_count"), lowCount}}, text);
    return {};
}

Status cmdReceive(Context &ctx, InventoryService &inv) {
    ReceiveRequest req;
    const auto cost = ctx.takeOption(QStringLiteral("cost"));
    const auto lot = ctx.takeOption(QStringLiteral("lot"));
    const auto expires = ctx.takeOption(QStringLiteral("expires"));
    const auto supplier = ctx.takeOption(QStringLiteral("supplier"));
    const auto reference = ctx.takeOption(QStringLiteral("reference"));
    const auto note = ctx.takeOption(QStringLiteral("note"));
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    auto code = ctx.takeArgument(oasis::cli::tr("SKU"));
    if (!code)
        return std::unexpected(code.error());
    auto qtyText = ctx.takeArgument(oasis::cli::tr("QTY"));
    if (!qtyText)
        return std::unexpected(qtyText.error());
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    auto qty = parseQuantity(*qtyText, oasis::cli::tr("QTY"), true);
    if (!qty)
        return std::unexpected(qty.error());
    req.code = *code;
    req.quantity = *qty;
    if (cost) {
        auto money = Money::parse(*cost);
        if (!money)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("--cost: %1").arg(money.error().message));
        req.unitCost = *money;
    }
    if (expires) {
        auto date = parseDate(*expires, QStringLiteral("--expires"));
        if (!date)
            return std::unexpected(date.error());
        req.expires = *date;
    }
    req.lot = lot.value_or(QString());
    req.supplier = supplier.value_or(QString());
    req.reference = reference.value_or(QString());
    req.note = note.value_or(QString());
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    auto done = inv.receive(req, who->user);
    if (!done)
        return std::unexpected(done.error());
    printWarnings(ctx, done->warnings);
    QJsonObject json = levelJson(done->level);
    json.insert(QStringLiteral("quantity"), done->quantity);
    json.insert(QStringLiteral("unit_cost_cents"),
                req.unitCost ? req.unitCost->cents() : done->previousCost.cents());
    json.insert(QStringLiteral("previous_cost_cents"), done->previousCost.cents());
    json.insert(QStringLiteral("lot"), req.lot);
    json.insert(QStringLiteral("expires"),
                req.expires ? req.expires->toString(Qt::ISODate) : QString());
    json.insert(QStringLiteral("supplier"), req.supplier);
    json.insert(QStringLiteral("movement"), done->movementId);
    json.insert(QStringLiteral("warnings"), warningsJson(done->warnings));
    ctx.emit(json, {oasis::cli::tr("Received %1 × %2. On hand: %3. Average cost: %4 (was %5).")
                        .arg(done->quantity)
                        .arg(done->level.code)
                        .arg(done->level.onHand)
                        .arg(done->level.cost.format(), done->previousCost.format())});
    return {};
}

Status cmdAdjust(Context &ctx, InventoryService &inv) {
    const auto reasonText = ctx.takeOption(QStringLiteral("reason"));
    const auto note = ctx.takeOption(QStringLiteral("note"));
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    auto code = ctx.takeArgument(oasis::cli::tr("SKU"));
    if (!code)
        return std::unexpected(code.error());
    auto deltaText = ctx.takeArgument(oasis::cli::tr("DELTA"));
    if (!deltaText)
        return std::unexpected(deltaText.error());
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    auto delta = parseQuantity(*deltaText, oasis::cli::tr("DELTA"), true);
    if (!delta)
        return std::unexpected(delta.error());
    if (!reasonText)
        return fail(
            ErrorCode::Invalid,
            oasis::cli::tr("inventory adjust needs --reason damaged|tester|treatment|adjust."));
    const auto reason = adjustReasonFromName(*reasonText);
    if (!reason)
        return fail(
            ErrorCode::Invalid,
            oasis::cli::tr("Unknown reason %1: use damaged, tester, treatment (oil used in a "
                           "massage) or adjust.")
                .arg(*reasonText));
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    auto done =
        inv.adjust(*code, *delta, *reason, note.value_or(QString()), who->user, who->approver);
    if (!done)
        return std::unexpected(done.error());
    printWarnings(ctx, done->warnings);
    QJsonObject json = levelJson(done->level);
    json.insert(QStringLiteral("delta"), done->quantity);
    json.insert(QStringLiteral("reason"), adjustReasonName(*reason));
    json.insert(QStringLiteral("movement"), done->movementId);
    json.insert(QStringLiteral("warnings"), warningsJson(done->warnings));
    ctx.emit(json, {oasis::cli::tr("%1 %2 (%3). On hand: %4.")
                        .arg(done->level.code)
                        .arg(done->quantity > 0 ? QStringLiteral("+%1").arg(done->quantity)
                                                : QString::number(done->quantity))
                        .arg(adjustReasonName(*reason))
                        .arg(done->level.onHand)});
    return {};
}

QJsonArray variancesJson(const std::vector<CountVariance> &lines, QStringList *text) {
    QJsonArray out;
    for (const CountVariance &v : lines) {
        out.append(QJsonObject{{QStringLiteral("code"), v.code},
                               {QStringLiteral("name"), v.name},
                               {QStringLiteral("on_hand"), v.onHand},
                               {QStringLiteral("counted"), v.counted},
                               {QStringLiteral("variance"), v.variance()},
                               {QStringLiteral("variance_cents"), v.varianceValue().cents()}});
        *text << QStringLiteral("%1 %2 %3 %4 %5")
                     .arg(v.code, -12)
                     .arg(v.onHand, 6)
                     .arg(v.counted, 7)
                     .arg(v.variance() > 0 ? QStringLiteral("+%1").arg(v.variance())
                                           : QString::number(v.variance()),
                          8)
                     .arg(v.varianceValue().format(), 10);
    }
    return out;
}

Status cmdCount(Context &ctx, InventoryService &inv) {
    const bool dryRun = ctx.takeFlag(QStringLiteral("dry-run"));
    const auto note = ctx.takeOption(QStringLiteral("note"));
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    auto file = ctx.takeArgument(oasis::cli::tr("FILE.csv"));
    if (!file)
        return std::unexpected(file.error());
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    auto bytes = csv::readFile(*file);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto entries = InventoryService::parseCountCsv(*bytes);
    if (!entries)
        return std::unexpected(entries.error());
    std::vector<CountVariance> lines;
    qint64 countId = 0;
    int corrections = 0;
    if (dryRun) {
        auto preview = inv.previewCount(*entries);
        if (!preview)
            return std::unexpected(preview.error());
        lines = *preview;
        for (const CountVariance &v : lines)
            corrections += v.variance() != 0 ? 1 : 0;
    } else {
        auto who = ctx.signIn();
        if (!who)
            return std::unexpected(who.error());
        auto posted = inv.postCount(*entries, note.value_or(QString()), who->user, who->approver);
        if (!posted)
            return std::unexpected(posted.error());
        lines = posted->lines;
        countId = posted->countId;
        corrections = posted->corrections;
    }
    QStringList text{QStringLiteral("%1 %2 %3 %4 %5")
                         .arg(oasis::cli::tr("CODE"), -12)
                         .arg(oasis::cli::tr("BOOKS"), 6)
                         .arg(oasis::cli::tr("COUNTED"), 7)
                         .arg(oasis::cli::tr("VARIANCE"), 8)
                         .arg(oasis::cli::tr("AT COST"), 10)};
    const QJsonArray variances = variancesJson(lines, &text);
    Money net;
    for (const CountVariance &v : lines)
        net += v.varianceValue();
    text << (dryRun ? oasis::cli::tr(
                          "Not posted (--dry-run): %1 of %2 products would be corrected, net %3.")
                          .arg(corrections)
                          .arg(lines.size())
                          .arg(net.format())
                    : oasis::cli::tr("Count %1 posted: %2 of %3 products corrected, net %4.")
                          .arg(countId)
                          .arg(corrections)
                          .arg(lines.size())
                          .arg(net.format()));
    ctx.emit({{QStringLiteral("posted"), !dryRun},
              {QStringLiteral("count_id"), countId},
              {QStringLiteral("corrections"), corrections},
              {QStringLiteral("net_variance_cents"), net.cents()},
              {QStringLiteral("variances"), variances}},
             text);
    return {};
}

Status cmdHistory(Context &ctx, InventoryService &inv) {
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    auto code = ctx.takeArgument(oasis::cli::tr("SKU"));
    if (!code)
        return std::unexpected(code.error());
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    auto item = inv.level(*code);
    if (!item)
        return std::unexpected(item.error());
    auto moves = inv.history(*code);
    if (!moves)
        return std::unexpected(moves.error());
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    const QTimeZone zone = StoreSettings(**db).timeZone();
    QJsonArray arr;
    QStringList text{QStringLiteral("%1 — %2").arg(item->code, item->name)};
    for (const StockMovement &m : *moves) {
        arr.append(QJsonObject{{QStringLiteral("at"), toStorageTime(m.at)},
                               {QStringLiteral("reason"), m.reason},
                               {QStringLiteral("quantity"), m.quantity},
                               {QStringLiteral("on_hand"), m.onHandAfter},
                               {QStringLiteral("unit_cost_cents"), m.unitCost.cents()},
                               {QStringLiteral("reference"), m.reference},
                               {QStringLiteral("note"), m.note},
                               {QStringLiteral("staff"), m.staff},
                               {QStringLiteral("lot"), m.lot},
                               {QStringLiteral("expires"), m.expires},
                               {QStringLiteral("supplier"), m.supplier}});
        QString detail = m.reference;
        if (!m.lot.isEmpty())
            detail += oasis::cli::tr(" lot %1").arg(m.lot);
        if (!m.expires.isEmpty())
            detail += oasis::cli::tr(" best before %1").arg(m.expires);
        if (!m.note.isEmpty())
            detail += QStringLiteral(" — ") + m.note;
        text << QStringLiteral("%1  %2 %3 %4  %5  %6")
                    .arg(storeTimeText(m.at, zone))
                    .arg(m.reason, -9)
                    .arg(m.quantity > 0 ? QStringLiteral("+%1").arg(m.quantity)
                                        : QString::number(m.quantity),
                         6)
                    .arg(m.onHandAfter, 6)
                    .arg(m.staff, -10)
                    .arg(detail.trimmed());
    }
    ctx.emit({{QStringLiteral("code"), item->code},
              {QStringLiteral("name"), item->name},
              {QStringLiteral("on_hand"), item->onHand},
              {QStringLiteral("movements"), arr}},
             text);
    return {};
}

Status cmdReport(Context &ctx, InventoryService &inv) {
    auto kind =
        ctx.takeArgument(oasis::cli::tr("a report (reorder, valuation, treatment, expiring)"));
    if (!kind)
        return std::unexpected(kind.error());
    const auto fromText = ctx.takeOption(QStringLiteral("from"));
    const auto toText = ctx.takeOption(QStringLiteral("to"));
    const auto daysText = ctx.takeOption(QStringLiteral("days"));
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    const QDate today = StoreSettings(**db).businessDate(Clock::nowUtc());
    QDate from = QDate(today.year(), today.month(), 1);
    QDate to = today;
    if (fromText) {
        auto d = parseDate(*fromText, QStringLiteral("--from"));
        if (!d)
            return std::unexpected(d.error());
        from = *d;
    }
    if (toText) {
        auto d = parseDate(*toText, QStringLiteral("--to"));
        if (!d)
            return std::unexpected(d.error());
        to = *d;
    }

    if (*kind == QLatin1String("reorder")) {
        auto lines = inv.reorderReport();
        if (!lines)
            return std::unexpected(lines.error());
        QJsonArray arr;
        Money total;
        QStringList text{QStringLiteral("%1 %2 %3 %4 %5  %6")
                             .arg(oasis::cli::tr("CODE"), -12)
                             .arg(oasis::cli::tr("ONHAND"), 6)
                             .arg(oasis::cli::tr("REORD"), 6)
                             .arg(oasis::cli::tr("ORDER"), 6)
                             .arg(oasis::cli::tr("AT COST"), 10)
                             .arg(oasis::cli::tr("NAME"))};
        for (const ReorderLine &l : *lines) {
            QJsonObject o = levelJson(l.level);
            o.insert(QStringLiteral("suggested"), l.suggested);
            o.insert(QStringLiteral("estimated_cost_cents"), l.estimatedCost().cents());
            arr.append(o);
            total += l.estimatedCost();
            text << QStringLiteral("%1 %2 %3 %4 %5  %6%7")
                        .arg(l.level.code, -12)
                        .arg(l.level.onHand, 6)
                        .arg(l.level.reorderPoint, 6)
                        .arg(l.suggested, 6)
                        .arg(l.estimatedCost().format(), 10)
                        .arg(l.level.name, flags(l.level));
        }
        text << oasis::cli::tr("Suggested order: up to twice the reorder point. Estimated cost %1.")
                    .arg(total.format());
        ctx.emit({{QStringLiteral("report"), *kind},
                  {QStringLiteral("items"), arr},
                  {QStringLiteral("total_cents"), total.cents()}},
                 text);
        return {};
    }
    if (*kind == QLatin1String("valuation")) {
        auto v = inv.valuation();
        if (!v)
            return std::unexpected(v.error());
        QJsonArray arr;
        QStringList text{QStringLiteral("%1 %2 %3 %4  %5")
                             .arg(oasis::cli::tr("CODE"), -12)
                             .arg(oasis::cli::tr("ONHAND"), 6)
                             .arg(oasis::cli::tr("COST"), 9)
                             .arg(oasis::cli::tr("VALUE"), 10)
                             .arg(oasis::cli::tr("NAME"))};
        for (const StockLevel &s : v->lines) {
            arr.append(levelJson(s));
            text << QStringLiteral("%1 %2 %3 %4  %5%6")
                        .arg(s.code, -12)
                        .arg(s.onHand, 6)
                        .arg(s.cost.format(), 9)
                        .arg(s.value().format(), 10)
                        .arg(s.name, s.negative() ? oasis::cli::tr("  BELOW ZERO (valued at 0)")
                                                  : QString());
        }
        text << oasis::cli::tr("Stock at cost: %1.").arg(v->total.format());
        if (v->negativeLines > 0)
            text << oasis::cli::tr("%1 product(s) below zero: count them.").arg(v->negativeLines);
        ctx.emit({{QStringLiteral("report"), *kind},
                  {QStringLiteral("items"), arr},
                  {QStringLiteral("total_value_cents"), v->total.cents()},
                  {QStringLiteral("negative_items"), v->negativeLines}},
                 text);
        return {};
    }
    if (*kind == QLatin1String("treatment")) {
        auto r = inv.treatmentUse(from, to);
        if (!r)
            return std::unexpected(r.error());
        QJsonArray arr;
        QStringList text{oasis::cli::tr("Used in treatments %1 to %2 (at cost):")
                             .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))};
        for (const UseLine &l : r->lines) {
            arr.append(QJsonObject{{QStringLiteral("code"), l.code},
                                   {QStringLiteral("name"), l.name},
                                   {QStringLiteral("quantity"), l.treatmentQuantity},
                                   {QStringLiteral("cost_cents"), l.treatmentCost.cents()},
                                   {QStringLiteral("tester_quantity"), l.testerQuantity},
                                   {QStringLiteral("tester_cost_cents"), l.testerCost.cents()}});
            text << QStringLiteral("%1 %2 %3  %4")
                        .arg(l.code, -12)
                        .arg(l.treatmentQuantity, 6)
                        .arg(l.treatmentCost.format(), 10)
                        .arg(l.testerQuantity > 0 ? oasis::cli::tr("(testers: %1, %2)")
                                                        .arg(l.testerQuantity)
                                                        .arg(l.testerCost.format())
                                                  : QString());
        }
        text << oasis::cli::tr("Treatment use at cost (use tax base): %1. Testers: %2.")
                    .arg(r->treatmentTotal.format(), r->testerTotal.format());
        ctx.emit({{QStringLiteral("report"), *kind},
                  {QStringLiteral("from"), from.toString(Qt::ISODate)},
                  {QStringLiteral("to"), to.toString(Qt::ISODate)},
                  {QStringLiteral("items"), arr},
                  {QStringLiteral("total_cents"), r->treatmentTotal.cents()},
                  {QStringLiteral("tester_total_cents"), r->testerTotal.cents()}},
                 text);
        return {};
    }
    if (*kind == QLatin1String("expiring")) {
        int days = InventoryService::kExpiringDays;
        if (daysText) {
            auto n = parseQuantity(*daysText, QStringLiteral("--days"), false);
            if (!n)
                return std::unexpected(n.error());
            days = static_cast<int>(std::min<qint64>(*n, 3650));
        }
        const QDate asOf = toText ? to : today;
        auto lots = inv.expiring(asOf, days);
        if (!lots)
            return std::unexpected(lots.error());
        QJsonArray arr;
        QStringList text{oasis::cli::tr("Lots expiring by %1 (estimated still on the shelf):")
                             .arg(asOf.addDays(days).toString(Qt::ISODate))};
        for (const ExpiringLot &l : *lots) {
            arr.append(QJsonObject{{QStringLiteral("code"), l.code},
                                   {QStringLiteral("name"), l.name},
                                   {QStringLiteral("lot"), l.lot},
                                   {QStringLiteral("expires"), l.expires.toString(Qt::ISODate)},
                                   {QStringLiteral("received"), l.receivedQuantity},
                                   {QStringLiteral("remaining"), l.remaining},
                                   {QStringLiteral("days_left"), l.daysLeft},
                                   {QStringLiteral("expired"), l.daysLeft < 0}});
            text << QStringLiteral("%1 %2 %3 %4  %5")
                        .arg(l.code, -12)
                        .arg(l.lot, -10)
                        .arg(l.expires.toString(Qt::ISODate))
                        .arg(l.remaining, 5)
                        .arg(l.daysLeft < 0 ? oasis::cli::tr("EXPIRED")
                                            : oasis::cli::tr("%1 days").arg(l.daysLeft));
        }
        ctx.emit({{QStringLiteral("report"), *kind},
                  {QStringLiteral("as_of"), asOf.toString(Qt::ISODate)},
                  {QStringLiteral("days"), days},
                  {QStringLiteral("lots"), arr}},
                 text);
        return {};
    }
    return fail(ErrorCode::Invalid,
                oasis::cli::tr(
                    "Unknown inventory report %1: use reorder, valuation, treatment or expiring.")
                    .arg(*kind));
}

Status cmdLabels(Context &ctx, InventoryService &) {
    const bool receivedToday = ctx.takeFlag(QStringLiteral("received-today"));
    const auto sheetText = ctx.takeOption(QStringLiteral("sheet"));
    const auto copiesText = ctx.takeOption(QStringLiteral("copies"));
    const auto skipText = ctx.takeOption(QStringLiteral("skip"));
    const auto out = ctx.takeOption(QStringLiteral("out"));
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    QStringList codes;
    while (!ctx.args.isEmpty())
        codes << ctx.args.takeFirst();
    if (receivedToday == !codes.isEmpty())
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("inventory labels needs SKUs or --received-today (not both)."));
    if (!out || !out->endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return fail(ErrorCode::Invalid, oasis::cli::tr("inventory labels needs --out FILE.pdf."));

    printing::LabelJob job;
    if (sheetText) {
        const auto stock = printing::labelStockFromName(*sheetText);
        if (!stock)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("Unknown label sheet %1: use 5160, 5163 or thermal.")
                            .arg(*sheetText));
        job.stock = *stock;
    }
    if (auto ok = printing::checkLabelStock(job.stock); !ok)
        return ok;
    // Received today: one label per unit received unless --copies says how many.
    LabelCopies copies{1, receivedToday};
    if (copiesText) {
        if (receivedToday && *copiesText == QLatin1String("received")) {
            copies.perUnitReceived = true;
        } else {
            auto n = parseQuantity(*copiesText, QStringLiteral("--copies"), false);
            if (!n)
                return std::unexpected(n.error());
            copies = {int(std::min<qint64>(*n, LabelService::kMaxCopies + 1)), false};
        }
    }
    if (skipText) {
        auto n = parseQuantity(*skipText, QStringLiteral("--skip"), false);
        if (!n)
            return std::unexpected(n.error());
        job.skip = int(std::min<qint64>(*n, 100000));
    }
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    const LabelService labels(**db);
    auto set = receivedToday ? labels.receivedOn(labels.today(), copies)
                             : labels.forCodes(codes, copies.each);
    if (!set)
        return std::unexpected(set.error());
    job.labels = set->labels;
    if (auto ok = printing::renderLabelsPdf(job, *out); !ok)
        return ok;

    const int pages = printing::labelPageCount(job);
    const bool sheet = printing::labelLayout(job.stock).isSheet();
    QJsonArray noBarcode;
    QJsonArray products;
    QString last;
    for (const ShelfLabel &l : job.labels) {
        if (l.code == last)
            continue;
        last = l.code;
        products.append(QJsonObject{{QStringLiteral("code"), l.code},
                                    {QStringLiteral("ean13"), l.ean13},
                                    {QStringLiteral("price_cents"), l.price.cents()}});
        if (!l.hasBarcode())
            noBarcode.append(l.code);
    }
    QStringList text{
        sheet ? oasis::cli::tr("Wrote %1 labels of %2 products on %3 Avery %4 sheet(s) to %5.")
                    .arg(job.labels.size())
                    .arg(set->products)
                    .arg(pages)
                    .arg(printing::labelStockName(job.stock), *out)
              : oasis::cli::tr("Wrote %1 labels of %2 products for the label printer to %3.")
                    .arg(job.labels.size())
                    .arg(set->products)
                    .arg(*out)};
    text << set->notes;
    ctx.emit({{QStringLiteral("file"), *out},
              {QStringLiteral("sheet"), printing::labelStockName(job.stock)},
              {QStringLiteral("labels"), qint64(job.labels.size())},
              {QStringLiteral("products"), products},
              {QStringLiteral("pages"), pages},
              {QStringLiteral("skip"), job.skip},
              {QStringLiteral("without_barcode"), noBarcode},
              {QStringLiteral("notes"), QJsonArray::fromStringList(set->notes)}},
             text);
    return {};
}

Status cmdInventory(Context &ctx) {
    auto sub = ctx.takeArgument(
        oasis::cli::tr("an inventory command (list, receive, adjust, count, history, "
                       "report, labels)"));
    if (!sub)
        return std::unexpected(sub.error());
    using Sub = Status (*)(Context &, InventoryService &);
    Sub run = nullptr;
    if (*sub == QLatin1String("list"))
        run = cmdList;
    else if (*sub == QLatin1String("receive"))
        run = cmdReceive;
    else if (*sub == QLatin1String("adjust"))
        run = cmdAdjust;
    else if (*sub == QLatin1String("count"))
        run = cmdCount;
    else if (*sub == QLatin1String("history"))
        run = cmdHistory;
    else if (*sub == QLatin1String("report"))
        run = cmdReport;
    else if (*sub == QLatin1String("labels"))
        run = cmdLabels;
    else
        return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown inventory command %1.").arg(*sub));
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    InventoryService inv(**db);
    return run(ctx, inv);
}

} // namespace

std::vector<Command> inventoryCommands() {
    return {{"inventory", cmdInventory,
             "inventory list [--low] | receive SKU QTY [--cost AMOUNT] [--lot L] "
             "[--expires DATE] [--supplier S] | adjust SKU DELTA --reason "
             "damaged|tester|treatment|adjust [--note N] | count FILE.csv [--dry-run] | "
             "history SKU | report reorder|valuation|treatment|expiring [--from DATE] "
             "[--to DATE] [--days N] | labels SKU...|--received-today "
             "[--sheet 5160|5163|thermal] [--copies N|received] [--skip N] --out FILE.pdf"}};
}

} // namespace oasis::cli
