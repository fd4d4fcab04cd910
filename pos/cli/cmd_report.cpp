// SPDX-License-Identifier: GPL-3.0-or-later
// The report commands of oasisctl (X, Z, ranges with CSV export) and backup / restore.
#include "pos/cli/context.h"

#include "core/domain/clock.h"
#include "core/domain/savefile.h"
#include "core/domain/tax.h"
#include "core/services/authorization.h"
#include "core/services/backup.h"
#include "core/services/clients.h"
#include "core/services/commission.h"
#include "core/services/report.h"
#include "core/services/storesettings.h"
#include "pos/cli/translate.h"
#include "printing/cp858.h"
#include "printing/escpos.h"
#include "printing/reporttext.h"
#include "printing/transport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace oasis::cli {

namespace {
Result<QDate> dateOption(Context &ctx, const QString &name, QDate fallback) {
    const auto text = ctx.takeOption(name);
    if (!text)
        return fallback;
    const QDate d = QDate::fromString(*text, Qt::ISODate);
    if (!d.isValid())
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("--%1 %2: give a date as YYYY-MM-DD.").arg(name, *text));
    return d;
}

Status writeFile(const QString &path, const QByteArray &bytes) {
    if (auto saved = saveFile(path, bytes); !saved)
        return fail(ErrorCode::System,
                    oasis::cli::tr("Cannot write %1: %2").arg(path, saved.error().message));
    return {};
}

/// A Z or X on the receipt printer: plain lines in CP858, then feed and cut. text:PATH writes
/// the lines as they would print.
Status printLines(const QStringList &lines, const QString &targetText) {
    auto target = printing::parseTarget(targetText);
    if (!target)
        return std::unexpected(target.error());
    if (target->kind == printing::PrintTarget::Kind::Text)
        return writeFile(target->path, lines.join(u'\n').toUtf8() + '\n');
    if (!target->isEscPos())
        return fail(
            ErrorCode::Invalid,
            oasis::cli::tr("A report prints on a receipt printer (file:, tcp:, device:, lp:) or as "
                           "text:PATH."));
    QByteArray bytes("\x1b@\x1bt\x13", 5); // initialise; code page 19 = CP858
    for (const QString &line : lines)
        bytes += printing::toCp858(line) + '\n';
    bytes += printing::cutBytes();
    return printing::sendRaw(bytes, *target);
}

QJsonObject periodJson(const PeriodReport &r) {
    return r.toJson();
}

