// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/authorization.h"

#include "core/domain/translate.h"
#include "core/services/staff.h"

#include <QCoreApplication>

namespace oasis {

namespace {
Error needsApproval(Action action, QString message) {
    return Error{ErrorCode::Permission, std::move(message), action};
}
} // namespace

Status authorize(Database &db, Action action, const StaffMember &actor,
                 const std::optional<StaffMember> &approver) {
    StaffService staff(db);
    auto current = staff.byId(actor.id);
    if (!current) {
        if (current.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::Permission,
                        oasis::tr("%1 is not on the staff of this store.").arg(actor.name));
        return std::unexpected(current.error());
    }
    std::optional<StaffMember> currentApprover;
    if (approver) {
        auto a = staff.byId(approver->id);
        if (!a) {
            if (a.error().code == ErrorCode::NotFound)
                return std::unexpected(needsApproval(
                    action,
                    oasis::tr("%1 is not on the staff of this store: %2 needs approval by %3.")
                        .arg(approver->name, actionName(action), approversOf(action))));
            return std::unexpected(a.error());
        }
        currentApprover = *a;
    }
    return authorize(action, *current, currentApprover);
}

} // namespace oasis
