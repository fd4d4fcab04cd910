// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/authorization.h"

#include "core/domain/translate.h"
#include "core/services/staff.h"
#include "core/storage/database.h"

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
    // The store's row of `member` now; none when it is not on the staff.
    auto now = [&](const StaffMember &member) -> Result<std::optional<StaffMember>> {
        auto read = staff.byId(member.id);
        if (read)
            return std::optional<StaffMember>(*read);
        if (read.error().code == ErrorCode::NotFound)
            return std::optional<StaffMember>();
        return std::unexpected(read.error());
    };
    auto current = now(actor);
    if (!current)
        return std::unexpected(current.error());
    std::optional<StaffMember> currentApprover;
    if (approver) {
        auto a = now(*approver);
        if (!a)
            return std::unexpected(a.error());
        currentApprover = *a;
    }
    return authorizeRows(action, actor, approver, *current, currentApprover);
}

Result<Transaction> beginAuthorized(Database &db, Action action, const StaffMember &actor,
                                    const std::optional<StaffMember> &approver) {
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx;
    if (auto ok = authorize(db, action, actor, approver); !ok)
        return std::unexpected(ok.error());
    return tx;
}

Status authorizeRows(Action action, const StaffMember &actor,
                     const std::optional<StaffMember> &approver,
                     const std::optional<StaffMember> &current,
                     const std::optional<StaffMember> &currentApprover) {
    if (!current)
        return fail(ErrorCode::Permission,
                    oasis::tr("%1 is not on the staff of this store.").arg(actor.name));
    if (approver && !currentApprover)
        return std::unexpected(needsApproval(
            action, oasis::tr("%1 is not on the staff of this store: %2 needs "
                              "approval by %3.")
                        .arg(approver->name, actionName(action), approversOf(action))));
    return authorize(action, *current, currentApprover);
}

} // namespace oasis
