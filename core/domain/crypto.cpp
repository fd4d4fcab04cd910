// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <QHash>

#include <memory>
#include <stdexcept>

namespace oasis::crypto {

namespace {
const unsigned char *bytes(const QByteArray &a) {
    return reinterpret_cast<const unsigned char *>(a.constData());
}
unsigned char *bytes(QByteArray &a) {
    return reinterpret_cast<unsigned char *>(a.data());
}

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
using MacCtx = std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)>;

// OpenSSL 3's one-shot calls (HMAC(), EVP_Digest() with EVP_sha256()) look their algorithm up
// by name on every call: in a sale, with the process's caches cold, that lookup cost more than
// the hashing. The algorithms are fetched once (fetched objects are immutable and shared by
// threads), and each thread keeps an HMAC context per key, ready to start again.

const EVP_MD *sha256Digest() {
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!md)
        throw std::runtime_error("SHA-256 is not available");
    return md;
}

/// A context for HMAC-SHA256 under `key`, kept by this thread (a few keys: the store's).
EVP_MAC_CTX *hmacContext(const QByteArray &key) {
    static EVP_MAC *const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    thread_local QHash<QByteArray, std::shared_ptr<EVP_MAC_CTX>> contexts;
    if (auto kept = contexts.constFind(key); kept != contexts.cend())
        return kept->get();
    constexpr qsizetype kMaxKeys = 8; // a test process opens many stores
    if (contexts.size() >= kMaxKeys)
        contexts.clear();
    MacCtx ctx(mac ? EVP_MAC_CTX_new(mac) : nullptr, &EVP_MAC_CTX_free);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    if (!ctx || EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char *>(key.constData()),
                             static_cast<size_t>(key.size()), params) != 1)
        throw std::runtime_error("HMAC failed");
    EVP_MAC_CTX *raw = ctx.get();
    contexts.insert(key, std::shared_ptr<EVP_MAC_CTX>(ctx.release(), &EVP_MAC_CTX_free));
    return raw;
}
} // namespace

QByteArray randomBytes(int count) {
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(bytes(out), count) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return out;
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data) {
    // Started again under the key it was made with (a null key keeps the one it has).
    EVP_MAC_CTX *ctx = hmacContext(key);
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t len = 0;
    if (EVP_MAC_init(ctx, nullptr, 0, nullptr) != 1 ||
        EVP_MAC_update(ctx, bytes(data), static_cast<size_t>(data.size())) != 1 ||
        EVP_MAC_final(ctx, bytes(out), &len, static_cast<size_t>(out.size())) != 1)
        throw std::runtime_error("HMAC failed");
    out.resize(static_cast<qsizetype>(len));
    return out;
}

QByteArray sha256(const QByteArray &data) {
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), bytes(out), &len,
                   sha256Digest(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return out;
}

QByteArray pbkdf2Sha256(const QByteArray &secret, const QByteArray &salt, int iterations,
                        int length) {
    QByteArray out(length, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(secret.constData(), static_cast<int>(secret.size()), bytes(salt),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(), length,
                          bytes(out)) != 1)
        throw std::runtime_error("PBKDF2 failed");
    return out;
}

bool equal(const QByteArray &a, const QByteArray &b) {
    return a.size() == b.size() &&
           CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

QByteArray aesGcmEncrypt(const QByteArray &key, const QByteArray &plain, const QByteArray &aad) {
    if (key.size() != 32)
        throw std::invalid_argument("AES-256 key must be 32 bytes");
    const QByteArray nonce = randomBytes(12);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray cipher(plain.size(), Qt::Uninitialized);
    QByteArray tag(16, Qt::Uninitialized);
    int len = 0;
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) !=
            1 ||
        EVP_EncryptUpdate(ctx.get(), bytes(cipher), &len, bytes(plain),
                          static_cast<int>(plain.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), bytes(cipher) + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, tag.data()) != 1)
        throw std::runtime_error("AES-GCM encryption failed");
    return nonce + cipher + tag;
}

Result<QByteArray> aesGcmDecrypt(const QByteArray &key, const QByteArray &sealed,
                                 const QByteArray &aad) {
    if (key.size() != 32 || sealed.size() < 28)
        return fail(ErrorCode::Refused, QStringLiteral("The sealed value is damaged."));
    const QByteArray nonce = sealed.left(12);
    QByteArray tag = sealed.right(16);
    const QByteArray cipher = sealed.mid(12, sealed.size() - 28);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray plain(cipher.size(), Qt::Uninitialized);
    int len = 0;
    if (!ctx ||
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) !=
            1 ||
        EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, bytes(cipher),
                          static_cast<int>(cipher.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + len, &len) != 1)
        return fail(ErrorCode::Refused,
                    QStringLiteral("The sealed value does not match its key: it was altered."));
    return plain;
}

} // namespace oasis::crypto
