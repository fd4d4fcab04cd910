// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/ticketeditor.h"

#include "core/domain/translate.h"

#include <QLocale>

#include <algorithm>

namespace oasis {

TicketEditor::TicketEditor()
    : m_taxes(TaxTable::seattle())
    , m_date([] { return QDate::currentDate(); }) {
    m_ticket.requestId = Ticket::newRequestId();
    recompute();
}

void TicketEditor::setTaxTable(const TaxTable &taxes) {
    m_taxes = taxes;
    recompute();
}

void TicketEditor::setDateSource(std::function<QDate()> source) {
    m_date = std::move(source);
    recompute();
}

void TicketEditor::setTicket(const Ticket &ticket) {
    m_ticket = ticket;
    if (m_ticket.requestId.isEmpty())
        m_ticket.requestId = Ticket::newRequestId();
    recompute();
}

void TicketEditor::clear() {
    setTicket(Ticket{}); // a new ticket: a new request id
}

Status TicketEditor::checkQuantity(int quantity) {
    if (quantity < 1 || quantity > kMaxQuantity)
        return fail(ErrorCode::Invalid,
                    oasis::tr("The quantity must be from 1 to %1.").arg(kMaxQuantity));
    return {};
}

Result<TicketEditor::Added> TicketEditor::addItem(const CatalogItem &item, int quantity,
                                                  qint64 therapistId,
                                                  const QString &therapistName) {
    if (auto ok = checkQuantity(quantity); !ok)
        return std::unexpected(ok.error());
    if (item.isSession() && therapistId <= 0)
        return fail(ErrorCode::Invalid,
                    oasis::tr("%1 is a session: say which therapist gives it.").arg(item.name));
    // The same product again adds to its line: find out which line that is.
    Ticket probe = m_ticket;
    probe.addItem(item, quantity, therapistId, therapistName);
    Added added;
    if (probe.lines.size() == m_ticket.lines.size()) {
        for (std::size_t i = 0; i < probe.lines.size(); ++i)
            if (probe.lines[i].quantity != m_ticket.lines[i].quantity)
                added.row = int(i);
        if (added.row < 0)
            return fail(ErrorCode::Invalid, oasis::tr("%1 was not added.").arg(item.name));
        if (auto ok = checkQuantity(probe.lines[std::size_t(added.row)].quantity); !ok)
            return std::unexpected(ok.error());
    } else {
        added.row = int(probe.lines.size()) - 1;
        added.newLine = true;
    }
    m_ticket = std::move(probe);
    recompute();
    return added;
}

Result<int> TicketEditor::addTip(Money amount, qint64 therapistId, const QString &therapistName) {
    if (amount.isZero())
        return fail(ErrorCode::Invalid, oasis::tr("A tip cannot be zero."));
    if (amount.isNegative() || amount > Money::defaultLimit())
        return fail(ErrorCode::Invalid, oasis::tr("That tip is not possible."));
    if (therapistId <= 0)
        return fail(ErrorCode::Invalid, oasis::tr("Say which therapist the tip is for."));
    m_ticket.addTip(amount, therapistId, therapistName);
    recompute();
    return lineCount() - 1;
}

int TicketEditor::addGiftCard(Money amount, const QString &recipient, const QString &sender,
                              const QString &message) {
    m_ticket.addGiftCard(amount, recipient, sender, message);
    recompute();
    return lineCount() - 1;
}

Result<int> TicketEditor::addVoucher(const CatalogItem &session) {
    if (!session.isSession())
        return fail(
            ErrorCode::Invalid,
            oasis::tr("%1 is not a session: a voucher is worth one session.").arg(session.code));
    m_ticket.addVoucher(session);
    recompute();
    return lineCount() - 1;
}

void TicketEditor::setGiftCardPromo(int row, Money bonus, const QDate &expires) {
    if (row < 0 || row >= lineCount() ||
        m_ticket.lines[std::size_t(row)].kind != LineKind::GiftCard)
        return;
    m_ticket.lines[std::size_t(row)].promoBonus = bonus;
    m_ticket.lines[std::size_t(row)].promoExpires = expires;
}

int TicketEditor::addPackage(const QString &packageCode, const CatalogItem &session, int sessions,
                             Money price) {
    m_ticket.addPackage(packageCode, session, sessions, price);
    recompute();
    return lineCount() - 1;
}

void TicketEditor::removeLine(int row) {
    if (row < 0 || row >= lineCount())
        return;
    m_ticket.removeLine(std::size_t(row));
    // An emptied ticket starts over: what is rung up next is a new ticket with its own id.
    if (m_ticket.isEmpty())
        m_ticket.requestId = Ticket::newRequestId();
    recompute();
}

Status TicketEditor::checkRow(int row) const {
    if (row < 0 || row >= lineCount())
        return fail(ErrorCode::Invalid, oasis::tr("Choose a line first."));
    return {};
}

bool TicketEditor::hasQuantity(int row) const {
    return checkRow(row) && m_ticket.lines[std::size_t(row)].kind == LineKind::Product;
}

bool TicketEditor::isDiscountable(int row) const {
    return checkRow(row) && m_ticket.lines[std::size_t(row)].discountable();
}

Status TicketEditor::setQuantity(int row, int quantity) {
    if (auto ok = checkRow(row); !ok)
        return ok;
    TicketLine &line = m_ticket.lines[std::size_t(row)];
    if (line.kind != LineKind::Product)
        return fail(ErrorCode::Refused, oasis::tr("Only products have a quantity."));
    if (auto ok = checkQuantity(quantity); !ok)
        return ok;
    if (line.lineDiscount > line.unitPrice * quantity)
        return fail(ErrorCode::Invalid, oasis::tr("The line discount is more than the line."));
    line.quantity = quantity;
    recompute();
    return {};
}

Status TicketEditor::setLineDiscount(int row, Money discount) {
    if (auto ok = checkRow(row); !ok)
        return ok;
    TicketLine &line = m_ticket.lines[std::size_t(row)];
    if (!line.discountable())
        return fail(ErrorCode::Refused, oasis::tr("This line cannot be discounted."));
    if (discount.isNegative() || discount > line.gross())
        return fail(ErrorCode::Invalid,
                    oasis::tr("The discount must be from %1 to %2.")
                        .arg(Money().format(QLocale()), line.gross().format(QLocale())));
    line.lineDiscount = discount;
    recompute();
    return {};
}

Status TicketEditor::setLineDiscount(int row, const Discount &discount) {
    if (auto ok = checkRow(row); !ok)
        return ok;
    const TicketLine &line = m_ticket.lines[std::size_t(row)];
    switch (discount.kind) {
    case Discount::Kind::None:
        return setLineDiscount(row, Money());
    case Discount::Kind::Percent:
        return setLineDiscount(row, line.gross().timesPpm(discount.ppm));
    case Discount::Kind::Amount:
        break;
    }
    return setLineDiscount(row, discount.amount);
}

Status TicketEditor::setUnitPrice(int row, Money price) {
    if (auto ok = checkRow(row); !ok)
        return ok;
    TicketLine &line = m_ticket.lines[std::size_t(row)];
    if (!line.discountable())
        return fail(ErrorCode::Refused,
                    oasis::tr("Only a product or a session can get another price."));
    if (price.isNegative() || price > Money::defaultLimit())
        return fail(ErrorCode::Invalid, oasis::tr("That price is not possible."));
    line.unitPrice = price;
    line.priceOverridden = true;
    line.lineDiscount = min(line.lineDiscount, line.gross());
    recompute();
    return {};
}

Status TicketEditor::setTicketDiscount(const Discount &discount) {
    const Discount before = m_ticket.discount;
    m_ticket.discount = discount;
    recompute();
    if (!m_totalsError.message.isEmpty()) {
        const Error why = m_totalsError;
        m_ticket.discount = before;
        recompute();
        return std::unexpected(why);
    }
    return {};
}

Result<Discount> TicketEditor::parseDiscount(QStringView text) {
    if (text.trimmed().isEmpty())
        return Discount{};
    return Discount::parse(text.trimmed());
}

Result<Money> TicketEditor::parseTip(QStringView text) {
    auto amount = Money::parse(text.trimmed());
    if (!amount)
        return amount;
    if (amount->isZero())
        return fail(ErrorCode::Invalid, oasis::tr("A tip cannot be zero."));
    if (amount->isNegative() || *amount > Money::defaultLimit())
        return fail(ErrorCode::Invalid, oasis::tr("That tip is not possible."));
    return amount;
}

qint64 TicketEditor::tipTherapistFor(int row) const {
    if (checkRow(row) && m_ticket.lines[std::size_t(row)].therapistId > 0)
        return m_ticket.lines[std::size_t(row)].therapistId;
    qint64 only = 0;
    for (const TicketLine &l : m_ticket.lines) {
        if (l.kind != LineKind::Session)
            continue;
        if (only != 0 && l.therapistId != only)
            return 0; // sessions with different therapists: ask
        only = l.therapistId;
    }
    return only;
}

Money TicketEditor::tipBase(qint64 therapistId) const {
    Money base;
    for (const TicketLine &l : m_ticket.lines)
        if (l.kind == LineKind::Session && l.therapistId == therapistId)
            base += l.net();
    return base;
}

void TicketEditor::recompute() {
    // An empty ticket totals nothing on any day: the store's date (a read of its time zone,
    // a round trip to a store server) is not asked for (a login shows an empty ticket).
    auto totals = m_ticket.totals(m_taxes, m_ticket.isEmpty() ? QDate() : m_date());
    if (totals) {
        m_totals = *totals;
        m_totalsError = Error{ErrorCode::Invalid};
    } else {
        m_totals = {};
        m_totalsError = totals.error();
    }
}

} // namespace oasis
