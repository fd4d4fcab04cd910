// SPDX-License-Identifier: GPL-3.0-or-later
// Service vouchers (DESIGN §15): a gift worth one service ("one 60-minute deep tissue massage"),
// not dollars. Sold as a sale line, redeemed once as a tender for a session line; the liability
// is what was paid, kept on an append-only ledger (voucher_activity).
#pragma once

#include "core/domain/error.h"
#include "core/domain/money.h"
#include "core/domain/ticket.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace oasis {

class Database;

struct Voucher {
    enum class Status { Active, Redeemed, Void };
    qint64 id = 0;
    QString last4;
    qint64 itemId = 0;   ///< the session it is worth
    QString serviceCode; ///< DT60
    QString serviceName; ///< as the catalog names it now
    QString modality;    ///< deep tissue
    int minutes = 0;     ///< 60
    Money paid;          ///< what the customer paid: the liability while it is active
    Money priceNow;      ///< the service's price in the catalog now: what it covers
    Status status = Status::Active;
    QDateTime createdAt;
    qint64 soldReceiptNo = 0;
    qint64 redeemedReceiptNo = 0; ///< the sale that redeemed it, or the refund that voided it
    QString coveredName;          ///< the line it covered when redeemed ("Deep Tissue 90 min")

    /// "One 60-minute deep tissue massage": what the certificate and the receipt say it is.
    QString description() const;
};
QString voucherStatusName(Voucher::Status status);

/// What a voucher pays on a ticket: the session line it covers and how much of it.
struct VoucherCover {
    Voucher voucher;
    std::size_t line = 0;
    Money amount; ///< its session's price now, at most what the line costs (tax included)
};

/// A voucher just sold: the only moment its full code leaves the service (to print it).
struct IssuedVoucher {
    qint64 id = 0;
    QString code;
    QString serviceCode;
    QString description;
    Money paid;
};

class VoucherService final {
public:
    explicit VoucherService(Database &db)
        : m_db(db) {}

    /// Finds a voucher by what was typed or scanned, with the gift cards' lookup lockouts (a
    /// failure counts towards the same per-register and per-store limits). A redeemed or void
    /// voucher is returned (its status says so): a balance inquiry shows it; a sale refuses it.
    Result<Voucher> lookup(const QString &code, const QString &registerId);
    Result<Voucher> byId(qint64 id) const;

    /// What the vouchers `codes` pay on `ticket` priced `totals`, in their order, the way
    /// SaleService::complete applies them (it calls this): each pays one session line, one of
    /// its own session first, else a longer session (an upgrade: the customer pays the rest), at
    /// its session's price now, whatever was paid for it. Lines in `taken` (paid by package
    /// sessions) are not theirs. Refused in one line for a voucher redeemed (naming the receipt),
    /// void, entered twice, or with no session line it can pay. Each is looked up (a failure
    /// counts towards the lockouts); nothing is written.
    Result<std::vector<VoucherCover>> covers(const QStringList &codes, const Ticket &ticket,
                                             const TicketTotals &totals,
                                             const std::vector<std::size_t> &taken,
                                             const QString &registerId);

    // --- inside the caller's transaction -------------------------------------------------
    /// A new voucher for the session `itemId`, paid `paid`, sold on line `lineId` of `saleId`.
    Result<IssuedVoucher> issue(qint64 itemId, Money paid, qint64 saleId, qint64 lineId,
                                qint64 staffId);
    /// Redeems the voucher: it covered `covered` of line `lineId`; the ledger releases what was
    /// paid. A condition of the write: refused when it was redeemed or voided, whatever another
    /// register did since the lookup.
    Status redeem(qint64 voucherId, Money covered, qint64 saleId, qint64 lineId, qint64 staffId);
    /// Voids an unredeemed voucher whose sale is refunded (the refund `saleId`); refused once
    /// it was redeemed.
    Status voidForRefund(qint64 voucherId, qint64 saleId, qint64 staffId);

    /// The full code, from its sealed copy (a certificate); journaled by the caller.
    Result<QString> revealCode(qint64 voucherId) const;

private:
    Database &m_db;
};

} // namespace oasis
