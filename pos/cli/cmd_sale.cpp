// SPDX-License-Identifier: GPL-3.0-or-later
// sale, receipt.
#include "pos/cli/context.h"

#include "core/domain/clock.h"
#include "core/domain/emailaddress.h"
#include "core/domain/giftcode.h"
#include "core/domain/ticketeditor.h"
#include "core/services/catalog.h"
#include "core/services/emaillog.h"
#include "core/services/offline.h"
#include "core/services/package.h"
#include "core/services/sale.h"
#include "core/services/storesettings.h"
#include "mail/compose.h"
#include "mail/smtp.h"
#include "pos/cli/translate.h"
#include "printing/salereceipt.h"
#include "printing/text.h"
#include "printing/transport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

namespace oasis::cli {

namespace {
Result<StaffMember> therapistNamed(Database &db, const QString &name) {
    auto member = StaffService(db).find(name);
    if (!member)
        return member;
    if (member->role != Role::Therapist || !member->active)
        return fail(ErrorCode::Refused, oasis::cli::tr("%1 is not an active therapist.").arg(name));
    return member;
}

/// What --to, --from and --message put on the gift cards the sale sells.
struct GiftCardNote {
    QString to, from, message;
    QDate bonusExpires; ///< --bonus-expires: the last day of a giftcard:AMOUNT+BONUS's bonus
};

/// ITEM: SKU-or-barcode[xQTY] | SESSIONCODE@THERAPIST | giftcard:AMOUNT | voucher:SESSIONCODE |
/// package:PACKAGECODE
Status addItem(Database &db, TicketEditor &ticket, const QString &token, const GiftCardNote &note) {
    CatalogService catalog(db);
    if (token.startsWith(QLatin1String("package:"), Qt::CaseInsensitive)) {
        auto product = PackageService(db).product(token.mid(8));
        if (!product)
            return std::unexpected(product.error());
        auto session = catalog.byId(product->itemId);
        if (!session)
            return std::unexpected(session.error());
        ticket.addPackage(product->code, *session, product->sessions, product->price);
        return {};
    }
    if (token.startsWith(QLatin1String("voucher:"), Qt::CaseInsensitive)) {
        const QString code = token.mid(8);
        auto item = catalog.findByCode(code);
        if (!item)
            return std::unexpected(item.error());
        if (!*item || !(*item)->isSession() || !(*item)->active)
            return fail(ErrorCode::NotFound,
                        oasis::cli::tr("%1 is not a session code: a voucher is worth one session.")
                            .arg(code));
        if (auto added = ticket.addVoucher(**item); !added)
            return std::unexpected(added.error());
        return {};
    }
    if (token.startsWith(QLatin1String("giftcard:"), Qt::CaseInsensitive)) {
        // giftcard:AMOUNT or giftcard:AMOUNT+BONUS (promotional value, kept apart).
        const QString spec = token.mid(9);
        const qsizetype plus = spec.indexOf(u'+');
        auto amount = Money::parse(plus < 0 ? spec : spec.left(plus));
        if (!amount)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("%1: %2").arg(token, amount.error().message));
        Money bonus;
        if (plus >= 0) {
            auto parsed = Money::parse(spec.mid(plus + 1));
            if (!parsed)
                return fail(ErrorCode::Invalid,
                            oasis::cli::tr("%1: the bonus: %2").arg(token, parsed.error().message));
            if (parsed->isZero())
                return fail(ErrorCode::Invalid,
                            oasis::cli::tr("%1: a bonus must be more than zero.").arg(token));
            bonus = *parsed;
        }
        const int row = ticket.addGiftCard(*amount, note.to, note.from, note.message);
        if (!bonus.isZero())
            ticket.setGiftCardPromo(row, bonus, note.bonusExpires);
        else if (note.bonusExpires.isValid())
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("--bonus-expires is for a card sold with a bonus "
                                       "(giftcard:AMOUNT+BONUS)."));
        return {};
    }
    const qsizetype at = token.indexOf(u'@');
    if (at > 0) {
        auto item = catalog.findByCode(token.left(at));
        if (!item)
            return std::unexpected(item.error());
        if (!*item || !(*item)->isSession())
            return fail(ErrorCode::NotFound,
                        oasis::cli::tr("%1 is not a session code.").arg(token.left(at)));
        auto therapist = therapistNamed(db, token.mid(at + 1));
        if (!therapist)
            return std::unexpected(therapist.error());
        if (auto added = ticket.addItem(**item, 1, therapist->id, therapist->displayName); !added)
            return std::unexpected(added.error());
        return {};
    }
    QString code = token;
    int quantity = 1;
    auto item = catalog.findByCode(code);
    if (!item)
        return std::unexpected(item.error());
    if (!*item) {
        static const QRegularExpression withQty(QStringLiteral("^(.+)x(-?[0-9]+)$"));
        const auto m = withQty.match(token);
        if (m.hasMatch()) {
            code = m.captured(1);
            bool number = false;
            quantity = m.captured(2).toInt(&number);
            if (!number)
                quantity = 0; // past an int: refused below as any quantity over 999
            item = catalog.findByCode(code);
            if (!item)
                return std::unexpected(item.error());
        }
    }
    if (!*item)
        return fail(ErrorCode::NotFound,
                    oasis::cli::tr("Nothing in the catalog has the code or barcode %1.").arg(code));
    if ((*item)->isSession())
        return fail(ErrorCode::Refused,
                    oasis::cli::tr("%1 is a session: write %1@THERAPIST.").arg(code));
    if (auto added = ticket.addItem(**item, quantity); !added)
        return fail(ErrorCode::Invalid, oasis::cli::tr("%1: %2").arg(token, added.error().message));
    return {};
}

