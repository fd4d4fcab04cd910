// SPDX-License-Identifier: GPL-3.0-or-later
#include "printing/salereceipt.h"

#include "printing/translate.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace oasis::printing {

namespace {
QString percent(qint64 ppm) {
    // 105500 ppm → "10.55%"
    QString s = QString::number(ppm / 10'000) + u'.' +
                QStringLiteral("%1").arg(ppm % 10'000 / 100, 2, 10, QLatin1Char('0'));
    return s + u'%';
}
} // namespace

ReceiptDocument receiptFromSale(const SaleRecord &sale, const StoreInfo &store,
                                const std::vector<IssuedCard> &soldCards, bool reprint) {
    ReceiptDocument doc;
    doc.store = {store.name, store.addressLines, store.phone};
    doc.title = sale.kind == QLatin1String("refund") ? oasis::printing::tr("REFUND")
                : sale.kind == QLatin1String("void") ? oasis::printing::tr("VOID")
                                                     : oasis::printing::tr("SALE");
    doc.receiptNumber = sale.receiptNo;
    doc.receiptCode = receiptCode(sale.receiptNo);
    doc.dateTime = store.timeZone.isValid() ? sale.createdAt.toTimeZone(store.timeZone)
                                            : sale.createdAt.toLocalTime();
    doc.cashier = sale.cashier;
    doc.reprint = reprint;
    bool giftCardInvolved = false;
    for (const SaleRecord::Line &l : sale.lines) {
        if (l.kind == LineKind::Tip) {
            doc.tips.push_back({l.therapist, l.net});
            continue;
        }
        ReceiptLine line;
        line.name = l.name;
        if (l.kind == LineKind::Session && !l.therapist.isEmpty())
            line.detail = oasis::printing::tr("with %1").arg(l.therapist);
        if (l.kind == LineKind::GiftCard) {
            line.detail = oasis::printing::tr("Gift card ••%1").arg(l.giftCardLast4);
            giftCardInvolved = true;
        }
        if (l.kind == LineKind::Voucher) {
            line.detail = oasis::printing::tr("Voucher ••%1").arg(l.giftCardLast4);
            giftCardInvolved = true;
        }
        if (l.kind == LineKind::Package) {
            line.detail = oasis::printing::tr("Package ••%1: %2 sessions")
                              .arg(l.giftCardLast4)
                              .arg(l.packageSessions);
            giftCardInvolved = true;
        }
        line.quantity = l.quantity;
        line.unitPrice = l.unitPrice;
        line.lineDiscount = l.lineDiscount;
        line.amount = l.unitPrice * l.quantity - l.lineDiscount;
        doc.lines.push_back(line);
    }
    doc.subtotal = sale.subtotal;
    doc.discount = sale.discount;
    for (const SaleRecord::Tax &t : sale.taxes) {
        if (t.ppm == 0)
            continue;
        doc.taxes.push_back({oasis::printing::tr("Sales tax %1").arg(percent(t.ppm)), t.tax});
    }
    doc.total = sale.total;
    // Whether a card, voucher or package of the sale holds value that never expires (the
    // footer's "No expiration date."): every one sold on its lines, and every card paid with
    // but one left with promotional value alone that expires (its tender line says when).
    bool lastingValue = giftCardInvolved;
    for (const AppliedTender &t : sale.tenders) {
        ReceiptTender r;
        r.amount = t.amount;
        switch (t.type) {
        case TenderType::Cash:
            r.type = ReceiptTender::Type::Cash;
            r.label = oasis::printing::tr("Cash");
            r.cashTendered = t.tendered;
            break;
        case TenderType::Card:
            r.type = ReceiptTender::Type::Card;
            r.label = oasis::printing::tr("Card");
            r.cardLast4 = t.cardLast4;
            r.authCode = t.authCode;
            break;
        case TenderType::Gift:
            r.type = ReceiptTender::Type::GiftCard;
            r.label = oasis::printing::tr("Gift card");
            r.giftCardLast4 = t.giftCardLast4;
            r.remainingBalance = t.giftCardBalance;
            if (!t.giftCardPromo.isZero())
                r.detail = promoLine(t.giftCardPromo, t.giftCardPromoExpires);
            giftCardInvolved = true;
            lastingValue =
                lastingValue || !onlyExpiringValue(t.giftCardBalance - t.giftCardPromo,
                                                   t.giftCardPromo, t.giftCardPromoExpires);
            break;
        case TenderType::Voucher:
            r.type = ReceiptTender::Type::Voucher;
            r.label = oasis::printing::tr("Voucher");
            r.giftCardLast4 = t.giftCardLast4;
            r.detail = oasis::printing::tr("Voucher ••%1").arg(t.giftCardLast4);
            if (!t.voucherCovered.isEmpty())
                r.detail += u'\n' + oasis::printing::tr("Covered: %1").arg(t.voucherCovered);
            break;
        case TenderType::Package:
            r.type = ReceiptTender::Type::Voucher; // laid out the same: its details, no balance
            r.label = oasis::printing::tr("Package");
            r.giftCardLast4 = t.giftCardLast4;
            r.detail = oasis::printing::tr("Package ••%1").arg(t.giftCardLast4);
            if (!t.voucherCovered.isEmpty())
                r.detail += u'\n' + oasis::printing::tr("Covered: %1").arg(t.voucherCovered);
            if (t.packageSessionsLeft >= 0)
                r.detail +=
                    u'\n' + oasis::printing::tr("%1 sessions left").arg(t.packageSessionsLeft);
            break;
        }
        doc.tenders.push_back(r);
    }
    doc.changeDue = sale.change;
    if (!reprint)
        for (const IssuedCard &c : soldCards)
            doc.giftCards.push_back({c.code, {}, c.amount, c.promo, c.promoExpires});
    if (!store.footer.isEmpty())
        doc.footerLines = store.footer.split(u'\n');
    if (giftCardInvolved)
        doc.footerLines << (lastingValue ? noExpiryNoFeesLine() : noFeesLine());
    return doc;
}

} // namespace oasis::printing
