// SPDX-License-Identifier: GPL-3.0-or-later
// client add | find | show | merge | export (DESIGN §10 second round, §15).
#include "pos/cli/context.h"

#include "core/services/clients.h"
#include "core/services/package.h"
#include "core/services/sale.h"
#include "pos/cli/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace oasis::cli {

namespace {

QJsonObject clientJson(const Client &c) {
    QJsonObject o{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("phone"), c.phone},
        {QStringLiteral("email"), c.email},
        {QStringLiteral("notes"), c.notes},
        {QStringLiteral("has_health_flags"), c.hasHealthFlags},
        {QStringLiteral("merged_into"), c.mergedInto > 0 ? QJsonValue(c.mergedInto) : QJsonValue()},
        {QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODate)}};
    // Only for a role that may see them: the key is absent, not empty, for the front desk.
    if (c.healthVisible)
        o.insert(QStringLiteral("health_flags"), QJsonArray::fromStringList(c.healthFlags));
    return o;
}

/// "Ana Ruiz (#12) · (206) 555-0142 · ana@example.com"
QString clientLine(const Client &c) {
    QStringList parts{QStringLiteral("%1 (#%2)").arg(c.name).arg(c.id)};
    if (!c.phone.isEmpty())
        parts << c.phone;
    if (!c.email.isEmpty())
        parts << c.email;
    return parts.join(QStringLiteral(" · "));
}

QStringList healthLines(const Client &c) {
    if (!c.hasHealthFlags)
        return {};
    if (!c.healthVisible)
        return {oasis::cli::tr("  Health notes: on file, for the therapist and managers.")};
    QStringList out{oasis::cli::tr("  Health notes:")};
    for (const QString &f : c.healthFlags)
        out << QStringLiteral("    ! ") + f;
    return out;
}

Result<qint64> clientNumber(Context &ctx, const QString &what) {
    auto text = ctx.takeArgument(what);
    if (!text)
        return std::unexpected(text.error());
    bool ok = false;
    const qint64 id = QString(*text).remove(u'#').toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("%1 is not a client's number (oasisctl client find NAME shows "
                                   "it).")
                        .arg(*text));
    return id;
}

Status cmdClientAdd(Context &ctx) {
    ClientDetails d;
    d.phone = ctx.takeOption(QStringLiteral("phone")).value_or(QString());
    d.email = ctx.takeOption(QStringLiteral("email")).value_or(QString());
    d.notes = ctx.takeOption(QStringLiteral("note")).value_or(QString());
    QStringList flags;
    while (auto f = ctx.takeOption(QStringLiteral("flag")))
        flags << *f;
    if (!flags.isEmpty())
        d.healthFlags = flags;
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    auto name = ctx.takeArgument(oasis::cli::tr("the client's NAME"));
    if (!name)
        return std::unexpected(name.error());
    d.name = *name;
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    if (auto ok = ClientService::validate(d); !ok)
        return ok;
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    auto added = ClientService(**db).add(d, who->user, who->approver);
    if (!added)
        return std::unexpected(added.error());
    ctx.emit({{QStringLiteral("client"), clientJson(*added)}},
             QStringList{oasis::cli::tr("Added client %1").arg(clientLine(*added))} +
                 healthLines(*added));
    return {};
}

Status cmdClientFind(Context &ctx) {
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    auto text = ctx.takeArgument(oasis::cli::tr("a NAME or PHONE to find"));
    if (!text)
        return std::unexpected(text.error());
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    if (text->trimmed().isEmpty()) // the counter's empty search box lists no one; here it is a typo
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("client find needs a name or phone digits to look for."));
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    auto found = ClientService(**db).find(*text, who->user);
    if (!found)
        return std::unexpected(found.error());
    QJsonArray all;
    QStringList lines;
    for (const Client &c : *found) {
        all.append(clientJson(c));
        lines << clientLine(c) + (c.hasHealthFlags ? oasis::cli::tr(" · health notes") : QString());
    }
    if (found->empty())
        lines << oasis::cli::tr("No client matches %1.").arg(*text);
    ctx.emit({{QStringLiteral("clients"), all}}, lines);
    return {};
}

