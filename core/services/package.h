// SPDX-License-Identifier: GPL-3.0-or-later
// Session packages (DESIGN §15): "5 × 60-minute deep tissue for $600", sold to a client, used
// one session at a time as a tender for a line of its session. Deferred revenue until a session
// is used, recognised then at the package's per-session price; the unused sessions refunded pro
// rata. Kept on append-only ledgers (package_products, packages, package_activity).
#pragma once

#include "core/domain/error.h"
#include "core/domain/money.h"
#include "core/domain/ticket.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace oasis {

class Database;
struct StaffMember;

/// A package the store sells (defined by a manager): `sessions` of the session `itemId` for
/// `price`.
struct PackageProduct {
    qint64 id = 0;
    QString code; ///< PKG-DT60-5
    qint64 itemId = 0;
    QString serviceCode; ///< DT60
    QString serviceName;
    QString modality;
    int minutes = 0;
    int sessions = 0;
    Money price;

    /// "5 sessions of 60-minute deep tissue massage".
    QString description() const;
};

/// What session number `sessionNo` (1-based) of a package of `sessions` paid `paid` is worth:
/// paid / sessions, the remainder on the last session so that the sessions sum to what was paid.
Money packageSessionPrice(Money paid, int sessions, int sessionNo);

/// A package sold.
struct SessionPackage {
    qint64 id = 0;
    QString last4;
    qint64 productId = 0;
    QString productCode; ///< PKG-DT60-5
    qint64 itemId = 0;   ///< the session it is for
    QString serviceCode; ///< DT60
    QString serviceName;
    QString modality;
    int minutes = 0;
    int sessions = 0;     ///< sold
    int used = 0;         ///< sessions redeemed
    int sessionsLeft = 0; ///< 0 once used up or refunded
    bool refunded = false;
    Money paid; ///< what the client paid
    Money refundedAmount;
    qint64 clientId = 0;
    QString clientName;
    QDateTime createdAt;
    qint64 soldReceiptNo = 0;
    qint64 saleLineId = 0;
    int activities = 0; ///< rows on its ledger: the sequence number its next row takes

    /// What the next session is worth (packageSessionPrice of session used + 1).
    Money nextSessionPrice() const { return packageSessionPrice(paid, sessions, used + 1); }
    /// The deferred revenue still owed: what was paid less the sessions used and any refund.
    Money liability() const;
    /// "5 sessions of 60-minute deep tissue massage".
    QString description() const;
    /// "active", "used" (no session left) or "refunded".
    QString statusName() const;
};

/// A package just sold: the only moment its full code leaves the service (to print it).
struct IssuedPackage {
    qint64 id = 0;
    QString code;
    QString productCode;
    QString serviceCode;
    int sessions = 0;
    QString description;
    Money paid;
};

/// A package named on a tender from its client's page, not by its code: "#12" (its id). Such a
/// tender pays only on a ticket for the package's client (PackageService::covers, and the use's
/// own write inside the sale). The code stays sealed: the client's page never shows it.
QString packageRef(qint64 packageId);
/// The id of a "#12" reference; nullopt for anything else (a code).
std::optional<qint64> packageIdOfRef(const QString &ref);

/// What one package session pays on a ticket: the session line it pays and the per-session
/// price that line is sold at.
struct PackageCover {
    SessionPackage package; ///< as looked up, advanced past earlier uses on the same ticket
    std::size_t line = 0;
    Money price;          ///< the package's price for this session: the line's unit price once used
    qint64 forClient = 0; ///< used from the client's page (packageRef): the ticket's client
};

/// The ticket as a package pays it: its session lines repriced (PackageCovers::ticket) and, in
/// the order of the codes, what each package session pays.
struct PackageCovers {
    Ticket ticket; ///< each covered line at its per-session price, no line discount
    std::vector<PackageCover> uses;
    /// The lines the packages pay (a voucher does not pay them: VoucherService::covers' taken).
    std::vector<std::size_t> lines() const;
    /// What use `i`'s tender pays, given the repriced ticket's `totals`: the per-session price,
    /// at most what its line costs (tax included).
    Money amount(std::size_t i, const TicketTotals &totals) const;
};

class PackageService final {
public:
    explicit PackageService(Database &db)
        : m_db(db) {}

    /// Defines a package product (a manager, or an approver who is one; journaled). A code is
    /// defined once: to sell at another price, define another code.
    Result<PackageProduct> define(const QString &code, const QString &sessionCode, int sessions,
                                  Money price, const StaffMember &by,
                                  const std::optional<StaffMember> &approver);
    Result<std::vector<PackageProduct>> products() const;
    Result<PackageProduct> product(const QString &code) const;

    /// Finds a sold package by what was typed or scanned, with the gift cards' lookup lockouts.
    /// A used-up or refunded package is returned (its sessionsLeft says so).
    Result<SessionPackage> lookup(const QString &code, const QString &registerId);
    Result<SessionPackage> byId(qint64 id) const;
    Result<SessionPackage> bySaleLine(qint64 lineId) const;
    /// What the packages `codes` (tenders, in their order) pay on `ticket`, the way
    /// SaleService::complete applies them (it calls this): each pays one session line of its own
    /// session, one line per session (a package entered twice pays two lines with its next two
    /// sessions), and that line is repriced to the package's price for that session. Refused in
    /// one line for a ticket discount, no session left (or refunded), or no line of its session.
    /// Each code is looked up (a failure counts towards the lockouts); a packageRef ("#12", from
    /// the client's page) is read by id and pays only on a ticket for its client (or the client
    /// a duplicate holding it was merged into). Nothing is written.
    Result<PackageCovers> covers(const QStringList &codes, const Ticket &ticket,
                                 const QString &registerId);
    /// A client's packages (and those of duplicates merged into them), newest first.
    Result<std::vector<SessionPackage>> ofClient(qint64 clientId) const;

    // --- inside the caller's transaction -------------------------------------------------
    /// A new package of product `productId` for `clientId`, paid `paid`, sold on line `lineId`.
    Result<IssuedPackage> issue(qint64 productId, Money paid, qint64 clientId, qint64 saleId,
                                qint64 lineId, qint64 staffId);
    /// Uses one session of `seen` (as looked up), worth `covered`, on line `lineId` of `saleId`.
    /// A condition of the write: refused when no session is left or anything happened to the
    /// package since it was looked up (another register used a session meanwhile), and, for a
    /// package used from its client's page (`forClient` not 0: the sale's client as the store
    /// knows them now), when it is not that client's.
    Status redeem(const SessionPackage &seen, Money covered, qint64 saleId, qint64 lineId,
                  qint64 staffId, qint64 forClient = 0);
    /// Refunds the sessions left (the refund `saleId`): returns the money owed for them, and
    /// the package then has none left. Refused when none is left.
    Result<Money> refundLeft(qint64 packageId, qint64 saleId, qint64 lineId, qint64 staffId,
                             qint64 approverId);

    /// The full code, from its sealed copy (a certificate); journaled by the caller.
    Result<QString> revealCode(qint64 packageId) const;

private:
    Database &m_db;
};

} // namespace oasis
