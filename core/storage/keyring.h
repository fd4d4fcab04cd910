// SPDX-License-Identifier: GPL-3.0-or-later
// The secrets of one database, kept in a key file outside it (mode 0600).
#pragma once

#include "core/domain/error.h"

#include <QByteArray>
#include <QDateTime>
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
    QString smtpPassword;      ///< the store's mail server password (empty: none kept here)

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

    /// The key file's text (format 1): what write() stores and seal() encrypts.
    QByteArray toJson() const;
    static Result<KeyRing> fromJson(const QByteArray &json);

    /// A passphrase stretched into the key that seals a key file for another computer
    /// (PBKDF2-HMAC-SHA256 with a new random salt, slow on purpose). Derived apart from seal() so
    /// that `keys export` does it before its write transaction: the other registers do not wait
    /// for the rounds.
    struct SealingKey {
        QByteArray salt;
        int iterations = 0;
        QByteArray key;
    };
    static SealingKey sealingKey(const QString &passphrase);
    /// The key ring of store `storeId` sealed for another computer (`oasisctl keys export`): a
    /// text header naming the format, the store, its journal head (`journalSeq`, `journalHash`:
    /// the new computer's first journal anchor), the key derivation and the cipher, then the
    /// AES-256-GCM sealed key file in base64. The header is the cipher's associated data, so no
    /// byte of the file can be changed unnoticed.
    QByteArray seal(const QString &storeId, qint64 journalSeq, const QString &journalHash,
                    const SealingKey &key) const;
    /// What a sealed key file holds, once its passphrase opened it.
    struct Sealed;
    /// Opens a file written by seal(). Refused (ErrorCode::Refused) when it is not a sealed key
    /// file, when the passphrase does not open it, or when any byte of it was changed.
    static Result<Sealed> unseal(const QByteArray &file, const QString &passphrase);
};

struct KeyRing::Sealed {
    QString storeId;
    qint64 journalSeq = 0; ///< the store's journal head when it was sealed
    QString journalHash;
    QDateTime exportedAt;
    KeyRing keys;
};

} // namespace oasis
