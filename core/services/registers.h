// SPDX-License-Identifier: GPL-3.0-or-later
// The registers of a store: a register's name is known to the store, not whatever a caller says.
#pragma once

#include "core/services/staff.h"

#include <QDateTime>

#include <vector>

namespace oasis {

class Database;

/// A register (a till: a computer running the counter app or oasisctl) known to the store.
struct RegisterInfo {
    QString name;
    QDateTime createdAt;
    QString createdBy;    ///< staff name; empty for the store's first register or a migrated one
    qint64 openShift = 0; ///< the shift open on it now, 0 when none
    QString openShiftBy;  ///< who opened that shift
    /// The letter of its receipts' series ("A" for A-000042); "R" for the store's first register
    /// and the registers known before series, which share R.
    QString series = QStringLiteral("R");
};

/// DESIGN §10 and §13: a manager registers each register (`oasisctl register add NAME`), and
/// every operation that acts as a register (a sale, a refund, the drawer, a gift-card lookup)
/// refuses a register the store does not know. The register that creates a store is its first.
class RegisterService final {
public:
    explicit RegisterService(Database &db)
        : m_db(db) {}

    static constexpr int kMaxNameLength = 64;
    /// The schema step that made the registers table. A database held at an earlier step (only
    /// tests of migrations do that) knows no registers and checks none.
    static constexpr int kSchemaVersion = 10;

    /// A name a register may have: 1 to kMaxNameLength characters, no control or invisible
    /// characters, no spaces at either end. Refused with one line saying why.
    static Status validateName(const QString &name);

    /// Registers `name` (a manager's action: `by`, or an approver who may change settings),
    /// journaled. Refused when the name is taken or not valid. Its receipts are numbered in a
    /// series of its own: `series` (a letter A-Z other than R, not another register's) or, when
    /// empty, the first letter free from A.
    Result<RegisterInfo> add(const QString &name, const StaffMember &by,
                             const std::optional<StaffMember> &approver = std::nullopt,
                             const QString &series = {});
    /// Moves register `name` to receipt series `series` (a letter no other register has; R,
    /// the shared series, is refused): its next receipt is one more than that series' last,
    /// and the series it leaves stays gap-free. A manager's action, journaled
    /// (`register_series_set`).
    Result<RegisterInfo> setSeries(const QString &name, const QString &series,
                                   const StaffMember &by,
                                   const std::optional<StaffMember> &approver = std::nullopt);
    /// Lets the PostgreSQL login role `role` open the store as a register: it may read the
    /// store and add to the books but never change or delete a row of them, even from psql
    /// (DESIGN §13). A manager's action, journaled (`register_role_granted`). Refused for a
    /// store in a file and for a role name that is not a plain identifier.
    Status grantServerRole(const QString &role, const StaffMember &by,
                           const std::optional<StaffMember> &approver = std::nullopt);
    /// Every register of the store, by name, with the shift open on it.
    Result<std::vector<RegisterInfo>> list() const;
    Result<bool> isKnown(const QString &name) const;

    /// The one check of every operation that acts as a register: `registerId` (empty: this
    /// computer's, Database::registerId()) if the store knows it, else a refusal that says how a
    /// manager adds it.
    Result<QString> acting(const QString &registerId = {}) const;

    /// Registers the register that creates a store (init, the counter app's first start), with
    /// no manager yet to ask. Does nothing for a name that is taken or not valid.
    static Status addCreator(Database &db, const QString &name);

private:
    Result<RegisterInfo> readBack(const QString &name) const;

    Database &m_db;
};

} // namespace oasis
