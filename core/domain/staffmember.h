// SPDX-License-Identifier: GPL-3.0-or-later
// A member of staff and the roles the store knows: the value every service and screen passes.
#pragma once

#include <QString>

#include <optional>

namespace oasis {

enum class Role { FrontDesk, Manager, Owner, Therapist };
QString roleName(Role role);
std::optional<Role> roleFromName(QStringView name);

struct StaffMember {
    qint64 id = 0;
    QString name;        ///< login name, as in `--user NAME` and `@THERAPIST`
    QString displayName; ///< as printed on receipts
    Role role = Role::FrontDesk;
    bool active = true;
    bool hasPin = false;

    /// The name people see: the display name, else the login name.
    QString shownName() const { return displayName.isEmpty() ? name : displayName; }
};

} // namespace oasis
