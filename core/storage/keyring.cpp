// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/keyring.h"

#include "core/domain/crypto.h"
#include "core/domain/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace oasis {

namespace {
Q_LOGGING_CATEGORY(lcKeys, "oasis.keys")

constexpr auto kPermissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

/// A key file that the group or others may read gives away the keys that protect gift cards,
/// PINs and the journal: make it 0600 again, or refuse it when this user cannot.
Status keepPrivate(const QString &path, QStringList *warnings) {
    const QByteArray native = QFile::encodeName(path);
    struct stat st {};
    if (::stat(native.constData(), &st) != 0)
        return fail(ErrorCode::Storage,
                    oasis::tr("Cannot read the key file %1: %2")
                        .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    const mode_t mode = st.st_mode & 07777;
    if ((mode & 077) == 0)
        return {};
    const QString octal = QStringLiteral("%1").arg(uint(mode), 4, 8, QLatin1Char('0'));
    if (::chmod(native.constData(), S_IRUSR | S_IWUSR) != 0)
        return fail(
            ErrorCode::Storage,
            oasis::tr("The key file %1 may be read by other users (mode %2) and cannot be made "
                      "private: %3. Its owner must run chmod 600 on it.")
                .arg(path, octal, QString::fromLocal8Bit(std::strerror(errno))));
    const QString warning =
        oasis::tr(
            "The key file %1 could be read by other users (mode %2); it is now 0600, readable "
            "by its owner only.")
            .arg(path, octal);
    qCWarning(lcKeys).noquote() << warning;
    if (warnings)
        *warnings << warning;
    return {};
}
} // namespace

QByteArray KeyRing::fingerprint() const {
    return crypto::hmacSha256(journal + giftCardLookup + giftCardSeal + pinPepper,
                              QByteArrayLiteral("oasis-key-check-v1"))
        .toHex();
}

KeyRing KeyRing::generate() {
    return {crypto::randomBytes(32), crypto::randomBytes(32), crypto::randomBytes(32),
            crypto::randomBytes(32)};
}

QString KeyRing::defaultDirectory() {
    const QByteArray env = qgetenv("OASIS_KEY_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

QString KeyRing::filePath(const QString &directory, const QString &databaseId) {
    return QDir(directory).filePath(databaseId + QStringLiteral(".key"));
}

Status KeyRing::create(const QString &path, const KeyRing &keys) {
    return write(path, keys, false);
}

Status KeyRing::write(const QString &path, const KeyRing &keys, bool overwrite) {
    if (!overwrite && QFileInfo::exists(path))
        return fail(ErrorCode::Storage,
                    oasis::tr("The key file %1 already exists; it is never replaced.").arg(path));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(ErrorCode::Storage,
                    oasis::tr("Cannot create the folder for the key file %1.").arg(path));
    QJsonObject o{
        {QStringLiteral("format"), 1},
        {QStringLiteral("giftcard_lookup"), QString::fromLatin1(keys.giftCardLookup.toHex())},
        {QStringLiteral("giftcard_seal"), QString::fromLatin1(keys.giftCardSeal.toHex())},
        {QStringLiteral("journal"), QString::fromLatin1(keys.journal.toHex())},
        {QStringLiteral("pin_pepper"), QString::fromLatin1(keys.pinPepper.toHex())}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kPermissions) ||
        file.write(QJsonDocument(o).toJson()) < 0 || !file.commit())
        return fail(ErrorCode::Storage,
                    oasis::tr("Cannot write the key file %1: %2").arg(path, file.errorString()));
    QFile::setPermissions(path, kPermissions);
    return {};
}

Result<KeyRing> KeyRing::load(const QString &path, QStringList *warnings) {
    QFile file(path);
    if (!file.exists())
        return fail(
            ErrorCode::Storage,
            oasis::tr("The key file %1 of this database is missing. Restore it from the backup "
                      "(it is kept beside each snapshot); a new key is never made for an "
                      "existing database.")
                .arg(path));
    if (auto ok = keepPrivate(path, warnings); !ok)
        return std::unexpected(ok.error());
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Storage,
                    oasis::tr("Cannot read the key file %1: %2").arg(path, file.errorString()));
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    auto key = [&o](const char *name) {
        return QByteArray::fromHex(o.value(QLatin1String(name)).toString().toLatin1());
    };
    KeyRing k{key("giftcard_lookup"), key("giftcard_seal"), key("journal"), key("pin_pepper")};
    if (k.giftCardLookup.size() != 32 || k.giftCardSeal.size() != 32 || k.journal.size() != 32 ||
        k.pinPepper.size() != 32)
        return fail(ErrorCode::Storage, oasis::tr("The key file %1 is damaged.").arg(path));
    return k;
}

} // namespace oasis
