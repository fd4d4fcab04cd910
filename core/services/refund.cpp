// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/refund.h"
#include "core/services/salewriter.h"

#include "core/domain/clock.h"
#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/services/offline.h"
#include "core/services/package.h"
#include "core/services/promo.h"
#include "core/services/registers.h"
#include "core/services/shift.h"
#include "core/services/storesettings.h"
#include "core/services/voucher.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <map>

namespace oasis {

namespace {
/// What the refund arithmetic needs of an original line (refundShare).
RefundBasis basisOf(const SaleLineRecord &l) {
    return {l.quantity,
            l.remaining(),
            {l.lineDiscount, l.ticketDiscount, l.net, l.tax},
            {l.refunded.lineDiscount, l.refunded.ticketDiscount, l.refunded.net, l.refunded.tax}};
}

/// A session package's line as a refund sees it: what is left to give back is what the package
/// still owes (the sessions left, pro rata: the price less the sessions used at their
/// per-session price), not the line as sold.
Result<RefundBasis> packageBasisOf(Database &db, const SaleLineRecord &l) {
    RefundBasis basis = basisOf(l);
    auto k = PackageService(db).bySaleLine(l.id);
    if (!k)
        return std::unexpected(k.error());
    if (basis.remaining > 0)
        basis.whole = {Money(), Money(), k->liability(), Money()};
    basis.refunded = {};
    return basis;
}

struct SaleHeader {
    qint64 id = 0;
    QString kind;
    QDate businessDate;
};

Result<SaleHeader> saleHeader(const Database &db, qint64 receiptNo) {
    auto q =
        db.exec(QStringLiteral("SELECT id, kind, business_date FROM sales WHERE receipt_no = ?"),
                {receiptNo});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return fail(ErrorCode::NotFound,
                    oasis::tr("There is no receipt %1.").arg(receiptCode(receiptNo)));
    return SaleHeader{q->value(0).toLongLong(), q->value(1).toString(),
                      QDate::fromString(q->value(2).toString(), Qt::ISODate)};
}
} // namespace

Result<std::vector<RefundableLine>> RefundService::refundable(qint64 receiptNo) const {
    auto header = saleHeader(m_db, receiptNo);
    if (!header)
        return std::unexpected(header.error());
    auto lines = readSaleLines(m_db, header->id);
    if (!lines)
        return std::unexpected(lines.error());
    std::vector<RefundableLine> out;
    for (const SaleLineRecord &l : *lines) {
        if (l.kind == LineKind::Package) {
            auto basis = packageBasisOf(m_db, l);
            if (!basis)
                return std::unexpected(basis.error());
            out.push_back({l.id, l.lineNo, l.kind, l.code, l.name, l.quantity, l.remaining(),
                           basis->whole.net, Money(), *basis});
            continue;
        }
        out.push_back({l.id, l.lineNo, l.kind, l.code, l.name, l.quantity, l.remaining(),
                       l.net - l.refunded.net, l.tax - l.refunded.tax, basisOf(l)});
    }
    return out;
}

RefundPreview previewRefund(const std::vector<RefundableLine> &lines,
                            const std::vector<RefundSelection> &selection) {
    RefundPreview preview;
    preview.lineAmounts.resize(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const RefundableLine &l = lines[i];
        // As refund() reads a selection: none is everything left but gift cards.
        int units = selection.empty() && isRefundable(l.kind) ? l.remaining : 0;
        for (const RefundSelection &s : selection)
            if (s.lineId == l.lineId)
                units += s.quantity == 0 ? l.remaining : s.quantity;
        if (units <= 0)
            continue;
        const RefundShare share = refundShare(l.basis, units);
        preview.lineAmounts[i] = share.net + share.tax;
        preview.amounts.add(share, l.kind == LineKind::Tip);
    }
    return preview;
}

Result<CompletedSale> RefundService::refund(qint64 receiptNo,
                                            const std::vector<RefundSelection> &selection,
                                            bool restock, const StaffMember &cashier,
                                            const std::optional<StaffMember> &approver,
                                            const QString &registerId) {
    return reverse(receiptNo, selection, restock, false, cashier, approver, registerId);
}

Result<CompletedSale> RefundService::voidSale(qint64 receiptNo, const StaffMember &cashier,
                                              const std::optional<StaffMember> &approver,
                                              const QString &registerId) {
    return reverse(receiptNo, {}, true, true, cashier, approver, registerId);
}

Result<CompletedSale> RefundService::reverse(qint64 receiptNo,
                                             const std::vector<RefundSelection> &selection,
                                             bool restock, bool isVoid, const StaffMember &cashier,
                                             const std::optional<StaffMember> &approver,
                                             const QString &registerIdIn) {
    const Action action = isVoid ? Action::VoidSale : Action::Refund;
    auto acting = RegisterService(m_db).acting(registerIdIn);
    if (!acting)
        return std::unexpected(acting.error());
    const QString registerId = *acting;
    // The number this refund takes is noted in the register's offline copy, if it has one.
    const OfflineNote note = OfflineNote::begin(m_db, registerId, {});
    auto outcome = [&]() -> Result<CompletedSale> {
        const QDateTime now = Clock::nowUtc();
        StoreSettings settings(m_db);

        testPoint("refund.checked");
        auto tx = beginAuthorized(m_db, action, cashier, approver);
        if (!tx)
            return std::unexpected(tx.error());
        auto header = saleHeader(m_db, receiptNo);
        if (!header)
            return std::unexpected(header.error());
        if (header->kind != QLatin1String("sale"))
            return fail(ErrorCode::Refused,
                        oasis::tr("%1 is a %2, not a sale: it cannot be refunded.")
                            .arg(receiptCode(receiptNo), header->kind));
        auto lines = readSaleLines(m_db, header->id);
        if (!lines)
            return std::unexpected(lines.error());
        if (isVoid) {
            if (header->businessDate != settings.businessDate(now))
                return fail(
                    ErrorCode::Refused,
                    oasis::tr(
                        "%1 is from %2: only a sale of today can be voided; refund it instead.")
                        .arg(receiptCode(receiptNo),
                             QLocale().toString(header->businessDate, QLocale::ShortFormat)));
            auto reversals =
                m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE original_sale_id = ?"),
                            {header->id});
            if (!reversals)
                return std::unexpected(reversals.error());
            if (reversals->toInt() > 0)
                return fail(
                    ErrorCode::Refused,
                    oasis::tr(
                        "%1 was already refunded or voided in part; refund what is left instead.")
                        .arg(receiptCode(receiptNo)));
        }

        // Which lines, how many units.
        std::map<qint64, int> wanted;
        if (selection.empty()) {
            for (const SaleLineRecord &l : *lines)
                if (l.remaining() > 0 && (isVoid || isRefundable(l.kind)))
                    wanted[l.id] = l.remaining();
        } else {
            for (const RefundSelection &s : selection) {
                auto it = std::find_if(lines->begin(), lines->end(),
                                       [&](const SaleLineRecord &l) { return l.id == s.lineId; });
                if (it == lines->end())
                    return fail(ErrorCode::NotFound,
                                oasis::tr("That line is not on %1.").arg(receiptCode(receiptNo)));
                const int qty = s.quantity == 0 ? it->remaining() : s.quantity;
                if (qty < 0 || wanted[it->id] + qty > it->remaining())
                    return fail(ErrorCode::Refused,
                                oasis::tr("%1: only %2 of %3 can still be refunded.")
                                    .arg(it->name)
                                    .arg(it->remaining())
                                    .arg(it->quantity));
                wanted[it->id] += qty;
            }
        }
        // Session packages: what is left of them is what they still owe. Everything left on the
        // receipt leaves out a package with no session left; one chosen by name is refused below.
        std::map<qint64, SessionPackage> soldPackages;
        for (const SaleLineRecord &l : *lines) {
            if (l.kind != LineKind::Package || !wanted.contains(l.id))
                continue;
            auto k = PackageService(m_db).bySaleLine(l.id);
            if (!k)
                return std::unexpected(k.error());
            if (isVoid && k->used > 0)
                return fail(ErrorCode::Refused,
                            oasis::tr("A session of the package ending %1 was used: refund the "
                                      "sessions left instead of voiding the sale.")
                                .arg(k->last4));
            if (selection.empty() && k->sessionsLeft <= 0)
                wanted[l.id] = 0;
            soldPackages[l.id] = *k;
        }
        std::erase_if(wanted, [](const auto &w) { return w.second == 0; });
        if (wanted.empty())
            return fail(ErrorCode::Refused,
                        oasis::tr("Nothing is left to refund on %1.").arg(receiptCode(receiptNo)));
        for (const SaleLineRecord &l : *lines)
            if (wanted.contains(l.id) && !isRefundable(l.kind) && !isVoid)
                return fail(
                    ErrorCode::Refused,
                    oasis::tr(
                        "A gift card is not refunded: its value stays on the card and can be spent "
                        "(a balance under $5.00 is paid out in cash). A manager can void today's "
                        "sale."));

        // The reversed amounts, line by line: the same shares previewRefund() shows.
        struct Part {
            const SaleLineRecord *line;
            int qty;
            Money lineDiscount, ticketDiscount, net, tax;
        };
        std::vector<Part> parts;
        RefundAmounts given;
        for (const SaleLineRecord &l : *lines) {
            auto it = wanted.find(l.id);
            if (it == wanted.end())
                continue;
            const int k = it->second;
            RefundBasis basis = basisOf(l);
            if (l.kind == LineKind::Package) {
                auto pb = packageBasisOf(m_db, l);
                if (!pb)
                    return std::unexpected(pb.error());
                basis = *pb;
            }
            const RefundShare share = refundShare(basis, k);
            parts.push_back(
                {&l, k, share.lineDiscount, share.ticketDiscount, share.net, share.tax});
            given.add(share, l.kind == LineKind::Tip);
        }
        const Money subtotal = given.subtotal, discount = given.discount, tax = given.tax,
                    tips = given.tips;
        const Money total = given.total();

        // Back to the original tenders, in proportion to what each can still give back.
        auto tq = m_db.exec(
            QStringLiteral("SELECT t.id, t.type, t.amount_cents, t.card_last4, t.auth_code, "
                           "COALESCE(t.giftcard_id, 0), COALESCE(g.last4, ''), "
                           "COALESCE((SELECT -SUM(r.amount_cents) FROM sale_tenders r "
                           "WHERE r.original_tender_id = t.id), 0) "
                           "FROM sale_tenders t LEFT JOIN giftcards g ON g.id = t.giftcard_id "
                           "WHERE t.sale_id = ? ORDER BY t.id"),
            {header->id});
        if (!tq)
            return std::unexpected(tq.error());
        struct OriginalTender {
            qint64 id;
            QString type;
            QString last4, auth;
            qint64 giftCardId;
            QString giftLast4;
            Money left;
        };
        std::vector<OriginalTender> originals;
        std::vector<Money> weights;
        while (tq->next()) {
            OriginalTender t{
                tq->value(0).toLongLong(),
                tq->value(1).toString(),
                tq->value(3).toString(),
                tq->value(4).toString(),
                tq->value(5).toLongLong(),
                tq->value(6).toString(),
                Money::fromCents(tq->value(2).toLongLong() - tq->value(7).toLongLong())};
            originals.push_back(t);
            // A redeemed voucher or package session paid for a session the customer had: nothing
            // goes back to it.
            weights.push_back(t.type == QLatin1String("voucher") ||
                                      t.type == QLatin1String("package")
                                  ? Money()
                                  : max(t.left, Money()));
        }
        tq->finish();
        Money refundable;
        for (Money w : weights)
            refundable += w;
        if (total > refundable)
            return fail(ErrorCode::Refused, oasis::tr("Only %1 paid on %2 can still be given back.")
                                                .arg(refundable.format(), receiptCode(receiptNo)));
        const std::vector<Money> back = allocateProRata(total, weights);

        auto next = SaleWriter(m_db).nextReceiptNoAndShifts(registerId);
        if (!next)
            return std::unexpected(next.error());
        // Cash paid back comes out of a drawer, and a drawer needs a shift: the same rule as a
        // sale's, checked here inside the refund's transaction.
        bool paysCash = false;
        for (std::size_t i = 0; i < originals.size(); ++i)
            if (originals[i].type == QLatin1String("cash") && !back[i].isZero())
                paysCash = true;
        auto shift = ShiftService::forTicket(next->shifts, registerId, false, paysCash);
        if (!shift)
            return std::unexpected(shift.error());
        CompletedSale done;
        done.receiptNo = next->receiptNo;
        const QString nowText = toStorageTime(now);
        const QString kind = isVoid ? QStringLiteral("void") : QStringLiteral("refund");
        SaleWriter writer(m_db);
        SaleRow row;
        row.receiptNo = done.receiptNo;
        row.kind = kind;
        row.originalSaleId = header->id;
        row.createdAt = nowText;
        row.businessDate = settings.businessDate(now).toString(Qt::ISODate);
        row.registerId = registerId;
        row.staffId = cashier.id;
        if (approver)
            row.approverId = approver->id;
        row.shiftId = *shift;
        row.subtotal = -subtotal;
        row.discount = -discount;
        row.tax = -tax;
        row.tips = -tips;
        row.total = -total;
        auto sale = writer.sale(row);
        if (!sale)
            return std::unexpected(sale.error());
        done.saleId = *sale;
        const QString reference = receiptCode(done.receiptNo);
        const QString reason = oasis::tr("%1 of %2").arg(kind, receiptCode(receiptNo));
        GiftCardService cards(m_db);

        std::map<QString, std::pair<Money, Money>> taxByClass; // class → (base, tax), negative
        int lineNo = 0;
        for (const Part &p : parts) {
            const SaleLineRecord &l = *p.line;
            // A card sold on this receipt and replaced since: its value is on the replacement, so
            // the reversal names and debits that card.
            qint64 lineCard = l.giftCardId;
            if (lineCard > 0) {
                auto live = cards.liveCard(lineCard);
                if (!live)
                    return std::unexpected(live.error());
                lineCard = *live;
            }
            SaleLineRow lineRow;
            lineRow.lineNo = ++lineNo;
            lineRow.kind = lineKindName(l.kind);
            lineRow.itemId = l.itemId;
            lineRow.code = l.code;
            lineRow.name = l.name;
            lineRow.quantity = -p.qty;
            lineRow.unitPrice = l.unitPrice;
            lineRow.lineDiscount = -p.lineDiscount;
            lineRow.ticketDiscount = -p.ticketDiscount;
            lineRow.net = -p.net;
            lineRow.taxClass = taxClassName(l.taxClass);
            lineRow.tax = -p.tax;
            lineRow.therapistId = l.therapistId;
            lineRow.giftCardId = lineCard;
            lineRow.originalLineId = l.id;
            if (auto ok = writer.line(done.saleId, lineRow); !ok)
                return std::unexpected(ok.error());
            if (l.kind != LineKind::Tip) {
                taxByClass[taxClassName(l.taxClass)].first -= p.net;
                taxByClass[taxClassName(l.taxClass)].second -= p.tax;
            }
            if (l.kind == LineKind::Product && (restock || isVoid)) {
                if (auto ok =
                        writer.stock(done.saleId, l.itemId, p.qty,
                                     isVoid ? QStringLiteral("void") : QStringLiteral("return"),
                                     reference, cashier.id, nowText);
                    !ok)
                    return std::unexpected(ok.error());
            }
            if (l.kind == LineKind::GiftCard && lineCard > 0)
                if (auto ok = cards.reverseLoad(lineCard, p.net, done.saleId, cashier.id, reason);
                    !ok)
                    return std::unexpected(ok.error());
            if (l.kind == LineKind::Package) {
                // The sessions left go back, pro rata, and the package has none left after: a
                // condition of the write, inside this transaction.
                auto owed =
                    PackageService(m_db).refundLeft(soldPackages.at(l.id).id, done.saleId, 0,
                                                    cashier.id, approver ? approver->id : 0);
                if (!owed)
                    return std::unexpected(owed.error());
                if (*owed != p.net)
                    return fail(ErrorCode::Conflict,
                                oasis::tr("The package ending %1 changed meanwhile; nothing was "
                                          "refunded. Try again.")
                                    .arg(soldPackages.at(l.id).last4));
            }
            if (l.kind == LineKind::Voucher) {
                // The voucher sold on this line becomes void, unless it was redeemed (then the
                // refund is refused whole): a condition of the write, inside this transaction.
                auto voucher = m_db.scalar(
                    QStringLiteral("SELECT id FROM vouchers WHERE line_id = ?"), {l.id});
                if (!voucher)
                    return std::unexpected(voucher.error());
                if (!voucher->isNull())
                    if (auto ok = VoucherService(m_db).voidForRefund(voucher->toLongLong(),
                                                                     done.saleId, cashier.id);
                        !ok)
                        return std::unexpected(ok.error());
            }
        }
        for (const auto &[cls, amounts] : taxByClass) {
            auto ppm = m_db.scalar(
                QStringLiteral("SELECT ppm FROM sale_taxes WHERE sale_id = ? AND tax_class = ?"),
                {header->id, cls});
            if (!ppm)
                return std::unexpected(ppm.error());
            if (auto ok =
                    writer.tax(done.saleId, cls, amounts.first, ppm->toLongLong(), amounts.second);
                !ok)
                return std::unexpected(ok.error());
        }
        // A voided sale's bonus goes with the card it came with (what is left of it).
        if (isVoid)
            if (auto ok = PromoLedger(m_db).takeBackGrants(header->id, done.saleId, cashier.id);
                !ok)
                return std::unexpected(ok.error());
        Money promoRefunded;
        QJsonArray tenderJson;
        for (std::size_t i = 0; i < originals.size(); ++i) {
            if (back[i].isZero())
                continue;
            const OriginalTender &t = originals[i];
            // Gift-card money goes back to the card the customer holds now: the replacement of a
            // card reported lost since the sale, never the void card.
            qint64 tenderCard = t.giftCardId;
            if (tenderCard > 0) {
                auto live = cards.liveCard(tenderCard);
                if (!live)
                    return std::unexpected(live.error());
                tenderCard = *live;
            }
            if (auto ok = writer.tender(
                    done.saleId, {t.type, -back[i], Money(), t.last4, t.auth, tenderCard, t.id});
                !ok)
                return std::unexpected(ok.error());
            AppliedTender a;
            a.amount = -back[i];
            a.cardLast4 = t.last4;
            a.authCode = t.auth;
            a.giftCardId = tenderCard;
            a.giftCardLast4 = t.giftLast4;
            if (t.type == QLatin1String("gift")) {
                a.type = TenderType::Gift;
                // A refund unwinds the spending: promotional value the sale took (spent last) goes
                // back first, as promotional value with its last day; the rest as paid value.
                PromoLedger promo(m_db);
                auto promoLeft = promo.refundable(header->id, t.giftCardId);
                if (!promoLeft)
                    return std::unexpected(promoLeft.error());
                const Money promoBack = min(back[i], max(*promoLeft, Money()));
                const Money paidBack = back[i] - promoBack;
                Result<qint64> credited = tenderCard;
                if (!paidBack.isZero())
                    credited = cards.refundTo(tenderCard, paidBack, done.saleId, cashier.id);
                if (!credited)
                    return std::unexpected(credited.error());
                if (!promoBack.isZero()) {
                    auto promoGiven = promo.refund(header->id, t.giftCardId, *credited, promoBack,
                                                   done.saleId, cashier.id);
                    if (!promoGiven)
                        return std::unexpected(promoGiven.error());
                    promoRefunded += *promoGiven;
                }
                auto after = cards.byId(*credited);
                if (!after)
                    return std::unexpected(after.error());
                a.giftCardId = after->id;
                a.giftCardLast4 = after->last4;
                a.giftCardBalance = after->spendable();
                a.giftCardPromo = after->promo;
                a.giftCardPromoExpires = after->promoExpires;
            } else {
                a.type = t.type == QLatin1String("card") ? TenderType::Card : TenderType::Cash;
            }
            tenderJson.append(QJsonObject{{QStringLiteral("type"), t.type},
                                          {QStringLiteral("amount_cents"), a.amount.cents()}});
            done.tenders.push_back(a);
        }
        if (auto ok = Journal::append(
                m_db, cashier.name, kind,
                {{QStringLiteral("receipt"), done.receiptNo},
                 {QStringLiteral("original_receipt"), receiptNo},
                 {QStringLiteral("total_cents"), (-total).cents()},
                 {QStringLiteral("tenders"), tenderJson},
                 {QStringLiteral("restock"), restock || isVoid},
                 {QStringLiteral("promo_cents"), promoRefunded.cents()},
                 {QStringLiteral("approver"), approver ? approver->name : QString()}});
            !ok)
            return std::unexpected(ok.error());
        if (auto ok = tx->commit(); !ok)
            return std::unexpected(ok.error());
        done.totals.subtotal = -subtotal;
        done.totals.discount = -discount;
        done.totals.tax = -tax;
        done.totals.tips = -tips;
        done.totals.total = -total;
        return done;
    }();
    note.end(outcome);
    return outcome;
}

} // namespace oasis
