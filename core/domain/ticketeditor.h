// SPDX-License-Identifier: GPL-3.0-or-later
// Editing the ticket being rung up, with its rules: quantities, line and ticket discounts in %
// or as an amount, price overrides, tips, and what each kind of line allows. The counter app's
// TicketModel presents one; oasisctl sale builds its ticket with one.
#pragma once

#include "core/domain/ticket.h"

#include <functional>

namespace oasis {

/// Holds a Ticket and its totals, recomputed on every change. A refused edit returns an Error
/// with one sentence and changes nothing. Approval is not decided here: a discount above the
/// store's threshold or a price override is allowed on the ticket and needs its approver when
/// the sale is checked (SaleService::check names the action, DESIGN §14).
class TicketEditor final {
public:
    static constexpr int kMaxQuantity = 999;

    TicketEditor();

    /// The tax table and the business date the totals are computed with.
    void setTaxTable(const TaxTable &taxes);
    void setDateSource(std::function<QDate()> source);

    const Ticket &ticket() const { return m_ticket; }
    bool isEmpty() const { return m_ticket.isEmpty(); }
    int lineCount() const { return int(m_ticket.lines.size()); }
    /// Replaces the ticket; it keeps its request id (a retry of a sale that did commit is then
    /// found, not charged again), and one without gets its own.
    void setTicket(const Ticket &ticket);
    /// A new empty ticket with a new request id.
    void clear();
    /// The request id the caller chose (oasisctl --request-id); empty: the sale records none.
    /// The counter keeps the one each ticket gets.
    void setRequestId(const QString &requestId) { m_ticket.requestId = requestId; }
    /// The client the ticket is rung up for (0: none); a new ticket (clear()) has none.
    void setClient(qint64 id, const QString &name) {
        m_ticket.clientId = id;
        m_ticket.clientName = id > 0 ? name : QString();
    }

    /// Where addItem put the item: the row, and whether it is a new line (else one more unit
    /// of an existing one).
    struct Added {
        int row = -1;
        bool newLine = false;
    };
    /// Adds a product or session; the same product again adds to its line. `quantity` must be
    /// from 1 to 999.
    Result<Added> addItem(const CatalogItem &item, int quantity = 1, qint64 therapistId = 0,
                          const QString &therapistName = {});
    /// A tip cannot be zero.
    Result<int> addTip(Money amount, qint64 therapistId, const QString &therapistName);
    int addGiftCard(Money amount, const QString &recipient = {}, const QString &sender = {},
                    const QString &message = {});
    /// A service voucher for one `session` (refused for anything else).
    Result<int> addVoucher(const CatalogItem &session);
    /// A bonus of promotional value with the new card on line `row` (a manager's decision, checked
    /// by the sale), lasting through `expires` (null: no expiry).
    void setGiftCardPromo(int row, Money bonus, const QDate &expires);
    /// A session package `packageCode` of `sessions` × `session` at `price`.
    int addPackage(const QString &packageCode, const CatalogItem &session, int sessions,
                   Money price);
    /// Removes a line; an emptied ticket starts over with a new request id.
    void removeLine(int row);

    /// Which lines take which edit: only products have a quantity; products and sessions take a
    /// line discount and a price override.
    bool hasQuantity(int row) const;
    bool isDiscountable(int row) const;

    Status setQuantity(int row, int quantity);
    /// A line discount as an amount, from zero to the line's gross.
    Status setLineDiscount(int row, Money discount);
    /// A line discount as a percentage of the line's gross or an amount; None removes it.
    Status setLineDiscount(int row, const Discount &discount);
    /// A price override: from zero to Money::defaultLimit(); the line's discount is capped to
    /// the new gross. Paying then needs the approval SaleService::check asks for.
    Status setUnitPrice(int row, Money price);
    /// The ticket discount; refused (and the ticket kept as it was) when the totals cannot be
    /// computed with it, e.g. an amount above what can be discounted.
    Status setTicketDiscount(const Discount &discount);

    /// Checks of typed text, for a dialog's live check and for oasisctl: the error, or nothing.
    static Status checkQuantity(int quantity);
    /// Empty text is "no discount".
    static Result<Discount> parseDiscount(QStringView text);
    static Result<Money> parseTip(QStringView text);

    /// Whose tip it is when the cashier does not say: the therapist of the chosen line, else the
    /// therapist of the ticket's sessions when they all have the same one; 0 when it must be
    /// asked.
    qint64 tipTherapistFor(int row) const;
    /// What tip percentages are taken of: the nets of that therapist's sessions.
    Money tipBase(qint64 therapistId) const;

    const TicketTotals &totals() const { return m_totals; }
    /// Empty unless the totals could not be computed (then the message says why).
    const QString &totalsError() const { return m_totalsError.message; }

private:
    Status checkRow(int row) const;
    void recompute();

    Ticket m_ticket;
    TaxTable m_taxes;
    std::function<QDate()> m_date;
    TicketTotals m_totals;
    Error m_totalsError{ErrorCode::Invalid}; ///< its message is empty while the totals are fine
};

} // namespace oasis
