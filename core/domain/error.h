// SPDX-License-Identifier: GPL-3.0-or-later
// Expected failures travel as values: std::expected<T, Error>.
#pragma once

#include "core/domain/action.h"

#include <QString>

#include <expected>
#include <optional>

namespace oasis {

/// What kind of failure: decides the exit code of oasisctl and how the app reacts.
enum class ErrorCode {
    Invalid,    ///< malformed input (usage): bad amount, bad argument
    NotFound,   ///< unknown code, SKU, receipt, user
    Refused,    ///< a business rule says no (balance, limit, state)
    Permission, ///< the user's role may not do this without approval
    Locked,     ///< lockout (PIN attempts, gift-card lookups)
    Conflict,   ///< another register got there first, or a duplicate
    Storage,    ///< the database: corrupt, locked, read-only, missing
    Printer,    ///< a printer or transport failed
    System,     ///< anything else outside our control (files, OS)
};

/// A failure a cashier or a script can act on: a code plus one human sentence. A refusal that
/// an approver could lift (ErrorCode::Permission) also names the action, so the caller asks for
/// exactly that approval.
struct Error {
    Error(ErrorCode errorCode = ErrorCode::System, QString text = {},
          std::optional<Action> approval = std::nullopt)
        : code(errorCode)
        , message(std::move(text))
        , needsApproval(approval) {}

    ErrorCode code;
    QString message;
    std::optional<Action> needsApproval;
};

template <typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString message) {
    return std::unexpected<Error>(Error{code, std::move(message)});
}

/// oasisctl's exit code contract: 1 usage, 2 refused by a rule, 3 storage/printer/system.
int exitCodeFor(ErrorCode code);

} // namespace oasis
