// SPDX-License-Identifier: GPL-3.0-or-later
// The counter's outbox: sending never holds up the caller; a failed send waits and is retried.
#include "tests/mail/smtpsink.h"

#include "core/domain/giftcode.h"
#include "mail/compose.h"
#include "mail/outbox.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <catch2/catch.hpp>

#include <memory>

using namespace oasis;
using namespace oasis::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

mail::Server loopbackServer(int port, int totalMs = 20'000) {
    mail::Server server;
    server.settings.host = u"127.0.0.1"_s;
    server.settings.port = port;
    server.settings.security = SmtpSecurity::None;
    server.settings.from = u"hello@oasis-spa.example"_s;
    server.connectTimeoutMs = 5'000;
    server.totalTimeoutMs = totalMs;
    return server;
}

mail::Message cardMessage(const QString &code, const QString &to) {
    printing::GiftCertificate card;
    card.store = {u"Oasis"_s, {}, {}};
    card.code = code;
    card.amount = Money::fromCents(40'00);
    auto message = mail::giftCardMessage(card, u"hello@oasis-spa.example"_s, to);
    REQUIRE(message);
    return *message;
}

template <typename Done>
bool waitFor(Done done, int ms = 20'000) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QTest::qWait(20);
    return done();
}

} // namespace

TEST_CASE("the outbox retries a refused email and sends it once the server takes it", "[mail]") {
    SmtpSink refusing(true);
    SmtpSink good;
    int port = refusing.port();
    mail::Outbox outbox([&port] { return loopbackServer(port); });
    outbox.setRetryDelays({150ms, 300ms});
    QList<qint64> sent;
    QObject::connect(&outbox, &mail::Outbox::sent, &outbox,
                     [&sent](mail::Outbox::Kind kind, qint64 id, const QString &to) {
                         REQUIRE(kind == mail::Outbox::Kind::GiftCard);
                         REQUIRE(to == u"maya@example.com"_s);
                         sent << id;
                     });
    const QString code = giftcode::generate();
    REQUIRE(
        outbox.enqueue(cardMessage(code, u"maya@example.com"_s), mail::Outbox::Kind::GiftCard, 7));
    REQUIRE(outbox.waiting() == 1);
    REQUIRE(outbox.statusText() == u"1 email waiting"_s);
    REQUIRE(waitFor([&] { return outbox.statusText().startsWith(u"Email could not be sent"_s); }));
    REQUIRE(outbox.statusText().contains(u"550"_s));
    REQUIRE(outbox.statusText().endsWith(u"(1 email waiting)"_s));
    REQUIRE_FALSE(outbox.statusText().contains(code));
    REQUIRE(sent.isEmpty());

    // The server is set right: the next try (its back-off) delivers it, once.
    port = good.port();
    REQUIRE(waitFor([&] { return !sent.isEmpty(); }));
    REQUIRE(sent == QList<qint64>{7});
    REQUIRE(outbox.waiting() == 0);
    REQUIRE(outbox.statusText().isEmpty());
    REQUIRE(good.messageFiles().size() == 1);
    QTest::qWait(500);
    REQUIRE(good.messageFiles().size() == 1);
    REQUIRE(refusing.messageFiles().isEmpty());
}

TEST_CASE("the outbox never holds up the counter and refuses a bad address at once", "[mail]") {
    // A server that takes the connection and never answers: a send blocks until its deadline.
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
    std::vector<std::unique_ptr<QTcpSocket>> held;
    QObject::connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket *s = silent.nextPendingConnection())
            held.emplace_back(s);
    });
    const int port = silent.serverPort();
    mail::Outbox outbox([port] { return loopbackServer(port, 1'500); });
    outbox.setRetryDelays({60s});

    const mail::Message bad = [] {
        mail::Message m = cardMessage(giftcode::generate(), u"maya@example.com"_s);
        m.to = u"maya at example"_s;
        return m;
    }();
    const Status refused = outbox.enqueue(bad, mail::Outbox::Kind::GiftCard, 1);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().code == ErrorCode::Invalid);
    REQUIRE(outbox.waiting() == 0);

    QElapsedTimer timer;
    timer.start();
    REQUIRE(outbox.enqueue(cardMessage(giftcode::generate(), u"sam@example.com"_s),
                           mail::Outbox::Kind::Receipt, 42));
    REQUIRE(timer.elapsed() < 500);
    REQUIRE(outbox.waiting() == 1);
    // The deadline ends the try; the email waits for its next turn, the reason on show.
    REQUIRE(waitFor([&] { return outbox.statusText().startsWith(u"Email could not be sent"_s); },
                    15'000));
    REQUIRE(outbox.waiting() == 1);
}

TEST_CASE("an outbox going away stops the send under way at once", "[mail]") {
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
    std::vector<std::unique_ptr<QTcpSocket>> held;
    QObject::connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket *s = silent.nextPendingConnection())
            held.emplace_back(s);
    });
    const int port = silent.serverPort();
    QElapsedTimer timer;
    {
        mail::Outbox outbox([port] {
            mail::Server server = loopbackServer(port, 30'000);
            server.connectTimeoutMs = 30'000; // the greeting that never comes counts here
            return server;
        });
        REQUIRE(outbox.enqueue(cardMessage(giftcode::generate(), u"sam@example.com"_s),
                               mail::Outbox::Kind::Receipt, 1));
        REQUIRE(waitFor([&] { return !held.empty(); }, 5'000));
        QTest::qWait(300);
        INFO(outbox.statusText().toStdString());
        REQUIRE(outbox.statusText() == u"1 email waiting"_s); // still trying
        timer.start();
    }
    // Not the 30 s deadline of the server: the app quits without waiting for it.
    REQUIRE(timer.elapsed() < 3'000);
}
