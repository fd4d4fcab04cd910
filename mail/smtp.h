// SPDX-License-Identifier: GPL-3.0-or-later
// Sending a message through the store's SMTP server with libcurl.
#pragma once

#include "core/domain/error.h"
#include "core/services/storesettings.h"
#include "mail/message.h"

#include <atomic>
#include <memory>

namespace oasis::mail {

/// Where and how to send: the store's settings plus the password and deadlines.
struct Server {
    SmtpSettings settings;
    QString password;
    int connectTimeoutMs = 10'000; ///< reaching the server
    int totalTimeoutMs = 60'000;   ///< the whole conversation: nothing can hang longer
    /// When set and true, a send under way stops at once (the app is quitting).
    std::shared_ptr<const std::atomic_bool> cancel;

    /// The store's server: StoreSettings::smtp() and smtpPassword().
    static Server of(const StoreSettings &store);
};

/// Sends `message` (its addresses checked first). Fails with ErrorCode::Invalid for a bad
/// address, ErrorCode::System with one sentence when no server is set, when the server cannot
/// be reached in time, or when it refuses the login, the sender, the recipient or the message.
/// Blocks until done or the deadline: call it off the GUI thread.
Status send(const Server &server, const Message &message);

} // namespace oasis::mail
