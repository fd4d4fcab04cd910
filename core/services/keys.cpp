// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/keys.h"

#include "core/domain/translate.h"
#include "core/services/authorization.h"
#include "core/storage/database.h"
#include "core/storage/journal.h"
#include "core/storage/keyring.h"
#include "core/storage/storeidentity.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace oasis {

namespace {
QString shown(const QString &path) {
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace

Status KeyService::checkNewPassphrase(const QString &passphrase) {
    if (passphrase.size() < kMinPassphraseLength)
        return fail(ErrorCode::Invalid,
                    oasis::tr("The passphrase in OASIS_KEY_PASSPHRASE is too short: a key file "
                              "is sealed with at least %1 characters.")
                        .arg(kMinPassphraseLength));
    return {};
}

Result<KeyExport> KeyService::exportTo(Database &db, const QString &fileIn,
                                       const QString &passphrase, const StaffMember &actor,
                                       const std::optional<StaffMember> &approver) {
    if (auto ok = checkNewPassphrase(passphrase); !ok)
        return std::unexpected(ok.error());
    const QString file = QFileInfo(fileIn).absoluteFilePath();
    if (!QFileInfo(file).absoluteDir().exists())
        return fail(ErrorCode::System,
                    oasis::tr("The folder %1 does not exist.")
                        .arg(QDir::toNativeSeparators(QFileInfo(file).absolutePath())));
    auto tx = Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = authorize(db, Action::Backup, actor, approver); !ok)
        return std::unexpected(ok.error());
    if (QFileInfo::exists(file) || QFileInfo(file).isSymLink())
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 already exists; a key export never overwrites a file. Choose a "
                              "new name.")
                        .arg(shown(file)));
    if (auto ok = Journal::append(
            db, actorLabel(actor, approver), QStringLiteral("keys_exported"),
            {{QStringLiteral("file"), file}, {QStringLiteral("store_id"), db.id()}});
        !ok)
        return std::unexpected(ok.error());
    // The head after this very entry: the new computer's first anchor of the journal.
    auto head = Journal::head(db);
    if (!head)
        return std::unexpected(head.error());
    const QByteArray sealed = db.keys().seal(db.id(), head->first, head->second, passphrase);
    // Written under a temporary name that only its owner may read, then renamed: FILE is whole
    // or absent.
    QSaveFile out(file);
    out.setDirectWriteFallback(false);
    if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(kOwnerOnly) ||
        out.write(sealed) != sealed.size() || !out.commit())
        return fail(ErrorCode::System,
                    oasis::tr("Cannot write %1: %2").arg(shown(file), out.errorString()));
    // The journal says the keys left: if it cannot, neither do they.
    if (auto ok = tx->commit(); !ok) {
        QFile::remove(file);
        return std::unexpected(ok.error());
    }
    return KeyExport{file, db.id()};
}

Result<KeyImport> KeyService::importFrom(const QString &fileIn, const QString &passphrase,
                                         const QString &storeLocation,
                                         const QString &keyDirectory) {
    const QString file = QFileInfo(fileIn).absoluteFilePath();
    QFile in(file);
    if (!in.exists())
        return fail(ErrorCode::NotFound, oasis::tr("There is no file %1.").arg(shown(file)));
    // A sealed key file is a few hundred bytes; anything much larger is not one.
    if (in.size() > 64 * 1024)
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 is not a sealed Oasis POS key file.").arg(shown(file)));
    if (!in.open(QIODevice::ReadOnly))
        return fail(ErrorCode::System,
                    oasis::tr("Cannot read %1: %2").arg(shown(file), in.errorString()));
    auto sealed = KeyRing::unseal(in.readAll(), passphrase);
    if (!sealed)
        return std::unexpected(sealed.error());
    auto store = readStoreIdentity(storeLocation);
    if (!store)
        return std::unexpected(store.error());
    if (sealed->storeId != store->id)
        return fail(ErrorCode::Refused,
                    oasis::tr("This key file belongs to store %1, not to the store %2 at %3. "
                              "Nothing was written.")
                        .arg(sealed->storeId, store->id, storeLocation));
    if (QString::fromLatin1(sealed->keys.fingerprint()) != store->keyCheck)
        return fail(ErrorCode::Refused,
                    oasis::tr("The keys in this file do not fit store %1 (its key check differs). "
                              "Nothing was written.")
                        .arg(store->id));
    KeyImport r;
    r.file = file;
    r.storeId = store->id;
    r.keyFile = KeyRing::filePath(keyDirectory, store->id);
    r.exportedAt = sealed->exportedAt;
    if (QFileInfo::exists(r.keyFile) || QFileInfo(r.keyFile).isSymLink()) {
        auto current = KeyRing::load(r.keyFile);
        if (current && current->fingerprint() == sealed->keys.fingerprint())
            return r; // already there
        return fail(ErrorCode::Refused,
                    oasis::tr("This computer already holds a different key file for store %1 "
                              "(%2); it is never replaced. Nothing was written.")
                        .arg(store->id, shown(r.keyFile)));
    }
    if (auto ok = KeyRing::create(r.keyFile, sealed->keys); !ok)
        return std::unexpected(ok.error());
    r.installed = true;
    // A computer that never held this store's journal anchor starts from the head the
    // exporting register sealed in the file (never from what the store says now, which could be
    // a journal whose tail was cut off). An anchor already here is kept.
    const QString anchor = QDir(keyDirectory).filePath(store->id + QStringLiteral(".anchor"));
    if (!QFileInfo::exists(anchor) &&
        !Database::writeAnchor(anchor, sealed->journalSeq, sealed->journalHash.toLatin1(), false)) {
        QFile::remove(r.keyFile);
        return fail(ErrorCode::System,
                    oasis::tr("Cannot write the journal anchor %1; nothing was installed.")
                        .arg(shown(anchor)));
    }
    return r;
}

} // namespace oasis
