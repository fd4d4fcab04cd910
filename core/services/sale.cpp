// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/sale.h"

#include "core/domain/clock.h"
#include "core/domain/giftcode.h"
#include "core/domain/text.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/clients.h"
#include "core/services/offline.h"
#include "core/services/package.h"
#include "core/services/promo.h"
#include "core/services/registers.h"
#include "core/services/salewriter.h"
#include "core/services/shift.h"
#include "core/services/store.h"
#include "core/services/storesettings.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <tuple>

namespace oasis {

namespace {

/// "?, ?, ?": the placeholders of an IN list of `n` values.
QString marks(qsizetype n) {
    return QStringList(n, QStringLiteral("?")).join(QLatin1String(", "));
}

} // namespace

/// What a sale's checks read in one statement: the store's rows of the cashier, the approver and
/// the ticket's therapists, the catalog's prices of its products, sessions and vouchers that are
/// still sold, and the store's sale rules.
struct SaleCheckRows {
    QHash<qint64, StaffMember> members;
    QHash<qint64, qint64> activePrices; ///< item id → price in cents
    StoreSettings::SaleRules rules;
};

namespace {

/// The statement of SaleCheckRows (one round trip to a store server), each row tagged, in
/// columns of text padded with NULLs to the widest: 's' a staff member
/// (StaffService::columnsAsText), 'p' an item and its price, 'r' the store's sale rules
/// (StoreSettings::saleRulesQuery's three columns). Run before a sale's transaction, and again in
/// it with the receipt number (SaleWriter::nextReceiptNoAndShifts).
SaleWriter::Alongside checkStatement(const Ticket &ticket, const StaffMember &cashier,
                                     const std::optional<StaffMember> &approver) {
    QVariantList staffIds{cashier.id};
    if (approver)
        staffIds << approver->id;
    QVariantList ids;
    for (const TicketLine &l : ticket.lines) {
        if (l.therapistId > 0 && !staffIds.contains(l.therapistId))
            staffIds << l.therapistId;
        if ((l.kind == LineKind::Product || l.kind == LineKind::Session ||
             l.kind == LineKind::Voucher) &&
            !ids.contains(l.itemId))
            ids << l.itemId;
    }
    QStringList parts{QStringLiteral("SELECT 's', %1 FROM staff WHERE id IN (%2)")
                          .arg(StaffService::columnsAsText(), marks(staffIds.size()))};
    if (!ids.isEmpty())
        parts << QStringLiteral("SELECT 'p', CAST(id AS TEXT), CAST(price_cents AS TEXT), NULL, "
                                "NULL, NULL, NULL FROM items WHERE active = 1 AND id IN (%1)")
                     .arg(marks(ids.size()));
    parts << QStringLiteral("SELECT 'r', x.*, NULL, NULL, NULL FROM (%1) x")
                 .arg(StoreSettings::saleRulesQuery());
    return {parts.join(QLatin1String(" UNION ALL ")), 7, staffIds + ids};
}

SaleCheckRows checkRowsFrom(const QList<QVariantList> &rows) {
    SaleCheckRows read;
    QList<QVariantList> ruleRows;
    for (const QVariantList &row : rows) {
        const QString tag = row.value(0).toString();
        if (tag == QLatin1String("s")) {
            const StaffMember m = StaffService::fromText(row.mid(1, 6));
            read.members.insert(m.id, m);
        } else if (tag == QLatin1String("p")) {
            read.activePrices.insert(row.value(1).toLongLong(), row.value(2).toLongLong());
        } else {
            ruleRows.append(row.mid(1, 3));
        }
    }
    read.rules = StoreSettings::saleRulesFrom(ruleRows);
    return read;
}

} // namespace

Status SaleService::check(const Ticket &ticket, const StaffMember &cashier,
                          const std::optional<StaffMember> &approver) const {
    auto checked = checkAndRead(ticket, cashier, approver);
    if (!checked)
        return std::unexpected(checked.error());
    return {};
}

Result<StoreSettings::SaleRules>
SaleService::checkAndRead(const Ticket &ticket, const StaffMember &cashier,
                          const std::optional<StaffMember> &approver) const {
    if (ticket.isEmpty())
        return fail(ErrorCode::Refused, oasis::tr("The ticket is empty."));
    const SaleWriter::Alongside statement = checkStatement(ticket, cashier, approver);
    auto rows = m_db.rows(statement.query, statement.binds);
    if (!rows)
        return std::unexpected(rows.error());
    SaleCheckRows read = checkRowsFrom(*rows);
    if (auto ok = checkRows(ticket, cashier, approver, read); !ok)
        return std::unexpected(ok.error());
    return std::move(read.rules);
}

Status SaleService::checkRows(const Ticket &ticket, const StaffMember &cashier,
                              const std::optional<StaffMember> &approver,
                              const SaleCheckRows &read) const {
    const QHash<qint64, StaffMember> &members = read.members;
    const QHash<qint64, qint64> &activePrices = read.activePrices;
    const StoreSettings::SaleRules &rules = read.rules;
    // Who sells and who approves, as the store has them now (authorize()'s rule).
    const auto rowOf = [&](const std::optional<StaffMember> &m) -> std::optional<StaffMember> {
        if (!m || !members.contains(m->id))
            return std::nullopt;
        return members.value(m->id);
    };
    const std::optional<StaffMember> currentCashier = rowOf(cashier);
    const std::optional<StaffMember> currentApprover = rowOf(approver);
    const auto needs = [&](Action action) {
        return authorizeRows(action, cashier, approver, currentCashier, currentApprover);
    };
    if (auto ok = needs(Action::Sell); !ok)
        return ok;
    bool overridden = false;
    // The first line rung up at a price the catalog no longer has, with no override of the
    // cashier's: the catalog changed since (at another register, or by an import). Its refusal
    // says so, so the cashier knows that no one overrode a price.
    std::optional<std::tuple<QString, Money, Money>> repriced; // name, catalog now, rung up
    Money discountable;
    Money lineDiscounts;
    for (const TicketLine &l : ticket.lines) {
        if (l.quantity <= 0 || l.quantity > 999)
            return fail(ErrorCode::Invalid,
                        oasis::tr("%1: the quantity must be from 1 to 999.").arg(l.name));
        if (l.unitPrice.isNegative() || l.lineDiscount.isNegative() || l.lineDiscount > l.gross())
            return fail(ErrorCode::Invalid,
                        oasis::tr("%1: the price or discount is not valid.").arg(l.name));
        if (l.discountable()) {
            discountable += l.gross();
            lineDiscounts += l.lineDiscount;
        }
        switch (l.kind) {
        case LineKind::Product:
        case LineKind::Session: {
            const auto active = activePrices.constFind(l.itemId);
            if (active == activePrices.cend())
                return fail(ErrorCode::NotFound,
                            oasis::tr("%1 is not in the catalog any more.").arg(l.name));
            if (Money::fromCents(*active) != l.unitPrice) {
                overridden = true;
                if (!l.priceOverridden && !repriced)
                    repriced = {l.name, Money::fromCents(*active), l.unitPrice};
            }
            if (l.kind == LineKind::Session && l.therapistId <= 0)
                return fail(ErrorCode::Refused,
                            oasis::tr("%1: choose the therapist who gives it.").arg(l.name));
            break;
        }
        case LineKind::Tip:
            if (l.therapistId <= 0)
                return fail(ErrorCode::Refused, oasis::tr("A tip needs the therapist it is for."));
            if (l.unitPrice.isZero())
                return fail(ErrorCode::Invalid, oasis::tr("A tip cannot be zero."));
            break;
        case LineKind::Voucher: {
            // Worth one session at the catalog's price now: never discounted or overridden.
            const auto active = activePrices.constFind(l.itemId);
            if (active == activePrices.cend())
                return fail(ErrorCode::NotFound,
                            oasis::tr("%1 is not in the catalog any more.").arg(l.name));
            if (l.quantity != 1)
                return fail(ErrorCode::Invalid, oasis::tr("Each voucher is its own line."));
            if (l.lineDiscount > Money() || Money::fromCents(*active) != l.unitPrice)
                return fail(ErrorCode::Refused,
                            oasis::tr("A voucher is sold at its session's price, not discounted."));
            break;
        }
        case LineKind::Package: {
            // Sold to a client at the package's price: never discounted or overridden.
            if (ticket.clientId <= 0)
                return fail(ErrorCode::Refused,
                            oasis::tr("A package is sold to a client: choose the client first "
                                      "(--client ID)."));
            auto product = PackageService(m_db).product(l.code);
            if (!product)
                return std::unexpected(product.error());
            if (l.quantity != 1)
                return fail(ErrorCode::Invalid, oasis::tr("Each package is its own line."));
            if (product->itemId != l.itemId || l.lineDiscount > Money() ||
                product->price != l.unitPrice)
                return fail(ErrorCode::Refused,
                            oasis::tr("A package is sold at its price, not discounted."));
            break;
        }
        case LineKind::GiftCard:
            if (l.lineDiscount > Money())
                return fail(ErrorCode::Refused, oasis::tr("Gift cards cannot be discounted."));
            if (auto ok =
                    checkGiftCardAmount(l.unitPrice, rules.giftCardMinimum, rules.giftCardMaximum);
                !ok)
                return fail(ErrorCode::Refused, ok.error().message);
            if (l.quantity != 1)
                return fail(ErrorCode::Invalid, oasis::tr("Each gift card is its own line."));
            for (const auto &[field, value, limit, newlines] :
                 {std::tuple{oasis::tr("gift card's To"), l.recipient, textlimit::kName,
                             Newlines::Refused},
                  std::tuple{oasis::tr("gift card's From"), l.sender, textlimit::kName,
                             Newlines::Refused},
                  std::tuple{oasis::tr("gift card's message"), l.message, textlimit::kNote,
                             Newlines::Allowed}})
                if (auto ok = checkText(field, value, limit, newlines); !ok)
                    return ok;
            if (!l.promoBonus.isZero()) {
                if (!l.reloadCode.isEmpty())
                    return fail(
                        ErrorCode::Invalid,
                        oasis::tr("Promotional value comes with a new card, not a reload."));
                if (auto ok = checkPromoValue(l.promoBonus, l.promoExpires, rules.giftCardMaximum,
                                              rules.businessDate(Clock::nowUtc()));
                    !ok)
                    return ok;
            } else if (l.promoExpires.isValid()) {
                return fail(ErrorCode::Invalid,
                            oasis::tr("An expiry date is for promotional value: give a bonus."));
            }
            break;
        }
        if (l.therapistId > 0) {
            const auto therapist = members.constFind(l.therapistId);
            if (therapist == members.cend() || !therapist->active ||
                therapist->role != Role::Therapist)
                return fail(ErrorCode::Refused,
                            oasis::tr("%1: the therapist is not active.").arg(l.name));
        }
    }
    // Promotional value is given away, not sold: a manager's decision.
    if (std::any_of(ticket.lines.begin(), ticket.lines.end(),
                    [](const TicketLine &l) { return !l.promoBonus.isZero(); }))
        if (auto ok = needs(Action::GiftCardPromo); !ok)
            return ok;
    if (overridden || std::any_of(ticket.lines.begin(), ticket.lines.end(),
                                  [](const TicketLine &l) { return l.priceOverridden; })) {
        auto ok = needs(Action::PriceOverride);
        if (!ok && repriced && !approver && ok.error().needsApproval) {
            const auto &[name, now, rungUp] = *repriced;
            Error refusal = ok.error();
            refusal.message =
                oasis::tr("%1 now costs %2 in the catalog, not %3 as rung up: ring it up again, "
                          "or %4 at %3 needs approval by %5.")
                    .arg(name, now.format(), rungUp.format(), actionName(Action::PriceOverride),
                         approversOf(Action::PriceOverride));
            return std::unexpected(refusal);
        }
        if (!ok)
            return ok;
    }
    // The ticket discount plus line discounts, as a share of what can be discounted.
    Money ticketDiscount;
    if (ticket.discount.kind == Discount::Kind::Percent)
        ticketDiscount = (discountable - lineDiscounts).timesPpm(ticket.discount.ppm);
    else if (ticket.discount.kind == Discount::Kind::Amount)
        ticketDiscount = ticket.discount.amount;
    const Money allDiscounts = ticketDiscount + lineDiscounts;
    if (allDiscounts > Money() && allDiscounts > discountable.timesPpm(rules.discountThresholdPpm))
        if (auto ok = needs(Action::DiscountAboveThreshold); !ok)
            return ok;
    return {};
}

Status checkRequestId(const QString &requestId) {
    const bool printable = std::all_of(requestId.begin(), requestId.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() <= 0x7e;
    });
    if (requestId.isEmpty() || requestId.size() > 100 || !printable || requestId.front() == u' ' ||
        requestId.back() == u' ')
        return fail(
            ErrorCode::Invalid,
            oasis::tr("A request id is 1 to 100 printable ASCII characters, with no space at "
                      "either end."));
    return {};
}

