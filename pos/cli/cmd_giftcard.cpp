// SPDX-License-Identifier: GPL-3.0-or-later
// giftcard balance | history | reload | replace | cashout | adjust | certificate | send;
// package define | list | show | refund
#include "pos/cli/context.h"

#include "core/domain/clock.h"
#include "core/domain/emailaddress.h"
#include "core/domain/giftcode.h"
#include "core/services/emaillog.h"
#include "core/services/giftcard.h"
#include "core/services/package.h"
#include "core/services/promo.h"
#include "core/services/refund.h"
#include "core/services/sale.h"
#include "core/services/storesettings.h"
#include "core/services/voucher.h"
#include "mail/compose.h"
#include "mail/smtp.h"
#include "pos/cli/translate.h"
#include "printing/certificate.h"
#include "printing/receipt.h"
#include "printing/salereceipt.h"
#include "printing/text.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace oasis::cli {

namespace {
QJsonObject voucherJson(const Voucher &v) {
    return {{QStringLiteral("kind"), QStringLiteral("voucher")},
            {QStringLiteral("last4"), v.last4},
            {QStringLiteral("session"), v.serviceCode},
            {QStringLiteral("service"), v.description()},
            {QStringLiteral("status"), voucherStatusName(v.status)},
            {QStringLiteral("redeemed"), v.status == Voucher::Status::Redeemed},
            {QStringLiteral("paid_cents"), v.paid.cents()},
            {QStringLiteral("covers_cents"), v.priceNow.cents()},
            {QStringLiteral("receipt"), v.soldReceiptNo},
            {QStringLiteral("redeemed_receipt"),
             v.redeemedReceiptNo > 0 ? QJsonValue(v.redeemedReceiptNo) : QJsonValue()},
            {QStringLiteral("covered"), v.coveredName},
            {QStringLiteral("created_at"), v.createdAt.toString(Qt::ISODate)}};
}

/// giftcard balance|history of a service voucher: what it is worth, whether it was redeemed.
Status voucherBalance(Context &ctx, Database &d, const QString &code, const QString &registerId) {
    auto v = VoucherService(d).lookup(code, registerId);
    if (!v)
        return std::unexpected(v.error());
    QString state;
    switch (v->status) {
    case Voucher::Status::Active:
        state = oasis::cli::tr("not redeemed; covers %1 today").arg(v->priceNow.format());
        break;
    case Voucher::Status::Redeemed:
        state = oasis::cli::tr("redeemed on receipt %1 (%2)")
                    .arg(receiptCode(v->redeemedReceiptNo), v->coveredName);
        break;
    case Voucher::Status::Void:
        state =
            oasis::cli::tr("void: refunded on receipt %1").arg(receiptCode(v->redeemedReceiptNo));
        break;
    }
    ctx.emit(voucherJson(*v), {oasis::cli::tr("Voucher ••%1: %2 (%3), %4. No expiration date.")
                                   .arg(v->last4, v->description(), v->serviceCode, state)});
    return {};
}

QJsonObject packageJson(const SessionPackage &k) {
    return {{QStringLiteral("kind"), QStringLiteral("package")},
            {QStringLiteral("last4"), k.last4},
            {QStringLiteral("package"), k.productCode},
            {QStringLiteral("session"), k.serviceCode},
            {QStringLiteral("service"), k.description()},
            {QStringLiteral("sessions"), k.sessions},
            {QStringLiteral("sessions_used"), k.used},
            {QStringLiteral("sessions_left"), k.sessionsLeft},
            {QStringLiteral("status"), k.statusName()},
            {QStringLiteral("paid_cents"), k.paid.cents()},
            {QStringLiteral("next_session_cents"),
             k.sessionsLeft > 0 ? QJsonValue(k.nextSessionPrice().cents()) : QJsonValue()},
            {QStringLiteral("liability_cents"), k.liability().cents()},
            {QStringLiteral("refunded_cents"), k.refundedAmount.cents()},
            {QStringLiteral("client_id"), k.clientId},
            {QStringLiteral("client"), k.clientName},
            {QStringLiteral("receipt"), k.soldReceiptNo},
            {QStringLiteral("created_at"), k.createdAt.toString(Qt::ISODate)}};
}

/// giftcard balance|history of a session package: the sessions left and whose it is.
Status packageBalance(Context &ctx, Database &d, const QString &code, const QString &registerId) {
    auto k = PackageService(d).lookup(code, registerId);
    if (!k)
        return std::unexpected(k.error());
    QString state;
    if (k->refunded)
        state = oasis::cli::tr("refunded (%1 back)").arg(k->refundedAmount.format());
    else
        state = oasis::cli::tr("%1 of %2 sessions left").arg(k->sessionsLeft).arg(k->sessions);
    ctx.emit(packageJson(*k),
             {oasis::cli::tr("Package ••%1: %2 (%3) for %4, %5. Sold on receipt %6.")
                  .arg(k->last4, k->description(), k->productCode, k->clientName, state,
                       receiptCode(k->soldReceiptNo))});
    return {};
}

QJsonObject cardJson(const GiftCard &c) {
    // balance_cents: what the card can spend now; paid_cents is the liability, promo_cents the
    // promotional value not expired today (null promo_expires: none of it expires).
    return {{QStringLiteral("kind"), QStringLiteral("money")},
            {QStringLiteral("last4"), c.last4},
            {QStringLiteral("balance_cents"), c.spendable().cents()},
            {QStringLiteral("paid_cents"), c.balance.cents()},
            {QStringLiteral("promo_cents"), c.promo.cents()},
            {QStringLiteral("promo_expires"), c.promoExpires.isValid()
                                                  ? QJsonValue(c.promoExpires.toString(Qt::ISODate))
                                                  : QJsonValue()},
            {QStringLiteral("status"), giftCardStatusName(c.status)},
            {QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODate)}};
}