QJsonArray historyJson(const std::vector<ClientHistoryLine> &lines) {
    QJsonArray out;
    for (const ClientHistoryLine &l : lines) {
        QJsonObject o{{QStringLiteral("receipt"), receiptCode(l.receiptNo)},
                      {QStringLiteral("kind"), l.saleKind},
                      {QStringLiteral("at"), l.at.toString(Qt::ISODate)},
                      {QStringLiteral("code"), l.code},
                      {QStringLiteral("name"), l.name},
                      {QStringLiteral("quantity"), l.quantity},
                      {QStringLiteral("net_cents"), l.net.cents()}};
        if (!l.therapist.isEmpty())
            o.insert(QStringLiteral("therapist"), l.therapist);
        if (!l.voucherStatus.isEmpty()) {
            o.insert(QStringLiteral("voucher_last4"), l.giftCardLast4);
            o.insert(QStringLiteral("status"), l.voucherStatus);
        } else if (!l.giftCardLast4.isEmpty()) {
            o.insert(QStringLiteral("giftcard_last4"), l.giftCardLast4);
        }
        out.append(o);
    }
    return out;
}

Status cmdClientShow(Context &ctx) {
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    auto id = clientNumber(ctx, oasis::cli::tr("the client's number"));
    if (!id)
        return std::unexpected(id.error());
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    ClientService clients(**db);
    auto client = clients.get(*id, who->user);
    if (!client)
        return std::unexpected(client.error());
    // A merged duplicate's history is its kept client's.
    const qint64 holder = client->mergedInto > 0 ? client->mergedInto : client->id;
    auto history = clients.history(holder, who->user);
    if (!history)
        return std::unexpected(history.error());
    QStringList lines{clientLine(*client)};
    if (client->mergedInto > 0)
        lines << oasis::cli::tr("  Merged into client #%1.").arg(client->mergedInto);
    if (!client->notes.isEmpty())
        lines << oasis::cli::tr("  Notes: %1").arg(QString(client->notes).replace(u'\n', u' '));
    lines += healthLines(*client);
    lines << oasis::cli::tr("  Tickets: %1 · spent %2")
                 .arg(history->tickets)
                 .arg(history->spent.format());
    auto section = [&lines](const QString &title, const std::vector<ClientHistoryLine> &rows) {
        if (rows.empty())
            return;
        lines << title;
        for (const ClientHistoryLine &l : rows)
            lines << QStringLiteral("    %1  %2  %3 × %4  %5%6")
                             .arg(l.at.toLocalTime().date().toString(Qt::ISODate),
                                  receiptCode(l.receiptNo))
                             .arg(l.quantity)
                             .arg(l.name, l.net.format(),
                                  l.therapist.isEmpty()
                                      ? QString()
                                      : QStringLiteral("  (%1)").arg(l.therapist)) +
                         (l.voucherStatus.isEmpty()
                              ? QString()
                              : QStringLiteral("  ••%1 %2").arg(l.giftCardLast4, l.voucherStatus));
    };
    section(oasis::cli::tr("  Visits:"), history->visits);
    section(oasis::cli::tr("  Purchases:"), history->purchases);
    section(oasis::cli::tr("  Gift cards:"), history->giftCards);
    section(oasis::cli::tr("  Service vouchers:"), history->vouchers);
    // Session packages, by last 4, with the sessions left.
    auto packages = PackageService(**db).ofClient(holder);
    if (!packages)
        return std::unexpected(packages.error());
    QJsonArray packagesJson;
    if (!packages->empty())
        lines << oasis::cli::tr("  Packages:");
    for (const SessionPackage &k : *packages) {
        packagesJson.append(QJsonObject{{QStringLiteral("id"), k.id},
                                        {QStringLiteral("last4"), k.last4},
                                        {QStringLiteral("package"), k.productCode},
                                        {QStringLiteral("session"), k.serviceCode},
                                        {QStringLiteral("sessions"), k.sessions},
                                        {QStringLiteral("sessions_left"), k.sessionsLeft},
                                        {QStringLiteral("status"), k.statusName()},
                                        {QStringLiteral("receipt"), k.soldReceiptNo}});
        // #ID: how `sale --client ID --pay package:#ID` uses a session without the code.
        lines << oasis::cli::tr("    %6  ••%1  %2  %3 of %4 sessions left  (%5)")
                     .arg(k.last4, k.productCode)
                     .arg(k.sessionsLeft)
                     .arg(k.sessions)
                     .arg(receiptCode(k.soldReceiptNo), packageRef(k.id));
    }
    ctx.emit({{QStringLiteral("client"), clientJson(*client)},
              {QStringLiteral("packages"), packagesJson},
              {QStringLiteral("tickets"), history->tickets},
              {QStringLiteral("spent_cents"), history->spent.cents()},
              {QStringLiteral("visits"), historyJson(history->visits)},
              {QStringLiteral("vouchers"), historyJson(history->vouchers)},
              {QStringLiteral("purchases"), historyJson(history->purchases)},
              {QStringLiteral("giftcards"), historyJson(history->giftCards)}},
             lines);
    return {};
}

