// SPDX-License-Identifier: GPL-3.0-or-later
// The role table and the rule "may this person do X" on values (DESIGN §14). Services check it
// on the store's current rows through authorize(Database&, ...) in core/services/authorization.h.
#pragma once

#include "core/domain/action.h"
#include "core/domain/error.h"
#include "core/domain/staffmember.h"

#include <optional>

namespace oasis {

/// The action as messages name it: "gift-card replacement".
QString actionName(Action action);
/// Who may approve the action, as messages say it: "a manager or the owner", "the owner".
QString approversOf(Action action);
/// Who may do the action alone, as a screen's line says it to someone who may not: "Changing
/// settings or tax rates is for managers and the owner."
QString whoMayLine(Action action);
/// The store's role table: whether `role` may do `action` alone.
bool roleMay(Role role, Action action);
/// Whether `member` may sign for `action`: active, with a PIN, in a role that may do it.
bool mayApprove(const StaffMember &member, Action action);

/// May `actor` do `action`, alone or with `approver`? The actor must be active and have register
/// access (a PIN); an approver must too. A refusal that an approver could lift is an Error with
/// ErrorCode::Permission, a message naming the action and who may approve it, and
/// `needsApproval` set to the action.
Status authorize(Action action, const StaffMember &actor,
                 const std::optional<StaffMember> &approver);
/// Who did it, as the journal records it: "maya" or "maya (approved by jordan)".
QString actorLabel(const StaffMember &actor, const std::optional<StaffMember> &approver);

} // namespace oasis
