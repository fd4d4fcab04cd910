// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/ticket.h"

#include "core/domain/translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

namespace oasis {

QString lineKindName(LineKind kind) {
    switch (kind) {
    case LineKind::Product:
        return QStringLiteral("product");
    case LineKind::Session:
        return QStringLiteral("session");
    case LineKind::GiftCard:
        return QStringLiteral("giftcard");
    case LineKind::Tip:
        return QStringLiteral("tip");
    case LineKind::Voucher:
        return QStringLiteral("voucher");
    case LineKind::Package:
        return QStringLiteral("package");
    }
    return {};
}

std::optional<LineKind> lineKindFromName(QStringView name) {
    for (LineKind k : {LineKind::Product, LineKind::Session, LineKind::GiftCard, LineKind::Tip,
                       LineKind::Voucher, LineKind::Package})
        if (lineKindName(k) == name)
            return k;
    return std::nullopt;
}

std::optional<TenderType> tenderTypeFromName(QStringView name) {
    for (TenderType t : {TenderType::Cash, TenderType::Card, TenderType::Gift, TenderType::Voucher,
                         TenderType::Package})
        if (tenderTypeName(t) == name)
            return t;
    return std::nullopt;
}

QString tenderTypeName(TenderType type) {
    switch (type) {
    case TenderType::Cash:
        return QStringLiteral("cash");
    case TenderType::Card:
        return QStringLiteral("card");
    case TenderType::Gift:
        return QStringLiteral("gift");
    case TenderType::Voucher:
        return QStringLiteral("voucher");
    case TenderType::Package:
        return QStringLiteral("package");
    }
    return {};
}

Result<Tender> Tender::parse(QStringView text) {
    const QStringList parts = text.toString().split(u':');
    const QString kind = parts.value(0).toLower();
    Tender t;
    if (kind == QLatin1String("cash") || kind == QLatin1String("card")) {
        t.type = kind == QLatin1String("cash") ? TenderType::Cash : TenderType::Card;
        if (parts.size() < 2 || (t.type == TenderType::Cash && parts.size() > 2) ||
            parts.size() > 4)
            return fail(
                ErrorCode::Invalid,
                oasis::tr("\"%1\": write cash:AMOUNT or card:AMOUNT[:LAST4[:AUTH]].").arg(text));
        auto amount = Money::parse(parts[1]);
        if (!amount)
            return fail(ErrorCode::Invalid,
                        oasis::tr("\"%1\": %2").arg(text, amount.error().message));
        if (amount->isZero())
            return fail(ErrorCode::Invalid,
                        oasis::tr("\"%1\": a tender cannot be zero.").arg(text));
        t.amount = *amount;
        if (parts.size() > 2) {
            static const QRegularExpression last4(QStringLiteral("^[0-9]{4}$"));
            if (!last4.match(parts[2]).hasMatch())
                return fail(
                    ErrorCode::Invalid,
                    oasis::tr("\"%1\": only the last 4 digits of a card are kept, never the "
                              "full number.")
                        .arg(text));
            t.cardLast4 = parts[2];
        }
        if (parts.size() > 3) {
            static const QRegularExpression auth(QStringLiteral("^[A-Za-z0-9]{1,12}$"));
            if (!auth.match(parts[3]).hasMatch())
                return fail(ErrorCode::Invalid,
                            oasis::tr("\"%1\": the authorisation code is 1-12 letters or digits.")
                                .arg(text));
            t.authCode = parts[3].toUpper();
        }
        return t;
    }
    if (kind == QLatin1String("gift")) {
        if (parts.size() < 2 || parts.size() > 3 || parts[1].trimmed().isEmpty())
            return fail(ErrorCode::Invalid,
                        oasis::tr("\"%1\": write gift:CODE[:AMOUNT].").arg(text));
        t.type = TenderType::Gift;
        t.giftCode = parts[1];
        t.amountGiven = parts.size() == 3;
        if (t.amountGiven) {
            auto amount = Money::parse(parts[2]);
            if (!amount)
                return fail(ErrorCode::Invalid,
                            oasis::tr("\"%1\": %2").arg(text, amount.error().message));
            if (amount->isZero())
                return fail(ErrorCode::Invalid,
                            oasis::tr("\"%1\": a tender cannot be zero.").arg(text));
            t.amount = *amount;
        }
        return t;
    }
    if (kind == QLatin1String("voucher")) {
        // Its amount is its service's price when the sale is written, never typed.
        if (parts.size() != 2 || parts[1].trimmed().isEmpty())
            return fail(ErrorCode::Invalid, oasis::tr("\"%1\": write voucher:CODE.").arg(text));
        t.type = TenderType::Voucher;
        t.giftCode = parts[1];
        t.amountGiven = false;
        return t;
    }
    if (kind == QLatin1String("package")) {
        // One session at the package's per-session price, never typed.
        if (parts.size() != 2 || parts[1].trimmed().isEmpty())
            return fail(
                ErrorCode::Invalid,
                oasis::tr("\"%1\": write package:CODE, or package:#ID for the client's package.")
                    .arg(text));
        t.type = TenderType::Package;
        t.giftCode = parts[1];
        t.amountGiven = false;
        return t;
    }
    return fail(ErrorCode::Invalid,
                oasis::tr("\"%1\" is not a tender: use cash:AMOUNT, card:AMOUNT[:LAST4[:AUTH]], "
                          "gift:CODE[:AMOUNT], voucher:CODE or package:CODE.")
                    .arg(text));
}

void Ticket::addItem(const CatalogItem &item, int quantity, qint64 therapistId,
                     const QString &therapistName) {
    if (!item.isSession()) {
        for (TicketLine &l : lines) {
            if (l.kind == LineKind::Product && l.itemId == item.id && !l.priceOverridden &&
                l.lineDiscount.isZero()) {
                l.quantity += quantity;
                return;
            }
        }
    }
    TicketLine l;
    l.kind = item.isSession() ? LineKind::Session : LineKind::Product;
    l.itemId = item.id;
    l.code = item.code;
    l.name = item.name;
    l.quantity = quantity;
    l.unitPrice = item.price;
    l.taxClass = item.taxClass;
    l.therapistId = therapistId;
    l.therapistName = therapistName;
    lines.push_back(l);
}

void Ticket::addTip(Money amount, qint64 therapistId, const QString &therapistName) {
    TicketLine l;
    l.kind = LineKind::Tip;
    l.name = oasis::tr("Tip for %1").arg(therapistName);
    l.unitPrice = amount;
    l.taxClass = TaxClass::None;
    l.therapistId = therapistId;
    l.therapistName = therapistName;
    lines.push_back(l);
}

void Ticket::addGiftCard(Money amount, const QString &recipient, const QString &sender,
                         const QString &message) {
    TicketLine l;
    l.kind = LineKind::GiftCard;
    l.name = oasis::tr("Gift card");
    l.unitPrice = amount;
    l.taxClass = TaxClass::GiftCard;
    l.recipient = recipient;
    l.sender = sender;
    l.message = message;
    lines.push_back(l);
}

void Ticket::addVoucher(const CatalogItem &session) {
    TicketLine l;
    l.kind = LineKind::Voucher;
    l.itemId = session.id;
    l.code = session.code;
    l.name = oasis::tr("Voucher: %1").arg(session.name);
    l.unitPrice = session.price;
    l.taxClass = TaxClass::GiftCard;
    lines.push_back(l);
}

void Ticket::addPackage(const QString &packageCode, const CatalogItem &session, int sessions,
                        Money price) {
    TicketLine l;
    l.kind = LineKind::Package;
    l.itemId = session.id;
    l.code = packageCode;
    l.name = oasis::tr("Package: %1 × %2").arg(sessions).arg(session.name);
    l.unitPrice = price;
    l.taxClass = TaxClass::GiftCard;
    lines.push_back(l);
}

void Ticket::addGiftCardLoad(const QString &code, Money amount) {
    TicketLine l;
    l.kind = LineKind::GiftCard;
    l.name = oasis::tr("Gift card reload");
    l.unitPrice = amount;
    l.taxClass = TaxClass::GiftCard;
    l.reloadCode = code;
    lines.push_back(l);
}

QString Ticket::newRequestId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void Ticket::removeLine(std::size_t index) {
    if (index < lines.size())
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(index));
}

