// SPDX-License-Identifier: GPL-3.0-or-later
// What every back-office screen is given by the main window.
#pragma once

#include "core/staff.h"

#include <functional>

namespace oasis {
class Database;
}

namespace oasis::screens {

/// The open database, who is logged in, and a way to ask for a manager's approval.
struct ScreenContext {
    Database *db = nullptr;
    std::function<StaffMember()> currentUser;
    /// Returns the approving manager, or nullopt when the prompt was cancelled. The main window
    /// shows its manager-PIN prompt; tests supply their own.
    std::function<std::optional<StaffMember>(Action)> requestApproval;
    QString registerId;
};

} // namespace oasis::screens
