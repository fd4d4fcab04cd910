// SPDX-License-Identifier: GPL-3.0-or-later
// Selling while the store server is unreachable (DESIGN §13a). A register with a receipt series
// of its own keeps a copy of what a sale needs (catalog, tax rates, settings, staff and their
// PIN hashes, its register row and shifts, stock levels) in a SQLite store of its own, made
// while the server is reached. When the server cannot be reached, a sale is made against that
// copy by the same SaleService as always and committed there: it takes the next number of the
// register's own series and a request id. That copy is the outbox: when the server is back,
// each waiting sale is written there exactly once, in order, with its own time, number,
// business day and shift, and joins the server's journal.
#pragma once

#include "core/domain/error.h"
#include "core/domain/payment.h"
#include "core/domain/ticket.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <memory>
#include <vector>

namespace oasis {

class Database;
class Store;
struct ReportTable;

/// What sending the outbox did.
struct OfflineSendReport {
    int sent = 0;         ///< sales written on the server now
    int alreadyThere = 0; ///< sales the server had already (a send cut off after its commit)
    int waiting = 0;      ///< sales still waiting (a failure stopped the send)
    QStringList receipts; ///< the receipt codes landed, in order
    QStringList warnings; ///< stock below zero, prices that differed
};

/// A sale that reached the server after being made offline, for the owner's report.
struct OfflineSaleRecord {
    qint64 receiptNo = 0;
    QString registerId;
    QDateTime madeAt;
    QDateTime landedAt;
    qint64 totalCents = 0;
    /// Lines whose catalog price on the server, when the sale landed, differed from what the
    /// customer was charged: code, name, charged and catalog unit price (cents; -1: no longer
    /// sold).
    struct Difference {
        QString code;
        QString name;
        qint64 quantity = 0;
        qint64 chargedCents = 0;
        qint64 catalogCents = -1;
    };
    std::vector<Difference> differences;
};

/// A write on a store server that takes a receipt number of a register's series (a sale, a
/// refund, a void) noted in that register's offline copy, when it has one: begin() before the
/// write, end() with its outcome. The copy then always knows the series' last number on the
/// server; a write whose outcome stays unknown (the server went away during it) stays noted, and
/// holds offline selling to that same ticket (OfflineRegister::checkUnknownOutcome).
class OfflineNote final {
public:
    static OfflineNote begin(const Database &db, const QString &registerId,
                             const QString &requestId);
    void end(qint64 receiptNo, const Error *error) const;
    template <typename T>
    void end(const Result<T> &outcome) const {
        if (outcome)
            end(outcome->receiptNo, nullptr);
        else
            end(0, &outcome.error());
    }

private:
    QString m_url;
    QString m_registerId;
    QString m_id; ///< empty: nothing noted
};

class OfflineRegister final {
public:
    /// The copy for the store at `storeUrl` (a server's address) and register `registerId`, in
    /// `directory` (empty: defaultDirectory()).
    OfflineRegister(const QString &storeUrl, const QString &registerId,
                    const QString &directory = {});

    /// OASIS_OFFLINE_DIR, else the application's local data folder + "/offline".
    static QString defaultDirectory();
    /// Whether `error` (from opening or using a store on a server) says the server cannot be
    /// reached, as opposed to a refusal.
    static bool isUnreachable(const Error &error);
    /// The sale refused offline in one line: stored value is never redeemed, nor a client's
    /// package or voucher sold, while the server cannot be asked (DESIGN §13a).
    static Status checkOfflineTicket(const Ticket &ticket, const std::vector<Tender> &tenders);

    /// The folder of this register's copy.
    QString folder() const { return m_folder; }
    /// Whether a copy was made (prepare()).
    bool prepared() const;
    /// When the copy was made (invalid: never).
    QDateTime preparedAt() const;

    /// Makes the copy anew from `server` (a store on a server), while no sale waits in it. The
    /// register must have a receipt series of its own (a manager's `register series`).
    Status prepare(Database &server);
    /// Opens the copy to sell on it (OpenExisting).
    Result<std::unique_ptr<Database>> open() const;
    /// The same, as a Store (for the counter app and oasisctl, which hold stores).
    Result<std::unique_ptr<Store>> openStore() const;
    /// How many sales wait to be sent.
    Result<int> waiting() const;
    /// Sends every waiting sale to `server`, in order, each in its own transaction, exactly once.
    /// Stops at the first failure (what it says is returned; what was sent stays sent).
    Result<OfflineSendReport> send(Database &server);

    /// Around a sale made on the server: the request id it carries is noted first, and its
    /// receipt number after, so the copy always knows the last number the server has in the
    /// register's series. A sale whose outcome stays unknown (the server went away during it)
    /// leaves its request id noted: offline, only that same ticket (the same request id) may
    /// then be sold, as the number after the last known one.
    Status noteOnlineStart(const QString &requestId);
    Status noteOnlineDone(const QString &requestId, qint64 receiptNo);
    /// Before selling offline: refuses when an online sale's outcome is unknown and this is not
    /// that same ticket.
    Status checkUnknownOutcome(const QString &requestId) const;

    /// The sales made offline that reached the server between `from` and `to` (business
    /// dates, inclusive), with their price differences.
    static Result<std::vector<OfflineSaleRecord>> landed(const Database &server, const QDate &from,
                                                         const QDate &to);
    /// The same as a table for the Reports screen and CSV: one row per sale, and one more per
    /// line sold at a price the catalog did not have when it landed; times in `zone`.
    static ReportTable landedTable(const std::vector<OfflineSaleRecord> &sales,
                                   const QTimeZone &zone);

private:
    QString m_url;
    QString m_registerId;
    QString m_folder;
};

} // namespace oasis
