// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that decides "may this person do X" (DESIGN §14): every service that changes
// something asks authorize() with the action, the actor and the approver.
#pragma once

#include "core/domain/permissions.h"

namespace oasis {

class Database;
class Transaction;

/// The same check on the store's current rows of `actor` and `approver` (read again by id), so
/// a member deactivated or demoted since logging in can neither act nor approve. Services call
/// it at the start of their work, inside their transaction where they begin one
/// (beginAuthorized).
Status authorize(Database &db, Action action, const StaffMember &actor,
                 const std::optional<StaffMember> &approver);

/// Begins the write transaction of an operation that needs `action`, and checks with authorize()
/// inside it, first, that `actor` (or `approver`) may do it: a permission is checked inside the
/// transaction that acts on it, never only before (DESIGN §14). Refused: rolled back, nothing
/// done.
Result<Transaction> beginAuthorized(Database &db, Action action, const StaffMember &actor,
                                    const std::optional<StaffMember> &approver);

/// The same check on rows of `actor` and `approver` read already (none: not on the staff any
/// more), for a service that reads them with other rows in one statement.
Status authorizeRows(Action action, const StaffMember &actor,
                     const std::optional<StaffMember> &approver,
                     const std::optional<StaffMember> &current,
                     const std::optional<StaffMember> &currentApprover);

} // namespace oasis
