// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/permissions.h"

#include "core/domain/translate.h"

#include <QCoreApplication>

namespace oasis {

namespace {
QString capitalized(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

Error needsApproval(Action action, QString message) {
    return Error{ErrorCode::Permission, std::move(message), action};
}
} // namespace

QString actionName(Action action) {
    switch (action) {
    case Action::Sell:
        return oasis::tr("ringing up a sale");
    case Action::Refund:
        return oasis::tr("a refund");
    case Action::VoidSale:
        return oasis::tr("voiding a completed sale");
    case Action::DiscountAboveThreshold:
        return oasis::tr("a discount above the store's threshold");
    case Action::PriceOverride:
        return oasis::tr("a price override");
    case Action::NoSale:
        return oasis::tr("opening the drawer without a sale");
    case Action::CashDrawer:
        return oasis::tr("handling the drawer (shift, pay-in, pay-out)");
    case Action::StockAdjust:
        return oasis::tr("a stock adjustment or count");
    case Action::StockReceive:
        return oasis::tr("receiving stock");
    case Action::GiftCardReplace:
        return oasis::tr("gift-card replacement");
    case Action::GiftCardAdjust:
        return oasis::tr("a gift-card adjustment");
    case Action::GiftCardCashOut:
        return oasis::tr("a gift-card cash-out");
    case Action::GiftCardReprint:
        return oasis::tr("reprinting a gift certificate");
    case Action::Settings:
        return oasis::tr("changing settings or tax rates");
    case Action::Catalog:
        return oasis::tr("editing or importing the catalog");
    case Action::Staff:
        return oasis::tr("managing staff");
    case Action::CloseDay:
        return oasis::tr("closing the day (Z report)");
    case Action::Reports:
        return oasis::tr("seeing reports");
    case Action::Backup:
        return oasis::tr("a backup, restore, key export or store copy");
    case Action::ClientEdit:
        return oasis::tr("adding or changing a client");
    case Action::ClientHealth:
        return oasis::tr("a client's health notes");
    case Action::ClientMerge:
        return oasis::tr("merging clients");
    case Action::ClientExport:
        return oasis::tr("exporting client data");
    case Action::GiftCardPromo:
        return oasis::tr("giving promotional value on a gift card");
    }
    return {};
}

QString approversOf(Action action) {
    return roleMay(Role::Manager, action) ? oasis::tr("a manager or the owner")
                                          : oasis::tr("the owner");
}

QString whoMayLine(Action action) {
    const QString what = capitalized(actionName(action));
    if (roleMay(Role::FrontDesk, action))
        return oasis::tr("%1 is for the front desk, managers and the owner.").arg(what);
    if (roleMay(Role::Therapist, action))
        return oasis::tr("%1 are for therapists, managers and the owner.").arg(what);
    if (roleMay(Role::Manager, action))
        return oasis::tr("%1 is for managers and the owner.").arg(what);
    return oasis::tr("%1 is for the owner.").arg(what);
}

bool roleMay(Role role, Action action) {
    switch (role) {
    case Role::Owner:
        return true;
    case Role::Manager:
        return action != Action::Staff;
    case Role::FrontDesk:
        return action == Action::Sell || action == Action::CashDrawer ||
               action == Action::StockReceive || action == Action::Reports ||
               action == Action::ClientEdit;
    case Role::Therapist:
        return action == Action::ClientHealth;
    }
    return false;
}

bool mayApprove(const StaffMember &member, Action action) {
    return member.active && member.hasPin && roleMay(member.role, action);
}

Status authorize(Action action, const StaffMember &actor,
                 const std::optional<StaffMember> &approver) {
    if (!actor.active)
        return fail(ErrorCode::Permission, oasis::tr("%1 is deactivated.").arg(actor.name));
    if (!actor.hasPin)
        return fail(ErrorCode::Permission, oasis::tr("%1 has no register access.").arg(actor.name));
    // An approver is recorded beside the actor, so one who may not sign is refused even when
    // the actor needs no approval.
    if (approver && (!approver->active || !approver->hasPin))
        return std::unexpected(needsApproval(
            action,
            oasis::tr("%1 may not approve (deactivated or without register access): %2 needs "
                      "approval by %3.")
                .arg(approver->name, actionName(action), approversOf(action))));
    if (roleMay(actor.role, action))
        return {};
    if (!approver)
        return std::unexpected(
            needsApproval(action, oasis::tr("%1 needs approval by %2.")
                                      .arg(capitalized(actionName(action)), approversOf(action))));
    if (!roleMay(approver->role, action))
        return std::unexpected(
            needsApproval(action, oasis::tr("%1 (%2) may not approve %3: it needs approval by %4.")
                                      .arg(approver->name, roleName(approver->role),
                                           actionName(action), approversOf(action))));
    return {};
}

QString actorLabel(const StaffMember &actor, const std::optional<StaffMember> &approver) {
    if (!approver || approver->id == actor.id)
        return actor.name;
    return oasis::tr("%1 (approved by %2)").arg(actor.name, approver->name);
}

} // namespace oasis