QJsonObject saleJson(const SaleRecord &r, const std::vector<IssuedCard> &cards) {
    QJsonObject taxByClass;
    for (const SaleRecord::Tax &t : r.taxes)
        taxByClass.insert(taxClassName(t.taxClass), t.tax.cents());
    QJsonArray tenders;
    for (const AppliedTender &t : r.tenders) {
        QJsonObject o{{QStringLiteral("type"), tenderTypeName(t.type)},
                      {QStringLiteral("amount_cents"), t.amount.cents()}};
        if (t.type == TenderType::Cash)
            o.insert(QStringLiteral("tendered_cents"), t.tendered.cents());
        if (t.type == TenderType::Card) {
            o.insert(QStringLiteral("last4"), t.cardLast4);
            o.insert(QStringLiteral("auth"), t.authCode);
        }
        if (t.type == TenderType::Gift) {
            o.insert(QStringLiteral("last4"), t.giftCardLast4);
            o.insert(QStringLiteral("balance_cents"), t.giftCardBalance.cents());
        }
        if (t.type == TenderType::Voucher)
            o.insert(QStringLiteral("last4"), t.giftCardLast4);
        if (t.type == TenderType::Package) {
            o.insert(QStringLiteral("last4"), t.giftCardLast4);
            o.insert(QStringLiteral("sessions_left"), t.packageSessionsLeft);
        }
        tenders.append(o);
    }
    QJsonArray giftcards;
    for (const IssuedCard &c : cards) {
        QJsonObject card{{QStringLiteral("code"), c.code},
                         {QStringLiteral("last4"), giftcode::last4(c.code)},
                         {QStringLiteral("amount_cents"), c.amount.cents()}};
        // A bonus given with the card: promotional value, apart from the paid amount.
        if (!c.promo.isZero()) {
            card.insert(QStringLiteral("promo_cents"), c.promo.cents());
            card.insert(QStringLiteral("promo_expires"),
                        c.promoExpires.isValid() ? QJsonValue(c.promoExpires.toString(Qt::ISODate))
                                                 : QJsonValue());
        }
        giftcards.append(card);
    }
    QJsonArray lines;
    for (const SaleRecord::Line &l : r.lines)
        lines.append(QJsonObject{
            {QStringLiteral("kind"), lineKindName(l.kind)},
            {QStringLiteral("code"), l.code},
            {QStringLiteral("name"), l.name},
            {QStringLiteral("quantity"), l.quantity},
            {QStringLiteral("unit_price_cents"), l.unitPrice.cents()},
            {QStringLiteral("discount_cents"), (l.lineDiscount + l.ticketDiscount).cents()},
            {QStringLiteral("net_cents"), l.net.cents()},
            {QStringLiteral("tax_class"), taxClassName(l.taxClass)},
            {QStringLiteral("tax_cents"), l.tax.cents()},
            {QStringLiteral("therapist"), l.therapist}});
    return {{QStringLiteral("receipt"), r.receiptNo},
            {QStringLiteral("receipt_code"), receiptCode(r.receiptNo)},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("created_at"), r.createdAt.toString(Qt::ISODate)},
            {QStringLiteral("cashier"), r.cashier},
            {QStringLiteral("lines"), lines},
            {QStringLiteral("subtotal_cents"), r.subtotal.cents()},
            {QStringLiteral("discount_cents"), r.discount.cents()},
            {QStringLiteral("tax_cents"), r.tax.cents()},
            {QStringLiteral("tax_by_class"), taxByClass},
            {QStringLiteral("tip_cents"), r.tips.cents()},
            {QStringLiteral("total_cents"), r.total.cents()},
            {QStringLiteral("tenders"), tenders},
            {QStringLiteral("change_cents"), r.change.cents()},
            {QStringLiteral("giftcards"), giftcards}};
}