Result<CompletedSale> SaleService::complete(const Ticket &ticket,
                                            const std::vector<Tender> &tenders,
                                            const StaffMember &cashier,
                                            const std::optional<StaffMember> &approver,
                                            const QString &registerIdIn) {
    // Before anything else (a gift-card lookup records its failures): an unknown register
    // changes nothing.
    auto acting = RegisterService(m_db).acting(registerIdIn);
    if (!acting)
        return std::unexpected(acting.error());
    const QString registerId = *acting;
    // The number this sale takes is noted in the register's offline copy, if it has one.
    const OfflineNote note = OfflineNote::begin(m_db, registerId, ticket.requestId);
    auto done = [&]() -> Result<CompletedSale> {
        if (ticket.requestId.isEmpty())
            return completeRetried(ticket, tenders, cashier, approver, registerId);
        if (auto ok = checkRequestId(ticket.requestId); !ok)
            return std::unexpected(ok.error());
        if (!roleMay(cashier.role, Action::Sell))
            return fail(ErrorCode::Permission,
                        oasis::tr("%1 may not ring up sales.").arg(cashier.name));
        // A sale is never changed once committed, so one found here is final: return it before
        // anything else is looked at (a retry must not look up, let alone debit, its gift cards).
        auto first = firstSaleOf(ticket);
        if (!first)
            return std::unexpected(first.error());
        if (*first)
            return std::move(**first);
        testPoint("sale.request_id.unseen");
        auto result = completeRetried(ticket, tenders, cashier, approver, registerId);
        if (result)
            return result;
        // Another program may have completed this ticket since the look above: then what refused
        // this attempt (the card it emptied, the unique index on the id) is that sale's doing,
        // and the answer is that sale.
        auto after = firstSaleOf(ticket);
        if (!after && after.error().code == ErrorCode::Conflict)
            return std::unexpected(after.error());
        if (after && *after)
            return std::move(**after);
        return result;
    }();
    note.end(done);
    return done;
}

