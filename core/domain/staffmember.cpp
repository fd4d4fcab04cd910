// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/staffmember.h"

namespace oasis {

QString roleName(Role role) {
    switch (role) {
    case Role::FrontDesk:
        return QStringLiteral("frontdesk");
    case Role::Manager:
        return QStringLiteral("manager");
    case Role::Owner:
        return QStringLiteral("owner");
    case Role::Therapist:
        return QStringLiteral("therapist");
    }
    return {};
}

std::optional<Role> roleFromName(QStringView name) {
    for (Role r : {Role::FrontDesk, Role::Manager, Role::Owner, Role::Therapist})
        if (name.compare(roleName(r), Qt::CaseInsensitive) == 0)
            return r;
    return std::nullopt;
}

} // namespace oasis