/// Prints after the commit; a printer failure is reported but never undoes the sale. A sale
/// that took cash opens the drawer (ESC/POS targets only; a reprint never does).
Status printTo(const QString &target, const printing::ReceiptDocument &doc, bool kickDrawer) {
    auto parsed = printing::parseTarget(target);
    if (!parsed)
        return std::unexpected(parsed.error());
    printing::EscPosOptions options;
    options.kickDrawer = kickDrawer;
    return printing::printReceipt(doc, *parsed, options);
}

/// A sale on the store ctx opened (the server, or this register's offline copy when
/// ctx.isOffline()); `offline`: this register keeps an offline copy.
Status sellOn(Context &ctx, OfflineRegister *offline) {
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    Database &d = **db;
    TicketEditor ticket;
    Discount discount;
    QString requestId;
    std::vector<Tender> tenders;
    QString printTarget;
    qint64 clientId = 0;
    QStringList tips;
    bool inPay = false;
    GiftCardNote note;
    QStringList items;
    for (qsizetype i = 0; i < ctx.args.size(); ++i) {
        const QString &a = ctx.args[i];
        auto next = [&](const QString &opt) -> Result<QString> {
            if (i + 1 >= ctx.args.size())
                return fail(ErrorCode::Invalid, oasis::cli::tr("%1 needs a value.").arg(opt));
            return ctx.args[++i];
        };
        if (a.startsWith(QLatin1String("--"))) {
            inPay = false;
            Result<QString> v = QString();
            if (a == QLatin1String("--pay")) {
                inPay = true;
                continue;
            }
            if (a != QLatin1String("--discount") && a != QLatin1String("--tip") &&
                a != QLatin1String("--print") && a != QLatin1String("--to") &&
                a != QLatin1String("--from") && a != QLatin1String("--message") &&
                a != QLatin1String("--request-id") && a != QLatin1String("--client") &&
                a != QLatin1String("--bonus-expires"))
                return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown option %1.").arg(a));
            v = next(a);
            if (!v)
                return std::unexpected(v.error());
            if (a == QLatin1String("--discount")) {
                auto parsed = TicketEditor::parseDiscount(*v);
                if (!parsed)
                    return std::unexpected(parsed.error());
                discount = *parsed;
            } else if (a == QLatin1String("--tip")) {
                tips << *v;
            } else if (a == QLatin1String("--print")) {
                printTarget = *v;
            } else if (a == QLatin1String("--to")) {
                note.to = *v;
            } else if (a == QLatin1String("--from")) {
                note.from = *v;
            } else if (a == QLatin1String("--bonus-expires")) {
                note.bonusExpires = QDate::fromString(*v, Qt::ISODate);
                if (!note.bonusExpires.isValid())
                    return fail(ErrorCode::Invalid,
                                oasis::cli::tr("--bonus-expires takes a date as YYYY-MM-DD."));
            } else if (a == QLatin1String("--client")) {
                bool isNumber = false;
                clientId = v->toLongLong(&isNumber);
                if (!isNumber || clientId <= 0)
                    return fail(ErrorCode::Invalid,
                                oasis::cli::tr("--client takes a client's number (oasisctl client "
                                               "find NAME shows it)."));
            } else if (a == QLatin1String("--request-id")) {
                if (auto ok = checkRequestId(*v); !ok)
                    return ok;
                requestId = *v;
            } else {
                note.message = *v;
            }
            continue;
        }
        if (inPay) {
            auto tender = Tender::parse(a);
            if (!tender)
                return std::unexpected(tender.error());
            tenders.push_back(*tender);
        } else {
            items << a;
        }
    }
    if (items.isEmpty())
        return fail(ErrorCode::Invalid, oasis::cli::tr("sale needs at least one ITEM."));
    if (tenders.empty() && !items.isEmpty())
        return fail(ErrorCode::Invalid, oasis::cli::tr("sale needs --pay TENDER..."));
    if (!printTarget.isEmpty())
        if (auto parsed = printing::parseTarget(printTarget); !parsed)
            return std::unexpected(parsed.error());
    // Only --request-id makes a retry safe: without one, the sale records none (JSON null).
    ticket.setRequestId(requestId);
    // Checked, and a merged duplicate followed, inside the sale's transaction.
    ticket.setClient(clientId, {});
    // The totals the ticket is checked with are the ones the sale is written with.
    if (auto taxes = StoreSettings(d).taxTable(); taxes)
        ticket.setTaxTable(*taxes);
    ticket.setDateSource([&d] { return StoreSettings(d).businessDate(Clock::nowUtc()); });
    for (const QString &item : std::as_const(items))
        if (auto ok = addItem(d, ticket, item, note); !ok)
            return ok;
    for (const QString &tip : std::as_const(tips)) {
        const qsizetype at = tip.indexOf(u'@');
        if (at <= 0)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("--tip takes AMOUNT@THERAPIST, e.g. 20@lena."));
        auto amount = TicketEditor::parseTip(tip.left(at));
        if (!amount)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("--tip %1: %2").arg(tip, amount.error().message));
        auto therapist = therapistNamed(d, tip.mid(at + 1));
        if (!therapist)
            return std::unexpected(therapist.error());
        if (auto added = ticket.addTip(*amount, therapist->id, therapist->displayName); !added)
            return std::unexpected(added.error());
    }
    if (auto ok = ticket.setTicketDiscount(discount); !ok)
        return fail(
            ok.error().code, // a discount above what can be discounted is refused (2)
            oasis::cli::tr("--discount %1: %2").arg(discount.toString(), ok.error().message));
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    // Offline: only what needs no server, and not another ticket while a sale's outcome on the
    // server is unknown. (Online, the sale notes its number in the copy itself: OfflineNote.)
    if (offline && ctx.isOffline()) {
        if (auto ok = OfflineRegister::checkOfflineTicket(ticket.ticket(), tenders); !ok)
            return ok;
        if (auto ok = offline->checkUnknownOutcome(requestId); !ok)
            return ok;
    }
    auto done = SaleService(d).complete(ticket.ticket(), tenders, who->user, who->approver);
    // Sold offline as the ticket whose outcome was unknown: that note has its answer now.
    if (done && offline && ctx.isOffline())
        if (auto ok = offline->noteOnlineDone(requestId, 0); !ok)
            return ok;
    if (!done)
        return std::unexpected(done.error());
    auto record = SaleService(d).load(done->receiptNo);
    if (!record)
        return std::unexpected(record.error());
    // A repeat shows the first sale again; a copy printed now says REPRINT.
    printing::ReceiptDocument doc = printing::receiptFromSale(*record, StoreSettings(d).storeInfo(),
                                                              done->giftCards, done->repeated);
    // A sale made offline says so on its receipt, and that its gift cards wait for the server.
    if (ctx.isOffline()) {
        QStringList notes{
            oasis::cli::tr("Made offline: sent to the store when its server is back.")};
        for (const IssuedCard &c : done->giftCards)
            notes << oasis::cli::tr("Gift card ending %1 works once this sale reaches the store.")
                         .arg(giftcode::last4(c.code));
        doc.footerLines = notes + doc.footerLines;
    }
    QJsonObject json = saleJson(*record, done->giftCards);
    json.insert(QStringLiteral("request_id"),
                done->requestId.isEmpty() ? QJsonValue() : QJsonValue(done->requestId));
    json.insert(QStringLiteral("repeated"), done->repeated);
    // The full codes of the vouchers sold, once (a repeat has none: only a keyed hash is kept).
    QJsonArray vouchers;
    for (const IssuedVoucher &v : done->vouchers)
        vouchers.append(QJsonObject{{QStringLiteral("code"), v.code},
                                    {QStringLiteral("last4"), giftcode::last4(v.code)},
                                    {QStringLiteral("session"), v.serviceCode},
                                    {QStringLiteral("service"), v.description},
                                    {QStringLiteral("amount_cents"), v.paid.cents()}});
    json.insert(QStringLiteral("vouchers"), vouchers);
    // The same for the session packages sold.
    QJsonArray packages;
    for (const IssuedPackage &k : done->packages)
        packages.append(QJsonObject{{QStringLiteral("code"), k.code},
                                    {QStringLiteral("last4"), giftcode::last4(k.code)},
                                    {QStringLiteral("package"), k.productCode},
                                    {QStringLiteral("session"), k.serviceCode},
                                    {QStringLiteral("sessions"), k.sessions},
                                    {QStringLiteral("service"), k.description},
                                    {QStringLiteral("amount_cents"), k.paid.cents()}});
    json.insert(QStringLiteral("packages"), packages);
    json.insert(QStringLiteral("client_id"),
                done->clientId > 0 ? QJsonValue(done->clientId) : QJsonValue());
    QStringList text;
    if (ctx.isOffline()) {
        auto waiting = offline->waiting();
        json.insert(QStringLiteral("offline"), true);
        json.insert(QStringLiteral("waiting"), waiting ? *waiting : -1);
        text << oasis::cli::tr("Store server unreachable: receipt %1 is kept on this register "
                               "(sales waiting to be sent: %2).")
                    .arg(receiptCode(done->receiptNo))
                    .arg(waiting ? *waiting : 0);
        for (const IssuedCard &c : done->giftCards)
            done->warnings << oasis::cli::tr("Gift card ending %1 is activated when this sale "
                                             "reaches the store server.")
                                  .arg(giftcode::last4(c.code));
    }
    if (done->repeated) {
        // The full codes of cards the first call sold are not stored: their last 4 only.
        QJsonArray cards;
        for (const SoldCard &c : done->soldCards)
            cards.append(QJsonObject{{QStringLiteral("last4"), c.last4},
                                     {QStringLiteral("amount_cents"), c.amount.cents()}});
        json.insert(QStringLiteral("giftcards"), cards);
        text << oasis::cli::tr(
                    "Sale already recorded as receipt %1 (request id %2): nothing charged again.")
                    .arg(receiptCode(done->receiptNo), done->requestId);
    }
    text += printing::renderReceiptText(doc, 48).split(u'\n');
    for (const IssuedVoucher &v : done->vouchers)
        text << oasis::cli::tr("Voucher %1: %2").arg(v.code, v.description);
    for (const IssuedPackage &k : done->packages)
        text << oasis::cli::tr("Package %1: %2").arg(k.code, k.description);
    for (const QString &w : std::as_const(done->warnings))
        text << oasis::cli::tr("Warning: %1").arg(w);
    json.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(done->warnings));
    Status printed;
    if (!printTarget.isEmpty()) {
        // A repeat took no money this time: its copy does not open the drawer.
        const bool tookCash =
            !done->repeated &&
            std::any_of(done->tenders.begin(), done->tenders.end(),
                        [](const AppliedTender &t) { return t.type == TenderType::Cash; });
        printed = printTo(printTarget, doc, tookCash);
        json.insert(QStringLiteral("printed"), printed.has_value());
    }
    ctx.emit(json, text);
    // The sale is committed before anything is printed: a printer that is off, unplugged or
    // slower than its deadline costs the receipt, never the sale.
    if (!printed)
        return fail(ErrorCode::Printer,
                    oasis::cli::tr(
                        "Receipt %1 was saved but not printed: %2 Reprint with: oasisctl receipt "
                        "print %1 --print %3")
                        .arg(receiptCode(done->receiptNo), printed.error().message, printTarget));
    return {};
}

