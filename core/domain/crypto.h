// SPDX-License-Identifier: GPL-3.0-or-later
// Thin wrappers over OpenSSL: random bytes, HMAC-SHA256, PBKDF2, AES-256-GCM.
#pragma once

#include "core/domain/error.h"

#include <QByteArray>

namespace oasis::crypto {

/// Cryptographically strong random bytes from RAND_bytes; throws if the generator fails.
QByteArray randomBytes(int count);
QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);
QByteArray sha256(const QByteArray &data);
QByteArray pbkdf2Sha256(const QByteArray &secret, const QByteArray &salt, int iterations,
                        int length = 32);
/// Compares in constant time.
bool equal(const QByteArray &a, const QByteArray &b);

/// AES-256-GCM: returns nonce(12) || ciphertext || tag(16).
QByteArray aesGcmEncrypt(const QByteArray &key, const QByteArray &plain, const QByteArray &aad);
Result<QByteArray> aesGcmDecrypt(const QByteArray &key, const QByteArray &sealed,
                                 const QByteArray &aad);

} // namespace oasis::crypto