Result<CompletedSale> SaleService::completeRetried(const Ticket &ticket,
                                                   const std::vector<Tender> &tenders,
                                                   const StaffMember &cashier,
                                                   const std::optional<StaffMember> &approver,
                                                   const QString &registerId) {
    // On a server sales run at once (Transaction::beginShared). They take what they share in
    // one order, so they should never deadlock; should the server still end one (a deadlock or
    // serialization failure, or the same request id committed by another connection first),
    // nothing of it was written, and it runs again after a short random pause.
    for (int attempt = 1;; ++attempt) {
        auto done = completeNew(ticket, tenders, cashier, approver, registerId);
        if (done || attempt == kAttempts || done.error().code != ErrorCode::Storage ||
            !m_db.failedRetryably())
            return done;
        QThread::msleep(QRandomGenerator::global()->bounded(2, 10 * attempt));
    }
}

Result<std::optional<CompletedSale>> SaleService::firstSaleOf(const Ticket &ticket) const {
    auto row = m_db.row(QStringLiteral("SELECT id, receipt_no, business_date, total_cents, "
                                       "COALESCE(discount_spec, '') FROM sales "
                                       "WHERE request_id = ?"),
                        {ticket.requestId});
    if (!row)
        return std::unexpected(row.error());
    if (row->isEmpty())
        return std::optional<CompletedSale>();
    const qint64 saleId = row->at(0).toLongLong();
    const qint64 receiptNo = row->at(1).toLongLong();
    const QDate businessDate = QDate::fromString(row->at(2).toString(), Qt::ISODate);
    auto conflict = [&] {
        return fail(
            ErrorCode::Conflict,
            oasis::tr("Request id %1 was already used for receipt %2 with a different ticket.")
                .arg(ticket.requestId, receiptCode(receiptNo)));
    };
    // The same ticket: the same lines in the same order, the same discount and the same total
    // (at the first sale's business date, so a retry after midnight still matches).
    auto lines = readSaleLines(m_db, saleId);
    if (!lines)
        return std::unexpected(lines.error());
    if (lines->size() != ticket.lines.size() || row->at(4).toString() != ticket.discount.toString())
        return conflict();
    // A session line a package paid for was sold at the package's price for that session.
    Ticket asSold = ticket;
    for (std::size_t i = 0; i < ticket.lines.size(); ++i) {
        const TicketLine &l = ticket.lines[i];
        const SaleLineRecord &stored = (*lines)[i];
        if (stored.kind == LineKind::Session && stored.kind == l.kind &&
            stored.unitPrice != l.unitPrice) {
            auto covered = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM package_activity "
                                                      "WHERE line_id = ? AND kind = 'redeem'"),
                                       {stored.id});
            if (!covered)
                return std::unexpected(covered.error());
            if (covered->toInt() > 0) {
                asSold.lines[i].unitPrice = stored.unitPrice;
                asSold.lines[i].lineDiscount = stored.lineDiscount;
            }
        }
        const TicketLine &sold = asSold.lines[i];
        if (stored.kind != sold.kind || stored.code != sold.code ||
            stored.quantity != sold.quantity || stored.unitPrice != sold.unitPrice ||
            stored.lineDiscount != sold.lineDiscount || stored.therapistId != sold.therapistId)
            return conflict();
    }
    auto taxes = StoreSettings(m_db).taxTable();
    if (!taxes)
        return std::unexpected(taxes.error());
    auto totals = asSold.totals(*taxes, businessDate);
    if (!totals || totals->total.cents() != row->at(3).toLongLong())
        return conflict();

    auto record = load(receiptNo);
    if (!record)
        return std::unexpected(record.error());
    CompletedSale first;
    first.saleId = saleId;
    first.receiptNo = receiptNo;
    first.requestId = ticket.requestId;
    first.repeated = true;
    first.totals.subtotal = record->subtotal;
    first.totals.discount = record->discount;
    first.totals.tax = record->tax;
    first.totals.tips = record->tips;
    first.totals.total = record->total;
    for (const SaleRecord::Line &l : record->lines) {
        first.totals.lineDiscount.push_back(l.ticketDiscount);
        first.totals.lineTax.push_back(l.tax);
    }
    for (const SaleRecord::Tax &t : record->taxes)
        first.totals.taxByClass[t.taxClass] = t.tax;
    first.tenders = record->tenders;
    first.change = record->change;
    auto cards =
        m_db.rows(QStringLiteral("SELECT g.id, g.last4, a.amount_cents FROM giftcard_activity a "
                                 "JOIN giftcards g ON g.id = a.giftcard_id "
                                 "WHERE a.sale_id = ? AND a.kind = 'activate' ORDER BY a.id"),
                  {saleId});
    if (!cards)
        return std::unexpected(cards.error());
    for (const QVariantList &c : *cards)
        first.soldCards.push_back(
            {c.at(0).toLongLong(), c.at(1).toString(), Money::fromCents(c.at(2).toLongLong())});
    return std::optional<CompletedSale>(std::move(first));
}

