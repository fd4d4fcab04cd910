// SPDX-License-Identifier: GPL-3.0-or-later
// Gift-card codes: random, look-alike-free, grouped, with a prefix and a check character.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace oasis::giftcode {

/// "GC1": gift card, format version 1. The one scan field tells a card from anything else by it.
inline constexpr char kPrefix[] = "GC1";
/// "SV1": a service voucher (worth one session), format version 1: the same body, alphabet and
/// check character as a card's, only the prefix differs.
inline constexpr char kVoucherPrefix[] = "SV1";
/// "SP1": a session package (N sessions of one service), format version 1: the same body,
/// alphabet and check character as a card's.
inline constexpr char kPackagePrefix[] = "SP1";
inline constexpr int kBodyLength = 19; ///< 19 × 5 = 95 random bits from RAND_bytes
/// Crockford base32: no I, L, O or U, so nothing reads as another character.
inline constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A new code, canonical form "GC1-XXXX-XXXX-XXXX-XXXX-XXXX" (the last character is the check).
QString generate();
/// A new service-voucher code, "SV1-XXXX-XXXX-XXXX-XXXX-XXXX".
QString generateVoucher();
/// A new session-package code, "SP1-XXXX-XXXX-XXXX-XXXX-XXXX".
QString generatePackage();

enum class Parse { NotAGiftCard, BadCheck, Ok };
struct Parsed {
    Parse status = Parse::NotAGiftCard;
    QString canonical; ///< grouped form when Ok
};

/// Accepts what a person types or a scanner sends: any case, spaces and dashes ignored, I/L
/// read as 1 and O as 0. A bad check character is caught here, before any lookup.
Parsed parse(const QString &text);
/// The same for a service-voucher code (prefix SV1).
Parsed parseVoucher(const QString &text);
/// True when the text starts like a service-voucher code.
bool looksLikeVoucher(const QString &text);
/// The same for a session-package code (prefix SP1).
Parsed parsePackage(const QString &text);
/// True when the text starts like a session-package code.
bool looksLikePackage(const QString &text);
/// True when the text starts like a gift-card code (for the scan field's classifier).
bool looksLikeGiftCard(const QString &text);

/// The text only the key holder can compute: what the database stores to find a card.
QString lookupHash(const QByteArray &key, const QString &canonical);
/// Last four characters for display ("••7KQ2" style), never enough to use the card.
QString last4(const QString &canonical);

} // namespace oasis::giftcode
