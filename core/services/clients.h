// SPDX-License-Identifier: GPL-3.0-or-later
// The spa's clients (DESIGN §15): contact details, health flags for the therapist, the tickets
// rung up for them, merging duplicates and the journaled export.
#pragma once

#include "core/domain/money.h"
#include "core/services/staff.h"

#include <QDateTime>
#include <QStringList>

#include <optional>
#include <vector>

namespace oasis {

struct ReportTable;

class Database;

/// A client as one member of staff may see them. Health flags are filled only for a viewer
/// whose role may see them (Action::ClientHealth: therapists, managers, the owner); the front
/// desk gets `hasHealthFlags` alone, so the register can say "health notes for the therapist".
struct Client {
    qint64 id = 0;
    QString name;
    QString phone;
    QString email;
    QString notes;              ///< front-desk notes ("prefers a quiet room"); never health notes
    QStringList healthFlags;    ///< allergies, contraindications, pregnancy: one flag each
    bool healthVisible = false; ///< whether `healthFlags` was given to this viewer
    bool hasHealthFlags = false;
    qint64 mergedInto = 0; ///< the client this duplicate was merged into (0: none)
    QDateTime createdAt;
};

/// What is typed in the client form or on the command line. `healthFlags` nullopt leaves the
/// flags as they are (the front desk edits contact details without seeing them).
struct ClientDetails {
    QString name;
    QString phone;
    QString email;
    QString notes;
    std::optional<QStringList> healthFlags;
};

/// One line of a client's history: a session (visit), a product (purchase), a gift card or a
/// service voucher sold on a ticket rung up for the client (or for a duplicate merged into them).
struct ClientHistoryLine {
    qint64 receiptNo = 0;
    QString saleKind; ///< sale, refund, void
    QDateTime at;
    QString code;
    QString name;
    int quantity = 0;
    Money net;
    QString therapist;     ///< sessions
    QString giftCardLast4; ///< a gift card's or a service voucher's last 4
    QString voucherStatus; ///< a voucher sold: active, redeemed or void (voucherStatusName)
};

/// The client's session packages are PackageService::ofClient (with the sessions left).
struct ClientHistory {
    std::vector<ClientHistoryLine> visits;    ///< session lines
    std::vector<ClientHistoryLine> purchases; ///< product lines
    std::vector<ClientHistoryLine> giftCards; ///< gift cards sold or loaded
    std::vector<ClientHistoryLine> vouchers;  ///< service vouchers sold, with their status
    int tickets = 0;                          ///< sales (not refunds or voids) of the client
    /// What the client paid on those sales, less refunds: prepaid value spent (a gift card, a
    /// voucher, a package's session) was counted when it was bought, and is not counted again.
    Money spent;
};

class ClientService final {
public:
    explicit ClientService(Database &db)
        : m_db(db) {}

    /// Digits of a phone number as stored for lookup: "(206) 555-0142" -> "2065550142".
    static QString phoneDigits(const QString &phone);
    /// Name 1 to 200 characters, phone and email within their limits, a plausible email, notes
    /// and each health flag within the note limit; no control characters. One line saying why.
    static Status validate(const ClientDetails &details);

    /// Adds a client (Action::ClientEdit; health flags need Action::ClientHealth from `by` or
    /// `approver`), journaled as client_added (no health flags in the journal).
    Result<Client> add(const ClientDetails &details, const StaffMember &by,
                       const std::optional<StaffMember> &approver = std::nullopt);
    /// Changes a client's details (a merged duplicate is refused: change the kept client),
    /// journaled as client_changed with the names of the fields that changed.
    Result<Client> change(qint64 id, const ClientDetails &details, const StaffMember &by,
                          const std::optional<StaffMember> &approver = std::nullopt);
    /// Clients whose name holds `text`, or whose phone holds its digits (at least 3 digits and
    /// nothing but phone characters), merged duplicates left out; at most `limit`, by name.
    Result<std::vector<Client>> find(const QString &text, const StaffMember &viewer,
                                     int limit = 50) const;
    /// Every client (merged duplicates left out), by name, at most `limit`.
    Result<std::vector<Client>> list(const StaffMember &viewer, int limit = 200) const;
    /// One client by id, as `viewer` may see them; a merged duplicate comes back as itself
    /// (mergedInto set). NotFound for an unknown id.
    Result<Client> get(qint64 id, const StaffMember &viewer) const;
    /// The sales rung up for the client and for every duplicate merged into them, newest first.
    Result<ClientHistory> history(qint64 id, const StaffMember &viewer) const;
    /// What each client has been worth up to `asOf` (a business date): tickets, visits (tickets
    /// with a session), the last visit and the lifetime value (what they paid, refunds and voids
    /// taken off), a merged duplicate's counted with the kept client; the most valuable first.
    /// A report (Action::Reports): names only, never contact details or health notes.
    Result<ReportTable> lifetimeValue(QDate asOf, const StaffMember &viewer) const;

    /// Merges `duplicate` into `keep` (Action::ClientMerge, a manager): the duplicate points at
    /// the kept client and is found no more; the kept client's history includes the
    /// duplicate's (the books are not touched). Empty contact fields of the kept client take
    /// the duplicate's; health flags are the union of both. Journaled as client_merged.
    Result<Client> merge(qint64 duplicate, qint64 keep, const StaffMember &by,
                         const std::optional<StaffMember> &approver = std::nullopt);

    /// Writes every client (merged duplicates left out), health flags included, to `path` as
    /// CSV with formula cells neutralised (Action::ClientExport, a manager); journaled as
    /// client_exported with the count and the file. Returns how many were written; an existing
    /// file is replaced only once the export is journaled.
    Result<int> exportCsv(const QString &path, const StaffMember &by,
                          const std::optional<StaffMember> &approver = std::nullopt);

    /// The client a sale is rung up for, checked inside the sale's transaction: an unknown
    /// client is refused, a merged duplicate is followed to the kept client.
    static Result<qint64> resolveForSale(Database &db, qint64 id);

private:
    Result<Client> read(qint64 id, bool withHealth) const;
    Result<bool> maySeeHealth(const StaffMember &viewer) const;
    Database &m_db;
};

} // namespace oasis
