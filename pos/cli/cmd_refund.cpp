// SPDX-License-Identifier: GPL-3.0-or-later
// refund RECEIPT [ITEM...] [--restock] --approve-by NAME; void RECEIPT --approve-by NAME
#include "pos/cli/context.h"

#include "core/domain/ticketeditor.h"
#include "core/services/refund.h"
#include "core/services/storesettings.h"
#include "pos/cli/translate.h"
#include "printing/salereceipt.h"
#include "printing/text.h"
#include "printing/transport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace oasis::cli {

namespace {
Result<qint64> receiptArgument(Context &ctx) {
    auto text = ctx.takeArgument(oasis::cli::tr("RECEIPT (number or code like R-000042)"));
    if (!text)
        return std::unexpected(text.error());
    bool isNumber = false;
    const qint64 n = text->toLongLong(&isNumber);
    if (isNumber && n > 0)
        return n;
    if (auto parsed = parseReceiptCode(*text))
        return *parsed;
    return fail(ErrorCode::Invalid, oasis::cli::tr("%1 is not a receipt number.").arg(*text));
}

/// ITEM: CODE[xQTY] | tip | line:N[xQTY]. Matches the first line with that code that still has
/// units to refund.
Result<std::vector<RefundSelection>> selections(const std::vector<RefundableLine> &lines,
                                                const QStringList &items) {
    static const QRegularExpression re(QStringLiteral("^(.+?)(?:x(-?[0-9]+))?$"));
    std::vector<RefundSelection> out;
    std::map<qint64, int> taken;
    for (const QString &item : items) {
        const auto m = re.match(item);
        const QString what = m.captured(1);
        // No xQTY: every unit not yet refunded. A quantity written is one a sale could have.
        int qty = 0;
        if (!m.captured(2).isEmpty()) {
            bool number = false;
            qty = m.captured(2).toInt(&number);
            if (!number || qty < 1 || qty > TicketEditor::kMaxQuantity)
                return fail(ErrorCode::Invalid,
                            oasis::cli::tr("%1: the quantity must be from 1 to %2.")
                                .arg(item)
                                .arg(TicketEditor::kMaxQuantity));
        }
        const RefundableLine *match = nullptr;
        for (const RefundableLine &l : lines) {
            const bool byLine =
                what.startsWith(QLatin1String("line:")) && what.mid(5).toInt() == l.lineNo;
            const bool byCode = l.code.compare(what, Qt::CaseInsensitive) == 0 && !l.code.isEmpty();
            const bool byTip = what.compare(QLatin1String("tip"), Qt::CaseInsensitive) == 0 &&
                               l.kind == LineKind::Tip;
            if ((byLine || byCode || byTip) && l.remaining - taken[l.lineId] > 0) {
                match = &l;
                break;
            }
        }
        if (!match)
            return fail(
                ErrorCode::NotFound,
                oasis::cli::tr("%1 is not on this receipt, or is already refunded.").arg(what));
        const int want = qty == 0 ? match->remaining - taken[match->lineId] : qty;
        taken[match->lineId] += want;
        out.push_back({match->lineId, want});
    }
    return out;
}

Status reversal(Context &ctx, bool isVoid) {
    auto receipt = receiptArgument(ctx);
    if (!receipt)
        return std::unexpected(receipt.error());
    const bool restock = ctx.takeFlag(QStringLiteral("restock"));
    const auto printTarget = ctx.takeOption(QStringLiteral("print"));
    if (auto ok = ctx.noMoreOptions(); !ok)
        return ok;
    if (isVoid && !ctx.args.isEmpty())
        return fail(ErrorCode::Invalid, oasis::cli::tr("void reverses the whole sale: no ITEMs."));
    auto db = ctx.database();
    if (!db)
        return std::unexpected(db.error());
    RefundService refunds(**db);
    auto lines = refunds.refundable(*receipt);
    if (!lines)
        return std::unexpected(lines.error());
    auto chosen = selections(*lines, ctx.args);
    if (!chosen)
        return std::unexpected(chosen.error());
    auto who = ctx.signIn();
    if (!who)
        return std::unexpected(who.error());
    auto done = isVoid ? refunds.voidSale(*receipt, who->user, who->approver)
                       : refunds.refund(*receipt, *chosen, restock, who->user, who->approver);
    if (!done)
        return std::unexpected(done.error());
    auto record = SaleService(**db).load(done->receiptNo);
    if (!record)
        return std::unexpected(record.error());
    const auto doc = printing::receiptFromSale(*record, StoreSettings(**db).storeInfo());
    QJsonObject taxByClass;
    for (const SaleRecord::Tax &t : record->taxes)
        taxByClass.insert(taxClassName(t.taxClass), t.tax.cents());
    QJsonArray tenders;
    for (const AppliedTender &t : record->tenders) {
        QJsonObject o{{QStringLiteral("type"), tenderTypeName(t.type)},
                      {QStringLiteral("amount_cents"), t.amount.cents()}};
        if (t.type == TenderType::Card)
            o.insert(QStringLiteral("last4"), t.cardLast4);
        if (t.type == TenderType::Gift) {
            o.insert(QStringLiteral("last4"), t.giftCardLast4);
            o.insert(QStringLiteral("balance_cents"), t.giftCardBalance.cents());
        }
        tenders.append(o);
    }
    ctx.emit({{QStringLiteral("receipt"), record->receiptNo},
              {QStringLiteral("receipt_code"), receiptCode(record->receiptNo)},
              {QStringLiteral("kind"), record->kind},
              {QStringLiteral("original_receipt"), *receipt},
              {QStringLiteral("subtotal_cents"), record->subtotal.cents()},
              {QStringLiteral("discount_cents"), record->discount.cents()},
              {QStringLiteral("tax_cents"), record->tax.cents()},
              {QStringLiteral("tax_by_class"), taxByClass},
              {QStringLiteral("tip_cents"), record->tips.cents()},
              {QStringLiteral("total_cents"), record->total.cents()},
              {QStringLiteral("tenders"), tenders},
              {QStringLiteral("restocked"), restock || isVoid}},
             printing::renderReceiptText(doc, 48).split(u'\n'));
    if (printTarget) {
        auto target = printing::parseTarget(*printTarget);
        if (!target)
            return std::unexpected(target.error());
        if (auto ok = printing::printReceipt(doc, *target); !ok)
            return fail(ErrorCode::Printer,
                        oasis::cli::tr("%1 is saved; the receipt did not print: %2")
                            .arg(receiptCode(record->receiptNo), ok.error().message));
    }
    return {};
}

Status cmdRefund(Context &ctx) {
    return reversal(ctx, false);
}
Status cmdVoid(Context &ctx) {
    return reversal(ctx, true);
}

} // namespace

std::vector<Command> refundCommands() {
    return {
        {"refund", cmdRefund,
         "refund RECEIPT [ITEM...] [--restock] --approve-by NAME [--print TARGET]\n"
         "       ITEM: CODE[xQTY] | tip | line:N[xQTY]; none = everything not yet refunded"},
        {"void", cmdVoid, "void RECEIPT --approve-by NAME   (a sale of today, whole)"},
    };
}

} // namespace oasis::cli