Result<CompletedSale> SaleService::completeNew(const Ticket &ticketIn,
                                               const std::vector<Tender> &tenders,
                                               const StaffMember &cashier,
                                               const std::optional<StaffMember> &approver,
                                               const QString &registerId) {
    // The checks, and in their statement the store's rules as they are now. Checked again
    // inside the transaction, on what the store has then.
    auto checked = checkAndRead(ticketIn, cashier, approver);
    if (!checked)
        return std::unexpected(checked.error());
    // Session packages: each pays one line of its own session, and that line is sold at the
    // package's price for that session (what the session earns when it is used: the price
    // divided by the sessions, the remainder on the last). Looked up before the transaction
    // (failures stay recorded); the use of a session is a conditional write inside it.
    // The rule is PackageService::covers, the one the counter's Pay dialog shows.
    PackageService packages(m_db);
    QStringList packageCodes;
    for (const Tender &t : tenders)
        if (t.type == TenderType::Package)
            packageCodes << t.giftCode;
    auto packageCovers = packages.covers(packageCodes, ticketIn, registerId);
    if (!packageCovers)
        return std::unexpected(packageCovers.error());
    const std::vector<PackageCover> &packageUses = packageCovers->uses;
    const Ticket &ticket = packageCovers->ticket;
    const StoreSettings::SaleRules &rules = *checked;
    const TaxTable *taxes = &rules.taxes;
    const QDateTime now = Clock::nowUtc();
    const QDate businessDate = rules.businessDate(now);
    auto totals = ticket.totals(*taxes, businessDate);
    if (!totals)
        return std::unexpected(totals.error());
    const auto changedRates = [](Money totalNow) {
        return fail(ErrorCode::Conflict,
                    oasis::tr("The tax rates changed while this sale was being rung up: the total "
                              "is now %1. Nothing was charged; take the payment again.")
                        .arg(totalNow.format()));
    };
    // (The total shown is the one after package sessions repriced their lines, as the Pay dialog
    // shows it: PackageService::covers.)
    if (ticket.shownTotal && *ticket.shownTotal != totals->total)
        return changedRates(totals->total);
    const auto overLimit = [&](Money limit) -> Status {
        if (totals->total > limit)
            return fail(ErrorCode::Refused,
                        oasis::tr("The total of %1 is above the store's limit of %2 for one sale.")
                            .arg(totals->total.format(), limit.format()));
        return {};
    };
    // Refused at once when over the limit; the limit is read again inside the transaction.
    if (auto ok = overLimit(rules.transactionLimit); !ok)
        return std::unexpected(ok.error());

    // Gift cards: look up before the transaction (failures must stay recorded), as the register
    // complete() checked, on the sale's business date.
    GiftCardService cards(m_db, registerId, businessDate);
    std::vector<GiftCard> giftTenders;
    std::vector<Money> balances;
    for (const Tender &t : tenders) {
        if (t.type != TenderType::Gift)
            continue;
        auto card = cards.lookup(t.giftCode, registerId);
        if (!card)
            return std::unexpected(card.error());
        for (const GiftCard &seen : giftTenders)
            if (seen.id == card->id)
                return fail(ErrorCode::Invalid, oasis::tr("The same gift card is entered twice."));
        giftTenders.push_back(*card);
        balances.push_back(card->spendable()); // paid value, then promotional not expired
    }
    std::vector<qint64> reloadCards(ticket.lines.size(), 0);
    for (std::size_t i = 0; i < ticket.lines.size(); ++i) {
        if (ticket.lines[i].kind != LineKind::GiftCard || ticket.lines[i].reloadCode.isEmpty())
            continue;
        // Only found here; the card maximum is checked by the load, inside the transaction.
        auto card = cards.lookup(ticket.lines[i].reloadCode, registerId);
        if (!card)
            return std::unexpected(card.error());
        for (const GiftCard &g : giftTenders)
            if (g.id == card->id)
                return fail(ErrorCode::Refused,
                            oasis::tr("A gift card cannot pay for a gift card."));
        reloadCards[i] = card->id;
    }
    // Service vouchers: each pays one session line of the ticket, its own service's line first,
    // else a longer session (an upgrade: the customer pays the rest), at the price of its
    // service in the catalog now, whatever was paid for it. Looked up before the transaction
    // (failures stay recorded); the redemption is a conditional write inside it.
    VoucherService vouchers(m_db);
    struct VoucherUse {
        Voucher voucher;
        std::size_t line = 0;
        Money covered;
    };
    std::vector<VoucherUse> voucherUses;
    std::vector<Tender> planned = tenders;
    {
        std::size_t next = 0;
        for (Tender &t : planned) {
            if (t.type != TenderType::Package)
                continue;
            t.amount = packageCovers->amount(next++, *totals);
            t.amountGiven = true;
        }
    }
    {
        // The rule is VoucherService::covers, the one the counter's Pay dialog shows.
        QStringList codes;
        for (const Tender &t : planned)
            if (t.type == TenderType::Voucher)
                codes << t.giftCode;
        const std::vector<std::size_t> packageLines = packageCovers->lines();
        if (!codes.isEmpty()) {
            auto covered = vouchers.covers(codes, ticket, *totals, packageLines, registerId);
            if (!covered)
                return std::unexpected(covered.error());
            std::size_t next = 0;
            for (Tender &t : planned) {
                if (t.type != TenderType::Voucher)
                    continue;
                const VoucherCover &c = (*covered)[next++];
                t.amount = c.amount;
                t.amountGiven = true;
                voucherUses.push_back({c.voucher, c.line, c.amount});
            }
        }
    }
    auto plan = planTenders(totals->total, ticket.giftCardLinesTotal(), planned, balances);
    if (!plan)
        return std::unexpected(plan.error());
    // The cards were read above; their limits (balance, card maximum, void) are checked again
    // by the writes below, inside the transaction. A test runs another register here.
    testPoint("sale.giftcards.checked");

    // On a server the sale shares the store's lock with other registers' sales and takes for
    // itself what it alone may change, with the store's lock in the one statement after BEGIN:
    // the cards it debits or loads (their balance and maximum are checked by the writes below,
    // after no other register can change them any more), the vouchers it redeems (a second
    // register redeeming the same one waits, then finds it redeemed), the packages it uses a
    // session of (a second register waits, then sees the sessions this sale used), and its
    // register's receipt series. The journal's head comes later, below.
    const auto keysOf = [](std::vector<qint64> ids) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        QStringList keys;
        for (qint64 id : ids)
            keys << QString::number(id);
        return keys;
    };
    std::vector<qint64> ownCards, ownVouchers, ownPackages;
    for (const GiftCard &g : giftTenders)
        ownCards.push_back(g.id);
    for (qint64 id : reloadCards)
        if (id > 0)
            ownCards.push_back(id);
    for (const VoucherUse &u : voucherUses)
        ownVouchers.push_back(u.voucher.id);
    for (const PackageCover &u : packageUses)
        ownPackages.push_back(u.package.id);
    auto tx =
        Transaction::beginShared(m_db, {{Database::LockSpace::GiftCard, keysOf(ownCards), {}},
                                        {Database::LockSpace::Voucher, keysOf(ownVouchers), {}},
                                        {Database::LockSpace::Package, keysOf(ownPackages), {}},
                                        SaleWriter(m_db).seriesLock(registerId)});
    if (!tx)
        return std::unexpected(tx.error());
    if (!ticket.requestId.isEmpty()) {
        // Again inside the transaction: another program may have completed this ticket since
        // the caller looked. Returning rolls back: nothing is written.
        auto first = firstSaleOf(ticket);
        if (!first)
            return std::unexpected(first.error());
        if (*first)
            return std::move(**first);
        testPoint("sale.request_id.checked");
    }
    // The receipt number and the register's shifts, and in the same statement what the checks
    // above read, as the store has it now: the cashier may have been deactivated, the approver
    // demoted, a therapist deactivated, a price changed, the limit lowered or a rate changed
    // since. The checks run again on it (the ticket as rung up, before packages repriced it),
    // and a sale is written at the rates it was priced at or not at all.
    const SaleWriter::Alongside checks = checkStatement(ticketIn, cashier, approver);
    auto next = SaleWriter(m_db).nextReceiptNoAndShifts(registerId, true, &checks);
    if (!next)
        return std::unexpected(next.error());
    const SaleCheckRows readNow = checkRowsFrom(next->alongside);
    if (auto ok = checkRows(ticketIn, cashier, approver, readNow); !ok)
        return std::unexpected(ok.error());
    const StoreSettings::SaleRules &rulesNow = readNow.rules;
    if (auto ok = overLimit(rulesNow.transactionLimit); !ok)
        return std::unexpected(ok.error());
    auto repriced = ticket.totals(rulesNow.taxes, businessDate);
    if (!repriced)
        return std::unexpected(repriced.error());
    if (repriced->total != totals->total || repriced->taxByClass != totals->taxByClass)
        return changedRates(repriced->total);
    // Drawer discipline starts with the register's first shift: from then on every sale needs
    // an open shift, so cash is always counted against one (the same rule as a refund's).
    auto shift = ShiftService::forTicket(next->shifts, registerId, true, false);
    if (!shift)
        return std::unexpected(shift.error());
    // A recalled ticket leaves the parked list with its sale, in this transaction: until then a
    // crash keeps it parked, and a ticket sold or voided at another register is not sold twice.
    if (ticket.parkedId > 0) {
        auto unparked = m_db.write(QStringLiteral("DELETE FROM parked_tickets WHERE id = ?"),
                                   {ticket.parkedId});
        if (!unparked)
            return std::unexpected(unparked.error());
        if (unparked->rows != 1)
            return fail(ErrorCode::Refused,
                        oasis::tr("This held ticket is no longer on hold: it was sold or voided at "
                                  "another register."));
    }
    CompletedSale done;
    done.receiptNo = next->receiptNo;
    done.totals = *totals;
    done.change = plan->change;
    done.requestId = ticket.requestId;
    const QString nowText = toStorageTime(now);
    SaleWriter writer(m_db);
    SaleRow row;
    row.receiptNo = done.receiptNo;
    row.kind = QStringLiteral("sale");
    row.createdAt = nowText;
    row.businessDate = toStorageDate(businessDate);
    row.registerId = registerId;
    row.staffId = cashier.id;
    if (approver)
        row.approverId = approver->id;
    row.shiftId = *shift;
    row.discountSpec = ticket.discount.toString();
    row.subtotal = totals->subtotal;
    row.discount = totals->discount;
    row.tax = totals->tax;
    row.tips = totals->tips;
    row.total = totals->total;
    row.change = plan->change;
    row.requestId = ticket.requestId;
    auto sale = writer.sale(row);
    if (!sale)
        return std::unexpected(sale.error());
    done.saleId = *sale;
    if (ticket.clientId > 0) {
        // The client as the store knows them now: a duplicate merged since the ticket was
        // started is followed to the kept client; an unknown one refuses the sale, whole.
        auto client = ClientService::resolveForSale(m_db, ticket.clientId);
        if (!client)
            return std::unexpected(client.error());
        if (auto ok = m_db.write(QStringLiteral("INSERT INTO sale_clients(sale_id, client_id) "
                                                "VALUES (?, ?)"),
                                 {done.saleId, *client});
            !ok)
            return std::unexpected(ok.error());
        done.clientId = *client;
    }
    const QString reference = receiptCode(done.receiptNo);

    for (const auto &[cls, tax] : totals->taxByClass) {
        Money base;
        for (std::size_t i = 0; i < ticket.lines.size(); ++i)
            if (ticket.lines[i].taxClass == cls)
                base += ticket.lines[i].net() - totals->lineDiscount[i];
        const qint64 ppm = cls == TaxClass::GiftCard ? 0 : taxes->ppmOn(cls, businessDate);
        if (auto ok = writer.tax(done.saleId, taxClassName(cls), base, ppm, tax); !ok)
            return std::unexpected(ok.error());
    }

    // The tenders' rows: what each paid is decided; the cards are debited below.
    std::size_t giftIndex = 0;
    std::size_t voucherIndex = 0;
    std::size_t packageIndex = 0;
    QJsonArray tenderJson;
    std::vector<SaleTenderRow> tenderRows;
    for (AppliedTender a : plan->applied) {
        if (a.type == TenderType::Gift) {
            const GiftCard &card = giftTenders[giftIndex++];
            a.giftCardId = card.id;
            a.giftCardLast4 = card.last4;
        } else if (a.type == TenderType::Voucher) {
            a.giftCardLast4 = voucherUses[voucherIndex++].voucher.last4;
        } else if (a.type == TenderType::Package) {
            const PackageCover &u = packageUses[packageIndex++];
            a.giftCardLast4 = u.package.last4;
            a.voucherCovered = ticket.lines[u.line].name;
            a.packageSessionsLeft = u.package.sessionsLeft - 1;
        }
        tenderRows.push_back({tenderTypeName(a.type), a.amount, a.tendered, a.cardLast4, a.authCode,
                              a.giftCardId, 0});
        tenderJson.append(QJsonObject{{QStringLiteral("type"), tenderTypeName(a.type)},
                                      {QStringLiteral("amount_cents"), a.amount.cents()}});
        done.tenders.push_back(a);
    }
    if (auto ok = writer.tenders(done.saleId, tenderRows); !ok)
        return std::unexpected(ok.error());

    // What each card it pays with holds now, read under the card's lock, before the journal's
    // head below is taken (other registers wait for that one): one statement per card.
    QHash<qint64, PromoLedger::Spendable> cardFunds;
    for (const GiftCard &card : giftTenders) {
        auto funds = PromoLedger(m_db).spendable(card.id, businessDate);
        if (!funds)
            return std::unexpected(funds.error());
        cardFunds.insert(card.id, std::move(*funds));
    }

    // On a server, what follows runs beside other registers' sales too, up to the journal's
    // head (Journal::append, at the end). The report rollups the triggers of sale_lines,
    // stock_movements and giftcard_activity keep are written in rows of this sale's receipt
    // series (schema step 20), which only its series' sales (they wait for its number) touch.
    // The cards, vouchers and packages are locked since the first statement. What another
    // series' sale may share is a product's stock level: taken in one order (by item), so two
    // sales wait for each other there and never deadlock. A test sells on another register at
    // each point.
    testPoint("sale.shared.written");
    std::vector<std::pair<qint64, QString>> soldItems; // products sold, in ticket order
    std::vector<SaleLineRow> lineRows;
    std::vector<std::pair<qint64, qint64>> stockMoves; // item, quantity
    for (std::size_t i = 0; i < ticket.lines.size(); ++i) {
        const TicketLine &l = ticket.lines[i];
        qint64 cardId = 0;
        if (l.kind == LineKind::GiftCard) {
            if (reloadCards[i] > 0) {
                cardId = reloadCards[i];
                if (auto ok = cards.load(cardId, l.net(), rulesNow.giftCardMaximum, done.saleId,
                                         cashier.id);
                    !ok)
                    return std::unexpected(ok.error());
            } else {
                auto issued =
                    cards.issue(l.net(), done.saleId, cashier.id, l.recipient, l.sender, l.message);
                if (!issued)
                    return std::unexpected(issued.error());
                cardId = issued->id;
                if (!l.promoBonus.isZero())
                    if (auto ok = PromoLedger(m_db).grant(
                            cardId, l.promoBonus, l.promoExpires, done.saleId, cashier.id,
                            approver ? approver->id : 0, oasis::tr("bonus with a card sold"));
                        !ok)
                        return std::unexpected(ok.error());
                issued->promo = l.promoBonus;
                issued->promoExpires = l.promoExpires;
                done.giftCards.push_back(*issued);
                done.soldCards.push_back({issued->id, giftcode::last4(issued->code), l.net()});
            }
        }
        SaleLineRow lineRow;
        lineRow.lineNo = int(i + 1);
        lineRow.kind = lineKindName(l.kind);
        lineRow.itemId = l.itemId;
        lineRow.code = l.code;
        lineRow.name = l.name;
        lineRow.quantity = l.quantity;
        lineRow.unitPrice = l.unitPrice;
        lineRow.lineDiscount = l.lineDiscount;
        lineRow.ticketDiscount = totals->lineDiscount[i];
        lineRow.net = l.net() - totals->lineDiscount[i];
        lineRow.taxClass = taxClassName(l.taxClass);
        lineRow.tax = totals->lineTax[i];
        lineRow.therapistId = l.therapistId;
        lineRow.giftCardId = cardId;
        lineRow.priceOverridden = l.priceOverridden;
        lineRows.push_back(std::move(lineRow));
        if (l.kind == LineKind::Product) {
            stockMoves.emplace_back(l.itemId, -l.quantity);
            if (std::none_of(soldItems.begin(), soldItems.end(),
                             [&](const auto &sold) { return sold.first == l.itemId; }))
                soldItems.emplace_back(l.itemId, l.name);
        }
    }
    if (auto ok = writer.lines(done.saleId, lineRows); !ok)
        return std::unexpected(ok.error());
    // Vouchers sold and redeemed name their lines.
    const bool anyVoucherLine =
        std::any_of(ticket.lines.begin(), ticket.lines.end(),
                    [](const TicketLine &l) { return l.kind == LineKind::Voucher; });
    const bool anyPackageLine =
        std::any_of(ticket.lines.begin(), ticket.lines.end(),
                    [](const TicketLine &l) { return l.kind == LineKind::Package; });
    if (anyVoucherLine || !voucherUses.empty() || anyPackageLine || !packageUses.empty()) {
        auto ids = m_db.rows(QStringLiteral("SELECT line_no, id FROM sale_lines WHERE sale_id = ?"),
                             {done.saleId});
        if (!ids)
            return std::unexpected(ids.error());
        std::vector<qint64> lineIds(ticket.lines.size(), 0);
        for (const QVariantList &r : std::as_const(*ids))
            if (const qint64 no = r.value(0).toLongLong(); no >= 1 && no <= qint64(lineIds.size()))
                lineIds[std::size_t(no - 1)] = r.value(1).toLongLong();
        for (std::size_t i = 0; i < ticket.lines.size(); ++i) {
            if (ticket.lines[i].kind != LineKind::Voucher)
                continue;
            auto issued = vouchers.issue(ticket.lines[i].itemId, lineRows[i].net, done.saleId,
                                         lineIds[i], cashier.id);
            if (!issued)
                return std::unexpected(issued.error());
            done.vouchers.push_back(*issued);
        }
        for (const VoucherUse &u : voucherUses)
            if (auto ok = vouchers.redeem(u.voucher.id, u.covered, done.saleId, lineIds[u.line],
                                          cashier.id);
                !ok)
                return std::unexpected(ok.error());
        for (std::size_t i = 0; i < ticket.lines.size(); ++i) {
            if (ticket.lines[i].kind != LineKind::Package)
                continue;
            auto product = packages.product(ticket.lines[i].code);
            if (!product)
                return std::unexpected(product.error());
            auto issued = packages.issue(product->id, lineRows[i].net, done.clientId, done.saleId,
                                         lineIds[i], cashier.id);
            if (!issued)
                return std::unexpected(issued.error());
            done.packages.push_back(*issued);
        }
        for (const PackageCover &u : packageUses)
            // Used from the client's page: only for the sale's client as written above (-1,
            // matching no one, had the sale none).
            if (auto ok = packages.redeem(
                    u.package, u.price, done.saleId, lineIds[u.line], cashier.id,
                    u.forClient == 0 ? 0 : (done.clientId > 0 ? done.clientId : -1));
                !ok)
                return std::unexpected(ok.error());
    }
    // Stock levels in one order on every register: by item (see above).
    std::stable_sort(stockMoves.begin(), stockMoves.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    if (!stockMoves.empty())
        if (auto ok = writer.stock(done.saleId, stockMoves, QStringLiteral("sale"), reference,
                                   cashier.id, nowText);
            !ok)
            return std::unexpected(ok.error());
    // Stock that went below zero, said once per product with what is left after the whole
    // sale; one statement for every product sold (one round trip to a store server).
    if (!soldItems.empty()) {
        QVariantList ids;
        for (const auto &[itemId, name] : soldItems)
            ids << itemId;
        auto below = m_db.rows(QStringLiteral("SELECT item_id, on_hand FROM stock_levels WHERE "
                                              "on_hand < 0 AND item_id IN (%1)")
                                   .arg(marks(ids.size())),
                               ids);
        if (!below)
            return std::unexpected(below.error());
        for (const auto &[itemId, name] : soldItems)
            for (const QVariantList &level : std::as_const(*below))
                if (level.value(0).toLongLong() == itemId)
                    done.warnings << oasis::tr("%1: stock is now %2 (below zero); count the shelf.")
                                         .arg(name)
                                         .arg(level.value(1).toLongLong());
    }

    Money promoSpent;
    for (AppliedTender &a : done.tenders) {
        if (a.type != TenderType::Gift)
            continue;
        // The paid value first, then promotional value (not expired on the sale's date), from
        // what was read above: both checked again by their writes, inside this transaction,
        // under the card's lock.
        const PromoLedger::Spendable &funds = cardFunds[a.giftCardId];
        // Another register spent from the card, or replaced it, since it was looked up: said of
        // the card as a whole (its writes below would refuse the part past its paid value as
        // promotional value).
        if (const Money holds = funds.paid + funds.promo().first; holds < a.amount) {
            if (auto card = cards.byId(a.giftCardId); card && card->status == GiftCardStatus::Void)
                return fail(ErrorCode::Refused,
                            oasis::tr("The gift card ending %1 was replaced just now; it is void.")
                                .arg(a.giftCardLast4));
            return fail(ErrorCode::Refused,
                        oasis::tr("Gift card ••%1 holds %2 now, less than the %3 it was to pay: "
                                  "it was used at another register meanwhile. Nothing was "
                                  "charged; take the payment again.")
                            .arg(a.giftCardLast4, holds.format(), a.amount.format()));
        }
        const Money paidPart = std::clamp(funds.paid, Money(), a.amount);
        const Money promoPart = a.amount - paidPart;
        if (!paidPart.isZero())
            if (auto ok = cards.redeem(a.giftCardId, paidPart, done.saleId, cashier.id); !ok)
                return std::unexpected(ok.error());
        if (!promoPart.isZero()) {
            if (auto ok = PromoLedger(m_db).redeem(a.giftCardId, promoPart, businessDate,
                                                   done.saleId, cashier.id, &funds.lots);
                !ok)
                return std::unexpected(ok.error());
            promoSpent += promoPart;
        }
        // What is left to spend: the writes above succeeded, so it is what was read less what
        // they took (the promotional value spendable on the sale's date).
        const auto [promoLeft, promoExpires] = funds.promoAfter(promoPart);
        a.giftCardBalance = funds.paid - paidPart + promoLeft;
        a.giftCardPromo = promoLeft;
        a.giftCardPromoExpires = promoExpires;
    }

    QJsonArray cardsJson;
    for (const IssuedCard &c : done.giftCards)
        cardsJson.append(QJsonObject{{QStringLiteral("last4"), giftcode::last4(c.code)},
                                     {QStringLiteral("amount_cents"), c.amount.cents()}});
    QJsonArray vouchersJson;
    for (const IssuedVoucher &v : done.vouchers)
        vouchersJson.append(QJsonObject{{QStringLiteral("last4"), giftcode::last4(v.code)},
                                        {QStringLiteral("session"), v.serviceCode},
                                        {QStringLiteral("amount_cents"), v.paid.cents()}});
    QJsonArray redeemedJson;
    for (const VoucherUse &u : voucherUses)
        redeemedJson.append(QJsonObject{{QStringLiteral("last4"), u.voucher.last4},
                                        {QStringLiteral("session"), u.voucher.serviceCode},
                                        {QStringLiteral("covered_cents"), u.covered.cents()}});
    QJsonArray packagesJson;
    for (const IssuedPackage &k : done.packages)
        packagesJson.append(QJsonObject{{QStringLiteral("last4"), giftcode::last4(k.code)},
                                        {QStringLiteral("package"), k.productCode},
                                        {QStringLiteral("sessions"), k.sessions},
                                        {QStringLiteral("amount_cents"), k.paid.cents()}});
    QJsonArray packagesUsedJson;
    for (const PackageCover &u : packageUses)
        packagesUsedJson.append(
            QJsonObject{{QStringLiteral("last4"), u.package.last4},
                        {QStringLiteral("session"), u.package.serviceCode},
                        {QStringLiteral("covered_cents"), u.price.cents()},
                        {QStringLiteral("sessions_left"), u.package.sessionsLeft - 1}});
    QJsonObject entry{{QStringLiteral("receipt"), done.receiptNo},
                      {QStringLiteral("register"), registerId},
                      {QStringLiteral("lines"), static_cast<qint64>(ticket.lines.size())},
                      {QStringLiteral("total_cents"), totals->total.cents()},
                      {QStringLiteral("tax_cents"), totals->tax.cents()},
                      {QStringLiteral("tenders"), tenderJson},
                      {QStringLiteral("giftcards"), cardsJson},
                      {QStringLiteral("approver"), approver ? approver->name : QString()}};
    if (!ticket.requestId.isEmpty())
        entry.insert(QStringLiteral("request_id"), ticket.requestId);
    if (done.clientId > 0)
        entry.insert(QStringLiteral("client"), done.clientId);
    if (!vouchersJson.isEmpty())
        entry.insert(QStringLiteral("vouchers"), vouchersJson);
    if (!redeemedJson.isEmpty())
        entry.insert(QStringLiteral("vouchers_redeemed"), redeemedJson);
    if (!promoSpent.isZero())
        entry.insert(QStringLiteral("promo_cents"), promoSpent.cents());
    if (!packagesJson.isEmpty())
        entry.insert(QStringLiteral("packages"), packagesJson);
    if (!packagesUsedJson.isEmpty())
        entry.insert(QStringLiteral("packages_used"), packagesUsedJson);
    testPoint("sale.books.written"); // all but the journal's entry
    if (auto ok = Journal::append(m_db, cashier.name, QStringLiteral("sale"), entry); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return done;
}

Result<SaleRecord> SaleService::load(qint64 receiptNo) const {
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT s.id, s.receipt_no, s.kind, COALESCE(o.receipt_no, 0), s.created_at, "
            "s.business_date, "
            "s.register_id, st.display_name, COALESCE(ap.display_name, ''), s.subtotal_cents, "
            "s.discount_cents, s.tax_cents, s.tip_cents, s.total_cents, s.change_cents "
            "FROM sales s JOIN staff st ON st.id = s.staff_id LEFT JOIN staff ap ON ap.id = "
            "s.approver_id "
            "LEFT JOIN sales o ON o.id = s.original_sale_id WHERE s.receipt_no = ?"),
        {receiptNo});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound,
                    oasis::tr("There is no receipt %1.").arg(receiptCode(receiptNo)));
    SaleRecord r;
    r.id = q->value(0).toLongLong();
    r.receiptNo = q->value(1).toLongLong();
    r.kind = q->value(2).toString();
    r.originalReceiptNo = q->value(3).toLongLong();
    r.createdAt = fromStorageTime(q->value(4).toString());
    r.businessDate = QDate::fromString(q->value(5).toString(), Qt::ISODate);
    r.registerId = q->value(6).toString();
    r.cashier = q->value(7).toString();
    r.approver = q->value(8).toString();
    r.subtotal = Money::fromCents(q->value(9).toLongLong());
    r.discount = Money::fromCents(q->value(10).toLongLong());
    r.tax = Money::fromCents(q->value(11).toLongLong());
    r.tips = Money::fromCents(q->value(12).toLongLong());
    r.total = Money::fromCents(q->value(13).toLongLong());
    r.change = Money::fromCents(q->value(14).toLongLong());
    q->finish();

    auto lines = readSaleLines(m_db, r.id);
    if (!lines)
        return std::unexpected(lines.error());
    r.lines = std::move(*lines);
    auto taxes = m_db.exec(
        QStringLiteral(
            "SELECT tax_class, base_cents, ppm, tax_cents FROM sale_taxes WHERE sale_id = ? "
            "ORDER BY tax_class"),
        {r.id});
    if (!taxes)
        return std::unexpected(taxes.error());
    while (taxes->next())
        r.taxes.push_back({taxClassFromName(taxes->value(0).toString()).value_or(TaxClass::Retail),
                           Money::fromCents(taxes->value(1).toLongLong()),
                           taxes->value(2).toLongLong(),
                           Money::fromCents(taxes->value(3).toLongLong())});
    auto tenders =
        m_db.exec(QStringLiteral(
                      "SELECT t.type, t.amount_cents, t.tendered_cents, t.card_last4, t.auth_code, "
                      "COALESCE(t.giftcard_id, 0), COALESCE(g.last4, ''), "
                      "(SELECT COALESCE(SUM(a.amount_cents), 0) FROM giftcard_activity a "
                      " WHERE a.giftcard_id = t.giftcard_id AND a.id <= "
                      "  (SELECT MAX(b.id) FROM giftcard_activity b WHERE b.giftcard_id = "
                      "t.giftcard_id AND b.sale_id = t.sale_id)) "
                      "FROM sale_tenders t LEFT JOIN giftcards g ON g.id = t.giftcard_id WHERE "
                      "t.sale_id = ? ORDER BY t.id"),
                  {r.id});
    if (!tenders)
        return std::unexpected(tenders.error());
    while (tenders->next()) {
        AppliedTender a;
        a.type = tenderTypeFromName(tenders->value(0).toString()).value_or(TenderType::Cash);
        a.amount = Money::fromCents(tenders->value(1).toLongLong());
        a.tendered = Money::fromCents(tenders->value(2).toLongLong());
        a.cardLast4 = tenders->value(3).toString();
        a.authCode = tenders->value(4).toString();
        a.giftCardId = tenders->value(5).toLongLong();
        a.giftCardLast4 = tenders->value(6).toString();
        a.giftCardBalance = Money::fromCents(tenders->value(7).toLongLong());
        r.tenders.push_back(a);
    }
    tenders->finish();
    // Service vouchers, by last 4 only: those sold on its lines, and those its tenders redeemed
    // (in tender order) with the session each covered.
    const bool voucherLines = std::any_of(
        r.lines.begin(), r.lines.end(), [](const auto &l) { return l.kind == LineKind::Voucher; });
    const bool voucherTenders = std::any_of(r.tenders.begin(), r.tenders.end(), [](const auto &t) {
        return t.type == TenderType::Voucher;
    });
    if (voucherLines) {
        auto sold = m_db.rows(
            QStringLiteral("SELECT line_id, last4 FROM vouchers WHERE sale_id = ?"), {r.id});
        if (!sold)
            return std::unexpected(sold.error());
        for (SaleRecord::Line &l : r.lines)
            for (const QVariantList &v : std::as_const(*sold))
                if (v.value(0).toLongLong() == l.id)
                    l.giftCardLast4 = v.value(1).toString();
    }
    if (std::any_of(r.lines.begin(), r.lines.end(),
                    [](const auto &l) { return l.kind == LineKind::Package; })) {
        auto sold = m_db.rows(
            QStringLiteral("SELECT line_id, last4, sessions FROM packages WHERE sale_id = ?"),
            {r.id});
        if (!sold)
            return std::unexpected(sold.error());
        for (SaleRecord::Line &l : r.lines)
            for (const QVariantList &k : std::as_const(*sold))
                if (k.value(0).toLongLong() == l.id) {
                    l.giftCardLast4 = k.value(1).toString();
                    l.packageSessions = k.value(2).toInt();
                }
    }
    if (std::any_of(r.tenders.begin(), r.tenders.end(),
                    [](const auto &t) { return t.type == TenderType::Package; })) {
        auto used = m_db.rows(
            QStringLiteral("SELECT k.last4, COALESCE(l.name, ''), (SELECT SUM(b.sessions) FROM "
                           "package_activity b WHERE b.package_id = a.package_id AND b.seq <= "
                           "a.seq) FROM package_activity a JOIN packages k ON k.id = a.package_id "
                           "LEFT JOIN sale_lines l ON l.id = a.line_id WHERE a.sale_id = ? AND "
                           "a.kind = 'redeem' ORDER BY a.id"),
            {r.id});
        if (!used)
            return std::unexpected(used.error());
        std::size_t next = 0;
        for (AppliedTender &t : r.tenders)
            if (t.type == TenderType::Package && next < std::size_t(used->size())) {
                t.giftCardLast4 = (*used)[next].value(0).toString();
                t.voucherCovered = (*used)[next].value(1).toString();
                t.packageSessionsLeft = (*used)[next].value(2).toInt();
                ++next;
            }
    }
    if (voucherTenders) {
        auto used = m_db.rows(
            QStringLiteral("SELECT v.last4, COALESCE(l.name, '') FROM voucher_activity a JOIN "
                           "vouchers v ON v.id = a.voucher_id LEFT JOIN sale_lines l ON l.id = "
                           "a.line_id WHERE a.sale_id = ? AND a.kind = 'redeem' ORDER BY a.id"),
            {r.id});
        if (!used)
            return std::unexpected(used.error());
        qsizetype next = 0;
        for (AppliedTender &t : r.tenders)
            if (t.type == TenderType::Voucher && next < used->size()) {
                t.giftCardLast4 = (*used)[next].value(0).toString();
                t.voucherCovered = (*used)[next].value(1).toString();
                ++next;
            }
    }
    // What the card could still spend after this sale: its promotional value too, as the
    // ledger stood when the sale (or refund) wrote its last row for the card, not expired on
    // its business day.
    for (AppliedTender &a : r.tenders) {
        if (a.type != TenderType::Gift || a.giftCardId <= 0 || !PromoLedger::present(m_db))
            continue;
        auto lots = m_db.rows(
            QStringLiteral(
                "SELECT l.amount_cents + COALESCE((SELECT SUM(d.amount_cents) FROM "
                "giftcard_promo d WHERE d.lot_id = l.id AND d.kind IN ('redeem', 'void', "
                "'replace_out') AND d.created_at <= x.t), 0), COALESCE(l.expires_on, '') "
                "FROM giftcard_promo l, (SELECT COALESCE("
                " (SELECT MAX(p.created_at) FROM giftcard_promo p WHERE p.giftcard_id = ? AND "
                "  p.sale_id = ?), "
                " (SELECT MAX(b.created_at) FROM giftcard_activity b WHERE b.giftcard_id = ? AND "
                "  b.sale_id = ?)) AS t) x "
                "WHERE l.giftcard_id = ? AND l.kind IN ('grant', 'refund', 'replace_in') AND "
                "l.created_at <= x.t AND (l.expires_on IS NULL OR l.expires_on >= ?)"),
            {a.giftCardId, r.id, a.giftCardId, r.id, a.giftCardId,
             r.businessDate.toString(Qt::ISODate)});
        if (!lots)
            return std::unexpected(lots.error());
        PromoLedger::Spendable held; // the lots with value left then
        for (const QVariantList &lot : std::as_const(*lots))
            if (const Money left = Money::fromCents(lot.value(0).toLongLong()); !left.isZero())
                held.lots.push_back(
                    {0, left, QDate::fromString(lot.value(1).toString(), Qt::ISODate)});
        std::tie(a.giftCardPromo, a.giftCardPromoExpires) = held.promo();
        a.giftCardBalance += a.giftCardPromo;
    }
    return r;
}

