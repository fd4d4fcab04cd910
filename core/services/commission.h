// SPDX-License-Identifier: GPL-3.0-or-later
// Therapist commission rates: a rate per service or per therapist, kept in the store's settings.
#pragma once

#include "core/domain/error.h"
#include "core/domain/staffmember.h"

#include <QString>

#include <map>
#include <optional>

namespace oasis {

class Database;

/// The rates the commission report applies to the service sales a therapist performed. A
/// service's own rate wins over the therapist's (a service with costly supplies pays less
/// whoever performs it); with neither, the sale earns no commission and the report says so.
/// Rates are in parts per million of the line's net (after discounts, before tax and tips).
struct CommissionRates {
    std::map<QString, qint64> byTherapist; ///< login name -> ppm
    std::map<QString, qint64> byService;   ///< session code -> ppm

    /// The rate for a session line, nullopt when none applies.
    std::optional<qint64> rateFor(const QString &therapist, const QString &service) const;
};

/// Reads and changes the rates. Changing one is the owner's (Action::Staff), decided inside the
/// transaction that writes and journals it (`commission_rate_changed`).
class CommissionService final {
public:
    explicit CommissionService(Database &db)
        : m_db(db) {}

    Result<CommissionRates> rates() const;
    /// Sets (ppm) or clears (nullopt) a therapist's rate. The therapist must be on the staff.
    Status setTherapistRate(const QString &login, std::optional<qint64> ppm,
                            const StaffMember &actor,
                            const std::optional<StaffMember> &approver = std::nullopt);
    /// Sets or clears a service's rate. The code must name a session (not a product).
    Status setServiceRate(const QString &code, std::optional<qint64> ppm, const StaffMember &actor,
                          const std::optional<StaffMember> &approver = std::nullopt);

private:
    Status set(const QString &kind, const QString &key, std::optional<qint64> ppm,
               const StaffMember &actor, const std::optional<StaffMember> &approver);

    Database &m_db;
};

} // namespace oasis
