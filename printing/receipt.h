// SPDX-License-Identifier: GPL-3.0-or-later
// The receipt as the printers see it: a plain read model of a committed sale, refund or void.
#pragma once

#include "core/domain/money.h"

#include <QDate>

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace oasis::printing {

/// Paper widths of the common thermal receipt printers.
enum class PaperWidth { Mm80, Mm58 };

/// The store's details printed at the top of receipts and on gift certificates.
struct StoreHeader {
    QString name;
    QStringList addressLines;
    QString phone;
};

/// One ticket line: a product, a session or a gift card sold.
struct ReceiptLine {
    QString name;
    QString detail;     ///< optional second line, e.g. "with Lena" or "Gift card ••7KQ2"
    int quantity = 1;   ///< negative on a refund
    Money unitPrice;    ///< before any discount
    Money lineDiscount; ///< positive amount taken off this line (0 when none)
    Money amount;       ///< unitPrice × quantity − lineDiscount
};

/// A tax row: one per class or rate, e.g. "Sales tax 10.55%".
struct ReceiptTax {
    QString label;
    Money amount;
};

/// How the customer paid.
struct ReceiptTender {
    enum class Type { Cash, Card, GiftCard, Voucher };
    Type type = Type::Cash;
    QString label;          ///< printed name, e.g. "Cash", "Visa", "Gift card"
    Money amount;           ///< amount applied to the sale
    Money cashTendered;     ///< cash: what the customer handed over (0 when not recorded)
    QString cardLast4;      ///< card: last 4 digits (never a full number)
    QString authCode;       ///< card: the terminal's authorisation code
    QString giftCardLast4;  ///< gift card: last 4 characters of the code
    Money remainingBalance; ///< gift card: balance left after this sale
    QString detail; ///< voucher: its last 4 and the session it covered, as printed; gift card:
                    ///< the promotional value it holds (promoLine)
};

/// A tip for a therapist, part of what the customer pays.
struct ReceiptTip {
    QString therapist;
    Money amount;
};

/// A gift card sold on this ticket: its QR carries the full code.
struct ReceiptGiftCard {
    QString code;         ///< the full code the QR carries
    QString readableCode; ///< the code in reading groups; derived from code when empty
    Money amount;         ///< paid value
    Money promo;          ///< promotional value given with it (a bonus), apart from `amount`
    QDate promoExpires;   ///< the bonus's last day; null: no expiry
};

/// Everything a receipt shows. No SQL, no services: an adapter in the app fills it.
struct ReceiptDocument {
    StoreHeader store;
    QString title = QStringLiteral("SALE"); ///< "SALE", "REFUND", "VOID"
    qint64 receiptNumber = 0; ///< as in the books: A-000042 is 1000000042 (receiptCode)
    QString receiptCode;      ///< what the receipt QR carries, e.g. "OR1-000042"
    QDateTime dateTime;       ///< local time of the sale
    QString cashier;
    bool reprint = false; ///< prints "REPRINT" prominently

    std::vector<ReceiptLine> lines;
    Money subtotal;
    Money discount; ///< ticket discount, positive (0 when none)
    std::vector<ReceiptTax> taxes;
    std::vector<ReceiptTip> tips;
    Money total;
    std::vector<ReceiptTender> tenders;
    Money changeDue;
    std::vector<ReceiptGiftCard> giftCards;
    QStringList footerLines; ///< return policy, "No expiration date. No fees.", …
};

/// The line printed under gift-card QR codes and on certificates (RCW 19.240).
QString noExpiryNoFeesLine();
/// The same for value that expires (promotional value alone): "No fees."
QString noFeesLine();
/// That line for a card holding `paid` value and `promo` value lasting through `promoExpires`:
/// "No fees." alone when all it holds is promotional value that expires (its promoLine() says
/// when), since its value then does expire.
QString feesAndExpiryLine(Money paid, Money promo, const QDate &promoExpires);
/// Whether all such a card holds is promotional value that expires (feesAndExpiryLine's case).
bool onlyExpiringValue(Money paid, Money promo, const QDate &promoExpires);
/// "Includes $20.00 promotional value, expires 2027-06-30" (or "no expiry"): the disclosure
/// printed under a card's QR and on its certificate when it carries promotional value.
QString promoLine(Money promo, const QDate &expires);

/// Splits a code into groups for reading aloud: "GC1ABCD…" → "GC1A-BCD…". A code that already
/// holds separators (dashes or spaces) is returned with single dashes between its groups.
QString readableCode(QStringView code, int groupSize = 4);

} // namespace oasis::printing
