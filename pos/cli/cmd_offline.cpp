// SPDX-License-Identifier: GPL-3.0-or-later
// oasisctl offline: a register's copy for selling while the store server is unreachable, its
// outbox, and the owner's report of what was sold offline (DESIGN §13a).
#include "pos/cli/context.h"

#include "core/domain/clock.h"
#include "core/domain/money.h"
#include "core/domain/receiptcode.h"
#include "core/services/offline.h"
#include "core/services/storesettings.h"
#include "pos/cli/translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace oasis::cli {

namespace {

Result<OfflineRegister> registerOf(Context &ctx) {
    if (ctx.dbPath.isEmpty() || !Store::isOnServer(ctx.dbPath))
        return fail(ErrorCode::Refused,
                    oasis::cli::tr("Offline selling is for a register of a store on a server: "
                                   "give --db postgresql://USER@HOST/DBNAME."));
    return OfflineRegister(ctx.dbPath, Store::registerId());
}

QString shownTime(const QDateTime &t) {
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       : oasis::cli::tr("never");
}

Status cmdOffline(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr("an offline command (status, prepare, send)"));
    if (!sub)
        return std::unexpected(sub.error());
    if (*sub != QLatin1String("status") && *sub != QLatin1String("prepare") &&
        *sub != QLatin1String("send"))
        return fail(
            ErrorCode::Invalid,
            oasis::cli::tr("Unknown offline command %1: give status, prepare or send.").arg(*sub));
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    auto offline = registerOf(ctx);
    if (!offline)
        return std::unexpected(offline.error());
    auto db = ctx.database();
    const bool reached = db.has_value();
    if (!db && (*sub != QLatin1String("status") || !OfflineRegister::isUnreachable(db.error())))
        return std::unexpected(db.error());
    Result<OfflineSendReport> sent = OfflineSendReport{};
    if (reached && *sub != QLatin1String("status")) {
        sent = offline->send(**db);
        if (!sent)
            return std::unexpected(sent.error());
        if (*sub == QLatin1String("prepare"))
            if (auto ok = offline->prepare(**db); !ok)
                return ok;
    }
    auto waiting = offline->waiting();
    if (!waiting)
        return std::unexpected(waiting.error());
    const QDateTime preparedAt = offline->preparedAt();
    QJsonObject json{{QStringLiteral("register"), Store::registerId()},
                     {QStringLiteral("online"), reached},
                     {QStringLiteral("prepared"), offline->prepared()},
                     {QStringLiteral("prepared_at"),
                      preparedAt.isValid() ? QJsonValue(toStorageTime(preparedAt)) : QJsonValue()},
                     {QStringLiteral("waiting"), *waiting},
                     {QStringLiteral("sent"), sent->sent + sent->alreadyThere},
                     {QStringLiteral("receipts"), QJsonArray::fromStringList(sent->receipts)},
                     {QStringLiteral("warnings"), QJsonArray::fromStringList(sent->warnings)}};
    QStringList text;
    // The one line a script or the front desk reads first.
    text << (reached ? oasis::cli::tr("Register %1: online, sales waiting to be sent: %2.")
                     : oasis::cli::tr("Register %1: offline (the store server cannot be reached), "
                                      "sales waiting to be sent: %2."))
                .arg(Store::registerId())
                .arg(*waiting);
    if (!sent->receipts.isEmpty())
        text << oasis::cli::tr("Sales made offline sent to the store server: %1.")
                    .arg(sent->receipts.join(QStringLiteral(", ")));
    for (const QString &w : std::as_const(sent->warnings))
        text << oasis::cli::tr("Warning: %1").arg(w);
    text << (offline->prepared()
                 ? oasis::cli::tr("Offline copy made %1.").arg(shownTime(preparedAt))
                 : oasis::cli::tr("No offline copy: this register cannot sell offline until "
                                  "oasisctl offline prepare."));
    ctx.emit(json, text);
    return {};
}

} // namespace

/// `report offline`: the sales made offline that reached the server in the period, and the
/// prices that differed from the server's catalog when they did.
Status reportOffline(Context &ctx, Database &db, const QDate &from, const QDate &to) {
    auto sales = OfflineRegister::landed(db, from, to);
    if (!sales)
        return std::unexpected(sales.error());
    QJsonArray rows;
    QStringList text;
    text << oasis::cli::tr("Sales made offline, %1 to %2")
                .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    int differing = 0;
    qint64 totalCents = 0;
    const QLocale locale;
    for (const OfflineSaleRecord &s : *sales) {
        QJsonArray differences;
        totalCents += s.totalCents;
        text << oasis::cli::tr("%1  %2  made %3, reached the server %4  %5")
                    .arg(receiptCode(s.receiptNo), s.registerId, shownTime(s.madeAt),
                         shownTime(s.landedAt), Money::fromCents(s.totalCents).toString());
        for (const OfflineSaleRecord::Difference &d : s.differences) {
            ++differing;
            differences.append(
                QJsonObject{{QStringLiteral("code"), d.code},
                            {QStringLiteral("name"), d.name},
                            {QStringLiteral("quantity"), d.quantity},
                            {QStringLiteral("charged_cents"), d.chargedCents},
                            {QStringLiteral("catalog_cents"),
                             d.catalogCents < 0 ? QJsonValue() : QJsonValue(d.catalogCents)}});
            text << (d.catalogCents < 0
                         ? oasis::cli::tr("    %1 x %2 charged %3; no longer sold")
                               .arg(d.quantity)
                               .arg(d.name, Money::fromCents(d.chargedCents).toString())
                         : oasis::cli::tr("    %1 x %2 charged %3; catalog %4 (%5 each)")
                               .arg(d.quantity)
                               .arg(d.name, Money::fromCents(d.chargedCents).toString(),
                                    Money::fromCents(d.catalogCents).toString(),
                                    Money::fromCents(d.chargedCents - d.catalogCents).toString()));
        }
        rows.append(QJsonObject{{QStringLiteral("receipt"), s.receiptNo},
                                {QStringLiteral("receipt_code"), receiptCode(s.receiptNo)},
                                {QStringLiteral("register"), s.registerId},
                                {QStringLiteral("made_at"), toStorageTime(s.madeAt)},
                                {QStringLiteral("landed_at"), toStorageTime(s.landedAt)},
                                {QStringLiteral("total_cents"), s.totalCents},
                                {QStringLiteral("price_differences"), differences}});
    }
    text << oasis::cli::tr("Sales made offline: %1, %2 in all. Lines sold at a price the catalog "
                           "does not have now: %3.")
                .arg(sales->size())
                .arg(Money::fromCents(totalCents).toString())
                .arg(differing);
    ctx.emit(QJsonObject{{QStringLiteral("report"), QStringLiteral("offline")},
                         {QStringLiteral("from"), from.toString(Qt::ISODate)},
                         {QStringLiteral("to"), to.toString(Qt::ISODate)},
                         {QStringLiteral("sales"), rows},
                         {QStringLiteral("total_cents"), totalCents},
                         {QStringLiteral("price_differences"), differing}},
             text);
    return {};
}

std::vector<Command> offlineCommands() {
    return {{"offline", cmdOffline,
             "offline status | prepare | send (a register of a store on a server: its copy for "
             "selling while the server is unreachable, and the sales waiting to be sent)"}};
}

} // namespace oasis::cli
