// SPDX-License-Identifier: GPL-3.0-or-later
// Paying a ticket: the tenders the cashier enters one at a time (Payment, what the counter's Pay
// dialog presents) and what each tender finally pays (planTenders, what SaleService::complete
// writes). Pure: no database, testable without widgets.
#pragma once

#include "core/domain/ticket.h"

#include <vector>

namespace oasis {

/// A tender as it was applied to a sale.
struct AppliedTender {
    TenderType type = TenderType::Cash;
    Money amount;   ///< what paid the sale (cash: net of change)
    Money tendered; ///< cash handed over
    QString cardLast4;
    QString authCode;
    qint64 giftCardId = 0;
    QString giftCardLast4;
    Money giftCardBalance; ///< remaining after this sale
    /// Of giftCardBalance, the promotional value (spendable on the sale's day), and the earliest
    /// last day of what is left of it (null: none of it expires).
    Money giftCardPromo;
    QDate giftCardPromoExpires;
    QString voucherCovered;       ///< a voucher or package tender: the session line it covered
    int packageSessionsLeft = -1; ///< a package tender: the sessions left after this sale
};

/// Turns the cashier's tenders into what each one pays. `giftBalances[i]` is the balance of
/// the i-th gift tender's card.
struct TenderPlan {
    std::vector<AppliedTender> applied;
    Money change;
};
Result<TenderPlan> planTenders(Money total, Money giftCardLines, const std::vector<Tender> &tenders,
                               const std::vector<Money> &giftBalances);

/// The tenders taken so far against one ticket, entered one at a time. Each is checked against
/// what is left when it is added; a refused tender changes nothing and the error says why. Only
/// cash may be more than what is left (the rest is change); a gift card never pays for the
/// ticket's gift-card lines.
class Payment final {
public:
    /// `due` is the ticket's total; `giftCardLines` what gift cards may not pay for
    /// (Ticket::giftCardLinesTotal).
    Payment(Money due, Money giftCardLines);

    Money due() const { return m_due; }
    Money paid() const;
    /// What is still to pay (zero once covered).
    Money remaining() const;
    /// Cash to hand back (zero until cash covers more than the due).
    Money change() const;
    /// What gift cards may still pay.
    Money giftRoom() const;
    bool isCovered() const { return remaining().isZero(); }
    const std::vector<Tender> &tenders() const { return m_tenders; }

    /// Adds a tender: its amount above zero, something left to pay, a card's last 4 digits,
    /// the gift card not entered twice and within what gift cards may pay.
    Status add(const Tender &tender);
    /// A card tender from what the cashier typed (last 4 trimmed, auth code upper case).
    static Tender card(Money amount, const QString &last4, const QString &authCode);
    static Tender cash(Money amount);
    /// The gift tender a card of `balance` pays here: as much as the card, what is left and
    /// what gift cards may pay allow. `code` is the card's code as looked up.
    Result<Tender> giftTender(const QString &code, Money balance) const;
    void remove(int index);

    /// The quick-cash amounts for what is left: exact, then rounded up to $5, $10, $20, $50
    /// and $100, each once. Empty once covered.
    std::vector<Money> quickCash() const;

    /// What the tenders pay, as the sale will write them (gift amounts as given).
    Result<TenderPlan> plan(const std::vector<Money> &giftBalances) const;

private:
    Money m_due;
    Money m_giftCardLines;
    std::vector<Tender> m_tenders;
};

} // namespace oasis
