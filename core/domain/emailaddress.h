// SPDX-License-Identifier: GPL-3.0-or-later
// A customer's email address, checked before anything is queued or sent.
#pragma once

#include "core/domain/error.h"

#include <QString>

namespace oasis {

/// Accepts a plain mailbox address, `local@domain.tld` (RFC 5321 dot-atom local part, a domain
/// of letters, digits and hyphens with at least one dot, at most 254 characters). Refuses
/// anything else with ErrorCode::Invalid and one sentence: display names, lists, spaces, control
/// characters or angle brackets never reach a mail header.
Status checkEmailAddress(const QString &address);

} // namespace oasis
