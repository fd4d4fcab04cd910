// SPDX-License-Identifier: GPL-3.0-or-later
// The ticket being rung up: lines, discount and tenders, before anything is written.
#pragma once

#include "core/domain/catalogitem.h"
#include "core/domain/money.h"
#include "core/domain/tax.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace oasis {

/// Voucher: a service voucher sold (worth one session, DESIGN §15), a liability like a card.
/// Package: a session package sold to a client (N sessions of one service), a liability too.
enum class LineKind { Product, Session, GiftCard, Tip, Voucher, Package };
QString lineKindName(LineKind kind);
std::optional<LineKind> lineKindFromName(QStringView name);

struct TicketLine {
    LineKind kind = LineKind::Product;
    qint64 itemId = 0; ///< products and sessions
    QString code;
    QString name;
    int quantity = 1;
    Money unitPrice;
    Money lineDiscount;
    TaxClass taxClass = TaxClass::Retail;
    qint64 therapistId = 0; ///< sessions and tips
    QString therapistName;
    bool priceOverridden = false;
    // Gift-card lines: a new card (reloadCode empty) or more value on an existing one.
    QString reloadCode;
    QString recipient;
    QString sender;
    QString message;
    /// A new card's promotional value (a bonus given with it, not paid for: a manager's
    /// decision), kept apart from the paid value; it may expire at the end of `promoExpires`.
    Money promoBonus;
    QDate promoExpires;

    Money gross() const { return unitPrice * quantity; }
    Money net() const { return gross() - lineDiscount; }
    bool discountable() const { return kind == LineKind::Product || kind == LineKind::Session; }
};

/// Voucher: a service voucher paying for one session line (its service's price now).
/// Package: one session of a session package paying for one line of its session.
enum class TenderType { Cash, Card, Gift, Voucher, Package };
QString tenderTypeName(TenderType type);
std::optional<TenderType> tenderTypeFromName(QStringView name);

/// A payment as the cashier enters it. For cash, `amount` is what the customer hands over;
/// for a gift card, an empty amount means "as much as the card and the ticket allow".
struct Tender {
    TenderType type = TenderType::Cash;
    Money amount;
    bool amountGiven = true;
    QString cardLast4;
    QString authCode;
    QString giftCode; ///< a gift card's, a voucher's or a package's code as typed or scanned

    /// `cash:AMOUNT`, `card:AMOUNT[:LAST4[:AUTH]]`, `gift:CODE[:AMOUNT]`, `voucher:CODE`,
    /// `package:CODE`.
    static Result<Tender> parse(QStringView text);
};

/// A gift card is sold (or loaded) for `minimum` to `maximum`, the store's settings; the error
/// says so. The one check of the sale, the register's gift-card dialog and the gift-card screen.
Status checkGiftCardAmount(Money amount, Money minimum, Money maximum);

class Ticket final {
public:
    std::vector<TicketLine> lines;
    Discount discount;
    /// Chosen by the register for this ticket (the app: when the ticket starts; oasisctl:
    /// --request-id); empty for none. Completing the same ticket again with it returns the
    /// first sale instead of charging twice (SaleService::complete). Kept when parked.
    QString requestId;

    /// The client the ticket is rung up for (0: none) and their name as the register shows
    /// it. The sale checks the id inside its transaction (ClientService::resolveForSale) and
    /// links the sale to the client in the books. Kept when parked.
    qint64 clientId = 0;
    QString clientName;

    /// A fresh request id (a random UUID) for a new ticket.
    static QString newRequestId();

    /// The total the customer was shown (the counter: what its Pay dialog asked for); empty for
    /// none. A sale whose total comes out otherwise (a tax rate changed since the register read
    /// its rates) is refused whole, so nobody pays other than what they were shown. Not kept
    /// when parked: a recalled ticket is priced again.
    std::optional<Money> shownTotal;

    /// The parked row this ticket was recalled from (0: none). It stays parked until the
    /// ticket's sale commits (which removes it in the same transaction) or the cashier voids it;
    /// holding the ticket again replaces that row.
    qint64 parkedId = 0;

    bool isEmpty() const { return lines.empty(); }
    /// Adds a product or session; the same product again adds one to its quantity.
    void addItem(const CatalogItem &item, int quantity = 1, qint64 therapistId = 0,
                 const QString &therapistName = {});
    void addTip(Money amount, qint64 therapistId, const QString &therapistName);
    void addGiftCard(Money amount, const QString &recipient = {}, const QString &sender = {},
                     const QString &message = {});
    void addGiftCardLoad(const QString &code, Money amount);
    /// A service voucher for one `session` at its price now: not taxed, not discounted.
    void addVoucher(const CatalogItem &session);
    /// A session package (`packageCode`, e.g. PKG-DT60-5) of `sessions` × `session` for `price`:
    /// not taxed, not discounted; the sale needs a client.
    void addPackage(const QString &packageCode, const CatalogItem &session, int sessions,
                    Money price);
    void removeLine(std::size_t index);

    std::vector<PricingLine> pricingLines() const;
    Result<TicketTotals> totals(const TaxTable &taxes, QDate date) const;
    /// What gift cards may not pay for: the gift-card and voucher lines.
    Money giftCardLinesTotal() const;

    QJsonObject toJson() const;
    static Result<Ticket> fromJson(const QJsonObject &json);
};

} // namespace oasis
