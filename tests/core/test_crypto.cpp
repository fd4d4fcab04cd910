// SPDX-License-Identifier: GPL-3.0-or-later
// The hashes every journal entry, gift-card lookup and anchor rests on, against published test
// vectors: HMAC-SHA256 from RFC 4231, SHA-256 from FIPS 180-2. HMAC keeps a context per key
// and thread (crypto.cpp), so keys are interleaved, reused and outnumber what it keeps.
#include "core/domain/crypto.h"
#include "tests/support/testsupport.h"

#include <QThread>

#include <vector>

using namespace oasis;

namespace {
QByteArray hmacHex(const QByteArray &key, const QByteArray &data) {
    return crypto::hmacSha256(key, data).toHex();
}

const QByteArray kJefe = "Jefe";
const QByteArray kJefeData = "what do ya want for nothing?";
const QByteArray kJefeMac = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
const QByteArray kAaKey(131, '\xaa'); // longer than SHA-256's block: hashed first
const QByteArray kAaData = "Test Using Larger Than Block-Size Key - Hash Key First";
const QByteArray kAaMac = "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
} // namespace

TEST_CASE("HMAC-SHA256 gives RFC 4231's values, whatever keys came before", "[crypto]") {
    CHECK(hmacHex(kJefe, kJefeData) == kJefeMac);
    CHECK(hmacHex(kAaKey, kAaData) == kAaMac);
    // The same key again, after another: the kept context starts over, with its own key.
    CHECK(hmacHex(kJefe, kJefeData) == kJefeMac);
    CHECK(hmacHex(kJefe, kJefeData) == kJefeMac);
    // More keys than a thread keeps: each still hashes as itself.
    std::vector<QByteArray> macs;
    for (int i = 0; i < 20; ++i)
        macs.push_back(hmacHex(QByteArray(1 + i, char('a' + i)), kJefeData));
    for (int i = 0; i < 20; ++i)
        CHECK(hmacHex(QByteArray(1 + i, char('a' + i)), kJefeData) == macs[std::size_t(i)]);
    CHECK(hmacHex(kAaKey, kAaData) == kAaMac);
    // An empty key is a key too (HMAC pads it), not "the key from before".
    CHECK(hmacHex(QByteArray(), QByteArray()) ==
          "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST_CASE("HMAC-SHA256 gives the same values on another thread", "[crypto]") {
    QByteArray jefe, aa;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        jefe = hmacHex(kJefe, kJefeData);
        aa = hmacHex(kAaKey, kAaData);
    }));
    thread->start();
    REQUIRE(thread->wait(30'000));
    CHECK(jefe == kJefeMac);
    CHECK(aa == kAaMac);
    CHECK(hmacHex(kJefe, kJefeData) == kJefeMac);
}

TEST_CASE("SHA-256 gives FIPS 180-2's values", "[crypto]") {
    CHECK(crypto::sha256("abc").toHex() ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(crypto::sha256(QByteArray()).toHex() ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
