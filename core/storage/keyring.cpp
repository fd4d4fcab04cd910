// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/keyring.h"

#include "core/domain/clock.h"
#include "core/domain/crypto.h"
#include "core/domain/savefile.h"
#include "core/domain/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <cctype>
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
            crypto::randomBytes(32), QString()};
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
    if (auto saved = saveFile(path, keys.toJson(), kPermissions); !saved)
        return fail(ErrorCode::Storage,
                    oasis::tr("Cannot write the key file %1: %2").arg(path, saved.error().message));
    QFile::setPermissions(path, kPermissions);
    return {};
}

Result<KeyRing> KeyRing::load(const QString &path, QStringList *warnings) {
    QFile file(path);
    if (!file.exists())
        return fail(
            ErrorCode::Storage,
            oasis::tr("The key file %1 of this database is missing. Restore it from the backup "
                      "(it is kept beside each snapshot) or import it on this computer with "
                      "oasisctl keys import FILE; a new key is never made for an existing "
                      "database.")
                .arg(path));
    if (auto ok = keepPrivate(path, warnings); !ok)
        return std::unexpected(ok.error());
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Storage,
                    oasis::tr("Cannot read the key file %1: %2").arg(path, file.errorString()));
    auto keys = fromJson(file.readAll());
    if (!keys)
        return fail(ErrorCode::Storage, oasis::tr("The key file %1 is damaged.").arg(path));
    return keys;
}

QByteArray KeyRing::toJson() const {
    QJsonObject o{{QStringLiteral("format"), 1},
                  {QStringLiteral("giftcard_lookup"), QString::fromLatin1(giftCardLookup.toHex())},
                  {QStringLiteral("giftcard_seal"), QString::fromLatin1(giftCardSeal.toHex())},
                  {QStringLiteral("journal"), QString::fromLatin1(journal.toHex())},
                  {QStringLiteral("pin_pepper"), QString::fromLatin1(pinPepper.toHex())}};
    if (!smtpPassword.isEmpty())
        o.insert(QStringLiteral("smtp_password"), smtpPassword);
    return QJsonDocument(o).toJson();
}

Result<KeyRing> KeyRing::fromJson(const QByteArray &json) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    auto key = [&o](const char *name) {
        return QByteArray::fromHex(o.value(QLatin1String(name)).toString().toLatin1());
    };
    KeyRing k{key("giftcard_lookup"), key("giftcard_seal"), key("journal"), key("pin_pepper"),
              o.value(QLatin1String("smtp_password")).toString()};
    if (k.giftCardLookup.size() != 32 || k.giftCardSeal.size() != 32 || k.journal.size() != 32 ||
        k.pinPepper.size() != 32)
        return fail(ErrorCode::Storage, oasis::tr("The keys are damaged."));
    return k;
}

// A sealed key file (`oasisctl keys export`), for example:
//
//   OASIS-KEYRING-EXPORT 1
//   store-id: 5f0c...-...
//   journal-head: 00000000000000000042 <the hash of journal entry 42>
//   kdf: pbkdf2-hmac-sha256
//   kdf-iterations: 600000
//   kdf-salt: <16 random bytes in hex>
//   cipher: aes-256-gcm
//   exported-at: 2026-12-05T07:30:00Z
//
//   <nonce(12) || AES-256-GCM(key file JSON) || tag(16), in base64, 76 characters a line>
//
// The header up to and including its blank line is the cipher's associated data, so changing
// the store id, the rounds or anything else in it makes the tag fail, as does any change of the
// body. A later format is a new number on the first line.
namespace {
constexpr char kSealMagic[] = "OASIS-KEYRING-EXPORT";
constexpr int kSealFormat = 1;
constexpr char kSealKdf[] = "pbkdf2-hmac-sha256";
constexpr char kSealCipher[] = "aes-256-gcm";
// Rounds of a file sealed now (OWASP's 2023 figure for PBKDF2-HMAC-SHA256), and the range a
// file may ask for: fewer would make its passphrase cheap to guess, more only makes opening a
// changed file slow.
constexpr int kSealIterations = 600'000;
constexpr int kSealMinIterations = 100'000;
constexpr int kSealMaxIterations = 10'000'000;

QByteArray stretch(const QString &passphrase, const QByteArray &salt, int iterations) {
    // The same passphrase typed on another computer may come composed differently.
    return crypto::pbkdf2Sha256(passphrase.normalized(QString::NormalizationForm_C).toUtf8(), salt,
                                iterations, 32);
}

QByteArray wrapped(const QByteArray &base64) {
    QByteArray out;
    for (qsizetype i = 0; i < base64.size(); i += 76)
        out += base64.mid(i, 76) + '\n';
    return out;
}

bool idCharacters(const QByteArray &id) {
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (char c : id)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
            return false;
    return true;
}
} // namespace

