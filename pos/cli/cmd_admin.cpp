// SPDX-License-Identifier: GPL-3.0-or-later
// init, whoami, staff, catalog, journal.
#include "pos/cli/context.h"

#include "core/domain/csv.h"
#include "core/domain/giftcode.h"
#include "core/domain/savefile.h"
#include "core/services/catalog.h"
#include "core/services/demo.h"
#include "core/services/registers.h"
#include "core/services/sale.h"
#include "core/services/scan.h"
#include "pos/cli/translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QUrl>

namespace oasis::cli {

namespace {
Status cmdInit(Context &ctx) {
    const bool demo = ctx.takeFlag(QStringLiteral("demo"));
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    auto db = ctx.database(Store::Mode::CreateIfMissing);
    if (!db)
        return std::unexpected(db.error());
    Database &d = **db;
    const Store &store = *ctx.store();
    if (auto ok = installDefaults(d); !ok)
        return ok;
    bool demoAdded = false;
    if (demo) {
        auto empty = StaffService(d).isEmpty();
        if (!empty)
            return std::unexpected(empty.error());
        if (*empty) {
            if (auto ok = installDemoData(d); !ok)
                return ok;
            if (auto ok = installDemoPackages(d); !ok)
                return ok;
            demoAdded = true;
        }
    }
    QStringList text{
        store.wasCreated()
            ? oasis::cli::tr("Created %1 (schema %2).").arg(store.path()).arg(store.schemaVersion())
            : oasis::cli::tr("%1 is at schema %2.").arg(store.path()).arg(store.schemaVersion()),
        oasis::cli::tr("Key file: %1 (keep it safe, apart from backups of the database).")
            .arg(store.keyFilePath())};
    // The computer that creates the store is its first register (Store::open registers it).
    const QString thisRegister = Store::registerId();
    auto known = RegisterService(d).isKnown(thisRegister);
    if (!known)
        return std::unexpected(known.error());
    if (store.wasCreated() && *known)
        text << oasis::cli::tr("This computer is register %1; a manager adds others with: oasisctl "
                               "register add NAME.")
                    .arg(thisRegister);
    else if (!*known)
        text << oasis::cli::tr(
                    "This computer's register %1 is not registered in this store: a manager adds "
                    "it with: oasisctl register add %1")
                    .arg(thisRegister);
    if (demoAdded)
        text << oasis::cli::tr(
            "Demo data added: frontdesk PIN 1111, manager PIN 9999, owner PIN 2468.");
    else if (demo)
        text << oasis::cli::tr("Demo data not added: the database already has staff.");
    ctx.emit({{QStringLiteral("path"), store.path()},
              {QStringLiteral("created"), store.wasCreated()},
              {QStringLiteral("schema_version"), store.schemaVersion()},
              {QStringLiteral("key_file"), store.keyFilePath()},
              {QStringLiteral("register"), thisRegister},
              {QStringLiteral("register_known"), *known},
              {QStringLiteral("demo"), demoAdded}},
             text);
    return {};
}

Status cmdWhoami(Context &ctx) {
    auto me = ctx.login();
    if (!me)
        return std::unexpected(me.error());
    ctx.emit({{QStringLiteral("name"), me->name},
              {QStringLiteral("display_name"), me->displayName},
              {QStringLiteral("role"), roleName(me->role)}},
             {QStringLiteral("%1 (%2) — %3").arg(me->name, me->displayName, roleName(me->role))});
    return {};
}

QJsonObject staffJson(const StaffMember &m) {
    return {{QStringLiteral("name"), m.name},
            {QStringLiteral("display_name"), m.displayName},
            {QStringLiteral("role"), roleName(m.role)},
            {QStringLiteral("active"), m.active}};
}

Status cmdStaff(Context &ctx) {
    auto sub =
        ctx.takeArgument(oasis::cli::tr("a staff command (list, add, deactivate, reset-pin)"));
    if (!sub)
        return std::unexpected(sub.error());
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    StaffService staff(**db);
    if (*sub == QLatin1String("list")) {
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        auto all = staff.list(true);
        if (!all)
            return std::unexpected(all.error());
        QJsonArray arr;
        QStringList text;
        for (const StaffMember &m : *all) {
            arr.append(staffJson(m));
            text << QStringLiteral("%1  %2  %3%4")
                        .arg(m.name, -12)
                        .arg(roleName(m.role), -10)
                        .arg(m.displayName, m.active ? QString() : oasis::cli::tr("  (inactive)"));
        }
        ctx.emit({{QStringLiteral("staff"), arr}}, text);
        return {};
    }
    // Changing staff needs the owner (StaffService checks), except to add the very first owner
    // of a new database: `staff add NAME --role owner` with no --user.
    const bool bootstrap = ctx.user.isEmpty() && *sub == QLatin1String("add");
    std::optional<Context::Authorized> who;
    if (!bootstrap) {
        auto signedIn = ctx.signIn();
        if (!signedIn)
            return std::unexpected(signedIn.error());
        who = *signedIn;
    }
    if (*sub == QLatin1String("add")) {
        auto name = ctx.takeArgument(oasis::cli::tr("the new staff member's NAME"));
        if (!name)
            return std::unexpected(name.error());
        auto roleText = ctx.takeOption(QStringLiteral("role"));
        const auto display = ctx.takeOption(QStringLiteral("display-name"));
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        if (!roleText)
            return fail(
                ErrorCode::Invalid,
                oasis::cli::tr("staff add needs --role frontdesk|manager|owner|therapist."));
        auto role = roleFromName(*roleText);
        if (!role)
            return fail(
                ErrorCode::Invalid,
                oasis::cli::tr("Unknown role %1: use frontdesk, manager, owner or therapist.")
                    .arg(*roleText));
        if (bootstrap && *role != Role::Owner)
            return fail(
                ErrorCode::Invalid,
                oasis::cli::tr("This command needs --user NAME (and the PIN in OASIS_PIN); a new "
                               "database gets its owner first with staff add NAME --role owner."));
        QString pin;
        if (*role != Role::Therapist) {
            auto secret =
                readSecret("OASIS_NEW_PIN", oasis::cli::tr("New PIN for %1: ").arg(*name));
            if (!secret)
                return std::unexpected(secret.error());
            pin = *secret;
        }
        auto added = bootstrap ? staff.addFirstOwner(*name, pin, display.value_or(QString()))
                               : staff.add(*name, *role, pin, who->user, who->approver,
                                           display.value_or(QString()));
        if (!added && bootstrap && added.error().code == ErrorCode::Permission)
            return fail(
                ErrorCode::Invalid,
                oasis::cli::tr("This command needs --user NAME (and the PIN in OASIS_PIN): %1")
                    .arg(added.error().message));
        if (!added)
            return std::unexpected(added.error());
        ctx.emit(staffJson(*added),
                 {oasis::cli::tr("Added %1 as %2.").arg(added->name, roleName(added->role))});
        return {};
    }
    if (*sub == QLatin1String("deactivate") || *sub == QLatin1String("reset-pin")) {
        auto name = ctx.takeArgument(oasis::cli::tr("the staff member's NAME"));
        if (!name)
            return std::unexpected(name.error());
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        Status done;
        if (*sub == QLatin1String("deactivate")) {
            done = staff.deactivate(*name, who->user, who->approver);
        } else {
            auto pin = readSecret("OASIS_NEW_PIN", oasis::cli::tr("New PIN for %1: ").arg(*name));
            if (!pin)
                return std::unexpected(pin.error());
            done = staff.resetPin(*name, *pin, who->user, who->approver);
        }
        if (!done)
            return done;
        auto member = staff.find(*name);
        if (!member)
            return std::unexpected(member.error());
        ctx.emit(staffJson(*member),
                 {*sub == QLatin1String("deactivate")
                      ? oasis::cli::tr("%1 is deactivated.").arg(member->name)
                      : oasis::cli::tr("The PIN of %1 was reset.").arg(member->name)});
        return {};
    }
    return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown staff command %1.").arg(*sub));
}

QJsonObject itemJson(const CatalogItem &it) {
    return {{QStringLiteral("type"),
             it.isSession() ? QStringLiteral("session") : QStringLiteral("product")},
            {QStringLiteral("code"), it.code},
            {QStringLiteral("barcode"), it.barcodes.join(u'|')},
            {QStringLiteral("name"), it.name},
            {QStringLiteral("category"), it.category},
            {QStringLiteral("size"), it.size},
            {QStringLiteral("price_cents"), it.price.cents()},
            {QStringLiteral("cost_cents"), it.cost.cents()},
            {QStringLiteral("tax_class"), taxClassName(it.taxClass)},
            {QStringLiteral("paraben_free"),
             it.parabenFree ? QStringLiteral("yes") : QStringLiteral("no")},
            {QStringLiteral("reorder_point"), it.reorderPoint},
            {QStringLiteral("modality"), it.modality},
            {QStringLiteral("minutes"), it.minutes},
            {QStringLiteral("active"), it.active}};
}

/// What a scan at the counter would do with TEXT (the register's scan field, ScanResolver):
/// nothing is added, paid or changed.
Status cmdScan(Context &ctx) {
    auto text = ctx.takeArgument(oasis::cli::tr("the scanned or typed TEXT"));
    if (!text)
        return std::unexpected(text.error());
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    if (!ctx.args.isEmpty())
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("scan takes one TEXT; quote a name with spaces."));
    if (text->trimmed().isEmpty())
        return fail(ErrorCode::Invalid, oasis::cli::tr("Nothing to scan: give the TEXT."));
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    auto scanned = ScanResolver(**db).resolve(*text);
    if (!scanned)
        return std::unexpected(scanned.error());
    QJsonObject json{{QStringLiteral("kind"), scanKindName(scanned->kind)},
                     {QStringLiteral("text"), scanned->text}};
    QStringList lines;
    switch (scanned->kind) {
    case ScanResult::Kind::GiftCard: {
        // The full code stays with the card: what it is, by its last 4.
        json.remove(QStringLiteral("text"));
        const bool valid = giftcode::parse(scanned->giftCode).status == giftcode::Parse::Ok;
        json.insert(QStringLiteral("valid"), valid);
        if (valid)
            json.insert(QStringLiteral("last4"), giftcode::last4(scanned->giftCode));
        lines << (valid ? oasis::cli::tr("Gift card ending %1: the register pays with it.")
                              .arg(giftcode::last4(scanned->giftCode))
                        : oasis::cli::tr("A gift-card code, but not a valid one: check it "
                                         "character by character."));
        break;
    }
    case ScanResult::Kind::Receipt:
        json.insert(QStringLiteral("receipt"), scanned->receiptNo);
        json.insert(QStringLiteral("receipt_code"), receiptCode(scanned->receiptNo));
        lines << oasis::cli::tr("Receipt %1: the register shows it.")
                     .arg(receiptCode(scanned->receiptNo));
        break;
    case ScanResult::Kind::Item:
        json.insert(QStringLiteral("item"), itemJson(scanned->item));
        lines << oasis::cli::tr("%1 %2 — %3: the register adds it.")
                     .arg(scanned->item.code, scanned->item.name, scanned->item.price.format());
        break;
    case ScanResult::Kind::Matches: {
        QJsonArray items;
        lines << oasis::cli::tr("No code “%1”. Items whose name matches:").arg(scanned->text);
        for (const CatalogItem &it : scanned->matches) {
            items.append(itemJson(it));
            lines << QStringLiteral("  %1  %2  %3")
                         .arg(it.code, -12)
                         .arg(it.price.format(), 9)
                         .arg(it.name);
        }
        json.insert(QStringLiteral("matches"), items);
        break;
    }
    case ScanResult::Kind::Voucher:
    case ScanResult::Kind::Package: {
        // As a gift card: what it is, by its last 4 only.
        json.remove(QStringLiteral("text"));
        const bool voucher = scanned->kind == ScanResult::Kind::Voucher;
        const bool valid = (voucher ? giftcode::parseVoucher(scanned->giftCode)
                                    : giftcode::parsePackage(scanned->giftCode))
                               .status == giftcode::Parse::Ok;
        json.insert(QStringLiteral("valid"), valid);
        if (valid)
            json.insert(QStringLiteral("last4"), giftcode::last4(scanned->giftCode));
        if (!valid)
            lines << oasis::cli::tr("A voucher or package code, but not a valid one: check it "
                                    "character by character.");
        else if (voucher)
            lines << oasis::cli::tr("Voucher ending %1: the register pays a session with it.")
                         .arg(giftcode::last4(scanned->giftCode));
        else
            lines << oasis::cli::tr("Package ending %1: the register pays a session with it.")
                         .arg(giftcode::last4(scanned->giftCode));
        break;
    }
    case ScanResult::Kind::SellVoucher:
        json.insert(QStringLiteral("item"), itemJson(scanned->item));
        lines << oasis::cli::tr("A voucher for %1 — %2: the register sells it.")
                     .arg(scanned->item.name, scanned->item.price.format());
        break;
    case ScanResult::Kind::SellPackage:
        json.insert(QStringLiteral("package"), scanned->package.code);
        lines << oasis::cli::tr("Package %1 (%2) — %3: the register sells it to the ticket's "
                                "client.")
                     .arg(scanned->package.code, scanned->package.description(),
                          scanned->package.price.format());
        break;
    case ScanResult::Kind::Clients: // only for a viewer who logged in (the register)
        lines << oasis::cli::tr("Clients match “%1”.").arg(scanned->text);
        break;
    case ScanResult::Kind::Nothing:
        lines << oasis::cli::tr("Nothing found for “%1”.").arg(scanned->text);
        break;
    }
    ctx.emit(json, lines);
    return {};
}

Status cmdCatalog(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr("a catalog command (list, import, export)"));
    if (!sub)
        return std::unexpected(sub.error());
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    CatalogService catalog(**db);
    if (*sub == QLatin1String("list")) {
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        auto items = catalog.list();
        if (!items)
            return std::unexpected(items.error());
        QJsonArray arr;
        QStringList text;
        for (const CatalogItem &it : *items) {
            arr.append(itemJson(it));
            text << QStringLiteral("%1  %2  %3  %4")
                        .arg(it.isSession() ? QStringLiteral("session") : QStringLiteral("product"),
                             -7)
                        .arg(it.code, -12)
                        .arg(it.price.format(), 9)
                        .arg(it.name);
        }
        ctx.emit({{QStringLiteral("items"), arr}}, text);
        return {};
    }
    auto file = ctx.takeArgument(oasis::cli::tr("FILE.csv"));
    if (!file)
        return std::unexpected(file.error());
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    if (*sub == QLatin1String("export")) {
        auto bytes = catalog.exportCsv();
        if (!bytes)
            return std::unexpected(bytes.error());
        if (auto saved = saveFile(*file, *bytes); !saved)
            return fail(ErrorCode::System,
                        oasis::cli::tr("Cannot write %1: %2").arg(*file, saved.error().message));
        const int rows = static_cast<int>(bytes->count('\n')) - 1;
        ctx.emit({{QStringLiteral("file"), *file}, {QStringLiteral("items"), rows}},
                 {oasis::cli::tr("Exported %1 items to %2.").arg(rows).arg(*file)});
        return {};
    }
    if (*sub == QLatin1String("import")) {
        auto who = ctx.signIn();
        if (!who)
            return std::unexpected(who.error());
        auto bytes = csv::readFile(*file);
        if (!bytes)
            return fail(bytes.error().code,
                        oasis::cli::tr("Nothing was imported: %1").arg(bytes.error().message));
        auto report = catalog.importCsv(*bytes, who->user, who->approver);
        if (!report)
            return std::unexpected(report.error());
        ctx.emit({{QStringLiteral("added"), report->added},
                  {QStringLiteral("updated"), report->updated}},
                 {oasis::cli::tr("Imported %1: %2 added, %3 updated.")
                      .arg(*file)
                      .arg(report->added)
                      .arg(report->updated)});
        return {};
    }
    return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown catalog command %1.").arg(*sub));
}

