// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/keys.h"

#include "core/domain/savefile.h"
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
#include <QScopeGuard>

namespace oasis {

namespace {
QString shown(const QString &path) {
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
// A sealed key file is under 1 KB; anything much larger is not one, and is not read whole.
constexpr qint64 kMaxSealedBytes = 64 * 1024;
} // namespace

Status KeyService::checkNewPassphrase(const QString &passphrase) {
    if (passphrase.toUcs4().size() < kMinPassphraseLength)
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
    // The PBKDF2 rounds run before the write transaction, so no other register waits for them.
    const KeyRing::SealingKey key = KeyRing::sealingKey(passphrase);
    auto tx = beginAuthorized(db, Action::Backup, actor, approver);
    if (!tx)
        return std::unexpected(tx.error());
    // FILE is claimed first, created new and readable by its owner only (O_EXCL: an existing
    // file or link is neither followed nor replaced, even one made a moment ago); the sealed text
    // then replaces that empty claim in one rename, so FILE is never half written.
    QFile claim(file);
    if (!claim.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly)) {
        if (QFileInfo::exists(file) || QFileInfo(file).isSymLink())
            return fail(ErrorCode::Refused,
                        oasis::tr("%1 already exists; a key export never overwrites a file. "
                                  "Choose a new name.")
                            .arg(shown(file)));
        return fail(ErrorCode::System,
                    oasis::tr("Cannot write %1: %2").arg(shown(file), claim.errorString()));
    }
    claim.close();
    bool done = false;
    const auto removeClaim = qScopeGuard([&] {
        if (!done)
            QFile::remove(file);
    });
    if (auto ok = Journal::append(db, actorLabel(actor, approver), QStringLiteral("keys_exported"),
                                  {{QStringLiteral("file"), file}});
        !ok)
        return std::unexpected(ok.error());
    // The head after this very entry: the new computer's first journal anchor.
    auto head = Journal::head(db);
    if (!head)
        return std::unexpected(head.error());
    const QByteArray sealed = db.keys().seal(db.id(), head->first, head->second, key);
    if (auto saved = saveFile(file, sealed, kOwnerOnly); !saved)
        return fail(ErrorCode::System,
                    oasis::tr("Cannot write %1: %2").arg(shown(file), saved.error().message));
    // The journal says the keys left: if it cannot, neither do they.
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    done = true;
    return KeyExport{file, db.id()};
}

Result<KeyImport> KeyService::importFrom(const QString &fileIn, const QString &passphrase,
                                         const QString &storeLocation,
                                         const QString &keyDirectory) {
    const QString file = QFileInfo(fileIn).absoluteFilePath();
    QFile in(file);
    if (!in.exists())
        return fail(ErrorCode::NotFound, oasis::tr("There is no file %1.").arg(shown(file)));
    if (in.size() > kMaxSealedBytes)
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 is not a sealed Oasis POS key file.").arg(shown(file)));
    if (!in.open(QIODevice::ReadOnly))
        return fail(ErrorCode::System,
                    oasis::tr("Cannot read %1: %2").arg(shown(file), in.errorString()));
    // A device or a pipe has no size: read no more than a key file may hold (/dev/zero would
    // take all the memory there is).
    const QByteArray bytes = in.read(kMaxSealedBytes + 1);
    if (bytes.size() > kMaxSealedBytes)
        return fail(ErrorCode::Refused,
                    oasis::tr("%1 is not a sealed Oasis POS key file.").arg(shown(file)));
    auto sealed = KeyRing::unseal(bytes, passphrase);
    if (!sealed)
        return std::unexpected(sealed.error());
    auto store = readStoreIdentity(storeLocation, sealed->journalSeq);
    if (!store)
        return std::unexpected(store.error());
    if (sealed->storeId != store->id)
        return fail(ErrorCode::Refused,
                    oasis::tr("This key file belongs to store %1, not to store %2 at %3. Nothing "
                              "was written.")
                        .arg(sealed->storeId, store->id, shown(storeLocation)));
    if (QString::fromLatin1(sealed->keys.fingerprint()) != store->keyCheck)
        return fail(ErrorCode::Refused,
                    oasis::tr("The keys in this file do not fit store %1 (its key check differs). "
                              "Nothing was written.")
                        .arg(store->id));
    // The file carries the journal's head at the export, which becomes this computer's anchor:
    // the store must still hold that entry as it was. A copy of the store from before the
    // export, or a journal cut or rewritten since, is refused here rather than installed with
    // an anchor that every `journal verify` would then report.
    if (store->journalHash != sealed->journalHash)
        return fail(ErrorCode::Refused,
                    oasis::tr("Store %1 at %2 does not hold journal entry %3 as it was when this "
                              "key file was exported: it is a copy from before the export, or "
                              "its journal was changed since. Nothing was written.")
                        .arg(store->id, shown(storeLocation))
                        .arg(sealed->journalSeq));
    KeyImport r;
    r.file = file;
    r.storeId = store->id;
    r.keyFile = KeyRing::filePath(keyDirectory, store->id);
    r.exportedAt = sealed->exportedAt;
    if (QFileInfo::exists(r.keyFile) || QFileInfo(r.keyFile).isSymLink()) {
        auto current = KeyRing::load(r.keyFile);
        if (current && current->fingerprint() == sealed->keys.fingerprint())
            return r;
        return fail(ErrorCode::Refused,
                    oasis::tr("This computer already holds a different key file for store %1 "
                              "(%2); it is never replaced. Nothing was written.")
                        .arg(store->id, shown(r.keyFile)));
    }
    if (auto ok = KeyRing::create(r.keyFile, sealed->keys); !ok)
        return std::unexpected(ok.error());
    // A computer that never held this store's anchor starts from the head the exporting
    // register sealed in the file, never from what the store says now (a journal whose tail was
    // cut off would anchor itself). An anchor already here is this computer's own record: kept.
    const QString anchor = QDir(keyDirectory).filePath(store->id + QStringLiteral(".anchor"));
    if (!QFileInfo::exists(anchor) &&
        !Database::writeAnchor(anchor, sealed->journalSeq, sealed->journalHash.toLatin1(), false)) {
        QFile::remove(r.keyFile);
        return fail(ErrorCode::System,
                    oasis::tr("Cannot write the journal anchor %1; nothing was installed.")
                        .arg(shown(anchor)));
    }
    r.installed = true;
    return r;
}

} // namespace oasis