Status cmdReport(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr(
        "a report (x, z, history, sales, tax, tips, "
        "commission, usetax, giftcards, vouchers, packages, prepaid, aging, clients, offline, "
        "inventory)"));
    if (!sub)
        return std::unexpected(sub.error());
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    Database &d = **db;
    const QDate today = StoreSettings(d).businessDate(Clock::nowUtc());
    auto to = dateOption(ctx, QStringLiteral("to"), today);
    if (!to)
        return std::unexpected(to.error());
    auto from = dateOption(ctx, QStringLiteral("from"), *to);
    if (!from)
        return std::unexpected(from.error());
    const auto csvPath = ctx.takeOption(QStringLiteral("csv"));
    const auto printTarget = ctx.takeOption(QStringLiteral("print"));
    const auto pdfPath = ctx.takeOption(QStringLiteral("pdf"));
    const auto number = ctx.takeOption(QStringLiteral("number"));
    const auto byText = ctx.takeOption(QStringLiteral("by"));
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    SalesBy by = SalesBy::Category;
    if (byText) {
        static const std::map<QString, SalesBy> kinds{
            {QStringLiteral("category"), SalesBy::Category},
            {QStringLiteral("staff"), SalesBy::Staff},
            {QStringLiteral("therapist"), SalesBy::Therapist},
            {QStringLiteral("item"), SalesBy::Item}};
        if (*sub != QLatin1String("sales"))
            return fail(ErrorCode::Invalid, oasis::cli::tr("--by is for report sales."));
        auto it = kinds.find(*byText);
        if (it == kinds.end())
            return fail(
                ErrorCode::Invalid,
                oasis::cli::tr("--by %1: give category, staff, therapist or item.").arg(*byText));
        by = it->second;
    }
    if (*from > *to)
        return fail(ErrorCode::Invalid, oasis::cli::tr("--from is after --to."));
    if (printTarget)
        if (auto parsed = printing::parseTarget(*printTarget); !parsed)
            return std::unexpected(parsed.error());
    ReportService reports(d);

    if (*sub == QLatin1String("x") || *sub == QLatin1String("z")) {
        const bool z = *sub == QLatin1String("z");
        auto who = z ? ctx.signIn() : ctx.authorize(Action::Reports);
        if (!who)
            return std::unexpected(who.error());
        Result<PeriodReport> r = fail(ErrorCode::System, QString());
        if (z && number) {
            bool ok = false;
            const qint64 n = number->toLongLong(&ok);
            if (!ok || n <= 0)
                return fail(ErrorCode::Invalid, oasis::cli::tr("--number takes a Z number."));
            r = reports.loadZ(n); // a reprint of a saved Z
        } else {
            r = z ? reports.z(who->user, who->approver) : reports.x();
        }
        if (!r)
            return std::unexpected(r.error());
        if (csvPath)
            if (auto ok = writeFile(*csvPath, r->toTable().toCsv()); !ok)
                return ok;
        const QTimeZone zone = StoreSettings(d).timeZone();
        QStringList text = printing::periodReportText(*r, zone, 48);
        QJsonObject json = periodJson(*r);
        if (printTarget) {
            if (auto ok = printLines(text, *printTarget); !ok) {
                if (!z)
                    return ok;
                // The Z is saved whatever the printer does; say how to print it again.
                text << oasis::cli::tr(
                            "The Z report is saved but did not print: %1 Reprint with: oasisctl "
                            "report z --number %2 --print TARGET")
                            .arg(ok.error().message)
                            .arg(r->zNumber);
                json.insert(QStringLiteral("print_error"), ok.error().message);
            }
        }
        if (pdfPath) {
            if (auto ok = printing::renderPeriodReportPdf(*r, zone, *pdfPath); !ok) {
                if (!z)
                    return ok;
                text << oasis::cli::tr("The Z report is saved but its PDF was not written: %1 "
                                       "Write it again with: oasisctl report z --number %2 --pdf "
                                       "FILE")
                            .arg(ok.error().message)
                            .arg(r->zNumber);
                json.insert(QStringLiteral("pdf_error"), ok.error().message);
            }
        }
        ctx.emit(json, text);
        return {};
    }
    if (pdfPath)
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("--pdf is for report x and report z; the other reports "
                                   "export with --csv."));

    auto who = ctx.authorize(Action::Reports);
    if (!who)
        return std::unexpected(who.error());
    if (*sub == QLatin1String("offline"))
        return reportOffline(ctx, d, *from, *to);
    if (*sub == QLatin1String("history")) {
        auto all = reports.zReports();
        if (!all)
            return std::unexpected(all.error());
        QJsonArray arr;
        QStringList text;
        for (const ZSummary &z : *all) {
            arr.append(QJsonObject{{QStringLiteral("z_number"), z.zNumber},
                                   {QStringLiteral("closed_at"), toStorageTime(z.closedAt)},
                                   {QStringLiteral("staff"), z.staff},
                                   {QStringLiteral("period_total_cents"), z.periodTotal.cents()},
                                   {QStringLiteral("grand_total_cents"), z.grandTotal.cents()}});
            text << QStringLiteral("Z #%1  %2  %3  %4  grand %5")
                        .arg(z.zNumber)
                        .arg(z.closedAt.toString(Qt::ISODate), z.staff, z.periodTotal.format(),
                             z.grandTotal.format());
        }
        ctx.emit({{QStringLiteral("z_reports"), arr}}, text);
        return {};
    }
    Result<ReportTable> table =
        fail(ErrorCode::Invalid, oasis::cli::tr("Unknown report %1.").arg(*sub));
    std::optional<GiftCardAging> aging;
    if (*sub == QLatin1String("sales")) {
        table = reports.salesBy(by, *from, *to);
    } else if (*sub == QLatin1String("commission")) {
        table = reports.commission(*from, *to);
    } else if (*sub == QLatin1String("usetax")) {
        table = reports.useTax(*from, *to);
    } else if (*sub == QLatin1String("aging")) {
        // As of --to (today by default); --from has no meaning here.
        auto r = reports.giftCardAging(*to);
        if (!r)
            return std::unexpected(r.error());
        aging = std::move(*r);
        table = aging->cards;
    } else if (*sub == QLatin1String("clients")) {
        // As of --to. Client data leaves the store only by `client export`, journaled.
        if (csvPath)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("The clients report has no --csv: client data leaves the "
                                       "store by client export (a manager's, journaled)."));
        table = ClientService(d).lifetimeValue(*to, who->user);
    } else if (*sub == QLatin1String("tax"))
        table = reports.tax(*from, *to);
    else if (*sub == QLatin1String("tips"))
        table = reports.tips(*from, *to);
    else if (*sub == QLatin1String("giftcards"))
        table = reports.giftCards(*from, *to);
    std::optional<VoucherLiability> vouchers;
    std::optional<PackageLiability> packages;
    std::optional<PrepaidLiability> prepaid;
    if (*sub == QLatin1String("prepaid")) {
        auto r = reports.prepaid(*from, *to);
        if (!r)
            return std::unexpected(r.error());
        prepaid = std::move(*r);
        table = prepaid->table;
    } else if (*sub == QLatin1String("packages")) {
        auto r = reports.packages(*from, *to);
        if (!r)
            return std::unexpected(r.error());
        packages = std::move(*r);
        table = packages->packages;
    } else if (*sub == QLatin1String("vouchers")) {
        auto r = reports.vouchers(*from, *to);
        if (!r)
            return std::unexpected(r.error());
        vouchers = std::move(*r);
        table = vouchers->vouchers;
    } else if (*sub == QLatin1String("inventory"))
        table = reports.inventory();
    if (!table)
        return std::unexpected(table.error());
    if (csvPath)
        if (auto ok = writeFile(*csvPath, table->toCsv()); !ok)
            return ok;
    QJsonObject json = table->toJson();
    json.insert(QStringLiteral("report"), *sub);
    json.insert(QStringLiteral("from"), from->toString(Qt::ISODate));
    json.insert(QStringLiteral("to"), to->toString(Qt::ISODate));
    if (*sub == QLatin1String("sales"))
        json.insert(QStringLiteral("by"), byText.value_or(QStringLiteral("category")));
    QStringList text = printing::reportTableText(*table);
    if (*sub == QLatin1String("clients"))
        json.insert(QStringLiteral("as_of"), to->toString(Qt::ISODate));
    if (aging) {
        json.insert(QStringLiteral("as_of"), to->toString(Qt::ISODate));
        json.insert(QStringLiteral("buckets"),
                    QJsonObject{{QStringLiteral("outstanding_cents"), aging->outstanding.cents()},
                                {QStringLiteral("recent_cents"), aging->recent.cents()},
                                {QStringLiteral("months_12_24_cents"), aging->months12to24.cents()},
                                {QStringLiteral("months_24_36_cents"), aging->months24to36.cents()},
                                {QStringLiteral("over_36_cents"), aging->over36.cents()}});
        text << oasis::cli::tr("Owed on gift cards: %1. Active in the last 12 months: %2. Idle 12 "
                               "to 24 months: %3 (cards: %4). 24 to 36 months: %5 (cards: %6). "
                               "36 months or more: %7 (cards: %8).")
                    .arg(aging->outstanding.format(), aging->recent.format(),
                         aging->months12to24.format())
                    .arg(aging->cards12to24)
                    .arg(aging->months24to36.format())
                    .arg(aging->cards24to36)
                    .arg(aging->over36.format())
                    .arg(aging->cardsOver36);
    }
    if (*sub == QLatin1String("giftcards")) {
        // What the store owed on its cards at the start and end of the period, and why it moved.
        auto owed = reports.giftCardLiability(*from, *to);
        if (!owed)
            return std::unexpected(owed.error());
        json.insert(QStringLiteral("liability"),
                    QJsonObject{{QStringLiteral("opening_cents"), owed->opening.cents()},
                                {QStringLiteral("sold_cents"), owed->sold.cents()},
                                {QStringLiteral("redeemed_cents"), owed->redeemed.cents()},
                                {QStringLiteral("other_cents"), owed->other.cents()},
                                {QStringLiteral("closing_cents"), owed->closing.cents()}});
        text << oasis::cli::tr(
                    "Owed on gift cards: %1 at the start, + %2 sold, - %3 redeemed, %4 other, "
                    "= %5 at the end.")
                    .arg(owed->opening.format(), owed->sold.format(), owed->redeemed.format(),
                         owed->other.format(), owed->closing.format());
        // Promotional value apart: not owed, so not in the liability above.
        const GiftCardLiability::Promo &p = owed->promo;
        json.insert(QStringLiteral("promo"),
                    QJsonObject{{QStringLiteral("opening_cents"), p.opening.cents()},
                                {QStringLiteral("granted_cents"), p.granted.cents()},
                                {QStringLiteral("spent_cents"), p.spent.cents()},
                                {QStringLiteral("expired_cents"), p.expired.cents()},
                                {QStringLiteral("closing_cents"), p.closing.cents()}});
        text << oasis::cli::tr("Promotional value (not owed): %1 at the start, + %2 granted, - %3 "
                               "spent, - %4 expired, = %5 at the end.")
                    .arg(p.opening.format(), p.granted.format(), p.spent.format(),
                         p.expired.format(), p.closing.format());
    }
    if (packages) {
        json.insert(QStringLiteral("liability"),
                    QJsonObject{{QStringLiteral("opening_cents"), packages->opening.cents()},
                                {QStringLiteral("sold_cents"), packages->sold.cents()},
                                {QStringLiteral("sold"), packages->soldCount},
                                {QStringLiteral("sold_sessions"), packages->soldSessions},
                                {QStringLiteral("recognised_cents"), packages->recognised.cents()},
                                {QStringLiteral("sessions_used"), packages->usedSessions},
                                {QStringLiteral("refunded_cents"), packages->refunded.cents()},
                                {QStringLiteral("sessions_refunded"), packages->refundedSessions},
                                {QStringLiteral("closing_cents"), packages->closing.cents()},
                                {QStringLiteral("sessions_left"), packages->outstandingSessions}});
        text << oasis::cli::tr("Owed on session packages: %1 at the start, + %2 sold (%3 "
                               "packages, %4 sessions), - %5 recognised as revenue (%6 sessions "
                               "used), - %7 refunded (%8 sessions), = %9 at the end (%10 "
                               "sessions left).")
                    .arg(packages->opening.format(), packages->sold.format())
                    .arg(packages->soldCount)
                    .arg(packages->soldSessions)
                    .arg(packages->recognised.format())
                    .arg(packages->usedSessions)
                    .arg(packages->refunded.format())
                    .arg(packages->refundedSessions)
                    .arg(packages->closing.format())
                    .arg(packages->outstandingSessions);
    }
    if (vouchers) {
        json.insert(QStringLiteral("liability"),
                    QJsonObject{{QStringLiteral("opening_cents"), vouchers->opening.cents()},
                                {QStringLiteral("sold_cents"), vouchers->sold.cents()},
                                {QStringLiteral("sold"), vouchers->soldCount},
                                {QStringLiteral("redeemed_cents"), vouchers->redeemed.cents()},
                                {QStringLiteral("redeemed"), vouchers->redeemedCount},
                                {QStringLiteral("covered_cents"), vouchers->covered.cents()},
                                {QStringLiteral("refunded_cents"), vouchers->voided.cents()},
                                {QStringLiteral("refunded"), vouchers->voidedCount},
                                {QStringLiteral("closing_cents"), vouchers->closing.cents()},
                                {QStringLiteral("outstanding"), vouchers->outstandingCount}});
        text << oasis::cli::tr("Owed on service vouchers: %1 at the start, + %2 sold (%3), - %4 "
                               "redeemed (%5, covering %6 of sessions), - %7 refunded (%8), = %9 "
                               "at the end (%10 not redeemed).")
                    .arg(vouchers->opening.format(), vouchers->sold.format())
                    .arg(vouchers->soldCount)
                    .arg(vouchers->redeemed.format())
                    .arg(vouchers->redeemedCount)
                    .arg(vouchers->covered.format(), vouchers->voided.format())
                    .arg(vouchers->voidedCount)
                    .arg(vouchers->closing.format())
                    .arg(vouchers->outstandingCount);
    }
    if (prepaid) {
        const auto kindJson = [](const PrepaidKind &k) {
            return QJsonObject{{QStringLiteral("kind"), k.kind},
                               {QStringLiteral("opening_cents"), k.opening.cents()},
                               {QStringLiteral("sold_cents"), k.sold.cents()},
                               {QStringLiteral("redeemed_cents"), k.redeemed.cents()},
                               {QStringLiteral("other_cents"), k.other.cents()},
                               {QStringLiteral("closing_cents"), k.closing.cents()},
                               {QStringLiteral("recognised_cents"), k.recognised.cents()},
                               {QStringLiteral("sold"), k.soldCount},
                               {QStringLiteral("redeemed"), k.redeemedCount},
                               {QStringLiteral("other"), k.otherCount},
                               {QStringLiteral("outstanding"), k.outstandingCount}};
        };
        QJsonArray kinds;
        for (const PrepaidKind &k : prepaid->kinds)
            kinds.append(kindJson(k));
        QJsonObject total = kindJson(prepaid->total);
        for (const char *count : {"kind", "sold", "redeemed", "other", "outstanding"})
            total.remove(QLatin1String(count)); // counts are in each kind's own unit
        json.insert(QStringLiteral("kinds"), kinds);
        json.insert(QStringLiteral("total"), total);
        json.insert(QStringLiteral("recognised_cents"), prepaid->recognised.cents());
        json.insert(QStringLiteral("promo_outstanding_cents"), prepaid->promoOutstanding.cents());
        const PrepaidKind &all = prepaid->total;
        text << oasis::cli::tr("Owed on everything prepaid: %1 at the start, + %2 sold, - %3 "
                               "redeemed, %4 refunds and other, = %5 at the end.")
                    .arg(all.opening.format(), all.sold.format(), all.redeemed.format(),
                         all.other.format(), all.closing.format());
        text << oasis::cli::tr("Revenue recognised from vouchers and packages: %1.")
                    .arg(prepaid->recognised.format());
        text << oasis::cli::tr("Promotional value on gift cards at the end (not owed): %1.")
                    .arg(prepaid->promoOutstanding.format());
        text << oasis::cli::tr("Counts: gift cards in ledger entries (outstanding: cards owing), "
                               "vouchers in vouchers, packages in sessions.");
    }
    if (csvPath) {
        json.insert(QStringLiteral("csv"), QFileInfo(*csvPath).absoluteFilePath());
        text << oasis::cli::tr("Written to %1.").arg(QDir::toNativeSeparators(*csvPath));
    }
    ctx.emit(json, text);
    return {};
}