KeyRing::SealingKey KeyRing::sealingKey(const QString &passphrase) {
    const QByteArray salt = crypto::randomBytes(16);
    return {salt, kSealIterations, stretch(passphrase, salt, kSealIterations)};
}

QByteArray KeyRing::seal(const QString &storeId, qint64 journalSeq, const QString &journalHash,
                         const SealingKey &key) const {
    const QByteArray header =
        QByteArray(kSealMagic) + ' ' + QByteArray::number(kSealFormat) + '\n' +
        "store-id: " + storeId.toLatin1() + '\n' +
        "journal-head: " + QByteArray::number(journalSeq).rightJustified(20, '0') + ' ' +
        journalHash.toLatin1() + '\n' + "kdf: " + kSealKdf + '\n' +
        "kdf-iterations: " + QByteArray::number(key.iterations) + '\n' +
        "kdf-salt: " + key.salt.toHex() + '\n' + "cipher: " + kSealCipher + '\n' +
        "exported-at: " + Clock::nowUtc().toString(Qt::ISODate).toLatin1() + '\n' + '\n';
    return header + wrapped(crypto::aesGcmEncrypt(key.key, toJson(), header).toBase64());
}

Result<KeyRing::Sealed> KeyRing::unseal(const QByteArray &file, const QString &passphrase) {
    const auto notSealed = [] {
        return fail(ErrorCode::Refused,
                    oasis::tr("This is not a sealed Oasis POS key file (or it was changed)."));
    };
    const qsizetype end = file.indexOf("\n\n");
    if (end < 0 || !file.startsWith(QByteArray(QByteArray(kSealMagic) + ' ')))
        return notSealed();
    const QByteArray header = file.left(end + 2);
    const QList<QByteArray> lines = file.left(end).split('\n');
    const QByteArray format = lines.first().mid(qsizetype(sizeof kSealMagic));
    if (format != QByteArray::number(kSealFormat)) {
        bool number = false;
        if (format.toInt(&number) > kSealFormat && number)
            return fail(ErrorCode::Refused,
                        oasis::tr("This key file is in format %1, written by a newer Oasis POS: "
                                  "update this program to import it.")
                            .arg(QString::fromLatin1(format)));
        return notSealed();
    }
    // Exactly these fields, in this order.
    const QList<QByteArray> names{"store-id", "journal-head", "kdf",        "kdf-iterations",
                                  "kdf-salt", "cipher",       "exported-at"};
    if (lines.size() != names.size() + 1)
        return notSealed();
    QList<QByteArray> values;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QByteArray prefix = names[i] + ": ";
        if (!lines[i + 1].startsWith(prefix))
            return notSealed();
        values << lines[i + 1].mid(prefix.size());
    }
    const QList<QByteArray> head = values[1].split(' ');
    bool seqNumber = false;
    const qint64 journalSeq = head.first().toLongLong(&seqNumber);
    const QByteArray journalHash = head.value(1);
    bool number = false;
    const int iterations = values[3].toInt(&number);
    const QByteArray salt = QByteArray::fromHex(values[4]);
    const QDateTime exportedAt = QDateTime::fromString(QString::fromLatin1(values[6]), Qt::ISODate);
    if (!idCharacters(values[0]) || head.size() != 2 || !seqNumber || journalSeq < 0 ||
        journalHash.size() != 64 || QByteArray::fromHex(journalHash).toHex() != journalHash ||
        values[2] != kSealKdf || values[5] != kSealCipher || !number ||
        iterations < kSealMinIterations || iterations > kSealMaxIterations || salt.size() < 16 ||
        salt.toHex() != values[4] || !exportedAt.isValid())
        return notSealed();
    // The body: base64 in lines of 76, each byte of it as seal() writes it.
    const QByteArray body = file.mid(end + 2);
    auto decoded = QByteArray::fromBase64Encoding(QByteArray(body).replace('\n', QByteArray()),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || wrapped(decoded.decoded.toBase64()) != body)
        return notSealed();
    auto plain =
        crypto::aesGcmDecrypt(stretch(passphrase, salt, iterations), decoded.decoded, header);
    if (!plain)
        return fail(ErrorCode::Refused,
                    oasis::tr("The passphrase does not open this key file (or the file was "
                              "changed after it was exported). Nothing was written."));
    auto keys = fromJson(*plain);
    if (!keys)
        return notSealed();
    return Sealed{QString::fromLatin1(values[0]), journalSeq, QString::fromLatin1(journalHash),
                  exportedAt, *keys};
}

} // namespace oasis
