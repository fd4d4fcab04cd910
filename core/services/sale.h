// SPDX-License-Identifier: GPL-3.0-or-later
// Completing a ticket as one transaction, and reading committed sales back.
#pragma once

#include "core/domain/payment.h"
#include "core/domain/receiptcode.h"
#include "core/domain/ticket.h"
#include "core/services/giftcard.h"
#include "core/services/package.h"
#include "core/services/staff.h"
#include "core/services/storesettings.h"
#include "core/services/voucher.h"

#include <QDateTime>

#include <optional>
#include <vector>

namespace oasis {

class Database;
struct SaleCheckRows;

/// A request id (Ticket::requestId) is 1 to 100 printable ASCII characters, with no space at
/// either end; the error says so.
Status checkRequestId(const QString &requestId);

/// A gift card a sale activated, as it may be shown again: the last 4 of its code.
struct SoldCard {
    qint64 id = 0;
    QString last4;
    Money amount;
};

/// What the cashier gets back from a completed sale.
struct CompletedSale {
    qint64 saleId = 0;
    qint64 receiptNo = 0;
    TicketTotals totals;
    std::vector<AppliedTender> tenders;
    Money change;
    std::vector<IssuedCard> giftCards;   ///< the full codes of cards sold, to print once
    std::vector<SoldCard> soldCards;     ///< the same cards by last 4 (also for a repeat)
    std::vector<IssuedVoucher> vouchers; ///< the full codes of service vouchers sold, printed once
    std::vector<IssuedPackage> packages; ///< the full codes of session packages sold, printed once
    QStringList warnings;                ///< e.g. stock below zero
    QString requestId;                   ///< the ticket's request id, if it had one
    qint64 clientId = 0;                 ///< the client the sale is linked to (0: none)
    /// The ticket's request id was already used by this sale: nothing was charged or written
    /// this time. The first call's full gift-card codes are not stored (only a keyed hash), so
    /// `giftCards` is empty and `soldCards` names them by last 4.
    bool repeated = false;
};

/// A stored sale line, as every reader of sale lines gets it (readSaleLines): the line as
/// written and what later refunds took back of it (positive amounts).
struct SaleLineRecord {
    qint64 id = 0;
    int lineNo = 0;
    LineKind kind = LineKind::Product;
    qint64 itemId = 0;
    QString code;
    QString name;
    int quantity = 0;
    Money unitPrice;
    Money lineDiscount;
    Money ticketDiscount;
    Money net;
    TaxClass taxClass = TaxClass::Retail;
    Money tax;
    qint64 therapistId = 0;
    QString therapist; ///< the therapist's display name
    qint64 giftCardId = 0;
    QString giftCardLast4;
    int packageSessions = 0; ///< a package line: the sessions it sold
    struct Refunded {
        int quantity = 0;
        Money lineDiscount;
        Money ticketDiscount;
        Money net;
        Money tax;
    };
    Refunded refunded;

    /// Units not refunded yet.
    int remaining() const { return quantity - refunded.quantity; }
};

/// A committed sale as printing and the receipt view see it (a read model).
struct SaleRecord {
    qint64 id = 0;
    qint64 receiptNo = 0;
    QString kind; ///< sale, refund, void
    qint64 originalReceiptNo = 0;
    QDateTime createdAt;
    QDate businessDate;
    QString registerId;
    QString cashier;
    QString approver;
    using Line = SaleLineRecord;
    std::vector<Line> lines;
    struct Tax {
        TaxClass taxClass = TaxClass::Retail;
        Money base;
        qint64 ppm = 0;
        Money tax;
    };
    std::vector<Tax> taxes;
    std::vector<AppliedTender> tenders;
    Money subtotal;
    Money discount;
    Money tax;
    Money tips;
    Money total;
    Money change;
};

class SaleService final {
public:
    explicit SaleService(Database &db)
        : m_db(db) {}

