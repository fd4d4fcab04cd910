// SPDX-License-Identifier: GPL-3.0-or-later
// A second register joins a store (DESIGN §13, `oasisctl keys export | import`): the store's key
// file leaves one computer sealed with a passphrase and is installed on the other.
#pragma once

#include "core/domain/error.h"
#include "core/domain/staffmember.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace oasis {

class Database;

struct KeyExport {
    QString file;    ///< the sealed key file written (absolute path, mode 0600)
    QString storeId; ///< the store whose keys it holds
};

struct KeyImport {
    QString file;           ///< the sealed key file read
    QString storeId;        ///< the store it belongs to
    QString keyFile;        ///< the key file of that store on this computer
    bool installed = false; ///< false: the same key file was there already
    QDateTime exportedAt;
};

class KeyService final {
public:
    /// The fewest characters (code points) a passphrase may have when a key file is sealed.
    static constexpr int kMinPassphraseLength = 8;

    /// Whether `passphrase` may seal a key file (long enough); Invalid with one line when not.
    static Status checkNewPassphrase(const QString &passphrase);

    /// Writes the keys of the store `db` to the new file `file`, sealed with `passphrase`
    /// (PBKDF2-HMAC-SHA256 and AES-256-GCM, core/storage/keyring.h), mode 0600 and atomically;
    /// an existing file is never overwritten. Needs Action::Backup (a manager or the owner) from
    /// `actor` or `approver`, checked in the transaction that journals the export
    /// ("keys_exported"); the file carries the journal's head after that entry.
    static Result<KeyExport> exportTo(Database &db, const QString &file, const QString &passphrase,
                                      const StaffMember &actor,
                                      const std::optional<StaffMember> &approver = std::nullopt);

    /// Installs the key file sealed in `file` for the store at `storeLocation` into
    /// `keyDirectory` (mode 0600), on a computer where that store does not open yet because its
    /// key file is missing, with the journal anchor the file carries when there is none here.
    /// Refused, with nothing written, when the passphrase does not open the file or it was
    /// changed, when its keys belong to another store (both ids named) or do not fit this store,
    /// when the store does not hold the journal entry the export recorded, or when a different
    /// key file of this store is already here. The same key file already here is not an error:
    /// installed is false.
    static Result<KeyImport> importFrom(const QString &file, const QString &passphrase,
                                        const QString &storeLocation, const QString &keyDirectory);
};

} // namespace oasis
