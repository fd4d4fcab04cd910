// SPDX-License-Identifier: GPL-3.0-or-later
// Staff, roles, PIN login with lockout, and what each role may do.
#pragma once

#include "core/domain/error.h"
#include "core/domain/staffmember.h"

#include <QDateTime>
#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>
#include <vector>

namespace oasis {

class Database;

/// Users and PINs. PINs are 4 to 8 digits, hashed with PBKDF2-HMAC-SHA256, a per-user salt and
/// the pepper from the key file; 5 wrong PINs lock the user for 5 minutes.
class StaffService final {
public:
    explicit StaffService(Database &db)
        : m_db(db) {}

    static constexpr int kMaxAttempts = 5;
    static constexpr int kLockSeconds = 5 * 60;

    Result<std::vector<StaffMember>> list(bool includeInactive = true) const;
    Result<StaffMember> find(const QString &name) const;
    Result<StaffMember> byId(qint64 id) const;
    Result<std::vector<StaffMember>> therapists() const;

    /// The columns a member is read from, each as text, for a statement that unites staff rows
    /// with rows of other tables (PostgreSQL unites columns of one type only): six of them.
    static QString columnsAsText();
    /// A member from six such columns.
    static StaffMember fromText(const QVariantList &columns);

    /// Therapists have no PIN (no register access); every other role needs one. Changing staff
    /// needs Action::Staff (the owner) from `actor` or `approver`.
    Result<StaffMember> add(const QString &name, Role role, const QString &pin,
                            const StaffMember &actor,
                            const std::optional<StaffMember> &approver = std::nullopt,
                            const QString &displayName = {});
    /// The very first owner of a new store, added by nobody: refused once the store has an
    /// owner (then the owner adds staff).
    Result<StaffMember> addFirstOwner(const QString &name, const QString &pin,
                                      const QString &displayName = {});
    /// Whether the store has any staff yet (demo data goes only into a store without).
    Result<bool> isEmpty() const;
    Status deactivate(const QString &name, const StaffMember &actor,
                      const std::optional<StaffMember> &approver = std::nullopt);
    Status resetPin(const QString &name, const QString &pin, const StaffMember &actor,
                    const std::optional<StaffMember> &approver = std::nullopt);
    Status setRole(const QString &name, Role role, const StaffMember &actor,
                   const std::optional<StaffMember> &approver = std::nullopt);

    /// Checks a PIN. Wrong PINs count towards the lockout and are journaled. When `meanwhile` is
    /// given, the PIN's hash is worked out on another thread while `meanwhile` runs on this one,
    /// outside any transaction (the counter app loads the register's buttons then).
    Result<StaffMember> authenticate(const QString &name, const QString &pin,
                                     const std::function<void()> &meanwhile = {});
    /// Checks that `approver` may approve `action` with `pin` (the manager-PIN prompt); who may
    /// is decided by mayApprove() (core/authorization.h).
    Result<StaffMember> approve(const QString &approver, const QString &pin, Action action);

    static Status validatePin(const QString &pin);

private:
    Result<StaffMember> insert(const QString &name, Role role, const QString &pin,
                               const QString &journalActor, const QString &displayName,
                               const std::function<Status()> &allowed);
    Database &m_db;
};

} // namespace oasis