    /// One BEGIN IMMEDIATE transaction: sale with the next receipt number, lines, taxes,
    /// tenders, stock movements, gift-card activity and the journal entry. Nothing is written
    /// when anything is refused. Gift-card codes are looked up before the transaction (so a
    /// failed lookup counts towards the lockout even if the sale is refused).
    ///
    /// A ticket with a request id that a sale already carries is not charged again: the first
    /// sale comes back marked `repeated` (nothing written, no card debited, no stock moved, no
    /// journal entry). The same id with a different ticket (lines, discount or total) is
    /// refused with ErrorCode::Conflict. Checked inside the transaction; a unique index on the
    /// id is the backstop when two programs race.
    Result<CompletedSale> complete(const Ticket &ticket, const std::vector<Tender> &tenders,
                                   const StaffMember &cashier,
                                   const std::optional<StaffMember> &approver = std::nullopt,
                                   const QString &registerId = {});

    /// What would be refused before asking for payment: unknown items, therapists, limits,
    /// permission for discounts and overrides.
    Status check(const Ticket &ticket, const StaffMember &cashier,
                 const std::optional<StaffMember> &approver) const;

    Result<SaleRecord> load(qint64 receiptNo) const;
    Result<std::vector<SaleRecord>> recent(int limit) const;

    /// How many times a sale runs at most when a store server ended it because another
    /// register's transaction crossed it (Database::failedRetryably): nothing of it was
    /// written, so running it again is safe.
    static constexpr int kAttempts = 4;

private:
    /// check(), and the store's sale rules (StoreSettings::readSaleRules) it read in the
    /// statement of its prices.
    Result<StoreSettings::SaleRules> checkAndRead(const Ticket &ticket, const StaffMember &cashier,
                                                  const std::optional<StaffMember> &approver) const;
    /// check()'s rules on what it read (its statement: checkStatement in sale.cpp).
    Status checkRows(const Ticket &ticket, const StaffMember &cashier,
                     const std::optional<StaffMember> &approver, const SaleCheckRows &read) const;
    Result<CompletedSale> completeNew(const Ticket &ticket, const std::vector<Tender> &tenders,
                                      const StaffMember &cashier,
                                      const std::optional<StaffMember> &approver,
                                      const QString &registerId);
    /// completeNew, run again (kAttempts in all) while the server says another sale crossed it.
    Result<CompletedSale> completeRetried(const Ticket &ticket, const std::vector<Tender> &tenders,
                                          const StaffMember &cashier,
                                          const std::optional<StaffMember> &approver,
                                          const QString &registerId);
    /// The sale that already carries the ticket's request id, rebuilt as `complete` returned
    /// it; nullopt when there is none; Conflict when it was a different ticket.
    Result<std::optional<CompletedSale>> firstSaleOf(const Ticket &ticket) const;

    Database &m_db;
};

/// Parked tickets survive a restart: they live in the database until the sale of a recalled
/// ticket commits (SaleService::complete removes the row of `Ticket::parkedId`) or the cashier
/// voids the recalled ticket.
struct ParkedTicket {
    qint64 id = 0;
    QDateTime createdAt;
    QString label;
    QString staff;
    Ticket ticket;
    /// What the customer would pay now: tax (at today's rates), discount and tips included;
    /// nullopt when the store's tax table cannot price it.
    std::optional<Money> total;
};

class ParkedTickets final {
public:
    explicit ParkedTickets(Database &db)
        : m_db(db) {}
    /// Parks the ticket; a recalled ticket (parkedId set) replaces its own row.
    Result<qint64> park(const Ticket &ticket, const QString &label, const StaffMember &staff,
                        const QString &registerId);
    Result<std::vector<ParkedTicket>> list() const;
    /// Returns the ticket with its parkedId; the row stays parked until the sale commits, so a
    /// crash or a close after the recall loses nothing.
    Result<Ticket> recall(qint64 id);
    /// Removes a parked ticket the cashier voided.
    Status discard(qint64 id);

private:
    Database &m_db;
};

} // namespace oasis