/// "$120.00 ($100.00 paid, $20.00 promotional until 2027-06-30)", or the paid value alone.
QString balanceText(const GiftCard &c) {
    if (c.promo.isZero())
        return c.balance.format();
    return c.promoExpires.isValid()
               ? oasis::cli::tr("%1 (%2 paid, %3 promotional, expires %4)")
                     .arg(c.spendable().format(), c.balance.format(), c.promo.format(),
                          c.promoExpires.toString(Qt::ISODate))
               : oasis::cli::tr("%1 (%2 paid, %3 promotional, no expiry)")
                     .arg(c.spendable().format(), c.balance.format(), c.promo.format());
}

/// The certificate of a service voucher or a session package: what it is worth, in words, in
/// place of an amount.
printing::GiftCertificate serviceCertificate(Database &d, const QString &canonical,
                                             const QString &worth) {
    const StoreInfo store = StoreSettings(d).storeInfo();
    printing::GiftCertificate certificate;
    certificate.store = {store.name, store.addressLines, store.phone};
    certificate.code = canonical;
    certificate.service = worth;
    return certificate;
}

/// Writes `certificate` to `out`: a PDF page, or a PNG for any other name.
Status writeCertificate(const printing::GiftCertificate &certificate, const QString &out, bool a6) {
    const auto page = a6 ? printing::CertificatePage::A6 : printing::CertificatePage::Letter;
    return out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
               ? printing::renderCertificatePdf(certificate, out, page)
               : printing::renderCertificatePng(certificate, out, 150, page);
}

printing::GiftCertificate certificateOf(Database &d, const GiftCard &card, const QString &code) {
    const StoreInfo store = StoreSettings(d).storeInfo();
    printing::GiftCertificate certificate;
    certificate.store = {store.name, store.addressLines, store.phone};
    certificate.code = giftcode::parse(code).canonical;
    certificate.amount = card.spendable();
    certificate.promo = card.promo;
    certificate.promoExpires = card.promoExpires;
    certificate.to = card.recipient;
    certificate.from = card.sender;
    certificate.message = card.message;
    return certificate;
}