Result<std::vector<SaleRecord>> SaleService::recent(int limit) const {
    auto q =
        m_db.exec(QStringLiteral("SELECT receipt_no FROM sales ORDER BY id DESC LIMIT ?"), {limit});
    if (!q)
        return std::unexpected(q.error());
    std::vector<qint64> numbers;
    while (q->next())
        numbers.push_back(q->value(0).toLongLong());
    std::vector<SaleRecord> out;
    for (qint64 n : numbers) {
        auto r = load(n);
        if (!r)
            return std::unexpected(r.error());
        out.push_back(std::move(*r));
    }
    return out;
}

Result<qint64> ParkedTickets::park(const Ticket &ticket, const QString &label,
                                   const StaffMember &staff, const QString &registerId) {
    if (ticket.isEmpty())
        return fail(ErrorCode::Refused,
                    oasis::tr("There is nothing to hold: the ticket is empty."));
    if (auto ok = checkText(oasis::tr("label of the held ticket"), label, textlimit::kName); !ok)
        return std::unexpected(ok.error());
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    const QVariantList values{
        toStorageTime(Clock::nowUtc()), registerId.isEmpty() ? Store::registerId() : registerId,
        staff.id, label,
        QString::fromUtf8(QJsonDocument(ticket.toJson()).toJson(QJsonDocument::Compact))};
    qint64 id = 0;
    if (ticket.parkedId > 0) {
        // Held again after a recall: the same row, so the recall list has no duplicate.
        auto upd = m_db.write(QStringLiteral("UPDATE parked_tickets SET created_at = ?, "
                                             "register_id = ?, staff_id = ?, label = ?, "
                                             "payload = ? WHERE id = ?"),
                              values + QVariantList{ticket.parkedId});
        if (!upd)
            return std::unexpected(upd.error());
        if (upd->rows == 1)
            id = ticket.parkedId;
    }
    if (id == 0) {
        auto ins = m_db.write(
            QStringLiteral(
                "INSERT INTO parked_tickets(created_at, register_id, staff_id, label, payload) "
                "VALUES (?, ?, ?, ?, ?)"),
            values);
        if (!ins)
            return std::unexpected(ins.error());
        id = ins->insertId;
    }
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return id;
}