Status cmdStore(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr("a store command (copy)"));
    if (!sub)
        return std::unexpected(sub.error());
    if (*sub != QLatin1String("copy"))
        return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown store command %1.").arg(*sub));
    const QString to = ctx.takeOption(QStringLiteral("to")).value_or(QString());
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    if (to.isEmpty())
        return fail(ErrorCode::Invalid,
                    oasis::cli::tr("store copy needs --to postgresql://USER@HOST[:PORT]/DBNAME."));
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    auto who = ctx.authorize(Action::Backup);
    if (!who)
        return std::unexpected(who.error());
    auto tables = Store::copyTo(**db, to, who->user, who->approver);
    if (!tables)
        return std::unexpected(tables.error());
    ctx.emit({{QStringLiteral("to"), QUrl(to).toString(QUrl::RemovePassword)},
              {QStringLiteral("tables"), QJsonArray::fromStringList(*tables)}},
             {oasis::cli::tr("The store and its whole history were copied to %1 (%2 tables). "
                             "Check it there with: oasisctl --db %1 journal verify")
                  .arg(QUrl(to).toString(QUrl::RemovePassword))
                  .arg(tables->size())});
    return {};
}

Status cmdJournal(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr("a journal command (verify)"));
    if (!sub)
        return std::unexpected(sub.error());
    if (*sub != QLatin1String("verify"))
        return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown journal command %1.").arg(*sub));
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    auto db = ctx.database();
    JournalReport damaged;
    if (!db) {
        // A store that does not open because its file is damaged: said as such, never as
        // tampering.
        if (db.error().code != ErrorCode::Storage)
            return std::unexpected(db.error());
        const QString finding =
            Store::integrityProblem(ctx.dbPath.isEmpty() ? Store::defaultPath() : ctx.dbPath);
        if (finding.isEmpty())
            return std::unexpected(db.error());
        damaged.damaged = true;
        damaged.problem =
            oasis::cli::tr("the database file is damaged (%1): restore the latest backup")
                .arg(finding);
    }
    auto report = db ? Store::verifyJournal(**db) : Result<JournalReport>(damaged);
    if (!report)
        return std::unexpected(report.error());
    ctx.emit(
        {{QStringLiteral("ok"), report->ok},
         {QStringLiteral("entries"), report->entries},
         {QStringLiteral("first_bad"),
          report->ok || report->damaged ? QJsonValue() : QJsonValue(report->firstBad)},
         {QStringLiteral("problem"), report->problem},
         {QStringLiteral("damaged"), report->damaged},
         {QStringLiteral("anchor_missing"), report->anchorMissing},
         {QStringLiteral("anchor_unreadable"), report->anchorUnreadable}},
        {report->ok ? oasis::cli::tr("Journal OK: %1 entries, chain, anchor and books verified.")
                          .arg(report->entries)
         : report->damaged ? oasis::cli::tr("Journal NOT verified: %1.").arg(report->problem)
         : report->anchorMissing || report->anchorUnreadable
             ? oasis::cli::tr("Journal chain and books OK (%1 entries) but not fully verified: %2.")
                   .arg(report->entries)
                   .arg(report->problem)
             : oasis::cli::tr("Journal FAILED at entry %1: %2.")
                   .arg(report->firstBad)
                   .arg(report->problem)});
    // A damaged file is a storage failure (exit 3): nothing can be said about tampering.
    if (report->damaged)
        return fail(ErrorCode::Storage,
                    oasis::cli::tr("The journal cannot be verified: %1.").arg(report->problem));
    if (report->anchorMissing || report->anchorUnreadable)
        return fail(
            ErrorCode::Refused,
            oasis::cli::tr("The journal cannot be fully verified: %1.").arg(report->problem));
    if (!report->ok)
        return fail(ErrorCode::Refused,
                    oasis::cli::tr("The journal was tampered with: %1.").arg(report->problem));
    return {};
}