Status cmdCommission(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr("a commission command (list, set)"));
    if (!sub)
        return std::unexpected(sub.error());
    if (*sub != QLatin1String("list") && *sub != QLatin1String("set"))
        return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown commission command %1.").arg(*sub));
    const auto therapist = ctx.takeOption(QStringLiteral("therapist"));
    const auto service = ctx.takeOption(QStringLiteral("service"));
    std::optional<qint64> ppm;
    if (*sub == QLatin1String("set")) {
        if (therapist.has_value() == service.has_value())
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("Give either --therapist NAME or --service CODE."));
        auto rate = ctx.takeArgument(oasis::cli::tr("the RATE (a percentage, or none)"));
        if (!rate)
            return std::unexpected(rate.error());
        if (*rate != QLatin1String("none")) {
            auto parsed = parsePercent(*rate);
            if (!parsed)
                return std::unexpected(parsed.error());
            ppm = *parsed;
        }
    } else if (therapist || service) {
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("--therapist and --service are for commission set."));
    }
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    CommissionService commission(**db);
    if (*sub == QLatin1String("set")) {
        auto who = ctx.signIn();
        if (!who)
            return std::unexpected(who.error());
        auto ok = therapist ? commission.setTherapistRate(*therapist, ppm, who->user, who->approver)
                            : commission.setServiceRate(*service, ppm, who->user, who->approver);
        if (!ok)
            return ok;
    } else if (auto who = ctx.authorize(Action::Reports); !who) {
        return std::unexpected(who.error());
    }
    auto rates = commission.rates();
    if (!rates)
        return std::unexpected(rates.error());
    QJsonObject byTherapist, byService;
    QStringList text;
    for (const auto &[login, rate] : rates->byTherapist) {
        byTherapist.insert(login, rate);
        text << oasis::cli::tr("therapist %1: %2%").arg(login, percentText(rate));
    }
    for (const auto &[code, rate] : rates->byService) {
        byService.insert(code, rate);
        text << oasis::cli::tr("service %1: %2%").arg(code, percentText(rate));
    }
    if (text.isEmpty())
        text << oasis::cli::tr("No commission rates are set.");
    ctx.emit({{QStringLiteral("therapist_ppm"), byTherapist},
              {QStringLiteral("service_ppm"), byService}},
             text);
    return {};
}