/// giftcard send CODE --to EMAIL: the e-gift card, sent at once through the store's server.
Status sendGiftCard(Context &ctx, Database &d, GiftCardService &cards, const QString &code,
                    const QString &registerId) {
    const auto to = ctx.takeOption(QStringLiteral("to"));
    if (auto ok = ctx.noMoreArguments(); !ok)
        return ok;
    if (!to)
        return fail(ErrorCode::Invalid, oasis::cli::tr("giftcard send needs --to EMAIL."));
    if (auto ok = checkEmailAddress(*to); !ok)
        return ok;
    auto who = ctx.login();
    if (!who)
        return std::unexpected(who.error());
    EmailLog log(d);
    if (auto ok = log.maySend(*who); !ok)
        return ok;
    auto card = cards.lookup(code, registerId);
    if (!card)
        return std::unexpected(card.error());
    if (card->status != GiftCardStatus::Active)
        return fail(ErrorCode::Refused,
                    oasis::cli::tr("The gift card ending %1 is void: send the card that replaced "
                                   "it.")
                        .arg(card->last4));
    const mail::Server server = mail::Server::of(StoreSettings(d));
    auto message = mail::giftCardMessage(certificateOf(d, *card, code), server.settings.from, *to);
    if (!message)
        return std::unexpected(message.error());
    if (auto ok = mail::send(server, *message); !ok)
        return ok;
    if (auto ok = log.giftCardEmailed(card->id, *to, who->name); !ok)
        return fail(ok.error().code,
                    oasis::cli::tr("The gift card was emailed to %1 but the journal could not "
                                   "record it: %2")
                        .arg(*to, ok.error().message));
    ctx.emit({{QStringLiteral("sent"), true},
              {QStringLiteral("to"), *to},
              {QStringLiteral("last4"), card->last4},
              {QStringLiteral("balance_cents"), card->balance.cents()}},
             {oasis::cli::tr("Gift card ••%1 (%2) emailed to %3.")
                  .arg(card->last4, card->balance.format(), *to)});
    return {};
}