Status cmdSale(Context &ctx) {
    if (ctx.dbPath.isEmpty() || !Store::isOnServer(ctx.dbPath))
        return sellOn(ctx, nullptr);
    OfflineRegister offline(ctx.dbPath, Store::registerId());
    if (!offline.prepared())
        return sellOn(ctx, nullptr);
    // A register that may sell offline gives every sale a request id: a sale whose outcome the
    // server's going away left unknown is then sold offline as the same ticket, charged once.
    if (!ctx.args.contains(QStringLiteral("--request-id")))
        ctx.args << QStringLiteral("--request-id")
                 << QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto db = ctx.database();
    if (db) {
        // What was sold offline goes first, so the series stays in order.
        auto sent = offline.send(**db);
        if (sent && sent->sent + sent->alreadyThere > 0)
            ctx.err() << oasis::cli::tr("Sales made offline sent to the store server: %1.")
                             .arg(sent->receipts.join(QStringLiteral(", ")))
                      << '\n';
        if (!sent && !OfflineRegister::isUnreachable(sent.error()))
            return std::unexpected(sent.error());
        if (sent) {
            auto online = sellOn(ctx, &offline);
            if (online || !OfflineRegister::isUnreachable(online.error())) {
                // The copy is kept fresh while the server is reached.
                if (offline.preparedAt().secsTo(Clock::nowUtc()) > 600)
                    if (auto ok = offline.prepare(**db); !ok)
                        ctx.err() << oasis::cli::tr("oasisctl: warning: the offline copy was not "
                                                    "refreshed: %1")
                                         .arg(ok.error().message)
                                  << '\n';
                return online;
            }
        }
    } else if (!OfflineRegister::isUnreachable(db.error())) {
        return std::unexpected(db.error());
    }
    ctx.err().flush();
    if (auto copy = ctx.openOffline(offline); !copy)
        return std::unexpected(copy.error());
    return sellOn(ctx, &offline);
}

