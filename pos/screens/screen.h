// SPDX-License-Identifier: GPL-3.0-or-later
// What every back-office screen is given by the main window.
#pragma once

#include "core/domain/payment.h"
#include "core/services/staff.h"

#include <QDate>

#include <functional>
#include <optional>

class QCheckBox;
class QDateEdit;
class QLabel;

namespace oasis {
class Database;
}

namespace oasis::screens {

/// The height in px of anything a finger presses.
inline constexpr int kTouch = 48;

/// The locale's short date format with the year written whole ("M/d/yyyy", not "M/d/yy"), for
/// a date edit: a last day two decades off reads the same in two digits.
QString shortDateFormatFullYear();

/// A day that may be left open (a last day, a best-before date): a box to tick, and the day
/// chosen from a calendar once it is ticked, shown with the year whole.
struct OptionalDateField {
    QCheckBox *on = nullptr;
    QDateEdit *date = nullptr;
    /// The day chosen, or a null date when the box is not ticked.
    QDate value() const;
};
/// The field, labelled `label`, showing `shown` at first, `earliest` at the earliest (null: any
/// day). Named `objectName` (the date) and `objectName` + "On" (the box) when one is given.
OptionalDateField optionalDateField(QWidget *parent, const QString &label, const QDate &shown,
                                    const QDate &earliest = {}, const QString &objectName = {});

/// What of the balance left on a card the customer paid with is promotional value, said under
/// it: "$15.00 of it promotional, expires 3/31/2027" ("$20.00 of it promotional" when it does
/// not expire); empty when there is none (AppliedTender::giftCardPromo).
QString promoLeftLine(const AppliedTender &tender);

/// Shows `text` in a screen's message line, red for an error and green otherwise; empty hides it.
void showNotice(QLabel *label, const QString &text, bool error);
/// Marks `label` as a screen's message line: what it says is for the person who caused it.
void markMessageLine(QLabel *label);
/// Empties every message line under `root`, so the next person to log in does not read what
/// was said to the previous one.
void clearMessageLines(QWidget *root);

/// Asks for a manager's approval of an action, saying why (core's refusal): the approver, or
/// nullopt when cancelled.
using ApprovalPrompt = std::function<std::optional<StaffMember>(Action, const QString &why)>;

/// The open database, who is logged in, and a way to ask for a manager's approval.
struct ScreenContext {
    Database *db = nullptr;
    std::function<StaffMember()> currentUser;
    /// Returns the approving manager, or nullopt when the prompt was cancelled. The main window
    /// shows its manager-PIN prompt; tests supply their own.
    ApprovalPrompt requestApproval;
    QString registerId;
};

/// Runs `attempt(approver)` as the user alone first. When core refuses it for want of an
/// approval (ErrorCode::Permission with needsApproval), asks `prompt` for exactly the approval
/// the refusal names and runs it once more with that approver. Core refuses before changing
/// anything, so the first attempt has no effect. `cancelled` is set when the prompt was
/// cancelled; the refusal is returned then.
template <typename Attempt>
auto withApproval(const ApprovalPrompt &prompt, Attempt &&attempt, bool *cancelled = nullptr)
    -> decltype(attempt(std::optional<StaffMember>())) {
    if (cancelled)
        *cancelled = false;
    auto result = attempt(std::optional<StaffMember>());
    if (result || result.error().code != ErrorCode::Permission || !result.error().needsApproval)
        return result;
    const std::optional<StaffMember> approver =
        prompt ? prompt(*result.error().needsApproval, result.error().message) : std::nullopt;
    if (!approver) {
        if (cancelled)
            *cancelled = true;
        return result;
    }
    return attempt(approver);
}

} // namespace oasis::screens