Status cmdGiftcard(Context &ctx) {
    auto sub = ctx.takeArgument(
        oasis::cli::tr("a giftcard command (balance, history, reload, replace, cashout, adjust, "
                       "certificate, send, give)"));
    if (!sub)
        return std::unexpected(sub.error());
    auto code = ctx.takeArgument(oasis::cli::tr("the gift-card CODE"));
    if (!code)
        return std::unexpected(code.error());
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    Database &d = **db;
    GiftCardService cards(d);
    const QString registerId = Store::registerId();

    if (*sub == QLatin1String("give")) {
        // giftcard give AMOUNT [--expires DATE] --reason R: a card given away, all of its
        // value promotional (`code` holds the AMOUNT here).
        auto amount = Money::parse(*code);
        if (!amount)
            return std::unexpected(amount.error());
        const auto expiresText = ctx.takeOption(QStringLiteral("expires"));
        const auto reason = ctx.takeOption(QStringLiteral("reason"));
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        QDate expires;
        if (expiresText) {
            expires = QDate::fromString(*expiresText, Qt::ISODate);
            if (!expires.isValid())
                return fail(ErrorCode::Invalid,
                            oasis::cli::tr("--expires takes a date as YYYY-MM-DD."));
        }
        if (!reason || reason->trimmed().isEmpty())
            return fail(ErrorCode::Invalid, oasis::cli::tr("giftcard give needs --reason R."));
        auto who = ctx.signIn();
        if (!who)
            return std::unexpected(who.error());
        auto issued = cards.give(*amount, expires, *reason, who->user, who->approver, registerId);
        if (!issued)
            return std::unexpected(issued.error());
        ctx.emit({{QStringLiteral("code"), issued->code},
                  {QStringLiteral("balance_cents"), issued->promo.cents()},
                  {QStringLiteral("paid_cents"), 0},
                  {QStringLiteral("promo_cents"), issued->promo.cents()},
                  {QStringLiteral("promo_expires"),
                   expires.isValid() ? QJsonValue(expires.toString(Qt::ISODate)) : QJsonValue()}},
                 {oasis::cli::tr("Gift card %1 given away. %2.")
                      .arg(issued->code, printing::promoLine(issued->promo, expires)),
                  oasis::cli::tr("Print its certificate with: oasisctl giftcard certificate CODE "
                                 "--out FILE.pdf")});
        return {};
    }

    if (*sub == QLatin1String("balance") || *sub == QLatin1String("history")) {
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        if (!ctx.user.isEmpty())
            if (auto who = ctx.login(); !who)
                return std::unexpected(who.error());
        if (giftcode::looksLikeVoucher(*code))
            return voucherBalance(ctx, d, *code, registerId);
        if (giftcode::looksLikePackage(*code))
            return packageBalance(ctx, d, *code, registerId);
        auto card = cards.lookup(*code, registerId);
        if (!card)
            return std::unexpected(card.error());
        if (*sub == QLatin1String("balance")) {
            ctx.emit(cardJson(*card),
                     {oasis::cli::tr("Gift card ••%1: %2 (%3). %4")
                          .arg(card->last4, balanceText(*card), giftCardStatusName(card->status),
                               printing::feesAndExpiryLine(card->balance, card->promo,
                                                           card->promoExpires))});
            return {};
        }
        auto history = cards.history(card->id);
        if (!history)
            return std::unexpected(history.error());
        QJsonArray entries;
        QStringList text{
            oasis::cli::tr("Gift card ••%1, balance %2").arg(card->last4, balanceText(*card))};
        const QTimeZone zone = StoreSettings(d).timeZone();
        for (const GiftCardActivity &a : *history) {
            entries.append(QJsonObject{{QStringLiteral("at"), a.at.toString(Qt::ISODate)},
                                       {QStringLiteral("kind"), a.kind},
                                       {QStringLiteral("amount_cents"), a.amount.cents()},
                                       {QStringLiteral("balance_cents"), a.balanceAfter.cents()},
                                       {QStringLiteral("receipt"), a.receiptNo},
                                       {QStringLiteral("staff"), a.staff},
                                       {QStringLiteral("reason"), a.reason}});
            text << QStringLiteral("%1  %2  %3  %4  %5")
                        .arg(storeTimeText(a.at, zone))
                        .arg(a.kind, -11)
                        .arg(a.amount.format(), 10)
                        .arg(a.balanceAfter.format(), 10)
                        .arg(a.receiptNo ? receiptCode(a.receiptNo) : a.reason);
        }
        // Promotional value on its own ledger, apart from the paid value above.
        auto promo = PromoLedger(d).history(card->id);
        if (!promo)
            return std::unexpected(promo.error());
        QJsonArray promoEntries;
        if (!promo->empty())
            text << oasis::cli::tr("Promotional value (not paid for; spent after the paid value):");
        for (const PromoLedger::Entry &p : *promo) {
            promoEntries.append(
                QJsonObject{{QStringLiteral("at"), p.at.toString(Qt::ISODate)},
                            {QStringLiteral("kind"), p.kind},
                            {QStringLiteral("amount_cents"), p.amount.cents()},
                            {QStringLiteral("expires"),
                             p.expiresOn.isValid() ? QJsonValue(p.expiresOn.toString(Qt::ISODate))
                                                   : QJsonValue()},
                            {QStringLiteral("receipt"), p.receiptNo},
                            {QStringLiteral("staff"), p.staff},
                            {QStringLiteral("reason"), p.reason}});
            text << QStringLiteral("%1  %2  %3  %4  %5")
                        .arg(storeTimeText(p.at, zone))
                        .arg(QStringLiteral("promo ") + p.kind, -17)
                        .arg(p.amount.format(), 10)
                        .arg(p.expiresOn.isValid() ? oasis::cli::tr("expires %1")
                                                         .arg(p.expiresOn.toString(Qt::ISODate))
                                                   : oasis::cli::tr("no expiry"),
                             -18)
                        .arg(p.receiptNo ? receiptCode(p.receiptNo) : p.reason);
        }
        QJsonObject json = cardJson(*card);
        json.insert(QStringLiteral("history"), entries);
        json.insert(QStringLiteral("promo_history"), promoEntries);
        ctx.emit(json, text);
        return {};
    }

    if (*sub == QLatin1String("reload")) {
        auto amountText = ctx.takeArgument(oasis::cli::tr("the AMOUNT to load"));
        if (!amountText)
            return std::unexpected(amountText.error());
        auto amount = Money::parse(*amountText);
        if (!amount)
            return std::unexpected(amount.error());
        const qsizetype pay = ctx.args.indexOf(QStringLiteral("--pay"));
        if (pay < 0 || pay + 1 >= ctx.args.size())
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("giftcard reload needs --pay TENDER..."));
        std::vector<Tender> tenders;
        for (const QString &t : ctx.args.mid(pay + 1)) {
            auto tender = Tender::parse(t);
            if (!tender)
                return std::unexpected(tender.error());
            tenders.push_back(*tender);
        }
        auto who = ctx.login();
        if (!who)
            return std::unexpected(who.error());
        Ticket ticket;
        ticket.addGiftCardLoad(*code, *amount);
        auto done = SaleService(d).complete(ticket, tenders, *who);
        if (!done)
            return std::unexpected(done.error());
        auto card = cards.lookup(*code, registerId);
        if (!card)
            return std::unexpected(card.error());
        QJsonObject json = cardJson(*card);
        json.insert(QStringLiteral("receipt"), done->receiptNo);
        json.insert(QStringLiteral("loaded_cents"), amount->cents());
        json.insert(QStringLiteral("change_cents"), done->change.cents());
        ctx.emit(json,
                 {oasis::cli::tr("Loaded %1 onto gift card ••%2 (receipt %3). Balance now %4.")
                      .arg(amount->format(), card->last4, receiptCode(done->receiptNo),
                           card->balance.format())});
        return {};
    }

    if (*sub == QLatin1String("replace") || *sub == QLatin1String("cashout") ||
        *sub == QLatin1String("adjust")) {
        QString reason;
        Money delta;
        if (*sub == QLatin1String("adjust")) {
            auto deltaText =
                ctx.takeArgument(oasis::cli::tr("the DELTA amount (e.g. -5.00 or 10)"));
            if (!deltaText)
                return std::unexpected(deltaText.error());
            auto parsed = Money::parse(*deltaText, Money::defaultLimit(), true);
            if (!parsed)
                return std::unexpected(parsed.error());
            delta = *parsed;
            reason = ctx.takeOption(QStringLiteral("reason")).value_or(QString());
        }
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        auto who = ctx.signIn();
        if (!who)
            return std::unexpected(who.error());
        if (*sub == QLatin1String("replace")) {
            auto issued = cards.replace(*code, who->user, who->approver, registerId);
            if (!issued)
                return std::unexpected(issued.error());
            ctx.emit({{QStringLiteral("code"), issued->code},
                      {QStringLiteral("balance_cents"), (issued->amount + issued->promo).cents()},
                      {QStringLiteral("paid_cents"), issued->amount.cents()},
                      {QStringLiteral("promo_cents"), issued->promo.cents()},
                      {QStringLiteral("old_status"), QStringLiteral("void")}},
                     {oasis::cli::tr(
                          "The old card is void. New card: %1 with %2. Print its certificate with: "
                          "oasisctl giftcard certificate CODE --out FILE.pdf")
                          .arg(issued->code, (issued->amount + issued->promo).format())});
            return {};
        }
        if (*sub == QLatin1String("cashout")) {
            auto paid = cards.cashOut(*code, who->user, who->approver, registerId);
            if (!paid)
                return std::unexpected(paid.error());
            // Only paid value is paid out (RCW 19.240); promotional value stays on the card.
            auto after = cards.lookup(*code, registerId);
            const Money promo = after ? after->promo : Money();
            ctx.emit({{QStringLiteral("paid_cents"), paid->cents()},
                      {QStringLiteral("balance_cents"), promo.cents()},
                      {QStringLiteral("promo_cents"), promo.cents()}},
                     {promo.isZero()
                          ? oasis::cli::tr("Pay the customer %1 in cash from the drawer; the card "
                                           "is now empty.")
                                .arg(paid->format())
                          : oasis::cli::tr("Pay the customer %1 in cash from the drawer; the card "
                                           "keeps its %2 of promotional value, which is never "
                                           "paid out.")
                                .arg(paid->format(), promo.format())});
            return {};
        }
        auto balance = cards.adjust(*code, delta, reason, who->user, who->approver, registerId);
        if (!balance)
            return std::unexpected(balance.error());
        ctx.emit({{QStringLiteral("balance_cents"), balance->cents()}},
                 {oasis::cli::tr("Adjusted by %1; balance now %2.")
                      .arg(delta.format(), balance->format())});
        return {};
    }

    if (*sub == QLatin1String("send"))
        return sendGiftCard(ctx, d, cards, *code, registerId);

    if (*sub == QLatin1String("certificate")) {
        const auto out = ctx.takeOption(QStringLiteral("out"));
        const bool a6 = ctx.takeFlag(QStringLiteral("a6"));
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        if (!out || !(out->endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ||
                      out->endsWith(QLatin1String(".png"), Qt::CaseInsensitive)))
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("giftcard certificate needs --out FILE.pdf or FILE.png."));
        if (giftcode::looksLikeVoucher(*code)) {
            // The code given is the voucher's: its certificate names the service it is worth.
            auto v = VoucherService(d).lookup(*code, registerId);
            if (!v)
                return std::unexpected(v.error());
            if (v->status != Voucher::Status::Active)
                return fail(ErrorCode::Refused,
                            oasis::cli::tr("The voucher ending %1 is %2: it has no certificate.")
                                .arg(v->last4, voucherStatusName(v->status)));
            const printing::GiftCertificate certificate =
                serviceCertificate(d, giftcode::parseVoucher(*code).canonical, v->description());
            if (auto written = writeCertificate(certificate, *out, a6); !written)
                return written;
            ctx.emit({{QStringLiteral("file"), *out},
                      {QStringLiteral("kind"), QStringLiteral("voucher")},
                      {QStringLiteral("session"), v->serviceCode},
                      {QStringLiteral("service"), v->description()}},
                     {oasis::cli::tr("Certificate for voucher ••%1 (%2) written to %3.")
                          .arg(v->last4, v->description(), *out)});
            return {};
        }
        if (giftcode::looksLikePackage(*code)) {
            // The code given is the package's: its certificate names its sessions.
            auto k = PackageService(d).lookup(*code, registerId);
            if (!k)
                return std::unexpected(k.error());
            if (k->sessionsLeft <= 0)
                return fail(ErrorCode::Refused,
                            oasis::cli::tr("The package ending %1 is %2: it has no certificate.")
                                .arg(k->last4, k->statusName()));
            const printing::GiftCertificate certificate =
                serviceCertificate(d, giftcode::parsePackage(*code).canonical, k->description());
            if (auto written = writeCertificate(certificate, *out, a6); !written)
                return written;
            ctx.emit({{QStringLiteral("file"), *out},
                      {QStringLiteral("kind"), QStringLiteral("package")},
                      {QStringLiteral("session"), k->serviceCode},
                      {QStringLiteral("sessions"), k->sessions},
                      {QStringLiteral("sessions_left"), k->sessionsLeft},
                      {QStringLiteral("service"), k->description()}},
                     {oasis::cli::tr("Certificate for package ••%1 (%2) written to %3.")
                          .arg(k->last4, k->description(), *out)});
            return {};
        }
        auto card = cards.lookup(*code, registerId);
        if (!card)
            return std::unexpected(card.error());
        const printing::GiftCertificate certificate = certificateOf(d, *card, *code);
        if (auto written = writeCertificate(certificate, *out, a6); !written)
            return written;
        ctx.emit({{QStringLiteral("file"), *out},
                  {QStringLiteral("balance_cents"), card->balance.cents()}},
                 {oasis::cli::tr("Certificate for gift card ••%1 (%2) written to %3.")
                      .arg(card->last4, card->balance.format(), *out)});
        return {};
    }
    return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown giftcard command %1.").arg(*sub));
}