Result<qint64> receiptNumber(const QString &text) {
    bool isNumber = false;
    const qint64 n = text.toLongLong(&isNumber);
    if (isNumber && n > 0)
        return n;
    if (auto parsed = parseReceiptCode(text))
        return *parsed;
    return fail(ErrorCode::Invalid,
                oasis::cli::tr("%1 is not a receipt number (like 42 or R-000042).").arg(text));
}

Status cmdReceipt(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr("a receipt command (show, print, send)"));
    if (!sub)
        return std::unexpected(sub.error());
    auto number = ctx.takeArgument(oasis::cli::tr("RECEIPT"));
    if (!number)
        return std::unexpected(number.error());
    auto n = receiptNumber(*number);
    if (!n)
        return std::unexpected(n.error());
    const auto target = ctx.takeOption(QStringLiteral("print"));
    const auto to = ctx.takeOption(QStringLiteral("to"));
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    // A bad address is refused before anything is looked up or sent.
    if (*sub == QLatin1String("send")) {
        if (!to)
            return fail(ErrorCode::Invalid, oasis::cli::tr("receipt send needs --to EMAIL."));
        if (auto ok = checkEmailAddress(*to); !ok)
            return ok;
    }
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    auto record = SaleService(**db).load(*n);
    if (!record)
        return std::unexpected(record.error());
    if (*sub == QLatin1String("show")) {
        const auto doc =
            printing::receiptFromSale(*record, StoreSettings(**db).storeInfo(), {}, false);
        ctx.emit(saleJson(*record, {}), printing::renderReceiptText(doc, 48).split(u'\n'));
        return {};
    }
    if (*sub == QLatin1String("print")) {
        if (!target)
            return fail(ErrorCode::Invalid, oasis::cli::tr("receipt print needs --print TARGET."));
        const auto doc =
            printing::receiptFromSale(*record, StoreSettings(**db).storeInfo(), {}, true);
        if (auto ok = printTo(*target, doc, false); !ok)
            return ok;
        ctx.emit(
            {{QStringLiteral("receipt"), record->receiptNo}, {QStringLiteral("printed"), true}},
            {oasis::cli::tr("Reprinted %1 to %2.").arg(receiptCode(record->receiptNo), *target)});
        return {};
    }
    if (*sub == QLatin1String("send")) {
        auto who = ctx.login();
        if (!who)
            return std::unexpected(who.error());
        EmailLog log(**db);
        if (auto ok = log.maySend(*who); !ok)
            return ok;
        StoreSettings settings(**db);
        const mail::Server server = mail::Server::of(settings);
        const auto doc = printing::receiptFromSale(*record, settings.storeInfo(), {}, false);
        auto message = mail::receiptMessage(doc, server.settings.from, *to);
        if (!message)
            return std::unexpected(message.error());
        if (auto ok = mail::send(server, *message); !ok)
            return ok;
        if (auto ok = log.receiptEmailed(record->receiptNo, *to, who->name); !ok)
            return fail(ok.error().code,
                        oasis::cli::tr("The receipt was emailed to %1 but the journal could not "
                                       "record it: %2")
                            .arg(*to, ok.error().message));
        ctx.emit(
            {{QStringLiteral("receipt"), record->receiptNo},
             {QStringLiteral("sent"), true},
             {QStringLiteral("to"), *to}},
            {oasis::cli::tr("Receipt %1 emailed to %2.").arg(receiptCode(record->receiptNo), *to)});
        return {};
    }
    return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown receipt command %1.").arg(*sub));
}

} // namespace

std::vector<Command> saleCommands() {
    return {
        {"sale", cmdSale,
         "sale ITEM... [--discount 10%|5.00] [--tip AMOUNT@THERAPIST] [--request-id ID] [--client "
         "ID] --pay "
         "TENDER... [--print TARGET]\n"
         "       ITEM: SKU-or-barcode[xQTY] | SESSIONCODE@THERAPIST | giftcard:AMOUNT[+BONUS] "
         "[--to T "
         "--from F "
         "--message M] [--bonus-expires DATE] | voucher:SESSIONCODE | package:PACKAGECODE "
         "(needs --client)\n"
         "       TENDER: cash:AMOUNT | card:AMOUNT[:LAST4[:AUTH]] | gift:CODE[:AMOUNT] | "
         "voucher:CODE | package:CODE | package:#ID (the --client's package, as `client "
         "show` lists it)"},
        {"receipt", cmdReceipt,
         "receipt show RECEIPT | print RECEIPT --print TARGET | send RECEIPT --to EMAIL"},
    };
}

} // namespace oasis::cli