QJsonObject backupJson(const QString &path, const QString &keyPath, const BackupCheck &c) {
    return {{QStringLiteral("path"), path},
            {QStringLiteral("key_file"), keyPath},
            {QStringLiteral("verified"), c.ok},
            {QStringLiteral("journal_entries"), c.journalEntries},
            {QStringLiteral("journal_seq"), c.journalSeq},
            {QStringLiteral("journal_hash"), c.journalHash},
            {QStringLiteral("sales"), c.sales}};
}

Status cmdBackup(Context &ctx) {
    const bool autoMode = ctx.takeFlag(QStringLiteral("auto"));
    const auto dir = ctx.takeOption(QStringLiteral("dir"));
    const auto keepText = ctx.takeOption(QStringLiteral("keep"));
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    int keep = 14;
    if (keepText) {
        bool ok = false;
        keep = keepText->toInt(&ok);
        if (!ok || keep < 1)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("--keep takes a number of daily backups (1 or more)."));
    }
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    BackupService backups(**db);
    const QString keepApart = oasis::cli::tr(
        "Keep the key file apart from the backup (e.g. on a USB stick in the safe): together "
        "they can forge gift cards; without the key the backup cannot be restored.");
    if (autoMode) {
        // The daily backup for cron: no PIN, like the app's own timer.
        if (!ctx.args.isEmpty())
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("backup --auto takes no FILE (use --dir DIR)."));
        auto made = backups.daily(dir.value_or(QString()), keep);
        if (!made)
            return std::unexpected(made.error());
        if (!*made) {
            ctx.emit({{QStringLiteral("created"), false},
                      {QStringLiteral("dir"), dir.value_or(backups.defaultDirectory())}},
                     {oasis::cli::tr("Today's backup already exists.")});
            return {};
        }
        QJsonObject json = backupJson((*made)->path, (*made)->keyPath, (*made)->check);
        json.insert(QStringLiteral("created"), true);
        ctx.emit(json, {oasis::cli::tr("Backup written and verified: %1").arg((*made)->path),
                        oasis::cli::tr("Key file: %1").arg((*made)->keyPath), keepApart});
        return {};
    }
    auto file = ctx.takeArgument(oasis::cli::tr("the backup FILE"));
    if (!file)
        return std::unexpected(file.error());
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    auto made = backups.snapshot(*file, who->user, who->approver);
    if (!made)
        return std::unexpected(made.error());
    QJsonObject json = backupJson(made->path, made->keyPath, made->check);
    json.insert(QStringLiteral("bytes"), made->bytes);
    ctx.emit(json, {oasis::cli::tr("Backup written and verified (%1 journal entries, %2 sales): %3")
                        .arg(made->check.journalEntries)
                        .arg(made->check.sales)
                        .arg(made->path),
                    oasis::cli::tr("Key file: %1").arg(made->keyPath), keepApart});
    return {};
}

