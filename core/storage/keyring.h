// SPDX-License-Identifier: GPL-3.0-or-later
// The secrets of one database, kept in a key file outside it (mode 0600).
#pragma once

#include "core/domain/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace oasis {

/// Keys for gift-card lookup hashes and sealing, the journal chain and the PIN pepper. A copy of
/// the database without this file cannot forge a card or rewrite the journal unnoticed.
struct KeyRing {
    QByteArray giftCardLookup; ///< HMAC-SHA256 key for gift-card lookup hashes
    QByteArray giftCardSeal;   ///< AES-256-GCM key to keep codes for a manager's reprint
    QByteArray journal;        ///< HMAC-SHA256 key of the journal chain
    QByteArray pinPepper;      ///< mixed into every PIN hash

    /// A value stored in the database that proves this key file belongs to it.
    QByteArray fingerprint() const;

    static KeyRing generate();
    /// Folder of key files: $OASIS_KEY_DIR, else QStandardPaths::AppConfigLocation.
    static QString defaultDirectory();
    static QString filePath(const QString &directory, const QString &databaseId);
    /// Writes a new key file; refuses to overwrite one that exists.
    static Status create(const QString &path, const KeyRing &keys);
    static Status write(const QString &path, const KeyRing &keys, bool overwrite);
    /// Reads a key file. One that other users may read (mode wider than 0600) is tightened to
    /// 0600 with a warning (logged, and added to `warnings` for the caller to show); one that
    /// cannot be tightened (owned by another user) is refused.
    static Result<KeyRing> load(const QString &path, QStringList *warnings = nullptr);
};

} // namespace oasis
