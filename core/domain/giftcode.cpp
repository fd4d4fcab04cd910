// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/giftcode.h"

#include "core/domain/crypto.h"

namespace oasis::giftcode {

namespace {
constexpr int kBase = 32;

int valueOf(QChar c) {
    const char16_t u = c.toUpper().unicode();
    if (u == u'I' || u == u'L')
        return 1;
    if (u == u'O')
        return 0;
    for (int i = 0; i < kBase; ++i)
        if (kAlphabet[i] == u)
            return i;
    return -1;
}

// Luhn mod N (N = 32): catches every single wrong character and most swapped neighbours.
int checkValue(const QString &body) {
    int factor = 2;
    int sum = 0;
    for (qsizetype i = body.size() - 1; i >= 0; --i) {
        int addend = factor * valueOf(body.at(i));
        factor = factor == 2 ? 1 : 2;
        addend = addend / kBase + addend % kBase;
        sum += addend;
    }
    return (kBase - sum % kBase) % kBase;
}

QString grouped(const QString &bodyWithCheck, const char *prefix = kPrefix) {
    QString out = QLatin1String(prefix);
    for (qsizetype i = 0; i < bodyWithCheck.size(); i += 4)
        out += u'-' + bodyWithCheck.mid(i, 4);
    return out;
}

QString compact(const QString &text) {
    QString s;
    s.reserve(text.size());
    for (QChar c : text)
        if (c != u'-' && c != u' ' && !c.isSpace())
            s += c.toUpper();
    return s;
}

QString generate(const char *prefix) {
    const QByteArray random = crypto::randomBytes(12); // 96 bits, 95 used
    QString body;
    quint64 acc = 0;
    int bits = 0;
    qsizetype next = 0;
    while (body.size() < kBodyLength) {
        if (bits < 5) {
            acc = (acc << 8) | static_cast<quint8>(random.at(next++));
            bits += 8;
        }
        bits -= 5;
        body += QLatin1Char(kAlphabet[(acc >> bits) & 31]);
    }
    return grouped(body + QLatin1Char(kAlphabet[checkValue(body)]), prefix);
}

Parsed parse(const QString &text, const char *prefix) {
    const QString s = compact(text);
    if (!s.startsWith(QLatin1String(prefix)))
        return {};
    QString rest = s.mid(qsizetype(qstrlen(prefix)));
    if (rest.size() != kBodyLength + 1)
        return {Parse::BadCheck, {}};
    QString normalized;
    for (QChar c : rest) {
        const int v = valueOf(c);
        if (v < 0)
            return {Parse::BadCheck, {}};
        normalized += QLatin1Char(kAlphabet[v]);
    }
    const QString body = normalized.left(kBodyLength);
    if (valueOf(normalized.back()) != checkValue(body))
        return {Parse::BadCheck, {}};
    return {Parse::Ok, grouped(normalized, prefix)};
}
} // namespace

QString generate() {
    return generate(kPrefix);
}

QString generateVoucher() {
    return generate(kVoucherPrefix);
}

Parsed parse(const QString &text) {
    return parse(text, kPrefix);
}

Parsed parseVoucher(const QString &text) {
    return parse(text, kVoucherPrefix);
}

QString generatePackage() {
    return generate(kPackagePrefix);
}

Parsed parsePackage(const QString &text) {
    return parse(text, kPackagePrefix);
}

bool looksLikePackage(const QString &text) {
    return compact(text).startsWith(QLatin1String(kPackagePrefix));
}

bool looksLikeGiftCard(const QString &text) {
    return compact(text).startsWith(QLatin1String(kPrefix));
}

bool looksLikeVoucher(const QString &text) {
    return compact(text).startsWith(QLatin1String(kVoucherPrefix));
}

QString lookupHash(const QByteArray &key, const QString &canonical) {
    return QString::fromLatin1(crypto::hmacSha256(key, compact(canonical).toLatin1()).toHex());
}

QString last4(const QString &canonical) {
    return compact(canonical).right(4);
}

} // namespace oasis::giftcode