Result<std::vector<ParkedTicket>> ParkedTickets::list() const {
    auto q = m_db.exec(QStringLiteral(
        "SELECT p.id, p.created_at, p.label, COALESCE(s.display_name, ''), p.payload "
        "FROM parked_tickets p LEFT JOIN staff s ON s.id = p.staff_id ORDER BY p.id"));
    if (!q)
        return std::unexpected(q.error());
    // Each total as the register would show it on recall: today's tax rates.
    const StoreSettings settings(m_db);
    const auto taxes = settings.taxTable();
    const QDate today = settings.businessDate(Clock::nowUtc());
    std::vector<ParkedTicket> out;
    while (q->next()) {
        auto ticket =
            Ticket::fromJson(QJsonDocument::fromJson(q->value(4).toString().toUtf8()).object());
        if (!ticket)
            continue;
        ticket->parkedId = q->value(0).toLongLong();
        std::optional<Money> total;
        if (taxes)
            if (auto totals = ticket->totals(*taxes, today))
                total = totals->total;
        out.push_back({q->value(0).toLongLong(), fromStorageTime(q->value(1).toString()),
                       q->value(2).toString(), q->value(3).toString(), *ticket, total});
    }
    return out;
}

Result<Ticket> ParkedTickets::recall(qint64 id) {
    auto payload =
        m_db.scalar(QStringLiteral("SELECT payload FROM parked_tickets WHERE id = ?"), {id});
    if (!payload)
        return std::unexpected(payload.error());
    if (payload->isNull())
        return fail(ErrorCode::NotFound,
                    oasis::tr("That held ticket is no longer on hold: it was sold or voided."));
    auto ticket = Ticket::fromJson(QJsonDocument::fromJson(payload->toString().toUtf8()).object());
    if (!ticket)
        return std::unexpected(ticket.error());
    ticket->parkedId = id;
    return ticket;
}

Status ParkedTickets::discard(qint64 id) {
    if (auto ok = m_db.write(QStringLiteral("DELETE FROM parked_tickets WHERE id = ?"), {id}); !ok)
        return std::unexpected(ok.error());
    return {};
}

} // namespace oasis