std::vector<PricingLine> Ticket::pricingLines() const {
    std::vector<PricingLine> out;
    out.reserve(lines.size());
    for (const TicketLine &l : lines)
        out.push_back({l.net(), l.taxClass, l.discountable()});
    return out;
}

Result<TicketTotals> Ticket::totals(const TaxTable &taxes, QDate date) const {
    return computeTotals(pricingLines(), discount, taxes, date);
}

Status checkGiftCardAmount(Money amount, Money minimum, Money maximum) {
    if (amount < minimum || amount > maximum)
        return fail(
            ErrorCode::Invalid,
            oasis::tr("A gift card is sold for %1 to %2.").arg(minimum.format(), maximum.format()));
    return {};
}

Money Ticket::giftCardLinesTotal() const {
    Money sum;
    for (const TicketLine &l : lines)
        if (l.kind == LineKind::GiftCard || l.kind == LineKind::Voucher ||
            l.kind == LineKind::Package)
            sum += l.net();
    return sum;
}

QJsonObject Ticket::toJson() const {
    QJsonArray arr;
    for (const TicketLine &l : lines)
        arr.append(
            QJsonObject{{QStringLiteral("kind"), lineKindName(l.kind)},
                        {QStringLiteral("item_id"), l.itemId},
                        {QStringLiteral("code"), l.code},
                        {QStringLiteral("name"), l.name},
                        {QStringLiteral("quantity"), l.quantity},
                        {QStringLiteral("unit_price_cents"), l.unitPrice.cents()},
                        {QStringLiteral("line_discount_cents"), l.lineDiscount.cents()},
                        {QStringLiteral("tax_class"), taxClassName(l.taxClass)},
                        {QStringLiteral("therapist_id"), l.therapistId},
                        {QStringLiteral("therapist"), l.therapistName},
                        {QStringLiteral("price_overridden"), l.priceOverridden},
                        {QStringLiteral("reload_code_present"), !l.reloadCode.isEmpty()},
                        {QStringLiteral("recipient"), l.recipient},
                        {QStringLiteral("sender"), l.sender},
                        {QStringLiteral("message"), l.message},
                        {QStringLiteral("promo_cents"), l.promoBonus.cents()},
                        {QStringLiteral("promo_expires"), l.promoExpires.toString(Qt::ISODate)}});
    QJsonObject json{{QStringLiteral("lines"), arr},
                     {QStringLiteral("discount"), discount.toString()}};
    if (!requestId.isEmpty())
        json.insert(QStringLiteral("request_id"), requestId);
    if (clientId > 0) {
        json.insert(QStringLiteral("client_id"), clientId);
        json.insert(QStringLiteral("client"), clientName);
    }
    return json;
}