QJsonObject productJson(const PackageProduct &p) {
    return {{QStringLiteral("code"), p.code},
            {QStringLiteral("session"), p.serviceCode},
            {QStringLiteral("sessions"), p.sessions},
            {QStringLiteral("price_cents"), p.price.cents()},
            {QStringLiteral("session_cents"), packageSessionPrice(p.price, p.sessions, 1).cents()},
            {QStringLiteral("service"), p.description()}};
}

/// package define CODE --service SESSIONCODE --sessions N --price AMOUNT | list | show CODE |
/// refund CODE --approve-by NAME
Status cmdPackage(Context &ctx) {
    auto sub = ctx.takeArgument(oasis::cli::tr("a package command (define, list, show, refund)"));
    if (!sub)
        return std::unexpected(sub.error());
    if (*sub == QLatin1String("list")) {
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        if (auto ok = ctx.noMoreArguments(); !ok)
            return ok;
        auto db = ctx.database();
        if (!db)
            return std::unexpected(db.error());
        auto products = PackageService(**db).products();
        if (!products)
            return std::unexpected(products.error());
        QJsonArray list;
        QStringList text;
        for (const PackageProduct &p : *products) {
            list.append(productJson(p));
            text << oasis::cli::tr("%1  %2  %3").arg(p.code, p.description(), p.price.format());
        }
        if (text.isEmpty())
            text << oasis::cli::tr("No packages are defined.");
        ctx.emit({{QStringLiteral("packages"), list}}, text);
        return {};
    }
    if (*sub == QLatin1String("define")) {
        auto code = ctx.takeArgument(oasis::cli::tr("the package CODE (e.g. PKG-DT60-5)"));
        if (!code)
            return std::unexpected(code.error());
        // The session item is --service: QGuiApplication takes --session (X11 session
        // management) out of the arguments before oasisctl sees them.
        const auto session = ctx.takeOption(QStringLiteral("service"));
        const auto sessions = ctx.takeOption(QStringLiteral("sessions"));
        const auto price = ctx.takeOption(QStringLiteral("price"));
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        if (auto ok = ctx.noMoreArguments(); !ok)
            return ok;
        if (!session || !sessions || !price)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("package define CODE needs --service SESSIONCODE "
                                       "--sessions N --price AMOUNT."));
        bool isNumber = false;
        const int n = sessions->toInt(&isNumber);
        if (!isNumber)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("--sessions takes a number of sessions, e.g. 5."));
        auto amount = Money::parse(*price);
        if (!amount)
            return fail(ErrorCode::Invalid,
                        oasis::cli::tr("--price %1: %2").arg(*price, amount.error().message));
        auto db = ctx.database();
        if (!db)
            return std::unexpected(db.error());
        auto who = ctx.signIn();
        if (!who)
            return std::unexpected(who.error());
        auto defined =
            PackageService(**db).define(*code, *session, n, *amount, who->user, who->approver);
        if (!defined)
            return std::unexpected(defined.error());
        ctx.emit({{QStringLiteral("package"), productJson(*defined)}},
                 {oasis::cli::tr("Package %1 defined: %2 for %3 (%4 a session).")
                      .arg(defined->code, defined->description(), defined->price.format(),
                           packageSessionPrice(defined->price, defined->sessions, 1).format())});
        return {};
    }
    if (*sub == QLatin1String("show") || *sub == QLatin1String("refund")) {
        auto code = ctx.takeArgument(oasis::cli::tr("the package's CODE (SP1-...)"));
        if (!code)
            return std::unexpected(code.error());
        if (auto ok = ctx.noMoreOptions(); !ok)
            return ok;
        if (auto ok = ctx.noMoreArguments(); !ok)
            return ok;
        auto db = ctx.database();
        if (!db)
            return std::unexpected(db.error());
        Database &d = **db;
        const QString registerId = Store::registerId();
        if (*sub == QLatin1String("show"))
            return packageBalance(ctx, d, *code, registerId);
        // The unused sessions, pro rata, as a refund of the package's line on the receipt that
        // sold it: the money goes back to that sale's tenders (RefundService).
        auto who = ctx.signIn();
        if (!who)
            return std::unexpected(who.error());
        auto k = PackageService(d).lookup(*code, registerId);
        if (!k)
            return std::unexpected(k.error());
        auto done = RefundService(d).refund(k->soldReceiptNo, {{k->saleLineId, 1}}, false,
                                            who->user, who->approver);
        if (!done)
            return std::unexpected(done.error());
        auto after = PackageService(d).byId(k->id);
        if (!after)
            return std::unexpected(after.error());
        QJsonArray tenders;
        for (const AppliedTender &t : done->tenders)
            tenders.append(QJsonObject{{QStringLiteral("type"), tenderTypeName(t.type)},
                                       {QStringLiteral("amount_cents"), t.amount.cents()}});
        ctx.emit({{QStringLiteral("receipt"), done->receiptNo},
                  {QStringLiteral("receipt_code"), receiptCode(done->receiptNo)},
                  {QStringLiteral("original_receipt"), k->soldReceiptNo},
                  {QStringLiteral("sessions_refunded"), k->sessionsLeft},
                  {QStringLiteral("refund_cents"), (-done->totals.total).cents()},
                  {QStringLiteral("total_cents"), done->totals.total.cents()},
                  {QStringLiteral("tenders"), tenders},
                  {QStringLiteral("package"), packageJson(*after)}},
                 {oasis::cli::tr("Refund %1: %2 unused sessions of package ••%3, %4 back.")
                      .arg(receiptCode(done->receiptNo))
                      .arg(k->sessionsLeft)
                      .arg(k->last4, (-done->totals.total).format())});
        return {};
    }
    return fail(ErrorCode::Invalid, oasis::cli::tr("Unknown package command %1.").arg(*sub));
}

} // namespace

std::vector<Command> giftcardCommands() {
    return {{"giftcard", cmdGiftcard,
             "giftcard balance CODE | history CODE | reload CODE AMOUNT --pay TENDER... | replace "
             "CODE |\n"
             "         cashout CODE | adjust CODE DELTA --reason R | certificate CODE --out "
             "FILE.pdf|FILE.png "
             "[--a6] |\n"
             "         send CODE --to EMAIL | give AMOUNT [--expires DATE] --reason R"},
            {"package", cmdPackage,
             "package define CODE --service SESSIONCODE --sessions N --price AMOUNT | list |\n"
             "        show CODE | refund CODE --approve-by NAME   (the sessions left, pro rata)"}};
}

} // namespace oasis::cli