QJsonObject registerJson(const RegisterInfo &r, const QString &thisRegister) {
    return {{QStringLiteral("name"), r.name},
            {QStringLiteral("created_at"), r.createdAt.toString(Qt::ISODate)},
            {QStringLiteral("created_by"), r.createdBy},
            {QStringLiteral("open_shift"), r.openShift > 0},
            {QStringLiteral("shift_id"), r.openShift > 0 ? QJsonValue(r.openShift) : QJsonValue()},
            {QStringLiteral("this_computer"), r.name == thisRegister},
            {QStringLiteral("series"), r.series}};
}

Status cmdRegister(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr("a register command (add, list, series, grant)"));
    if (!sub)
        return std::unexpected(sub.error());
    if (*sub != QLatin1String("add") && *sub != QLatin1String("list") &&
        *sub != QLatin1String("grant") && *sub != QLatin1String("series"))
        return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown register command %1.").arg(*sub));
    QString name;
    if (*sub == QLatin1String("grant")) {
        auto role = ctx.takeArgument(oasis::cli::tr("the server ROLE"));
        if (!role)
            return std::unexpected(role.error());
        if (auto ok = ctx.noMoreArguments(); !ok)
            return ok;
        auto db = ctx.database();
        if (!db)
            return std::unexpected(db.error());
        auto who = ctx.authorize(Action::Settings);
        if (!who)
            return std::unexpected(who.error());
        if (auto ok = RegisterService(**db).grantServerRole(*role, who->user, who->approver); !ok)
            return ok;
        ctx.emit({{QStringLiteral("role"), *role}},
                 {oasis::cli::tr("The server role %1 may now open this store as a register: it "
                                 "reads the store and adds to the books, and can never change "
                                 "or delete a row of them.")
                      .arg(*role)});
        return {};
    }
    QString series;
    if (*sub == QLatin1String("add") || *sub == QLatin1String("series")) {
        if (*sub == QLatin1String("add"))
            series = ctx.takeOption(QStringLiteral("series")).value_or(QString());
        auto given = ctx.takeArgument(oasis::cli::tr("the register's NAME"));
        if (!given)
            return std::unexpected(given.error());
        name = *given;
        if (*sub == QLatin1String("series")) {
            auto letter = ctx.takeArgument(oasis::cli::tr("the receipt series LETTER"));
            if (!letter)
                return std::unexpected(letter.error());
            series = *letter;
        }
    }
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    if (*sub == QLatin1String("add"))
        if (auto ok = RegisterService::validateName(name); !ok)
            return ok;
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    RegisterService registers(**db);
    const QString thisRegister = Store::registerId();
    if (*sub == QLatin1String("add") || *sub == QLatin1String("series")) {
        auto who = ctx.authorize(Action::Settings);
        if (!who)
            return std::unexpected(who.error());
        const bool adding = *sub == QLatin1String("add");
        auto done = adding ? registers.add(name, who->user, who->approver, series)
                           : registers.setSeries(name, series, who->user, who->approver);
        if (!done)
            return std::unexpected(done.error());
        ctx.emit(registerJson(*done, thisRegister),
                 {adding ? oasis::cli::tr("Register %1 is registered, its receipts numbered "
                                          "%2-000001 on; a computer becomes it with "
                                          "OASIS_REGISTER=%1 (or the app's register setting).")
                               .arg(done->name, done->series)
                         : oasis::cli::tr("Register %1 numbers its next receipts in series %2.")
                               .arg(done->name, done->series)});
        return {};
    }
    if (auto who = ctx.login(); !who)
        return std::unexpected(who.error());
    auto all = registers.list();
    if (!all)
        return std::unexpected(all.error());
    QJsonArray arr;
    QStringList text;
    for (const RegisterInfo &r : *all) {
        arr.append(registerJson(r, thisRegister));
        text << QStringLiteral("%1  %2  %3%4")
                    .arg(r.name, -16)
                    .arg(oasis::cli::tr("series %1").arg(r.series))
                    .arg(r.openShift > 0 ? oasis::cli::tr("shift %1 open (%2)")
                                               .arg(r.openShift)
                                               .arg(r.openShiftBy)
                                         : oasis::cli::tr("no shift open"))
                    .arg(r.name == thisRegister ? oasis::cli::tr("  (this computer)") : QString());
    }
    ctx.emit({{QStringLiteral("registers"), arr}, {QStringLiteral("this_computer"), thisRegister}},
             text);
    return {};
}

} // namespace

std::vector<Command> adminCommands() {
    return {
        {"init", cmdInit, "init [--demo]"},
        {"whoami", cmdWhoami, "whoami"},
        {"staff", cmdStaff, "staff list | add NAME --role ROLE | deactivate NAME | reset-pin NAME"},
        {"catalog", cmdCatalog, "catalog list | import FILE.csv | export FILE.csv"},
        {"scan", cmdScan, "scan TEXT   (what the register's scan field does with TEXT)"},
        {"journal", cmdJournal, "journal verify"},
        {"store", cmdStore, "store copy --to postgresql://USER@HOST[:PORT]/DBNAME"},
        {"register", cmdRegister,
         "register add NAME [--series L] | list | series NAME L | grant ROLE"},
    };
}

} // namespace oasis::cli