Status cmdClientMerge(Context &ctx) {
    const auto into = ctx.takeOption(QStringLiteral("into"));
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    if (!into)
        return fail(ErrorCode::Invalid, oasis::cli::tr("client merge ID --into ID: say which "
                                                       "client to keep with --into."));
    auto duplicate = clientNumber(ctx, oasis::cli::tr("the duplicate client's number"));
    if (!duplicate)
        return std::unexpected(duplicate.error());
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    ctx.args = QStringList{*into};
    auto keep = clientNumber(ctx, oasis::cli::tr("the number of the client to keep"));
    if (!keep)
        return std::unexpected(keep.error());
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    auto kept = ClientService(**db).merge(*duplicate, *keep, who->user, who->approver);
    if (!kept)
        return std::unexpected(kept.error());
    ctx.emit(
        {{QStringLiteral("client"), clientJson(*kept)}, {QStringLiteral("merged"), *duplicate}},
        {oasis::cli::tr("Client #%1 is merged into %2; its visits and purchases are "
                        "now that client's.")
             .arg(*duplicate)
             .arg(clientLine(*kept))});
    return {};
}

Status cmdClientExport(Context &ctx) {
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    auto file = ctx.takeArgument(oasis::cli::tr("the FILE.csv to write"));
    if (!file)
        return std::unexpected(file.error());
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    auto count = ClientService(**db).exportCsv(*file, who->user, who->approver);
    if (!count)
        return std::unexpected(count.error());
    ctx.emit({{QStringLiteral("file"), *file}, {QStringLiteral("clients"), *count}},
             {oasis::cli::tr("Clients exported to %1: %2, health notes included; keep the "
                             "file private. The export is in the journal.")
                  .arg(QDir::toNativeSeparators(*file))
                  .arg(*count)});
    return {};
}

Status cmdClient(Context &ctx) {
    auto sub =
        ctx.takeArgument(oasis::cli::tr("a client command (add, find, show, merge, export)"));
    if (!sub)
        return std::unexpected(sub.error());
    if (*sub == QLatin1String("add"))
        return cmdClientAdd(ctx);
    if (*sub == QLatin1String("find"))
        return cmdClientFind(ctx);
    if (*sub == QLatin1String("show"))
        return cmdClientShow(ctx);
    if (*sub == QLatin1String("merge"))
        return cmdClientMerge(ctx);
    if (*sub == QLatin1String("export"))
        return cmdClientExport(ctx);
    return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown client command %1.").arg(*sub));
}
} // namespace

std::vector<Command> clientCommands() {
    return {
        {"client", cmdClient,
         "client add NAME [--phone P] [--email E] [--note N] [--flag F]... | find TEXT | show ID\n"
         "       | merge ID --into ID | export FILE.csv   (merge and export: a manager)"},
    };
}

} // namespace oasis::cli