Result<Ticket> Ticket::fromJson(const QJsonObject &json) {
    Ticket t;
    const QJsonArray arr = json.value(QStringLiteral("lines")).toArray();
    for (const QJsonValue &v : arr) {
        const QJsonObject o = v.toObject();
        TicketLine l;
        const auto kind = lineKindFromName(o.value(QStringLiteral("kind")).toString());
        if (!kind)
            return fail(ErrorCode::Invalid, oasis::tr("A parked ticket has an unknown line."));
        l.kind = *kind;
        // A reload line's card code is never stored in a parked ticket (codes are secrets).
        if (o.value(QStringLiteral("reload_code_present")).toBool())
            continue;
        l.itemId = o.value(QStringLiteral("item_id")).toInteger();
        l.code = o.value(QStringLiteral("code")).toString();
        l.name = o.value(QStringLiteral("name")).toString();
        l.quantity = o.value(QStringLiteral("quantity")).toInt(1);
        l.unitPrice = Money::fromCents(o.value(QStringLiteral("unit_price_cents")).toInteger());
        l.lineDiscount =
            Money::fromCents(o.value(QStringLiteral("line_discount_cents")).toInteger());
        l.taxClass = taxClassFromName(o.value(QStringLiteral("tax_class")).toString())
                         .value_or(TaxClass::Retail);
        l.therapistId = o.value(QStringLiteral("therapist_id")).toInteger();
        l.therapistName = o.value(QStringLiteral("therapist")).toString();
        l.priceOverridden = o.value(QStringLiteral("price_overridden")).toBool();
        l.recipient = o.value(QStringLiteral("recipient")).toString();
        l.sender = o.value(QStringLiteral("sender")).toString();
        l.message = o.value(QStringLiteral("message")).toString();
        l.promoBonus = Money::fromCents(o.value(QStringLiteral("promo_cents")).toInteger());
        l.promoExpires =
            QDate::fromString(o.value(QStringLiteral("promo_expires")).toString(), Qt::ISODate);
        t.lines.push_back(l);
    }
    t.requestId = json.value(QStringLiteral("request_id")).toString();
    t.clientId = json.value(QStringLiteral("client_id")).toInteger();
    t.clientName = json.value(QStringLiteral("client")).toString();
    const QString discount = json.value(QStringLiteral("discount")).toString();
    if (!discount.isEmpty()) {
        auto d = Discount::parse(discount);
        if (!d)
            return std::unexpected(d.error());
        t.discount = *d;
    }
    return t;
}

} // namespace oasis