Status cmdRestore(Context &ctx) {
    auto file = ctx.takeArgument(oasis::cli::tr("the backup FILE"));
    if (!file)
        return std::unexpected(file.error());
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    const QString target = ctx.dbPath.isEmpty() ? Store::defaultPath() : ctx.dbPath;
    // A restore always needs a manager's PIN. It is checked against the current database, which
    // is then closed before it is replaced; a database that no longer opens (the reason to
    // restore) cannot check a PIN, so the snapshot's own staff (read-only) check it then.
    if (ctx.user.isEmpty())
        return fail(
            ErrorCode::Invalid,
            oasis::cli::tr("restore needs --user NAME (a manager or the owner, with the PIN in "
                           "OASIS_PIN)."));
    QString note;
    std::unique_ptr<Store> checker;
    if (QFileInfo::exists(target)) {
        auto current = Store::open(target);
        if (current)
            checker = std::move(*current);
        else
            note = oasis::cli::tr("The current database did not open (%1); it is kept aside.")
                       .arg(current.error().message);
    }
    if (!checker) {
        Store::Options options;
        options.keyDirectory = Store::defaultKeyDirectory();
        auto snapshot = Store::open(*file, options);
        if (!snapshot)
            return fail(
                snapshot.error().code,
                oasis::cli::tr("Restore refused: neither the current database nor %1 can check the "
                               "PIN of %2 (%3)")
                    .arg(*file, ctx.user, snapshot.error().message));
        checker = std::move(*snapshot);
    }
    QString actor;
    {
        auto pin = readSecret("OASIS_PIN", oasis::cli::tr("PIN for %1: ").arg(ctx.user));
        if (!pin)
            return std::unexpected(pin.error());
        StaffService staff(checker->db());
        auto member = staff.authenticate(ctx.user, *pin);
        if (!member)
            return std::unexpected(member.error());
        std::optional<StaffMember> approver;
        if (!ctx.approveBy.isEmpty()) {
            auto apin =
                readSecret("OASIS_APPROVER_PIN", oasis::cli::tr("PIN for %1: ").arg(ctx.approveBy));
            if (!apin)
                return std::unexpected(apin.error());
            auto signer = staff.authenticate(ctx.approveBy, *apin);
            if (!signer)
                return std::unexpected(signer.error());
            approver = *signer;
        }
        if (auto ok = authorize(Action::Backup, *member, approver); !ok)
            return ok;
        actor = member->name;
    }
    checker.reset();
    auto restored = BackupService::restore(*file, target, Store::defaultKeyDirectory(), actor);
    if (!restored)
        return std::unexpected(restored.error());
    QJsonObject json = backupJson(restored->path, QString(), restored->check);
    json.insert(QStringLiteral("restored"), true);
    json.insert(QStringLiteral("previous_copy"), restored->savedCopy);
    QStringList text{oasis::cli::tr("Restored %1 from %2 (journal entry %3).")
                         .arg(restored->path, *file)
                         .arg(restored->check.journalSeq)};
    if (!restored->savedCopy.isEmpty())
        text << oasis::cli::tr("The database as it was is kept at %1.").arg(restored->savedCopy);
    if (!note.isEmpty())
        text << note;
    ctx.emit(json, text);
    return {};
}

} // namespace

std::vector<Command> reportCommands() {
    return {
        {"report", cmdReport,
         "report x | z [--number N] | history | sales [--by category|staff|therapist|item] | "
         "tax | tips | commission | usetax | giftcards | vouchers | packages | prepaid | aging | "
         "clients | offline | inventory [--from DATE] "
         "[--to DATE] [--csv FILE] [--print TARGET] [--pdf FILE]"},
        {"commission", cmdCommission,
         "commission list | set --therapist NAME|--service CODE RATE%|none"},
        {"backup", cmdBackup, "backup FILE | backup --auto [--dir DIR] [--keep N]"},
        {"restore", cmdRestore, "restore FILE"}};
}

} // namespace oasis::cli
